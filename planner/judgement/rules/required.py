"""Rules on what every output must carry by law, policy or contract (`product.required_output`).

The mirror of what an output must never hold (guard.py): a safety warning, a disclaimer, its sources or
the price must be in every output, and a model trained or told to include it does so usually, not always.
A lead asks what checks each output carries it, or appends it by template, and whether the done check
counts the outputs that miss it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.guard import GRAVE_FORBIDDEN
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.words import SENTENCE, Lexicon, words_of
from planner.plan.model import Category, Guard, Mode, Plan, TaskType

# An answer that opens by saying nothing is required ("Nothing.", "None by law", "No requirement").
_NOTHING_REQUIRED = re.compile(
    r"\s*(?:nothing|none|no\s+requirements?|not\s+applicable|n/a)\b"
    r"(?!\s*[,;:]?\s*(?:until|except|but|apart|other\s+than|besides|beyond)\b)",
    re.IGNORECASE,
)

# A requirement that warns of harm to body, life or the law: a safety warning, a disclaimer.
REQUIRED_WARNING = GRAVE_FORBIDDEN + Lexicon("""
    warning, warnings, risk warning, risk warnings, health warning, health warnings, disclaimer
    disclaimers, legal disclaimer, legal notice, hazard, hazards, hazard statement, hazard statements
    side effects, side-effects, not financial advice, not medical advice, not legal advice
""")

# Words saying the required content is added or checked outside the model: by a template or a check.
ADDED_OUTSIDE = Lexicon("""
    template, templates, by template, appended, appends, append, added by the system, added automatically
    inserted automatically, stamped, fixed footer, footer, validator, validated, checked by a rule
    schema check, checked before sending, blocked if missing, rejected if missing
""")

# Words saying a template or the system attaches content around what the model writes, said in other
# answers (the output, the decision): stricter than ADDED_OUTSIDE, whose `validated` means other things there.
ATTACHES = Lexicon("""
    template, templates, templated, letter template, standard template, approved template, boilerplate
    appended, appends, stamped, fixed footer, added automatically, inserted automatically
""")
# Words saying a named check outside the model reads each output for it (`the PDF validator rejects any
# label without the batch code`): said in the same sentence as what is required.
CHECKED_BY = Lexicon("""
    validator, validators, validated by, checked by, schema check, schema checks, rejects any, rejects every
    rejected if missing, blocked if missing, checks every output, checks each output, checks every, checks each
""")
_ATTACHED_IN = (
    "product.output",
    "product.forbidden_guard",
    "after_launch.fallback",
    "product.decision",
    "product.current_solution",
    "press_release.solution",
    "done.when_met",
)

# Words of a done metric that counts outputs with or without what they must carry.
COUNTS_PRESENCE = Lexicon("""
    missing, without, lacking, lacks, omitted, omits, omission, omissions, carry, carries, carrying
    include, includes, including, included, present, presence, compliance, compliant, non-compliant
    violation, violations
""")

# Words of a requirement that say nothing of what it is.
_GENERIC = frozenset({
    "every", "each", "output", "outputs", "must", "carry", "carries", "include", "includes", "the", "and",
    "with", "from", "that", "this", "their", "law", "laws", "policy", "policies", "contract", "contracts",
    "required", "requires", "requirement", "reply", "replies", "answer", "answers", "message", "messages",
    "text", "document", "documents", "draft", "drafts", "always", "where", "when", "which", "shown", "show",
})  # fmt: skip

_CHECKED_OUTSIDE = (Guard.rule, Guard.review)

# Said where a generator must carry something and nobody has said where it gets it from.
_SOURCE_UNSAID = (
    "product.statements_source: not answered (does the input or a reference you supply hold what it must "
    "say, or only the model's own knowledge?)"
)


# Tasks whose model writes the output itself; any other gives a class, score or figure the system records.
_WRITES_TEXT = frozenset({TaskType.generation, TaskType.other, None})


def required_said(plan: Plan) -> str | None:
    """What every output must carry, when the plan says something is required (not 'nothing', 'TBD')."""
    said = plan.product.required_output
    if not said or says_nothing(said) or _NOTHING_REQUIRED.match(said):
        return None
    return said


def _key(required: str) -> set[str]:
    """The words that say what the requirement is (not `every output must carry`)."""
    return {word.removesuffix("s") for word in words_of(required) if len(word) > 3 and word not in _GENERIC}


def _attached_elsewhere(plan: Plan, required: str) -> str | None:
    """The answer whose sentence says a template attaches the requirement (or that the model writes only
    a part of a templated output), quoted; None when no answer says so."""
    key = _key(required)
    for path in _ATTACHED_IN:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for sentence in SENTENCE.split(text):
            if not (ATTACHES.find(sentence) or CHECKED_BY.find(sentence)):
                continue
            named = {word.removesuffix("s") for word in words_of(sentence)}
            if key & named or "only" in named:
                return quote(plan, path)
    return None


# Words saying each input arrives with its own record of where and when it was taken.
_METADATA = Lexicon("""
    metadata, meta-data, run metadata, image metadata, exif, header data, file header, its timestamp
""")


def _copied_from_input(plan: Plan, required: str) -> bool:
    """Whether what every output must carry comes with each input as its metadata (`the frame ... with
    route, location and run metadata`) and the model writes no text: a detector or a classifier does not
    "usually include" a location; the pipeline copies the input's own fields onto each finding."""
    if plan.product.task is TaskType.generation or not _METADATA.find(plan.product.inputs):
        return False
    named = {word.removesuffix("s") for word in words_of(plan.product.inputs or "")}
    return bool(_key(required) & named)


def _counted(plan: Plan, required: str) -> str | None:
    """The done metric that counts outputs missing the requirement: it names one of its words."""
    key = _key(required)
    for index, metric in enumerate(plan.done.metrics):
        named = {word.removesuffix("s") for word in words_of(metric.name)}
        if key & named and COUNTS_PRESENCE.find(metric.name):
            return quote(plan, f"done.metrics[{index}].name")
    return None


@rule(
    "required-output-unchecked",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Check outside the model that every output carries what it must",
        "A model trained or told to include a warning, a disclaimer, its sources or the price does so "
        "usually, not always: append it by template or check each output for it before it goes out, and "
        "count the outputs missing it as a done metric, target 0",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.required_output": "The firm's name and its regulator's reference number.",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                "product.required_output: \"The firm's name and its regulator's reference number.\" (every "
                "output must carry it, and a model only usually includes it)",
                'product.forbidden_guard: "nothing" (nothing outside the model is named to check the outputs)',
                "no done metric counts the outputs missing it",
                _SOURCE_UNSAID,
            ),
        ),
        Case(  # a safety warning, sent alone: high
            {
                "product.task": "generation",
                "product.required_output": "The safety warning for the chemical named in the answer.",
                "product.forbidden_guard": "model",
                "product.mode": "automate",
            },
            evidence=(
                'product.required_output: "The safety warning for the chemical named in the answer." (every '
                "output must carry it, and a model only usually includes it)",
                'product.forbidden_guard: "model" (nothing outside the model is named to check the outputs)',
                "no done metric counts the outputs missing it",
                _SOURCE_UNSAID,
                "a safety or legal warning: safety warning",
                'product.mode: "automate"',
            ),
        ),
        Case(  # templates named, but not as what carries the requirement
            {
                "product.task": "generation",
                "product.required_output": "The firm's name and its regulator's reference number.",
                "product.output": "A reply drafted in the tone of our templates.",
            }
        ),
    ),
    quiet=(
        Case(  # a named validator reads every output for the required number before it goes out
            {
                "product.required_output": "The firm's name and its regulator's reference number.",
                "product.output": "A draft letter. The compliance validator rejects any letter without the "
                "reference number.",
            }
        ),
        Case({"product.required_output": "nothing"}),
        Case(  # a classifier's verdict: the photo and the date on each letter are the system's to write
            {
                "product.task": "classification",
                "product.required_output": "The photo and the date on every letter.",
            }
        ),
        Case({"product.required_output": "None by law or contract."}),
        Case(
            {
                "product.task": "generation",
                "product.required_output": "The risk warning.",
                "product.forbidden_guard": "rule",
            }
        ),
        Case(
            {
                "product.task": "generation",
                "product.required_output": "The risk warning, appended by a template after generation.",
            }
        ),
        Case(  # the output says the letter template carries the warning
            {
                "product.task": "generation",
                "product.required_output": "The risk warning.",
                "product.output": "A reply paragraph; the letter template adds the greeting and the risk warning.",
            }
        ),
        Case(  # a detector's findings carry the location the input's metadata gives
            {
                "product.task": "detection",
                "product.required_output": "The location (site, pole number) and image of each finding.",
                "product.inputs": "Each drone image of a pole, with site, pole number and flight metadata.",
            }
        ),
        Case(
            {
                "product.task": "generation",
                "product.required_output": "The risk warning.",
                "done.metrics": [
                    {
                        "name": "Replies missing the risk warning",
                        "baseline": 0.1,
                        "target": 0,
                        "direction": "lower",
                    }
                ],
            }
        ),
    ),
)
def required_output_unchecked(plan: Plan) -> Evidence:
    """Only the model puts in what every output must carry.

    Every output must carry something by law, policy or contract (a safety warning, a disclaimer, its
    sources, the price), and nothing outside the model checks that it does: a model trained or told to
    include it does so usually, not always, and nobody knows how often it is missing until the outputs
    are counted. Carried is not right: where nothing the model is given holds what it must say, it writes
    it from its own knowledge (statements-without-source reads where it gets it).

    Mitigation: Append what is required by template, or check every output for it outside the model
    before it goes out; count the outputs missing it as a done metric, with a target of 0.
    """
    required = required_said(plan)
    guard = plan.product.forbidden_guard
    if required is None or guard in _CHECKED_OUTSIDE or ADDED_OUTSIDE.find(required):
        return None
    if plan.product.task not in _WRITES_TEXT:
        return None  # the model gives a class, a score or a figure: the system writes the record around it
    if _counted(plan, required) or _attached_elsewhere(plan, required):
        return None  # counted by a done metric, or a template attaches it outside the model
    if _copied_from_input(plan, required):
        return None  # the input's own metadata carries it, and the model writes no text
    note = "every output must carry it, and a model only usually includes it"
    found = [quote(plan, "product.required_output", note)]
    unchecked = "nothing outside the model is named to check the outputs"
    if guard is None:
        found.append(f"product.forbidden_guard: not answered ({unchecked})")
    else:
        found.append(quote(plan, "product.forbidden_guard", unchecked))
    found.append("no done metric counts the outputs missing it")
    if plan.product.task is TaskType.generation and plan.product.statements_source is None:
        found.append(_SOURCE_UNSAID)  # present is not right: what does the model write it from?
    warning = REQUIRED_WARNING.find_all(required)
    if warning:
        grave = f"a safety or legal warning: {', '.join(warning)}"
        if plan.product.mode is Mode.automate:
            return (*found, grave, quote(plan, "product.mode"))
        if serious_harm(plan):
            return (*found, grave, severity_quote(plan))
    return Tempered(3, found)
