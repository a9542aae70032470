"""Rules on readings from sensors and meters read as a series: a gap in the history filled with the last
value, or with a line between two values, reads as a calm stretch where nothing happened, and live a
frozen sensor feeds a plausible value. Checks of the live inputs of a model that sets a process alone are
asked in `setpoint`; here: the history the model learns from.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, source_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, DataKind, Plan

# Words of readings taken by instruments.
SENSOR_READINGS = Lexicon("""
    sensor, sensors, sensor readings, meter readings, meter reads, smart meter, smart meters, water meters
    gas meters, electricity meters, probe, probes
    gauge, gauges, telemetry, scada, data logger, data loggers, loggers, iot, thermocouple, thermocouples
    accelerometer, accelerometers, flowmeter, flowmeters, flow meter, flow meters, transmitter, transmitters
    analyser, analysers, analyzer, analyzers, weather station, weather stations, river gauge, river gauges
    vibration readings, temperature readings, pressure readings, level readings, online readings
""")
# Instruments that read the weather: beside a forecast of something else (sales, calls, admissions) they
# are context, and a filled gap in them is a smoothed day, not a calm stretch of the thing watched.
_WEATHER_INSTRUMENTS = frozenset({"weather station", "weather stations"})
# Words of an output that is the weather, or what it does to water and ground: then the readings are watched.
_WEATHER_OUTPUT = Lexicon("""
    weather, rain, rainfall, temperature, temperatures, wind, winds, gust, gusts, frost, frosts, snow
    snowfall, flood, floods, flooding, river level, river levels, precipitation, humidity, storm, storms
    soil moisture, run-off, runoff, ice, icing, inflow, inflows, water level, water levels, river flow
    river flows, streamflow, stream flow, discharge, reservoir, reservoirs
""")
# Words saying the gaps were filled, so that they no longer show.
FILLED = Lexicon("""
    forward-filled, forward filled, forward-fill, forward fill, ffill, last value carried forward
    last observation carried forward, carried forward, held the last value, hold the last value, interpolated
    interpolate, interpolates, interpolation, linearly interpolated, gaps filled, gaps were filled
    filled the gaps, filled gaps, gap-filled, gap filled, imputed, imputation
""")
# Words saying the gaps and faults are marked or checked, in the history or live.
MARKED = Lexicon("""
    gaps flagged, gaps are flagged, gaps were flagged, flagged gaps, gap flag, gap flags, flag for gaps
    flagged as missing, marked as missing, marked missing, missing flag, missing flags, missing-value flag
    missingness flag, missingness indicator, missing indicator, quality flag, quality flags, quality code
    quality codes, data quality flags, stale flag, stale flags, flat-line, flat-lines, flatline, flatlines
    flat-lined, flatlined, frozen sensor, frozen sensors, frozen readings, stuck sensor, stuck sensors
    stale readings, stale values, sensor faults flagged, fault flags, gaps excluded, gaps removed
    gaps dropped, gaps left missing, left as missing, kept as missing, masked, mask for gaps
""")
# Where a plan says what the model reads and where the readings come from.
_READ_IN = ("product.inputs", "constraints.data.differences_note", "product.output")
# Where a plan says how the history was cleaned, and how its inputs are checked live.
_CLEANED_IN = (
    "product.inputs",
    "constraints.data.differences_note",
    "constraints.data.changes",
    "constraints.data.period",
    "done.eval_set",
    "after_launch.fallback",
)


def _monitors(plan: Plan) -> tuple[str, ...]:
    return tuple(f"after_launch.monitoring[{i}].signal" for i in range(len(plan.after_launch.monitoring)))


@rule(
    "sensor-gaps-read-as-calm",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Mark the filled gaps in the sensor history, and check the readings live",
        "A gap filled with the last value or a line looks like a calm stretch where nothing happened, and "
        "the model learns that calm; find how each gap in the history was filled, mark the filled and "
        "flat-lined stretches (a flag the model reads, or leave them out of training and testing), and "
        "reject stale, frozen or out-of-range readings live, where a stuck sensor feeds a plausible value",
        "warning",
    ),
    fires=(
        Case(  # the history is forward-filled, and nothing marks it
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Boiler sensor readings each minute, forward-filled.",
            },
            evidence=(
                'product.inputs: "Boiler sensor readings each minute, forward-filled." (gaps filled this '
                "way read as calm stretches: are they marked, and are frozen or stale readings caught live?)",
                'product.data_kinds: ["time_series"]',
            ),
        ),
        Case(  # sensor readings as a series, nothing said about gaps: a question, low
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Soil moisture probes and rain gauges every 15 minutes.",
            },
        ),
        Case(  # weather stations whose readings are what the output forecasts: the series watched
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Rainfall from the upstream weather stations every 15 minutes.",
                "product.output": "The river level at the town bridge 6 hours ahead.",
            },
        ),
    ),
    quiet=(
        Case(  # the filled gaps are flagged
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Boiler sensor readings every minute; gaps are forward-filled and flagged "
                "as missing, and flat-lines are checked.",
            }
        ),
        Case(  # sensors, but not read as a series
            {
                "product.data_kinds": ["tabular"],
                "product.inputs": "The meter type and the installation date of each meter.",
            }
        ),
        Case(  # a series, but of transactions, not readings
            {"product.data_kinds": ["time_series"], "product.inputs": "Daily sales per store."}
        ),
        Case(  # weather stations beside a sales forecast: context, not the series watched for calm
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Daily ice-cream sales per kiosk and the nearest weather station's readings.",
                "product.output": "Sales per kiosk for each of the next 7 days.",
            }
        ),
    ),
    ask="how were gaps in the sensor history filled: do forward-filled or interpolated stretches read as "
    "calm, and are frozen or stale readings caught live?",
)
def sensor_gaps_read_as_calm(plan: Plan) -> Evidence:
    """Filled gaps in the sensor history read as calm stretches.

    Sensors and meters drop out, freeze and repeat their last value; a history whose gaps were
    forward-filled or interpolated holds long flat stretches where nothing seems to happen, and the model
    learns that calm (a quiet series before a failure, a steady flow during an outage). Live, a frozen
    sensor keeps feeding a plausible value the model trusts.

    Mitigation: Find how each gap in the history was filled; mark filled and flat-lined stretches (a
    flag the model reads, or leave them out of training and testing); reject stale, frozen and
    out-of-range readings live, and watch the share of them.
    """
    if DataKind.time_series not in plan.product.data_kinds:
        return None
    sensors = first_said(plan, (*_READ_IN, *source_paths(plan)), SENSOR_READINGS)
    if sensors is None or _weather_as_context(plan):
        return None
    paths = (*_CLEANED_IN, *source_paths(plan), *_monitors(plan))
    if first_said(plan, paths, MARKED) is not None:
        return None
    series = quote(plan, "product.data_kinds")
    filled = first_said(plan, paths, FILLED)
    if filled is not None:
        note = (
            "gaps filled this way read as calm stretches: are they marked, and are frozen or stale readings "
            "caught live?"
        )
        return Hint(filled[1], (quote(plan, filled[0], note), series))
    note = "readings of instruments: how were their gaps filled in the history?"
    return Hint(sensors[1], (quote(plan, sensors[0], note), series), likelihood=2)


def _weather_as_context(plan: Plan) -> bool:
    """Whether the only instruments named are weather stations, read beside an output that is not the
    weather or its effect on water and ground (a sales or call forecast): context, not the series watched."""
    said = {
        word
        for path in (*_READ_IN, *source_paths(plan))
        for word in SENSOR_READINGS.find_all(answer_at(plan, path))
    }
    return said <= _WEATHER_INSTRUMENTS and not _WEATHER_OUTPUT.find(answer_at(plan, "product.output"))
