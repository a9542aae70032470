"""The fixed answers on whom the data describes: the organisation's own staff, people at other firms in
their work role, consumers or members of the public, children. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class WhoseData(StrEnum):
    """Whose personal data the data holds: what decides whether a consent, a notice or a contract covers it."""

    staff = "staff"
    business_contacts = "business_contacts"
    consumers = "consumers"
    children = "children"


SUBJECTS_LABELS: dict[type[Enum], dict[str, str]] = {
    WhoseData: {
        "staff": "the organisation's own staff",
        "business_contacts": "people at client, supplier or partner firms, in their work role",
        "consumers": "consumers, patients or other members of the public",
        "children": "children: pupils, minors, anyone under 18",
    },
}
