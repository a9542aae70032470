"""A label that copies a value a person set today: a price a staff member set, a grade an assessor gave.

Ticked as an event the world records, such a label is still a person's call: a model trained on it learns
today's people, and a done metric scored against the same values rewards agreeing with them, so it cannot
show the model is better. A lead asks what happened after the value was set (the price an item sold at,
a blind second marking) and scores the model against that.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, truth_paths
from planner.judgement.rules.labelled import label_records_what_was_done
from planner.judgement.rules.provenance import _learns_old_decisions, people_are_the_target
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, LabelSource, LabelWriter, Plan, TaskType

# The people who set a value in today's process.
_SETTERS = """staff, staff member, staff members, manager, managers, store manager, shop manager, branch manager
    assessor, assessors, valuer, valuers, appraiser, appraisers, pricer, pricers, buyer, buyers
    merchandiser, merchandisers, teacher, teachers, examiner, examiners, marker, markers, tutor, tutors
    inspector, inspectors, underwriter, underwriters, adjuster, adjusters, surveyor, surveyors, estimator
    estimators, clerk, clerks, officer, officers, volunteer, volunteers, agent, agents, broker, brokers
    judge, judges, panel, committee, nurse, nurses, doctor, doctors, clinician, clinicians, planner
    planners, salesperson, sales staff, supervisor, supervisors, caseworker, caseworkers, moderator
    mechanic, mechanics, technician, technicians, engineer, engineers, dealer, dealers, trader, traders
    curator, curators, auctioneer, auctioneers, coach, coaches, instructor, instructors, lecturer, lecturers
    interviewer, interviewers, recruiter, recruiters, loan officer, loan officers, account manager"""
_SET = """set, sets, gave, gives, assigned, assigns, awarded, awards, chose, chooses, decided, decides
    priced, prices, graded, grades, valued, values, marked, marks, agreed, quoted, quotes, estimated"""
SET_BY_A_PERSON = Lexicon(
    phrases(
        """set by, given by, decided by, chosen by, assigned by, awarded by, agreed by, marked by, graded by
        priced by, valued by, estimated by, assessed by, fixed by, quoted by, offered by""",
        "the, a, an, our, each, their, its, ",
        _SETTERS,
    )
    + ", "
    + phrases("the, a, an, our, each", _SETTERS, _SET)
)

# What happened after the value was set, or a second judgement made apart from it: the truth a model
# can be better than today's people against.
AFTER_THE_VALUE = Lexicon("""
    sold for, sold at, sale price achieved, price achieved, achieved price, realised price, realized price
    hammer price, actual sale price, price it sold, price they sold, sell-through, days to sell, time to sell
    blind, blinded, second marker, second marking, double-marked, double marked, moderated, moderation
    re-marked, remarked, independent, independently, re-graded, regraded, adjudicated, outcome, outcomes
""")
# Words saying the team wants the values set better than today, not only faster.
BEYOND_TODAY = Lexicon("""
    better, more accurate, accuracy, underpriced, overpriced, under-priced, over-priced, too low, too high
    revenue, margin, markdowns, markdown, unsold, sell faster, fairer, fair, consistent, consistency
    inconsistent, bias, biased, harsh, lenient
""")
_WANTS = ("product.goal", "product.pain", "product.success_metric", "product.current_performance")


@rule(
    "label-set-by-a-person",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Score the model against what happened after the value was set",
        "A label that copies a value a person set today teaches the model today's people, and a metric "
        "against those values rewards agreeing with them: score against what followed (the price an item "
        "sold at, and how fast; a blind second marking), and keep the set values as the baseline",
        "warning",
    ),
    ask="does the label copy a value a person set today, so the model learns today's people and its "
    "metric cannot show it is better?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.label": "The shelf price set by the shop manager for each donated coat.",
                "product.goal": "Price donated coats better, so fewer go unsold.",
                "product.current_solution": "Volunteers sort donations; prices are written on tags.",
                "constraints.data.label_writer": "event",
                "done.metrics[0].name": "Mean absolute error against the set price",
            },
            evidence=(
                'product.label: "The shelf price set by the shop manager for each donated coat." (set by the shop '
                "manager: a value a person set today, not what then happened; the model learns today's people)",
                'constraints.data.label_writer: "event" (answered: the world records it; the label\'s words say a '
                "person set it)",
                'done.metrics[0].name: "Mean absolute error against the set price" (scored against the values '
                "people set: a model better than them scores worse, not better)",
            ),
        ),
    ),
    quiet=(
        Case(  # scored against the price each coat sold at
            {
                "product.task": "regression",
                "product.label": "The shelf price set by the shop manager for each donated coat.",
                "product.goal": "Price donated coats better, so fewer go unsold.",
                "constraints.data.label_writer": "event",
                "done.metrics[0].name": "Share of coats sold within four weeks at the suggested price",
                "done.eval_set": "Coats priced in a pilot, with the price each sold for.",
            }
        ),
        Case(  # drafting the manager's price to save time: their judgement is the target
            {
                "product.task": "regression",
                "product.label": "The shelf price set by the shop manager for each donated coat.",
                "product.goal": "Managers price donated coats in half the time.",
                "product.success_metric": "Minutes spent pricing per bag",
                "constraints.data.label_writer": "event",
            }
        ),
        Case(  # a price the item sold at, not one a person set
            {
                "product.task": "regression",
                "product.label": "The price each donated coat sold for.",
                "product.goal": "Price donated coats better, so fewer go unsold.",
            }
        ),
    ),
)
def label_set_by_a_person(plan: Plan) -> Evidence:
    """The label copies a value a person set today.

    A price a staff member set, a grade an assessor gave, a limit an underwriter chose: ticked as an event
    the world records, the label is still a person's call. A model trained on it learns today's people,
    their habits and their errors, and a done metric against the same values rewards agreeing with them:
    where the goal is better values, a model better than today's people scores worse, not better.

    Mitigation: Score the model against what followed the value (the price an item sold at and how fast,
    a blind second marking, the claims an underwriting decision led to); keep today's values as the
    baseline and, where they are the only label, have a random sample judged apart from them.
    """
    label = plan.product.label
    if plan.product.task is TaskType.generation or set(plan.constraints.data.labels) == {LabelSource.none}:
        return None  # a rating of written output, or no label at all: other rules weigh those
    said = SET_BY_A_PERSON.find_all(label)
    if not said or _learns_old_decisions(plan) is not None or label_records_what_was_done(plan) is not None:
        return None  # no person's value named, or label-from-old-process (or what-was-done) asks it
    if AFTER_THE_VALUE.find(label) or first_said(plan, truth_paths(plan), AFTER_THE_VALUE):
        return None  # the label or the evaluation reads what followed, or a judgement made apart
    if people_are_the_target(plan) and not first_said(plan, _WANTS, BEYOND_TODAY):
        return None  # drafting the person's own value for them: their judgement is the target
    found = [
        quote(
            plan,
            "product.label",
            f"{', '.join(said)}: a value a person set today, not what then happened; the model learns today's people",
        )
    ]
    if plan.constraints.data.label_writer is LabelWriter.event:
        note = "answered: the world records it; the label's words say a person set it"
        found.append(quote(plan, "constraints.data.label_writer", note))
    if plan.done.metrics and answer_at(plan, "done.metrics[0].name"):
        note = "scored against the values people set: a model better than them scores worse, not better"
        found.append(quote(plan, "done.metrics[0].name", note))
    return Hint(said, found)
