"""The levels of the rules on who writes the label, the rights to others' content and what every output
must carry: a fact a lead weighs by what the model does with it."""

from __future__ import annotations

from typing import Any

import pytest

from planner.judgement.register import assess
from tests.test_review import patched


def level(changes: dict[str, Any], rule_id: str) -> str | None:
    """The level of `rule_id` on the sound plan with `changes`, or None when it does not fire."""
    return next((risk.level for risk in assess(patched(changes)).risks if risk.id == rule_id), None)


# No evaluation set checked apart: the high can only come where no blind set exists anywhere.
# Content gathered from public pages: others own it.
PUBLIC = {"constraints.data.sources": [{"name": "Competitors' product pages", "acquisition": "public"}]}
ESTIMATE_SEEN = {"constraints.data.label_writer": "sees_estimate", "done.eval_truth": "outcomes"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "medium"),  # retrained on labels that echo it, yet augmenting people on moderate errors
        ({"product.mode": "automate"}, "high"),
        ({"impact.error_severity": "serious"}, "high"),
        # never retrained, judged in shadow: only the training echo, whatever the mode
        ({"product.mode": "automate", "constraints.retraining.cadence": "never"}, "medium"),
        ({"product.mode": "automate", "done.eval_set": "A blind sample relabelled by auditors."}, None),
        # judged on a checked or double-labelled set: the training echo stays, never high
        ({"product.mode": "automate", "done.eval_truth": "checked"}, "medium"),
        (
            {
                "impact.error_severity": "serious",
                "done.eval_set": "A gold set of 500 cases, double-labelled.",
            },
            "medium",
        ),
        ({"constraints.retraining.cadence": "never", "done.eval_truth": "checked"}, "medium"),
    ],
)
def test_a_label_written_after_seeing_an_estimate_is_high_once_it_feeds_a_model_acting_alone(
    changes: dict[str, Any], expected: str | None
) -> None:
    assert level({**ESTIMATE_SEEN, **changes}, "label-echoes-estimate") == expected


def test_a_copied_label_is_high_only_where_the_done_metric_is_scored_on_it() -> None:
    copied = {"constraints.data.label_writer": "copied"}
    assert level({**copied, "done.eval_truth": None}, "label-copied-from-estimate") == "high"
    assert level(copied, "label-copied-from-estimate") == "medium"  # the eval set's answers are checked


def test_an_unknown_label_writer_is_asked_only_where_people_write_labels() -> None:
    unknown = {"constraints.data.label_writer": "not_known"}
    assert level(unknown, "label-writer-unknown") == "low"  # two auditors' agreement is measured
    assert level({**unknown, "by_hand.label_agreement": None}, "label-writer-unknown") is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # the sound plan's sources are all the team's own: whose content it is, asked low
        ({"constraints.data.content_rights": "not_checked"}, "low"),
        ({"constraints.data.content_rights": "not_checked", **PUBLIC}, "medium"),
        (  # others' pages in generated text sent out unchecked to people outside: high
            {
                "constraints.data.content_rights": "not_checked",
                "product.task": "generation",
                "product.mode": "automate",
                "product.audience": "both",
                **PUBLIC,
            },
            "high",
        ),
        (  # ...read only by the organisation's own staff, no model tuned on it: asked low
            {
                "constraints.data.content_rights": "not_checked",
                "product.task": "generation",
                "product.mode": "automate",
                **PUBLIC,
            },
            "low",
        ),
        (  # product labels quoted to the readers they are written for: low, even sent out unchecked
            {
                "constraints.data.content_rights": "not_checked",
                "product.task": "generation",
                "product.mode": "automate",
                "constraints.data.sources": [{"name": "Approved product labels (PDF)", "acquisition": "own"}],
            },
            "low",
        ),
        (  # ...but bought from a vendor, the terms still matter
            {
                "constraints.data.content_rights": "not_checked",
                "product.task": "generation",
                "product.mode": "automate",
                "product.audience": "outsiders",
                "constraints.data.sources": [{"name": "Product labels feed", "acquisition": "vendor"}],
            },
            "high",
        ),
        ({"constraints.data.content_rights": "not_allowed"}, "high"),
        ({"constraints.data.content_rights": "licensed"}, None),
    ],
)
def test_content_others_own_is_weighed_by_where_it_can_go(
    changes: dict[str, Any], expected: str | None
) -> None:
    rule_id = (
        "content-rights-forbid-use"
        if changes["constraints.data.content_rights"] == "not_allowed"
        else ("content-rights-unchecked")
    )
    assert level(changes, rule_id) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"product.required_output": "The price including VAT."}, "medium"),
        ({"product.required_output": "The price including VAT.", "product.mode": "automate"}, "medium"),
        ({"product.required_output": "A risk warning.", "product.mode": "automate"}, "high"),
        ({"product.required_output": "A risk warning.", "impact.error_severity": "severe"}, "high"),
        ({"product.required_output": "A risk warning.", "product.forbidden_guard": "review"}, None),
        ({"product.required_output": "Nothing by law."}, None),
        # a classifier writes no text: the record around its verdict is the system's to write
        ({"product.required_output": "A risk warning.", "product.task": "classification"}, None),
    ],
)
def test_what_every_output_must_carry_is_high_when_it_is_a_warning_sent_alone(
    changes: dict[str, Any], expected: str | None
) -> None:
    changes = {"product.task": "generation", **changes}
    assert level(changes, "required-output-unchecked") == expected
