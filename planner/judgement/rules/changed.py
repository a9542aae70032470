"""What the team ticked a change during the data's period touched, and how much of production it reaches
(`constraints.data.change_kind`, `change_reach`, `change_share`): read by the rules on changes, which fall
back on the words of `constraints.data.changes` only where nothing is ticked."""

from __future__ import annotations

from planner.judgement.rules.base import Tempered
from planner.judgement.rules.evidence import quote
from planner.plan.model import ChangeKind, ChangeReach, Plan

# Kinds that change what the label records: the standard it is given by, or the process behind it.
REGIME_KINDS = frozenset({ChangeKind.label_standard, ChangeKind.process})
KIND_PATH = "constraints.data.change_kind"
SHARE_PATH = "constraints.data.change_share"
# A part of production this large is most of it (6 of 9 plants): tracked apart or not, most live cases
# follow the change, and the rows from before it describe most of production no longer.
MOST = 0.5


def change_kinds(plan: Plan) -> frozenset[ChangeKind]:
    """The kinds the team ticked for the change it named; empty where it ticked none (an older plan)."""
    return frozenset(plan.constraints.data.change_kind)


def change_reach(plan: Plan) -> ChangeReach | None:
    """The reach as ticked, read as all of production where the part's share is half of it or more."""
    data = plan.constraints.data
    share = data.change_share
    if data.change_reach is not ChangeReach.all and isinstance(share, float) and share >= MOST:
        return ChangeReach.all
    return data.change_reach


def reached(plan: Plan, full: int, found: tuple[str, ...]) -> Tempered:
    """`full` for a change across production (or reach not given), one less for a part the data does not
    tell apart, two less for a part each row names: tracked apart, it can be scored and kept apart. A part
    that is most of production counts as all of it, its share quoted."""
    reach = change_reach(plan)
    level = full - {ChangeReach.part: 1, ChangeReach.part_tracked: 2}.get(reach, 0) if reach else full
    return Tempered(level, (*found, *share_quoted(plan)))


def share_quoted(plan: Plan) -> tuple[str, ...]:
    """The part's share, quoted where it makes the part most of production."""
    share = plan.constraints.data.change_share
    if isinstance(share, float) and change_reach(plan) is not plan.constraints.data.change_reach:
        return (
            quote(plan, SHARE_PATH, f"{share:.0%}, most of production: its live cases follow the change"),
        )
    return ()
