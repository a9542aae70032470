"""Rules on the newcomers on the asking side of a match or a recommendation: the new customers, patients or
pupils it serves, not the new providers or items it picks among.

A match is judged on both sides. New providers get a record only if they are picked, and a lead asks for
them apart; but the people asking are new too (a first-time patient, a new customer), with no past with
the service and often other needs, and a score pooled over mostly returning ones hides how the match
serves them. A lead asks that they be scored apart as well.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.data import nothing_trained
from planner.judgement.rules.evidence import first_said, metric_name_paths, quote
from planner.judgement.rules.newcomers import newcomers_have_no_history, test_set_misses_newcomers
from planner.judgement.rules.supply import NEWCOMERS_GIVEN_ROOM
from planner.judgement.rules.words import Lexicon
from planner.plan.model import PICKING_TASKS, Category, Newcomers, Picks, Plan, Split

# Newcomers on the asking side, named where a plan says how it scores them.
NEW_ASKERS = Lexicon("""
    new customers, new customer, first-time customers, first-time customer, new users, new user
    new members, new member, new patients, new patient, first-time patients, new clients, new client
    new accounts, new buyers, new buyer, new shoppers, new pupils, new pupil, new students, new families
    new callers, new applicants, new requesters, new guests, new tenants, new subscribers, new households
    first-time, first time, first visit, first visits, first order, first orders, first request, first requests
    returning customers, returning patients, returning clients, returning users, returning members
""")
_HOW = {Picks.providers: "providers", Picks.items: "items"}


@rule(
    "new-askers-scored-with-the-known",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the new ones asking apart, not only the new providers",
        "A match serves the people asking as well as the pool it picks from: report its quality for "
        "first-time customers or patients apart from returning ones (by first appearance, or whole askers "
        "held out), beside the score on new providers or items",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "matching",
                "product.picks": "providers",
                "constraints.data.newcomers": "all_new",
                "done.eval_set": "Last quarter's bookings, with new interpreters reported apart.",
            },
            evidence=(
                'constraints.data.newcomers: "all_new" (nearly every case comes from someone or something the '
                "data never saw: the new ones asking, not only new providers)",
                'done.eval_set: "Last quarter\'s bookings, with new interpreters reported apart." (the new '
                "providers are scored apart, the new ones asking are not: new interpreters)",
            ),
        ),
        Case(  # many new, nothing said of scoring any newcomers apart: low
            {"product.task": "ranking", "product.picks": "providers", "constraints.data.newcomers": "many"},
        ),
    ),
    quiet=(
        Case(  # the new ones asking are named in the evaluation
            {
                "product.task": "matching",
                "product.picks": "providers",
                "constraints.data.newcomers": "all_new",
                "done.eval_set": "Last quarter's bookings, with new patients and new interpreters reported apart.",
            }
        ),
        Case(  # held out whole
            {
                "product.task": "matching",
                "product.picks": "providers",
                "constraints.data.newcomers": "all_new",
                "done.split": "group",
            }
        ),
        Case(  # a ranking of cases: nobody asks
            {"product.task": "ranking", "product.picks": "cases", "constraints.data.newcomers": "all_new"}
        ),
        Case({"product.task": "matching", "product.picks": "providers", "constraints.data.newcomers": "few"}),
    ),
)
def new_askers_scored_with_the_known(plan: Plan) -> Evidence:
    """The new customers or patients a match serves are scored pooled with the returning ones.

    Many of the people a match or a recommendation serves are new (a first-time patient, a new
    customer): they have no past with the service and often other needs, and the match may serve them
    worse. A score pooled over mostly returning ones hides it, and reporting new providers apart says
    nothing of them.

    Mitigation: Report the match's quality for first-time customers or patients apart from returning
    ones (by first appearance, or whole askers held out), beside the score on new providers or items.
    """
    product = plan.product
    pool = _HOW.get(product.picks) if product.picks else None
    share = plan.constraints.data.newcomers
    if product.task not in PICKING_TASKS or pool is None or share not in (Newcomers.many, Newcomers.all_new):
        return None
    if plan.done.split is Split.group or nothing_trained(plan):
        return None  # whole askers held out; or a prompted model, to which every case is new
    paths = ("done.eval_set", *metric_name_paths(plan))
    if first_said(plan, paths, NEW_ASKERS):
        return None
    if newcomers_have_no_history(plan) or test_set_misses_newcomers(plan):
        return None  # raised there, from what the model reads or how the test set is drawn
    whose = (
        "nearly every case comes from" if share is Newcomers.all_new else "1 in 10 or more cases come from"
    )
    said = quote(
        plan,
        "constraints.data.newcomers",
        f"{whose} someone or something the data never saw: the new ones asking, not only new {pool}",
    )
    supply = first_said(plan, paths, NEWCOMERS_GIVEN_ROOM)
    if supply:
        path, words = supply
        note = f"the new {pool} are scored apart, the new ones asking are not: {', '.join(words)}"
        found = (said, quote(plan, path, note))
    else:
        found = (said, "nothing said of scoring the new ones asking apart from the returning ones")
    return found if share is Newcomers.all_new else Tempered(2, found)
