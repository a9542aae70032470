"""`planner try` through real prompt_toolkit input: label, flag, note, Ctrl-C, resume; agreement and imports."""

from __future__ import annotations

import io
import json
import re
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
from prompt_toolkit.output.vt100 import Vt100_Output

from planner.cli.main import cli
from planner.core.errors import Interrupted, PlannerError
from planner.interview.trial import run
from planner.plan.workspace import Workspace

from .conftest import MakeWorkspace

ENTER, DOWN, CTRL_C = "\r", "\x1b[B", "\x03"
SAMPLE = """\
id,amount,note,gold
1,100,first order,ok
2,9000,new account,fraud
3,50,"repeat customer, same card",ok
4,7000,card from another country,fraud
"""
PLAN = """\
title: Fraud screening
product:
  outcomes: [ok, fraud]
"""


class Shown(str):
    """Wait until this text is on the screen before sending the next keys."""


def workspace(make_workspace: MakeWorkspace) -> Path:
    return make_workspace({"mkdocs.yml": "site_name: t\n", "plans/fraud/plan.yaml": PLAN, "s.csv": SAMPLE})


def session(root: Path, person: str, keys: list[str], **options: Any) -> tuple[Any, str]:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)
    missed: list[str] = []

    def text() -> str:
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())

    def feed() -> None:
        for step in keys:
            if isinstance(step, Shown):
                deadline = time.monotonic() + 20
                while text().count(step) < 1 and time.monotonic() < deadline:
                    time.sleep(0.01)
                if step not in text():
                    missed.append(step)
                    break
            else:
                pipe.send_text(step)
        pipe.close()

    settings = {"gold": "gold", "count": 50, "terminal": True, **options}
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        feeder = threading.Thread(target=feed)
        feeder.start()
        try:
            result: Any = run(Workspace(root), "fraud", Path("s.csv"), person=person, **settings)
        except PlannerError as exc:
            result = exc
        feeder.join()
    assert not missed, f"never shown: {missed}\n{text()}"
    return result, text()


def measured(root: Path) -> dict[str, Any]:
    data = yaml.safe_load((root / "plans/fraud/plan.yaml").read_text(encoding="utf-8"))
    found: dict[str, Any] = data["by_hand"]["measured"]
    return found


def test_label_flag_note_interrupt_and_resume_lose_nothing(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    keys = [
        Shown("Example 1 of 4"), ENTER,  # ok
        Shown("Noticed anything?"), "small first order" + ENTER,
        Shown("Example 2 of 4"), DOWN + ENTER,  # fraud
        Shown("Noticed anything?"), "!new account, big amount" + ENTER,
        Shown("Example 3 of 4"), CTRL_C,
    ]  # fmt: skip
    result, screen = session(root, "Ana", keys)
    assert "repeat customer, same card" in screen and "gold" not in screen.split("Example 1 of 4")[1]
    assert isinstance(result, Interrupted) and result.exit_code == 130
    assert str(result).startswith("Stopped. 2 of 4 examples are saved in plans/fraud/by-hand/ana.jsonl.\n")
    assert str(result).endswith("Resume with: planner try fraud --sample s.csv --as Ana --gold gold")
    lines = (root / "plans/fraud/by-hand/ana.jsonl").read_text(encoding="utf-8").splitlines()
    header, *answers = (json.loads(line) for line in lines)
    assert header["person"] == "Ana" and header["sample"]["rows"] == 4 and header["sample"]["gold"] == "gold"
    assert [(a["row"], a["label"], a.get("hard", False), a.get("note")) for a in answers] == [
        (1, "ok", False, "small first order"),
        (2, "fraud", True, "new account, big amount"),
    ]
    assert all(a["seconds"] >= 0 for a in answers)
    assert measured(root)["examples"] == 2  # results so far are in the plan already

    keys = [Shown("Resuming Ana's session: 2 of 4 examples done."), Shown("Example 3 of 4"), DOWN + ENTER]
    keys += [Shown("Noticed anything?"), ENTER, Shown("Example 4 of 4"), DOWN + ENTER]
    keys += [Shown("Noticed anything?"), ENTER]
    result, screen = session(root, "Ana", keys)
    assert "Example 1 of 4" not in screen and "Example 2 of 4" not in screen
    assert isinstance(result, str) and result.startswith("4 examples, 4 labels by Ana\n")
    assert "human score against the gold column: 75% (95% CI 30.1%-95.4%, 4 labels)" in result
    found = measured(root)
    assert (found["examples"], found["answers"], found["correct"], found["judged"]) == (4, 4, 3, 4)
    assert found["noticed"] == ["row 1 (Ana): small first order"]
    assert found["hard_cases"] == ["row 2 (Ana): new account, big amount"]
    assert found["sample"]["file"] == "s.csv" and found["sample"]["label"] == "gold"
    assert found["minutes_per_example"] >= 0 and "kappa" not in found


def test_menus_jump_by_letter_and_resume_keeps_every_option(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    keys = [Shown("Example 1 of 3"), "f", ENTER, Shown("Noticed anything?"), ENTER, Shown("Example 2 of 3")]
    keys += [CTRL_C]
    result, screen = session(root, "Ana Lima", keys, count=3)
    assert "(Use arrow keys)" not in screen and "Label? (↑↓, j/k, a number or letters to jump" in screen
    assert "? Label? fraud" in screen  # the letter jumped to fraud, and the answer is echoed
    assert "\n1 example, 1 label by Ana Lima\n" in str(result)
    assert isinstance(result, Interrupted) and str(result).endswith(
        "\nResume with: planner try fraud --sample s.csv --as 'Ana Lima' --gold gold --examples 3"
    )
    # A person's figure says what it rests on: one labelled example, not the sample's four rows.
    plan_file = root / "plans/fraud/plan.yaml"
    rules = "heuristics:\n  rules:\n  - condition: big\n    action: hold\n    when: amount > 5000\n    predicts: fraud\n"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + rules, encoding="utf-8")
    out = (
        CliRunner()
        .invoke(cli, ["measure", "fraud", "--sample", "s.csv", "--label", "gold", "--dry-run"])
        .stdout
    )
    day = measured(root)["sample"]["date"]
    assert f"people at 0% on 1 labelled example of a 4-row sample (by hand on s.csv, {day})" in out


def test_two_people_give_agreement_and_cohens_kappa(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    first = [Shown("Example 1 of 4"), ENTER, Shown("Noticed"), ENTER, Shown("Example 2 of 4"), DOWN + ENTER]
    first += [Shown("Noticed"), ENTER, Shown("Example 3 of 4"), ENTER, Shown("Noticed"), ENTER]
    first += [Shown("Example 4 of 4"), DOWN + ENTER, Shown("Noticed"), ENTER]
    assert isinstance(session(root, "Ana", first)[0], str)
    # Bo agrees on rows 1, 2 and 4 and says fraud on row 3.
    second = [*first[:8], Shown("Example 3 of 4"), DOWN + ENTER, *first[10:]]
    result, _ = session(root, "Bo", second)
    # By hand: 3 of 4 agree; Ana ok 2/fraud 2, Bo ok 1/fraud 3: chance 0.5*0.25 + 0.5*0.75 = 0.5 -> kappa 0.5
    assert "agreement: 75% of 4 shared examples, Cohen's kappa 0.50" in result
    found = measured(root)
    assert (found["people"], found["shared"], found["agreed"], found["kappa"]) == (["Ana", "Bo"], 4, 3, 0.5)
    assert (found["answers"], found["correct"], found["judged"]) == (8, 7, 8)


def test_without_a_terminal_it_points_at_the_spreadsheet_import(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    result = CliRunner().invoke(cli, ["try", "fraud", "--sample", "s.csv", "--as", "ana"])
    assert result.exit_code == 2 and result.stderr == (
        "error: no terminal to show examples on (input or output is redirected); label in a spreadsheet with "
        "one column per person and run `planner try fraud --import FILE --people NAME,NAME`\n"
    )
    assert not (root / "plans/fraud/by-hand").exists()


def test_a_spreadsheet_with_one_column_per_person(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    (root / "sheet.csv").write_text(
        "id,ana,bo,cy,gold\n1,ok,ok,ok,ok\n2,fraud,fraud,ok,fraud\n3,ok,fraud,ok,ok\n4,fraud,fraud,fraud,fraud\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["try", "fraud", "--import", "sheet.csv", "--people", "ana,bo,cy", "--gold", "gold"]
    )
    assert result.exit_code == 0, result.output
    # Fleiss by hand: P_i = 1, 1/3, 1/3, 1 -> mean 2/3; p_ok = 6/12, p_fraud = 6/12 -> P_e 0.5; kappa 1/3
    assert "agreement: 50% of 4 shared examples, Fleiss' kappa 0.33" in result.stdout
    assert "human score against the gold column: 83.3% (95% CI 55.2%-95.3%, 12 labels)" in result.stdout
    found = measured(root)
    assert (found["examples"], found["answers"], found["correct"], found["judged"]) == (4, 12, 10, 12)
    assert found["kappa"] == pytest.approx(1 / 3, abs=1e-4) and "minutes_per_example" not in found


def test_bad_input_changes_nothing(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    (root / "odd.csv").write_text("id,ana,gold\n1,ok,refund\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["try", "fraud", "--import", "odd.csv", "--people", "ana", "--gold", "gold"])
    assert result.exit_code == 2 and result.stderr == (
        "error: the gold column 'gold' of odd.csv holds values product.outcomes does not list: "
        "'refund' (1 rows); add them to product.outcomes (ok, fraud) or fix the sample\n"
    )
    result = runner.invoke(cli, ["try", "fraud", "--import", "odd.csv", "--people", "bo"])
    assert result.exit_code == 2 and result.stderr == (
        "error: --people column 'bo' is not a column of odd.csv; its columns are: id, ana, gold\n"
    )
    result, _ = session(root, "Ana", [], gold="truth")
    assert str(result) == "--gold 'truth' is not a column of s.csv; its columns are: id, amount, note, gold"
    (root / "plans/fraud/by-hand").mkdir()
    (root / "plans/fraud/by-hand/ana.jsonl").write_text(
        '{"person": "Ana", "sample": {"file": "old.csv", "sha256": "ab12"}}\n', encoding="utf-8"
    )
    result, _ = session(root, "Ana", [])
    assert str(result).startswith(
        "plans/fraud/by-hand/ana.jsonl holds Ana's session on another sample (old.csv"
    )
    assert (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8") == PLAN


def test_the_plan_page_shows_measured_figures_inert(make_workspace: MakeWorkspace) -> None:
    from planner.site.render import pages

    root = workspace(make_workspace)
    (root / "sheet.csv").write_text("ana,bo,gold\nok,ok,ok\nfraud,ok,fraud\nok,ok,ok\n", encoding="utf-8")
    assert (
        CliRunner()
        .invoke(cli, ["try", "fraud", "--import", "sheet.csv", "--people", "ana,bo", "--gold", "gold"])
        .exit_code
        == 0
    )
    plan = Workspace(root).load("fraud")
    assert plan.by_hand.measured is not None
    plan.by_hand.measured.noticed = ["<script>alert(1)</script> [x](javascript:alert(1))"]
    page = pages({"fraud": plan})["plans/fraud/index.md"]
    section = page[page.index(">Measured on a sample</h2>") :]
    assert "<h3>By hand</h3>" in section and "done by hand on sheet&#46;csv" in section
    assert "83&#46;3&#37; &#40;" in section or "83.3% (" in section
    assert "66&#46;7&#37; of 3 examples everyone labelled" in section  # rows 1 and 3 agree
    assert "<script>" not in section and "javascript:" not in section


def test_the_closing_screen_offers_to_measure_until_it_is_done(make_workspace: MakeWorkspace) -> None:
    from planner.interview.screens import closing

    root = workspace(make_workspace)
    plan = Workspace(root).load("fraud")
    text = closing("plans/fraud/plan.yaml", "fraud", plan)
    assert "A sample of real cases at hand? Measure instead of guessing:" in text
    assert "  - `planner try fraud --sample FILE`: do the task by hand, one example at a time, timed" in text
    assert "planner measure" not in text  # no rules yet
    (root / "sheet.csv").write_text("ana,gold\nok,ok\n", encoding="utf-8")
    assert (
        CliRunner().invoke(cli, ["try", "fraud", "--import", "sheet.csv", "--people", "ana"]).exit_code == 0
    )
    assert "Measure instead of guessing" not in closing(
        "plans/fraud/plan.yaml", "fraud", Workspace(root).load("fraud")
    )
