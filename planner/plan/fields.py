"""The field types a plan is made of: names, texts, scores, figures, dates, 'none' answers, Record."""

from __future__ import annotations

import json
import re
import types
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planner.plan.shares import PartOf, Share, part_first

# Plan names (slugs) and risk ids: lowercase words joined by single dashes; safe in paths and URLs.
NAME_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def takes_form(annotation: Any, form: Any) -> bool:
    """Whether a field's type takes a text form (`PartOf`: `8 of 45 minutes`; `Rate`: `60 a year`) among
    the forms it accepts."""
    if annotation is form:
        return True
    return any(takes_form(arg, form) for arg in get_args(annotation) if get_origin(annotation) is not Literal)


# What counts as blank, spelled out: Python's `str.isspace` and a JavaScript regex's `\s` (what editors
# run the schema's patterns with) disagree on U+0085 and U+FEFF, so neither `\s` is used.
_BLANK_CLASS = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
BLANK = "".join(
    chr(code)
    for low, high in ((0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680),
                      (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F),
                      (0x3000, 0x3000), (0xFEFF, 0xFEFF))
    for code in range(low, high + 1)
)  # fmt: skip


def _tidy_text(value: Any) -> Any:
    """Normalise line ends and trailing spaces so multi-line answers stay YAML block scalars; blank
    characters around the text go."""
    if isinstance(value, str):
        lines = value.replace("\r\n", "\n").split("\n")
        return "\n".join(line.rstrip(BLANK) for line in lines).strip(BLANK)
    return value


TEXT_MAX = 20_000


# Blank text (spaces only) is no answer: the schema says so with a pattern of the same characters.
Text = Annotated[
    str,
    BeforeValidator(_tidy_text),
    StringConstraints(min_length=1, max_length=TEXT_MAX),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": TEXT_MAX, "pattern": f"[^{_BLANK_CLASS}]"}
    ),
]


def _whole(value: Any) -> Any:
    """`500.0` is the whole number 500, as JSON Schema's `integer` (and every editor) reads it."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= NUMBER_MAX:
        return int(value)
    return value


Score = Annotated[int, BeforeValidator(_whole), Field(ge=1, le=5)]


# What a team writes when the honest answer is "we have none" (as opposed to leaving it unanswered);
# any case. The JSON Schema gets the same words as a pattern, so editors and planner agree.
NONE_WORDS = ("none", "nothing", "none yet", "we have none", "n/a")


_NONE = (
    "^\\s*("
    + "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word) for word in NONE_WORDS
    )
    + ")\\s*$"
)


NONE_SCHEMA = {"type": "string", "pattern": _NONE}


def _is_none_word(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(_NONE, value) is not None


# A figure nobody measured yet ("not measured"), a thing that may not exist ("none"), a choice not made yet
# ("not decided"), a fact nobody can tell yet ("not known"): answers, not gaps. Files hold these words; the interview also takes people's phrasings.
NOT_MEASURED, NOT_DECIDED, NOT_KNOWN = "not measured", "not decided", "not known"
NotMeasured = Literal["not measured"]
NotDecided = Literal["not decided"]
# A yes/no fact about the team's own setup nobody has looked at yet (`versioned: not checked`).
NotChecked = Literal["not checked"]
NoneAtAll = Literal["none"]
# A step's share of the whole: a fraction, its part of the whole, or "not measured".
StepShare = Annotated[Share | PartOf | NotMeasured, BeforeValidator(part_first)]
_WORDS = {
    "not measured": ("not measured", "not measured yet", "unmeasured", "unknown", "not known", "don't know",
                     "do not know", "no idea", "not counted", "not counted yet", "?"),
    "none": ("none", "no", "nothing", "n/a", "there is none", "no such stage", "none yet"),
    "not decided": ("not decided", "not decided yet", "undecided", "not chosen", "not chosen yet"),
    "not known": ("not known", "not known yet", "unknown", "not sure", "unsure", "can't tell", "cannot tell"),
    "not checked": ("not checked", "not checked yet", "unchecked", "unknown", "don't know", "do not know",
                    "not sure"),
}  # fmt: skip


def answer_words(annotation: Any) -> tuple[str, ...]:
    """The words a field takes besides its number (`not measured`, `none`), from its type."""
    if get_origin(annotation) is Literal:
        return tuple(arg for arg in get_args(annotation) if isinstance(arg, str))
    if get_origin(annotation) is Annotated:
        return answer_words(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(word for arg in get_args(annotation) for word in answer_words(arg))
    return ()


def word_answer(annotation: Any, raw: str) -> str | None:
    """The word a typed answer stands for on a field that takes words (`Not measured yet`), or None."""
    typed = " ".join(raw.lower().replace("’", "'").split()).strip(" .!")
    return next((word for word in answer_words(annotation) if typed in _WORDS.get(word, (word,))), None)


def also(*extras: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """`json_schema_extra` for a field that also takes shorthands planner converts on read."""

    def widen(schema: dict[str, Any]) -> None:
        kept: dict[str, Any] = {
            key: schema.pop(key) for key in ("title", "description", "default") if key in schema
        }
        options = schema.pop("anyOf") if "anyOf" in schema else [dict(schema)]
        schema.clear()
        schema.update({"anyOf": [*options, *extras], **kept})

    return widen


_RANGE = r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:-|–|to)\s*([0-9]+(?:\.[0-9]+)?)\s*(?:days?)?\s*$"


class Record(BaseModel):
    """Base of every model people edit by hand: unknown keys are errors, not silently dropped."""

    # NaN and infinity (YAML `.nan`, `.inf`) pass no range check and break every figure: never numbers here.
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_attribute_docstrings=False, allow_inf_nan=False
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_unanswered(cls, data: Any) -> Any:
        """A section or list written with nothing under it (`product:`) is empty, not an error."""
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        data = {
            key: value
            for key, value in data.items()
            if not (value is None and key in fields and fields[key].default_factory is not None)
        }
        noneable: frozenset[str] = getattr(cls, "NONEABLE", frozenset())
        said = [key for key in noneable if key in data and _is_none_word(data[key])]
        if said:
            # `monitoring: none` is an answer ("we have none"), kept apart from an unanswered question.
            known = list(data.get("none") or [])
            data = {key: value for key, value in data.items() if key not in said}
            data["none"] = known + [key for key in said if key not in known]
        return data

    def asks(self, name: str) -> bool:
        """Whether the interview asks this field of an entry typed so far (`self`, a draft): a record
        may skip fields its earlier answers make pointless."""
        return True

    @classmethod
    def from_file(cls, data: Any) -> Self:
        """Validate data read from a file as its JSON Schema does: strict types, so `'800'` is not a
        number and `"false"` not a boolean (in the interview, typed text is still converted)."""
        return cls.model_validate_json(json.dumps(data, default=_as_text), strict=True)

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of the file, agreeing with `from_file`: a section or list left empty
        (`product:` with nothing under it) is allowed, as it is unanswered."""
        schema = cls.model_json_schema()
        for model in _records(cls):
            target = schema if model is cls else schema["$defs"].get(model.__name__, {})
            for name, info in model.model_fields.items():
                prop = target.get("properties", {}).get(name)
                if info.default_factory is None or prop is None:
                    continue
                kept = {key: prop.pop(key) for key in ("title", "description") if key in prop}
                prop.pop("default", None)
                target["properties"][name] = {"anyOf": [prop, {"type": "null"}], **kept}
        return schema


def _as_text(value: Any) -> str:
    """A value JSON has no type for (a date tagged `!!timestamp`...), as the text it was written as."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _records(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and every model nested in its fields, each once."""
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.append(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in getattr(annotation, "__args__", ()):
            visit(arg)

    visit(model)
    return found


# The largest magnitude a number in a plan, a version or the experiment log may have: a million
# billion. Whole numbers up to it stay exact as floats (2**53 is about 9e15), and sums, products and
# chart scales of a few of them stay finite; `1e308` would overflow them all.
NUMBER_MAX = 10**15


Number = Annotated[float, Field(ge=-NUMBER_MAX, le=NUMBER_MAX)]

# A metric's figure may fall below zero (a growth of -5%, a margin of -2%): its percent takes a sign.
_SIGNED_PERCENT = r"^ *(-? *(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)) *% *$"
# A metric's figure (a baseline, a target, a person's score): a number, or a percent read on the scale of its
# peers (`11%` beside a target of 0.2 is 0.11; beside a target of 15, MAPE in points, it is 11).
Figure = Annotated[
    Number,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": -NUMBER_MAX, "maximum": NUMBER_MAX},
                {"type": "string", "pattern": _SIGNED_PERCENT},
            ]
        }
    ),
]


def percent_on_scale(value: Any, peers: Sequence[Any]) -> Any:
    """`11%` as a figure on the scale of the figures beside it: a fraction, unless one of them is above 1
    (a metric in points, MAPE 15), where the percent is those points; anything else is returned as is."""
    match = re.fullmatch(_SIGNED_PERCENT, value) if isinstance(value, str) else None
    if match is None:
        return value
    return on_scale_of(float(match.group(1).replace(" ", "")), peers)


def on_scale_of(percent: float, peers: Sequence[Any]) -> float:
    """A percent's figure on the scale of the figures beside it: points where one of them is above 1."""
    in_points = any(
        isinstance(peer, int | float) and not isinstance(peer, bool) and peer > 1 for peer in peers
    )
    return percent if in_points else percent / 100


Whole = Annotated[int, BeforeValidator(_whole), Field(ge=-NUMBER_MAX, le=NUMBER_MAX)]


# Ten years: a time box is weeks or months; a million weeks ends past the last day a date can hold.
TIMEBOX_MAX_WEEKS = 520


# The days planner reads and writes: 9999-12-31 plus a time box overflows every date computation, and
# a log dated 0001-01-01 cannot be drawn; no plan, risk or run of ML work falls outside these.
DAY_MIN, DAY_MAX = date(1900, 1, 1), date(2200, 12, 31)


# A day as plan files hold it: `2026-11-02`, nothing else (`20261102`, ` 2026-11-02 `, `tomorrow` are
# refused by both planner and the schema; `format: date` alone only annotates in draft 2020-12).
_DAY_FORM = r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
_DAY_PATTERN = r"^(?:19[0-9]{2}|2[01][0-9]{2}|2200)" + _DAY_FORM  # and within DAY_MIN to DAY_MAX


def _in_range(value: Any) -> Any:
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(day, date) and not DAY_MIN <= day <= DAY_MAX:
        raise PydanticCustomError(
            "day_out_of_range",
            "{day} is outside the dates planner reads ({low} to {high}); write a day in that range",
            {"day": day.isoformat(), "low": DAY_MIN.isoformat(), "high": DAY_MAX.isoformat()},
        )
    return value


# A day read from ISO text (YAML 1.2); the alias also keeps a field named `date` from shadowing the type.
Day = Annotated[
    date,
    BeforeValidator(lambda value, info: _iso_date(value, info)),
    AfterValidator(_in_range),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": _DAY_PATTERN,
            "description": "A day written YYYY-MM-DD, 1900-01-01 to 2200-12-31 (a day that does not exist, "
            "such as 2026-02-30, is refused by `planner check`).",
        }
    ),
]


def _iso_date(value: Any, info: ValidationInfo) -> Any:
    """`2026-03-02` as a day: YAML 1.2 reads it as text, and strict validation takes no text. Only
    that form is a day (Python would also read `20261102`, and pydantic a number as a timestamp); a
    typed answer in the interview may have spaces around it."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and info.mode == "python":
        value = value.strip()
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}" + _DAY_FORM, value):  # then _in_range
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(
        "day", "'{value}' is not a day; write it as YYYY-MM-DD, such as 2026-11-02", {"value": value}
    )


def field_at(model: BaseModel, path: str) -> Any:
    """The value at a dotted path such as `constraints.latency.p99_ms`."""
    value: Any = model
    for part in path.split("."):
        value = getattr(value, part)
    return value


def is_answered(value: Any) -> bool:
    """Whether an answer counts as given: None and empty lists do not."""
    return value is not None and value != [] and value != ""


def _iso_time(value: Any) -> Any:
    """ISO 8601 text as a time: a version file holds it quoted (strict validation takes no text)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


# A moment (UTC) within the days planner reads, from ISO 8601 text.
Moment = Annotated[datetime, BeforeValidator(lambda value: _iso_time(value)), AfterValidator(_in_range)]


def said_none(model: BaseModel, path: str) -> bool:
    """Whether the team answered "we have none" to the list at `path` (`done.metrics: none`)."""
    parent, _, name = path.rpartition(".")
    holder = field_at(model, parent) if parent else model
    return name in (getattr(holder, "none", None) or ())


def answered_at(model: BaseModel, path: str) -> bool:
    """Whether the question at `path` is answered, an explicit "we have none" included."""
    return is_answered(field_at(model, path)) or said_none(model, path)
