"""One exception family: every message is written for the user and ends with the fix."""

from __future__ import annotations


class PlannerError(Exception):
    """A problem the user can fix; `cli` prints the message and exits with `exit_code`."""

    exit_code = 2


class UsageError(PlannerError):
    """Bad arguments, a missing workspace or plan, or input that cannot be read."""


class InvalidPlan(PlannerError):
    """A plan file that is not valid YAML or does not match the schema."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problems))


class CheckFailed(PlannerError):
    """`planner check` (or a similar gate) found problems."""

    exit_code = 1


class Refused(PlannerError):
    """A valid request the tool declines (e.g. publishing an unchanged plan)."""

    exit_code = 1


class Unanswered(PlannerError):
    """`planner interview --no-input` found applicable questions nobody has answered."""


class Interrupted(PlannerError):
    """Ctrl-C or Ctrl-D at an interview prompt; every answer given so far is already on disk."""

    exit_code = 130
