"""One way to write a figure: the same share, amount and number read the same in the terminal, on the
site and in a rule's evidence."""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from planner.cli.main import cli
from planner.core.formatting import count, duration, money, number, share, span
from planner.judgement.register import assess
from planner.plan.model import Plan
from planner.plan.planfile import plan_from_text, plan_to_text
from planner.site import render

from .conftest import MakeWorkspace


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567, "1,234,567"),
        (1234.5, "1,234"),
        (0.125, "0.125"),
        (0.0001, "0.0001"),
        (3.14159, "3.142"),
        (0.97, "0.97"),
        (12.0, "12"),
        (1e-7, "0.0000001"),
    ],
)
def test_numbers_keep_their_significant_digits_and_never_use_exponents(value: float, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.35, "35%"), (0.1235, "12.3%"), (1.0, "100%"), (0.0, "0%"), (0.0004, "0.04%"), (None, "-")],
)
def test_shares_read_to_one_decimal_and_a_small_share_never_reads_zero(
    value: float | None, text: str
) -> None:
    assert share(value) == text


def test_money_takes_the_plans_currency_and_small_amounts_stay_visible() -> None:
    assert money(0.0001, "USD") == "$0.0001"
    assert money(150, "EUR") == "€150"
    assert money(4500, "CHF") == "4,500 CHF"
    assert money(12.5, None) == "12.5"
    assert money(0.5, "minutes") == "0.5 minutes"
    assert money(1.5, "EUR") == "€1.50"
    assert span(30, 90, "days") == "30-90 days"


PLAN = """\
title: Same figures everywhere
product:
  goal: Route claims
heuristics:
  verdict: rules_baseline
  coverage: 12.35%
  accuracy: 0.97
impact:
  value_unit: minutes
constraints:
  compute:
    currency: EUR
    budget_per_month: 150
    cost_per_prediction: 0.0001
    predictions_per_period: 3000000
    prediction_period: month
"""


def test_the_terminal_the_site_and_the_evidence_write_a_value_the_same_way(
    make_workspace: MakeWorkspace,
) -> None:
    make_workspace({"plans/claims/plan.yaml": PLAN})
    plan = plan_from_text(PLAN, "plan.yaml")
    shown = CliRunner().invoke(cli, ["show", "claims"], catch_exceptions=False)
    page = html.unescape(render.pages({"claims": plan})["plans/claims/index.md"])
    page = re.sub(r"<[^>]+>", " ", page)
    evidence = " ".join(" ".join(risk.evidence) for risk in assess(plan).risks)

    assert "12.3%" in shown.output and "12.3%" in page
    assert "12.35%" not in shown.output + page
    # The budget is money in the plan's currency, not in the impact's unit (minutes).
    assert "€150 per month" in page and "150 minutes per month" not in page
    # A cost per prediction of 0.0001 EUR is not rounded away, wherever it is written.
    assert "€0.0001" in page and "€0.0001" in evidence


def test_a_count_worked_out_reads_whole_and_a_rare_one_never_as_none() -> None:
    assert [count(value) for value in (7.9, 1643.8, 0.34, 0.0004, 0)] == [
        "8",
        "1,644",
        "0.3",
        "0.0004",
        "0",
    ]
    assert number(27.397, significant=2) == "27"
    assert number(123.4, significant=2) == "123"  # a whole part is never cut


def test_a_wait_worked_out_reads_as_now_and_past_a_century_says_so() -> None:
    assert duration(200, "day") == "about 200 days"
    assert duration(1, "month") == "about 1 month"
    assert duration(2.46, "year", significant=2) == "about 2.5 years"
    assert duration(36_000, "day") == "about 36,000 days"  # 98 years: still a figure
    assert duration(3e19, "day") == duration(30_000, "working day") == "more than a century"
    assert duration(math.inf, "month") == "more than a century"


@pytest.mark.parametrize(("volume", "said"), [(3000, "about 200 days"), (1e-9, "more than a century")])
def test_a_trial_on_a_volume_typed_near_zero_needs_more_than_a_century(
    make_workspace: MakeWorkspace, volume: float, said: str
) -> None:
    scenario = Path(__file__).parent.parent / "benchmarks/scenarios/pilot-atm-skimming-short-canary.yaml"
    answers = yaml.safe_load(scenario.read_text())["answers"]
    answers["impact"]["volume"] = volume
    make_workspace({"plans/p/plan.yaml": plan_to_text(Plan.model_validate(answers))})
    result = CliRunner().invoke(cli, ["risks", "p", "--format", "json"], prog_name="planner")
    assert result.exit_code == 0, result.output
    risk = next(r for r in json.loads(result.stdout)["risks"] if r["id"] == "pilot-sees-too-few-rare-cases")
    assert risk["evidence"][1].endswith(f"; {said} at this share expect 30)")
