"""Rules on a label built indirectly: computed by an allocation rule, or given by someone who saw less
than the person whose decision it stands for.

A cost, a return or a margin spread over items by a formula (by weight, by revenue, pro rata) is the
formula's output, not a measurement: a model trained on it learns the rule back and its score says how
well it copies it. A grade given from a photo stands for a grader who handles the object: the model
learns the weaker view, and the test scored on the same labels cannot show the gap.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, handled, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, LabelGrain, Plan

# A label spread over items by a rule rather than measured on each.
ALLOCATED = Lexicon("""
    allocated, apportioned, allocation key, allocation rule, allocation formula, allocated by, allocated pro rata
    pro rata, pro-rata, prorated, pro-rated, spread evenly, split evenly, shared out, by a formula, by formula
    cost driver, cost drivers, activity-based, standard cost, standard costs, imputed cost, imputed costs
""")
# Words saying the allocated label was checked against amounts measured on the items themselves.
MEASURED_EACH = Lexicon("""
    measured per item, measured per order, measured for each, measured on each, actual cost per, actual costs per
    checked against actual, compared with actual, compared against actual, validated against actual
""")
# A label given from a photo, a listing or a form: less than the object itself.
FROM_LESS = Lexicon("""
    from the photo, from the photos, from photos, from a photo, from photographs, from the photographs
    from pictures, from the pictures, from images, from the images, from the image, from the listing
    from listings, from the description, from descriptions, from the form, from the forms, from screenshots
    from the scan, from scans, from the paperwork, from the file, from the files
""")
# The real decision is made with the object in hand.
IN_HAND = Lexicon("""
    in person, in hand, in the hand, in their hands, physically, inspects, inspect, inspected, examines
    examine, examined, on site, on-site, hands-on, tries on, try on, test drive, test-drives, unpacks
""")
_LABEL = ("product.label", "by_hand.human_score_notes")


@rule(
    "label-allocated-by-rule",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure the label on items, not through the allocation rule",
        "A label spread over items by a formula (by weight, revenue, pro rata) is the formula's output: the "
        "model learns the rule back and its score says how well it copies it; measure the amount on a "
        "sample of items directly, or predict at the level where it is measured",
        "warning",
    ),
    ask="is the label an amount allocated to items by a rule, so the model learns the rule back?",
    fires=(
        Case(
            {
                "product.label": "Returns cost per order line, allocated from the monthly warehouse cost by weight."
            },
            evidence=(
                'product.label: "Returns cost per order line, allocated from the monthly warehouse c..." '
                "(allocated: the label is a formula's output, not measured on each item)",
            ),
        ),
        Case(  # the plan says so in a tick: a fact, high
            {
                "product.task": "regression",
                "product.label": "Cash delivered to each bank branch on a truck round, in kg.",
                "constraints.data.label_grain": "split_from_total",
            },
            evidence=(
                'constraints.data.label_grain: "split_from_total" (a total measured once for several items and '
                "shared among them: no row's label says anything about its own item)",
                'product.label: "Cash delivered to each bank branch on a truck round, in kg."',
            ),
        ),
    ),
    quiet=(
        Case({"product.label": "Returns cost per order line, as invoiced by the carrier."}),
        Case(  # weighed at each stop
            {
                "product.task": "regression",
                "product.label": "Cash delivered to each bank branch on a truck round, in kg.",
                "constraints.data.label_grain": "measured_each",
            }
        ),
        Case(  # checked against measured amounts
            {
                "product.label": "Returns cost per order line, allocated by weight and checked against actual "
                "costs per line on a sample.",
            }
        ),
    ),
)
def label_allocated_by_rule(plan: Plan) -> Evidence:
    """The label is an amount allocated to items by a rule, or split from a total, not measured on each.

    A cost, a return or a margin spread over items by a formula is the formula's output: the model
    learns the allocation rule back (weight, revenue, headcount), and a test scored on the same labels
    measures how well it copies the rule, not the true amount. A total measured once per round, batch
    or month and shared equally carries no information about any one item at all.

    Mitigation: Measure the amount on a sample of items directly and compare; predict at the level where
    the amount is measured (the month, the warehouse); or say the product only needs the allocation.
    """
    if plan.constraints.data.label_grain is LabelGrain.split_from_total:
        said = (
            quote(
                plan,
                "constraints.data.label_grain",
                "a total measured once for several items and shared among them: no row's label says anything "
                "about its own item",
            ),
            *([quote(plan, "product.label")] if plan.product.label else []),
        )
        checked = handled(plan, MEASURED_EACH) or MEASURED_EACH.find(plan.product.label)
        return (
            Tempered(2, said) if checked else said
        )  # checked against items measured on a sample: a question
    found = first_said(plan, _LABEL, ALLOCATED)
    if found is None:
        return None
    path, words = found
    if MEASURED_EACH.find(answer_at(plan, path)) or handled(plan, MEASURED_EACH):
        return None
    note = f"{', '.join(words)}: the label is a formula's output, not measured on each item"
    return Hint(words, (quote(plan, path, note),))


@rule(
    "label-from-a-lesser-view",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Check the labels given from a photo against the people who handle the object",
        "The labels are given from a photo, a listing or a form, while the real decision is made with the "
        "object in hand: the model learns the weaker view and a test on the same labels cannot show the "
        "gap; have the real graders label a sample too and measure how often they differ",
        "warning",
    ),
    ask="are the labels given from less than the person who decides sees (a photo, not the object)?",
    fires=(
        Case(
            {
                "product.label": "The grade a remote grader gives each returned jacket from the photos.",
                "product.current_solution": "Warehouse graders inspect each jacket in hand and grade it.",
            },
            evidence=(
                'product.label: "The grade a remote grader gives each returned jacket from the photos." (from '
                "the photos: the label is given from less than the object)",
                'product.current_solution: "Warehouse graders inspect each jacket in hand and grade it." '
                "(inspect, in hand: the real decision is made with the object in hand)",
            ),
        ),
    ),
    quiet=(
        Case(  # the decision is made from the photo too
            {
                "product.label": "The grade a remote grader gives each returned jacket from the photos.",
                "product.current_solution": "Remote graders grade each jacket from the seller's photos.",
            }
        ),
        Case(
            {
                "product.label": "The grade the warehouse grader gives each jacket.",
                "product.current_solution": "Warehouse graders inspect each jacket in hand and grade it.",
            }
        ),
    ),
)
def label_from_a_lesser_view(plan: Plan) -> Evidence:
    """The labels are given from a photo or a form, while the real decision is made with the object in hand.

    A grader working from photos misses what the hand finds (a stain, a smell, a loose seam): the labels
    carry the weaker view, the model learns it, and a test on the same labels cannot show the gap.

    Mitigation: Have the people who handle the object label a sample too; measure how often the two
    views differ, and on which cases; train or at least test on the labels of the real decision.
    """
    found = first_said(plan, _LABEL, FROM_LESS)
    if found is None:
        return None
    decided = first_said(plan, ("product.current_solution", "product.decision"), IN_HAND)
    if decided is None:
        return None
    (path, words), (where, hand) = found, decided
    return Hint(
        (*words, *hand),
        (
            quote(plan, path, f"{', '.join(words)}: the label is given from less than the object"),
            quote(plan, where, f"{', '.join(hand)}: the real decision is made with the object in hand"),
        ),
    )
