"""The prompts: one translator from a question to a questionary prompt, with the interview's keys and wrapping."""

from __future__ import annotations

import functools
import gc
import textwrap
from typing import Any

import prompt_toolkit.application.application as _pt_application
import questionary
from prompt_toolkit.application import get_app, get_app_session
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.defaults import load_key_bindings
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.utils import explode_text_fragments
from pydantic import BaseModel
from questionary import Choice
from questionary.prompts.common import InquirerControl
from wcwidth import wcwidth

from planner.core.inert import terminal_safe
from planner.plan.answers import hint, parse, shown
from planner.plan.choices import label
from planner.plan.fields import is_answered
from planner.plan.questions import SECTIONS, Kind, Section, core_type

BACK_KEY, CLEAR_KEY = "Shift-Tab", "Ctrl-X"


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


def answer_keys(*, clear: bool, back: bool = True) -> KeyBindings:
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


LONG_ANSWER_KEYS = KeyBindings()


@LONG_ANSWER_KEYS.add("enter", eager=True)
def _finish(event: Any) -> None:
    """Enter finishes a long answer as it finishes every other one; Alt-Enter starts a new line."""
    event.current_buffer.validate_and_handle()


@LONG_ANSWER_KEYS.add("escape", "enter", eager=True)
@LONG_ANSWER_KEYS.add("c-j", eager=True)
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


def say(text: str, style: str = "") -> None:
    questionary.print(terminal_safe(text), style=style)


def ask(question: questionary.Question, *extra: KeyBindings) -> Any:
    """Run one prompt with the shared keys; Ctrl-C raises, so the caller can stop cleanly."""
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), *extra])
    return question.unsafe_ask(patch_stdout=False)


PICK_TIP = "(↑↓, j/k, a number or letters to jump; Enter picks)"


def menu(
    message: str, choices: list[Choice], tip: str, *keys: KeyBindings, yes_no: bool = False, **options: Any
) -> Any:
    """One menu, as all the interview's menus work: letters jump (numbers too, unless
    `use_shortcuts=False`), j and k move, y and n answer a yes/no menu; `keys` add the prompt's own
    keys (Shift-Tab, Ctrl-X)."""
    options.setdefault("use_shortcuts", True)
    question = questionary.select(
        message, choices=choices, use_jk_keys=False, instruction=tip, style=STYLE, **options
    )
    return ask(question, _menu_keys(question, yes_no), *keys)


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
    raw = ask(
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
        *([LONG_ANSWER_KEYS] if long else []),
        answer_keys(clear=optional and is_answered(current)),
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
        picked = ask(question, _menu_keys(question, False), answer_keys(clear=clear))
        if picked in (BACK, CLEAR):
            return picked
        chosen = [enum(value) for value in picked]
        say(f"  chosen: {', '.join(label(item) for item in chosen) or 'nothing'}", "fg:ansicyan")
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
    picked = menu(
        message,
        choices,
        tip,
        answer_keys(clear=clear),
        default=default,
        qmark=qmark,
        yes_no=kind is Kind.yes_no,
    )
    if picked in (BACK, CLEAR):
        return picked
    if picked == SKIP:
        return CLEAR if current is not None else None
    return picked == "yes" if kind is Kind.yes_no else picked


def section_intro(number: int, sec: Section) -> None:
    width = min(get_app_session().output.get_size().columns - 2, 96)
    say(f"\n━━ {number}/{len(SECTIONS)}  {sec.title} " + "━" * max(0, width - len(sec.title) - 9), "bold")
    for line in textwrap.wrap(sec.why, width):
        say(line, "italic")
