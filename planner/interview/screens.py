"""The interview's review screen (one line per section) and closing screen (open questions, risks, advice)."""

from __future__ import annotations

from enum import Enum

from planner.evidence.status import stage_in
from planner.interview.path import scope, settled, tally
from planner.judgement.register import assess
from planner.judgement.stage import stage_of
from planner.judgement.verdict import CLOSED, today_utc
from planner.plan.choices import label
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan
from planner.plan.questions import BY_FIELD, QUESTIONS, SECTION_KEYS, SECTIONS, questions_in
from planner.plan.text import format_value
from planner.plan.workspace import Workspace

_ASKED_SHOWN = 3  # the closing screen names a few; `planner risks` shows them all

# The one answer the review shows per section, to spot a slip before finishing.
_HEADLINES = {
    "product": ("goal", "product.goal"),
    "heuristics": ("rules", "heuristics.verdict"),
    "by_hand": ("examples done by hand", "by_hand.examples"),
    "impact": ("bottleneck", "impact.bottleneck"),
    "press_release": ("headline", "press_release.headline"),
    "constraints": ("labels", "constraints.data.labels"),
    "done": ("weeks in the time box", "done.timebox_weeks"),
}


def review_lines(plan: Plan) -> list[str]:
    """One line per section: how much is answered, and its headline answer to spot a slip."""
    lines = []
    for number, sec in enumerate(SECTIONS, start=1):
        answered, applicable = tally(plan, questions_in(sec.key))
        name, path = _HEADLINES[sec.key]
        value = field_at(plan, path)
        text = label(value) if isinstance(value, Enum) else format_value(value).replace("\n", " ")
        text = f" · {name}: {text[:44]}{'…' if len(text) > 44 else ''}" if is_answered(value) else ""
        lines.append(f"{number}. {sec.title:<31} {answered:>2}/{applicable:<2} answered{text}")
    return lines


def closing(
    where: str,
    slug: str,
    plan: Plan,
    *,
    saved: bool = True,
    essentials: bool = False,
    workspace: Workspace | None = None,
) -> str:
    """The closing screen: what is saved (of the whole plan; of the essentials too after them), the
    questions left open with who finds out, what is still unanswered, the top risks and the advice
    for the plan's stage (read with its experiment log when `workspace` is given).
    Its lines are not wrapped: the terminal's width decides where they break."""
    stage = stage_in(workspace, slug, plan, today_utc()) if workspace is not None else stage_of(plan)
    result = assess(plan, stage)
    answered, applicable = tally(plan, QUESTIONS)
    percent = int(100 * answered / applicable) if applicable else 100
    figure = f"{answered} of {applicable} questions answered ({percent}%)"
    if essentials:
        done, total = tally(plan, scope("essentials"))
        figure += f"; the essentials: {done} of {total}"
    out = [f"\n{'Saved ' if saved else ''}{where}: {figure}."]
    opened = [(entry, BY_FIELD.get(entry.question)) for entry in plan.open_questions]
    if opened:
        out += ["", f'Open questions ("don\'t know yet", {len(opened)}):']
        for entry, question in opened:
            asked = question.title if question is not None else entry.question
            out.append(f"  - {asked} ({entry.owner + ' finds out' if entry.owner else 'nobody named yet'})")
    missing = {
        key: [question for question in questions if not settled(plan, question)]
        for key, questions in result.completeness.missing.items()
    }
    missing = {key: questions for key, questions in missing.items() if questions}
    if missing:
        out += ["", f"Still unanswered ({applicable - answered}):"]
        for key, questions in missing.items():
            number = SECTION_KEYS.index(key) + 1
            out.append(
                f"  {number}. {SECTIONS[number - 1].title}: `planner interview {slug} --section {key}`"
            )
            out += [f"     - {question.prompt}" for question in questions[:3]]
            if len(questions) > 3:
                out.append(f"     - and {len(questions) - 3} more")
    risks = result.open_risks[:5]
    if risks:
        out += ["", "Top risks:"]
        for risk in risks:
            out.append(f"  {risk.level:<6} {risk.score:>2}  {risk.title}")
            out += [f"              because {risk.evidence[0]}"] if risk.evidence else []
    if result.advice:
        out += ["", "Advice:"]
        for advice in result.advice:
            out.append(f"  * {advice.title}")
            out.append(f"    {advice.reason}")
    if result.asked:  # what no answer settles yet: the kickoff's next conversation, costliest first
        out += ["", "A lead would also ask:"]
        out += [f"  ? {each.question}" for each in result.asked[:_ASKED_SHOWN]]
    out += measure_offer(slug, plan)
    out += ["", f"Next: `planner show {slug}` to read the whole plan."]
    return "\n".join(out) + "\n"


def measure_offer(slug: str, plan: Plan) -> list[str]:
    """With a sample of real cases at hand, measure instead of guess: the commands not run yet."""
    offers: list[str] = []
    if plan.status in CLOSED:  # shipped or folded: nothing left to guess before starting
        return offers
    if plan.heuristics.rules and plan.heuristics.measured is None:
        offers.append(
            f"  - `planner measure {slug} --sample FILE --label COLUMN` runs the rules on it "
            "(give each rule a `when:` SQL predicate)"
        )
    if plan.by_hand.measured is None:
        offers.append(
            f"  - `planner try {slug} --sample FILE`: do the task by hand, one example at a time, timed"
        )
    return ["", "A sample of real cases at hand? Measure instead of guessing:", *offers] if offers else []
