"""Rules on content others own in the data, the prompts or the examples (`constraints.data.content_rights`).

Public is not free to use: articles, images, reviews, manuals and code carry terms that may forbid
training on them, or reproducing them in an output. A lead asks whose content is in there and what its
terms allow before it is trained on, put in a prompt, or quoted back in what the product publishes.
"""

from __future__ import annotations

from planner.judgement.rules.audience import OUTSIDERS_TEXT, OWN_TEXT
from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, says_nothing, ticked
from planner.judgement.rules.lexicon import AUDITED_AGAINST, OPEN_DATA, QUOTED_BY_PURPOSE
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon, not_denied
from planner.plan.choices import Acquisition
from planner.plan.model import Audience, Category, Circumstance, ContentRights, Mode, Plan, Reach, TaskType


def _goes_outside(plan: Plan) -> list[str]:
    """The answers saying the content can reach the world: generated output that others use or that is
    sent unchecked, or a vendor's model tuned on it."""
    found = []
    if plan.product.task is TaskType.generation:
        outside = ticked(plan, Circumstance.others_use_output)
        if outside is None and plan.product.mode is Mode.automate:
            outside = quote(plan, "product.mode", "its output goes out unchecked")
        if outside:
            note = "generated text can reproduce what it learned or was shown"
            found += [quote(plan, "product.task", note), outside]
    hosted = plan.constraints.compute.hosted_model
    if hosted and not says_nothing(hosted) and trained(plan):
        found.append(
            quote(plan, "constraints.compute.hosted_model", "a vendor's model tuned on that content")
        )
    return found


def _made_to_be_quoted(plan: Plan) -> str | None:
    """The source whose documents exist to be followed and quoted to their readers (a product's label,
    the organisation's policies, a public regulation, the standard an audit is held against), when no
    other source is bought from a vendor: a standard bought to audit against is bought to be cited (a feed of
    labels bought from a vendor comes with the vendor's terms)."""
    sources = plan.constraints.data.sources
    if any(s.acquisition is Acquisition.vendor and not AUDITED_AGAINST.find(s.name) for s in sources):
        return None
    for number, source in enumerate(sources):
        said = QUOTED_BY_PURPOSE.find(source.name)
        if said:
            return quote(
                plan, f"constraints.data.sources[{number}].name", f"'{said}': made to be quoted to readers"
            )
    return None


def _read_inside(plan: Plan) -> str | None:
    """The answer saying generated text stays with the organisation's own staff, about their own work, from a
    model nobody trains on the content: quoting a supplier's charts or labels in internal work documents is
    ordinary use, not publishing it, so the terms are a question to settle rather than a breach in waiting."""
    if plan.product.task is not TaskType.generation or plan.product.audience is not Audience.staff:
        return None
    if trained(plan):
        return None  # tuned on it: the content is taken into a model, whoever reads the output
    note = "only the organisation's own staff read what it writes: quoted inside, not published"
    return quote(plan, "product.audience", note)


def _open_data_only(plan: Plan) -> bool:
    """Whether every source others own is a public body's open data or under an open licence (ticked
    `open_data`, or named: the Met Office, NOAA, open government data, CC BY): its terms allow reuse. Scraped pages, books, manuals and
    code do not settle it, nor does any source bought from a vendor."""
    others = [s for s in plan.constraints.data.sources if s.acquisition is not Acquisition.own]
    # Lowercased: the bodies and licences are names (`Met Office`), which words otherwise skip.
    return bool(others) and all(
        s.acquisition is Acquisition.open_data
        or (s.acquisition is not Acquisition.vendor and OPEN_DATA.find(s.name.lower()))
        for s in others
    )


def _own_records_only(plan: Plan) -> str | None:
    """The first source's acquisition, when every source named is the organisation's own records (no
    vendor's, public, customers' or still to collect): the content others own that was ticked is then a
    question to settle (quoted letters, suppliers' manuals in the files), not third-party data taken in."""
    sources = plan.constraints.data.sources
    if not sources or any(source.acquisition is not Acquisition.own for source in sources):
        return None
    note = "every source is the organisation's own records: which of their content do others own?"
    return quote(plan, "constraints.data.sources[0].acquisition", note)


def _facts_from_own_records(plan: Plan) -> bool:
    """Whether the model only extracts values (codes, dates, amounts) from the organisation's own records:
    facts read out of a document are nobody's to own, and nothing of its text is reproduced or taken in
    from outside, whoever wrote the documents filed there (suppliers' notices, customers' letters)."""
    return plan.product.task is TaskType.extraction and bool(_own_records_only(plan))


def _unchecked_in_own_records(plan: Plan) -> bool:
    """Whether content others own is ticked unchecked while every source is the organisation's own."""
    return plan.constraints.data.content_rights is ContentRights.not_checked and bool(_own_records_only(plan))


# Words saying the output answers what it reads: a reply to a review, a response to a message.
REPLIES = Lexicon("""
    reply, replies, reply to, replies to, response, responses, response to, responses to, respond
    responds, responding, answer to, answers to, acknowledgement, acknowledgements
""")

# What people outside write to or about the organisation, that a reply answers.
WRITTEN_TO_US = Lexicon("""
    review, reviews, customer review, customer reviews, guest review, guest reviews, online review
    online reviews, comment, comments, enquiry, enquiries, inquiry, inquiries, message, messages, complaint
    complaints, feedback, question, questions
""")


def answers_what_it_reads(plan: Plan) -> str | None:
    """The answer saying the content others own is only what the output replies to: generated replies
    to messages or reviews written to or about the organisation, from a model nobody trains on them and
    no source bought from a vendor. A reply answers a review on the platform it came from; it does not
    republish it, so the terms to check are the platform's (reading and replying), a question, not a
    breach in waiting."""
    product = plan.product
    if product.task is not TaskType.generation or trained(plan) or not REPLIES.find(product.output):
        return None
    if any(source.acquisition is Acquisition.vendor for source in plan.constraints.data.sources):
        return None
    inputs = product.inputs or ""
    found = (*OUTSIDERS_TEXT.find_all(inputs), *WRITTEN_TO_US.find_all(inputs))
    words = not_denied(found, inputs, OWN_TEXT, OWN_TEXT)
    if not words and Reach.reads_outside_text not in product.model_reach:
        return None
    said = f"'{words[0]}'" if words else "text outsiders write"
    note = f"replies to {said} it reads, from a model nobody trains on them: whose terms cover reading them?"
    return quote(plan, "product.output", note)


_PLATFORM_TERMS = Instead(
    lambda plan: answers_what_it_reads(plan) is not None,
    Move(
        "Check the platform's terms for reading its reviews or messages and replying",
        "The content others own is what the drafts reply to, not what they republish: read the terms of "
        "the platform it comes from (its API, copying reviews into a prompt, posting replies) and keep "
        "replies from quoting the reviewer at length",
        "info",
    ),
    "Read the platform's terms for fetching its reviews or messages, putting them in a prompt and posting "
    "replies; keep replies from quoting the reviewer at length.",
    "May the platform's reviews or messages be read into a prompt and replied to?",
)


_WHOSE_CONTENT = Instead(
    _unchecked_in_own_records,
    Move(
        "Confirm whose content the organisation's own records hold",
        "The sources are the organisation's own records, yet the answers say content others own is in them "
        "unchecked; find which (letters or attachments others wrote, suppliers' manuals, quoted articles) and "
        "check its terms, or untick it if staff wrote it all",
        "info",
    ),
    "Find which content in the organisation's own records others own (letters or attachments others wrote, "
    "suppliers' manuals, quoted articles) and check its terms, or record that staff wrote it all.",
    "Do the organisation's own records hold content others own?",
)


_CITED = Instead(
    lambda plan: _made_to_be_quoted(plan) is not None,
    Move(
        "Confirm that the documents the output cites allow it",
        "The content others own is documents made to be cited to their readers (a standard audited "
        "against, a regulation, a product's label): check that their terms allow putting them in a prompt "
        "or tuning a model on them, and cite them rather than copy them at length",
        "info",
    ),
    "Check that the terms of the documents the output cites allow putting them in a prompt or tuning a model "
    "on them; cite them by clause rather than copying them at length.",
    "Do the terms of the documents the output cites allow this use?",
)


_TAKEN_IN = {"constraints.data.sources": [{"name": "Reviews from review sites", "acquisition": "public"}]}


@rule(
    "content-rights-unchecked",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "List each source of others' content and check its terms",
        "For every source of articles, images, reviews, manuals or code in the data, prompts or examples, "
        "note who owns it and whether its terms allow training and reproduction in an output; replace or "
        "license what they do not allow, and keep outputs from quoting it verbatim",
        "warning",
        first=True,
    ),
    instead=(_CITED, _WHOSE_CONTENT, _PLATFORM_TERMS),
    fires=(
        Case(
            {"constraints.data.content_rights": "not_checked", **_TAKEN_IN},
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
            ),
        ),
        Case(  # generated text others read: it can reproduce the content, high
            {
                "constraints.data.content_rights": "not_checked",
                **_TAKEN_IN,
                "product.task": "generation",
                "product.audience": "both",
                "product.circumstances": ["others_use_output"],
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                'product.task: "generation" (generated text can reproduce what it learned or was shown)',
                'product.circumstances: "others_use_output" (others beyond the deciders use its output: '
                "customers, other teams)",
            ),
        ),
        Case(  # replies to reviews of the business, posted unchecked: a medium question of the platform's terms
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [{"name": "Our Google reviews", "acquisition": "public"}],
                "product.task": "generation",
                "product.audience": "both",
                "product.mode": "automate",
                "product.inputs": "Each customer review of our restaurants and its star rating.",
                "product.output": "A reply to each review, posted under our name.",
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                "product.output: \"A reply to each review, posted under our name.\" (replies to 'customer review' "
                "it reads, from a model nobody trains on them: whose terms cover reading them?)",
            ),
            also=frozenset({"generated-facts-unchecked", "outsiders-write-the-prompt"}),
        ),
        Case(  # a vendor's model tuned on it
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": None,
                "constraints.compute.hosted_model": "A hosted LLM API, fine-tuned on the manuals.",
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                'constraints.compute.hosted_model: "A hosted LLM API, fine-tuned on the manuals." (a vendor\'s '
                "model tuned on that content)",
            ),
        ),
        Case(  # every source the organisation's own records: a low note that asks whose content it is
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [
                    {"name": "Our inspection reports, 2019-2025", "acquisition": "own"}
                ],
                "product.task": "generation",
                "product.circumstances": ["others_use_output"],
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                'constraints.data.sources[0].acquisition: "own" (every source is the organisation\'s own '
                "records: which of their content do others own?)",
            ),
        ),
        Case(  # reports the organisation writes, citing the standard it audits against: a low question
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [
                    {"name": "Our signed inspection reports, 2019-2025", "acquisition": "own"},
                    {"name": "Organic certification standards", "acquisition": "vendor"},
                ],
                "product.task": "generation",
                "product.circumstances": ["others_use_output"],
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                "constraints.data.sources[1].name: \"Organic certification standards\" ('certification standards': "
                "made to be quoted to readers)",
            ),
        ),
        Case(  # a supplier's charts quoted in text only staff read, no model tuned on them: a low question
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [{"name": "Manufacturer's load charts", "acquisition": "vendor"}],
                "product.task": "generation",
                "product.audience": "staff",
                "product.circumstances": ["others_use_output"],
            },
            evidence=(
                'constraints.data.content_rights: "not_checked" (content others own is in the data, prompts or '
                "examples, and nobody has checked its terms)",
                'product.audience: "staff" (only the organisation\'s own staff read what it writes: quoted '
                "inside, not published)",
            ),
        ),
    ),
    quiet=(
        Case(  # values extracted from suppliers' recall letters filed in the organisation's own archive
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [
                    {"name": "Suppliers' recall letters, 2020-2025", "acquisition": "own"}
                ],
                "product.task": "extraction",
            }
        ),
        Case({"constraints.data.content_rights": "own"}),
        Case({"constraints.data.content_rights": "licensed"}),
        Case(  # a public body's open data: its licence allows reuse
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [
                    {"name": "Meter readings", "acquisition": "own"},
                    {"name": "Met Office hourly temperatures", "acquisition": "public"},
                ],
            }
        ),
        Case(  # ticked as a public body's official data, whatever its name says
            {
                "constraints.data.content_rights": "not_checked",
                "constraints.data.sources": [
                    {"name": "Harbour board tide notices", "acquisition": "open_data"},
                    {"name": "Pilot station log", "acquisition": "own"},
                ],
            }
        ),
    ),
)
def content_rights_unchecked(plan: Plan) -> Evidence:
    """Content others own is used, and nobody has checked its terms.

    The data, the prompts or the examples hold articles, images, reviews, manuals or code others own,
    and nobody has read the terms: they may forbid training on it or reproducing it in an output, and
    public does not mean free to use. A model that generates text others read, or a vendor's model tuned
    on it, can carry it out into the world. A public body's open data (a weather service, open
    government data) or a source under an open licence settles it: its terms allow reuse. Where every
    source is the organisation's own records, or generated text is read only by the organisation's own
    staff from a model nobody tunes on the content (a supplier's charts quoted in work documents), the
    tick is a question of whose content it is and what its terms allow.

    Mitigation: List each third-party source with its owner and terms (training, reproduction in output);
    replace or license what the terms do not allow, and keep outputs from quoting it verbatim.
    """
    if plan.constraints.data.content_rights is not ContentRights.not_checked or _open_data_only(plan):
        return None
    if _facts_from_own_records(plan):
        return None  # values read out of the organisation's own files: no text of others' goes anywhere
    note = "content others own is in the data, prompts or examples, and nobody has checked its terms"
    found = [quote(plan, "constraints.data.content_rights", note)]
    quoted = _made_to_be_quoted(plan)
    if quoted:
        return Tempered(1, (*found, quoted))  # documents that exist to be reproduced to their readers
    own = _own_records_only(plan)
    if own:  # the organisation's own records, written by its staff as far as the sources say: ask
        return Tempered(1, (*found, own))
    replies = answers_what_it_reads(plan)
    if replies:  # what the drafts answer, not what they republish: a question of the platform's terms
        return Tempered(2, (*found, replies))
    inside = _read_inside(plan)
    if inside:  # a supplier's documents quoted to staff: a question of terms, not publication
        return Tempered(1, (*found, inside))
    outside = _goes_outside(plan)
    return (*found, *outside) if outside else Tempered(3, found)


@rule(
    "content-rights-forbid-use",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "Replace or license the content whose terms forbid this use",
        "Terms that forbid training on content, or reproducing it, make the model and its outputs a "
        "liability: remove that content from the data, prompts and examples, or license it, before any "
        "model is trained or shipped on it",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.content_rights": "not_allowed"},
            evidence=(
                'constraints.data.content_rights: "not_allowed" (content in the data, prompts or examples is '
                "used against its owner's terms)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.content_rights": "licensed"}),
        Case({"constraints.data.content_rights": "not_checked"}),
    ),
)
def content_rights_forbid_use(plan: Plan) -> Evidence:
    """The terms of content in the data, prompts or examples forbid this use.

    The team knows that content others own is used against its terms (no training, no reproduction, no
    commercial use): a model trained or prompted on it, and every output that reproduces it, is a breach
    the owner can act on, and removing it later means retraining.

    Mitigation: Remove the content from the data, prompts and examples or license it before training or
    shipping; list every third-party source with its terms, and keep outputs from quoting any of it
    verbatim.
    """
    if plan.constraints.data.content_rights is not ContentRights.not_allowed:
        return None
    return (
        quote(
            plan,
            "constraints.data.content_rights",
            "content in the data, prompts or examples is used against its owner's terms",
        ),
    )
