"""One input said to carry most of the signal: the strongest feature is the first one a lead suspects.

An early model far above today's process, or a feature importance where one input dominates, is more
often a leak than a discovery: the input is written as the case unfolds (a status set on closing, a note
added after the visit) and holds the outcome. Before anything is built on it, a lead asks whether that
input is known when the decision is taken.
"""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, faq_paths, metric_name_paths, quote
from planner.judgement.rules.lexicon import AS_KNOWN
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Difference, Plan

# Words that report one input carrying most of a model's signal, or a first score too good to trust.
STRONGEST_INPUT = Lexicon("""
    feature importance, feature importances, most important feature, most important features
    most important input, most important variable, strongest feature, strongest input, strongest predictor
    strongest signal, strongest variable, best predictor, best single predictor, top feature, top predictor
    dominant feature, dominant input, dominant predictor, dominates the model, dominates the importance
    most of the signal, most of the importance, most of the lift, most predictive, single most predictive
    too good to be true, suspiciously good, near-perfect, near perfect, almost perfect
""")
# Words that settle it: the input is said known before the decision, or the figure held on live cases.
_SETTLED = Lexicon("""
    known before, known at, known when, recorded before, written before, available before, available at
    before the decision, before each decision, at the moment of prediction, as it stood, as they stood
    shadow run, in shadow, on live cases, live pilot
""")
_SAID_IN = (
    "product.current_performance",
    "product.inputs",
    "constraints.data.differences_note",
    "done.eval_set",
    "by_hand.human_score_notes",
)


def _paths(plan: Plan) -> tuple[str, ...]:
    risks = tuple(
        f"risks[{index}].{part}" for index in range(len(plan.risks)) for part in ("title", "mitigation")
    )
    return (*_SAID_IN, *metric_name_paths(plan), *risks, *faq_paths(plan))


def strongest_input_said(plan: Plan) -> Evidence:
    """The plan reports one input carrying most of the signal (a feature importance, the strongest
    predictor, a first score near perfect): a question naming the words, whether that input is known
    before the decision. Quiet where the same answer says it is, or the late inputs are marked."""
    if Difference.later_inputs in plan.constraints.data.differences:
        return None  # marked late: the rule quotes that answer
    for path in _paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str) or AS_KNOWN.find(text) or _SETTLED.find(text):
            continue
        words = STRONGEST_INPUT.find_all(text)
        if words:
            note = (
                f"one input said to carry most of the signal: {', '.join(words)}; is it known before the "
                "decision is taken, or written as the case unfolds?"
            )
            return Hint(words, (quote(plan, path, note),))
    return None
