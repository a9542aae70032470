"""planner and its JSON Schema agree: the same good and bad files, judged by `planner check` and by a real
JSON Schema validator (check-jsonschema, which reads YAML 1.2 as editors do)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_cli import run

# name -> (plan.yaml, whether it is valid). Each bad file has exactly one problem.
CASES = {
    "minimal": ("title: Fraud screening\n", True),
    "empty-section": ("title: Fraud screening\nproduct:\nrisks:\n", True),
    "share-as-percent": ("title: x\nheuristics:\n  coverage: 20%\n", True),
    "date-is-text": ("title: 2026-11-02\n", True),
    "no-is-text": ("title: x\nowners: [no]\n", True),
    "number-as-text": ("title: x\nconstraints:\n  latency:\n    p99_ms: '800'\n", False),
    "boolean-as-text": ('title: x\nproduct:\n  label_is_proxy: "false"\n', False),
    "yaml11-no": ("title: x\nproduct:\n  label_is_proxy: no\n", False),
    "yaml11-on": ("title: x\nconstraints:\n  data:\n    versioned: on\n", False),
    "blank-title": ("title: '   '\n", False),
    "share-as-text": ("title: x\nheuristics:\n  coverage: '0.2'\n", False),
    "share-over-100": ("title: x\nheuristics:\n  coverage: 120%\n", False),
    "fraction-for-whole": ("title: x\ndone:\n  test_size: 10.5\n", False),
    "unknown-field": ("title: x\nproduct:\n  gaol: typo\n", False),
    "unknown-choice": ("title: x\nproduct:\n  mode: replace\n", False),
    "no-title": ("product:\n  goal: x\n", False),
    "sexagesimal": ("title: x\ndone:\n  test_size: 1:20\n", False),
    # Shorthands planner converts on read (see the README), which the schema must take too.
    "one-label-source": ("title: x\nconstraints:\n  data:\n    labels: outcomes\n", True),
    "delay-range": ("title: x\nconstraints:\n  data:\n    label_delay_days: 30-90\n", True),
    "lead-span": ("title: x\nproduct:\n  lead_days: 4 to 9\n", True),
    "target-held": (
        "title: x\ndone:\n  metrics:\n  - {name: Recall, target: No worse than the baseline}\n",
        True,
    ),
    "target-bound": (
        "title: x\ndone:\n  metrics:\n  - {name: Returns, target: keep 11%}\n  - {name: MAE, target: no worse than 2.1}\n"
        "  - {name: Delay, target: <= 3}\n",
        True,
    ),
    # A count of a total is its share; a margin on the baseline a relative target; `not set` no target yet.
    "target-of-total": ("title: x\ndone:\n  metrics:\n  - {name: Recall, target: 27 of 30}\n", True),
    "target-of-total-noun": (
        "title: x\ndone:\n  metrics:\n  - {name: Recall, target: 27 out of 30 calls}\n",
        True,
    ),
    "target-margin": (
        "title: x\ndone:\n  metrics:\n  - {name: MAE, baseline: 12, target: 30% lower}\n",
        True,
    ),
    "target-margin-third": (
        "title: x\ndone:\n  metrics:\n  - {name: Late deliveries a week, baseline: 40, target: a third lower}\n",
        True,
    ),
    "target-not-set": ("title: x\ndone:\n  metrics:\n  - {name: Recall, target: not set}\n", True),
    "target-margin-words-only": ("title: x\ndone:\n  metrics:\n  - {name: MAE, target: much lower}\n", False),
    "target-bound-words-only": (
        "title: x\ndone:\n  metrics:\n  - {name: Returns, target: keep it low}\n",
        False,
    ),
    "lead-span-ends": ("title: x\nproduct:\n  lead_days: 4\n  lead_max_days: 9\n", True),
    # Several inputs stated late: one in `last_input`, the others listed with their days (issue 22).
    "late-inputs": (
        "title: x\nconstraints:\n  data:\n    last_input: Lab result\n    last_input_days: 3\n"
        "    late_inputs:\n    - {name: Discharge note, days: 2}\n    - {name: Survey, days: not measured}\n",
        True,
    ),
    "late-inputs-in-last-input": ("title: x\nconstraints:\n  data:\n    last_input: [Lab, Note]\n", False),
    "late-input-bare-name": ("title: x\nconstraints:\n  data:\n    late_inputs: [Discharge note]\n", False),
    "late-input-days-as-text": (
        "title: x\nconstraints:\n  data:\n    late_inputs:\n    - {name: Note, days: two}\n",
        False,
    ),
    "horizon-span": ("title: x\ndone:\n  eval_horizon_days: 1-7\n", True),
    "horizon-list": ("title: x\ndone:\n  eval_horizon_days: [1, 3, 7]\n", True),
    "horizon-list-word": ("title: x\ndone:\n  baseline_horizon_days: [1, soon]\n", False),
    "money": ("title: x\nconstraints:\n  compute:\n    budget_per_month: $1,000\n", True),
    "money-code": ("title: x\nconstraints:\n  compute:\n    cost_per_prediction: 0.02 USD\n", True),
    "metrics-none": ("title: x\ndone:\n  metrics: None\nafter_launch:\n  monitoring: none\n", True),
    "baseline-not-measured": ("title: x\ndone:\n  metrics:\n  - {name: MSE, baseline: not measured}\n", True),
    "one-person-trait": ("title: x\nproduct:\n  person_inputs: postcode\n", True),
    "person-trait-unknown": ("title: x\nproduct:\n  person_inputs: height\n", False),
    "baseline-none": ("title: x\ndone:\n  metrics:\n  - {name: MSE, baseline: none}\n", True),
    "metrics-maybe": ("title: x\ndone:\n  metrics: maybe\n", False),
    "money-not-measured": (
        "title: x\nconstraints:\n  compute:\n    cost_per_prediction: not measured\n",
        True,
    ),
    "share-addressed-not-measured": ("title: x\nimpact:\n  share_addressed: not measured\n", True),
    "rules-accuracy-not-measured": ("title: x\nheuristics:\n  accuracy: not measured\n", True),
    "labeled-examples-not-measured": (
        "title: x\nconstraints:\n  data:\n    labeled_examples: not measured\n",
        True,
    ),
    "hosted-not-decided": ("title: x\nconstraints:\n  compute:\n    hosted_service: not decided\n", True),
    "hosted-maybe": ("title: x\nconstraints:\n  compute:\n    hosted_service: maybe\n", False),
    "baseline-percent": (
        "title: x\ndone:\n  metrics:\n  - {name: recall, baseline: 11%, target: 0.2}\n",
        True,
    ),
    "human-score-percent": ("title: x\nby_hand:\n  human_score: 92 %\n", True),
    "human-score-not-measured": ("title: x\nby_hand:\n  human_score: not measured\n", True),
    "human-score-words": ("title: x\nby_hand:\n  human_score: pretty good\n", False),
    "versioned-not-checked": ("title: x\nconstraints:\n  data:\n    versioned: not checked\n", True),
    "versioned-maybe": ("title: x\nconstraints:\n  data:\n    versioned: maybe\n", False),
    "target-percent-words": ("title: x\ndone:\n  metrics:\n  - {name: recall, target: about 90%}\n", False),
    "baseline-period": ("title: x\ndone:\n  metrics:\n  - {name: MAE, baseline: 2024-25 season}\n", False),
    # A baseline known only within a range, low end first, with a unit of time if said: kept as typed.
    "baseline-range": ("title: x\ndone:\n  metrics:\n  - {name: MAE, baseline: 1-2}\n", True),
    "baseline-range-days": ("title: x\ndone:\n  metrics:\n  - {name: MAE, baseline: 1 to 2 days}\n", True),
    "baseline-range-words": (
        "title: x\ndone:\n  metrics:\n  - {name: MAE, baseline: one to two days}\n",
        False,
    ),
    "label-delay-not-measured": (
        "title: x\nconstraints:\n  data:\n    label_delay_days: not measured\n    label_delay_max_days: 90\n",
        True,
    ),
    "money-no-unit": ("title: x\nconstraints:\n  compute:\n    budget_per_month: '1000'\n", False),
    # The limits planner holds values to (issue 21): the largest number, the time box, the date range.
    "number-at-limit": ("title: x\ndone:\n  test_size: 1000000000000000\n", True),
    "number-over-limit": ("title: x\ndone:\n  metrics:\n  - {name: r, target: 1e308}\n", False),
    "timebox-over-limit": ("title: x\ndone:\n  timebox_weeks: 1000000\n", False),
    "date-at-limits": (
        "title: x\ndone:\n  started: 2200-12-31\nrisks:\n- {id: x, title: t, category: cost, likelihood: 1, impact: 1, due: 1900-01-01}\n",
        True,
    ),
    "date-too-late": ("title: x\ndone:\n  started: 9999-12-31\n", False),
    "date-too-early": ("title: x\ndone:\n  started: 1899-12-31\n", False),
    # Where the schema and planner used to read the same file differently (issue 25).
    "schema-version-current": ("schema_version: 2\ntitle: x\n", True),
    "schema-version-zero": ("schema_version: 0\ntitle: x\n", False),
    "schema-version-newer": ("schema_version: 3\ntitle: x\n", False),
    "date-compact": ("title: x\ndone:\n  started: 20261102\n", False),
    "date-compact-text": ("title: x\ndone:\n  started: '20261102'\n", False),
    "date-padded": ("title: x\ndone:\n  started: ' 2026-11-02 '\n", False),
    "date-word": ("title: x\ndone:\n  started: tomorrow\n", False),
    "date-no-such-month": ("title: x\ndone:\n  started: 2026-13-02\n", False),
    "percent-zero-padded": ("title: x\nheuristics:\n  coverage: 0050%\n", False),
    "percent-fraction": ("title: x\nheuristics:\n  coverage: 12.5 %\n", True),
    "merge-key": ("title: x\nproduct:\n  <<: {goal: a, mode: augment}\n  goal: b\n", True),
    "merge-key-typo": ("title: x\nproduct:\n  <<: {gaol: a}\n", False),
    "merge-key-as-text": ("title: x\nowners: ['<<']\n", True),
    "title-next-line": ('title: "\\u0085"\n', False),
    "title-byte-order-mark": ('title: "\\ufeff"\n', False),
    "title-zero-width-and-word": ('title: "\\ufeffFraud\\u0085"\n', True),
    "whole-float": ("title: x\ndone:\n  test_size: 500.0\n", True),
    # A step's share of the whole: a share, its part of the whole, or "not measured".
    # A job run once over a backlog: its volume is the whole of it.
    "period-once": ("title: x\nimpact:\n  volume: 40000\n  period: once\n", True),
    "period-fortnight": ("title: x\nimpact:\n  volume: 40000\n  period: fortnight\n", False),
    "step-share-part": ("title: x\nimpact:\n  step_share: 8 of 45 minutes\n", True),
    "step-share-out-of": ("title: x\nimpact:\n  step_share: 8 out of 45\n", True),
    "step-share-percent": ("title: x\nimpact:\n  step_share: 20%\n", True),
    "step-share-word": ("title: x\nimpact:\n  step_share: not measured\n", True),
    "step-share-text": ("title: x\nimpact:\n  step_share: most of it\n", False),
    # A capacity or a flag count over another period than the day: kept as said, read per working day.
    "capacity-a-year": ("title: x\nimpact:\n  capacity_per_day: 60 a year\n", True),
    "capacity-slash-year": ("title: x\nimpact:\n  capacity_per_day: 60/year\n", True),
    "flagged-a-week": ("title: x\nimpact:\n  flagged_per_day: 5 a week\n", True),
    "flagged-per-month": ("title: x\nimpact:\n  flagged_per_day: 12 per month\n", True),
    "capacity-range": ("title: x\nimpact:\n  capacity_per_day: 2-3 a day\n", True),
    "capacity-range-to": ("title: x\nimpact:\n  capacity_per_day: 2 to 3 a week\n", True),
    "capacity-noun-a-year": ("title: x\nimpact:\n  capacity_per_day: 400 invites a year\n", True),
    "capacity-range-each": ("title: x\nimpact:\n  capacity_per_day: 2-3 a day each\n", False),
    "capacity-a-fortnight": ("title: x\nimpact:\n  capacity_per_day: 6 a fortnight\n", False),
    # A capacity given for one person, with how many people share the work: a headcount of one or more.
    "capacity-per-person": ("title: x\nimpact:\n  capacity_per_day: 4 a week\n  capacity_people: 75\n", True),
    "capacity-no-people": ("title: x\nimpact:\n  capacity_per_day: 4 a week\n  capacity_people: 0\n", False),
    "capacity-people-word": ("title: x\nimpact:\n  capacity_people: 75 audiologists\n", False),
    "capacity-words": ("title: x\nimpact:\n  capacity_per_day: a few a year\n", False),
    # Whether an expert decides from the model's inputs alone: yes, no, or not known.
    "expert-not-known": ("title: x\nby_hand:\n  expert_can_decide: not known\n", True),
    "expert-maybe": ("title: x\nby_hand:\n  expert_can_decide: maybe\n", False),
    "value-per-item-word": ("title: x\nimpact:\n  value_per_item: not measured\n", True),
    "value-per-item-negative": ("title: x\nimpact:\n  value_per_item: -2\n", False),
    "whole-float-exponent": (
        "title: x\nrisks:\n- {id: x, title: t, category: cost, likelihood: 3.0, impact: 1e0}\n",
        True,
    ),
}


@pytest.fixture(scope="module")
def check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]' installs it)")
    return found


def test_planner_check_and_the_json_schema_agree_on_every_file(make_workspace, check_jsonschema: str) -> None:
    root = make_workspace({f"plans/{name}/plan.yaml": text for name, (text, _) in CASES.items()})
    for example in sorted((REPO / "plans").glob("*/plan.yaml")):
        shutil.copytree(example.parent, root / "plans" / example.parent.name)
    expected = {name: valid for name, (_, valid) in CASES.items()}
    expected.update({path.parent.name: True for path in (REPO / "plans").glob("*/plan.yaml")})

    _, out, _ = run("check")
    by_planner = {name: f"ok: plans/{name}/plan.yaml" in out.splitlines() for name in expected}

    files = [f"plans/{name}/plan.yaml" for name in expected]
    done = subprocess.run(
        [check_jsonschema, "--schemafile", str(REPO / "plan.schema.json"), "-o", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    report = json.loads(done.stdout)
    failing = {Path(error["filename"]).parent.name for error in report["errors"]}
    assert not report.get("parse_errors"), report["parse_errors"]
    by_schema = {name: name not in failing for name in expected}

    assert by_planner == expected, out
    assert by_schema == expected, report["errors"]


def test_a_target_said_as_a_bound_is_its_figure_on_the_scale_of_its_baseline() -> None:
    from planner.plan.planfile import plan_from_text

    plan = plan_from_text(
        CASES["target-bound"][0] + "  - {name: Catch rate, baseline: 0.7, target: at least 75%}\n"
        "  - {name: MAPE, baseline: 14, target: stay under 12.5%.}\n",
        "plan.yaml",
    )
    assert [metric.target for metric in plan.done.metrics] == [0.11, 2.1, 3, 0.75, 12.5]


def test_yes_and_no_get_a_message_that_says_why() -> None:
    from planner.core.errors import InvalidPlan
    from planner.plan.planfile import plan_from_text

    with pytest.raises(InvalidPlan) as caught:
        plan_from_text(CASES["yaml11-no"][0] + "constraints:\n  latency:\n    p99_ms: '800'\n", "plan.yaml")
    assert caught.value.problems == [
        "plan.yaml:3: product.label_is_proxy: `no` is text in YAML 1.2 (as planner and editors read it); "
        "write true or false",
        "plan.yaml:6: constraints.latency.p99_ms: Input should be a valid integer; write a whole number "
        "such as 12, without quotes",
    ]


def test_text_that_yaml_could_read_as_something_else_is_written_quoted(tmp_path: Path) -> None:
    from planner.plan.model import Plan
    from planner.plan.planfile import plan_from_text, plan_to_text

    odd = ["no", "on", "1e3", "0o17", "010", "1:20", "2026-11-02", "~", "<<"]
    plan = Plan(title="x", owners=odd)
    text = plan_to_text(plan)
    assert plan_from_text(text, "plan.yaml") == plan
    import yaml

    assert yaml.safe_load(text)["owners"] == odd  # and a YAML 1.1 reader sees the same text


def test_what_the_schema_and_planner_now_read_alike_reads_well() -> None:
    from planner.core.errors import InvalidPlan
    from planner.plan.planfile import plan_from_text

    plan = plan_from_text(
        'title: "\\ufeffFraud\\u0085"\nproduct:\n  <<: {goal: a, mode: augment}\n  goal: b\n'
        "done:\n  test_size: 500.0\n  started: 2026-11-02\n",
        "plan.yaml",
    )
    assert (plan.title, plan.product.goal, plan.product.mode, plan.done.test_size) == (
        "Fraud",
        "b",
        "augment",
        500,
    )
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text("schema_version: 0\ntitle: x\ndone:\n  started: 20261102\nowners: [<<]\n", "plan.yaml")
    assert caught.value.problems == [
        "plan.yaml:5:10: `<<` merges a mapping into the one it is a key of, and is nothing here; "
        "quote it ('<<') to mean the text"
    ]
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text("schema_version: 0\ntitle: x\ndone:\n  started: 20261102\n", "plan.yaml")
    assert caught.value.problems == [
        "plan.yaml:1: schema_version: schema_version 0 is not one this planner reads (1 to 2); write 1",
        "plan.yaml:4: done.started: '20261102' is not a day; write it as YYYY-MM-DD, such as 2026-11-02",
    ]


def test_a_step_larger_than_its_whole_is_refused_naming_the_fix() -> None:
    """The schema's pattern cannot compare two numbers; `planner check` does, and says how to write it."""
    from planner.core.errors import InvalidPlan
    from planner.plan.planfile import plan_from_text

    with pytest.raises(InvalidPlan) as caught:
        plan_from_text("title: x\nimpact:\n  step_share: 50 of 45 minutes\n", "plan.yaml")
    assert caught.value.problems == [
        "plan.yaml:3: impact.step_share: '50 of 45 minutes': the step's part must be at most the whole, "
        "e.g. 8 of 45 minutes"
    ]
    plan = plan_from_text("title: x\nimpact:\n  step_share: 8 minutes out of 45\n", "plan.yaml")
    assert plan.impact.step_share == "8 of 45 minutes"


def test_a_count_over_a_period_is_kept_as_said_and_read_a_working_day() -> None:
    """A yearly budget of visits stays a yearly budget in the file; the rules read it per working day."""
    from planner.plan.planfile import plan_from_text

    plan = plan_from_text(
        "title: x\nimpact:\n  capacity_per_day: 60/year\n  flagged_per_day: 5 a week\n", "p"
    )
    assert plan.impact.capacity_per_day == "60 a year"
    assert plan.impact.capacity == pytest.approx(60 / 252)
    assert plan.impact.flagged == 1.0


def test_a_capacity_said_as_a_range_or_with_its_noun_reads_at_its_middle() -> None:
    """`2-3 a day` stays a range in the file and is read at 2.5 (as the interview reads `2-3`); `400
    invites a year` is 400 a year; one person's count (`each`) is refused, naming the field for the people."""
    from planner.core.errors import InvalidPlan
    from planner.plan.planfile import plan_from_text

    plan = plan_from_text(CASES["capacity-range"][0] + "  flagged_per_day: 400 invites/year\n", "p")
    assert (plan.impact.capacity_per_day, plan.impact.capacity) == ("2-3 a day", 2.5)
    assert plan.impact.flagged_per_day == "400 a year"
    plan = plan_from_text("title: x\nimpact:\n  capacity_per_day: 2 to 3 a day\n  capacity_people: 4\n", "p")
    assert (plan.impact.capacity_per_day, plan.impact.capacity) == ("2-3 a day", 10)
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text(CASES["capacity-range-each"][0], "plan.yaml")
    assert caught.value.problems == [
        "plan.yaml:3: impact.capacity_per_day: '2-3 a day each' is one person's count; write it without 'each' "
        "(`2-3 a day`) and how many share the work in `capacity_people`, or write 'not measured'"
    ]


def test_a_target_said_as_a_count_a_margin_or_not_set_reads_as_the_plan_holds_it() -> None:
    """`27 of 30` is 0.9 (90 beside a baseline in points); `30% lower` and `a third lower` are relative
    targets going down; `not set` is no target; a count above its total, or a margin a share's baseline
    reads two ways, is refused at its place with the fix."""
    from planner.core.errors import InvalidPlan
    from planner.plan.planfile import plan_from_text

    text = (
        "title: x\ndone:\n  metrics:\n  - {name: Recall, target: 27 of 30}\n  - {name: Hit rate, baseline: 85, "
        "target: 27 of 30}\n  - {name: Pallets short a week, baseline: 12, target: 30% lower}\n"
        "  - {name: Late deliveries a week, baseline: 40, target: a third lower than the baseline}\n"
        "  - {name: Recall at top 50, target: not set}\n"
    )
    metrics = plan_from_text(text, "plan.yaml").done.metrics
    assert [metric.target for metric in metrics] == [0.9, 90, None, None, None]
    assert [(metric.relative_target, metric.direction.value) for metric in metrics[2:4]] == [
        (0.3, "lower"),
        (0.3333, "lower"),
    ]
    assert metrics[2].goal() == pytest.approx(8.4)
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text(
            "title: x\ndone:\n  metrics:\n  - {name: Recall, target: 31 of 30}\n"
            "  - {name: Recall, baseline: 0.8, target: 10% higher}\n",
            "plan.yaml",
        )
    assert caught.value.problems == [
        "plan.yaml:4: done.metrics[0].target: '31 of 30' counts more than its total; write the count of the "
        "total, such as 27 of 30",
        "plan.yaml:5: done.metrics[1]: target '10% higher' on a share of 0.8: 10 points or 10% of today's? "
        "write the target 0.9 for 10 points higher, or 0.88 for 10% of today's",
    ]
