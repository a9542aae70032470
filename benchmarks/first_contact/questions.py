"""Write QUESTIONS.md for first-contact evaluators: every interview question with its field, kind,
choices and condition, from the question bank (usage: python benchmarks/first_contact/questions.py OUT)."""

import sys
from enum import Enum

from planner.plan.questions import QUESTIONS, SECTIONS, core_type, field_info

out = [
    "# The interview's questions\n",
    "Each question fills one field of plan.yaml (dotted path). Essentials are asked first; the rest",
    "follow. 'when' says a question is asked only after an earlier answer. Choices list allowed values.\n",
]
for sec in SECTIONS:
    qs = [q for q in QUESTIONS if q.section == sec.key]
    if not qs:
        continue
    out.append(f"## {sec.title} (`{sec.key}`)\n\n{sec.why}\n")
    for q in qs:
        mark = " **(essential)**" if q.essential else ""
        out.append(f"- `{q.field}` ({q.kind.value}){mark}: {q.prompt}")
        out.append(f"  - {q.help}")
        if q.partner:
            out.append(f"  - also fills `{q.partner}` in the same prompt, typed as: {q.form}")
        base = core_type(field_info(q.field).annotation)
        if isinstance(base, type) and issubclass(base, Enum):
            out.append("  - choices: " + ", ".join(f"`{m.value}`" for m in base))
        for w in q.when:
            cond = f"`{w.field}` answered"
            if w.among is not None:
                cond = f"`{w.field}` in {[getattr(a, 'value', a) for a in w.among]}"
            if w.above is not None:
                cond = f"`{w.field}` above {w.above}"
            out.append(f"  - when: {cond}")
    out.append("")
with open(sys.argv[1], "w", encoding="utf-8") as file:
    file.write("\n".join(out) + "\n")
