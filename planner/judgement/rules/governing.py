"""The rule on a check that can injure when wrong, taken over by a model, with nobody saying which standard or
regulator governs it today (the sector-rules tick left unanswered)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, own_notes, quote, ticked
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import AI_ACT_SAID, DEVICE_DUTY_SAID
from planner.judgement.rules.words import Lexicon
from planner.plan.fields import is_answered
from planner.plan.model import Category, Circumstance, Mode, Plan
from planner.plan.stakes import HarmKind, LaterPhase

# Words that name what governs the check, or that the team found none does: the question answered.
STANDARD_NAMED = Lexicon(
    """
    iso, iec, en iso, bs en, din, ansi, astm, unece, un ece, ece regulation, ece r
    type approval, type-approved, type approved, homologation, homologated, notified body, certification body
    regulator, regulators, regulatory, regulation, regulations, statutory, statute, directive, code of practice
    health and safety executive, hse, osha, safety authority, competent authority, approved code of practice
""",
    deniable=True,
)
NONE_APPLIES = Lexicon("""
    no standard applies, no standard governs, no regulation applies, no regulator, not regulated, unregulated
    no statutory, not statutory, not a statutory, in-house check only, our own practice only
""")

# Words saying that today's check is an inspection, a certification or a safety check: a check a standard
# or a regulator often governs, said only in words where the team ticked that no sector rules apply.
CHECK_BY_RULE = Lexicon("""
    inspector, inspectors, inspection, inspections, inspected, inspects, examiner, examiners, examination
    examinations, certified, certifies, certification, certificate, certificates, statutory, safety check
    safety checks, safety inspection, safety inspections, competent person, approved person, roadworthy
    roadworthiness, airworthy, airworthiness, fit for use, fit for service, safety alarm, safety alarms
    interlock, interlocks, emergency stop, emergency stops
""")

# Answers where a team says how its check is governed and handled.
_SAID_IN = (
    "product.current_solution",
    "product.decision",
    "product.decision_owner",
    "done.when_met",
    "after_launch.owner",
    "after_launch.fallback",
    "press_release.call_to_action",
)
# Answers that name today's check.
_CHECK_IN = ("product.current_solution", "product.decision_owner", "product.decision")
_TAKES_OVER = (LaterPhase.removes_check, LaterPhase.retires_check)

_RISKY = {
    "impact.harm_kinds": ["health"],
    "impact.error_severity": "severe",
    "product.current_solution": "A fitter checks each harness's stitching before reissue.",
    "product.circumstances": [],  # not answered: nobody has said whether sector rules apply
}
_ALONE = {**_RISKY, "product.mode": "automate"}


@rule(
    "governing-standard-unasked",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="does a standard, a type approval or a regulator govern the check the model takes over, and does "
    "replacing or changing it need their approval?",
    move=Move(
        "Ask which standard or regulator governs today's check, and whether changing it needs approval",
        "Where an error can injure someone and the model decides alone or takes over a check, that check is "
        "often set by a standard, a type approval or a regulator: name them, ask whether replacing or "
        "changing the check needs their approval, and keep the old check until it is given",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            _ALONE,
            evidence=(
                'impact.error_severity: "severe" (an error can injure someone)',
                'impact.harm_kinds: ["health"]',
                'product.mode: "automate" (the model decides alone)',
                'product.current_solution: "A fitter checks each harness\'s stitching before reissue." '
                "(today's check: which standard or regulator governs it?)",
                "product.circumstances: no tick says whether sector rules or a regulator govern it",
            ),
        ),
        Case(  # people still decide, but a later phase drops their check
            {**_RISKY, "product.mode": "augment", "done.later_phase": ["removes_check"]},
        ),
        Case(  # 'none of these' ticked, while the words name an inspection: a question naming the words
            {
                **_ALONE,
                "product.circumstances": ["none"],
                "product.current_solution": "An inspector examines each hoist chain before it is reissued.",
            },
        ),
    ),
    quiet=(
        Case({**_ALONE, "product.circumstances": ["sector_rules"]}),  # sector-rules-unnamed asks it
        Case({**_ALONE, "product.circumstances": ["safety_function"]}),  # safety-function-changed asks it
        Case({**_ALONE, "product.circumstances": ["none"]}),  # none apply, and no word says otherwise
        Case({**_ALONE, "impact.harm_kinds": ["money"]}),  # nobody is injured by an error
        Case({**_RISKY, "product.mode": "augment"}),  # a person still checks each case
        Case(  # the standard named, and the approval the change needs
            {
                **_ALONE,
                "done.when_met": "The check follows EN 361; the notified body approves the change before "
                "the fitter's check stops.",
            }
        ),
        Case(  # the team says no standard governs the check
            {
                **_ALONE,
                "product.decision_owner": "The stores team; no standard applies to this in-house check.",
            }
        ),
    ),
)
def governing_standard_unasked(plan: Plan) -> Evidence:
    """A check whose errors injure is taken over, and nobody says which rules govern it.

    Where an error can injure someone, the check the model takes over (an inspection, an acceptance, an
    alarm response) is often set by a standard, a type approval or a regulator, and replacing or changing
    it may need their approval. A team that never ticked whether sector rules apply has not asked; found
    after the build, the approval stops the launch or the model runs beside a check it cannot replace.

    Mitigation: Name the standard and the regulator that govern today's check; ask them whether replacing
    or changing it needs approval, and what evidence they want; keep the old check until it is given.
    """
    if ticked(plan, Circumstance.sector_rules) or ticked(plan, Circumstance.safety_function):
        return None  # ticked: the rules on sector rules and on safety functions ask it
    if HarmKind.health not in plan.impact.harm_kinds or not serious_harm(plan):
        return None
    takes_over = [phase for phase in plan.done.later_phase if phase in _TAKES_OVER]
    alone = plan.product.mode is Mode.automate or ticked(plan, Circumstance.commits_alone)
    if not (alone or takes_over) or _governance_said(plan):
        return None
    evidence = [
        severity_quote(plan, "an error can injure someone"),
        quote(plan, "impact.harm_kinds"),
        quote(plan, "product.mode", "the model decides alone")
        if alone
        else quote(plan, "done.later_phase", "a later phase takes over people's check"),
    ]
    check = next((path for path in _CHECK_IN if is_answered(answer_at(plan, path))), None)
    if check is not None:
        evidence.append(quote(plan, check, "today's check: which standard or regulator governs it?"))
    if Circumstance.none not in plan.product.circumstances:
        evidence.append("product.circumstances: no tick says whether sector rules or a regulator govern it")
        return tuple(evidence)
    found = first_said(plan, _CHECK_IN, CHECK_BY_RULE)
    if found is None:
        return None  # none of these apply, and no word names an inspection or a certificate
    words = found[1]
    note = "'none of these' ticked, yet the words name a check a standard or a regulator often governs"
    return Hint(words, (*evidence, quote(plan, "product.circumstances", note)))


def _governance_said(plan: Plan) -> bool:
    """Whether an answer names the standard, the regulator or the route that governs the check, or says
    that none does."""
    texts = [text for path in _SAID_IN if isinstance(text := answer_at(plan, path), str)] + own_notes(plan)
    lexicons = (STANDARD_NAMED, NONE_APPLIES, DEVICE_DUTY_SAID, AI_ACT_SAID)
    return any(lexicon.find(text) for text in texts for lexicon in lexicons)
