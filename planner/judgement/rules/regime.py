"""Rules on a regime that changes once the model goes live, with the whole history from before it.

When the terms, prices, incentives, standard, process or population change at or after the end of the
data, every labelled case was recorded under the old regime and every live case falls under the new
one. Advice for a change within the data (test on cases after it, relabel the older ones) cannot be
followed: there are no cases after it. The label may measure something else under the new regime.
"""

from __future__ import annotations

from planner.judgement.rules.ahead import either_way, starts_ahead
from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.changed import (
    KIND_PATH,
    REGIME_KINDS,
    change_kinds,
    change_reach,
    reached,
    share_quoted,
)
from planner.judgement.rules.evidence import handled, quote
from planner.judgement.rules.hosted import prompted
from planner.judgement.rules.lexicon import CHANGE_HANDLED
from planner.judgement.rules.periodchange import REGIME_CHANGE, dated_within_the_data, regime_after_the_data
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, ChangeKind, ChangeReach, Difference, OnlineValidation, Plan

# Words saying the team first collects or scores cases under the new regime.
NEW_REGIME_HANDLED = Lexicon("""
    shadow period, shadow run, shadow mode, in shadow, collect under the new, labelled under the new
    labeled under the new, cases under the new, data under the new, outcomes under the new, reweight
    reweighted, reweighting, re-weight, re-weighted, importance weights, wait for cases under
""")

# Differences that change what the model reads, not what a label or an input means.
_NOT_MEANING = frozenset({Difference.none, Difference.season, Difference.range})
_MEANING_ASKED = (
    "did the labels or the inputs change meaning with it? constraints.data.differences names no difference "
    "between the data and what the model will see"
)

# Judged live on the product metric, on cases of the new regime, before the model replaces today's process.
_JUDGED_LIVE = frozenset(
    {
        OnlineValidation.shadow,
        OnlineValidation.a_b_test,
        OnlineValidation.holdout,
        OnlineValidation.canary,
        OnlineValidation.interleaving,
    }
)


def _as_ticked(plan: Plan, kinds: frozenset[ChangeKind], found: tuple[str, ...]) -> Evidence:
    """The change after the data as ticked: a new standard or process across production is high; a new
    population only where it reaches most of production, a note for a part, nothing for a part each row
    names (scored apart already); an input or an incentive has its own rule."""
    found = (*found, quote(plan, KIND_PATH))
    if kinds & REGIME_KINDS:
        return reached(plan, 4, found)
    reach = change_reach(plan)
    if ChangeKind.population not in kinds or reach is ChangeReach.part_tracked:
        return None
    return Tempered(1 if reach is ChangeReach.part else 4, (*found, *share_quoted(plan)))


def learns_nothing(plan: Plan) -> str | None:
    """The answer saying a prompted language model is used as it is, trained or tuned on none of the data:
    the history is then its test cases and prompt examples only, nothing it learns from."""
    said = prompted(plan)
    return None if said is None or trained(plan) else said


_TEST_CASES_ONLY = Instead(
    lambda plan: learns_nothing(plan) is not None,
    Move(
        "Write the test cases and prompt examples under the new regime",
        "The model is prompted and learns from none of the history, so the change reaches it only through "
        "its instructions, its examples and the cases it is tested on: state the new terms in the prompt, "
        "and check that each test case's expected output still holds under them",
        "info",
    ),
    "State the new regime in the prompt; rewrite or drop the test cases and examples whose expected output "
    "the change makes wrong.",
)


@rule(
    "history-from-the-old-regime",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Collect cases under the new regime before trusting the model",
        "Every labelled case comes from before the change and the model runs after it, so the label may "
        "measure something else now and no test on the history can show it; score a shadow period under "
        "the new regime before acting, treat the first model as provisional, and reweight the history "
        "only if what changed is the mix of cases, not what the label means",
        "warning",
    ),
    instead=(_TEST_CASES_ONLY,),
    ask="does the change come after all the data, so the model learns only the old regime?",
    fires=(
        Case(
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "New payment terms for all suppliers from Mar 2026." (after the '
                "data's period: every labelled case is under the old regime, the live ones under the new)",
                'constraints.data.period: "Jan 2019 - Dec 2025"',
                _MEANING_ASKED,
            ),
        ),
        Case(  # a prompted model trained on nothing: the old history is only its test cases, a low note
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.change_kind": ["process"],
                "constraints.compute.hosted_model": "A hosted LLM API, prompted with our policy.",
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "New payment terms for all suppliers from Mar 2026." (after the '
                "data's period: every labelled case is under the old regime, the live ones under the new)",
                'constraints.data.period: "Jan 2019 - Dec 2025"',
                'constraints.compute.hosted_model: "A hosted LLM API, prompted with our policy." (a prompted '
                "model trained on none of it: the history is its test cases and examples)",
            ),
        ),
        Case(  # ticked: new terms across production, a process change: high
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.change_kind": ["process"],
                "done.online_validation": None,
            },
        ),
        Case(  # ticked: new customers at 6 of 9 sites, each row naming its site: most of production, high
            {
                "constraints.data.changes": "Trade customers served at 6 of our 9 depots from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.change_kind": ["population"],
                "constraints.data.change_reach": "part_tracked",
                "constraints.data.change_share": "67%",
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "Trade customers served at 6 of our 9 depots from Mar 2026." (after '
                "the data's period: every labelled case is under the old regime, the live ones under the new)",
                'constraints.data.period: "Jan 2019 - Dec 2025"',
                'constraints.data.change_kind: ["population"]',
                "constraints.data.change_share: 0.67 (67%, most of production: its live cases follow the "
                "change)",
            ),
        ),
        Case(  # the team ticks that the population differs once live, not what changed: medium
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.differences": ["population"],
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "New payment terms for all suppliers from Mar 2026." (after the '
                "data's period: every labelled case is under the old regime, the live ones under the new)",
                'constraints.data.period: "Jan 2019 - Dec 2025"',
                'constraints.data.differences: ["population"]',
            ),
        ),
        Case(  # one change within the data, one after it: the later one still leaves no case under it
            {
                "constraints.data.changes": "Prices rose in 2022; new payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "done.online_validation": None,
            },
            also=frozenset({"label-standard-changed"}),
        ),
        Case(  # ticked a process across production, but a date within the data beside the later one: asked
            {
                "constraints.data.changes": "Self-checkout tills since Mar 2021, their share of baskets up from "
                "10% to 40%; two stores refitted in Jun 2026.",
                "constraints.data.period": "Mar 2021 - Dec 2025",
                "constraints.data.change_kind": ["process"],
                "constraints.data.change_reach": "all",
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "Self-checkout tills since Mar 2021, their share of baskets up from '
                "...\" (dates within the data's period and after it: is the change after the data the one "
                "ticked, or does the history already hold cases under the ticked one?)",
                'constraints.data.period: "Mar 2021 - Dec 2025"',
                'constraints.data.change_kind: ["process"]',
            ),
            also=frozenset({"label-standard-changed"}),
        ),
        Case(  # no period given: the data ends where its sources' years end
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": None,
                "constraints.data.sources": [{"name": "Supplier invoices 2019-2025", "acquisition": "own"}],
                "done.online_validation": None,
            },
        ),
        Case(  # words only: a question
            {
                "constraints.data.changes": "The supplier payment terms will change with the new scheme.",
                "done.online_validation": "before_after",
            },
        ),
        Case(  # a time either way, with a verb in the future: ahead
            {
                "constraints.data.changes": "New payment terms are planned from January.",
                "done.online_validation": None,
            },
            evidence=(
                'constraints.data.changes: "New payment terms are planned from January." (a change that starts '
                "with the model or later: is all the history from the old regime?)",
            ),
        ),
        Case(  # a time either way, nothing saying which: asked
            {"constraints.data.changes": "New payment terms from January.", "done.online_validation": None},
            evidence=(
                "constraints.data.changes: \"New payment terms from January.\" ('from january': within the "
                "data, or ahead of it? If ahead, is all the history from the old regime?)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.changes": "nothing"}),
        Case(  # ticked: one new site beside fourteen, each row naming its site: scored apart already
            {
                "constraints.data.changes": "A new site opens beside our 14 others in Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.differences": ["population"],
                "constraints.data.change_kind": ["population"],
                "constraints.data.change_reach": "part_tracked",
                "constraints.data.change_share": "7%",
                "done.online_validation": None,
            }
        ),
        Case(  # ticked: a sensor moved after the data, an input's meaning: input-meaning-changed says it
            {
                "constraints.data.changes": "The soil sensors move to 30 cm deep from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
                "constraints.data.change_kind": ["input_meaning"],
                "done.online_validation": None,
            },
            also=frozenset({"input-meaning-changed"}),
        ),
        Case(  # within the data: label-standard-changed says it
            {"constraints.data.changes": "New payment terms for all suppliers from 1 Jan 2024."}
        ),
        Case(  # handled: a shadow period under the new terms first
            {
                "constraints.data.changes": "New payment terms from Mar 2026; we run a shadow period under "
                "the new terms before acting.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
            }
        ),
        Case(  # judged live in shadow, under the new terms, before it replaces today's process
            {
                "constraints.data.changes": "New payment terms for all suppliers from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
            }
        ),
        Case(  # a new camera after the data: what the model reads, not what the label means
            {
                "constraints.data.changes": "New cameras from Mar 2026.",
                "constraints.data.period": "Jan 2019 - Dec 2025",
            }
        ),
    ),
)
def history_from_the_old_regime(plan: Plan) -> Evidence:
    """The whole history comes from the old regime, and the model runs under a new one.

    A change of terms, prices, incentives, standard or process dated at or after the end of the data
    leaves no labelled case under the new regime: behaviour the label records may differ, a random or a
    time split still tests on the old regime, and relabelling older cases or testing after the change is
    impossible.

    Mitigation: Collect labelled cases under the new regime before trusting the model: a shadow period
    scored on them, the first model treated as provisional; reweight the history to the new mix only if
    what changed is the mix of cases (a new population), not what the label means.
    """
    said = plan.constraints.data.changes
    if plan.done.online_validation in _JUDGED_LIVE:
        return None  # judged live under the new regime before it replaces today's process
    if CHANGE_HANDLED.find(said) or NEW_REGIME_HANDLED.find(said) or handled(plan, NEW_REGIME_HANDLED):
        return None
    if regime_after_the_data(plan):
        note = "after the data's period: every labelled case is under the old regime, the live ones under the new"
        found = (quote(plan, "constraints.data.changes", note), quote(plan, "constraints.data.period"))
        as_is = learns_nothing(plan)
        if as_is:  # it learns nothing from the history: only its test cases and examples are old-regime
            note = "a prompted model trained on none of it: the history is its test cases and examples"
            return Tempered(1, (*found, quote(plan, "constraints.compute.hosted_model", note)))
        if (kinds := change_kinds(plan)) and dated_within_the_data(plan):
            # a date within the data beside the later one: the ticks may be the earlier change's, whose
            # later cases the history holds; which one touches the label or the process, a lead asks
            note = (
                "dates within the data's period and after it: is the change after the data the one ticked, "
                "or does the history already hold cases under the ticked one?"
            )
            return Tempered(
                2, (quote(plan, "constraints.data.changes", note), found[1], quote(plan, KIND_PATH))
            )
        if kinds:
            return _as_ticked(plan, kinds, found)
        differs = [kind for kind in plan.constraints.data.differences if kind not in _NOT_MEANING]
        # An event the team listed (a new competitor, new terms, a new site) may or may not change what the
        # labels mean; nothing ticked says what it touched: medium, a question where nothing differs either.
        return Tempered(
            3, (*found, quote(plan, "constraints.data.differences") if differs else _MEANING_ASKED)
        )
    words = starts_ahead(said or "")
    if not REGIME_CHANGE.find(said):
        return None
    when = either_way(said or "") if words is None else None
    if when:  # `this autumn`, `from January`, no verb saying which: behind or ahead, a lead asks
        note = f"'{when}': within the data, or ahead of it? If ahead, is all the history from the old regime?"
        return Hint((when,), (quote(plan, "constraints.data.changes", note),), likelihood=2)
    if words is None:
        return None
    return Hint(
        (words,),
        (
            quote(
                plan,
                "constraints.data.changes",
                "a change that starts with the model or later: is all the history from the old regime?",
            ),
        ),
        likelihood=3,
    )
