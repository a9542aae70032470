"""The fixed answers on where a generator gets each kind of statement its output makes (figures,
instructions, legal wording, safety advice): all from the input record, some from a reference the team
supplies, some only from the model's own knowledge, or not checked. A plain enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class StatementsSource(StrEnum):
    """Where the statements a generated output must make come from."""

    input = "input"
    reference = "reference"
    model = "model"
    not_checked = "not_checked"


STATEMENTS_LABELS: dict[type[Enum], dict[str, str]] = {
    StatementsSource: {
        "input": "all from the input record: every kind of statement it makes is in what it is given",
        "reference": "some from a reference we supply (a label, a data sheet, an approved clause library), "
        "retrieved or templated in; the rest from the input",
        "model": "some only from the model's own knowledge: no input or reference holds them",
        "not_checked": "not checked",
    },
}
