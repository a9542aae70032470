"""Items a model leaves out of a list it produces, which no score of the listed items counts.

An extraction of every entry, a drafted register, a list of findings: a model can leave an item out,
and the omission shows nowhere. A reviewer who confirms each listed line cannot see what is absent,
and precision or field accuracy score only the listed items. A lead asks for recall of the missing
items against the source, and a review that reads the source, not only the list.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote, truth_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

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
    likelihood=3,
    impact=3,
    ask="can the model leave an item out of the list, and does any metric or review count what is missing?",
    move=Move(
        "Count the items the model leaves out, against the source",
        "A reviewer who confirms each listed line cannot see what is absent, and precision or field accuracy "
        "score only listed items: mark every item in a sample of sources, report recall of them, have the "
        "review read the source, and give the list a state for what could not be checked",
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
    ),
    quiet=(
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
    'could not be checked' makes an absent item read as a clear one.

    Mitigation: Mark every item in a sample of sources by hand and report recall of them beside
    precision; have the review read the source, not only the list; give the list a state for areas or
    items that could not be checked.
    """
    if plan.product.task not in _LISTS:
        return None
    whole = first_said(plan, _OUTPUT_PATHS, WHOLE_LIST)
    if whole is None or first_said(plan, _checks(plan), MISSES_COUNTED):
        return None
    path, words = whole
    found = [quote(plan, path, f"{', '.join(words)}: the list is meant to hold every item of its source")]
    if plan.done.metrics:
        note = "it scores the items listed: an item the model leaves out counts nowhere"
        found.append(quote(plan, "done.metrics[0].name", note))
    return Hint(words, found)
