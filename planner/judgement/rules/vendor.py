"""Rules on a vendor's model inside a regulated decision: the same answer raises the same duty.

Wherever sector rules govern the decision (ticked, or a regulated domain named: pharmacovigilance, medical
devices, GxP, financial advice, aviation, food safety) and the model is a hosted LLM or a vendor's
service, a lead asks the same three things: is it validated for this use before it goes live, is its
version pinned and re-validated on each vendor update, and is every input and output kept as a record.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.duties import settled
from planner.judgement.rules.evidence import answer_at, quote, says_nothing, ticked
from planner.judgement.rules.setup import runs_once
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, Plan

# Domains whose rules require a validated, versioned, recorded system, named in words.
REGULATED_DOMAIN = Lexicon("""
    pharmacovigilance, adverse drug reaction, adverse drug reactions, drug safety, medical device
    medical devices, gxp, gmp, good manufacturing practice, good clinical practice, clinical trial
    clinical trials, financial advice, investment advice, suitability assessment, suitability assessments
    airworthiness, aviation safety, flight operations, food safety, haccp
""")
# Words saying the vendor's version is held fixed and each change is validated again.
PINNED = Lexicon("""
    pinned, pin the version, pin the model version, pins the version, pins the model version, version pinning
    pinned version, fixed model version, model version is fixed, version-locked, version locked, revalidate
    revalidates, revalidated, revalidation, re-validate, re-validates, re-validated, re-validation
    validated again, computer system validation, csv validation
""")
_WHERE = ("title", "product.goal", "product.decision", "product.inputs", "product.output")


def _vendor(plan: Plan) -> str | None:
    compute = plan.constraints.compute
    if compute.hosted_model and not says_nothing(compute.hosted_model):
        return quote(plan, "constraints.compute.hosted_model")
    if compute.hosted is True:
        return quote(plan, "constraints.compute.hosted_service")
    if compute.vendor_black_box is True:
        return quote(plan, "constraints.compute.vendor_black_box")
    return None


@rule(
    "vendor-model-in-regulated-use",
    Category.ethics,
    likelihood=3,
    impact=4,
    move=Move(
        "Ask what the sector's rules require of a vendor's model here; pin its version and keep a record",
        "Find what the rules named require of a tool in this decision (computerised-system validation for "
        "medicines and devices, an audit trail the auditors accept in finance, often nothing of the model "
        "itself elsewhere); whatever they say, pin the version, test again on each vendor update, and keep "
        "every input, output and the version that made it",
        "info",
    ),
    ask="is the vendor's model validated for this use, its version pinned and re-validated on each "
    "update, and every input and output recorded?",
    fires=(
        Case(
            {
                "product.circumstances": ["sector_rules"],
                "constraints.compute.hosted_model": "A hosted LLM API.",
            },
            also=frozenset({"sector-rules-unnamed"}),
            evidence=(
                'product.circumstances: "sector_rules" (a regulator or sector rules govern this decision)',
                'constraints.compute.hosted_model: "A hosted LLM API." (the vendor updates it; which '
                "version is validated, and what happens on an update?)",
            ),
        ),
        Case(  # a regulated domain named in words: a question
            {
                "product.goal": "Triage pharmacovigilance case reports faster.",
                "constraints.compute.hosted_service": True,
            }
        ),
        Case(  # a vendor's black box on the organisation's own device: not hosted, the same duty
            {
                "product.circumstances": ["sector_rules"],
                "constraints.compute.hosted_service": False,
                "constraints.compute.vendor_black_box": True,
            },
            also=frozenset({"sector-rules-unnamed"}),
        ),
    ),
    quiet=(
        Case(  # the version is pinned and validated again on each update
            {
                "product.circumstances": ["sector_rules"],
                "constraints.compute.hosted_model": "A hosted LLM API, pinned version, re-validated on update.",
            }
        ),
        Case(  # no vendor's model: the sector rules ask other things
            {"product.circumstances": ["sector_rules"], "constraints.compute.hosted_model": "none"}
        ),
        Case({"constraints.compute.hosted_model": "A hosted LLM API."}),  # no regulated decision
        Case(  # a one-off batch run over a backlog: no live system for a vendor's update to change
            {
                "product.circumstances": ["sector_rules"],
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "product.goal": "Summarise the backlog of case files in one pass before the audit.",
                "constraints.retraining.cadence": "never",
            },
            also=frozenset({"sector-rules-unnamed"}),
        ),
    ),
)
def vendor_model_in_regulated_use(plan: Plan) -> Evidence:
    """A vendor's model in a regulated decision, with no validation, version pinning or record planned.

    Sector rules (pharmacovigilance, medical devices, GxP, financial advice, aviation, food safety) can hold
    the organisation to a validated system whose every output can be traced; what they ask of a tool
    differs by sector, and is often nothing of the model itself. A hosted model changes when
    the vendor updates it, silently: the version validated is not the one running a month later, and
    without a record of inputs, outputs and version no output can be explained to an inspector.

    Mitigation: Ask compliance what the sector's rules require of a tool in this decision (validation
    before live use where they require it); pin the model's version and test again on each vendor update;
    keep a record of every input, output and model version; agree with the vendor how updates are
    announced.
    """
    vendor = _vendor(plan)
    if vendor is None or settled(plan, PINNED) or runs_once(plan):
        return None  # a job run once has no live use for a vendor's update to change
    note = "the vendor updates it; which version is validated, and what happens on an update?"
    if plan.constraints.compute.hosted_model and not says_nothing(plan.constraints.compute.hosted_model):
        vendor = quote(plan, "constraints.compute.hosted_model", note)
    fact = ticked(plan, Circumstance.sector_rules)
    if fact is not None:
        return (fact, vendor)
    for path in _WHERE:
        text = answer_at(plan, path)
        words = REGULATED_DOMAIN.find_all(text) if isinstance(text, str) else ()
        if words:
            return Hint(words, (quote(plan, path, ", ".join(words)), vendor))
    return None


@rule(
    "hosted-model-unpinned",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Pin the hosted model's version, and run the done test again on every change",
        "A hosted model changes when its provider updates it, so the score that met the done target belongs "
        "to a version that may no longer run; call a named, dated version, keep the test set, and re-run it "
        "before moving to a new version (or on notice of an update)",
        "info",
    ),
    ask="which version of the hosted model met the done target, and is the test run again when it changes?",
    fires=(
        Case(
            {
                "constraints.compute.hosted_model": "A hosted LLM through the provider's API.",
                "done.metrics": [{"name": "Minutes per summary", "target": 5, "direction": "lower"}],
            },
            evidence=(
                'constraints.compute.hosted_model: "A hosted LLM through the provider\'s API." (the provider '
                "updates it: the version scored may not be the one running)",
                "done.metrics[0].target: 5 (met by one version; nothing says the test runs again on a change)",
            ),
        ),
    ),
    quiet=(
        Case(  # the version is pinned and the test re-run on a change
            {
                "constraints.compute.hosted_model": "A hosted LLM API, pinned version, revalidated on update.",
                "done.metrics": [{"name": "Share of summaries the editor accepts", "target": 0.9}],
            }
        ),
        Case(  # no done target to hold the next version to
            {
                "constraints.compute.hosted_model": "A hosted LLM through the provider's API.",
                "done.metrics": [],
            }
        ),
        Case(  # sector rules ticked: vendor-model-in-regulated-use asks the same, and more
            {
                "product.circumstances": ["sector_rules"],
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "done.metrics": [{"name": "Share of summaries the editor accepts", "target": 0.9}],
            },
            also=frozenset({"sector-rules-unnamed", "vendor-model-in-regulated-use"}),
        ),
    ),
)
def hosted_model_unpinned(plan: Plan) -> Evidence:
    """A hosted model's outputs are held to a done target, and nothing pins the version that met it.

    The provider updates a hosted model when it chooses, often silently: the answers change, and the
    score that met the done target belongs to a version that may no longer be the one running. A lead
    asks which version was scored, and whether the test is run again before the next one is used.

    Mitigation: Call a named, dated model version rather than the latest; keep the done test set and re-run
    it before moving to a new version or on notice of an update; record the version with each output.
    """
    compute = plan.constraints.compute
    if not compute.hosted_model or says_nothing(compute.hosted_model):
        return None
    if ticked(plan, Circumstance.sector_rules) is not None:
        return None  # vendor-model-in-regulated-use asks for the pinning, the validation and the record
    if settled(plan, PINNED) or runs_once(plan):
        return None  # pinned; or a job run once, which no later update changes
    targets = [i for i, metric in enumerate(plan.done.metrics) if metric.target is not None]
    if not targets:
        return None
    note = "the provider updates it: the version scored may not be the one running"
    target = "met by one version; nothing says the test runs again on a change"
    return (
        quote(plan, "constraints.compute.hosted_model", note),
        quote(plan, f"done.metrics[{targets[0]}].target", target),
    )
