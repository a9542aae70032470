"""The kickoff interview's flow: essentials then the rest, section intros, progress, review and goodbye."""

from __future__ import annotations

from pathlib import Path

import questionary
from questionary import Choice

from planner.core.errors import Interrupted, UsageError
from planner.core.inert import one_line
from planner.interview.answer import ask_value
from planner.interview.decide import decide
from planner.interview.path import DEPTHS, expected, minutes, scope, settled, tally
from planner.interview.prompts import (
    BACK,
    BACK_KEY,
    CLEAR_KEY,
    PICK_TIP,
    STYLE,
    answer_keys,
    ask,
    menu,
    prompt_of,
    say,
    start_up,
)
from planner.interview.screens import closing, review_lines
from planner.interview.session import Session
from planner.plan.answers import fill, require_complete, section_key
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan
from planner.plan.questions import QUESTIONS, SECTIONS, Kind, Question, questions_in
from planner.plan.spoken import DONT_KNOW_HINT
from planner.plan.text import format_value
from planner.plan.workspace import Workspace, validate_slug

__all__ = ["Interrupted", "run", "start_up"]


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
        return closing(
            workspace.shown(workspace.plan_file(slug)),
            slug,
            plan,
            saved=answers is not None,
            workspace=workspace,
        )
    if not terminal:
        raise UsageError(
            "no terminal to ask questions on (input or output is redirected); pass answers with "
            "`planner interview SLUG --answers FILE`, or list what is unanswered with `--no-input`"
        )
    start_up()
    session: Session | None = None
    again = " ".join(
        [
            "planner interview",
            "SLUG",
            *([f"--section {section}"] if section else []),
            *([f"--depth {depth}"] if depth else []),
        ]
    )
    try:
        session = _open(workspace, slug)
        again = again.replace("SLUG", session.slug)
        if key:
            session.scope = QUESTIONS
            _resuming(session)
            session.walk(list(questions_in(key)), again=True)
            say(closing(session.where, session.slug, session.plan, workspace=session.workspace))
        else:
            _interview(session, depth)
        decide(session)
    except (KeyboardInterrupt, EOFError):
        if session is None:
            raise Interrupted("Stopped before the plan was created; nothing was saved.") from None
        lost = f"{session.lost}\n" if session.lost else ""
        if not session.saved:
            kept = "holds only the title" if session.new else "is unchanged"
            raise Interrupted(
                f"Stopped before any answer was given; {session.where} {kept}.\n{lost}Resume with: {again}"
            ) from None
        done = tally(session.plan, QUESTIONS)[0]
        raise Interrupted(
            f"Stopped. {_saved(done)} in {session.where}.\n{lost}Resume with: {again}"
        ) from None
    return ""


def _saved(done: int) -> str:
    return "The 1 answer so far is saved" if done == 1 else f"All {done} answers so far are saved"


def _resuming(session: Session) -> None:
    if not session.new:
        say(f"Resuming '{session.slug}': {session.progress()}.", "bold")


def _answers(low: int, high: int) -> str:
    return f"{low} answer{'s' * (low != 1)}" if low == high else f"{low} to {high} answers"


def _interview(session: Session, depth: str | None) -> None:
    """Essentials first (the answers the advice needs most), then the full interview, now or later."""
    essentials = scope("essentials")
    count, low, high = expected(session.plan, essentials)
    if depth == "essentials" or (depth is None and count):
        session.scope, session.depth = essentials, "essentials"
        _resuming(session)
        # Once some are answered, the count is of those left: "the 26 questions" right under "1 of 27
        # answered" read as a contradiction.
        started = tally(session.plan, essentials)[0] > 0
        these = f"{count} left of the questions" if started else f"the {count} question{'s' * (count != 1)}"
        say(
            f"Essentials: {these} the advice needs most "
            f"({_answers(low, high)} with the follow-ups your answers open), {minutes(low, high)}. "
            "Then the full interview, now or later.",
            "bold",
        )
        _keys_line()
        session.walk(list(essentials), again=False)
        say(
            closing(
                session.where, session.slug, session.plan, essentials=True, workspace=session.workspace
            ).rstrip("\n")
        )
        if depth == "essentials" or not _go_on(session):
            return
    else:
        session.scope, session.depth = QUESTIONS, "full"
        _resuming(session)
        count, low, high = expected(session.plan, QUESTIONS)
        say(
            f"The full interview: {count} question{'s' * (count != 1)} left ({_answers(low, high)} with "
            f"their follow-ups), {minutes(low, high)}.",
            "bold",
        )
        _keys_line()
    session.scope, session.depth = QUESTIONS, "full"
    session.walk(list(QUESTIONS), again=False)
    _review(session)
    say(closing(session.where, session.slug, session.plan, workspace=session.workspace))


def _keys_line() -> None:
    say(
        f"Enter skips a question (or keeps its answer); {DONT_KNOW_HINT}; numbers may be rough "
        f"(about 50, 40-60); {BACK_KEY} goes back one; {CLEAR_KEY} removes an answer; Ctrl-C stops, "
        "and every answer is saved.",
        "italic",
    )


def _go_on(session: Session) -> bool:
    count, low, high = expected(session.plan, QUESTIONS)
    choices = [Choice("Yes", "yes", shortcut_key="1"), Choice("No, later", "no", shortcut_key="2")]
    asked = f"Go on with the full interview now ({count} more question{'s' * (count != 1)}, {minutes(low, high)})?"
    if menu(asked, choices, "(y or n)", answer_keys(clear=False), yes_no=True) == "yes":
        return True
    say(f"The rest waits for you: planner interview {session.slug}", "italic")
    return False


def _open(workspace: Workspace, slug: str | None) -> Session:
    """Load the plan, or ask for a name and title and create it."""
    if slug is None:
        known = workspace.slugs()
        say("Name the plan: lowercase words joined by dashes, e.g. fraud-screening.", "fg:ansicyan")
        if known:
            say(f"Existing plans (type one to resume it): {', '.join(known)}", "fg:ansicyan")

        def valid(text: str) -> bool | str:
            try:
                validate_slug(text.strip())
            except UsageError as exc:
                return str(exc)
            return True

        prompt = prompt_of(questionary.text("Plan name?", validate=valid, style=STYLE), "?", "Plan name?")
        slug = str(ask(prompt, answer_keys(clear=False), said=lambda text: str(text).strip())).strip()
    if workspace.exists(slug):
        return Session(workspace, slug, workspace.load(slug))
    say(f"A new plan: {workspace.shown(workspace.plan_file(slug))}", "bold")
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
        say("\n━━ Review " + "━" * 40, "bold")
        for text in review_lines(session.plan):
            say(text)
        choices = [
            Choice("Finish", "finish", shortcut_key="0"),
            Choice("Change one answer", "one", shortcut_key=False),
        ]
        choices += [
            Choice(f"Reopen {n}. {sec.title}", sec.key, shortcut_key=str(n))
            for n, sec in enumerate(SECTIONS, start=1)
        ]
        asked = "Finish, change one answer, or reopen a section?"
        picked = menu(asked, choices, PICK_TIP, answer_keys(clear=False, back=False))
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
        text = "don't know yet" if not is_answered(value) and settled(plan, question) else text
        text = text if len(text) <= 40 else text[:39] + "…"
        choices.append(Choice(f"{question.title}  [{text}]", question.field, shortcut_key=False))
    tip = "(↑↓ or j/k, letters jump to a question; Enter picks)"
    picked = menu("Which answer?", choices, tip, answer_keys(clear=False), use_shortcuts=False)
    return None if picked in ("", BACK) else next(q for q in QUESTIONS if q.field == picked)
