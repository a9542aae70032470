"""Which data sources a model reads, and whether the team says none of them describes people.

`constraints.data.personal_data` speaks for all the data at once; a plan listing public leaflets beside an
unused chat export answers it yes for the export. Each source's `about_people` answer says which: a
privacy or leak risk reasons from the sources the model reads, as the inputs name them.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.judgement.rules.evidence import answer_at, says_nothing
from planner.judgement.rules.words import words_of
from planner.plan.model import DataSource, Plan, TaskType

_STOP = frozenset({"the", "and", "from", "with", "data", "since", "each", "every", "records", "record"})
_CLAUSE_END = (".", ";", "\n")


def _names(text: str, source: DataSource) -> bool:
    """Whether `text` names the source by one of its own words of five letters or more."""
    own = {word for word in words_of(source.name) if len(word) >= 5 and word not in _STOP}
    return bool(own & set(words_of(text)))


def _named_in(plan: Plan, text: str) -> tuple[DataSource, ...]:
    return tuple(source for source in plan.constraints.data.sources if _names(text, source))


def sources_in_use(plan: Plan) -> tuple[DataSource, ...]:
    """The sources the model is prompted with or reads: those its inputs name; every source where the
    inputs are unanswered or name none, and where the task learns from its data (any may train it)."""
    sources = tuple(plan.constraints.data.sources)
    inputs = plan.product.inputs
    if plan.product.task is not TaskType.generation or not inputs or says_nothing(inputs):
        return sources
    return _named_in(plan, inputs) or sources


def retrieved_from(plan: Plan, path: str, words: Sequence[str]) -> tuple[DataSource, ...]:
    """The sources the answer at `path` names from its first word of `words` (`retrieved`, `past
    replies`) to the end of that clause; else the sources in use."""
    text = answer_at(plan, path)
    if isinstance(text, str) and words:
        start = text.lower().find(words[0])
        if start >= 0:
            ends = [end for end in (text.find(mark, start) for mark in _CLAUSE_END) if end >= 0]
            named = _named_in(plan, text[start : min(ends, default=len(text))])
            if named:
                return named
    return sources_in_use(plan)


def nobody_described(sources: Sequence[DataSource]) -> bool:
    """Whether the team says of every one of these sources that its records describe no living person."""
    return bool(sources) and all(source.about_people is False for source in sources)
