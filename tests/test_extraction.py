"""Extraction as a task type: fields read from documents, forms or scans into records. Old plans read as
before; the questions and rules that belong to a language model or to text read from outside take it in."""

from __future__ import annotations

import json

from planner.judgement.rules import CATALOGUE
from planner.judgement.rules.hosted import prompted
from planner.plan.choices import TaskType, label
from planner.plan.planfile import plan_from_text
from planner.plan.questions import questions_in
from planner.plan.workspace import schema_json
from tests.test_review import fired, patched


def _question(path: str):  # type: ignore[no-untyped-def]
    return next(q for q in questions_in(path.split(".")[0]) if q.field == path)


def test_extraction_is_a_task_choice_the_schema_takes() -> None:
    assert TaskType("extraction") is TaskType.extraction
    assert label(TaskType.extraction).startswith("extraction (")
    schema = json.loads(schema_json())
    assert "extraction" in json.dumps(schema["$defs"]["TaskType"])
    assert "extraction" in _question("product.task").help


def test_old_plans_read_as_before() -> None:
    plan = plan_from_text("title: x\nproduct:\n  task: other\n", "plan.yaml")
    assert plan.product.task is TaskType.other and plan.product.amended_share is None


def test_the_share_amended_is_asked_of_what_states_a_source_s_facts() -> None:
    """Extraction, and generation that fills facts from documents (a stale source is repeated as fact)."""
    question = _question("product.amended_share")
    assert all(when.holds(patched({"product.task": "extraction"})) for when in question.when)
    assert all(when.holds(patched({"product.task": "generation"})) for when in question.when)
    assert not all(when.holds(patched({"product.task": "classification"})) for when in question.when)


def test_what_an_unreadable_field_gets_is_asked_of_extractions_and_drafts_only() -> None:
    """A draft from records with gaps fills a blank as an extraction does (it should write "not given")."""
    for field in ("product.unreadable_share", "product.unreadable_answer"):
        question = _question(field)
        for task in ("extraction", "generation"):
            assert all(when.holds(patched({"product.task": task})) for when in question.when)
        assert not all(when.holds(patched({"product.task": "classification"})) for when in question.when)


def test_who_converts_values_is_asked_of_extractions_and_generation_only() -> None:
    question = _question("product.conversion")
    for task in ("extraction", "generation"):
        assert all(when.holds(patched({"product.task": task})) for when in question.when)
    assert not all(when.holds(patched({"product.task": "classification"})) for when in question.when)


def test_what_the_model_reaches_is_asked_of_extractions() -> None:
    question = _question("product.model_reach")
    assert all(when.holds(patched({"product.task": "extraction"})) for when in question.when)


def test_a_huge_model_that_extracts_is_prompted() -> None:
    plan = patched({"product.task": "extraction", "constraints.latency.model_size": "huge"})
    assert prompted(plan) is not None


def test_an_extraction_reads_the_document_in_hand_not_a_snapshot() -> None:
    changes = {"product.inputs": "The current export of the customer table."}
    assert "inputs-read-as-they-are-now" not in fired(patched({**changes, "product.task": "extraction"}))


def test_people_who_confirm_extracted_values_may_anchor() -> None:
    plan = patched(
        {"product.task": "extraction", "product.mode": "augment", "impact.error_severity": "serious"}
    )
    assert "anchoring-on-proposal" in fired(plan)


def test_values_written_unchecked_are_weighed_by_harm() -> None:
    levels = {}
    for severity in ("minor", "moderate", "severe"):
        plan = patched(
            {"product.task": "extraction", "product.mode": "automate", "impact.error_severity": severity}
        )
        check = CATALOGUE["extracted-values-written-unchecked"].check(plan)
        assert check is not None
        levels[severity] = getattr(
            check, "likelihood", CATALOGUE["extracted-values-written-unchecked"].likelihood
        )
    assert levels["minor"] < levels["moderate"] < levels["severe"]


def test_a_small_share_amended_is_a_smaller_risk() -> None:
    spec = CATALOGUE["fields-changed-by-unread-documents"]
    small = spec.check(patched({"product.task": "extraction", "product.amended_share": 0.02}))
    large = spec.check(patched({"product.task": "extraction", "product.amended_share": 0.2}))
    assert small is not None and large is not None
    assert getattr(small, "likelihood", spec.likelihood) < getattr(large, "likelihood", spec.likelihood)


def test_the_costlier_error_of_an_extraction_says_which_error_is_which() -> None:
    """A value read as its opposite (a 'yes' read as 'no' on a form used as a screen) is a miss."""
    help_text = _question("impact.costlier_error").help
    assert "read as its opposite" in help_text and "false negative" in help_text


def test_an_extraction_s_guardrail_follows_its_costlier_error() -> None:
    metrics = [{"name": "field-level accuracy"}]
    base = {"product.task": "extraction", "done.metrics": metrics, "done.worst_error_metric": None}
    missed = fired(patched({**base, "impact.costlier_error": "false_negative"}))["worst-error-uncounted"]
    assert "recall of the values that matter" in missed[0] and "per day" not in missed[0]
    written = fired(patched({**base, "impact.costlier_error": "false_positive"}))["worst-error-uncounted"]
    assert "precision of the values written" in written[0] and "false alarm" not in written[0]
