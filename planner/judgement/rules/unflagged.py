"""Rules on what people stop seeing once they work from the model's flags.

In augment mode with a cut-off or a ranked queue, people look at what the model flags or ranks high and
no longer at the rest. Where today a person looks at every case and writes the outcome down, the
model's misses then go unseen and the label source for the unflagged cases dries up: recall can only
be read on what someone still checks. A lead asks for a standing random audit of the unflagged cases.
"""

from __future__ import annotations

from planner.judgement.rules import acting, data as labelling
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import WORKING_DAYS_PER_MONTH, items_per_month, quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import AT_RANDOM
from planner.judgement.rules.seen import seen_below_volume
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, LabelWriter, Mode, OutcomeRecorded, Plan

# Words that say the cases the model does not flag are still checked.
UNFLAGGED_CHECKED = Lexicon("""
    unflagged, not flagged, non-flagged, below the threshold, below threshold, below the cut-off
    below the cutoff, under the threshold, under the cut-off, low-scored, low scored, lowest scored
    below the line, passed over, not shortlisted, missed cases found, misses found, misses among
""")

_FLAGS = frozenset({ActionShape.threshold, ActionShape.top_of_queue, ActionShape.up_to_capacity})
# A person writes the outcome down: once people work from the flags, nobody writes it for the rest.
_A_PERSON_WRITES = frozenset({LabelWriter.blind, LabelWriter.sees_estimate, LabelWriter.copied})
AUDIT_SHARE = 0.01  # a standing audit: about 1% of the unflagged cases
AUDIT_FLOOR = 50  # and at least this many a month, so a miss rate can be read within a quarter
AUDIT_OF_CAPACITY = 0.1  # where 1% of the volume is more than people review: a tenth of their reviews


def audit_size(plan: Plan) -> str:
    """How many unflagged cases a month to check at random, from the plan's volume."""
    per_month = items_per_month(plan)
    if per_month is None:
        return f"about {AUDIT_SHARE:.0%} of the unflagged cases, at least {AUDIT_FLOOR} a month"
    size = min(per_month, max(AUDIT_FLOOR, round(per_month * AUDIT_SHARE)))
    seen = seen_below_volume(plan)
    if seen is not None and size > AUDIT_OF_CAPACITY * seen[0] * WORKING_DAYS_PER_MONTH:
        # a scan-and-rank job: 1% of everything scored is more than people review; spend a share of their time
        size = max(AUDIT_FLOOR, round(AUDIT_OF_CAPACITY * seen[0] * WORKING_DAYS_PER_MONTH))
        return (
            f"about {size:,.0f} a month (a tenth of the {seen[0]:,.0f} a day people review, {seen[1]}), drawn "
            f"at random from the {per_month:,.0f} scored and not flagged"
        )
    return f"about {size:,.0f} of the {per_month:,.0f} cases a month, drawn from those not flagged"


@rule(
    "unflagged-unwatched",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Keep checking a random sample of the cases the model does not flag",
        "Once people see only the flagged or top-ranked cases, the model's misses go unseen and stop "
        "getting labels; review a random sample of the unflagged cases every week, blind to the score, "
        "count the misses found, and retrain and evaluate on them",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.decision": "A clerk checks each invoice the model holds before the payment run.",
                "constraints.data.model_decides_labels": None,
            },
            evidence=(
                'product.mode: "augment"',
                'product.action_shape: "threshold" (people see only what the model flags)',
                'constraints.data.outcome_recorded_for: "every_case" (today a person looks at every case; '
                "once they work from the flags, who labels the rest?)",
                "no random check of the cases the model does not flag (after_launch.monitoring, done, "
                "constraints.data.exploration_share): about 120 of the 12,000 cases a month, drawn from "
                "those not flagged",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.model_decides_labels": False}),
        Case(  # a final check the flags do not choose keeps labelling every case once live
            {"constraints.data.model_decides_labels": None, "constraints.data.outcome_kept_live": True}
        ),
        Case({"constraints.data.model_decides_labels": None, "constraints.data.label_writer": "event"}),
        Case({"constraints.data.model_decides_labels": None, "constraints.data.label_writer": None}),
        Case({"constraints.data.model_decides_labels": None, "constraints.data.exploration_share": 0.02}),
        Case({"constraints.data.model_decides_labels": None, "product.mode": "automate"}),
        Case({"constraints.data.model_decides_labels": None, "product.action_shape": "every_item"}),
        Case(
            {
                "constraints.data.model_decides_labels": None,
                "after_launch.monitoring": [
                    {"signal": "Duplicates found among 100 unflagged invoices a week"}
                ],
            }
        ),
        Case(
            {
                "constraints.data.model_decides_labels": None,
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
    ),
)
def unflagged_unwatched(plan: Plan) -> Evidence:
    """People who work from the model's flags stop seeing what it misses.

    With a cut-off or a ranked queue, people review what the model flags and no longer the rest. Where a
    person writes the outcome down, the unflagged cases stop getting one: the model's misses become
    invisible, recall can no longer be measured, and the next model learns only from its own flags.

    Mitigation: Keep a standing random audit of the unflagged (low-scored) cases, reviewed blind to the
    score and sized from the volume (about 1% of cases, at least 50 a month); monitor the misses it finds,
    and retrain and evaluate on it.
    """
    product, data = plan.product, plan.constraints.data
    if product.mode is not Mode.augment or product.action_shape not in _FLAGS:
        return None
    if (
        data.label_writer not in _A_PERSON_WRITES
        or data.model_decides_labels is False
        or data.outcome_kept_live
    ):
        return None  # the world records the misses, or the team says labels arrive whatever the flags
    if data.outcome_recorded_for in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # selective-labels and feedback-loop reason from that answer
    if any(check(plan) for check in (labelling.feedback_loop, labelling.decision_hides_outcome)):
        return None  # the model decides what gets labelled: those rules ask for the random share
    if acting.model_selects_cases(plan):
        return None  # the same point, read from the words of choosing
    if (kept_out(plan) or 0) > 0:
        return None
    texts = [product.decision, plan.done.eval_set, plan.done.when_met]
    texts += [f"{m.signal} {m.threshold or ''}" for m in plan.after_launch.monitoring]
    texts += [metric.name for metric in plan.done.metrics]
    texts += [f"{risk.title} {risk.mitigation or ''}" for risk in plan.risks]
    if any(UNFLAGGED_CHECKED.find(text) or AT_RANDOM.find(text) for text in texts):
        return None
    if data.outcome_recorded_for is None:
        recorded = "constraints.data.outcome_recorded_for: not answered (once people work from the flags, who labels the rest?)"
    else:
        recorded = quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "today a person looks at every case; once they work from the flags, who labels the rest?",
        )
    return (
        quote(plan, "product.mode"),
        quote(plan, "product.action_shape", "people see only what the model flags"),
        recorded,
        "no random check of the cases the model does not flag (after_launch.monitoring, done, "
        f"constraints.data.exploration_share): {audit_size(plan)}",
    )
