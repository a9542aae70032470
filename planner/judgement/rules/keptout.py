"""The share kept out of the model's hands, counted only where it is drawn as a holdout or a live test's arm.

A lead credits a share against the feedback loop only where it is drawn at random from all cases and
then handled as if the model had said nothing: those cases show what happens to the ones the model
would not pick. A routine check of the flagged, cases people pick as they see fit, or a random draw
handled with the score in view show only what the model (or the people) already chose; a share whose
draw nobody knows is not yet a holdout either. An unanswered draw is read as the share's help asks
(picked at random, handled blind), so plans written before the question keep their reading.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import quote
from planner.plan.holdout import STEERED, ExplorationDrawn
from planner.plan.model import OnlineValidation, PilotUnits, Plan

_WHY = {
    ExplorationDrawn.random_with_score: "handled with the score in view: the model still steers what happens",
    ExplorationDrawn.flagged: "drawn from what the model flags: the cases it would not pick stay unseen",
    ExplorationDrawn.people: "picked by people: their choice, not chance, decides what is seen",
    ExplorationDrawn.not_known: "nobody knows how it is drawn, so nobody knows it is random",
}


def kept_out(plan: Plan) -> float | None:
    """The share kept out of the model's hands as a holdout: the answer, 0 where it is drawn by the
    model's flags, by people or with the score in view, None where unanswered."""
    data = plan.constraints.data
    share = data.exploration_share
    if share is None:
        return None
    return 0.0 if share > 0 and data.exploration_drawn in STEERED else float(share)


def steered_share(plan: Plan) -> tuple[str, ...]:
    """The answers showing a share above 0 that is no holdout (its draw steered, or not known), quoted;
    empty where there is none."""
    data = plan.constraints.data
    drawn = data.exploration_drawn
    if not data.exploration_share or drawn not in STEERED:
        return ()
    return (
        quote(plan, "constraints.data.exploration_share"),
        quote(plan, "constraints.data.exploration_drawn", _WHY[drawn]),
    )


_RANDOMISED_LIVE = (OnlineValidation.a_b_test, OnlineValidation.interleaving, OnlineValidation.holdout)
_SIDE_BY_SIDE = (PilotUnits.random, PilotUnits.alternating)  # on and off over the same weeks, not picked
_NO_VERDICT = (None, OnlineValidation.none, OnlineValidation.shadow)  # nothing acted on live is compared


def live_test_decides(plan: Plan) -> str | None:
    """The answer saying a live test with a share kept on today's process at random (an A/B test, an
    interleaved list, a holdout, units drawn at random or alternating periods) judges the model before it
    replaces today's process, quoted: it compares both arms on every case, so the offline score on the chosen
    cases only guides, and the verdict does not rest on them."""
    done = plan.done
    note = "a live test kept side by side with today's process decides, not the offline score on the chosen cases"
    if done.online_validation in _RANDOMISED_LIVE:
        return quote(plan, "done.online_validation", note)
    if done.pilot_units in _SIDE_BY_SIDE and done.online_validation not in _NO_VERDICT:
        return quote(plan, "done.pilot_units", note)
    return None
