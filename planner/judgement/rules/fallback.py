"""Rules on the fallback: none where an automated error hurts people, or one that leans on the people the
model replaces (when it is down or wrong, the work goes back to staff the plan itself frees, reassigns or
lets go)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, answer_is, quote, says_nothing
from planner.judgement.rules.harm import severity_is
from planner.judgement.rules.itemsleave import said_of_items
from planner.judgement.rules.lexicon import HARMFUL
from planner.judgement.rules.words import Lexicon, mentions, phrases
from planner.plan.model import Category, Mode, Plan, Severity

# The fallback hands the work back to people doing it by hand.
BY_HAND = Lexicon("""
    by hand, manually, manual, manual process, manual check, manual checks, manual grading, manual review
    back to people, back to staff, back to the team, staff take over, people take over, the team takes over
    revert to, reverts to, fall back to staff, falls back to staff, fall back to people, falls back to people
    as today, as it is done today, the old process, today's process, move back to, moves back to, go back to
    goes back to, step back in, steps back in, take over again, takes over again
""")

# The plan frees, moves or lets go of the people doing the work today.
GONE = Lexicon(
    """
    redeploy, redeployed, redeploying, redeployment, reassign, reassigned, reassigning, frees up, free up
    freed up, no longer needed, no longer need, headcount, full-time equivalents, fte, ftes, retire
    retiring, retirement, wind down, phase out, phased out, phasing out, let go, lay off, laid off
    layoffs, not replaced, will not be replaced, posts cut, roles cut, saves staff, fewer staff
    move to other work, moved to other work, other duties, no longer staffed, contract ends, move to, moves to
    moved to, moving to, released to, transfer to, transferred to
""",
    # the project itself moving on (`move to phase 2`, `moves to production`), or a booking moved to another
    # date (`move to another date`), not its people
    unless=phrases(
        "move to, moves to, moved to, moving to, transfer to, transferred to, released to",
        """phase, phases, stage, stages, step, steps, the next, next, a second, the second, a later, production
        live, the pilot, pilot, a pilot, the cloud, rollout, roll-out, full rollout, general availability
        version, release, the next phase, the next stage, another date, another day, another slot
        another time, another week, another flight, a new date, a different date, a different day
        a different slot, an earlier date, an earlier slot""",
    ),
)

# A size of the work in people (`1.5 FTE`) says what it costs today, not that the plan lets anyone go:
# it counts only beside words of saving or cutting it.
STAFF_MEASURE = Lexicon("headcount, full-time equivalents, fte, ftes")
STAFF_SAVED = Lexicon("""
    save, saves, saved, saving, savings, free, frees, freed, cut, cuts, reduce, reduces, reduced, reduction
    fewer, less, lower, lowers, release, releases, released, redeploy, redeployed, no longer, instead of
""")

# The plan keeps that skill alive: some of the people stay on call, trained, practising.
KEPT = Lexicon("""
    on call, on standby, standby, retain, retained, retains, keep two, keep one, keep three, keep a team
    keep some, kept trained, stay trained, stays trained, refresher, refreshers, drill, drills, rehearse
    rehearsed, practise, practised, practice runs, rota, rotas, cross-trained, keep the skill, keeps the skill
""")

_GONE_IN = (
    "product.goal",
    "product.pain",
    "product.decision",
    "impact.bottleneck",
    "done.when_met",
    "impact.if_it_fails",
    "press_release.solution",
)
_KEPT_IN = ("after_launch.fallback", "after_launch.owner", "heuristics.humans_handle")


@rule(
    "fallback-needs-the-people-removed",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep the fallback staffed and practised, or plan one that needs no one the plan lets go",
        "When the model is down or drifts, the work goes back to people doing it by hand, yet the plan frees "
        "those people: keep a few trained and on a rota, rehearse the switch back (how long, at what volume), "
        "or choose a fallback that needs no one (the rules, a safe default, holding the items)",
        "warning",
    ),
    ask="the fallback is people doing it by hand: will they still be there, and able to, once the model takes over?",
    fires=(
        Case(
            {
                "product.mode": "automate",
                "after_launch.fallback": "Graders go back to manual grading.",
                "press_release.solution": "Cameras grade each lot; the four graders are redeployed.",
            },
            evidence=(
                'after_launch.fallback: "Graders go back to manual grading." (go back to, manual grading: the '
                "work goes back to people)",
                'press_release.solution: "Cameras grade each lot; the four graders are redeployed." (redeployed: '
                "the plan moves those people on)",
                "nothing keeps them trained or on call (after_launch.fallback, after_launch.owner, "
                "heuristics.humans_handle)",
            ),
        ),
        Case(  # the size in people is what the plan saves
            {
                "product.mode": "automate",
                "after_launch.fallback": "Dispatchers route the lorries by hand as today.",
                "product.goal": "Save 2 FTE of re-routing calls each winter.",
            },
        ),
    ),
    quiet=(
        Case(  # the people stay trained and on a rota
            {
                "product.mode": "automate",
                "after_launch.fallback": "Graders go back to manual grading; two stay trained on a rota.",
                "press_release.solution": "Cameras grade each lot; the four graders are redeployed.",
            }
        ),
        Case(  # nobody is moved on
            {
                "product.mode": "automate",
                "after_launch.fallback": "Graders go back to manual grading.",
                "press_release.solution": "Cameras grade each lot; graders take the hard lots.",
            }
        ),
        Case(  # FTE measures today's work, and nothing says it is saved: nobody is moved on
            {
                "product.mode": "automate",
                "after_launch.fallback": "Dispatchers route the lorries by hand as today.",
                "product.pain": "Re-routing calls after late loads take about 2 FTE each winter.",
                "press_release.solution": "A text lets each customer move to another date in one tap.",
            }
        ),
        Case(  # the decision retires batteries: `retire` in the decision is about them, not the staff
            {
                "product.mode": "automate",
                "after_launch.fallback": "Technicians test each battery by hand as today.",
                "product.output": "Whether each forklift battery should be retired",
                "product.decision": "Batteries the model marks are sent for recycling; the retire call is logged.",
            }
        ),
        Case(  # people stay the deciders
            {
                "product.mode": "augment",
                "after_launch.fallback": "Graders go back to manual grading.",
                "press_release.solution": "Cameras grade each lot; the four graders are redeployed.",
            }
        ),
    ),
)
def fallback_needs_the_people_removed(plan: Plan) -> Evidence:
    """The fallback needs the people the plan removes.

    An automated model's fallback is often "people do it by hand again". The same plan counts its value
    in the people it frees, moves to other work or does not replace. Months later, when the model is down
    or drifts, those people are gone, busy elsewhere or out of practice, and the fallback exists only on
    paper: the work stops or is done badly exactly when it matters.

    Mitigation: Keep a few people trained and on a rota, rehearse the switch back (how long it takes, at
    what volume), or plan a fallback that needs no one the plan lets go (the rules, a safe default).
    """
    if plan.product.mode is not Mode.automate:
        return None
    by_hand = BY_HAND.find_all(answer_at(plan, "after_launch.fallback"))
    if not by_hand:
        return None
    items = said_of_items(plan)  # things the plan's own decision retires or phases out, not its people
    gone = next(
        ((path, words) for path in _GONE_IN if (words := _moved_on(answer_at(plan, path), items))), None
    )
    if gone is None or any(KEPT.find(answer_at(plan, path)) for path in _KEPT_IN):
        return None
    path, words = gone
    return Hint(
        (*by_hand, *words),
        (
            quote(plan, "after_launch.fallback", f"{', '.join(by_hand)}: the work goes back to people"),
            quote(plan, path, f"{', '.join(words)}: the plan moves those people on"),
            f"nothing keeps them trained or on call ({', '.join(_KEPT_IN)})",
        ),
    )


def _moved_on(text: str, items: frozenset[str]) -> tuple[str, ...]:
    """The words of `text` saying the plan moves people on; a size in people only beside a saving; none
    the plan's own decision does to its items."""
    words = tuple(word for word in GONE.find_all(text) if word not in items)
    if STAFF_SAVED.find(text):
        return words
    return tuple(word for word in words if not STAFF_MEASURE.find(word))


@rule(
    "automated-harm-no-fallback",
    Category.ethics,
    likelihood=5,
    impact=5,
    ask="can an automated error hurt someone, with no fallback?",
    move=Move(
        "Keep a person in the loop, and design the fallback, before automating a decision that hurts people",
        "Where an error costs someone health, safety, money, legal standing or access, the model should "
        "propose and a person decide (or review what it does) until its errors are known, with an appeal "
        "and a fallback when it is wrong or down",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"product.mode": "automate", "impact.error_severity": "serious", "after_launch.fallback": "none"},
            evidence=(
                'product.mode: "automate"',
                'impact.error_severity: "serious"',
                'after_launch.fallback: "none"',
            ),
            also=frozenset({"no-fallback"}),
        ),
    ),
    quiet=(
        Case({"product.mode": "automate", "impact.error_severity": "serious"}),
        Case({"product.mode": "automate", "after_launch.fallback": "none"}),
    ),
)
def automated_harm_no_fallback(plan: Plan) -> Evidence:
    """Automated decisions that hurt people, with no fallback.

    The model decides alone where an error costs someone health, safety, money, legal standing or
    access, and nothing catches it when it is wrong: the harm is done before anyone can see it.

    Mitigation: Augment instead of automate (a person decides, or reviews what the model does),
    add an appeal and a fallback, and automate only the cases the model gets right nearly always.
    """
    automatic = answer_is(plan, "product.mode", Mode.automate)
    fallback = plan.after_launch.fallback
    if not automatic or fallback is None or not says_nothing(fallback):
        return None
    harm = severity_is(plan, Severity.serious, Severity.severe)
    if harm:
        return (*automatic, *harm, quote(plan, "after_launch.fallback"))
    # No severity said: the words of the harm or the decision are a guess, asked as a question.
    where = "impact.error_harm" if mentions(plan.impact.error_harm, HARMFUL) else "product.decision"
    words = HARMFUL.find_all(answer_at(plan, where))
    if not words:
        return None
    return Hint(
        words, (*automatic, quote(plan, where, ", ".join(words)), quote(plan, "after_launch.fallback"))
    )
