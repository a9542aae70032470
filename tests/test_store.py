"""The store: canonical, byte-stable, atomic plan files; clear errors for hand-edited YAML."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from planner.core.errors import InvalidPlan, UsageError
from planner.plan import workspace, yamlfile
from planner.plan.model import Metric, Plan, Rule, Serving
from planner.plan.workspace import Workspace

FULLISH = """
title: Fraud screening
owners: [ana, li]
product:
  goal: Fraudulent orders never ship
  data_kinds: [tabular]
  mode: augment
heuristics:
  rules:
    - condition: amount > 5000 and account younger than a day
      action: hold for review
  verdict: rules_baseline
  coverage: 35%
press_release:
  problem: |
    Merchants lose money.
    Reviewers drown in alerts.
constraints:
  latency:
    serving: online
    p99_ms: 120
done:
  metrics:
    - name: recall at 1% FPR
      baseline: 0.4
      target: 0.7
"""


def current_workspace(make_workspace, text: str = FULLISH) -> Workspace:
    root = make_workspace({"mkdocs.yml": "site_name: x\n", "plans/fraud/plan.yaml": text})
    return Workspace(root)


def test_round_trip_is_lossless_and_byte_stable(make_workspace) -> None:
    workspace = current_workspace(make_workspace)
    plan = workspace.load("fraud")
    assert plan.heuristics.coverage == pytest.approx(0.35)
    assert workspace.save("fraud", plan) is True  # first save canonicalises the hand-written file
    first = workspace.plan_file("fraud").read_bytes()
    assert workspace.load("fraud") == plan
    assert workspace.save("fraud", workspace.load("fraud")) is False
    assert workspace.plan_file("fraud").read_bytes() == first


def test_canonical_text_keeps_model_order_and_block_scalars(make_workspace) -> None:
    workspace = current_workspace(make_workspace)
    workspace.save("fraud", workspace.load("fraud"))
    text = workspace.plan_file("fraud").read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../../plan.schema.json\nschema_version: 2\ntitle:"
    )
    assert "  problem: |-\n    Merchants lose money.\n    Reviewers drown in alerts.\n" in text
    assert "coverage: 0.35" in text
    assert (
        text.index("product:") < text.index("heuristics:") < text.index("constraints:") < text.index("done:")
    )


def test_one_changed_answer_changes_only_its_lines(make_workspace) -> None:
    workspace = current_workspace(make_workspace)
    plan = workspace.load("fraud")
    workspace.save("fraud", plan)
    before = workspace.plan_file("fraud").read_text().splitlines()
    plan.constraints.latency.p99_ms = 250
    workspace.save("fraud", plan)
    after = workspace.plan_file("fraud").read_text().splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    assert changed == ["--- ", "+++ ", "-    p99_ms: 120", "+    p99_ms: 250"]


def test_adding_a_list_entry_adds_only_its_lines(make_workspace) -> None:
    workspace = current_workspace(make_workspace)
    plan = workspace.load("fraud")
    workspace.save("fraud", plan)
    before = workspace.plan_file("fraud").read_text().splitlines()
    plan.heuristics.rules = [
        *plan.heuristics.rules,
        Rule(condition="billing != shipping country", action="flag"),
    ]
    plan.done.metrics = [*plan.done.metrics, Metric(name="review load", target=200, direction="lower")]
    workspace.save("fraud", plan)
    after = workspace.plan_file("fraud").read_text().splitlines()
    removed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line.startswith("-")]
    assert removed == ["--- "]


def test_whole_numbers_are_written_as_integers(make_workspace) -> None:
    workspace = current_workspace(make_workspace, "title: t\nimpact:\n  volume: 1000\n  effort_weeks: 2.5\n")
    workspace.save("fraud", workspace.load("fraud"))
    text = workspace.plan_file("fraud").read_text()
    assert "volume: 1000\n" in text and "effort_weeks: 2.5\n" in text


def test_interrupted_save_leaves_the_old_file(make_workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = current_workspace(make_workspace)
    path = workspace.plan_file("fraud")
    old = path.read_bytes()
    plan = workspace.load("fraud")
    plan.title = "Changed"

    def crash(src: str, dst: str) -> None:  # the process dies between write and rename
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        workspace.save("fraud", plan)
    assert path.read_bytes() == old
    assert workspace.load("fraud").title == "Fraud screening"
    assert sorted(p.name for p in path.parent.iterdir()) == ["plan.yaml"]


def test_a_save_killed_half_way_leaves_a_temp_file_the_next_save_removes(make_workspace) -> None:
    # SIGKILL mid-save runs no cleanup: the real thing, in a child process killed while it writes
    workspace = current_workspace(make_workspace)
    folder = workspace.plan_dir("fraud")
    code = (
        "import os, signal\n"
        "from planner.plan.workspace import Workspace\n"
        "ws = Workspace(__import__('pathlib').Path('.'))\n"
        "plan = ws.load('fraud')\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "ws.save('fraud', plan.model_copy(update={'title': 'Changed'}))\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=workspace.root, check=False)
    stale = [entry.name for entry in folder.iterdir() if entry.name != "plan.yaml"]
    assert len(stale) == 1 and stale[0].startswith(".plan.yaml.") and stale[0].endswith(".tmp")
    with workspace.editing():
        workspace.save("fraud", workspace.load("fraud").model_copy(update={"title": "Saved"}))
    assert sorted(entry.name for entry in folder.iterdir()) == ["plan.yaml"]


def test_new_commands_at_once_create_the_plan_once(make_workspace) -> None:
    root = make_workspace({})
    racers = [
        subprocess.Popen(
            [sys.executable, "-m", "planner", "new", "race", "--title", f"Title {n}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)  # four racers meet as ten did, at a fraction of the process start-ups
    ]
    results = [(racer.wait(timeout=60), *racer.communicate()) for racer in racers]
    winners = [n for n, (code, out, _) in enumerate(results) if code == 0]
    assert len(winners) == 1, results
    assert sorted(code for code, _, _ in results) == [0] + [2] * 3
    assert all("a plan named 'race' already exists" in err for code, _, err in results if code == 2)
    assert Workspace(root).load("race").title == f"Title {winners[0]}"


@pytest.mark.parametrize(
    "slug",
    [
        "../x",
        "..",
        "a/b",
        "/etc/passwd",
        "",
        "Fraud",
        "caf\u00e9",
        "a" * 65,
        "a--b",
        "-a",
        "a-",
        "a b",
        ".hidden",
    ],
)
def test_hostile_slugs_are_refused(slug: str) -> None:
    with pytest.raises(UsageError, match="invalid plan name"):
        workspace.validate_slug(slug)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: [unclosed\n",
            "plans/fraud/plan.yaml:2:1: did not find expected ',' or ']'; fix the YAML syntax there",
        ),
        (
            "title: a\ntitle: b\n",
            "plans/fraud/plan.yaml:2:1: duplicate key 'title'; fix the YAML syntax there",
        ),
        ("", "plans/fraud/plan.yaml: the file is empty; it needs at least `title:`"),
        ("- a\n- b\n", "plans/fraud/plan.yaml:1: expected a mapping of answers (`title: ...`) at the top"),
    ],
)
def test_broken_yaml_is_reported_with_its_position(make_workspace, text: str, message: str) -> None:
    workspace = current_workspace(make_workspace, text)
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [message]


def test_every_schema_problem_is_listed_at_once(make_workspace) -> None:
    text = (
        "title: t\n"
        "product:\n"
        "  mode: replace\n"
        "  goall: typo\n"
        "constraints:\n"
        "  latency:\n"
        "    p99_ms: fast\n"
        "done:\n"
        "  metrics:\n"
        "    - name: recall\n"
        "      target: high\n"
    )
    workspace = current_workspace(make_workspace, text)
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:3: product.mode: Input should be 'improve', 'augment' or 'automate'",
        "plans/fraud/plan.yaml:4: product.goall: unknown field; did you mean `goal`?",
        "plans/fraud/plan.yaml:7: constraints.latency.p99_ms: Input should be a valid integer; write a whole number such as 12",
        "plans/fraud/plan.yaml:11: done.metrics[0].target: Input should be a valid number; write a number such as "
        "12 or 0.5, a count of a total such as `27 of 30`, a margin on the baseline such as `30% lower`, a bound "
        "such as `at most 5` or `keep 11%`, `no worse than the baseline`, or `not set`",
    ]


def test_a_field_written_in_another_section_says_where_it_belongs(make_workspace) -> None:
    text = "title: t\nby_hand:\n  todays_call_input: the grader's eye\n  wibble: 3\n"
    workspace = current_workspace(make_workspace, text)
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:3: by_hand.todays_call_input: unknown field here; `todays_call_input` belongs "
        "at `product.todays_call_input`: move it there",
        "plans/fraud/plan.yaml:4: by_hand.wibble: unknown field; check the spelling (`planner schema` lists every field)",
    ]


def test_a_count_over_a_period_gets_one_line_with_its_forms(make_workspace) -> None:
    text = "title: t\nimpact:\n  capacity_per_day: 60 a fortnight\n  flagged_per_day: -5\n  step_share: abc\n"
    workspace = current_workspace(make_workspace, text)
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:5: impact.step_share: Input should be a valid number; write a number such as "
        "12 or 0.5, or write 'not measured'",
        "plans/fraud/plan.yaml:3: impact.capacity_per_day: '60 a fortnight' is not a count planner reads; "
        "write a number a day such as 12, or a count over another period such as `60 a year`, `5 a week` or a "
        "range `2-3 a day`, "
        "or write 'not measured'",
        "plans/fraud/plan.yaml:4: impact.flagged_per_day: Input should be greater than or equal to 0; write "
        "a value in that range, or write 'not measured'",
    ]


def test_a_tiny_count_over_a_period_keeps_its_figure(make_workspace) -> None:
    workspace = current_workspace(make_workspace, "title: t\nimpact:\n  flagged_per_day: 0.0000001 a day\n")
    assert workspace.load("fraud").impact.flagged_per_day == "0.0000001 a day"


def test_a_negative_percent_figure_reads_as_a_fraction(make_workspace) -> None:
    text = "title: t\ndone:\n  metrics:\n  - name: sales growth\n    baseline: -5%\n    target: 2%\n"
    metric = current_workspace(make_workspace, text).load("fraud").done.metrics[0]
    assert (metric.baseline, metric.target) == (-0.05, 0.02)


def test_missing_title_and_bad_share(make_workspace) -> None:
    workspace = current_workspace(make_workspace, "heuristics:\n  coverage: 120%\n")
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:1: title: required; add it",
        "plans/fraud/plan.yaml:2: heuristics.coverage: Input should be less than or equal to 1; write a value in that range (shares are fractions: 20% is 0.2), or write 'not measured'",
    ]


def test_non_utf8_file(make_workspace) -> None:
    workspace = current_workspace(make_workspace)
    workspace.plan_file("fraud").write_bytes(b"title: T\nowners:\n- caf\xe9\n")
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    # the line of the first bad byte, and the byte itself
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:3: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ]


def test_shares_accept_percent_and_fraction() -> None:
    assert Plan.model_validate({"title": "t", "heuristics": {"coverage": "20%"}}).heuristics.coverage == 0.2
    assert Plan.model_validate({"title": "t", "heuristics": {"coverage": "0.2"}}).heuristics.coverage == 0.2
    assert Plan.model_validate({"title": "t", "heuristics": {"coverage": 0.2}}).heuristics.coverage == 0.2


def test_text_is_tidied_but_kept() -> None:
    plan = Plan(title="  Fraud  ", press_release={"problem": "line one   \r\nline two\n"})
    assert plan.title == "Fraud"
    assert plan.press_release.problem == "line one\nline two"


def test_assignment_is_validated() -> None:
    plan = Plan(title="t")
    with pytest.raises(ValueError):
        plan.constraints.latency.serving = "sometimes"  # type: ignore[assignment]
    plan.constraints.latency.serving = Serving.online
    assert plan.constraints.latency.serving is Serving.online


def test_workspace_is_found_upward(make_workspace) -> None:
    root = make_workspace({"mkdocs.yml": "site_name: x\n", "docs/deep/er/file.md": "x"})
    assert workspace.find_workspace(root / "docs" / "deep" / "er").root == root


def test_no_workspace(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no planner workspace here .* run `planner init` to create one"):
        workspace.find_workspace(tmp_path)


def test_load_all_reports_bad_files_without_hiding_good_ones(make_workspace) -> None:
    root = make_workspace(
        {
            "plans/a/plan.yaml": "title: A\n",
            "plans/b/plan.yaml": "title: [\n",
            "plans/Bad/plan.yaml": "title: x\n",
        }
    )
    results = dict(Workspace(root).load_all())
    assert list(results) == ["a", "b"]
    assert isinstance(results["a"], Plan)
    assert isinstance(results["b"], InvalidPlan)


def test_every_schema_problem_ends_with_its_fix(make_workspace) -> None:
    text = "title: 2024\nproduct: 5\nowners: ana\nconstraints:\n  data:\n    versioned: maybe\n"
    workspace = current_workspace(make_workspace, text)
    with pytest.raises(InvalidPlan) as caught:
        workspace.load("fraud")
    assert caught.value.problems == [
        "plans/fraud/plan.yaml:1: title: Input should be a valid string; "
        "write text; put it in quotes if it looks like a number or true/false",
        "plans/fraud/plan.yaml:3: owners: Input should be a valid array; write a list, one `- item` per line",
        "plans/fraud/plan.yaml:2: product: Input should be an object; "
        "indent this section's answers under it, one `name: value` per line",
        "plans/fraud/plan.yaml:6: constraints.data.versioned: Input should be a valid boolean; "
        "write true or false, or write 'not checked'",
    ]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("a: 1\nb: [x, 'y', 2.5, true, null, no, .inf, 0o17, 010, '', ~, -.5e3, 1_000]\nc: {d: e}\n", "one"),
        ("title: |\n  two\n  lines\nitems:\n- {name: a, value: 0x1F}\n- - nested\n  - list\n", "one"),
        ("", "one"),
        ("just text", "one"),
        ("a: !!str 12\n", "two"),  # a tag: PyYAML's constructor reads it
        ("a: &x 1\nb: 2\n", "two"),  # an anchor without an alias
        ("a: !!binary aGVsbG8=\n", "two"),
        ("a: 1\n---\nb: 2\n", "two"),  # two documents: refused by PyYAML in its words
        ("a: 1\na: 2\n", "two"),  # a repeated key
        ("? [a, b]\n: c\n", "two"),  # a key that is a list
        ("a: *x\n", "refused"),  # an alias
        ("a: " + "[" * 70 + "]" * 70 + "\n", "refused"),  # too deep
        ("a: [1, 2\n", "refused"),  # a syntax error
        ("a: ! 1\nb: ! ''\n", "one"),  # a non-specific tag: PyYAML still resolves the plain scalar
    ],
)
def test_plain_documents_load_in_one_pass_as_pyyaml_loads_them(text: str, path: str) -> None:
    """Plan files load in one pass over the parser's events; the result, and any refusal, is exactly
    what the two-pass path (planner's hazard scan, then PyYAML's loader) gives."""
    from planner.plan import yamlfile

    def two_pass() -> object:
        yamlfile._refuse_hazards(text)
        return yaml.load(text, Loader=yamlfile._Loader)

    try:
        expected = repr(two_pass())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        assert mark is not None
        expected = f"plan.yaml:{mark.line + 1}:{mark.column + 1}: {exc.problem or exc.context}"
    try:
        got = repr(yamlfile.parse_yaml(text, "plan.yaml"))
    except InvalidPlan as exc:
        got = str(exc)
    assert expected in got
    if path != "refused":
        assert (yamlfile._load_plain(text) is yamlfile._SLOW) == (path == "two")


def test_a_number_too_long_to_read_is_a_message_not_a_crash() -> None:
    with pytest.raises(InvalidPlan) as caught:
        yamlfile.parse_yaml("title: x\nbudget: " + "9" * 5000 + "\n", "plans/a/plan.yaml")
    assert str(caught.value).endswith(
        "plans/a/plan.yaml: a number too long to read (over 4,300 digits); write a shorter one"
    )
