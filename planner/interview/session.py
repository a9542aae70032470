"""One interview session: asks a question, saves each answer at once, records lists, money and decisions."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, get_args

import questionary
from pydantic import BaseModel, ValidationError, create_model
from questionary import Choice

from planner.core.errors import PlannerError
from planner.core.inert import one_line
from planner.interview.prompts import (
    BACK,
    BACK_KEY,
    CLEAR,
    CLEAR_KEY,
    PICK_TIP,
    STYLE,
    answer_keys,
    ask,
    ask_value,
    menu,
    say,
    section_intro,
)
from planner.plan.answers import amount, parse, shown
from planner.plan.choices import Verdict, label
from planner.plan.fields import Record, field_at, is_answered
from planner.plan.model import Decision, Plan
from planner.plan.questions import (
    BY_FIELD,
    QUESTIONS,
    SECTION_KEYS,
    SECTIONS,
    Kind,
    Question,
    core_type,
    kind_of,
)
from planner.plan.text import format_value
from planner.plan.workspace import Workspace

# How list records read in prompts: "FAQ entry 1: question", not `faqentry 1 · question`.
NOUNS = {"FaqEntry": "FAQ entry", "DataSource": "data source", "Rule": "rule", "Metric": "metric"}


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
        say(f"? {question.prompt}", "bold")
        first = (
            "an empty answer"
            if question.kind is Kind.list
            else f"an empty {next(iter(record.model_fields)).replace('_', ' ')}"
        )
        say(f"  One at a time; {first} ends the list.", "fg:ansibrightblack")
        if existing:
            say(f"  Enter keeps an entry as it is; {CLEAR_KEY} removes it.", "fg:ansibrightblack")
        kept: list[Any] = []
        while True:
            old = existing.pop(0) if existing else None
            if question.kind is Kind.list:
                entry = ask_value(
                    entry_model(annotation)(value=old), "value", Kind.text, f"{len(kept) + 1}.", qmark="  ›"
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
            draft = record.model_construct(**{**(dict(old) if old else {}), **values})
            if position and old is None and isinstance(draft, Record) and not draft.asks(name):
                continue  # pointless after the answers typed (an entry re-asked keeps every field)
            if info.description:
                say(f"    {info.description}", "fg:ansicyan")
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
        raw = ask(
            questionary.text(
                question.prompt,
                default=start,
                validate=validate,
                instruction=f"({tail})",
                style=STYLE,
            ),
            answer_keys(clear=is_answered(current)),
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
                section_intro(
                    SECTION_KEYS.index(shown_section) + 1, SECTIONS[SECTION_KEYS.index(shown_section)]
                )
            self._status(question, chosen, done, again, scope)
            say(question.help, "fg:ansicyan")
            self.passed.add(question.field)
            if self.ask(question) is BACK:
                if done:
                    ahead.append(question)
                    forced = done.pop()
                else:
                    say("  (this is the first question)", "fg:ansibrightblack")
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
        say(
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
                picked = menu(
                    "Finish, or record the team's decision on a risk?",
                    choices,
                    PICK_TIP,
                    answer_keys(clear=False, back=False),
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
        say(
            f"  Recorded: {risk} {label(Verdict(verdict))}" + (f" by {decision.by}" if decision.by else ""),
            "bold",
        )


@functools.cache
def entry_model(annotation: Any) -> type[BaseModel]:
    """A one-field model holding a list entry under the list's own element rules, while it is asked."""
    element = get_args(annotation)[0]
    return create_model("Entry", value=(element | None, None))
