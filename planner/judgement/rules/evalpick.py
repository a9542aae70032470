"""How an evaluation set's cases were chosen: picked for ease, drawn at random, or stratified for risk.

Cases picked because they are typical, clear or convenient flatter a model. Cases oversampled on purpose
where the stakes are high or the class is rare (stratified by severity, enriched for the rare class, all
the rare cases plus a random sample) do the opposite: they test the model where it matters, and a lead
asks only that pooled figures be re-weighted to the live mix.
"""

from __future__ import annotations

from planner.judgement.rules.words import Lexicon

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


def enriched_for_risk(text: str | None) -> bool:
    """Whether the text says the set is stratified or enriched for risk (oversampled, by severity, all
    the rare cases) and names no picking for ease (typical, clear, easy, convenient)."""
    return bool(FOR_RISK.find(text)) and not FOR_EASE.find(text)
