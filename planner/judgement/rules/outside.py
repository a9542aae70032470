"""Rules on data that leaves the organisation: to a vendor, an API or a cloud service, under which contracts."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_is, quote
from planner.plan.choices import label
from planner.plan.model import Category, DataLeaves, Plan


@rule(
    "data-leaves-organisation",
    Category.ethics,
    likelihood=5,
    impact=5,
    move=Move(
        "Settle whether the data may leave before sending any of it",
        "Client documents, personal data or source code sent to a vendor can breach contracts, court "
        "orders or privacy law; have legal check the contracts and the vendor's terms (retention, reuse "
        "for training, where it is processed), or keep the model in-house",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.leaves_organisation": "not_allowed"},
            evidence=(
                'constraints.data.leaves_organisation: "not_allowed" (yes, though the contracts forbid it)',
            ),
        ),
        Case(
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                'constraints.data.leaves_organisation: "not_checked" (yes, and nobody has checked the '
                "contracts yet)",
                "constraints.data.personal_data: true",
                "constraints.compute.hosted_service: true",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
        Case(  # not asked yet, but the two facts together say it
            {
                "constraints.data.leaves_organisation": None,
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                "constraints.data.personal_data: true",
                "constraints.compute.hosted_service: true (personal data goes to a hosted service: do the "
                "contracts and the vendor's terms allow it?)",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
    ),
    quiet=(
        Case({"constraints.data.leaves_organisation": "allowed", "constraints.data.personal_data": True}),
        Case(
            {
                "constraints.data.leaves_organisation": "stays",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            }
        ),
    ),
)
def data_leaves_organisation(plan: Plan) -> Evidence:
    """Data leaves the organisation, and the contracts do not clearly allow it.

    Sending client documents, personal data or source code to a vendor's API or cloud can breach a
    contract, a court order or privacy law, and the vendor may keep or reuse it; found late, it stops
    the launch or worse.

    Mitigation: Have legal check the contracts and the vendor's terms (retention, training on your
    data, where it is processed) before any data is sent, or run the model in-house.
    """
    data, compute = plan.constraints.data, plan.constraints.compute
    leaves = data.leaves_organisation
    if leaves is DataLeaves.not_allowed:
        return (quote(plan, "constraints.data.leaves_organisation", label(leaves)),)
    hosted = [
        quote(plan, "constraints.compute.hosted_service") if compute.hosted_service else None,
        quote(plan, "constraints.compute.hosted_model") if compute.hosted_model else None,
    ]
    joined = [answer for answer in hosted if answer]
    personal = answer_is(plan, "constraints.data.personal_data", True) or ()
    if leaves is DataLeaves.not_checked:
        found = (quote(plan, "constraints.data.leaves_organisation", label(leaves)), *personal, *joined)
        return Tempered(4, found)
    if leaves is not None or not personal or not joined:
        return None
    note = "personal data goes to a hosted service: do the contracts and the vendor's terms allow it?"
    return Tempered(2, (*personal, f"{joined[0]} ({note})"))
