"""Whether the product prompts a hosted model rather than training one, read from the hosted-model answer."""

from __future__ import annotations

import re
from typing import Any

from planner.core import formatting as fmt
from planner.judgement.rules.base import Evidence, Hint, Tempered
from planner.judgement.rules.evidence import norm, quote, says_nothing
from planner.judgement.rules.lexicon import CLOUD_PLACE, MODEL_NAMED, PROMPTED_ONLY
from planner.plan.model import ModelSize, Plan, Split, TaskType, TestUse

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


def tuned_on_cases(plan: Plan) -> str | None:
    """The answer saying a prompted model's prompt, settings or examples are tuned on labelled cases of the
    data, quoted: the test's scores adjust the prompt, a validation split is kept for it, or the data is
    split at random with more labelled cases than the test holds (the rest are what the prompt and its
    examples are written against), unless the hosted model is said to be prompted only or zero-shot, or it
    generates (a draft's labelled cases are reference texts to score it by, not answers to tune toward). Its test cases must then be unlike those, as a trained model's must."""
    done, count = plan.done, plan.constraints.data.labeled_count
    if done.test_used_for is TestUse.prompt:
        return quote(plan, "done.test_used_for", "the test's scores adjust the prompt: it is tuned on them")
    if done.validation_apart:
        return quote(
            plan, "done.validation_apart", "the prompt or its settings are tuned on a split of the data"
        )
    size = done.test_size
    if PROMPTED_ONLY.find(plan.constraints.compute.hosted_model) or plan.product.task is TaskType.generation:
        return None  # `prompted only`, `zero-shot`; or a generator, whose labelled cases are reference texts
    if done.split is Split.random and count is not None and size is not None and 0 < size < count:
        note = (
            f"{fmt.count(count - size)} labelled cases beside the test's {fmt.count(size)}: what the prompt "
            "and its examples are tuned against"
        )
        return quote(plan, "constraints.data.labeled_examples", note)
    return None


TUNED_PROMPT = 3  # a prompt tuned on the cases leaks less of them than weights trained on them: medium


def as_tuned(found: Evidence, tuned: str) -> Evidence:
    """A split risk found for a trained model, restated for a prompted one tuned on the cases (`tuned`, the
    answer that says so): at most medium, since a prompt carries less of its cases than trained weights."""
    if not found:
        return None
    if isinstance(found, Hint):
        return Hint(found.words, (*found, tuned), found.likelihood)
    likelihood = min(found.likelihood, TUNED_PROMPT) if isinstance(found, Tempered) else TUNED_PROMPT
    return Tempered(likelihood, (*found, tuned))
