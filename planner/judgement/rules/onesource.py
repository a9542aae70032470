"""A rule on rare positives that come mostly from one source (supplier, site, broker, device, batch).

Where most of the rarer class's cases come from one source, whatever marks that source (its spectra, its
camera, its format, its habits) predicts the class: the model can learn the source instead of the fault,
and a random split, with that source on both sides, rewards it. A lead holds out by source, checks the score
within each source, and collects positives from the others.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.plan.model import Category, Plan, Split

_PATH = "constraints.data.positives_top_source_share"
# Over a third of the positives from one source: a random split puts it on both sides, and it may be learnt.
_A_THIRD = 1 / 3
# Half the positives or more from one source: the source can stand in for the class.
_MOST = 0.5
# Seven in ten or more: hardly any positive tells the fault apart from that source.
_NEARLY_ALL = 0.7

_VALVES = {
    "product.task": "classification",
    "product.output": "Whether a returned valve is counterfeit.",
    "constraints.data.rarest_class_share": 0.02,
    _PATH: 0.8,
}


@rule(
    "positives-from-one-source",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Hold out by source, score within each source, and collect positives from the others",
        "Most positives come from one source, so the model can learn the source (its spectra, camera, format) "
        "instead of the fault: test on sources held out whole, report the score within each source (does it "
        "still tell the classes apart inside the main one?), and gather positives from the other sources",
        "warning",
    ),
    fires=(
        Case(
            _VALVES,
            evidence=(
                f"{_PATH}: 0.8 (most of the positives come from one source: its marks can stand in for the "
                "class, and a random split rewards them)",
            ),
        ),
        Case({**_VALVES, _PATH: 0.55}),  # over half: a medium note
        Case({**_VALVES, "done.split": "group"}),  # held out by group: is the group the source?
        Case(  # over a third, split at random: the source sits on both sides (a medium note)
            {**_VALVES, _PATH: 0.4, "done.split": "random"},
            evidence=(
                f"{_PATH}: 0.4 (one source gives over a third of the positives: a random split puts it on both "
                "sides, and the model may learn the source; hold out whole sources and score within each)",
                'done.split: "random"',
            ),
        ),
    ),
    quiet=(
        Case({**_VALVES, _PATH: 0.3}),
        Case({**_VALVES, _PATH: 0.3, "done.split": "random"}),  # under a third: no source dominates
        Case({**_VALVES, _PATH: 0.4, "done.split": "group"}),  # over a third, but sources are held out whole
        Case({**_VALVES, _PATH: "not measured"}),
    ),
)
def positives_from_one_source(plan: Plan) -> Evidence:
    """Many of the rare positives come from one source, so the model can learn the source for the class.

    When one supplier, site, broker, device or batch gives most of the positives, every mark of that
    source (its spectra, camera, file format, habits) goes with the class. The model learns the marks,
    scores well on a random split that puts the source on both sides, and misses the fault from any other
    source, or flags the source's sound items.

    Mitigation: Hold out by source (whole sources in the test), report the score within each source, check
    that a model given only the source cannot already tell the classes apart, and collect positives from
    the other sources.
    """
    share = plan.constraints.data.positives_top_source_share
    if not isinstance(share, int | float) or share <= _A_THIRD:
        return None
    if share < _MOST:
        # over a third but under half: a lead worries only where a random split puts the source on both sides
        if plan.done.split is not Split.random:
            return None
        note = (
            "one source gives over a third of the positives: a random split puts it on both sides, and the model "
            "may learn the source; hold out whole sources and score within each"
        )
        return Tempered(3, (quote(plan, _PATH, note), quote(plan, "done.split")))
    note = (
        "most of the positives come from one source: its marks can stand in for the class, and a random split "
        "rewards them"
    )
    found = (quote(plan, _PATH, note),)
    if plan.done.split is Split.group:
        held = "split by group: is the group the source, so that whole sources are held out?"
        return Tempered(3, (*found, quote(plan, "done.split", held)))
    return found if share >= _NEARLY_ALL else Tempered(3, found)
