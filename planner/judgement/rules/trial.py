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
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.model import Category, OnlineValidation, Plan

# Units a live comparison can be split by that are groups of people or places, not single cases.
GROUP_UNITS = Lexicon("""
    team, teams, squad, squads, crew, crews, site, sites, depot, depots, region, regions, store, stores
    branch, branches, clinic, clinics, ward, wards, hospital, hospitals, school, schools, office, offices
    warehouse, warehouses, plant, plants, call centre, call centres, call center, call centers, agent
    agents, desk, desks, district, districts, city, cities, market, markets, country, countries, shop
    shops, farm, farms, line, lines, doctor, doctors, nurse, nurses, driver, drivers, clerk, clerks
    adviser, advisers, advisor, advisors, underwriter, underwriters, analyst, analysts, planner, planners
    rep, reps, sales rep, sales reps, caller, callers, officer, officers, inspector, inspectors, technician
    technicians, dispatcher, dispatchers, controller, controllers, surveyor, surveyors
""")
# A trial said in a sentence: a holdout, a pilot, a control group.
TRIAL_WORDS = Lexicon("""
    holdout, hold-out, pilot, pilots, piloted, control, controls, a/b test, ab test, canary, trial, trials
    against, versus, compared with, compare with
""")
# Words saying who labels or rates the data: a few people named there are not a live comparison.
NOT_A_TRIAL = Lexicon("""
    rated by, labelled by, labeled by, annotated by, graded by, marked by, double-marked by, reviewed by
    judged by, scored by, checked by, hand-labelled by, hand-labeled by
""")
# Words saying cases (or days) are assigned at random, not whole groups: the comparison is sound.
RANDOMISED = Lexicon("""
    random, randomly, randomised, randomized, randomise, randomize, randomisation, randomization, at random
    switchback, switch-back, alternate days, alternating days, alternate weeks, alternating weeks
    crossover, cross-over, every other case, every other day, each case at random
""")

# A few, in digits or words: `3`, `three`, `a couple of`, `half the` (of a handful of agents or sites);
# a dozen matched stores a side is a design a lead would weigh, not wave off.
_COUNT = (
    r"(?:one|two|three|four|five|six|seven|eight|a single|single|a couple of|a few|half (?:of )?the|"
    r"half (?:of )?our|(?<![\d.,])[1-8](?![\d.,%]))"
)
# `3 vs 3`, `two against two`: a comparison of a few on each side, the unit named elsewhere in the sentence.
_SIDES = re.compile(rf"\b{_COUNT}\s*(?:vs\.?|versus|against)\s*{_COUNT}\b", re.IGNORECASE)
# `all six depots`, `each of the 3 agents`: every group, a roll-out rather than a split.
_ALL_OF = re.compile(
    r"\b(?:all|all of|all the|all of the|all our|all of our|each of the|every one of the)\s+$", re.I
)
# A group that moves, leaves or is redeployed (`one advisor moves to casework`): who the launch frees.
_MOVES = re.compile(
    r"\s+(?:moves?|moved|is moved|are moved|goes|go|returns?|is redeployed|are redeployed|redeployed|"
    r"is reassigned|are reassigned|reassigned|leaves?|retires?|retiring|is freed|are freed|freed up|"
    r"can move|will move|shifts? to)\b",
    re.IGNORECASE,
)
_COMPARED = (OnlineValidation.holdout, OnlineValidation.a_b_test, OnlineValidation.canary)


def _few_units(sentence: str) -> str | None:
    """The words saying a few groups (`2 teams`, `three depots`, `half the agents`, `agents A-C`, `3 agents
    vs 3`), an adjective allowed between (`two pilot depots`); None when the sentence names none."""
    said = []
    for unit in GROUP_UNITS.find_all(sentence):
        name = re.escape(unit)
        for pattern in (
            rf"\b{_COUNT}\s+(?:[\w-]+\s+)?{name}\b",
            rf"(?i:\b{name})\s+[A-H]\s*(?:-|–|to)\s*[A-H]\b",  # `agents A-C`: a few, named by letter
        ):
            found = re.search(pattern, sentence, 0 if "A-H" in pattern else re.IGNORECASE)
            if found and _MOVES.match(sentence[found.end() :]):
                continue  # `one advisor moves to casework`: a staffing change the launch frees, not an arm
            if found and not _ALL_OF.search(sentence[: found.start()]):
                said.append(found.group(0))
        sides = _SIDES.search(sentence)
        if sides:
            said.append(f"{unit} {sides.group(0)}")
    return max(said, key=len) if said else None  # `two agent teams`, not `two agent`


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
                "(Two teams: the groups differ in skill, case mix and manager more than the model moves "
                "the result, the sample is the number of groups, and people in one office talk; what is "
                "randomised: cases, days or the groups?)",
                'done.online_validation: "holdout"',
            ),
        ),
        Case(  # a few people named by letter, in a metric's data set
            {
                "done.online_validation": "holdout",
                "done.metrics[0].name": "Cash collected per agent, model list vs current list",
                "done.metrics[0].dataset": "8-week pilot, agents A-C on the model list, D-F on the current list",
                "done.metrics[0].relative_target": 0.1,
            },
            evidence=(
                'done.metrics[0].dataset: "8-week pilot, agents A-C on the model list, D-F on the current '
                'list" (agents A-C: the groups differ in skill, case mix and manager more than the model '
                "moves the result, the sample is the number of groups, and people in one office talk; what "
                "is randomised: cases, days or the groups?)",
                'done.online_validation: "holdout"',
                "done.metrics[0].relative_target: 0.1 (a change of 10%: is a comparison of a few groups a "
                "side powered to see it over the groups' own spread?)",
            ),
        ),
        *(
            Case({"done.online_validation": "a_b_test", "done.when_met": words})
            for words in (
                "The A/B test runs 3 vs 3 agents for six weeks.",
                "Half the agents get the suggestions in the pilot; the rest keep the script.",
                "Pilot in 4 stores against 4 control stores.",
                "One district on the model against one district without.",
            )
        ),
    ),
    quiet=(
        Case(  # the advisor the launch frees moves to other work: a staffing change, not a comparison arm
            {
                "done.online_validation": "canary",
                "done.when_met": "Six-week pilot in two directorates (1,800 staff), then everywhere; one advisor "
                "moves to casework.",
            }
        ),
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
        Case(  # accounts randomised between the lists, every agent working both
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "For 8 weeks accounts are randomised 50/50 between lists; all 6 agents work both.",
            }
        ),
        Case(  # a roll-out to every depot, and raters of the data set: no split
            {
                "done.online_validation": "holdout",
                "done.when_met": "Roll out to all six depots; the labels are rated by three senior clerks.",
            }
        ),
        Case(  # many stores, and a figure that is no count of groups
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "A/B test over 120 stores against 120 others, with 2.5 weeks of data.",
            }
        ),
    ),
)
def holdout_of_few_units(plan: Plan) -> Evidence:
    """The live comparison splits a few teams, sites or regions, not randomised cases.

    A holdout of two teams (or three depots, one region) against the rest compares groups of people or
    places: they differ in skill, case mix and manager more than the model moves the result, the sample
    size is the number of groups, not of cases, and what one group learns spills over to the other.

    Mitigation: Randomise cases (or days) within each group, switch the model on and off by day or week
    in every group, or use many groups assigned at random; compare each group with its own weeks before
    (difference in differences) and report the spread between groups beside the difference; size the
    test for the effect sought (with three agents a side, only an effect far above their own spread shows).
    """
    chosen = plan.done.online_validation
    if chosen is not None and chosen not in _COMPARED:
        return None
    if any(RANDOMISED.find(text) for _, text in _trial_texts(plan)):
        return None
    for path, text in _trial_texts(plan):
        for sentence in SENTENCE.split(text):
            if NOT_A_TRIAL.find(sentence):
                continue  # `rated by three senior agents`: who labels the data, not who is compared
            few = _few_units(sentence)
            if few is None or (chosen is None and not TRIAL_WORDS.find(sentence)):
                continue
            note = (
                f"{few}: the groups differ in skill, case mix and manager more than the model moves "
                "the result, the sample is the number of groups, and people in one office talk; what is "
                "randomised: cases, days or the groups?"
            )
            found = [quote(plan, path, note)]
            if chosen is not None:
                found.append(quote(plan, "done.online_validation"))
            return Hint((few,), [*found, *_effect_sought(plan)])
    return None


def _effect_sought(plan: Plan) -> list[str]:
    """The effect the live comparison must show, from the plan's figures: is a few groups a side powered for it?"""
    for index, metric in enumerate(plan.done.metrics):
        if metric.margin is not None and not metric.holds:  # a guardrail held seeks no effect
            change = (
                f"{metric.relative_target:.0%}"
                if metric.relative_target is not None
                else metric.margin_words()
            )
            note = (
                f"a change of {change}: is a comparison of a few groups a side powered to "
                "see it over the groups' own spread?"
            )
            field = "relative_target" if metric.relative_target is not None else "absolute_target"
            return [quote(plan, f"done.metrics[{index}].{field}", note)]
    return []
