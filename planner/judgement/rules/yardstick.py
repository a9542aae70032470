"""Rules on the quality of today's figure, not only its presence.

A baseline is a number the model must beat, and any number passes a check for presence: a figure people
"tell us", one "we think" holds, a rough estimate. A lead asks how today's figure was measured before
judging the model against it: a hearsay baseline can be far from what today's process does on the same
cases, in either direction.
"""

from __future__ import annotations

import math

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, show, todays_figure
from planner.judgement.rules.lexicon import ROUGH_FIGURE
from planner.judgement.rules.words import SENTENCE, Lexicon, phrases, words_of
from planner.plan.model import Acquisition, Category, Plan

# A figure passed on by others, not measured by the team.
HEARSAY = (
    ROUGH_FIGURE
    + Lexicon("""
    people tell us, they tell us, staff tell us, tell us, told us, we are told, we were told, we hear, we heard, hearsay
    by all accounts, word of mouth, reportedly, so we are told, according to the managers
    estimated at, is estimated, an estimated, our estimate, we estimate, best guess, we reckon, they reckon
""")
    + Lexicon(
        phrases(  # people's own account of their work: `the SEs report`, `planners tell us`, `agents say`
            """staff, agents, engineers, planners, clerks, managers, nurses, doctors, drivers, teachers, reps
        sales engineers, ses, inspectors, officers, supervisors, operators, dispatchers, analysts, the team""",
            "report, say, estimate, reckon, feel, tell us, self-report",
        )
    )
)
# Words that say the figure was measured on records, which a word of estimate beside it does not undo.
_MEASURED = Lexicon("""
    audit, audited, audits, measured, logged, from the log, from the logs, on the test set, on the same test set
    on the evaluation set, on the same cases, scored on, counted from, from the records, backtest, backtested
""")


def _said_of(text: str | None, baseline: float) -> tuple[str, ...]:
    """The hearsay words of the first clause of `text` that names the baseline's figure (`they tell us
    roughly 45%`); () when no clause names both."""
    for clause in SENTENCE.split(text or ""):
        words = () if _MEASURED.find(clause) else HEARSAY.find_all(clause)
        figure = todays_figure(clause) if words else None
        if figure is not None and math.isclose(figure, baseline, rel_tol=0.02):
            return words
    return ()


# A baseline that is a system's setting as shipped, not what people do with it.
_DEFAULT = Lexicon("""
    default, defaults, system default, default setting, default settings, default threshold, default rule
    default rules, default forecast, out of the box, out-of-the-box, vendor default, vendor's default
    factory setting, factory settings
""")
# Words that say people do not use that setting as it is.
_OVERRIDDEN = Lexicon("""
    override, overrides, overridden, overriding, adjust by hand, adjusts by hand, adjusted by hand
    hand-adjusted, manually adjusted, adjust it, adjust them, ignore, ignores, ignored, change by hand
    changed by hand, correct by hand, corrected by hand, manual overrides, tweak, tweaks, tweaked
""")


def _default_unused(plan: Plan) -> Evidence:
    """The baseline is a system's default, which today's process says people override: a question."""
    setting = _DEFAULT.find_all(plan.done.metrics[0].baseline_name)
    for path in ("product.current_solution", "product.current_performance"):
        overridden = _OVERRIDDEN.find_all(answer_at(plan, path))
        if setting and overridden:
            return Hint(
                (*setting, *overridden),
                (
                    quote(plan, "done.metrics[0].baseline_name", f"a system's setting: {', '.join(setting)}"),
                    quote(
                        plan,
                        path,
                        f"people do not use it as it is: {', '.join(overridden)}; score what they actually "
                        "do on the evaluation set",
                    ),
                ),
            )
    return None


@rule(
    "baseline-unmeasured",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure today's figure on real cases before judging the model against it",
        "A baseline people tell you, or one estimated by feel, can be far from what today's process does; "
        "score today's process (or the rules) on the evaluation set, the same way the model will be scored",
        "info",
    ),
    ask="was today's figure measured on real cases, or passed on by people?",
    fires=(
        Case(
            {"product.current_performance": "The clerks tell us they catch roughly 45% of duplicates."},
            evidence=(
                "done.metrics[0].baseline: 0.45",
                'product.current_performance: "The clerks tell us they catch roughly 45% of duplicates." '
                "(clerks tell us, roughly: is it measured? score today's process on the evaluation set)",
            ),
        ),
        Case(  # the people who do the work report their own catch rate
            {"product.current_performance": "The clerks report that they catch 45% of duplicates."},
            evidence=(
                "done.metrics[0].baseline: 0.45",
                'product.current_performance: "The clerks report that they catch 45% of duplicates." '
                "(clerks report: is it measured? score today's process on the evaluation set)",
            ),
        ),
        Case(  # the baseline is the system's default, which the clerks override
            {
                "done.metrics[0].baseline_name": "The ERP's default duplicate rule",
                "product.current_solution": "The ERP flags duplicates by its default rule; clerks override half.",
            },
            evidence=(
                "done.metrics[0].baseline_name: \"The ERP's default duplicate rule\" (a system's setting: default)",
                'product.current_solution: "The ERP flags duplicates by its default rule; clerks override half." '
                "(people do not use it as it is: override; score what they actually do on the evaluation set)",
            ),
        ),
    ),
    quiet=(
        Case({}),  # measured in an audit of a year's payments
        Case(  # rough words, but of another figure than the baseline
            {"product.current_performance": "Roughly 300 invoices a day; the clerks catch 30% of duplicates."}
        ),
        Case(  # the default is named, and nobody says people override it
            {"done.metrics[0].baseline_name": "The ERP's default duplicate rule, on the same test set"}
        ),
        Case(  # an estimate measured on the same test set
            {"done.metrics[0].baseline_name": "Rules' estimated recall, scored on the same test set"}
        ),
    ),
)
def baseline_unmeasured(plan: Plan) -> Evidence:
    """Today's figure is hearsay or a rough estimate, not measured.

    The baseline the model must beat is a figure people tell the team, or one estimated by feel: today's
    process may do better or worse on the same cases, so the model can look better than it is, or the
    project can chase a gap that is not there. A system's default setting that people override is not
    today's process either.

    Mitigation: Score today's process (people, rules or the system as it is used) on the evaluation set
    the same way the model will be scored, and record that as the baseline; keep the told figure beside it.
    """
    metrics = plan.done.metrics
    if not metrics or metrics[0].baseline_figure is None:
        return None
    baseline = metrics[0].baseline_figure
    for path, text in (
        ("done.metrics[0].baseline_name", metrics[0].baseline_name),
        ("done.metrics[0].dataset", metrics[0].dataset),
        ("product.current_performance", plan.product.current_performance),
    ):
        # Of today's performance, only rough words said of the baseline's own figure count.
        if path == "product.current_performance":
            words = _said_of(text, baseline)
        else:
            words = () if _MEASURED.find(text) else HEARSAY.find_all(text)
        if not words or text is None:
            continue
        note = f"{', '.join(words)}: is it measured? score today's process on the evaluation set"
        return Hint(words, (f"done.metrics[0].baseline: {show(baseline)}", quote(plan, path, note)))
    return _default_unused(plan)


# Words that say today's rule was run with the new data too.
_ON_THE_NEW_DATA = Lexicon("""
    new data, new source, new sources, new feed, new inputs, same inputs, same data, same features
    with the new, on the new, including the new, given the new, re-run, rerun, re-scored, rescored, replayed
""")
_STOP = frozenset({"the", "and", "from", "with", "data", "since", "each", "every", "records", "record"})


def _named(text: str | None, source: str) -> bool:
    """Whether `text` names the source by one of its own words of five letters or more."""
    own = {word for word in words_of(source) if len(word) >= 5 and word not in _STOP}
    return bool(own & set(words_of(text or "")))


@rule(
    "baseline-without-new-data",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Run today's rules on the new data too, and make that the baseline",
        "The model ships with a data source today's rules never had; part of any gain is the data's, not "
        "the model's: give the rules (or a simple rule on the new field) the same inputs, score them on the "
        "same test set, and ask the model to beat that",
        "info",
    ),
    fires=(
        Case(
            {
                "constraints.data.sources": [
                    {"name": "ERP invoice history since 2019", "acquisition": "own"},
                    {
                        "name": "Supplier bank-detail feed from the new vendor portal",
                        "acquisition": "to_collect",
                    },
                ],
            },
            evidence=(
                'constraints.data.sources[1].name: "Supplier bank-detail feed from the new vendor portal" '
                "(collected for the model: today's rules never had it)",
                "done.metrics[0].baseline: 0.45 (today's figure, without the new source: part of the model's "
                "gain would be the data's)",
                "heuristics.rules: 2 rules (run them, or a simple rule on the new field, on the new data too)",
            ),
            also=frozenset({"data-still-to-collect"}),
        ),
        Case(  # the first metric has no figure today; the second, on how early it is caught, has one
            {
                "constraints.data.sources": [
                    {"name": "ERP invoice history since 2019", "acquisition": "own"},
                    {
                        "name": "Supplier bank-detail feed from the new vendor portal",
                        "acquisition": "to_collect",
                    },
                ],
                "done.metrics": [
                    {"name": "Recall of duplicates at 95% precision", "target": 0.75, "direction": "higher"},
                    {
                        "name": "Days before payment that a duplicate is caught",
                        "baseline": 2,
                        "target": 5,
                        "direction": "higher",
                    },
                ],
            },
            evidence=(
                'constraints.data.sources[1].name: "Supplier bank-detail feed from the new vendor portal" '
                "(collected for the model: today's rules never had it)",
                "done.metrics[1].baseline: 2 (today's figure, without the new source: part of the model's "
                "gain would be the data's)",
                "heuristics.rules: 2 rules (run them, or a simple rule on the new field, on the new data too)",
            ),
            also=frozenset({"data-still-to-collect"}),
        ),
    ),
    quiet=(
        Case({}),  # no new source: the baseline and the model read the same data
        Case(  # no metric has today's figure: no-baseline asks for one
            {
                "constraints.data.sources": [
                    {"name": "ERP invoice history since 2019", "acquisition": "own"},
                    {
                        "name": "Supplier bank-detail feed from the new vendor portal",
                        "acquisition": "to_collect",
                    },
                ],
                "done.metrics[0].baseline": None,
            }
        ),
        Case(  # the rules were re-run with the new feed
            {
                "constraints.data.sources": [
                    {"name": "ERP invoice history since 2019", "acquisition": "own"},
                    {
                        "name": "Supplier bank-detail feed from the new vendor portal",
                        "acquisition": "to_collect",
                    },
                ],
                "done.metrics[0].baseline_name": "The rules with the bank-detail feed, on the same test set",
            }
        ),
    ),
)
def baseline_without_new_data(plan: Plan) -> Evidence:
    """The baseline is today's rules without the data the model will get.

    The model ships with a source collected for it, while today's figure comes from rules that never
    saw it: the model's gain over that figure mixes what the new data gives with what the model adds,
    and a simple rule on the new field may give most of it for a fraction of the cost.

    Mitigation: Run today's rules (or a simple rule on the new field) with the new source on the same
    test set, make that the baseline, and ask the model to beat it.
    """
    data = plan.constraints.data
    # the first metric with today's figure (the first may have none, a later one a figure to beat)
    at = next(
        (index for index, metric in enumerate(plan.done.metrics) if metric.baseline_figure is not None), None
    )
    if at is None or not plan.heuristics.rules:
        return None
    metric = plan.done.metrics[at]
    new = [i for i, source in enumerate(data.sources) if source.acquisition is Acquisition.to_collect]
    if not new or len(new) == len(data.sources):
        return None  # no new source, or nothing today's rules could have read either
    said = [metric.baseline_name, plan.product.current_performance, plan.done.eval_set]
    for index in new:
        name = data.sources[index].name
        if any(_ON_THE_NEW_DATA.find(text) or _named(text, name) for text in said):
            return None
    first, count = new[0], len(plan.heuristics.rules)
    return (
        quote(
            plan,
            f"constraints.data.sources[{first}].name",
            "collected for the model: today's rules never had it",
        ),
        f"done.metrics[{at}].baseline: {metric.baseline_shown} (today's figure, without the new source: part "
        "of the model's gain would be the data's)",
        f"heuristics.rules: {count} rule{'s' if count != 1 else ''} (run them, or a simple rule on the new field, on "
        "the new data too)",
    )
