"""Rules on what cleaning takes out of the data: records dropped as outliers, suspect, invalid or
incomplete, cases that ended unusually, a group or a period, before training or scoring. Production
removes nothing: what the data lost, the product meets live untested, and it is often what matters.

The structured answer `constraints.data.dropped` is the first source; the words of the data answers
are the fallback for plans that leave it unanswered (or not known)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, own_notes, quote, read_paths, truth_paths
from planner.judgement.rules.harm import serious_harm
from planner.judgement.rules.words import Lexicon, in_one_sentence, phrases
from planner.plan.model import Category, Dropped, ErrorCost, Mode, Plan, RowsPerThing, TaskType

# Taking records out of the data.
DROPPED = Lexicon("""
    removed, removes, removing, dropped, dropping, excluded, excludes, excluding, filtered out
    filter out, filters out, discarded, discards, discarding, thrown out, deleted, cleaned out
    stripped out, screened out, weeded out, left out, taken out, discard, remove, exclude, trimmed
""")
# Records judged wrong or odd: what such a cleaning step names.
SUSPECT = Lexicon("""
    outlier, outliers, suspect records, suspect rows, suspect readings, suspect data, suspect values
    suspect claims, suspect cases, invalid records, invalid rows, invalid readings, invalid entries
    invalid data, invalid values, incomplete records, incomplete rows, incomplete cases, incomplete data
    anomalous, anomalies, implausible, erroneous, corrupt records, corrupted records, bad readings
    spurious, glitches, extreme values, odd records, unusual records, abnormal, abnormal readings
    missing fields, not completed, spikes, outside the normal range, unrealistic
    suspect tests, suspect results, suspect samples, suspect measurements, flagged as suspect
    noisy records, noisy readings, noisy data, standard deviations, three sigma, 3 sigma, 3-sigma
""")
# The team says it looked at what went, or kept it apart to check.
LOOKED_AT = Lexicon("""
    reviewed, inspected, checked by hand, checked against, compared with, kept aside, set aside
    kept apart, kept separately, audited, labelled separately, looked at each, examined
""")


def _data_paths(plan: Plan) -> tuple[str, ...]:
    """Where a plan says what its data are and how they were prepared."""
    return (
        *read_paths(plan),
        "product.label",
        "constraints.data.period",
        "constraints.data.differences_note",
        *truth_paths(plan),
        "done.eval_set",
    )


# The dropped cases named where a team says what happens to them, or how the test set holds them.
DROPPED_CASES = (
    SUSPECT
    + Lexicon("""
    extremes, extreme cases, extreme weeks, extreme days, unusual cases, unusual outcomes, edge cases
    returns, cancellations, disputes, stock-outs, stockouts, failures, peaks, the dropped records
    the dropped cases, the removed records, the removed cases
""")
    + Lexicon(
        phrases("fail, fails, failed, failing", "a, the", ", integrity, validation, log, quality", "check")
    )
)
# The evaluation keeps them as production will see them, or scores them as their own slice.
KEPT_IN_TEST = Lexicon("""
    kept in the test set, kept in the evaluation, stay in the test set, stay in the evaluation
    kept in the test, remain in the test set, included in the test set, included in the evaluation
    scored apart, scored separately, reported separately, their own slice, a slice of their own
    as production sees them, as production will see them, as they arrive live
""")
# The product sends them elsewhere: a person, a fallback, out of its scope.
ROUTED = Lexicon("""
    routed to, sent to a person, go to a person, goes to a person, handled by hand, reviewed by hand
    manual review, falls back, fall back, out of scope, never scored, passed to, referred to
    left to the, go to the, goes to the, sent to the
""")
# Where a team says what the product does with a case, or how it is tested.
_ROUTE_PATHS = ("product.decision", "heuristics.humans_handle", "after_launch.fallback")
_KIND = {
    Dropped.outliers: "extreme values",
    Dropped.invalid: "records that failed a check",
    Dropped.unusual_outcomes: "cases that ended unusually",
}
_MISSES = (ErrorCost.false_negative, ErrorCost.too_low, ErrorCost.too_high)
_FORECASTS = (TaskType.forecasting, TaskType.regression)


def _says(plan: Plan, paths: tuple[str, ...], first: Lexicon, named: bool = True) -> str | None:
    """The first of `paths` (or the plan's own notes) saying `first` of the dropped cases, quoted; with
    `named` false, an answer at `paths` need not name them (the evaluation set's answer is about them)."""
    for path in paths:
        text = answer_at(plan, path)
        if isinstance(text, str) and (
            in_one_sentence(text, first, DROPPED_CASES) or (not named and first.find(text))
        ):
            return quote(plan, path)
    for note in own_notes(plan):
        if in_one_sentence(note, first, DROPPED_CASES):
            return f"the plan's notes: {note[:70]}"
    return None


def _what_it_costs(plan: Plan, rare: list[Dropped]) -> str:
    """What dropping `rare` means for this task: peaks unforecast, or the class that matters removed."""
    task = plan.product.task
    if task in _FORECASTS and Dropped.outliers in rare:
        return "the peaks and troughs are where the cost is, and the model never saw nor was scored on them"
    if Dropped.unusual_outcomes in rare or Dropped.invalid in rare:
        return "the failures and odd endings are often the positives the product is for"
    return "production removes nothing: the model meets them live untested"


def _structured(plan: Plan, dropped: list[Dropped]) -> Evidence:
    """The dropped answer read as a lead does: which rare cases went, and what the plan does with them."""
    rare = [kind for kind in _KIND if kind in dropped]
    if not rare:
        several = plan.constraints.data.rows_per_thing is RowsPerThing.several
        if Dropped.duplicates in dropped and several:
            return Tempered(
                1,
                (
                    quote(plan, "constraints.data.dropped", "duplicates removed"),
                    quote(
                        plan,
                        "constraints.data.rows_per_thing",
                        "several rows describe one thing: were only true copies removed, or repeat reports "
                        "whose number says how often or how badly?",
                    ),
                ),
            )
        return None
    named = ", ".join(_KIND[kind] for kind in rare)
    found = [quote(plan, "constraints.data.dropped", f"{named} removed: {_what_it_costs(plan, rare)}")]
    kept = _says(plan, ("done.eval_set",), KEPT_IN_TEST, named=False)
    routed = _says(plan, _ROUTE_PATHS, ROUTED)
    if kept and routed:
        return None  # tested as production sees them, and the product says what happens to them
    if kept or routed:
        return Tempered(1, (*found, *(said for said in (kept, routed) if said)))
    impact = plan.impact
    worst = serious_harm(plan) and impact.costlier_error in _MISSES
    if worst and plan.product.mode is Mode.automate:
        found.append(
            quote(plan, "impact.costlier_error", "a miss costs more, and the dropped cases are misses")
        )
        found.append(quote(plan, "impact.error_severity"))
        found.append(quote(plan, "product.mode", "the system acts alone: no person meets them first"))
        return tuple(found)
    found.append("the test set must keep them as production will, and the launch say what happens to them")
    return Tempered(3, found)


@rule(
    "cleaning-drops-the-rare",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Look at what cleaning dropped before training on what is left",
        "Production removes nothing: extreme values, records that failed a check and cases that ended "
        "unusually are often the rare events the product is for. Count what went, compare its label rate "
        "with what stayed, keep them in the test set as production will see them (or score them as their "
        "own slice), and say what the launch does with them: a fallback, a person, a narrower scope",
        "warning",
    ),
    fires=(
        Case(  # dropped from the evaluation set
            {
                "constraints.data.dropped": None,
                "done.eval_set": "A random fifth of last year's jobs, excluding results the lab flagged as suspect tests",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "constraints.data.dropped": None,
                "product.inputs": "Daily meter readings; we discard readings that look abnormal before training.",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "constraints.data.dropped": None,
                "product.inputs": "Sensor data, cleaned: spikes and readings outside the normal range are removed.",
            }
        ),
        Case(
            {
                "constraints.data.dropped": None,
                "product.inputs": "Hourly vibration readings per pump; outliers and suspect readings are "
                "removed before training.",
            },
            evidence=(
                'product.inputs: "Hourly vibration readings per pump; outliers and suspect readings a..."',
                "what was dropped as outliers, suspect readings: how many, and were they more often the "
                "positives?",
            ),
        ),
        Case(  # not known, and the words say what: the words ask
            {
                "constraints.data.dropped": ["not_known"],
                "product.inputs": "Hourly vibration readings per pump; outliers are removed before training.",
            }
        ),
        Case(  # the structured answer: medium by default
            {"constraints.data.dropped": ["unusual_outcomes"]},
            evidence=(
                'constraints.data.dropped: ["unusual_outcomes"] (cases that ended unusually removed: the '
                "failures and odd endings are often the positives the product is for)",
                "the test set must keep them as production will, and the launch say what happens to them",
            ),
        ),
        Case(  # a forecast without its extremes: the peaks are unforecast
            {
                "constraints.data.dropped": ["outliers", "duplicates"],
                "product.task": "forecasting",
                "impact.costlier_error": "too_low",
            }
        ),
        Case(  # the worst error, and the system acts alone: high
            {
                "constraints.data.dropped": ["invalid"],
                "impact.error_severity": "serious",
                "product.mode": "automate",
            },
            evidence=(
                'constraints.data.dropped: ["invalid"] (records that failed a check removed: the failures '
                "and odd endings are often the positives the product is for)",
                'impact.costlier_error: "false_negative" (a miss costs more, and the dropped cases are misses)',
                'impact.error_severity: "serious"',
                'product.mode: "automate" (the system acts alone: no person meets them first)',
            ),
            also=frozenset({"automation-unanswered"}),
        ),
        Case(  # the test set keeps them, but nothing says what the product does with them: low
            {
                "constraints.data.dropped": ["outliers"],
                "done.eval_set": "The last six months held out; the outliers stay in the test set, scored apart.",
            }
        ),
        Case(  # several rows per thing: dropping duplicates may merge repeat reports (a low question)
            {
                "constraints.data.dropped": ["duplicates"],
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one complaint",
            },
        ),
        Case({"constraints.data.dropped": ["not_known"]}),  # a low question
    ),
    quiet=(
        Case(
            {
                "constraints.data.dropped": None,
                "product.inputs": "Hourly vibration readings per pump, with outliers marked by the sensor.",
            }
        ),
        Case(
            {
                "constraints.data.dropped": None,
                "product.inputs": "Hourly vibration readings per pump; outliers are removed after the "
                "engineers reviewed each against the failure log.",
            }
        ),
        Case({"constraints.data.dropped": ["nothing"]}),
        Case({"constraints.data.dropped": ["duplicates"]}),
        Case(  # the structured answer first: it says nothing rare went, whatever the words
            {
                "constraints.data.dropped": ["duplicates"],
                "product.inputs": "Hourly vibration readings per pump; outliers are removed before training.",
            }
        ),
        Case(  # kept in the test and routed to a person at launch
            {
                "constraints.data.dropped": ["outliers"],
                "done.eval_set": "The last six months held out; the outliers stay in the test set, scored apart.",
                "heuristics.humans_handle": "Extreme values are routed to a clerk, as today.",
            }
        ),
    ),
    ask="did cleaning drop records that are more often the rare cases the product is for?",
)
def cleaning_drops_the_rare(plan: Plan) -> Evidence:
    """Cleaning may drop the rare cases the product is for.

    Production removes nothing. A step that drops outliers, records that failed a check or cases that
    ended unusually (returns, cancellations, failures) removes what looks unlike the rest: a failing
    machine's readings, a fraudster's claim, the week demand peaked. The model never learns them and the
    test set never scores them, so the metric looks good on the cases that matter least, and the product
    meets them live untested; where they carry the worst error and nobody checks the output, that is
    where it fails.

    Mitigation: Count what each filter drops and compare its label rate with what stays; keep the
    dropped records in the evaluation as production will see them (or scored as their own slice); drop
    only what is known to be a recording error, checked against the outcome; say what the launch does
    with them (a fallback, a person, a narrower scope).
    """
    dropped = plan.constraints.data.dropped
    if dropped and dropped != [Dropped.not_known]:
        return _structured(plan, dropped)
    found = _in_words(plan)
    if found is None and dropped:  # not known: a question worth asking, low
        return Tempered(
            1,
            (
                quote(
                    plan, "constraints.data.dropped", "what cleaning removed is not known: ask who cleaned it"
                ),
            ),
        )
    return found


def _in_words(plan: Plan) -> Evidence:
    """The fallback: a data answer saying records were dropped as outliers, suspect or invalid."""
    notes = own_notes(plan)
    for path in _data_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str) or not DROPPED.find(text):
            continue
        suspect = SUSPECT.find_all(text)
        if not suspect or LOOKED_AT.find(text) or any(LOOKED_AT.find(note) for note in notes):
            continue
        asked = f"what was dropped as {', '.join(suspect)}: how many, and were they more often the positives?"
        return Hint(suspect, (quote(plan, path), asked))
    return None


# The launch leaves the dropped group out, or its data is being collected.
GROUP_SETTLED = Lexicon("""
    out of scope, not served, not covered, excluded at launch, excluded from the launch
    excluded from the pilot, left out of the launch, kept out of the launch, not in the launch
    collecting its data, collecting their data, data being collected, being collected
    launch excludes, pilot excludes, stay on the current process, stays on the current process
""")
_SCOPE_PATHS = ("product.decision", "product.goal", "after_launch.fallback", "done.when_met")


@rule(
    "dropped-group-or-period",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Leave the dropped group out of the launch, or collect its data",
        "The data lost a whole group (a site, a product, a channel, a kind of customer) or a period: the "
        "launch must either exclude that group, saying who serves it instead, or collect its data and test "
        "on it first; for a period, say whether it can recur and what the product does when it does",
        "warning",
    ),
    fires=(
        Case(
            {"constraints.data.dropped": ["group"]},
            evidence=(
                'constraints.data.dropped: ["group"] (a group was left out of the data: the product will meet '
                "it untested unless the launch leaves it out)",
            ),
        ),
        Case({"constraints.data.dropped": ["group", "duplicates"]}),
        Case(  # a period: fine if it cannot recur; a low question whether it can
            {"constraints.data.dropped": ["period"]},
            evidence=(
                'constraints.data.dropped: ["period"] (a period was left out: fine if it cannot recur; can '
                "it, and what does the product do then?)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.dropped": ["nothing"]}),
        Case({"constraints.data.dropped": ["outliers"]}, also=frozenset({"cleaning-drops-the-rare"})),
        Case(
            {
                "constraints.data.dropped": ["group"],
                "product.decision": "Hold an invoice for a clerk's duplicate check; the Polish entity is out of "
                "scope at launch and stays on the current process.",
            }
        ),
    ),
)
def dropped_group_or_period(plan: Plan) -> Evidence:
    """A group or a period left out of the data is met live untested.

    A site, product, channel, language or kind of customer removed from training and testing is a part
    of production the model has never seen and nobody has scored: live, it gets whatever the model does
    with strangers. A period removed (a disruption, a strike, a system change) is fine when it cannot
    come back, but disruptions recur, and the product then meets one untested.

    Mitigation: Exclude the dropped group at launch (saying who serves it) or collect its data and score
    the model on it before it is served; for a dropped period, say whether it can recur and what the
    product does when it does (a fallback, a person, a pause).
    """
    dropped = plan.constraints.data.dropped
    if Dropped.group in dropped:
        for path in _SCOPE_PATHS:
            if GROUP_SETTLED.find(answer_at(plan, path)):
                return None
        if any(GROUP_SETTLED.find(note) for note in own_notes(plan)):
            return None
        return (
            quote(
                plan,
                "constraints.data.dropped",
                "a group was left out of the data: the product will meet it untested unless the launch leaves "
                "it out",
            ),
        )
    if Dropped.period in dropped:
        return Tempered(
            1,
            (
                quote(
                    plan,
                    "constraints.data.dropped",
                    "a period was left out: fine if it cannot recur; can it, and what does the product do then?",
                ),
            ),
        )
    return None
