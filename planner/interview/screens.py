"""The interview's review screen (one line per section) and closing screen (open questions, risks, advice)."""

from __future__ import annotations

import textwrap
from enum import Enum

from planner.judgement.register import assess
from planner.plan.choices import label
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan
from planner.plan.questions import SECTION_KEYS, SECTIONS, questions_in
from planner.plan.text import format_value

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
        applicable = [q for q in questions_in(sec.key) if q.applies(plan)]
        answered = sum(q.answered(plan) for q in applicable)
        name, path = _HEADLINES[sec.key]
        value = field_at(plan, path)
        text = label(value) if isinstance(value, Enum) else format_value(value).replace("\n", " ")
        text = f" · {name}: {text[:44]}{'…' if len(text) > 44 else ''}" if is_answered(value) else ""
        lines.append(f"{number}. {sec.title:<31} {answered:>2}/{len(applicable):<2} answered{text}")
    return lines


def closing(where: str, slug: str, plan: Plan, *, saved: bool = True) -> str:
    """The closing screen: what is saved, what is still open, the top risks and the advice."""
    result = assess(plan)
    report = result.completeness
    out = [
        f"\n{'Saved ' if saved else ''}{where}: "
        f"{report.answered} of {report.applicable} questions answered ({report.percent}%)."
    ]
    if report.missing:
        out += ["", f"Still unanswered ({report.applicable - report.answered}):"]
        for key, questions in report.missing.items():
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
            out += textwrap.wrap(advice.reason, 96, initial_indent="    ", subsequent_indent="    ")
    out += measure_offer(slug, plan)
    out += ["", f"Next: `planner show {slug}` to read the whole plan."]
    return "\n".join(out) + "\n"


def measure_offer(slug: str, plan: Plan) -> list[str]:
    """With a sample of real cases at hand, measure instead of guess: the commands not run yet."""
    offers = []
    if plan.heuristics.rules and plan.heuristics.measured is None:
        offers.append(
            f"  planner measure {slug} --sample FILE --label COLUMN   runs the rules on it "
            "(give each rule a `when:` SQL predicate)"
        )
    if plan.by_hand.measured is None:
        offers.append(
            f"  planner try {slug} --sample FILE   do the task by hand, one example at a time, timed"
        )
    return ["", "A sample of real cases at hand? Measure instead of guessing:", *offers] if offers else []
