"""Whether the product prompts a hosted model rather than training one, read from the hosted-model answer."""

from __future__ import annotations

import re
from typing import Any

from planner.judgement.rules.evidence import norm, quote, says_nothing
from planner.judgement.rules.lexicon import CLOUD_PLACE, MODEL_NAMED
from planner.plan.model import ModelSize, Plan, TaskType

_FIRST_CLAUSE = re.compile(r"[:;,(\u2013\u2014]|\s-\s|\.(?:\s|$)")


def opens_with_none(value: Any) -> bool:
    """An answer whose first clause says there is none, then says why or what instead ("None: our own
    small model runs on the camera", "No - we train our own"): what it names is not the thing asked for."""
    return isinstance(value, str) and (says_nothing(value) or norm(_FIRST_CLAUSE.split(value)[0]) in _NONE)


_NONE = {
    "none", "no", "nothing", "n/a", "na", "nil", "not used", "not applicable", "none used", "nothing hosted",
    "no hosted model", "no hosted model used", "no llm", "no api", "no external model", "not hosted",
}  # fmt: skip


def prompted(plan: Plan) -> str | None:
    """The answer saying the product prompts a hosted or pretrained language model instead of training
    one (a hosted model named, or a huge model that generates or extracts): its labelled cases are an
    evaluation set, not training data, and a few hundred of them are the usual start."""
    hosted = plan.constraints.compute.hosted_model
    # `None: our own small model` or `Azure cloud, EU region` (where it runs): no hosted model is prompted
    place = CLOUD_PLACE.find(hosted) and not MODEL_NAMED.find(hosted)
    if hosted and not opens_with_none(hosted) and not place:
        return quote(plan, "constraints.compute.hosted_model")
    huge = plan.constraints.latency.model_size is ModelSize.huge
    return (
        quote(plan, "constraints.latency.model_size")
        if huge and plan.product.task in (TaskType.generation, TaskType.extraction)
        else None
    )
