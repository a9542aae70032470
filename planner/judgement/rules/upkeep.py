"""Routine upkeep of an instrument told apart from a change of instrument or method.

An instrument recalibrated each year, sensors serviced on schedule or routine maintenance keep the
readings on one scale: a lead does not read them as a new regime. A new device, a replaced sensor or a
changed method does move every reading after it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon

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


def upkeep_only(text: str | None) -> bool:
    """Whether the text names routine upkeep (`recalibrated each year`, `routine maintenance`) and no
    change of device or method beside it."""
    found = ROUTINE_UPKEEP.find_all(text)
    if not text or not found:
        return False
    rest = text
    for phrase in found:
        rest = re.sub(re.escape(phrase), " ", rest, flags=re.IGNORECASE)
    return REAL_CHANGE.find(rest) is None
