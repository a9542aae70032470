"""Rule on data another organisation sends without a signed agreement: no agreement, no data."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.plan.model import Agreement, Category, Plan


@rule(
    "partner-data-unsigned",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Sign the data agreement before the data arrives",
        "No agreement, no data: have the data protection officer or legal sign off what may be received, "
        "kept and trained on, and for how long, before the first file comes in; plan the work without the "
        "source until then",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "constraints.data.sources": [
                    {"name": "orders database", "acquisition": "own"},
                    {"name": "carrier delivery scans", "acquisition": "vendor", "agreement": "pending"},
                ]
            },
            evidence=(
                'constraints.data.sources[1].name: "carrier delivery scans"',
                'constraints.data.sources[1].agreement: "pending" (sent by another organisation, with no '
                "signed agreement yet: what may be received, kept and trained on is not settled)",
            ),
            also=frozenset({"vendor-data"}),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.data.sources": [
                    {"name": "carrier scans", "acquisition": "vendor", "agreement": "yes"}
                ]
            }
        ),
        Case(
            {
                "constraints.data.sources": [
                    {"name": "customer photos", "acquisition": "from_customers", "agreement": "not_needed"}
                ]
            }
        ),
    ),
)
def partner_data_unsigned(plan: Plan) -> Evidence:
    """Data another organisation sends has no signed agreement yet.

    A vendor's, a partner's or customers' data with the paperwork 'to follow': until an agreement is
    signed, nobody knows what may be received, kept, joined or trained on, and for how long; legal or
    the data protection officer can stop the work after the model is built on it, or the data never
    comes.

    Mitigation: Sign the agreement (or get the DPO's or legal's written sign-off) before the data
    arrives: what may be used, for what, for how long, and what happens at its end; plan without the
    source until then.
    """
    evidence: list[str] = []
    for number, source in enumerate(plan.constraints.data.sources):
        if source.agreement is Agreement.pending and source.asks("agreement"):
            path = f"constraints.data.sources[{number}]"
            evidence.append(quote(plan, f"{path}.name"))
            note = (
                "sent by another organisation, with no signed agreement yet: what may be received, kept and "
                "trained on is not settled"
            )
            evidence.append(quote(plan, f"{path}.agreement", note))
    return tuple(evidence) or None
