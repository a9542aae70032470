"""The governance a team has already done for a use of data or a regulated decision: a plain enum and
how each answer reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class Governance(StrEnum):
    """Governance the team has already done for this use, and can show."""

    privacy_review = "privacy_review"
    legal_basis = "legal_basis"
    rules_reviewed = "rules_reviewed"
    signatory = "signatory"
    none = "none"


GOVERNANCE_LABELS: dict[type[Enum], dict[str, str]] = {
    Governance: {
        "privacy_review": "a data-protection review (DPIA) of this use is signed off",
        "legal_basis": "the legal basis for this use of the data is documented",
        "rules_reviewed": "compliance or legal has said what the sector rules require of it",
        "signatory": "a named person signs each output and answers for it",
        "none": "none of these yet",
    },
}
