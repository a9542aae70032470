"""The bottom of the judgement: Risk and its levels, the rule registry (each rule with its advice and its
fire and quiet cases), the tunable thresholds, and the helpers rules use to quote answers as evidence."""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Literal

from planner.judgement.measured import source_of
from planner.plan.model import (
    NAME_PATTERN,
    Category,
    DataKind,
    Direction,
    LabelSource,
    Metric,
    ModelSize,
    Plan,
    TaskType,
    Verdict,
)

Evidence = tuple[str, ...] | None
Check = Callable[[Plan], Evidence]

# Tunable judgement calls (not any source's numbers).
RULES_ENOUGH_COVERAGE = 0.8  # rules that handle this share...
RULES_ENOUGH_ACCURACY = 0.95  # ...this well are a product already
MIN_LABELED = 1000  # fewer labeled examples than this is a small set for supervised learning
MIN_RARE_LABELED = 100  # ...and fewer examples of the rarest class than this
MIN_TEST = 500  # a test set smaller than this cannot separate close models
MIN_RARE_TEST = 30  # below ~30 cases a class's rate has a 95% interval wider than +-15 points
RARE_SHARE = 0.1  # a class rarer than this makes accuracy meaningless
MAX_TIMEBOX_WEEKS = 16  # feasibility studies run 4-16 weeks; longer is no box at all
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
RULES_WORTH_SHIPPING = (0.2, 0.9)
RECORDED_HISTORY = 10_000  # recorded outcomes over this many examples: people's score is no ceiling  # rules covering this share at this accuracy are a first release

# Words that say what a label or a goal is about (lowercase stems, matched at word starts).
BEHAVIOUR = (
    "click",
    "view",
    "watch",
    "vote",
    "like",
    "open",
    "dwell",
    "purchas",
    "bought",
    "buy",
    "share",
    "hired",
    "accepted",
    "approved",
    "selected",
    "engag",
    "impression",
    "play",
)
LASTING = (
    "satisf",
    "quality",
    "relevan",
    "long-term",
    "long term",
    "come back",
    "return",
    "retention",
    "retain",
    "value",
    "trust",
    "fit",
    "loyal",
    "wellbeing",
    "well-being",
    "happ",
    "success",
)
PEOPLE = (
    "people",
    "person",
    "human",
    "manual",
    "by hand",
    "inspector",
    "reviewer",
    "review",
    "agent",
    "analyst",
    "clerk",
    "moderator",
    "radiologist",
    "doctor",
    "nurse",
    "clinician",
    "staff",
    "handler",
    "recruiter",
    "editor",
    "underwriter",
    "operator",
    "expert",
    "team",
    "rotation",
)
HARMFUL = (
    "health",
    "patient",
    "safety",
    "injur",
    "death",
    "money",
    "credit",
    "loan",
    "refus",
    "declin",
    "reject",
    "legal",
    "court",
    "access",
    "job",
    "hire",
    "hiring",
    "benefit",
    "housing",
    "insurance",
    "treatment",
    "diagnos",
    "untreated",
    "arrest",
    "police",
)
OFFLINE_ONLY = r"\b(a/?b|ab test|online|live|shadow|canary|holdout|hold-out|pilot|control|experiment)"


# ---------------------------------------------------------------- risks and their levels

HIGH = 15
MEDIUM = 8
Level = Literal["high", "medium", "low"]
Tone = Literal["success", "info", "warning", "danger"]


def level_of(score: int) -> Level:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


@dataclass(frozen=True)
class Risk:
    """One entry of the register, derived by a rule or entered by hand."""

    id: str
    title: str
    category: Category
    likelihood: int
    impact: int
    why: str
    mitigation: str
    evidence: tuple[str, ...] = ()
    source: Literal["derived", "hand"] = "derived"
    verdict: Verdict | None = None
    note: str | None = None
    by: str | None = None
    owner: str | None = None  # who acts on it while it is open
    due: date | None = None  # by when

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> Level:
        return level_of(self.score)

    @property
    def decided(self) -> bool:
        return self.verdict is not None

    @property
    def status(self) -> str:
        """`open`, or the team's verdict (`accepted`, `mitigated`, `not applicable`)."""
        return self.verdict.value.replace("_", " ") if self.verdict else "open"


@dataclass(frozen=True)
class Move:
    """The advice a rule carries: what to do when it fires. `first` moves come before anything else
    (they change what the team does next); the others follow the verdict. The reason is followed by
    the risk's first piece of evidence."""

    title: str
    reason: str
    tone: Tone = "info"
    first: bool = False


@dataclass(frozen=True)
class Case:
    """A rule's example: answers patched onto the sound plan (dotted paths; None deletes) and, for a
    firing case, the evidence it must quote and the other rules the same answers raise."""

    changes: dict[str, Any]
    evidence: tuple[str, ...] | None = None
    also: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RuleSpec:
    """One entry of the catalogue: the rule, its advice, and the cases that pin it."""

    id: str
    title: str
    category: Category
    likelihood: int
    impact: int
    why: str
    mitigation: str
    check: Check
    move: Move | None = None
    fires: tuple[Case, ...] = ()
    quiet: tuple[Case, ...] = ()

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


CATALOGUE: dict[str, RuleSpec] = {}
_ID = re.compile(NAME_PATTERN)


def rule(
    id: str,
    category: Category,
    likelihood: int,
    impact: int,
    *,
    move: Move | None = None,
    fires: tuple[Case, ...] = (),
    quiet: tuple[Case, ...] = (),
) -> Callable[[Check], Check]:
    """Register a rule; its docstring gives the title, why, and `Mitigation: ...`; `move` is the advice
    it calls for, `fires` and `quiet` its cases (checked by tests/test_review.py)."""

    def register(check: Check) -> Check:
        paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(check.__doc__ or "").split("\n\n")]
        if len(paragraphs) != 3 or not paragraphs[2].startswith("Mitigation: "):
            raise ValueError(f"rule {id}: docstring must be 'Title.', why, 'Mitigation: ...'")
        if not _ID.fullmatch(id) or id in CATALOGUE or not (1 <= likelihood <= 5 and 1 <= impact <= 5):
            raise ValueError(f"rule {id}: bad or duplicate id, or score outside 1-5")
        title, why, mitigation = paragraphs[0].rstrip("."), paragraphs[1], paragraphs[2][12:]
        CATALOGUE[id] = RuleSpec(
            id, title, category, likelihood, impact, why, mitigation, check, move, fires, quiet
        )
        return check

    return register


# ---------------------------------------------------------------- evidence helpers

_SAYS_NOTHING = {
    "", "-", "--", "?", "??", "...", "n/a", "na", "nil", "null", "none", "none yet", "no", "nothing",
    "nobody", "nobody yet", "no one", "no one yet", "noone", "not yet decided", "tbd", "tbc", "todo", "to do", "unknown", "not known", "unclear",
    "not sure", "no idea", "idk", "don't know", "do not know", "not measured", "never measured",
    "not yet", "later", "to be decided", "to be defined", "to be confirmed",
}  # fmt: skip


def norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .!;:")


def says_nothing(value: Any) -> bool:
    """An answer that is given but carries no content ("none", "TBD", "unknown", "?")."""
    return isinstance(value, str) and norm(value) in _SAYS_NOTHING


def show(value: Any) -> str:
    """An answer as it reads in plan.yaml: strings quoted (and shortened), numbers plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return f'"{value.value}"'
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, str):
        text = " ".join(value.split())
        return '"' + (text if len(text) <= 70 else text[:67] + "...") + '"'
    return str(value)


def answer_at(plan: Plan, path: str) -> Any:
    """The answer at a dotted path; list items as `sources[1].name`."""
    value: Any = plan
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]
    return value


def quote(plan: Plan, path: str, note: str = "") -> str:
    """`path: answer`, optionally followed by a note in parentheses (by default: where a measured
    answer comes from, so the evidence says it was measured on a sample, not typed)."""
    note = note or source_of(plan, path) or ""
    return f"{path}: {show(answer_at(plan, path))}" + (f" ({note})" if note else "")


def answer_is(plan: Plan, path: str, *values: Any) -> Evidence:
    """The answer quoted when it is one of `values` (or, for a multiple choice, includes one)."""
    answer = answer_at(plan, path)
    if isinstance(answer, list):
        hit = any(value in answer for value in values)
    else:
        hit = any(answer is value if isinstance(value, bool) else answer == value for value in values)
    return (quote(plan, path),) if hit else None


def changes_over_time(plan: Plan) -> Evidence:
    """The answers that say the data moves with time: a forecast, time series, or real-world outcomes."""
    return (
        answer_is(plan, "product.task", TaskType.forecasting)
        or ((quote(plan, "product.data_kinds"),) if DataKind.time_series in plan.product.data_kinds else None)
        or answer_is(plan, "constraints.data.labels", LabelSource.outcomes)
    )


# Events a label counts when it stands for engagement, and events a goal counts when it is about money
# or customers staying: a label of the first kind for a goal of the second is a proxy, ticked or not.
ENGAGEMENT = (
    "click",
    "open",
    "view",
    "watch",
    "log-in",
    "login",
    "log in",
    "logged in",
    "inactiv",
    "visit",
    "dwell",
    "impression",
    "session",
    "usage",
    "tap",
    "scroll",
    "time spent",
    "like",
    "vote",
)
GOAL_EVENTS = (
    "purchas",
    "buy",
    "bought",
    "conversion",
    "convert",
    "sale",
    "revenue",
    "cancel",
    "churn",
    "renew",
    "subscri",
    "spend",
    "order",
    "booking",
    "retention",
    "retain",
    "profit",
    "income",
)
# Words that say a decision stops or hides the case it acts on, so its outcome is never seen.
WITHHOLDS = (
    "block",
    "hold",
    "held",
    "declin",
    "reject",
    "refus",
    "remov",
    "hide",
    "hidden",
    "suspend",
    "deny",
    "denied",
    "ban",
    "freez",
    "froz",
    "quarantin",
    "withh",
    "take down",
    "takedown",
    "filter",
    "not shown",
    "don't show",
    "do not show",
    "stop",
)
# Domains where the positive class fights back.
ADVERSARIAL = (
    "fraud",
    "spam",
    "abuse",
    "abusive",
    "bot",
    "chargeback",
    "scam",
    "fake",
    "phishing",
    "launder",
    "attack",
    "cheat",
    "counterfeit",
    "malware",
    "intrusion",
    "account takeover",
)

# Words that say a label is somebody's judgement rather than a recorded event.
JUDGED = (
    *PEOPLE,
    "auditor",
    "flag",
    "judg",
    "rated",
    "rating",
    "annotat",
    "tagged",
    "boxed",
    "marked",
    "graded",
    "opinion",
    "label",
)
RECORDED = (
    "settled",
    "closed",
    "paid",
    "shipped",
    "sold",
    "cancel",
    "default",
    "chargeback",
    "returned",
    "confirmed",
    "recorded",
    "died",
    "readmit",
    "failed",
    "failure",
    "delivered",
    "biopsy",
)


def recorded_outcome(plan: Plan) -> bool:
    """The label records what happened (outcomes, or records of settled events), over a large history,
    rather than what a person judged."""
    data = plan.constraints.data
    if not data.labels or data.labeled_examples is None or data.labeled_examples < RECORDED_HISTORY:
        return False
    if any(source in data.labels for source in (LabelSource.manual, LabelSource.vendor, LabelSource.proxy)):
        return False
    label = plan.product.label
    if LabelSource.outcomes in data.labels:
        return not mentions(label, JUDGED)
    return bool(mentions(label, RECORDED)) and not mentions(label, JUDGED)


@functools.lru_cache(maxsize=1024)
def _any_of(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?<![a-z])(?:" + "|".join(re.escape(stem) for stem in stems) + ")")


def mentions(text: str | None, stems: tuple[str, ...]) -> str | None:
    """The first of `stems` that starts a word of `text`, if any."""
    if not text:
        return None
    lowered = text.lower()
    if not _any_of(stems).search(lowered):  # one pass for the usual answer: none of them
        return None
    return next((stem for stem in stems if re.search(rf"(?<![a-z]){re.escape(stem)}", lowered)), None)


def mentioned_word(text: str | None, stems: tuple[str, ...]) -> str | None:
    """The whole word of `text` that the first matching stem starts (`log-in` for `log-in`, `cancellation`
    for `cancel`), as the team wrote it."""
    stem = mentions(text, stems)
    if stem is None or text is None:
        return None
    found = re.search(rf"(?<![a-z]){re.escape(stem)}[\w'-]*", text.lower())
    return found.group(0) if found else stem


def said_none_quote(plan: Plan, path: str) -> str | None:
    """`path: none (answered: we have none)` when the team answered none there."""
    parent, _, name = path.rpartition(".")
    holder = answer_at(plan, parent)
    if name in (getattr(holder, "none", None) or ()):
        return f"{path}: none (answered: we have none)"
    return None


def money(amount: float, currency: str | None) -> str:
    """An amount as people read it: `4,000 USD`, `0.02 USD`."""
    text = f"{amount:,.0f}" if amount >= 100 or float(amount).is_integer() else f"{amount:,.4g}"
    return f"{text} {currency}" if currency else text


def pct(share: float) -> str:
    return f"{share * 100:.0f}%" if share * 100 >= 1 or share == 0 else f"{share * 100:.2g}%"


def label_agreement(plan: Plan) -> tuple[float, int | None, str] | None:
    """(agreement, cases, where) of two people on the label: measured by `planner try` when the plan
    has it, typed otherwise."""
    measured = plan.by_hand.measured
    if measured is not None and measured.shared:
        agreed = (measured.agreed or 0) / measured.shared
        return agreed, measured.shared, "by_hand.measured (two people on the same sample)"
    if plan.by_hand.label_agreement is None:
        return None
    return plan.by_hand.label_agreement, plan.by_hand.double_labelled, "by_hand.label_agreement"


def empty_answers(plan: Plan, *paths: str) -> Evidence:
    found = tuple(quote(plan, path) for path in paths if says_nothing(answer_at(plan, path)))
    return found or None


def done_metrics(plan: Plan) -> Iterator[tuple[str, Metric]]:
    for index, metric in enumerate(plan.done.metrics):
        yield f"done.metrics[{index}]", metric


def at_least_as_good(value: float, than: float, direction: Direction) -> bool:
    return value >= than if direction is Direction.higher_is_better else value <= than


def items_per_month(plan: Plan) -> float | None:
    impact = plan.impact
    if impact.volume is None or impact.period is None:
        return None
    return impact.volume * impact.period.per_month


def monthly_value(plan: Plan) -> float | None:
    """Impact estimate: volume x periods per month x share addressed x value per item."""
    items, impact = items_per_month(plan), plan.impact
    if items is None or impact.share_addressed is None or impact.value_per_item is None:
        return None
    return items * impact.share_addressed * impact.value_per_item
