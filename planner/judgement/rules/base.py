"""The bottom of the judgement: thresholds, Risk and its levels, the rule registry with advice and cases."""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from planner.plan.fields import NAME_PATTERN
from planner.plan.model import Category, Decision, ModelSize, Plan, Verdict


class Hint(tuple[str, ...]):
    """Evidence inferred only from words in free text, not from a structured answer: the register asks
    the risk as a question naming `words`, at most medium, since a word is a guess, not a fact; facts that
    make it less likely still (a minor error) score it at `likelihood`, as Tempered evidence does."""

    words: tuple[str, ...]
    likelihood: int | None

    def __new__(cls, words: Iterable[str], evidence: Iterable[str], likelihood: int | None = None) -> Hint:
        hint = super().__new__(cls, evidence)
        hint.words = tuple(dict.fromkeys(words))
        hint.likelihood = likelihood
        return hint


class Tempered(tuple[str, ...]):
    """Evidence of a risk these facts make less likely than the rule's own likelihood (a label delay
    where the feedback loop matters more, a team that chose the rules): scored at `likelihood`."""

    likelihood: int

    def __new__(cls, likelihood: int, evidence: Iterable[str]) -> Tempered:
        tempered = super().__new__(cls, evidence)
        tempered.likelihood = likelihood
        return tempered


Evidence = tuple[str, ...] | None


Check = Callable[[Plan], Evidence]


# Tunable judgement calls (not any source's numbers).
RULES_ENOUGH_COVERAGE = 0.8  # rules that handle this share...


RULES_ENOUGH_ACCURACY = 0.95  # ...this well are a product already


MIN_LABELED = 1000  # fewer labeled examples than this is a small set for supervised learning


MIN_RARE_LABELED = 100  # ...and fewer examples of the rarest class than this


MIN_TEST = 500  # a test set smaller than this cannot separate close models


MIN_PROMPTED_TEST = 100  # a prompted model's evaluation set of this many catches large failures


MIN_RARE_TEST = 30  # below ~30 cases a class's rate has a 95% interval wider than +-15 points


RARE_SHARE = 0.1  # a class rarer than this makes accuracy meaningless


MAX_TIMEBOX_WEEKS = 16  # feasibility studies run 4-16 weeks; longer is no box at all


LONG_BOX_WEEKS = 26  # ...unless it ends in a fold action or a go-live date: then up to this, still a box


FAST_CADENCE_DAYS = 7.0  # retraining weekly or faster


PERSON_WEEK_HOURS = 40.0


PERSON_WEEK_COST = 3000.0  # loaded cost of a person-week, for plans valued in EUR/USD/GBP/CHF


LATENCY_FLOOR_MS = {ModelSize.huge: 1000, ModelSize.large: 100}  # budgets below these are tight


ANY_MODEL_FLOOR_MS = 10


HOSTED_FLOOR_MS = 100  # a network round trip to a hosted service eats this budget


HOSTED_LLM_FLOOR_MS = 2000  # a hosted language model's p99 for a generated answer is seconds, not ms


RULES_PRECISE = 0.98  # rules measured right this often may act without a person


OUT_OF_PROPORTION = 10  # minutes saved per item beyond this many times the minutes it takes by hand


TIGHT_P99_MS = 300  # an online budget at or below this needs a measured candidate before any design


LOW_AGREEMENT = 0.8  # people who agree less often than this need labelling guidelines first


RULES_WORTH_SHIPPING = (0.2, 0.9)  # rules covering this share at this accuracy are a first release


RECORDED_HISTORY = 10_000  # recorded outcomes over this many examples: people's score is no ceiling


CAPACITY_SHARE = 0.5  # people who can work at most this share of the volume set the model's threshold


# A precision this high, needed where true cases are rarer than the base rate below, is rarely reached: a
# recall target that fits people's capacity only at such a precision floods them or falls short.
PRECISION_RARELY_REACHED = (0.5, 0.01)


EASY_LIFT = (
    2.0  # a capacity that needs precision no more than this many times the base rate fits nearly any ranking
)


EASY_SLICE = 0.1  # an easy or out-of-scope share at least this large is worth shipping first


CEILING_WORTH_SAYING = 0.95  # an earlier stage that passes on fewer true cases than this caps the whole


MIN_MARGIN = 0.02  # a target must beat today's figure (a share) by at least this much to be told from noise


MANY_TIMES = 3  # a product serving this many times the units the data comes from meets unseen ones


LATE_LABELS_DAYS = 30  # labels this late hide a model's decay for a month or more


SLOW_LOOP_DAYS = 30  # retraining a month or more apart lets adversaries adapt for weeks unseen


SLOW_OUTCOME_DAYS = 180  # outcomes this slow make a live A/B test on them a matter of a year or more


HIGH = 15


MEDIUM = 8


Level = Literal["high", "medium", "low"]


Tone = Literal["success", "info", "warning", "danger"]


def level_of(score: int) -> Level:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def level_rank(level: Level) -> int:
    """A level as a number that grows with it: low 0, medium 1, high 2."""
    return ("low", "medium", "high").index(level)


@dataclass(frozen=True)
class RiskKind:
    """What a risk is, whoever raised it: a rule of the catalogue or the team, by hand."""

    id: str
    title: str
    category: Category
    likelihood: int
    impact: int
    why: str
    mitigation: str

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


def _quoted(words: tuple[str, ...]) -> str:
    items = [f"'{word}'" for word in words]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Risk:
    """One entry of the register: a kind of risk, the evidence that raised it, and the team's decision."""

    kind: RiskKind
    evidence: tuple[str, ...] = ()
    source: Literal["derived", "hand"] = "derived"
    verdict: Verdict | None = None
    note: str | None = None
    by: str | None = None
    owner: str | None = None  # who acts on it while it is open
    due: date | None = None  # by when
    heard: tuple[str, ...] = ()  # the words of free text it was inferred from, when only words raised it

    @classmethod
    def of(
        cls,
        kind: RiskKind,
        decision: Decision | None,
        evidence: tuple[str, ...] = (),
        source: str = "derived",
    ) -> Risk:
        """The risk `kind` with the team's decision on it, if any; evidence that is a Hint makes it a
        question naming the words, at most medium; Tempered evidence lowers its likelihood."""
        decided = decision or Decision.model_construct(risk=kind.id)
        heard = evidence.words if isinstance(evidence, Hint) else ()
        lowered = evidence.likelihood if isinstance(evidence, (Tempered, Hint)) else None
        if lowered is not None and lowered < kind.likelihood:
            kind = dataclasses.replace(kind, likelihood=lowered)
        if heard:
            ask = kind.ask if isinstance(kind, RuleSpec) else None
            kind = RiskKind(
                kind.id,
                f"The answers mention {_quoted(heard)}: {ask}"
                if ask
                else f"{kind.title} (from the words {_quoted(heard)})",
                kind.category,
                min(kind.likelihood, (HIGH - 1) // kind.impact),  # a guess is less likely, never high
                kind.impact,
                kind.why,
                kind.mitigation,
            )
        return cls(
            kind,
            tuple(evidence),
            "hand" if source == "hand" else "derived",
            decided.verdict,
            decided.note,
            decided.by,
            decided.owner,
            decided.due,
            heard,
        )

    id = property(lambda self: self.kind.id)
    title = property(lambda self: self.kind.title)
    category = property(lambda self: self.kind.category)
    likelihood = property(lambda self: self.kind.likelihood)
    impact = property(lambda self: self.kind.impact)
    why = property(lambda self: self.kind.why)
    mitigation = property(lambda self: self.kind.mitigation)

    @property
    def score(self) -> int:
        return self.kind.score

    @property
    def level(self) -> Level:
        return level_of(self.score)

    @property
    def decided(self) -> bool:
        return self.verdict is not None

    @property
    def standing(self) -> tuple[int, bool, int]:
        """Its place in a list, first first: by level; at one level, a risk the answers state before one
        only words of free text raised (a guess asked as a question), whatever their scores; then by score."""
        return (-level_rank(self.level), bool(self.heard), -self.score)

    @property
    def status(self) -> str:
        """`open`, or the team's verdict (`accepted`, `mitigated`, `not applicable`)."""
        return self.verdict.value.replace("_", " ") if self.verdict else "open"


@dataclass(frozen=True)
class Move:
    """The advice a rule carries: what to do when it fires. `first` moves come before anything else
    (they change what the team does next); the others follow the verdict. The reason is followed by
    the risk's first piece of evidence. `done` says when the plan already does what the move says:
    then the move is not given (a lead never advises what the team already does). A `first` move
    leads only for a risk at medium or above, unless it `reshapes` the plan: it changes what the first
    model covers or whether to build at all (narrow it to the easy part, stop here), which a lead
    puts first even on a low note; a low note's other moves (guidelines, a document, a check to add)
    follow the stage's own next move."""

    title: str
    reason: str
    tone: Tone = "info"
    first: bool = False
    done: Callable[[Plan], bool] | None = None
    reshapes: bool = False


@dataclass(frozen=True)
class Instead:
    """Advice for the plans a rule's own does not fit: where `fits(plan)`, the risk carries `move` and
    `mitigation` in place of the rule's (no random share can be kept out of a choice customers make:
    correct for who chooses instead). The rule's evidence says why, so the two read as one."""

    fits: Callable[[Plan], bool]
    move: Move | None
    mitigation: str
    title: str | None = None  # the risk's title where it fits, when the rule's own would misname it


@dataclass(frozen=True)
class Case:
    """A rule's example: answers patched onto the sound plan (dotted paths; None deletes) and, for a
    firing case, the evidence it must quote and the other rules the same answers raise."""

    changes: dict[str, Any]
    evidence: tuple[str, ...] | None = None
    also: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RuleSpec(RiskKind):
    """One entry of the catalogue: the kind of risk a rule raises, the rule, its advice and its cases."""

    check: Check
    move: Move | None = None
    fires: tuple[Case, ...] = ()
    quiet: tuple[Case, ...] = ()
    ask: str | None = None  # the risk as a question, when only words of free text raised it
    instead: tuple[Instead, ...] = ()  # advice for the plans its own does not fit, the first that fits

    def fitting(self, plan: Plan) -> RuleSpec:
        """This rule with the advice that fits `plan`: the first `instead` whose `fits` holds, else its own."""
        for other in self.instead:
            if other.fits(plan):
                title = other.title or self.title
                return dataclasses.replace(self, move=other.move, mitigation=other.mitigation, title=title)
        return self


CATALOGUE: dict[str, RuleSpec] = {}


_ID = re.compile(NAME_PATTERN)


def rule(
    id: str,
    category: Category,
    *,
    likelihood: int,
    impact: int,
    move: Move | None = None,
    fires: tuple[Case, ...] = (),
    quiet: tuple[Case, ...] = (),
    ask: str | None = None,
    instead: tuple[Instead, ...] = (),
) -> Callable[[Check], Check]:
    """Register a rule; its docstring gives the title, why, and `Mitigation: ...`; `move` is the advice
    it calls for, `fires` and `quiet` its cases (checked by tests/test_review.py); `ask` is its title
    as a question (lowercase, ending in `?`), for a rule that may return a Hint; `instead`, the move and
    mitigation that replace its own on the plans they fit."""

    def register(check: Check) -> Check:
        paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(check.__doc__ or "").split("\n\n")]
        if len(paragraphs) != 3 or not paragraphs[2].startswith("Mitigation: "):
            raise ValueError(f"rule {id}: docstring must be 'Title.', why, 'Mitigation: ...'")
        if not _ID.fullmatch(id) or id in CATALOGUE or not (1 <= likelihood <= 5 and 1 <= impact <= 5):
            raise ValueError(f"rule {id}: bad or duplicate id, or score outside 1-5")
        if ask is not None and not (ask[:1].islower() and ask.endswith("?")):
            raise ValueError(f"rule {id}: ask is a question in lowercase after 'The answers mention ...: '")
        title, why, mitigation = paragraphs[0].rstrip("."), paragraphs[1], paragraphs[2][12:]
        CATALOGUE[id] = RuleSpec(
            id, title, category, likelihood, impact, why, mitigation, check, move, fires, quiet, ask, instead
        )
        return check

    return register
