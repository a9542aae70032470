"""Rules on a labelling standard, system or policy that changed over the data's years: labels given by
one standard, scored against another; a question from words."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.changed import KIND_PATH, change_kinds, reached
from planner.judgement.rules.evidence import (
    answer_at,
    faq_paths,
    first_said,
    quote,
    read_paths,
    source_paths,
)
from planner.judgement.rules.periodchange import changed_during_period
from planner.judgement.rules.record import trained
from planner.judgement.rules.rig import rig_follows_label
from planner.judgement.rules.samelabel import (
    MAPPED_CODES,
    documents_changed_only,
    label_means_the_same,
    one_standard_throughout,
    prompted_across,
)
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, ChangeKind, Plan, TaskType

_STANDARDS = """standard, standards, guideline, guidelines, policy, policies, definition, definitions
    criteria, criterion, rules, rulebook, coding, codes, code set, system, systems, software, form, forms
    scale, scales, taxonomy, categories, threshold, thresholds, protocol, protocols, grading, rubric
    classification, scheme, schemes, law, regulation, regulations
    terms, terms and conditions, tariff, tariffs, price list, price lists, pricing, fee schedule, refund policy"""
_STANDARDS = _STANDARDS.replace("\n", ",")

# A change of the standard the labels were given by: a new guideline, a migrated system, a recoding.
CHANGED_STANDARD = Lexicon(
    phrases("new, revised, updated, changed, different, stricter, looser", ", *", _STANDARDS)
    + ", "
    + phrases(
        _STANDARDS,
        ", of *, of * *",
        "changed, change, changes, was changed, were changed, was revised, were revised, revised, was "
        "updated, were updated, replaced, was replaced, switched, moved",
    )
    + ", "
    + phrases("change, changes, switch, move", "of, in, to", ", the, a, our", _STANDARDS)
    + """, migrated, migration, system migration, recoded, re-coded, relabelled, relabeled, re-labelled
    re-labeled, reclassified, re-classified, redefined, re-defined, icd-9, icd-10, icd-11, switched from"""
    # data from before a change of terms, which a model trained on it will repeat; old and new side by side
    + ", "
    + phrases(
        "old, older, previous, former, outdated, superseded",
        "terms, tariff, tariffs, prices, price list, rules",
    )
    + ", "
    + phrases(
        "old and new, both old and new", ", *", _STANDARDS, "coexist, co-exist, run side by side, both apply"
    )
    + ", grandfathered, grandfathering"
)
# A change in the number of codes: `40 codes became 12`, `from 40 to 12 categories`.
_KINDS = r"(?:codes|categories|classes|reasons|labels|types)"
_RECOUNTED = re.compile(
    rf"\b(\d+)\s+(?:\w+\s+)?{_KINDS}\s+(?:became|become|into|to|were mapped to|mapped to|folded into|"
    rf"merged into)\s+(\d+)\b|\bfrom\s+(\d+)\s+to\s+(\d+)\s+(?:\w+\s+)?{_KINDS}\b",
    re.IGNORECASE,
)
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|to|until)\s*((?:19|20)\d\d)\b")


def _recounted(text: object) -> tuple[str, ...]:
    """`40 codes became 12`: the words, when the number of codes changed."""
    found = _RECOUNTED.search(text) if isinstance(text, str) else None
    if not found:
        return ()
    numbers = [number for number in found.groups() if number]
    return (found.group(0),) if numbers[0] != numbers[1] else ()


# A source that carries no labels (`unannotated surveys 2022-2024`): it cannot label anything differently.
_UNLABELLED = Lexicon("""
    unannotated, un-annotated, unlabelled, unlabeled, un-labelled, un-labeled, not annotated, not labelled
    not labeled, no labels, without labels, not yet annotated, not yet labelled, not yet labeled
    label-free, yet to be labelled, yet to be labeled, to be annotated, awaiting annotation
""")


# Past answers a drafter copies from: written under the terms of their day, they carry its standard.
_EXEMPLARS = Lexicon("""
    past replies, previous replies, past answers, previous answers, past letters, previous letters
    past e-mails, past emails, previous e-mails, previous emails, example replies, example answers
    approved replies, approved answers, sent replies, model answers, past responses, previous responses
""")


def _split_range(plan: Plan) -> tuple[str, str] | None:
    """Two sources that split the data's years between them (`old CAD 2015-2020`, `new CAD 2021-2025`):
    the paths of both, when one ends where the other begins; a source without labels splits nothing."""
    spans = []
    for path in source_paths(plan):
        text = answer_at(plan, path)
        found = _SPAN.search(text)
        if found and not _UNLABELLED.find(text):
            spans.append((int(found.group(1)), int(found.group(2)), path))
    for start, end, path in spans:
        for other_start, _, other in spans:
            if other != path and start < end and end <= other_start <= end + 1:
                return path, other
    return None


_SAME_LABEL_NEW_REGIME = Instead(
    label_means_the_same,
    Move(
        "Test on cases after the change, and tell the model which regime each case is under",
        "The answers name a change of process, not of the label's standard: split by time across the "
        "change, score the model on cases after it, and give the model the regime (or train on data since it); "
        "check that the label covers as much of the outcome after it as before (one channel recorded while "
        "another grows or shrinks), since only then do the old cases need no relabelling",
        "warning",
    ),
    "Find the date of the change; split by time and test on cases after it; give the model the regime as "
    "an input, or train on (or weight) data since the change. The answers name a change of process, not "
    "of the label's definition: check that the label covers the same share of the outcome before and after "
    "(sales through one channel while another shrinks); only then do the older cases need no relabelling.",
    "What drives the outcome changed during the data's years; the answers name no change of the label's standard",
)


# The capture changed with a group that goes with the label: the regime told to the model tells it the group.
_RIG_FOLLOWS_LABEL = Instead(
    rig_follows_label,
    Move(
        "Test within one capture, and keep the rig out of the inputs",
        "The capture changed for a group that goes with the label, so the regime is a shortcut to the label: "
        "do not give the model the regime or the rig; recapture a sample of each group alike and score within "
        "one rig, split by time across the change",
        "warning",
    ),
    "Find the date of the change; recapture a sample of each group on one rig and score the model within "
    "one rig; never give the regime, rig or version as an input, since it tells the model the label's group.",
    "The capture changed during the data's years for a group that goes with the label",
)


def _as_ticked(plan: Plan, changed: tuple[str, ...]) -> Evidence:
    """The change as the team ticked it: a new label standard across production is high, a new process
    (the label meaning the same) or a part of production less; without ticks, the words of the change
    say only that something changed, medium."""
    kinds = change_kinds(plan)
    if not kinds:
        return Tempered(3, changed)
    full = 4 if ChangeKind.label_standard in kinds else 3
    return reached(plan, full, (*changed, quote(plan, KIND_PATH)))


@rule(
    "label-standard-changed",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Find when the standard or the regime changed, and learn one",
        "Labels or outcomes recorded under two standards, terms or processes teach the model a mix; relabel a "
        "sample of the older cases by today's standard (or train on, or weight, data since the change), test "
        "on cases after it, and where both regimes still apply give the model which one does",
        "warning",
    ),
    ask="did the labelling standard, system or policy change over the data's years?",
    instead=(_RIG_FOLLOWS_LABEL, _SAME_LABEL_NEW_REGIME),
    fires=(
        Case(  # ticked: a new grading standard across production, high
            {
                "constraints.data.changes": "New grading guideline for all inspectors from Mar 2024.",
                "constraints.data.period": "Jan 2022 - Dec 2025",
                "constraints.data.change_kind": ["label_standard"],
            },
        ),
        Case(  # a measured duration, but the test set holds jobs from before the rebuild too
            {
                "product.task": "regression",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.changes": "The main press was rebuilt in March 2024.",
                "done.eval_set": "A random fifth of jobs from 2021 to date.",
            }
        ),
        Case(  # a measured figure, but an episode over years (closures, then a boom) sits in training
            {
                "product.task": "forecasting",
                "constraints.data.labels": ["existing"],
                "constraints.data.period": "Jan 2019 - Jun 2025",
                "constraints.data.changes": "Stores closed in the 2020 lockdown, then a boom in 2020-2021.",
                "done.eval_set": "The 2023 season, all stores.",
            }
        ),
        Case(  # undated, ticked: the question asks what changed during the data, so it did
            {
                "constraints.data.changes": "A daily spend cap came in partway through.",
                "constraints.data.change_kind": ["process"],
            },
        ),
        Case(  # the team said what changed: a fact
            {"constraints.data.changes": "New payment terms for all suppliers from 1 Jan 2024."},
            evidence=(
                'constraints.data.changes: "New payment terms for all suppliers from 1 Jan 2024." (a change '
                'during the data\'s period, "Jan 2022 - Jun 2025": the model learns a mix of both regimes)',
            ),
        ),
        Case(
            {
                "constraints.data.sources[0].name": "ERP invoice history since 2019 (migrated to a new ERP in 2022)"
            },
            evidence=(
                'constraints.data.sources[0].name: "ERP invoice history since 2019 (migrated to a new ERP '
                'in 2022)" (a change of standard: migrated; are labels before and after it given alike?)',
            ),
        ),
        Case(
            {"product.label": "Duplicate per the auditors; the definition of a duplicate changed in 2021."},
            evidence=(
                'product.label: "Duplicate per the auditors; the definition of a duplicate changed i..." '
                "(a change of standard: definition of a duplicate changed; are labels before and after it "
                "given alike?)",
            ),
        ),
        Case(  # fields read from documents, typed by another rule since 2023: the labels themselves changed
            {
                "product.task": "extraction",
                "constraints.data.changes": "Since 2023 clerks type the condition as a 1-3 score, not words.",
            }
        ),
        Case(  # data from before a change of terms, which a model trained on it repeats
            {
                "constraints.data.differences_note": "Supplier replies since 2019; the payment terms changed in "
                "2024, and old and new terms coexist for framework contracts."
            },
        ),
    ),
    quiet=(
        Case(  # ticked: a bonus for the staff recording the outcome, not a new standard; its own rule asks
            {
                "constraints.data.changes": "New payment terms for all suppliers from 1 Jan 2024.",
                "constraints.data.change_kind": ["recorder_incentive"],
            },
            also=frozenset({"recorder-incentive-changed"}),
        ),
        Case(  # ticked: one new depot beside fourteen, each row naming its depot
            {
                "constraints.data.changes": "A new depot joined the 14 others in Mar 2024.",
                "constraints.data.change_kind": ["population"],
                "constraints.data.change_reach": "part_tracked",
            }
        ),
        Case(  # an input the process only started recording partway: a gap in that input, not a new label
            {
                "constraints.data.period": "Jan 2021 - Dec 2025",
                "constraints.data.changes": "The stores started recording room humidity in March 2024.",
            }
        ),
        Case({"constraints.data.changes": "No change that we know of."}),
        Case(  # routine upkeep keeps one scale: no new standard
            {
                "constraints.data.changes": "Routine maintenance only: the weighbridge is recalibrated every year."
            }
        ),
        Case(  # the change opens the data: every record is under the new standard
            {
                "constraints.data.changes": "Returns reason codes logged from the new till system (Mar 2021), "
                "where our data starts.",
                "constraints.data.period": "Mar 2021 - Feb 2025",
            }
        ),
        Case(  # said, and handled: trained on data since the change
            {
                "constraints.data.changes": "New payment terms from 1 Jan 2024; we train only on data since "
                "the change.",
            }
        ),
        Case(  # the change comes after the data's period: one regime within it
            {
                "constraints.data.changes": "New grading standard from Mar 2026, after our data ends.",
                "constraints.data.period": "Jan 2021 - Dec 2025",
            }
        ),
        Case(  # said, and handled: the odd period flagged and scored on its own
            {
                "constraints.data.changes": "2020 lockdown (market closed, prices collapsed), flagged and scored separately."
            }
        ),
        Case(  # every label made by hand now: one standard, whatever the records went through
            {
                "constraints.data.changes": "2023 migration of regional databases into one CRM.",
                "constraints.data.labels": ["manual"],
            }
        ),
        Case(  # a measured duration, no standard defines it, tested on jobs after the rebuild
            {
                "product.task": "regression",
                "product.label_is_proxy": False,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.changes": "The main press was rebuilt in March 2024.",
                "done.eval_set": "Jobs from 2025 to date, timed by the press log.",
            }
        ),
        Case({"constraints.data.sources[0].name": "ERP invoice history since 2019 (one system throughout)"}),
        Case({"constraints.data.changes": "The weighbridge was repaired in March 2023."}),  # upkeep
        Case(  # a part swapped, then the instruments checked against reference standards: one scale
            {
                "constraints.data.changes": "Two analysers had a pump replaced in 2022 and were re-checked "
                "against the standards."
            }
        ),
        Case(  # the odd period is dropped, and the test comes after the training data
            {
                "constraints.data.changes": "In 2020 half the branches closed and orders went by post.",
                "constraints.data.dropped": ["period"],
                "done.split": "time",
            }
        ),
        Case(  # the catalogue turns over month by month: newcomers, not a new standard
            {"constraints.data.changes": "The list of open vacancies changes every month."}
        ),
        Case(  # the regime is known for every record: the model can be given it, the test split by it
            {"constraints.data.changes": "Scoring rules re-tuned twice (rule version recorded per case)."}
        ),
        Case(  # the later source carries no labels: nothing is labelled two ways
            {
                "constraints.data.sources": [
                    {"name": "Inspected culverts 2015-2020 (graded by engineers)", "acquisition": "own"},
                    {"name": "Unlabelled culvert footage 2021-2024", "acquisition": "own"},
                ]
            }
        ),
        Case(  # the later source has no labels: one labelling regime, and a backlog to score
            {
                "constraints.data.changes": "nothing",
                "constraints.data.sources": [
                    {"name": "Tagged dawn-chorus recordings 2014-2020", "acquisition": "own"},
                    {"name": "Untagged recordings 2021-2024, unlabelled", "acquisition": "own"},
                ],
            }
        ),
        Case(  # new areas joining the data: the model covers more, the label is given as before
            {"constraints.data.changes": "New delivery regions kept going live throughout the period."}
        ),
        Case(  # items coming and going in the catalogue: newcomers, not a change of what the label means
            {"constraints.data.changes": "About 15% of products are replaced each season."}
        ),
        Case(  # the years in the register's name are not when anything changed; the change predates the data
            {
                "constraints.data.changes": "The entry form changed in 1998, before the 1999-2010 marriage "
                "register we transcribe.",
                "constraints.data.period": "1999 - 2010",
            }
        ),
        Case(  # a prompted drafter reads criteria documents that gain new rules: its sources change, no label
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The adviser's question and passages from the lenders' criteria documents.",
                "constraints.data.differences_note": "Lenders publish new rules every week.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a new log kept beside the label: a new input at most, the label is untouched
            {"constraints.data.changes": "Call logging introduced in 2023; about half the agents log calls."}
        ),
        Case(
            {
                "constraints.data.differences_note": "Invoices change format when a supplier changes its system."
            }
        ),
        Case(  # a prompted model sorting e-mails, the contact form changed: nothing learns the mix
            {
                "constraints.data.changes": "A web contact form replaced free e-mail for refunds in 2024.",
                "constraints.data.change_kind": ["process"],
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            }
        ),
        Case(  # fields read from documents whose template changed: the documents changed, not the labels
            {
                "product.task": "extraction",
                "constraints.data.changes": "The register template changed in 2023 with a new survey contractor.",
            }
        ),
    ),
)
def label_standard_changed(plan: Plan) -> Evidence:
    """The labelling standard, terms or process changed during the data's years.

    When the definition, the coding standard, the policy, the terms and prices, the process or the system
    that records the label changed partway through the data, the same case carries different labels before and after; a model learns a
    mix of both, and a random split hides it. Where fields are read from documents, a new template, form
    or system changes what is read, not the labels: only a change in how the fields are typed, coded or
    defined counts.

    Mitigation: Find the date of the change; relabel a sample of older cases by today's standard (or
    train on, or weight, data since the change), split by time, and test on cases after the change; where
    old and new regimes both still apply to live cases (terms by booking date), give the model which one.
    """
    changed = changed_during_period(plan)
    if changed and one_standard_throughout(plan):
        return None  # labels made now, or a measured figure tested after the change: no mix of standards
    drafts = plan.product.task is TaskType.generation and not trained(plan)
    if changed is not None:  # a drafter that only reads its sources: sources-change-over-time says it
        fields_kept = documents_changed_only(plan, plan.constraints.data.changes)
        if not changed or drafts or (fields_kept and not change_kinds(plan)) or prompted_across(plan):
            return None
        return _as_ticked(plan, changed)
    exemplars_at = (
        *read_paths(plan),
        "product.label",
        "constraints.data.differences_note",
        *source_paths(plan),
    )
    if drafts and not first_said(plan, exemplars_at, _EXEMPLARS):
        return None  # a new rule or client in what it reads changes its sources, not a label's standard
    paths = ["product.label", "constraints.data.differences_note", *source_paths(plan)]
    paths += [f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases))]
    paths += faq_paths(plan)
    for path in paths:
        text = answer_at(plan, path)
        said = CHANGED_STANDARD.find_all(text) if not path.startswith(("by_hand", "press")) else ()
        words = (*said, *MAPPED_CODES.find_all(text), *_recounted(text))
        if words and not documents_changed_only(plan, text):
            note = f"a change of standard: {', '.join(words)}; are labels before and after it given alike?"
            return Hint(words, (quote(plan, path, note),))
    split = _split_range(plan)
    if split and not documents_changed_only(plan, *(answer_at(plan, path) for path in split)):
        before, after = split
        note = "two sources split the years: were labels given alike in both?"
        return Hint((), (quote(plan, before, note), quote(plan, after)), likelihood=3)
    return None
