"""Figures with their uncertainty: Wilson 95% intervals, percent agreement, Cohen's and Fleiss' kappa."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Z95 = 1.959963984540054  # two-sided 95% normal quantile


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def wilson(part: int, whole: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of part/whole: sound near 0 and 1 and on small samples, unlike p ± 2se."""
    if whole <= 0:
        return None
    p = part / whole
    denominator = 1 + z * z / whole
    centre = (p + z * z / (2 * whole)) / denominator
    half = z * math.sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two people's labels on the same examples (None if chance agreement is total)."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(rows: Sequence[Sequence[str]]) -> float | None:
    """Fleiss' kappa: every row holds the labels of the same number (2+) of people for one example."""
    if not rows:
        return None
    raters = len(rows[0])
    if raters < 2 or any(len(row) != raters for row in rows):
        return None
    n = len(rows)
    totals: Counter[str] = Counter()
    agreement = 0.0
    for row in rows:
        counts = Counter(row)
        totals.update(counts)
        agreement += (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    observed = agreement / n
    expected = sum((count / (n * raters)) ** 2 for count in totals.values())
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def kappa(rows: Sequence[Sequence[str]]) -> float | None:
    """Cohen's kappa for two people, Fleiss' for three or more."""
    if rows and len(rows[0]) == 2:
        return cohen_kappa([row[0] for row in rows], [row[1] for row in rows])
    return fleiss_kappa(rows)


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
