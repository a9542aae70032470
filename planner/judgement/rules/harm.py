"""The kind of harm sets the floor of how seriously an error is taken, when the team rated it minor.

A team rates its errors (`impact.error_severity`) for the typical case, and a recommendation that can
injure (a route, a dose, an exercise, a load) is often rated minor because most of its errors are. A lead
reads the kind of harm beside it (`impact.harm_kinds`): a rating of moderate or above stands, but an
error that can hurt someone's health or safety, or take away their rights or access, is no minor one: it
is at least moderate, and serious where it is health and the output acts on the person alone
(`product.mode` automate, or the circumstance commits_alone), with nobody to catch it. Where the person
keeps a way back (a person decides, the service stays open to them), the indirect harm does not make
every error serious. `effective_severity` is that reading, the one every rule gating on the severity
uses; a plan that names no such harm keeps its own rating, exactly as before.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, ticked
from planner.plan.model import Category, Circumstance, Mode, Plan, Serving, Severity
from planner.plan.stakes import HarmKind

# The ratings at which an error hurts enough to gate the stronger advice on.
SERIOUS = frozenset({Severity.serious, Severity.severe})
# A rating the kinds lift: none said, or minor. Moderate or above is the team's to keep.
_LIFTED = (None, Severity.minor)
# The kinds of harm that lift a minor rating, as the evidence names them; the kinds absent here leave the
# team's rating as it is.
_SAID = {HarmKind.health: "someone's health or safety", HarmKind.rights: "someone's rights or access"}


def _acts_alone(plan: Plan) -> bool:
    """The output acts on the person by itself: automatic, or it commits alone, unchecked."""
    return plan.product.mode is Mode.automate or ticked(plan, Circumstance.commits_alone) is not None


def _floor(plan: Plan) -> tuple[Severity, tuple[HarmKind, ...]] | None:
    """The least severity the ticked kinds of harm carry, and the kinds that carry it; None without one:
    moderate, or serious for a harm to health where the output acts on the person alone."""
    kinds = tuple(kind for kind in plan.impact.harm_kinds if kind in _SAID)
    if not kinds:
        return None
    if HarmKind.health in kinds and _acts_alone(plan):
        return Severity.serious, (HarmKind.health,)
    return Severity.moderate, kinds


def effective_severity(plan: Plan) -> Severity | None:
    """How seriously an error is taken: the team's rating, a minor one (or none) raised to the floor
    its kinds of harm carry."""
    raised = _raised(plan)
    return plan.impact.error_severity if raised is None else raised[0]


def serious_harm(plan: Plan) -> bool:
    """An error is serious or severe, as `effective_severity` reads it."""
    return effective_severity(plan) in SERIOUS


def unattended_minor(plan: Plan) -> bool:
    """A batch job that runs without a person deciding, whose errors are rated below serious."""
    severity = effective_severity(plan)
    return (
        plan.constraints.latency.serving is Serving.batch
        and plan.product.mode is not Mode.augment
        and severity in (Severity.minor, Severity.moderate)
    )


def _raised(plan: Plan) -> tuple[Severity, tuple[HarmKind, ...]] | None:
    """The floor and its kinds where they raise the team's rating (or stand in for a missing one)."""
    if plan.impact.error_severity not in _LIFTED:
        return None  # moderate or above: the team's rating stands
    return _floor(plan)


def severity_quote(plan: Plan, note: str = "") -> str:
    """The severity quoted as evidence: the team's rating, noting the kind of harm where it raises it."""
    raised = _raised(plan)
    if raised is None:
        return quote(plan, "impact.error_severity", note)
    floor, kinds = raised
    harmed = " and ".join(_SAID[kind] for kind in kinds)
    if plan.impact.error_severity is None:
        return quote(plan, "impact.harm_kinds", f"an error that harms {harmed} is at least {floor.value}")
    return quote(plan, "impact.error_severity", f"taken as {floor.value}: impact.harm_kinds names {harmed}")


def severity_is(plan: Plan, *levels: Severity) -> Evidence:
    """The severity quoted when the effective one is among `levels` (as `answer_is` reads an answer)."""
    return (severity_quote(plan),) if effective_severity(plan) in levels else None


_HEALTH = {"impact.harm_kinds": ["health"]}


@rule(
    "harm-kind-outranks-rating",
    Category.ethics,
    likelihood=4,
    impact=3,
    move=Move(
        "Rate the error by the harm it can do, not by the typical case",
        "An error that can hurt someone's health or take away their rights or access is no minor one: at "
        "least moderate, and serious where it harms health and the output acts on the person alone; count "
        "that error in the done metrics, keep a person's check or a hard limit outside the model on it, and "
        "name the fallback when it happens",
        "warning",
    ),
    fires=(
        Case(
            {**_HEALTH, "impact.error_severity": "minor"},  # a clerk decides: no more than moderate
            evidence=(
                'impact.error_severity: "minor" (taken as moderate: impact.harm_kinds names someone\'s health '
                "or safety)",
                'impact.harm_kinds: ["health"]',
            ),
        ),
        Case({"impact.harm_kinds": ["money", "rights"], "impact.error_severity": "minor"}),
        Case(  # the output acts on the person alone: health lifts the rating to serious
            {**_HEALTH, "impact.error_severity": "minor", "product.mode": "automate"},
            evidence=(
                'impact.error_severity: "minor" (taken as serious: impact.harm_kinds names someone\'s health '
                "or safety)",
                'impact.harm_kinds: ["health"]',
            ),
        ),
    ),
    quiet=(
        Case({"impact.harm_kinds": ["money", "rights"], "impact.error_severity": "moderate"}),  # it stands
        Case({**_HEALTH, "impact.error_severity": "moderate", "product.mode": "automate"}),  # it stands
        Case({**_HEALTH, "impact.error_severity": "serious"}),  # rated as the harm deserves
        Case({**_HEALTH, "impact.error_severity": "severe"}),
        Case({"impact.harm_kinds": ["money"], "impact.error_severity": "minor"}),  # money sets no floor
        Case({"impact.harm_kinds": ["trust", "privacy"], "impact.error_severity": "minor"}),
        Case({**_HEALTH, "impact.error_severity": None}),  # no rating to disagree with
        Case({"impact.harm_kinds": [], "impact.error_severity": "minor"}),
    ),
)
def harm_kind_outranks_rating(plan: Plan) -> Evidence:
    """The error is rated below the harm it can do.

    The team rated its errors minor, by the typical case, but names a harm to someone's health or safety,
    or to their rights or access (a benefit, a service, a job, legal standing). Such an error is at least
    moderate however rare it is, and serious where it harms health and the output acts on the person
    alone: a route, a dose, an exercise or a load recommended wrongly can injure, and
    a refusal wrongly made takes away what a person is owed. Rated minor, it gets no metric, no check and
    no fallback, and nobody counts it until it happens.

    Mitigation: Rate the error by the harm it can do; count that error on its own in the done metrics
    with a limit; keep a person's check or a hard limit outside the model (a maximum dose, a load, a
    closed road) on the cases it can hurt; and name the fallback, and who acts, when it happens.
    """
    raised = _raised(plan)
    if raised is None or plan.impact.error_severity is None:
        return None
    return (severity_quote(plan), quote(plan, "impact.harm_kinds"))
