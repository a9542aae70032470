"""Rules on the impact estimate and the press release: is a working model worth its effort and cost."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    OUT_OF_PROPORTION,
    PERSON_WEEK_COST,
    PERSON_WEEK_HOURS,
    Case,
    Evidence,
    Hint,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.benefit import estimate_said
from planner.judgement.rules.evidence import (
    answer_at,
    answer_is,
    empty_answers,
    items_per_month,
    monthly_value,
    norm,
    quote,
    says_nothing,
    show,
    volume_counts_other_item,
)
from planner.judgement.rules.lexicon import ITEM_UNITS
from planner.judgement.rules.perevent import every_item_counted
from planner.judgement.rules.stake import rolled_out, weigh_beyond_value
from planner.plan.model import Category, Plan

_HOURS = {"minute": 1 / 60, "minutes": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "hour": 1.0, "hours": 1.0}
_HOURS |= {"h": 1.0, "hr": 1.0, "hrs": 1.0, "person-hours": 1.0, "seconds": 1 / 3600, "s": 1 / 3600}
_MONEY = {"eur", "euro", "euros", "€", "usd", "$", "dollars", "gbp", "£", "chf"}


PAYBACK_YEARS = (
    3  # a recurring saving that repays the build within a working life of about 3 years: a question
)


def is_money(unit: str | None) -> bool:
    return unit is not None and norm(unit) in _MONEY


def _yearly_value_in_person_weeks(plan: Plan) -> float | None:
    value, unit = monthly_value(plan), plan.impact.value_unit
    if value is None or unit is None:
        return None
    if norm(unit) in _HOURS:
        return 12 * value * _HOURS[norm(unit)] / PERSON_WEEK_HOURS
    return 12 * value / PERSON_WEEK_COST if is_money(unit) else None


_STOP_OR_REAIM = Move(
    "Stop here, or aim at another bottleneck",
    "Even a model that works would not repay the effort, by the team's own judgement; look for the step whose improvement pays, or scope down",
    "danger",
    first=True,
    reshapes=True,
)


@rule(
    "not-worth-it",
    Category.product,
    likelihood=4,
    impact=5,
    move=_STOP_OR_REAIM,
    fires=(
        Case({"impact.worth_it": False}, evidence=("impact.worth_it: false",)),
        Case(
            {"impact.worth_it": False, "impact.harm_kinds": ["health"]},
            evidence=(
                "impact.worth_it: false",
                'impact.harm_kinds: ["health"] (the value counts EUR only; errors here harm health: weigh that too)',
            ),
        ),
    ),
)
def not_worth_it(plan: Plan) -> Evidence:
    """Not worth it even if the model works.

    The team judged that a working model would not repay the effort; the project is dead whatever
    the model does.

    Mitigation: Pick another bottleneck, scope the work down to what pays, or stop here.
    """
    return weigh_beyond_value(plan, answer_is(plan, "impact.worth_it", False))


@rule(
    "no-impact-estimate",
    Category.product,
    likelihood=3,
    impact=4,
    fires=(
        Case({"impact.bottleneck": "TBD"}, evidence=('impact.bottleneck: "TBD"',)),
        Case({"impact.share_addressed": 0}, evidence=("impact.share_addressed: 0",)),
    ),
)
def no_impact_estimate(plan: Plan) -> Evidence:
    """No real impact estimate.

    The bottleneck or the numbers behind the impact are empty or zero, so effort cannot be weighed
    against value.

    Mitigation: Name the step that costs most and estimate volume, share addressed and value per
    item, even roughly.
    """
    zeros = tuple(
        quote(plan, f"impact.{name}")
        for name in ("volume", "share_addressed", "value_per_item")
        if answer_at(plan, f"impact.{name}") == 0
    )
    return (*(empty_answers(plan, "impact.bottleneck") or ()), *zeros) or None


@rule(
    "impact-small-for-effort",
    Category.product,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {"impact.value_per_item": 0.05},
            evidence=(
                "impact estimate: 360 EUR per month",
                "impact.effort_weeks: 8 (a year of value is about 1.4 person-weeks)",
            ),
        ),
        Case(
            {"impact.value_unit": "minutes", "impact.value_per_item": 0.5, "impact.volume": 1000},
            evidence=(
                "impact estimate: 300 minutes per month",
                "impact.effort_weeks: 8 (a year of value is about 1.5 person-weeks)",
            ),
        ),
        Case(  # minutes counted, but the pain is breakdowns avoided: low, and said
            {
                "impact.value_unit": "minutes",
                "impact.value_per_item": 0.5,
                "impact.volume": 1000,
                "product.pain": "Unplanned breakdowns stop the line for a shift.",
            },
            evidence=(
                "impact estimate: 300 minutes per month",
                "impact.effort_weeks: 8 (a year of value is about 1.5 person-weeks)",
                'product.pain: "Unplanned breakdowns stop the line for a shift." (the value counts minutes '
                "saved; this names a bigger stake: count it)",
            ),
        ),
        Case(  # a value per case found, spread over the share of items that gain it
            {"impact.value_per_item": 1, "impact.benefit_share": 0.05},
            evidence=(
                "impact estimate: 360 EUR per month (1 EUR on the 5% of items that gain it "
                "(impact.benefit_share): 0.05 EUR an item)",
                "impact.effort_weeks: 8 (a year of value is about 1.4 person-weeks)",
            ),
        ),
        Case(  # a saving every year that repays the build well within three years: low, said
            {"impact.value_per_item": 0.2},
            evidence=(
                "impact estimate: 1,440 EUR per month",
                "impact.effort_weeks: 8 (a year of value is about 5.8 person-weeks)",
                "a recurring saving: it repays the effort in about 17 months",
            ),
        ),
        Case(  # a pilot's share, rolled out when the target is met: the whole volume repays the effort, low
            {
                "impact.value_per_item": 0.2,
                "impact.share_addressed": 0.1,
                "done.when_met": "Roll out to all depots.",
            },
            evidence=(
                "impact estimate: 240 EUR per month",
                "impact.effort_weeks: 8 (a year of value is about 1.0 person-weeks)",
                'done.when_met: "Roll out to all depots." (roll out, to all depots: at the whole volume a year of value is about '
                "9.6 person-weeks)",
            ),
        ),
        Case(  # a screening service counted in money where misses harm someone's health: low, and said
            {"impact.value_per_item": 0.05, "impact.harm_kinds": ["money", "health"]},
            evidence=(
                "impact estimate: 360 EUR per month",
                "impact.effort_weeks: 8 (a year of value is about 1.4 person-weeks)",
                'impact.harm_kinds: ["money", "health"] (the value counts EUR only; errors here harm health: weigh that too)',
            ),
        ),
    ),
)
def impact_small_for_effort(plan: Plan) -> Evidence:
    """The impact is small for the effort.

    A year of the estimated value does not repay the effort to build the first model, before
    counting its upkeep.

    Mitigation: Aim the first model at a bigger bottleneck or a higher-volume slice, or cut the
    effort (rules, an off-the-shelf model, a smaller scope).
    """
    yearly, effort = _yearly_value_in_person_weeks(plan), plan.impact.effort_weeks
    if yearly is None or effort is None or yearly >= effort:
        return None
    value = monthly_value(plan) or 0.0
    found = (
        estimate_said(plan, value),
        quote(plan, "impact.effort_weeks", f"a year of value is about {fmt.number(yearly, 1)} person-weeks"),
    )
    wider = rolled_out(plan, yearly, effort)
    if wider:  # the first model's share is a pilot's: rolled out, the same effort pays
        return Tempered(1, (*found, wider))
    if yearly * PAYBACK_YEARS >= effort:  # a saving every year that repays the build within its working life
        months = 12 * effort / yearly
        return Tempered(1, (*found, f"a recurring saving: it repays the effort in about {months:.0f} months"))
    return weigh_beyond_value(plan, found, hours=norm(plan.impact.value_unit or "") in _HOURS)


@rule(
    "cost-exceeds-value",
    Category.cost,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {"constraints.compute.budget_per_month": 30000},
            evidence=("constraints.compute.budget_per_month: 30000", "impact estimate: 28,800 EUR per month"),
        ),
    ),
)
def cost_exceeds_value(plan: Plan) -> Evidence:
    """Running costs exceed the value.

    The monthly compute budget is larger than the monthly value the model is expected to bring: it
    loses money every month it runs.

    Mitigation: Cut serving cost (batch, smaller model, cheaper hardware) or aim at a more valuable
    part of the pipeline.
    """
    value, budget = monthly_value(plan), plan.constraints.compute.budget_per_month
    if value is None or budget is None or not is_money(plan.impact.value_unit) or budget <= value:
        return None
    return (
        quote(plan, "constraints.compute.budget_per_month"),
        estimate_said(plan, value),
    )


@rule(
    "no-plan-if-model-disappoints",
    Category.product,
    likelihood=3,
    impact=3,
    fires=(Case({"impact.if_it_fails": "Nothing."}, evidence=('impact.if_it_fails: "Nothing."',)),),
)
def no_plan_if_model_disappoints(plan: Plan) -> Evidence:
    """Nothing is kept if the model disappoints.

    Model quality is uncertain; a project that leaves nothing behind when the model falls short
    is a pure gamble.

    Mitigation: Shape the work so it pays anyway: a cleaned and labeled data set, a measured
    baseline, improved rules, a validated process.
    """
    return empty_answers(plan, "impact.if_it_fails")


@rule(
    "press-release-vague",
    Category.product,
    likelihood=2,
    impact=3,
    fires=(
        Case(
            {"press_release.solution": "An AI model."},
            evidence=('press_release.solution: "An AI model." (3 words)',),
        ),
        Case({"press_release.headline": "tbd"}, evidence=('press_release.headline: "tbd"',)),
    ),
)
def press_release_vague(plan: Plan) -> Evidence:
    """The press release is missing or vague.

    If the team cannot say in plain words who benefits and what changes for them, the project may
    only be interesting, not useful.

    Mitigation: Rewrite the problem and solution for one kind of user, with a number for the pain
    and no model talk.
    """
    found = list(empty_answers(plan, "press_release.headline") or ())
    for name in ("problem", "solution"):
        text = answer_at(plan, f"press_release.{name}")
        if says_nothing(text):
            found.append(quote(plan, f"press_release.{name}"))
        elif text is not None and len(text.split()) < 8:
            found.append(quote(plan, f"press_release.{name}", f"{len(text.split())} words"))
    return tuple(found) or None


@rule(
    "impact-out-of-proportion",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Redo the impact estimate from the time the task really takes",
        "A model cannot save more time per item than doing the item takes; size the value from the "
        "measured minutes, and check it still repays the effort within a year",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"impact.value_per_item": 40, "impact.value_unit": "minutes"},
            evidence=(
                "impact.value_per_item: 40 minutes saved per item, but by_hand.minutes_per_example: 3",
                "at most 3 minutes: 12,000 x 60% x 3 = 21,600 minutes a month, about 108.0 person-weeks "
                "a year against impact.effort_weeks: 8",
            ),
        ),
    ),
    quiet=(Case({"impact.value_per_item": 30, "impact.value_unit": "minutes"}),),
)
def impact_out_of_proportion(plan: Plan) -> Evidence:
    """The value claimed is out of proportion with the work.

    The time saved per item is more than the task takes by hand, or the value exceeds the work that
    exists: the estimate is wishful, and the project may not pay back at all.

    Mitigation: Size the value from measured time per item and real volume, and weigh a year of it
    against the effort before starting.
    """
    impact, minutes = plan.impact, plan.by_hand.minutes_per_example
    unit = norm(impact.value_unit or "")
    if impact.item_value is None or minutes is None or unit not in _HOURS:
        return None
    claimed = impact.item_value * _HOURS[unit] * 60
    if claimed <= minutes * OUT_OF_PROPORTION:  # by-hand trials run faster or slower than the real job
        return None
    found = [
        f"impact.value_per_item: {show(impact.value_per_item)} {impact.value_unit} saved per item, "
        f"but by_hand.minutes_per_example: {show(minutes)}"
    ]
    items, share = items_per_month(plan), impact.addressed
    if items is not None and share is not None:
        real = items * share * minutes
        weeks = 12 * real / 60 / PERSON_WEEK_HOURS
        line = f"at most {show(minutes)} minutes: {fmt.count(items)} x {fmt.share(share)} x {show(minutes)} = {fmt.count(real)} minutes a month, about {fmt.number(weeks, 1)} person-weeks a year"
        if impact.effort_weeks is not None:
            line += f" against impact.effort_weeks: {show(impact.effort_weeks)}"
            if weeks < impact.effort_weeks:
                line += " (no payback within a year)"
        found.append(line)
    return tuple(found)


@rule(
    "impact-units-differ",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Put the value and the volume in the same unit before multiplying",
        "A value per customer times a volume of transactions is no impact estimate; give the value per "
        "item the volume counts (or the volume in the value's items), then weigh it against the effort",
        "warning",
    ),
    ask="is the value per item counted in the same items as the volume?",
    fires=(
        Case(
            {"impact.value_unit": "EUR per customer"},
            evidence=(
                'impact.value_unit: "EUR per customer" (the value is per customer)',
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run." '
                "(the volume counts invoices, not customers: value x volume is not computed)",
            ),
        ),
        Case(  # a value per contact, against a count of invoices: asked, a contact may be one per invoice
            {"impact.value_unit": "EUR per contact"},
            evidence=(
                'impact.value_unit: "EUR per contact" (the value is per contact)',
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run." '
                "(the volume counts invoices, not contacts: value x volume is not computed)",
            ),
        ),
        Case(  # a value per fault found, times every turbine inspected
            {
                "impact.value_unit": "GBP per fault found",
                "impact.bottleneck": "Inspectors review the blade photos of 300 turbines a month for faults.",
            },
            evidence=(
                'impact.value_unit: "GBP per fault found" (the value is per fault found)',
                "impact.volume: 12000 (the volume counts every item, not only those with a fault found: value x "
                "volume is not computed)",
                "value x volume: 4 x 12,000 a month x 60% = 28,800 GBP a month, as if every item were a fault "
                "found; if one item in 10 is, x 10% = 2,880 GBP a month: what share of the items ends as one "
                "(impact.benefit_share)?",
            ),
        ),
        *(  # a value per item won or avoided, said after or before its noun, times every item offered
            Case(
                {
                    "impact.value_unit": unit,
                    "impact.bottleneck": "Nurses pick from 60 open shifts in the app.",
                }
            )
            for unit in (
                "GBP saved per shift filled by the bank instead of an agency",
                "EUR per avoided readmission",
                "USD per successfully placed candidate",
            )
        ),
        Case(  # a value per amount, against a volume no answer puts in that amount
            {
                "impact.value_unit": "EUR per tonne of scrap",
                "title": "Sort the scrap stream",
                "impact.bottleneck": "Mixed alloys in the scrap stream.",
                "product.decision": None,
                "product.output": None,
                "product.label": None,
            },
            evidence=(
                'impact.value_unit: "EUR per tonne of scrap" (the value is per tonne)',
                "impact.volume: 12000 (no answer says the volume is in tonnes: value x volume is not computed)",
            ),
        ),
    ),
    quiet=(
        Case({"impact.value_unit": "EUR per invoice"}),
        Case({"impact.value_unit": "EUR per contact (one contact per held invoice)"}),  # tied one for one
        Case(  # the volume counts the finds themselves
            {
                "impact.value_unit": "GBP per fault found",
                "impact.bottleneck": "About 40 faults found a month wait a week for a fitter.",
            }
        ),
        Case({"impact.value_unit": "EUR"}),
        Case(  # the volume counts the filled shifts themselves
            {
                "impact.value_unit": "GBP per shift filled by the bank",
                "impact.bottleneck": "About 1,500 filled shifts a month go through the agency desk.",
            }
        ),
        Case(  # a time saved on every item booked, not a value per item won
            {
                "impact.value_unit": "minutes per appointment booked",
                "impact.bottleneck": "Receptionists take 3,000 appointment requests a week.",
            }
        ),
        Case(  # the volume's answer is in the value's amount
            {"impact.value_unit": "EUR per tonne", "impact.bottleneck": "Sorting 40 tonnes of scrap a day."}
        ),
    ),
)
def impact_units_differ(plan: Plan) -> Evidence:
    """The value per item and the volume count different items.

    A value per customer multiplied by a volume of transactions (or a share of one thing by a count of
    another) gives a figure of no unit, often hundreds of times too large, and it then decides whether
    the project is worth it.

    Mitigation: State what one item is, give the volume and the value for that same item, and redo the
    estimate; say which figures could not be joined until then.
    """
    found = volume_counts_other_item(plan)
    if found is None:
        return None
    noun, where, units = found
    counted = ", ".join(f"{unit}s" for unit in units)
    if " " in noun or noun in (
        "catch",
        "detection",
        "find",
        "hit",
        "save",
        "interception",
        "conversion",
        "win",
    ):
        volume = f"the volume counts every item, not only those with a {noun}"  # a value per event found
    elif units:
        volume = f"the volume counts {counted}, not {noun}s"
    else:
        volume = f"no answer says the volume is in {noun}s"
    found_lines = (
        quote(plan, "impact.value_unit", f"the value is per {noun}"),
        quote(plan, where, f"{volume}: value x volume is not computed"),
    )
    arithmetic = every_item_counted(plan, noun) if volume.startswith("the volume counts every") else None
    if units and not any(words.find(noun) for words in ITEM_UNITS.values()):
        # a value per contact or call against a count of orders: maybe one per order, so asked, not said
        return Hint((noun, *(f"{unit}s" for unit in units)), found_lines)
    return (*found_lines, arithmetic) if arithmetic else found_lines
