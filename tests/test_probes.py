"""What a lead would also ask: questions the plan's shape calls for that no answer settles, shown after
the advice in `planner risks` (text, JSON, Markdown) and on the plan's site page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.judgement.probes import PROBES, SHOWN
from planner.judgement.register import assess
from planner.plan.planfile import plan_to_text
from tests.conftest import MakeWorkspace
from tests.test_review import patched

_ROSTER = {
    "product.task": "forecasting",
    "product.decision": "Planners publish the officers' roster 28 days ahead from the forecast.",
    "product.inputs": "Seats scheduled for the day, bookings so far and the weather forecast.",
    "done.eval_set": "A backtest over 2025 against the officers' counts.",
    "constraints.data.last_input": None,
    "constraints.data.last_input_days": None,
}
_WORKLIST = {
    "product.mode": "improve",
    "product.action_shape": "top_of_queue",
    "product.decision": "Agents phone the accounts at the top of the list each morning.",
    "product.output": "The probability that the invoice is not paid within 14 days.",
    "product.label": "Invoice unpaid 14 days after it fell overdue.",
}
_PILOT = {
    "done.online_validation": "holdout",
    "done.when_met": "A pilot: the north team's agents work the model's list against the south team's on today's.",
}
_TOLD = {"product.current_performance": "Planners tell us they are within 20 minutes on most lists."}
_CHOSEN = {
    "product.current_solution": "Caseworkers decide which tenants to call about their arrears.",
    "constraints.data.outcome_recorded_for": "every_case",
    "constraints.data.exploration_share": 0,
}
_PAGES = {
    "done.split": "random",
    "constraints.data.rows_per_thing": None,
    "done.eval_set": "500 pages of the scanned contracts, labelled by two lawyers.",
    "product.inputs": "The page image and its OCR text.",
    "product.label": "The clause type of each page, from two lawyers.",
}
_SHORTLIST = {
    "product.task": "matching",
    "product.decision": "The coordinator sees a shortlist of five tutors for each new pupil and picks one.",
    "product.output": "The chance that the pupil stays with each tutor for a term; the top five are shown.",
}
_DRAFTS = {
    "product.task": "generation",
    "product.data_kinds": ["text"],
    "product.inputs": "The customer's question, the help-centre articles retrieved for it, and similar past replies.",
}
_WORST = {
    "done.pilot_units": None,  # older plans: the pilot read from words
    "done.online_validation": "before_after",
    "done.when_met": "A pilot at the five worst-performing depots, compared with their quarter before.",
}
_VISITED = {
    "done.pilot_units": None,
    "product.action_shape": "top_of_queue",
    "done.online_validation": "before_after",
    "product.success_metric": "Duplicates at the suppliers visited, in the month after a visit against the month before.",
}
_ADJUSTED = {
    "product.task": "forecasting",
    "product.action_shape": "sets_amount",
    "product.current_solution": "Planners take the same week last year and adjust it by feel.",
    "done.metrics[0].name": "MAPE of weekly payment runs",
    "done.metrics[0].baseline_name": "same week last year",
    "done.metrics[0].direction": "lower",
    "done.metrics[0].baseline": 0.3,
    "done.metrics[0].target": 0.2,
}
_STOPS = {
    "product.action_shape": "top_of_queue",
    "product.decision": "Clerks check invoices in score order and stop after 40 consecutive clean ones.",
}

_DISPUTED = {
    "product.label": "A charge the customer disputed is fraud; a charge not disputed is genuine.",
    "heuristics.humans_handle": "Customers decide whether to dispute a charge; many never read their statement.",
    "product.negative_label": [],  # an older plan: the team never said what makes a negative
}
_PICKED = {
    "product.task": "forecasting",
    "product.action_shape": "sets_amount",
    "product.decision": "The depot manager sets the number of pickers for each shift from the forecast.",
    "product.label": "Order lines picked per shift, from the handheld scanners.",
}
_SUPPRESSED = {
    "product.mode": "automate",
    "product.decision": "Alerts the model scores as noise are suppressed; the rest page the on-call engineer.",
    "product.success_metric": "Pages per week to the on-call engineer, halved.",
}

# (the probe, answers patched onto the sound plan where it asks, the answers that settle it)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "inputs-known-at-decision",
        _ROSTER,
        {"done.eval_set": "A backtest over 2025 with each input as it stood 28 days before the day."},
    ),
    (
        "effect-of-acting",
        _WORKLIST,
        {"product.decision": "Agents phone the top accounts; 5% are held out at random."},
    ),
    (
        "live-test-units",
        _PILOT,
        {"done.when_met": "The north team's agents against the south's, randomised by account each day."},
    ),
    (
        "baseline-provenance",
        _TOLD,
        {"product.current_performance": "Planners tell us 20 minutes; measured on 2025's lists: 24 minutes."},
    ),
    ("outcomes-of-the-chosen", _CHOSEN, {"constraints.data.exploration_share": 0.05}),
    ("test-shares-parents", _PAGES, {"done.split": "group"}),
    (
        "supply-concentrates",
        _SHORTLIST,
        {"product.decision": "The coordinator sees five tutors with free hours this term and picks one."},
    ),
    ("supply-concentrates", _SHORTLIST, {"impact.supply_limit": "in_the_match"}),  # answered: rules weigh it
    (  # a scorer of each (load, haulier) pair: the top ones offered every load
        "supply-concentrates",
        {
            "product.task": "classification",
            "product.decision": "Each new load is offered to the three hauliers most likely to deliver on time.",
        },
        {
            "product.decision": "Each new load is offered to the three hauliers with spare capacity that day "
            "most likely to deliver on time."
        },
    ),
    (  # the coach who acts on the suggested drills is no supply the list offers
        "supply-concentrates",
        {
            "product.task": "classification",
            "product.decision": "Each breakdown is offered to the three technicians most likely to fix it first time.",
        },
        {
            "product.decision": "The coach sees three suggested drills for each training log entry and ticks one.",
            "product.decision_owner": "The club's coach",
        },
    ),
    (
        "retrieved-documents-expire",
        _DRAFTS,
        {
            "product.inputs": "The question and the articles retrieved for it; withdrawn articles leave the index."
        },
    ),
    ("auto-accepted-unaudited", {"product.mode": "automate"}, {"constraints.data.exploration_share": 0.02}),
    (  # no cut-off: the model labels every case, and nobody looks at any
        "auto-accepted-unaudited",
        {"product.mode": "automate", "product.action_shape": "every_item"},
        {"done.when_met": "Go live; the clerks spot-check 50 invoices a week."},
    ),
    (
        "auto-accepted-unaudited",
        {"product.mode": "automate"},
        {"after_launch.fallback": "Clerks re-check a random sample of 2% of the invoices the model clears."},
    ),
    (
        "pilot-on-the-worst",
        _WORST,
        {
            "done.when_met": "A pilot at the five worst-performing depots against five matched ones, same quarter."
        },
    ),
    (
        "pilot-on-the-worst",
        _VISITED,
        {
            "product.success_metric": "Duplicates at suppliers visited against those ranked as high but not yet visited."
        },
    ),
    (
        "baseline-before-people-adjust",
        _ADJUSTED,
        {"done.metrics[0].baseline_name": "the planners' logged forecasts, as issued"},
    ),
    (
        "equipment-changed",
        {"constraints.data.changes": "The tank cameras were replaced with 4K cameras in 2023."},
        {"done.eval_set": "Footage since the new cameras, 2023-2025."},
    ),
    (
        "negative-is-nobody-acting",
        _DISPUTED,
        {"product.label": "A charge the customer disputed is fraud; charges not disputed are left out."},
    ),
    (
        "capacity-caps-the-record",
        _PICKED,
        {
            "done.eval_set": "The last six months; shifts that carried over a backlog are flagged as capped days."
        },
    ),
    (  # a forecast that decides where capacity is added, learned from the load the old capacity carried
        "capacity-caps-the-record",
        {
            **_PICKED,
            "product.action_shape": "threshold",
            "product.decision": "Planners add capacity where the forecast passes 80% of what a site can carry.",
            "product.label": "Peak-hour utilisation of each site, from the counters.",
        },
        {
            "constraints.data.differences_note": "Saturated hours are flagged as capped periods and left out of scoring."
        },
    ),
    (
        "success-met-by-doing-less",
        _SUPPRESSED,
        {"after_launch.monitoring": [{"signal": "Incidents whose alert was suppressed", "threshold": "any"}]},
    ),
    (
        "amount-cut-meets-the-target",
        {
            "product.action_shape": "sets_amount",
            "product.success_metric": "Unsold loaves as a share of loaves baked, halved by spring.",
        },
        {"done.worst_error_metric": "Share of days a shop sold out before 4 pm"},
    ),
    (  # the words fix the plan on Friday for the next Monday-Thursday: three days ahead at the least
        "lead-days-against-the-cycle",
        {
            "product.task": "forecasting",
            "product.lead_days": 1,
            "product.decision": "The planner fixes the packing plan every Friday for the following Monday-Thursday.",
        },
        {"product.lead_days": 3},
    ),
    (  # a ranking of drivers judged on unfilled requests: the order prevents only the ones it caused
        "failures-outside-the-step",
        {"product.task": "ranking", "product.success_metric": "Share of transport requests left unfilled."},
        {
            "impact.bottleneck": "Offers go out one driver at a time; 60% of unfilled requests are due to no driver nearby."
        },
    ),
    (  # clerks check every form today and the model is to do it alone: what else do they catch?
        "step-also-catches",
        {
            "product.mode": "automate",
            "product.current_solution": "Two clerks read each claim form and key it in by hand.",
            "impact.share_addressed": 1.0,
        },
        {"impact.share_addressed": 0.6, "heuristics.humans_handle": "Forms in another language."},
    ),
    (  # graders chalk each defect before the hide is photographed: the label is in the picture
        "marks-in-the-image",
        {
            "product.data_kinds": ["images"],
            "product.label": "Defect outlines from graders, who chalk each defect before the hide is photographed.",
        },
        {"done.eval_set": "400 hides photographed before marking, outlined on screen."},
    ),
    (  # a person checks every output and nothing counts what they catch as the months pass
        "reviewers-attention-over-months",
        {"product.action_shape": "every_item", "impact.error_severity": "serious"},
        {"after_launch.monitoring": [{"signal": "Seeded known errors caught, per reviewer and month"}]},
    ),
    (  # a complaint's outcome on each of its clips, unless each clip is labelled on its own
        "case-label-on-each-part",
        {
            "constraints.data.rows_per_thing": "several",
            "constraints.data.repeated_unit": "one noise complaint",
            "product.data_kinds": ["audio"],
        },
        {"product.label": "Whether each clip holds the noise, each clip labelled by an officer."},
    ),
    (
        "stopping-rule-unscored",
        _STOPS,
        {"done.metrics[0].name": "Recall of duplicates with the stopping rule as used (40 clean in a row)"},
    ),
]


CASES.append(  # a flag people act on, whose costlier error nobody named
    (
        "costlier-error-unsaid",
        {"impact.costlier_error": None, "impact.error_severity": "serious"},
        {"impact.costlier_error": "false_negative"},
    )
)
CASES.append(  # rare positives in grouped rows, the episodes they form never counted
    (
        "positive-episodes-uncounted",
        {
            "product.task": "classification",
            "constraints.data.rows_per_thing": "several",
            "constraints.data.repeated_unit": "One reservoir (one row per week)",
            "constraints.data.labeled_examples": 4000,
            "constraints.data.rarest_class_share": 0.08,
            "constraints.data.positive_units": "not measured",
        },
        {"constraints.data.positive_units": 120},
    )
)
CASES.append(  # a forecast whose decision may use another grain or quantity, not said
    (
        "decision-grain-unsaid",
        {
            "product.task": "forecasting",
            "product.output": "Calls per day at the help desk for the next two weeks.",
            "product.decision": "The supervisor sets each hour's staffing from the forecast.",
        },
        {"product.decision_uses": ["finer_grain"]},
    )
)

CASES.append(  # a label that is an event with several causes, its share for the targeted cause unsaid
    (
        "label-cause-unsaid",
        {
            "product.task": "classification",
            "product.label": "Whether the forklift battery was replaced within the next six months.",
            "product.label_cause_share": None,
        },
        {"product.label_cause_share": 0.35},
    )
)

CASES.append(  # a matcher whose candidates per query, in the test and live, nobody said
    (
        "pool-size-unsaid",
        {"product.task": "matching", "product.output": "The five catalogue entries closest to each photo."},
        {"done.test_pool": 800, "done.live_pool": 900},
    )
)

CASES.append(  # a worked list ranked by the chance of a win, where each win is worth money
    (
        "rank-by-expected-value",
        {
            **_WORKLIST,
            "product.task": "classification",
            "impact.value_per_item": 1200,
            "impact.value_unit": "EUR",
            "done.metrics[0].name": "Win rate in the top 20 quotes a week",
        },
        {"done.metrics[0].name": "Value won in the top 20 quotes a week"},
    )
)

CASES.append(  # a person chooses among the proposals, which rest on less than today's deciders see
    (
        "expert-decides-from-input",
        {
            "product.mode": "augment",
            "product.action_shape": "choose_among",
            "product.unseen_by_model": "The caseworker's home visit.",
        },
        {
            "done.eval_set": "200 past cases two experts decided from the model's inputs only, without the visit."
        },
    )
)

CASES.append(  # inputs listed, and when each is recorded left blank: a lead goes down the list
    (
        "when-inputs-recorded",
        {
            "product.task": "classification",
            "product.inputs": "Room type booked, nights booked, minibar spend.",
            "product.inputs_known_after": [],
        },
        {"product.inputs_known_after": ["none"]},
    )
)

_ASSISTANT = {  # an assistant that replies to customers' messages on its own
    "product.task": "generation",
    "product.data_kinds": ["text"],
    "product.mode": "automate",
    "product.output": "A reply to the customer.",
    "product.audience": "outsiders",
}
CASES += [
    (
        "urgent-messages-routed",
        _ASSISTANT,
        {"heuristics.humans_handle": "Messages about an emergency or a safeguarding concern go to a person."},
    ),
    (
        "urgent-cases-outside-the-ranking",
        {
            "product.action_shape": "top_of_queue",
            "product.inputs": "The request's text (a dripping tap, a gas smell) and the property's age.",
        },
        {"product.decision": "A keyword rule sends gas smells to the emergency line before the model."},
    ),
    (
        "confidence-gates-escalation",
        {**_ASSISTANT, "after_launch.fallback": "It hands the chat to an agent when its confidence is low."},
        {"done.eval_set": "500 labelled messages; the hand-over gate is calibrated on them."},
    ),
    (  # a prompted model links records above the confidence it states of itself
        "confidence-gates-escalation",
        {
            "product.task": "matching",
            "product.mode": "automate",
            "constraints.compute.hosted_model": "A hosted language model, prompted with the address register.",
            "product.output": "The address each record describes, linked when its confidence is above 0.9.",
        },
        {"done.eval_set": "1,000 linked records; the confidence threshold is calibrated on them."},
    ),
    (
        "reply-time-met-by-any-reply",
        {**_ASSISTANT, "product.success_metric": "Median reply time under one minute."},
        {"done.worst_error_metric": "Share of wrong answers in a weekly checked sample."},
    ),
]

CASES.append(  # weld photos from three plants' scanners, split at random: the plant shows in the picture
    (
        "source-shows-in-the-input",
        {
            "product.task": "classification",
            "product.data_kinds": ["images"],
            "product.inputs": "Photos of each weld from the scanners at our three plants.",
            "done.split": "random",
        },
        {"done.eval_set": "Welds from one plant held out of training, with the plant stamp masked."},
    )
)


CASES.append(  # customers send the photos and the model decides alone: who sends what, and could they game it
    (
        "customers-send-the-data",
        {
            "product.mode": "automate",
            "constraints.data.sources": [
                {"name": "Claim photos customers upload", "acquisition": "from_customers"}
            ],
        },
        {"product.mode": "augment", "constraints.data.differences": ["device", "channel"]},
    )
)


CASES.append(  # a nightly batch reads notes a late shift writes after it ran
    (
        "batch-misses-late-entries",
        {"product.inputs": "Vital signs and the nurses' shift notes, written at the end of each shift."},
        {"product.output": "A risk score, re-scored as each note is saved."},
    )
)

CASES.append(  # the flags go back to the nurses whose notes the model reads
    (
        "staff-write-what-is-scored",
        {"product.inputs": "Vital signs and the nursing notes of each patient.", "product.mode": "augment"},
        {"after_launch.monitoring": [{"signal": "Vocabulary drift of the nursing notes, week by week"}]},
    )
)


CASES += [  # how each label meets its case (label_probes)
    (  # labels from a record paired with images: how closely they line up
        "label-lines-up-with-input",
        {
            "product.data_kinds": ["images"],
            "product.inputs": "Aerial photos of each field.",
            "constraints.data.labels": ["existing"],
        },
        {"constraints.data.labels": ["manual"]},
    ),
    (  # an outcome looked up in another system by e-mail
        "outcome-linked-loosely",
        {
            "constraints.data.labels": ["outcomes"],
            "product.label": "Whether the enquiry became a sale, joined from the sales ledger by email address.",
        },
        {"product.label": "Whether the enquiry became a sale, per the enquiry reference the ledger carries."},
    ),
    (  # a forecast from the bookings on the books, its rows called unchanging
        "records-as-of-the-decision",
        {
            "product.task": "forecasting",
            "product.inputs": "Bookings on the books for the night, the weekday and local events.",
            "constraints.data.inputs_built": "unchanging",
        },
        {"constraints.data.inputs_built": "point_in_time"},
    ),
    (  # the class people file when closing each case
        "record-wrong-for-a-slice",
        {"constraints.data.labels": ["existing"], "done.eval_truth": "outcomes"},
        {"done.eval_truth": "checked"},
    ),
    (  # the positives are the cases an alarm flagged: by what, and does the model read it
        "how-positives-were-found",
        {
            "constraints.data.labels": ["existing"],
            "product.label": "Fault: the boilers our remote monitoring flagged.",
            "product.inputs": "Hourly water pressure, flow temperature and burner starts.",
        },
        {"product.label": "Fault: the boilers our remote monitoring flagged, each confirmed by an engineer."},
    ),
]

CASES.append(
    (  # a rate among the sites a ranked list sends crews to: over whom is it counted?
        "rate-among-picked-cases",
        {
            "product.action_shape": "top_of_queue",
            "done.metrics[0].name": "Leak repair rate among visited sites",
        },
        {"done.rate_over": "acted_with_count"},
    )
)
QUIET_RATE = [  # the same list judged by a recall over all leaks, or with a count beside the rate
    {"product.action_shape": "top_of_queue"},
    {
        "product.action_shape": "top_of_queue",
        "done.metrics": [
            {"name": "Leak repair rate among visited sites", "baseline": 0.5, "target": 0.6},
            {"name": "Leaks repaired a month", "baseline": 30, "target": 40},
        ],
    },
]


CASES.append(  # no personal data, says one answer; the inputs name people, says another
    (
        "personal-data-denied",
        {
            "constraints.data.personal_data": False,
            "product.person_inputs": ["text_only"],
            "constraints.data.sources": [{"name": "Scanned deeds of sale", "acquisition": "own"}],
        },
        {
            "constraints.data.sources": [
                {"name": "Scanned deeds of sale", "acquisition": "own", "about_people": False}
            ]
        },
    )
)


def test_every_probe_has_cases() -> None:
    assert {probe for probe, _, _ in CASES} == set(PROBES)


@pytest.mark.parametrize(("probe", "shape", "settled"), CASES, ids=[case[0] for case in CASES])
def test_probe_asks_where_the_shape_calls_for_it_and_not_once_settled(
    probe: str, shape: dict[str, Any], settled: dict[str, Any]
) -> None:
    asked = {each.id: each for each in assess(patched(shape)).asked}
    assert probe in asked
    question = asked[probe]
    assert question.question.endswith((".", "?")) and "?" in question.question
    assert question.because and all(":" in line for line in question.because)  # quotes the plan's answers
    assert probe not in {each.id for each in assess(patched({**shape, **settled})).asked}


def test_the_sound_plan_prompts_no_question() -> None:
    assert assess(patched({})).asked == ()


def test_a_probe_stays_silent_where_its_rule_already_raised_the_risk() -> None:
    # The tick says the action changes the outcome, so the rule itself raises it: no second question.
    changes = {**_WORKLIST, "product.circumstances": ["sets_controls"]}
    assessment = assess(patched({**changes, "constraints.data.outcome_recorded_for": "changed_by_action"}))
    raised = {risk.id for risk in assessment.risks}
    for each in assessment.asked:
        assert not raised.intersection(PROBES[each.id].rules), each.id


def test_a_lead_asks_a_handful_costliest_first() -> None:
    assessment = assess(patched({**_ROSTER, **_WORKLIST, **_PILOT, **_TOLD, **_CHOSEN, **_PAGES}))
    assert 1 <= len(assessment.asked) <= SHOWN
    weights = [PROBES[each.id].weight for each in assessment.asked]
    assert weights == sorted(weights, reverse=True)


def test_risks_shows_the_questions_in_text_json_and_markdown(make_workspace: MakeWorkspace) -> None:
    plan = patched(
        {**_WORKLIST, **_PILOT, "product.decision": "Agents phone <b>the top</b> accounts each day."}
    )
    make_workspace({"plans/arrears/plan.yaml": plan_to_text(plan)})
    runner = CliRunner()

    text = runner.invoke(cli, ["risks", "arrears"], catch_exceptions=False).output
    section = text.split("A lead would also ask", 1)[1]
    assert "does that action change the outcome" in section
    assert "does it randomise cases, days, or whole" in section
    assert "product.decision:" in section  # the answers that make it worth asking

    data = json.loads(
        runner.invoke(cli, ["risks", "arrears", "--format", "json"], catch_exceptions=False).output
    )
    questions = data["questions"] if isinstance(data, dict) else data[0]["questions"]
    assert {"effect-of-acting", "live-test-units"} <= {each["id"] for each in questions}
    assert all(each["question"] and each["because"] for each in questions)

    markdown = runner.invoke(cli, ["risks", "arrears", "--format", "markdown"], catch_exceptions=False).output
    assert "**A lead would also ask**" in markdown
    assert "<b>" not in markdown  # the team's words are escaped


# Shapes near each probe's that do not call for it: (the probe, answers patched onto the sound plan).
QUIET: list[tuple[str, dict[str, Any]]] = [
    # the equipment is said to have stayed the same: no change to ask about
    (
        "equipment-changed",
        {
            "constraints.data.changes": "Same drone camera and flight height throughout; counters trained alike."
        },
    ),
    # a duration, not a count capacity can stop
    ("capacity-caps-the-record", {**_PICKED, "product.label": "Minutes per order line, from the scanners."}),
    # the demand is booked ahead: a short shift makes people wait, it does not lose them
    ("capacity-caps-the-record", {**_PICKED, "product.inputs": "Appointments booked, weekday and holidays."}),
    # the team says nothing about who chooses to act
    ("negative-is-nobody-acting", {**_DISPUTED, "heuristics.humans_handle": "Clerks answer disputes."}),
    # the team says what makes a negative: the structured answer settles it (a rule reads it)
    ("negative-is-nobody-acting", {**_DISPUTED, "product.negative_label": ["outcome_absent"]}),
    # people decide; the system takes nothing out of sight by itself
    ("success-met-by-doing-less", {**_SUPPRESSED, "product.mode": "augment"}),
    # success names a second measure beside the waste
    (
        "amount-cut-meets-the-target",
        {
            "product.action_shape": "sets_amount",
            "product.success_metric": "Unsold loaves as a share of loaves baked, and days a shop sold out.",
        },
    ),
    # the clerks keep working each form, helped by the model: they still see what they used to
    (
        "step-also-catches",
        {"product.mode": "augment", "product.current_solution": "Two clerks read each claim form by hand."},
    ),
    # chalk in a table of soil samples: no picture to carry it
    (
        "marks-in-the-image",
        {
            "product.data_kinds": ["tabular"],
            "product.inputs": "Chalk content, pH and depth of each soil sample.",
        },
    ),
    # a classifier judged on late deliveries: catching them is its own step
    (
        "failures-outside-the-step",
        {"product.task": "classification", "product.success_metric": "Share of late deliveries."},
    ),
    # several visits of one customer in a table: no clips or photos to carry a case's outcome
    (
        "case-label-on-each-part",
        {
            "constraints.data.rows_per_thing": "several",
            "constraints.data.repeated_unit": "one customer",
            "product.data_kinds": ["tabular"],
        },
    ),
    # every item checked, but a wrong one costs little
    (
        "reviewers-attention-over-months",
        {"product.action_shape": "every_item", "impact.error_severity": "minor"},
    ),
    # a weekly cycle on a classifier: the lead of a verdict is not a forecast's horizon
    (
        "lead-days-against-the-cycle",
        {
            "product.lead_days": 0,
            "product.decision": "Inspectors fix the visit list every Friday for the following week.",
        },
    ),
]


QUIET.append(  # a draft nobody acts on unchecked, with a minor error: no two errors to weigh
    (
        "costlier-error-unsaid",
        {"impact.costlier_error": None, "product.task": "generation", "impact.error_severity": "minor"},
    )
)

QUIET.append(  # people decide every case from the whole file: nothing proposed or ordered blind
    (
        "expert-decides-from-input",
        {
            "product.mode": "augment",
            "product.action_shape": "every_item",
            "product.task": "classification",
            "product.unseen_by_model": "The caseworker's home visit.",
        },
    )
)

QUIET.append(  # the same notes, scored as each is saved: nothing waits for a run
    (
        "batch-misses-late-entries",
        {
            "product.inputs": "Vital signs and the nurses' shift notes, written at the end of each shift.",
            "constraints.latency.serving": "online",
        },
    )
)

QUIET.append(  # the shifts are what the weekly forecast staffs, not when its inputs are written
    (
        "batch-misses-late-entries",
        {
            "product.task": "forecasting",
            "product.inputs": "Orders booked for each day, last week's dispatches and public holidays.",
            "product.decision": "On Thursday the depot manager staffs next week at two or three shifts a day.",
        },
    )
)

QUIET.append(  # text customers write, not the staff the flags go to
    (
        "staff-write-what-is-scored",
        {"product.inputs": "The customer's complaint e-mail and its attachments.", "product.mode": "augment"},
    )
)

QUIET.append(  # it reads the document in hand: no later value to leak
    (
        "when-inputs-recorded",
        {
            "product.task": "extraction",
            "product.inputs": "The scanned invoice.",
            "product.inputs_known_after": [],
        },
    )
)

QUIET += [  # a person edits and sends each reply: they read the message, and the reply time counts their work
    ("urgent-messages-routed", {**_ASSISTANT, "product.mode": "augment"}),
    ("urgent-messages-routed", {**_ASSISTANT, "product.audience": "staff"}),  # colleagues write in
    (  # a gas smell on a list nobody works down: each case gets the output
        "urgent-cases-outside-the-ranking",
        {
            "product.action_shape": "every_item",
            "product.inputs": "The request's text (a dripping tap, a gas smell) and the property's age.",
        },
    ),
    (  # it drafts a document from the forms people send; nothing goes back to them as a reply
        "urgent-messages-routed",
        {
            **_ASSISTANT,
            "product.output": "A draft risk assessment pack for the trip leader.",
            "product.model_reach": ["reads_outside_text"],
        },
    ),
    (
        "reply-time-met-by-any-reply",
        {**_ASSISTANT, "product.mode": "augment", "product.success_metric": "Median reply time under a day."},
    ),
]

QUIET.append(  # whole plants held out of the test: a source the model learned cannot carry the score
    (
        "source-shows-in-the-input",
        {
            "product.task": "classification",
            "product.data_kinds": ["images"],
            "product.inputs": "Photos of each weld from the scanners at our three plants.",
            "done.split": "group",
        },
    )
)


QUIET.append(  # the team's own records: nobody outside shapes them
    (
        "customers-send-the-data",
        {
            "product.mode": "automate",
            "constraints.data.sources": [{"name": "Claim records", "acquisition": "own"}],
        },
    )
)


QUIET.append(  # no personal data, and no other answer says the records describe people
    ("personal-data-denied", {"constraints.data.personal_data": False, "product.person_inputs": ["none"]})
)


QUIET.append(  # a label of one cause only (a leak found at inspection): no other cause to share it with
    (
        "label-cause-unsaid",
        {
            "product.task": "classification",
            "product.label": "Whether a leak was found at the pump's next inspection.",
            "product.label_cause_share": None,
        },
    )
)
QUIET += [("rate-among-picked-cases", shape) for shape in QUIET_RATE]


@pytest.mark.parametrize(("probe", "shape"), QUIET, ids=[case[0] for case in QUIET])
def test_probe_stays_quiet_where_the_shape_does_not_call_for_it(probe: str, shape: dict[str, Any]) -> None:
    assert probe not in {each.id for each in assess(patched(shape)).asked}


def test_the_interview_closes_with_the_questions_a_lead_would_ask() -> None:
    from planner.interview.screens import closing

    plan = patched(_ROSTER)
    asked = assess(plan).asked
    assert asked  # the roster plan calls for a question no answer settles
    screen = closing("plans/roster/plan.yaml", "roster", plan)
    lines = screen.splitlines()
    start = lines.index("A lead would also ask:")
    shown = [line for line in lines[start + 1 :] if line.startswith("  ? ")]
    assert shown == [f"  ? {each.question}" for each in asked[:3]]
    assert "A lead would also ask:" not in closing("plans/sound/plan.yaml", "sound", patched({}))


def test_the_roster_probe_names_the_input_that_arrives_last() -> None:
    # The team named its last input but never measured when it arrives: the lead asks about it by name.
    named = {
        **_ROSTER,
        "constraints.data.last_input": "Bookings so far",
        "constraints.data.last_input_days": "not measured",
    }
    asked = {each.id: each for each in assess(patched(named)).asked}
    question = asked["inputs-known-at-decision"]
    # 'not measured' reads as a question of when it arrives, with a way to find out.
    assert "when Bookings so far reaches your tables is not measured" in question.question
    assert "how many days before the day it serves does Bookings so far arrive" in question.question
    assert "timestamps of a few rows" in question.question
    assert ", the input that reaches your tables last," not in question.question
    assert any('constraints.data.last_input: "Bookings so far"' in line for line in question.because)
    assert "constraints.data.last_input_days: not measured" in question.because
    # Named but its arrival left blank: the question asks whether it is known that far ahead.
    blank = {**named, "constraints.data.last_input_days": None}
    unmeasured = {each.id: each for each in assess(patched(blank)).asked}["inputs-known-at-decision"]
    assert "is Bookings so far (the input that reaches your tables last) known" in unmeasured.question
    # Measured: the arithmetic is the rule's (inputs-after-prediction), not a question.
    measured = {**named, "constraints.data.last_input_days": -1}
    risks = {risk.id for risk in assess(patched(measured)).risks}
    assert "inputs-after-prediction" in risks
    assert "inputs-known-at-decision" not in {each.id for each in assess(patched(measured)).asked}
    # Two inputs named, neither measured: the question names each.
    two = {**named, "constraints.data.late_inputs": [{"name": "Staff rota", "days": "not measured"}]}
    both = {each.id: each for each in assess(patched(two)).asked}["inputs-known-at-decision"]
    assert "when Bookings so far and Staff rota reach your tables is not measured" in both.question
    assert "how many days before the day it serves does each arrive" in both.question
    assert "constraints.data.late_inputs[0].days: not measured" in both.because


def test_a_wait_or_a_case_outcome_is_not_a_lead_fixed_ahead() -> None:
    ids = lambda plan: {each.id for each in assess(patched(plan)).asked}  # noqa: E731
    assert "inputs-known-at-decision" in ids(_ROSTER)
    # Today's wait the product removes, not a lever set ahead: the repair orders are raised the same day.
    waits = {
        **_ROSTER,
        "product.decision": "Boiler repair orders go out the day the survey lands instead of up to ten days later.",
    }
    assert "inputs-known-at-decision" not in ids(waits)
    # A case's own later outcome (a claim's cost when it settles), each input's timing answered against the
    # moment of prediction: nothing is left to ask; unanswered, the question stays.
    case = {**_ROSTER, "product.task": "regression", "product.inputs_known_after": ["none"]}
    assert "inputs-known-at-decision" not in ids(case)
    assert "inputs-known-at-decision" in ids({**case, "product.inputs_known_after": []})
    assert "inputs-known-at-decision" in ids({**case, "product.task": "forecasting"})


@pytest.mark.parametrize(
    ("probe", "shape"),
    [
        (
            "label-lines-up-with-input",
            {"product.data_kinds": ["tabular"], "constraints.data.labels": ["existing"]},
        ),
        (  # scanned forms are pages: the record a label comes from was typed from the very page
            "label-lines-up-with-input",
            {
                "product.data_kinds": ["images"],
                "product.inputs": "Scanned images of the paper claim forms.",
                "constraints.data.labels": ["existing"],
            },
        ),
        (  # an extraction from declarations, photographed or scanned: the label is read off the page
            "label-lines-up-with-input",
            {
                "product.task": "extraction",
                "product.data_kinds": ["text", "images"],
                "product.inputs": "The declaration PDF as sent: clean PDFs, scans and phone photos.",
                "constraints.data.labels": ["existing"],
            },
        ),
        (  # a key named, but not as a link to the outcome
            "outcome-linked-loosely",
            {
                "constraints.data.labels": ["outcomes"],
                "constraints.data.sources": [{"name": "Supplier list, sorted by name", "acquisition": "own"}],
            },
        ),
        (  # an amount: nothing is picked into a class
            "how-positives-were-found",
            {
                "product.task": "regression",
                "constraints.data.labels": ["existing"],
                "product.label": "Litres lost at each flagged pipe.",
                "product.inputs": "Night flow and pressure.",
            },
        ),
        (  # an amount, not a class a record files
            "record-wrong-for-a-slice",
            {
                "product.task": "regression",
                "constraints.data.labels": ["existing"],
                "constraints.data.label_writer": "blind",
            },
        ),
    ],
)
def test_label_probes_stay_quiet_off_their_shape(probe: str, shape: dict[str, Any]) -> None:
    assert probe not in {each.id for each in assess(patched(shape)).asked}


def test_a_sender_is_asked_about_shaping_what_they_send_only_where_they_gain() -> None:
    # Kennels send their weekly booking counts for a forecast of the grooming van's days: the format
    # question stands, but a kennel gains nothing from the forecast, so nobody asks whether it games it.
    sent = {
        "product.mode": "automate",
        "product.task": "forecasting",
        "constraints.data.sources": [
            {"name": "Weekly booking counts kennels e-mail us", "acquisition": "from_customers"}
        ],
    }
    plain = {each.id: each for each in assess(patched(sent)).asked}["customers-send-the-data"]
    assert "tested across senders" in plain.question
    assert "shape what they send" not in plain.question
    # The output grants or prices something to the sender (a discount, a place): the gaming clause returns.
    for gained in ({"product.person_effect": "grants"}, {"product.audience": "staff_about_outsiders"}):
        asked = {each.id: each for each in assess(patched({**sent, **gained})).asked}[
            "customers-send-the-data"
        ]
        assert "could a sender shape what they send" in asked.question
