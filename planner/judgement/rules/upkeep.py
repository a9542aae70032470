"""Routine upkeep of an instrument told apart from a change of instrument or method.

An instrument recalibrated each year, sensors serviced on schedule or routine maintenance keep the
readings on one scale: a lead does not read them as a new regime. A new device, a replaced sensor or a
changed method does move every reading after it. A part swapped and then checked against reference
standards keeps the scale too; and a period the team drops, testing after it, leaves one regime.
"""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon
from planner.plan.model import Dropped, Plan, Split

# Words of routine upkeep: calibration or servicing on a schedule, which keeps one scale.
ROUTINE_UPKEEP = Lexicon("""
    recalibrated each year, recalibrated every year, recalibrated yearly, recalibrated annually
    re-calibrated each year, re-calibrated every year, calibrated each year, calibrated every year
    calibrated yearly, calibrated annually, annual calibration, yearly calibration, routine calibration
    routine calibrations, regular calibration, scheduled calibration, periodic calibration
    annual recalibration, yearly recalibration, routine recalibration, routine maintenance
    scheduled maintenance, regular maintenance, planned maintenance, routine servicing, routine service
    sensors serviced, serviced each year, serviced every year, serviced yearly, serviced annually
    annual service, annual servicing, yearly service, serviced and recalibrated, calibration checks
    repaired, was repaired, were repaired, sent for repair, back from repair, after repair, after a repair
    repaired and recalibrated, fault repaired, faults repaired
""")
# Words of a real change of device or method, once the upkeep is set aside.
REAL_CHANGE = Lexicon("""
    new, replaced, replacement, swapped, switched, changed, change, upgraded, upgrade, different
    introduced, migrated, recalibrated, re-calibrated, recalibration, redesigned
""")


def upkeep_only(text: str | None, regime: Lexicon | None = None) -> bool:
    """Whether the text names routine upkeep (`recalibrated each year`, `routine maintenance`) and no
    change of device or method beside it; or (given the words of a change of `regime`) a part swapped
    and the instrument then checked against reference standards, with no change of regime beside it."""
    found = ROUTINE_UPKEEP.find_all(text)
    if text and regime is not None and (checked := RECHECKED.find_all(text)):
        return regime.find(_without(text, checked)) is None
    if not text or not found:
        return False
    return REAL_CHANGE.find(_without(text, found)) is None


def _without(text: str, phrases: tuple[str, ...]) -> str:
    for phrase in phrases:
        text = re.sub(re.escape(phrase), " ", text, flags=re.IGNORECASE)
    return text


def dropped_and_tested_after(plan: Plan) -> bool:
    """The team drops a period from the data (`constraints.data.dropped: period`) and tests on data after
    its training data (`done.split: time`): the odd regime is out, and the test meets only today's."""
    return Dropped.period in plan.constraints.data.dropped and plan.done.split is Split.time


# Words saying a part was replaced or repaired and the instrument then checked against reference
# standards: the scale is shown to hold, whatever was swapped.
RECHECKED = Lexicon("""
    re-checked against the standards, rechecked against the standards, checked against the standards
    re-checked against standards, rechecked against standards, checked against standards
    verified against the standards, verified against standards, checked against reference standards
    re-checked against reference standards, checked against reference samples, re-checked against reference samples
    verified against reference samples, validated against the standards, validated against standards
""")


# The start of recording: photographs, scans or logs began at some date. Nothing was measured another
# way before it, so no instrument or labelling standard changed; the earlier records lack that input.
RECORDING_STARTED = Lexicon("""
    started recording, began recording, only recorded since, recorded only since, only available since
    available only since, started photographing, began photographing, started to photograph
    began to photograph, started taking photos, began taking photos, started taking photographs
    began taking photographs, started taking pictures, began taking pictures, photographed since
    photographed only since, only photographed since, photos since, photos only since, photographs since
    photographs only since, only photographed from, started filming, began filming, started scanning
    began scanning, started imaging, began imaging, started capturing, began capturing
    started keeping photos, started keeping images, images only since, only imaged since
    recording started, recording began, photographing started, photographing began, photography started
    photography began, photos started, photographs started, filming started, filming began
    scanning started, scanning began, imaging started, imaging began, photographed from
""")
# Words that a recording start also replaced something: then it is a change of instrument after all.
_REPLACED = Lexicon("""
    replaced, replacing, replace, swapped, switched, upgraded, instead of, new camera, new cameras
    new scanner, new scanners, new sensor, new sensors, changed, old camera, old cameras, previous camera
""")


def recording_started_only(said: str | None) -> bool:
    """Whether a note on changes says only when a way of recording began (`we started photographing each
    pallet in 2023`), with nothing replaced: no change of instrument or labelling standard."""
    return bool(RECORDING_STARTED.find(said)) and not _REPLACED.find(said)
