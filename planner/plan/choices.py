"""The fixed answers a plan offers (status, task type, serving mode...): plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum

from planner.plan.access import ACCESS_LABELS, HostedAccess as HostedAccess
from planner.plan.capture import CAPTURE_LABELS, BacktestFeeds as BacktestFeeds, InputCapture as InputCapture
from planner.plan.changes import CHANGES_LABELS, ChangeKind as ChangeKind, ChangeReach as ChangeReach
from planner.plan.circumstance import CIRCUMSTANCE_LABELS, Circumstance as Circumstance
from planner.plan.covers import COVERS_LABELS, ItemsCovered as ItemsCovered
from planner.plan.exits import EXITS_LABELS, ExitsWhich as ExitsWhich
from planner.plan.governance import GOVERNANCE_LABELS, Governance as Governance
from planner.plan.grain import GRAIN_LABELS, DecisionUses as DecisionUses
from planner.plan.held import HELD_LABELS, ValuesHeld as ValuesHeld
from planner.plan.holdout import HOLDOUT_LABELS, ExplorationDrawn as ExplorationDrawn
from planner.plan.incumbent import (
    TODAYS_CALL_LABELS,
    RuleImproved as RuleImproved,
    TodaysCallFeeds as TodaysCallFeeds,
    TodaysCallInput as TodaysCallInput,
)
from planner.plan.oversight import (
    OVERSIGHT_LABELS,
    CheckedOutputs as CheckedOutputs,
    ReviewerStake as ReviewerStake,
    Undoable as Undoable,
)
from planner.plan.picking import PICKING_LABELS, NoneFits as NoneFits, Picks as Picks
from planner.plan.rateover import RATE_OVER_LABELS, RateOver as RateOver
from planner.plan.repeats import REPEATS_LABELS, ActedBetweenRows as ActedBetweenRows
from planner.plan.stakes import (
    STAKES_LABELS,
    Dropped as Dropped,
    HarmKind as HarmKind,
    LaterPhase as LaterPhase,
    PersonEffect as PersonEffect,
    PersonTrait as PersonTrait,
    PilotPeriod as PilotPeriod,
    PilotUnits as PilotUnits,
    SkippedFrom as SkippedFrom,
)
from planner.plan.statements import STATEMENTS_LABELS, StatementsSource as StatementsSource
from planner.plan.subjects import SUBJECTS_LABELS, SpecialCategory as SpecialCategory, WhoseData as WhoseData
from planner.plan.tuning import TUNING_LABELS, TuningDrawn as TuningDrawn
from planner.plan.workings import (
    WORKINGS_LABELS,
    ActionShape as ActionShape,
    Agreement as Agreement,
    Audience as Audience,
    ClassesChange as ClassesChange,
    ContentRights as ContentRights,
    Conversion as Conversion,
    EvalDrawn as EvalDrawn,
    EvalInIndex as EvalInIndex,
    EvalInputs as EvalInputs,
    EvalTruth as EvalTruth,
    Guard as Guard,
    InputsBuilt as InputsBuilt,
    LabelDated as LabelDated,
    LabelGrain as LabelGrain,
    LabelWriter as LabelWriter,
    ListNeed as ListNeed,
    MetricRole as MetricRole,
    MetricUnit as MetricUnit,
    Negative as Negative,
    Newcomers as Newcomers,
    OutcomeLimit as OutcomeLimit,
    Reach as Reach,
    RowsPerThing as RowsPerThing,
    ShareFrom as ShareFrom,
    SourceClasses as SourceClasses,
    SupplyLimit as SupplyLimit,
    TestUse as TestUse,
    Unreadable as Unreadable,
)


class Status(StrEnum):
    draft = "draft"
    in_review = "in_review"
    approved = "approved"
    building = "building"
    shipped = "shipped"
    folded = "folded"


class TaskType(StrEnum):
    classification = "classification"
    regression = "regression"
    ranking = "ranking"
    detection = "detection"
    segmentation = "segmentation"
    forecasting = "forecasting"
    anomaly_detection = "anomaly_detection"
    generation = "generation"
    clustering = "clustering"
    recommendation = "recommendation"
    matching = "matching"
    extraction = "extraction"
    other = "other"


class DataKind(StrEnum):
    tabular = "tabular"
    text = "text"
    images = "images"
    audio = "audio"
    video = "video"
    time_series = "time_series"


# Tasks whose output picks among candidates (a ranked list, a match, a suggestion) rather than judging each
# case on its own: hard conditions belong in a filter before the score, and a receiving side takes only so many.
PICKING_TASKS = frozenset({TaskType.ranking, TaskType.matching, TaskType.recommendation})
# Tasks whose labels are classes a source may hold one of (the cases sought, or the others).
CLASS_TASKS = frozenset(
    {TaskType.classification, TaskType.detection, TaskType.anomaly_detection, TaskType.matching}
)
UNSTRUCTURED = frozenset({DataKind.text, DataKind.images, DataKind.audio, DataKind.video})
CAPTURED = frozenset(
    {DataKind.images, DataKind.audio, DataKind.video}
)  # what a camera or a microphone records


class Mode(StrEnum):
    improve = "improve"
    augment = "augment"
    automate = "automate"


class RulesVerdict(StrEnum):
    rules_suffice = "rules_suffice"
    rules_baseline = "rules_baseline"
    rules_cannot_help = "rules_cannot_help"
    not_tried = "not_tried"


class Period(StrEnum):
    """The period a count recurs over, or `once`: a job run one time over a backlog, whose count is a total."""

    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"
    once = "once"

    @property
    def per_month(self) -> float | None:
        """How many of this period fit in an average month; None for `once`, a total that does not recur."""
        return {"day": 365 / 12, "week": 52 / 12, "month": 1.0, "quarter": 1 / 3, "year": 1 / 12}.get(
            self.value
        )

    @property
    def reads(self) -> str:
        """How a count of it reads after the number: `a day`, `a year`, `in all` (once)."""
        return "in all" if self is Period.once else f"a {self.value}"


class ErrorCost(StrEnum):
    false_positive = "false_positive"
    false_negative = "false_negative"
    too_low = "too_low"
    too_high = "too_high"
    similar = "similar"
    varies = "varies"


class Severity(StrEnum):
    """How badly a wrong prediction hurts whoever it lands on."""

    minor = "minor"
    moderate = "moderate"
    serious = "serious"
    severe = "severe"


class OnlineValidation(StrEnum):
    """How the model is judged live, on the product metric, before it replaces today's process."""

    a_b_test = "a_b_test"
    holdout = "holdout"
    shadow = "shadow"
    canary = "canary"
    interleaving = "interleaving"
    before_after = "before_after"
    none = "none"


class Acquisition(StrEnum):
    own = "own"
    vendor = "vendor"
    public = "public"
    open_data = "open_data"
    from_customers = "from_customers"
    to_collect = "to_collect"


class DoneTodayBy(StrEnum):
    our_experts = "our_experts"
    other_staff = "other_staff"
    nobody = "nobody"


class LabelSource(StrEnum):
    existing = "existing"
    outcomes = "outcomes"
    manual = "manual"
    vendor = "vendor"
    proxy = "proxy"
    none = "none"


class Difference(StrEnum):
    """What differs between the data in hand and what the product will see once live."""

    device = "device"
    channel = "channel"
    language = "language"
    population = "population"
    season = "season"
    capture = "capture"
    mix = "mix"
    later_inputs = "later_inputs"
    forecast_inputs = "forecast_inputs"
    range = "range"
    conditions = "conditions"
    none = "none"


class OutcomeRecorded(StrEnum):
    """For which cases the outcome (the label) is recorded."""

    every_case = "every_case"
    selected_cases = "selected_cases"
    changed_by_action = "changed_by_action"


class DataLeaves(StrEnum):
    """Whether data leaves the organisation (to a vendor, an API, a cloud service), and whether contracts allow it."""

    stays = "stays"
    allowed = "allowed"
    not_checked = "not_checked"
    not_allowed = "not_allowed"


class Delivery(StrEnum):
    """How a prediction reaches whoever (or whatever) acts on it."""

    automatic = "automatic"
    existing_tool = "existing_tool"
    new_view = "new_view"
    on_device = "on_device"
    not_built = "not_built"
    not_decided = "not_decided"
    nobody = "nobody"


class Serving(StrEnum):
    batch = "batch"
    online = "online"
    interactive = "interactive"


class ModelSize(StrEnum):
    small = "small"
    medium = "medium"
    large = "large"
    huge = "huge"


class Cadence(StrEnum):
    never = "never"
    yearly = "yearly"
    half_yearly = "half_yearly"
    quarterly = "quarterly"
    monthly = "monthly"
    weekly = "weekly"
    daily = "daily"
    continuous = "continuous"

    @property
    def days(self) -> float | None:
        """Days between retrainings; None when the model is never retrained."""
        return {
            "never": None,
            "yearly": 365.0,
            "half_yearly": 182.0,
            "quarterly": 91.0,
            "monthly": 30.0,
            "weekly": 7.0,
            "daily": 1.0,
            "continuous": 0.04,
        }[self.value]


class Hardware(StrEnum):
    cpu = "cpu"
    gpu = "gpu"
    edge = "edge"


class Direction(StrEnum):
    # Member names avoid `lower`, which would shadow str.lower on a StrEnum.
    higher_is_better = "higher"
    lower_is_better = "lower"


class Split(StrEnum):
    random = "random"
    time = "time"
    group = "group"


class Category(StrEnum):
    product = "product"
    data = "data"
    model = "model"
    delivery = "delivery"
    operations = "operations"
    cost = "cost"
    ethics = "ethics"


class Verdict(StrEnum):
    """A team's decision on a risk."""

    accepted = "accepted"
    mitigated = "mitigated"
    not_applicable = "not_applicable"


# How each stored code reads, in a prompt, on the site and in `planner show` (one place for all of
# them; values repeat across enums: `vendor`, `none`...). Codes not listed read as the code with spaces.
LABELS: dict[type[Enum], dict[str, str]] = {
    **WORKINGS_LABELS,
    **PICKING_LABELS,
    **STAKES_LABELS,
    **SUBJECTS_LABELS,
    **GOVERNANCE_LABELS,
    **CHANGES_LABELS,
    **HOLDOUT_LABELS,
    **OVERSIGHT_LABELS,
    **CAPTURE_LABELS,
    **HELD_LABELS,
    **COVERS_LABELS,
    **STATEMENTS_LABELS,
    **ACCESS_LABELS,
    **RATE_OVER_LABELS,
    **TODAYS_CALL_LABELS,
    **REPEATS_LABELS,
    **GRAIN_LABELS,
    **EXITS_LABELS,
    **CIRCUMSTANCE_LABELS,
    **TUNING_LABELS,
    TaskType: {
        "classification": "classification (which class?)",
        "regression": "regression (how much?)",
        "ranking": "ranking (what first?)",
        "detection": "detection (where is it?)",
        "segmentation": "segmentation (which pixels or spans?)",
        "forecasting": "forecasting (what next, over time?)",
        "anomaly_detection": "anomaly detection (what is unusual?)",
        "generation": "generation (write text, images...)",
        "clustering": "clustering (which groups?)",
        "recommendation": "recommendation (what to suggest to whom?)",
        "matching": "matching or similarity (which items go together?)",
        "extraction": "extraction (which values does this document, form or scan hold?)",
    },
    DataKind: {"tabular": "tabular (rows and columns)", "text": "free text"},
    Mode: {
        "improve": "improve a process",
        "augment": "augment people (they decide, helped by the model)",
        "automate": "automate (the model decides alone)",
    },
    RulesVerdict: {
        "rules_suffice": "rules are all we need",
        "rules_baseline": "rules are a baseline a model must beat",
        "rules_cannot_help": "rules cannot help",
        "not_tried": "not tried yet",
    },
    ErrorCost: {
        "false_positive": "false positives (false alarms)",
        "false_negative": "false negatives (misses)",
        "too_low": "predicting too low (short of staff, stock or money)",
        "too_high": "predicting too high (waste, idle staff, stock left over)",
        "similar": "about the same",
        "varies": "it differs by case (by product, customer or season)",
    },
    Acquisition: {
        "own": "our own systems",
        "vendor": "bought from a vendor",
        "public": "public data",
        "open_data": "a public body's official or openly licensed data (weather, statistics, notices)",
        "from_customers": "sent to us by customers or clients (reports, photos, forms they submit)",
        "to_collect": "still to collect",
    },
    DoneTodayBy: {
        "our_experts": "our own people: they do it every day",
        "other_staff": "people outside the team do it every day (another department, a contractor)",
        "nobody": "nobody does it by hand today",
    },
    LabelSource: {
        "existing": "already recorded",
        "outcomes": "real-world outcomes, known later",
        "manual": "labelled by hand",
        "vendor": "a labelling vendor",
        "proxy": "a proxy signal",
        "none": "no labels (or a prompted or bought model nobody trains)",
    },
    Difference: {
        "device": "device or camera",
        "channel": "channel (web, app, phone, branch...)",
        "language": "language",
        "population": "population (customers, patients, regions...)",
        "season": "season or period",
        "capture": "capture conditions or protocol (operator, lighting, weather, settings)",
        "mix": "the mix of cases is shifting (a growing segment, new products)",
        "later_inputs": "some inputs are recorded only after the moment of prediction",
        "forecast_inputs": "some inputs are observed values in training but only forecasts live (weather, prices)",
        "range": "inputs beyond the range of the data (longer distances, bigger amounts, larger sizes, new price bands)",
        "conditions": "the conditions changed since the data: the site, course, route or layout",
        "none": "nothing: the data was recorded as the product will see it",
    },
    OutcomeRecorded: {
        "every_case": "every case, whatever was decided",
        "selected_cases": "only the cases someone showed, checked, approved or treated",
        "changed_by_action": "every case, but acting on a prediction changes the outcome",
    },
    DataLeaves: {
        "stays": "no, it stays in the organisation",
        "allowed": "yes, and the contracts allow it",
        "not_checked": "not sure, or it does and nobody has checked the contracts",
        "not_allowed": "yes, though the contracts forbid it",
    },
    Delivery: {
        "automatic": "the deciding system reads it automatically",
        "existing_tool": "in the tool the people who act already use",
        "new_view": "a new screen, dashboard, report, e-mail or alert",
        "on_device": "on the device used where the decision is made (a handheld camera, a field app)",
        "not_built": "an integration not built (or not licensed) yet",
        "not_decided": "not decided yet",
        "nobody": "nobody receives it yet",
    },
    Serving: {
        "batch": "batch (precomputed)",
        "online": "online (a system waits for each answer)",
        "interactive": "interactive (a person waits)",
    },
    ModelSize: {
        "small": "small (linear models, trees)",
        "medium": "medium (small neural nets)",
        "large": "large (big nets, ensembles)",
        "huge": "huge (LLMs)",
    },
    Cadence: {"half_yearly": "twice a year"},
    Hardware: {"cpu": "CPU", "gpu": "GPU", "edge": "edge devices"},
    Direction: {"higher": "higher is better", "lower": "lower is better"},
    Severity: {
        "minor": "minor (a worse suggestion, quickly fixed)",
        "moderate": "moderate (lost time or money, recoverable)",
        "serious": "serious (health, safety, money, legal standing or access)",
        "severe": "severe (lasting harm to someone)",
    },
    OnlineValidation: {
        "a_b_test": "A/B test on the product metric",
        "holdout": "a holdout group kept on today's process",
        "shadow": "a shadow run (predict, do not act)",
        "canary": "a canary (a small share first)",
        "interleaving": "interleaving (rankings mixed per user)",
        "before_after": "compare with a period before launch (nobody kept on today's process)",
        "none": "none planned",
    },
    Split: {"time": "by time (test on later data)", "group": "by group (e.g. unseen customers)"},
}


def label(member: Enum) -> str:
    """How a stored code reads (`rules_baseline` -> `rules are a baseline a model must beat`)."""
    return LABELS.get(type(member), {}).get(member.value, str(member.value).replace("_", " "))
