"""The fixed answers on whom the data describes (the organisation's own staff, people at other firms in
their work role, consumers or members of the public, children) and which special categories of personal
data it holds. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class WhoseData(StrEnum):
    """Whose personal data the data holds: what decides whether a consent, a notice or a contract covers it."""

    staff = "staff"
    business_contacts = "business_contacts"
    consumers = "consumers"
    children = "children"


class SpecialCategory(StrEnum):
    """A special category of personal data (and criminal records): data the law protects more strictly."""

    health = "health"
    union_membership = "union_membership"
    religion_or_belief = "religion_or_belief"
    sex_life = "sex_life"
    biometric_or_genetic = "biometric_or_genetic"
    criminal_records = "criminal_records"
    ethnic_origin = "ethnic_origin"
    political_opinion = "political_opinion"
    none = "none"


SUBJECTS_LABELS: dict[type[Enum], dict[str, str]] = {
    WhoseData: {
        "staff": "the organisation's own staff",
        "business_contacts": "people at client, supplier or partner firms, in their work role",
        "consumers": "consumers, patients or other members of the public",
        "children": "children: pupils, minors, anyone under 18",
    },
    SpecialCategory: {
        "health": "health: diagnoses, fit notes, sick notes, medication, disability",
        "union_membership": "trade-union membership",
        "religion_or_belief": "religion or philosophical belief",
        "sex_life": "sex life or sexual orientation",
        "biometric_or_genetic": "biometric data used to identify someone (face, fingerprint, voice) or genetic data",
        "criminal_records": "criminal convictions, offences or allegations",
        "ethnic_origin": "racial or ethnic origin",
        "political_opinion": "political opinions",
        "none": "none of these",
    },
}
