"""The latency budget against the planned model: tight for its size class or its network hop, measured or not."""

from __future__ import annotations

from planner.judgement.rules.base import (
    ANY_MODEL_FLOOR_MS,
    HOSTED_FLOOR_MS,
    HOSTED_LLM_FLOOR_MS,
    LATENCY_FLOOR_MS,
    Case,
    Evidence,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import quote
from planner.plan.choices import CAPTURED
from planner.plan.model import Category, Plan, Serving, TaskType


@rule(
    "tight-latency-heavy-model",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure a candidate's p99 latency before designing around the model",
        "The budget leaves no room for this model or network hop; benchmark a candidate at p99 on "
        "production hardware now, then precompute, cache, or choose a smaller model",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 50,
                "constraints.latency.model_size": "large",
            },
            evidence=(  # unmeasured, and not far under what a large model needs: a question
                'constraints.latency.serving: "online"',
                "constraints.latency.p99_ms: 50 (nothing measured yet: does a candidate meet it at p99 on the "
                "production hardware?)",
                'constraints.latency.model_size: "large"',
            ),
        ),
        Case(  # far under what any large model answers in: a fact, high
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 20,
                "constraints.latency.model_size": "large",
            },
            evidence=(
                'constraints.latency.serving: "online"',
                "constraints.latency.p99_ms: 20",
                'constraints.latency.model_size: "large"',
            ),
        ),
        Case(  # a photo graded in 3 ms: seconds typed as milliseconds? asked
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 3,
                "product.data_kinds": ["images"],
            },
            evidence=(
                'constraints.latency.serving: "online"',
                "constraints.latency.p99_ms: 3 (3 ms to read a photo or recording: is that seconds? measure a "
                "candidate against it)",
            ),
        ),
        Case(
            {"constraints.latency.serving": "interactive", "constraints.latency.p99_ms": 5},
            evidence=(
                'constraints.latency.serving: "interactive"',
                "constraints.latency.p99_ms: 5",
                'constraints.latency.model_size: "small"',
            ),
        ),
    ),
    quiet=(
        Case(  # a hosted vision model grading photos: a network round trip, not a language model's seconds
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 800,
                "constraints.latency.model_size": "large",
                "product.task": "classification",
                "product.data_kinds": ["images"],
                "constraints.compute.hosted_service": True,
                "constraints.compute.hosted_model": "A hosted vision model through the vendor's API.",
            },
            also=frozenset({"hosted-black-box"}),
        ),
        Case(  # measured within the budget: nothing to ask
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 50,
                "constraints.latency.model_size": "large",
                "constraints.latency.measured_p99_ms": 35,
            }
        ),
    ),
)
def tight_latency_heavy_model(plan: Plan) -> Evidence:
    """The latency budget is tight for the planned serving.

    A heavy model, or any model behind a network hop, answering per request within this budget
    leaves no room for feature lookups, queues or bad days.

    Mitigation: Benchmark a candidate at p99 on production hardware now; precompute in batch and
    cache, or plan a smaller or distilled model.
    """
    latency, hosted = plan.constraints.latency, plan.constraints.compute.hosted
    if latency.serving not in (Serving.online, Serving.interactive) or latency.p99_ms is None:
        return None
    if isinstance(latency.measured_p99_ms, int):
        return None  # measured: measured-latency-over-budget weighs the figure, not the model's size
    budget = latency.p99_ms
    floor = LATENCY_FLOOR_MS.get(latency.model_size, ANY_MODEL_FLOOR_MS) if latency.model_size else 0
    found = [quote(plan, "constraints.latency.serving"), quote(plan, "constraints.latency.p99_ms")]
    if budget < ANY_MODEL_FLOOR_MS and CAPTURED & set(plan.product.data_kinds):
        # a photo or a recording read in a few milliseconds is rarely the budget meant: seconds typed as ms?
        note = f"{budget} ms to read a photo or recording: is that seconds? measure a candidate against it"
        return Tempered(3, (found[0], quote(plan, "constraints.latency.p99_ms", note)))
    if budget < max(floor, ANY_MODEL_FLOOR_MS):
        return _unmeasured(plan, budget, floor, (*found, *_size(plan)))
    if hosted and budget < HOSTED_FLOOR_MS:
        return _unmeasured(
            plan, budget, HOSTED_FLOOR_MS, (*found, quote(plan, "constraints.compute.hosted_service"))
        )
    if hosted and _language_model(plan) and budget < HOSTED_LLM_FLOOR_MS:
        what = "constraints.compute.hosted_model" if plan.constraints.compute.hosted_model else "product.task"
        said = quote(plan, what, "a hosted language model answers in seconds at p99: measure it")
        return _unmeasured(plan, budget, HOSTED_LLM_FLOOR_MS, (*found, said))
    return None


# Under this share of what the model's class needs at best, no candidate fits: a fact, not a question.
_FAR_UNDER = 4


def _unmeasured(plan: Plan, budget: int, floor: int, found: tuple[str, ...]) -> Evidence:
    """The evidence of a tight budget nobody has measured a candidate against: high where the budget is
    far under what any model of the class needs (or under any model's floor), else a question, medium."""
    if budget < ANY_MODEL_FLOOR_MS or budget * _FAR_UNDER <= floor:
        return found
    note = "nothing measured yet: does a candidate meet it at p99 on the production hardware?"
    return Tempered(3, (found[0], quote(plan, "constraints.latency.p99_ms", note), *found[2:]))


def _size(plan: Plan) -> tuple[str, ...]:
    return (quote(plan, "constraints.latency.model_size"),) if plan.constraints.latency.model_size else ()


def _language_model(plan: Plan) -> bool:
    """Whether the hosted model answers in language (a generated text, fields read from text): seconds at
    p99. A hosted vision or speech model classifying a photo or a clip answers in a network round trip."""
    if plan.product.task in (TaskType.generation, TaskType.extraction):
        return True
    kinds = set(plan.product.data_kinds)
    if kinds and kinds <= CAPTURED:
        return False  # photos, audio or video classified: a vision or speech model, not a language model
    return bool(plan.constraints.compute.hosted_model)
