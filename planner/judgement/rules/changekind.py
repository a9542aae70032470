"""Rules on what a change during the data's period touched, as the team ticked it.

`constraints.data.change_kind` says what the change named in `constraints.data.changes` touched, and
each kind calls for other care: a new label standard, relabelling (label-standard-changed); a change of
terms or process with the label meaning the same, testing after it (the same rule, its Instead); a new
population, the regime rule only where it reaches most of production after the data, and within the data
a part of it scored apart, or the model judged on the months since where it reached most of it (here); an input that now means something
else, mapping or dropping its old values (here); a bonus for the people who record the outcome, an audit
of their labels (here). Without ticks, the words of the change decide, at most medium.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.changed import KIND_PATH, change_kinds, change_reach, reached, share_quoted
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.lexicon import CHANGE_HANDLED
from planner.judgement.rules.periodchange import change_within_period
from planner.judgement.rules.shocks import SHOCK_HANDLED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, ChangeKind, ChangeReach, Dropped, Plan


def _ticked(plan: Plan, kind: ChangeKind) -> Evidence:
    """The change and its tick, where `kind` is ticked, a change is named, and the team says nothing of
    handling it (trained since, scored apart, before and after)."""
    said = plan.constraints.data.changes
    if kind not in change_kinds(plan) or not said or says_nothing(said) or CHANGE_HANDLED.find(said):
        return None
    return quote(plan, "constraints.data.changes"), quote(plan, KIND_PATH)


_INPUT = {
    "constraints.data.changes": "Soil sensors moved from 10 cm to 30 cm deep in May 2024.",
    "constraints.data.period": "Jan 2022 - Dec 2025",
    "constraints.data.change_kind": ["input_meaning"],
}


@rule(
    "input-meaning-changed",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Map or drop the old values of the input that changed meaning",
        "An input that means something else since a date (a sensor moved, a field redefined, a new unit) "
        "gives the model one number for two things; map the older values onto today's meaning or drop them, "
        "mark the date as a boundary the model can see, and test on cases after it; the labels need no "
        "relabelling",
        "warning",
    ),
    fires=(
        Case(
            _INPUT,
            evidence=(
                f'constraints.data.changes: "{_INPUT["constraints.data.changes"]}"',
                'constraints.data.change_kind: ["input_meaning"]',
            ),
        ),
        Case({**_INPUT, "constraints.data.change_reach": "part_tracked"}),
    ),
    quiet=(
        Case({**_INPUT, "constraints.data.change_kind": ["population"]}),
        Case(
            {
                **_INPUT,
                "constraints.data.changes": "Sensors moved in May 2024; we train only on data since the change.",
            }
        ),
    ),
)
def input_meaning_changed(plan: Plan) -> Evidence:
    """An input means something else since a date within or after the data.

    A sensor moved or replaced, a field redefined, a new unit or form: values from before the date no
    longer mean what today's do, so the model learns one weight for two quantities, and a random split
    hides it. The label is untouched; relabelling old cases would change nothing.

    Mitigation: Map the older values onto today's meaning (a calibration, a lookup) or drop them; mark
    the date of the change as a feature boundary; split by time and test on cases after it.
    """
    found = _ticked(plan, ChangeKind.input_meaning)
    return reached(plan, 3, found) if found else None


_INCENTIVE = {
    "constraints.data.changes": "Handlers earn a bonus per claim closed as fraud since Jan 2025.",
    "constraints.data.period": "Jan 2022 - Dec 2025",
    "constraints.data.change_kind": ["recorder_incentive"],
}


@rule(
    "recorder-incentive-changed",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Audit a sample of labels from before and after the incentive",
        "The people who record the outcome gain from recording it one way since the scheme, so labels after "
        "it may record the bonus, not the case; audit a random sample of labels before and after against the "
        "facts, and train or test on no label recorded under the scheme until the audit agrees; giving the "
        "model the scheme as an input would only learn the recoding",
        "warning",
    ),
    fires=(
        Case(
            _INCENTIVE,
            evidence=(
                f'constraints.data.changes: "{_INCENTIVE["constraints.data.changes"]}"',
                'constraints.data.change_kind: ["recorder_incentive"]',
            ),
        ),
        Case({**_INCENTIVE, "constraints.data.change_reach": "part"}),
    ),
    quiet=(
        Case({**_INCENTIVE, "constraints.data.change_kind": ["process"]}),
        Case({**_INCENTIVE, "constraints.data.changes": "nothing"}),
    ),
)
def recorder_incentive_changed(plan: Plan) -> Evidence:
    """The people who record the outcome gained an incentive over how they record it.

    A bonus, a target or a quota for the staff who write the label down gives them a reason to record
    it one way: labels after the scheme may measure the scheme, not the case, and a model trained on
    them learns the recoding. It is a question of the labels' integrity, not of a regime to model.

    Mitigation: Audit a random sample of labels from before and after the scheme against the facts
    (a second reader, the documents); train and test on no label recorded under the scheme until the
    audit agrees; never give the model the scheme as an input.
    """
    found = _ticked(plan, ChangeKind.recorder_incentive)
    return reached(plan, 4, found) if found else None


# Words saying the rows the change reached are marked, or that part is scored apart already.
PART_MARKED = Lexicon("""
    score * apart, scores * apart, scored apart, score them apart, score those * apart, scores those * apart
    score it apart, scored separately, each row carries, each row names, each row marks, each row says
    every row carries, every row names, every row marks, column marks, column marking, marked in each row
""")

_PART = {
    "constraints.data.changes": "Same-day delivery rolled out in the northern depots from Mar 2024.",
    "constraints.data.period": "Jan 2022 - Dec 2025",
    "constraints.data.change_kind": ["population"],
    "constraints.data.change_reach": "part",
}


def _across(plan: Plan) -> bool:
    """Whether the team says the change reached all or most of production."""
    return change_reach(plan) is ChangeReach.all


# Across production: no part to mark; the rows before the change describe another mix.
_ACROSS = Instead(
    _across,
    Move(
        "Judge the model on the months since the change, and model the new part apart",
        "The change reached all or most of production during the data, so the rows before it describe "
        "another mix of cases and a score over the whole history blends both; judge the model on the months "
        "since the change, give the newcomers a flag (or a model of their own), and watch their error live",
        "warning",
    ),
    "Test on the months since the change; give the model a flag for the part that came with it, or model "
    "that part apart; watch the error on it after launch.",
    "A change during the data reached most of production: the history before it is another mix",
)


def _part_tracked(plan: Plan) -> bool:
    """Whether the team says each row names the part of production the change reached."""
    return change_reach(plan) is ChangeReach.part_tracked


# Each row names the part already: nothing to mark; what is left is to judge the model on that part.
_PART_NAMED = Instead(
    _part_tracked,
    Move(
        "Score the part the change reached apart, before and after the change",
        "Each row names the part the change reached, so the data tells it apart, yet an overall score still "
        "hides how the model does there; score that part apart from the rest, compare its cases from before "
        "and after the change, give the model the part and the date of the change as inputs, and weigh "
        "whether that part's history from before the change still describes it",
        "info",
    ),
    "Score the part the change reached apart from the rest, and its cases before the change apart from those "
    "after it; give the model the part and the date of the change as inputs; weigh whether that part's "
    "history from before the change still describes it.",
    "A change during the data reached a part the rows name",
)


@rule(
    "part-changed-within-data",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Mark the rows the change reached and score that part apart",
        "A change in part of the population during the data (a roll-out in some areas, a new service in some "
        "branches) makes that part's rows before and after it differ; where the data does not tell the part "
        "apart the model blends them: add a column marking the rows affected, score that part apart, and "
        "weigh whether to drop its history from before the change",
        "warning",
    ),
    instead=(_PART_NAMED, _ACROSS),
    fires=(
        Case(
            _PART,
            evidence=(
                f'constraints.data.changes: "{_PART["constraints.data.changes"]}" (a change during the data\'s '
                'period, "Jan 2022 - Dec 2025": the model learns a mix of both regimes)',
                'constraints.data.change_kind: ["population"]',
                'constraints.data.change_reach: "part" (no column marks the rows it reached)',
            ),
        ),
        Case({**_PART, "constraints.data.change_reach": "part_tracked"}),  # a low note: score the part apart
        Case(  # across production, within the data: the history before it is another mix
            {**_PART, "constraints.data.change_reach": "all"},
            evidence=(
                f'constraints.data.changes: "{_PART["constraints.data.changes"]}" (a change during the data\'s '
                'period, "Jan 2022 - Dec 2025": the model learns a mix of both regimes)',
                'constraints.data.change_kind: ["population"]',
                'constraints.data.change_reach: "all" (it reached all or most of production: the rows before it '
                "describe another mix; judge the model on the months since)",
            ),
        ),
    ),
    quiet=(
        Case(
            {**_PART, "constraints.data.changes": "Same-day delivery in the northern depots from Mar 2021."}
        ),
        Case(
            {
                **_PART,
                "constraints.data.changes": "Same-day delivery rolled out in the northern depots from Mar 2024; "
                "we score those depots apart.",
            }
        ),
        Case({**_PART, "constraints.data.changes": "Two more stores get sensors from next season."}),  # ahead
    ),
)
def part_changed_within_data(plan: Plan) -> Evidence:
    """A change during the data's period reached part of the population, or most of it.

    A roll-out in some areas, a new service in some branches, a new product in some stores: that part's
    rows from before the change and after it record different cases, while the rest do not. Where no
    column marks the rows the change reached, the model blends both and averages the part away; an
    overall score hides how it does there. Where it reached all or most of production (a new client that is a
    quarter of the volume), the rows before it describe another mix: a test over the whole history flatters.

    Mitigation: Add a column marking the rows the change reached (and since when); score that part apart
    from the rest; weigh whether to drop its history from before the change.
    """
    data = plan.constraints.data
    reach = change_reach(plan)
    if ChangeKind.population not in change_kinds(plan) or reach is None:
        return None
    changed = change_within_period(plan)
    if not changed or PART_MARKED.find(data.changes):
        return None
    if reach is ChangeReach.part_tracked:
        note = "each row names the part: score it apart"
        return Tempered(
            1, (*changed, quote(plan, KIND_PATH), quote(plan, "constraints.data.change_reach", note))
        )
    if reach is ChangeReach.all:  # no part to mark: the history before the change is another mix
        note = "it reached all or most of production: the rows before it describe another mix; judge the model on the months since"
        return (
            *changed,
            quote(plan, KIND_PATH),
            quote(plan, "constraints.data.change_reach", note),
            *share_quoted(plan),
        )
    note = "no column marks the rows it reached"
    return (*changed, quote(plan, KIND_PATH), quote(plan, "constraints.data.change_reach", note))


_SPELL = {
    "constraints.data.changes": "The depot was shut by a strike for five weeks in autumn 2023.",
    "constraints.data.period": "Jan 2021 - Dec 2025",
    "constraints.data.change_kind": ["spell"],
}


@rule(
    "abnormal-spell-in-data",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Mark the spell that was not normal, and score it apart",
        "A one-off spell (a strike, an outage, a closure) still teaches the model its levels and its rebound "
        "as if they could come back; mark its rows as an input the model sees, score the test's cases in it "
        "apart from the rest, look at the weeks after it for a rebound, and check it is truly over: weather "
        "(a drought, a flood) returns, and belongs in the data as it is",
        "warning",
    ),
    fires=(
        Case(
            _SPELL,
            evidence=(
                f'constraints.data.changes: "{_SPELL["constraints.data.changes"]}" (not normal, and over: '
                "nothing says whether its rows are marked or scored apart)",
                'constraints.data.change_kind: ["spell"]',
            ),
        ),
    ),
    quiet=(
        Case({**_SPELL, "constraints.data.change_kind": ["process"]}),
        Case(
            {
                **_SPELL,
                "constraints.data.changes": "A five-week strike in autumn 2023; those weeks are flagged.",
            }
        ),
        Case({**_SPELL, "constraints.data.dropped": ["period"]}, also=frozenset({"dropped-group-or-period"})),
    ),
)
def abnormal_spell_in_data(plan: Plan) -> Evidence:
    """The data holds a spell that was not normal and is over, with nothing said of how it is handled.

    A strike, an outage, a closure, a one-off campaign or the pandemic changed what was recorded for a
    while: left in as ordinary rows, its levels and the rebound after it teach the model patterns that
    will not recur, and a test that takes it in scores the model on weeks unlike any it will meet.

    Mitigation: Mark the spell's rows (an input the model sees); score the test's cases in it apart; look
    at the weeks after it for a rebound; check the spell is truly over (weather comes back).
    """
    data = plan.constraints.data
    if ChangeKind.spell not in change_kinds(plan) or Dropped.period in data.dropped:
        return None
    said = data.changes
    if not said or says_nothing(said) or SHOCK_HANDLED.find(said):
        return None
    note = "not normal, and over: nothing says whether its rows are marked or scored apart"
    return quote(plan, "constraints.data.changes", note), quote(plan, KIND_PATH)
