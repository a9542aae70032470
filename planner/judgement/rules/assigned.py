"""Rules on a label that is the outcome of an assignment the model will change: a finish time under today's
start waves, a delivery time under today's routes, a wait under today's slots.

Each such label was produced under today's assignment rule: the model learns what that rule's choices led
to, and a test on the same history scores it under the same rule. Once the model sets the assignment, the
outcome it predicted moves with it; a lead asks whether each label was produced under the assignment the
model will change, and how the history's assignments were chosen.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, own_notes, quote, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, LabelSource, OnlineValidation, OutcomeRecorded, Plan

# What the output assigns each case to: a wave, a route, a slot, a bay; the verbs of assigning.
ASSIGNS = Lexicon("""
    assign, assigns, assigned, assigning, assignment, assignments, allocate, allocates, allocated, allocating
    start wave, start waves, wave, waves, corral, corrals, start pen, start pens, heat, heats
    route, routes, routing, slot, slots, time slot, time slots, shift pattern, rota, rotas
    berth, berths, bay, bays, dock, docks, gate, gates, lane, lanes, pitch, pitches, stand, stands
    seating, seat allocation, room allocation, bed allocation, sequence, sequencing, batching, placement
""")
# A label that is a time or a result the assignment brings about.
TIMED = Lexicon("""
    finish time, finish times, finishing time, finishing times, completion time, completion times
    time taken, duration, durations, travel time, travel times, journey time, journey times, arrival time
    arrival times, turnaround, turnaround time, turnaround times, wait, waits, waiting time, waiting times
    wait time, wait times, queue time, queue times, delay, delays, minutes late, hours late, late, lateness
    on time, on-time, dwell time, dwell times, lead time, lead times, time to complete, time to finish
    finished within, delivered within, completed within, congestion
""")
# Answers that say the history's assignments were varied on purpose, or that the new one is tried under
# control: the effect of the assignment is then measured, not copied from today's rule.
_VARIED = Lexicon("""
    at random, randomly, randomised, randomized, random share, random sample of, drawn by lot, by lot
    lottery, whatever the wave, whatever the route, whatever the slot, regardless of the wave
    regardless of the route, regardless of the slot, a/b test, ab test, controlled trial, pilot against
    trial against, natural experiment, changed the assignment, old and new assignment
""")
_ASSIGN_IN = ("product.decision", "product.output")
_SETTLED_IN = (
    "product.decision",
    "product.output",
    "product.label",
    "done.eval_set",
    "done.when_met",
    "constraints.data.differences_note",
)
# The outcome recorded where the old decision acted, or changed by acting: other rules weigh those.
_SPOKEN_FOR = (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action)
_MEASURES = (OnlineValidation.a_b_test, OnlineValidation.holdout)

_WAVES = {
    "product.decision": "Assign each runner to a start wave from their predicted finish time.",
    "product.output": "Predicted finish time per runner.",
    "product.label": "Each runner's finish time in past races.",
    "product.task": "regression",
    "constraints.data.labels": ["outcomes"],
}


@rule(
    "outcome-under-old-assignment",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Learn what the assignment changes before the model sets it",
        "Each label was produced under today's assignment, so the model learns what today's choices led to "
        "and a test on the same history scores it under the same rule: record which assignment each case had "
        "and how it was chosen, learn the outcome under other assignments from cases where they varied (or "
        "assign a share at random), and judge the new assignment in a pilot against today's",
        "warning",
    ),
    ask="was each label produced under the assignment the model will change?",
    fires=(
        Case(
            _WAVES,
            evidence=(
                'product.decision: "Assign each runner to a start wave from their predicted finish time." '
                "(the output sets the assignment: assign, start wave)",
                "product.label: \"Each runner's finish time in past races.\" (a time produced under today's "
                "assignment: finish time; was each label produced under the assignment the model will change?)",
                "no share of assignments is varied on purpose, and no controlled trial of the new one is planned",
            ),
        ),
        Case(  # routes: delivery lateness recorded under today's routing
            {
                "product.decision": "The planner uses the model to route each van's parcels.",
                "product.output": "Expected lateness of each parcel.",
                "product.label": "Minutes late at delivery.",
                "constraints.data.labels": ["existing"],
            },
        ),
    ),
    quiet=(
        Case({**_WAVES, "done.online_validation": "a_b_test"}),  # the new waves are tried against today's
        Case({**_WAVES, "constraints.data.exploration_share": 0.1}),  # a share assigned at random
        Case({**_WAVES, "product.circumstances": ["sets_controls"]}),  # predictions-set-controls speaks
        Case({**_WAVES, "constraints.data.outcome_recorded_for": "changed_by_action"}),  # feedback-loop
        Case({**_WAVES, "product.label": "Each runner's age group."}),  # no outcome of the assignment
        Case({**_WAVES, "constraints.data.labels": ["manual"]}),  # judged by people, not produced by it
        Case(  # the history's waves were drawn by lot
            {**_WAVES, "done.eval_set": "The 2024 race, whose waves were drawn by lot."}
        ),
    ),
)
def outcome_under_old_assignment(plan: Plan) -> Evidence:
    """The label is the outcome of an assignment the model will change.

    A finish time recorded under today's start waves, a delivery time under today's routes, a wait under
    today's slots: each label was produced by today's assignment rule as much as by the case. A model
    trained on them learns what today's choices led to, and its test on the same history cannot show
    what happens once the model's assignments replace today's; where today's rule put the hard cases
    somewhere on purpose, the model reads the rule's effect as the cases' own.

    Mitigation: Record which assignment each case had and how it was chosen; learn the outcome under
    other assignments from the cases where it varied (or assign a small share at random); judge the new
    assignment in a pilot against today's on the outcome itself, not by the error on the history.
    """
    data = plan.constraints.data
    if not {LabelSource.outcomes, LabelSource.existing} & set(data.labels):
        return None  # the labels are judged by people or bought, not produced by the assignment
    if ticked(plan, Circumstance.sets_controls) or data.outcome_recorded_for in _SPOKEN_FOR:
        return None  # predictions-set-controls, feedback-loop or selective-labels weighs it
    if (data.exploration_share or 0) > 0 or plan.done.online_validation in _MEASURES:
        return None  # a share assigned at random, or the new assignment tried against today's
    assigned = first_said(plan, _ASSIGN_IN, ASSIGNS)
    timed = TIMED.find_all(answer_at(plan, "product.label"))
    if assigned is None or not timed:
        return None
    if first_said(plan, _SETTLED_IN, _VARIED) or any(_VARIED.find(note) for note in own_notes(plan)):
        return None  # the history's assignments were varied on purpose, or a trial is planned
    path, words = assigned
    return Hint(
        (*words, *timed),
        (
            quote(plan, path, f"the output sets the assignment: {', '.join(words)}"),
            quote(
                plan,
                "product.label",
                f"a time produced under today's assignment: {', '.join(timed)}; was each label produced under "
                "the assignment the model will change?",
            ),
            "no share of assignments is varied on purpose, and no controlled trial of the new one is planned",
        ),
    )
