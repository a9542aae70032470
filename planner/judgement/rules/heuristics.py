"""Rules on the baseline a model must beat: plain rules tried at all or already enough, today's process measured."""

from __future__ import annotations

from planner.judgement.rules.base import (
    RULES_ENOUGH_ACCURACY,
    RULES_ENOUGH_COVERAGE,
    Case,
    Evidence,
    Instead,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import (
    answer_at,
    answer_is,
    at_least_as_good,
    done_metrics,
    quote,
    says_nothing,
)
from planner.judgement.rules.scope import RULES, another_label
from planner.judgement.rules.today import states_a_rate
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import UNSTRUCTURED, Category, DataKind, DoneTodayBy, Plan, RulesVerdict, TaskType

# Records rather than prose or recordings: what a template can fill into fixed sentences.
STRUCTURED = frozenset({DataKind.tabular, DataKind.time_series})

_TRY_RULES = Move(
    "Try plain rules before modelling",
    "A few days of obvious rules give the baseline a model must beat, and maybe the first release",
    "warning",
    first=True,
)


@rule(
    "rules-may-suffice",
    Category.product,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {"heuristics.verdict": "rules_suffice"},
            evidence=(
                'heuristics.verdict: "rules_suffice"',
                "heuristics.coverage: 0.4",
                "heuristics.accuracy: 0.9",
            ),
        ),
        Case(
            {"heuristics.coverage": 0.85, "heuristics.accuracy": 0.97},
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
            ),
        ),
        Case(  # the rules decide another label than the model's: asked, medium
            {
                "heuristics.coverage": 0.85,
                "heuristics.accuracy": 0.97,
                "product.outcomes": ["duplicate", "distinct"],
                "heuristics.rules[0].predicts": "same supplier",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
                'heuristics.rules[0].predicts: "same supplier" (not one of product.outcomes)',
                "do the rules decide the same thing the model must?",
            ),
        ),
        Case(  # the rules' action names another outcome than the model's label: asked, medium
            {
                "heuristics.coverage": 0.85,
                "heuristics.accuracy": 0.97,
                "product.label": "The component replaced, from the repair record.",
                "heuristics.rules[0].action": "Classify as a door fault.",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
                'heuristics.rules[0].action: "Classify as a door fault." (decides "a door fault", not what '
                "product.output or product.label name)",
                "do the rules decide the same thing the model must?",
            ),
        ),
        Case(  # today's rules are said to decide the kind of fault; the model must find its cause
            {
                "heuristics.coverage": 0.85,
                "heuristics.accuracy": 0.97,
                "product.output": "The root-cause component of the fault.",
                "product.current_solution": "Our rules map alarm codes to a fault type.",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
                'product.current_solution: "Our rules map alarm codes to a fault type." (the rules decide the '
                "type; the model the cause)",
                "do the rules decide the same thing the model must?",
            ),
        ),
        Case(  # the done metric is measured against the rules: the plan counts them, medium
            {
                "heuristics.coverage": 0.85,
                "heuristics.accuracy": 0.97,
                "done.metrics[0].baseline_name": "the two hold rules",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
                'done.metrics[0].baseline_name: "the two hold rules" (the model is measured against the rules)',
            ),
        ),
        Case(  # the rules run the nightly job today; the plan must beat them on a stated figure: low
            {
                "heuristics.coverage": 0.85,
                "heuristics.accuracy": 0.97,
                "product.current_solution": "A nightly job applies our rules to pick the restock quantities.",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline"',
                "heuristics.coverage: 0.85",
                "heuristics.accuracy: 0.97",
                'product.current_solution: "A nightly job applies our rules to pick the restock quantities." '
                "(the rules run today)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (the plan aims past the rules on '
                "this figure: 0.45 to 0.75)",
            ),
        ),
    ),
    quiet=(Case({"heuristics.coverage": 0.85, "heuristics.accuracy": 0.9}),),
)
def rules_may_suffice(plan: Plan) -> Evidence:
    """Plain rules may already be enough.

    The team's own answers say rules handle the problem; a model would add data, training,
    serving and upkeep for a gain nobody has shown yet.

    Mitigation: Ship the rules with people for the rest, measure them on the done metric, and
    build a model only if it must beat them by a margin worth its upkeep.
    """
    heuristics = plan.heuristics
    if heuristics.verdict is RulesVerdict.rules_suffice:
        measured = [
            name for name in ("coverage", "accuracy") if answer_at(plan, f"heuristics.{name}") is not None
        ]
        # The team chose the rules itself: a reminder to hold a model to them, not a high risk.
        return Tempered(3, (quote(plan, f"heuristics.{name}") for name in ("verdict", *measured)))
    if (
        heuristics.verdict is RulesVerdict.rules_baseline
        and (heuristics.coverage_figure or 0) >= RULES_ENOUGH_COVERAGE
        and (heuristics.accuracy_figure or 0) >= RULES_ENOUGH_ACCURACY
    ):
        found = tuple(quote(plan, f"heuristics.{name}") for name in ("verdict", "coverage", "accuracy"))
        # Rules that decide another label than the model's (the fault type, where the model must find
        # the cause) solve an easier task; a done metric measured against the rules already holds the
        # model to them: both are a question for the team, not a stop.
        other = another_label(plan)
        if other:
            return Tempered(3, (*found, other, "do the rules decide the same thing the model must?"))
        against = _held_to_the_rules(plan)
        if against:
            return Tempered(3, (*found, against))
        beaten = _incumbent_to_beat(plan)
        if beaten:
            # The rules are what runs today and the plan aims past them on a stated figure: the
            # question is that margin, not whether to build at all.
            return Tempered(2, (*found, *beaten))
        return found
    return None


def _incumbent_to_beat(plan: Plan) -> tuple[str, ...] | None:
    """Today's process (quoted) when it is the rules, and the done metric set to do better than today."""
    today = plan.product.current_solution
    if not today or says_nothing(today) or not mentions(today, RULES):
        return None
    for path, metric in done_metrics(plan):
        baseline, goal = metric.baseline_figure, metric.goal()
        if (
            baseline is not None
            and goal is not None
            and not at_least_as_good(baseline, goal, metric.direction)
        ):
            note = f"the plan aims past the rules on this figure: {baseline:g} to {goal:g}"
            return (
                quote(plan, "product.current_solution", "the rules run today"),
                quote(plan, f"{path}.name", note),
            )
    return None


def _held_to_the_rules(plan: Plan) -> str | None:
    """The done metric whose baseline is the rules, quoted: the team's plan already counts them."""
    for path, metric in done_metrics(plan):
        if mentions(metric.baseline_name, RULES):
            return quote(plan, f"{path}.baseline_name", "the model is measured against the rules")
    return None


_PHOTOS = {  # cracks segmented in photos; nothing says how well today's process does
    "heuristics.verdict": "not_tried",
    "product.task": "segmentation",
    "product.data_kinds": ["images"],
    "product.current_performance": None,
    "by_hand.human_score": None,
    "done.metrics[0].baseline": None,
}
_METERS = {**_PHOTOS, "product.task": "extraction"}  # meter readings keyed off photos: keyers are the bar


def perceives(plan: Plan) -> bool:
    """Whether the model reads only images, sound, video or free text: no if-then rule finds a lesion in a
    photo or a call's intent in a recording, so today's process (people, or the current tool) is the yardstick."""
    kinds = plan.product.data_kinds
    return bool(kinds) and all(kind in UNSTRUCTURED for kind in kinds)


_MEASURE_TODAY = Instead(
    perceives,
    Move(
        "Measure today's process on the same cases",
        "No plain rule reads images, sound or free text; people's (or today's tool's) results on the test "
        "cases are the baseline a model must beat",
        "warning",
        first=True,
    ),
    "Score today's process (the people, or the current tool) on the same test cases and the primary "
    "metric, and record it as the baseline.",
    title="Today's process is not measured on the same cases",
)


def _experts_unmeasured(plan: Plan) -> bool:
    """Whether experts take a decision today (keying a form's values is none), no rule was tried, and today's
    value of the primary done metric is not measured: their judgement is the yardstick, never written down."""
    metrics = plan.done.metrics
    return (
        plan.product.task is not TaskType.extraction
        and plan.by_hand.done_today_by is DoneTodayBy.our_experts
        and plan.heuristics.verdict is RulesVerdict.not_tried
        and bool(metrics)
        and metrics[0].baseline == "not measured"
        and plan.by_hand.human_figure is None
    )


# Experts decide by eye today: the cues they go by, written down as a guide, are the first baseline.
_EXPERTS_GUIDE = Instead(
    lambda plan: perceives(plan) and _experts_unmeasured(plan),
    Move(
        "Write down the experts' decision guide and measure it as the first baseline",
        "No rule reads the picture, but the experts go by cues they can name (what they look for, what they "
        "ask, when they send it on): write that guide with them, with the checks on the answer's form and "
        "the fallback when unsure, and score it and the experts on the test cases before the model",
        "info",
    ),
    "Sit with the experts and write down how they decide (the cues, the questions they ask, the fallback "
    "when unsure); score that guide and the experts themselves on the test cases and the primary metric.",
    title="The experts' way of deciding is neither written down nor measured",
)


# A template filling a record's fields into fixed sentences is the non-ML baseline (shared move, shown once).
FILL_IN_TEMPLATE = Move(
    "Build the fill-in template from the structured fields, and make the model beat it on accuracy",
    "Where the inputs are fields of a record, a template that fills them into fixed sentences is "
    "right on every fact by construction: measure it on the done metric first, and keep the model "
    "only where it is as accurate and adds what readers value",
)


def _writes_from_fields(plan: Plan) -> bool:
    kinds = set(plan.product.data_kinds)
    return plan.product.task is TaskType.generation and bool(kinds) and kinds <= STRUCTURED


_FROM_THE_FIELDS = Instead(
    _writes_from_fields,
    FILL_IN_TEMPLATE,
    "Fill the record's fields into fixed sentences, score that template on the done metric, facts "
    "included, and keep the model only where it is as accurate and reads better.",
    title="No fill-in template measured as the baseline for the text",
)
# Text from findings or notes: one fixed sentence per finding often does most of it, and invents no fact.
_SENTENCE_PER_FINDING = Instead(
    lambda plan: plan.product.task is TaskType.generation,
    Move(
        "Measure fixed sentences per finding, and today's writers, before the model",
        "Plain rules write no prose, but a template with one fixed sentence per finding, outcome or code "
        "often covers most of the text and never invents a fact: score it and a sample of today's texts on "
        "the done metric, and keep the model only where it beats both",
        "warning",
        first=True,
    ),
    "Write one fixed sentence per finding, outcome or code the text must state, fill it from the record, "
    "and score it beside a sample of today's texts on the done metric; keep the model only where it is as "
    "accurate and adds what readers value.",
    title="No template or today's writers measured as the baseline for the text",
)


@rule(
    "no-non-ml-baseline",
    Category.model,
    likelihood=4,
    impact=3,
    move=_TRY_RULES,
    instead=(_FROM_THE_FIELDS, _SENTENCE_PER_FINDING, _EXPERTS_GUIDE, _MEASURE_TODAY),
    fires=(
        Case({"heuristics.verdict": "not_tried"}, evidence=('heuristics.verdict: "not_tried"',)),
        Case(_PHOTOS, evidence=('heuristics.verdict: "not_tried"',)),  # photos, and today is not measured
        Case(  # photos experts judge today: a rate of the whole process, theirs on the metric not measured
            {
                **_PHOTOS,
                "by_hand.done_today_by": "our_experts",
                "product.current_performance": "About 9% of the repaired frames come back within a year.",
                "done.metrics[0].baseline": "not measured",
            },
            evidence=(
                'heuristics.verdict: "not_tried"',
                'done.metrics[0].baseline: "not measured" (experts decide today; not measured on the done '
                "metric, their way never written down)",
            ),
        ),
        Case({**_METERS, "by_hand.done_today_by": "our_experts", "done.metrics[0].baseline": "not measured"}),
        Case(  # a generation task with no measured figure of today's work: still no yardstick
            {
                "heuristics.verdict": "not_tried",
                "product.task": "generation",
                "product.current_performance": None,
                "done.metrics[0].baseline": None,
                "by_hand.human_score": None,
            },
            evidence=('heuristics.verdict: "not_tried"',),
        ),
        Case(  # a time per report is a cost, not how good the reports are: no template nor writers measured
            {
                "heuristics.verdict": "not_tried",
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.current_performance": "A surveyor takes 40 minutes to write each report.",
                "done.metrics[0].baseline": None,
                "by_hand.human_score": None,
            },
            evidence=('heuristics.verdict: "not_tried"',),
        ),
        Case(  # a target set against a published figure: nobody's work on these cases is the bar
            {
                "heuristics.verdict": "not_tried",
                "by_hand.done_today_by": "our_experts",
                "done.metrics": [
                    {"name": "AUC", "baseline_name": "scores in the literature", "target": "no worse"}
                ],
            },
            evidence=('heuristics.verdict: "not_tried"',),
        ),
        Case(  # a yardstick from the literature: the obvious rule is still unmeasured on the team's cases
            {
                "heuristics.verdict": "not_tried",
                "done.metrics": [
                    {
                        "name": "AUC",
                        "baseline": 0.7,
                        "baseline_name": "scores in the peer-reviewed literature",
                    }
                ],
            }
        ),
    ),
    quiet=(
        Case(  # cracks found in photos: no rule does that, and the inspectors' own rate is the yardstick
            {
                **_PHOTOS,
                "product.current_performance": "A flight-line audit finds inspectors catch 7 of 10 cracks.",
            }
        ),
        Case(  # callers' intent from recorded calls: the agents' own score is stated
            {
                **_PHOTOS,
                "product.task": "classification",
                "product.data_kinds": ["audio"],
                "by_hand.human_score": 0.74,
            }
        ),
        Case(  # a drafter whose human baseline is measured: that is the yardstick; rules write no text
            {
                "heuristics.verdict": "not_tried",
                "product.task": "generation",
                "product.current_performance": "Clerks draft a dispute letter in 14 minutes; 8% need a rewrite.",
            }
        ),
        Case(  # dispatchers' logged durations on the same jobs are the bar the target is set against
            {
                "heuristics.verdict": "not_tried",
                "by_hand.done_today_by": "our_experts",
                "done.metrics": [
                    {
                        "name": "Median absolute error of repair durations (hours)",
                        "baseline": "not measured",
                        "baseline_name": "the dispatchers' logged estimates for the same call-outs",
                        "target": "no worse than the baseline",
                        "direction": "lower",
                    }
                ],
            }
        ),
        Case(  # today's estimators measured on the metric: a yardstick the model is compared with
            {
                "heuristics.verdict": "not_tried",
                "done.metrics": [
                    {
                        "name": "Median absolute error (fitter-hours)",
                        "baseline": 1.4,
                        "baseline_name": "estimators",
                        "target": 1.1,
                        "direction": "lower",
                    }
                ],
            }
        ),
    ),
)
def no_non_ml_baseline(plan: Plan) -> Evidence:
    """Rules never tried: no non-ML baseline.

    Without a rule-based yardstick nobody can tell whether a model adds anything, and plain rules
    often get a good part of the way for a fraction of the cost.

    Mitigation: Spend a few days writing the obvious rules and measure them on real cases; they
    become the baseline, and maybe the first release.
    """
    if plan.product.task is TaskType.generation and _todays_rate_known(plan):
        # text to write: people's work measured for quality is the yardstick (a time per text is a cost)
        return None
    found = answer_is(plan, "heuristics.verdict", RulesVerdict.not_tried)
    if found and _against_peoples_record(plan):
        return None  # people's own decisions on the test cases are the bar: the yardstick a rule would give
    if perceives(plan) and _todays_rate_known(plan):
        if found and _experts_unmeasured(plan):
            # a rate of today's process, but not the experts' own on the metric: their guide, low
            note = "experts decide today; not measured on the done metric, their way never written down"
            return Tempered(2, (*found, quote(plan, "done.metrics[0].baseline", note)))
        return None  # images, sound or free text: today's process, measured, is the yardstick; rules do not read them
    named = [
        (i, m.baseline_name)
        for i, m in enumerate(plan.done.metrics)
        if m.baseline_figure is not None and m.baseline_name
    ]
    if found is None or not named:
        return found
    unmeasured = _published_yardstick(plan, named)
    if unmeasured is None:
        return None  # a named yardstick (today's estimators) is measured on the metric: the model is compared
    return (*found, *unmeasured)


# Words that say a baseline figure was taken from elsewhere, not measured on the team's own cases.
_PUBLISHED = Lexicon("""
    published, literature, peer-reviewed, papers, external validation, vendor's figure, vendor's claim
""")


def _against_peoples_record(plan: Plan) -> bool:
    """Whether people decide today and the primary done metric's target is set against a named baseline, not
    a published figure: the model is scored beside people's own decisions on the same test cases."""
    metrics, today = plan.done.metrics, plan.by_hand.done_today_by
    if not metrics or today not in (DoneTodayBy.our_experts, DoneTodayBy.other_staff):
        return False
    name = metrics[0].baseline_name
    named = bool(name) and not says_nothing(name) and not _PUBLISHED.find(name)
    return named and metrics[0].relative_target is not None


def _published_yardstick(plan: Plan, named: list[tuple[int, str]]) -> Evidence:
    """The named yardsticks, quoted, when each is a published figure: none measures an obvious rule (or
    anything) on the team's own cases."""
    if all(_PUBLISHED.find(name) for _, name in named):
        note = "a published figure, not the obvious rule measured on these cases"
        return tuple(quote(plan, f"done.metrics[{i}].baseline_name", note) for i, _ in named)
    return None


def _todays_rate_known(plan: Plan) -> bool:
    """Whether the plan states how well today's process does the task: people's score on the primary metric,
    the primary metric's baseline, or a rate in today's performance (not a throughput alone)."""
    metrics = plan.done.metrics
    primary = metrics[0].baseline_figure if metrics else None
    return (
        plan.by_hand.human_figure is not None
        or primary is not None
        or states_a_rate(plan.product.current_performance)
    )
