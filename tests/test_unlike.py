"""The data in hand against what the product will see, read in free text, and the kind of error a done
metric counts against the worst error: questions naming the words, never a guess shown as a fact."""

from __future__ import annotations

from typing import Any

import pytest

from planner.judgement.register import assess
from planner.judgement.rules.base import Hint
from planner.judgement.rules.data import hindsight_in_the_notes
from planner.judgement.rules.errorkinds import FALSE_ALARM, MISS, TAIL, counted
from planner.judgement.rules.unlike import change_in_the_notes, unlike_in_setting
from tests.test_review import patched

NONE_SAID = {"constraints.data.differences": ["none"]}


@pytest.mark.parametrize(
    ("source", "where", "product", "words"),
    [
        (  # the same unit counted on both sides, many times as many in the product
            "Vibration logs of 12 instrumented turbines, 2023-2024",
            "product.users",
            "Maintenance planners for our 400 turbines.",
            ("12 instrumented turbines", "400 turbines"),
        ),
        ("Telemetry of a few instrumented trucks", "product.users", "Dispatchers of the whole fleet.", None),
        (
            "Meter readings uploaded in batches every 6 hours",
            "product.decision",
            "Close the valve in real time when a leak starts.",
            ("uploaded in batches", "every 6 hours", "in real time"),
        ),
        (
            "Scans from the previous-generation scanners",
            "product.inputs",
            "Images from the new scanners.",
            None,
        ),
        (
            "Support emails in English, 2022-2024",
            "product.users",
            "Agents answering in German and French.",
            None,
        ),
        ("Triage notes of adult patients", "product.users", "Nurses in the paediatric emergency unit.", None),
        ("Call volumes of weekdays, 2024", "product.users", "Planners staffing the desk every day.", None),
        (
            "Tickets in one language",
            "product.users",
            "Agents in 14 languages.",
            ("one language", "14 languages"),
        ),
        (
            "Logs of a few trucks",
            "product.users",
            "Dispatchers of our 300 trucks.",
            ("a few trucks", "300 trucks"),
        ),
        (
            "Field photos from the summer of 2024",
            "product.users",
            "Agronomists scouting fields year-round.",
            None,
        ),
        (  # a short stretch of data, a launch period named in the title
            "Three months of till data from the new point-of-sale system",
            "title",
            "Store demand forecast in time for Christmas",
            ("three months", "christmas"),
        ),
        ("Match statistics of last season", "product.goal", "Rate players for the new season.", None),
        ("Bookings in the off-season", "product.users", "Hotels planning the peak season.", None),
    ],
)
def test_text_that_gives_the_data_another_setting_is_asked(
    source: str, where: str, product: str, words: tuple[str, ...] | None
) -> None:
    found = unlike_in_setting(
        patched({**NONE_SAID, "constraints.data.sources[0].name": source, where: product})
    )
    assert isinstance(found, Hint)
    assert (
        found[-1]
        == 'constraints.data.differences: ["none"] (is the data really like what the product will see?)'
    )
    if words is not None:
        assert found.words == words


@pytest.mark.parametrize(
    "changes",
    [
        {
            "constraints.data.sources[0].name": "Logs of a few trucks",
            "product.users": "Dispatchers of 12 trucks.",
        },
        {
            "constraints.data.sources[0].name": "Vibration logs of 12 turbines",
            "product.users": "Our 400 pumps.",
        },
        {
            "constraints.data.sources[0].name": "Logs of 300 turbines",
            "product.users": "Planners for 400 turbines.",
        },
        {
            "constraints.data.sources[0].name": "Emails in English and German",
            "product.users": "German agents.",
        },
        {"constraints.data.sources[0].name": "Photos of every season", "product.users": "Used year-round."},
        {  # several seasons of history
            "constraints.data.sources[0].name": "Bookings of the last six seasons, 2019-2025",
            "title": "Daily rentals for the coming season",
        },
        {  # the short stretch is the product's own season
            "constraints.data.sources[0].name": "Three months of winter sales",
            "product.goal": "Stock the shops for winter.",
        },
        {
            "constraints.data.sources[0].name": "Nightly export of the CRM",
            "product.users": "Patients who live alone.",
        },
        {"constraints.data.sources[0].name": "Old scanners", "product.output": "The new model's score."},
        {  # the team ticked the difference: production-differs reasons from the answer, not the words
            "constraints.data.differences": ["population"],
            "constraints.data.sources[0].name": "Triage notes of adult patients",
            "product.users": "Paediatric nurses.",
        },
    ],
)
def test_text_that_says_no_difference_stays_quiet(changes: dict[str, Any]) -> None:
    assert unlike_in_setting(patched({**NONE_SAID, **changes})) is None


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("Recall of duplicates at 95% precision", {MISS, FALSE_ALARM}),
        ("Sensitivity at 90% specificity", {MISS, FALSE_ALARM}),
        ("False wakes per day of home audio", {FALSE_ALARM}),
        ("Share of fraud caught (EUR)", {MISS}),
        ("F1 of the defect class", set()),
        ("AUROC", set()),
        ("Mean average precision of boxes", set()),  # not precision: a blend
        ("RMSE of hourly load", set()),
        ("95th percentile absolute error", {TAIL}),
        ("NDCG@10", set()),
        ("Cost-weighted accuracy", {MISS, FALSE_ALARM, TAIL}),
        # precision of what a system closes unseen: each wrong closure is a true case let go, counted as a
        # share of the closed, not of the true cases: neither a false-alarm count nor a floor on misses
        ("Precision of auto-closed alerts", set()),
        ("False positive rate of auto-approved claims", set()),
        ("Recall of attacks at 99% precision of auto-closed alerts", {MISS}),
    ],
)
def test_which_kind_of_error_a_metric_counts(name: str, kinds: set[str]) -> None:
    reading = counted(name)
    assert reading is not None and reading.kinds == kinds


def test_a_metric_named_in_the_teams_own_words_is_taken_at_its_word() -> None:
    assert counted("Duplicates paid twice per month") is None


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (  # a hard case that names the product range still to come; the question left unanswered
            {
                "constraints.data.differences": [],
                "by_hand.hard_cases": [
                    "Frames of the new model range launching next spring have hidden welds."
                ],
            },
            ("new model range", "launching next"),
        ),
        (  # an FAQ answer that names a system migration
            {
                "press_release.faq": [
                    {
                        "question": "Will it keep working?",
                        "answer": "Billing moves in June: a system migration.",
                    }
                ]
            },
            ("system migration",),
        ),
        (  # a note that says the data covers one fortnight
            {"constraints.data.differences_note": "The sample covers one fortnight of March."},
            ("one fortnight",),
        ),
        (  # a note naming a replacement, the differences unanswered
            {
                "constraints.data.differences": [],
                "constraints.data.differences_note": "The new ledger replaces the old one in April.",
            },
            ("replaces",),
        ),
    ],
)
def test_a_change_to_come_in_the_teams_notes_is_asked(
    changes: dict[str, Any], words: tuple[str, ...]
) -> None:
    plan = patched({**NONE_SAID, **changes})
    risk = next(risk for risk in assess(plan).open_risks if risk.id == "production-differs")
    assert risk.level == "medium"
    found = change_in_the_notes(plan)
    assert isinstance(found, Hint) and found.words == words
    assert "constraints.data.differences" in found[-1]


@pytest.mark.parametrize(
    "changes",
    [
        {"by_hand.hard_cases": ["Welds hidden under paint are hard to judge."]},
        {  # the team checked the new range against the old
            "by_hand.hard_cases": ["The new model range: checked, its welds score the same."]
        },
        {"press_release.faq": [{"question": "New system?", "answer": "No data goes to any new system."}]},
        {  # the change is ticked: production-differs reasons from the answer
            "constraints.data.differences": ["device"],
            "constraints.data.differences_note": "A system migration in June.",
        },
    ],
)
def test_notes_without_a_change_to_come_stay_quiet(changes: dict[str, Any]) -> None:
    assert change_in_the_notes(patched({**NONE_SAID, **changes})) is None


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (  # a classification trained on a reanalysis, fed forecasts live; differences unanswered
            {
                "constraints.data.differences": [],
                "constraints.data.differences_note": "Trained on ERA5 reanalysis; live it reads the weather forecast.",
            },
            ("reanalysis", "era5", "weather forecast"),
        ),
        (  # a hard case that names the hindcast the model learned from
            {
                "product.inputs": "Tomorrow's wind forecast and the tide table.",
                "by_hand.hard_cases": ["Storm days, where the hindcast wind was far off."],
            },
            ("hindcast", "forecast"),
        ),
    ],
)
def test_training_on_hindsight_while_the_product_reads_forecasts_is_asked(
    changes: dict[str, Any], words: tuple[str, ...]
) -> None:
    plan = patched(changes)
    risk = next(risk for risk in assess(plan).open_risks if risk.id == "future-inputs")
    assert risk.level == "medium"
    found = hindsight_in_the_notes(plan)
    assert isinstance(found, Hint) and set(words) <= set(found.words)


@pytest.mark.parametrize(
    "changes",
    [
        {  # trained on the forecasts as they were issued
            "constraints.data.differences_note": "Trained on archived forecasts, not the ERA5 reanalysis.",
            "product.inputs": "The weather forecast.",
        },
        {  # the sales actuals are the label, not an input
            "constraints.data.sources[0].name": "Sales actuals 2019-2024",
            "product.inputs": "Past sales and the promotions calendar; the weather forecast.",
        },
        {
            "constraints.data.differences_note": "Reanalysis of the river gauge.",
            "product.inputs": "Gauge levels.",
        },
    ],
)
def test_forecasts_trained_as_issued_stay_quiet(changes: dict[str, Any]) -> None:
    assert hindsight_in_the_notes(patched(changes)) is None


@pytest.mark.parametrize(
    ("changes", "heard"),
    [
        (  # codes bulk-mapped from the old system, named in a hard case
            {"by_hand.hard_cases": ["Old fault codes were bulk-mapped to the new list; some look wrong."]},
            "bulk-mapped",
        ),
        (
            {"constraints.data.differences_note": "The 38 reason codes became 11 in 2023."},
            "38 reason codes became 11",
        ),
        (  # two sources that split the years
            {
                "constraints.data.sources": [
                    {"name": "Old dispatch system, 2016-2020", "acquisition": "own"},
                    {"name": "New dispatch platform, 2021-2025", "acquisition": "own"},
                ]
            },
            "two sources split the years",
        ),
    ],
)
def test_label_codes_mapped_between_systems_are_asked(changes: dict[str, Any], heard: str) -> None:
    risk = next(risk for risk in assess(patched(changes)).open_risks if risk.id == "label-standard-changed")
    assert risk.level == "medium"
    assert heard in " ".join(risk.evidence)


@pytest.mark.parametrize(
    "changes",
    [
        {"constraints.data.differences_note": "The 12 reason codes stayed 12 throughout."},
        {"press_release.faq": [{"question": "Data?", "answer": "No ticket data is sent to any new system."}]},
        {  # overlapping years: one history, not a split
            "constraints.data.sources": [
                {"name": "Dispatch log, 2016-2025", "acquisition": "own"},
                {"name": "Weather archive, 2016-2025", "acquisition": "public"},
            ]
        },
    ],
)
def test_one_standard_throughout_stays_quiet(changes: dict[str, Any]) -> None:
    ids = {risk.id for risk in assess(patched(changes)).open_risks}
    assert "label-standard-changed" not in ids


@pytest.mark.parametrize(
    ("harm", "heard"),
    [
        (  # two harms in money, one many times the other
            "A missed leak costs about €12,000 of water damage; a false alarm costs a €150 plumber visit.",
            "€12,000, 80 times €150",
        ),
        (  # a safety harm on one side
            "A missed wiring fault is a fire risk in the home; a false alarm costs an electrician's visit.",
            "fire risk",
        ),
    ],
)
def test_similar_errors_against_unequal_harms_are_asked(harm: str, heard: str) -> None:
    plan = patched({"impact.costlier_error": "similar", "impact.error_harm": harm})
    risk = next(risk for risk in assess(plan).open_risks if risk.id == "worse-error-unweighed")
    assert risk.level == "medium"
    assert heard in risk.evidence[0]


def test_similar_errors_of_like_cost_stay_quiet() -> None:
    harm = "A missed leak costs €200 of repairs; a false alarm costs a €150 plumber visit."
    plan = patched({"impact.costlier_error": "similar", "impact.error_harm": harm})
    assert "worse-error-unweighed" not in {risk.id for risk in assess(plan).open_risks}


@pytest.mark.parametrize(
    "metric",
    ["Share of drafts accepted without edits", "Containment rate: chats handled without an agent"],
)
def test_a_metric_that_rewards_acceptance_asks_for_a_counter_metric(metric: str) -> None:
    # nobody confirms a proposal: the product counts its own success
    plan = patched({"product.success_metric": metric})
    ids = {risk.id for risk in assess(plan).open_risks}
    risk = next(risk for risk in assess(plan).open_risks if risk.id == "success-self-counted")
    assert risk.level == "medium" and "anchoring-on-proposal" not in ids
    assert "no counter-metric" in risk.evidence[-1]
    # a person confirms a drafted reply: anchoring on the proposal
    drafted = patched(
        {"product.success_metric": metric, "product.output": "A drafted reply for each ticket."}
    )
    risk = next(risk for risk in assess(drafted).open_risks if risk.id == "anchoring-on-proposal")
    assert risk.level == "medium"
    assert "no counter-metric" in risk.evidence[-1]


def test_acceptance_paired_with_repeat_contacts_stays_quiet() -> None:
    metric = "Containment rate, with repeat contacts within 7 days beside it"
    ids = {risk.id for risk in assess(patched({"product.success_metric": metric})).open_risks}
    assert "anchoring-on-proposal" not in ids


def test_precision_of_what_it_closes_still_asks_for_a_floor_with_the_count_let_through() -> None:
    plan = patched(
        {
            "product.mode": "automate",
            "impact.costlier_error": "false_negative",
            "impact.volume": 4000,
            "impact.period": "day",
            "impact.share_addressed": 0.5,
            "impact.error_severity": "severe",
            "done.metrics": [
                {"name": "Precision of auto-closed alerts", "target": 0.995, "direction": "higher"}
            ],
            "done.worst_error_metric": "Precision of auto-closed alerts",
        }
    )
    risk = next(risk for risk in assess(plan).risks if risk.id == "worst-error-uncounted")
    assert risk.level == "high"
    assert (
        'done.metrics[0]: "Precision of auto-closed alerts" at 99.5%: about 10 real cases a day let through of '
        "2,000 closed" in risk.evidence
    )


def test_a_label_measured_in_a_lab_is_asked_about_where_no_difference_is_ticked() -> None:
    lab = {**NONE_SAID, "product.label": "Days until spoilage, measured in lab storage trials at 4 C."}
    risk = next(risk for risk in assess(patched(lab)).risks if risk.id == "production-differs")
    assert risk.heard == ("lab storage",) and risk.level == "medium"
    assert "the label is measured there, not where the product is used" in risk.evidence[0]
    field = {**NONE_SAID, "product.label": "Days until the shop reports spoilage."}
    assert "production-differs" not in {risk.id for risk in assess(patched(field)).risks}
