"""The arithmetic of precision met at another prevalence than the one it was measured at."""

from __future__ import annotations

import math

import pytest

from planner.judgement.rules.prevalence import false_alarms_per_find, precision_at


def _by_rates(recall: float, false_positive_rate: float, share: float) -> float:
    """Precision from first principles: true finds over all flags at base rate `share`."""
    found = recall * share
    return found / (found + false_positive_rate * (1 - share))


@pytest.mark.parametrize(
    ("recall", "fpr", "eval_share", "share"),
    [(0.9, 0.05, 0.5, 0.02), (0.7, 0.01, 0.3, 0.001), (0.95, 0.2, 0.1, 0.04), (0.6, 0.03, 0.02, 0.2)],
)
def test_the_formula_agrees_with_recall_and_false_positive_rate(
    recall: float, fpr: float, eval_share: float, share: float
) -> None:
    measured = _by_rates(recall, fpr, eval_share)
    assert math.isclose(precision_at(measured, eval_share, share), _by_rates(recall, fpr, share))


def test_a_balanced_set_flatters_precision_at_a_two_percent_base_rate() -> None:
    # 90% recall, 5% false alarms: 94.7% on a balanced set, 26.9% at 2% (queue.py's worked example)
    assert round(precision_at(0.9 / 0.95, 0.5, 0.02), 3) == 0.269
    assert round(precision_at(0.95, 0.5, 0.02), 3) == 0.279


def test_the_same_share_leaves_precision_unchanged() -> None:
    assert math.isclose(precision_at(0.8, 0.04, 0.04), 0.8)


def test_a_set_poorer_in_the_rare_class_understates_precision() -> None:
    assert precision_at(0.5, 0.01, 0.05) > 0.5


def test_false_alarms_per_true_find() -> None:
    assert math.isclose(false_alarms_per_find(0.5), 1.0)
    assert math.isclose(false_alarms_per_find(0.2), 4.0)
    assert math.isclose(false_alarms_per_find(1.0), 0.0)
