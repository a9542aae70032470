"""Word-triggered rules hear what teams really write, and stay quiet where the words mean something else.

For each rule read from free text: five or more ways a team words the same fact (other verbs, plurals,
British and American spelling, abbreviations), each of which must raise it, and five or more near-misses
(the words in another sense, or the fact already handled) that must not.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_review import fired, patched

_RESALE = {
    "product.task": "regression",
    "product.output": "Expected resale price of each returned bicycle.",
    "product.lead_days": 1,
}
_BOOKING = {
    "product.task": "matching",
    "done.online_validation": "a_b_test",
    "done.when_met": "A/B test by customer for four weeks: bookings per visit up 5%.",
}
_LOOP = {
    "constraints.data.outcome_recorded_for": "changed_by_action",
    "constraints.data.exploration_share": 0.1,
    "done.online_validation": "holdout",
}
_RIVER = {"constraints.data.differences": ["none"]}
_ACTED = {"product.label_is_proxy": None, "product.mode": "automate", "done.eval_truth": None}
_LIMITS = {"constraints.data.outcome_limits": ["none"]}
_MESSAGE = {"product.task": "generation", "product.data_kinds": ["text"], "product.mode": "automate"}
_SPAN = {"constraints.data.changes": "nothing"}

# rule -> (the answers both lists share, the answers that must raise it, the answers that must not)
PARAPHRASES: dict[str, tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]] = {
    "inputs-known-only-later": (
        _RESALE,
        [
            {"product.inputs": "Brand, frame size, grade and the number of price reductions taken."},
            {"product.inputs": "Model, condition and how many days in inventory before it sold."},
            {"product.inputs": "Brand, condition grade and the sold price."},
            {"product.inputs": "Brand, condition and the markdowns applied."},
            {"product.inputs": "Brand, size, condition and total days listed."},
            {"product.inputs": "Brand, condition and the final sale price."},
            {"product.inputs": "Brand, condition, number of mark-downs and time to sell."},
        ],
        [
            {"product.inputs": "Brand, frame size, condition grade and the list price at intake."},
            {"product.inputs": "Brand, frame size and the previous sale prices of the model."},
            {"product.inputs": "Brand, condition and days since the bike was returned."},
            {"product.inputs": "Photos of the frame at high resolution and the intake date."},
            {"product.inputs": "Brand, condition and days in stock, as known at intake."},
            {"product.inputs": "Brand, condition and markdowns, all as of the day of prediction."},
        ],
    ),
    "test-arms-share-supply": (
        _BOOKING,
        [
            {"product.decision": "Suggest the best appointment times with our engineers to each customer."},
            {"product.decision": "Assign each incoming job to one of the available technicians."},
            {"product.decision": "Offer each patient the two earliest clinic slots."},
            {"product.decision": "Choose which courier picks up each parcel."},
            {"product.decision": "Match riders to available drivers in real time."},
            {"product.decision": "Allocate the limited stock of each product to web orders."},
            {"product.decision": "Fill the week's open shifts from the care workers' availability."},
            {"product.decision": "Give each caller the first free appointment with a GP."},
        ],
        [
            {"product.decision": "Rank the help articles shown on each search."},
            {"product.decision": "Recommend the next video to watch."},
            {"product.decision": "Match each invoice to its purchase order."},
            {"product.decision": "Show the account manager the key drivers of each customer's churn."},
            {"product.decision": "Recommend songs for each listener's playlist."},
            {
                "product.decision": "Offer each patient the two earliest clinic slots.",
                "done.when_met": "Randomised by region for six weeks: bookings up 5%.",
            },
            {
                "product.decision": "Match riders to available drivers in real time.",
                "done.when_met": "A switchback test alternating the model and the old rule by hour.",
            },
        ],
    ),
    "exploration-ends-with-the-test": (
        _LOOP,
        [
            {"done.when_met": "A 10% control group keeps today's process during the test."},
            {"done.when_met": "10% of cases stay on the old rules for the duration of the trial."},
            {"done.when_met": "A 10% holdout for the six-week experiment."},
            {"done.when_met": "Control arm of 10% until the pilot ends."},
            {"done.when_met": "10% held back while the experiment runs."},
            {"done.when_met": "A 10% control during the A/B test period."},
        ],
        [
            {"done.when_met": "A 10% control group during the test; 2% stays out permanently."},
            {"done.when_met": "10% holdout during the trial, then a 3% standing holdout after launch."},
            {"done.when_met": "A 10% control group for the test, and a long-term holdout of 2% afterwards."},
            {"done.when_met": "Bookings per visit up 5% against today's process."},
            {
                "done.when_met": "A 10% control group keeps today's process during the test.",
                "constraints.data.outcome_recorded_for": "every_case",
            },
            {"done.when_met": "A 10% control group, kept for good as a permanent holdout."},
        ],
    ),
    "instrument-change-read-as-trend": (
        _RIVER,
        [
            {
                "constraints.data.changes": "The ward got new sensors in March 2024.",
                "product.output": "Falls per 1,000 bed-days, compared with last year.",
            },
            {
                "constraints.data.changes": "The lab switched to a new analyser in 2022.",
                "product.output": "Monthly nitrate level per river reach, reported as a trend.",
            },
            {
                "constraints.data.changes": "Meters were swapped for smart meters in 2021.",
                "product.output": "Water use per household, year-on-year change.",
            },
            {
                "constraints.data.changes": "Gauges replaced at half the sites in 2020.",
                "product.output": "River level per site, change over the years.",
            },
            {
                "constraints.data.changes": "The assay changed in 2019 (new kit).",
                "product.output": "HbA1c per patient, trends over time.",
            },
            {
                "constraints.data.changes": "Cameras upgraded in 2023.",
                "product.output": "Vehicles per hour at each junction, versus last year.",
            },
        ],
        [
            {
                "constraints.data.changes": "The ward got new sensors in March 2024.",
                "product.output": "Whether each patient falls in the next 24 hours.",
            },
            {
                "constraints.data.changes": "Nothing changed in how we measure.",
                "product.output": "Monthly nitrate level per river reach, reported as a trend.",
            },
            {
                "constraints.data.changes": "The lab switched to a new analyser in 2022; both ran in parallel "
                "for three months.",
                "product.output": "Monthly nitrate level per river reach, reported as a trend.",
            },
            {
                "constraints.data.changes": "Gauges replaced at half the sites in 2020.",
                "product.output": "River level per site, change over the years, estimated per regime.",
            },
            {
                "constraints.data.changes": "New staff joined the ward in 2024.",
                "product.output": "Falls per 1,000 bed-days, compared with last year.",
            },
            {
                "constraints.data.changes": "New cameras at two junctions in 2023.",
                "product.output": "Vehicle class of each passing vehicle.",
            },
        ],
    ),
    "label-records-what-was-done": (
        _ACTED,
        [
            {"product.label": "The close code the agent set on each ticket."},
            {"product.label": "Whether the patient was enrolled in the programme."},
            {"product.label": "Whether the claim was approved by the handler."},
            {"product.label": "The outcome code each caseworker recorded when closing the case."},
            {"product.label": "Whether the customer was referred to the specialist team."},
            {"product.label": "Whether the alert was escalated by the analyst."},
            {"product.label": "The disposition recorded by the agent."},
        ],
        [
            {"product.label": "Invoice paid twice, per the bank statement."},
            {"product.label": "Whether the patient was readmitted within 30 days."},
            {"product.label": "Whether the claim was approved, verified against the payment ledger."},
            {"product.label": "The close code the agent set on each ticket.", "done.eval_truth": "outcomes"},
            {
                "product.label": "The close code the agent set on each ticket.",
                "product.circumstances": ["labels_are_decisions"],
            },
            {"product.label": "Whether the part failed within a year of fitting."},
        ],
    ),
    "label-reconstructed": (
        _LIMITS,
        [
            {"product.label": "Failure, reconstructed from gaps between readings."},
            {"product.label": "Churn, inferred from no login for 60 days."},
            {"product.label": "Outage, derived from meters that stop reporting."},
            {"product.label": "Leak, estimated from night-time flow above a threshold."},
            {"product.label": "Machine down, imputed from missing heartbeat messages."},
            {"product.label": "Dropout, inferred from the last seen date."},
        ],
        [
            {
                "product.label": "Failure, reconstructed from gaps between readings, validated against repair logs."
            },
            {"product.label": "Invoice paid twice."},
            {"product.label": "Failure recorded by the engineer on site."},
            {"product.label": "Churn: the customer closed the account."},
            {
                "product.label": "Churn, inferred from no login for 60 days.",
                "constraints.data.outcome_limits": ["capped"],
            },
            {"product.label": "Leak confirmed by a crew dig at the reported spot."},
        ],
    ),
    "criteria-errors-compound": (
        {},
        [
            {"product.inputs": "Each trial has 20-40 criteria, converted to rules by an LLM."},
            {"product.inputs": "Every contract is checked against 35 clauses by GPT-4o."},
            {"product.inputs": "Each application has 12 requirements; a language model judges each."},
            {"product.inputs": "Each tender is scored on 15 conditions by Claude."},
            {"product.inputs": "Per study, 25 eligibility criteria are parsed by an LLM."},
            {
                "product.decision": "Criteria that cannot be tested are counted as passing, and the patient is listed."
            },
        ],
        [
            {"product.inputs": "Each claim has 3 criteria, checked by an LLM."},
            {"product.inputs": "Each trial has 20-40 eligibility criteria, coded by two research nurses."},
            {
                "product.inputs": "Each trial has 20-40 eligibility criteria, converted to rules by an LLM.",
                "done.eval_set": "300 patient-trial pairs, item-level accuracy judged by two nurses.",
            },
            {"product.inputs": "Twenty years of contracts, summarised by an LLM."},
            {"product.inputs": "Each contract has 35 clauses; lawyers review them."},
            {"product.decision": "Criteria that cannot be tested go to a research nurse."},
        ],
    ),
    "sent-output-outlives-its-source": (
        _MESSAGE,
        [
            {"product.inputs": "The line's disruption status and the passenger's booked journey."},
            {"product.inputs": "The parcel's tracking status and the customer's question."},
            {"product.inputs": "Live departure boards and the passenger's ticket."},
            {"product.inputs": "The claim's current stage and the policy wording."},
            {"product.inputs": "Real-time stock availability and the product page."},
            {"product.inputs": "The latest flight status and the booking."},
        ],
        [
            {"product.inputs": "The finished course's syllabus and the learner's final marks."},
            {"product.inputs": "The product's spec sheet and the customer's question."},
            {
                "product.inputs": "The line's disruption status and the passenger's booked journey.",
                "product.decision": "Sent automatically; a follow-up message replaces it when the status changes.",
            },
            {
                "product.inputs": "The parcel's tracking status and the customer's question.",
                "product.decision": "Sent automatically; withdrawn and corrected when the status changes.",
            },
            {"product.inputs": "Last year's annual report and the board minutes."},
            {"product.inputs": "The signed contract and the customer's question."},
        ],
    ),
    "data-spans-the-pandemic": (
        _SPAN,
        [
            {
                "product.output": "Bookings per court and hour",
                "constraints.data.period": "Mar 2018 - Feb 2024",
            },
            {"product.output": "Expected visits per library branch", "constraints.data.period": "since 2017"},
            {"product.output": "Footfall per store per day", "constraints.data.period": "2019-2023"},
            {
                "product.output": "Passenger journeys per station",
                "constraints.data.period": "FY2018/19 to date",
            },
            {"product.output": "Orders per region per week", "constraints.data.period": "Jan 2020 - present"},
            {"product.output": "Admissions per ward per day", "constraints.data.period": "2016 to 2022"},
        ],
        [
            {
                "product.output": "Bookings per court and hour",
                "constraints.data.period": "Jan 2022 - Dec 2025",
            },
            {
                "product.output": "Tonnes of grit each depot will spread",
                "constraints.data.period": "2016 - 2024",
            },
            {
                "product.output": "Bookings per court and hour",
                "constraints.data.period": "2018 - 2024",
                "constraints.data.changes": "Covid closures Mar 2020 - Jun 2021 are flagged.",
            },
            {
                "product.output": "Footfall per store per day",
                "constraints.data.period": "2019-2023",
                "constraints.data.changes": "Lockdown months left out.",
            },
            {"product.output": "Bookings per court and hour", "constraints.data.period": "2010 - 2019"},
            {
                "product.output": "Footfall per store per day",
                "constraints.data.period": "2019-2023",
                "constraints.data.dropped": ["period"],
            },
        ],
    ),
}

# One concern is raised once: where a sibling rule already asks it from the same words, it counts.
SAME_CONCERN = {"inputs-known-only-later": {"inputs-after-prediction"}}

_FIRES = [(rule, {**base, **said}) for rule, (base, fires, _) in PARAPHRASES.items() for said in fires]
_QUIET = [(rule, {**base, **said}) for rule, (base, _, quiet) in PARAPHRASES.items() for said in quiet]


def test_each_rule_has_five_of_each() -> None:
    assert {
        rule: (len(f), len(q)) for rule, (_, f, q) in PARAPHRASES.items() if min(len(f), len(q)) < 5
    } == {}


@pytest.mark.parametrize(("rule", "answers"), _FIRES)
def test_a_paraphrase_raises_it(rule: str, answers: dict[str, Any]) -> None:
    assert {rule, *SAME_CONCERN.get(rule, ())} & set(fired(patched(answers))), answers


@pytest.mark.parametrize(("rule", "answers"), _QUIET)
def test_a_near_miss_stays_quiet(rule: str, answers: dict[str, Any]) -> None:
    assert not {rule, *SAME_CONCERN.get(rule, ())} & set(fired(patched(answers))), answers
