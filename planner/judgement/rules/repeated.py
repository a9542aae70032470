"""A rule on a thing seen in several rows and acted on between them: a stone staked after a failed test, a
pump overhauled after an inspection, a patient treated after a visit. Its later rows describe the fixed
thing, so unless the intervention is on the record (or those rows are left out) the model learns that the
thing is fine, not that it was at risk."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.chosenrate import picks_the_cases
from planner.judgement.rules.evidence import answer_at, first_said, handled, quote, repeated_unit
from planner.judgement.rules.lexicon import INTERVENTION_KEPT, MADE_SAFE, SCHEDULED_TREATMENT
from planner.plan.model import (
    ActedBetweenRows,
    Category,
    Newcomers,
    OutcomeRecorded,
    Plan,
    RowsPerThing,
    TaskType,
)

# Tasks whose label says what the row itself shows (the boxes in a frame, the fields of a page): a thing
# treated between rows shows its new state in the next one and is labelled as it shows, so no row carries
# a label from before the intervention.
_LABEL_IS_THE_ROW = frozenset({TaskType.detection, TaskType.segmentation, TaskType.extraction})

_ON_RECORD = (ActedBetweenRows.not_acted, ActedBetweenRows.recorded, ActedBetweenRows.rows_dropped)

_PUMPS = {
    "constraints.data.rows_per_thing": "several",
    "constraints.data.repeated_unit": "one pump, inspected monthly",
}


@rule(
    "rows-after-an-intervention",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Record each intervention with its date, and label each row by the state before it",
        "A thing repaired, treated or made safe after one of its rows is seen again changed: its later rows "
        "say it is fine because it was fixed. Record every intervention with its date and give it to the "
        "model as an input (or drop the rows after it), label each row by the state before any intervention, "
        "and take things already made safe out of the ranking, or mark them",
        "warning",
        done=lambda plan: plan.constraints.data.acted_between_rows in _ON_RECORD,
    ),
    ask="is a thing repaired, treated or made safe between its rows, and do its later rows say so?",
    fires=(
        Case(  # the team says pumps are overhauled after a failed inspection, with no trace in later rows
            {**_PUMPS, "constraints.data.acted_between_rows": "unrecorded"},
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows describe one pump, inspected monthly: '
                "each is seen again after what an earlier row found)",
                'constraints.data.acted_between_rows: "unrecorded" (acted on between its rows with no trace: a '
                "later row's label is the fixed thing's, and the model learns it was never at risk)",
            ),
        ),
        Case(  # the action changes the outcome, and each thing comes back in later rows
            {**_PUMPS, "constraints.data.outcome_recorded_for": "changed_by_action"},
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows describe one pump, inspected monthly: '
                "each is seen again after what an earlier row found)",
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting changes the outcome: a '
                "thing acted on after one row comes back changed in the next)",
            ),
            also=frozenset({"feedback-loop"}),
        ),
        Case(  # only the decision's words say the thing is repaired
            {**_PUMPS, "product.decision": "Fitters overhaul the pumps that fail their inspection."},
            evidence=(
                'product.decision: "Fitters overhaul the pumps that fail their inspection." (acting on a '
                "finding changes the thing: overhaul)",
                'constraints.data.rows_per_thing: "several" (several rows describe one pump, inspected monthly: '
                "each is seen again after what an earlier row found)",
            ),
        ),
        Case(  # nobody checked, and nothing else says
            {**_PUMPS, "constraints.data.acted_between_rows": "not_checked"},
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows describe one pump, inspected monthly: '
                "each is seen again after what an earlier row found)",
                'constraints.data.acted_between_rows: "not_checked" (nobody checked whether a thing is repaired, '
                "treated or made safe between its rows)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.rows_per_thing": "one", "constraints.data.acted_between_rows": "unrecorded"}),
        Case({**_PUMPS, "constraints.data.acted_between_rows": "recorded"}),
        Case({**_PUMPS, "constraints.data.acted_between_rows": "rows_dropped"}),
        Case(  # the decision repairs, but the team says its rows carry each repair
            {
                **_PUMPS,
                "product.decision": "Fitters overhaul the pumps that fail their inspection.",
                "constraints.data.acted_between_rows": "recorded",
            }
        ),
        Case(  # the decision repairs, and the note keeps the repair history beside the rows
            {
                **_PUMPS,
                "product.decision": "Fitters overhaul the pumps that fail their inspection.",
                "constraints.data.differences_note": "Each row carries the pump's repair history up to its date.",
            }
        ),
        Case(  # each visit services the boiler, and an input dates the last one: the service is on the record
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one customer's boiler, one row a visit",
                "constraints.data.acted_between_rows": "not_checked",
                "constraints.data.newcomers": "many",
                "product.inputs": "Boiler make and age, months since last serviced, fault reported on booking.",
            }
        ),
        Case(_PUMPS),  # several rows, and nothing says any of them is acted on
        Case(  # several seed lots come from one grower, and each lot is tested once: nothing comes back
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "seed lots from one grower",
                "constraints.data.newcomers": "all_new",
                "constraints.data.acted_between_rows": "not_checked",
            }
        ),
        Case(  # a detector labels what each scan shows: a tooth filled between scans is drawn as filled
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient's teeth, X-rayed each check-up",
                "product.task": "detection",
                "product.decision": "The dentist fills the decay the boxes mark.",
                "constraints.data.acted_between_rows": "not_checked",
            }
        ),
    ),
)
def rows_after_an_intervention(plan: Plan) -> Evidence:
    """A thing seen in several rows is repaired, treated or made safe between them.

    Where the same thing is inspected or scored again and again (a memorial stone tested every few years,
    a machine inspected monthly, a patient seen at each visit) and a finding is acted on so that the
    thing changes, its later rows are labelled after the intervention: a failed stone staked passes its
    next test, a pump overhauled passes its next inspection. Unless the intervention is on the record, the
    model learns that such a thing is fine, and ranks low the very kind that needed fixing.

    Mitigation: Record each intervention with its date and give it to the model as an input, or drop the
    rows after it; label each row by the state before any intervention; take things already made safe
    out of the ranking, or mark them.
    """
    data = plan.constraints.data
    acted = data.acted_between_rows
    if data.rows_per_thing is not RowsPerThing.several or acted in _ON_RECORD:
        return None
    if plan.product.task in _LABEL_IS_THE_ROW:
        return None  # each row labelled as it shows: an intervention changes the row and its label alike
    if handled(plan, INTERVENTION_KEPT) or INTERVENTION_KEPT.find(answer_at(plan, "product.inputs")):
        return None  # the team's own notes keep each intervention beside the rows
    several = quote(
        plan,
        "constraints.data.rows_per_thing",
        f"several rows describe {repeated_unit(plan)}: each is seen again after what an earlier row found",
    )
    unchecked = (
        (
            quote(
                plan,
                "constraints.data.acted_between_rows",
                "nobody checked whether a thing is repaired, treated or made safe between its rows",
            ),
        )
        if acted is ActedBetweenRows.not_checked
        else ()
    )
    if acted is ActedBetweenRows.unrecorded:
        return (
            several,
            quote(
                plan,
                "constraints.data.acted_between_rows",
                "acted on between its rows with no trace: a later row's label is the fixed thing's, and the "
                "model learns it was never at risk",
            ),
        )
    if data.outcome_recorded_for is OutcomeRecorded.changed_by_action:
        changed = quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "acting changes the outcome: a thing acted on after one row comes back changed in the next",
        )
        return Tempered(3, (several, changed, *unchecked))
    words = MADE_SAFE.find_all(answer_at(plan, "product.decision"))
    if words:
        acts = quote(plan, "product.decision", f"acting on a finding changes the thing: {', '.join(words)}")
        return Hint(words, (acts, several, *unchecked))
    if unchecked and data.newcomers is not Newcomers.all_new:
        # where each case is an item met once, the rows that group are different items: none comes back
        return Tempered(1, (several, *unchecked))
    return None


_CULVERTS = {
    "constraints.data.rows_per_thing": "several",
    "constraints.data.repeated_unit": "one culvert, one row a year",
    "constraints.data.acted_between_rows": "recorded",
    "product.task": "ranking",
    "product.action_shape": "top_of_queue",
    "product.current_solution": "Crews clear every culvert on a three-year cycle, and the hotspots every six months.",
}


@rule(
    "treated-look-safe",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep the treatment that makes things look safe, or score them as if left alone",
        "With each past intervention an input, the model learns that a thing treated often is at low risk: "
        "true only while the treatment goes on. Where its list decides who is treated next, those things "
        "drop off it and the risk comes back. Keep a floor of today's treatment for them, or score each "
        "thing as if its treatment lapsed (the time since it set to the cycle's length), and try the list "
        "on some areas while the rest stay on today's schedule",
        "warning",
    ),
    fires=(
        Case(  # the clearance history is an input, and the ranking decides which culverts are cleared
            _CULVERTS,
            evidence=(
                'product.current_solution: "Crews clear every culvert on a three-year cycle, and the hotspots e..." '
                "(today's treatment comes on a schedule, whatever the risk: cycle, hotspots, every six months)",
                'constraints.data.rows_per_thing: "several" (several rows describe one culvert, one row a year: '
                "each is seen again after what an earlier row found)",
                'constraints.data.acted_between_rows: "recorded" (each intervention is an input: a thing '
                "treated often looks safe, and is safe only while the treatment goes on)",
                'product.action_shape: "top_of_queue" (people act on the top of the list: the list decides '
                "which things are treated next)",
            ),
        ),
    ),
    ask="does the model's list decide what is treated next, so things safe only because treated drop off it?",
    quiet=(
        Case({**_CULVERTS, "constraints.data.acted_between_rows": "rows_dropped"}),
        Case(  # treatment follows what each visit finds, not a schedule: the list keeps deciding it
            {
                **_CULVERTS,
                "product.current_solution": "Crews clear a culvert when a report says it is blocked.",
            }
        ),
        Case({**_CULVERTS, "constraints.data.rows_per_thing": "one"}),
        Case(  # a forecast sets no order of treatment
            {**_CULVERTS, "product.task": "forecasting", "product.action_shape": "sets_amount"}
        ),
    ),
)
def treated_look_safe(plan: Plan) -> Evidence:
    """Past treatment is an input, and the model's list decides what is treated next.

    Where a thing is treated between its rows and each treatment is recorded as an input (culverts
    cleared, pumps overhauled, patients seen), the model learns the risk under today's treatment: a
    hotspot cleared every six months looks safe because it is cleared. Once the model's list decides what
    is treated, the hotspot falls down the list, is no longer cleared, and blocks (the asthma patients a
    pneumonia model once called low risk, because they were always admitted).

    Mitigation: keep a floor of today's treatment for things safe only because treated, or score each thing
    as if its treatment lapsed; pilot the list on some areas while the rest keep today's schedule.
    """
    data = plan.constraints.data
    if (
        data.rows_per_thing is not RowsPerThing.several
        or data.acted_between_rows is not ActedBetweenRows.recorded
    ):
        return None
    if plan.product.task in _LABEL_IS_THE_ROW:
        return None
    picks = picks_the_cases(plan)
    paths = ["product.current_solution", "product.pain", "heuristics.humans_handle"]
    paths += [
        f"heuristics.rules[{i}].{part}"
        for i in range(len(plan.heuristics.rules))
        for part in ("condition", "action")
    ]
    said = first_said(plan, paths, SCHEDULED_TREATMENT)
    if picks is None or said is None:
        return None  # no list decides the treatment, or nothing says today's treatment comes on a schedule
    path, words = said
    return Hint(
        words,
        (
            quote(
                plan, path, f"today's treatment comes on a schedule, whatever the risk: {', '.join(words)}"
            ),
            quote(
                plan,
                "constraints.data.rows_per_thing",
                f"several rows describe {repeated_unit(plan)}: each is seen again after what an earlier row found",
            ),
            quote(
                plan,
                "constraints.data.acted_between_rows",
                "each intervention is an input: a thing treated often looks safe, and is safe only while the "
                "treatment goes on",
            ),
            f"{picks[:-1]}: the list decides which things are treated next)",
        ),
    )
