"""Whether a person still takes the final choice the model's output feeds, with what they see in hand.

An automatic output is not always an automatic decision. A short list a customer picks a tradesperson
from, a ranked queue staff work down, an estimate of coral cover an authority sets a closure on: the
model runs unattended, but a person (or an authority) chooses, with what the model does not see in front
of them. A lead keeps the questions about decisions against people, and about what the model cannot
see, for outputs that are themselves the decision: approve, refuse, price, suspend, or rank people for a
scarce resource with nobody choosing. This reads the structured answers first (`product.action_shape`,
the circumstances the output acts alone or sets controls in), then who `product.decision_owner` names and
what `product.output` is about.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import answer_at, quote, ticked
from planner.judgement.rules.lexicon import ABOUT_PEOPLE, ACTED_ON, PEOPLE, PERSON_DECIDES, STAFF
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Circumstance, Plan
from planner.plan.workings import ActionShape

# A body that acts on an estimate it is given: sets a quota, closes a reef, issues a warning.
AUTHORITY = Lexicon("""
    authority, authorities, regulator, regulators, ministry, ministries, agency, agencies, council
    councils, committee, committees, board, boards, panel, panels, manager, managers, planner, planners
    scientist, scientists, ecologist, ecologists, customer, customers, user, users, client, clients
    homeowner, homeowners
""")
# Words saying the output's owner is the machine itself: then nobody chooses after it.
MACHINE = Lexicon("""
    system, systems, model, models, app, apps, automatic, automatically, pipeline, pipelines, job, jobs
    algorithm, algorithms, optimiser, optimizer, workflow, workflows, software, bot, bots, scheduler
""")
_ABOUT_A_PERSON = (ABOUT_PEOPLE, ACTED_ON, STAFF)


def about_people(plan: Plan) -> bool:
    """Whether what the model outputs is about people (a ranked list of tradespeople, a claimant's score)."""
    output = answer_at(plan, "product.output")
    return isinstance(output, str) and any(lexicon.find(output) for lexicon in _ABOUT_A_PERSON)


def person_chooses(plan: Plan) -> str | None:
    """The answer, quoted, saying a person or an authority takes the final choice from the output; None
    where the output acts by itself (it commits alone, sets controls, passes a cut-off, sets an amount) or
    is itself a ranking of people that nobody chooses from."""
    product = plan.product
    if ticked(plan, Circumstance.commits_alone) or ticked(plan, Circumstance.sets_controls):
        return None
    shape = product.action_shape
    if shape is ActionShape.choose_among:
        return quote(plan, "product.action_shape", "a person chooses among the suggestions")
    owner = product.decision_owner or ""
    if MACHINE.find(owner):
        return None  # the system takes the decision (it sends the offers, it posts the list)
    if shape is ActionShape.top_of_queue and not about_people(plan):
        return quote(plan, "product.action_shape", "people work down the list and decide each case")
    if shape not in (None, ActionShape.every_item, ActionShape.top_of_queue):
        return None  # a cut-off or an amount acts by itself
    named = PERSON_DECIDES.find(owner) or PEOPLE.find(owner) or AUTHORITY.find(owner)
    if not named:
        return None
    return quote(plan, "product.decision_owner", f"the final choice is taken by {named}")
