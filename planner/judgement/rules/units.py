"""The units a free-text answer counts in: `per store`, `each street segment`, `the top 40 invoices`."""

from __future__ import annotations

import itertools
import re

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lexicon import CAPTURE_UNITS, CLASS_NAMES, ITEM_UNITS
from planner.judgement.rules.words import BOUNDARY, Lexicon, phrase_with, words_of
from planner.plan.model import MetricUnit, Plan

# After `per`, `each`, `every`, `top 40`: the unit a sentence counts in. Qualifiers are skipped; a
# period, a share or a function word means no unit is named.
_UNIT_AFTER = frozenset({"per", "each", "every"})
_QUALIFIERS = frozenset(
    words_of(
        """new single one of the a an incoming open individual flagged such given past current future other
    active scored predicted likely riskiest highest-risk high-risk next last following coming previous"""
    )
)
_NOT_UNITS = frozenset(
    words_of(
        """cent percent capita time times day days week weeks month months year years hour hours shift shifts
    night nights morning mornings evening run runs quarter quarters season seasons minute minutes
    second seconds cycle cycles round rounds and or to that which in on at with for from by is are
    will can within over into it they we whose who where when if whether than as so but not has have had
    was were be gets get needs takes goes monday tuesday wednesday thursday friday saturday sunday
    weekday weekend each every per their its his her our your my them him us you he she this these those
    keep keeps kept stay stays stayed shown seen given taken known done made sent held built written
    show shows see sees"""
    )
)
# Units of measure (`per litre`, `kg per tonne-km`): a conversion between them changes no decision unit.
_MEASURES = frozenset(
    words_of(
        """litre litres liter liters l ml millilitre millilitres gallon gallons kg kilo kilos kilogram
    kilograms g gram grams tonne tonnes ton tons t lb lbs ounce ounces oz km kilometre kilometres kilometer
    kilometers mile miles m metre metres meter meters cm mm m2 m3 sqm kwh mwh kw mw watt watts joule
    joules calorie calories kcal degree degrees tonne-km km-h mph kph hectare hectares ha acre acres"""
    )
)


def units_counted(text: str | None) -> tuple[str, ...]:
    """The units `text` counts in: the noun after `per`, `each`, `every` or `top 40` (`each street
    segment`), qualifiers skipped, periods and shares left out; `per store and item` counts in both."""
    if not text:
        return ()
    words = words_of(text)
    found = []
    for index, word in enumerate(words):
        start = index + 1
        if word == "top" and start < len(words) and words[start][:1].isdigit():
            start += 1
        elif word not in _UNIT_AFTER:
            continue
        while start < len(words):
            while start < len(words) and words[start] in _QUALIFIERS:
                start += 1
            unit = list(itertools.takewhile(_names_a_unit, words[start : start + 2]))
            if not unit:
                break
            if len(unit) == 2 and not unit[0].endswith("s") and unit[1].endswith("s"):
                unit = unit[:1]  # `each pipe bursts`: a verb after a singular noun, not a compound
            found.append(" ".join(unit))
            start += len(unit)
            if start >= len(words) or words[start] not in ("and", "or"):
                break
            start += 1  # `per store and item`: the next word is a unit too
    return tuple(dict.fromkeys(found))


def _names_a_unit(word: str) -> bool:
    """A word that may name a unit: not a qualifier, a period, a function word, a number or a participle."""
    participle = len(word) > 4 and word.endswith("ed")
    return not (
        word == BOUNDARY
        or word in _NOT_UNITS
        or word in _MEASURES
        or word in _QUALIFIERS
        or word[:1].isdigit()
        or participle
    )


def names_a_class(unit: str) -> bool:
    """Whether a unit is a class name (`species`, `product category`): what the model tells apart."""
    return bool(CLASS_NAMES.find(unit.split()[-1]))


def singular(unit: str) -> set[str]:
    """A unit's words, singular (`street segments` -> street, segment; `batches` -> batch)."""
    return {
        word.removesuffix("es") if word.endswith(("ches", "shes", "xes")) else word.removesuffix("s")
        for word in unit.split()
    }


def in_common(units: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether two lists of units share a word, singular (`invoice` and `invoice line` are one)."""
    return bool(set().union(*map(singular, units)) & set().union(*map(singular, others)))


# `grouped into clusters`, `merged into tracks`, `rolled up to sites`: the output says how its scores combine.
_GROUPED_INTO = re.compile(
    r"\b(?:grouped|merged|combined|rolled up|aggregated|clustered|joined)\s+(?:in|into|to|per|by)\s+"
    r"(?:an?\s+|the\s+|one\s+)?([a-z][a-z-]+)",
    re.IGNORECASE,
)


def grouped_and_measured(output: str | None, metric_names: list[str | None]) -> bool:
    """Whether the output says its scores are grouped into a unit (`boxes ... grouped into clusters`) and
    a done metric counts that unit (`Recall of clusters of three or more`): the roll-up is decided and
    measured, so the question of how scores roll up is answered."""
    groups = {match.group(1).lower() for match in _GROUPED_INTO.finditer(output or "")}
    if not groups:
        return False
    forms = set().union(*map(singular, groups))
    return any(
        forms & {form for word in re.findall(r"[a-z-]+", (name or "").lower()) for form in singular(word)}
        for name in metric_names
    )


# What a value is per (`per visit`, `/km`, `each`, `a visit` at the end), with whatever follows it.
_PER_ITEM = re.compile(r"\s*(?:\bper\b.*|/\s*[a-z].*|\beach\b.*|\ba\s+[a-z][a-z-]*\s*)$", re.I | re.DOTALL)


def unit_of_total(unit: str) -> str | None:
    """The unit of a total summed over items: `GBP per visit` -> `GBP`, so a monthly total reads `GBP
    ... per month`, never `GBP per visit per month`."""
    return _PER_ITEM.sub("", unit).strip() or None


def quotes_metric(evidence: tuple[str, ...]) -> bool:
    """Whether a risk's evidence quotes the primary done metric (so done criteria are not called well posed)."""
    return any(line.startswith("done.metrics[0]") for line in evidence)


# A done metric that counts the effort spent on a proposal: it improves most when people accept the
# proposal without reading it, the very failure an anchoring risk describes.
EFFORT_METRIC = Lexicon("""
    writing time, drafting time, editing time, edit time, review time, handling time, time per, minutes per
    seconds per, time spent, time to file, time to sign, time to send, edits per, edit rate, edit distance
    share of edits, sent unchanged, accepted unchanged, accepted as proposed, accepted as drafted
    changes per, corrections per, override rate, overrides per, keystrokes
""")

# Open risks a done metric can reward: the failure each describes.
REWARDED_FAILURE = {
    "anchoring-on-proposal": "people who accept a proposal unread save the most time and edits",
    "success-self-counted": "the product's own count rises when people give up or accept unread",
}


def rewards_failure(plan: Plan, open_ids: set[str]) -> tuple[str, str] | None:
    """(the open risk, why) when the primary done metric counts less editing or less time, which rises
    with the failure that risk describes, so the done criteria are not called well posed."""
    name = plan.done.metrics[0].name if plan.done.metrics else None
    found = EFFORT_METRIC.find(name)
    for risk_id, failure in REWARDED_FAILURE.items():
        if found and risk_id in open_ids:
            why = f'"{name}" counts {found}, which improves with the failure {risk_id} names: {failure}'
            return (
                risk_id,
                f"{why}; pair it with a blind check of a sample against the real outcome, with a floor",
            )
    return None


def measured_apart(plan: Plan, decided: tuple[str, ...]) -> Evidence:
    """`mAP per frame` while people decide about each pallet: the done metric counts a unit of capture,
    not the one decided, so it says little about the decisions (a pallet seen in 40 frames counts 40
    times, a crack photographed twice is found twice). The team's answer that the metric scores each
    decision as it is taken settles it."""
    if plan.done.metric_unit is MetricUnit.decision:
        return None
    for index, metric in enumerate(plan.done.metrics):
        measured = tuple(unit for unit in units_counted(metric.name) if CAPTURE_UNITS.find(unit))
        if measured and not in_common(measured, decided):
            decision = phrase_with(plan.product.decision, decided[0])  # the team's clause, not the unit
            return Hint(
                (phrase_with(metric.name, measured[0]), decision),
                (
                    quote(
                        plan, f"done.metrics[{index}].name", f"the metric counts each: {', '.join(measured)}"
                    ),
                    quote(
                        plan,
                        "product.decision",
                        f"people decide: {decision}; measure the metric at that unit",
                    ),
                ),
            )
    return None


def counted_apart(plan: Plan) -> str | None:
    """Where the label counts one item (customers) and the volume another (transactions): the class
    share is not multiplied by the volume, and the note says which figures could not be joined."""
    share = _item_units(plan.product.label) or _item_units(plan.product.output)
    volume = _item_units(plan.impact.bottleneck)
    if not share or not volume or share & volume:
        return None
    return (
        f"a share of {', '.join(sorted(share))}s (the label), while the volume counts "
        f"{', '.join(sorted(volume))}s (impact.bottleneck): not multiplied; count both in the same items"
    )


def _item_units(text: str | None) -> set[str]:
    return {unit for unit, forms in ITEM_UNITS.items() if forms.find(text)}


# A label counted per thing and day (`per cow per day`, `each cow-day`, `a patient-day`): its share is of
# those days, not of cases; one case (an illness, a stay) spans several of them.
_PER_DAY = re.compile(
    r"\b(?!(?:next|same|one|two|multi|half|full|work|week|mid)-)([a-z]+)-days?\b"
    r"|\bper\s+([a-z]+)\s+(?:per|a|each)\s+day\b|\beach\s+([a-z]+)\s+(?:on\s+)?each\s+day\b",
    re.IGNORECASE,
)


def share_per_day(plan: Plan) -> tuple[str, str] | None:
    """The words saying the label, and so the class shares, count a thing per day (`cow-day`, `per cow
    per day`), and the thing (`cow`): a trial's count of cases or a volume of another item cannot be
    multiplied by them."""
    found = _PER_DAY.search(plan.product.label or "")
    if not found:
        return None
    return found.group(0), next(group for group in found.groups() if group).lower()


# A trial sized in cases: `on 300 cases`, `over 1,200 claims`.
_ITEMS = re.compile(
    r"\b(?:on|of|over|covering|with)\s+(?:about\s+|some\s+|around\s+)?(\d[\d,]*)\s+(?:[a-z-]+\s+)?"
    r"(cases|items|claims|applications|orders|invoices|calls|tickets|requests|documents|returns|patients"
    r"|parcels|transactions|reports|records|forms|loans|shipments|batches|samples|photos|images|scans)\b",
    re.IGNORECASE,
)


def counted_items(sentence: str) -> tuple[float, str] | None:
    """The number of cases a trial sentence says it covers, with its words."""
    found = _ITEMS.search(sentence)
    if found is None:
        return None
    count = float(found.group(1).replace(",", ""))
    return (count, found.group(0).split(None, 1)[1]) if count >= 20 else None
