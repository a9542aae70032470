"""The portfolio's decision board as data: what each plan waits for, who decides, by when, at what cost."""

from __future__ import annotations

import html
import textwrap
from datetime import UTC, date, datetime

from planner.judgement.verdict import today_utc
from planner.plan.experiment import Experiment
from planner.plan.model import Plan
from planner.plan.planfile import plan_from_text
from planner.site import board, sitemodel
from tests.site_fixtures import SOUND_PLAN

FOLDING = """
    title: Forecast fresh orders
    owners: [Priya Raman (forecasting lead), Tomás Ferreira]
    decider: Tomás Ferreira (head of fresh)
    status: building
    done:
      metrics:
        - name: WAPE
          baseline: 0.38
          target: 0.26
          direction: lower
      timebox_weeks: 6
      started: 2026-03-02
    constraints:
      compute:
        currency: USD
        budget_per_month: 5000
        cost_per_prediction: 0.5
        predictions_per_period: 300000
        prediction_period: month
"""
LAST_DAY = date(2026, 4, 12)


def plan(text: str) -> Plan:
    return plan_from_text(textwrap.dedent(text), "plan.yaml")


def run(day: date, values: dict[str, dict[str, float]]) -> Experiment:
    return Experiment(at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC), values=values, note="tried")


def board_of(plans: dict[str, Plan], logs: dict[str, list[Experiment]] | None = None) -> board.Board:
    model = sitemodel.build(plans, logs=logs or {})
    today = today_utc()
    return board.board(model.views, model.rows(today), model.tracking, model.timelines, today)


def test_a_fold_due_plan_leads_with_who_decides_by_when_and_the_gap() -> None:
    review = plan(SOUND_PLAN.replace("status: approved", "status: in_review"))
    folding = plan(FOLDING)
    found = board_of(
        {"a-review": review, "fold": folding},
        {"fold": [run(date(2026, 3, 20), {"validation": {"WAPE": 0.30}, "test": {"WAPE": 0.31}})]},
    )
    assert [entry.slug for entry in found.entries] == ["fold", "a-review"]  # urgency, not title
    entry, item = found.decisions[0]
    assert entry.slug == "fold" and item.kind == "fold-due"
    assert item.decision == "Fold, or extend the time box"
    assert entry.decider.short == "Tomás Ferreira" and entry.decider.named
    assert item.when == f"overdue {(today_utc() - LAST_DAY).days - 1} days" and item.late
    assert item.figure == "best 0.3 vs target 0.26"
    assert [pending.kind for pending in entry.pending][:2] == ["fold-due", "over-budget"]
    assert found.decisions[1][1].kind == "review"
    assert found.decisions[1][0].decider.short == "Rui Almeida"


def test_running_cost_against_budget_in_the_plans_currency_and_the_totals() -> None:
    over = plan(FOLDING.replace("started: 2026-03-02", "started: 2099-01-01"))
    found = board_of({"over": over})
    entry = found.entries[0]
    assert entry.money.running == 150_000 and entry.money.over and entry.money.times == "30×"
    item = entry.pending[0]
    assert item.kind == "over-budget"
    assert item.figure == "$150,000 a month vs $5,000 budget (30×)"
    assert found.totals == [("Running cost", "$150,000 a month (1 plan costed) of $5,000 budgeted (1 plan)")]
    small = board.Money("EUR", 0.0125, 600, None)
    assert (
        small.amount(small.running) == "€0.0125"
        and board.Money("EUR", 3.0417, None, None).amount(3.0417) == "€3.04"
    )


def test_owners_and_deciders_are_said_plainly_when_missing() -> None:
    nameless = plan(
        SOUND_PLAN.replace("    decider: Rui Almeida\n", "").replace("owners: [Ana Costa]", "owners: []")
    )
    entry = board_of({"x": nameless}).entries[0]
    assert (
        entry.owners.short == "none yet" and not entry.decider.named and entry.decider.short == "nobody named"
    )
    assert entry.unowned == 1  # its one open risk has no owner
    owned = plan(SOUND_PLAN.replace("    decider: Rui Almeida\n", ""))
    entry = board_of({"x": owned}).entries[0]
    assert entry.decider.short == "Ana Costa" and not entry.decider.named  # the first owner stands in


def test_closed_plans_wait_for_nothing_and_come_last() -> None:
    runs = [run(date(2026, 3, 20), {"validation": {"WAPE": 0.30}})]
    shipped = plan(FOLDING.replace("status: building", "status: shipped").replace("5000", "500000"))
    folded = plan(FOLDING.replace("status: building", "status: folded"))
    found = board_of(
        {"a-shipped": shipped, "b-folded": folded, "z-open": plan(SOUND_PLAN)},
        {"a-shipped": runs, "b-folded": runs},
    )
    assert [entry.slug for entry in found.entries] == ["z-open", "a-shipped", "b-folded"]
    assert found.decisions == []
    assert all(entry.closed for entry in found.entries[1:])
    statuses = {value: count for value, _, count in found.statuses}
    assert statuses == {"approved": 1, "shipped": 1, "folded": 1}
    verdicts = {value: count for value, _, count in found.verdicts}
    assert verdicts["fold-due"] == 2 and sum(verdicts.values()) == 3  # every plan in one group


def test_the_plan_summary_shows_who_decides_the_running_cost_and_the_effort() -> None:
    from planner.site.render import Renderer

    over = plan(
        FOLDING.replace("started: 2026-03-02", "started: 2099-01-01") + "    impact:\n      effort_weeks: 8\n"
    )
    model = sitemodel.build({"over": over})
    body = Renderer().site(model)["plans/over/index.md"].body
    summary = html.unescape(body[body.index('<div class="planner-summary">') : body.index("</dl>")])
    assert "<dt>Decides</dt><dd>Tomás Ferreira (head of fresh)</dd>" in summary
    assert "$150,000 a month</span> of" in summary and "$5,000</span> budget" in summary
    assert '<span class="planner-overdue">(30×)</span>' in summary
    assert "<dt>Effort</dt><dd>8 person-weeks" in summary
    nameless = plan(SOUND_PLAN.replace("    decider: Rui Almeida\n", ""))
    body = html.unescape(Renderer().site(sitemodel.build({"x": nameless}))["plans/x/index.md"].body)
    assert 'Ana Costa <span class="planner-note">(first owner: no decider named)</span>' in body
    assert "<dt>Running cost</dt>" not in body  # nothing to say without a cost or a budget
