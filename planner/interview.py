"""The kickoff interview: one translator from the question bank to prompts, the flow, and its screens."""

from __future__ import annotations

import functools
import gc
import textwrap
from pathlib import Path
from typing import Any, get_args

import prompt_toolkit.application.application as _pt_application
import questionary
from prompt_toolkit.application import get_app, get_app_session
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.defaults import load_key_bindings
from pydantic import BaseModel, create_model
from questionary import Choice

from planner.answers import fill, hint, parse, require_complete, section_key, shown
from planner.bank import (
    SECTION_KEYS,
    SECTIONS,
    Kind,
    Question,
    Section,
    completeness,
    core_type,
    kind_of,
    questions_in,
)
from planner.choices import label
from planner.errors import PlannerError, UsageError
from planner.model import Plan, field_at
from planner.report import closing, review_lines
from planner.store import Workspace, validate_slug


class Interrupted(PlannerError):
    """Ctrl-C or Ctrl-D at a prompt; every answer given so far is already on disk."""

    exit_code = 130


def start_up() -> None:
    """Make each prompt open fast; the interview calls it once, before the first prompt.

    prompt_toolkit rebuilds its ~1,800 stateless default key bindings for every Application (a
    questionary menu makes three): about 17 ms each. Built once, a menu opens in a third of the time
    after each Enter. And the imports live all run long: frozen out of the garbage collector's view,
    full collections no longer stall some prompts by ~100 ms.
    """
    # tests/test_interview.py fails if a new prompt_toolkit drops this attribute: then update this.
    cached = getattr(_pt_application, "load_key_bindings", None)
    if cached is not None and not hasattr(cached, "cache_info"):
        setattr(_pt_application, "load_key_bindings", functools.cache(load_key_bindings))  # noqa: B010
    gc.freeze()


SKIP = "\x00skip"
STYLE = questionary.Style([("instruction", "fg:ansibrightblack")])
_EOF_KEYS = KeyBindings()


_EMPTY_ENTER = KeyBindings()


@_EOF_KEYS.add("c-d")
def _end_of_input(event: Any) -> None:
    event.app.exit(exception=EOFError)


@_EMPTY_ENTER.add("enter", filter=Condition(lambda: not get_app().current_buffer.text))
def _skip_multiline(event: Any) -> None:
    """Enter on an empty multi-line answer skips it, as everywhere else (else Enter is a new line)."""
    event.current_buffer.validate_and_handle()


# ---------------------------------------------------------------- the translator


def _say(text: str, style: str = "") -> None:
    questionary.print(text, style=style)


def _ask(question: questionary.Question, menu: bool = False) -> Any:
    """Run one prompt; Ctrl-C and (in menus too) Ctrl-D raise, so the caller can stop cleanly."""
    if menu:
        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), _EOF_KEYS])
    return question.unsafe_ask(patch_stdout=False)


def ask_value(
    holder: BaseModel, name: str, kind: Kind, message: str, *, qmark: str = "?", optional: bool = False
) -> Any:
    """Ask for one field of `holder`, validated by the model's own rules; None means no answer.

    An empty answer is allowed where the field may be empty, or where `optional` says so.
    """
    info = type(holder).model_fields[name]
    current = getattr(holder, name, None)  # a draft record may lack required fields yet
    optional = optional or info.default is None or kind is Kind.multi_choice
    if kind in (Kind.choice, Kind.yes_no, Kind.multi_choice):
        picked = _choose(kind, core_type(info.annotation), message, qmark, current, optional)
        return parse(holder, name, kind, picked)

    def validate(raw: str) -> bool | str:
        try:
            parse(holder, name, kind, raw, optional=optional)
        except ValueError as exc:
            return str(exc)
        return True

    tail = "Esc then Enter to finish; Enter alone skips" if kind is Kind.long_text else ""
    tail = "; ".join(part for part in (hint(kind, info), tail) if part)
    raw = _ask(
        questionary.text(
            message,
            qmark=qmark,
            default=shown(current, kind),
            validate=validate,
            multiline=kind is Kind.long_text,
            key_bindings=_EMPTY_ENTER if kind is Kind.long_text else None,
            instruction=f"({tail})" if tail else None,
            style=STYLE,
        )
    )
    return parse(holder, name, kind, raw, optional=optional)


def _choose(kind: Kind, enum: Any, message: str, qmark: str, current: Any, optional: bool) -> Any:
    if kind is Kind.multi_choice:
        choices = [Choice(label(item), item.value, checked=item in current) for item in enum]
        picked = _ask(questionary.checkbox(message, choices=choices, qmark=qmark, style=STYLE), menu=True)
        return [enum(value) for value in picked]
    if kind is Kind.yes_no:
        choices = [Choice("yes", "yes", shortcut_key="y"), Choice("no", "no", shortcut_key="n")]
        default = SKIP if current is None else ("yes" if current else "no")
    else:
        choices = [Choice(label(item), item.value) for item in enum]
        default = SKIP if current is None else current.value
    if optional:
        skip = "(skip for now)" if current is None else "(clear this answer)"
        choices.insert(0, Choice(skip, SKIP, shortcut_key="s"))
    picked = _ask(
        questionary.select(
            message,
            choices=choices,
            default=default,
            qmark=qmark,
            use_shortcuts=True,
            use_jk_keys=False,
            style=STYLE,
        ),
        menu=True,
    )
    if picked == SKIP:
        return None
    return picked == "yes" if kind is Kind.yes_no else picked


# ---------------------------------------------------------------- one question, one section


class Session:
    """One interview of one plan; saves after every answer."""

    def __init__(self, workspace: Workspace, slug: str, plan: Plan) -> None:
        self.workspace, self.slug, self.plan = workspace, slug, plan
        self.stamp = self._stamp()

    def _stamp(self) -> tuple[int, int, int] | None:
        """What the file looked like when this session last read or wrote it."""
        try:
            info = self.workspace.plan_file(self.slug).stat()
        except OSError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    def save(self) -> None:
        self.workspace.save(self.slug, self.plan)
        self.stamp = self._stamp()

    def put(self, path: str, value: Any) -> None:
        """Save one answer into the plan as it is on disk now, so edits made meanwhile (by hand, or
        by a second interview) are kept rather than overwritten by this session's older copy."""
        with self.workspace.editing():
            try:
                latest = self.plan if self._stamp() == self.stamp else self.workspace.load(self.slug)
            except PlannerError as exc:
                raise PlannerError(
                    f"{self.workspace.shown(self.workspace.plan_file(self.slug))} was changed outside this "
                    f"interview and cannot be read now, so your answer to {path} was not saved:\n{exc}\n"
                    f"Fix the file, then run `planner interview {self.slug}` to go on"
                ) from exc
            parent, _, name = path.rpartition(".")
            setattr(field_at(latest, parent) if parent else latest, name, value)
            self.plan = latest
            self.save()

    def ask(self, question: Question) -> None:
        parent, _, name = question.field.rpartition(".")
        holder: BaseModel = field_at(self.plan, parent) if parent else self.plan
        if question.kind not in (Kind.list, Kind.items):
            self.put(question.field, ask_value(holder, name, question.kind, question.prompt))
            return
        annotation: Any = type(holder).model_fields[name].annotation
        record, existing = core_type(annotation), list(getattr(holder, name))
        _say(f"? {question.prompt}", "bold")
        first = (
            "an empty answer" if question.kind is Kind.list else f"an empty {next(iter(record.model_fields))}"
        )
        _say(f"  One at a time; {first} ends the list.", "fg:ansibrightblack")
        if existing:
            _say("  Enter keeps an entry as it is; clearing it removes it.", "fg:ansibrightblack")
        kept: list[Any] = []
        while True:
            old = existing.pop(0) if existing else None
            if question.kind is Kind.list:
                entry = ask_value(
                    _entry(annotation)(value=old), "value", Kind.text, f"{len(kept) + 1}.", qmark="  ›"
                )
            else:
                entry = self.ask_record(record, old, len(kept) + 1)
            kept += [entry] if entry is not None else []
            if entry is not None or old is not None:
                self.put(question.field, [*kept, *existing])
            if old is None and entry is None:
                return

    def ask_record(self, record: type[BaseModel], old: BaseModel | None, number: int) -> Any:
        """One list entry (a rule, a metric...), field by field, with the model's descriptions as help."""
        values: dict[str, Any] = {}
        for position, (name, info) in enumerate(record.model_fields.items()):
            if info.description:
                _say(f"    {info.description}", "fg:ansicyan")
            draft = record.model_construct(**{**(dict(old) if old else {}), **values})
            message = f"{record.__name__.lower()} {number} · {name.replace('_', ' ')}"
            # The first field may be left empty: that ends the list (or removes this entry).
            value = ask_value(draft, name, kind_of(info), message, qmark="  ›", optional=position == 0)
            if position == 0 and value is None:
                return None
            if value is not None:
                values[name] = value
        return record(**values)

    def section(self, key: str, again: bool) -> None:
        """Ask a section's applicable questions: all of them if `again`, else the unanswered ones."""
        number, sec = SECTION_KEYS.index(key) + 1, SECTIONS[SECTION_KEYS.index(key)]
        questions = questions_in(key)

        def pending(after: int) -> list[Question]:
            return [
                q for q in questions[after:] if q.applies(self.plan) and (again or not q.answered(self.plan))
            ]

        if not pending(0):
            return
        _intro(number, sec)
        for position, question in enumerate(questions):
            if not (question.applies(self.plan) and (again or not question.answered(self.plan))):
                continue
            left = len(pending(position + 1))
            more = "last one in this section" if not left else f"{left} more in this section"
            _say(f"\n{number}/{len(SECTIONS)} {sec.title} · {more}", "fg:ansibrightblack")
            _say(question.help, "fg:ansicyan")
            self.ask(question)


@functools.cache
def _entry(annotation: Any) -> type[BaseModel]:
    """A one-field model holding a list entry under the list's own element rules, while it is asked."""
    element = get_args(annotation)[0]
    return create_model("Entry", value=(element | None, None))


def _intro(number: int, sec: Section) -> None:
    width = min(get_app_session().output.get_size().columns - 2, 96)
    _say(f"\n━━ {number}/{len(SECTIONS)}  {sec.title} " + "━" * max(0, width - len(sec.title) - 9), "bold")
    for line in textwrap.wrap(sec.why, width):
        _say(line, "italic")


# ---------------------------------------------------------------- the whole interview


def run(
    workspace: Workspace,
    slug: str | None,
    *,
    section: str | None = None,
    answers: Path | None = None,
    no_input: bool = False,
    terminal: bool = True,
) -> str:
    """Run `planner interview`; returns the closing screen. Prompts only when a terminal is there."""
    key = section_key(section) if section else None
    if slug is not None:
        validate_slug(slug)
    if answers is not None or no_input:
        if key or slug is None:
            how = "--answers FILE" if answers is not None else "--no-input"
            raise UsageError(f"{how} needs a plan name and no --section; run `planner interview SLUG {how}`")
        plan = fill(workspace, slug, answers) if answers is not None else workspace.load(slug)
        if no_input:
            require_complete(slug, plan)
        return closing(workspace.shown(workspace.plan_file(slug)), slug, plan, saved=answers is not None)
    if not terminal:
        raise UsageError(
            "no terminal to ask questions on (input or output is redirected); pass answers with "
            "`planner interview SLUG --answers FILE`, or list what is unanswered with `--no-input`"
        )
    start_up()
    session: Session | None = None
    try:
        session = _open(workspace, slug)
        if key:
            session.section(key, again=True)
        else:
            for each in SECTION_KEYS:
                session.section(each, again=False)
            _review(session)
    except (KeyboardInterrupt, EOFError):
        if session is None:
            raise Interrupted("Stopped before the plan was created; nothing was saved.") from None
        where = workspace.shown(workspace.plan_file(session.slug))
        done = completeness(session.plan).answered
        raise Interrupted(
            f"Stopped. All {done} answers so far are saved in {where}.\n"
            f"Resume with: planner interview {session.slug}"
        ) from None
    return closing(workspace.shown(workspace.plan_file(session.slug)), session.slug, session.plan)


def _open(workspace: Workspace, slug: str | None) -> Session:
    """Load the plan, or ask for a name and title and create it."""
    if slug is None:
        known = workspace.slugs()
        _say("Name the plan: lowercase words joined by dashes, e.g. fraud-screening.", "fg:ansicyan")
        if known:
            _say(f"Existing plans (type one to resume it): {', '.join(known)}", "fg:ansicyan")

        def valid(text: str) -> bool | str:
            try:
                validate_slug(text.strip())
            except UsageError as exc:
                return str(exc)
            return True

        slug = str(_ask(questionary.text("Plan name?", validate=valid, style=STYLE))).strip()
    if workspace.exists(slug):
        plan = workspace.load(slug)
        report = completeness(plan)
        _say(f"Resuming '{slug}': {report.answered} of {report.applicable} answered.", "bold")
    else:
        _say(f"A new plan: {workspace.shown(workspace.plan_file(slug))}", "bold")
        title = ask_value(Plan.model_construct(title=""), "title", Kind.text, "Title of the plan?")
        plan = Plan(title=title)
        workspace.create(slug, plan)
    _say("Enter on an empty answer skips a question; Ctrl-C stops, and every answer is saved.", "italic")
    return Session(workspace, slug, plan)


def _review(session: Session) -> None:
    """The closing review: a summary per section, and a way back into any of them."""
    while True:
        _say("\n━━ Review " + "━" * 40, "bold")
        for text in review_lines(session.plan):
            _say(text)
        choices = [Choice("Finish", "finish", shortcut_key="f")]
        choices += [Choice(f"Reopen {n}. {sec.title}", sec.key) for n, sec in enumerate(SECTIONS, start=1)]
        picked = _ask(
            questionary.select(
                "Finish, or reopen a section to change it?",
                choices=choices,
                use_shortcuts=True,
                use_jk_keys=False,
                style=STYLE,
            ),
            menu=True,
        )
        if picked == "finish":
            return
        session.section(picked, again=True)
