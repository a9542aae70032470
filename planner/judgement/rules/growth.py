"""The rule on a goal that brings newcomers in while the team counts few today.

A goal to recruit more members, open new sites or sign new suppliers makes newcomers many once it
succeeds, whatever share the data holds now: a lead plans for the new ones the goal itself brings.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.newcomers import PER_CASE_PAST, evaluated_apart
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Newcomers, Plan

# Words saying the goal is to grow the population the model serves: more members, sites or suppliers.
GROWTH = Lexicon("""
    recruit, recruits, recruiting, recruitment, recruit more, grow membership, grow the membership
    grow our membership, grow the customer base, grow our customer base, grow the network, grow our network
    more members, more customers, more suppliers, more sites, more stores, more partners, more volunteers
    new members, new customers, new suppliers, new sites, new stores, new branches, new markets, new regions
    new partners, new volunteers, new donors, new patients, onboard, onboards, onboarding, sign up more
    customer acquisition, acquire new, attract new, open new, expand into, expand to, expansion
""")
_GOAL_PATHS = ("product.goal", "product.success_metric", "done.when_met")


@rule(
    "newcomers-few-against-growth",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Plan for the newcomers the goal itself brings",
        "A goal to grow the membership, the sites or the suppliers makes newcomers many, whatever today's "
        "share: give new ones a fallback from their description or their category's history, and report "
        "the model's error on the newest ones apart, with items or members held out whole",
    ),
    ask="the goal brings new ones in: will newcomers stay few once it succeeds?",
    fires=(
        Case(
            {
                "product.goal": "Recruit more volunteers for the weekend food bank shifts.",
                "constraints.data.newcomers": "few",
            },
            evidence=(
                'constraints.data.newcomers: "few" (today\'s count, before the goal brings new ones)',
                'product.goal: "Recruit more volunteers for the weekend food bank shifts." (the goal grows '
                "the population: recruit more)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.goal": "Recruit more volunteers for the weekend shifts.",
                "constraints.data.newcomers": "many",
            }
        ),
        Case({"product.goal": "Fewer missed weekend shifts.", "constraints.data.newcomers": "few"}),
        Case(  # the plan reports the newest ones apart
            {
                "product.goal": "Recruit more volunteers for the weekend shifts.",
                "constraints.data.newcomers": "few",
                "done.split": "group",
            }
        ),
    ),
)
def newcomers_few_against_growth(plan: Plan) -> Evidence:
    """The team counts few newcomers, while the goal is to bring new ones in.

    Today's share of new members, sites or suppliers is small, but the goal or its success metric is to
    recruit more of them: if the product succeeds, newcomers become many, and a model judged mostly on
    familiar cases meets them with nothing to read and an untested error.

    Mitigation: Plan for the newcomers the goal brings: a fallback from their description or category,
    and the model's error on the newest ones reported apart, with whole items or members held out.
    """
    if plan.product.task not in PER_CASE_PAST:
        return None
    if plan.constraints.data.newcomers not in (Newcomers.none, Newcomers.few):
        return None  # many or all new: newcomers-have-no-history asks what they get
    if evaluated_apart(plan):
        return None
    said = first_said(plan, _GOAL_PATHS, GROWTH)
    if said is None:
        return None
    path, words = said
    count = quote(plan, "constraints.data.newcomers", "today's count, before the goal brings new ones")
    return Hint(words, (count, quote(plan, path, f"the goal grows the population: {', '.join(words)}")))
