"""What the team ticked a change during the data's period touched, and how much of production it reaches
(`constraints.data.change_kind`, `change_reach`): read by the rules on changes, which fall back on the
words of `constraints.data.changes` only where nothing is ticked."""

from __future__ import annotations

from planner.plan.model import ChangeKind, ChangeReach, Plan

# Kinds that change what the label records: the standard it is given by, or the process behind it.
REGIME_KINDS = frozenset({ChangeKind.label_standard, ChangeKind.process})
KIND_PATH = "constraints.data.change_kind"


def change_kinds(plan: Plan) -> frozenset[ChangeKind]:
    """The kinds the team ticked for the change it named; empty where it ticked none (an older plan)."""
    return frozenset(plan.constraints.data.change_kind)


def reach_likelihood(plan: Plan, full: int) -> int:
    """`full` for a change across production (or reach not given), one less for a part the data does not
    tell apart, two less for a part each row names: tracked apart, it can be scored and kept apart."""
    reach = plan.constraints.data.change_reach
    return full - {ChangeReach.part: 1, ChangeReach.part_tracked: 2}.get(reach, 0) if reach else full
