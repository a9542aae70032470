"""Items a model leaves out of a list it produces, which no score of the listed items counts.

An extraction of every entry, a drafted register, a list of findings: a model can leave an item out,
and the omission shows nowhere. A reviewer who confirms each listed line cannot see what is absent,
and precision or field accuracy score only the listed items. A lead asks for recall of the missing
items against the source, and a review that reads the source, not only the list. The team's answer
(`product.items_covered`) says whether each output must cover a list of items and what counts the ones it
leaves out; without it, the words of the output only raise the question.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, quote, ticked, truth_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Category,
    CheckedOutputs,
    Circumstance,
    ErrorCost,
    ItemsCovered,
    Mode,
    Plan,
    TaskType,
)
from planner.plan.oversight import UNCHECKED_FIRST

# Words saying the output is a list meant to hold every item of its source.
WHOLE_LIST = Lexicon("""
    all items, every item, all entries, every entry, all the entries, all line items, every line item
    list of all, full list, complete list, every clause, all clauses, all the clauses
    every finding, all findings, all the findings, every defect, all defects, all the defects
    every obligation, all obligations, every medication, all medications, every hazard, all hazards
    every asset, all assets, every party, all parties, every date, all deadlines, every deadline
    register of, the register, asset register, risk register, hazard register, inventory of
""")
# Words saying a done metric or the review counts what was left out.
MISSES_COUNTED = Lexicon("""
    recall, missed, misses, missing items, items missed, omission, omissions, omitted, left out
    completeness, complete against, checked against the source, against the source, read the source
    every item in the source, coverage of items
""")
_LISTS = frozenset({TaskType.extraction, TaskType.generation})
_OUTPUT_PATHS = ("product.output", "product.goal", "product.decision")


def _checks(plan: Plan) -> list[str]:
    reviews = ["product.decision", "heuristics.humans_handle"]
    monitors = [
        f"after_launch.monitoring[{index}].signal" for index in range(len(plan.after_launch.monitoring))
    ]
    return [*truth_paths(plan), *reviews, *monitors]


@rule(
    "list-omissions-uncounted",
    Category.model,
    likelihood=5,
    impact=3,
    ask="can the model leave an item out of the list, and does any metric or review count what is missing?",
    move=Move(
        "Count the items the model leaves out, against the source",
        "A reviewer who confirms each listed line cannot see what is absent, and precision or field accuracy "
        "score only listed items: list every item a sample of sources holds, report recall of them as a done "
        "metric with a target, have each output checked against a list or a count drawn from the source, "
        "map each record of a document that holds several to its item and score per record, and give the "
        "list a state for what could not be checked",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "extraction",
                "product.output": "A list of every obligation in the contract, with its due date.",
                "done.metrics": [
                    {"name": "Precision of extracted obligations", "baseline": 0.0, "target": 0.95}
                ],
                "done.eval_set": "300 contracts, each extracted obligation checked by a lawyer.",
            },
            evidence=(
                'product.output: "A list of every obligation in the contract, with its due date." (every '
                "obligation: the list is meant to hold every item of its source)",
                'done.metrics[0].name: "Precision of extracted obligations" (it scores the items listed: an '
                "item the model leaves out counts nowhere)",
            ),
            also=frozenset({"target-above-agreement", "target-beyond-human"}),
        ),
        Case(  # a claim letter for each policy in a file, read by a person who cannot see a missing one
            {
                "product.task": "generation",
                "product.items_covered": "not_counted",
                "product.checked_outputs": "every_before",
                "impact.costlier_error": "similar",
            },
            evidence=(
                'product.task: "generation"',
                'product.items_covered: "not_counted" (each output must cover every item its sources hold, '
                "and nothing counts the ones it leaves out)",
                'product.checked_outputs: "every_before" (a person reads each output, but an item left out '
                "leaves nothing there to see)",
            ),
        ),
        Case(  # lots on a lab report written to the quality system unchecked: high
            {
                "product.task": "extraction",
                "product.items_covered": "not_counted",
                "product.mode": "automate",
                "impact.costlier_error": "similar",
            },
            evidence=(
                'product.task: "extraction"',
                'product.items_covered: "not_counted" (each output must cover every item its sources hold, '
                "and nothing counts the ones it leaves out)",
                'product.mode: "automate" (nobody reads the output before it is used)',
            ),
        ),
        Case(  # a missed item is the costlier error: high
            {
                "product.task": "extraction",
                "product.items_covered": "not_counted",
                "impact.costlier_error": "false_negative",
            },
        ),
        Case(  # checked against a count from the source, but no done metric with a target: low
            {"product.task": "extraction", "product.items_covered": "reconciled"},
        ),
    ),
    quiet=(
        Case({"product.task": "extraction", "product.items_covered": "counted", "product.mode": "automate"}),
        Case({"product.task": "generation", "product.items_covered": "no_list"}),
        Case({"product.task": "classification", "product.items_covered": "not_counted"}),
        Case(  # the team says no list, whatever the words of the output
            {
                "product.task": "extraction",
                "product.output": "A list of every obligation in the contract, with its due date.",
                "product.items_covered": "no_list",
            }
        ),
        Case(  # recall of the items against the source is measured
            {
                "product.task": "extraction",
                "product.output": "A list of every obligation in the contract, with its due date.",
                "done.metrics": [
                    {"name": "Recall of obligations marked by a lawyer", "baseline": 0.0, "target": 0.95}
                ],
            }
        ),
        Case(  # one value per document, not a list
            {
                "product.task": "extraction",
                "product.output": "The invoice total and its due date.",
                "done.metrics": [{"name": "Field accuracy", "baseline": 0.0, "target": 0.95}],
            }
        ),
    ),
)
def list_omissions_uncounted(plan: Plan) -> Evidence:
    """Items a model leaves out of a list it produces, which no score of the listed items counts.

    Extracting every entry of a document, drafting a register, listing the findings of an inspection: a
    model can leave an item out, and nothing shows it. A reviewer who confirms each listed line cannot see
    what is absent, precision and field accuracy score only what was listed, and a list with no state for
    'could not be checked' makes an absent item read as a clear one. An item left out weighs most where a missed item is the costlier error, or where nobody reads the
    output before it is used: then nothing stands between the omission and the record.

    Mitigation: Mark every item in a sample of sources by hand and report recall of them beside
    precision, as a done metric with a target; have each output checked against a list or a count drawn
    from the source, not only read; where a document holds several records (rows, batches), map each to
    its item and score per record; give the list a state for areas or items that could not be checked.
    """
    if plan.product.task not in _LISTS:
        return None
    if plan.product.items_covered is not None:
        return _answered(plan)
    whole = first_said(plan, _OUTPUT_PATHS, WHOLE_LIST)
    if whole is None or first_said(plan, _checks(plan), MISSES_COUNTED):
        return None
    path, words = whole
    found = [quote(plan, path, f"{', '.join(words)}: the list is meant to hold every item of its source")]
    if plan.done.metrics:
        note = "it scores the items listed: an item the model leaves out counts nowhere"
        found.append(quote(plan, "done.metrics[0].name", note))
    return Hint(words, found)


# Answers that leave some outputs used with nobody reading them first.
_UNREAD = frozenset({CheckedOutputs.none, *UNCHECKED_FIRST} - {CheckedOutputs.every_after})


def _unread(plan: Plan) -> str | None:
    """The answer saying outputs are used with nobody reading them first, quoted; None otherwise."""
    note = "nobody reads the output before it is used"
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode", note)
    if plan.product.checked_outputs in _UNREAD:
        return quote(plan, "product.checked_outputs", note)
    return ticked(plan, Circumstance.commits_alone)


def _answered(plan: Plan) -> Evidence:
    """The risk from the team's own answer on the items each output must cover."""
    covered = plan.product.items_covered
    if covered in (ItemsCovered.counted, ItemsCovered.no_list):
        return None
    task = quote(plan, "product.task")
    if covered is ItemsCovered.reconciled:
        note = (
            "each output is checked against the sources' list, but no done metric counts the items left out"
        )
        return Tempered(2, (task, quote(plan, "product.items_covered", note)))
    note = "each output must cover every item its sources hold, and nothing counts the ones it leaves out"
    found = [task, quote(plan, "product.items_covered", note)]
    if plan.impact.costlier_error is ErrorCost.false_negative:
        return (*found, quote(plan, "impact.costlier_error", "a missed item is the costlier error"))
    unread = _unread(plan)
    if unread:
        return (*found, unread)
    if plan.product.checked_outputs is CheckedOutputs.every_before:
        note = "a person reads each output, but an item left out leaves nothing there to see"
        found.append(quote(plan, "product.checked_outputs", note))
    return Tempered(4, found)
