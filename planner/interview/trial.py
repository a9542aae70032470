"""The terminal side of `planner try`: one example at a time, a label, a hard-case flag and a note, timed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice, Separator
from questionary.prompts.common import InquirerControl

from planner.core.errors import Interrupted, PlannerError, UsageError
from planner.core.terminal import display_width, wrap
from planner.evidence.measure import shown_sample
from planner.evidence.sample import open_sample
from planner.evidence.trial import (
    Answer,
    Example,
    Session,
    check_gold,
    choices,
    examples,
    from_sessions,
    gold_of,
    open_session,
    record,
    results,
    save_answer,
    sessions_on,
    summary,
)
from planner.interview.prompts import PICK_TIP, STYLE, menu, say, start_up, width
from planner.plan.model import SampleInfo
from planner.plan.workspace import Workspace

SKIP = "\x00skip"
EXAMPLES = 50  # `--examples` when not given
MEDIA = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".wav", ".mp3", ".flac", ".ogg"}
MEDIA |= {".m4a", ".mp4", ".mov", ".webm", ".pdf"}
WIDTH = 96
# A cell longer than this is cut on screen (about twelve lines at WIDTH): a 1 MB cell printed 11,000 lines.
CELL_SHOWN = 1_000


def _files(example: Example, folder: Path) -> list[Path]:
    """Values that name a media file beside the sample (images, audio, video): shown as a path to open."""
    found = []
    for value in example.values.values():
        if isinstance(value, str) and Path(value).suffix.lower() in MEDIA:
            path = (folder / value) if not Path(value).is_absolute() else Path(value)
            if path.is_file():
                found.append(path)
    return found


def shown_cell(value: Any) -> str:
    """A cell as the example shows it: one line of text, cut to CELL_SHOWN characters."""
    text = "" if value is None else " ".join(str(value)[: CELL_SHOWN * 4].split())
    if len(text) <= CELL_SHOWN and (value is None or len(str(value)) <= CELL_SHOWN * 4):
        return text
    whole = len(str(value))
    return f"{text[:CELL_SHOWN]}… (cut: {whole:,} characters in all; open the sample to read the rest)"


def _show(example: Example, number: int, total: int, file: str, hard: int) -> None:
    flagged = f" · {hard} flagged hard" if hard else ""
    say(f"\n── Example {number} of {total} · row {example.row} of {file}{flagged}", "fg:ansicyan bold")
    names = [str(name) for name in example.values]
    pad = min(max((len(name) for name in names), default=0), 24)
    for name, value in example.values.items():
        text = shown_cell(value)
        lines = textwrap.wrap(text, width=max(min(width() - 1, WIDTH) - pad - 2, 20)) or [""]
        say(f"{name!s:<{pad}}  {lines[0]}")
        for more in lines[1:]:
            say(f"{'':<{pad}}  {more}")


def _open(path: Path) -> None:
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    if shutil.which(opener) is None:
        say(f"no {opener} here: open {path} yourself", "fg:ansiyellow")
        return
    subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _label(labels: list[str], files: list[Path]) -> str | None:
    """The person's label; None when they skip the example."""
    while True:
        if labels:
            options: list[Any] = [Choice(label, value=label) for label in labels]
            options += [Separator(), Choice("skip this example", value=SKIP)]
            options += [Choice(f"open {path.name} in the viewer", value=path) for path in files]
            shortcuts = len(options) - 1 <= len(InquirerControl.SHORTCUT_KEYS)
            tip = PICK_TIP if shortcuts else PICK_TIP.replace("a number or ", "")
            picked = menu("Label?", options, tip, use_shortcuts=shortcuts)
        else:
            typed = questionary.text(
                "Label?", instruction="(Enter alone skips this example)", style=STYLE
            ).unsafe_ask(patch_stdout=False)
            picked = typed.strip() or SKIP
        if isinstance(picked, Path):
            _open(picked)
            continue
        return None if picked == SKIP else str(picked)


def _note() -> tuple[bool, str | None]:
    text = questionary.text(
        "Noticed anything?", instruction="(Enter: nothing; start with ! to flag a hard case)", style=STYLE
    ).unsafe_ask(patch_stdout=False)
    text = " ".join(str(text).split())
    hard = text.startswith("!")
    note = text[1:].strip() if hard else text
    return hard, note or None


def _git_user(workspace: Workspace) -> str:
    from planner.plan.history import git_author

    try:
        return git_author(workspace.root).split("<")[0].strip()
    except PlannerError:
        raise UsageError("who is labelling? pass --as NAME (git knows no user.name here)") from None


def run(
    workspace: Workspace,
    slug: str,
    path: Path | None,
    *,
    person: str | None,
    gold: str | None,
    count: int,
    terminal: bool,
) -> str:
    """Run `planner try`: ask for each example this person has not done yet, then record the results."""
    plan = workspace.load(slug)
    if path is None:
        raise UsageError(
            f"give the examples with --sample FILE (or a spreadsheet with --import FILE); "
            f"e.g. `planner try {slug} --sample sample.csv`"
        )
    if count < 1:
        raise UsageError("--examples must be 1 or more")
    person = person or _git_user(workspace)
    text = () if gold is None else (gold,)  # compared as text with the plan's outcomes
    with open_sample(path, shown_sample(workspace, path), text=text) as sample:
        check_gold(plan, sample, gold)
        todo = examples(sample, gold, count)
        labels = choices(plan, sample, gold)
        truth = gold_of(sample, gold)
        info = sample.info(gold)
        if not terminal:
            raise UsageError(
                "no terminal to show examples on (input or output is redirected); label in a spreadsheet "
                f"with one column per person and run `planner try {slug} --import FILE --people NAME,NAME`"
            )
        session = open_session(workspace, slug, person, sample, gold)
    again = resume_command(slug, info.file or path.name, person, gold, count)
    try:
        return _label_all(workspace, slug, session, todo, labels, truth, info, again, path.resolve().parent)
    finally:
        session.close()  # the next session of this person may start


def resume_command(slug: str, file: str, person: str, gold: str | None, count: int) -> list[str]:
    """The command that resumes this session, every option it was started with, quoted for a shell:
    its parts (an option with its value) in order."""
    from shlex import quote

    parts = [f"planner try {quote(slug)}", f"--sample {quote(file)}", f"--as {quote(person)}"]
    parts += [f"--gold {quote(gold)}"] if gold else []
    parts += [f"--examples {count}"] if count != EXAMPLES else []
    return parts


def resume_lines(parts: list[str], columns: int) -> str:
    """`Resume with: COMMAND`, the command broken between its options with a shell's ` \\` when it
    does not fit (a terminal would break it inside a word, and a pasted command would still run)."""
    one = f"Resume with: {' '.join(parts)}"
    if display_width(one) <= columns:
        return one
    lines, line = [], "  " + parts[0]
    for part in parts[1:]:
        if display_width(f"{line} {part} \\") > columns:
            lines.append(line + " \\")
            line = "    " + part
        else:
            line += " " + part
    return "\n".join(["Resume with:", *lines, line])


def _label_all(
    workspace: Workspace,
    slug: str,
    session: Session,
    todo: list[Example],
    labels: list[str],
    truth: dict[int, str],
    info: SampleInfo,
    again: list[str],
    folder: Path,
) -> str:
    """Ask each example the session has not done, saving each answer, then record the results."""
    where = workspace.shown(session.path)
    left = [example for example in todo if example.row not in session.done]

    def finish() -> str:
        sessions = sessions_on(workspace, slug, info.sha256 or "")  # a sample file always has one
        measured = results(from_sessions(sessions, truth), info)
        written = record(workspace, slug, measured)
        skipped = [problem for other in sessions if other.path != session.path for problem in other.problems]
        saved = f"saved in {workspace.shown(written)} (by_hand.measured)"
        return "\n".join([*summary(measured), *skipped, saved])

    start_up()
    for problem in session.problems:
        say(problem, "fg:ansiyellow")
    if session.answers:
        say(
            f"Resuming {session.person}'s session: {len(session.answers)} of {len(todo)} examples done.",
            "fg:ansicyan",
        )
    say("Ctrl-C stops; every answer is saved as you go, and the same command resumes.", "fg:ansibrightblack")
    try:
        for example in left:
            hard_so_far = sum(answer.hard for answer in session.answers)
            _show(example, todo.index(example) + 1, len(todo), info.file or "", hard_so_far)
            started = time.monotonic()
            label = _label(labels, _files(example, folder))
            seconds = time.monotonic() - started
            hard, note = _note() if label is not None else (False, None)
            save_answer(session, Answer(example.row, label, seconds if label else None, hard, note))
    except (KeyboardInterrupt, EOFError):
        done = finish() if session.answers else ""
        columns = width() - 1
        said = f"Stopped. {len(session.answers)} of {len(todo)} examples are saved in {where}.\n{done}"
        raise Interrupted(f"{wrap(said.rstrip(), columns)}\n{resume_lines(again, columns)}") from None
    return finish() + "\n"
