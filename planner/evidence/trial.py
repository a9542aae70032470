"""Be the algorithm: `planner try` sessions saved as they go, spreadsheet imports, agreement and the human score."""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from planner.core import formatting, jsonline
from planner.core.errors import UsageError
from planner.core.stats import kappa, median
from planner.evidence.sample import TABLE, Sample, SampleError, sql_name
from planner.plan.files import cannot_write
from planner.plan.model import MeasuredByHand, Plan, SampleInfo
from planner.plan.workspace import Workspace

FOLDER = "by-hand"  # plans/SLUG/by-hand/PERSON.jsonl: one file per person, one line per answer
MAX_CHOICES = 30  # more distinct gold values than this: the label is typed, not picked


@dataclass
class Answer:
    row: int  # 1-based position in the sample file
    label: str | None  # None: skipped
    seconds: float | None = None
    hard: bool = False
    note: str | None = None


@dataclass
class Session:
    """One person's answers on one sample, in the order given."""

    person: str
    path: Path
    sample: dict[str, Any]
    answers: list[Answer] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # lines skipped or repaired, each with why
    handle: IO[bytes] | None = None  # open and locked while this process records answers

    @property
    def done(self) -> set[int]:
        return {answer.row for answer in self.answers}

    def close(self) -> None:
        """End the session: closing the file releases its lock for the person's next session."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None


PERSON_MAX = 64  # characters of a name kept in a session file's name


def person_name(person: str) -> str:
    """A name as typed, in one Unicode form (NFC) with its spacing tidied: `Zoë` typed with a
    combining mark or as one character is one person."""
    return " ".join(unicodedata.normalize("NFC", person).split())


def person_file(workspace: Workspace, slug: str, person: str) -> Path:
    """plans/SLUG/by-hand/NAME.jsonl: the name case-folded, letters and digits of every script kept
    (`Zoë` and `Zoé` are two people, `Иван` is one), everything else a dash."""
    folded = unicodedata.normalize("NFC", person_name(person).casefold())
    name = re.sub(r"[\W_]+", "-", folded).strip("-")
    if not name:
        raise UsageError(f"{person!r} cannot name a session file; give a name with letters, e.g. --as ana")
    if len(name) > PERSON_MAX:
        raise UsageError(
            f"the name {person[:40]!r}... is {len(name):,} characters long; give a name of at most "
            f"{PERSON_MAX} (e.g. --as ana)"
        )
    return workspace.plan_dir(slug) / FOLDER / f"{name}.jsonl"


def read_session(path: Path, shown: str) -> Session | None:
    """A session file. A line that is not an answer (cut off by a crash, or glued to the next answer
    by an older planner) is skipped and named in `problems`: its example counts as not done."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        header = jsonline.loads(lines[0])
        person, sample = person_name(str(header["person"])), dict(header["sample"])
    except (IndexError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{shown}: not a planner try session; move it away and run again") from exc
    session = Session(person, path, sample)
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        try:
            session.answers.append(_answer(jsonline.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            cut = " (cut off when it was written)" if number == len(lines) else ""
            session.problems.append(
                f"{shown}:{number}: not an answer line{cut}: {_reason(exc)}; skipped, so its example "
                "is asked again"
            )
    return session


def _answer(data: Any) -> Answer:
    label, note = data.get("label"), data.get("note")
    seconds = data.get("seconds")
    return Answer(
        int(data["row"]),
        None if label is None else str(label),
        float(seconds) if seconds is not None else None,
        bool(data.get("hard")),
        None if note is None else str(note),
    )


def _reason(exc: Exception) -> str:
    text = (
        str(exc)
        if isinstance(exc, ValueError)
        else f"no {exc}"
        if isinstance(exc, KeyError)
        else "not a record"
    )
    return text if len(text) <= 80 else text[:77] + "..."


def _append(session: Session, record: dict[str, Any]) -> None:
    """One line, flushed and synced: Ctrl-C or a crash loses at most the answer being typed. A write
    that fails (disk full, file-size limit) is cut back, so no half line is left to glue onto the next."""
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    handle = session.handle
    if handle is None:  # pragma: no cover - open_session always opens it
        raise UsageError(f"{session.path}: the session is closed; run `planner try` again")
    end = handle.seek(0, os.SEEK_END)
    try:
        written = 0
        while written < len(line):
            written += handle.write(line[written:]) or 0
        os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):  # else the next session's repair cuts the half line
            handle.truncate(end)
        raise cannot_write(session.path, exc) from exc


def _lock(handle: IO[bytes]) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock (Windows): one session per person is on trust
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _repair_end(handle: IO[bytes], shown: str) -> str | None:
    """A file whose last line has no newline was cut off mid-write: a complete answer gets its newline,
    a half one is cut away (else the next answer would be glued onto it)."""
    end = handle.seek(0, os.SEEK_END)
    if end == 0:
        return None
    handle.seek(max(0, end - 1))
    if handle.read(1) == b"\n":
        return None
    handle.seek(0)
    data = handle.read()
    start = data.rfind(b"\n") + 1
    try:
        _answer(jsonline.loads(data[start:].decode("utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        handle.truncate(start)
        number = data.count(b"\n", 0, start) + 1
        return (
            f"{shown}:{number}: its last line was cut off when it was written (disk full, or planner "
            "stopped mid-write); removed, so its example is asked again"
        )
    handle.write(b"\n")
    return None


def open_session(workspace: Workspace, slug: str, person: str, sample: Sample, gold: str | None) -> Session:
    """This person's session on this sample, locked for this process: resumed if it exists (a cut-off
    last line repaired), refused if it is on another sample or open in another terminal."""
    person = person_name(person)
    path = person_file(workspace, slug, person)
    shown = workspace.shown(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+b", buffering=0)  # unbuffered: a failed write is cut back whole
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        if not _lock(handle):
            raise UsageError(
                f"{person}'s session ({shown}) is open in another terminal; finish or stop it there first "
                "(two sessions at once would record the same examples twice)"
            )
        repaired = _repair_end(handle, shown)
        session = read_session(path, shown) if handle.seek(0, os.SEEK_END) else None
        if session is not None:
            if session.sample.get("sha256") != sample.sha256:
                raise UsageError(
                    f"{shown} holds {session.person}'s session on another sample "
                    f"({session.sample.get('file')}, sha256 {str(session.sample.get('sha256'))[:12]}…); finish "
                    "it with that file, or move the session file away to start over"
                )
            session.problems[:0] = [repaired] if repaired else []
            session.handle = handle
            return session
        header = {"file": sample.file, "rows": sample.rows, "sha256": sample.sha256, "gold": gold}
        started = datetime.now(UTC).isoformat(timespec="seconds")
        session = Session(person, path, header, handle=handle)
        _append(session, {"person": person, "sample": header, "started": started})
        return session
    except BaseException:
        handle.close()
        raise


def save_answer(session: Session, answer: Answer) -> None:
    record: dict[str, Any] = {"row": answer.row, "label": answer.label}
    if answer.seconds is not None:
        record["seconds"] = round(answer.seconds, 2)
    if answer.hard:
        record["hard"] = True
    if answer.note:
        record["note"] = answer.note
    _append(session, record)
    session.answers.append(answer)


def sessions_on(workspace: Workspace, slug: str, sha256: str) -> list[Session]:
    folder = workspace.plan_dir(slug) / FOLDER
    found = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        session = read_session(path, workspace.shown(path))
        if session is not None and session.sample.get("sha256") == sha256:
            found.append(session)
    return found


# ---------------------------------------------------------------- the sample's rows


@dataclass(frozen=True)
class Example:
    row: int
    values: dict[str, Any]
    gold: str | None


def examples(sample: Sample, gold: str | None, count: int) -> list[Example]:
    """The first `count` rows of the sample, in file order (everyone sees the same examples)."""
    if gold is not None:
        sample.require_column(gold, "--gold")
    names, rows = sample.fetch(f"SELECT * FROM {TABLE} ORDER BY rowid LIMIT {int(count)}")
    found = []
    for number, row in enumerate(rows, 1):
        values = dict(zip(names, row, strict=True))
        answer = values.pop(gold) if gold is not None else None
        found.append(Example(number, values, None if answer is None else str(answer)))
    return found


def choices(plan: Plan, sample: Sample, gold: str | None) -> list[str]:
    """The labels offered: the plan's outcomes, else the gold column's values, else what rules predict."""
    if plan.product.outcomes:
        return list(plan.product.outcomes)
    if gold is not None:
        values = sample.query(
            f"SELECT DISTINCT CAST({sql_name(gold)} AS VARCHAR) AS v FROM {TABLE} WHERE v IS NOT NULL "
            f"ORDER BY v LIMIT {MAX_CHOICES + 1}"
        )
        if len(values) <= MAX_CHOICES:
            return [str(value[0]) for value in values]
    predicted = [rule.predicts for rule in plan.heuristics.rules if rule.predicts]
    return list(dict.fromkeys(predicted))


def check_gold(plan: Plan, sample: Sample, gold: str | None) -> None:
    """A gold column with values the plan's outcomes do not list is refused before anyone labels."""
    outcomes = plan.product.outcomes
    if gold is None or not outcomes:
        return
    sample.require_column(gold, "--gold")
    listed = ", ".join("'" + outcome.replace("'", "''") + "'" for outcome in outcomes)
    found = sample.query(
        f"SELECT CAST({sql_name(gold)} AS VARCHAR) AS v, count(*) FROM {TABLE} "
        f"WHERE v IS NOT NULL AND v NOT IN ({listed}) GROUP BY v ORDER BY 2 DESC, 1 LIMIT 5"
    )
    if found:
        shown = ", ".join(f"{value!r} ({count:,} rows)" for value, count in found)
        raise SampleError(
            f"the gold column {gold!r} of {sample.file} holds values product.outcomes does not list: "
            f"{shown}; add them to product.outcomes ({', '.join(outcomes)}) or fix the sample"
        )


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Labels:
    """Everyone's labels by row, the gold answers, and what was timed and noted."""

    people: dict[str, dict[int, str]]
    gold: dict[int, str]
    seconds: list[float] = field(default_factory=list)
    noticed: list[str] = field(default_factory=list)
    hard: list[str] = field(default_factory=list)


def from_sessions(sessions: list[Session], gold: dict[int, str]) -> Labels:
    people: dict[str, dict[int, str]] = {}
    seconds, noticed, hard = [], [], []
    for session in sessions:
        mine = people.setdefault(session.person, {})
        for answer in session.answers:
            if answer.label is not None:
                mine[answer.row] = answer.label
                if answer.seconds is not None:
                    seconds.append(answer.seconds)
            where = f"row {answer.row} ({session.person})"
            if answer.hard:
                hard.append(f"{where}: {answer.note}" if answer.note else where)
            elif answer.note:
                noticed.append(f"{where}: {answer.note}")
    return Labels(people, gold, seconds, noticed, hard)


def results(labels: Labels, info: SampleInfo) -> MeasuredByHand:
    people = [name for name, given in labels.people.items() if given]
    rows = set().union(*(set(given) for given in labels.people.values())) if labels.people else set()
    answers = sum(len(given) for given in labels.people.values())
    judged = [
        (label, labels.gold[row])
        for given in labels.people.values()
        for row, label in given.items()
        if row in labels.gold
    ]
    shared_rows = sorted(
        row for row in rows if len(people) >= 2 and all(row in labels.people[name] for name in people)
    )
    table = [[labels.people[name][row] for name in people] for row in shared_rows]
    agreement = kappa(table) if table else None
    minutes = median(labels.seconds)
    return MeasuredByHand(
        sample=info,
        people=people,
        examples=len(rows),
        answers=answers,
        minutes_per_example=None if minutes is None else round(minutes / 60, 3),
        correct=sum(label == truth for label, truth in judged) if judged else None,
        judged=len(judged) if judged else None,
        shared=len(shared_rows) if len(people) >= 2 else None,
        agreed=sum(len(set(row)) == 1 for row in table) if len(people) >= 2 else None,
        kappa=None if agreement is None else round(max(-1.0, min(1.0, agreement)), 4),
        noticed=labels.noticed,
        hard_cases=labels.hard,
    )


def gold_of(sample: Sample, gold: str | None) -> dict[int, str]:
    if gold is None:
        return {}
    rows = sample.query(
        f"SELECT row_number() OVER (ORDER BY rowid), CAST({sql_name(gold)} AS VARCHAR) FROM {TABLE}"
    )
    return {int(row): str(value) for row, value in rows if value is not None}


def record(workspace: Workspace, slug: str, measured: MeasuredByHand) -> Path:
    """Write the results into the plan (by_hand.measured), under the workspace lock."""
    with workspace.editing():
        plan = workspace.load(slug)
        plan.by_hand.measured = measured
        workspace.save(slug, plan)
    return workspace.plan_file(slug)


def import_labels(
    workspace: Workspace, slug: str, sample: Sample, people: list[str], gold: str | None
) -> MeasuredByHand:
    """A spreadsheet with one column per person (and maybe a gold column) instead of sessions."""
    plan = workspace.load(slug)
    if not people:
        raise UsageError(
            f"name the people's columns of {sample.file} with --people (e.g. --people ana,bo); "
            f"its columns are: {sample.column_list()}"
        )
    for name in people:
        sample.require_column(name, "--people column")
    check_gold(plan, sample, gold)
    for name in people:
        check_gold(plan, sample, name)
    wanted = ", ".join(f"CAST({sql_name(name)} AS VARCHAR)" for name in people)
    rows = sample.query(f"SELECT {wanted} FROM {TABLE} ORDER BY rowid")
    given: dict[str, dict[int, str]] = {name: {} for name in people}
    for number, row in enumerate(rows, 1):
        for name, value in zip(people, row, strict=True):
            if value is not None and str(value).strip():
                given[name][number] = str(value).strip()
    return results(Labels(given, gold_of(sample, gold)), sample.info(gold))


def run_import(workspace: Workspace, slug: str, path: Path, people: str | None, gold: str | None) -> str:
    """`planner try SLUG --import FILE --people A,B`: results from a spreadsheet, written into the plan."""
    from planner.evidence.measure import shown_sample
    from planner.evidence.sample import open_sample

    names = [name.strip() for name in (people or "").split(",") if name.strip()]
    text = tuple(filter(None, [*names, gold]))  # compared as text with the plan's outcomes
    with open_sample(path, shown_sample(workspace, path), text=text) as sample:
        measured = import_labels(workspace, slug, sample, names, gold)
    written = record(workspace, slug, measured)
    return "\n".join([*summary(measured), f"saved in {workspace.shown(written)} (by_hand.measured)"])


def summary(measured: MeasuredByHand) -> list[str]:
    """The results in a few lines, for the end of a session or an import."""
    from planner.core.stats import wilson
    from planner.judgement.measured import agreement

    def many(count: int, word: str) -> str:
        return f"{count:,} {word}{'' if count == 1 else 's'}"

    lines = [
        f"{many(measured.examples, 'example')}, {many(measured.answers, 'label')} by {', '.join(measured.people)}"
    ]
    if measured.minutes_per_example is not None:
        lines.append(f"median time per example: {measured.minutes_per_example * 60:.0f} s")
    if measured.correct is not None and measured.judged:
        low, high = wilson(measured.correct, measured.judged) or (0.0, 0.0)
        lines.append(
            f"human score against the gold column: {formatting.share(measured.correct / measured.judged)} "
            f"(95% CI {formatting.share(low)}-{formatting.share(high)}, {many(measured.judged, 'label')})"
        )
    share = agreement(measured)
    if share is not None:
        kind = "Cohen's" if len(measured.people) == 2 else "Fleiss'"
        k = "-" if measured.kappa is None else f"{measured.kappa:.2f}"
        lines.append(
            f"agreement: {formatting.share(share)} of {measured.shared} shared examples, {kind} kappa {k}"
        )
    if measured.hard_cases:
        lines.append(f"hard cases: {len(measured.hard_cases)}")
    return lines


def iter_columns(example: Example) -> Iterator[tuple[str, str]]:
    for name, value in example.values.items():
        yield name, "" if value is None else str(value)
