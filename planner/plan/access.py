"""The fixed answers on how a hosted model is reached: under the organisation's own agreement with the
vendor (its terms checked or not), or through staff's own consumer accounts. A plain enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class HostedAccess(StrEnum):
    """How the hosted model is reached, and under whose agreement with its vendor."""

    agreement_checked = "agreement_checked"
    agreement_unchecked = "agreement_unchecked"
    personal_accounts = "personal_accounts"


ACCESS_LABELS: dict[type[Enum], dict[str, str]] = {
    HostedAccess: {
        "agreement_checked": "the organisation's contract or business account, its terms checked (no training "
        "on the data, how long it is kept, the region)",
        "agreement_unchecked": "the organisation's contract or business account (an API key, an enterprise "
        "plan), its terms not checked yet",
        "personal_accounts": "staff's own or consumer accounts (a personal subscription, a free plan): no "
        "agreement between the organisation and the vendor",
    },
}
