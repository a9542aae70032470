"""A value per an amount (a tonne, a kWh) against a volume the answers give in that kind of amount, in
another unit or a short form (`40 t`, `MWh`): value and volume are in one unit, and impact-units-differ
stays quiet; against a count of other items it still fires."""

from __future__ import annotations

import pytest

from planner.judgement.rules.sameamount import same_amount
from tests.test_review import fired, patched


@pytest.mark.parametrize(
    ("unit", "bottleneck"),
    [
        ("EUR per tonne", "Graders sort 40 t of scrap a day."),
        ("EUR per ton", "Graders sort 40 tonnes of scrap a day."),
        ("EUR per kWh", "Traders balance 200 MWh of load a day."),
        ("GBP per litre", "The depot blends 9,000 l of fuel a week."),
    ],
)
def test_a_volume_in_the_value_s_kind_of_amount_is_one_unit(unit: str, bottleneck: str) -> None:
    plan = patched({"impact.value_unit": unit, "impact.bottleneck": bottleneck})
    assert "impact-units-differ" not in fired(plan)


def test_a_count_of_other_items_still_differs() -> None:
    plan = patched(
        {"impact.value_unit": "EUR per tonne", "impact.bottleneck": "Clerks check 500 invoices a day."}
    )
    assert "impact-units-differ" in fired(plan)


def test_short_forms_count_only_after_a_number() -> None:
    assert same_amount("tonne", ["about 40t a day"])
    assert not same_amount("tonne", ["the t-shirt line", "a type t connector"])
    assert not same_amount("invoice", ["40 invoices"])
