"""Hand-edited plans and hostile answers a real user can produce: one clear message, right exit code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.plan.workspace import Workspace


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner", input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_deeply_nested_yaml_is_refused_not_a_crash(make_workspace) -> None:
    # 100 000 nested lists used to overflow the C stack of the YAML composer (exit 139, no message);
    # run the real command in a child so a crash cannot take the test run down with it.
    make_workspace({"plans/deep/plan.yaml": "title: T\nowners: " + "[" * 100_000 + "]" * 100_000 + "\n"})
    done = subprocess.run(
        [sys.executable, "-m", "planner", "check", "deep"], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "plans/deep/plan.yaml:2:72: nested more than 64 levels deep; flatten the YAML there\n",
        "error: 1 of 1 plan(s) have problems; fix the lines above\n",
    )


def test_alias_bomb_and_aliases_are_refused(make_workspace) -> None:
    lines = ["title: T", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    make_workspace({"plans/bomb/plan.yaml": "\n".join(lines) + "\n", "answers.yaml": "product: *x\n"})
    code, out, err = run("check", "bomb")
    assert (code, out) == (
        1,
        "plans/bomb/plan.yaml:3:10: YAML aliases (*name) are not allowed in plan files; "
        "write the value out in full\n",
    )
    # a plan that shares text through an alias would be written out in full on save: refused as well
    code, _, err = run("interview", "new-one", "--answers", "answers.yaml")
    assert (code, err) == (
        2,
        "error: answers.yaml:1:10: YAML aliases (*name) are not allowed in plan files; "
        "write the value out in full\n",
    )
    assert not Path("plans/new-one").exists()


def test_mapping_and_list_keys_are_refused_with_their_line(make_workspace) -> None:
    make_workspace(
        {"plans/a/plan.yaml": "title: T\n? [a, b]\n: x\n", "plans/b/plan.yaml": "title: T\n{a: 1}: x\n"}
    )
    code, out, err = run("check")
    assert (code, out, err) == (
        1,
        "plans/a/plan.yaml:2:3: a key must be plain text, not a list or mapping; fix the YAML syntax there\n"
        "plans/b/plan.yaml:2:1: a key must be plain text, not a list or mapping; fix the YAML syntax there\n",
        "error: 2 of 2 plan(s) have problems; fix the lines above\n",
    )


def test_a_field_taking_a_number_or_words_gets_one_line_naming_both(make_workspace) -> None:
    make_workspace({"plans/n/plan.yaml": "title: T\nimpact:\n  easy_share: 3\n  value_per_item: lots\n"})
    code, out, _ = run("check", "n")
    assert code == 1
    assert out.splitlines() == [
        "plans/n/plan.yaml:3: impact.easy_share: Input should be less than or equal to 1; write a value in "
        "that range (shares are fractions: 20% is 0.2), or write 'not measured'",
        "plans/n/plan.yaml:4: impact.value_per_item: Input should be a valid number; write a number such as "
        "12 or 0.5, or write 'not measured'",
    ]


def test_nan_and_infinity_never_pass_as_numbers(make_workspace) -> None:
    make_workspace(
        {
            "plans/n/plan.yaml": (
                "title: T\nheuristics:\n  coverage: .nan\nimpact:\n  volume: .inf\n"
                "done:\n  metrics:\n    - name: acc\n      baseline: .nan\n      target: .inf\n"
                "  timebox_weeks: .inf\n"
            )
        }
    )
    code, out, _ = run("check", "n")
    assert code == 1
    assert out.splitlines() == [
        "plans/n/plan.yaml:3: heuristics.coverage: Input should be a finite number; write a number such as 12 or 0.5, or write 'not measured'",
        "plans/n/plan.yaml:5: impact.volume: Input should be a finite number; write a number such as 12 or 0.5",
        (
            "plans/n/plan.yaml:9: done.metrics[0].baseline: Input should be a finite number; "
            "write a number such as 12 or 0.5, or write 'not measured'"
        ),
        "plans/n/plan.yaml:10: done.metrics[0].target: Input should be a finite number; write a number such as 12 or 0.5",
        "plans/n/plan.yaml:11: done.timebox_weeks: Input should be a finite number; write a number such as 12 or 0.5",
    ]


HOSTILE = (
    'title: "\\e[2J\\e]0;pwned\\aTitle\\rX"\n'
    'owners: ["\\e[31mbob"]\n'
    "product:\n"
    '  goal: "line one\\nline \\e[H\\x9b2Jtwo\\u0000"\n'
    "risks:\n"
    '  - {id: r, title: "\\e[2Jwipe", category: data, likelihood: 5, impact: 5}\n'
)


def test_escape_sequences_in_answers_never_reach_the_terminal(make_workspace) -> None:
    make_workspace({"plans/evil/plan.yaml": HOSTILE})
    outputs = [run(*args)[1] for args in (["show", "evil"], ["list"], ["risks", "evil"], ["check", "evil"])]
    outputs.append(run("interview", "evil", "--answers", "-", stdin="owners: [ann]\n")[1])
    for out in outputs:
        assert not any((ord(char) < 32 and char not in "\n") or 0x7F <= ord(char) <= 0x9F for char in out), (
            out
        )
    show = outputs[0].splitlines()
    assert show[0] == " [2J ]0;pwned Title X  (evil)"
    assert "       line one" in show and "       line  [H 2Jtwo " in show
    assert "evil   [2J ]0;pwned Title X  draft" in outputs[1]
    assert "  high   25   [2Jwipe" in outputs[4]


def test_a_plan_folder_linking_out_of_the_workspace_is_neither_read_nor_written(
    make_workspace, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "plan.yaml").write_text("title: Outside\n", encoding="utf-8")
    root = make_workspace({"plans/good/plan.yaml": "title: Good\n", "answers.yaml": "product:\n  goal: g\n"})
    (root / "plans" / "linked").symlink_to(outside, target_is_directory=True)
    refusal = (
        f"plans/linked/plan.yaml leads outside the workspace (to {outside / 'plan.yaml'}); planner does not "
        "follow links out of it: move the plan into plans/linked/"
    )
    assert run("show", "linked") == (2, "", f"error: {refusal}\n")
    assert run("interview", "linked", "--answers", "answers.yaml") == (2, "", f"error: {refusal}\n")
    assert (outside / "plan.yaml").read_text(encoding="utf-8") == "title: Outside\n"
    code, out, err = run("check")
    assert (code, out, err) == (
        1,
        f"ok: plans/good/plan.yaml\n{refusal}\n",
        "error: 1 of 2 plan(s) have problems; see the findings above\n",
    )


def test_an_unwritable_place_is_a_message_not_an_internal_error(tmp_path: Path) -> None:
    code, out, err = run("init", "/proc/planner-no-such/ws")
    assert (code, out) == (2, "")
    assert err == (
        "error: cannot write /proc/planner-no-such/ws/plans: No such file or directory; "
        "check the folder and run the command again\n"
    )


def test_check_names_folders_in_plans_that_are_not_plans(make_workspace) -> None:
    root = make_workspace(
        {"plans/good/plan.yaml": "title: Good\n", "plans/Fraud_Screening/plan.yaml": "title: F\n"}
    )
    (root / "plans" / "odd" / "plan.yaml").mkdir(parents=True)
    (root / "plans" / ".hidden").mkdir()
    code, out, err = run("check")
    assert (code, out, err) == (
        1,
        "plans/Fraud_Screening: not a plan name, so no command or page sees it; rename the folder to "
        "lowercase letters, digits and single dashes (e.g. fraud-screening)\n"
        "plans/odd/plan.yaml: not a file, so no command or page sees this plan; make it the plan's YAML file\n"
        "ok: plans/good/plan.yaml\n",
        "error: 2 of 3 plan(s) have problems; see the findings above\n",
    )
    assert run("show", "odd")[2] == (
        "error: plans/odd/plan.yaml is not a file; make it the plan's YAML file\n"
    )


def _blocked_on_a_lock(pid: int) -> bool:
    """Linux lists a process waiting for a file lock in /proc/locks, after `->`."""
    lines = Path("/proc/locks").read_text().splitlines()
    return any(line.split()[1:2] == ["->"] and line.split()[5:6] == [str(pid)] for line in lines)


def test_answers_saved_while_another_save_holds_the_plan_are_merged_not_lost(make_workspace) -> None:
    import time

    root = make_workspace({"plans/p/plan.yaml": "title: P\n", "answers.yaml": "owners: [ann]\n"})
    workspace = Workspace(root)
    with workspace.editing():  # another planner process in the middle of its read-change-save
        child = subprocess.Popen(
            [sys.executable, "-m", "planner", "interview", "p", "--answers", "answers.yaml"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if Path("/proc/locks").is_file():  # it waits for the lock instead of reading now
            deadline = time.monotonic() + 60
            while not _blocked_on_a_lock(child.pid) and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _blocked_on_a_lock(child.pid) and child.poll() is None
        else:
            with pytest.raises(subprocess.TimeoutExpired):
                child.wait(timeout=5)
        plan = workspace.load("p")
        plan.product.goal = "Orders ship the same day"
        workspace.save("p", plan)
    assert child.wait(timeout=60) == 0, child.stderr.read() if child.stderr else ""
    saved = workspace.load("p")
    assert (saved.owners, saved.product.goal) == (["ann"], "Orders ship the same day")


def test_answers_on_stdin_that_are_not_utf8_are_refused_with_their_line(make_workspace) -> None:
    make_workspace({})
    result = CliRunner().invoke(
        cli, ["interview", "x", "--answers", "-"], prog_name="planner", input=b"title: T\nowners: [caf\xe9]\n"
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "error: stdin:2: not UTF-8 text (byte 0xe9); save the file as UTF-8\n",
    )


def test_hand_edit_mistakes_get_their_line_and_fix(make_workspace) -> None:
    risk = "- {id: r, title: R, category: cost, likelihood: 3, impact: 3}\n"
    make_workspace(
        {
            "plans/a/plan.yaml": f'title: ""\nowners:\n- "{"x" * 20_001}"\n2: x\n',
            "plans/b/plan.yaml": "title: T\nrisks:\n- {id: r, title: R, category: cost, likelihood: 6, impact: 0}\n",
            "plans/c/plan.yaml": f"title: T\nrisks:\n{risk}{risk}decisions:\n"
            "- {risk: r, verdict: accepted}\n- {risk: r, verdict: accepted}\n",
            "plans/d/plan.yaml": "title: T\nowners:\n- a\x00b\n",
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 4 of 4 plan(s) have problems; fix the lines above\n")
    assert out.splitlines() == [
        "plans/a/plan.yaml:1: title: empty; write an answer or delete the line",
        "plans/a/plan.yaml:3: owners[0]: 20,001 characters, more than 20,000; shorten it",
        "plans/a/plan.yaml:4: 2: unknown field; check the spelling (`planner schema` lists every field)",
        "plans/b/plan.yaml:3: risks[0].likelihood: Input should be less than or equal to 5; "
        "score it with a whole number from 1 (low) to 5 (high)",
        "plans/b/plan.yaml:3: risks[0].impact: Input should be greater than or equal to 1; "
        "score it with a whole number from 1 (low) to 5 (high)",
        "plans/c/plan.yaml:7: decisions[1].risk: 'r' is decided twice; keep one decision",
        "plans/c/plan.yaml:4: risks[1].id: 'r' is used twice; give each risk its own id",
        "plans/d/plan.yaml:3: control character U+0000 is not allowed in YAML; delete it",
    ]


def test_thousands_of_bad_entries_parse_the_file_once(make_workspace, monkeypatch) -> None:
    import yaml

    entries = "".join(
        f"- {{id: r{i}, title: t, category: nope, likelihood: 3, impact: 3}}\n" for i in range(3000)
    )
    make_workspace({"plans/big/plan.yaml": "title: T\nrisks:\n" + entries})
    calls = []
    compose = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: calls.append(1) or compose(*a, **k))
    code, out, _ = run("check", "big")
    assert code == 1 and len(out.splitlines()) == 3000
    assert out.splitlines()[-1].startswith("plans/big/plan.yaml:3002: risks[2999].category: Input should be")
    assert len(calls) == 1  # each error used to compose the whole file again: quadratic


def test_json_output_escapes_c1_controls_and_direction_overrides(make_workspace) -> None:
    import json

    title = "Refunds \x9b2J\u202eevil\u2066 \x85done"
    make_workspace({"plans/evil/plan.yaml": f'title: "{title.encode("unicode_escape").decode()}"\n'})
    for args in (["risks", "evil", "--format", "json"], ["diff", "evil", "--format", "json"]):
        code, out, _ = run(*args)
        assert code == 0
        assert not any(char in out for char in "\x9b\u202e\u2066\x85"), out
        assert "\\u009b2J\\u202eevil\\u2066 \\u0085done" in out  # escaped, so a JSON reader gets it back
        assert title in json.dumps(json.loads(out), ensure_ascii=False)


def _as_a_user(root: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """The real command, subject to file permissions even when the tests run as root."""
    drop = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"] if os.geteuid() == 0 else []
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "planner", *args],
        cwd=root,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.skipif(
    os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv to drop root's rights"
)
def test_unreadable_and_read_only_folders_are_named_with_the_fix(make_workspace) -> None:
    root = make_workspace({"plans/a/plan.yaml": "title: A\n", "plans/b/plan.yaml": "title: B\n"})
    readable = "make it readable for you (e.g. `chmod u+rx` on the folder, `chmod u+r` on the file)"
    try:
        (root / "plans/a").chmod(0)
        # every plan is still checked, and reading is not called writing
        assert _as_a_user(root, "check") == (
            1,
            f"cannot read plans/a/plan.yaml: Permission denied; {readable}\nok: plans/b/plan.yaml\n",
            "error: 1 of 2 plan(s) have problems; see the findings above\n",
        )
        (root / "plans/a").chmod(0o755)
        (root / "plans/b").chmod(0o555)
        code, _, err = _as_a_user(root, "interview", "b", "--answers", "-", stdin="owners: [ann]\n")
        assert (code, err) == (
            2,
            "error: cannot write plans/b/plan.yaml: Permission denied in plans/b; make the folder writable "
            "for you (or run where you may write) and run the command again\n",
        )
        (root / "plans").chmod(0)
        assert _as_a_user(root, "list") == (
            2,
            "",
            f"error: cannot read plans: Permission denied; {readable}\n",
        )
    finally:
        for folder in ("plans", "plans/a", "plans/b"):
            (root / folder).chmod(0o755)


def test_a_full_disk_names_the_file(make_workspace, monkeypatch) -> None:
    import errno

    make_workspace({"plans/b/plan.yaml": "title: B\n"})

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert run("interview", "b", "--answers", "-", stdin="owners: [ann]\n") == (
        2,
        "",
        "error: cannot write plans/b/plan.yaml: the disk is full; free some space and run the command again\n",
    )
    assert Path("plans/b/plan.yaml").read_text() == "title: B\n"
    assert sorted(entry.name for entry in Path("plans/b").iterdir()) == ["plan.yaml"]
