"""Which unanswered questions the advice weighs most: the fields the rules' own firing examples set.

A question nobody answered raises no risk, so "answer the open questions" alone leaves the team to
guess which of them matter. The rules' `fires` cases say which answers each rule reasons from; an
unanswered question that many rules read is one whose answer may well change the advice."""

from __future__ import annotations

from collections import Counter
from functools import cache

from planner.judgement.rules import CATALOGUE
from planner.plan.questions import Completeness, Question


@cache
def _readers() -> Counter[str]:
    """How many rules set each field (a dotted path, list indexes dropped) in a case that fires."""
    count: Counter[str] = Counter()
    for spec in CATALOGUE.values():
        paths = {
            ".".join(part for part in key.split(".") if not part.isdigit())
            for case in spec.fires
            for key, value in case.changes.items()
            if value is not None
        }
        count.update(paths)
    return count


@cache
def rules_reading(field: str) -> int:
    """The rules whose firing cases set `field` or a part of it."""
    return sum(n for path, n in _readers().items() if path == field or path.startswith(field + "."))


def weighed(report: Completeness, most: int = 3) -> list[Question]:
    """Up to `most` unanswered questions, those the most rules reason from first (ties in interview order)."""
    asked = [question for questions in report.missing.values() for question in questions]
    scored = [(rules_reading(question.field), order, question) for order, question in enumerate(asked)]
    ranked = sorted((item for item in scored if item[0]), key=lambda item: (-item[0], item[1]))
    return [question for _, _, question in ranked[:most]]


def weighed_text(report: Completeness) -> str:
    """` Of these, the advice reasons most from: "…?" (field); …` or "" where no rule reads one."""
    named = [f'"{question.title.rstrip()}" ({question.field})' for question in weighed(report)]
    if len(named) == 1 and len(list(report.missing_fields())) == 1:
        return f" The advice reasons from it: {named[0]}."
    return f" Of these, the advice reasons most from: {'; '.join(named)}." if named else ""
