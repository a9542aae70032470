"""Answers without prompts: typed text to valid values, answers files, and what is still unanswered."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from planner.core import formatting
from planner.core.errors import InvalidPlan, Unanswered, UsageError
from planner.plan.fields import (
    NONE_WORDS,
    NUMBER_MAX,
    NoneAtAll,
    answer_words,
    is_answered,
    on_scale_of,
    takes_form,
    word_answer,
)
from planner.plan.holding import HOLD_WORDS, holds, margin_said, not_set
from planner.plan.model import Direction, Plan, share_amount
from planner.plan.planfile import schema_problems, to_data
from planner.plan.questions import SECTION_KEYS, SECTIONS, Kind, Question, completeness, kind_of
from planner.plan.rate import Rate, per_working_day, rate_of
from planner.plan.scale import is_share, two_readings
from planner.plan.shares import PartOf, part_of, share_of
from planner.plan.spoken import (
    Reading,
    absolute,
    convert,
    dont_know,
    field_unit,
    relative,
    spoken,
    units,
    word_share,
)
from planner.plan.text import range_partner
from planner.plan.workspace import Workspace
from planner.plan.yamlfile import decode_text, parse_yaml, read_text


def unanswered(plan: Plan) -> list[Question]:
    return [question for questions in completeness(plan).missing.values() for question in questions]


def require_complete(slug: str, plan: Plan) -> None:
    missing = unanswered(plan)
    if missing:
        lines = [f"{question.field}: {question.prompt}" for question in missing]
        raise Unanswered(
            f"plan '{slug}' has {len(missing)} unanswered question{'s' if len(missing) != 1 else ''}:\n"
            + "\n".join(lines)
            + f"\nanswer them with `planner interview {slug}`, or in a YAML file for `--answers FILE`"
        )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        merged[key] = _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


def fill(workspace: Workspace, slug: str, path: Path) -> Plan:
    """Merge a YAML file of answers (plan.yaml's shape, any subset) onto the plan, validate, save."""
    where = "stdin" if str(path) == "-" else str(path)
    text = decode_text(sys.stdin.buffer.read(), where) if str(path) == "-" else read_text(path, where)
    data = parse_yaml(text, where)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidPlan(where, [f"{where}:1: expected answers shaped like plan.yaml (e.g. `product:`)"])
    return fill_data(workspace, slug, data, where, text)


def from_pairs(pairs: Sequence[str]) -> dict[str, Any]:
    """`--data constraints.latency.p99_ms=200` answers, shaped like plan.yaml; each value read as YAML."""
    data: dict[str, Any] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        parts = key.strip().split(".")
        if not equals or not all(parts):
            raise UsageError(
                f"--data {pair!r}: write KEY.PATH=VALUE, e.g. --data constraints.latency.p99_ms=200"
            )
        node = data
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise UsageError(f"--data {pair!r}: {part} is given a value and answers under it")
        node[parts[-1]] = parse_yaml(value, f"--data {key.strip()}")
    return data


def fill_data(
    workspace: Workspace, slug: str, data: dict[str, Any], where: str = "--data", text: str | None = None
) -> Plan:
    """Merge answers (plan.yaml's shape, any subset) onto the plan, validate, save."""
    with workspace.editing():  # another interview saving meanwhile must not lose its answers
        base = to_data(workspace.load(slug)) if workspace.exists(slug) else {}
        merged = _merge(base, data)
        if "title" not in merged:
            raise UsageError(
                f"{where}: there is no plan '{slug}' yet, so the answers need a `title:`; "
                f"add one, or create the plan first with `planner new {slug} --title ...`"
            )
        try:
            plan = Plan.from_file(merged)
        except ValidationError as exc:
            raise InvalidPlan(where, schema_problems(exc, where, text)) from exc
        workspace.save(slug, plan)
    return plan


# ---------------------------------------------------------------- typed text to validated values


def hint(kind: Kind, info: FieldInfo, name: str = "") -> str:
    """What a number field accepts, from the model's own bounds, the words it also takes and the field's
    unit (e.g. `a whole number ≥ 0`, `a number of weeks > 0; 2 months works too`)."""
    said = answer_words(info.annotation)
    words = (", or " + " or ".join(f"'{word}'" for word in said)) if said else ""
    if kind is Kind.share:
        part = (
            ", its part of the whole such as 8 of 45 minutes" if takes_form(info.annotation, PartOf) else ""
        )
        return "a share such as 35% (35 and 0.35 work too)" + part + words
    if kind is Kind.number and takes_form(info.annotation, Rate):
        words = ", a count over another period such as 60 a year or 5 a week" + words
    if kind not in (Kind.integer, Kind.number):
        return ""
    metadata = info.metadata if answer_words(info.annotation) == () else _number_metadata(info.annotation)
    bounds = [
        f"{symbol} {getattr(meta, attr)}"
        for meta in metadata
        for attr, symbol in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<"))
        if getattr(meta, attr, None) is not None and abs(getattr(meta, attr)) != NUMBER_MAX
    ]
    unit = field_unit(name)
    what = "a whole number" if kind is Kind.integer else "a number"
    what += f" of {units([2], unit).split(' ', 1)[1]}" if unit else ""
    text = what + (" " + " and ".join(bounds) if bounds else "") + words
    other = {"week": "2 months", "day": "6 weeks", "ms": "0.2 s", "minute": "90 s"}
    return text + (f"; {other[unit]} works too" if unit in other else "")


def _number_metadata(annotation: Any) -> list[Any]:
    """The bounds of the number in a field that also takes words (`Number >= 0 | 'not measured'`)."""
    found: list[Any] = []
    for arg in getattr(annotation, "__args__", ()):
        found += list(getattr(arg, "__metadata__", ()))
        for meta in getattr(arg, "__metadata__", ()):
            found += list(getattr(meta, "metadata", ()))
    return found


def shown(value: Any, kind: Kind) -> str:
    """An answer as the text a prompt starts from (a share as a percent)."""
    if not is_answered(value):
        return ""
    if isinstance(value, bool):  # a yes/no asked after a figure (`120, yes`)
        return "yes" if value else "no"
    if isinstance(value, str):  # a word a figure takes (`not measured`)
        return value
    if kind is Kind.share:
        return f"{value * 100:.6g}%"
    return f"{value:g}" if isinstance(value, float) else str(value)


_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "bn": 1e9, "B": 1e9}  # not `m`: minutes or millions?
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_AMOUNT = re.compile(
    r"(?P<sign>-?)\s*(?P<symbol>[$€£¥])?\s*(?P<digits>\d[\d,_ \u00a0\u202f]*(?:\.\d+)?|\.\d+)\s*"
    r"(?P<scale>k|K|M|bn|B)?\s*(?P<code>[A-Za-z]{3})?"
)


def amount(raw: str) -> tuple[float | int, str | None] | None:
    """A number as people type it, and the currency it names: `12,500`, `3k`, `€3,000`, `$1.2M`,
    `3 000 EUR` -> (3000, 'EUR'). None if it is not a number at all."""
    match = _AMOUNT.fullmatch(raw.strip())
    if not match:
        return None
    digits = re.sub(r"[,_ \u00a0\u202f]", "", match["digits"])
    grouped = re.sub(r"[_ \u00a0\u202f]", ",", match["digits"].strip())
    if "," in grouped and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", grouped):
        return None  # `3,5` or `1,00,0`: a decimal comma or a typo, not thousands
    value: float | int = float(digits) if "." in digits else int(digits)
    if match["scale"]:
        value = value * _SCALE[match["scale"]]
        value = int(value) if float(value).is_integer() else value
    if match["sign"]:
        value = -value
    code = match["code"].upper() if match["code"] else None
    currency = _SYMBOLS.get(match["symbol"] or "") or code
    if match["symbol"] and code and _SYMBOLS[match["symbol"]] != code:
        return None
    return value, currency


def share(raw: str) -> float:
    """A share as people type it: `35`, `35%` and `0.35` are all 35%, `a fifth` and `1 in 5` 20%; a bare
    `1` is asked about."""
    text = raw.strip()
    percent = text.endswith("%")
    found = amount(text.rstrip("%").strip())
    if found is None and (said := word_share(text)) is not None:
        return said  # `a fifth`, `half`, `1 in 5`
    if found is None or found[1] is not None:
        raise ValueError("not a share I can read")
    value = float(found[0])
    if percent or value > 1:
        return value / 100
    if value == 1:
        raise ValueError("1 could mean 1% or all of them; type 1% or 100%")
    return value


def _problem(exc: ValidationError, hint: str) -> str:
    """Why an answer was refused, in a few words, with what to enter instead."""
    error = exc.errors()[0]
    kind = str(error["type"])
    if kind in ("int_parsing", "float_parsing"):
        text = "not a number I can read"
    elif kind == "int_from_float":
        text = f"{error['input']:g} is not a whole number"
    elif hint.startswith("a share") and kind in ("less_than_equal", "greater_than_equal"):
        text = "must be between 0% and 100%"
    elif kind in ("string_too_short", "missing"):
        text = "this one needs an answer"
    elif kind == "margin_range":
        return str(error["msg"])  # says its own fix
    else:
        text = str(error["msg"]).replace("Input should be", "must be").replace("Value error, ", "")
    return f"{text}; enter {hint}" if hint else text


def parse(holder: BaseModel, name: str, kind: Kind, raw: Any, *, optional: bool = True) -> Any:
    """The value an answer gives `holder.name` under the plan file's own rules; ValueError says why not.

    Numbers are read as people type them (`12,500`, `3k`, `$1.2M`), shares as percents (`35` is 35%).
    """
    reading = read(holder, name, kind, raw, optional=optional)
    if reading.unknown:
        raise ValueError("an answer is needed here; \"don't know yet\" is for the interview's questions")
    return reading.value


# Score fields where `99.5%` reads on the scale of the others already typed (0.97: 0.995; 97: 99.5).
_SCORES = {"Metric": ("baseline", "target"), "ByHand": ("human_score",)}


# "We have none" where a metric's baseline goes, in the words the file takes (`baseline: none`) and more.
_NO_BASELINE = re.compile(r"(?:there is |we have )?no baseline(?: yet| today)?|none so far", re.IGNORECASE)


def says_none(holder: BaseModel, name: str, raw: str) -> bool:
    """Whether an answer to a metric's baseline says there is none (`none`, `n/a`, `no baseline`): the
    file records it once for the section, as it does `baseline: none` written by hand."""
    if (type(holder).__name__, name) != ("Metric", "baseline"):
        return False
    text = " ".join(raw.lower().split()).strip(" .!")
    return (
        word_answer(NoneAtAll, text) is not None or text in NONE_WORDS or bool(_NO_BASELINE.fullmatch(text))
    )


def read(holder: BaseModel, name: str, kind: Kind, raw: Any, *, optional: bool = True) -> Reading:
    """What an answer says for `holder.name`: its value under the plan file's own rules, and what was read
    into it (`about 50` is approximate; `2 months` for weeks is converted; `30-90` fills a range, or
    gives its midpoint); "don't know yet" is `unknown`. ValueError says why an answer cannot be read."""
    info = type(holder).model_fields[name]
    reading = Reading(raw)
    if isinstance(raw, str):
        if not raw.strip():
            if optional:
                return Reading(None)
            raise ValueError("this one needs an answer")
        word = word_answer(info.annotation, raw)
        if word is None and says_none(holder, name, raw):
            reading = Reading(None, none=True, note="none: there is no baseline today")
        elif word is not None:  # `Not measured yet` on a figure that takes the words `not measured`
            reading = Reading(word)
        elif dont_know(raw):
            return Reading(unknown=True)
        elif (type(holder).__name__, name) == ("Metric", "target") and holds(raw):
            reading = Reading(None, also={"relative_target": 0.0}, note=HOLD_WORDS)  # a guardrail held
        elif (type(holder).__name__, name) == ("Metric", "target") and not_set(raw):
            reading = Reading(None, note="no target yet")
        elif (type(holder).__name__, name) == ("Metric", "target") and (
            said := relative(raw) or margin_said(raw)
        ):
            _one_reading(holder, raw, *said)  # `+5%` on a share of 0.4: 5 points, or 5% of 0.4?
            # `20% lower`: a relative target, kept as such (with the direction it says, if it says one)
            reading = Reading(None, also={"relative_target": said[0]})
            reading.also |= {"direction": said[1]} if said[1] else {}
            reading.note = f"{formatting.share(said[0])} {said[1] or 'better'} than the baseline"
        elif (type(holder).__name__, name) == ("Metric", "target") and (margin := absolute(raw)):
            reading = _margin(holder, *margin)
        elif kind is Kind.share and part_of(raw.strip()) is not None and takes_form(info.annotation, PartOf):
            reading = Reading(raw.strip())  # `8 of 45 minutes`: kept as both figures
            found = share_of(_valid(holder, name, kind, info, raw.strip()))
            reading.note = f"{formatting.share(found)} of the whole" if found is not None else ""
        elif (
            kind is Kind.number
            and rate_of(raw.strip().lower()) is not None
            and takes_form(info.annotation, Rate)
        ):
            reading = Reading(raw.strip().lower())  # `60 a year`: kept in the team's own period
            found = per_working_day(_valid(holder, name, kind, info, reading.value))
            reading.note = f"about {formatting.number(found, significant=2)} a working day" if found else ""
        elif kind in (Kind.share, Kind.integer, Kind.number):
            reading = _number(holder, name, kind, raw, info)
        else:
            reading = Reading(raw)
    reading.value = _valid(holder, name, kind, info, reading.value)
    trial = holder.model_copy()  # the other fields together: `5 points lower` checks its goal going down
    for other, value in reading.also.items():
        info = type(holder).model_fields[other]
        reading.also[other] = _valid(trial, other, kind_of(info), info, value)
        setattr(trial, other, reading.also[other])
    return reading


def _one_reading(holder: BaseModel, raw: str, percent: float, direction: str | None) -> None:
    """Refuse a percent margin on a share that reads two ways (`+5%` on 0.4: 0.45 or 0.42?), with both."""
    base = getattr(holder, "baseline", None)
    if isinstance(base, int | float) and is_share(getattr(holder, "name", None) or "", float(base)):
        problem = two_readings(raw, percent, float(base), direction)
        if problem:
            raise ValueError(problem)


def _margin(holder: BaseModel, amount: float, direction: str | None, points: bool) -> Reading:
    """`1.5 points lower`: an absolute target, kept as such. Points over a baseline written as a fraction
    (0.12) are hundredths of it: 1.5 points is 0.015."""
    said_base = getattr(holder, "baseline", None)
    base = float(said_base) if isinstance(said_base, int | float) else None
    fraction = base is not None and 0 < base <= 1  # points said of a fraction are hundredths of it
    if (
        base is not None
        and is_share(getattr(holder, "name", None) or "", base)
        and not points
        and amount >= 1
    ):  # `5 more` on 0.8: points, or 0.05?
        lower = (direction or getattr(holder, "direction", None)) == Direction.lower_is_better
        word = direction or "better"
        raise ValueError(
            f"{share_amount(amount, base, base - amount if lower else base + amount)}; type "
            f"'{formatting.number(amount)} points {word}' or '{formatting.number(amount / 100)} {word}'"
        )
    value = float(f"{amount / 100:.10g}") if points and fraction else amount
    # The direction first, so the goal is checked going the way the answer says.
    reading = Reading(None, also={"direction": direction} if direction else {})
    reading.also["absolute_target"] = value
    said = "above" if direction == "higher" else "below" if direction == "lower" else "better than"
    reading.note = f"{formatting.number(value)} {said} the baseline"
    reading.note += (
        f" ({formatting.number(amount)} points of {formatting.number(base)})" if points and fraction else ""
    )
    return reading


def _valid(holder: BaseModel, name: str, kind: Kind, info: FieldInfo, value: Any) -> Any:
    trial = holder.model_copy()
    try:
        setattr(trial, name, value)
    except ValidationError as exc:
        raise ValueError(_problem(exc, hint(kind, info, name))) from None
    return getattr(trial, name)


def _as_range(holder: BaseModel, name: str, raw: str) -> str | None:
    """The range as typed, where the field keeps one as text (a baseline); None where it takes one figure."""
    trial = holder.model_copy()
    try:
        setattr(trial, name, raw.strip())
    except ValidationError:
        return None
    kept = getattr(trial, name)
    return kept if isinstance(kept, str) else None


def _number(holder: BaseModel, name: str, kind: Kind, raw: str, info: FieldInfo) -> Reading:
    """A number, a share or an amount as said: words and units around it read, each end of a range."""
    said = spoken(raw)
    wanted = field_unit(name)
    if said.unit and wanted is None:
        raise ValueError(f"a number without a unit of time; enter {hint(kind, info, name)}")
    ends = [_one(holder, name, kind, info, text) for text in (said.low, said.high) if text is not None]
    notes = [
        f"{text} is {formatting.number(value)}"
        for text, value in zip((said.low, said.high), ends, strict=False)
        if kind is not Kind.share and text and text.endswith("%") and value != (amount(text[:-1]) or [0])[0]
    ]
    if said.unit and wanted and said.unit != wanted:
        converted = [convert(value, said.unit, wanted) for value in ends]
        notes.append(f"{units(ends, said.unit)} is {units(converted, wanted)}")
        ends = converted
    if len(ends) == 2 and any(isinstance(end, str) for end in ends):
        ends = [
            _valid(holder, name, kind, info, raw)
        ]  # a text with a dash in it (`2024-25 season`), no range
    if len(ends) == 2 and ends[0] > ends[1]:
        raise ValueError(
            f"'{raw.strip()}' runs from high to low: write a range low end first; a period such as a "
            f"season (2024-25) is not a figure; enter {hint(kind, info, name)}"
        )
    reading = Reading(ends[0], approximate=said.approximate)
    if len(ends) == 2:
        low, high = ends
        partner = range_partner(holder, name)
        if partner:
            reading.value, reading.also[partner] = low, high
        elif (kept := _as_range(holder, name, raw)) is not None:
            reading.value = kept  # a field that keeps a range as typed (a baseline: `0.4-0.45`)
        else:
            middle = float(f"{(low + high) / 2:.4g}")
            reading.value, reading.approximate = middle, True
            notes.append(f"the midpoint of {_said(kind, low, high)}")
    if kind is Kind.integer and isinstance(reading.value, float):
        if not reading.value.is_integer() and (notes or reading.approximate):
            notes.append("rounded")
        if notes or reading.value.is_integer():
            reading.value = round(reading.value)
    reading.note = ", ".join(notes)
    return reading


def _said(kind: Kind, low: float, high: float) -> str:
    if kind is Kind.share:
        return f"{formatting.share(low).rstrip('%')}-{formatting.share(high)}"
    return formatting.span(low, high)


def _one(holder: BaseModel, name: str, kind: Kind, info: FieldInfo, text: str) -> Any:
    """One number as typed (`35%`, `3k`, `0.97`), on the field's scale."""
    if kind is Kind.share:
        try:
            return share(text)
        except ValueError as exc:
            ambiguous = str(exc).startswith("1 could")
            raise ValueError(str(exc) if ambiguous else f"{exc}; enter {hint(kind, info, name)}") from None
    percent = text.endswith("%")
    found = amount(text.rstrip("%").strip() if percent else text)
    if found is not None and found[1] is not None:
        raise ValueError(f"a number without a currency; enter {hint(kind, info, name)}")
    if found is None:
        return text  # the model's own message says why
    if not percent:
        return found[0]
    if type(holder).__name__ not in _SCORES:
        raise ValueError(f"a number, not a percent; enter {hint(kind, info, name)}")
    peers = _SCORES[type(holder).__name__]
    if name not in peers:
        raise ValueError(f"a number, not a percent; enter {hint(kind, info, name)}")
    return on_scale_of(found[0], [getattr(holder, peer, None) for peer in peers if peer != name])


# ---------------------------------------------------------------- sections and the review


def section_key(name: str) -> str:
    key = name.strip().lower().replace("-", "_")
    if key.isdigit() and 1 <= int(key) <= len(SECTIONS):
        return SECTION_KEYS[int(key) - 1]
    if key in SECTION_KEYS:
        return key
    raise UsageError(f"unknown section {name!r}; use one of {', '.join(SECTION_KEYS)} (or 1-{len(SECTIONS)})")
