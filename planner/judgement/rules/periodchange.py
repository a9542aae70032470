"""What the team says changed during the data's period (`constraints.data.changes`): whether the change
touches the label or only the equipment, inputs or coverage, and whether it falls within the period or after."""

from __future__ import annotations

import re

from planner.judgement.rules.ahead import starts_ahead
from planner.judgement.rules.changed import REGIME_KINDS, change_kinds
from planner.judgement.rules.evidence import (
    answer_at,
    handled,
    quote,
    says_nothing,
    show,
    source_paths,
)
from planner.judgement.rules.lexicon import CHANGE_HANDLED
from planner.judgement.rules.months import dates_in, later_than
from planner.judgement.rules.upkeep import RECORDING_STARTED, dropped_and_tested_after, upkeep_only
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    ChangeKind,
    Plan,
)

# An answer on changes that opens by saying nothing changed ("Nothing.", "None that we know of", "No change").
_NO_CHANGE = re.compile(
    r"\s*(?:nothing|none|no\s+changes?|no|not\s+that\s+we\s+know|unchanged|n/a)\b"
    r"(?!\s*[,;:]?\s*(?:until|before|after|except|but|apart|other\s+than|besides|since)\b)",
    re.IGNORECASE,
)


# Years that name a collection (`the 1999-2010 marriage register`), not when anything changed.
_NAMED_COLLECTION = re.compile(
    r"\b(?:1[5-9]|20)\d\d\s*(?:-|–|—|to)\s*(?:1[5-9]|20)\d\d\s+(?:[A-Za-z-]+\s+){0,2}?(?:archive|archives"
    r"|collection|collections|register|registers|census|corpus|atlas|gazetteer|edition|editions)\b",
    re.IGNORECASE,
)


def _opens_the_period(said: str, period: str | None) -> bool:
    """Whether every date a change names is at or before the first date of the data's period (a log
    that starts with the data): the data then holds one regime, not a mix."""
    named, spans = dates_in(said), dates_in(period or "")
    if not named or not spans:
        return False
    start = spans[0]
    return all(year < start[0] or (year == start[0] and 0 < month <= start[1]) for year, month in named)


def _after_the_period(said: str, period: str | None) -> bool:
    """Whether every date a change names is after the last date of the data's period (a new standard
    from next year): the data holds one regime; the change comes after it, not within it."""
    named, spans = dates_in(said), dates_in(period or "")
    if not named or len(spans) < 2:
        return False
    end = spans[-1]
    return all(year > end[0] or (year == end[0] and 0 < end[1] < month) for year, month in named)


def _not_the_label(plan: Plan, said: str) -> bool:
    """Whether the change touches neither the label nor the process behind it: as ticked, else as said
    (upkeep that keeps one scale, a new camera, input or log, new areas, items coming and going)."""
    if kinds := change_kinds(plan):
        return not kinds & REGIME_KINDS
    coverage = COVERAGE_CHANGE.find(said) and not REGIME_CHANGE.find(said)
    return upkeep_only(said, REGIME_CHANGE) or equipment_change_only(said) or bool(coverage)


def changed_during_period(plan: Plan) -> tuple[str, ...] | None:
    """What the team said changed during the data's period, quoted as a fact; () when it said so and
    handles it (trains since it, weights it, gives the model the regime); None when it said nothing changed
    or did not answer, so the words of other answers decide."""
    said = plan.constraints.data.changes
    if not said or _not_the_label(plan, said):
        return None
    return change_within_period(plan)


def change_within_period(plan: Plan) -> tuple[str, ...] | None:
    """What the team said changed during the data's period, whatever it touched, quoted as a fact; ()
    where it handles it; None where nothing changed, or the change opens the data or comes after it."""
    said = plan.constraints.data.changes
    if not said or says_nothing(said) or _NO_CHANGE.match(said):
        return None
    said = _NAMED_COLLECTION.sub(" ", said)  # `the 1999-2010 marriage register`: years that name a source
    if CHANGE_HANDLED.find(said) or handled(plan, CHANGE_HANDLED) or dropped_and_tested_after(plan):
        return ()
    period = plan.constraints.data.period
    if starts_ahead(said) and (not dates_in(said) or _data_end(plan) is None):
        return None  # a change with the model or later, undated: history-from-the-old-regime asks
    if _opens_the_period(said, period) or _after_the_period(said, period):
        return None  # every date the change names is at or before the data's start: one regime throughout
    end, named = _data_end(plan), dates_in(said)
    if end is not None and named and all(later_than(date, end) for date in named):
        return None  # every date is after the data: history-from-the-old-regime asks
    # undated (`last spring`, `partway through`): the question asks what changed during the data's period
    during = (
        f"during the data's period, {show(period)}"
        if period and not says_nothing(period)
        else "during the data's period"
    )
    return (
        quote(plan, "constraints.data.changes", f"a change {during}: the model learns a mix of both regimes"),
    )


# A change of what captures the data (a camera, a sensor, a payload), not of what the label means.
DEVICE_CHANGE = Lexicon("""
    camera, cameras, sensor, sensors, payload, payloads, scanner, scanners, device, devices, firmware
    lens, lenses, microphone, microphones, drone, drones, hardware, resolution, tank, tanks, probe, probes
    analyser, analysers, analyzer, analyzers, instrument, instruments, gauge, gauges, hydrophone
    hydrophones, thermometer, thermometers, lidar, radar, equipment, x-ray machine, x-ray machines
""")
# A clause saying something stayed as it was: `labelling stayed the same`, `no new cameras`.
_KEPT_AS_IT_WAS = re.compile(
    r"[^.;,]*\b(?:same|unchanged|stayed|did not change|didn't change|not changed|as before|no\s+(?:changes?|new|"
    r"other)|(?:not|never)\s+(?:been\s+)?(?:replaced|swapped|upgraded|switched))\b[^.;,]*",
    re.IGNORECASE,
)


def changes_said(said: str) -> str:
    """A change as said, without the clauses saying something stayed (`scanners were not replaced`)."""
    return _KEPT_AS_IT_WAS.sub(" ", said)


def equipment_change_only(said: str) -> bool:
    """Whether a change names new equipment or inputs (a camera, a tank, a sensor, a feed) and no change of
    what the label means, outside the clauses saying they stayed the same (`same camera throughout`)."""
    rest = changes_said(said)
    return bool(DEVICE_CHANGE.find(rest) or INPUT_CHANGE.find(rest)) and not REGIME_CHANGE.find(rest)


# A change of what the model reads: a new feature, field or source of inputs (a data-sharing agreement).
INPUT_CHANGE = (
    Lexicon("""
    feature, features, new field, new fields, new input, new inputs, new source, new sources, data source
    data sources, data-sharing, data sharing, data-sharing agreement, data sharing agreement, feed, feeds
    new sensor, new sensors, sensor added, sensors added, sensor was added
    sensors were added, sensor installed, sensors installed, only logged since, logged only since
""")
    + RECORDING_STARTED
)
# A change of what the data covers or keeps beside the label: new areas or sites joining, the mix of cases
# moving, a new log started. The label is given as before; the model meets more of it, or reads more.
COVERAGE_CHANGE = Lexicon("""
    going live, go live, goes live, went live, new areas, new regions, new sites, new branches, new stores
    new depots, new markets, customer mix, product mix, case mix, mix changes, mix change, mix shifts
    news sources, adds sources, adds new sources, logging introduced, logging started, started logging
    began logging, call logging, new log, new logging
    are replaced each season, are replaced every season, are replaced each year, are replaced every year
    replaced each season, replaced every season, discontinued, delisted, new products, new items, new lines
    new titles, new skus, range changes, range refresh, catalogue turnover, product turnover, item turnover
    changes every month, changes each month, changes every week, changes each week, changes every quarter
    changes each quarter, change every month, change each month, change every week, change each week
    changes monthly, changes weekly, change monthly, change weekly, changes all the time, change all the time
""")
# A change of what the label or the process means: a rule, a standard, a definition, terms, prices.
REGIME_CHANGE = Lexicon("""
    label, labels, labelling, labeling, definition, definitions, standard, standards, guideline, guidelines
    coding, code, codes, policy, policies, terms, rule, rules, price, prices, pricing, process, criteria
    law, regulation, regulations, tariff, tariffs, contract, contracts, threshold, thresholds
""")


def _data_end(plan: Plan) -> tuple[int, int] | None:
    """The last (year, month) the data reaches: the period's end, else the latest year a source names."""
    spans = dates_in(plan.constraints.data.period or "")
    if len(spans) >= 2:
        return spans[-1]
    named = [date for path in source_paths(plan) for date in dates_in(str(answer_at(plan, path) or ""))]
    return max(named) if len(named) >= 2 and not spans else None


def regime_after_the_data(plan: Plan) -> bool:
    """Whether the team's answer on changes names a change of terms, standard or process dated after the
    data's period (some of its dates may fall within it): the records are under the old regime, and the
    model will run under the new one."""
    said = plan.constraints.data.changes
    if not said or says_nothing(said) or _NO_CHANGE.match(said):
        return False
    kinds = change_kinds(plan)
    if (kinds and not kinds & (REGIME_KINDS | {ChangeKind.population})) or (
        not kinds and equipment_change_only(said)
    ):
        return False  # a new camera or input source changes what the model reads, not the label
    end = _data_end(plan)
    return end is not None and any(later_than(date, end) for date in dates_in(said))


def dated_within_the_data(plan: Plan) -> bool:
    """Whether the answer on changes also names a date from the data's start to its end (`cash was half of
    takings in 2022`): beside a later date, it names a change the history holds cases after."""
    spans, end = dates_in(plan.constraints.data.period or ""), _data_end(plan)
    if not spans or end is None:
        return False
    start = spans[0]
    named = dates_in(plan.constraints.data.changes or "")
    return any(date[0] >= start[0] and not later_than(date, end) for date in named)
