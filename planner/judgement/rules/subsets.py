"""Rules on the severity of an error read case by case: a team rates its errors for the typical case, but a
lead looks for the subset where the same error is dangerous.

A parts catalogue that misfiles a wiper blade costs a return; the same model misfiling a brake disc puts
a car on the road with the wrong brakes. One severity for the whole plan ("moderate") hides the subset
that needs a stricter threshold or a person's check.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.margin import PRICED, currency_of
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, HarmKind, Plan, Severity

# Things where a wrong answer can injure someone, whatever the rest of the catalogue is.
SAFETY_CRITICAL = Lexicon("""
    brake, brakes, braking, brake pad, brake pads, brake disc, brake discs, steering, airbag, airbags
    seatbelt, seatbelts, seat belt, seat belts, tyre, tyres, tire, tires, child seat, child seats
    car seat, car seats, medicine, medicines, medication, medications, drug, drugs, dosage, dosages, dose
    doses, prescription, prescriptions, allergen, allergens, allergy, allergies, electrical, wiring
    circuit breaker, circuit breakers, gas appliance, gas appliances, gas boiler, gas boilers, load-bearing
    structural failure, structural failures, structural defect, structural defects, structural damage
    structural collapse, structural integrity, structural members, structural member, scaffolding, harness, harnesses, infant, infants, baby, babies, toddler, toddlers, children
    child's, children's, pacemaker, pacemakers, insulin, defibrillator, defibrillators
""")
# A prescription said of spectacles anywhere in the plan: the lens order's own measurements, not a medicine.
_PRESCRIPTION = frozenset({"prescription", "prescriptions"})
_OPTICAL = Lexicon("""
    spectacle, spectacles, glasses, eyeglasses, lens, lenses, optical, optician, opticians, optometrist
    optometrists, varifocal, varifocals, bifocal, bifocals, eyewear, sunglasses
""")
# Words saying the subset already gets its own treatment: a stricter threshold, a person's check.
HANDLED = Lexicon("""
    stricter threshold, stricter thresholds, separate threshold, separate thresholds, own threshold
    own thresholds, per-category threshold, per-category thresholds, per category threshold
    per category thresholds, always reviewed, always checked, always goes to, always go to, never automated
    excluded from automation, excluded from the model, kept out of the model, safety-critical, safety critical
""")
_WHERE = (
    "title",
    "product.goal",
    "product.decision",
    "product.inputs",
    "product.output",
    "product.label",
    "impact.error_harm",
)
_LOW = (Severity.minor, Severity.moderate)


@rule(
    "safety-subset-under-one-severity",
    Category.ethics,
    likelihood=3,
    impact=3,
    move=Move(
        "Treat the safety-critical subset on its own",
        "One severity for the whole plan hides the items where an error can injure someone (brakes, "
        "medicines, wiring, children's goods); give that subset its own stricter threshold or a person's "
        "check, and count its errors on their own",
        "info",
    ),
    ask="is there a subset where the same error is dangerous, and does it get a stricter threshold or a "
    "person's check?",
    fires=(
        Case(
            {
                "impact.error_severity": "moderate",
                "product.decision": "Parts get the category the model predicts, brake pads too.",
            },
            evidence=(
                'impact.error_severity: "moderate"',
                'product.decision: "Parts get the category the model predicts, brake pads too." (brake pads: an error there can injure someone; is that subset rated and '
                "handled on its own?)",
            ),
        ),
        Case(
            {
                "impact.error_severity": "minor",
                "product.inputs": "Product text and images for toys, nursery goods and children's clothing.",
            }
        ),
    ),
    quiet=(
        Case(  # "structural" of a series or of a report's parts: no structure that can fail under a load
            {
                "product.inputs": "Weekly sales, promotions, and structural breaks flagged in each store's series."
            }
        ),
        Case(  # the severity already says it
            {
                "impact.error_severity": "serious",
                "product.decision": "Parts get the category the model predicts, brake pads too.",
            }
        ),
        Case(  # the subset already gets its own treatment
            {
                "impact.error_severity": "moderate",
                "product.decision": "Listings are filed in the category the model picks; brake pads are "
                "always reviewed by a parts specialist.",
            }
        ),
        Case(  # the output is a price: a wrong one costs money, whatever the job's scaffolding or wiring
            {
                "impact.error_severity": "moderate",
                "product.output": "Quoted price of the rewiring job in euros.",
                "product.inputs": "Floor area, rooms, age of the wiring and the electrical survey.",
                "impact.harm_kinds": ["money"],
            }
        ),
        Case(  # nothing safety-critical named
            {
                "impact.error_severity": "moderate",
                "product.decision": "Listings are filed in the category the model picks.",
            }
        ),
    ),
)
def safety_subset_under_one_severity(plan: Plan) -> Evidence:
    """A safety-critical subset rated at the plan's overall, lower severity.

    The team rates its errors "minor" or "moderate" for the typical case, but the plan names items where
    the same error can injure someone: brake or steering parts, medicines, wiring, children's goods. One
    severity for the whole plan lets that subset run at the same threshold, with the same (or no) check.

    Mitigation: Name the safety-critical subset, rate its errors on their own, and give it a stricter
    threshold or a person's check before the model's answer is used; report its errors apart from the rest.
    """
    if effective_severity(plan) not in _LOW or _priced(plan):
        return None
    texts = [(path, text) for path in _WHERE if isinstance(text := answer_at(plan, path), str) and text]
    if any(HANDLED.find(text) for _, text in texts):
        return None
    optical = any(_OPTICAL.find(text) for _, text in texts)
    for path, text in texts:
        words = tuple(w for w in SAFETY_CRITICAL.find_all(text) if not (optical and w in _PRESCRIPTION))
        if words:
            said = ", ".join(words)
            note = f"{said}: an error there can injure someone; is that subset rated and handled on its own?"
            return Hint(words, (severity_quote(plan), quote(plan, path, note)))
    return None


def _priced(plan: Plan) -> bool:
    """Whether the output is an amount of money (`price of the job in pounds`) and no harm beyond money is
    named: a wrong price costs money whatever the item is, so no subset makes the same error dangerous (the
    danger lies in what is done to an item: its category, its dose, its fit)."""
    output = plan.product.output
    if not (currency_of(output) or PRICED.find(output)):
        return False
    return HarmKind.health not in plan.impact.harm_kinds and HarmKind.property not in plan.impact.harm_kinds
