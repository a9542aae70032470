"""Write QUESTIONS.md for first-contact evaluators: every interview question with its exact YAML path, kind,
choices and condition, from the question bank (usage: python benchmarks/first_contact/questions.py OUT)."""

import sys
from enum import Enum

from planner.plan.questions import QUESTIONS, SECTIONS, Question, core_type, field_info

INTRO = [
    "# The interview's questions\n",
    "Each question fills one field of plan.yaml, at the YAML path shown first on its line",
    "(`product.todays_call_input` is `todays_call_input:` under `product:`). Questions are grouped by the",
    "interview section that asks them, and a section may ask a question whose field lives in another block:",
    "such a question says so. Essentials are asked first; the rest follow. 'when' says a question is asked",
    "only after an earlier answer. Choices list allowed values.\n",
]


def question_lines(q: Question, section: str) -> list[str]:
    """One question: its YAML path first, where it lives if not in the section's block, then its details."""
    mark = " **(essential)**" if q.essential else ""
    block = q.field.split(".")[0]
    lines = [f"- YAML path `{q.field}` ({q.kind.value}){mark}: {q.prompt}"]
    if block != section:
        lines.append(f"  - written under `{block}:` in plan.yaml, not `{section}:` (asked in this section)")
    lines.append(f"  - {q.help}")
    if q.partner:
        lines.append(f"  - also fills `{q.partner}` in the same prompt, typed as: {q.form}")
    base = core_type(field_info(q.field).annotation)
    if isinstance(base, type) and issubclass(base, Enum):
        lines.append("  - choices: " + ", ".join(f"`{m.value}`" for m in base))
    for w in q.when:
        cond = f"`{w.field}` answered"
        if w.among is not None:
            cond = f"`{w.field}` in {[getattr(a, 'value', a) for a in w.among]}"
        if w.above is not None:
            cond = f"`{w.field}` above {w.above}"
        lines.append(f"  - when: {cond}")
    return lines


def questions_page() -> str:
    """The whole list, section by section, as Markdown."""
    out = list(INTRO)
    for sec in SECTIONS:
        qs = [q for q in QUESTIONS if q.section == sec.key]
        if not qs:
            continue
        out.append(f"## {sec.title} (interview section `--section {sec.key}`)\n\n{sec.why}\n")
        for q in qs:
            out.extend(question_lines(q, sec.key))
        out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as file:
        file.write(questions_page())
