"""The question bank: what the interview asks, in which order, and when; plain data, no prompting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planner.model import Plan, field_at, is_answered


class Kind(StrEnum):
    text = "text"
    long_text = "long_text"
    integer = "integer"
    number = "number"
    share = "share"
    choice = "choice"
    multi_choice = "multi_choice"
    yes_no = "yes_no"
    list = "list"  # a list of short texts
    items = "items"  # a list of small records (rules, metrics, FAQ entries...)


@dataclass(frozen=True)
class When:
    """A condition on an earlier answer: answered at all, one of the given values, or above a number."""

    field: str
    among: tuple[Any, ...] | None = None
    above: float | None = None

    def holds(self, plan: Plan) -> bool:
        value = field_at(plan, self.field)
        if not is_answered(value):
            return False
        if self.above is not None and not value > self.above:
            return False
        return self.among is None or value in self.among


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    why: str


@dataclass(frozen=True)
class Question:
    field: str
    kind: Kind
    prompt: str
    help: str
    section: str = ""
    when: tuple[When, ...] = ()

    @property
    def id(self) -> str:
        return self.field

    def applies(self, plan: Plan) -> bool:
        return all(condition.holds(plan) for condition in self.when)

    def answered(self, plan: Plan) -> bool:
        return is_answered(field_at(plan, self.field))


SECTIONS = (
    Section(
        "product",
        "Product goal and ML framing",
        "Start from the service users get, not from 'train a model'. A clear goal and metric "
        "decide everything that follows, including whether ML is needed at all.",
    ),
    Section(
        "heuristics",
        "Heuristic feasibility",
        "You may not need ML. Plain rules plus people for the rest are a real production system, "
        "and the baseline any model must beat.",
    ),
    Section(
        "by_hand",
        "Be the algorithm",
        "Doing the task by hand on real examples shows which signals matter, where the hard cases "
        "are, and how well a person does: the yardstick for any model.",
    ),
    Section(
        "impact",
        "Impact bottleneck",
        "Imagine the model works. Was it worth it? Aim the first model at the part of the pipeline "
        "whose improvement pays the most, and make the project worth doing even if it disappoints.",
    ),
    Section(
        "press_release",
        "Press release",
        "Write the announcement before the work: who benefits and what changes for them. "
        "If it is hard to write, the project may only be 'cool'.",
    ),
    Section(
        "constraints",
        "Constraints",
        "Data, labels, latency, retraining and cost rule out designs before any modelling starts. "
        "Better to learn it now than after the first model.",
    ),
    Section(
        "done",
        "Done criteria and after launch",
        "ML progress is nonlinear: define done, a time box and what you do when it runs out before "
        "tuning anything. Then say who owns the model once it is live.",
    ),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)

_CLASSIFYING = ("classification", "detection", "anomaly_detection")
_RULES_TRIED = ("rules_suffice", "rules_baseline")


def _q(field: str, kind: Kind, prompt: str, help: str, *when: When) -> Question:
    return Question(field=field, kind=kind, prompt=prompt, help=help, when=when)


_BANK: dict[str, tuple[Question, ...]] = {
    "product": (
        _q("owners", Kind.list, "Who owns this plan?", "Names or handles of the people accountable for it."),
        _q(
            "product.goal",
            Kind.text,
            "What service will users get?",
            "Describe the outcome in the users' terms (e.g. 'fraudulent orders never ship'), not the model.",
        ),
        _q("product.users", Kind.text, "Who are the users?", "The people or teams who feel the result."),
        _q(
            "product.pain",
            Kind.text,
            "What hurts for them today?",
            "The pain this plan removes; be concrete.",
        ),
        _q(
            "product.success_metric",
            Kind.text,
            "Which product metric should move?",
            "A business or product number (e.g. chargeback rate), not a model score.",
        ),
        _q(
            "product.metric_measured_today",
            Kind.yes_no,
            "Is that metric measured today?",
            "If not, instrument it first: without it nobody can tell whether the model helped.",
        ),
        _q(
            "product.decision",
            Kind.text,
            "Which decision or action does the prediction feed?",
            "A prediction nobody acts on is worthless; name the action (e.g. 'hold the order for review').",
        ),
        _q(
            "product.decision_owner",
            Kind.text,
            "Who or what takes that decision?",
            "A person, a team or a system; it tells who must trust the output.",
        ),
        _q(
            "product.current_solution",
            Kind.text,
            "How is it solved today?",
            "The current process or workaround, even if it is manual or poor.",
        ),
        _q(
            "product.current_performance",
            Kind.text,
            "How well does today's solution do?",
            "Numbers if you have them; this is the first baseline.",
            When("product.current_solution"),
        ),
        _q(
            "product.task",
            Kind.choice,
            "What kind of ML task is it?",
            "The framing decides data, metrics and effort; pick the simplest that fits.",
        ),
        _q(
            "product.inputs",
            Kind.text,
            "What will the model see when it predicts?",
            "Only what is available at prediction time.",
        ),
        _q(
            "product.output",
            Kind.text,
            "What will it predict?",
            "The output (e.g. 'probability the order is fraud').",
        ),
        _q(
            "product.label",
            Kind.text,
            "What label will it learn from?",
            "The recorded truth for past cases (e.g. 'chargeback within 90 days').",
        ),
        _q(
            "product.label_is_proxy",
            Kind.yes_no,
            "Is the label only a proxy for the goal?",
            "A proxy (clicks for satisfaction) can improve while the goal does not.",
            When("product.label"),
        ),
        _q(
            "product.data_kinds",
            Kind.multi_choice,
            "Which kinds of data are involved?",
            "Images, audio, video and free text rarely yield to hand-written rules.",
        ),
        _q(
            "product.mode",
            Kind.choice,
            "Will it improve a process, augment people, or automate them?",
            "Automating people away needs far more accuracy and a fallback than augmenting them.",
        ),
    ),
    "heuristics": (
        _q(
            "heuristics.rules",
            Kind.items,
            "Which if-then rules could solve it?",
            "List candidate rules (condition -> action), even crude ones; leave it empty if you truly have none.",
        ),
        _q(
            "heuristics.verdict",
            Kind.choice,
            "What happened when you tried rules?",
            "Rules may be all you need, a mediocre baseline, or useless; 'not tried' is an honest answer.",
        ),
        _q(
            "heuristics.coverage",
            Kind.share,
            "What share of cases do the rules handle?",
            "E.g. 60% or 0.6; humans take the rest.",
            When("heuristics.verdict", _RULES_TRIED),
        ),
        _q(
            "heuristics.accuracy",
            Kind.share,
            "Of the cases they handle, what share do they get right?",
            "E.g. 95%; measured on real cases, not guessed.",
            When("heuristics.verdict", _RULES_TRIED),
        ),
        _q(
            "heuristics.humans_handle",
            Kind.text,
            "What do the humans in the loop handle?",
            "Rules plus people is a production system: say what goes to people.",
        ),
    ),
    "by_hand": (
        _q(
            "by_hand.examples",
            Kind.integer,
            "How many real examples did the team do by hand?",
            "Doing 50-200 cases yourself is the cheapest way to learn the problem; 0 is an honest answer.",
        ),
        _q(
            "by_hand.minutes_per_example",
            Kind.number,
            "Minutes per example?",
            "How long a person needs per case; it prices manual labels and human review.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.noticed",
            Kind.list,
            "What did you look at to decide?",
            "Signals you used: candidates for features and for rules.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.hard_cases",
            Kind.list,
            "Which cases were hard?",
            "Ambiguous or rare cases: where the model will struggle and labels disagree.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.human_score",
            Kind.number,
            "How well do humans (or today's system) score on the main metric?",
            "In the units of your primary done metric (e.g. 0.92); it bounds what a model can reach.",
        ),
        _q(
            "by_hand.human_score_notes",
            Kind.text,
            "How was that human score measured?",
            "Who judged, on how many cases.",
            When("by_hand.human_score"),
        ),
        _q(
            "by_hand.expert_can_decide",
            Kind.yes_no,
            "Can an expert decide from only the inputs the model sees?",
            "If an expert cannot, the model likely cannot either: more inputs are needed.",
        ),
        _q(
            "by_hand.expert_available",
            Kind.yes_no,
            "Is a domain expert available to the team?",
            "Experts label, explain hard cases and spot nonsense early.",
        ),
    ),
    "impact": (
        _q(
            "impact.bottleneck",
            Kind.text,
            "Which step, if improved, gives the most value?",
            "E.g. 'reviewers spend 20% of their time on photos that are not circuit boards'.",
        ),
        _q(
            "impact.volume",
            Kind.number,
            "How many items pass through that step per period?",
            "A number; the period comes next.",
        ),
        _q(
            "impact.period",
            Kind.choice,
            "Per what period?",
            "Day, week, month or year.",
            When("impact.volume"),
        ),
        _q(
            "impact.share_addressed",
            Kind.share,
            "What share of those items will the first model address?",
            "E.g. 20%: aim the first model at the easy, high-volume part.",
        ),
        _q(
            "impact.value_per_item",
            Kind.number,
            "Value or time saved per item addressed?",
            "A number; the unit comes next.",
        ),
        _q(
            "impact.value_unit",
            Kind.text,
            "In which unit?",
            "E.g. EUR, USD or minutes.",
            When("impact.value_per_item"),
        ),
        _q(
            "impact.effort_weeks",
            Kind.number,
            "Effort to a first model in production, in person-weeks?",
            "A rough estimate; it is set against the value above.",
        ),
        _q(
            "impact.worth_it",
            Kind.yes_no,
            "Imagine the model works: was it worth that effort?",
            "If a perfect model would not pay, stop here.",
        ),
        _q(
            "impact.if_it_fails",
            Kind.text,
            "If the model disappoints, what do you still learn or keep?",
            "The best projects pay off whatever the outcome (data cleaned, a process measured).",
        ),
        _q(
            "impact.costlier_error",
            Kind.choice,
            "Which error costs more?",
            "It sets the metric and the decision threshold.",
        ),
    ),
    "press_release": (
        _q(
            "press_release.headline",
            Kind.text,
            "Headline of the launch announcement?",
            "One line a user would care about.",
        ),
        _q(
            "press_release.problem",
            Kind.long_text,
            "The user's problem, in their words?",
            "Who suffers, how often, what it costs them.",
        ),
        _q(
            "press_release.solution",
            Kind.long_text,
            "How does the product solve it?",
            "What changes for the user; no model talk.",
        ),
        _q(
            "press_release.quote",
            Kind.long_text,
            "A quote from a happy user?",
            "What they would say after a month.",
        ),
        _q("press_release.call_to_action", Kind.text, "How do users start?", "The first step for a user."),
        _q(
            "press_release.faq",
            Kind.items,
            "Which questions will people ask?",
            "Include the hard ones: what if it is wrong, what does it cost, what data does it use.",
        ),
    ),
    "constraints": (
        _q(
            "constraints.data.sources",
            Kind.items,
            "Where does the data come from?",
            "Each source, and whether it is your own, a vendor's, public, or still to collect.",
        ),
        _q(
            "constraints.data.labels",
            Kind.choice,
            "Where do labels come from?",
            "No labels is the most common reason an ML project stalls.",
        ),
        _q(
            "constraints.data.label_delay_days",
            Kind.number,
            "Days until the real-world outcome is known?",
            "E.g. chargebacks arrive up to 90 days later; it limits retraining and monitoring.",
            When("constraints.data.labels", ("outcomes",)),
        ),
        _q(
            "constraints.data.labeled_examples",
            Kind.integer,
            "How many labeled examples exist today?",
            "Count, not guess; zero is fine.",
            When("constraints.data.labels", ("existing", "outcomes", "manual", "vendor", "proxy")),
        ),
        _q(
            "constraints.data.rarest_class_share",
            Kind.share,
            "Share of the rarest class that matters?",
            "E.g. 0.5% fraud; accuracy means nothing for rare classes.",
            When("product.task", _CLASSIFYING),
        ),
        _q(
            "constraints.data.versioned",
            Kind.yes_no,
            "Is raw data versioned and never overwritten?",
            "Without it, no result can be reproduced.",
        ),
        _q(
            "constraints.data.personal_data",
            Kind.yes_no,
            "Does the data hold personal data?",
            "Privacy review and retention rules take time: start them now.",
        ),
        _q(
            "constraints.data.test_set_reflects_product",
            Kind.yes_no,
            "Does the test data look like what the product will see?",
            "Same sources, period and population as production.",
        ),
        _q(
            "constraints.latency.serving",
            Kind.choice,
            "How are predictions served?",
            "Batch precomputes; online answers a request; interactive means a person waits.",
        ),
        _q(
            "constraints.latency.p99_ms",
            Kind.integer,
            "The p99 latency budget in milliseconds?",
            "The slowest 1% of predictions must fit in it.",
            When("constraints.latency.serving", ("online", "interactive")),
        ),
        _q(
            "constraints.latency.model_size",
            Kind.choice,
            "Which model size class do you expect?",
            "Start small; big models cost latency, money and maintenance.",
        ),
        _q(
            "constraints.retraining.cadence",
            Kind.choice,
            "How often must the model be retrained?",
            "The more often, the more labels, compute and care it needs.",
        ),
        _q(
            "constraints.retraining.trigger",
            Kind.text,
            "What else triggers a retraining?",
            "E.g. drift alarm, new product line.",
            When(
                "constraints.retraining.cadence",
                ("yearly", "quarterly", "monthly", "weekly", "daily", "continuous"),
            ),
        ),
        _q(
            "constraints.compute.budget_per_month",
            Kind.number,
            "Compute and service budget per month?",
            "In your currency; 0 if there is none.",
        ),
        _q("constraints.compute.hardware", Kind.choice, "Where does it run?", "CPU, GPU or edge devices."),
        _q(
            "constraints.compute.hosted_service",
            Kind.yes_no,
            "Will it rely on a hosted (black-box) ML service?",
            "Convenient, but hard to tune, debug and leave.",
        ),
        _q(
            "constraints.explainability_required",
            Kind.yes_no,
            "Must each prediction be explained?",
            "To users, auditors or regulators; it limits the model families you can use.",
        ),
    ),
    "done": (
        _q(
            "done.metrics",
            Kind.items,
            "Which metrics define done?",
            "The first is primary. Give the dataset, today's baseline, the target and the direction.",
        ),
        _q(
            "done.split",
            Kind.choice,
            "How is test data split from training data?",
            "By time or by group when the product predicts the future or new customers.",
        ),
        _q(
            "done.test_size",
            Kind.integer,
            "How many examples in the test set?",
            "Enough rare cases to trust the score.",
        ),
        _q(
            "done.timebox_weeks",
            Kind.number,
            "Time box in weeks?",
            "When it runs out you decide: ship, continue, re-scope or fold. 4-6 weeks is a common start.",
        ),
        _q(
            "done.fold_action",
            Kind.text,
            "What will you do if the time box runs out short of the target?",
            "E.g. 'ship the rules and stop', 'collect labels for a quarter'.",
            When("done.timebox_weeks"),
        ),
        _q(
            "done.when_met",
            Kind.text,
            "What happens when the target is met?",
            "E.g. 'A/B test on 10% of traffic'.",
        ),
        _q(
            "after_launch.owner",
            Kind.text,
            "Who owns the model once it is live?",
            "A named team that watches it and retrains it.",
        ),
        _q(
            "after_launch.monitoring",
            Kind.items,
            "What will you monitor, and when does it alert?",
            "Input drift, output rates, the product metric.",
        ),
        _q(
            "after_launch.fallback",
            Kind.text,
            "What happens when the model is wrong or down?",
            "Design the product to fail gracefully (e.g. fall back to the rules).",
        ),
    ),
}

QUESTIONS: tuple[Question, ...] = tuple(
    Question(**{**question.__dict__, "section": key})
    for key, questions in _BANK.items()
    for question in questions
)
BY_FIELD = {question.field: question for question in QUESTIONS}
