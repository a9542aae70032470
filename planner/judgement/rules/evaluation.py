"""Rules on whether the evaluation can be trusted: selective labels (data unlike production: differs; a rare
class with no metric: rare; inputs known only afterwards: timing; the worst error uncounted: errorkinds)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.fitting import CUSTOMERS_CHOOSE, output_chooses_none
from planner.judgement.rules.heard import selection_in_the_label
from planner.judgement.rules.lexicon import (
    DRAWN_AT_RANDOM,
)
from planner.plan.model import Category, OutcomeRecorded, Plan


def evaluation_paths(plan: Plan) -> list[str]:
    """The answers that say what the team evaluates on: the note on the data, the eval set, each metric's data."""
    paths = ["constraints.data.differences_note", "done.eval_set"]
    return paths + [f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))]


def evaluated_at_random(plan: Plan) -> str | None:
    """The answer saying the team evaluates on cases drawn at random (a random sample checked whatever
    the score), quoted: the holdout selective-labels asks for, already planned."""
    for path in evaluation_paths(plan):
        words = DRAWN_AT_RANDOM.find_all(answer_at(plan, path))
        if words:
            note = (
                f"evaluated on cases drawn at random: {', '.join(words)}; drawn from every case, the unchosen "
                "ones too? keep drawing that share once the model chooses"
            )
            return quote(plan, path, note)
    return None


_KEEP_A_RANDOM_SHARE = Move(
    "Keep a random share out of the selection, and evaluate on it",
    "Outcomes recorded only for the cases someone chose teach the model the old choices and hide its "
    "misses; a small random share (an exploration or holdout group), logged, gives labels nobody picked",
    "warning",
    first=True,
    done=lambda plan: evaluated_at_random(plan) is not None,
)


@rule(
    "selective-labels",
    Category.data,
    likelihood=4,
    impact=4,
    move=_KEEP_A_RANDOM_SHARE,
    instead=(CUSTOMERS_CHOOSE,),
    ask="is the outcome known for the cases nobody selected, and will acting on predictions decide the "
    "next labels?",
    fires=(
        Case(
            {"constraints.data.outcome_recorded_for": "selected_cases"},
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: not answered (no random share is kept to learn from)",
            ),
        ),
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0",
            ),
        ),
        Case(  # "every case", yet the label is the outcome of an action someone chose to take
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Renewed within 30 days after a retention offer made by an agent.",
            }
        ),
        Case(  # "every case", yet the label is what investigators found in the cases they chose
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud confirmed by the investigators on the claims referred to them.",
            },
            evidence=(
                'product.label: "Fraud confirmed by the investigators on the claims referred to them." '
                "(a person chose these cases: confirmed by, investigators, referred)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # not answered, yet the label says the invoices nobody flagged are assumed fine
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors; all other invoices are assumed distinct.",
            },
            evidence=(
                'product.label: "Duplicate confirmed by the auditors; all other invoices are assumed..." '
                "(a person chose these cases: all other invoices are assumed, confirmed by)",
                "constraints.data.outcome_recorded_for: not answered (do the cases nobody chose have an "
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # the label is what the clerks found, and today they check only what the rules flag
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Duplicate found at the clerk's check.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            },
            evidence=(
                'product.current_solution: "Clerks check an invoice only when the ERP rules flagged it." (a '
                "person chose these cases: only when the erp rules flagged)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # every case has an outcome, but the unchecked ones get a default written in
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Meter tampering or not; a meter nobody checked is coded as fine.",
            },
            evidence=(
                'product.label: "Meter tampering or not; a meter nobody checked is coded as fine." (a person '
                "chose these cases: coded as fine)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # only chosen cases have outcomes, yet the team evaluates on a random sample: credited
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "done.eval_set": "A random sample of 600 invoices, checked by the auditors whatever the rules said.",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                'done.eval_set: "A random sample of 600 invoices, checked by the auditors whatever t..." '
                "(evaluated on cases drawn at random: random sample; drawn from every case, the unchosen ones "
                "too? keep drawing that share once the model chooses)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.03,
            }
        ),
        Case(  # not answered: who judged every case is not who chose some of them
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors' check of every invoice pair.",
            }
        ),
        Case(  # today's process picks what to check, but the label is a bank record of every invoice
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Invoice paid twice, per the bank statement.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            }
        ),
        Case(  # a random audit gives every case the same chance of an outcome
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud found by investigators on a random sample of claims referred to them.",
            }
        ),
        Case(  # the offers went to a random share: the rest are no chosen cases
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Renewed within 30 days after a retention offer made at random.",
            }
        ),
        Case(  # every claim is settled, with or without an investigation
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Whether the claim was settled without investigation.",
            }
        ),
    ),
)
def selective_labels(plan: Plan) -> Evidence:
    """Outcomes are recorded only for the cases someone chose.

    When the outcome is known only for the cases shown, checked, approved or treated, the data holds
    no outcome for the rest: the model learns the old selection's blind spots, and a test set drawn
    from the same records cannot measure the cases it would newly catch or wrongly pass.

    Mitigation: Keep a small random share (exploration or holdout) where cases are checked whatever
    the score, log it, and evaluate on it; until then, read offline scores as a bound on the selected
    cases only.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for in (OutcomeRecorded.every_case, None):
        return selection_in_the_label(plan)
    if data.outcome_recorded_for is not OutcomeRecorded.selected_cases:
        return None
    if data.exploration_share is not None and data.exploration_share > 0:
        return None
    never = "only the cases someone showed, checked, approved or treated: what happens to the others is never seen"
    share = "constraints.data.exploration_share: not answered (no random share is kept to learn from)"
    found = (quote(plan, "constraints.data.outcome_recorded_for", never), share)
    if data.exploration_share is not None:
        found = (found[0], quote(plan, "constraints.data.exploration_share"))
    if at_random := evaluated_at_random(plan):  # evaluated on a random sample: credit it, keep it random
        return Tempered(2, (found[0], at_random))
    return output_chooses_none(plan, found) or found  # customers chose, or someone else: less likely


# Every way the data can differ from production, but inputs known only later (inputs-after-prediction).
