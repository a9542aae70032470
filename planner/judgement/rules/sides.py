"""A decision between the parties of a dispute (a landlord and a tenant, a claimant and an insurer, a buyer
and a seller): the fairness a lead checks first is between the sides, how often each one wins and how often
the output is wrong against each, before any split by protected group within them."""

from __future__ import annotations

from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan

# Words of a decision or an output that settles a dispute between two parties.
_DISPUTE = Lexicon("""
    dispute, disputes, disputed, deposit dispute, deposit disputes, complaint against, complaints against
    claim against, claims against, appeal, appeals, adjudication, adjudications, adjudicate, adjudicates
    adjudicator, adjudicators, arbitration, arbitrations, arbitrate, arbitrates, arbitrator, mediation
    ombudsman, tribunal, tribunals, both parties, each party, either party, the parties, in favour of
    landlord or tenant, landlord and tenant, tenant or landlord, tenant and landlord, buyer or seller
    buyer and seller, claimant or insurer, claimant and insurer, employer or employee, employer and employee
    chargeback, chargebacks, which side, each side, either side
""")
_SAID_IN = ("product.decision", "product.output", "product.goal", "title", "product.label")
# Words of a metric, a check or a monitor that already compares the sides.
SIDES_SAID = Lexicon("""
    by side, per side, each side, for each side, both sides, by party, per party, each party, for each party
    win rate by, wins by side, upheld by side, outcomes by side
""")


def between_parties(plan: Plan) -> str | None:
    """Where the decision or the output settles a dispute between parties, the answer saying so, quoted."""
    said = first_said(plan, _SAID_IN, _DISPUTE)
    if said is None:
        return None
    path, words = said
    return quote(plan, path, f"it decides between the parties: {', '.join(words)}; how does each side fare?")


BETWEEN_THE_SIDES = Instead(
    lambda plan: between_parties(plan) is not None,
    Move(
        "Compare outcomes by side of the dispute, then by group within each",
        "The output decides between parties (a landlord and a tenant, a claimant and an insurer): a model "
        "that learned past rulings can lean to one side while scoring well overall; report how often each "
        "side wins and the error rate against each, beside past rulings, then compare groups within a side",
        "warning",
    ),
    "Report, on the test set and once live, how often each side of the dispute wins and the error rate "
    "against each side (the share it got wrong where that side was right), beside past rulings; then "
    "compare groups within each side where personal data is used.",
)
