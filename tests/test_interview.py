"""`planner interview` through real prompt_toolkit input: the flow, validation, resume and the no-prompt modes."""

from __future__ import annotations

import io
import re
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from planner.cli.main import cli
from planner.core.errors import PlannerError
from planner.interview.flow import Interrupted, run
from planner.plan.model import Plan
from planner.plan.questions import BY_FIELD, QUESTIONS, completeness
from planner.plan.workspace import Workspace

from .conftest import MakeWorkspace

ENTER, DOWN, SPACE = "\r", "\x1b[B", " "
NEW_LINE = "\x1b\r"  # Alt-Enter (Esc then Enter) starts a new line in a long answer; Enter finishes
BACK = "\x1b[Z"  # Shift-Tab
CTRL_C, CTRL_D, CLEAR = "\x03", "\x04", "\x15"  # CLEAR (Ctrl-U) empties the line after a rejected answer
REMOVE = "\x18"  # Ctrl-X removes an answer (an empty Enter keeps it)


class Shown(str):
    """A step in a key script: wait until this text is on the screen before sending more keys."""


def line(text: str) -> str:
    return text + ENTER


# The whole kickoff, in the order the interview asks it; each comment names the question.
HAPPY = [
    line("Fraud screening at checkout"),  # title (a new plan)
    line("ana"), line("bo"), ENTER,  # owners: two, then an empty line ends the list
    line("Fraudulent orders never ship"),
    line("Online shoppers and the checkout team"),
    line("4"),  # who sees its output: both staff and people outside
    line("Chargebacks eat the margin"),
    line("Chargeback rate"),
    "y",  # metric measured today: y answers at once
    line("Hold the order for review"),
    line("1"),  # how it turns into action: each order above a cut-off
    line("2"),  # how it reaches them: in the tool the analysts already use
    line("Risk analysts"),
    line("Manual review of orders above 1000 EUR"),
    line("Catches about half of the fraud"),  # follow-up: there is a current solution
    line("1"),  # task: classification
    line("Order, account and device data"),
    line("10"),  # candidate inputs: asked because the task is classification
    line("none"), ENTER,  # no input is known only after the prediction; an empty entry ends the list
    DOWN * 13 + SPACE + ENTER,  # no input describes a person (the last of 14 choices)
    line("The customer's phone call, when an analyst rings them"),  # what the model will not get
    line("Probability the order is fraud"),
    line("0"),  # decided on the spot: no days ahead
    line("1"),  # nothing it must never propose
    line("nothing"),  # nothing every output must carry
    line("Chargeback within 90 days"),
    DOWN + SPACE + ENTER,  # a negative: no chargeback within the 90 days every case has waited out
    "n",  # label is a proxy?
    line("not measured"),  # the share of chargebacks that are fraud: asked because it classifies
    line("none"),  # no earlier stage chooses what the model sees
    SPACE + DOWN + SPACE + ENTER,  # data kinds: tabular and text
    line("2"),  # mode: augment
    DOWN * 10 + SPACE + ENTER,  # facts beyond the decision: none of these
    line("amount > 5000 and new account"), line("send to manual review"), ENTER,  # one rule
    Shown("2) rules are a baseline a model must beat"), line("2"),  # the verdict, in friendly words
    line("60%, 0.9"),  # coverage and accuracy in one answer: asked because rules were tried
    line("3"),  # the rule as it runs today: asked because the rules are the baseline
    line("Everything the rules do not flag"),
    line("120, yes"),  # by hand: examples, and an expert can decide
    line("2"), line("3.5"),  # staff outside the team do it every day; minutes each
    line("new e-mail domains"), ENTER,  # noticed
    line("gift cards"), line("orders split across accounts"), ENTER,  # hard cases
    line("0.8"), line("Two analysts on 120 orders"), "y",
    line("Manual review queue, 40%"),  # the step, and its share of one order's end-to-end delay
    line("2,000 a day"),  # the volume and its period in one answer
    line("20"), line("15"),  # each analyst handles 20 flagged orders a day, and 15 analysts share them
    line("120"),  # the model will flag 120 a day
    line("30%, 20%"),  # an easy slice, and the share the first model addresses
    line("Repeat customers on a known device"),  # which slice is easy
    line("15 EUR"),  # the value per item with its unit
    line("100%"),  # every item addressed gains it
    line("nothing"),  # what each action gives away
    line("12"), "y",  # the effort, and worth it
    line("We keep a cleaned, labelled order history"),
    line("2"),  # false negatives cost more
    line("A shopper's honest order waits for review"), line("2"),  # who an error hurts; moderate
    SPACE + ENTER,  # what it can harm: money or time
    line("Fraud stops at checkout"),
    "Shops lose money to stolen cards." + NEW_LINE + "Every week." + ENTER,
    line("Risky orders wait for a quick human check."),
    line("We stopped losing sleep over chargebacks."),
    line("Turn it on in the shop settings"),
    line("What if it is wrong?"), line("A person reviews every held order"), ENTER,  # one FAQ entry
    line("orders database"), line("1"), line("3"), "y",  # our own; both classes as they arrive; of people
    line("chargeback feed"), line("2"), line("1"), line("1"), "y", ENTER,  # a vendor's; the frauds only;
    # a signed agreement covers it: yes; its records describe people
    line("Jan 2023 - Dec 2025"), line("nothing"),  # the data's period, and nothing changed in it
    DOWN * 6 + SPACE + ENTER,  # nothing was removed from the data
    DOWN + SPACE + ENTER,  # labels: real-world outcomes (one of several sources one may tick)
    line("90"),  # label delay: asked because labels are outcomes
    line("50000"),
    line("2"), line("2%"),  # outcomes only for orders that shipped; 2% approved whatever the score
    line("1"),  # ...drawn at random and handled blind: asked because the share is above 0
    DOWN * 7 + SPACE + ENTER,  # the recorded outcome falls short in none of these ways
    line("1"),  # each label carries the day it happened
    line("1"),  # the world records the outcome (a chargeback)
    line("none"), ENTER,  # a chargeback calls for one action, whatever its cause; an empty entry ends it
    line("0.5%"),  # rarest class: asked because the task is classification
    line("1"),  # ...measured among all the orders production sees
    line("2"), line("one customer"),  # several rows per customer
    line("1"),  # ...and nothing done after one of a customer's rows changes the customer
    line("400"),  # customers holding a fraud: asked because the rows come grouped and the task classifies
    line("20%"),  # the share of the frauds from the busiest merchant: asked because the class is rare
    "n",  # not versioned
    line("1"),  # inputs built as each order stood at the moment of prediction
    line("device data, 0"),  # the input that arrives last, on the order's own date
    DOWN * 11 + SPACE + ENTER,  # nothing differs from production
    line("2"),  # a few cases concern customers the data has never seen
    line("none"),  # no case lacks a key input
    "y", DOWN * 2 + SPACE + ENTER,  # shoppers' personal data
    DOWN * 8 + SPACE + ENTER, line("1"),  # no special category, and it stays in the organisation
    line("1"),  # only our own content
    line("2"), line("200, 120"),  # online serving: a p99 budget, and what a candidate measured
    line("1"),  # small model
    line("5"), line("drift alarm on the input mix"),  # monthly retraining and its trigger
    line("500"), line("EUR"),  # the budget, then its currency (asked once, with the first amount)
    line("60000 a month"), line("0.001"),  # 60,000 predictions a month at 0.001 EUR each
    line("1"), "n", "y",
    line("recall at 1% false positive rate"),
    line("0.5"), line("0.7"),  # the baseline's value (no name said for it), then the target
    ENTER,  # an empty name ends the metrics (0.5 to 0.7 says higher is better: not asked)
    "y",  # the analysts' score was measured as the first metric is
    line("recall at 1% false positive rate"),  # the metric that counts the worst error
    line("1"),  # the done metric scores each decision as it is taken
    line("Last quarter's orders, chargebacks known"),  # the evaluation set
    line("2"),  # its right answers: real-world outcomes
    line("1"),  # the evaluation's inputs: real cases
    line("1"),  # its cases: all the cases of a period
    line("0.5%"),  # the rarest class's share of the evaluation set, as in production
    line("2"), line("5000"),
    line("1"),  # the test set's scores are used for nothing before the final figure
    line("1"),  # the settings are tuned by rolling origin: asked because the test is split by time
    line("6, Ship the rules and stop"),  # the time box and the fold action in one answer
    line("A/B test on 10% of traffic"),
    line("1"),  # online validation: an A/B test
    line("2"),  # the pilot's units are drawn at random
    line("1"),  # the pilot's period is like the launch's: asked because it is piloted
    SPACE + ENTER,  # a later phase changes nothing
    line("Carla"),  # who decides
    line("Risk team"),
    line("share of orders held per day"), line("above 3% pages the on-call"), ENTER,
    line("Fall back to the rules"),
    line("5%"),  # people decide 5% of cases blind: asked because the model augments them
    ENTER,  # review screen: Finish
    ENTER,  # closing screen: Finish, no decision on a risk
]  # fmt: skip

FULL = """\
title: Fraud screening at checkout
owners: [ana, bo]
decider: Carla
product:
  goal: Fraudulent orders never ship
  users: Online shoppers and the checkout team
  audience: both
  pain: Chargebacks eat the margin
  success_metric: Chargeback rate
  metric_measured_today: true
  decision: Hold the order for review
  delivery: existing_tool
  action_shape: threshold
  decision_owner: Risk analysts
  current_solution: Manual review of orders above 1000 EUR
  current_performance: Catches about half of the fraud
  task: classification
  inputs: Order, account and device data
  input_count: 10
  inputs_known_after: [none]
  person_inputs: [none]
  unseen_by_model: The customer's phone call, when an analyst rings them
  output: Probability the order is fraud
  lead_days: 0
  forbidden_guard: nothing
  required_output: nothing
  label: Chargeback within 90 days
  negative_label: [outcome_absent]
  label_is_proxy: false
  label_cause_share: not measured
  earlier_stage_recall: none
  data_kinds: [tabular, text]
  mode: augment
  circumstances: [none]
heuristics:
  rules: [{condition: amount > 5000 and new account, action: send to manual review}]
  verdict: rules_baseline
  coverage: 0.6
  accuracy: 0.9
  humans_handle: Everything the rules do not flag
  improved: as_it_runs
by_hand:
  examples: 120
  done_today_by: other_staff
  minutes_per_example: 3.5
  noticed: [new e-mail domains]
  hard_cases: [gift cards, orders split across accounts]
  human_score: 0.8
  human_score_notes: Two analysts on 120 orders
  human_score_same_measure: true
  expert_can_decide: true
  expert_available: true
  outcome_causes: [none]
impact:
  bottleneck: Manual review queue
  step_share: 0.4
  volume: 2000
  period: day
  capacity_per_day: 20
  capacity_people: 15
  flagged_per_day: 120
  easy_share: 0.3
  easy_slice: Repeat customers on a known device
  share_addressed: 0.2
  value_per_item: 15
  value_unit: EUR
  benefit_share: 1.0
  effort_weeks: 12
  worth_it: true
  if_it_fails: We keep a cleaned, labelled order history
  costlier_error: false_negative
  action_cost: nothing
  error_harm: A shopper's honest order waits for review
  error_severity: moderate
  harm_kinds: [money]
press_release:
  headline: Fraud stops at checkout
  problem: "Shops lose money to stolen cards.\\nEvery week."
  solution: Risky orders wait for a quick human check.
  quote: We stopped losing sleep over chargebacks.
  call_to_action: Turn it on in the shop settings
  faq: [{question: "What if it is wrong?", answer: A person reviews every held order}]
constraints:
  data:
    sources:
    - {name: orders database, acquisition: own, classes: both, about_people: true}
    - {name: chargeback feed, acquisition: vendor, classes: positives, agreement: "yes", about_people: true}
    period: Jan 2023 - Dec 2025
    changes: nothing
    dropped: [nothing]
    labels: [outcomes]
    label_delay_days: 90
    labeled_examples: 50000
    outcome_recorded_for: selected_cases
    exploration_share: 0.02
    exploration_drawn: at_random
    outcome_limits: [none]
    rarest_class_share: 0.005
    rarest_class_share_from: production
    versioned: false
    rows_per_thing: several
    inputs_built: point_in_time
    last_input: device data
    last_input_days: 0
    label_dated: happened
    repeated_unit: one customer
    acted_between_rows: not_acted
    positive_units: 400
    positives_top_source_share: 0.2
    label_writer: event
    newcomers: few
    missing_input_share: none
    content_rights: own
    differences: [none]
    personal_data: true
    whose_data: [consumers]
    special_categories: [none]
    leaves_organisation: stays
  latency: {serving: online, p99_ms: 200, measured_p99_ms: 120, model_size: small}
  retraining: {cadence: monthly, trigger: drift alarm on the input mix}
  compute: {currency: EUR, budget_per_month: 500, cost_per_prediction: 0.001, predictions_per_period: 60000,
            prediction_period: month, hardware: cpu, hosted_service: false}
  explainability_required: true
done:
  metrics:
  - {name: recall at 1% false positive rate, baseline: 0.5, target: 0.7, direction: higher}
  worst_error_metric: recall at 1% false positive rate
  split: time
  test_size: 5000
  test_used_for: nothing
  tuning_drawn: rolling_origin
  timebox_weeks: 6
  fold_action: Ship the rules and stop
  when_met: A/B test on 10% of traffic
  eval_set: Last quarter's orders, chargebacks known
  eval_truth: outcomes
  eval_inputs: real_cases
  eval_drawn: period
  eval_rare_share: 0.005
  metric_unit: decision
  online_validation: a_b_test
  pilot_units: random
  pilot_period: alike
  later_phase: [nothing]
after_launch:
  owner: Risk team
  monitoring: [{signal: share of orders held per day, threshold: above 3% pages the on-call}]
  fallback: Fall back to the rules
  blind_share: 0.05
"""


def interview(root: Path, slug: str | None, keys: list[Any], **options: Any) -> tuple[Any, str]:
    """Run the interview on real prompt_toolkit input; returns (closing text or error, screen text)."""
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)
    missed: list[str] = []

    def text() -> str:
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())

    def feed() -> None:
        for step in keys:
            if isinstance(step, Shown):
                deadline = time.monotonic() + 30
                while step not in text() and time.monotonic() < deadline:
                    time.sleep(0.01)
                if step not in text():
                    missed.append(step)
                    break
            elif callable(step):  # something that happens while the question is on screen
                step()
            else:
                pipe.send_text(step)
        pipe.close()  # a prompt that runs out of keys raises EOFError instead of waiting

    if not options.get("section"):
        options.setdefault("depth", "full")  # the bank's order; essentials first has tests of its own
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        feeder = threading.Thread(target=feed)
        feeder.start()
        try:
            result: Any = run(Workspace(root), slug, **options)
        except PlannerError as exc:
            result = exc
        feeder.join()
    assert not missed, f"never shown: {missed}" + text()[-3000:]
    return result, text()


def progress_steps(screen: str) -> list[tuple[str, str, str, str, str]]:
    """Each question's progress line (section, left in it, N, M) and the question that follows it."""
    unwrapped = re.sub(r"\n {4}(?=\S)", " ", screen)  # a progress line wrapped at the screen's edge
    pattern = (
        r"(\d)/7 [^·\n]+ · (?:(\d+) more|last one)[^·\n]* · (?:essentials: )?(\d+) of (\d+) answered[^\n]*\n"
    )
    found = []
    for match in re.finditer(pattern, unwrapped):
        prompt = re.search(r"^\? (.+?\?)", unwrapped[match.end() :], re.M)
        found.append((*match.groups(default=""), prompt.group(1) if prompt else ""))
    return found


def saved(root: Path, slug: str = "fraud") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((root / "plans" / slug / "plan.yaml").read_text(encoding="utf-8"))
    return data


def expected(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": 2, "status": "draft", **yaml.safe_load(FULL)}
    data.update(changes)
    return data


def write_plan(root: Path, text: str, slug: str = "fraud") -> None:
    path = root / "plans" / slug / "plan.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def root(make_workspace: MakeWorkspace) -> Path:
    return make_workspace({"mkdocs.yml": "site_name: test\n"})


@pytest.mark.long
def test_the_whole_interview_fills_every_answer_across_a_ctrl_c_and_a_resume(root: Path) -> None:
    # One walk through the whole kickoff (each one costs seconds): stopped by Ctrl-C half-way through
    # an answer, then by Ctrl-D in a menu, resumed each time, and finished.
    first = HAPPY[:15]  # title ... the current solution; Ctrl-C half-way through the next answer
    error, stopped = interview(root, "fraud", [*first, "Catches", CTRL_C])
    assert isinstance(error, Interrupted) and error.exit_code == 130
    assert str(error) == (
        "Stopped. All 12 answers so far are saved in plans/fraud/plan.yaml.\n"
        "Resume with: planner interview fraud --depth full"
    )
    assert saved(root)["product"]["current_solution"] == "Manual review of orders above 1000 EUR"
    assert "current_performance" not in saved(root)["product"]  # half-typed, never entered

    # Ctrl-D in a menu stops the same way.
    error, resumed = interview(root, "fraud", [line("Catches about half of the fraud"), CTRL_D])
    assert isinstance(error, Interrupted)
    assert "Resuming 'fraud': 12 of" in resumed
    assert "How is it solved today?" not in resumed  # answered questions are not asked again
    assert "? How well does today's solution do, in numbers?" in resumed  # it resumes at the first unanswered

    closing, rest = interview(root, "fraud", HAPPY[16:])
    assert isinstance(closing, str), closing
    assert saved(root) == expected()
    screen = stopped + resumed + rest  # the whole kickoff as the team saw it
    report = completeness(Workspace(root).load("fraud"))
    assert report.answered == report.applicable == 144
    assert "\nSaved plans/fraud/plan.yaml: 144 of 144 questions answered (100%)." in screen
    assert "Still unanswered" not in screen
    # Each section opens with why it matters; progress and help are shown with every question.
    for number, title in enumerate(["Product goal and ML framing", "Heuristic feasibility"], start=1):
        assert f"━━ {number}/7  {title}" in screen
    assert "━━ 7/7  Done criteria and after launch" in screen
    assert "You may not need ML." in screen
    assert "1/7 Product goal and ML framing · 21 more in this section" in screen
    assert "7/7 Done criteria and after launch · last one in this section" in screen
    assert "Only what is available at prediction time." in screen
    assert "2) rules are a baseline a model must beat" in screen  # friendly labels for choices
    assert "When this holds (e.g. 'amount > 5000 and new account')." in screen  # record help
    assert "1. Product goal and ML framing" in screen and "31/31 answered" in screen  # the review
    # One progress figure: N counts each answer (two for `2,000 a day`); M changes only when an answer
    # opens or closes follow-ups, and so does the count of what is left in the section.
    # The question each stop left shows the same figures when the interview resumes at it: count it once.
    shown = progress_steps(screen)
    steps = [step for number, step in enumerate(shown) if not number or step != shown[number - 1]]
    assert len(shown) - len(steps) == 2
    applicable = completeness(Workspace(root).load("fraud")).applicable
    asked = [next(q for q in QUESTIONS if q.prompt.startswith(prompt)) for *_, prompt in steps]
    partners = {question.partner for question in asked if question.partner}
    assert len(asked) == applicable - len(partners) == 134  # every question that applies, once
    assert not partners & {question.field for question in asked}  # answered in their lead's prompt
    counts = [sum(1 + bool(question.partner) for question in asked[:number]) for number in range(len(asked))]
    assert [int(answered) for _, _, answered, _, _ in steps] == counts
    opens = {when.field for question in QUESTIONS for when in question.when}
    totals = [int(total) for _, _, _, total, _ in steps]
    lefts = [(section, int(more or 0)) for section, more, *_ in steps]
    for number, question in enumerate(asked[:-1]):
        assert totals[number + 1] == totals[number] or question.field in opens, question.field
        (section, left), (following, after) = lefts[number], lefts[number + 1]
        assert section != following or after == left - 1 or question.field in opens, question.field
    assert totals[-1] == applicable
    # Plain words, echoed choices, long answers, no forward references.
    assert "FAQ entry 1: question" in screen and "data source 2: acquisition" in screen
    assert "faqentry" not in screen.lower() and "datasource" not in screen.lower()
    # Every answer echoed on its line as people read it.
    assert "? Which kinds of data are involved? tabular (rows and columns), free text" in screen
    assert "? Is the label only a proxy for the goal? No" in screen
    assert "? What kind of ML task is it? classification (which class?)" in screen
    assert "? Share of the rarest class that matters? 0.5%" in screen
    assert "would the model handle, and per what period? 2,000 a day" in screen
    assert "what share of the whole does it take? Manual review queue, 40%" in " ".join(screen.split())
    assert "short of the target? 6 weeks, Ship the" in screen
    assert "do they get right? 60%, 90%" in screen
    assert "and the p99 a candidate measured? 200 ms, 120 ms" in screen
    assert "(Enter finishes, Alt-Enter starts a new line; an empty answer skips)" in screen
    assert "done metric" not in screen.lower().split("━━ 7/7")[0]  # nothing refers to a later question


def test_a_figure_and_its_period_unit_or_second_figure_take_one_answer(root: Path) -> None:
    write_plan(root, "title: Fraud\nconstraints:\n  latency: {serving: online}\n")
    keys = [
        ENTER,  # the bottleneck
        line("2000 a fortnight"), Shown("'fortnight': say day, week, month, quarter, year or once"), CLEAR,
        line("about 60k per month"),  # the volume and its period
        ENTER,  # the easy share and the share addressed, skipped together
        line("€15"),  # the value and its unit (the currency)
        *[ENTER] * 7,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {
        "volume": 60000,
        "period": "month",
        "value_per_item": 15,
        "value_unit": "EUR",
    }
    assert saved(root)["approximate"] == ["impact.volume"]
    assert "and per what period? about 60,000 a month" in " ".join(screen.split())
    for alone in ("Per what period?", "What share of those items", "In which unit?"):
        assert f"? {alone}" not in screen  # asked in the first's prompt (or skipped with it)
    # The second answer may be "don't know yet": it is kept open for someone to find out.
    # (A figure that takes 'not measured', as the rules' accuracy does, reads "don't know" as that word.)
    write_plan(root, FULL.replace("  examples: 120\n", "").replace("  expert_can_decide: true\n", ""))
    keys = [line("120, don't know"), Shown("Who finds out?"), CLEAR + line("carla"), ENTER]
    closing, screen = interview(root, "fraud", keys, depth="essentials")
    assert isinstance(closing, str), closing
    by_hand = saved(root)["by_hand"]
    assert (by_hand["examples"], by_hand.get("expert_can_decide")) == (120, None)
    assert saved(root)["open_questions"] == [{"question": "by_hand.expert_can_decide", "owner": "carla"}]
    assert "? Could they decide from only" not in screen


# How teams type two answers in one: each part read by its own field's rules; None: the second left out.
PAIRS = [
    ("impact.volume", "2,000/day", 2000, "day"),
    ("impact.volume", "60k per month", 60000, "month"),
    ("impact.volume", "about 500 weekly", 500, "week"),
    ("impact.volume", "2000", 2000, None),
    # a job run one time over a backlog: the figure is the whole of it
    ("impact.volume", "40,000 once", 40000, "once"),
    ("impact.volume", "40k in all", 40000, "once"),
    ("impact.volume", "12,000 one-off", 12000, "once"),
    ("impact.value_per_item", "$2", 2, "USD"),
    ("impact.value_per_item", "10 minutes", 10, "minutes"),
    ("impact.value_per_item", "not measured yet", "not measured", None),  # an honest answer, no unit
    ("heuristics.coverage", "60%, 0.95", 0.6, 0.95),
    ("heuristics.coverage", "60%, not measured", 0.6, "not measured"),  # nobody checked the rules' hits
    ("constraints.latency.p99_ms", "1,000, 800", 1000, 800),
    ("constraints.latency.p99_ms", "200 ms; not measured", 200, "not measured"),
    ("impact.easy_share", "20%, 60%", 0.2, 0.6),
    ("impact.easy_share", "not measured, 60%", "not measured", 0.6),  # nobody has counted the slice
    ("done.timebox_weeks", "2 months, collect labels, then decide", 8.7, "collect labels, then decide"),
    # a text, then its figure after the last comma; a comma inside the text stays in it
    ("impact.bottleneck", "photo checks, 8 minutes of 45", "photo checks", "8 of 45 minutes"),
    ("impact.bottleneck", "triage, then filing; 20%", "triage, then filing", 0.2),
    ("impact.bottleneck", "waiting for legal, not measured yet", "waiting for legal", "not measured"),
    ("impact.bottleneck", "checks, then filing", "checks, then filing", None),
    # a share in words, read whole: a word inside another word, or in a longer text, stays text
    ("impact.bottleneck", "photo checks, about a fifth", "photo checks", 0.2),
    ("impact.bottleneck", "photo checks; a quarter", "photo checks", 0.25),
    ("impact.bottleneck", "photo checks, half", "photo checks", 0.5),
    ("impact.bottleneck", "photo checks, 1 in 5", "photo checks", 0.2),
    ("impact.bottleneck", "photo checks, one in five", "photo checks", 0.2),
    ("impact.bottleneck", "photo checks, a third of the time", "photo checks", 0.3333),
    ("impact.bottleneck", "checks, on behalf of legal", "checks, on behalf of legal", None),
    ("impact.bottleneck", "checks, then half go to filing", "checks, then half go to filing", None),
    # a yes or no with a qualifier, or with no comma before it
    ("by_hand.examples", "150, yes, mostly", 150, True),
    ("by_hand.examples", "150; no - not without the photos", 150, False),
    ("by_hand.examples", "about 150 no", 150, False),
    ("by_hand.examples", "150, mostly", "refused", None),
]


@pytest.mark.parametrize(("field", "typed", "first", "second"), PAIRS)
def test_two_answers_in_one_are_each_read_by_their_fields_rules(
    field: str, typed: str, first: Any, second: Any
) -> None:
    from planner.plan.fields import field_at
    from planner.plan.model import Plan
    from planner.plan.pairs import read_pair
    from planner.plan.questions import BY_FIELD

    question = BY_FIELD[field]
    parent, _, name = field.rpartition(".")
    partner = question.partner.rpartition(".")[2]
    if first == "refused":
        with pytest.raises(ValueError, match="say yes or no"):
            read_pair(field_at(Plan(title="-"), parent), name, partner, question.joined, typed)
        return
    reading = read_pair(field_at(Plan(title="-"), parent), name, partner, question.joined, typed)
    assert (reading.value, reading.also.get(partner)) == (first, second)


def test_a_job_run_once_says_its_whole_backlog_where_the_period_is_asked(root: Path) -> None:
    write_plan(root, "title: Archive\nconstraints:\n  latency: {serving: batch}\n")
    keys = [ENTER, line("40,000 once"), *[ENTER] * 8]  # the bottleneck, the backlog, the rest skipped
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {"volume": 40000, "period": "once"}
    assert "and per what period? 40,000 once" in " ".join(screen.split())
    assert "? Per what period?" not in screen


def test_the_bottleneck_and_its_share_of_the_whole_take_one_answer_or_two(root: Path) -> None:
    write_plan(root, "title: Claims\n")
    keys = [
        line("Adjusters read each claim, 50 of 45 minutes"),
        Shown("the step's part must be at most the whole"), CLEAR,
        line("Adjusters read each claim"),  # the step alone: its share is asked next, on its own
        Shown("? What share of one item's end-to-end time"),
        line("8 minutes of 45"),
        *[ENTER] * 9,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {
        "bottleneck": "Adjusters read each claim",
        "step_share": "8 of 45 minutes",
    }
    flat = " ".join(screen.split())
    assert "does that step take today? 8 of 45 minutes (17.8% of the whole)" in flat
    # In one answer, the second prompt is not shown; Enter on the next run keeps both as they were.
    write_plan(root, "title: Claims\n")
    closing, screen = interview(
        root, "fraud", [line("Waiting for the lab; not measured"), *[ENTER] * 9], section="impact"
    )
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {"bottleneck": "Waiting for the lab", "step_share": "not measured"}
    assert "? What share of one item's" not in screen
    closing, screen = interview(root, "fraud", [ENTER] * 10, section="impact")
    flat = " ".join(screen.split())
    assert "what share of the whole does it take? Waiting for the lab, not measured" in flat  # both kept
    assert saved(root)["impact"] == {"bottleneck": "Waiting for the lab", "step_share": "not measured"}
    # Enter keeps both halves of any two-part answer, and the echo says both, not the first alone.
    write_plan(root, "title: Claims\n")
    keys = [
        line("yes, mostly"), Shown("'yes, mostly': the number first, then yes or no, e.g. 120, yes"), CLEAR,
        line("150, yes, mostly"), *[ENTER] * 8,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="by_hand")
    assert isinstance(closing, str), closing
    assert "could they decide from the inputs alone? 150, yes" in " ".join(screen.split())
    write_plan(root, "title: Claims\nby_hand: {examples: 150, expert_can_decide: false}\n")
    closing, screen = interview(root, "fraud", [ENTER] * 9, section="by_hand")
    assert isinstance(closing, str), closing
    assert "could they decide from the inputs alone? 150, no" in " ".join(screen.split())
    assert saved(root)["by_hand"] == {"examples": 150, "expert_can_decide": False}


def test_a_share_said_in_words_is_read_as_the_share_it_says(root: Path) -> None:
    write_plan(root, "title: Claims\n")
    keys = [
        line("Adjusters read each claim, about a fifth"), Shown("? How many items"),  # the share is not asked
        *[ENTER] * 9,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {"bottleneck": "Adjusters read each claim", "step_share": 0.2}
    assert saved(root)["approximate"] == ["impact.step_share"]  # `about` a fifth: an estimate
    assert "? What share of one item's" not in screen
    # Asked on its own, the share in words reads too; words it cannot read are refused, nothing lost.
    write_plan(root, "title: Claims\n")
    keys = [
        line("Adjusters read each claim"), Shown("? What share of one item's end-to-end time"),
        line("on behalf"), Shown("not a share I can read; enter a share such as 35%"), CLEAR,
        line("one in five"), *[ENTER] * 9,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {"bottleneck": "Adjusters read each claim", "step_share": 0.2}
    assert "does that step take today? 20%" in " ".join(screen.split())


def test_going_back_to_the_step_and_giving_its_share_there_does_not_ask_the_share_again(root: Path) -> None:
    write_plan(root, "title: Claims\n")
    keys = [
        line("Adjusters read each claim"), Shown("? What share of one item's end-to-end time"),
        BACK, Shown("Enter keeps it, Ctrl-X removes it"), CLEAR, line("Adjusters read each claim, a quarter"),
        Shown("? How many items"), *[ENTER] * 9,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"] == {"bottleneck": "Adjusters read each claim", "step_share": 0.25}
    asked = [step[-1] for step in progress_steps(screen)]
    assert [prompt for prompt in asked if prompt.startswith("What share of one item")] == [
        "What share of one item's end-to-end time, delay or cost does that step take today?"
    ]


def test_a_second_answer_that_does_not_fit_its_field_is_refused_with_the_reason() -> None:
    from planner.plan.model import Plan
    from planner.plan.pairs import read_pair
    from planner.plan.questions import Joined

    with pytest.raises(ValueError, match="'fortnight': say day, week, month, quarter, year or once"):
        read_pair(Plan(title="-").impact, "volume", "period", Joined.unit, "2000 a fortnight")
    with pytest.raises(ValueError, match="must be between 0% and 100%"):
        read_pair(Plan(title="-").heuristics, "coverage", "accuracy", Joined.pair, "60%, 150%")
    # A bare number after the step may be a share or minutes: the prompt asks rather than guess 2%.
    impact = Plan(title="-").impact
    with pytest.raises(ValueError, match=r"'2': 2% or minutes\? say 2%, or its part such as 8 of 45"):
        read_pair(impact, "bottleneck", "step_share", Joined.trailing, "the review, 2")
    with pytest.raises(ValueError, match=r"'about 0\.2': say 20%, or the part of the whole"):
        read_pair(impact, "bottleneck", "step_share", Joined.trailing, "the review, about 0.2")
    with pytest.raises(ValueError, match="'35': 35% or minutes"):
        read_pair(impact, "bottleneck", "step_share", Joined.trailing, "35")


def test_invalid_answers_are_asked_again_with_the_reason(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    # The screen is checked once per question: a redrawn error line only repaints what changed.
    keys = [
        line("-3"), Shown("must be greater than or equal to 0; enter a whole number ≥ 0"), CLEAR, line("12"),
        ENTER,  # whether an expert can decide, asked alone when the examples came without it
        ENTER,  # who does the task every day: skipped
        line("a few"), Shown("not a number I can read; enter a number of minutes ≥ 0; 90 s works too"), CLEAR,
        line("2"),
        ENTER, ENTER, ENTER, ENTER,  # noticed, hard cases, human score, an expert available
    ]  # fmt: skip
    closing, _ = interview(root, "fraud", keys, section="by_hand")
    assert isinstance(closing, str), closing
    assert saved(root)["by_hand"] == {"examples": 12, "minutes_per_example": 2}

    keys = [
        line("amount > 5000"), ENTER, Shown("this one needs an answer"), line("hold it"), ENTER,
        line("1"),  # rules suffice
        line("150%"), Shown("must be between 0% and 100%; enter a share such as 35% (35 and 0.35 work too)"),
        CLEAR, line("75 %"),  # coverage
        line("most"), Shown("not a share I can read; enter a share such as 35% (35 and 0.35 work too)"), CLEAR,
        line("0.95"), ENTER,
    ]  # fmt: skip
    closing, _ = interview(root, "fraud", keys, section="heuristics")
    assert isinstance(closing, str), closing
    assert saved(root)["heuristics"] == {
        "rules": [{"condition": "amount > 5000", "action": "hold it"}],
        "verdict": "rules_suffice",
        "coverage": 0.75,
        "accuracy": 0.95,
    }


def test_running_out_of_input_mid_list_keeps_the_entries_already_given(root: Path) -> None:
    error, _ = interview(root, "fraud", [line("Fraud"), line("ana"), line("bo")])
    assert isinstance(error, Interrupted)
    assert saved(root)["owners"] == ["ana", "bo"]


def test_follow_ups_are_asked_only_when_they_apply(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [ENTER, line("3"), ENTER]  # no rules; 'rules cannot help'; humans
    closing, screen = interview(root, "fraud", keys, section="heuristics")
    assert isinstance(closing, str), closing
    assert "What share of cases do the rules handle" not in screen

    # batch serving: no p99 budget; labels by hand: no label delay; no time box: no fold action
    labels = [ENTER, ENTER, DOWN + DOWN + SPACE + ENTER, line("100")]  # no sources, no period; by hand: 100
    constraints = labels + [ENTER] * 14 + [line("1")] + [ENTER] * 9  # how many raters: left blank
    closing, screen = interview(root, "fraud", constraints, section="constraints")
    assert isinstance(closing, str), closing
    assert "How many labeled examples exist today?" in screen
    assert "Days until the real-world outcome is known?" not in screen
    assert "The p99 latency budget in milliseconds?" not in screen
    assert "Share of the rarest class that matters?" not in screen  # no classification task
    assert saved(root)["constraints"] == {
        "data": {"labels": ["manual"], "labeled_examples": 100},
        "latency": {"serving": "batch"},
    }

    keys = [
        line("0"),
        ENTER,
        ENTER,
        ENTER,
    ]  # nothing done by hand: no expert's call, minutes, signals or hard cases
    closing, screen = interview(root, "fraud", keys, section="by_hand")
    assert isinstance(closing, str), closing
    assert "Minutes per example?" not in screen and "Which cases were hard?" not in screen
    assert "Could they decide from only the inputs" not in screen
    assert saved(root)["by_hand"] == {"examples": 0}

    done = [ENTER] * 12
    closing, screen = interview(root, "fraud", done, section="done")
    assert "What will you do if the time box runs out short of the target?" not in screen
    done = [ENTER] * 5 + [line("4"), line("Stop"), ENTER, ENTER, ENTER, ENTER, ENTER, ENTER]
    closing, screen = interview(root, "fraud", done, section="done")
    assert isinstance(closing, str), closing
    assert saved(root)["done"] == {"timebox_weeks": 4, "fold_action": "Stop"}


def test_section_reasks_with_current_answers_as_defaults(root: Path) -> None:
    write_plan(root, FULL)
    before = (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")
    keys = [ENTER] * 17  # impact: Enter keeps each answer (a menu its choice; `2000 a day` both of its)
    closing, screen = interview(root, "fraud", keys, section="impact")
    assert isinstance(closing, str), closing
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == before  # nothing changed
    assert "━━ 4/7  Impact bottleneck" in screen
    assert "Heuristic feasibility ·" not in screen  # only the section asked for

    keys = [ENTER, CLEAR + line("3,500 a week"), *[ENTER] * 11, Shown("? Which error costs more?"), REMOVE]
    closing, screen = interview(root, "fraud", [*keys, *[ENTER] * 5], section="4")
    assert isinstance(closing, str), closing
    impact = saved(root)["impact"]
    assert (impact["volume"], impact["period"]) == (3500, "week")  # both from one answer
    assert "? Per what period?" not in screen
    assert "costlier_error" not in impact  # cleared on purpose
    assert impact["bottleneck"] == "Manual review queue"
    assert before != (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")


def test_enter_keeps_a_hand_written_number_to_its_last_digit(root: Path) -> None:
    # the prompt shows 12.3457% and 12.3456789: Enter keeps what the file holds, not what was shown
    text = FULL.replace("share_addressed: 0.2", "share_addressed: 0.123456789")
    write_plan(root, text.replace("value_per_item: 15", "value_per_item: 12.3456789"))
    closing, _ = interview(root, "fraud", [ENTER] * 17, section="impact")
    assert isinstance(closing, str), closing
    assert saved(root)["impact"]["share_addressed"] == 0.123456789
    assert saved(root)["impact"]["value_per_item"] == 12.3456789


def test_lists_keep_change_or_drop_existing_entries(root: Path) -> None:
    write_plan(root, FULL)
    keys = [
        ENTER, REMOVE, line("new lead"), ENTER,  # owners: keep ana, remove bo, add one
        *[ENTER] * 31,  # the rest of the product section as it is (a kept list entry, then its end)
    ]  # fmt: skip
    closing, _ = interview(root, "fraud", keys, section="product")
    assert isinstance(closing, str), closing
    assert saved(root)["owners"] == ["ana", "new lead"]
    keys = [ENTER, CLEAR + line("hold it"), ENTER, *[ENTER] * 4]  # the rule keeps its condition
    closing, _ = interview(root, "fraud", keys, section="heuristics")
    assert saved(root)["heuristics"]["rules"] == [
        {"condition": "amount > 5000 and new account", "action": "hold it"}
    ]


def test_a_new_plan_asks_for_a_valid_name_and_a_title(root: Path) -> None:
    write_plan(root, "title: Older plan\n", slug="older")
    keys = [
        line("Fraud Screening"), Shown("invalid plan name 'Fraud Screening'"), CLEAR, line("fraud"),
        ENTER, Shown("this one needs an answer"), line("Fraud"),
        CTRL_C,
    ]  # fmt: skip
    error, screen = interview(root, None, keys)
    assert "Existing plans (type one to resume it): older" in screen
    assert isinstance(error, Interrupted)
    assert saved(root) == {"schema_version": 2, "title": "Fraud", "status": "draft"}


def test_the_review_screen_reopens_a_section_before_finishing(root: Path) -> None:
    write_plan(root, FULL)
    keys = [
        Shown("Reopen 2. Heuristic feasibility"),
        line("2"),
        ENTER,  # the rule keeps its condition
        ENTER,  # ... and its action
        ENTER,  # no new rule
        line("1"),
        *[ENTER] * 3,
        ENTER,
    ]
    closing, screen = interview(root, "fraud", keys)
    assert isinstance(closing, str), closing
    assert (
        "2. Heuristic feasibility            6/6  answered · rules: rules are a baseline a model must beat"
        in screen
    )
    assert saved(root)["heuristics"]["verdict"] == "rules_suffice"
    assert screen.count("━━ Review") == 2
    assert "rules: rules are all we need" in screen  # the review shows the change before finishing
    assert "1. Product goal and ML framing     31/31 answered · goal: Fraudulent orders never ship" in screen
    assert "3. Be the algorithm                 9/9  answered · examples done by hand: 120" in screen


# ---------------------------------------------------------------- without prompts, through the command


def planner(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_no_terminal_is_a_clear_error_not_a_hang(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    result = planner("interview", "fraud")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: no terminal to ask questions on (input or output is redirected); pass answers with "
        "`planner interview SLUG --answers FILE`, or list what is unanswered with `--no-input`\n"
    )


def test_answers_file_fills_a_new_plan_and_reports_what_is_left(root: Path) -> None:
    (root / "answers.yaml").write_text(
        "title: Fraud screening\nproduct:\n  goal: Fraudulent orders never ship\n  task: classification\n"
        "heuristics: {coverage: 60%}\n",
        encoding="utf-8",
    )
    result = planner("interview", "fraud", "--answers", "answers.yaml")
    assert result.exit_code == 0, result.output
    assert saved(root) == {
        "schema_version": 2,
        "title": "Fraud screening",
        "status": "draft",
        "product": {"goal": "Fraudulent orders never ship", "task": "classification"},
        "heuristics": {"coverage": 0.6},
    }
    assert result.stdout.startswith("\nSaved plans/fraud/plan.yaml: 2 of 85 questions answered (2%).\n")
    assert "  1. Product goal and ML framing: `planner interview fraud --section product`" in result.stdout
    assert "     - Who owns this plan?" in result.stdout

    # A second file merges onto the first: earlier answers stay unless the file changes them.
    (root / "more.yaml").write_text("product: {users: Checkout team}\n", encoding="utf-8")
    assert planner("interview", "fraud", "--answers", "more.yaml").exit_code == 0
    assert saved(root)["product"] == {
        "goal": "Fraudulent orders never ship",
        "users": "Checkout team",
        "task": "classification",
    }


def test_answers_file_errors_point_at_the_line(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    before = (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")
    (root / "bad.yaml").write_text(
        "product:\n  goal: ok\n  taks: classification\nconstraints:\n  latency:\n    p99_ms: -5\n",
        encoding="utf-8",
    )
    result = planner("interview", "fraud", "--answers", "bad.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: bad.yaml:3: product.taks: unknown field; did you mean `task`?\n"
        "  bad.yaml:6: constraints.latency.p99_ms: Input should be greater than 0; write a value in that range\n"
    )
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == before  # nothing half-applied

    (root / "broken.yaml").write_text("product:\n  goal: [unclosed\n", encoding="utf-8")
    result = planner("interview", "fraud", "--answers", "broken.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: broken.yaml:3:1: ")

    (root / "new.yaml").write_text("product: {goal: x}\n", encoding="utf-8")
    result = planner("interview", "brand-new", "--answers", "new.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: new.yaml: there is no plan 'brand-new' yet, so the answers need a `title:`; "
        "add one, or create the plan first with `planner new brand-new --title ...`\n"
    )
    assert (
        planner("interview", "fraud", "--answers", "missing.yaml").stderr
        == "error: missing.yaml: no such file\n"
    )


def test_no_input_lists_unanswered_questions_and_fails(root: Path) -> None:
    write_plan(
        root,
        "title: Fraud\n"
        + FULL.split("\n", 1)[1].replace("  users: Online shoppers and the checkout team\n", ""),
    )
    result = planner("interview", "fraud", "--no-input")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: plan 'fraud' has 1 unanswered question:\n"
        "  product.users: Who are the users?\n"
        "  answer them with `planner interview fraud`, or in a YAML file for `--answers FILE`\n"
    )
    result = planner(
        "interview", "fraud", "--no-input", "--answers", "-", stdin="product: {users: Shoppers}\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\nSaved plans/fraud/plan.yaml: 144 of 144 questions answered (100%).\n")


def test_bad_options_are_usage_errors(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    result = planner("interview", "fraud", "--section", "costs")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown section 'costs'; use one of product, heuristics, by_hand, impact, press_release, "
        "constraints, done (or 1-7)\n",
    )
    result = planner("interview", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --no-input needs a plan name and no --section; run `planner interview SLUG --no-input`\n",
    )
    result = planner("interview", "../etc")
    assert result.exit_code == 2 and result.stderr.startswith("error: invalid plan name '../etc'")


def test_the_bank_is_big_enough_and_every_field_exists() -> None:
    assert len(QUESTIONS) >= 40
    assert len({question.field for question in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize(
    ("path", "kind", "typed", "value"),
    [
        ("heuristics.coverage", "share", "20%", 0.2),
        ("heuristics.coverage", "share", "0.35", 0.35),
        ("impact.volume", "number", "12,500", 12500),
        ("constraints.latency.p99_ms", "integer", " 200 ", 200),
        (
            "done.eval_rare_share",
            "share",
            "not measured",
            "not measured",
        ),  # nobody counted the test's positives
        ("done.eval_rare_share", "share", "2%", 0.02),
        # nobody has dated the outcomes yet: an answer, not a gap, and never a number of days
        ("constraints.data.label_delay_days", "number", "not measured yet", "not measured"),
        (
            "constraints.data.labeled_examples",
            "integer",
            "Not counted yet",
            "not measured",
        ),  # many, uncounted
        # a yearly budget of visits, a weekly count of flags: kept in the team's period
        ("impact.capacity_per_day", "number", "60 a year", "60 a year"),
        ("impact.capacity_per_day", "number", "60/Year", "60 a year"),
        ("impact.flagged_per_day", "number", "5 per week", "5 a week"),
        ("impact.capacity_per_day", "number", "40", 40),
        ("by_hand.expert_can_decide", "yes_no", "Not sure", "not known"),  # nobody has tried it yet
        ("product.goal", "text", "  spaces trimmed  ", "spaces trimmed"),
        ("product.goal", "text", "   ", None),  # empty: left unanswered
    ],
)
def test_typed_answers_become_the_values_the_file_holds(path: str, kind: str, typed: str, value: Any) -> None:
    from planner.plan.answers import parse
    from planner.plan.fields import field_at
    from planner.plan.model import Plan
    from planner.plan.questions import Kind

    parent, _, name = path.rpartition(".")
    assert parse(field_at(Plan(title="t"), parent), name, Kind(kind), typed) == value


def test_refused_answers_say_why() -> None:
    from planner.plan.answers import parse
    from planner.plan.model import Plan
    from planner.plan.questions import Kind

    latency = Plan(title="t").constraints.latency
    with pytest.raises(
        ValueError, match=r"^must be greater than 0; enter a whole number of ms > 0; 0.2 s works too$"
    ):
        parse(latency, "p99_ms", Kind.integer, "0")
    with pytest.raises(
        ValueError, match=r"^not a number I can read; enter a whole number of ms > 0; 0.2 s works too$"
    ):
        parse(latency, "p99_ms", Kind.integer, "fast")
    from planner.plan.model import Metric

    # the period a baseline figure comes from, typed as the baseline: said where it goes, not a crash
    with pytest.raises(
        ValueError, match=r"^'2024-25 season' is not a figure: put the figure in `baseline` and "
    ):
        parse(Metric(name="MAE"), "baseline", Kind.number, "2024-25 season")
    # a season typed alone (`2024-25`) is no range: its midpoint, 1024.5, was saved as the baseline
    with pytest.raises(ValueError, match=r"^'2024-25' runs from high to low: write a range low end first"):
        parse(Metric(name="MAE"), "baseline", Kind.number, "2024-25")


def test_no_input_on_a_complete_plan_reports_without_writing(root: Path) -> None:
    write_plan(root, FULL)
    before = (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")
    result = planner("interview", "fraud", "--no-input")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\nplans/fraud/plan.yaml: 144 of 144 questions answered (100%).\n")
    assert "Top risks:" in result.stdout
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == before


def test_a_hand_edit_made_during_the_interview_is_kept(root: Path) -> None:
    write_plan(root, "title: Fraud\n")

    def teammate_edits_the_file() -> None:
        path = root / "plans" / "fraud" / "plan.yaml"
        path.write_text(
            path.read_text().replace("title: Fraud", "title: Fraud at checkout"), encoding="utf-8"
        )

    keys = [Shown("How many real examples"), teammate_edits_the_file, line("12"), CTRL_C]
    error, _ = interview(root, "fraud", keys, section="by_hand")
    assert isinstance(error, Interrupted)
    assert saved(root)["title"] == "Fraud at checkout"
    assert saved(root)["by_hand"] == {"examples": 12}


def test_a_file_broken_during_the_interview_is_never_overwritten(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    path = root / "plans" / "fraud" / "plan.yaml"

    def teammate_breaks_the_file() -> None:
        path.write_text("title: [Fraud\n", encoding="utf-8")

    error, _ = interview(
        root,
        "fraud",
        [Shown("How many real examples"), teammate_breaks_the_file, line("12")],
        section="by_hand",
    )
    assert isinstance(error, PlannerError) and error.exit_code == 2
    assert str(error) == (
        "plans/fraud/plan.yaml was changed outside this interview and cannot be read now, so your answer to "
        "by_hand.examples was not saved:\n"
        "plans/fraud/plan.yaml:2:1: did not find expected ',' or ']'; fix the YAML syntax there\n"
        "Fix the file, then run `planner interview fraud` to go on"
    )
    assert path.read_text() == "title: [Fraud\n"


def test_the_start_up_patch_still_reaches_prompt_toolkit() -> None:
    """The patch replaces attributes prompt_toolkit looks up for each Application: if a new release
    renames or drops one, the patch would silently do nothing and every prompt would open slower."""
    import prompt_toolkit.application.application as application
    from prompt_toolkit.application import Application

    from planner.interview.prompts import start_up

    assert "load_key_bindings" in application.Application.__init__.__code__.co_names
    start_up()
    start_up()  # twice is harmless
    patched = application.load_key_bindings
    assert hasattr(patched, "cache_info")
    before = patched.cache_info()
    with create_app_session(output=DummyOutput()):
        Application()
        Application()
    after = patched.cache_info()
    assert after.hits + after.misses >= before.hits + before.misses + 2  # both went through the cache
    assert after.currsize == 1
    import prompt_toolkit.styles.style as style

    assert "_parse_style_str" in style.Style.__init__.__code__.co_names  # each rule's text, parsed once
    parsed = style._parse_style_str.cache_info()  # type: ignore[attr-defined]
    style.Style([("a", "bold fg:ansired"), ("b", "bold fg:ansired")])
    assert style._parse_style_str.cache_info().hits > parsed.hits  # type: ignore[attr-defined]


def test_the_bank_is_checked_against_the_model_when_it_loads() -> None:
    from planner.plan.questions import BY_FIELD, Kind, When, _load, _q

    # Each kind follows from the field's type in the model.
    assert BY_FIELD["product.metric_measured_today"].kind is Kind.yes_no
    assert BY_FIELD["heuristics.coverage"].kind is Kind.share
    assert BY_FIELD["impact.volume"].kind is Kind.number
    assert BY_FIELD["done.test_size"].kind is Kind.integer
    assert BY_FIELD["product.data_kinds"].kind is Kind.multi_choice
    assert BY_FIELD["done.metrics"].kind is Kind.items
    assert BY_FIELD["by_hand.noticed"].kind is Kind.list
    assert BY_FIELD["press_release.problem"].kind is Kind.long_text
    cases = {
        "bank: product.taks: plan.yaml has no field 'taks' there": [_q("product.taks", "?", "")],
        "bank: product.users: its condition names 'product.goals', which plan.yaml has no field for": [
            _q("product.goal", "?", ""),
            _q("product.users", "?", "", When("product.goals")),
        ],
        "bank: product.users: product.task has no choice 'classify'; it offers classification, ": [
            _q("product.task", "?", ""),
            _q("product.users", "?", "", When("product.task", ("classify",))),
        ],
        "bank: product.goal: its condition on product.task must follow that question, not precede it": [
            _q("product.goal", "?", "", When("product.task", ("classification",))),
            _q("product.task", "?", ""),
        ],
        "bank: product.goal: only a text field can take a long answer": [
            _q("product.task", "?", ""),
            _q("product.goal", "?", "", long=True),
            _q("done.test_size", "?", "", long=True),
        ],
    }
    for message, entries in cases.items():
        with pytest.raises(ValueError) as caught:
            _load({"product": tuple(entries)})
        assert str(caught.value).startswith(message.replace("product.goal: only", "done.test_size: only"))


# ---------------------------------------------------------------- moving around, depths, counts, keys


def test_shift_tab_goes_back_one_question_and_says_so_on_every_screen(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        ENTER,  # owners: none yet
        line("Fraud never ships"),
        Shown("? Who are the users?"), BACK,  # a second thought about the goal
        Shown("Fraud never ships"), CLEAR + line("Fraudulent orders never ship"),
        line("Shoppers"), BACK, BACK, BACK,  # from the pain back to the owners
        Shown("? Who owns this plan?"), BACK, Shown("(this is the first question)"), line("ana"), ENTER,
        ENTER, ENTER,  # goal and users: Enter walks forward through them, keeping each answer
        CTRL_C,
    ]  # fmt: skip
    error, screen = interview(root, "fraud", keys)
    assert isinstance(error, Interrupted)
    assert saved(root)["owners"] == ["ana"]
    assert saved(root)["product"] == {"goal": "Fraudulent orders never ship", "users": "Shoppers"}
    statuses = [text for text in screen.splitlines() if text.startswith("1/7 Product goal")]
    assert len(statuses) >= 6 and all(text.endswith("· Shift-Tab goes back") for text in statuses)


def test_essentials_first_say_depth_and_time_then_the_full_interview_now_or_later(root: Path) -> None:
    from planner.interview.path import expected, minutes, scope
    from planner.plan.model import Plan
    from planner.plan.questions import BY_FIELD, QUESTIONS

    essentials = scope("essentials")
    asked = sum(not question.when for question in essentials)
    # A second answer asked in its first's prompt (`20%, 60%`) is skipped with it.
    prompted = asked - sum(not BY_FIELD[q.partner].when for q in essentials if q.partner and not q.when)
    assert 18 <= prompted < asked <= 41
    keys = [
        line("Duplicate listings"),  # title
        line("Sellers never see their listing flagged twice"),
        *[ENTER] * (prompted - 1),  # every other essential left open (no follow-up applies then)
        Shown("Go on with the full interview now"),
        "n",
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, depth=None)
    assert isinstance(closing, str), closing
    flat = " ".join(screen.split())  # lines wrap at the screen's width
    # What the start announces comes from the bank: the questions, the answers follow-ups may add, minutes.
    count, low, high = expected(Plan(title="Duplicate listings"), essentials)
    assert count == asked and high <= 41  # about twenty minutes at most, every follow-up included
    assert (
        f"Essentials: the {asked} questions the advice needs most ({low} to {high} answers with the "
        f"follow-ups your answers open), {minutes(low, high)}. Then the full interview, now or later."
    ) in flat
    assert "? Who owns this plan?" not in screen  # not an essential
    # One figure through the essentials: of the essentials that apply (no follow-up opened here).
    figures = [(answered, total) for *_, answered, total, _ in progress_steps(screen)]
    assert figures == [("0", str(asked))] + [("1", str(asked))] * (prompted - 1)  # the goal, then skips
    assert f"essentials: 0 of {asked} answered" in screen
    plan = Workspace(root).load("fraud")
    left, low, high = expected(plan, QUESTIONS)
    assert (
        f"Go on with the full interview now ({left} more questions, {minutes(low, high)})? (y or n)" in flat
    )
    assert saved(root)["product"] == {"goal": "Sellers never see their listing flagged twice"}
    total = completeness(plan).applicable
    assert flat.count(f"Saved plans/fraud/plan.yaml: 1 of {total} questions answered") == 1
    assert f"questions answered (1%); the essentials: 1 of {asked}." in flat
    assert "minutes)? No, later The rest waits for you" in flat  # n echoed as the choice it picked

    # Next time the essentials are behind it... but still unanswered: it offers them again first;
    # --depth full goes straight to the full interview.
    error, screen = interview(root, "fraud", [CTRL_D], depth="full")
    assert isinstance(error, Interrupted)
    assert f"Resuming 'fraud': 1 of {total} answered." in screen
    flat = " ".join(screen.split())
    assert (
        f"The full interview: {left} questions left ({low} to {high} answers with their follow-ups)" in flat
    )


def test_the_essentials_path_asks_every_question_its_advice_then_blocks_on(root: Path) -> None:
    """A run of the essentials on a plan that automates, fights fraudsters, serves online within
    100 ms and tried rules, every question skipped: each blocking question the closing screen names
    was put to the team on the way (issue 22: "ends blocked on a question it never asked")."""
    from planner.judgement.register import assess
    from planner.plan.planfile import plan_from_text
    from planner.plan.questions import BY_FIELD

    write_plan(
        root,
        """
        title: Stop fraudsters and bots at checkout
        product: {mode: automate}
        heuristics: {verdict: rules_baseline}
        constraints: {latency: {serving: online, p99_ms: 100}}
        """,
    )
    closing, screen = interview(root, "fraud", [ENTER] * 80, depth="essentials")
    assert isinstance(closing, str), closing
    plan = plan_from_text((root / "plans/fraud/plan.yaml").read_text(encoding="utf-8"), "plan.yaml")
    blocking = assess(plan).blocking
    assert len(blocking) >= 5
    assert f"Answer {len(blocking)} blocking questions before starting" in screen
    for question in blocking:
        assert f"? {BY_FIELD[question.field].prompt}" in screen, question.field


def test_how_a_prediction_reaches_who_acts_is_asked_right_after_who_acts(root: Path) -> None:
    write_plan(root, "title: Fridge alerts\nproduct: {goal: No dose is lost to a failed fridge}\n")
    keys = [
        line("The quality officer moves the stock"),  # who acts on each prediction
        Shown("How does each prediction reach whoever acts on it?"),
        Shown("5) an integration not built (or not licensed) yet"),
        line("5"),
        Shown("? How is it solved today?"),  # the next essential
        CTRL_D,
    ]  # fmt: skip
    error, screen = interview(root, "fraud", keys, depth="essentials")
    assert isinstance(error, Interrupted)
    assert saved(root)["product"]["delivery"] == "not_built"
    flat = " ".join(screen.split())
    assert (
        "? How does each prediction reach whoever acts on it? an integration not built (or not licensed) yet"
        in flat
    )
    assert "a system that decides automatically does not read a dashboard" in flat  # the why, as help
    for choice in (
        "1) the deciding system reads it automatically",
        "3) a new screen, dashboard, report, e-mail or alert",
        "7) nobody receives it yet",
    ):
        assert choice in screen


def test_keys_people_expect_in_menus(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        ENTER, ENTER, ENTER,  # sources, the data's period and labels: none
        ENTER, ENTER,  # who writes the outcome down, and rows per thing: skipped
        Shown("(y or n; Enter skips)"), "y",  # versioned: y answers at once
        ENTER, ENTER,  # how the inputs are built, and the input that arrives last: skipped
        ENTER,  # nothing ticked as differing from production
        ENTER,  # newcomers: skipped
        ENTER,  # the share of cases lacking a key input: skipped
        "n",  # personal data: n answers at once too
        ENTER, ENTER,  # whether data leaves the organisation, and content others own: skipped
        Shown("(↑↓, j/k, a number or letters to jump; Enter picks)"),
        "j", "j", "k", ENTER,  # serving: j and k move as the arrows do -> batch
        "hu", ENTER,  # model size: letters jump to the choice -> huge (LLMs)
        *[ENTER] * 8,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="constraints")
    assert isinstance(closing, str), closing
    assert saved(root)["constraints"] == {
        "data": {"versioned": True, "personal_data": False},
        "latency": {"serving": "batch", "model_size": "huge"},
    }
    assert "? Where do labels come from? nothing" in screen  # the multi-select says what it took
    assert "? Is raw data versioned and never overwritten? Yes" in screen  # y is echoed as Yes


def test_each_source_says_which_classes_it_holds_where_the_task_has_classes(root: Path) -> None:
    write_plan(root, "title: Fraud\nproduct:\n  task: classification\n")
    keys = [
        line("complaint log"),
        line("1"),
        line("1"),
        "y",  # its records describe people
        line("random sample of orders"),
        line("1"),
        line("2"),
        "y",
    ]
    error, screen = interview(root, "fraud", [*keys, ENTER, CTRL_C], section="constraints")
    assert isinstance(error, Interrupted)
    assert saved(root)["constraints"]["data"]["sources"] == [
        {"name": "complaint log", "acquisition": "own", "classes": "positives", "about_people": True},
        {
            "name": "random sample of orders",
            "acquisition": "own",
            "classes": "negatives",
            "about_people": True,
        },
    ]
    assert "Which classes its rows hold: only the cases sought (positives: a complaint log" in screen
    assert "data source 1: classes only the cases sought (the complaints, defects, frauds)" in screen

    write_plan(root, "title: Demand\nproduct:\n  task: forecasting\n")
    error, screen = interview(
        root, "fraud", [line("till sales"), line("1"), "n", ENTER, CTRL_C], section="constraints"
    )
    assert saved(root)["constraints"]["data"]["sources"] == [
        {"name": "till sales", "acquisition": "own", "about_people": False}
    ]
    assert "classes" not in screen  # a forecast's sources hold no classes


def test_whom_a_source_describes_is_not_asked_where_the_data_holds_no_personal_data(root: Path) -> None:
    write_plan(
        root,
        "title: Demand\nproduct:\n  task: forecasting\nconstraints:\n  data:\n    personal_data: false\n",
    )
    error, screen = interview(
        root, "fraud", [line("till sales"), line("1"), ENTER, CTRL_C], section="constraints"
    )
    assert isinstance(error, Interrupted)
    assert saved(root)["constraints"]["data"]["sources"] == [{"name": "till sales", "acquisition": "own"}]
    assert "describe living people" not in screen


def test_ctrl_d_with_nothing_answered_says_so(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    before = (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")
    error, _ = interview(root, "fraud", [CTRL_D])
    assert isinstance(error, Interrupted) and error.exit_code == 130
    assert str(error) == (
        "Stopped before any answer was given; plans/fraud/plan.yaml is unchanged.\n"
        "Resume with: planner interview fraud --depth full"
    )
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == before
    error, _ = interview(root, "new-one", [line("A new plan"), CTRL_D])
    assert str(error).startswith("Stopped before any answer was given; plans/new-one/plan.yaml holds only")


def test_change_one_answer_from_the_review_and_decide_on_a_risk(root: Path) -> None:
    write_plan(root, FULL)
    keys = [
        Shown("Finish, change one answer, or reopen a section?"),
        "c", ENTER,  # letters jump: "Change one answer"
        Shown("? Which answer?"), "head", ENTER,  # ... to the press release headline
        Shown("Fraud stops at checkout"), CLEAR + line("Stolen cards stop at checkout"),
        Shown("Finish, change one answer"), ENTER,  # Finish
        Shown("Finish, or record the team's decision on a risk?"), "j", ENTER,  # the first open risk
        Shown("? The team's decision?"), "3", ENTER,  # not applicable
        line("Vendor data is a signed, versioned feed"), line("Lena"),
        Shown("Recorded: "), ENTER,  # Finish
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys)
    assert isinstance(closing, str), closing
    plan = saved(root)
    assert plan["press_release"]["headline"] == "Stolen cards stop at checkout"
    assert plan["impact"] == expected()["impact"]  # nothing else was asked
    [decision] = plan["decisions"]
    assert decision["verdict"] == "not_applicable" and decision["by"] == "Lena"
    assert decision["note"] == "Vendor data is a signed, versioned feed"
    assert f"Recorded: {decision['risk']} not applicable by Lena" in screen


@pytest.mark.parametrize(
    ("path", "typed", "value"),
    [
        ("heuristics.coverage", "35", 0.35),
        ("heuristics.coverage", "35%", 0.35),
        ("heuristics.coverage", "0.35", 0.35),
        ("heuristics.coverage", "100", 1.0),
        ("heuristics.coverage", "1%", 0.01),
        ("heuristics.coverage", "0", 0.0),
        ("heuristics.coverage", "about half", 0.5),
        ("heuristics.coverage", "two thirds", 0.6667),
        ("impact.volume", "3k", 3000),
        ("impact.volume", "1.2M", 1_200_000),
        ("impact.volume", "12 500", 12500),
        ("done.test_size", "2,000", 2000),
    ],
)
def test_numbers_as_people_type_them(path: str, typed: str, value: Any) -> None:
    from planner.plan.answers import parse
    from planner.plan.fields import field_at
    from planner.plan.model import Plan
    from planner.plan.questions import BY_FIELD

    parent, _, name = path.rpartition(".")
    assert parse(field_at(Plan(title="t"), parent), name, BY_FIELD[path].kind, typed) == value


def test_numbers_that_need_a_word_say_so() -> None:
    from planner.plan.answers import amount, parse
    from planner.plan.model import Plan
    from planner.plan.questions import Kind

    plan = Plan(title="t")
    with pytest.raises(ValueError, match=r"^1 could mean 1% or all of them; type 1% or 100%$"):
        parse(plan.heuristics, "coverage", Kind.share, "1")
    with pytest.raises(ValueError, match=r"^200.5 is not a whole number; enter a whole number ≥ 0$"):
        parse(plan.done, "test_size", Kind.integer, "200.5")
    with pytest.raises(ValueError, match=r"^a number without a currency; enter a number ≥ 0$"):
        parse(plan.impact, "volume", Kind.number, "€3,000")
    assert amount("€3,000") == (3000, "EUR")
    assert amount("$1.2M") == (1_200_000, "USD")
    assert amount("3k") == (3000, None)
    assert amount("3 000 EUR") == (3000, "EUR")
    assert amount("3,5") is None and amount("€3 USD") is None


def test_money_as_people_type_it_and_the_currency_asked_once(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        *[ENTER] * 5, "n", *[ENTER] * 5, "n", *[ENTER] * 5,  # up to the compute budget
        Shown("? Compute and service budget per month?"), line("3k"),
        Shown("? In which currency are this plan's amounts?"), line("eur"),
        line("200k"), ENTER,  # predictions per period, per what period (skipped)
        line("$0.02"), Shown("this plan's amounts are in EUR; enter the amount in EUR"), CLEAR, line("€0.02"),
        ENTER, "n", ENTER,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="constraints")
    assert isinstance(closing, str), closing
    assert saved(root)["constraints"]["compute"] == {
        "currency": "EUR",
        "budget_per_month": 3000,
        "predictions_per_period": 200000,
        "cost_per_prediction": 0.02,
        "hosted_service": False,
    }
    assert "In which currency" not in screen.split("? Cost of one prediction")[1]  # once per plan


def test_a_hosted_service_not_decided_is_an_answer(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        *[ENTER] * 5, "n", *[ENTER] * 5, "n", *[ENTER] * 5,  # up to the compute budget
        line("3k"), line("eur"), line("200k"), ENTER, line("€0.02"), ENTER,
        Shown("? Will it rely on a hosted (black-box) ML service?"), "3", ENTER,  # Yes, No, Not decided yet
        ENTER,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="constraints")
    assert isinstance(closing, str), closing
    assert saved(root)["constraints"]["compute"]["hosted_service"] == "not decided"
    assert "hosted (black-box) ML service? Not decided yet" in " ".join(screen.split())
    assert "? Which hosted model or API?" not in screen  # asked once a hosted service is chosen


def test_enter_keeps_an_amount_the_prompt_shows_rounded(root: Path) -> None:
    write_plan(root, "title: Fraud\nconstraints:\n  compute: {currency: EUR, budget_per_month: 1234567.5}\n")
    keys = [
        *[ENTER] * 5, "n", *[ENTER] * 5, "n", *[ENTER] * 5,  # up to the compute budget
        Shown("? Compute and service budget per month?"), Shown("1.23457e+06"), ENTER,  # as %g shows it
        Shown("? How many predictions or calls, and per what period?"), CTRL_C,
    ]  # fmt: skip
    result, _ = interview(root, "fraud", keys, section="constraints")
    assert isinstance(result, Interrupted), result
    assert saved(root)["constraints"]["compute"]["budget_per_month"] == 1234567.5


def test_long_answers_wrap_between_words_at_the_full_width() -> None:
    from planner.interview.prompts import word_wrap

    # "world" would start at column 6 of 8 and be cut: two spaces move it to the next row.
    assert word_wrap("hello world again", 8) == {6: 2, 12: 2}
    assert word_wrap("a word longer than the row: abcdefghijkl", 100) == {}
    assert word_wrap("abcdefghijkl fits", 8) == {13: 3}  # a word longer than a row is cut anyway
    assert word_wrap("重複 出品", 6) == {3: 1}  # wide characters take two columns


def test_a_wrapped_top_risk_keeps_its_title_in_the_column() -> None:
    from planner.core.terminal import wrap

    # The closing summary's `  medium  9  title`: a long title's rest lines up under it, not at the left.
    line = "  medium  9  An easy slice could ship first, but the first model aims at everything"
    assert wrap(line, 79).splitlines() == [
        "  medium  9  An easy slice could ship first, but the first model aims at",
        "             everything",
    ]


def test_the_review_screens_never_send_an_answers_control_characters_to_the_terminal(root: Path) -> None:
    hostile = "Fraudulent \\a\\b\\e]0;pwned\\a\\e[2J\\u202eorders never ship"
    write_plan(root, FULL.replace("  goal: Fraudulent orders never ship", f'  goal: "{hostile}"'))
    keys = [
        Shown("Change one answer"),
        DOWN,
        ENTER,
        Shown("Which answer?"),
        ENTER,
        Shown("Reopen 2."),
        line("0"),
    ]
    closing, screen = interview(root, "fraud", keys)
    assert isinstance(closing, str), closing
    # prompt_toolkit moves the cursor with backspaces of its own: look at what follows the answer
    shown = [screen[at : at + 45] for at in range(len(screen)) if screen.startswith("Fraudulent", at)]
    assert len(shown) >= 2  # on the review screen and in the menu of answers
    for text in shown:
        assert "pwned" in text and not any(char in text for char in "\a\b\x1b\u202e"), text


def test_a_reasked_answer_starts_from_text_that_cannot_drive_the_terminal(root: Path) -> None:
    hostile = "Fraudulent \\e]0;pwned\\a\\e[2J\\u202eorders\\u2066 never ship, café"
    written = "Fraudulent \x1b]0;pwned\a\x1b[2J\u202eorders\u2066 never ship, café"
    write_plan(root, FULL.replace("  goal: Fraudulent orders never ship", f'  goal: "{hostile}"'))
    goal = [ENTER, ENTER, ENTER, Shown("What service will users get?")]  # owners kept, then the goal
    result, screen = interview(
        root, "fraud", [*goal, ENTER, Shown("Who are the users?"), CTRL_C], section="1"
    )
    assert isinstance(result, Interrupted), result
    # prompt_toolkit moves the cursor with backspaces of its own: look at the answer alone
    shown = [
        screen[at : screen.index("ship", at)] for at in range(len(screen)) if screen.startswith("Fraud", at)
    ]
    assert shown
    for text in shown:
        assert "pwned" in text and not any(char in text for char in "\a\x1b\u202e\u2066"), text
    assert saved(root)["product"]["goal"] == written  # Enter keeps the answer as the file has it

    # Edited, the answer starts from what the prompt showed: letters kept, controls as spaces
    result, _ = interview(
        root, "fraud", [*goal, line(" now"), Shown("Who are the users?"), CTRL_C], section="1"
    )
    assert isinstance(result, Interrupted), result
    assert saved(root)["product"]["goal"] == "Fraudulent  ]0;pwned  [2Jorders never ship, café now"


def test_ctrl_c_inside_a_list_entry_saves_what_was_typed_or_says_what_was_not(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [Shown("metric 1: name"), line("recall"), Shown("metric 1: baseline"), line("0.4")]
    error, _ = interview(root, "fraud", [*keys, Shown("metric 1: target"), "0.7", CTRL_C], section="done")
    assert isinstance(error, Interrupted), error
    assert str(error).splitlines()[1:] == [
        "Metric 1 is saved as far as you typed it (name: recall, baseline: 0.4).",
        "Resume with: planner interview fraud --section done",
    ]
    assert saved(root)["done"]["metrics"] == [{"name": "recall", "baseline": 0.4, "direction": "higher"}]

    keys = [Shown("rule 1: condition"), line("amount > 5000"), Shown("rule 1: action"), CTRL_C]
    error, _ = interview(root, "fraud", keys, section="heuristics")
    assert isinstance(error, Interrupted), error
    assert str(error) == (
        "Stopped before any answer was given; plans/fraud/plan.yaml is unchanged.\n"
        "Not saved: rule 1 (condition: amount > 5000): it needs action; type it again when you resume.\n"
        "Resume with: planner interview fraud --section heuristics"
    )
    assert "heuristics" not in saved(root)


def test_a_metric_asks_only_what_its_earlier_answers_leave_open(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # The baseline may be only what it is; the target may be relative, and then says the direction.
        line("MAPE of next week's orders"), line("the naive forecast"), line("10% lower"),
        # A baseline's value and what it is take one answer; with the target they say the direction.
        line("mean absolute error of the order value"), line("40, last year's average"), line("25"),
        # beside the first, a second metric is the goal or a guardrail to hold (Enter leaves it unsaid)
        Shown("metric 2: role"), ENTER,
        Shown("metric 3: name"), ENTER,  # an empty name ends the metrics
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    assert saved(root)["done"]["metrics"] == [
        {
            "name": "MAPE of next week's orders",
            "direction": "lower",
            "relative_target": 0.1,
            "baseline_name": "the naive forecast",
        },
        {
            "name": "mean absolute error of the order value",
            "baseline": 40,
            "target": 25,
            "direction": "lower",
            "baseline_name": "last year's average",
        },
    ]
    assert "metric 1: relative target" not in screen and "direction" not in screen.split("metric 1: name")[1]
    assert "baseline name" not in screen  # asked in the baseline's own prompt
    assert "› metric 1: baseline the naive forecast" in screen
    assert "› metric 2: baseline 40, last year's average" in screen
    assert "› metric 1: target 10% lower than the baseline" in screen


def test_a_guardrail_held_where_it_is_today_is_a_margin_of_none(root: Path) -> None:
    # "No worse than the baseline" is a target: a margin of 0 on today's figure, shown as said.
    write_plan(root, "title: Fraud\n")
    keys = [
        line("Share of stops avoided"), line("0.2"), line("0.6"),
        line("Recall of faults"), line("0.95, the rules"), line("No worse than the baseline"),
        Shown("metric 2: direction"), ENTER,
        Shown("metric 2: role"), line("guardrail"),
        Shown("metric 3: name"), ENTER,
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    assert saved(root)["done"]["metrics"][1] == {
        "name": "Recall of faults",
        "baseline": 0.95,
        "direction": "higher",
        "relative_target": 0,
        "baseline_name": "the rules",
        "role": "guardrail",
    }
    assert "› metric 2: target no worse than the baseline" in screen
    assert "'no worse than the baseline' for a guardrail" in " ".join(screen.split())


def test_a_baseline_typed_as_words_is_taken_as_what_it_is(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # A period typed where the figure goes is what the baseline is, its figure not given; the
        # prompt never sends the user to a field of the file.
        line("MAE of the season's yield"), line("2024-25 season"), line("10% lower"),
        # A figure run into its words is asked again: the figure and a name, or a name?
        line("recall"), line("0.5 rules"),
        Shown("'0.5 rules': the figure, a comma, then what it is (0.5, the rules); or only what it is"),
        CLEAR, line("0.5, the rules"), line("0.7"),
        Shown("metric 2: role"), ENTER,
        Shown("metric 3: name"), ENTER,  # an empty name ends the metrics
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    metrics = saved(root)["done"]["metrics"]
    assert metrics[0]["baseline_name"] == "2024-25 season" and "baseline" not in metrics[0]
    assert metrics[0]["relative_target"] == 0.1
    assert (metrics[1]["baseline"], metrics[1]["baseline_name"], metrics[1]["target"]) == (
        0.5,
        "the rules",
        0.7,
    )
    assert "baseline_name`" not in screen
    assert "› metric 1: baseline 2024-25 season" in screen


def test_a_baseline_answered_none_is_kept_as_the_file_keeps_baseline_none(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # "We have none" in the words the file takes (`baseline: none`), or said plainly: no baseline today.
        line("recall of the held orders"), line("none"), line("0.7"), Shown("metric 1: direction"), ENTER,
        line("share of orders held"), line("no baseline"), line("0.05"), Shown("metric 2: direction"), ENTER,
        Shown("metric 2: role"), ENTER,
        Shown("metric 3: name"), ENTER,
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    done = saved(root)["done"]
    assert [metric.get("baseline") for metric in done["metrics"]] == [None, None]
    assert "baseline_name" not in done["metrics"][0] and done["none"] == ["baseline"]
    assert "› metric 1: baseline none: there is no baseline today" in screen
    assert "not a number I can read" not in screen


def test_none_ticked_beside_a_person_trait_is_said_and_asked_again(root: Path) -> None:
    write_plan(root, "title: Loans\nproduct:\n  inputs: income, age, postcode\n")
    keys = [
        *[ENTER] * 15, Shown("Which inputs describe a person"),
        SPACE, DOWN * 13, SPACE, ENTER,  # age, and none (the last of 14 choices)
        Shown("'none' says no input describes a person, yet age is listed too; drop 'none'"),
        SPACE, ENTER,  # age alone
    ]  # fmt: skip
    interview(root, "fraud", keys, section="product")
    assert saved(root)["product"]["person_inputs"] == ["age"]


def test_no_labels_ticked_beside_a_source_of_labels_is_said_and_asked_again(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        ENTER, ENTER, Shown("Where do labels come from?"),  # no sources, no period
        DOWN, SPACE, DOWN * 4, SPACE, ENTER,  # real-world outcomes, and no labels (the last choice)
        Shown("'none' says there are no labels, yet outcomes is listed too; drop 'none'"),
        DOWN, SPACE, ENTER,  # asked afresh: outcomes alone
        CTRL_C,
    ]  # fmt: skip
    interview(root, "fraud", keys, section="constraints")
    assert saved(root)["constraints"]["data"]["labels"] == ["outcomes"]


def test_a_human_score_no_share_takes_is_said_once_the_metric_is_known(root: Path) -> None:
    # A fresh plan: the score is asked (by_hand) before the metric is known (done), so 120% is taken then.
    write_plan(root, "title: Fraud\nby_hand:\n  human_score: 120%\n")
    keys = [
        line("recall of fraud"), line("0.4"), line("0.7"), ENTER,  # the primary metric, a share
        Shown("The human score 1.2 (120%) is no value of 'recall of fraud', a share (0 to 1, as its 0.4 is)"),
        Shown("How well do people (or today's system) do the task, as a score?"),
        ENTER,  # Enter keeps 1.2: said again, and asked again
        Shown("How well do people"), CLEAR, line("92%"),
        Shown("Was the human score measured as the first of these metrics is?"), CTRL_C,
    ]  # fmt: skip
    error, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(error, Interrupted)
    assert saved(root)["by_hand"]["human_score"] == 0.92
    said = "The human score 1.2 (120%) is no value of 'recall of fraud'"
    assert screen.count(said) == 2
    assert "(Shift-Tab goes back to the metrics)" in screen  # the metric may be what is wrong

    # The score answered once the metric is known is refused at its own prompt; Shift-Tab there goes back
    # to the score (the metric's figures are fixed in their own section).
    write_plan(
        root, "title: Fraud\ndone:\n  metrics:\n  - {name: recall of fraud, baseline: 0.4, target: 0.7}\n"
    )
    keys = [ENTER, ENTER, Shown("How well do people"), line("120%"), Shown(said), CLEAR, line("0.92"), CTRL_C]
    error, screen = interview(root, "fraud", keys, section="by_hand")
    assert saved(root)["by_hand"]["human_score"] == 0.92
    assert screen.count(said) == 1 and "goes back to the metrics" not in screen


def test_a_metric_target_may_be_an_amount_over_the_baseline(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # Points over a baseline written as a fraction are hundredths of it; the word says the direction.
        line("error rate of the codes"), line("0.12, last year's coders"), line("1.5 points lower"),
        # An amount in the metric's own units, with no baseline value: kept as typed.
        line("mean absolute error in days"), line("the carrier's estimate"), line("0.3 days less"),
        Shown("metric 2: role"), ENTER,
        Shown("metric 3: name"), ENTER,
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    assert saved(root)["done"]["metrics"] == [
        {
            "name": "error rate of the codes",
            "baseline": 0.12,
            "direction": "lower",
            "absolute_target": 0.015,
            "baseline_name": "last year's coders",
        },
        {
            "name": "mean absolute error in days",
            "direction": "lower",
            "absolute_target": 0.3,
            "baseline_name": "the carrier's estimate",
        },
    ]
    assert "› metric 1: target 0.015 below the baseline (1.5 points of 0.12)" in screen
    assert "› metric 2: target 0.3 below the baseline" in screen
    assert "absolute target" not in screen and "direction" not in screen.split("metric 1: name")[1]


def test_ctrl_c_after_one_answer_says_one_answer(root: Path) -> None:
    error, _ = interview(root, "fraud", [*HAPPY[:4], CTRL_C])  # the title, then the owners
    assert isinstance(error, Interrupted)
    assert str(error) == (
        "Stopped. The 1 answer so far is saved in plans/fraud/plan.yaml.\n"
        "Resume with: planner interview fraud --depth full"
    )


def test_retraining_cadences_are_offered_slowest_first_with_twice_a_year() -> None:
    from planner.plan.choices import Cadence, label

    assert [label(cadence) for cadence in Cadence] == [
        "never", "yearly", "twice a year", "quarterly", "monthly", "weekly", "daily", "continuous"
    ]  # fmt: skip
    days = [cadence.days for cadence in Cadence if cadence.days is not None]
    assert days == sorted(days, reverse=True) and Cadence.half_yearly.days == 182


def test_the_rules_accuracy_help_sends_a_forecast_error_to_the_baseline() -> None:
    from planner.plan.model import Heuristics
    from planner.plan.questions import BY_FIELD

    assert "(MAPE, MAE) as the done metric's baseline" in BY_FIELD["heuristics.accuracy"].help
    assert "`baseline`, with `baseline_name`" in (Heuristics.model_fields["accuracy"].description or "")


def test_several_late_inputs_take_one_answer_each_with_their_days(root: Path) -> None:
    write_plan(root, "title: Sepsis\n")
    keys = [
        *[ENTER] * 7,  # sources ... how the training rows are built
        Shown("? Which input reaches your tables last"), line("Lab result, 3"),
        Shown("late input 1: name"), line("Discharge note, 2"),  # a name and its days in one answer
        Shown("late input 2: name"), line("Survey score"),  # the days asked on their own
        Shown("late input 2: days"), line("not measured"),
        Shown("late input 3: name"), ENTER,  # an empty name ends the list
        *[ENTER] * 15,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="constraints")
    assert isinstance(closing, str), closing
    data = saved(root)["constraints"]["data"]
    assert (data["last_input"], data["last_input_days"]) == ("Lab result", 3)
    assert data["late_inputs"] == [
        {"name": "Discharge note", "days": 2},
        {"name": "Survey score", "days": "not measured"},
    ]
    assert "late input 1: days" not in screen  # said with its name


def test_new_classes_are_asked_of_routers_and_extractors_not_of_cut_offs() -> None:
    asked = BY_FIELD["product.classes_change"]

    def plan(task: str, shape: str) -> Plan:
        return Plan.model_validate({"title": "-", "product": {"task": task, "action_shape": shape}})

    # A router meets a new branch, an extractor a new form or field; a yes/no at a cut-off has fixed classes,
    # and a ranking's new items are asked as newcomers (constraints.data.newcomers).
    assert asked.applies(plan("classification", "every_item")) and asked.applies(
        plan("extraction", "every_item")
    )
    assert not asked.applies(plan("classification", "threshold")) and not asked.applies(
        plan("ranking", "every_item")
    )


def test_a_margin_on_a_share_that_leaves_0_to_1_is_refused_with_the_fix(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # `5 more` on a share of 0.8: points or a slip for 0.05, never a goal of 5.8.
        line("recall of fraud"), line("0.8"), line("5 more"),
        Shown("5 on a baseline of 0.8, a share, would make the goal 5.8; type '5 points higher' or '0.05 higher'"),
        CLEAR, line("5 points more"),
        # Below 0 is refused whatever the unit; the points read as hundredths.
        line("error rate of the codes"), line("0.12"), line("0.2 lower"),
        Shown("absolute_target 0.2 on a baseline of 0.12 would make the goal -0.08, below 0"),
        CLEAR, line("2 points lower"), Shown("metric 2: role"), ENTER,
        # A direction picked after the margin is checked too: lower would take 0.5 off 0.3.
        line("mean absolute error in days"), line("0.3"), line("0.5 better"),
        DOWN + ENTER, Shown("would make the goal -0.2, below 0"), ENTER,
        Shown("metric 3: role"), ENTER,
        Shown("metric 4: name"), ENTER,
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    metrics = saved(root)["done"]["metrics"]
    assert [(m["baseline"], m["direction"], m["absolute_target"]) for m in metrics] == [
        (0.8, "higher", 0.05),
        (0.12, "lower", 0.02),
        (0.3, "higher", 0.5),
    ]
    assert "› metric 1: target 0.05 above the baseline (5 points of 0.8)" in screen


def test_a_percent_margin_on_a_share_is_asked_as_points_or_a_share_of_today(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        # `+5%` on a recall of 0.4: 5 points (0.45) or 5% of today's (0.42)? Both said, one typed.
        line("recall of fraud"), line("0.4"), line("+5%"),
        Shown("'+5%' on a share of 0.4: 5 points or 5% of today's? type 0.45 for 5 points higher, or 0.42"),
        CLEAR, line("0.45"),
        # Where points cannot be meant (20 points below 0.1), the share of today's is the one reading.
        line("error rate of the codes"), line("0.1"), line("20% lower"), Shown("metric 2: role"), ENTER,
        # A Sharpe ratio of 0.8 is no share, whatever its size: 1 more, or 50% more, is its goal.
        line("Sharpe ratio of the book"), line("0.8"), line("+1"), Shown("metric 3: role"), ENTER,
        line("Sharpe ratio of the hedge"), line("0.8"), line("50% higher"), Shown("metric 4: role"), ENTER,
        Shown("metric 5: name"), ENTER,
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    metrics = saved(root)["done"]["metrics"]
    assert metrics[0]["target"] == 0.45 and "relative_target" not in metrics[0]
    assert (metrics[1]["relative_target"], metrics[1]["direction"]) == (0.2, "lower")
    assert (metrics[2]["absolute_target"], metrics[2]["direction"]) == (1, "higher")
    assert (metrics[3]["relative_target"], metrics[3]["direction"]) == (0.5, "higher")
    assert "› metric 3: target 1 above the baseline" in screen
    assert "the most a share can be" not in screen


def test_a_second_metric_may_be_a_guardrail_to_hold(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        line("stops avoided"), line("0.2, the rules"), line("0.6"),  # the direction said by the figures
        line("recall of defects"), line("0.95, the rules"), line("0.95"), line("higher"),
        Shown("a guardrail: a figure to hold while the goal moves"), line("2"),
        Shown("metric 3: name"), ENTER,  # an empty name ends the metrics
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    first, second = saved(root)["done"]["metrics"]
    assert "role" not in first and "metric 1: role" not in screen  # the first metric is the goal
    assert second["role"] == "guardrail"


def test_a_baseline_known_within_a_range_is_kept_as_typed(root: Path) -> None:
    write_plan(root, "title: Fraud\n")
    keys = [
        line("Recall of duplicates"), line("0.4-0.45, the rules"), line("0.75"),
        Shown("metric 2: name"), ENTER,  # an empty name ends the metrics
        *[ENTER] * 11,
    ]  # fmt: skip
    closing, screen = interview(root, "fraud", keys, section="done")
    assert isinstance(closing, str), closing
    metric = {"name": "Recall of duplicates", "baseline": "0.4-0.45", "target": 0.75, "direction": "higher"}
    assert saved(root)["done"]["metrics"] == [metric | {"baseline_name": "the rules"}]
    assert "midpoint" not in screen
    # asked again, Enter keeps the range as the file has it, not its midpoint
    before = (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")
    closing, _ = interview(
        root, "fraud", [*[ENTER] * 6, Shown("metric 2: name"), ENTER, *[ENTER] * 11], section="done"
    )
    assert isinstance(closing, str), closing
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == before


def test_what_people_read_is_asked_only_where_more_are_sent_than_they_act_on() -> None:
    asked = BY_FIELD["impact.read_per_day"]

    def plan(flagged: object, capacity: object, people: int | None = None) -> Plan:
        impact = {"flagged_per_day": flagged, "capacity_per_day": capacity, "capacity_people": people}
        return Plan.model_validate({"title": "-", "impact": impact})

    # 40 a week sent, 8 a week taken: a flood or a list read to choose from, and only the team knows.
    assert asked.applies(plan("40 a week", "8 a week")) and asked.applies(plan(900, 40))
    # Within what they take (4 a week for each of 75 people is 300 a week), or nothing counted: not asked.
    assert not asked.applies(plan("250 a week", "4 a week", 75)) and not asked.applies(plan(60, 60))
    assert not asked.applies(plan("not measured", 40)) and not asked.applies(plan(900, "not measured"))
