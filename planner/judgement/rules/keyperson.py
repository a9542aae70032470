"""Rules on who keeps the model running: one person, a volunteer or someone about to leave.

Any name in `after_launch.owner` answers who watches, retrains and answers for the model, but a lead
reads who it is, and who else the task depends on (the one expert who labels, writes the rules or does
the task today): a lone volunteer, a student on placement, a contractor whose contract ends or an
analyst retiring next year keeps the pipeline in one head, and when they are away or gone the model
runs on unwatched until it breaks. A lead asks who covers, and whether the pipeline is written down.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, rule
from planner.judgement.rules.evidence import answer_at, own_notes, quote
from planner.judgement.rules.itemsleave import said_of_items
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
# Beyond the owner, answers that name who labels, writes the rules or does the task today.
_ELSEWHERE = (
    "product.current_solution",
    "product.decision_owner",
    "product.label",
    "heuristics.humans_handle",
    "by_hand.human_score_notes",
)
# In those answers, a person about to go: narrower than DEPARTING, whose `leaves` or `leaving` there
# would as often be a customer or a case.
EXPERT_DEPARTING = Lexicon("""
    retiring, retires, retire, retirement, retired next, notice period, is leaving, are leaving
    leaving the company, leaving the business, leaves the company, leaves the business, leaving next
    leaving in, leaves in, contract ends, placement ends, maternity leave, parental leave
""")
# In those answers, the one person who holds the know-how: a person, not `only one rule`.
EXPERT_ALONE = Lexicon("""
    one person, only person, the only one who, only one who, only one person, just one person
    one expert, only expert, sole expert, single expert, our expert, one specialist, only specialist
    one engineer, only engineer, one analyst, only analyst, our volunteer, self-taught
    self taught, by herself, by himself, on her own, on his own
""")
# Words saying someone else covers, or the pipeline is written down.
COVERED = Lexicon("""
    backup, back-up, deputy, deputies, second person, second owner, cover, covers, covered by, covering
    handover, hand-over, handed over, documented, documentation, runbook, runbooks, run book, written down
    playbook, on-call, on call, rota, shadow, shadows, shadowing, trained a second, two people, both of them
    successor, replacement named, succession
""")


# Where the owner answer's first clause ends: a sentence, a semicolon, or a clause about someone else
# (`Dana, ops manager; the contractor who built it maintains the scraper`, `Dana, with a contractor`).
_OWNER_CLAUSE_END = re.compile(
    r"[.;]\s|[.;]$|\s+(?:but|while|whereas|although|though|however|with|plus)\s+|,\s*and\s+", re.IGNORECASE
)


def _owner_clause(text: str) -> str:
    """The clause of the owner answer that names the owner: its first, before another person is named."""
    return _OWNER_CLAUSE_END.split(text, maxsplit=1)[0]


def _one_head(plan: Plan) -> list[tuple[str, tuple[str, ...], bool]]:
    """Each answer naming one person, or one about to go, that the model or the task depends on, with
    nobody said there to cover: its path, the words, and whether they say the person is going."""
    texts = [("after_launch.owner", DEPARTING, LONE)] + [
        (path, EXPERT_DEPARTING, EXPERT_ALONE) for path in _ELSEWHERE
    ]
    hits = []
    items = said_of_items(plan)  # pumps retired by the plan's own decision, not a person retiring
    for path, departing_words, lone_words in texts:
        text = answer_at(plan, path)
        if not isinstance(text, str) or COVERED.find(text):
            continue
        # who the owner is (a contractor, a volunteer) is said where the owner is named, not of a builder
        # or a helper named after; that the owner is leaving may be said anywhere in the answer
        alone_in = _owner_clause(text) if path == "after_launch.owner" else text
        departing = tuple(word for word in departing_words.find_all(text) if word not in items)
        lone = lone_words.find_all(alone_in)
        if departing or lone:
            hits.append((path, (*departing, *lone), bool(departing)))
    return hits


def _beyond_the_owner(plan: Plan) -> bool:
    """Whether the one person the answers name is not the model's owner: an expert who labels, writes the
    rules or does the task today."""
    hits = _one_head(plan)
    return bool(hits) and all(path != "after_launch.owner" for path, _, _ in hits)


# The one head is an expert the task depends on, not the owner: what they know must outlast them.
_EXPERT_KNOWS = Instead(
    _beyond_the_owner,
    Move(
        "Write down what the one expert knows, and have a second person learn it",
        "The labels, the rules or today's decisions rest on one person, or one about to leave; before they "
        "go, have them work 50 real cases aloud beside a second person, write down how they decide and "
        "which cases are hard, have both label a shared sample to measure agreement, and name who labels "
        "or decides after them",
        "warning",
    ),
    "Have the expert work 50 real cases aloud beside a second person; write down how they decide and the "
    "hard cases; have both label a shared sample and measure agreement; name who labels or decides after "
    "them.",
    "The task depends on one expert, or one about to leave",
)


@rule(
    "owner-is-one-person",
    Category.operations,
    likelihood=3,
    impact=3,
    ask="is the model's owner, or the expert the task depends on, one person, a volunteer or someone about to "
    "leave, with nobody named to cover?",
    instead=(_EXPERT_KNOWS,),
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
        Case(
            {"after_launch.owner": "Lee, a contractor on a rolling contract; the ops team uses the output."}
        ),
        Case(  # not the owner: the one expert who does the task today, retiring
            {"product.current_solution": "Our one expert grades each batch by eye; she retires in June."},
            evidence=(
                'product.current_solution: "Our one expert grades each batch by eye; she retires in June." '
                "(retires, one expert: who covers when they are away or gone, and is what they know written "
                "down?)",
            ),
        ),
    ),
    quiet=(
        Case({"after_launch.owner": "The analytics team lead."}),
        Case(  # the plan's decision retires things (pumps), so `retirement` speaks of the pumps
            {
                "product.output": "Chance that each pump should be retired this quarter",
                "product.current_solution": "A fitter checks each pump; automatic retirement at 20,000 hours.",
            }
        ),
        Case(  # the contractor is who built the dashboard, not the owner named first
            {
                "after_launch.owner": "Dana, the ops manager; the contractor who built the dashboard maintains it."
            }
        ),
        Case({"after_launch.owner": "Sam, our data volunteer, with Priya as backup and a runbook."}),
        Case(
            {"product.current_solution": "Only one rule applies; the customer leaves when the order ships."}
        ),
        Case(
            {
                "product.current_solution": "Margaret, our one expert, grades every batch; Tom shadows her weekly."
            }
        ),
    ),
)
def owner_is_one_person(plan: Plan) -> Evidence:
    """The model's owner is one person, a volunteer or someone about to leave.

    The owner named keeps the model alive: pulls the data, retrains, checks the outputs, switches it
    off. A lone volunteer, a self-taught analyst, a contractor or a student keeps that in one head, and
    someone retiring or leaving takes it with them; when they are away the model runs unwatched. The
    same holds for the one expert who labels, writes the rules or does the task today.

    Mitigation: Name a second person who can run every step; write a runbook (the data pull, the
    retraining, the checks, the switch-off); have the second person run one full cycle before launch.
    """
    hits = _one_head(plan)
    if not hits or any(COVERED.find(note) for note in own_notes(plan)):
        return None
    words = [word for _, said, _ in hits for word in said]
    found = []
    for path, said, _ in hits:
        what = "the pipeline" if path == "after_launch.owner" else "what they know"
        note = f"{', '.join(said)}: who covers when they are away or gone, and is {what} written down?"
        found.append(quote(plan, path, note))
    departs = any(departing for _, _, departing in hits)
    return Hint(words, found) if departs else Hint(words, found, likelihood=2)
