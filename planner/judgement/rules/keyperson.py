"""Rules on who keeps the model running: one person, a volunteer or someone about to leave.

Any name in `after_launch.owner` answers who watches, retrains and answers for the model, but a lead
reads who it is: a lone volunteer, a student on placement, a contractor whose contract ends or an
analyst retiring next year keeps the pipeline in one head, and when they are away or gone the model
runs on unwatched until it breaks. A lead asks who covers, and whether the pipeline is written down.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, own_notes, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# An owner about to go: retiring, leaving, a contract or a placement that ends.
DEPARTING = Lexicon("""
    retiring, retires, retire, retirement, leaving, leaves, moving on, last day, notice period
    contract ends, contract ending, until the contract ends, placement ends, until the end of the placement
    fixed-term, fixed term, on secondment, seconded, maternity cover, parental leave
""")
# An owner who is one person, outside the staff or self-taught: the pipeline lives in one head.
LONE = Lexicon(
    """
    volunteer, a volunteer, our volunteer, volunteers, contractor, a contractor, freelancer, a freelancer
    intern, an intern, student, a student, phd student, placement student, self-taught, self taught
    one person, only person, the only one, only one, only me, just me, myself, in their spare time
    in her spare time, in his spare time, part-time, part time
    """,
    unless="volunteer team, volunteer coordinators, team of volunteers, only one team, volunteer management, management team, the only one with",
)
# Words saying someone else covers, or the pipeline is written down.
COVERED = Lexicon("""
    backup, back-up, deputy, deputies, second person, second owner, cover, covers, covered by, covering
    handover, hand-over, handed over, documented, documentation, runbook, runbooks, run book, written down
    playbook, on-call, on call, rota, shadow, shadows, shadowing, trained a second, two people, both of them
    successor, replacement named, succession
""")


@rule(
    "owner-is-one-person",
    Category.operations,
    likelihood=3,
    impact=3,
    ask="is the model's owner one person, a volunteer or someone about to leave, with nobody named to cover?",
    move=Move(
        "Name who covers for the owner, and write the pipeline down",
        "One person who is a volunteer, a contractor or about to leave keeps the data pull, the retraining "
        "and the checks in their head: name a second person who can run it, write a runbook (where the "
        "data comes from, how to retrain, what to check, how to switch it off), and have the second "
        "person run one cycle before the first is away",
        "warning",
    ),
    fires=(
        Case(
            {"after_launch.owner": "Sam, our data volunteer, retiring next spring."},
            evidence=(
                'after_launch.owner: "Sam, our data volunteer, retiring next spring." (retiring, volunteer: who '
                "covers when they are away or gone, and is the pipeline written down?)",
            ),
        ),
        Case({"after_launch.owner": "A self-taught analyst, the only one who knows Python."}),
    ),
    quiet=(
        Case({"after_launch.owner": "The analytics team lead."}),
        Case({"after_launch.owner": "Sam, our data volunteer, with Priya as backup and a runbook."}),
    ),
)
def owner_is_one_person(plan: Plan) -> Evidence:
    """The model's owner is one person, a volunteer or someone about to leave.

    The owner named keeps the model alive: pulls the data, retrains, checks the outputs, switches it
    off. A lone volunteer, a self-taught analyst, a contractor or a student keeps that in one head, and
    someone retiring or leaving takes it with them; when they are away the model runs unwatched.

    Mitigation: Name a second person who can run every step; write a runbook (the data pull, the
    retraining, the checks, the switch-off); have the second person run one full cycle before launch.
    """
    owner = answer_at(plan, "after_launch.owner")
    if not isinstance(owner, str):
        return None
    departing, lone = DEPARTING.find_all(owner), LONE.find_all(owner)
    if not departing and not lone:
        return None
    if COVERED.find(owner) or any(COVERED.find(note) for note in own_notes(plan)):
        return None
    words = (*departing, *lone)
    note = f"{', '.join(words)}: who covers when they are away or gone, and is the pipeline written down?"
    evidence = (quote(plan, "after_launch.owner", note),)
    return Hint(words, evidence) if departing else Hint(words, evidence, likelihood=2)
