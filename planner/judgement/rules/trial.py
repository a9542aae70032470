"""Rules on how the live comparison is built: who gets the model, and who is kept without it.

A holdout or an A/B test is judged by its type label, but a lead reads how it is made: two teams with
the model against two without is a comparison of four groups of people, not of thousands of cases. The
teams differ in skill, case mix and manager more than the model moves the result, the sample size is the
number of teams, and people in the same office talk (what one team learns spills over to the other).
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, OnlineValidation, Plan

# Units a live comparison can be split by that are groups of people or places, not single cases.
GROUP_UNITS = Lexicon("""
    team, teams, squad, squads, crew, crews, site, sites, depot, depots, region, regions, store, stores
    branch, branches, clinic, clinics, ward, wards, hospital, hospitals, school, schools, office, offices
    warehouse, warehouses, plant, plants, call centre, call centres, call center, call centers, agent
    agents, desk, desks, district, districts, city, cities, market, markets, country, countries, shop
    shops, farm, farms, line, lines, doctor, doctors, nurse, nurses, driver, drivers, clerk, clerks
    adviser, advisers, advisor, advisors, underwriter, underwriters, analyst, analysts, planner, planners
""")
# A trial said in a sentence: a holdout, a pilot, a control group.
TRIAL_WORDS = Lexicon("""
    holdout, hold-out, pilot, pilots, piloted, control, controls, a/b test, ab test, canary, trial, trials
    against, versus, compared with, compare with
""")
# Words saying cases (or days) are assigned at random, not whole groups: the comparison is sound.
RANDOMISED = Lexicon("""
    random, randomly, randomised, randomized, randomise, randomize, randomisation, randomization, at random
    switchback, switch-back, alternate days, alternating days, alternate weeks, alternating weeks
    crossover, cross-over, every other case, every other day, each case at random
""")

_COUNT = r"(?:one|two|three|four|five|a single|single|[1-5])"
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
_COMPARED = (OnlineValidation.holdout, OnlineValidation.a_b_test, OnlineValidation.canary)


def _few_units(sentence: str) -> str | None:
    """The words saying a few groups (`2 teams`, `three depots`, `one region`), an adjective allowed
    between (`two pilot depots`); None when the sentence names none."""
    for unit in GROUP_UNITS.find_all(sentence):
        found = re.search(rf"\b{_COUNT}\s+(?:[\w-]+\s+)?{re.escape(unit)}\b", sentence, re.IGNORECASE)
        if found:
            return found.group(0)
    return None


def _trial_texts(plan: Plan) -> list[tuple[str, str]]:
    done = plan.done
    texts = [("done.when_met", done.when_met), ("press_release.solution", plan.press_release.solution)]
    for index, metric in enumerate(done.metrics):
        texts.append((f"done.metrics[{index}].name", metric.name))
        texts.append((f"done.metrics[{index}].dataset", metric.dataset))
    return [(path, text) for path, text in texts if text]


@rule(
    "holdout-of-few-units",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Randomise the live comparison over many units, not a few groups",
        "Two teams (or depots, regions) with the model against two without compares the groups more than "
        "the model; randomise cases or days within each group, switch the model on and off by day, or use "
        "many groups, and compare each with its own weeks before",
        "info",
    ),
    ask="is the live comparison a few teams or sites against a few others, rather than randomised cases?",
    fires=(
        Case(
            {
                "done.online_validation": "holdout",
                "done.when_met": "Two teams use the flags for a month while the other two teams do not.",
            },
            evidence=(
                'done.when_met: "Two teams use the flags for a month while the other two teams do not." '
                "(two teams: the groups differ in skill, case mix and manager more than the model moves "
                "the result, the sample is the number of groups, and people in one office talk)",
                'done.online_validation: "holdout"',
            ),
        ),
    ),
    quiet=(
        Case(  # cases assigned at random within each team
            {
                "done.online_validation": "holdout",
                "done.when_met": "Two teams use the flags for a month, with invoices held out at random.",
            }
        ),
        Case(  # no comparison of groups: a shadow run
            {"done.online_validation": "shadow", "done.when_met": "Two teams see the flags for a month."}
        ),
        Case({"done.online_validation": "holdout", "done.when_met": "Switch it on for all invoices."}),
    ),
)
def holdout_of_few_units(plan: Plan) -> Evidence:
    """The live comparison splits a few teams, sites or regions, not randomised cases.

    A holdout of two teams (or three depots, one region) against the rest compares groups of people or
    places: they differ in skill, case mix and manager more than the model moves the result, the sample
    size is the number of groups, not of cases, and what one group learns spills over to the other.

    Mitigation: Randomise cases (or days) within each group, switch the model on and off by day or week
    in every group, or use many groups assigned at random; compare each group with its own weeks before
    (difference in differences) and report the spread between groups beside the difference.
    """
    chosen = plan.done.online_validation
    if chosen is not None and chosen not in _COMPARED:
        return None
    if any(RANDOMISED.find(text) for _, text in _trial_texts(plan)):
        return None
    for path, text in _trial_texts(plan):
        for sentence in _SENTENCE.split(text):
            few = _few_units(sentence)
            if few is None or (chosen is None and not TRIAL_WORDS.find(sentence)):
                continue
            note = (
                f"{few.lower()}: the groups differ in skill, case mix and manager more than the model moves "
                "the result, the sample is the number of groups, and people in one office talk"
            )
            found = [quote(plan, path, note)]
            if chosen is not None:
                found.append(quote(plan, "done.online_validation"))
            return Hint((few,), found)
    return None
