"""The kickoff interview: one translator from the question bank to prompts, the flow, and its screens."""

from __future__ import annotations

import functools
import re
import sys
import textwrap
import types
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import questionary
from prompt_toolkit.application import get_app_session
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from pydantic import BaseModel, ValidationError, create_model
from pydantic.fields import FieldInfo
from questionary import Choice

from planner import model as m
from planner.errors import InvalidPlan, PlannerError, UsageError
from planner.model import Plan, field_at, is_answered
from planner.questions import SECTION_KEYS, SECTIONS, Kind, Question, Section, completeness, questions_in
from planner.report import format_value
from planner.store import Workspace, parse_yaml, read_text, schema_problems, to_data, validate_slug


class Interrupted(PlannerError):
    """Ctrl-C or Ctrl-D at a prompt; every answer given so far is already on disk."""

    exit_code = 130


class Unanswered(PlannerError):
    """`--no-input` found applicable questions nobody has answered."""


SKIP = "\x00skip"
STYLE = questionary.Style([("instruction", "fg:ansibrightblack")])
LABELS: dict[type[Enum], dict[str, str]] = {
    m.TaskType: {
        "classification": "classification (which class?)",
        "regression": "regression (how much?)",
        "ranking": "ranking (what first?)",
        "detection": "detection (where is it?)",
        "segmentation": "segmentation (which pixels or spans?)",
        "forecasting": "forecasting (what next, over time?)",
        "anomaly_detection": "anomaly detection (what is unusual?)",
        "generation": "generation (write text, images...)",
        "clustering": "clustering (which groups?)",
    },
    m.DataKind: {"tabular": "tabular (rows and columns)", "text": "free text"},
    m.Mode: {
        "improve": "improve a process",
        "augment": "augment people (they decide, helped by the model)",
        "automate": "automate (the model decides alone)",
    },
    m.RulesVerdict: {
        "rules_suffice": "rules are all we need",
        "rules_baseline": "rules are a baseline a model must beat",
        "rules_cannot_help": "rules cannot help",
        "not_tried": "not tried yet",
    },
    m.ErrorCost: {
        "false_positive": "false positives (false alarms)",
        "false_negative": "false negatives (misses)",
        "similar": "about the same",
    },
    m.Acquisition: {
        "own": "our own systems",
        "vendor": "bought from a vendor",
        "public": "public data",
        "to_collect": "still to collect",
    },
    m.LabelSource: {
        "existing": "already recorded",
        "outcomes": "real-world outcomes, known later",
        "manual": "labelled by hand",
        "vendor": "a labelling vendor",
        "proxy": "a proxy signal",
        "none": "no labels",
    },
    m.Serving: {
        "batch": "batch (precomputed)",
        "online": "online (a system waits for each answer)",
        "interactive": "interactive (a person waits)",
    },
    m.ModelSize: {
        "small": "small (linear models, trees)",
        "medium": "medium (small neural nets)",
        "large": "large (big nets, ensembles)",
        "huge": "huge (LLMs)",
    },
    m.Hardware: {"cpu": "CPU", "gpu": "GPU", "edge": "edge devices"},
    m.Direction: {"higher": "higher is better", "lower": "lower is better"},
    m.Split: {"time": "by time (test on later data)", "group": "by group (e.g. unseen customers)"},
}
_EOF_KEYS = KeyBindings()


@_EOF_KEYS.add("c-d")
def _end_of_input(event: Any) -> None:
    event.app.exit(exception=EOFError)


def label(member: Enum) -> str:
    return LABELS.get(type(member), {}).get(member.value, str(member.value).replace("_", " "))


# ---------------------------------------------------------------- the translator


def _base(annotation: Any) -> Any:
    """The core type of a field: unwraps Optional, list[...] and Annotated."""
    while get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = args[0]
    return annotation


def _say(text: str, style: str = "") -> None:
    questionary.print(text, style=style)


def _ask(question: questionary.Question, menu: bool = False) -> Any:
    """Run one prompt; Ctrl-C and (in menus too) Ctrl-D raise, so the caller can stop cleanly."""
    if menu:
        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), _EOF_KEYS])
    return question.unsafe_ask(patch_stdout=False)


def _problem(exc: ValidationError, hint: str) -> str:
    error = exc.errors()[0]
    kind = str(error["type"])
    if kind in ("int_parsing", "int_from_float", "float_parsing"):
        text = "not a number I can read"
    elif kind in ("string_too_short", "missing"):
        text = "this one needs an answer"
    else:
        text = str(error["msg"]).replace("Input should be", "must be").replace("Value error, ", "")
    return f"{text}; enter {hint}" if hint else text


def _hint(kind: Kind, info: FieldInfo) -> str:
    if kind is Kind.share:
        return "a share such as 20% or 0.2"
    if kind not in (Kind.integer, Kind.number):
        return ""
    bounds = [
        f"{symbol} {getattr(meta, attr)}"
        for meta in info.metadata
        for attr, symbol in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<"))
        if getattr(meta, attr, None) is not None
    ]
    return ("a whole number" if kind is Kind.integer else "a number") + (
        " " + " and ".join(bounds) if bounds else ""
    )


def _shown(value: Any, kind: Kind) -> str:
    if not is_answered(value):
        return ""
    if kind is Kind.share:
        return f"{value * 100:.6g}%"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _as_number(raw: str) -> str:
    text = raw.strip().replace("_", "")
    return text.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text) else text


def ask_value(holder: BaseModel, name: str, kind: Kind, message: str, *, ends: str = "") -> Any:
    """Ask for one field of `holder`, validated by the model's own rules; None means no answer.

    `ends` marks the first field of a list entry and says what an empty answer does there.
    """
    info = type(holder).model_fields[name]
    current = getattr(holder, name)
    optional = bool(ends) or info.default is None or kind is Kind.multi_choice

    def check(raw: Any) -> Any:
        trial = holder.model_copy()
        try:
            setattr(trial, name, raw)
        except ValidationError as exc:
            raise ValueError(_problem(exc, _hint(kind, info))) from None
        return getattr(trial, name)

    if kind in (Kind.choice, Kind.yes_no, Kind.multi_choice):
        return check(_choose(kind, _base(info.annotation), message, current, optional))

    def convert(raw: str) -> Any:
        if not raw.strip():
            if optional:
                return None
            raise ValueError("this one needs an answer")
        return check(_as_number(raw) if kind in (Kind.integer, Kind.number) else raw)

    def validate(raw: str) -> bool | str:
        try:
            convert(raw)
        except ValueError as exc:
            return str(exc)
        return True

    hint = _hint(kind, info)
    tail = "Esc then Enter to finish" if kind is Kind.long_text else ""
    tail = "; ".join(part for part in (hint, tail, ends) if part)
    raw = _ask(
        questionary.text(
            message,
            default=_shown(current, kind),
            validate=validate,
            multiline=kind is Kind.long_text,
            instruction=f"({tail})" if tail else None,
            style=STYLE,
        )
    )
    return convert(raw)


def _choose(kind: Kind, enum: Any, message: str, current: Any, optional: bool) -> Any:
    if kind is Kind.multi_choice:
        choices = [Choice(label(item), item.value, checked=item in current) for item in enum]
        picked = _ask(questionary.checkbox(message, choices=choices, style=STYLE), menu=True)
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
            message, choices=choices, default=default, use_shortcuts=True, use_jk_keys=False, style=STYLE
        ),
        menu=True,
    )
    if picked == SKIP:
        return None
    return picked == "yes" if kind is Kind.yes_no else picked


def _kind_of(info: FieldInfo) -> Kind:
    base = _base(info.annotation)
    if isinstance(base, type) and issubclass(base, Enum):
        return Kind.choice
    return {float: Kind.number, int: Kind.integer}.get(base, Kind.text)


# ---------------------------------------------------------------- one question, one section


class Session:
    """One interview of one plan; saves after every answer."""

    def __init__(self, workspace: Workspace, slug: str, plan: Plan) -> None:
        self.workspace, self.slug, self.plan = workspace, slug, plan

    def save(self) -> None:
        self.workspace.save(self.slug, self.plan)

    def put(self, path: str, value: Any) -> None:
        parent, _, name = path.rpartition(".")
        setattr(field_at(self.plan, parent) if parent else self.plan, name, value)
        self.save()

    def ask(self, question: Question) -> None:
        parent, _, name = question.field.rpartition(".")
        holder: BaseModel = field_at(self.plan, parent) if parent else self.plan
        if question.kind in (Kind.list, Kind.items):
            _say(f"? {question.prompt}", "bold")
            self.ask_many(question, holder, name)
        else:
            self.put(question.field, ask_value(holder, name, question.kind, question.prompt))

    def ask_many(self, question: Question, holder: BaseModel, name: str) -> None:
        """The add-another loop: existing entries first (empty removes one), then new ones."""
        existing, kept = list(getattr(holder, name)), list[Any]()
        annotation: Any = type(holder).model_fields[name].annotation
        while True:
            old = existing.pop(0) if existing else None
            ends = "empty ends the list" if old is None else "empty removes it"
            title = f"{len(kept) + 1}"
            if question.kind is Kind.list:
                entry = ask_value(_entry(annotation)(value=old), "value", Kind.text, f"  {title}.", ends=ends)
            else:
                entry = self.ask_record(_base(annotation), old, title, ends)
            if entry is not None:
                kept.append(entry)
            if entry is not None or old is not None:
                self.put(question.field, [*kept, *existing])
            if old is None and entry is None:
                return

    def ask_record(self, record: type[BaseModel], old: BaseModel | None, title: str, ends: str) -> Any:
        """One list entry (a rule, a metric...), field by field, with the model's descriptions as help."""
        values: dict[str, Any] = {}
        for position, (name, info) in enumerate(record.model_fields.items()):
            if info.description:
                _say(f"  {info.description}", "fg:ansicyan")
            draft = record.model_construct(**{**(dict(old) if old else {}), **values})
            message = f"  {record.__name__.lower()} {title} · {name.replace('_', ' ')}"
            value = ask_value(draft, name, _kind_of(info), message, ends=ends if position == 0 else "")
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
            if question not in pending(position):
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
            _require_complete(slug, plan)
        return closing(workspace, slug, plan)
    if not terminal:
        raise UsageError(
            "no terminal to ask questions on (input is not a terminal); pass answers with "
            "`planner interview SLUG --answers FILE`, or list what is unanswered with `--no-input`"
        )
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
            raise Interrupted("stopped before the plan was created; nothing was saved") from None
        where = workspace.shown(workspace.plan_file(session.slug))
        done = completeness(session.plan).answered
        raise Interrupted(
            f"stopped; all {done} answers so far are saved in {where}\n"
            f"resume with `planner interview {session.slug}`"
        ) from None
    return closing(workspace, session.slug, session.plan)


def section_key(name: str) -> str:
    key = name.strip().lower().replace("-", "_")
    if key.isdigit() and 1 <= int(key) <= len(SECTIONS):
        return SECTION_KEYS[int(key) - 1]
    if key in SECTION_KEYS:
        return key
    raise UsageError(f"unknown section {name!r}; use one of {', '.join(SECTION_KEYS)} (or 1-{len(SECTIONS)})")


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
        plan = session.plan
        _say("\n━━ Review " + "━" * 40, "bold")
        for number, sec in enumerate(SECTIONS, start=1):
            applicable = [q for q in questions_in(sec.key) if q.applies(plan)]
            answered = [q for q in applicable if q.answered(plan)]
            first = format_value(field_at(plan, answered[0].field), answered[0].kind) if answered else ""
            first = first.replace("\n", " ")
            first = f" · {first[:50]}{'…' if len(first) > 50 else ''}" if first else ""
            _say(f"{number}. {sec.title:<31} {len(answered):>2}/{len(applicable):<2} answered{first}")
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


def _unanswered(plan: Plan) -> list[Question]:
    return [question for questions in completeness(plan).missing.values() for question in questions]


def _require_complete(slug: str, plan: Plan) -> None:
    missing = _unanswered(plan)
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
    shown = str(path)
    text = sys.stdin.read() if shown == "-" else read_text(path, shown)
    data = parse_yaml(text, shown)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidPlan(shown, [f"{shown}:1: expected answers shaped like plan.yaml (e.g. `product:`)"])
    base = to_data(workspace.load(slug)) if workspace.exists(slug) else {}
    merged = _merge(base, data)
    if "title" not in merged:
        raise UsageError(
            f"{shown}: there is no plan '{slug}' yet, so the answers need a `title:`; "
            f"add one, or create the plan first with `planner new {slug} --title ...`"
        )
    try:
        plan = Plan.model_validate(merged)
    except ValidationError as exc:
        raise InvalidPlan(shown, schema_problems(exc, shown, text)) from exc
    workspace.save(slug, plan)
    return plan


def closing(workspace: Workspace, slug: str, plan: Plan) -> str:
    """The closing screen: what is saved, what is still open, the top risks and the advice."""
    from planner.review import assess

    result = assess(plan)
    report = result.completeness
    out = [
        f"\nSaved {workspace.shown(workspace.plan_file(slug))}: "
        f"{report.answered} of {report.applicable} questions answered ({report.percent}%)."
    ]
    if report.missing:
        out += ["", f"Still unanswered ({report.applicable - report.answered}):"]
        for key, questions in report.missing.items():
            number = SECTION_KEYS.index(key) + 1
            out.append(
                f"  {number}. {SECTIONS[number - 1].title}: `planner interview {slug} --section {key}`"
            )
            out += [f"     - {question.prompt}" for question in questions[:4]]
            if len(questions) > 4:
                out.append(f"     - and {len(questions) - 4} more")
    risks = result.open_risks[:5]
    if risks:
        out += ["", "Top risks:"]
        for risk in risks:
            out.append(f"  {risk.level:<6} {risk.score:>2}  {risk.title}")
            out += [f"              because {risk.evidence[0]}"] if risk.evidence else []
    if result.advice:
        out += ["", "Advice:"]
        out += [f"  * {advice.title}: {advice.reason}" for advice in result.advice]
    out += ["", f"Next: `planner show {slug}` to read the whole plan."]
    return "\n".join(out) + "\n"
