"""The share of the events an estimate counts that the plan expects to save: those the model catches (its
recall target) and, of those acted on, those the action saves; without them the estimate is a ceiling."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core import formatting as fmt
from planner.judgement.rules.positives import recall_target
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Plan


@dataclass(frozen=True)
class Caught:
    """The shares an estimate on events is scaled by, and what leaves it an upper bound."""

    recall: tuple[int, float] | None  # the done metric that sets a recall target, and the target
    saved: float | None  # impact.saved_share, where the product warns ahead and the team knows it
    unknown: tuple[str, ...]  # `no done metric sets a recall target`, ...

    def value(self, ceiling: float, unbounded: float) -> float:
        """The ceiling scaled: the events the model catches, no more than people act on (the ceiling is
        already bounded by them), times the share of those acted on that the action saves."""
        caught = min(ceiling, unbounded * self.recall[1]) if self.recall else ceiling
        return caught * (self.saved if self.saved is not None else 1.0)


def on_events(plan: Plan) -> bool:
    """The value accrues on a share of the items only (impact.benefit_share below 1): the events found."""
    share = plan.impact.benefit_share
    return isinstance(share, float) and share < 1


def warns_ahead(plan: Plan) -> bool:
    """The product warns of an event ahead of it (product.lead_days above 0): acting may or may not save it."""
    lead = plan.product.lead_days
    return lead is not None and lead > 0


def caught(plan: Plan) -> Caught | None:
    """Where the value accrues on the events found, the share of them the plan expects to gain it: its
    recall target (a model catches that share, not every one), times impact.saved_share where the product
    warns ahead and the team knows how often acting saves the case. None where the value is on every item."""
    if not on_events(plan):
        return None
    recall, saved, unknown = recall_target(plan), None, []
    if recall is None:
        unknown.append("no done metric sets a recall target")
    if warns_ahead(plan):
        answer = plan.impact.saved_share
        if isinstance(answer, float):
            saved = answer
        else:
            said = "measured" if answer is not None else "answered"
            unknown.append(
                f"how often acting on a correct warning saves the case is not {said} (impact.saved_share)"
            )
    if plan.impact.capacity_per_day == NOT_MEASURED:
        unknown.append("how many warnings people can act on is not measured (impact.capacity_per_day)")
    return Caught(recall, saved, tuple(unknown))


def caught_said(plan: Plan, found: Caught, ceiling: float, unbounded: float, unit: str) -> str:
    """The arithmetic from the ceiling to the estimate: `15,750 EUR if every event were caught and averted
    (the ceiling) x 80% caught (done.metrics[0] recall target) = 12,600`, then what leaves it an upper
    bound; `the ceiling if every event were caught: ...` where nothing scales it."""
    event = "if every event were caught and averted" if warns_ahead(plan) else "if every event were caught"
    parts, note = [], ""
    if found.recall is not None:
        index, recall = found.recall
        where = f"done.metrics[{index}] recall target"
        if unbounded * recall >= ceiling:
            note = (
                f"at its {fmt.share(recall)} recall target (done.metrics[{index}]) the model still finds more "
                "than people act on"
            )
        else:
            parts.append(f"{fmt.share(recall)} caught ({where})")
    if found.saved is not None:
        parts.append(f"{fmt.share(found.saved)} of those acted on saved (impact.saved_share)")
    if parts:
        top = f"{fmt.number(ceiling, 0)} {unit} {event} (the ceiling)".replace("  ", " ")
        said = " x ".join((top, *parts)) + f" = {fmt.number(found.value(ceiling, unbounded), 0)}"
        said = f"{note}; {said}" if note else said
    else:
        said = note or f"the ceiling {event}"
    if not found.unknown:
        return said
    *rest, last = found.unknown
    bound = f"{', '.join(rest)} and {last}" if rest else last
    return f"{said}, an upper bound still: {bound}" if parts or note else f"{said}: {bound}"
