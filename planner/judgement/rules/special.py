"""Rules on special categories of personal data (health, union membership, religion, sex life,
biometrics, criminal records) that leave the organisation.

A lead reads the team's answers: which special categories the data holds, whether data leaves for a
vendor, an API or a cloud service, and whether a data-protection review of this use is signed off.
Such data sent to a processor with no signed review is the risk that stops a launch, or worse.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, rule
from planner.judgement.rules.data import PRIVACY_DONE, privacy_assessed
from planner.judgement.rules.evidence import handled, quote, says_nothing
from planner.judgement.rules.lexicon import OWN_TENANCY
from planner.plan.model import Category, DataLeaves, Plan, SpecialCategory

_UNSIGNED = "no signed-off data-protection review (DPIA) of this use in product.governance or the answers"


def special_categories(plan: Plan) -> str | None:
    """The evidence that the data holds a special category of personal data, its categories quoted."""
    data = plan.constraints.data
    held = [category for category in data.special_categories if category is not SpecialCategory.none]
    if data.personal_data is False or not held:
        return None
    return quote(plan, "constraints.data.special_categories")


def _leaves(plan: Plan) -> str | None:
    """The evidence that data goes to a vendor, an API or a cloud service outside the organisation."""
    leaves = plan.constraints.data.leaves_organisation
    compute = plan.constraints.compute
    said = compute.hosted_model and not says_nothing(compute.hosted_model)
    own_tenancy = bool(said and OWN_TENANCY.find(compute.hosted_model or ""))
    if leaves in (DataLeaves.not_checked, DataLeaves.not_allowed):
        return quote(plan, "constraints.data.leaves_organisation")
    if leaves is DataLeaves.stays or own_tenancy:
        return None  # the team says it stays, or the hosted model runs in its own tenancy
    hosted = (
        quote(plan, "constraints.compute.hosted_model")
        if said
        else quote(plan, "constraints.compute.hosted_service")
        if compute.hosted
        else None
    )
    if leaves is DataLeaves.allowed:
        return quote(plan, "constraints.data.leaves_organisation") + (f"; {hosted}" if hosted else "")
    return hosted


@rule(
    "special-category-data-leaves",
    Category.ethics,
    likelihood=4,
    impact=5,
    fires=(
        Case(
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["health", "criminal_records"],
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted LLM through its public API.",
            },
            evidence=(
                'constraints.data.special_categories: ["health", "criminal_records"]',
                'constraints.data.leaves_organisation: "allowed"; constraints.compute.hosted_model: "A hosted '
                'LLM through its public API."',
                _UNSIGNED,
            ),
            also=frozenset({"personal-data", "data-leaves-organisation", "hosted-model-unpinned"}),
        ),
        Case(  # nobody checked whether anything leaves
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["biometric_or_genetic"],
                "constraints.data.leaves_organisation": "not_checked",
            },
            also=frozenset({"personal-data", "data-leaves-organisation"}),
        ),
    ),
    quiet=(
        Case(  # the same data, a DPIA signed off
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["health"],
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted LLM through its public API.",
                "product.governance": ["privacy_review"],
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # kept in-house
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["union_membership"],
                "constraints.data.leaves_organisation": "stays",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # no special category
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["none"],
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted LLM through its public API.",
            },
            also=frozenset({"personal-data"}),
        ),
    ),
)
def special_category_data_leaves(plan: Plan) -> Evidence:
    """Special-category personal data leaves the organisation with no signed-off review.

    Health, union membership, religion, sex life, biometrics and criminal records need a stated legal
    condition beyond an ordinary legal basis, and sending them to a vendor's service makes it a
    processor of them: without a signed-off data-protection review (DPIA), a processing agreement that
    covers these categories, and the vendor's retention and training terms checked, each request is a
    breach waiting to be found, and a regulator or the people described can stop the use at once.

    Mitigation: Do the data-protection review of this use before any such data is sent: name the
    condition for each category, sign a processing agreement that covers them (no training, a set
    retention, the region), strip or mask what the model does not need (a fit note's diagnosis), and
    record the review as `product.governance: privacy_review` once it is signed.
    """
    held = special_categories(plan)
    leaves = _leaves(plan) if held else None
    if not held or not leaves or handled(plan, PRIVACY_DONE) or privacy_assessed(plan):
        return None
    return (held, leaves, _UNSIGNED)
