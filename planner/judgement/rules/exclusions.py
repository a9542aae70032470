"""Rules on what cleaning takes out of the data: records dropped as outliers, suspect, invalid or
incomplete before training or scoring, which can be the very cases the product is for."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, own_notes, quote, read_paths, truth_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

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


@rule(
    "cleaning-drops-the-rare",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Look at what cleaning dropped before training on what is left",
        "Records dropped as outliers, suspect, invalid or incomplete are often the rare events the product "
        "is for: count what went, compare its label rate with what stayed, and score the model on the "
        "dropped records too",
        "warning",
    ),
    fires=(
        Case(  # dropped from the evaluation set
            {
                "done.eval_set": "A random fifth of last year's jobs, excluding results the lab flagged as suspect tests"
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.inputs": "Daily meter readings; we discard readings that look abnormal before training."
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.inputs": "Sensor data, cleaned: spikes and readings outside the normal range are removed."
            }
        ),
        Case(
            {
                "product.inputs": "Hourly vibration readings per pump; outliers and suspect readings are "
                "removed before training."
            },
            evidence=(
                'product.inputs: "Hourly vibration readings per pump; outliers and suspect readings a..."',
                "what was dropped as outliers, suspect readings: how many, and were they more often the "
                "positives?",
            ),
        ),
    ),
    quiet=(
        Case({"product.inputs": "Hourly vibration readings per pump, with outliers marked by the sensor."}),
        Case(
            {
                "product.inputs": "Hourly vibration readings per pump; outliers are removed after the "
                "engineers reviewed each against the failure log."
            }
        ),
    ),
    ask="did cleaning drop records that are more often the rare cases the product is for?",
)
def cleaning_drops_the_rare(plan: Plan) -> Evidence:
    """Cleaning may drop the rare cases the product is for.

    A step that drops outliers, suspect, invalid, incomplete or anomalous records before training or
    scoring removes what looks unlike the rest: a failing machine's readings, a fraudster's claim, a
    patient too ill to finish the form. The model never learns them and the test set never scores them,
    so the metric looks good on the cases that matter least.

    Mitigation: Count what each filter drops and compare its label rate with what stays; keep the
    dropped records in the evaluation (scored apart); drop only what is known to be a recording error,
    checked against the outcome, not what is merely unusual.
    """
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
