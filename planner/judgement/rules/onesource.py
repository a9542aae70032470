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
    ),
    quiet=(
        Case({**_VALVES, _PATH: 0.3}),
        Case({**_VALVES, _PATH: "not measured"}),
    ),
)
def positives_from_one_source(plan: Plan) -> Evidence:
    """Most of the rare positives come from one source, so the model can learn the source for the class.

    When one supplier, site, broker, device or batch gives most of the positives, every mark of that
    source (its spectra, camera, file format, habits) goes with the class. The model learns the marks,
    scores well on a random split that puts the source on both sides, and misses the fault from any other
    source, or flags the source's sound items.

    Mitigation: Hold out by source (whole sources in the test), report the score within each source, check
    that a model given only the source cannot already tell the classes apart, and collect positives from
    the other sources.
    """
    share = plan.constraints.data.positives_top_source_share
    if not isinstance(share, int | float) or share < _MOST:
        return None
    note = (
        "most of the positives come from one source: its marks can stand in for the class, and a random split "
        "rewards them"
    )
    found = (quote(plan, _PATH, note),)
    if plan.done.split is Split.group:
        held = "split by group: is the group the source, so that whole sources are held out?"
        return Tempered(3, (*found, quote(plan, "done.split", held)))
    return found if share >= _NEARLY_ALL else Tempered(3, found)
