"""Rules on sources that are valid only for a period: a model that writes or answers from rules, rates,
terms or guidance must answer from the version in force for the case, and an index that keeps every
version will sooner or later quote one that no longer applies."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, own_notes, quote, read_paths
from planner.judgement.rules.periodchange import changed_during_period
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, EvalInIndex, Plan, TaskType

# Documents whose content holds for a period and is then replaced.
DATED_SOURCES = Lexicon("""
    regulation, regulations, legislation, statute, statutes, guidance, guidance notes, guidelines
    policy, policies, policy documents, terms and conditions, booking conditions, conditions of sale
    tariff, tariffs, tax rates, interest rates, tax rules, fee schedule, fee schedules
    eligibility rules, eligibility criteria, handbook, handbooks
    procedure manual, rulebook, rule book, circulars, product labels, label texts, approved labels
    approvals, authorisations, authorizations, registrations, safety data sheets, data sheets, datasheets
    codes of practice, price list, price lists, formulary, formularies, prescribing information
    entry requirements, visa requirements, visa rules, travel advice, travel advisories, advisories
    border rules, import rules, customs rules, sanctions lists, vaccination requirements, health requirements
    change often, changes often, change frequently, changes frequently, changed often, updated daily
    updated weekly, updated often, frequently updated, fast-changing, fast changing, change without notice
    changes without notice, change at short notice, changes at short notice, keep changing, keeps changing
""")

# Where a plan says each document carries its dates, or old versions are kept out.
DATED_SAID = Lexicon("""
    effective date, effective dates, valid from, valid until, validity dates, validity date, in force
    version in force, current version, current versions, latest version, latest versions, superseded
    version date, version dates, expiry date, expiry dates, date of effect, dates of effect, as of date
""")


def _answers_from_documents(plan: Plan) -> str | None:
    """The evidence that the model writes or answers from documents: a generation task."""
    if plan.product.task is not TaskType.generation:
        return None
    return quote(plan, "product.task")


@rule(
    "sources-change-over-time",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Date every source, and answer from the version in force for the case",
        "Rules, rates, terms and guidance change: keep each document's dates of effect, retrieve only the "
        "version that applies on the case's date, test with questions whose answer changed, and re-check the "
        "evaluation set's reference answers whenever a source changes (last quarter's right answer is "
        "today's wrong one)",
    ),
    ask="do the documents say when each is valid, and are superseded versions kept out?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and the tax guidance notes we retrieve for it.",
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The client\'s question and the tax guidance notes we retrieve for it."',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a drafter that only reads its sources, with a change the team names: a fact
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "constraints.data.changes": "New booking terms from 1 January 2025.",
            },
            evidence=(
                'product.task: "generation"',
                'constraints.data.changes: "New booking terms from 1 January 2025." (a change during the '
                'data\'s period, "Jan 2022 - Jun 2025": the model learns a mix of both regimes)',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # the team says in its pain that what the drafts rest on changes often
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.pain": "Agents look up each country's rules by hand, and they change often.",
            },
            evidence=(
                'product.task: "generation"',
                'product.pain: "Agents look up each country\'s rules by hand, and they change often."',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # each note carries its dates, and only the one in force is retrieved
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The client's question and the guidance notes in force on its date "
                "(each note has its effective date).",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a drafter tuned on past replies: label-standard-changed says the mix of regimes
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "constraints.data.changes": "New booking terms from 1 January 2025.",
                "product.inputs": "The booking record; the model is fine-tuned on past replies.",
            },
            also=frozenset({"generated-facts-unchecked", "label-standard-changed"}),
        ),
        Case(  # no index: the hire agreement and price list are the booking's own papers, nothing retrieved
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The hire agreement, the price list attached to the booking and the damage "
                "photos.",
                "done.eval_in_index": "no_index",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a classifier that reads the rules is not quoting them
            {"product.inputs": "The invoice and the supplier's payment terms."}
        ),
    ),
)
def sources_change_over_time(plan: Plan) -> Evidence:
    """The model answers from sources that change over time.

    Rules, rates, terms, prices and guidance hold for a period and are then replaced, often with the
    old version still in force for older cases (a booking made before the new terms). A model that
    retrieves from every version, or was tuned on answers written under the old one, will quote a
    version that no longer applies, confidently and with a citation.

    Mitigation: Keep each document's dates of effect, retrieve only the version in force for the case's
    date, drop superseded versions from the index, and test on questions whose answer changed; date the
    evaluation set's reference answers and re-check them whenever a source they rest on changes.
    """
    writes = _answers_from_documents(plan)
    if writes is None:
        return None
    changed = changed_during_period(plan)
    if changed and not trained(plan):  # a change the team names, for a model that only reads its sources
        return (writes, *changed)
    notes = " ".join(own_notes(plan))
    if first_said(plan, (*read_paths(plan), "constraints.data.changes"), DATED_SAID) or DATED_SAID.find(
        notes
    ):
        return None  # the plan already keeps the versions apart
    # with no index of ours, what it reads is each case's own papers (a policy schedule, a price list sent
    # with the booking), as they stood for that case: no version to retrieve; the team saying its rules
    # change still asks
    own = plan.done.eval_in_index is EvalInIndex.no_index
    found = first_said(plan, (*(() if own else read_paths(plan)), *_CHANGES_SAID_IN), DATED_SOURCES)
    if found is None:
        return None
    path, words = found
    return Hint(words, (writes, quote(plan, path)))


# Where a team says its sources change, beyond what the model reads: the pain, today's misses, the changes.
_CHANGES_SAID_IN = ("product.pain", "product.current_performance", "constraints.data.changes")
