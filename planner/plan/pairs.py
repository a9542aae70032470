"""Two answers in one: a number with its period or unit (`2,000 a day`, `15 EUR`), or two said together
(`60%, 90%`; `6 weeks, ship the rules and stop`), each part read under its own field's rules."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from pydantic import BaseModel

from planner.plan.answers import amount, read, says_none, shown
from planner.plan.choices import label
from planner.plan.fields import NONE_WORDS, is_answered, word_answer
from planner.plan.questions import Joined, Kind, core_type, kind_of
from planner.plan.shares import part_of
from planner.plan.spoken import Reading, dont_know, field_unit, units, word_share

# `2,000 a day`, `60k per month`, `2000/week`, `15 EUR`, `10 minutes`: the number, then its words.
_UNIT = re.compile(
    r"^(?P<number>.*\d(?:\s*(?:k|K|M|bn|B)\b)?%?)\s*(?:(?:/|\bper\b|\ba\b|\ban\b|\beach\b|\bevery\b)\s*)?"
    r"(?P<words>[^\d]*)$"
)
# Two answers: split at a semicolon, or at a comma that is no thousands separator (`1,000, 800`).
_PAIR = re.compile(r"\s*(?:;|,(?!\d))\s*")
# A yes or no said with a qualifier (`yes, mostly`, `no - not without the photos`), or glued to the
# figure before it (`150 yes`).
_YES_NO = re.compile(r"^(yes|no|y|n)\b(?:[\s,;:.!-]+\D*)?$", re.IGNORECASE)
_GLUED = re.compile(r"^(.*\d%?)\s+((?:yes|no|y|n)\b\D*)$", re.IGNORECASE)
_PERIODS = {
    "day": ("day", "days", "daily", "d"),
    "week": ("week", "weeks", "weekly", "wk", "w"),
    "month": ("month", "months", "monthly", "mo"),
    "quarter": ("quarter", "quarters", "quarterly", "qtr"),
    "year": ("year", "years", "yearly", "annually", "annual", "yr", "y"),
    # a job run one time over a backlog: the figure is the whole of it (`40,000 once`, `40k in all`)
    "once": ("once", "one-off", "one off", "one time", "one-time", "in all", "in total", "total", "all told"),
}


def _counted(first: str, period: Enum, said: str) -> str:
    """`2,000 a day`, or `40,000 once` for a total that does not recur."""
    return f"{first} once" if period.value == "once" else f"{first} a {said}"


def split(joined: Joined, raw: str) -> tuple[str, str]:
    """The two parts of a typed answer; the second is empty when only the first was said."""
    text = raw.strip()
    if joined is not Joined.unit:
        parts = _PAIR.split(text, maxsplit=1)
        return parts[0], parts[1] if len(parts) > 1 else ""
    found = _UNIT.match(text)
    if not found or dont_know(text):
        return text, ""
    return found["number"].strip(), found["words"].strip().rstrip(".")


def _only_named(holder: BaseModel, name: str, raw: str) -> bool:
    """Whether an answer with no digit names the second field only (not `none`, nor "don't know")."""
    return (
        bool(raw.strip())
        and not dont_know(raw)
        and word_answer(type(holder).model_fields[name].annotation, raw) is None
        and raw.strip().lower() not in NONE_WORDS
        and not says_none(holder, name, raw)
    )


# A figure run into its words with no comma (`0.5 rules`, `0.5x`): the figure and what it is, or a name?
_RUN_ON = re.compile(r"^\s*(?:about\s+|around\s+|~\s*)?\d[\d.,]*%?\s*[^\W\d]", re.IGNORECASE)


def _named_only(holder: BaseModel, partner: str, raw: str) -> Reading | None:
    """Words where a figure and what it is are asked (`2024-25 season`, `the rules, 2024 season`): what
    it is, its figure not given. None where the words are no name (`none`, "don't know", `€3k`): the
    figure's own message says what is wrong. A figure run into words is asked again, not guessed."""
    text = raw.strip()
    if _RUN_ON.match(text):
        raise ValueError(
            f"{text!r}: the figure, a comma, then what it is (0.5, the rules); or only what it is "
            "(the rules, 2024-25 season)"
        )
    if not text[:1].isalnum() or not any(char.isalpha() for char in text):
        return None
    if dont_know(text) or text.lower() in NONE_WORDS:
        return None
    named = read(holder, partner, kind_of(type(holder).model_fields[partner]), text)
    return Reading(None, also={partner: named.value} if named.value is not None else {})


def _choices(annotation: Any) -> str:
    """`day, week, month or year` for a choice field; empty for any other."""
    base = core_type(annotation)
    if not (isinstance(base, type) and issubclass(base, Enum)):
        return ""
    values = [item.value for item in base]
    return f"{', '.join(values[:-1])} or {values[-1]}"


def read_pair(
    holder: BaseModel,
    name: str,
    partner: str,
    joined: Joined,
    raw: str,
    *,
    optional: bool = True,
    kind: Kind | None = None,
) -> Reading:
    """What a two-part answer says: the first field's reading, the second field's value in its `also`
    when it was said (or `unknown_also` when it was "don't know"). ValueError says which part is wrong.
    Without a `partner`, the one field's reading (asked as `kind`, if given)."""
    if not partner:
        return read(holder, name, kind or kind_of(type(holder).model_fields[name]), raw, optional=optional)
    if joined is Joined.trailing:
        return _trailing(holder, name, partner, raw, optional=optional, kind=kind)
    first, second = split(joined, raw)
    info, other = type(holder).model_fields[name], type(holder).model_fields[partner]
    if joined is Joined.named and not re.search(r"\d", raw) and _only_named(holder, name, raw):
        named = read(holder, partner, kind_of(other), raw.strip())  # `the naive forecast`: no figure
        return Reading(None, also={partner: named.value} if named.value is not None else {})
    asks_yes_no = joined is Joined.pair and kind_of(other) is Kind.yes_no
    if asks_yes_no:
        first, second = _yes_or_no(first, second)
    if joined is Joined.unit and not second and kind_of(info) in (Kind.integer, Kind.number):
        found = amount(first)
        if found is not None and found[1] is not None:  # `€15`: the currency is the unit
            first, second = str(found[0]), found[1]
    try:
        reading = read(holder, name, kind_of(info), first, optional=optional)
    except ValueError:
        if asks_yes_no and _YES_NO.match(raw.strip()):
            raise ValueError(f"{raw.strip()!r}: the number first, then yes or no, e.g. 120, yes") from None
        words = _named_only(holder, partner, raw) if joined is Joined.named else None
        if words is None:
            raise
        return words
    if not second:
        return reading
    kind = kind_of(other)
    if kind is Kind.choice:
        typed = second.lower()
        second = next((period for period, forms in _PERIODS.items() if typed in forms), second)
    try:
        given = read(holder, partner, kind, second)
    except ValueError as exc:
        choices = "yes or no" if kind is Kind.yes_no else _choices(other.annotation)
        raise ValueError(f"{second!r}: " + (f"say {choices}" if choices else str(exc))) from None
    if given.unknown:
        reading.unknown_also = partner
    elif given.value is not None:
        reading.also[partner] = given.value
    return reading


# A figure with no `%` and no whole (`2`, `about 0.2`): 2% or 2 minutes? The prompt asks, not guesses.
_BARE = re.compile(r"^\s*(?:about|around|roughly|approx\.?|~|c\.)?\s*(\d+(?:[.,]\d+)?)\s*$", re.IGNORECASE)


def _yes_or_no(first: str, second: str) -> tuple[str, str]:
    """`150 yes` is `150` and `yes`; `yes, mostly` is yes: what qualifies it is aside."""
    if not second and (glued := _GLUED.match(first)):
        first, second = glued[1], glued[2]
    said = _YES_NO.match(second)
    return first, said[1] if said else second


def _figure(holder: BaseModel, partner: str, text: str) -> Reading | None:
    """`text` read as the trailing figure, or None if it is no figure (it stays in the text before it).
    A bare number is refused for a share: after a step's name it may be minutes as well as a share."""
    bare = _BARE.match(text) if kind_of(type(holder).model_fields[partner]) is Kind.share else None
    if bare:
        number, figure = text.strip(), float(bare[1].replace(",", "."))
        if figure < 1:  # `0.2`: say it as the share it likely is
            percent = f"{figure * 100:.3g}%"
            raise ValueError(f"{number!r}: say {percent}, or the part of the whole such as 8 of 45 minutes")
        raise ValueError(
            f"{number!r}: {figure:g}% or minutes? say {figure:g}%, or its part such as 8 of 45 minutes"
        )
    if not text.strip() or (
        not re.search(r"\d|%", text)
        and word_share(text) is None
        and word_answer(type(holder).model_fields[partner].annotation, text) is None
    ):
        return None
    try:
        reading = read(holder, partner, kind_of(type(holder).model_fields[partner]), text.strip())
    except ValueError:
        if part_of(text.strip()) is not None:  # `50 of 45 minutes`: meant as the figure, and wrong
            raise
        return None
    return reading if reading.value is not None else None


def _trailing(
    holder: BaseModel, name: str, partner: str, raw: str, *, optional: bool, kind: Kind | None
) -> Reading:
    """`photo checks, 8 of 45 minutes`: the text, and the figure after its last comma or semicolon when
    that part reads as one (`checks, then filing` stays one text). A figure alone keeps the text."""
    own = kind or kind_of(type(holder).model_fields[name])
    alone = _figure(holder, partner, raw)
    if alone is not None:
        rough = {partner} if alone.approximate else set()
        return Reading(getattr(holder, name, None), also={partner: alone.value}, rough=rough)
    cut = max(raw.rfind(","), raw.rfind(";"))
    head, tail = (raw[:cut], raw[cut + 1 :]) if cut > 0 else ("", "")
    figure = _figure(holder, partner, tail) if head.strip() else None
    if figure is None:
        return read(holder, name, own, raw, optional=optional)
    reading = read(holder, name, own, head.strip().rstrip(",;").strip(), optional=optional)
    reading.also[partner] = figure.value
    reading.rough |= {partner} if figure.approximate else set()
    return reading


def pair_text(holder: BaseModel, name: str, partner: str, joined: Joined, kind: Kind | None = None) -> str:
    """Both answers as the prompt starts from them, in the form it asks for (empty if the first is);
    without a `partner`, the one answer (shown as `kind`, if given)."""
    first = shown(getattr(holder, name, None), kind or kind_of(type(holder).model_fields[name]))
    second = getattr(holder, partner, None) if partner else None
    if joined is Joined.named and not first and second is not None:
        return str(second)
    if not first or second is None:
        return first
    if isinstance(second, Enum):
        return _counted(first, second, second.value)
    return (
        f"{first} {second}"
        if joined is Joined.unit
        else f"{first}, {shown(second, kind_of(type(holder).model_fields[partner]))}"
    )


def said_pair(first: str, reading: Reading, holder: BaseModel, partner: str, joined: Joined) -> str:
    """The echo of a two-part answer (`2,000 a day`, `15 EUR`, `60%, 90%`), from the first's echo."""
    if joined is Joined.named and reading.value is None and reading.also.get(partner):
        return str(reading.also[partner])
    if (
        joined is Joined.trailing
        and not is_answered(reading.value)
        and is_answered(reading.also.get(partner))
    ):
        return shown(reading.also[partner], kind_of(type(holder).model_fields[partner]))
    kept = getattr(holder, partner, None)
    if reading.kept and is_answered(kept) and is_answered(reading.value):  # Enter kept both: say both
        reading = Reading(reading.value, also={partner: kept})
    elif reading.kept:
        return first
    if reading.unknown or not is_answered(reading.value):
        return first
    if reading.unknown_also:
        return f"{first}, don't know yet"
    value = reading.also.get(partner)
    if value is None:
        return first
    if isinstance(value, Enum):
        return _counted(first, value, label(value))
    unit = field_unit(partner)
    kind = kind_of(type(holder).model_fields[partner])
    text = units([value], unit) if unit and isinstance(value, int | float) else shown(value, kind)
    return f"{first} {text}" if joined is Joined.unit else f"{first}, {text}"
