"""What a plan contains: the pydantic models behind plan.yaml, its JSON Schema and every prompt."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planner.core import formatting
from planner.plan import span

# The choices live in planner.plan.choices; `X as X` re-exports them, the model being where modules look.
from planner.plan.choices import (
    CLASS_TASKS as CLASS_TASKS,
    PICKING_TASKS as PICKING_TASKS,
    UNSTRUCTURED as UNSTRUCTURED,
    Acquisition as Acquisition,
    ActedBetweenRows as ActedBetweenRows,
    ActionShape as ActionShape,
    Agreement as Agreement,
    Audience as Audience,
    BacktestFeeds as BacktestFeeds,
    Cadence as Cadence,
    Category as Category,
    ChangeKind as ChangeKind,
    ChangeReach as ChangeReach,
    CheckedOutputs as CheckedOutputs,
    Circumstance as Circumstance,
    ClassesChange as ClassesChange,
    ContentRights as ContentRights,
    Conversion as Conversion,
    DataKind as DataKind,
    DataLeaves as DataLeaves,
    DecisionUses as DecisionUses,
    Delivery as Delivery,
    Difference as Difference,
    Direction as Direction,
    DoneTodayBy as DoneTodayBy,
    Dropped as Dropped,
    ErrorCost as ErrorCost,
    EvalDrawn as EvalDrawn,
    EvalInIndex as EvalInIndex,
    EvalInputs as EvalInputs,
    EvalTruth as EvalTruth,
    ExitsWhich as ExitsWhich,
    ExplorationDrawn as ExplorationDrawn,
    Governance as Governance,
    Guard as Guard,
    Hardware as Hardware,
    HarmKind as HarmKind,
    HostedAccess as HostedAccess,
    InputCapture as InputCapture,
    InputsBuilt as InputsBuilt,
    ItemsCovered as ItemsCovered,
    LabelDated as LabelDated,
    LabelGrain as LabelGrain,
    LabelSource as LabelSource,
    LabelWriter as LabelWriter,
    LaterPhase as LaterPhase,
    ListNeed as ListNeed,
    MetricRole as MetricRole,
    MetricUnit as MetricUnit,
    Mode as Mode,
    ModelSize as ModelSize,
    Negative as Negative,
    Newcomers as Newcomers,
    NoneFits as NoneFits,
    OnlineValidation as OnlineValidation,
    OutcomeLimit as OutcomeLimit,
    OutcomeRecorded as OutcomeRecorded,
    Period as Period,
    PersonEffect as PersonEffect,
    PersonTrait as PersonTrait,
    Picks as Picks,
    PilotPeriod as PilotPeriod,
    PilotUnits as PilotUnits,
    RateOver as RateOver,
    Reach as Reach,
    ReviewerStake as ReviewerStake,
    RowsPerThing as RowsPerThing,
    RuleImproved as RuleImproved,
    RulesVerdict as RulesVerdict,
    Serving as Serving,
    Severity as Severity,
    ShareFrom as ShareFrom,
    SkippedFrom as SkippedFrom,
    SourceClasses as SourceClasses,
    SpecialCategory as SpecialCategory,
    Split as Split,
    StatementsSource as StatementsSource,
    Status as Status,
    SupplyLimit as SupplyLimit,
    TaskType as TaskType,
    TestUse as TestUse,
    TodaysCallFeeds as TodaysCallFeeds,
    TodaysCallInput as TodaysCallInput,
    TuningDrawn as TuningDrawn,
    Undoable as Undoable,
    Unreadable as Unreadable,
    ValuesHeld as ValuesHeld,
    Verdict as Verdict,
    WhoseData as WhoseData,
)
from planner.plan.fields import (
    _RANGE,
    NAME_PATTERN,
    NONE_SCHEMA,
    NOT_MEASURED,
    TIMEBOX_MAX_WEEKS,
    Day,
    Figure,
    Moment,
    NoneAtAll,
    NotChecked,
    NotDecided,
    NotMeasured,
    Number,
    Record,
    Score,
    StepShare,
    Text,
    Whole,
    _is_none_word,
    also,
    percent_on_scale,
)
from planner.plan.holding import (
    BOUND_SCHEMA,
    HOLD_SCHEMA,
    HOLD_WORDS,
    MARGIN_SCHEMA,
    NOT_SET_SCHEMA,
    OF_TOTAL_SCHEMA,
    bounded_figure,
    holds,
    margin_said,
    not_set,
    of_total,
)
from planner.plan.migrate import CURRENT as SCHEMA_VERSION, upgrade
from planner.plan.money import MONEY_SCHEMA, Currency, split_money
from planner.plan.rate import Rate, per_working_day
from planner.plan.scale import is_share, named_lower, two_readings
from planner.plan.shares import Share
from planner.plan.span import Span

# Several horizons scored: a span (`1-7`) or the list of them (`[1, 3, 7]`), read as their two ends.
_HORIZONS_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": _RANGE},
        {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 1},
    ]
}


class Rule(Record):
    # Written by hand for `planner measure`, not asked in the interview.
    NOT_ASKED: ClassVar[frozenset[str]] = frozenset({"when", "predicts", "predicts_column"})

    condition: Text = Field(description="When this holds (e.g. 'amount > 5000 and new account').")
    action: Text = Field(description="What the rule does then (e.g. 'send to manual review').")
    when: Text | None = Field(
        default=None,
        description="The condition as a SQL boolean expression over the sample's columns, for "
        "`planner measure` (e.g. `amount > 5000 AND account_age_days < 30`).",
    )
    predicts: Text | None = Field(
        default=None, description="The outcome the rule predicts when it fires (one of product.outcomes)."
    )
    predicts_column: Text | None = Field(
        default=None,
        description="Instead of one outcome: the sample column whose value the rule predicts "
        "(e.g. the topic a customer picked).",
    )

    @model_validator(mode="after")
    def _one_prediction(self) -> Rule:
        if self.predicts is not None and self.predicts_column is not None:
            raise ValueError("give predicts or predicts_column, not both")
        return self

    def fingerprint(self) -> str:
        """sha256 of what `planner measure` runs for this rule: its predicate and its prediction."""
        ran = {"when": self.when, "predicts": self.predicts, "predicts_column": self.predicts_column}
        return hashlib.sha256(json.dumps(ran, sort_keys=True).encode("utf-8")).hexdigest()


class FaqEntry(Record):
    question: Text = Field(description="A question a customer or stakeholder will ask.")
    answer: Text | None = Field(default=None, description="The team's answer.")


class Arrival(NamedTuple):
    """One input stated late, read the same wherever it is written: its name, its days and their paths."""

    name: str
    days: float | str | None
    name_path: str | None  # None where the input is not named
    days_path: str


class LateInput(Record):
    name: Text = Field(
        description="An input that reaches the tables late or is recorded after the moment of "
        "prediction (a discharge note, a survey score filled in days later)."
    )
    days: Number | NotMeasured | None = Field(
        default=None,
        description="How many days after the moment the model predicts it arrives (as `last_input_days`); "
        "negative when known that many days ahead; or 'not measured'.",
    )

    def asks(self, name: str) -> bool:
        """Its days only where they were not said with its name (`discharge note, 2`)."""
        return name != "days" or self.days is None


class DataSource(Record):
    name: Text = Field(description="Where the data comes from (system, table, vendor, dataset).")
    acquisition: Acquisition | None = Field(
        default=None,
        description="How it is acquired: own, vendor, public, open data (a public body's official or "
        "openly licensed data, whose terms allow reuse: weather services, statistics offices, official "
        "notices), from customers (what customers or clients send us: reports, photos, forms) or to "
        "collect.",
    )
    classes: SourceClasses | None = Field(
        default=None,
        description="Which classes its rows hold: only the cases sought (positives: a complaint log, "
        "a contractor's close-ups of defects), only the others (negatives: a random sample, another "
        "camera), both as they arrive, or none (inputs without labels). A class that comes from its own "
        "source is told apart by the source (its camera, wording, period), not by what it is.",
    )
    agreement: Agreement | None = Field(
        default=None,
        description="For data a vendor, a partner or customers send: whether a signed agreement covers this "
        "use (yes, pending, or not needed).",
    )
    about_people: bool | None = Field(
        default=None,
        description="Whether its records describe living people (customers, patients, staff, members of the "
        "public): no for leaflets, manuals, product, sensor or animal records, records of the dead.",
    )
    sent_for_this_use: bool | None = Field(
        default=None,
        description="For data customers or the public send: whether this project uses it for what they sent "
        "it for (anglers' catch reports used to estimate the stock they report on: yes; photos sent to have "
        "a claim settled, used to train a model: no).",
    )

    def asks(self, name: str) -> bool:
        """The agreement only of data another organisation sends; what it was sent for only of data customers
        or the public send."""
        if name == "sent_for_this_use":
            return self.acquisition is Acquisition.from_customers
        return name != "agreement" or self.acquisition in (Acquisition.vendor, Acquisition.from_customers)


class Metric(Record):
    # Where its cases come from is asked once for the plan (done.eval_set); written by hand per metric.
    NOT_ASKED: ClassVar[frozenset[str]] = frozenset({"dataset"})

    name: Text = Field(description="The metric (e.g. 'recall at 1% false positive rate').")
    dataset: Text | None = Field(default=None, description="The data it is measured on.")
    baseline: Figure | Span | NotMeasured | None = Field(
        default=None,
        description="Today's value from the non-ML baseline or current system ('none' if there is none; 'not "
        "measured' where there is one whose value is not known yet, to be measured in the backtest); known "
        "only within a range, the range low end first (`1-2`, `1 to 2 days`): the model must beat its "
        "better end.",
        json_schema_extra=also(NONE_SCHEMA),
    )
    target: Figure | None = Field(
        default=None,
        description="The value that means done; 'no worse than the baseline' for a guardrail held where it "
        "is today (written back as `relative_target: 0`); a bound on a figure (`keep 11%`, `at most 5`) is "
        "that figure; a count of a total (`27 of 30`) is its share, 0.9; a margin on the baseline (`30% "
        "lower`, `a third lower`, `20% better than the baseline`) is written back as `relative_target` (and "
        "the direction it says); 'not set' is no target yet, as if left out.",
        json_schema_extra=also(HOLD_SCHEMA, BOUND_SCHEMA, OF_TOTAL_SCHEMA, MARGIN_SCHEMA, NOT_SET_SCHEMA),
    )
    direction: Direction = Field(
        default=Direction.higher_is_better,
        description="Whether higher or lower is better; left out, lower for a metric named an error, a "
        "loss or a delay (MAE, RMSE, MAPE, error rate, latency), higher otherwise.",
    )
    relative_target: Share | None = Field(
        default=None,
        description="Done as an improvement over the baseline (0.2: 20% better, e.g. 20% lower MSE; 0: no "
        "worse than the baseline).",
    )
    absolute_target: Number | None = Field(
        default=None,
        gt=0,
        description="Done as an amount better than the baseline, in the metric's own units (1.5: 1.5 "
        "points below a 12 error rate; 0.3: 0.3 days less mean absolute error); its sign comes from the "
        "direction.",
    )
    baseline_name: Text | None = Field(
        default=None,
        description="What the baseline is, and where its figure comes from (e.g. 'the naive last-week "
        "forecast', 'the rules, 2024-25 season').",
    )
    role: MetricRole | None = Field(
        default=None,
        description="Where done names several metrics: 'goal' for the figure the model must move, "
        "'guardrail' for one it must hold while the goal moves (recall at least 0.95 while the share of "
        "stops avoided reaches 60%): a guardrail today's process may already meet.",
    )

    @model_validator(mode="before")
    @classmethod
    def _percents_on_one_scale(cls, data: Any) -> Any:
        """`baseline: 11%` beside `target: 0.2` is 0.11; beside `target: 15` (points) it is 11; `target: no
        worse than the baseline` is a margin of 0 on it (`relative_target: 0`)."""
        if not isinstance(data, dict):
            return data
        said = data.get("target")
        if isinstance(said, str) and holds(said) and data.get("relative_target") is None:
            data = {name: value for name, value in data.items() if name != "target"} | {"relative_target": 0}
        elif isinstance(said, str) and (figure := bounded_figure(said)) is not None:
            data = data | {"target": figure}
        elif isinstance(said, str) and not_set(said):
            data = {name: value for name, value in data.items() if name != "target"}
        elif (
            isinstance(said, str)
            and (counted := of_total(said)) is not None
            and 0 <= counted[0] <= counted[1] > 0
        ):
            data = data | {
                "target": f"{format(100 * counted[0] / counted[1], '.10f').rstrip('0').rstrip('.')}%"
            }
        elif isinstance(said, str) and (margin := margin_said(said)) is not None:
            data = _as_margin(data, said, *margin)
        figures = {name: data.get(name) for name in ("baseline", "target")}
        return data | {
            name: percent_on_scale(value, [peer for other, peer in figures.items() if other != name])
            for name, value in figures.items()
            if name in data
        }

    @field_validator("target", mode="before")
    @classmethod
    def _count_within_total(cls, value: Any) -> Any:
        """`27 of 30` typed alone is its share, 0.9; `31 of 30` (a count above its total) is refused at the
        target, with the form it takes."""
        counted = of_total(value) if isinstance(value, str) else None
        if counted is not None and 0 <= counted[0] <= counted[1] > 0:
            return counted[0] / counted[1]
        if counted is not None:
            raise PydanticCustomError(
                "target_of_total",
                "'{text}' counts more than its total; write the count of the total, such as 27 of 30",
                {"text": value.strip()[:60]},
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _errors_go_down(cls, data: Any) -> Any:
        """`MAE in months` written without a direction is lower-is-better, as anyone reading it knows."""
        named = data.get("name") if isinstance(data, dict) else None
        if isinstance(named, str) and data.get("direction") is None and named_lower(named):
            return data | {"direction": Direction.lower_is_better.value}
        return data

    @field_validator("baseline", mode="before")
    @classmethod
    def _baseline_is_a_figure(cls, value: Any) -> Any:
        """A period or a source typed as the baseline (`2024-25 season`): said where it goes instead."""
        if not isinstance(value, str) or value.strip().lower() == NOT_MEASURED or _is_none_word(value):
            return value
        typed = span.checked(value)
        if typed is not None:
            return typed
        if not any(char.isalpha() for char in value):
            return value  # a figure with a sign or symbol (`89%`, `~0.3`, `€300`): the number's own message
        try:
            float(value.replace(",", "").replace("_", ""))
        except ValueError:
            raise PydanticCustomError(
                "baseline_text",
                "'{text}' is not a figure: put the figure in `baseline` and where it comes from in "
                "`baseline_name` (e.g. 'the rules, 2024-25 season'), or write 'not measured'",
                {"text": value.strip()},
            ) from None
        return value

    @model_validator(mode="after")
    def _one_margin(self) -> Metric:
        if self.relative_target is not None and self.absolute_target is not None:
            raise ValueError(
                "give relative_target (a share: 0.1 is 10% better) or absolute_target (an amount in the "
                "metric's units: 1.5 is 1.5 better), not both"
            )
        problem = self.margin_problem()
        if problem:
            raise PydanticCustomError("margin_range", problem)
        return self

    def margin_problem(self) -> str | None:
        """Why the goal a margin implies is no value the metric can take, with the fix; None where it can.
        A metric its name says is a share (a recall, an error rate), written as a fraction, keeps its goal
        within 0 and 1, and an amount of 1 or more over it is points; a Sharpe ratio or an RMSE of 0.8 is no
        share. A goal to lower is never below 0 (an error, a count, a share)."""
        base, goal = self.baseline_figure, self.goal()
        if self.target is not None or self.margin is None or base is None or goal is None:
            return None
        share = is_share(self.name, base) and base > 0
        amount = self.absolute_target
        if amount is not None and share and amount >= 1:
            return f"absolute_target {share_amount(amount, base, goal)}; write {formatting.number(amount / 100)} for {formatting.number(amount)} points"
        said = formatting.number(amount) if amount is not None else formatting.share(self.margin)
        where = f"{self.margin_field} {said} on a baseline of {formatting.number(base)}"
        if share and goal > 1:
            return f"{where} would make the goal {formatting.number(goal)}, above 1, the most a share can be; give a smaller margin, or the target itself"
        if base >= 0 and goal < 0:
            return f"{where} would make the goal {formatting.number(goal)}, below 0, which no error, count or share can be; give a smaller margin, or the target itself"
        return None

    def asks(self, name: str) -> bool:
        """A margin over the baseline only without a target; what the baseline is only when it has no value."""
        if name in ("relative_target", "absolute_target"):
            return self.target is None
        if name == "baseline_name":
            return self.baseline_figure is None
        return True

    @property
    def baseline_figure(self) -> float | None:
        """Today's value as a number; None where blank, or 'not measured' (a baseline named, value unknown).
        Of a range, the end hardest for the claim: a model must beat today's best (1 of `1-2 days` where
        lower is better)."""
        both = span.ends(self.baseline)
        if both is not None:
            return both[1] if self.direction is Direction.higher_is_better else both[0]
        return None if isinstance(self.baseline, str) else self.baseline

    @property
    def baseline_said(self) -> str:
        """Today's value as the team typed it: `0.45`, or the range `1-2 days`."""
        return self.baseline if isinstance(self.baseline, str) else f"{self.baseline:g}"

    @property
    def baseline_shown(self) -> str:
        """Today's figure for evidence: `0.45`, or a range as typed with the end it is judged at."""
        figure = self.baseline_figure
        if figure is None:
            return ""
        plain = str(int(figure)) if figure.is_integer() else f"{figure:g}"
        return (
            f"{self.baseline} (judged at its better end, {plain})"
            if isinstance(self.baseline, str)
            else plain
        )

    @property
    def margin(self) -> float | None:
        """The margin over the baseline the target is stated as: a share or an amount; None where none is."""
        return self.relative_target if self.relative_target is not None else self.absolute_target

    @property
    def holds(self) -> bool:
        """Whether the target only holds today's figure: a margin of 0 (`no worse than the baseline`)."""
        return self.target is None and self.relative_target == 0

    @property
    def margin_field(self) -> str:
        """The field that states the target: `target`, `relative_target` or `absolute_target`."""
        if self.target is None and self.absolute_target is not None:
            return "absolute_target"
        return "target" if self.target is not None or self.relative_target is None else "relative_target"

    def goal(self) -> float | None:
        """The target, or the one a margin implies on the baseline (20% lower MSE than 10 is 8; 1.5 below
        an error rate of 12 is 10.5)."""
        if self.target is not None:
            return self.target
        if self.margin is None or self.baseline_figure is None:
            return None
        sign = 1 if self.direction is Direction.higher_is_better else -1
        if self.absolute_target is not None:
            return float(f"{self.baseline_figure + sign * self.absolute_target:.10g}")
        return self.baseline_figure * (1 + sign * self.margin)

    def margin_words(self) -> str | None:
        """The margin as the team stated it: `20% lower than the baseline`, `1.5 below the baseline 12 =
        10.5`; None where the target is no margin."""
        if self.target is not None or self.margin is None:
            return None
        if self.holds:  # a guardrail held where it is: `no worse than the baseline (0.92)`
            base = self.baseline_figure
            return HOLD_WORDS if base is None else f"{HOLD_WORDS} ({formatting.number(base)})"
        lower = self.direction is Direction.lower_is_better
        if self.absolute_target is not None:
            said = f"{formatting.number(self.absolute_target)} {'below' if lower else 'above'} the baseline"
        else:
            said = f"{formatting.share(self.margin)} {'lower' if lower else 'higher'} than the baseline"
        goal = self.goal()
        if goal is None:
            return said
        return f"{said} {formatting.number(self.baseline_figure)} = {formatting.number(goal)}"


def _as_margin(data: dict[str, Any], said: str, share: float, way: str | None) -> dict[str, Any]:
    """A target said as a margin on the baseline (`30% lower`): its relative target, and the direction the
    words say where none is given; refused where another margin is given, the direction given disagrees,
    or a share's baseline reads it two ways (`10% higher` on 0.6: 0.7 or 0.66?)."""
    if data.get("relative_target") is not None or data.get("absolute_target") is not None:
        raise PydanticCustomError(
            "target_margin",
            "target '{text}' is a margin on the baseline and relative_target or absolute_target gives one "
            "too; keep one",
            {"text": said.strip()},
        )
    given = data.get("direction")
    if way is not None and given is not None and str(given) != way:
        raise PydanticCustomError(
            "target_margin",
            "target '{text}' says {way} is better, while direction says {given}; write the margin the way "
            "direction goes, or fix direction",
            {"text": said.strip(), "way": way, "given": str(given)},
        )
    base, name = data.get("baseline"), data.get("name")
    if isinstance(base, int | float) and isinstance(name, str) and is_share(name, float(base)):
        goes = way or str(given or "") or ("lower" if named_lower(name) else "higher")
        problem = two_readings(said.strip(), share, float(base), goes)
        if problem:  # `{...}` of the message kept as text
            raise PydanticCustomError(
                "target_margin", "target " + problem.replace("type ", "write the target ")
            )
    kept = {key: value for key, value in data.items() if key != "target"}
    return kept | {"relative_target": share} | ({"direction": way} if way and given is None else {})


def share_amount(amount: float, base: float, goal: float) -> str:
    """What an amount of 1 or more over a share's baseline would do: `5 on a baseline of 0.8, a share, would
    make the goal 5.8`."""
    return (
        f"{formatting.number(amount)} on a baseline of {formatting.number(base)}, a share, would make the "
        f"goal {formatting.number(goal)}"
    )


class Monitor(Record):
    signal: Text = Field(description="What is watched (e.g. 'share of orders flagged per day').")
    threshold: Text | None = Field(default=None, description="When it alerts, and whom.")


class Decision(Record):
    """The team's decision on a derived risk, kept in the plan so reviewers see who decided what."""

    risk: Annotated[str, StringConstraints(pattern=rf"^{NAME_PATTERN}$")] = Field(
        description="The id of the derived risk (see `planner rules`)."
    )
    verdict: Verdict | None = Field(
        default=None,
        description="accepted, mitigated or not_applicable; leave it out while the risk is still open "
        "and only its owner and due date are set.",
    )
    note: Text | None = Field(default=None, description="Why, or what was done.")
    by: Text | None = Field(default=None, description="Who decided.")
    owner: Text | None = Field(default=None, description="Who acts on the risk while it is open.")
    due: Day | None = Field(
        default=None, description="When the risk must be decided or acted on (YYYY-MM-DD)."
    )


class HandRisk(Record):
    """A risk the team entered by hand; it joins the derived ones in the register."""

    id: Annotated[str, StringConstraints(pattern=rf"^{NAME_PATTERN}$")] = Field(
        description="A short id, lowercase words joined by dashes."
    )
    title: Text = Field(description="The risk in one line.")
    category: Category = Field(description="product, data, model, delivery, operations, cost or ethics.")
    likelihood: Score = Field(description="How likely, 1 (rare) to 5 (almost certain).")
    impact: Score = Field(description="How bad if it happens, 1 (minor) to 5 (severe).")
    mitigation: Text | None = Field(default=None, description="What the team will do about it.")
    verdict: Verdict | None = Field(default=None, description="The team's decision, if made.")
    note: Text | None = Field(default=None, description="Why, or what was done.")
    by: Text | None = Field(default=None, description="Who decided.")
    owner: Text | None = Field(default=None, description="Who acts on the risk while it is open.")
    due: Day | None = Field(
        default=None, description="When the risk must be decided or acted on (YYYY-MM-DD)."
    )


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class SampleInfo(Record):
    """Where measured figures come from: the sample file as it was when measured, or the table an
    engine measured where the data lives."""

    file: Text | None = Field(default=None, description="The sample file's name, as given to the command.")
    rows: Whole = Field(ge=0, description="How many rows the sample had.")
    sha256: Sha256 | None = Field(
        default=None, description="sha256 of the sample file, to tell whether it changed since."
    )
    date: Day = Field(description="The day it was measured (UTC).")
    label: Text | None = Field(default=None, description="The column holding the right answer, if any.")
    engine: Text | None = Field(
        default=None, description="What ran the query: duckdb (the default), spark, bigquery, snowflake..."
    )
    table: Text | None = Field(default=None, description="The table measured, when not a sample file.")
    query_sha256: Sha256 | None = Field(
        default=None, description="sha256 of the measuring query (the same for every engine and table)."
    )
    by: Text | None = Field(default=None, description="Who measured (git user.name).")

    @model_validator(mode="after")
    def _file_or_table(self) -> SampleInfo:
        if self.table is None and (self.file is None or self.sha256 is None):
            raise ValueError("give the sample's file and sha256, or the table that was measured")
        return self


class MeasuredRule(Record):
    """One rule's figures on the sample (Snorkel's LFAnalysis): counts, from which fractions follow."""

    rule: Whole = Field(ge=1, description="The rule's number in heuristics.rules (1 is the first).")
    when: Text = Field(description="The predicate as measured; a different one today makes this stale.")
    predicts: Text | None = Field(default=None, description="The outcome it predicted, as measured.")
    sha256: Sha256 | None = Field(
        default=None,
        description="sha256 of the predicate and prediction that ran (Rule.fingerprint): the rule as it "
        "is today must give the same, whatever this record's `when` says.",
    )
    fires: Whole = Field(ge=0, description="Rows where the predicate holds (coverage = fires / rows).")
    overlaps: Whole = Field(ge=0, description="Rows where it fires and another rule fires too.")
    conflicts: Whole = Field(ge=0, description="Rows where it fires and another rule predicts otherwise.")
    correct: Whole | None = Field(default=None, ge=0, description="Rows where it fires and is right.")
    incorrect: Whole | None = Field(default=None, ge=0, description="Rows where it fires and is wrong.")


class MeasuredCascade(Record):
    """The rules as they would ship: the first matching rule wins, the rest goes to people."""

    covered: Whole = Field(ge=0, description="Rows some rule handles.")
    correct: Whole | None = Field(
        default=None, ge=0, description="Handled rows the first matching rule gets right."
    )
    judged: Whole | None = Field(
        default=None, ge=0, description="Handled rows with a label, on which accuracy is computed."
    )


class MeasuredRules(Record):
    """What `planner measure` found running the rules' predicates on a sample."""

    sample: SampleInfo = Field(description="The sample the figures come from.")
    rules: list[MeasuredRule] = Field(default_factory=list, description="Each measured rule, in plan order.")
    cascade: MeasuredCascade = Field(description="The first-match cascade of all measured rules.")


class MeasuredByHand(Record):
    """What `planner try` sessions (or an imported spreadsheet) found doing the task by hand."""

    sample: SampleInfo = Field(description="The sample the people labelled.")
    people: list[Text] = Field(default_factory=list, description="Who labelled.")
    examples: Whole = Field(ge=0, description="Distinct examples labelled by at least one person.")
    answers: Whole = Field(ge=0, description="Labels given in all (an example labelled twice counts twice).")
    minutes_per_example: Number | None = Field(
        default=None, ge=0, description="Median minutes a person took per example (timed sessions only)."
    )
    correct: Whole | None = Field(default=None, ge=0, description="Labels that match the gold column.")
    judged: Whole | None = Field(default=None, ge=0, description="Labels given on rows with a gold value.")
    shared: Whole | None = Field(
        default=None, ge=0, description="Examples labelled by every person, on which agreement is computed."
    )
    agreed: Whole | None = Field(default=None, ge=0, description="Shared examples on which everyone agreed.")
    kappa: Number | None = Field(
        default=None,
        ge=-1,
        le=1,
        description="Chance-corrected agreement: Cohen's (2 people) or Fleiss' (3+).",
    )
    noticed: list[Text] = Field(default_factory=list, description="What people noted while labelling.")
    hard_cases: list[Text] = Field(default_factory=list, description="Examples people flagged as hard.")


def _none_alone(value: Any, field: str, says: str) -> Any:
    """A list of choices where `none` is one: one answer written without a list is a list of one, and
    `none` beside another answer says two things at once, refused with the two ways out."""
    value = [value] if isinstance(value, str) else value
    said = [str(item) for item in value if not _is_none_word(item)] if isinstance(value, list) else []
    if said and len(said) < len(value):
        *others, last = said
        named = f"{', '.join(others)} and {last} are" if others else f"{last} is"
        raise PydanticCustomError(
            "none_beside_others",
            "'none' says {says}, yet {named} listed too; drop 'none', or write `{field}: none` alone",
            {"says": says, "named": named, "field": field},
        )
    return value


def _unchecked(answer: str) -> bool:
    """`not checked` (any case, spaces or an underscore): nobody has checked yet."""
    return answer.strip().lower().replace("_", " ") == "not checked"


class Product(Record):
    goal: Text | None = Field(
        default=None, description="The service users get, in their terms, not 'train a model'."
    )
    users: Text | None = Field(default=None, description="Who uses it.")
    audience: Audience | None = Field(
        default=None,
        description="Who uses or sees its output: only the organisation's own staff, about their own work; "
        "staff, with an output that decides about people outside (customers, applicants, suppliers) who "
        "never type into it; people outside (the public, customers, clients, suppliers) who type into it or "
        "read its output; or both staff and such outsiders.",
    )
    pain: Text | None = Field(default=None, description="What hurts for them today.")
    success_metric: Text | None = Field(
        default=None, description="The product-level metric that should move."
    )
    metric_measured_today: bool | None = Field(
        default=None, description="Whether that product metric is measured today."
    )
    decision: Text | None = Field(
        default=None,
        description="Who acts on each prediction and what they do differently ('nobody yet' is an answer).",
    )
    delivery: Delivery | None = Field(
        default=None,
        description="How each prediction reaches whoever (or whatever) acts on it: the deciding system reads "
        "it automatically, it shows in the tool the people who act already use, a new screen, dashboard, "
        "report, e-mail or alert, on the device used where the decision is made (a handheld camera, a phone "
        "app in the field), an integration not built (or not licensed) yet, not decided yet, or "
        "nobody receives it yet.",
    )
    action_shape: ActionShape | None = Field(
        default=None,
        description="How the output turns into action: each case above a cut-off, people working down a "
        "ranked list as far as their time allows, a number that sets an amount (staff, stock, a price), an "
        "output for every item (a draft, a label, a route), a choice among a few suggestions, or alerts from the "
        "top score down up to what people can check a day (a daily budget), the rest not kept waiting.",
    )
    decision_owner: Text | None = Field(default=None, description="Who or what takes that decision.")
    current_solution: Text | None = Field(
        default=None, description="How the problem is solved today (or the workaround)."
    )
    current_performance: Text | None = Field(
        default=None, description="How well the current solution does, in numbers: the figure to beat."
    )
    task: TaskType | None = Field(default=None, description="The ML task type.")
    inputs: Text | None = Field(default=None, description="What the model sees when it predicts.")
    input_count: Annotated[Whole, Field(ge=0)] | None = Field(
        default=None,
        description="How many candidate inputs (columns, features, derived signals) the model may weigh, "
        "roughly: set against the labelled cases of the rarer class, it says whether the model can learn "
        "them or will fit noise.",
    )
    inputs_known_after: list[Text] = Field(
        default_factory=list,
        description="The inputs recorded at or after the moment the model predicts (during the case, at "
        "checkout or closing, after opening the device, after the visit), each named as in `inputs`; or 'none'; "
        "or 'not checked' where nobody has yet gone down the inputs with whoever keeps the records.",
    )
    todays_call_input: TodaysCallInput | None = Field(
        default=None,
        description="Whether an input is today's own decision or estimate on the very case (the expert's "
        "estimate, the clerk's grade, the triage category): yes, and the product replaces it; yes, and people "
        "still make it first without seeing the model's output; no; or not checked.",
    )
    todays_call_feeds: TodaysCallFeeds | None = Field(
        default=None,
        description="Where today's call is kept as an input: whether it is the very decision the output is "
        "meant to inform (a placement, a grade, a triage category people set with the model's output at hand), "
        "or a different decision made before and apart from it; or not checked.",
    )
    person_inputs: list[PersonTrait] = Field(
        default_factory=list,
        json_schema_extra=also({"enum": [trait.value for trait in PersonTrait]}),
        description="Which inputs describe a person the output is about, or stand in for a trait of theirs: "
        "age, sex, nationality, ethnicity or race, religion, disability or health, family status; where someone "
        "lives, a name, a language, a country of registration (a vessel's flag), a record that follows "
        "privilege (a degree, a past publication, a referral); that such details only "
        "appear in the text it reads while the output is about no such person; or 'none'.",
    )
    person_effect: PersonEffect | None = Field(
        default=None,
        description="What the output does to the person it is about: offers help or a free service they "
        "may decline, nobody refused what they would otherwise get; grants or withholds what they apply or "
        "compete for (a job, a shift, credit, cover, a place, a benefit) or sets their price or terms; or "
        "picks them for scrutiny (an inspection, an investigation, a fraud check, enforcement); or screens "
        "them for the very condition the ticked details describe (fitness to take part, a health or safety "
        "check, an eligibility the law sets on that trait); or adjusts what they get to a need the detail shows "
        "(a longer slot for an interpreter), nobody getting less.",
    )
    unseen_by_model: Text | None = Field(
        default=None,
        description="What the people who decide today look at that the model will not get (a phone call, a "
        "site visit, a paper file, handwriting or scans its text extraction drops, attachments), or 'nothing'.",
    )
    model_reach: list[Reach] = Field(
        default_factory=list,
        description="What the model can read or do beyond the request it is given (one or several): nothing "
        "beyond it; look things up with the asking person's own rights (or only in what every asker may open); "
        "look things up with wider rights than some who ask (records some of them may not open); read text "
        "outsiders write (e-mails, web pages, uploaded files); change things (write records, send messages, "
        "run commands, book or spend).",
    )
    output: Text | None = Field(default=None, description="What the model predicts.")
    picks: Picks | None = Field(
        default=None,
        description="For a ranking, a match or a recommendation: what it puts in order or picks: people or "
        "firms it hands work to (barristers, drivers, salespeople, suppliers), items it shows or offers "
        "someone (listings, products, titles), cases and documents for people to work through, or records it links "
        "to a reference entry (an archive record to an address, a part to a catalogue entry).",
    )
    none_fits: NoneFits | None = Field(
        default=None,
        description="For a match or a link: what it answers when no candidate is the true one (a new item "
        "not yet in the catalogue, a record with no address) or several fit about equally: 'no match' (or "
        "'several'), the case to a person, always its best candidate, or not decided.",
    )
    no_match_share: Share | NotMeasured | None = Field(
        default=None,
        description="For a match or a link: the share of inputs whose true match is not among the "
        "candidates at all (new items the catalogue lags on, works never registered): e.g. 0.1, or 'not "
        "measured'. Each of them, matched anyway, is a wrong match.",
    )
    inputs_count_picks: bool | None = Field(
        default=None,
        description="Whether its inputs hold what each provider or item got from earlier picks: recent work, "
        "jobs done, fees earned, sales, views, or ratings from that work.",
    )
    amended_share: Share | NotMeasured | NoneAtAll | None = Field(
        default=None,
        description="Extraction, or generation that fills facts from source documents: the share of documents "
        "whose meaning another document the model does not read changes (an amendment, a side letter, an "
        "attachment, a later version), or that describe another version of the item (last year's price "
        "list, the previous vintage, an older spec); 'not measured', or 'none'.",
    )
    unreadable_share: Share | NotMeasured | NoneAtAll | None = Field(
        default=None,
        description="Extraction, or generation from records or documents: the share of them with a field the "
        "model must fill or a fact a draft must state that is unreadable, blank or missing (a smudged scan, a "
        "box left empty, a page absent); 'not measured', or 'none'.",
    )
    unreadable_answer: Unreadable | None = Field(
        default=None,
        description="Extraction, or generation: what the output writes for such a field or fact: 'unreadable' "
        "or 'not present' ('not given' in a draft; the evaluation scores that answer), a value in every field, "
        "or not decided yet.",
    )
    conversion: Conversion | None = Field(
        default=None,
        description="Extraction, or generation that fills records: who turns values into the target system's "
        "dates, units, currencies or codes: code after the model writes them as the source says them, the "
        "model itself, nobody (the target takes them as they are), or not decided yet.",
    )
    values_held: ValuesHeld | None = Field(
        default=None,
        description="Extraction: whether some of the values to extract are already held as structured fields "
        "somewhere (the form, portal or system that produced the document): some, none (the document is their "
        "only record), or not checked.",
    )
    items_covered: ItemsCovered | None = Field(
        default=None,
        description="Extraction, or generation: whether each output must cover every item of a list its "
        "sources hold (every account, party, batch or required section; a document holding several records "
        "maps each to its item), and how the ones it leaves out are seen: a done metric counts them, each "
        "output is checked against a list or a count from the sources, nothing counts them, or no list.",
    )
    lead_days: Number | None = Field(
        default=None,
        ge=0,
        json_schema_extra=also({"type": "string", "pattern": _RANGE}),
        description="How many days before the outcome, or the day it serves, the prediction must be made: the "
        "decision it feeds is fixed then (stock ordered, a roster published, an application decided); 0 when "
        "it is decided on the spot. The shortest when one decision serves several days (`4-9` fills both "
        "ends).",
    )
    lead_max_days: Number | None = Field(
        default=None,
        ge=0,
        description="The longest lead, when one decision serves a span of days (a rota published on day 0 for "
        "days 4 to 9: 9); the forecast must reach that far.",
    )
    decision_horizon_days: Number | None = Field(
        default=None,
        ge=0,
        description="Forecasts: the furthest day ahead the decision it feeds acts on, when the forecast shows "
        "further (next week's rota, set on Thursday from a three-week forecast: 10, though the forecast reaches "
        "24); the days beyond are for sight only. Blank when the decision uses every day the forecast shows.",
    )
    decision_uses: list[DecisionUses] = Field(
        default_factory=list,
        description="Forecasts, and amounts a regression sets: how what the decision consumes relates to the "
        "forecast's quantity and grain (one or several): the same figure; a finer time grain (a weekly total "
        "for a decision taken per day or shift); another quantity (interpreter-hours, staff, vans, where the "
        "forecast counts bookings or jobs); the chance of at least one event in a slot; parts of different "
        "urgency summed; the derived figure is what the done metric scores; or not checked.",
    )
    forbidden_guard: Guard | None = Field(
        default=None,
        description="What keeps out what the output must never include or propose: nothing to keep out, a "
        "check outside the model, a person checking every output, the model itself (trained or told), or "
        "nothing yet.",
    )
    forbidden_output: Text | None = Field(
        default=None,
        description="What the output must never include or propose (an allergen for an allergic customer, "
        "another client's details, a promise of a refund, a dose above the limit).",
    )
    required_output: Text | None = Field(
        default=None,
        description="What every output must carry by law, policy or contract (a warning, a disclaimer, its "
        "sources, a price), or 'nothing'.",
    )
    statements_source: StatementsSource | None = Field(
        default=None,
        description="Generation: where the model gets each kind of statement its output must make (figures, "
        "instructions, legal wording, safety or medical advice): all from the input record; some from a "
        "reference the team supplies (a label, a data sheet, an approved clause library), retrieved or "
        "templated in; some only from the model's own knowledge, held by no input or reference; or not checked.",
    )
    label: Text | None = Field(default=None, description="The label it learns from.")
    negative_label: list[Negative] = Field(
        default_factory=list,
        description="What makes a case a negative in the labels (one or several): someone checked it; the "
        "outcome did not happen within a window every case has waited out; nothing was recorded (nobody "
        "reported or noticed); someone chose not to act (not retried, escalated, followed up, treated); recent "
        "cases counted before their window closed; or not a yes/no label.",
    )
    label_is_proxy: bool | None = Field(
        default=None, description="Whether the label only approximates the product goal."
    )
    label_cause_share: Share | NotMeasured | None = Field(
        default=None,
        description="Of the positives, the share that got the label for the reason the model is meant to "
        "detect (90 of 400 pump seals replaced for a leak, the rest at a scheduled overhaul: 22%; members "
        "cancelled for dissatisfaction, not because they moved); or 'not measured'.",
    )
    earlier_stage_recall: Share | NotMeasured | NoneAtAll | None = Field(
        default=None,
        description="Recall of an earlier stage that chooses what the model sees (retrieval, candidate "
        "generation, a filter, a blocking step): the share of true cases it passes on; 'not measured', "
        "or 'none' when no earlier stage chooses.",
    )
    data_kinds: list[DataKind] = Field(
        default_factory=list, description="Kinds of data: tabular, text, images, audio, video, time series."
    )
    transcription_error: Share | NotMeasured | NoneAtAll | None = Field(
        default=None,
        description="Where the model reads text an earlier stage made from recordings, scans, handwriting or "
        "another language (speech to text, OCR, machine translation): that stage's word error rate, measured "
        "on real production inputs, on the names, figures and trade terms the output relies on (e.g. 0.08); "
        "'not measured'; or 'none' when no such stage stands before the model.",
    )
    mode: Mode | None = Field(
        default=None, description="improve a process, augment people, or automate them away."
    )
    checked_outputs: CheckedOutputs | None = Field(
        default=None,
        description="Which outputs a person checks, and when: every output before it is used or goes out; "
        "only the ones it flags or rejects (what it passes goes on unchecked); only the ones it passes (what "
        "it flags is acted on unchecked); a sample, after the fact; every output, but after it has gone out "
        "or been acted on; or none.",
    )
    reviewer_stake: ReviewerStake | None = Field(
        default=None,
        description="Who checks each output before it counts, set against the people it is about: the people "
        "whose work or conduct it is about (the manager a complaint names); those people, with a sample "
        "re-checked by someone else; people it is not about; nobody's work (a product, a document, a "
        "machine); or not decided.",
    )
    act_undoable: Undoable | None = Field(
        default=None,
        description="Where a person acts on each output: whether an act taken on a wrong one can be undone "
        "before it does lasting harm; only at a cost (a re-clean, a refund chased, a correction sent to all "
        "who used it); not at all (a chemical applied, money paid out for good, a record others rely on or "
        "publish); or not known.",
    )
    circumstances: list[Circumstance] = Field(
        default_factory=list,
        description="Facts beyond the decision itself, each of which changes what a lead asks: others beyond "
        "the deciders use its output (customers, partners, other teams, a later stage run by others); the people whose work it takes over also do "
        "other things meanwhile; its output will set controls, prices or settings of the process whose "
        "past it learns from; someone who gains from a favourable output supplies its inputs; a regulator "
        "or sector rules govern the decision; it pays, refunds, approves or sends on its own, unchecked; "
        "its success is counted by the product itself (accepted, not escalated); its labels are the old "
        "process's decisions (approved, referred, graded), not outcomes someone checked; a target counts how much "
        "it does (merged, closed, flagged, sent), not how often it is right; it changes how a safety function "
        "responds (an alarm, an interlock, a trip, a brake, a signal, a shutdown); or none.",
    )
    governance: list[Governance] = Field(
        default_factory=list,
        description="Governance already done for this use, as the team can show it (one or several): a "
        "data-protection review (DPIA) signed off, the legal basis for this use documented, compliance or "
        "legal saying what the sector rules require, a named person who signs each output; or none yet.",
    )
    outcomes: list[Text] = Field(
        default_factory=list,
        description="The outcomes it chooses among (classes), spelled as in the data; "
        "`planner measure` and `planner try` check labels against them.",
    )
    classes_change: ClassesChange | None = Field(
        default=None,
        description="Whether the classes it chooses among (an extractor: the document types and fields it "
        "reads) stay the same once live: fixed, they change now and then (a branch, team, product or queue "
        "opens or closes; a new form or field), or not known.",
    )

    @model_validator(mode="before")
    @classmethod
    def _lead_span(cls, data: Any) -> Any:
        """`lead_days: 4-9` fills both ends of the span."""
        return _spread(data, "lead_days", "lead_max_days")

    @field_validator("inputs_known_after", mode="before")
    @classmethod
    def _one_input(cls, value: Any) -> Any:
        """`inputs_known_after: none`, or one input written without a list, is a list of one."""
        return [value] if isinstance(value, str) else value

    @field_validator("governance", mode="before")
    @classmethod
    def _governance_or_none(cls, value: Any) -> Any:
        """One answer without a list is a list of one; `none` beside a done step is refused."""
        return _none_alone(value, "governance", "none is done yet")

    @field_validator("person_inputs", mode="before")
    @classmethod
    def _traits_or_none(cls, value: Any) -> Any:
        """`person_inputs: age`, one trait without a list, is a list of one; `none` beside a trait is refused."""
        return _none_alone(value, "person_inputs", "no input describes a person")

    def inputs_after(self) -> list[str]:
        """The inputs the team names as known only after the moment of prediction; none for `none` or
        `not checked`."""
        return [name for name in self.inputs_known_after if not _is_none_word(name) and not _unchecked(name)]

    def none_known_after(self) -> bool:
        """Whether the team answered that no input is recorded after the moment of prediction (`none`)."""
        return bool(self.inputs_known_after) and not self.inputs_after() and not self.inputs_unchecked()

    def inputs_unchecked(self) -> bool:
        """Whether the team answered that nobody has checked when each input is recorded (`not checked`)."""
        return any(_unchecked(name) for name in self.inputs_known_after)

    def inputs_timed(self) -> bool:
        """Whether the team said when its inputs are recorded: the late ones named, or `none`; not
        `not checked`, which leaves the question open."""
        return bool(self.inputs_after()) or self.none_known_after()

    @model_validator(mode="after")
    def _lead_in_order(self) -> Product:
        _in_order(self.lead_days, self.lead_max_days, "lead_max_days", "lead_days")
        _in_order(self.lead_days, self.decision_horizon_days, "decision_horizon_days", "lead_days")
        return self

    def lead_range(self) -> tuple[float, float] | None:
        """The shortest and longest lead in days: the shortest bounds when inputs must exist, the longest
        how far the forecast must reach, which is the furthest day the decision acts on where that is
        answered (a three-week forecast feeding next week's rota reaches for next week only). None when no
        lead is answered."""
        span = _span(self.lead_days, self.lead_max_days)
        acts = self.decision_horizon_days
        if span is None or acts is None:
            return span
        return span[0], float(acts)

    @property
    def furthest_lead(self) -> float | None:
        """The longest lead in days (the lead itself where no span is answered)."""
        span = self.lead_range()
        return None if span is None else span[1]


def _spread(data: Any, low: str, high: str, *, lists: bool = False) -> Any:
    """A range typed in the low field (`30-90`, `4 to 9 days`), or where `lists` a list of numbers (the
    horizons a backtest scores), filling both ends."""
    if not isinstance(data, dict):
        return data
    given = data.get(low)
    if lists and isinstance(given, list) and given and all(_plain_number(value) for value in given):
        return {**data, low: float(min(given)), high: float(max(given))}
    if not isinstance(given, str):
        return data
    match = re.match(_RANGE, data[low])
    return {**data, low: float(match.group(1)), high: float(match.group(2))} if match else data


def _plain_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _in_order(low: float | None, high: float | None, high_name: str, low_name: str) -> None:
    if low is not None and high is not None and high < low:
        raise PydanticCustomError(
            "delay_range", "{high} is shorter than {low}; swap them", {"high": high_name, "low": low_name}
        )


def _span(low: float | None, high: float | None) -> tuple[float, float] | None:
    """Both ends of a range where one or both are answered."""
    start = low if low is not None else high
    return None if start is None else (start, high if high is not None else start)


class Heuristics(Record):
    rules: list[Rule] = Field(default_factory=list, description="Candidate rules: condition -> action.")
    verdict: RulesVerdict | None = Field(
        default=None,
        description="Rules suffice, rules are the baseline, rules cannot help, or not tried yet.",
    )
    coverage: Share | NotMeasured | None = Field(
        default=None, description="Share of cases the rules handle, or 'not measured'."
    )
    accuracy: Share | NotMeasured | None = Field(
        default=None,
        description="Share of handled cases the rules get right, or 'not measured'. For a forecast or an "
        "amount, the rules' error (MAPE, MAE) is the done metric's `baseline`, with `baseline_name`.",
    )
    humans_handle: Text | None = Field(
        default=None, description="What the humans in the loop handle (the cases rules leave)."
    )
    improved: RuleImproved | None = Field(
        default=None,
        description="Whether the rule named as the baseline was made better first: a sample of its errors "
        "sorted by cause, rule changes (a context signal, a longer timer, a second condition) measured, or "
        "the rule as it runs today.",
    )
    measured: MeasuredRules | None = Field(
        default=None, description="The rules measured on a sample by `planner measure` (preferred to typed)."
    )

    @property
    def coverage_figure(self) -> float | None:
        """The rules' coverage as a number, or None where it is blank or 'not measured'."""
        return None if isinstance(self.coverage, str) else self.coverage

    @property
    def accuracy_figure(self) -> float | None:
        """The rules' accuracy as a number, or None where it is blank or 'not measured'."""
        return None if isinstance(self.accuracy, str) else self.accuracy


# A fact nobody can tell yet (whether an expert decides from the inputs alone): an answer, not a gap.
NotKnown = Literal["not known"]


class ByHand(Record):
    examples: Whole | None = Field(default=None, ge=0, description="How many examples the team did by hand.")
    done_today_by: DoneTodayBy | None = Field(
        default=None,
        description="Who does the task by hand today, every day: our own people (the team's experts), people "
        "outside the team, or nobody. Separate from `examples`, which counts cases worked to learn the task.",
    )
    minutes_per_example: Number | None = Field(
        default=None, ge=0, description="Minutes a person needs per example."
    )
    noticed: list[Text] = Field(
        default_factory=list,
        description="What the team noticed doing it: signals that could become features.",
    )
    hard_cases: list[Text] = Field(default_factory=list, description="Cases that were hard to decide.")
    human_score: Figure | NotMeasured | None = Field(
        default=None,
        description="How well humans (or the existing system) do, on the primary done metric, or 'not "
        "measured' (people do the task, nobody has scored them yet).",
    )
    human_score_notes: Text | None = Field(
        default=None, description="How that human score was measured, and by whom."
    )
    human_score_same_measure: bool | None = Field(
        default=None,
        description="Whether the human score was measured as the primary done metric is: the same metric and "
        "cut (top-1 against top-1, recall at the same precision) on the same kind of cases; false when it is "
        "another measure, so no target is compared with it.",
    )
    label_agreement: Share | NotMeasured | None = Field(
        default=None,
        description="How often two people give the same label to the same case, or 'not measured' (nobody "
        "has had two people label the same cases).",
    )
    double_labelled: Whole | None = Field(
        default=None, ge=0, description="How many cases two people labelled, for that agreement."
    )
    disagreements_settled: bool | None = Field(
        default=None,
        description="Whether the labels the model is tested on have their disagreements settled (decided by a "
        "third person, a senior or a consensus) after that agreement was measured on the raw labels; false "
        "when each case keeps one person's label unchecked.",
    )
    raters: Whole | None = Field(
        default=None,
        ge=1,
        description="How many people assign the labels, or made the past decisions the labels record (1 when "
        "one person labels every case).",
    )
    rater_recorded: bool | None = Field(
        default=None, description="Whether the data records who labelled (or decided) each case."
    )
    outcome_causes: list[Text] = Field(
        default_factory=list,
        description="The causes the outcome combines that different actions would address (a withdrawal for "
        "health or for behaviour; a return for fit or for a fault), each named; or 'none' when one action "
        "fits every case of it.",
    )
    expert_can_decide: bool | NotKnown | None = Field(
        default=None,
        description="Whether an expert can decide from only the inputs the model will see, or 'not known' "
        "(nobody has tried deciding cases from those inputs alone).",
    )
    expert_available: bool | None = Field(
        default=None, description="Whether a domain expert is available to the team."
    )
    measured: MeasuredByHand | None = Field(
        default=None, description="The task done by hand on a sample with `planner try` (preferred to typed)."
    )

    @field_validator("outcome_causes", mode="before")
    @classmethod
    def _one_cause(cls, value: Any) -> Any:
        """`outcome_causes: none`, or one cause written without a list, is a list of one."""
        return [value] if isinstance(value, str) else value

    @property
    def human_figure(self) -> float | None:
        """People's score as a number; None where blank or 'not measured' (unknown either way)."""
        return None if isinstance(self.human_score, str) else self.human_score

    def causes(self) -> list[str]:
        """The causes the team names the outcome as combining; none for `none`."""
        return [cause for cause in self.outcome_causes if not _is_none_word(cause)]

    @model_validator(mode="before")
    @classmethod
    def _human_percent(cls, data: Any) -> Any:
        """`human_score: 92%` is 0.92, as the interview reads it."""
        if isinstance(data, dict) and "human_score" in data:
            return data | {"human_score": percent_on_scale(data["human_score"], [])}
        return data


class Impact(Record):
    bottleneck: Text | None = Field(
        default=None,
        description="The step whose improvement gives the most value (asked in the essentials, with the "
        "share of the whole it takes).",
    )
    step_share: StepShare | None = Field(
        default=None,
        description="The share of one item's end-to-end time, delay or cost today that this step takes: a "
        "share (20%), its part of the whole (`8 of 45 minutes`) or 'not measured'. Asked because a model "
        "can only save what its step takes: 30 minutes saved on a step of 8 cannot happen, and a product "
        "metric counted end to end (time to decision, on-time rate) moves at most by the step's share.",
    )
    volume: Number | None = Field(
        default=None,
        ge=0,
        description="Items passing through it per period, or in all for a job run once; for a scan-and-rank "
        "job, the items the model scores (what people review goes in flagged_per_day and capacity_per_day).",
    )
    period: Period | None = Field(
        default=None,
        description="The period of that volume: day, week, month, quarter or year; 'once' when the model runs one "
        "time over a backlog (40,000 archived forms, a historical dump) and the volume is the whole of it.",
    )
    capacity_per_day: Annotated[Number, Field(ge=0)] | Rate | NotMeasured | None = Field(
        default=None,
        description="Cases a day (flags, matches, picks) the people or places that act on the predictions "
        "can take: reviewers, drivers, recipients, slots; a budget over another period is said as such "
        "(`60 a year`, `5 a week`, `40 a month` for a monthly list), compared with a volume or flags of the same period "
        "as said, else read per working day; a range (`2-3 a day`) is read at its middle, 2.5 ('not measured').",
    )
    capacity_people: Annotated[int, Field(ge=1, le=1_000_000)] | None = Field(
        default=None,
        description="Where that capacity is given for one person or place (4 extra calls a week an "
        "audiologist), how many of them share the work (75): planner reads the capacity as the count times "
        "the people; blank when the capacity is the whole team's.",
    )
    flagged_per_day: Annotated[Number, Field(ge=0)] | Rate | NotMeasured | None = Field(
        default=None,
        description="Cases a day the model is expected to send them (flags, matches, picks), at the "
        "threshold or list length planned; `5 a week` or `60 a year` work too ('not measured').",
    )
    read_per_day: Annotated[Number, Field(ge=0)] | Rate | NotMeasured | None = Field(
        default=None,
        description="Where people read the cases the model sends to choose the few they act on (a shortlist "
        "of 40 read a week, about 8 of them taken forward), how many they can read in that period, counted "
        "as the capacity is (per person where it is): then the capacity is the few they act on; blank where "
        "each case sent is acted on ('not measured').",
    )
    supply_limit: SupplyLimit | None = Field(
        default=None,
        description="For a match or a recommendation: whether each provider or item it picks (a tutor, an "
        "interpreter, a shift, a place) can take only so many cases, and whether the match holds each one to "
        "that limit: in the match, not in the match yet, no limit (a film, an article), or not known.",
    )
    easy_share: Share | NotMeasured | None = Field(
        default=None,
        description="Share of the items that is easy or out of scope (0 if none, 'not measured'): a slice "
        "to ship first.",
    )
    easy_slice: Text | None = Field(
        default=None,
        description="Which slice that is, as the inputs show it (e.g. 'blank pages', 'another product').",
    )
    share_addressed: Share | NotMeasured | None = Field(
        default=None, description="Share of those items the first model addresses, or 'not measured'."
    )
    value_per_item: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        description="Value or time saved per item addressed (per item that gains it, where benefit_share "
        "is given), or 'not measured'.",
    )
    benefit_share: Share | NotMeasured | None = Field(
        default=None,
        description="Share of the items addressed on which that value happens, where it accrues to some "
        "only (a fraud caught, a call-out avoided: 1 item in 10 is 10%); blank when every item gains it "
        "('not measured').",
    )
    saved_share: Share | NotMeasured | None = Field(
        default=None,
        description="Where the product warns of an event ahead (an outage, a failed batch, a customer leaving): "
        "of the events warned of correctly and acted on, the share the action saves (a repair in time, an offer "
        "taken), or 'not measured'; the value is an upper bound until it is known.",
    )
    value_unit: Text | None = Field(default=None, description="Unit of that value (EUR, USD, minutes...).")
    effort_weeks: Number | None = Field(
        default=None, ge=0, description="Estimated effort to the first model in production, in person-weeks."
    )
    worth_it: bool | None = Field(
        default=None, description="Imagining the model solved it: was it worth the effort?"
    )
    if_it_fails: Text | None = Field(
        default=None, description="What the team learns or keeps if the model disappoints."
    )
    costlier_error: ErrorCost | None = Field(
        default=None,
        description="Which error costs more: false positives, false negatives, predicting too low, "
        "predicting too high, about the same, or it differs by case (by product, customer or season).",
    )
    action_cost: Text | None = Field(
        default=None,
        description="What each action the output triggers costs or gives away (a discount, a voucher, a call, "
        "a visit, a refund), or 'nothing'.",
    )
    error_harm: Text | None = Field(
        default=None,
        description="The worst error the system can make: who is hurt, and how (money, health, access...).",
    )
    error_severity: Severity | None = Field(
        default=None, description="How badly a wrong prediction hurts: minor, moderate, serious or severe."
    )
    harm_kinds: list[HarmKind] = Field(
        default_factory=list,
        description="What a wrong output can harm (one or several): money or time, someone's health or physical "
        "safety, someone's rights or access (a benefit, a service, a job, legal standing), privacy or dignity, "
        "property or the environment, or trust only.",
    )

    @property
    def addressed(self) -> float | None:
        """The share addressed as a number, or None where it is blank or 'not measured'."""
        share = self.share_addressed
        return None if isinstance(share, str) else share

    @property
    def capacity(self) -> float | None:
        """The capacity as cases a working day (`60 a year` is about 0.24), times the people where it is
        given for one person (`4 a week` for each of 75 is 60), or None for a word or blank."""
        each = per_working_day(self.capacity_per_day)
        return each if each is None else each * (self.capacity_people or 1)

    @property
    def read(self) -> float | None:
        """What people can read a working day to choose from, times the people as the capacity is, or None."""
        each = per_working_day(self.read_per_day)
        return each if each is None else each * (self.capacity_people or 1)

    @property
    def flagged(self) -> float | None:
        """The flags as cases a working day (`5 a week` is 1), or None for a word or blank."""
        return per_working_day(self.flagged_per_day)

    @property
    def item_value(self) -> float | None:
        """The value per item addressed as a number, spread over the share that gains it (40 EUR on 10%
        of the items is 4 EUR an item), or None where it is blank or 'not measured'."""
        value, share = self.value_per_item, self.benefit_share
        if isinstance(value, str) or value is None or isinstance(share, str):
            return None  # a value on a share nobody has measured is no value per item yet
        return value if share is None else value * share


class PressRelease(Record):
    headline: Text | None = Field(default=None, description="The announcement's headline.")
    problem: Text | None = Field(default=None, description="The user's problem, in their words.")
    solution: Text | None = Field(default=None, description="How the product solves it, for a user.")
    quote: Text | None = Field(default=None, description="A quote from a user (or the team) on what changed.")
    call_to_action: Text | None = Field(default=None, description="How to start using it.")
    faq: list[FaqEntry] = Field(default_factory=list, description="Questions people will ask, with answers.")


class DataConstraints(Record):
    sources: list[DataSource] = Field(default_factory=list, description="Where the data comes from.")
    labels: list[LabelSource] = Field(
        default_factory=list,
        json_schema_extra=also({"enum": [source.value for source in LabelSource]}),
        description="Where labels come from (one or several): existing, real-world outcomes, manual, "
        "vendor, proxy or none. A prompted or bought model that nobody trains answers none: it needs no "
        "training labels, only test cases people check (done.eval_set).",
    )
    label_error: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        description="The label's own error in the first done metric's units: how far two measurements of the "
        "same case differ (a lab method's repeatability, an instrument's measurement error), or 'not measured'.",
    )
    label_wrong_share: Share | NotMeasured | None = Field(
        default=None,
        description="The share of the existing labels known to be wrong: found invalid by an audit, or shown "
        "wrong by what happened next (the chosen treatment re-done, the item returned, the record corrected); "
        "e.g. 0.07, or 'not measured'.",
    )
    label_grain: LabelGrain | None = Field(
        default=None,
        description="How each row's label is obtained: measured for that item, split or allocated from a total "
        "over several items (a round's weight shared among its stops), estimated by a person, the time between "
        "two recorded events (check-in to payment, opening to closing), or not known.",
    )
    zero_share: Share | NotMeasured | None = Field(
        default=None,
        description="Forecasts only: the share of the forecast periods (per item, site or series) whose actual "
        "is zero, e.g. 0.4; or 'not measured'.",
    )
    label_delay_days: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        json_schema_extra=also({"type": "string", "pattern": _RANGE}),
        description="Days until the outcome (the label) of a prediction is known; the shortest if it varies "
        "(`30-90` fills both ends), or 'not measured'.",
    )
    label_delay_max_days: Number | None = Field(
        default=None, ge=0, description="The longest delay, when labels arrive over a range of days."
    )
    labeled_examples: Annotated[Whole, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        description="How many labeled examples exist today, or 'not measured' (there are some, not counted).",
    )
    rarest_class_share: Share | NotMeasured | None = Field(
        default=None,
        description="Share of the rarest class that matters (classification only), or 'not measured'.",
    )
    rarest_class_share_from: ShareFrom | None = Field(
        default=None,
        description="Where that share was measured: in production (all the cases the product sees), in the "
        "labelled data (a collected, balanced or enriched set), or not measured.",
    )
    versioned: bool | NotChecked | None = Field(
        default=None,
        description="Whether raw data is versioned and never overwritten, or 'not checked' (nobody has looked "
        "at how the sources are kept yet).",
    )
    personal_data: bool | None = Field(default=None, description="Whether the data holds personal data.")
    whose_data: list[WhoseData] = Field(
        default_factory=list,
        json_schema_extra=also({"enum": [who.value for who in WhoseData]}),
        description="Whose personal data it holds (one or several): the organisation's own staff, people at "
        "client, supplier or partner firms in their work role, consumers or other members of the public, "
        "children.",
    )
    special_categories: list[SpecialCategory] = Field(
        default_factory=list,
        description="Special categories of personal data it holds (one or several): health (fit notes, "
        "diagnoses), trade-union membership, religion or belief, sex life or orientation, biometric or genetic "
        "data, criminal records, racial or ethnic origin, political opinions; or none.",
    )
    differences: list[Difference] = Field(
        default_factory=list,
        description="What differs between the data in hand and what the product will see: device, "
        "channel, language, population, season, inputs recorded only after the moment of prediction, "
        "inputs observed in the data but only forecast live, input values beyond the data's range, conditions "
        "changed since the data (the site, course, route or layout), or none.",
    )
    differences_note: Text | None = Field(
        default=None, description="What exactly differs, and which inputs are recorded only afterwards."
    )
    backtest_feeds: BacktestFeeds | None = Field(
        default=None,
        description="Where inputs are observed in the data but only forecast live: what the backtest feeds "
        "for them: the values observed in the period predicted, the forecasts as issued at each prediction, a "
        "stand-in known then (a seasonal average, a lagged value), both observed and one known then scored "
        "apart, or not checked.",
    )
    inputs_built: InputsBuilt | None = Field(
        default=None,
        description="How the training rows' inputs are built: as each case stood at the moment of prediction "
        "(snapshots, change history), from values that never change once captured (a photo, a form as sent), "
        "from today's tables or latest values joined to past cases, a mix, or not checked.",
    )
    input_capture: list[InputCapture] = Field(
        default_factory=list,
        description="In today's process, when the inputs are captured against the moment each label is "
        "decided (one or several): all before it and the same way for every item; some at or after it, or "
        "because of it (a photo taken at grading); some in a step only one class goes through, or from "
        "another place for one class (a close-up of rejects, stock images); some captured in another place, light "
        "or background, or on another scanner, card, rig, form version or lab, for a group that goes with the "
        "label (each grade photographed where it is stacked); some kept only as "
        "corrected since the label (the fault patched, re-recorded or edited out of the stored copy); or not "
        "checked.",
    )
    last_input: Text | None = Field(
        default=None,
        description="The input that reaches the tables last (a lab result, a feed, a status set by staff).",
    )
    last_input_days: Number | NotMeasured | None = Field(
        default=None,
        description="How many days after the moment the model predicts (for a case predicted ahead, the "
        "prediction, not the outcome; for a forecast, the day forecast, not the day a past value is loaded) "
        "that input arrives; negative when it is known "
        "that many days ahead (past sales loaded the same day, for a forecast made 7 days ahead: -7; a yearly "
        "return published some 300 days after the days it covers: 300); or 'not measured'.",
    )
    late_inputs: list[LateInput] = Field(
        default_factory=list,
        description="Other inputs that arrive after the moment the model predicts or are recorded later "
        "(a discharge note besides the lab result), each with its days as `last_input_days`: "
        "`- {name: Discharge note, days: 2}`.",
    )
    label_dated: LabelDated | None = Field(
        default=None,
        description="Which date the label carries: the day the outcome happened, the day someone recorded "
        "it or closed the case (which can be days or weeks later: a repair logged after the fault was found), no date that matters, or not checked.",
    )
    label_recorded_after_days: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        description="At most how many days after it happens the outcome is recorded, or 'not measured'.",
    )
    period: Text | None = Field(
        default=None,
        description="Which period the data covers, from when to when (e.g. 'Jun 2023 - May 2025').",
    )
    changes: Text | None = Field(
        default=None,
        description="What changed during that period in the rules, prices, terms, process, systems or who is "
        "served, and when; or 'nothing'.",
    )
    change_kind: list[ChangeKind] = Field(
        default_factory=list,
        description="What that change touched (one or several): what the label means or how it is given, "
        "what an input means (a sensor moved, a field redefined), what the people recording the outcome gain "
        "from it (a bonus, a target), who or what is served, how the outcome comes about with the label "
        "meaning the same (rules, prices, terms), or none of these.",
    )
    change_reach: ChangeReach | None = Field(
        default=None,
        description="How much of production the change reaches: all or most of it, a part not told apart in "
        "the data, or a part each row names (a site, a version, a flag).",
    )
    change_share: Share | NotMeasured | None = Field(
        default=None,
        description="The share of production that part is (6 of 9 plants is 67%), or 'not measured': half or "
        "more is most of production, whose live cases follow the change whether the rows name it or not.",
    )
    dropped: list[Dropped] = Field(
        default_factory=list,
        description="What was removed from the data before training or testing (one or several): outliers, "
        "invalid or incomplete records, cases that ended unusually, a period, a group, duplicates, nothing, "
        "or not known.",
    )
    rows_per_thing: RowsPerThing | None = Field(
        default=None,
        description="Whether several rows describe one and the same thing (repeat reports of one event, "
        "frames of one object, visits of one person), one row per thing, or not checked.",
    )
    repeated_unit: Text | None = Field(
        default=None, description="The thing several rows describe (an incident, an animal, a customer)."
    )
    acted_between_rows: ActedBetweenRows | None = Field(
        default=None,
        description="Whether a thing several rows describe is changed between its rows by acting on a finding "
        "(a failed part repaired, a patient treated, a stone made safe): no; yes, each intervention recorded "
        "with its date as an input; yes, rows after it dropped; yes, with no trace in the later rows; or not "
        "checked.",
    )
    positive_units: Annotated[Whole, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        description="How many distinct units of that thing (flocks, sites, patients) hold at least one row of "
        "the rarer class: the independent positives to learn and test from, however many rows they fill; or "
        "'not measured'.",
    )
    positives_top_source_share: Share | NotMeasured | None = Field(
        default=None,
        description="Of the rarer class's cases, the share that come from the one source (supplier, site, "
        "broker, device, batch) giving the most, e.g. 0.78 for 7 of 9; or 'not measured'.",
    )
    outcome_limits: list[OutcomeLimit] = Field(
        default_factory=list,
        description="How the recorded outcome can fall short of what happened: capped at a limit (sold out, "
        "full, no staff, a spend cap), recorded only when reported, a default for cases nobody looked at, other exits "
        "that end a case first or send its result to another record, no outcome below a threshold the process sets (a reserve not met: no sale price), "
        "unmeasured in the riskiest conditions (samples postponed in floods, a sensor down in storms), or none.",
    )
    capped_marked: bool | None = Field(
        default=None,
        description="Where the outcome is capped: whether the capped rows (sold out, full, turned away) are "
        "marked in the data and treated as at least the cap (censored) or left out of training and test; "
        "false where they stand in the record as if they were the demand.",
    )
    left_early_share: Share | NotMeasured | None = Field(
        default=None,
        description="Share of the cases that enter which leave before their outcome is known (withdrawn, "
        "dropped at an earlier check, transferred, still open); or 'not measured'.",
    )
    exits_which: ExitsWhich | None = Field(
        default=None,
        description="Which cases leave before their outcome reaches the data: the extreme ones (the "
        "failures, the slowest, the lowest) with their result kept in another record (a non-conformance "
        "report, a complaints file), the extreme ones with their result never taken (they gave up or were "
        "stopped first), cases whose outcome would look like the rest's, or not known.",
    )
    outcome_recorded_for: OutcomeRecorded | None = Field(
        default=None,
        description="For which cases the outcome is recorded: every case, only the cases someone showed, "
        "checked, approved or treated, or every case with acting on a prediction changing the outcome.",
    )
    outcome_kept_live: bool | None = Field(
        default=None,
        description="Once the model is live, whether every case still gets its outcome whatever the model "
        "picks: a check it does not choose covers every case (a final inspection of every item, every claim "
        "settled, every item treated), so the cases it passes over still get theirs; false where its picks "
        "decide which cases are checked.",
    )
    label_writer: LabelWriter | None = Field(
        default=None,
        description="Who or what writes the outcome down: the world records it (a payment, a failure, the "
        "other party's answer to an offer), a "
        "person who has seen no estimate, a person who first sees an estimate (a rule's, a colleague's, the "
        "model's once live), often a copy of an earlier estimate or the plan (the quote, a promised date) or a "
        "default, a person who types it in later from memory (at the end of a shift or week), or not known.",
    )
    newcomers: Newcomers | None = Field(
        default=None,
        description="What share of the cases in production concern items, people or places the data has never "
        "seen: none, under 1 in 10, 1 in 10 or more, nearly all (each case a different person or item that never "
        "comes back, or each period brings new ones), or not checked.",
    )
    new_supply_share: Share | NotMeasured | None = Field(
        default=None,
        description="For a match or a recommendation: the share of the providers or items it picks among that "
        "are new each period or have no past matches yet (new tutors, new listings): e.g. 0.15, or 'not "
        "measured'. A model trained on past matches scores them with nothing to read, so they get no matches "
        "and never gain a record.",
    )
    missing_input_share: Share | NotMeasured | NoneAtAll | None = Field(
        default=None,
        description="The share of production cases that lack a key input the model reads (clients with no "
        "history, sites with no sensor, a field often left blank): e.g. 0.15; 'not measured', or 'none'.",
    )
    content_rights: ContentRights | None = Field(
        default=None,
        description="Whether the data, the prompts or the examples hold content others own (articles, images, "
        "reviews, manuals, code), and whether its terms allow this use.",
    )
    leaves_organisation: DataLeaves | None = Field(
        default=None,
        description="Whether data (personal data, client documents, source code) leaves the organisation "
        "for a vendor, an API or a cloud service, and whether contracts allow it; `not_checked` when nobody "
        "knows yet whether anything leaves, or whether the contracts allow it.",
    )
    test_set_reflects_product: bool | None = Field(
        default=None,
        description="Whether the test data looks like what the product will see (older form of "
        "`differences`).",
    )
    model_decides_labels: bool | None = Field(
        default=None,
        description="Whether the model's output decides what is shown or acted on, and so which cases "
        "ever get a label (ranking, recommendation, blocking, moderation); older form of "
        "`outcome_recorded_for`.",
    )
    exploration_share: Share | None = Field(
        default=None,
        description="Share of traffic kept out of the model's hands (random exploration or holdout): picked "
        "at random without looking at the model and handled as if it had said nothing; a routine inspection "
        "sample counts only where drawn and acted on that way, "
        "so labels are not only what the model chose.",
    )
    exploration_drawn: ExplorationDrawn | None = Field(
        default=None,
        description="How the cases in that share are chosen: at random from all cases and handled as if the "
        "model had said nothing; at random but handled with its score in view; among the cases it flags or "
        "ranks high; by people as they see fit; or not known.",
    )

    @model_validator(mode="before")
    @classmethod
    def _sugar(cls, data: Any) -> Any:
        """`label_delay_days: 30-90` fills both ends of the range."""
        if not isinstance(data, dict):
            return data
        return _spread(dict(data), "label_delay_days", "label_delay_max_days")

    @field_validator("special_categories", mode="before")
    @classmethod
    def _categories_or_none(cls, value: Any) -> Any:
        """One category without a list is a list of one; `none` beside a category is refused."""
        return _none_alone(value, "special_categories", "it holds none")

    @field_validator("labels", mode="before")
    @classmethod
    def _sources_or_none(cls, value: Any) -> Any:
        """`labels: outcomes` is a list of one; `none` beside a source of labels is refused."""
        return _none_alone(value, "labels", "there are no labels")

    @field_validator("last_input", mode="before")
    @classmethod
    def _one_last_input(cls, value: Any) -> Any:
        """Several inputs go under `late_inputs`, each with its days: say so where a list is written here."""
        if isinstance(value, list | dict):
            raise PydanticCustomError(
                "one_last_input",
                "one input here, the one that arrives last, with its days in `last_input_days`; list the "
                "others under `late_inputs:`, one `- {name: Discharge note, days: 2}` each",
            )
        return value

    @field_validator("late_inputs", mode="before")
    @classmethod
    def _late_entries(cls, value: Any) -> Any:
        """`late_inputs: Discharge note` or an entry written as a bare name: the wrong shape, said once."""
        entries = value if isinstance(value, list) else [value]
        if value is not None and any(not isinstance(entry, dict | LateInput) for entry in entries):
            raise PydanticCustomError(
                "late_input_entry",
                "a list of inputs, each a name and its days: `- {name: Discharge note, days: 2}`",
            )
        return value

    def arrivals(self) -> list[Arrival]:
        """Each input stated late, with the paths of its answers: `last_input` first, then `late_inputs`."""
        found = []
        if self.last_input is not None or self.last_input_days is not None:
            named = "constraints.data.last_input" if self.last_input else None
            found.append(
                Arrival(
                    self.last_input or "", self.last_input_days, named, "constraints.data.last_input_days"
                )
            )
        for at, entry in enumerate(self.late_inputs):
            path = f"constraints.data.late_inputs[{at}]"
            found.append(Arrival(entry.name, entry.days, f"{path}.name", f"{path}.days"))
        return found

    @model_validator(mode="after")
    def _range_in_order(self) -> DataConstraints:
        _in_order(self.label_delay, self.label_delay_max_days, "label_delay_max_days", "label_delay_days")
        return self

    @property
    def rare_share(self) -> float | None:
        """The rarest class's share as a number, or None where it is blank or 'not measured'."""
        share = self.rarest_class_share
        return None if isinstance(share, str) else share

    @property
    def labeled_count(self) -> int | None:
        """How many labeled examples exist, or None where it is blank or 'not measured'."""
        count = self.labeled_examples
        return None if isinstance(count, str) else count

    @property
    def label_delay(self) -> float | None:
        """The shortest label delay in days, or None where it is blank or 'not measured'."""
        days = self.label_delay_days
        return None if isinstance(days, str) else days

    def label_delay_range(self) -> tuple[float, float] | None:
        return _span(self.label_delay, self.label_delay_max_days)


class Latency(Record):
    serving: Serving | None = Field(
        default=None, description="batch (precomputed), online (per request) or interactive (a person waits)."
    )
    p99_ms: Whole | None = Field(
        default=None, gt=0, description="99th-percentile latency budget, in milliseconds."
    )
    measured_p99_ms: Annotated[Whole, Field(gt=0)] | NotMeasured | None = Field(
        default=None,
        description="A candidate's 99th-percentile latency as measured (the vendor's API, a prototype), in "
        "milliseconds, or 'not measured'.",
    )
    model_size: ModelSize | None = Field(
        default=None,
        description="Model size class: small (linear, trees), medium (small nets), large (big nets, ensembles), huge (LLMs).",
    )


class Retraining(Record):
    cadence: Cadence | None = Field(default=None, description="How often the model must be retrained.")
    trigger: Text | None = Field(default=None, description="What triggers a retraining besides the schedule.")


class Compute(Record):
    currency: Currency | None = Field(
        default=None, description="The currency of the budget and the cost per prediction (EUR, USD...)."
    )
    budget_per_month: Number | None = Field(
        default=None,
        ge=0,
        json_schema_extra=also(MONEY_SCHEMA),
        description="Compute and service budget per month, in `currency` (`$1,000` and `1000 USD` work too).",
    )
    cost_per_prediction: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        json_schema_extra=also(MONEY_SCHEMA),
        description="Cost of one prediction or API call, in `currency` (e.g. 0.02 for two cents), or 'not "
        "measured'.",
    )
    predictions_per_period: Number | None = Field(
        default=None, ge=0, description="How many predictions or calls are made per period."
    )
    prediction_period: Period | None = Field(
        default=None,
        description="The period of that count: day, week, month, quarter or year; 'once' for a total.",
    )
    hosted_model: Text | None = Field(
        default=None, description="The hosted model or API it calls, if any (e.g. 'a GPT-4-class LLM API')."
    )
    hardware: Hardware | None = Field(default=None, description="Where it runs: cpu, gpu or edge devices.")
    hosted_service: bool | NotDecided | None = Field(
        default=None,
        description="Whether it relies on a hosted (black-box) ML service, or 'not decided' (a hosted API "
        "and the team's own model are both still candidates).",
    )
    hosted_access: HostedAccess | None = Field(
        default=None,
        description="How the hosted model is reached: under the organisation's contract or business account "
        "(its terms checked: no training on the data, retention, region; or not checked yet), or through "
        "staff's own or consumer accounts, with no agreement between the organisation and the vendor.",
    )
    vendor_black_box: bool | None = Field(
        default=None,
        description="Whether the model is a vendor's, running on the organisation's own device or servers "
        "(bought with a camera or scanner, licensed software): not hosted, yet not inspectable or "
        "retrainable by the team; its errors, updates and limits are the vendor's.",
    )

    @model_validator(mode="before")
    @classmethod
    def _money(cls, data: Any) -> Any:
        """`$0.02` or `1,000 EUR` on a money field: the amount stays, the currency moves to `currency`."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for name in ("budget_per_month", "cost_per_prediction"):
            amount, currency = split_money(data.get(name))
            if currency is None:
                continue
            given = data.get("currency")
            if isinstance(given, str) and given.strip().upper() != currency:
                raise PydanticCustomError(
                    "currency",
                    "{name} is in {money} but currency is {given}; use one currency",
                    {"name": name, "money": currency, "given": given},
                )
            data[name], data["currency"] = amount, currency
        return data

    @property
    def hosted(self) -> bool | None:
        """Whether it relies on a hosted service; None where it is blank or 'not decided'."""
        return None if isinstance(self.hosted_service, str) else self.hosted_service

    @property
    def call_cost(self) -> float | None:
        """The cost of one prediction as a number, or None where it is blank or 'not measured'."""
        cost = self.cost_per_prediction
        return None if isinstance(cost, str) else cost


class Constraints(Record):
    data: DataConstraints = Field(default_factory=DataConstraints, description="Data and labels.")
    latency: Latency = Field(default_factory=Latency, description="How fast predictions must be.")
    retraining: Retraining = Field(default_factory=Retraining, description="How the model stays fresh.")
    compute: Compute = Field(default_factory=Compute, description="Compute and cost.")
    explainability_required: bool | None = Field(
        default=None,
        description="Whether each prediction must be explained (to users, auditors, regulators).",
    )


class Done(Record):
    NONEABLE: ClassVar[frozenset[str]] = frozenset({"metrics"})

    metrics: list[Metric] = Field(
        default_factory=list,
        description="Metrics that define done; the first is the primary one ('none' if there are none).",
        json_schema_extra=also(NONE_SCHEMA),
    )
    worst_error_metric: Text | None = Field(
        default=None,
        description="The done metric that counts the worst error (impact.error_harm), or 'none'.",
    )
    split: Split | None = Field(
        default=None, description="How test data is split: random, by time or by group."
    )
    test_size: Whole | None = Field(default=None, ge=0, description="Number of examples in the test set.")
    test_pool: Annotated[Whole, Field(ge=1)] | NotMeasured | None = Field(
        default=None,
        description="For a matcher or a ranking: how many candidates each test query is ranked against (the "
        "reports, records or items searched for it, after any pre-filter): e.g. 60, or 'not measured'.",
    )
    live_pool: Annotated[Whole, Field(ge=1)] | NotMeasured | None = Field(
        default=None,
        description="For a matcher or a ranking: how many candidates each live query will be ranked against "
        "(every open report, the whole register or catalogue it searches): e.g. 800, or 'not measured'.",
    )
    test_used_for: TestUse | None = Field(
        default=None,
        description="What the test set's scores are used for before the final figure: nothing (nobody looks "
        "until the end), choosing the model, its settings or its threshold, writing or adjusting the prompt "
        "or the rules, or not decided.",
    )
    validation_apart: bool | None = Field(
        default=None,
        description="Whether a validation split kept apart from the test set exists, on which the settings, "
        "threshold or prompt are tuned (the test's score then picks only among the finalists).",
    )
    test_candidates: Annotated[Whole, Field(ge=1)] | NotDecided | None = Field(
        default=None,
        description="How many candidates the test's score chooses among (models, settings, thresholds, "
        "prompt versions), counting every round: 2 for a choice between two models; 'not decided' where "
        "nobody has settled how many will be tried.",
    )
    tuning_drawn: TuningDrawn | None = Field(
        default=None,
        description="Where the test is split by time: how the split the features and settings are chosen on "
        "is drawn. By time (rolling-origin folds, or a later block just before the test period, training "
        "always before it), days or rows drawn at random from the history (the days either side of each "
        "are in training), no tuning split (settings fixed ahead, or chosen on the test set), or not decided.",
    )
    timebox_weeks: Number | None = Field(
        default=None,
        gt=0,
        le=TIMEBOX_MAX_WEEKS,
        description="Weeks the team gives itself before deciding to continue or fold.",
    )
    started: Day | None = Field(
        default=None,
        description="The day the time box started (YYYY-MM-DD): set by planner when it saves an approved "
        "or building plan, or by hand.",
    )
    fold_action: Text | None = Field(
        default=None, description="What the team does if the time box runs out short of the target."
    )
    when_met: Text | None = Field(default=None, description="What happens when the target is met.")
    eval_set: Text | None = Field(
        default=None,
        description="The evaluation set: where its cases come from and who labels them ('none' if there is none).",
    )
    eval_truth: EvalTruth | None = Field(
        default=None,
        description="Where the evaluation set's right answers come from: people checking each case apart from "
        "today's process, real-world outcomes (for every case, or only for the cases today's process chose), "
        "the decisions of today's process, another system's or a "
        "vendor's output, a later record of the same case that may differ from what the step said (a signed "
        "quote, a final invoice), or not decided yet.",
    )
    eval_inputs: EvalInputs | None = Field(
        default=None,
        description="Where the evaluation's inputs come from: real cases as the product will meet them, cases "
        "people picked, cases written or generated for the test, a simulation or replay scored by a model, "
        "or not decided.",
    )
    eval_drawn: EvalDrawn | None = Field(
        default=None,
        description="How the evaluation's cases were chosen: all the cases of a period, a random sample of "
        "the cases the product will meet, picked by some criterion (most complaints, easiest, one source or "
        "site, those already labelled), or not decided.",
    )
    eval_in_index: EvalInIndex | None = Field(
        default=None,
        description="Where the evaluation's questions stand against the documents the product retrieves "
        "from: their own answers (or earlier versions) are among them, kept out (removed, or the index "
        "stops before them), it searches no documents of ours, or not checked.",
    )
    metric_unit: MetricUnit | None = Field(
        default=None,
        description="What one score of the done metric counts: each decision as it is taken, parts of a "
        "decision (lines of an order, frames of a clip, events within an alert's period), decisions pooled "
        "(a total or an average over a period or a site), or not checked.",
    )
    list_need: ListNeed | None = Field(
        default=None,
        description="For a ranked or recommended list: what the action needs from it. One right item is "
        "enough (the person picks one), all the needed items (every part for a repair visit, every "
        "ingredient), or the order (people work down it); or not known.",
    )
    rate_over: RateOver | None = Field(
        default=None,
        description="Where the model picks which cases are acted on (a ranking, a recommendation, the top "
        "of a queue, a cut-off): whom the done metric's share is counted over. Everyone who needed the "
        "action, acted on or not; only the cases acted on (a placement rate among the jobseekers taken on, a "
        "repair success rate among the jobs accepted), which rises by picking easier cases; those with a count over all "
        "who needed it or a guardrail on the hard cases beside it; no share; or not checked.",
    )
    eval_horizon_days: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        json_schema_extra=also(_HORIZONS_SCHEMA),
        description="How many days before the outcome, or the day forecast, the evaluation's predictions are "
        "made, in the unit of `product.lead_days` (0.25 for inputs up to 6 hours before): the horizon the "
        "test scores at; or 'not measured'. The shortest when the test scores several horizons (`1-7`, or "
        "a list `[1, 3, 7]`, fills both ends).",
    )
    eval_horizon_max_days: Number | None = Field(
        default=None,
        ge=0,
        description="The longest horizon the test scores at, when it scores several (a backtest at 1, 3 and "
        "7 days: 7).",
    )
    baseline_horizon_days: Annotated[Number, Field(ge=0)] | NotMeasured | None = Field(
        default=None,
        json_schema_extra=also(_HORIZONS_SCHEMA),
        description="How many days before the outcome, or the day forecast, the baseline's figure (today's "
        "forecast or estimate, the figure to beat) is made, in the same unit; or 'not measured'. The "
        "shortest when it is made at several (`1-7` fills both ends).",
    )
    baseline_horizon_max_days: Number | None = Field(
        default=None,
        ge=0,
        description="The longest horizon the baseline's figure is made at, when it is made at several.",
    )
    eval_rare_share: Share | NotMeasured | None = Field(
        default=None,
        description="Share of the rarest class in the evaluation set (classification): as in production when "
        "the set is drawn at random, higher when it was balanced or enriched with known cases; or 'not "
        "measured'.",
    )
    online_validation: OnlineValidation | None = Field(
        default=None,
        description="How the model is judged live before it replaces today's process: A/B test, holdout, "
        "shadow run, canary, interleaving, or none.",
    )
    pilot_units: PilotUnits | None = Field(
        default=None,
        description="Where it first runs live and how those places, teams or customers are chosen: no pilot "
        "(everywhere at once), drawn at random, picked as typical, volunteers, the worst, the easiest, "
        "everywhere in alternating periods (on some days or weeks, off on others), or not decided.",
    )
    pilot_period: PilotPeriod | None = Field(
        default=None,
        description="Whether the pilot or shadow run meets conditions like the launch's (the season, the volume, "
        "the case mix, the staff): alike; quieter (an off-peak season, fewer cases, one person of a team, "
        "while everyone goes live at the busy time); quieter, but the launch is off-peak with today's process "
        "kept beside it through the first peak; busier (it runs through the peak); or not decided.",
    )
    later_phase: list[LaterPhase] = Field(
        default_factory=list,
        description="What a later phase changes (one or several): nothing, people stop checking every output, "
        "a wider scope (new sites, groups, products, languages), the output feeds a new decision, or a check "
        "today's process makes on its own (a phone round, a second reader) stops.",
    )
    skipped_from: SkippedFrom | None = Field(
        default=None,
        description="Where today's check stops or thins once the model runs: who supplies the items or cases "
        "that now skip it (the thing the check tests, not the photo or form the model reads): our own "
        "process, machines or staff; someone who gains when one passes unchecked (a seller, an applicant, a "
        "claimant, a contractor); people outside who gain nothing either way; or not known.",
    )
    none: list[Literal["metrics", "baseline"]] = Field(
        default_factory=list,
        description="What the team answered 'we have none' to (no done metrics, no baseline), as opposed "
        "to not answered yet; `metrics: none` is written here.",
    )

    @model_validator(mode="before")
    @classmethod
    def _no_baseline(cls, data: Any) -> Any:
        """`baseline: none` on a metric says the team has no baseline: recorded once for the section."""
        if not isinstance(data, dict) or not isinstance(data.get("metrics"), list):
            return data
        metrics, said = [], False
        for metric in data["metrics"]:
            if isinstance(metric, dict) and _is_none_word(metric.get("baseline")):
                metric, said = {k: v for k, v in metric.items() if k != "baseline"}, True
            metrics.append(metric)
        if not said:
            return data
        known = list(data.get("none") or [])
        return {**data, "metrics": metrics, "none": known + ["baseline"] * ("baseline" not in known)}

    @model_validator(mode="before")
    @classmethod
    def _horizon_spans(cls, data: Any) -> Any:
        """`eval_horizon_days: 1-7` or `[1, 3, 7]` fills both ends: the shortest and the longest scored."""
        for low in ("eval_horizon_days", "baseline_horizon_days"):
            data = _spread(data, low, low.replace("_days", "_max_days"), lists=True)
        return data

    @model_validator(mode="after")
    def _horizons_in_order(self) -> Done:
        for low in ("eval_horizon_days", "baseline_horizon_days"):
            short = getattr(self, low)
            high = low.replace("_days", "_max_days")
            _in_order(None if isinstance(short, str) else short, getattr(self, high), high, low)
        return self

    def horizon_range(self, low: str = "eval_horizon_days") -> tuple[float, float] | None:
        """The shortest and longest horizon the test (or, for `baseline_horizon_days`, the baseline) is
        scored at; None where blank or 'not measured'."""
        short = getattr(self, low)
        high = getattr(self, low.replace("_days", "_max_days"))
        return None if isinstance(short, str) else _span(short, high)

    @property
    def eval_share(self) -> float | None:
        """The rarest class's share of the evaluation set as a number; None where blank or 'not measured'."""
        share = self.eval_rare_share
        return None if isinstance(share, str) else share


class AfterLaunch(Record):
    NONEABLE: ClassVar[frozenset[str]] = frozenset({"monitoring"})

    owner: Text | None = Field(default=None, description="Who owns the model once it is live.")
    monitoring: list[Monitor] = Field(
        default_factory=list,
        description="What is monitored, with thresholds ('none' if nothing is).",
        json_schema_extra=also(NONE_SCHEMA),
    )
    fallback: Text | None = Field(default=None, description="What happens when the model is wrong or down.")
    blind_share: Share | None = Field(
        default=None,
        description="Where people confirm or edit the model's proposals: the share of cases they decide "
        "without seeing the proposal, compared with what they confirm (0 if none).",
    )
    none: list[Literal["monitoring"]] = Field(
        default_factory=list,
        description="What the team answered 'we have none' to, as opposed to not answered yet; "
        "`monitoring: none` is written here.",
    )


# A question's place in plan.yaml, as the interview names it: `impact.volume`, `done.metrics`. Checked by
# one validator, so a question written out in words gets one line saying what to write instead.
_FIELD_PATH = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
FieldPath = Annotated[
    str,
    Field(json_schema_extra={"pattern": _FIELD_PATH}),
    AfterValidator(lambda path: _require_field(path)),
]
_FIND_PATHS = "`planner interview PLAN --no-input` lists each unanswered question with its field"


class OpenQuestion(Record):
    """A question the team answered "don't know yet": an open question with who finds out, kept apart
    from a question not asked yet and from "we have none"."""

    question: FieldPath = Field(
        description="The question's field in plan.yaml (e.g. `impact.volume`), not its words."
    )
    owner: Text | None = Field(default=None, description="Who finds out.")


def _require_field(path: str) -> str:
    if not re.match(_FIELD_PATH, path):
        raise PydanticCustomError(
            "field_path",
            "'{said}' is not a field path; write the question's field, e.g. impact.volume, not its words "
            "({find})",
            {"said": path if len(path) <= 40 else path[:37] + "...", "find": _FIND_PATHS},
        )
    if not _known_path(path):
        raise PydanticCustomError(
            "unknown_field",
            "{path} is not a field of plan.yaml; name a question's field, e.g. impact.volume ({find})",
            {"path": path, "find": _FIND_PATHS},
        )
    return path


def _known_path(path: str) -> bool:
    """Whether a dotted path names a field of plan.yaml (`impact.volume`, `done.metrics`)."""
    model: Any = Plan
    for part in path.split("."):
        fields = getattr(model, "model_fields", None)
        if fields is None or part not in fields:
            return False
        annotation = fields[part].annotation
        while getattr(annotation, "__args__", None) and not (
            isinstance(annotation, type) and issubclass(annotation, Record)
        ):
            annotation = next((arg for arg in annotation.__args__ if arg is not type(None)), None)
        model = annotation
    return True


class Plan(Record):
    """A project plan: the living draft in plans/SLUG/plan.yaml."""

    schema_version: Whole = Field(
        default=SCHEMA_VERSION,
        description="Version of this file format.",
        json_schema_extra={"minimum": 1, "maximum": SCHEMA_VERSION},
    )

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """Files written by an older planner are read as if written today (see planner.plan.migrate)."""
        return upgrade(data)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if not 1 <= value <= SCHEMA_VERSION:
            fix = "a newer planner wrote it: upgrade planner" if value > SCHEMA_VERSION else "write 1"
            raise PydanticCustomError(
                "schema_version",
                "schema_version {value} is not one this planner reads (1 to {current}); {fix}",
                {"value": value, "current": SCHEMA_VERSION, "fix": fix},
            )
        return value

    title: Text = Field(description="The plan's title.")
    owners: list[Text] = Field(default_factory=list, description="Who owns the plan.")
    decider: Text | None = Field(
        default=None,
        description="Who decides whether the plan goes ahead, ships, continues or folds (one person, such as "
        "its sponsor): the portfolio names them beside each decision the plan waits for.",
    )
    status: Status = Field(
        default=Status.draft,
        description="draft, in_review, approved, building, shipped or folded.",
    )
    product: Product = Field(default_factory=Product, description="Product goal and ML framing.")
    heuristics: Heuristics = Field(
        default_factory=Heuristics, description="Heuristic feasibility: can rules plus people solve it?"
    )
    by_hand: ByHand = Field(default_factory=ByHand, description="Be the algorithm: the task done by hand.")
    impact: Impact = Field(
        default_factory=Impact, description="The impact bottleneck, and whether it is worth it."
    )
    press_release: PressRelease = Field(
        default_factory=PressRelease, description="The press release written before the work."
    )
    constraints: Constraints = Field(
        default_factory=Constraints, description="Data, latency, retraining, compute and cost."
    )
    done: Done = Field(default_factory=Done, description="Done criteria: metrics, time box, fold action.")
    after_launch: AfterLaunch = Field(
        default_factory=AfterLaunch, description="Ownership, monitoring and fallback after launch."
    )
    risks: list[HandRisk] = Field(default_factory=list, description="Risks entered by hand.")
    decisions: list[Decision] = Field(
        default_factory=list, description="The team's decisions on derived risks."
    )
    open_questions: list[OpenQuestion] = Field(
        default_factory=list,
        description='Questions the team answered "don\'t know yet", each with who finds out; the advice '
        "counts them as unknown, and the interview does not ask them again.",
    )
    approximate: list[FieldPath] = Field(
        default_factory=list,
        description='Answers given as estimates ("about 50", the midpoint of a range): their fields.',
    )


class Version(Record):
    """A published snapshot in plans/SLUG/versions/vN.yaml: written once by `planner publish`, never edited."""

    number: Whole = Field(ge=1, description="The version number; the file is named vNUMBER.yaml.")
    published_at: Moment = Field(description="When it was published (UTC), as ISO 8601 text.")
    author: Text = Field(description="Who published it: `Name <email>`.")
    message: Text = Field(description="Why this version was published.")
    hash: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")] = Field(
        description="sha256 of everything else in the file (canonical JSON), so any edit is detected."
    )
    plan: Plan = Field(description="The plan as published.")
