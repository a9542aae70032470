"""The fixed answers a plan offers (status, task type, serving mode...): plain enums, no logic."""

from __future__ import annotations

from enum import StrEnum


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
    other = "other"


class DataKind(StrEnum):
    tabular = "tabular"
    text = "text"
    images = "images"
    audio = "audio"
    video = "video"
    time_series = "time_series"


UNSTRUCTURED = frozenset({DataKind.text, DataKind.images, DataKind.audio, DataKind.video})


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
    day = "day"
    week = "week"
    month = "month"
    year = "year"

    @property
    def per_month(self) -> float:
        """How many of this period fit in an average month."""
        return {"day": 365 / 12, "week": 52 / 12, "month": 1.0, "year": 1 / 12}[self.value]


class ErrorCost(StrEnum):
    false_positive = "false_positive"
    false_negative = "false_negative"
    similar = "similar"


class Acquisition(StrEnum):
    own = "own"
    vendor = "vendor"
    public = "public"
    to_collect = "to_collect"


class LabelSource(StrEnum):
    existing = "existing"
    outcomes = "outcomes"
    manual = "manual"
    vendor = "vendor"
    proxy = "proxy"
    none = "none"


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
