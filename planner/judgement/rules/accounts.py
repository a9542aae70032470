"""How a hosted model is reached: under the organisation's agreement with its vendor, or through staff's
own consumer accounts, and what that makes of personal or client data sent to it."""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Instead, Move, Tempered
from planner.judgement.rules.evidence import quote
from planner.plan.choices import label
from planner.plan.model import ContentRights, DataLeaves, HostedAccess, Plan

_PATH = "constraints.compute.hosted_access"


def through_own_accounts(plan: Plan) -> bool:
    """Whether the answers say the hosted model is reached through staff's own or consumer accounts."""
    compute = plan.constraints.compute
    return compute.hosted_access is HostedAccess.personal_accounts and compute.hosted is not False


# The fix is a contract, not a study: stop sending through personal accounts, move under an agreement.
OWN_ACCOUNTS = Instead(
    through_own_accounts,
    Move(
        "Stop sending client or personal data through staff's own accounts",
        "On consumer accounts the organisation has no agreement with the vendor: it cannot bar training on "
        "the data, set how long it is kept or who sees it, and answers for a breach it cannot control; move "
        "the work under the organisation's contract (a business or API plan with a DPA, no training, a "
        "region) before anything more is sent",
        "danger",
        first=True,
    ),
    "Stop sending client or personal data through staff's own accounts; move the work under an agreement "
    "the organisation signs (a DPA, no training on the data, retention and the region set) and have legal "
    "check it before anything more is sent.",
    "Personal or client data goes to a hosted model through staff's own accounts, under no agreement",
)


def stated_restricted(plan: Plan) -> bool:
    """Whether a structured answer says the data is restricted: personal data, or content others own whose
    terms nobody has read or which forbid this use."""
    data = plan.constraints.data
    rights = (ContentRights.not_checked, ContentRights.not_allowed)
    return data.personal_data is True or data.content_rights in rights


def reached(plan: Plan, restricted: tuple[str, ...], own: str) -> Evidence:
    """The risk as the way the hosted model is reached makes it: through staff's own accounts, personal or
    client data leaves under no agreement (high where an answer says the data is restricted; a question
    where only words name it); under the organisation's agreement whose terms are not checked, a question
    on those terms; under checked terms, at most a low question on the clients' own contracts."""
    access = plan.constraints.compute.hosted_access
    assert access is not None
    said = quote(plan, _PATH, label(access))
    if access is HostedAccess.personal_accounts:
        if stated_restricted(plan):
            return (said, *restricted)
        if restricted:  # only words of free text name it restricted: a question
            return Tempered(2, (said, *restricted))
        note = "nothing says the data is personal or a client's: does anything confidential go through them?"
        return Tempered(1 if own else 2, (f"{said} ({note})",))
    if not restricted:
        return None
    if access is HostedAccess.agreement_unchecked:
        note = "does the agreement bar training on the data, and set how long it is kept and the region?"
        return Tempered(2, (f"{quote(plan, _PATH)} ({note})", *restricted))
    if plan.constraints.data.leaves_organisation is DataLeaves.not_checked:
        note = (
            "the vendor's terms are checked: do the clients' contracts and the legal basis allow sending it?"
        )
        return Tempered(1, (f"{quote(plan, _PATH)} ({note})", *restricted))
    return None
