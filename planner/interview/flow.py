"""The kickoff interview: one translator from the question bank to prompts, the flow, and its keys."""

from __future__ import annotations

import functools
import gc
import math
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args

import prompt_toolkit.application.application as _pt_application
import questionary
from prompt_toolkit.application import get_app, get_app_session
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.defaults import load_key_bindings
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.utils import explode_text_fragments
from pydantic import BaseModel, ValidationError, create_model
from questionary import Choice
from questionary.prompts.common import InquirerControl
from wcwidth import wcwidth

from planner.cli.views import closing, format_value, review_lines
from planner.core.errors import Interrupted, PlannerError, UsageError
from planner.core.inert import one_line, terminal_safe
from planner.plan.answers import amount, fill, hint, parse, require_complete, section_key, shown
from planner.plan.choices import Verdict, label
from planner.plan.model import Decision, Plan, field_at, is_answered
from planner.plan.questions import (
    BY_FIELD,
    QUESTIONS,
    SECONDS_PER_ANSWER,
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
from planner.plan.workspace import Workspace, validate_slug

__all__ = ["Interrupted", "run", "start_up"]

BACK_KEY, CLEAR_KEY = "Shift-Tab", "Ctrl-X"
DEPTHS = ("essentials", "full")
# How list records read in prompts: "FAQ entry 1: question", not `faqentry 1 · question`.
NOUNS = {"FaqEntry": "FAQ entry", "DataSource": "data source", "Rule": "rule", "Metric": "metric"}


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


class _Signal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


BACK, CLEAR, SKIP = _Signal("BACK"), _Signal("CLEAR"), "\x00skip"
STYLE = questionary.Style([("instruction", "fg:ansibrightblack")])


def _keys(*, clear: bool, back: bool = True) -> KeyBindings:
    """The keys every prompt shares: back one question, remove an answer, Ctrl-D stops."""
    keys = KeyBindings()

    @keys.add("s-tab", eager=True, filter=Condition(lambda: back))
    def _back(event: Any) -> None:
        event.app.exit(result=BACK)

    @keys.add("c-d", filter=Condition(lambda: not get_app().current_buffer.text), eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError)

    if clear:

        @keys.add("c-x", eager=True)
        def _clear(event: Any) -> None:
            event.app.exit(result=CLEAR)

    return keys


_LONG = KeyBindings()


@_LONG.add("enter", eager=True)
def _finish(event: Any) -> None:
    """Enter finishes a long answer as it finishes every other one; Alt-Enter starts a new line."""
    event.current_buffer.validate_and_handle()


@_LONG.add("escape", "enter", eager=True)
@_LONG.add("c-j", eager=True)
def _new_line(event: Any) -> None:
    event.current_buffer.insert_text("\n")


def word_wrap(text: str, width: int, start: int = 0) -> dict[int, int]:
    """Where a line of `text` needs padding so no word is cut at the right edge: {index: spaces}.
    `start` is the column the line starts at."""
    pads, column = {}, start
    for index, char in enumerate(text):
        if width > 0 and char != " " and (index == 0 or text[index - 1] == " "):
            end = text.find(" ", index)
            length = sum(max(wcwidth(c), 0) for c in text[index : end if end >= 0 else len(text)])
            position = column % width
            if position and position + length > width and length <= width:
                pads[index] = width - position
                column += width - position
        column += max(wcwidth(char), 0)
    return pads


class _WordWrap(Processor):
    """Long answers wrap between words at the terminal's full width, as prose does, not mid-word."""

    def apply_transformation(self, ti: TransformationInput) -> Transformation:
        chars = explode_text_fragments(ti.fragments)
        # questionary ends the prompt with a space, so the answer's first line starts at column 1.
        pads = word_wrap("".join(char[1] for char in chars), ti.width, 1 if ti.lineno == 0 else 0)
        if not pads:
            return Transformation(ti.fragments)
        out: list[Any] = []
        where: list[int] = []
        for index, char in enumerate(chars):
            out += [("", " ")] * pads.get(index, 0)
            where.append(len(out))
            out.append(char)
        where.append(len(out))

        def to_display(position: int) -> int:
            return where[position] if position < len(where) else position + len(out) - len(chars)

        def to_source(position: int) -> int:
            return max((i for i, shown in enumerate(where) if shown <= position), default=0)

        return Transformation(out, to_display, to_source)


def _say(text: str, style: str = "") -> None:
    questionary.print(terminal_safe(text), style=style)


def _ask(question: questionary.Question, *extra: KeyBindings) -> Any:
    """Run one prompt with the shared keys; Ctrl-C raises, so the caller can stop cleanly."""
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), *extra])
    return question.unsafe_ask(patch_stdout=False)


PICK_TIP = "(↑↓, j/k, a number or letters to jump; Enter picks)"


def _menu(
    message: str, choices: list[Choice], tip: str, *keys: KeyBindings, yes_no: bool = False, **options: Any
) -> Any:
    """One menu, as all the interview's menus work: letters jump (numbers too, unless
    `use_shortcuts=False`), j and k move, y and n answer a yes/no menu; `keys` add the prompt's own
    keys (Shift-Tab, Ctrl-X)."""
    options.setdefault("use_shortcuts", True)
    question = questionary.select(
        message, choices=choices, use_jk_keys=False, instruction=tip, style=STYLE, **options
    )
    return _ask(question, _menu_keys(question, yes_no), *keys)


def _menu_keys(question: questionary.Question, yes_no: bool) -> KeyBindings:
    """j and k move as the arrows do; typing letters jumps to the choice whose words start with them;
    y and n answer a yes/no question at once."""
    control = next(
        c for c in question.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    )
    keys, typed = KeyBindings(), [""]

    def move(step: int) -> None:
        count = len(control.choices)
        for _ in range(count):
            control.pointed_at = (control.pointed_at + step) % count
            if control.is_selection_valid():
                return

    keys.add("j", eager=True)(lambda event: move(1))
    keys.add("k", eager=True)(lambda event: move(-1))

    def jump(event: Any) -> None:
        key = event.key_sequence[0].key
        typed[0] = typed[0][:-1] if key == "c-h" else typed[0] + key.lower()
        for attempt in (typed[0], typed[0][-1:]):
            for index, choice in enumerate(control.choices):
                words = str(choice.title).lower().replace("(", " ").split()
                if attempt and not choice.disabled and any(word.startswith(attempt) for word in words):
                    control.pointed_at, typed[0] = index, attempt
                    return

    for letter in "abcdefghilmnopqrstuvwxyz":
        keys.add(letter, eager=True)(jump)
    keys.add("backspace", eager=True)(jump)
    if yes_no:
        for letter, value in (("y", "yes"), ("n", "no")):
            keys.add(letter, eager=True)(functools.partial(_pick, value))
    return keys


def _pick(value: str, event: Any) -> None:
    event.app.exit(result=value)


# ---------------------------------------------------------------- the translator


def ask_value(
    holder: BaseModel, name: str, kind: Kind, message: str, *, qmark: str = "?", optional: bool = False
) -> Any:
    """Ask for one field of `holder`, validated by the model's own rules.

    Returns the new value, None when left (or made) empty, or BACK. Enter keeps an existing answer;
    removing it is an explicit key (Ctrl-X), so clearing the line by accident loses nothing.
    """
    info = type(holder).model_fields[name]
    current = getattr(holder, name, None)  # a draft record may lack required fields yet
    optional = optional or info.default is None or kind is Kind.multi_choice
    if kind in (Kind.choice, Kind.yes_no, Kind.multi_choice):
        picked = _choose(kind, core_type(info.annotation), message, qmark, current, optional)
        if picked is BACK:
            return BACK
        return None if picked is CLEAR else parse(holder, name, kind, picked)

    # prompt_toolkit shows most control characters as ^[, but sends direction overrides (from a
    # hand-edited file) to the terminal as they are: the answer is edited from a safe copy.
    start = terminal_safe(shown(current, kind))

    def validate(raw: str) -> bool | str:
        if (not raw.strip() or raw == start) and is_answered(current):
            return True  # keeps the answer
        try:
            parse(holder, name, kind, raw, optional=optional)
        except ValueError as exc:
            return str(exc)
        return True

    tips = [hint(kind, info)]
    tips.append("Enter finishes, Alt-Enter starts a new line" if kind is Kind.long_text else "")
    tips.append(f"{CLEAR_KEY} removes it" if is_answered(current) and optional else "")
    tail = "; ".join(tip for tip in tips if tip)
    long = kind is Kind.long_text
    wrapping: dict[str, Any] = {"input_processors": [_WordWrap()], "prompt_continuation": ""} if long else {}
    raw = _ask(
        questionary.text(
            message,
            qmark=qmark,
            default=start,
            validate=validate,
            multiline=long,
            # A long answer starts on its own line, so it wraps at the terminal's full width.
            instruction=(f"({tail})" if tail else "") + ("\n" if long else "") or None,
            style=STYLE,
            **wrapping,
        ),
        *([_LONG] if long else []),
        _keys(clear=optional and is_answered(current)),
    )
    if raw is BACK:
        return BACK
    if raw is CLEAR:
        return None
    if (not str(raw).strip() or raw == start) and is_answered(current):
        return current  # kept as the file has it, not as the prompt showed it
    return parse(holder, name, kind, raw, optional=optional)


def _choose(kind: Kind, enum: Any, message: str, qmark: str, current: Any, optional: bool) -> Any:
    clear = optional and is_answered(current)
    if kind is Kind.multi_choice:
        choices = [Choice(label(item), item.value, checked=item in current) for item in enum]
        question = questionary.checkbox(
            message,
            choices=choices,
            qmark=qmark,
            style=STYLE,
            instruction="(Space ticks, Enter when done; ↑↓ or j/k move, letters jump)",
        )
        picked = _ask(question, _menu_keys(question, False), _keys(clear=clear))
        if picked in (BACK, CLEAR):
            return picked
        chosen = [enum(value) for value in picked]
        _say(f"  chosen: {', '.join(label(item) for item in chosen) or 'nothing'}", "fg:ansicyan")
        return chosen
    if kind is Kind.yes_no:
        choices = [Choice("yes", "yes"), Choice("no", "no")]
        default = SKIP if current is None else ("yes" if current else "no")
    else:
        choices = [Choice(label(item), item.value) for item in enum]
        default = SKIP if current is None else current.value
    for index, choice in enumerate(choices):
        choice.shortcut_key = "123456789"[index] if index < 9 else False
    if optional:
        choices.insert(
            0, Choice("(skip for now)" if current is None else "(clear this answer)", SKIP, shortcut_key="0")
        )
    tip = "(y or n, Enter keeps)" if kind is Kind.yes_no else PICK_TIP
    picked = _menu(
        message, choices, tip, _keys(clear=clear), default=default, qmark=qmark, yes_no=kind is Kind.yes_no
    )
    if picked in (BACK, CLEAR):
        return picked
    if picked == SKIP:
        return CLEAR if current is not None else None
    return picked == "yes" if kind is Kind.yes_no else picked


# ---------------------------------------------------------------- one interview session


class Session:
    """One interview of one plan; saves after every answer."""

    def __init__(self, workspace: Workspace, slug: str, plan: Plan) -> None:
        self.workspace, self.slug, self.plan = workspace, slug, plan
        self.stamp = self._stamp()
        self.saved = 0  # answers saved in this session
        self.new = False  # created by this session (it holds only a title until the first answer)
        self.passed: set[str] = set()  # questions reached in this session: their follow-ups are decided
        self.typing: tuple[str, int, dict[str, Any]] = ("", 0, {})  # the list entry being typed, if any
        self.lost = ""  # what a Ctrl-C inside a list entry kept or dropped, for the goodbye message

    @property
    def where(self) -> str:
        return self.workspace.shown(self.workspace.plan_file(self.slug))

    def _stamp(self) -> tuple[int, int, int] | None:
        """What the file looked like when this session last read or wrote it."""
        try:
            info = self.workspace.plan_file(self.slug).stat()
        except OSError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    def put(self, path: str, value: Any) -> None:
        """Save one answer into the plan as it is on disk now, so edits made meanwhile (by hand, or
        by a second interview) are kept rather than overwritten by this session's older copy."""
        with self.workspace.editing():
            try:
                latest = self.plan if self._stamp() == self.stamp else self.workspace.load(self.slug)
            except PlannerError as exc:
                raise PlannerError(
                    f"{self.where} was changed outside this interview and cannot be read now, so your answer to "
                    f"{path} was not saved:\n{exc}\nFix the file, then run `planner interview {self.slug}` to go on"
                ) from exc
            parent, _, name = path.rpartition(".")
            setattr(field_at(latest, parent) if parent else latest, name, value)
            self.plan = latest
            self.workspace.save(self.slug, self.plan)
            self.stamp = self._stamp()
            self.saved += 1

    # ------------------------------------------------------------ counts that only go down

    def may_apply(self, question: Question) -> bool:
        """Whether a question applies, or may still: its condition's question is not reached yet
        (and may itself still apply)."""
        return all(
            when.holds(self.plan)
            or (
                when.field not in self.passed
                and not is_answered(field_at(self.plan, when.field))
                and (when.field not in BY_FIELD or self.may_apply(BY_FIELD[when.field]))
            )
            for when in question.when
        )

    def progress(self, scope: Iterable[Question]) -> tuple[int, int]:
        """N of M answered, where M only goes down as follow-ups turn out not to apply."""
        counted = [q for q in scope if self.may_apply(q)]
        return sum(q.applies(self.plan) and q.answered(self.plan) for q in counted), len(counted)

    # ------------------------------------------------------------ asking

    def ask(self, question: Question) -> Any:
        """Ask one question (a whole list for list questions); returns BACK if the team went back."""
        parent, _, name = question.field.rpartition(".")
        holder: BaseModel = field_at(self.plan, parent) if parent else self.plan
        if question.kind not in (Kind.list, Kind.items):
            if self.is_money(holder, name):  # an empty answer there is a skip, not a second prompt
                value = self.ask_money(holder, name, question)
            else:
                value = ask_value(holder, name, question.kind, question.prompt)
            if value is BACK:
                return BACK
            if value != getattr(holder, name):
                self.put(question.field, value)
            return None
        annotation: Any = type(holder).model_fields[name].annotation
        record, existing = core_type(annotation), list(getattr(holder, name))
        _say(f"? {question.prompt}", "bold")
        first = (
            "an empty answer"
            if question.kind is Kind.list
            else f"an empty {next(iter(record.model_fields)).replace('_', ' ')}"
        )
        _say(f"  One at a time; {first} ends the list.", "fg:ansibrightblack")
        if existing:
            _say(f"  Enter keeps an entry as it is; {CLEAR_KEY} removes it.", "fg:ansibrightblack")
        kept: list[Any] = []
        while True:
            old = existing.pop(0) if existing else None
            if question.kind is Kind.list:
                entry = ask_value(
                    _entry(annotation)(value=old), "value", Kind.text, f"{len(kept) + 1}.", qmark="  ›"
                )
            else:
                try:
                    entry = self.ask_record(record, old, len(kept) + 1)
                except (KeyboardInterrupt, EOFError):
                    self.keep_partial(question.field, record, kept, old, existing)
                    raise
            if entry is BACK:
                return BACK
            kept += [entry] if entry is not None else []
            if entry is not None or old is not None:
                self.put(question.field, [*kept, *existing])
            if old is None and entry is None:
                return None

    def keep_partial(
        self, field: str, record: type[BaseModel], kept: list[Any], old: BaseModel | None, rest: list[Any]
    ) -> None:
        """Ctrl-C inside a list entry: save the fields typed so far when they make a valid entry, else
        remember exactly what is lost, for the goodbye message."""
        noun, number, values = self.typing
        if not values:
            return
        typed = ", ".join(
            f"{name.replace('_', ' ')}: {one_line(format_value(value))}" for name, value in values.items()
        )
        try:
            entry = record(**{**(dict(old) if old is not None else {}), **values})
        except ValidationError as exc:
            missing = sorted(
                {str(error["loc"][0]).replace("_", " ") for error in exc.errors() if error["loc"]}
            )
            need = f"it needs {' and '.join(missing)}" if missing else "it is incomplete"
            self.lost = f"Not saved: {noun} {number} ({typed}): {need}; type it again when you resume."
            return
        self.put(field, [*kept, entry, *rest])
        self.lost = f"{noun.capitalize()} {number} is saved as far as you typed it ({typed})."

    def ask_record(self, record: type[BaseModel], old: BaseModel | None, number: int) -> Any:
        """One list entry (a rule, a metric...), field by field, with the model's descriptions as help."""
        values: dict[str, Any] = {}
        self.typing = (NOUNS.get(record.__name__, record.__name__.lower()), number, values)
        noun = NOUNS.get(record.__name__, record.__name__.lower())
        asked = [
            item for item in record.model_fields.items() if item[0] not in getattr(record, "NOT_ASKED", ())
        ]
        for position, (name, info) in enumerate(asked):
            if info.description:
                _say(f"    {info.description}", "fg:ansicyan")
            draft = record.model_construct(**{**(dict(old) if old else {}), **values})
            message = f"{noun} {number}: {name.replace('_', ' ')}"
            # The first field may be left empty: that ends the list (or removes this entry).
            value = ask_value(draft, name, kind_of(info), message, qmark="  ›", optional=position == 0)
            if value is BACK:
                return BACK
            if position == 0 and value is None:
                return None
            if value is not None:
                values[name] = value
        # Fields written by hand only (a rule's `when:`) survive re-asking the entry.
        kept = {name: getattr(old, name) for name in getattr(record, "NOT_ASKED", ()) if old is not None}
        return record(**{**kept, **values})

    @staticmethod
    def is_money(holder: BaseModel, name: str) -> bool:
        """An amount in the plan's currency: a number field beside a `currency` field."""
        fields = type(holder).model_fields
        # A count beside the money (predictions per period) is no amount: amounts name the currency.
        return (
            "currency" in fields
            and name != "currency"
            and kind_of(fields[name]) is Kind.number
            and "currency" in (fields[name].description or "")
        )

    def ask_money(self, holder: BaseModel, name: str, question: Question) -> Any:
        """An amount such as `€3,000`, `3k` or `$1.2M`; the plan's currency is asked once, then kept."""
        currency = getattr(holder, "currency", None)
        current = getattr(holder, name)
        start = shown(current, Kind.number)  # rounded, and 1e6 or more as `1.23457e+06`

        def validate(raw: str) -> bool | str:
            if raw == start and is_answered(current):
                return True  # keeps the answer
            found = amount(raw) if raw.strip() else None
            if raw.strip() and found is None:
                return "not an amount I can read; enter e.g. 3000, 3k, €3,000 or $1.2M"
            if found and found[1] and currency and found[1] != currency:
                return f"this plan's amounts are in {currency}; enter the amount in {currency}"
            try:
                parse(holder, name, Kind.number, str(found[0]) if found else "")
            except ValueError as exc:
                return str(exc)
            return True

        tail = f"in {currency}" if currency else "e.g. €3,000, 3k or $1.2M"
        raw = _ask(
            questionary.text(
                question.prompt,
                default=start,
                validate=validate,
                instruction=f"({tail})",
                style=STYLE,
            ),
            _keys(clear=is_answered(current)),
        )
        if raw is BACK or raw is CLEAR:
            return BACK if raw is BACK else None
        found = amount(raw) if str(raw).strip() and raw != start else None
        if found is None:
            return current  # kept as the file has it, not as the prompt showed it
        if not currency:
            given = found[1] or self.ask_currency(question.field.rpartition(".")[0])
            if given:
                self.put(question.field.rpartition(".")[0] + ".currency", given)
        return parse(field_at(self.plan, question.field.rpartition(".")[0]), name, Kind.number, str(found[0]))

    def ask_currency(self, parent: str) -> str | None:
        holder = field_at(self.plan, parent)
        value = ask_value(
            holder, "currency", Kind.text, "In which currency are this plan's amounts?", optional=True
        )
        return None if value is BACK else value

    def walk(self, chosen: list[Question], *, again: bool, scope: list[Question] | None = None) -> None:
        """Ask `chosen` in order: every applicable one if `again`, else the unanswered ones.

        Shift-Tab goes back one question (Enter then walks forward through the ones passed again).
        """
        scope = scope if scope is not None else list(QUESTIONS)
        done: list[Question] = []
        ahead: list[Question] = []
        forced: Question | None = None
        shown_section = ""
        while True:
            question = forced or next(
                (
                    q
                    for q in chosen
                    if q not in done and q.applies(self.plan) and (again or not q.answered(self.plan))
                ),
                None,
            )
            forced = None
            if question is None:
                return
            if question.section != shown_section:
                shown_section = question.section
                _intro(SECTION_KEYS.index(shown_section) + 1, SECTIONS[SECTION_KEYS.index(shown_section)])
            self._status(question, chosen, done, again, scope)
            _say(question.help, "fg:ansicyan")
            self.passed.add(question.field)
            if self.ask(question) is BACK:
                if done:
                    ahead.append(question)
                    forced = done.pop()
                else:
                    _say("  (this is the first question)", "fg:ansibrightblack")
                    forced = question
                continue
            done.append(question)
            while ahead and forced is None:
                candidate = ahead.pop()
                forced = candidate if candidate.applies(self.plan) else None

    def _status(
        self,
        question: Question,
        chosen: list[Question],
        done: list[Question],
        again: bool,
        scope: list[Question],
    ) -> None:
        position = chosen.index(question)
        left = sum(
            1
            for q in chosen[position + 1 :]
            if q.section == question.section
            and q not in done
            and self.may_apply(q)
            and (again or not q.answered(self.plan))
        )
        number = SECTION_KEYS.index(question.section) + 1
        more = "last one in this section" if not left else f"{left} more in this section"
        answered, total = self.progress(scope)
        _say(
            f"\n{number}/{len(SECTIONS)} {SECTIONS[number - 1].title} · {more} · {answered} of {total} answered"
            f" · {BACK_KEY} goes back",
            "fg:ansibrightblack",
        )

    def decide(self) -> None:
        """From the closing screen: record the team's decision on an open risk, without editing YAML."""
        from planner.judgement.register import assess

        while True:
            open_risks = [risk for risk in assess(self.plan).open_risks if risk.source == "derived"]
            if not open_risks:
                return
            choices = [Choice("Finish", "finish", shortcut_key="0")]
            choices += [
                Choice(
                    f"Decide: {one_line(risk.title)} ({risk.level} {risk.score})",
                    risk.id,
                    shortcut_key=str(n) if n < 10 else False,
                )
                for n, risk in enumerate(open_risks, start=1)
            ]
            try:
                picked = _menu(
                    "Finish, or record the team's decision on a risk?",
                    choices,
                    PICK_TIP,
                    _keys(clear=False, back=False),
                )
            except EOFError:  # Ctrl-D here finishes: everything is saved and the closing screen shown
                return
            if picked == "finish":
                return
            self.record_decision(picked)

    def record_decision(self, risk: str) -> None:
        earlier = [d for d in self.plan.decisions if d.risk == risk]
        draft = Decision.model_construct(risk=risk, **(dict(earlier[0]) if earlier else {}))
        verdict = ask_value(draft, "verdict", Kind.choice, "The team's decision?", optional=True)
        if verdict in (None, BACK):
            return
        note = ask_value(draft, "note", Kind.text, "A note: why, or what was done?")
        last_by = next((d.by for d in reversed(self.plan.decisions) if d.by), None)
        draft = Decision.model_construct(risk=risk, by=draft.by or last_by)
        by = ask_value(draft, "by", Kind.text, "Who decided?")
        decision = Decision(
            risk=risk, verdict=verdict, note=None if note is BACK else note, by=None if by is BACK else by
        )
        if earlier:  # the open risk's owner and due date stay with the decision
            decision = decision.model_copy(update={"owner": earlier[0].owner, "due": earlier[0].due})
        others = [d for d in self.plan.decisions if d.risk != risk]
        self.put("decisions", [*others, decision])
        _say(
            f"  Recorded: {risk} {label(Verdict(verdict))}" + (f" by {decision.by}" if decision.by else ""),
            "bold",
        )


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


def _minutes(count: int) -> str:
    minutes = max(1, math.ceil(count * SECONDS_PER_ANSWER / 60))
    return f"about {minutes} minute{'s' * (minutes != 1)}"


# ---------------------------------------------------------------- the whole interview


def run(
    workspace: Workspace,
    slug: str | None,
    *,
    section: str | None = None,
    depth: str | None = None,
    answers: Path | None = None,
    no_input: bool = False,
    terminal: bool = True,
) -> str:
    """Run `planner interview`; returns the closing screen. Prompts only when a terminal is there."""
    key = section_key(section) if section else None
    if slug is not None:
        validate_slug(slug)
    if depth is not None and depth not in DEPTHS:
        raise UsageError(f"unknown depth {depth!r}; use essentials or full")
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
        shown = False
        if key:
            session.walk(list(questions_in(key)), again=True)
        else:
            shown = _interview(session, depth)
        if not shown:
            _say(closing(session.where, session.slug, session.plan))
        session.decide()
    except (KeyboardInterrupt, EOFError):
        if session is None:
            raise Interrupted("Stopped before the plan was created; nothing was saved.") from None
        if not session.saved:
            kept = "holds only the title" if session.new else "is unchanged"
            lost = f"{session.lost}\n" if session.lost else ""
            raise Interrupted(
                f"Stopped before any answer was given; {session.where} {kept}.\n{lost}"
                f"Resume with: planner interview {session.slug}"
            ) from None
        done = completeness(session.plan).answered
        lost = f"{session.lost}\n" if session.lost else ""
        raise Interrupted(
            f"Stopped. {_saved(done)} in {session.where}.\n{lost}"
            f"Resume with: planner interview {session.slug}"
        ) from None
    return ""


def _saved(done: int) -> str:
    return "The 1 answer so far is saved" if done == 1 else f"All {done} answers so far are saved"


def _interview(session: Session, depth: str | None) -> bool:
    """Essentials first (the answers the advice needs most), then the full interview, now or later.
    Returns whether the closing screen is already on the screen."""
    essentials = [q for q in QUESTIONS if q.essential]
    open_essentials = [q for q in essentials if session.may_apply(q) and not q.answered(session.plan)]
    rest = [q for q in QUESTIONS if session.may_apply(q) and not q.answered(session.plan) and not q.essential]
    if depth == "essentials" or (depth is None and open_essentials):
        asked = sum(not q.when for q in open_essentials)
        _say(
            f"Essentials: the {asked} questions the advice needs most (up to {len(open_essentials)} answers "
            f"with their follow-ups), {_minutes(len(open_essentials))}. Then the full interview "
            f"({len(rest)} more, {_minutes(len(rest))}), now or later.",
            "bold",
        )
        _keys_line()
        session.walk(essentials, again=False, scope=essentials)
        _say("\n" + closing(session.where, session.slug, session.plan).strip("\n"))
        if depth == "essentials" or not _go_on(
            len([q for q in QUESTIONS if session.may_apply(q) and not q.answered(session.plan)]), session.slug
        ):
            return True
    else:
        left = [q for q in QUESTIONS if session.may_apply(q) and not q.answered(session.plan)]
        _say(f"The full interview: {len(left)} questions left, {_minutes(len(left))}.", "bold")
        _keys_line()
    session.walk(list(QUESTIONS), again=False)
    _review(session)
    return False


def _keys_line() -> None:
    _say(
        f"Enter keeps an answer or skips a question; {BACK_KEY} goes back one; {CLEAR_KEY} removes an answer; "
        "Ctrl-C stops, and every answer is saved.",
        "italic",
    )


def _go_on(left: int, slug: str) -> bool:
    choices = [Choice("yes", "yes", shortcut_key="1"), Choice("no, later", "no", shortcut_key="2")]
    asked = f"Go on with the full interview now ({left} more, {_minutes(left)})?"
    if _menu(asked, choices, "(y or n)", _keys(clear=False), yes_no=True) == "yes":
        return True
    _say(f"The rest waits for you: planner interview {slug}", "italic")
    return False


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

        slug = str(
            _ask(questionary.text("Plan name?", validate=valid, style=STYLE), _keys(clear=False))
        ).strip()
    if workspace.exists(slug):
        plan = workspace.load(slug)
        session = Session(workspace, slug, plan)
        answered, total = session.progress(QUESTIONS)
        _say(f"Resuming '{slug}': {answered} of {total} answered.", "bold")
        return session
    _say(f"A new plan: {workspace.shown(workspace.plan_file(slug))}", "bold")
    title = None
    while title is None or title is BACK:
        title = ask_value(Plan.model_construct(title=""), "title", Kind.text, "Title of the plan?")
    workspace.create(slug, Plan(title=title))
    session = Session(workspace, slug, Plan(title=title))
    session.new = True
    return session


def _review(session: Session) -> None:
    """The closing review: a summary per section, and a way back into any section or any one answer."""
    while True:
        _say("\n━━ Review " + "━" * 40, "bold")
        for text in review_lines(session.plan):
            _say(text)
        choices = [
            Choice("Finish", "finish", shortcut_key="0"),
            Choice("Change one answer", "one", shortcut_key=False),
        ]
        choices += [
            Choice(f"Reopen {n}. {sec.title}", sec.key, shortcut_key=str(n))
            for n, sec in enumerate(SECTIONS, start=1)
        ]
        asked = "Finish, change one answer, or reopen a section?"
        picked = _menu(asked, choices, PICK_TIP, _keys(clear=False, back=False))
        if picked == "finish":
            return
        if picked == "one":
            one = _pick_question(session.plan)
            if one is not None:
                session.walk([one], again=True)
            continue
        session.walk(list(questions_in(picked)), again=True)


def _pick_question(plan: Plan) -> Question | None:
    """A menu of every question that applies, its answer beside it; letters jump to one."""
    choices = [Choice("(back to the review)", "", shortcut_key="0")]
    for question in QUESTIONS:
        if not question.applies(plan):
            continue
        value = field_at(plan, question.field)
        text = one_line(format_value(value, question.kind)) if is_answered(value) else "not answered"
        text = text if len(text) <= 40 else text[:39] + "…"
        choices.append(Choice(f"{question.prompt}  [{text}]", question.field, shortcut_key=False))
    tip = "(↑↓ or j/k, letters jump to a question; Enter picks)"
    picked = _menu("Which answer?", choices, tip, _keys(clear=False), use_shortcuts=False)
    return None if picked in ("", BACK) else next(q for q in QUESTIONS if q.field == picked)
