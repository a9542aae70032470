"""Rules on a baseline measured before people adjust it.

Many teams name the rule the model must beat (a four-week average, a rate-card figure, a system's
pre-filled value) and score that rule as it comes out. Yet today people adjust its output before it is
acted on: a coordinator moves each site's number by judgement, schedulers edit the pre-filled durations,
a buyer tweaks the order. What today's process achieves is the adjusted figure, and a lead asks that the
model beat that one: a model that beats only the raw rule may be worse than what people already do.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.units import singular
from planner.judgement.rules.words import BOUNDARY, Lexicon, not_denied, words_of
from planner.judgement.rules.yardstick import _default_unused
from planner.plan.model import Category, Plan, RulesVerdict, TaskType

# Words that say people change the rule's output before it is used.
ADJUSTING = Lexicon(
    """
    adjust, adjusts, adjusted, adjusting, adjustment, adjustments, adjust by hand, adjusts by hand
    adjusted by hand, hand-adjusted, manually adjusted, by judgement, by judgment, their judgement
    his judgement, her judgement, their judgment, override, overrides, overridden, overriding
    manual overrides, edit, edits, edited, editing, amend, amends, amended, amending
    tweak, tweaks, tweaked, tweaking, change by hand, changes by hand, changed by hand
    correct by hand, corrected by hand, ask for changes, asks for changes, top up, tops up, topped up
    manually corrects, manually correct, manually corrected, corrects by hand, revise, revises, revising
    revised by hand, up or down, local knowledge, gut feel, gut feeling, second-guess, second-guesses
    fine-tune, fine-tunes, fine-tuned, fine-tuning, alter, alters, altered, altering, their experience
    from experience, by feel
    """,
    unless="""
    seasonally adjusted, risk adjusted, risk-adjusted, case-mix adjusted, case mix adjusted
    inflation adjusted, inflation-adjusted, quality adjusted, quality-adjusted, age adjusted, age-adjusted
    fine-tune the model, fine-tunes the model, fine-tuned model, fine-tuning the model, fine-tuned on
    """,
)
# Words before an adjusting word that deny it (`nobody adjusts them`, `never edited`), or make it a
# permission rather than what people do (`the planner can override`).
_DENIED_AHEAD = Lexicon(
    "not, never, no, nobody, no one, none, rarely, seldom, without, can, may, could, is free to"
)
# Words that deny it anywhere in the clause (`sent as they are`).
# ...or say people act on the figure rather than change it (`adjust the pumps from the forecast`).
_AS_IT_IS = Lexicon("""
    as is, as it is, as they are, unchanged, untouched, from the forecast, based on the forecast
    using the forecast, according to the forecast, in line with the forecast
""")
# Words that say the baseline is the figure after people's changes, as it was used.
AS_USED = Lexicon("""
    adjusted, after adjustment, after adjustments, with adjustments, with the adjustments, as adjusted
    final, finalised, finalized, as ordered, as booked, as sent, as issued, as placed, as allocated
    actually ordered, actually booked, actually sent, actually used, actually allocated, after overrides
    with overrides, with the overrides, overridden, after edits, with edits, edited, as edited, hand-adjusted
""")


def _adjusters(text: str, word: str) -> set[str]:
    """Who adjusts, singular: the words of `text`'s clause before its first adjusting `word` (`buyers`
    of `Buyers adjust every line`)."""
    said, first = list(words_of(text)), word.split(" ")[0]
    end = said.index(first) if first in said else 0
    start = max((i + 1 for i, part in enumerate(said[:end]) if part == BOUNDARY), default=0)
    return singular(" ".join(part for part in said[start:end] if len(part) >= 4))


def _adjusted_where(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer on today's process that says people adjust the rule's output, and its words."""
    heuristics = plan.heuristics
    paths = ["heuristics.humans_handle", "product.current_solution"]
    texts = [heuristics.humans_handle, plan.product.current_solution]
    for index, rule_ in enumerate(heuristics.rules):
        paths.append(f"heuristics.rules[{index}].action")
        texts.append(rule_.action)
    for path, text in zip(paths, texts, strict=True):
        if not text or says_nothing(text):
            continue
        words = not_denied(ADJUSTING.find_all(text), text, _DENIED_AHEAD, _AS_IT_IS)
        if words:
            return path, words
    return None


@rule(
    "baseline-before-adjustment",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the adjusted figures people actually used as the baseline",
        "Today people change the rule's output before it is acted on, so the raw rule is not today's "
        "process; score the figures as they were used (ordered, booked, sent) on the same test cases, and "
        "set the target against those",
        "info",
    ),
    ask="is the baseline the rule's raw figure, while people adjust it before it is used, so the model "
    "may beat a number nobody acts on?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "heuristics.humans_handle": "The pricing team manually corrects the rate-card quote for about half of jobs.",
                "done.metrics[0].baseline_name": "The rate card",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "heuristics.humans_handle": "Coordinators change the recommended volumes based on local knowledge.",
                "done.metrics[0].baseline_name": "The four-week moving average",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "heuristics.humans_handle": "The head chef scales the prep list up or down each morning.",
                "done.metrics[0].baseline_name": "Last week's sales rule",
            }
        ),
        Case(  # the rules are the baseline; the buyers change what they say
            {
                "product.task": "forecasting",
                "heuristics.humans_handle": "Buyers adjust the order by judgement before it is sent.",
                "done.metrics[0].baseline_name": "The four-week average rule",
            },
            evidence=(
                'heuristics.verdict: "rules_baseline" (the rules are the baseline, scored as they come out)',
                'done.metrics[0].baseline_name: "The four-week average rule"',
                'heuristics.humans_handle: "Buyers adjust the order by judgement before it is sent." (people '
                "change the rule's output before it is used: adjust, by judgement; the model must beat the "
                "adjusted figures, score those)",
            ),
        ),
        Case(  # a rule's action that a person amends
            {
                "product.task": "regression",
                "heuristics.rules[0].action": "Quote the table's hours; the estimator amends the figure for each "
                "job.",
                "done.metrics[0].baseline_name": "The hours table",
            },
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "forecasting",
                "heuristics.humans_handle": "Engineers adjust the pump settings from the forecast.",
                "done.metrics[0].baseline_name": "Seasonal naive forecast",
            }
        ),
        Case(  # people pick from a ranked list: no figure of the rule's is changed
            {
                "product.task": "ranking",
                "heuristics.humans_handle": "Engineers pick from the sorted list by judgement.",
                "done.metrics[0].baseline_name": "Sort by report count",
            }
        ),
        Case(  # a permission for the new process, not what people do today
            {
                "product.task": "regression",
                "heuristics.humans_handle": "The planner chooses which estimate to use and can override.",
                "done.metrics[0].baseline_name": "The rate table",
            }
        ),
        Case({"done.metrics[0].baseline_name": "The two hold rules"}),  # nobody says the output is changed
        Case(  # the baseline is the figure after the clerks' changes
            {
                "heuristics.humans_handle": "Clerks adjust the held list by judgement before the payment run.",
                "done.metrics[0].baseline_name": "The final held list after the clerks' adjustments",
            }
        ),
        Case(  # the baseline is named after the people who adjust the rule
            {
                "heuristics.humans_handle": "Clerks adjust the held list by judgement before the payment run.",
                "done.metrics[0].baseline_name": "The clerks' held list",
            }
        ),
        Case(  # denied
            {
                "done.metrics[0].baseline_name": "The two hold rules",
                "heuristics.humans_handle": "Nobody adjusts the held list; it goes to the payment run as it is.",
            }
        ),
        Case(  # the rules are not the baseline
            {
                "heuristics.verdict": "not_tried",
                "done.metrics[0].baseline_name": "The two hold rules",
                "heuristics.humans_handle": "Clerks adjust the held list by judgement before the payment run.",
            }
        ),
        Case(  # the same change follows the model's figure too: the model replaces the figure before it
            {
                "product.task": "regression",
                "product.decision": "The owner is sent the estimate at once; the surveyor adjusts it on site.",
                "heuristics.humans_handle": "The surveyor emails an estimate; it is adjusted on site.",
                "done.metrics[0].baseline_name": "The surveyor's emailed estimates",
            }
        ),
        Case(  # an adjusted statistic, not a person's change
            {
                "done.metrics[0].baseline_name": "The two hold rules",
                "heuristics.humans_handle": "Clerks compare each amount with the seasonally adjusted average.",
            }
        ),
    ),
)
def baseline_before_adjustment(plan: Plan) -> Evidence:
    """The baseline is a rule's raw output, while people adjust it before it is used.

    Today's figure is the rule as it comes out, but people change that output (by judgement, by hand,
    on request) before anyone acts on it: the model is compared with a number nobody uses. It may beat
    the rule and still do worse than the adjusted figures, and the gain the project promises is not there.
    Where the plan's decision keeps the same change after the model's figure (an estimate sent at once,
    adjusted on inspection), the model replaces the figure before the change, and that is the baseline.

    Mitigation: Score the figures as they were actually used (ordered, booked, sent) on the same test
    cases and make them the baseline; if they were not kept, log them from now on, and set the target
    a stated margin above them.
    """
    metrics = [
        (index, metric)
        for index, metric in enumerate(plan.done.metrics)
        if metric.baseline_figure is not None
        and metric.baseline_name
        and not says_nothing(metric.baseline_name)
    ]
    if not metrics or plan.heuristics.verdict is not RulesVerdict.rules_baseline:
        return None
    if plan.product.task not in (TaskType.forecasting, TaskType.regression):
        return None  # people pick from a list or a label: no figure of the rule's is adjusted
    if any(AS_USED.find(metric.baseline_name) or AS_USED.find(metric.dataset) for _, metric in metrics):
        return None  # the baseline is the figure people used
    if _default_unused(plan) is not None:
        return None  # baseline-unmeasured asks it of a system's default
    adjusted = _adjusted_where(plan)
    if adjusted is None:
        return None
    decision = plan.product.decision or ""
    if not_denied(ADJUSTING.find_all(decision), decision, _DENIED_AHEAD, _AS_IT_IS):
        return None  # people still change the model's figure later: the raw figure is what it replaces
    path, words = adjusted
    who = _adjusters(str(answer_at(plan, path)), words[0])
    if any(who & singular(" ".join(words_of(metric.baseline_name))) for _, metric in metrics):
        return None  # the baseline is named after the people who adjust: their figure
    index = metrics[0][0]
    return Hint(
        words,
        (
            quote(plan, "heuristics.verdict", "the rules are the baseline, scored as they come out"),
            quote(plan, f"done.metrics[{index}].baseline_name"),
            quote(
                plan,
                path,
                f"people change the rule's output before it is used: {', '.join(words)}; the model must beat "
                "the adjusted figures, score those",
            ),
        ),
    )
