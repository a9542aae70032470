"""From the closing screen: the team's decision on an open risk, recorded without editing YAML."""

from __future__ import annotations

from questionary import Choice

from planner.core.inert import one_line
from planner.interview.answer import ask_value
from planner.interview.prompts import BACK, PICK_TIP, answer_keys, menu, say
from planner.interview.session import Session
from planner.plan.choices import Verdict, label
from planner.plan.model import Decision
from planner.plan.questions import Kind


def decide(session: Session) -> None:
    """Offer each open derived risk until the team picks Finish (or presses Ctrl-D)."""
    from planner.judgement.register import assess

    while True:
        open_risks = [risk for risk in assess(session.plan).open_risks if risk.source == "derived"]
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
        record_decision(session, picked)


def record_decision(session: Session, risk: str) -> None:
    plan = session.plan
    earlier = [d for d in plan.decisions if d.risk == risk]
    draft = Decision.model_construct(risk=risk, **(dict(earlier[0]) if earlier else {}))
    verdict = ask_value(draft, "verdict", Kind.choice, "The team's decision?", optional=True)
    if verdict in (None, BACK):
        return
    note = ask_value(draft, "note", Kind.text, "A note: why, or what was done?")
    last_by = next((d.by for d in reversed(plan.decisions) if d.by), None)
    draft = Decision.model_construct(risk=risk, by=draft.by or last_by)
    by = ask_value(draft, "by", Kind.text, "Who decided?")
    decision = Decision(
        risk=risk, verdict=verdict, note=None if note is BACK else note, by=None if by is BACK else by
    )
    if earlier:  # the open risk's owner and due date stay with the decision
        decision = decision.model_copy(update={"owner": earlier[0].owner, "due": earlier[0].due})
    others = [d for d in session.plan.decisions if d.risk != risk]
    session.put("decisions", [*others, decision])
    say(
        f"  Recorded: {risk} {label(Verdict(verdict))}" + (f" by {decision.by}" if decision.by else ""),
        "bold",
    )
