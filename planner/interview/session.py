"""One interview session: asks a question, saves each answer at once, records lists, money and open questions."""

from __future__ import annotations

import functools
from typing import Any, get_args

from pydantic import BaseModel, ValidationError, create_model

from planner.core.errors import PlannerError
from planner.core.inert import one_line
from planner.interview.answer import ask_amount, ask_reading, ask_value
from planner.interview.path import JOINED, PAIRED, asked_fields, open_owner, said_direction, settled, tally
from planner.interview.prompts import (
    BACK,
    BACK_KEY,
    CLEAR_KEY,
    say,
    section_intro,
)
from planner.plan.fields import Record, field_at, is_answered
from planner.plan.model import CLASS_TASKS, OpenQuestion, Plan
from planner.plan.questions import (
    BY_FIELD,
    SECTION_KEYS,
    SECTIONS,
    Joined,
    Kind,
    Question,
    core_type,
    kind_of,
)
from planner.plan.scale import human_score_problem
from planner.plan.spoken import DONT_KNOW_HINT, Reading
from planner.plan.text import format_value
from planner.plan.workspace import Workspace

# How list records read in prompts: "FAQ entry 1: question", not `faqentry 1 · question`.
NOUNS = {
    "FaqEntry": "FAQ entry",
    "DataSource": "data source",
    "Rule": "rule",
    "Metric": "metric",
    "LateInput": "late input",
}
_TARGETS = frozenset({"target", "relative_target", "absolute_target"})
TARGET_HELP = (
    "The value that means done, or the improvement on the baseline: a share or an amount (e.g. 0.7, "
    "20% lower, or 1.5 points lower); 'no worse than the baseline' for a guardrail held where it is today."
)


class Session:
    """One interview of one plan; saves after every answer."""

    def __init__(self, workspace: Workspace, slug: str, plan: Plan) -> None:
        self.workspace, self.slug, self.plan = workspace, slug, plan
        self.stamp = self._stamp()
        self.saved = 0  # answers saved in this session
        self.new = False  # created by this session (it holds only a title until the first answer)
        self.typing: tuple[str, int, dict[str, Any]] = ("", 0, {})  # the list entry being typed, if any
        self.said_none: set[str] = set()  # a list entry's fields answered "we have none" (a baseline)
        self.lost = ""  # what a Ctrl-C inside a list entry kept or dropped, for the goodbye message
        self.scope: tuple[Question, ...] = ()  # the questions the run's progress figure counts
        self.depth = ""  # "essentials" while the essentials run: the progress figure says so
        self.gave: set[str] = set()  # the other fields the last answer gave (`photo checks, 20%`)

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

    def put(self, path: str, value: Any, *, approximate: bool | None = None) -> None:
        """Save one answer into the plan as it is on disk now, so edits made meanwhile (by hand, or
        by a second interview) are kept rather than overwritten by this session's older copy. An
        answer closes the question's "don't know yet"; `approximate` marks it an estimate or not."""
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
            if is_answered(value) and path != "open_questions":
                latest.open_questions = [entry for entry in latest.open_questions if entry.question != path]
            if approximate is not None or not is_answered(value):
                marked = [field for field in latest.approximate if field != path]
                latest.approximate = marked + [path] * bool(approximate and is_answered(value))
            self.plan = latest
            self.workspace.save(self.slug, self.plan)
            self.stamp = self._stamp()
            self.saved += 1

    # ------------------------------------------------------------ asking

    def ask(self, question: Question) -> Any:
        """Ask one question (a whole list for list questions); returns BACK if the team went back."""
        parent, _, name = question.field.rpartition(".")
        self.gave = set()
        holder: BaseModel = field_at(self.plan, parent) if parent else self.plan
        is_open = open_owner(self.plan, question.field) is not False
        if question.kind in (Kind.list, Kind.items):
            return self.ask_list(question, holder, name, is_open)
        if self.is_money(holder, name):  # an empty answer there is a skip, not a second prompt
            reading = self.ask_money(holder, name, question, is_open)
        else:
            reading = ask_reading(
                holder,
                name,
                question.kind,
                question.prompt,
                open_ok=True,
                is_open=is_open,
                tip=f"e.g. {question.form}" if question.form else "",
                partner=question.partner.rpartition(".")[2],
                joined=question.joined,
            )
        if reading is BACK:
            return BACK
        if reading.kept:
            return None
        if reading.unknown:
            self.keep_open(question, holder, name)
            return None
        estimate = question.field in self.plan.approximate
        if reading.value != getattr(holder, name) or reading.approximate != estimate or is_open:
            self.put(question.field, reading.value, approximate=reading.approximate)
        for other, value in reading.also.items():  # a range's other end, the partner's answer
            self.put(f"{parent}.{other}", value, approximate=True if other in reading.rough else None)
            self.gave.add(f"{parent}.{other}")
        if reading.unknown_also:  # `200, don't know`
            self.gave.add(f"{parent}.{reading.unknown_also}")
            self.keep_open(BY_FIELD[f"{parent}.{reading.unknown_also}"], holder, reading.unknown_also)
        return None

    def keep_open(self, question: Question, holder: BaseModel, name: str) -> None:
        """ "Don't know yet": the question stays open, with who finds out (the last one named, by default)."""
        named = [entry.owner for entry in self.plan.open_questions if entry.owner]
        draft = OpenQuestion.model_construct(
            question=question.field, owner=(named or self.plan.owners or [""])[-1] or None
        )
        owner = ask_value(draft, "owner", Kind.text, "Who finds out?", qmark="  ›")
        entry = OpenQuestion(question=question.field, owner=None if owner is BACK else owner)
        others = [other for other in self.plan.open_questions if other.question != question.field]
        if is_answered(getattr(holder, name)):
            self.put(question.field, [] if question.kind in (Kind.list, Kind.items) else None)
        self.put("open_questions", [*others, entry])

    def ask_list(self, question: Question, holder: BaseModel, name: str, is_open: bool) -> Any:
        """A list question, one entry at a time: Enter keeps an entry, Ctrl-X removes it, an empty entry
        ends the list; "don't know" as the first entry leaves the question open."""
        annotation: Any = type(holder).model_fields[name].annotation
        record, existing = core_type(annotation), list(getattr(holder, name))
        say(f"? {question.prompt}", "bold")
        first = (
            "an empty answer"
            if question.kind is Kind.list
            else f"an empty {asked_fields(record)[0].replace('_', ' ')}"
        )
        say(f"  One at a time; {first} ends the list; {DONT_KNOW_HINT}.", "fg:ansibrightblack")
        if existing:
            say(f"  Enter keeps an entry as it is; {CLEAR_KEY} removes it.", "fg:ansibrightblack")
        kept: list[Any] = []
        while True:
            old = existing.pop(0) if existing else None
            opening = not kept and old is None
            if question.kind is Kind.list:
                entry = ask_reading(
                    entry_model(annotation)(value=old),
                    "value",
                    Kind.text,
                    f"{len(kept) + 1}.",
                    qmark="  ›",
                    open_ok=opening,
                    is_open=opening and is_open,
                )
                entry = (
                    entry if entry is BACK else (entry.value if not entry.unknown else Reading(unknown=True))
                )
            else:
                try:
                    entry = self.ask_record(record, old, len(kept) + 1, opening=opening)
                except (KeyboardInterrupt, EOFError):
                    self.keep_partial(question.field, record, kept, old, existing)
                    raise
            if entry is BACK:
                return BACK
            if isinstance(entry, Reading):  # "don't know yet"
                if not is_open:
                    self.keep_open(question, holder, name)
                return None
            kept += [entry] if entry is not None else []
            if entry is not None or old is not None:
                self.put(question.field, [*kept, *existing])
            self.keep_none(question.field)
            if old is None and entry is None:
                return None

    def keep_none(self, field: str) -> None:
        """A list entry's field answered "we have none" (a metric's baseline): said once for the section, in
        its `none`, as the file says `baseline: none`."""
        parent = field.rpartition(".")[0]
        said, self.said_none = self.said_none, set()
        known = list(getattr(field_at(self.plan, parent), "none", None) or ()) if parent else []
        if said - set(known):
            self.put(f"{parent}.none", known + sorted(said - set(known)))

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

    def ask_record(
        self, record: type[BaseModel], old: BaseModel | None, number: int, *, opening: bool
    ) -> Any:
        """One list entry (a rule, a metric...), field by field, with the model's descriptions as help.
        A metric's target may be relative ("20% lower"); its direction is asked only when the baseline
        and target do not say it."""
        values: dict[str, Any] = {}
        self.typing = (NOUNS.get(record.__name__, record.__name__.lower()), number, values)
        noun = NOUNS.get(record.__name__, record.__name__.lower())
        asked = asked_fields(record)
        for position, name in enumerate(asked):
            info = record.model_fields[name]
            draft = record.model_construct(**{**(dict(old) if old else {}), **values})
            if position and old is None and isinstance(draft, Record) and not draft.asks(name):
                continue  # pointless after the answers typed (an entry re-asked keeps every field)
            if (record.__name__, name, number) == ("Metric", "role", 1):
                continue  # a goal or a guardrail only beside another metric: asked from the second on
            if (record.__name__, name) == ("DataSource", "classes") and self.plan.product.task not in (
                None,
                *CLASS_TASKS,
            ):
                continue  # which class a source holds means nothing to a forecast or a regression
            if (record.__name__, name) == ("DataSource", "about_people") and (
                self.plan.constraints.data.personal_data is False
            ):
                continue  # whom a source describes matters only where the data may hold personal data
            if name == "direction" and record.__name__ == "Metric":
                direction = said_direction(values)
                if direction is not None:
                    values[name] = direction
                    continue
            description = TARGET_HELP if (record.__name__, name) == ("Metric", "target") else info.description
            if description:
                say(f"    {description}", "fg:ansicyan")
            message = f"{noun} {number}: {name.replace('_', ' ')}"
            partner, tip = PAIRED.get((record.__name__, name), ("", ""))
            # The first field may be left empty: that ends the list (or removes this entry).
            reading = ask_reading(
                draft,
                name,
                kind_of(info),
                message,
                qmark="  ›",
                optional=position == 0,
                open_ok=position == 0 and opening,
                tip=tip,
                partner=partner,
                joined=JOINED.get((record.__name__, name), Joined.named),
            )
            if reading is BACK:
                return BACK
            if reading.unknown:
                return reading
            if reading.none:
                self.said_none.add(name)
            if position == 0 and reading.value is None:
                return None
            if reading.value is not None:
                values[name] = reading.value
            values.update(reading.also)
        # Fields written by hand only (a rule's `when:`) survive re-asking the entry.
        # A target typed anew replaces the old one, whichever way it was stated (a value, a share, an amount).
        replaced = _TARGETS if values.keys() & _TARGETS else frozenset()
        kept = {
            name: getattr(old, name)
            for name in record.model_fields
            if old is not None and name not in asked and name not in values and name not in replaced
        }
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

    def ask_money(self, holder: BaseModel, name: str, question: Question, is_open: bool) -> Any:
        """An amount such as `€3,000`, `3k` or `$1.2M`; the plan's currency is asked once, then kept."""
        reading = ask_amount(holder, name, question.prompt, is_open=is_open)
        if reading is BACK or reading.kept or reading.unknown or reading.value is None:
            return reading
        parent = question.field.rpartition(".")[0]
        if not getattr(holder, "currency", None):
            given = reading.also.get("currency") or self.ask_currency(parent)
            if given:
                self.put(f"{parent}.currency", given)
        return Reading(reading.value)

    def ask_currency(self, parent: str) -> str | None:
        holder = field_at(self.plan, parent)
        value = ask_value(
            holder, "currency", Kind.text, "In which currency are this plan's amounts?", optional=True
        )
        return None if value is BACK else value

    # ------------------------------------------------------------ walking

    def walk(self, chosen: list[Question], *, again: bool) -> None:
        """Ask `chosen` in order: every applicable one if `again`, else those not answered yet (nor left
        open with "don't know yet").

        Shift-Tab goes back one question (Enter then walks forward through the ones passed again).
        """
        done: list[Question] = []
        ahead: list[Question] = []
        forced: Question | None = None
        shown_section = ""
        while True:
            # A partner asked with its lead in this walk (`2,000 a day`) is not asked again, unless the
            # lead was answered alone (`2,000`).
            given = {q.partner for q in done if q.partner and not is_answered(field_at(self.plan, q.field))}
            given |= {q.partner for q in done if q.partner and settled(self.plan, BY_FIELD[q.partner])}
            question = forced or next(
                (
                    q
                    for q in chosen
                    if q not in done
                    and q.applies(self.plan)
                    and (again or not settled(self.plan, q))
                    and q.field not in given
                ),
                None,
            )
            forced = None
            if question is None:
                return
            if question.section != shown_section:
                shown_section = question.section
                section_intro(
                    SECTION_KEYS.index(shown_section) + 1, SECTIONS[SECTION_KEYS.index(shown_section)]
                )
            self._status(question, chosen, done, again)
            say(question.help, "fg:ansicyan")
            if self.ask(question) is BACK:
                if done:
                    ahead.append(question)
                    forced = done.pop()
                else:
                    say("  (this is the first question)", "fg:ansibrightblack")
                    forced = question
                continue
            done.append(question)
            if self.score_refused(question) is BACK:
                forced = done.pop()  # the metric's figures, or the score, to fix
                continue
            while ahead and forced is None:  # the questions passed going back; not one this answer gave
                candidate = ahead.pop()
                forced = (
                    candidate if candidate.applies(self.plan) and candidate.field not in self.gave else None
                )

    def score_refused(self, question: Question) -> Any:
        """A person's score the primary metric cannot take (`120%` on a recall of 0.4), said as soon as both
        are known, at the score or at the metrics, and the score asked again until it fits (Ctrl-X removes
        it); BACK where the team goes back to the question just answered instead."""
        if question.field not in ("by_hand.human_score", "done.metrics"):
            return None
        back = f" ({BACK_KEY} goes back to the metrics)" if question.field == "done.metrics" else ""
        while problem := human_score_problem(self.plan):
            say(f"  The human score {problem}{back}", "fg:ansired")
            if self.ask(BY_FIELD["by_hand.human_score"]) is BACK:
                return BACK
        return None

    def progress(self) -> str:
        """The run's one progress figure: answered of the questions that apply at its depth."""
        answered, total = tally(self.plan, self.scope)
        return f"{'essentials: ' if self.depth == 'essentials' else ''}{answered} of {total} answered"

    def _status(self, question: Question, chosen: list[Question], done: list[Question], again: bool) -> None:
        position = chosen.index(question)
        # Partners asked in their lead's prompt (`2,000 a day`) are not counted apart.
        paired = {q.partner for q in chosen[position:] if q.partner and (again or not settled(self.plan, q))}
        left = sum(
            1
            for q in chosen[position + 1 :]
            if q.section == question.section
            and q.field not in paired
            and q not in done
            and q.applies(self.plan)
            and (again or not settled(self.plan, q))
        )
        number = SECTION_KEYS.index(question.section) + 1
        more = "last one in this section" if not left else f"{left} more in this section"
        say(
            f"\n{number}/{len(SECTIONS)} {SECTIONS[number - 1].title} · {more} · {self.progress()}"
            f" · {BACK_KEY} goes back",
            "fg:ansibrightblack",
        )


@functools.cache
def entry_model(annotation: Any) -> type[BaseModel]:
    """A one-field model holding a list entry under the list's own element rules, while it is asked."""
    element = get_args(annotation)[0]
    return create_model("Entry", value=(element | None, None))
