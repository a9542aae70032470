"""One field asked: the prompt its kind calls for, checked by the model's rules, echoed as people read it."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

import questionary
from pydantic import BaseModel
from questionary import Choice

from planner.core import formatting
from planner.core.inert import one_line, terminal_safe
from planner.interview.prompts import (
    BACK,
    CLEAR,
    CLEAR_KEY,
    LONG_ANSWER_KEYS,
    PICK_TIP,
    SKIP,
    STYLE,
    UNKNOWN,
    _menu_keys,
    _WordWrap,
    answer_keys,
    ask,
    fit_prompt,
    menu,
    prompt_of,
    say,
)
from planner.plan.answers import amount, hint, parse, read, shown
from planner.plan.choices import label
from planner.plan.fields import NOT_DECIDED, NOT_KNOWN, answer_words, is_answered
from planner.plan.pairs import pair_text, read_pair, said_pair
from planner.plan.questions import Joined, Kind, core_type
from planner.plan.spoken import Reading, dont_know, field_unit, units

# A yes/no's third answer, where its type takes one: a choice not made yet, a fact nobody can tell yet.
_THIRD = {NOT_DECIDED: "Not decided yet", NOT_KNOWN: "Not known"}


def ask_value(
    holder: BaseModel, name: str, kind: Kind, message: str, *, qmark: str = "?", optional: bool = False
) -> Any:
    """Ask for one field of `holder`: the new value, None when left (or made) empty, or BACK."""
    reading = ask_reading(holder, name, kind, message, qmark=qmark, optional=optional)
    return reading if reading is BACK else reading.value


def ask_reading(
    holder: BaseModel,
    name: str,
    kind: Kind,
    message: str,
    *,
    qmark: str = "?",
    optional: bool = False,
    open_ok: bool = False,
    is_open: bool = False,
    tip: str = "",
    partner: str = "",
    joined: Joined = Joined.unit,
) -> Any:
    """Ask for one field of `holder`, validated by the model's own rules: what the answer says (a
    Reading: the value, what was read into it, and "don't know yet" where `open_ok`), or BACK.

    Enter keeps an existing answer; removing it is an explicit key (Ctrl-X), so clearing the line by
    accident loses nothing. Once answered, the prompt gives way to one line: the question and the
    answer as people read it (Yes, a choice's words, a number with its separators and unit).

    With a `partner`, the one answer also gives that field of `holder` (`2,000 a day`), in its `also`."""
    info = type(holder).model_fields[name]
    current = getattr(holder, name, None)  # a draft record may lack required fields yet
    optional = optional or info.default is None or kind is Kind.multi_choice
    if kind in (Kind.choice, Kind.yes_no, Kind.multi_choice):
        return _ask_choice(holder, name, kind, message, qmark, optional, open_ok, is_open)

    # prompt_toolkit shows most control characters as ^[, but sends direction overrides (from a
    # hand-edited file) to the terminal as they are: the answer is edited from a safe copy.
    start = terminal_safe(pair_text(holder, name, partner, joined, kind))
    keeps = is_answered(current) or is_open

    def reading_of(raw: str) -> Reading:
        return read_pair(holder, name, partner, joined, raw, optional=optional, kind=kind)

    def validate(raw: str) -> bool | str:
        if (not raw.strip() or raw == start) and keeps:
            return True  # keeps the answer
        try:
            reading = reading_of(raw)
        except ValueError as exc:
            return str(exc)
        if reading.unknown and not open_ok:
            return "an answer is needed here"
        return True

    tips = [tip or hint(kind, info, name)]
    tips.append("Enter finishes, Alt-Enter starts a new line" if kind is Kind.long_text else "")
    if is_answered(current):
        tips.append(f"Enter keeps it, {CLEAR_KEY} removes it" if optional else "Enter keeps it")
    elif is_open:
        tips.append("Enter keeps it open")
    elif optional:
        tips.append("an empty answer skips" if kind is Kind.long_text else "Enter skips")
    tail = "; ".join(text for text in tips if text)
    long = kind is Kind.long_text
    wrapping: dict[str, Any] = {"input_processors": [_WordWrap()], "prompt_continuation": ""} if long else {}
    # A long answer starts on its own line, so it wraps at the terminal's full width.
    text, instruction = fit_prompt(qmark, message, (f"({tail})" if tail else "") + ("\n" if long else ""))
    question = questionary.text(
        text,
        qmark=qmark,
        default=start,
        validate=validate,
        multiline=long,
        instruction=instruction or None,
        style=STYLE,
        **wrapping,
    )
    result: list[Reading] = []

    def said(raw: Any) -> str:
        if raw is CLEAR:
            result.append(Reading(None))
        elif (not str(raw).strip() or raw == start) and keeps:
            # kept as the file has it, not as the prompt showed it
            result.append(Reading(current, unknown=is_open and not is_answered(current), kept=True))
        else:
            result.append(reading_of(raw))
        return _echo(result[0], holder, name, kind, current, partner, joined)

    raw = ask(
        prompt_of(question, qmark, message),
        *([LONG_ANSWER_KEYS] if long else []),
        answer_keys(clear=optional and is_answered(current)),
        said=said,
    )
    return BACK if raw is BACK else result[0]


def _ask_choice(
    holder: BaseModel,
    name: str,
    kind: Kind,
    message: str,
    qmark: str,
    optional: bool,
    open_ok: bool,
    is_open: bool,
) -> Any:
    """A choice, a yes/no or several ticks for one field; one the other answers rule out (a direction
    taking the goal a margin implies below 0) is said, then asked again."""
    info = type(holder).model_fields[name]
    current = getattr(holder, name, None)
    enum = core_type(info.annotation)
    # a yes/no the team may not have chosen, or cannot tell yet: its third answer
    undecided = next((word for word in answer_words(info.annotation) if word in _THIRD), None)
    while True:
        picked = _choose(kind, enum, message, qmark, current, optional, open_ok, is_open, undecided)
        if picked is BACK:
            return BACK
        if picked == UNKNOWN:
            return Reading(unknown=True)
        if picked is CLEAR or picked is None:
            return Reading(None)
        try:
            return Reading(read(holder, name, kind, picked).value)
        except ValueError as exc:
            say(f"    {exc}", "fg:ansired")


def _echo(
    reading: Reading, holder: BaseModel, name: str, kind: Kind, current: Any, partner: str, joined: Joined
) -> str:
    """The answer's line: as people read it, with the second answer a two-part prompt took."""
    if not partner:
        return reads(reading, kind, field_unit(name), current)
    own = dataclasses.replace(reading, also={k: v for k, v in reading.also.items() if k != partner})
    return said_pair(reads(own, kind, field_unit(name), current), reading, holder, partner, joined)


def reads(reading: Reading, kind: Kind, unit: str | None = None, current: Any = None) -> str:
    """An answer as people read it: Yes, a choice's words, `about 2,000`, `30-90 days`, `45% (the
    midpoint of 40-50%)`, "don't know yet"."""
    if reading.unknown:
        return "don't know yet"
    value = reading.value
    if value is None and reading.note:  # a relative target: `20% lower than the baseline`
        return reading.note
    if not is_answered(value):
        return "(removed)" if is_answered(current) else "(skipped)"
    if isinstance(value, bool):
        text = "Yes" if value else "No"
    elif isinstance(value, Enum):
        text = label(value)
    elif isinstance(value, list) and isinstance(value[0], Enum):
        text = ", ".join(label(item) for item in value)
    elif isinstance(value, int | float) and kind is Kind.share:
        text = formatting.share(value)
    elif isinstance(value, int | float):
        high = next((other for other in reading.also.values() if isinstance(other, int | float)), value)
        text = units([value, high], unit) if unit else formatting.span(value, high)
    else:
        text = str(value) if kind is Kind.long_text else one_line(str(value))
    midpoint = reading.note.startswith("the midpoint") or ", the midpoint" in reading.note
    text = f"about {text}" if reading.approximate and not midpoint else text
    return f"{text} ({reading.note})" if reading.note else text


def _choose(
    kind: Kind,
    enum: Any,
    message: str,
    qmark: str,
    current: Any,
    optional: bool,
    open_ok: bool = False,
    is_open: bool = False,
    undecided: str | None = None,
) -> Any:
    clear = optional and is_answered(current)
    if kind is Kind.multi_choice:
        return _tick(enum, message, qmark, current, clear)
    if kind is Kind.yes_no:
        choices = [Choice("Yes", "yes"), Choice("No", "no")]
        choices += [Choice(_THIRD[undecided], undecided)] if undecided else []
        default = (
            SKIP if current is None else current if isinstance(current, str) else ("yes" if current else "no")
        )
    else:
        choices = [Choice(label(item), item.value) for item in enum]
        default = SKIP if current is None else current.value
    for index, choice in enumerate(choices):
        choice.shortcut_key = "123456789"[index] if index < 9 else False
    if open_ok:
        choices.append(Choice("(don't know yet)", UNKNOWN, shortcut_key=False))
        default = UNKNOWN if is_open and current is None else default
    if optional:
        choices.insert(
            0, Choice("(skip for now)" if current is None else "(clear this answer)", SKIP, shortcut_key="0")
        )
    if kind is not Kind.yes_no:
        tip = PICK_TIP
    elif current is None:
        tip = "(y or n; Enter skips)" if not is_open else "(y or n; Enter keeps it open)"
    else:
        kept = _THIRD.get(current, "") if isinstance(current, str) else "Yes" if current else "No"
        tip = f"(y or n; Enter keeps {kept})"

    def said(value: Any) -> str:
        if value is CLEAR or (value == SKIP and current is not None):
            return "(removed)"
        if value == SKIP:
            return "(skipped)"
        if value == UNKNOWN:
            return "don't know yet"
        return next(str(choice.title) for choice in choices if choice.value == value)

    picked = menu(
        message,
        choices,
        tip,
        answer_keys(clear=clear),
        default=default,
        qmark=qmark,
        yes_no=kind is Kind.yes_no,
        said=said,
    )
    if picked in (BACK, CLEAR) or picked == UNKNOWN:
        return picked
    if picked == SKIP:
        return CLEAR if current is not None else None
    if kind is Kind.yes_no and picked not in _THIRD:
        return picked == "yes"
    return picked


def _tick(enum: Any, message: str, qmark: str, current: Any, clear: bool) -> Any:
    """A multiple choice: Space ticks; the answered line names what was ticked."""
    choices = [Choice(label(item), item.value, checked=item in current) for item in enum]
    text, tip = fit_prompt(qmark, message, "(Space ticks, Enter when done; ↑↓ or j/k move, letters jump)")
    question = questionary.checkbox(text, choices=choices, qmark=qmark, style=STYLE, instruction=tip)

    def ticked(picked: Any) -> str:
        if picked is CLEAR:
            return "(removed)"
        return ", ".join(label(enum(value)) for value in picked) or "nothing"

    picked = ask(
        prompt_of(question, qmark, message),
        _menu_keys(question, False),
        answer_keys(clear=clear),
        said=ticked,
    )
    if picked in (BACK, CLEAR):
        return picked
    return [enum(value) for value in picked]


def ask_amount(holder: BaseModel, name: str, message: str, *, is_open: bool = False) -> Any:
    """An amount such as `€3,000`, `3k` or `$1.2M` in the plan's currency (`holder.currency`): a Reading
    whose `also` names the currency typed, if any; or BACK."""
    currency = getattr(holder, "currency", None)
    current = getattr(holder, name)
    start = shown(current, Kind.number)  # rounded, and 1e6 or more as `1.23457e+06`
    keeps = is_answered(current) or is_open

    def validate(raw: str) -> bool | str:
        if ((raw == start or not raw.strip()) and keeps) or dont_know(raw):
            return True  # keeps the answer, or leaves it open
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
    tail += (
        "; Enter keeps it"
        if is_answered(current)
        else "; Enter keeps it open"
        if is_open
        else "; Enter skips"
    )
    text, instruction = fit_prompt("?", message, f"({tail})")
    prompt = questionary.text(text, default=start, validate=validate, instruction=instruction, style=STYLE)
    result: list[Reading] = []

    def said(raw: Any) -> str:
        found = amount(raw) if raw is not CLEAR and str(raw).strip() and raw != start else None
        if raw is CLEAR:
            result.append(Reading(None))
        elif dont_know(str(raw)):
            result.append(Reading(unknown=True))
        elif found is None:  # kept as the file has it, not as the prompt showed it
            result.append(Reading(current, unknown=is_open and not is_answered(current), kept=True))
        else:
            value = parse(holder, name, Kind.number, str(found[0]))
            result.append(Reading(value, also={"currency": found[1]} if found[1] else {}))
        reading = result[0]
        if reading.unknown or not is_answered(reading.value):
            return reads(reading, Kind.number, current=current)
        return formatting.money(reading.value, currency or reading.also.get("currency"))

    raw = ask(prompt_of(prompt, "?", message), answer_keys(clear=is_answered(current)), said=said)
    return BACK if raw is BACK else result[0]
