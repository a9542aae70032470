"""Rules on doing the task by hand: was it worked on real cases, how well do people do it, can an expert decide."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.data import todays_job_kept
from planner.judgement.rules.evidence import answer_is, empty_answers, quote
from planner.judgement.rules.lexicon import ROUTINE
from planner.judgement.rules.today import a_rule_is_the_yardstick, made_and_measured_today, people_do_it_today
from planner.plan.model import Category, DataKind, DoneTodayBy, Plan, TaskType

_FIND_MISSING_INPUTS = Move(
    "Find the missing inputs before modelling",
    "If an expert cannot decide from the model's inputs, the model will not either; ask what else the expert needs",
    "danger",
    first=True,
)

_BE_THE_ALGORITHM = Move(
    "Do the task by hand before modelling",
    "Working 50-100 real cases shows the signals, the hard cases and the human yardstick",
    "warning",
    first=True,
)


_NONE = ("by_hand.examples: 0",)
_PLANNERS = {  # a forecast today's process makes
    "by_hand.examples": 0,
    "product.task": "forecasting",
    "product.current_solution": "Planners adjust last year's figures.",
    "done.metrics[0].baseline": None,
    "by_hand.done_today_by": None,  # who does it today is not said: the words decide
}
_BY_PEOPLE = {"by_hand.examples": 0, "product.data_kinds": ["text"], "product.current_performance": None}
_BY_PEOPLE |= {"product.current_solution": "Schedulers read each request and order the jobs by hand."}
_BY_PEOPLE |= {"constraints.data.labeled_examples": None}  # none of their past outputs kept
_BY_PEOPLE |= {"by_hand.done_today_by": None}  # who does it today is not said: the words decide
_TODAY = {
    "by_hand.examples": 0,
    "product.mode": "improve",
    "product.current_performance": "Five hours a day.",
}
_TODAY |= {
    "product.data_kinds": ["text"],
    "constraints.data.labels": ["manual"],
    "constraints.data.labeled_examples": 2500,
}
_ROUTED = {  # reports routed to queues, the routing's accuracy measured
    "by_hand.examples": 0,
    "product.data_kinds": ["text"],
    "product.current_performance": "An audit finds 83% of reports routed to the right queue.",
    "by_hand.done_today_by": None,
}


# People do the task every day: the team learns it beside them, and scores their work as the yardstick.
_BESIDE_THE_PEOPLE = Instead(
    lambda plan: (
        plan.by_hand.done_today_by is DoneTodayBy.other_staff
        or (plan.by_hand.examples == 0 and people_do_it_today(plan) == "product.current_solution")
    ),
    Move(
        "Work cases beside the people who do it today, and score a sample of theirs",
        "They do this task every day: sit with them for 50 real cases, note what they look at and where they "
        "hesitate, and score a sample of their outputs against the truth: the signals, the hard cases and "
        "the yardstick the model must beat",
        "warning",
        first=True,
    ),
    "Sit with the people who do the task today for 50-100 real cases, timed; write down what they look at "
    "and which cases are hard; score a sample of their outputs against the truth.",
    title="Nobody on the team has worked cases beside the people who do the task today",
)


# The team's own experts do the task every day: the feel is there; what is missing is how they decide, on paper.
_WRITE_DOWN_THE_EXPERTS = Instead(
    lambda plan: plan.by_hand.done_today_by is DoneTodayBy.our_experts,
    Move(
        "Write down how your experts decide, on 50 real cases",
        "Your own people do this task every day, so nobody needs to learn it by hand; what no one has is "
        "their judgement on paper: for 50 real cases note what they look at and why, and check that the "
        "model's inputs show the same (what they see and the model will not is a ceiling)",
        "warning",
        first=True,
    ),
    "Have your experts work 50 real cases aloud: note what they look at, which cases are hard and why; "
    "check each signal is in the model's inputs; score a sample of their daily outputs against the truth.",
    title="Nobody has written down how the team's experts decide",
)


# A kiln relined every 40 firings by rule today, the rule tried as the baseline.
_KILN = {
    "by_hand.examples": 0,
    "by_hand.done_today_by": "our_experts",
    "product.task": "forecasting",
    "product.data_kinds": ["tabular", "time_series"],
    "heuristics.rules": [{"condition": "every 40 firings", "action": "reline the kiln"}],
    "heuristics.verdict": "rules_baseline",
    "done.metrics": [{"name": "Relines saved"}],
}


@rule(
    "never-done-by-hand",
    Category.model,
    likelihood=4,
    impact=3,
    move=_BE_THE_ALGORITHM,
    instead=(_WRITE_DOWN_THE_EXPERTS, _BESIDE_THE_PEOPLE),
    fires=(
        Case(
            {
                "by_hand.examples": 0,
                "product.current_solution": "No one checks today.",
                "by_hand.done_today_by": None,
            },
            evidence=_NONE,
        ),
        Case({**_BY_PEOPLE, "done.metrics": [{"name": "Jobs on time", "target": 0.9}]}, evidence=_NONE),
        Case(  # a forecast today's process makes, but nobody has measured how well
            {**_PLANNERS, "product.current_performance": "Not measured."},
            evidence=_NONE,
            also=frozenset({"human-performance-unknown", "target-without-baseline"}),
        ),
        Case(  # a year is no measured figure
            {**_PLANNERS, "product.current_performance": "Nobody has checked it since 2019."},
            evidence=_NONE,
        ),
        Case(  # text read by a keyword filter today: nobody has looked at the cases themselves
            {**_ROUTED, "product.current_solution": "A keyword filter routes each report to a queue."},
            evidence=_NONE,
        ),
        Case(  # teachers write these comments every term: their daily job, so sitting with them is a low note
            {
                **_BY_PEOPLE,
                "product.current_solution": "Teachers write each pupil's report comment every term.",
            },
        ),
        Case(  # the team's own cataloguers do it every day, left the count blank: their judgement is unwritten
            {**_BY_PEOPLE, "by_hand.examples": None, "by_hand.done_today_by": "our_experts"}
            | {"by_hand.noticed": [], "by_hand.hard_cases": [], "done.metrics": [{"name": "Jobs on time"}]},
            evidence=(
                'by_hand.done_today_by: "our_experts" (our own people do this every day; nobody has written '
                "down how they decide, on real cases)",
            ),
        ),
        Case(  # a rule tried as the baseline, but no done metric is scored against it: the experts judge today
            _KILN
            | {
                "product.current_performance": None,
                "constraints.data.labeled_examples": None,
                "by_hand.noticed": [],
                "by_hand.hard_cases": [],
            },
            evidence=(
                'by_hand.done_today_by: "our_experts" (our own people do this every day; nobody has written '
                "down how they decide, on real cases)",
            ),
        ),
        Case(  # said plainly: nobody does it by hand, whatever words today's solution uses
            {**_BY_PEOPLE, "by_hand.done_today_by": "nobody", "done.metrics": [{"name": "Jobs on time"}]},
            evidence=_NONE,
        ),
    ),
    quiet=(
        Case(  # the team's own experts do it daily, and what they look at is written down already
            {
                "by_hand.done_today_by": "our_experts",
                "by_hand.examples": 0,
                "by_hand.noticed": ["The maker's mark, then the paper's watermark."],
            }
        ),
        Case(  # people do it by hand today and 4,000 of their past outputs are kept: read them
            {**_BY_PEOPLE, "constraints.data.labels": ["existing"], "constraints.data.labeled_examples": 4000}
        ),
        Case(  # the desk orders the call-backs every morning (the product improves that) and 2,500 are kept
            {**_TODAY, "product.current_solution": "Each morning the desk orders call-backs by days waited."}
        ),
        Case(  # assessors type every write-up from dictation today; 3,200 of theirs are kept for the drafter
            {
                **_TODAY,
                "product.task": "generation",
                "product.current_solution": "Assessors type each write-up.",
            }
        ),
        Case(  # people do it by hand today, and their own plans are the done metric's yardstick
            {
                **_BY_PEOPLE,
                "done.metrics": [{"name": "Jobs on time", "baseline_name": "the schedulers' plans"}],
            }
        ),
        Case(  # staff triage these very reports every day and their accuracy is measured: sit with them
            {**_ROUTED, "product.current_solution": "Staff read and route each report, every day."}
        ),
        Case(  # decided from records today, every day, with its figure measured: the yardstick exists
            {"by_hand.examples": 0, "product.data_kinds": ["tabular", "time_series"]}
        ),
        Case(  # officers pick the streets today, and a done metric measures their list as the yardstick
            {
                "by_hand.examples": 0,
                "product.task": "ranking",
                "product.data_kinds": ["tabular"],
                "product.current_solution": "Officers visit streets from the list, starting where they know.",
                "product.current_performance": "9% of visits end in a sign-up; 30% of sign-ups fail the survey.",
                "done.metrics": [
                    {"name": "AUC on past visits", "target": 0.8, "direction": "higher"},
                    {
                        "name": "Share of visits ending in a sign-up",
                        "baseline": 0.09,
                        "target": 0.15,
                        "direction": "higher",
                        "baseline_name": "the officers' street list",
                    },
                ],
            }
        ),
        Case(  # buyers forecast every week and today's misses are measured in several figures
            {
                "by_hand.examples": 0,
                "product.task": "forecasting",
                "product.data_kinds": ["time_series"],
                "product.current_solution": "Buyers use last year's price for the same week.",
                "product.current_performance": "Orders cost 6% above the market; 11 of 104 weeks spiked.",
            }
        ),
        Case(  # coordinators match every new client by hand today, and the result is measured
            {
                "by_hand.examples": 0,
                "product.task": "matching",
                "product.data_kinds": ["tabular", "text"],
                "product.current_solution": "Coordinators search the records and pick a match.",
                "product.current_performance": "71% of matches still running after eight weeks.",
            }
        ),
        Case(  # a kiln relined on a fixed cycle today: the cycle is the yardstick, nobody judges each kiln
            _KILN | {"done.metrics": [{"name": "Relines saved", "baseline_name": "the 40-firing cycle"}]}
        ),
        Case(  # planners forecast every day, and their error is measured: the task is done by hand daily
            {
                "by_hand.examples": 0,
                "product.task": "forecasting",
                "product.current_solution": "Planners adjust last year's figures each morning.",
                "product.current_performance": "Their forecast misses by 14% MAPE on average.",
            }
        ),
    ),
)
def never_done_by_hand(plan: Plan) -> Evidence:
    """The task was never done by hand.

    Without working real examples the team has no feel for the signals, the hard cases or the
    ambiguity, and no human yardstick for the model.

    Mitigation: Do 50-100 real cases by hand, timed, and write down what you looked at and which
    cases were hard.
    """
    if made_and_measured_today(plan):
        return None  # today's process makes the figure every day and its error is measured
    if todays_job_kept(plan):
        return None  # people do it today and thousands of their outputs are kept: read those, not redo
    if a_rule_is_the_yardstick(plan):
        return None  # a fixed schedule or rule decides today, and the done metric is scored against it
    by_hand = plan.by_hand
    if by_hand.done_today_by in (DoneTodayBy.our_experts, DoneTodayBy.other_staff) and by_hand.examples in (
        0,
        None,
    ):
        if by_hand.noticed or by_hand.hard_cases:
            return None  # what they look at and where they hesitate is already written down
        who = (
            "our own people" if by_hand.done_today_by is DoneTodayBy.our_experts else "staff outside the team"
        )
        note = f"{who} do this every day; nobody has written down how they decide, on real cases"
        return Tempered(2, (quote(plan, "by_hand.done_today_by", note),))
    found = answer_is(plan, "by_hand.examples", 0)
    if by_hand.done_today_by is DoneTodayBy.nobody:
        return found  # said plainly: nobody does it by hand today, whatever today's solution's words
    routine = ROUTINE.find(plan.product.current_solution)
    if found and routine and people_do_it_today(plan) == "product.current_solution":
        note = f"{routine}: front-line staff do this as their job; sit with them for real cases, a low note"
        return Tempered(2, (*found, quote(plan, "product.current_solution", note)))
    return found


@rule(
    "human-performance-unknown",
    Category.model,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"product.current_performance": "Unknown."}, evidence=('product.current_performance: "Unknown."',)
        ),
    ),
)
def human_performance_unknown(plan: Plan) -> Evidence:
    """How well people or today's system do is unknown.

    That score bounds what a model can reach and is the bar it must beat; without it a target is a
    guess and success cannot be judged.

    Mitigation: Score today's process (or two people labelling the same 100-200 cases) on the
    primary done metric.
    """
    return empty_answers(plan, "product.current_performance", "by_hand.human_score_notes")


@rule(
    "expert-cannot-decide",
    Category.model,
    likelihood=4,
    impact=4,
    move=_FIND_MISSING_INPUTS,
    fires=(Case({"by_hand.expert_can_decide": False}, evidence=("by_hand.expert_can_decide: false",)),),
    quiet=(
        Case(  # no person reads a thickness off sensor traces: the gauge is the reference, not an expert
            {
                "by_hand.expert_can_decide": False,
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
            }
        ),
    ),
)
def expert_cannot_decide(plan: Plan) -> Evidence:
    """An expert cannot decide from the model's inputs.

    If a domain expert cannot make the call from what the model will see, a model trained on the
    same inputs will not either.

    Mitigation: Find out what else the expert needs, add those inputs, or reframe the task around
    what the inputs can tell.
    """
    product = plan.product
    machine_read = product.data_kinds and set(product.data_kinds) <= {DataKind.time_series, DataKind.tabular}
    if machine_read and product.task in (
        TaskType.regression,
        TaskType.forecasting,
        TaskType.anomaly_detection,
    ):
        return None  # sensor traces and tables nobody reads by eye: a measured reference is the check
    return answer_is(plan, "by_hand.expert_can_decide", False)


@rule(
    "no-domain-expert",
    Category.delivery,
    likelihood=3,
    impact=3,
    fires=(Case({"by_hand.expert_available": False}, evidence=("by_hand.expert_available: false",)),),
)
def no_domain_expert(plan: Plan) -> Evidence:
    """No domain expert available.

    Labelling, feature and evaluation decisions made without domain knowledge go wrong quietly,
    and the errors compound downstream.

    Mitigation: Secure a few hours a week of an expert for labelling guidelines, hard cases and
    error reviews.
    """
    return answer_is(plan, "by_hand.expert_available", False)
