"""The prompts' frame: the interview's keys, menus, lines wrapped to the terminal, and the answered line."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import Any

import prompt_toolkit.application.application as _pt_application
import prompt_toolkit.styles.style as _pt_style
import questionary
from prompt_toolkit.application import get_app, get_app_session
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.defaults import load_key_bindings
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.utils import explode_text_fragments
from questionary import Choice
from questionary.prompts.common import InquirerControl
from wcwidth import wcwidth

from planner.core.inert import terminal_safe
from planner.core.terminal import display_width, wrap
from planner.plan.questions import SECTIONS, Section

BACK_KEY, CLEAR_KEY = "Shift-Tab", "Ctrl-X"


def start_up() -> None:
    """Make each prompt open fast; the interview calls it once, before the first prompt.

    prompt_toolkit rebuilds its ~1,800 stateless default key bindings for every Application (a
    questionary menu makes three): about 17 ms each. Built once, a menu opens in a third of the time
    after each Enter. Each Application and each printed line also parses the same ~300 style rules
    again (a sixth of a whole interview's time): a rule's text always gives the same attributes, so
    each is parsed once. And the imports live all run long: frozen out of the garbage collector's
    view, full collections no longer stall some prompts by ~100 ms.
    """
    # tests/test_interview.py fails if a new prompt_toolkit drops these attributes: then update this.
    cached = getattr(_pt_application, "load_key_bindings", None)
    if cached is not None and not hasattr(cached, "cache_info"):
        setattr(_pt_application, "load_key_bindings", functools.cache(load_key_bindings))  # noqa: B010
    parse = getattr(_pt_style, "_parse_style_str", None)
    if parse is not None and not hasattr(parse, "cache_info"):
        setattr(_pt_style, "_parse_style_str", functools.cache(parse))  # noqa: B010
    gc.freeze()


class _Signal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


BACK, CLEAR, SKIP, UNKNOWN = _Signal("BACK"), _Signal("CLEAR"), "\x00skip", "\x00unknown"


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


def width() -> int:
    """The terminal's width in columns, as prompt_toolkit sees it."""
    return get_app_session().output.get_size().columns or 80


def say(text: str, style: str = "") -> None:
    """Print a line (or several), wrapped between words to the terminal's width."""
    questionary.print(wrap(terminal_safe(text), width()), style=style)


def fit_prompt(qmark: str, message: str, tip: str | None) -> tuple[str, str | None]:
    """A prompt's question and tip broken between words to fit the terminal, with room for the answer
    on the last line (prompt_toolkit would cut words at the right edge)."""
    columns, lead = width() - 1, display_width(qmark) + 1
    text = wrap(" " * lead + message, columns, hang=lead)[lead:]
    if not tip:
        return text, tip
    ends = "\n" if tip.endswith("\n") else ""
    tip = tip.rstrip("\n")
    last = display_width(text.rsplit("\n", 1)[-1]) + lead
    if last + 1 + display_width(tip) + 12 <= columns:
        return text, tip + ends
    return text, "\n" + wrap(" " * lead + tip, columns, hang=lead) + ends


def echo(qmark: str, message: str, answer: str) -> None:
    """A prompt's line once answered: the question, then the answer as people read it."""
    line = wrap(terminal_safe(f"{qmark} {message} {answer}"), width() - 1, hang=display_width(qmark) + 1)
    if "\n" in line:
        questionary.print(line)
        return
    questionary.print(terminal_safe(f"{qmark} {message} "), end="")
    questionary.print(terminal_safe(answer), style="fg:ansicyan")


def _wrap_refusals(app: Any) -> None:
    """A refused answer's reason wraps between words under the prompt, as many lines as it takes:
    prompt_toolkit's validation toolbar is one line high and cut the fix off at the right edge."""
    for window in app.layout.find_all_windows():
        control = window.content
        shows = getattr(control, "text", None)
        if isinstance(control, FormattedTextControl) and "ValidationToolbar" in getattr(
            shows, "__qualname__", ""
        ):

            def wrapped(shows: Any = shows) -> Any:
                return [(style, wrap(text, width() - 1)) for style, text, *_ in shows()]

            control.text = wrapped
            window.height = None  # as high as the wrapped reason
            window.wrap_lines = to_filter(True)  # a word wider than the terminal still shows whole


def ask(question: questionary.Question, *extra: KeyBindings, said: Callable[[Any], str] | None = None) -> Any:
    """Run one prompt with the shared keys; Ctrl-C raises, so the caller can stop cleanly. With `said`,
    the answered prompt gives way to one line: the question and `said(answer)`."""
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), *extra])
    _wrap_refusals(app)
    if said is None:
        return question.unsafe_ask(patch_stdout=False)
    qmark, message = getattr(question, "planner_prompt", ("?", ""))
    app.erase_when_done = True
    try:
        result = question.unsafe_ask(patch_stdout=False)
    except (KeyboardInterrupt, EOFError):
        echo(qmark, message, "(stopped)")
        raise
    echo(qmark, message, "(back to the one before)" if result is BACK else said(result))
    return result


def prompt_of(question: questionary.Question, qmark: str, message: str) -> questionary.Question:
    """Mark a prompt with the words its answered line repeats."""
    question.planner_prompt = (qmark, message)  # type: ignore[attr-defined]
    return question


PICK_TIP = "(↑↓, j/k, a number or letters to jump; Enter picks)"


def menu(
    message: str,
    choices: list[Choice],
    tip: str,
    *keys: KeyBindings,
    yes_no: bool = False,
    said: Callable[[Any], str] | None = None,
    **options: Any,
) -> Any:
    """One menu, as all the interview's menus work: letters jump (numbers too, unless
    `use_shortcuts=False`), j and k move, y and n answer a yes/no menu; `keys` add the prompt's own
    keys (Shift-Tab, Ctrl-X). Once picked, it gives way to one line naming the choice."""
    options.setdefault("use_shortcuts", True)
    qmark = options.pop("qmark", "?")
    text, instruction = fit_prompt(qmark, message, tip)
    question = questionary.select(
        text, choices=choices, use_jk_keys=False, instruction=instruction, style=STYLE, qmark=qmark, **options
    )
    titles = {str(choice.value): str(choice.title) for choice in choices}
    return ask(
        prompt_of(question, qmark, message),
        _menu_keys(question, yes_no),
        *keys,
        said=said or (lambda value: titles.get(str(value), "")),
    )


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


def section_intro(number: int, sec: Section) -> None:
    columns = min(width() - 2, 96)
    say(f"\n━━ {number}/{len(SECTIONS)}  {sec.title} " + "━" * max(0, columns - len(sec.title) - 9), "bold")
    say(sec.why, "italic")
