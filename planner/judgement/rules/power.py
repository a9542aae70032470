"""Rules on samples too small to show what they are meant to show: an audit of live outputs that, at
the error rate the plan targets, expects only a handful of errors per round, so a rise of several times
hides in the noise; a live test randomised over a handful of sites a side, whose sample is the sites,
not the thousands of cases in them."""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote, show
from planner.judgement.rules.trial import holdout_of_few_units
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import OnlineValidation
from planner.plan.model import Category, Direction, Plan
from planner.plan.spoken import NUMBER_WORDS, alternation, said_count
from planner.plan.stakes import PilotUnits

# An audit or sample of a number of items: "a random audit of 400 links a month".
_AUDIT = re.compile(
    r"\b(?:audit|audits|sample|samples|spot[- ]checks?|re-?checks?|checks?)\b\D{0,20}?(\d[\d,]*)\b"
    r"|\b(\d[\d,]*)\s+(?:[a-z-]+\s+){0,3}?(?:audited|sampled|re-?checked|checked)\b",
    re.IGNORECASE,
)
# Errors a round must expect before a rise of a few times stands out of the noise.
ENOUGH_ERRORS = 10


def target_error(plan: Plan) -> tuple[float, str] | None:
    """The smallest error rate a done metric targets (a precision or accuracy near 1), with its path."""
    best: tuple[float, str] | None = None
    for index, metric in enumerate(plan.done.metrics):
        target = metric.target
        if not isinstance(target, int | float) or not 0.9 <= target < 1:
            continue
        if metric.direction is Direction.lower_is_better:
            continue
        error = 1 - float(target)
        if best is None or error < best[0]:
            best = (error, f"done.metrics[{index}].target")
    return best


@rule(
    "audit-too-small-to-see",
    Category.operations,
    likelihood=3,
    impact=2,
    move=Move(
        "Size the audit so a rise in errors can show",
        "At the error rate the plan targets, the audit expects only a few errors a round: a rise of two or "
        "three times hides in the noise; audit enough items to expect about ten errors a round at the "
        "target, or pool rounds and say how many it takes to see a rise",
        "info",
    ),
    fires=(
        Case(
            {
                "after_launch.monitoring": [{"signal": "A random audit of 200 held invoices a month"}],
                "done.metrics[0].target": 0.98,
            },
            also=frozenset({"target-above-agreement", "target-beyond-human", "monitoring-without-alerts"}),
            evidence=(
                'after_launch.monitoring[0].signal: "A random audit of 200 held invoices a month" (200 items '
                "a round)",
                "done.metrics[0].target: 0.98 (an error rate of 2%: about 4 errors expected a round; about "
                "500 items a round expect 10)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "after_launch.monitoring": [{"signal": "A random audit of 1,000 held invoices a month"}],
                "done.metrics[0].target": 0.98,
            }
        ),
        Case({"after_launch.monitoring": [{"signal": "Share of invoices held per payment run"}]}),
    ),
)
def audit_too_small_to_see(plan: Plan) -> Evidence:
    """The audit is too small to see a rise in errors.

    An audit of live outputs is meant to catch the error rate rising; at the low error rate the plan
    targets, a round of it expects only a few errors, and two, four or six errors a round are all
    ordinary noise. A rise of several times then goes unseen for months.

    Mitigation: Audit enough items a round to expect about ten errors at the target rate, or pool
    rounds and state how many it takes to see a rise of a given size.
    """
    target = target_error(plan)
    if target is None:
        return None
    error, where = target
    for index, monitor in enumerate(plan.after_launch.monitoring):
        found = _AUDIT.search(monitor.signal)
        if found is None:
            continue
        size = int((found.group(1) or found.group(2)).replace(",", ""))
        expected = size * error
        if size < 20 or expected >= ENOUGH_ERRORS:
            continue
        needed = math.ceil(ENOUGH_ERRORS / error)
        return (
            quote(plan, f"after_launch.monitoring[{index}].signal", f"{fmt.count(size)} items a round"),
            f"{where}: {show(round(1 - error, 6))} (an error rate of {fmt.share(error)}: about "
            f"{fmt.number(expected, 0)} errors expected a round; about {fmt.count(needed)} items a round "
            f"expect {ENOUGH_ERRORS})",
        )
    return None


# A count said in words, as teams write the number of sites in a pilot.
_SAID = {word: count for word, count in NUMBER_WORDS.items() if count > 1}
_NUM = rf"(\d{{1,4}}|{alternation(_SAID)})"
# Units of a live test that are places or groups, not cases: the test's sample is their number.
_PLACES = Lexicon("""
    site, sites, branch, branches, region, regions, depot, depots, ward, wards, team, teams, store, stores
    clinic, clinics, practice, practices, hospital, hospitals, school, schools, warehouse, warehouses
    district, districts, office, offices, plant, plants, shop, shops, restaurant, restaurants, hub, hubs
    station, stations, yard, yards, farm, farms, county, counties, market, markets, city, cities
""")
# Designs that already answer a handful of units: each unit its own control over time.
_OWN_CONTROL = Lexicon("""
    stepped wedge, stepped-wedge, switchback, switchbacks, switch-back, crossover, cross-over
    alternate weeks, alternating weeks, alternate days, alternating days, on and off by week
    on and off by day
""")
# Designs that shrink the spread between sites: matched pairs, or each site against its own weeks before.
_PAIRED = Lexicon("""
    matched, matched pairs, paired, its own weeks before, their own weeks before, own baseline
    difference in differences, difference-in-differences, pre-period, pre period
""")
# Sites a side that a matched or before-and-after design makes enough: the spread left is the pairs'.
ENOUGH_PAIRED = 10
_WORD = r"(?:[a-z-]+\s+){0,3}?"
# A split of sites designed as such (`randomised across 12 depots`, `12 depots are randomised`); not
# sites drawn or picked at random, which says how the pilot's sites were chosen, not how many a side.
_TOTAL_RANDOMISED = (
    rf"\brandomi[sz](?:ed|ing|e)\b[^.;]{{0,40}}?\b(?:across|over|between|among)\s+{_NUM}\s+{_WORD}({{unit}})\b",
    rf"\b{_NUM}\s+{_WORD}({{unit}})\s+(?:are\s+|were\s+|will\s+be\s+|is\s+)?(?:randomi[sz]ed|randomly\s+"
    r"(?:assigned|allocated|split))\b",
)
_PER_ARM = rf"\b{_NUM}\s+{_WORD}({{unit}})\s+(?:per|a|each|in each)\s+(?:arm|side|group)\b"
_SIDES = rf"\b{_NUM}\s+{_WORD}({{unit}})\b[^.;]{{0,40}}?\b(?:against|vs\.?|versus|and)\s+{_NUM}\b"
_SPLIT = rf"\b{_NUM}\s+(?:[a-z-]+\s+)?with\s+[^,;()]{{1,30}},\s*{_NUM}\s+(?:with|on|without|as)\b"
# A sound live test has some twenty units a side or more before the spread between them stops ruling.
ENOUGH_UNITS = 20
# z(0.975) + z(0.8): a difference is seen at 5% and 80% power when it is this many standard errors.
_Z = 2.8


def _count(word: str) -> int:
    return int(said_count(word, _SAID))


def units_a_side(text: str) -> tuple[int, str] | None:
    """(units in the smaller arm, the words that say it) for a live test of places or groups: `8 clinics
    against 8`, `6 depots per arm`, `(8 with the flag, 8 with the rule)`, `randomised across 12 depots`."""
    for unit in _PLACES.find_all(text):
        name = re.escape(unit)
        for pattern in (_PER_ARM, _SIDES):
            found = re.search(pattern.replace("{unit}", name), text, re.IGNORECASE)
            if found and pattern is _PER_ARM:
                return _count(found.group(1)), found.group(0)
            if found:
                return min(_count(found.group(1)), _count(found.group(3))), found.group(0)
        split = re.search(_SPLIT, text, re.IGNORECASE)
        if split:
            return min(_count(split.group(1)), _count(split.group(2))), split.group(0)
        for pattern in _TOTAL_RANDOMISED:
            found = re.search(pattern.replace("{unit}", name), text, re.IGNORECASE)
            if found:
                return _count(found.group(1)) // 2, found.group(0)
    return None


def detectable(units: int) -> float:
    """The smallest difference between arms a test of `units` places a side sees at 5% and 80% power, in
    standard deviations of the places' own outcome (their spread from one to another)."""
    return _Z * math.sqrt(2 / units)


_COMPARED = (OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.canary)


def _live_test_texts(plan: Plan) -> list[tuple[str, str]]:
    done = plan.done
    texts = [("done.when_met", done.when_met), ("press_release.solution", plan.press_release.solution)]
    for index, metric in enumerate(done.metrics):
        texts += [
            (f"done.metrics[{index}].dataset", metric.dataset),
            (f"done.metrics[{index}].name", metric.name),
        ]
    return [(path, text) for path, text in texts if text]


@rule(
    "live-test-too-few-sites",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Size the live test by its sites, not its cases",
        "With a handful of sites a side the test's sample is the sites: compute the difference it can see "
        "from the sites' own spread in the months before, and add sites, use a stepped-wedge or switchback "
        "design (every site its own control over time), or run longer",
        "info",
    ),
    ask="is the live test randomised over a handful of sites a side, too few to see the effect it must show?",
    fires=(
        Case(
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "Randomised pilot in 16 clinics (8 with the flag, 8 on the rule).",
                "done.metrics[0].relative_target": 0.1,
            },
            evidence=(
                'done.when_met: "Randomised pilot in 16 clinics (8 with the flag, 8 on the rule)." '
                "(8 a side: the test's sample is 8 clinics an arm, not the cases in them; a difference shows at "
                "5% and 80% power only when it is about 1.4 times the spread of the outcome between clinics, "
                "2.8 x sqrt(2 / 8); about 16 a side see a difference as large as that spread, 63 half of it)",
                'done.online_validation: "a_b_test"',
                "done.metrics[0].relative_target: 0.1 (a change of 10% shows only if the clinics' outcome "
                "varies by less than about 7.1% of its mean from one to another)",
            ),
        ),
        *(
            Case({"done.online_validation": "a_b_test", "done.when_met": words})
            for words in (
                "Twelve depots are randomised to the model, half of them, for eight weeks.",
                "A/B test with 14 stores per arm for a quarter.",
                "The routes are compared in 10 depots against 10 on the old plan.",
            )
        ),
    ),
    quiet=(
        Case(  # many sites a side
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "A/B test over 40 stores against 40 others.",
            }
        ),
        Case(  # every site its own control over time
            {
                "done.online_validation": "holdout",
                "done.when_met": "Stepped-wedge roll-out over 12 depots, 6 depots per arm in each step.",
            }
        ),
        Case(  # a shadow run compares nothing live
            {"done.online_validation": "shadow", "done.when_met": "Shadow run in 8 clinics against 8 others."}
        ),
        Case(  # cases, not sites, are randomised within every store
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "Baskets are randomised 50/50 in all 30 stores for six weeks.",
            }
        ),
    ),
)
def live_test_too_few_sites(plan: Plan) -> Evidence:
    """The live test has too few sites a side to see its effect.

    A pilot or A/B test randomised by site, branch, depot, ward or team has as its sample the number of
    sites, not the cases in them: sites differ from one another in staff, case mix and local habits, and
    with a handful a side only a difference larger than that spread shows; a real effect the size the
    plan hopes for is then read as nothing, or noise as an effect.

    Mitigation: Compute the difference the test can see from the sites' own spread in the months before
    (2.8 x that spread x sqrt(2 / sites a side)); add sites, use a stepped-wedge or switchback design so
    every site is its own control over time, match sites in pairs and compare each with its own weeks
    before, or run longer.
    """
    chosen, pilot = plan.done.online_validation, plan.done.pilot_units
    if chosen not in _COMPARED and not (chosen is None and pilot is PilotUnits.random):
        return None
    texts = _live_test_texts(plan)
    if any(_OWN_CONTROL.find(text) for _, text in texts) or holdout_of_few_units(plan):
        return None  # each site its own control, or the few groups are raised already
    paired = any(_PAIRED.find(text) for _, text in texts)
    for path, text in texts:
        found = units_a_side(text)
        if found is None or not 1 <= found[0] < (ENOUGH_PAIRED if paired else ENOUGH_UNITS):
            continue
        units, words = found
        place = next(iter(_PLACES.find_all(text)), "site")
        places = place if place.endswith("s") else place + "s"
        step = detectable(units)
        note = (
            f"{units} a side: the test's sample is {units} {places} an arm, not the cases in them; a difference "
            f"shows at 5% and 80% power only when it is about {fmt.number(step, 1)} times the spread of the "
            f"outcome between {places}, {_Z} x sqrt(2 / {units}); about {math.ceil(2 * _Z**2)} a side see a "
            f"difference as large as that spread, {math.ceil(8 * _Z**2)} half of it"
        )
        evidence = [quote(plan, path, note)]
        evidence.append(quote(plan, "done.online_validation" if chosen else "done.pilot_units"))
        for index, metric in enumerate(plan.done.metrics):
            if metric.relative_target:
                spread = metric.relative_target / step
                evidence.append(
                    quote(
                        plan,
                        f"done.metrics[{index}].relative_target",
                        f"a change of {fmt.share(metric.relative_target)} shows only if the {places}' outcome "
                        f"varies by less than about {fmt.share(spread)} of its mean from one to another",
                    )
                )
                break
            if metric.absolute_target and metric.target is None:  # `1.5 points below`: in the metric's units
                evidence.append(
                    quote(
                        plan,
                        f"done.metrics[{index}].absolute_target",
                        f"a change of {metric.margin_words()} shows only if the {places}' outcome varies by "
                        f"less than about {fmt.number(metric.absolute_target / step)} from one to another",
                    )
                )
                break
        return Hint((words,), evidence)
    return None
