"""Rules on a model that writes: text a language model generates for people to read or send.

A lead asks two things of every generated draft before its quality: can it state a figure, a date or a
promise its sources do not hold, and who else writes into its prompt. Both reason from the plan's
structure (a generation task, the mode, what happens to a draft, the ticked circumstances) and from
done metrics that already count wrong facts; words of free text only say whose text the prompt holds.
"""

from __future__ import annotations

from planner.judgement.rules.audience import (
    nobody_gains,
    outsiders_only_read,
    outsiders_read,
    outsiders_type_in,
)
from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.broadcast import published_unchecked
from planner.judgement.rules.described import nobody_described, retrieved_from
from planner.judgement.rules.done import metric_blind_to_harm
from planner.judgement.rules.evidence import answer_at, first_said, quote, read_paths, says_nothing, ticked
from planner.judgement.rules.extracted import prompted_extraction
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import (
    FACTS_COUNTED,
    INJECTION_SAID,
    OTHER_CLIENTS,
    PUBLIC_CORPUS,
    SCOPED,
    SHARED_CORPUS,
)
from planner.judgement.rules.words import words_of
from planner.plan.model import Acquisition, Category, Circumstance, DataKind, Guard, Mode, Plan, TaskType
from planner.plan.workings import Reach

# Where a plan says what the model reads and what it is for.
_READS = ("product.inputs", "product.goal", "product.current_solution", "product.decision")


def writes_text(plan: Plan, *, tables: bool = False) -> str | None:
    """The evidence that the model writes text: a generation task whose data is text (or unsaid), or with
    `tables`, text or tables (a model that writes statements from records)."""
    if plan.product.task is not TaskType.generation:
        return None
    kinds = plan.product.data_kinds
    if kinds and DataKind.text not in kinds and not (tables and DataKind.tabular in kinds):
        return None  # images or audio made, not statements of fact
    return quote(plan, "product.task")


def facts_counted(plan: Plan) -> bool:
    """Whether a done metric, the worst error's metric, the evaluation set or a monitor counts wrong facts."""
    texts = [metric.name for metric in plan.done.metrics]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    texts += [plan.done.worst_error_metric or "", plan.done.eval_set or ""]
    return any(FACTS_COUNTED.find(text) for text in texts)


def _unread(plan: Plan) -> str | None:
    """The evidence that drafts reach their readers with nobody checking each: the model automates or
    sends on its own, or others beyond the deciders read its output."""
    return (
        ticked(plan, Circumstance.commits_alone)
        or (quote(plan, "product.mode") if plan.product.mode is Mode.automate else None)
        or ticked(plan, Circumstance.others_use_output)
    )


@rule(
    "generated-facts-unchecked",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Count the drafts that state a fact their sources do not hold",
        "A language model writes fluent figures, dates, names and promises whether or not its sources "
        "hold them, and a reader trusts fluent text: put every figure in from the record, not from the "
        "model, and add a done metric for drafts with an unsupported or wrong fact",
        "warning",
    ),
    fires=(
        Case(
            {"product.task": "generation", "product.data_kinds": ["text"], "product.mode": "augment"},
            evidence=(
                'product.task: "generation"',
                "no done metric counts drafts with a wrong or unsupported fact",
            ),
        ),
        Case(  # thousands published to outsiders, nobody checking each: high, whatever the team's rating
            {"product.task": "generation", "product.audience": "outsiders", "product.mode": "automate"}
            | {"impact.volume": 5000, "impact.period": "once", "impact.error_severity": "minor"}
        ),
    ),
    quiet=(
        Case({"product.task": "generation", "product.data_kinds": ["images"]}),
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "done.metrics": [
                    {
                        "name": "Drafts with no unsupported claim, graded by two agents",
                        "baseline": 0.8,
                        "target": 0.97,
                    }
                ],
            }
        ),
    ),
)
def generated_facts_unchecked(plan: Plan) -> Evidence:
    """Generated text may state facts its sources do not hold, and no done metric counts it.

    A language model writes a figure, a date, an amount, a name, a policy term or a promise as fluently
    when its sources hold it as when they do not, and it is weak at arithmetic. A reader takes fluent
    text at its word; a reviewer who edits style misses a wrong figure. Overall quality scores (helpful,
    accepted, edited little) rise while such errors slip through.

    Mitigation: Fill every figure, date and amount from the record in code, not from the model's text;
    check each fact a draft states against its sources automatically before anyone reads it; add a done
    metric for drafts with an unsupported or wrong fact, graded on a sample by people who see the
    sources, with a ceiling it must stay under.
    """
    writes = writes_text(plan)
    if writes is None or facts_counted(plan) or metric_blind_to_harm(plan):
        return None  # counted already, or metric-blind-to-harm says the done metric misses it
    missing = "no done metric counts drafts with a wrong or unsupported fact"
    published = published_unchecked(plan)  # a misdescription in bulk, whatever the team rates it
    if published:
        return (writes, *published, missing)
    unread = _unread(plan)
    if unread and serious_harm(plan):  # sent unchecked, and a wrong fact hurts
        return (writes, unread, severity_quote(plan), missing)
    return Tempered(3, (writes, unread, missing) if unread else (writes, missing))


@rule(
    "outsiders-write-the-prompt",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Treat text from outside as data, never as instructions, and test the model with attacks",
        "A message or document written outside the organisation becomes part of the prompt, and a "
        "sentence in it can tell the model what to write, reveal or do",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The customer's e-mail and their order history.",
                "product.circumstances": None,
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The customer\'s e-mail and their order history."',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # customers type the request itself: nothing else need be read from outside
            {
                "product.task": "generation",
                "product.audience": "both",
                "product.model_reach": ["request_only"],
                "product.circumstances": None,
            },
            evidence=(
                'product.task: "generation"',
                'product.audience: "both" (people outside type into it or read its output)',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a language model reads suppliers' invoices to extract their fields
            {
                "product.task": "extraction",
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "product.model_reach": ["reads_outside_text"],
                "product.circumstances": None,
            },
            evidence=(
                'product.task: "extraction"',
                'product.model_reach: ["reads_outside_text"] (reads_outside_text ticked)',
            ),
        ),
        Case(  # official notices drafted into a brief, nobody who writes them gains by steering it: low
            {"product.task": "generation", "product.model_reach": ["reads_outside_text"]},
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case({"product.task": "generation", "product.audience": "staff", "product.model_reach": []}),
        Case(  # customers only read letters staff approve, drafted from the team's own records
            {
                "product.task": "generation",
                "product.audience": "both",
                "product.model_reach": ["request_only"],
                "product.forbidden_guard": "review",
            }
        ),
        Case(  # outsiders read what it extracts from old archive pages; nobody outside writes the pages
            {
                "product.task": "extraction",
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "product.audience": "both",
                "product.model_reach": ["request_only"],
            }
        ),
        Case(  # an extraction by a model the team trains: no prompt for a sentence to steer
            {"product.task": "extraction", "product.model_reach": ["reads_outside_text"]}
        ),
        Case(  # the shared mailbox is a source for evaluation; the prompt holds the asker's question only
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The staff member's question and the top-5 retrieved policy chunks.",
                "constraints.data.sources[0].name": "Advice-line shared mailbox (50,000 e-mails since 2022)",
            }
        ),
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "Our own engineers' maintenance notes.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # the text read is notes the team's own staff type: `letters from` them is what is drafted
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The notes our bereavement team types during the call; the model drafts "
                "letters from these notes.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # e-mail is how the office reaches the owner, not what the model reads
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "Our surveyors' notes and the parts price list.",
                "product.decision": "The office checks each draft and e-mails the owner.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    ask="can a sentence in text from outside tell the model what to write or do?",
)
def outsiders_write_the_prompt(plan: Plan) -> Evidence:
    """Text written outside the organisation goes into the prompt.

    A customer's e-mail, an applicant's document or a supplier's attachment becomes part of what the
    language model reads, and a sentence in it can instruct the model: to promise a refund, to ignore
    its rules, to reveal another customer's records it retrieved, or to write something the
    organisation would never sign. Whoever gains from a favourable draft has every reason to try.

    Mitigation: Keep outside text apart from instructions and tell the model it is data; let no
    action, amount or disclosure follow from the model's free text, only from a structured decision
    checked against policy; retrieve only what the sender may see; add injected messages to the
    evaluation set and run them on every prompt or model change.
    """
    writes = writes_text(plan) or prompted_extraction(plan)
    if writes is None or ticked(plan, Circumstance.commits_alone):
        return None  # commits-unchecked already says a message can talk an acting model into an action
    if first_said(plan, (*_READS, "after_launch.fallback", "done.eval_set"), INJECTION_SAID):
        return None  # the plan already guards against instructions hidden in outside text
    reach, nobody = plan.product.model_reach, nobody_gains(plan)
    if Reach.reads_outside_text in reach:  # the team's tick: a fact, whatever words the inputs use
        if Reach.acts in reach:
            return None  # outside-text-steers-actions says it of a model that also acts
        ticks = (writes, quote(plan, "product.model_reach", "reads_outside_text ticked"))
        return Tempered(1, (*ticks, nobody)) if nobody else ticks
    if reach and plan.product.task is TaskType.extraction:
        return None  # an extraction's request is the document: reads_outside_text unticked says nobody outside wrote it
    typed = outsiders_type_in(plan)
    read_only = outsiders_only_read(plan) if typed else None
    if typed and read_only:  # they read what staff approve; staff and own records write what it reads
        return None if read_only[1] else Tempered(1, (writes, typed, read_only[0]))
    if typed:  # the request itself is written outside the organisation
        return Tempered(1, (writes, typed, nobody)) if nobody else (writes, typed)
    if reach:  # answered, reads_outside_text not ticked: the team says no outsider writes what it reads
        return None
    gains = ticked(plan, Circumstance.party_gains)
    if gains:
        return (writes, gains)
    # what the model reads: how staff act or contact people (`we e-mail the owner`) puts nothing in it
    found = outsiders_read(plan)
    if found is None:
        return None
    path, words = found
    if path != "product.inputs" and not _in_the_prompt(plan, answer_at(plan, path)):
        return None  # a source the inputs do not name (`the staff member's question and policy chunks`)
    return Hint(words, (writes, quote(plan, path)))


def _in_the_prompt(plan: Plan, source: str) -> bool:
    """Whether the model's inputs, where the team says what the prompt holds, name this source (a word of
    its name); unanswered inputs leave every source possibly in it."""
    inputs = plan.product.inputs
    if not inputs or says_nothing(inputs):
        return True
    named = {word for word in words_of(source) if len(word) > 4}
    return bool(named & set(words_of(inputs)))


def public_corpus(plan: Plan, path: str) -> bool:
    """Whether what the model retrieves is public: the answer naming it says so (published guidance,
    Hansard, an open register), or every data source the plan names is public."""
    if PUBLIC_CORPUS.find(answer_at(plan, path)):
        return True
    sources = plan.constraints.data.sources
    return bool(sources) and all(
        source.acquisition in (Acquisition.public, Acquisition.open_data) or PUBLIC_CORPUS.find(source.name)
        for source in sources
    )


@rule(
    "drafts-may-leak-records",
    Category.ethics,
    likelihood=3,
    impact=4,
    move=Move(
        "Retrieve only what the reader may see, and test drafts for others' details",
        "A model that drafts from a shared store of past replies or files can copy one client's name, "
        "figures or situation into another's draft: scope retrieval to the reader, and check drafts for "
        "names and numbers that are not theirs",
    ),
    ask="can a draft carry another client's or person's details from what the model retrieves?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and similar cases retrieved from past replies.",
                "constraints.data.personal_data": True,
            },
            evidence=(
                'product.inputs: "The client\'s question and similar cases retrieved from past replies."',
                "constraints.data.personal_data: true",
                'product.forbidden_guard: "nothing" (nothing said to keep out)',
            ),
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # the team says what must never appear, and only the model keeps it out: a fact
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The message and the housing office's shared case notes.",
                "constraints.data.personal_data": True,
                "product.forbidden_guard": "not_yet",
                "product.forbidden_output": "Another tenant's name, address or arrears.",
            },
            evidence=(
                'product.forbidden_guard: "not_yet"',
                'product.forbidden_output: "Another tenant\'s name, address or arrears."',
                "constraints.data.personal_data: true",
            ),
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # replies published to each client's own portal are not public
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and similar past replies, published to each client's portal.",
                "constraints.data.personal_data": True,
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # the shared store it retrieves from describes people; only an unused manual does not
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The tenant's question and similar past replies retrieved from the repairs mailbox.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Repairs mailbox", "acquisition": "own", "about_people": True},
                    {"name": "Boiler service manuals", "acquisition": "vendor", "about_people": False},
                ],
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # a person checks every draft: a low question
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and similar cases retrieved from past replies.",
                "constraints.data.personal_data": True,
                "product.forbidden_guard": "review",
                "product.forbidden_output": "Another client's details.",
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and that client's own past replies (access control).",
                "constraints.data.personal_data": True,
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # the past answers it retrieves are published: nothing in them is another's secret
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The member's question and similar past answers retrieved from Hansard.",
                "constraints.data.personal_data": True,
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # every source is public
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The caller's question and similar cases retrieved from the register.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [{"name": "Charity register", "acquisition": "public"}],
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # what it retrieves describes nobody; the export that does is not what it reads
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The visitor's question and passages retrieved from the collection catalogue.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Collection catalogue", "acquisition": "own", "about_people": False},
                    {"name": "Ticketing system export", "acquisition": "own", "about_people": True},
                ],
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # a check outside the model keeps other clients' details out
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and similar cases retrieved from past replies.",
                "constraints.data.personal_data": True,
                "product.forbidden_guard": "rule",
                "product.forbidden_output": "Another client's details.",
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
    ),
)
def drafts_may_leak_records(plan: Plan) -> Evidence:
    """A draft may carry another client's or person's details.

    A language model that drafts from a shared store (past replies, case files, a knowledge base of
    correspondence) copies what it retrieves: one client's name, figures, diagnosis or situation can
    appear in another's reply, and a reviewer checking tone misses it. That is a data breach, sent.

    Mitigation: Retrieve only documents the reader may see (filter by client, by access rights);
    strip names and figures from shared examples; check each draft for names, account numbers and
    amounts that are not the reader's before it is sent; add such cases to the evaluation set.
    """
    writes = writes_text(plan)
    if writes is None or plan.constraints.data.personal_data is not True:
        return None
    if {Reach.reads_wider, Reach.reads_as_user, Reach.request_only} & set(plan.product.model_reach):
        return None  # ticked: reads-beyond-the-asker says it, lookups run as the asker, or none is made
    guard = plan.product.forbidden_guard
    if guard is Guard.rule:
        return None  # a check outside the model keeps other clients' details out
    paths = read_paths(plan)
    if first_said(plan, (*paths, "after_launch.fallback", "done.eval_set"), SCOPED):
        return None  # retrieval is scoped to the reader, or the shared store is anonymised
    if guard in (Guard.model, Guard.not_yet) and OTHER_CLIENTS.find(plan.product.forbidden_output):
        # the team says a draft must never hold another client's details, and only the model keeps
        # them out: a fact, whatever words the inputs use
        said = (quote(plan, "product.forbidden_guard"), quote(plan, "product.forbidden_output"))
        return (*said, quote(plan, "constraints.data.personal_data"))
    found = first_said(plan, paths, SHARED_CORPUS)
    if found is None:
        return None
    path, words = found
    if public_corpus(plan, path):
        return None  # a public corpus holds nothing another reader may not see
    if nobody_described(retrieved_from(plan, path, words)):
        return None  # the team says what it retrieves describes nobody: no one's details to carry over
    found_at = (quote(plan, path), quote(plan, "constraints.data.personal_data"))
    if guard is Guard.review:  # a person checks every draft: a low question
        return Hint(words, (*found_at, quote(plan, "product.forbidden_guard")), likelihood=1)
    if guard is Guard.nothing:  # the plan says nothing is forbidden, yet others' records are in reach
        return Hint(words, (*found_at, quote(plan, "product.forbidden_guard", "nothing said to keep out")))
    return Hint(words, found_at)
