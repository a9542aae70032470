"""Words with a common other sense raise a risk only in the sense its rule means: `volunteers triage the
reports` decides about no volunteer, `mortgage offers` listed on a site are products, while the same words
said of people decided about still raise it."""

from __future__ import annotations

from typing import Any

from planner.judgement.rules.aboutpeople import decides_about_people
from planner.judgement.rules.backlog import backlog_outside_the_flow
from planner.judgement.rules.baserate import base_rate_from_labelled_data
from planner.judgement.rules.budget import action_budget_in_other_units
from planner.judgement.rules.capped import capped_outcomes
from planner.judgement.rules.circumstances import commits_unchecked
from planner.judgement.rules.data import future_inputs, proxy_label
from planner.judgement.rules.differs import production_differs
from planner.judgement.rules.done import no_monitoring
from planner.judgement.rules.errorkinds import worst_error_uncounted
from planner.judgement.rules.evaluation import selective_labels
from planner.judgement.rules.fairness import fairness_unchecked
from planner.judgement.rules.fallback import fallback_needs_the_people_removed
from planner.judgement.rules.filled import filled_resource
from planner.judgement.rules.foretold import action_prevents_the_label
from planner.judgement.rules.generative import drafts_may_leak_records, outsiders_write_the_prompt
from planner.judgement.rules.known import inputs_known_only_later
from planner.judgement.rules.lexicon import SELECTS
from planner.judgement.rules.loop import closed_loop_dynamics_untested
from planner.judgement.rules.newcomers import test_set_misses_newcomers as misses_newcomers
from planner.judgement.rules.outside import data_leaves_organisation
from planner.judgement.rules.periodchange import equipment_change_only
from planner.judgement.rules.protected import protected_feature_in_decision
from planner.judgement.rules.rights import content_rights_unchecked
from planner.judgement.rules.setpoint import instrument_change_read_as_trend, setpoint_loop_unguarded
from planner.judgement.rules.shocks import data_spans_the_pandemic
from planner.judgement.rules.subsets import safety_subset_under_one_severity
from planner.judgement.rules.survivors import LEFT_BEFORE
from planner.judgement.rules.timing import inputs_after_prediction
from planner.judgement.rules.unlike import unlike_in_the_note
from planner.judgement.rules.unsaid import monitoring_unanswered_live
from planner.plan.model import Plan


def _plan(product: dict[str, Any], **parts: Any) -> Plan:
    data = {"labels": ["existing"], **parts.pop("data", {})}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": data}})


def test_volunteers_who_triage_things_are_not_decided_about() -> None:
    product = {
        "goal": "Volunteers triage the pothole reports faster.",
        "decision": "A volunteer coordinator triages each report into urgent or routine.",
        "inputs": "The report text, a photo and the postcode of the pothole.",
    }
    plan = _plan(product, data={"personal_data": True})
    assert fairness_unchecked(plan) is None
    assert protected_feature_in_decision(plan) is None


def test_patients_a_nurse_triages_are_decided_about() -> None:
    product = {"decision": "Nurses triage the patients.", "inputs": "Symptoms, age and home postcode."}
    plan = _plan(product, data={"personal_data": True})
    assert decides_about_people(plan) is not None
    assert (
        protected_feature_in_decision(plan) is not None
    )  # it asks the group check: fairness-unchecked is quiet
    assert fairness_unchecked(plan) is None


def test_mortgage_offers_ranked_for_a_search_are_products() -> None:
    product = {
        "goal": "Show the mortgage offers that best fit the search.",
        "decision": "Which mortgage offers the site lists first for a search.",
        "inputs": "The product terms, the lender, the rate and past click-through.",
    }
    assert fairness_unchecked(_plan(product)) is None


def test_mortgage_applicants_approved_are_people() -> None:
    product = {"decision": "Which mortgage applicants we approve.", "inputs": "Income and debts."}
    assert fairness_unchecked(_plan(product)) is not None


def test_an_offer_made_to_people_still_acts_on_them() -> None:
    assert fairness_unchecked(_plan({"decision": "Which applicants we offer a place."})) is not None
    assert fairness_unchecked(_plan({"decision": "Which students are offered a bursary."})) is not None


def test_a_horse_race_is_no_protected_trait() -> None:
    # eval38: "best race of a sibling" among a yearling's inputs raised the group check on people
    horses = {
        "decision": "The reserve the consignor sets for each yearling at the sale.",
        "inputs": "Sire, dam's produce record (winners, best race of a sibling), sex, month of foaling.",
    }
    assert fairness_unchecked(_plan(horses, data={"personal_data": False})) is None
    people = {"decision": "Which tenants' homes we inspect first.", "inputs": "Past complaints, race, age."}
    assert fairness_unchecked(_plan(people, data={"personal_data": False})) is not None


def test_a_language_need_is_a_stand_in_where_people_are_decided_about() -> None:
    product = {
        "decision": "Which tenants' homes the housing officers investigate first.",
        "inputs": "Past complaints, household size and interpreter needed.",
    }
    evidence = protected_feature_in_decision(_plan(product, data={"personal_data": True}))
    assert evidence is not None and "interpreter needed" in evidence.words  # type: ignore[attr-defined]
    things = {
        "decision": "Which parcels the depot sends first.",
        "inputs": "Preferred language of the label.",
    }
    assert protected_feature_in_decision(_plan(things, data={"personal_data": True})) is None


def test_staff_called_in_for_a_forecast_busy_hour_prevent_no_label() -> None:
    product = {
        "goal": "Fewer hours where calls wait more than five minutes.",
        "decision": "The rota planner sets the shifts; extra staff are called in when the forecast is high.",
        "task": "forecasting",
        "label": "Calls received per half hour.",
        "output": "Calls expected per half hour for the next 14 days.",
        "mode": "augment",
    }
    plan = _plan(product, data={"labels": ["outcomes"], "outcome_recorded_for": "every_case"})
    assert action_prevents_the_label(plan) is None


def test_tenants_phoned_when_flagged_still_prevent_the_label() -> None:
    product = {
        "goal": "Fewer households fall into rent arrears.",
        "decision": "Housing officers phone the flagged tenants and offer a payment plan.",
        "task": "classification",
        "label": "Tenant two months in arrears within six months.",
        "mode": "augment",
    }
    plan = _plan(product, data={"labels": ["outcomes"], "outcome_recorded_for": "every_case"})
    assert action_prevents_the_label(plan) is not None


def test_a_measured_drop_chooses_no_case() -> None:
    assert SELECTS.find_all("Crews are sent when a drop of 3 degrees is measured.") == ()
    assert SELECTS.find_all("Alert when the pressure drops below 2 bar.") == ()
    assert SELECTS.find_all("The system drops the lowest-scoring 60% of CVs.") == ("drops", "lowest-scoring")
    # the drop of a roast is the moment the beans leave the drum, not a case dropped
    assert SELECTS.find_all("Scored at drop from the roast curve up to the drop.") == ()


def test_a_letter_written_after_the_visit_reads_the_visit_in_time() -> None:
    product = {
        "decision": "The carer edits and sends the letter the model drafts after the visit.",
        "task": "generation",
        "inputs": "The carer's notes taken after the visit and the care plan.",
        "label": "Whether the family later complains about the letter.",
        "output": "A draft letter to the family, written after the visit.",
    }
    plan = _plan(product, data={"labels": ["outcomes"], "label_delay_days": 30})
    assert inputs_after_prediction(plan) is None
    assert inputs_known_only_later(plan) is None


def test_notes_after_the_visit_still_leak_into_a_forecast_of_its_outcome() -> None:
    product = {
        "decision": "A coordinator calls the families scored highest before the visit.",
        "task": "classification",
        "inputs": "The carer's notes taken after the visit and the care plan.",
        "label": "The family cancels the care within 30 days.",
    }
    plan = _plan(product, data={"labels": ["outcomes"], "label_delay_days": 30})
    assert inputs_after_prediction(plan) or inputs_known_only_later(plan)


def _drafter(inputs: str, reach: list[str]) -> Plan:
    product = {"task": "generation", "data_kinds": ["text"], "inputs": inputs, "model_reach": reach}
    return _plan(product, data={"personal_data": True})


def test_an_internal_tool_whose_team_says_who_writes_and_who_reads_is_not_asked_by_words() -> None:
    inputs = "The staff member's question and similar cases retrieved from past client e-mails."
    assert outsiders_write_the_prompt(_drafter(inputs, ["reads_as_user"])) is None
    assert drafts_may_leak_records(_drafter(inputs, ["reads_as_user"])) is None
    assert outsiders_write_the_prompt(_drafter(inputs, [])) is not None
    assert drafts_may_leak_records(_drafter(inputs, [])) is not None


def test_a_one_off_backlog_needs_no_monitoring() -> None:
    product = {"goal": "Classify the one-off backlog of 40,000 scanned files.", "mode": "augment"}
    plan = Plan.model_validate(
        {"title": "A plan", "status": "building", "product": product, "after_launch": {"monitoring": "none"}}
    )
    assert no_monitoring(plan) is None
    assert monitoring_unanswered_live(plan) is None
    ongoing = {"goal": "Classify the scanned files each day.", "mode": "augment"}
    plan = Plan.model_validate(
        {"title": "A plan", "status": "building", "product": ongoing, "after_launch": {"monitoring": "none"}}
    )
    assert no_monitoring(plan) is not None


def _heat(differences: list[str], note: str) -> Plan:
    product = {
        "task": "forecasting",
        "inputs": "Past heat demand per hour and the temperature of each hour.",
        "output": "Heat demand per hour for the next 48 hours, compared with last year.",
    }
    return _plan(product, data={"differences": differences, "differences_note": note})


def test_capture_ticked_for_forecast_weather_is_no_new_instrument() -> None:
    note = "Training uses the observed temperatures; live the model reads the Met Office forecast."
    plan = _heat(["capture"], note)
    assert instrument_change_read_as_trend(plan) is None
    assert production_differs(plan) is None
    assert future_inputs(plan) is not None  # the sense the team meant is still asked
    assert future_inputs(_heat(["forecast_inputs"], note)) is not None
    assert production_differs(_heat(["forecast_inputs"], note)) is None
    swapped = _heat(["capture"], "The weather station's sensors were replaced in 2023.")
    assert instrument_change_read_as_trend(swapped) is not None


def test_a_camera_said_to_stay_the_same_is_no_change_of_equipment() -> None:
    for said in ("No change of camera or sensor.", "The scanners were not replaced.", "No new cameras."):
        assert not equipment_change_only(said), said
    assert equipment_change_only("Switched from the old cameras to 4K cameras in 2023.")
    product = {"output": "Falls per 1,000 bed-days, compared with last year."}
    kept = _plan(product, data={"changes": "No new sensors on the ward; the same beds throughout."})
    assert instrument_change_read_as_trend(kept) is None
    assert instrument_change_read_as_trend(_plan(product, data={"changes": "New sensors in March 2024."}))


def test_a_year_of_history_or_once_a_year_reads_no_trend() -> None:
    # a phrase broken across two lines of a lexicon left its last word an entry of its own
    changes = {"changes": "Probes replaced at every site in March 2026."}
    for said in ("Next week's energy per site from a year of history.", "Stock counted once a year."):
        assert instrument_change_read_as_trend(_plan({"output": said}, data=changes)) is None, said
    compared = _plan({"output": "Low flow per reach, compared with last year."}, data=changes)
    assert instrument_change_read_as_trend(compared) is not None
    assert LEFT_BEFORE.find("Sold at the market stall.") is None
    assert LEFT_BEFORE.find("Items taken off the market before the auction.") == "taken off the market"


def _sourced(*sources: tuple[str, str]) -> Plan:
    named = [{"name": name, "acquisition": acquisition} for name, acquisition in sources]
    return _plan({"task": "forecasting"}, data={"content_rights": "not_checked", "sources": named})


def test_a_public_bodys_open_data_is_no_content_rights_risk() -> None:
    own = ("Our meter readings", "own")
    assert content_rights_unchecked(_sourced(own, ("Met Office hourly observations", "public"))) is None
    assert content_rights_unchecked(_sourced(("NOAA storm records", "public"))) is None
    assert (
        content_rights_unchecked(_sourced(own, ("Road counts under the Open Government Licence", "public")))
        is None
    )
    assert content_rights_unchecked(_sourced(own, ("Reviews scraped from the web", "public"))) is not None
    assert content_rights_unchecked(_sourced(("Met Office data", "public"), ("Repair manuals", "public")))
    assert content_rights_unchecked(_sourced(("Met Office forecasts via a reseller", "vendor"))) is not None
    assert content_rights_unchecked(_sourced(own)) is not None


def test_a_budget_counting_one_inspection_per_flag_is_in_the_models_unit() -> None:
    def budget(owner: str) -> Plan:
        return _plan({"decision": "An inspector visits each flagged premises.", "decision_owner": owner})

    assert action_budget_in_other_units(budget("Food safety team: 300 inspections a year.")) is None
    assert action_budget_in_other_units(budget("Three inspectors, 120 hours a month.")) is not None
    several = budget("Food safety team: 300 inspections a year, two inspections per premises.")
    assert action_budget_in_other_units(several) is not None


def test_sites_said_to_stay_the_same_name_no_difference() -> None:
    def noted(note: str) -> Plan:
        return _plan({"task": "forecasting"}, data={"differences": ["none"], "differences_note": note})

    for said in ("No new sites; the same sensors at every site.", "Nothing differs between sites."):
        assert unlike_in_the_note(noted(said)) is None, said
    assert unlike_in_the_note(noted("The same sites; none replaced.")) is None
    assert unlike_in_the_note(noted("Two new sites open next spring.")) is not None
    assert unlike_in_the_note(noted("Data from one site only.")) is not None


def test_children_counted_as_visitors_hold_no_personal_data() -> None:
    def sent(personal: bool) -> Plan:
        product = {
            "inputs": "Daily visitors, children and adults apart, and the weather.",
            "task": "forecasting",
        }
        return Plan.model_validate(
            {
                "title": "A plan",
                "product": product,
                "constraints": {
                    "data": {"personal_data": personal, "leaves_organisation": "allowed"},
                    "compute": {
                        "hosted_service": True,
                        "hosted_model": "A cloud forecasting API hosted in the US.",
                    },
                },
            }
        )

    assert data_leaves_organisation(sent(False)) is None
    assert data_leaves_organisation(sent(True)) is not None


def _flow(pain: str, volume: int) -> Plan:
    return Plan.model_validate(
        {"title": "A plan", "product": {"pain": pain}, "impact": {"volume": volume, "period": "year"}}
    )


def test_a_yearly_count_that_joins_a_backlog_is_the_flow() -> None:
    assert backlog_outside_the_flow(_flow("About 2,400 requests a year join the backlog.", 2400)) is None
    assert backlog_outside_the_flow(_flow("The backlog takes 2,400 annual requests.", 2400)) is None


def test_a_backlog_counted_once_is_still_a_stock() -> None:
    assert backlog_outside_the_flow(_flow("The backlog is 2,400 requests.", 2400)) is not None
    stock = "A backlog of 9,000 files, with 300 arriving each week."
    assert backlog_outside_the_flow(_flow(stock, 15600)) is not None


def _handed_back(solution: str) -> Plan:
    product = {"mode": "automate"}
    return Plan.model_validate(
        {
            "title": "A plan",
            "product": product,
            "press_release": {"solution": solution},
            "after_launch": {"fallback": "Graders go back to manual grading."},
        }
    )


def test_a_project_moving_to_its_next_phase_moves_no_one() -> None:
    solution = "Cameras grade each lot; after the pilot we move to phase 2 at the other plants."
    assert fallback_needs_the_people_removed(_handed_back(solution)) is None
    assert fallback_needs_the_people_removed(_handed_back("The model moves to production in May.")) is None


def test_graders_moved_to_other_work_are_still_moved() -> None:
    solution = "Cameras grade each lot; the graders move to packing."
    assert fallback_needs_the_people_removed(_handed_back(solution)) is not None


def _worst(metric: str) -> Plan:
    return Plan.model_validate(
        {
            "title": "A plan",
            "product": {"task": "classification"},
            "impact": {"costlier_error": "false_negative", "error_severity": "serious"},
            "done": {"metrics": [{"name": metric}], "worst_error_metric": metric},
        }
    )


def test_an_error_rate_named_as_the_worst_errors_metric_counts_that_error() -> None:
    assert worst_error_uncounted(_worst("Error rate on dispatched prescriptions")) is None


def test_accuracy_named_as_the_worst_errors_metric_still_blends() -> None:
    assert worst_error_uncounted(_worst("Accuracy on dispatched prescriptions")) is not None
    assert worst_error_uncounted(_worst("Error rate and accuracy")) is not None


def _acts(decision: str) -> Plan:
    return Plan.model_validate({"title": "A plan", "product": {"mode": "automate", "decision": decision}})


def test_a_tutor_who_books_the_lessons_is_a_person_acting() -> None:
    assert commits_unchecked(_acts("The tutor books the lessons at the times the model suggests.")) is None


def test_a_model_that_books_the_slots_still_commits_alone() -> None:
    assert commits_unchecked(_acts("The model books the lesson slots for each student.")) is not None
    assert commits_unchecked(_acts("It books the slot; the tutor is told afterwards.")) is not None


def _rated(title: str, decision: str) -> Plan:
    return Plan.model_validate(
        {
            "title": title,
            "product": {"decision": decision},
            "impact": {"error_severity": "moderate"},
        }
    )


def test_a_prescription_on_a_spectacle_order_is_the_lens_measurements() -> None:
    plan = _rated("Remakes of spectacle orders", "Which orders a checker reads against the prescription.")
    assert safety_subset_under_one_severity(plan) is None


def test_a_prescription_of_medicines_is_still_a_safety_subset() -> None:
    plan = _rated("Pharmacy order checks", "Which orders a checker reads against the prescription.")
    assert safety_subset_under_one_severity(plan) is not None


def _since_2018(product: dict[str, Any]) -> Plan:
    data = {"labels": ["existing"], "period": "Jan 2018 - Dec 2025", "changes": "nothing"}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": data}})


def test_visitors_a_forecast_is_shown_to_count_no_behaviour() -> None:
    product = {
        "goal": "Visitors see when each ride is likely to break down.",
        "output": "Ride stoppages per day.",
    }
    assert data_spans_the_pandemic(_since_2018(product)) is None
    assert data_spans_the_pandemic(_since_2018({"output": "Ride wait times shown to visitors."})) is None


def test_visitors_counted_through_the_gates_are_behaviour() -> None:
    assert (
        data_spans_the_pandemic(_since_2018({"output": "Visitors through the gates each day."})) is not None
    )


def _priced(output: str, kinds: tuple[str, ...] = ("time_series",)) -> Plan:
    product = {
        "mode": "automate",
        "task": "regression",
        "action_shape": "sets_amount",
        "circumstances": [],
        "data_kinds": list(kinds),
        "output": output,
    }
    return Plan.model_validate(
        {"title": "A plan", "product": product, "constraints": {"latency": {"serving": "online"}}}
    )


def test_a_price_quoted_online_steers_no_process() -> None:
    assert setpoint_loop_unguarded(_priced("The price quote for each removal job.")) is None


def test_an_amount_served_online_with_no_price_is_still_a_setting() -> None:
    assert setpoint_loop_unguarded(_priced("The amount for each line, applied at once.")) is not None


def test_an_amount_set_online_with_no_readings_read_back_is_no_control_loop() -> None:
    # A booking slot's length set as each booking arrives: no measured process fed back, no sensor.
    plan = _priced("The length of each appointment slot, set as the booking is made.", ("tabular",))
    assert setpoint_loop_unguarded(plan) is None
    assert closed_loop_dynamics_untested(plan) is None


def _counted(task: str) -> Plan:
    product = {"task": task, "label": "Trays processed per day, as audited by the sterile services team."}
    data = {"labels": ["existing"], "outcome_recorded_for": "every_case"}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": data}})


def test_an_audited_count_a_forecast_learns_chooses_no_case() -> None:
    assert selective_labels(_counted("forecasting")) is None


def _chosen() -> Plan:
    product = {
        "task": "classification",
        "label": "Fraud confirmed by the investigators on the claims referred.",
    }
    data = {"labels": ["existing"], "outcome_recorded_for": "every_case"}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": data}})


def test_cases_investigators_chose_still_select_the_labels() -> None:
    assert selective_labels(_chosen()) is not None


def _new_customers(**data: Any) -> Plan:
    answers = {"labels": ["existing"], "newcomers": "all_new", **data}
    return Plan.model_validate(
        {"title": "A plan", "constraints": {"data": answers}, "done": {"split": "random"}}
    )


def test_all_new_customers_each_one_row_are_held_out_whole_at_random() -> None:
    plan = _new_customers(rows_per_thing="one", repeated_unit="a customer")
    assert misses_newcomers(plan) is None


def test_all_new_customers_with_rows_unsaid_still_miss_the_newcomers() -> None:
    assert misses_newcomers(_new_customers()) is not None


def _share(labels: list[str]) -> Plan:
    data = {
        "labels": labels,
        "outcome_recorded_for": "every_case",
        "rarest_class_share": 0.4,
        "rarest_class_share_from": "labelled_data",
    }
    product = {"task": "classification"}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": data}})


def test_a_share_labelled_on_every_case_the_process_records_is_productions() -> None:
    assert base_rate_from_labelled_data(_share(["existing"])) is None


def test_a_share_of_a_set_labelled_by_hand_is_still_the_sets() -> None:
    assert base_rate_from_labelled_data(_share(["manual"])) is not None


def _capped(**data: Any) -> Plan:
    product = {
        "task": "forecasting",
        "label": "Loaves sold per shop per day.",
        "pain": "In 2021 capacity limits at the bakery held sales back.",
    }
    answers = {"labels": ["existing"], "outcome_limits": ["none"], **data}
    return Plan.model_validate({"title": "A plan", "product": product, "constraints": {"data": answers}})


def test_capacity_limits_of_a_period_the_team_dropped_cap_no_record_kept() -> None:
    assert capped_outcomes(_capped(dropped=["period"])) is None


def test_capacity_limits_said_against_an_uncapped_answer_are_still_asked() -> None:
    assert capped_outcomes(_capped()) is not None


def test_staff_who_fill_shelves_and_a_fill_level_fill_no_resource() -> None:
    for said in (
        "Store staff fill the shelves each morning with the predicted bake; vans bring the dough at night.",
        "Crews empty the bins whose predicted fill level is above 80%.",
        "Staff fill in the slot booking form.",
    ):
        assert filled_resource(said) == (), said
    assert filled_resource("Loaders pack each van to capacity with the predicted parcels.")[0] == "van"
    assert filled_resource("Schedulers fill each operating room's day with predicted cases.") == (
        "operating room",
        "fill",
    )


def test_visits_a_forecast_counts_for_a_roster_stand_in_for_no_sales() -> None:
    product = {
        "goal": "No sales lost to queues at the tills.",
        "label": "Visits per hour from the door counter.",
        "task": "forecasting",
    }
    assert proxy_label(_plan(product, data={"labels": ["outcomes"]})) is None
    targeted = {**product, "task": "classification", "label": "Whether the member visited within 14 days."}
    assert proxy_label(_plan(targeted, data={"labels": ["outcomes"]})) is not None
    service = {**targeted, "label": "Whether the engineer's service visit fixed the boiler first time."}
    assert proxy_label(_plan(service, data={"labels": ["outcomes"]})) is None
