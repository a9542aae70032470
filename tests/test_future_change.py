"""A change dated after the data: asked as a new regime, not as a change within the data's period."""

from __future__ import annotations

from planner.judgement.register import assess
from planner.plan.model import Plan


def _ids(changes: str, period: str | None, sources: list[dict[str, str]] | None = None) -> set[str]:
    plan = Plan.model_validate(
        {
            "title": "Bottle returns",
            "product": {"task": "forecasting", "label": "Weekly bottle returns per store", "mode": "augment"},
            "constraints": {"data": {"period": period, "changes": changes, "sources": sources or []}},
        }
    )
    return {risk.id for risk in assess(plan).open_risks if risk.source == "derived"}


def test_a_change_after_the_period_is_a_new_regime_not_a_change_within() -> None:
    ids = _ids("The new deposit-return law covers cans from July 2027.", "Jan 2020 - Dec 2025")
    assert "history-from-the-old-regime" in ids
    assert "label-standard-changed" not in ids


def test_mixed_dates_raise_both() -> None:
    ids = _ids("The deposit rose in 2022; a new law covers cans from July 2027.", "Jan 2020 - Dec 2025")
    assert {"history-from-the-old-regime", "label-standard-changed"} <= ids


def test_the_sources_years_bound_the_data_when_no_period_is_given() -> None:
    sources = [{"name": "Store returns 2019-2025", "acquisition": "own"}]
    ids = _ids("The new deposit-return law covers cans from July 2027.", None, sources)
    assert "history-from-the-old-regime" in ids
    assert "label-standard-changed" not in ids


def test_a_future_tense_change_with_no_dated_period_is_asked_as_after_the_data() -> None:
    ids = _ids("The new deposit-return law will cover cans from July 2027.", "the last five years")
    assert "history-from-the-old-regime" in ids
    assert "label-standard-changed" not in ids
