"""Published versions in real git repositories: publish, refusal, immutability, races and merges."""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.plan import gitref, history
from planner.plan.planfile import to_data
from planner.plan.workspace import Workspace
from tests.conftest import MakeWorkspace, killed_at_fsync
from tests.gitrepo import PLAN, commit, edit, git, init_repo, run

V = "plans/fraud/versions"


@pytest.fixture
def repo(make_workspace: MakeWorkspace) -> Path:
    root = make_workspace({"mkdocs.yml": "site_name: plans\n", "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    return root


def publish(message: str, *extra: str) -> tuple[int, str, str]:
    return run("publish", "fraud", "-m", message, *extra)


def test_publish_freezes_the_draft_with_number_time_author_message_and_hash(repo: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    code, out, err = publish("agreed at kickoff")
    assert (code, err) == (0, "")
    assert out == f"published {V}/v1.yaml (v1 of fraud, by Test Author <author@example.com>)\n"
    text = (repo / V / "v1.yaml").read_text()
    assert text.startswith("# Version 1 of plan 'fraud', published by `planner publish`: never edit it")
    data = yaml.safe_load(text)
    assert list(data) == ["number", "published_at", "author", "message", "hash", "plan"]
    assert (data["number"], data["author"], data["message"]) == (
        1,
        "Test Author <author@example.com>",
        "agreed at kickoff",
    )
    published = datetime.fromisoformat(data["published_at"])
    assert published.tzinfo is not None and before <= published <= datetime.now(UTC) + timedelta(seconds=1)
    assert data["hash"] == history.content_hash(data)
    assert data["plan"] == to_data(Workspace(repo).load("fraud"))


def test_republish_needs_a_change_and_numbers_follow_on(repo: Path) -> None:
    assert publish("first")[0] == 0
    assert publish("again") == (
        1,
        "",
        "error: nothing changed in plans/fraud/plan.yaml since v1; edit the plan, then publish again\n",
    )
    edit(repo, "timebox_weeks: 6", "timebox_weeks: 8")
    code, out, _ = publish("two more weeks", "--author", "Bo <bo@example.com>")
    assert (code, out) == (0, f"published {V}/v2.yaml (v2 of fraud, by Bo <bo@example.com>)\n")
    assert sorted(path.name for path in (repo / V).iterdir()) == ["v1.yaml", "v2.yaml"]
    assert run("check") == (0, "ok: plans/fraud/plan.yaml\n", "")


def test_an_invalid_plan_is_refused_and_nothing_is_written(repo: Path) -> None:
    edit(repo, "  timebox_weeks: 6", "  timebox_weeks: -6")
    assert publish("broken") == (
        1,
        "",
        "error: cannot publish plans/fraud/plan.yaml: it does not validate; fix these lines and publish again\n"
        "  plans/fraud/plan.yaml:21: done.timebox_weeks: Input should be greater than 0; write a value in that range\n",
    )
    assert not (repo / V).exists()


def test_unknown_author_and_empty_message_are_usage_errors(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name)
    git(repo, "config", "--unset", "user.name")
    git(repo, "config", "--unset", "user.email")
    monkeypatch.setenv("EMAIL", "")
    code, _, err = publish("no author")
    assert code == 2
    assert err.startswith("error: who is publishing? git knows no author here; run `git config --global")
    assert err.endswith('or pass --author "Name <email>"\n')
    assert publish("  ", "--author", "Bo") == (
        2,
        "",
        'error: say why you publish: `planner publish fraud -m "what changed and why"`\n',
    )


def _published(repo: Path, count: int) -> None:
    for number in range(1, count + 1):
        edit(repo, "timebox_weeks: ", f"timebox_weeks: {number}")
        assert publish(f"round {number}")[0] == 0
        edit(repo, f"timebox_weeks: {number}", "timebox_weeks: ")


def test_a_tampered_version_is_caught(repo: Path) -> None:
    _published(repo, 2)
    path = repo / V / "v1.yaml"
    path.write_text(path.read_text().replace("target: 0.7", "target: 0.5"))
    assert run("check") == (
        1,
        "ok: plans/fraud/plan.yaml\n"
        f"{V}/v1.yaml: edited after it was published (its content no longer matches its hash); "
        "restore it from git and publish a new version instead\n",
        "error: 1 published version(s) have problems; see the findings above\n",
    )


def test_metadata_edits_are_caught_but_comments_are_not_content(repo: Path) -> None:
    _published(repo, 1)
    path = repo / V / "v1.yaml"
    original = path.read_text()
    path.write_text("# reviewed by Bo\n" + original)
    assert run("check")[0] == 0
    path.write_text(original.replace("message: round 1", "message: approved by the board"))
    code, out, _ = run("check")
    assert code == 1
    assert f"{V}/v1.yaml: edited after it was published" in out


def test_a_deleted_version_is_caught(repo: Path) -> None:
    _published(repo, 3)
    (repo / V / "v2.yaml").unlink()
    assert run("check") == (
        1,
        "ok: plans/fraud/plan.yaml\n"
        f"{V}/v2.yaml: removed after it was published (v3 exists); "
        "restore it from git and publish a new version instead\n",
        "error: 1 published version(s) have problems; see the findings above\n",
    )


def test_a_renumbered_version_is_caught(repo: Path) -> None:
    _published(repo, 2)
    (repo / V / "v2.yaml").rename(repo / V / "v3.yaml")
    code, out, err = run("check")
    assert code == 1
    assert out.splitlines()[1:] == [
        f"{V}/v3.yaml: renumbered: it holds version 2; published versions are immutable: "
        "restore the original file names from git",
        f"{V}/v2.yaml: removed after it was published (v3 exists); "
        "restore it from git and publish a new version instead",
    ]
    assert err == "error: 2 published version(s) have problems; see the findings above\n"


def test_stray_files_and_broken_yaml_in_versions_are_reported(repo: Path) -> None:
    _published(repo, 1)
    (repo / V / "v1 copy.yaml").write_text("x")
    (repo / V / "v2.yaml").write_text("number: [\n")
    code, out, _ = run("check", "fraud")
    assert code == 1
    assert f"{V}/v1 copy.yaml: not a published version; versions/ holds only v1.yaml, v2.yaml...: " in out
    assert f"{V}/v2.yaml:2:1: " in out
    assert publish("on top of a broken history")[0] == 1


def test_check_base_catches_history_rewritten_in_a_branch(repo: Path) -> None:
    _published(repo, 2)
    commit(repo, "publish v1 and v2")
    git(repo, "switch", "-q", "-c", "rewrite")
    # A careful rewrite that also fixes the hash: only the comparison with the base can see it.
    path = repo / V / "v1.yaml"
    data = yaml.safe_load(path.read_text())
    data["plan"]["done"]["metrics"][0]["target"] = 0.5
    data["hash"] = history.content_hash(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    (repo / V / "v2.yaml").unlink()
    commit(repo, "quietly lower the bar")
    assert run("check")[0] == 0
    assert run("check", "--base", "main") == (
        1,
        "ok: plans/fraud/plan.yaml\n"
        f"{V}/v1.yaml: changed since main, where it was published; "
        f"restore it (`git checkout main -- {V}/v1.yaml`) and publish a new version instead\n"
        f"{V}/v2.yaml: removed since main, where it was published; "
        f"restore it (`git checkout main -- {V}/v2.yaml`) and publish a new version instead\n",
        "error: 2 published version(s) have problems; see the findings above\n",
    )
    git(repo, "checkout", "main", "--", V)
    assert run("check", "--base", "main")[0] == 0


def test_check_base_catches_a_plan_removed_with_its_versions(repo: Path) -> None:
    _published(repo, 1)
    commit(repo, "v1")
    git(repo, "rm", "-q", "-r", "plans/fraud")
    code, out, _ = run("check", "--base", "HEAD")
    assert code == 1
    assert out == (
        f"{V}/v1.yaml: removed since HEAD, where it was published; "
        f"restore it (`git checkout HEAD -- {V}/v1.yaml`) and publish a new version instead\n"
    )


def test_git_problems_are_one_clear_message(repo: Path, make_workspace: MakeWorkspace) -> None:
    assert run("check", "--base", "origin/nope") == (
        2,
        "",
        "error: unknown git ref 'origin/nope'; check the name or fetch it first "
        "(e.g. `git fetch origin main`; in CI check out with fetch-depth: 0)\n",
    )
    assert run("check", "--base", "--upload-pack=evil")[0] == 2
    plain = repo.parent / "plain"
    (plain / "plans").mkdir(parents=True)
    os.chdir(plain)
    code, _, err = run("check", "--base", "main")
    assert code == 2
    assert err == (
        f"error: {plain} is not in a git repository, so 'main' means nothing here; "
        "run from a git checkout, or compare published versions instead (`v1`, `draft`)\n"
    )


def test_a_publish_killed_half_way_leaves_a_temp_file_the_next_publish_removes(repo: Path) -> None:
    # SIGKILL after the version is written to its temporary file runs no cleanup: the real thing
    killed = killed_at_fsync(repo, "publish", "fraud", "-m", "killed")
    assert killed.returncode == -9, killed
    left = [path.name for path in (repo / V).iterdir()]
    assert len(left) == 1 and left[0].startswith(".v1.yaml.") and left[0].endswith(".tmp"), left
    assert publish("agreed at kickoff")[:2] == (
        0,
        f"published {V}/v1.yaml (v1 of fraud, by Test Author <author@example.com>)\n",
    )
    assert sorted(path.name for path in (repo / V).iterdir()) == ["v1.yaml"]


def test_racing_publish_commands_on_one_draft_publish_it_once(repo: Path) -> None:
    # The racers meet on the first version, its folder made at the same moment too (a second round, for
    # v2, ran the same lock and check again at the cost of three more process start-ups).
    edit(repo, "timebox_weeks: ", "timebox_weeks: 1")
    racers = [
        subprocess.Popen(
            [sys.executable, "-m", "planner", "publish", "fraud", "-m", f"racer {racer}"],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for racer in range(3)
    ]
    results = []
    for racer in racers:
        out, err = racer.communicate()
        results.append((racer.returncode, out, err))
    winners = [out for code, out, _ in results if code == 0]
    assert winners == [f"published {V}/v1.yaml (v1 of fraud, by Test Author <author@example.com>)\n"]
    for code, _, err in results:
        if code != 0:
            assert (code, err) == (
                1,
                "error: nothing changed in plans/fraud/plan.yaml since v1; edit the plan, then publish again\n",
            )
    assert history.numbers(Workspace(repo), "fraud") == [1]
    assert history.verify(Workspace(repo), "fraud") == []


def _publish_variant(root: str, number: int, start: Any) -> None:
    workspace = Workspace(Path(root))
    plan = workspace.load("fraud").model_copy(update={"title": f"variant {number}"})
    start.wait()
    history.publish_plan(workspace, "fraud", plan, f"variant {number}", "Racer <r@example.com>")


def test_concurrent_publishes_of_different_content_never_share_a_number(repo: Path) -> None:
    # One round (two took four more process start-ups): each number after the first is taken while
    # the others race for it.
    context = multiprocessing.get_context("spawn")
    workers = 4
    start = context.Barrier(workers)
    processes = [context.Process(target=_publish_variant, args=(str(repo), n, start)) for n in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    workspace = Workspace(repo)
    versions = history.load_versions(workspace, "fraud")
    assert [version.number for version in versions] == list(range(1, workers + 1))
    assert sorted(version.plan.title for version in versions) == sorted(
        f"variant {n}" for n in range(workers)
    )
    assert all(version.message == version.plan.title for version in versions)
    assert history.verify(workspace, "fraud") == []
    assert not [path for path in (repo / V).iterdir() if path.name.startswith(".")]


def test_two_branches_publishing_v2_conflict_on_merge_and_check_guides_the_fix(repo: Path) -> None:
    """Both branches write versions/v2.yaml: git stops with an add/add conflict, nothing is lost silently.

    Resolving it by keeping the branch's v2 rewrites published history, which `check --base` catches;
    keeping main's v2 and publishing the branch's plan again as v3 passes.
    """
    _published(repo, 1)
    commit(repo, "v1")
    git(repo, "switch", "-q", "-c", "feature")
    edit(repo, "baseline: 0.4", "baseline: 0.45")
    assert publish("feature: better baseline")[0] == 0
    commit(repo, "feature v2")
    git(repo, "switch", "-q", "main")
    edit(repo, "fold_action: Keep the rules and stop.", "fold_action: Keep the rules, hand over the data.")
    assert publish("main: new fold action")[0] == 0
    commit(repo, "main v2")
    git(repo, "switch", "-q", "feature")

    merge = git(repo, "merge", "main", check=False)
    assert merge.returncode == 1
    assert f"CONFLICT (add/add): Merge conflict in {V}/v2.yaml" in merge.stdout
    code, out, _ = run("check")
    assert code == 1
    assert f"{V}/v2.yaml:" in out  # conflict markers are not a valid version

    git(repo, "checkout", "--ours", "--", f"{V}/v2.yaml")  # the unsafe resolution: feature's v2 wins
    commit(repo, "merge main")
    assert run("check")[0] == 0
    code, out, _ = run("check", "--base", "main")
    assert code == 1
    assert f"{V}/v2.yaml: changed since main, where it was published; restore it" in out

    git(repo, "checkout", "main", "--", f"{V}/v2.yaml")  # the fix the message gives
    assert publish("feature: better baseline, on top of main")[0] == 0
    commit(repo, "republish as v3")
    assert run("check", "--base", "main")[0] == 0
    code, out, _ = run("diff", "fraud", "v2", "v3", "--format", "text")
    assert (code, out) == (
        0,
        "plan fraud: v2 -> v3\n1 answer changed · done criteria moved\n\nDone criteria and after launch\n"
        "  done.metrics [recall at 1% false positive rate] baseline: 0.4 -> 0.45\n",
    )


def test_a_version_is_as_readable_as_the_plan_it_freezes(repo: Path) -> None:
    assert publish("first")[0] == 0
    plan_mode = (repo / "plans/fraud/plan.yaml").stat().st_mode & 0o777
    assert (repo / V / "v1.yaml").stat().st_mode & 0o777 == plan_mode
    assert plan_mode & 0o044  # group and others may read it (the usual umask)


def test_a_plans_dir_set_in_mkdocs_yml_is_where_every_command_looks(make_workspace: MakeWorkspace) -> None:
    config = (
        "site_name: plans\n"
        "copyright: !ENV [COPYRIGHT, 'us']\n"  # mkdocs' own tags must not stop planner
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - planner:\n"
        "      plans_dir: design/plans\n"
    )
    root = make_workspace({"mkdocs.yml": config, "design/plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    assert run("list")[1].splitlines()[1].startswith("fraud ")
    code, out, err = publish("first")
    assert (code, err) == (0, "")
    assert out.startswith("published design/plans/fraud/versions/v1.yaml (v1 of fraud")
    commit(root, "publish v1")
    code, out, err = run("check", "--base", "HEAD")
    assert (code, err) == (0, ""), out
    assert out.startswith("ok: design/plans/fraud/plan.yaml\n")
    assert not (root / "plans" / "fraud").exists()


def test_a_plans_dir_outside_the_workspace_is_refused(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(
        {"mkdocs.yml": "site_name: x\nplugins:\n  - planner:\n      plans_dir: ../elsewhere\n"}
    )
    assert run("list") == (
        2,
        "",
        f"error: mkdocs.yml: the planner plugin's plans_dir '../elsewhere' is outside the workspace ({root}); "
        "use a folder inside it (or leave the option out for plans/)\n",
    )


def test_yaml_timestamps_and_binary_in_a_version_are_edits_not_crashes(repo: Path) -> None:
    _published(repo, 1)
    path = repo / V / "v1.yaml"
    original = path.read_text()
    # an unquoted timestamp is the same text in YAML 1.2: not an edit, and no crash
    path.write_text(re.sub(r"published_at: '(.*)'", r"published_at: \1", original))
    assert run("check")[0] == 0
    path.write_text(original.replace("title: Screen card orders for fraud", "title: !!binary U2NyZWVu"))
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 published version(s) have problems; see the findings above\n")
    assert "plans/fraud/versions/v1.yaml: edited after it was published" in out


def test_publish_refuses_a_blank_author_and_overlong_text(repo: Path) -> None:
    assert publish("why", "--author", "   ") == (
        2,
        "",
        'error: who is publishing? pass --author "Name <email>" with a name, not only spaces\n',
    )
    assert publish("x" * 20_001) == (
        2,
        "",
        "error: the --message is 20,001 characters long; keep it under 20,000 "
        "(put the details in the plan itself)\n",
    )
    assert publish("why", "--author", "a" * 30_000)[2].startswith("error: the --author is 30,000 characters")
    assert not (repo / V).exists() or not list((repo / V).iterdir())


def _rewrite_v1(path: Path) -> None:
    """A careful rewrite of a published version that also fixes its hash."""
    data = yaml.safe_load(path.read_text())
    data["plan"]["done"]["metrics"][0]["target"] = 0.5
    data["hash"] = history.content_hash(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_check_base_reads_the_base_with_its_own_plans_dir(repo: Path) -> None:
    _published(repo, 2)
    commit(repo, "publish v1 and v2")
    git(repo, "switch", "-q", "-c", "move")
    git(repo, "mv", "plans", "design-plans")
    (repo / "mkdocs.yml").write_text(
        "site_name: plans\nplugins:\n  - planner:\n      plans_dir: design-plans\n"
    )
    _rewrite_v1(repo / "design-plans/fraud/versions/v1.yaml")
    commit(repo, "move the plans and lower the bar")
    assert run("check")[0] == 0  # nothing on disk can tell
    moved = "since main (plans_dir 'plans' became 'design-plans'); published versions stay where they were "
    assert run("check", "--base", "main") == (
        1,
        "ok: design-plans/fraud/plan.yaml\n"
        f"{V}/v1.yaml: moved to design-plans/fraud/versions/v1.yaml and changed {moved}"
        "published: put the folder back and set plans_dir to 'plans' again\n"
        f"{V}/v2.yaml: moved to design-plans/fraud/versions/v2.yaml {moved}"
        "published: put the folder back and set plans_dir to 'plans' again\n",
        "error: 2 published version(s) have problems; see the findings above\n",
    )


def test_check_base_catches_a_plan_renamed_with_its_versions(repo: Path) -> None:
    _published(repo, 1)
    commit(repo, "v1")
    git(repo, "mv", "plans/fraud", "plans/fraud-v2")
    code, out, _ = run("check", "--base", "HEAD")
    assert (code, out.splitlines()[-1]) == (
        1,
        f"{V}/v1.yaml: removed since HEAD, where it was published (the same file is at "
        "plans/fraud-v2/versions/v1.yaml: a plan renamed or moved); "
        f"restore it (`git checkout HEAD -- {V}/v1.yaml`) and publish a new version instead",
    )


def test_check_without_base_catches_what_was_deleted_since_the_last_commit(repo: Path) -> None:
    _published(repo, 2)
    commit(repo, "v1 and v2")
    restore = "restore it (`git checkout HEAD -- {0}`) and publish a new version instead"
    removed = "{0}: removed since the last commit, where it was published; " + restore
    (repo / V / "v2.yaml").unlink()  # the latest: no gap left behind for the files alone to show
    assert run("check") == (
        1,
        "ok: plans/fraud/plan.yaml\n" + removed.format(f"{V}/v2.yaml") + "\n",
        "error: 1 published version(s) have problems; see the findings above\n",
    )
    git(repo, "checkout", "--", V)
    shutil.rmtree(repo / V)
    (repo / V).write_text("")  # versions/ now a file
    code, out, _ = run("check")
    assert (code, out.splitlines()[1]) == (
        1,
        f"{V}: not a folder; published versions live in it as v1.yaml, v2.yaml...: restore it from git",
    )
    (repo / V).unlink()
    shutil.rmtree(repo / "plans/fraud")  # the whole plan
    assert run("check") == (
        1,
        "".join(removed.format(f"{V}/v{n}.yaml") + "\n" for n in (1, 2)),
        "error: 2 published version(s) have problems; see the findings above\n",
    )


def test_a_versions_folder_linking_out_of_the_workspace_is_refused(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (repo / V).parent.mkdir(parents=True, exist_ok=True)
    (repo / V).symlink_to(outside, target_is_directory=True)
    refusal = (
        f"{V} leads outside the workspace (to {outside}); planner does not follow links out of it: "
        f"make {V} a real folder"
    )
    assert publish("first") == (
        1,
        "",
        "error: cannot publish 'fraud': its published versions have problems; fix them first "
        f"(`planner check fraud`)\n  {refusal}\n",
    )
    assert list(outside.iterdir()) == []
    assert run("check") == (
        1,
        f"ok: plans/fraud/plan.yaml\n{refusal}\n",
        "error: 1 published version(s) have problems; see the findings above\n",
    )


def test_diff_prints_text_on_a_terminal_and_markdown_when_piped(repo: Path) -> None:
    import pty

    assert publish("first")[0] == 0
    edit(repo, "fold_action: Keep the rules and stop.", "fold_action: Keep the rules, hand over the data.")
    code, piped, _ = run("diff", "fraud")  # in-process: stdout is no terminal, as in a pipe
    assert code == 0 and piped.startswith("### ")  # Markdown, as the workflow posts it on a pull request
    planner = str(Path(sys.executable).with_name("planner"))
    main, secondary = pty.openpty()
    done = subprocess.run([planner, "diff", "fraud"], stdout=secondary, stderr=secondary, check=False)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert done.returncode == 0
    assert shown.decode().startswith("plan fraud: v1 -> draft\r\n")  # text on a terminal
    assert "###" not in shown.decode()


def test_a_version_hash_in_the_wrong_format_gets_its_own_message(repo: Path) -> None:
    _published(repo, 1)
    path = repo / V / "v1.yaml"
    path.write_text(re.sub(r"hash: sha256:[0-9a-f]+", "hash: sha256:ABC", path.read_text()))
    code, out, _ = run("check")
    line = next(
        number for number, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("hash:")
    )
    assert (code, out.splitlines()[1]) == (
        1,
        f"{V}/v1.yaml:{line}: hash: not a version hash (`sha256:` and 64 hex digits); restore the file from git",
    )


@pytest.mark.parametrize("object_format", ["sha1", "sha256"])
def test_check_base_reads_blob_ids_in_the_repositorys_own_object_format(
    make_workspace: MakeWorkspace, object_format: str
) -> None:
    repo = make_workspace({"mkdocs.yml": "site_name: plans\n", "plans/fraud/plan.yaml": PLAN})
    git(repo, "init", "-q", "-b", "main", f"--object-format={object_format}")
    git(repo, "config", "user.name", "Test Author")
    git(repo, "config", "user.email", "author@example.com")
    _published(repo, 2)
    commit(repo, "v1 and v2")
    version = repo / V / "v1.yaml"
    listed = git(repo, "ls-files", "-s", f"{V}/v1.yaml").stdout.split()[1]
    assert gitref.blob_id(version.read_bytes(), object_format) == listed  # as git itself names it
    assert run("check", "--base", "main") == (0, "ok: plans/fraud/plan.yaml\n", "")
    git(repo, "mv", "plans/fraud", "plans/fraud-v2")
    assert (
        run("check", "--base", "main")[1]
        .splitlines()[-1]
        .startswith(
            f"{V}/v2.yaml: removed since main, where it was published (the same file is at "
            "plans/fraud-v2/versions/v2.yaml"
        )
    )
