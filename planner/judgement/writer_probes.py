"""The question a lead asks where the model reads free text written by the people its output acts on.

Staff who learn that a machine reads their notes change how they write them: a phrase that raises a
flag gets written more, or less, depending on what the flag brings them (more help, more scrutiny, more
work). The notes the model was trained on were written before anyone knew; after launch, the words
drift and the model's accuracy with them, unseen, because its own output is what moved them.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import first_said, own_notes, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DataKind, Mode
from planner.plan.model import Plan
from planner.plan.workings import Audience

# Free text the organisation's own staff write about the cases they work.
STAFF_WRITTEN = Lexicon("""
    case notes, case note, nursing notes, nurses' notes, nurse notes, clinical notes, care notes
    carer notes, carers' notes, shift notes, handover notes, visit notes, progress notes, caseworker notes
    officer notes, officers' notes, agent notes, agents' notes, call notes, adjuster notes, adjusters' notes
    inspector notes, inspectors' notes, inspection notes, engineer notes, engineers' notes, technician notes
    technicians' notes, teacher comments, teachers' comments, staff notes, staff comments, free-text notes
    free text notes, free-text comments, free text comments, incident reports, incident report, write-ups
    narrative notes, notes written by, comments written by, reports written by
""")
# Words saying the team will watch the text itself after launch, or keep a part the output never reaches.
WATCHED_TEXT = Lexicon("""
    vocabulary drift, word drift, term drift, text drift, language drift, input drift, drift in the notes
    holdout, hold-out, held-out ward, held-out wards, held-out team, held-out teams, held out from the flags
    notes written before launch, writing changes, how staff write, how they write
""")
_WRITTEN_IN = ("product.inputs", "constraints.data.differences_note")


def _watched(plan: Plan) -> bool:
    texts = [f"{m.signal} {m.threshold or ''}" for m in plan.after_launch.monitoring]
    texts += [plan.after_launch.fallback or "", *own_notes(plan)]
    return any(WATCHED_TEXT.find(text) for text in texts)


@probe("staff-write-what-is-scored", "inputs-known-only-later")
def _staff_write_what_is_scored(plan: Plan) -> Found:
    product = plan.product
    if DataKind.text not in product.data_kinds:
        return None
    if product.mode not in (Mode.augment, Mode.improve) and product.audience not in (
        Audience.staff,
        Audience.staff_about_outsiders,
    ):
        return None  # nothing the model says goes back to the people who write
    found = first_said(plan, _WRITTEN_IN, STAFF_WRITTEN)
    if found is None or _watched(plan):
        return None
    path, words = found
    said = ", ".join(repr(word) for word in words[:3])
    return (
        f"The model reads text staff write ({said}) and its output comes back to them: how will the team "
        "notice when they write differently once they know a machine reads it? People soon learn which "
        "words raise a flag and write more or fewer of them, as the flag helps or burdens them, and the "
        "model's accuracy drifts with the words, unseen; monitor the notes' vocabulary (the terms the model "
        "leans on, week by week) after launch, and keep a holdout (a team or ward whose notes are scored "
        "but not shown) to compare against.",
        (quote(plan, path), quote(plan, "product.data_kinds")),
    )
