"""Rules on generated instructions for physically dangerous work: gas, mains, heights, chemicals.

A lead reads the domain before the harm boxes: a generator whose outputs tell people how to work on a
gas appliance, mains wiring, a high-voltage part, a pressure system, a roof, chemicals, a vehicle's
brakes or a medicine can hurt someone whatever harms the team ticked, and some of that work is reserved
by law to registered or licensed trades. The rule reads `impact.harm_kinds` first (health ticked for a
generator that writes instructions is the fact); where health is not ticked, words of the domain, from a
curated list of hazards, only raise a question.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, DataKind, Plan, TaskType
from planner.plan.stakes import HarmKind

# Words saying the output tells people what to do, step by step.
INSTRUCTS = Lexicon("""
    step-by-step, step by step, numbered steps, steps, instructions, how-to, how to, repair guide
    repair guides, fitting guide, fitting guides, installation guide, installation guides, diy
    do-it-yourself, do it yourself, maintenance guide, maintenance guides, troubleshooting guide
    troubleshooting guides, procedure, procedures, repair, repairs, fix, fixes, fit, install
""")

# Words naming physically hazardous work, equipment or substances.
HAZARDS = Lexicon(
    """
    gas, gas appliance, gas appliances, gas boiler, boiler, boilers, gas hob, gas fire, gas meter
    mains, mains electricity, mains voltage, mains wiring, wiring, rewiring, fuse box, consumer unit
    high voltage, high-voltage, capacitor, capacitors, live parts, electrical installation, electrics
    pressure vessel, pressure vessels, pressure system, pressure systems, pressurised, pressurized
    refrigerant, refrigerants, ladder, ladders, roof, roofs, roofing, scaffold, scaffolding, chainsaw
    chainsaws, chemical, chemicals, pesticide, pesticides, solvent, solvents, asbestos, bleach
    brakes, brake, airbag, airbags, car repair, vehicle repair, vehicle repairs, medicine, medicines
    medication, medications, dosage, dosages
    """,
    unless="gas bill, gas bills, gas prices, gas price, gas tariff, gas supply, gas supplier",
)

# Things whose repair often means mains or gas work, read only where no hazard above is named.
HAZARDOUS_GOODS = Lexicon("""
    appliance, appliances, electrical appliance, electrical appliances, white goods, household appliances
""")

# Words saying the hazardous work is handled: refused, routed to licensed trades, reviewed for safety.
SAFETY_HANDLED = Lexicon("""
    registered engineer, registered engineers, gas safe, licensed, licenced, licensed trades
    qualified electrician, qualified electricians, qualified engineer, qualified engineers, competent person
    refuses, refused, refuse, declines, decline, excluded categories, hazardous categories
    safety review, safety reviewed, safety-reviewed, safety-critical, safety critical, safety engineer
    call a professional, professional only, professionals only, not for diy, never generated
""")

_ABOUT = ("title", "product.goal", "product.users", "product.inputs", "product.output")
_SAID = (*_ABOUT, "product.required_output", "impact.error_harm", "product.current_solution")
_HANDLED_AT = (*_ABOUT, "product.decision", "product.forbidden_output", "product.required_output")


@rule(
    "hazardous-instructions",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="can a generated step tell someone to work on something that can hurt them, or that only a licensed "
    "trade may do?",
    move=Move(
        "List the hazardous tasks, and decide which the generator refuses or hands to a licensed trade",
        "Instructions for work on gas, mains, heights, pressure, chemicals, vehicles or medicines can hurt "
        "the person who follows them, and some of that work is reserved by law: list such tasks, have the "
        "generator refuse them or send the reader to a licensed trade, put specific warnings in the steps, "
        "and have a safety-qualified person review those outputs",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.output": "Step-by-step instructions for fixing a boiler fault.",
                "impact.harm_kinds": ["money", "property"],
            },
            evidence=(
                'product.task: "generation"',
                'product.output: "Step-by-step instructions for fixing a boiler fault."',
                'impact.harm_kinds: ["money", "property"] (health not ticked)',
                "nothing says which steps the generator refuses or leaves to a licensed trade",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # health ticked: the fact, whatever words the domain uses
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.output": "Step-by-step instructions for each customer's fault.",
                "impact.harm_kinds": ["health"],
            },
            also=frozenset({"generated-facts-unchecked", "harm-kind-outranks-rating"}),
        ),
    ),
    quiet=(
        Case(  # hazardous tasks go to licensed trades
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.output": "Step-by-step instructions for fixing a boiler fault; gas work is never "
                "generated, the reader is sent to a registered engineer.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # no hazard: instructions for a spreadsheet
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.output": "Step-by-step instructions for a spreadsheet formula.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a reply about a gas bill instructs nobody to work on gas
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.output": "A reply to the customer's question about their gas bill.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
)
def hazardous_instructions(plan: Plan) -> Evidence:
    """Generated instructions may tell people to do physically dangerous or licensed work.

    A generator whose output tells people how to repair, fit or handle something can send them to work
    on a gas appliance, mains wiring, a high-voltage part, a pressure system, a roof, chemicals, a
    vehicle's brakes or a medicine's dose. A wrong or missing step there injures or kills, and some of the
    work is reserved by law to registered or licensed trades: a generic disclaimer does not make it safe
    to publish, whatever harms the team ticked.

    Mitigation: List the hazardous tasks in the domain; have the generator refuse them or send the reader
    to a licensed trade; put specific warnings where a step is dangerous (isolate, discharge, ventilate);
    have a safety-qualified person review the outputs in those categories before any is published, and
    take legal advice on the work the law reserves.
    """
    if plan.product.task is not TaskType.generation:
        return None
    kinds = plan.product.data_kinds
    if kinds and DataKind.text not in kinds:
        return None
    instructs = first_said(plan, ("product.output", "product.goal", "title"), INSTRUCTS)
    if instructs is None:
        return None
    if first_said(plan, (*_HANDLED_AT, "after_launch.fallback", "done.eval_set"), SAFETY_HANDLED):
        return None  # hazardous work is refused, sent to a licensed trade, or reviewed for safety
    writes = quote(plan, "product.task")
    missing = "nothing says which steps the generator refuses or leaves to a licensed trade"
    harms = plan.impact.harm_kinds
    if HarmKind.health in harms:  # the team says a wrong output can hurt someone: the fact
        return (writes, quote(plan, instructs[0]), quote(plan, "impact.harm_kinds"), missing)
    hazard = first_said(plan, _SAID, HAZARDS) or first_said(plan, _SAID, HAZARDOUS_GOODS)
    if hazard is None:
        return None
    path, words = hazard
    evidence = [writes, quote(plan, path)]
    if path != instructs[0]:
        evidence.insert(1, quote(plan, instructs[0]))
    if harms:
        evidence.append(quote(plan, "impact.harm_kinds", "health not ticked"))
    return Hint((*instructs[1], *words), (*evidence, missing))
