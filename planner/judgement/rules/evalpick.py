"""How an evaluation set's cases were chosen: picked for ease, drawn at random, or stratified for risk.

Cases picked because they are typical, clear or convenient flatter a model. Cases oversampled on purpose
where the stakes are high or the class is rare (stratified by severity, enriched for the rare class, all
the rare cases plus a random sample) do the opposite: they test the model where it matters, and a lead
asks only that pooled figures be re-weighted to the live mix.
"""

from __future__ import annotations

from planner.judgement.rules.words import Lexicon
from planner.plan.model import EvalDrawn, Plan

# Words that say the evaluation's cases are drawn at random.
DRAWN_RANDOM = Lexicon("""
    random sample, random samples, randomly drawn, randomly sampled, randomly selected, randomly chosen
    drawn at random, sampled at random, chosen at random, selected at random, picked at random, at random
""")
# Words that say the set is enriched or stratified on purpose for high-stakes or rare cases.
FOR_RISK = Lexicon("""
    oversampled, over-sampled, oversampling, over-sampling, oversample, enriched, enriched for, enrichment
    stratified by, stratified on, stratified across, stratified per, stratified for, by severity
    per severity, severity strata, all the rare, all rare, every rare, all the severe, all severe cases
    all the high-risk, all high-risk, every high-risk, all the serious, every serious, all the fatal
    reweighted, re-weighted, weighted back, weighted to the live mix, inverse weights, inverse-weighted
""")
# Words that say cases were picked for ease: typical, clear, clean or convenient ones.
FOR_EASE = Lexicon("""
    clear, clear-cut, easy, easiest, easier, typical, convenient, conveniently, clean, cleanest, obvious
    straightforward, textbook, tidy, unambiguous, best-quality, good-quality, nicest
""")

# An evaluation set someone chose case by case: clear, clean or typical ones, those reviewers flagged.
PICKED = Lexicon(
    """
    hand-picked, handpicked, hand picked, hand-selected, hand selected, cherry-picked, cherry picked
    curated, curated set, curated sample, selected by, chosen by, picked by, we picked, we chose, we selected
    clear cases, clean cases, easy cases, obvious cases, typical cases, clear-cut, clear-cut cases
    unambiguous cases, clear examples, clean examples, good examples, best examples, textbook cases
    textbook examples, showcase, showcase cases, demo cases, flagged cases, escalated cases
    cases reviewers flagged, cases the reviewers flagged, ones reviewers flagged, the ones * flagged
    only flagged, only the flagged, only escalated, only the escalated
""",
    unless="""selected by date, selected by time, chosen by date, chosen by time, picked by date
    picked by time
    selected by arrival, selected by week, selected by month""",
)

# An evaluation set drawn from the rows the model learns from, or from the same period.
IN_TRAINING = Lexicon("""
    sample of the training data, sample of the training set, subset of the training data
    subset of the training set, part of the training data, part of the training set
    drawn from the training data, drawn from the training set, taken from the training data
    taken from the training set, used for training, used in training, seen in training
    seen during training, also used to train, from the training period, of the training period
    within the training period, during the training period, same period as training
    same period as the training, same months as training, same years as training, in-sample, in sample
""")

# Words that say the cases are kept apart from training, or drawn from every case.
APART_OR_ALL = Lexicon("""
    held out, held-out, holdout, hold-out, excluded from, not used, never used, unseen, never seen
    kept out, kept apart, set aside, withheld, after the training period, after the training
    outside the training period, later than the training, consecutive, in order of arrival
    as they arrived, as they came, every case, all cases, the whole of, all of, every, whole month
    whole year, full month
    full year, stratified
""")


def enriched_for_risk(text: str | None) -> bool:
    """Whether the text says the set is stratified or enriched for risk (oversampled, by severity, all
    the rare cases) and names no picking for ease (typical, clear, easy, convenient)."""
    return bool(FOR_RISK.find(text)) and not FOR_EASE.find(text)


def drawn_told(plan: Plan) -> bool:
    """Whether the plan says how the evaluation's cases were chosen (done.eval_drawn: a period, a random
    sample, or picked): the answer, not the evaluation set's words, then says whether they were picked."""
    return plan.done.eval_drawn not in (None, EvalDrawn.not_decided)
