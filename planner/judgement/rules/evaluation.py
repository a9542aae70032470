"""Rules on whether the evaluation can be trusted: selective labels (data unlike production: differs; a rare
class with no metric: rare; inputs known only afterwards: timing; the worst error uncounted: errorkinds)."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, monitor_paths, quote
from planner.judgement.rules.fitting import (
    CUSTOMERS_CHOOSE,
    OTHERS_PICK,
    WITHHOLDING_CARE,
    output_chooses_none,
)
from planner.judgement.rules.heard import selection_in_the_label
from planner.judgement.rules.keptout import kept_out, live_test_decides, steered_share
from planner.judgement.rules.lexicon import (
    DRAWN_AT_RANDOM,
    UNSELECTED_CASES,
)
from planner.judgement.rules.setup import generates_for_every_item
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Category, OutcomeRecorded, Plan, RowsPerThing, Split


def evaluation_paths(plan: Plan) -> list[str]:
    """The answers that say what the team evaluates on: the note on the data, the eval set, each metric's data."""
    paths = ["constraints.data.differences_note", "done.eval_set"]
    return paths + [f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))]


def evaluated_at_random(plan: Plan) -> str | None:
    """The answer saying the team evaluates on cases drawn at random (a random sample checked whatever
    the score), quoted: the holdout selective-labels asks for, already planned."""
    for path in evaluation_paths(plan):
        words = DRAWN_AT_RANDOM.find_all(answer_at(plan, path))
        if words:
            note = (
                f"evaluated on cases drawn at random: {', '.join(words)}; drawn from every case, the unchosen "
                "ones too? keep drawing that share once the model chooses"
            )
            return quote(plan, path, note)
    return None


# Said of a check on a random draw: `audit a random 300`, `randomly checked`, and every way of DRAWN_AT_RANDOM.
_AUDITED_AT_RANDOM = DRAWN_AT_RANDOM + Lexicon("""
    randomly audited, randomly audit, randomly audits, randomly checked, randomly check, randomly checks
    randomly inspected, randomly reviewed, audit a random, audits a random, audited a random
    check a random, checks a random, checked a random, review a random, reviews a random
    reviewed a random, a random share, random share, random shares
""")


def audited_unselected(plan: Plan) -> str | None:
    """The answer saying the team checks a random draw of the cases the process did not select (`300
    randomly drawn unmatched reports checked by hand`, today's figure from such an audit, or a monitor
    that keeps drawing them), quoted: the evaluation sees the old misses."""
    paths = (*evaluation_paths(plan), "product.current_performance", "by_hand.human_score_notes")
    for path in (*paths, *monitor_paths(plan)):
        words = in_one_sentence(str(answer_at(plan, path) or ""), _AUDITED_AT_RANDOM, UNSELECTED_CASES)
        if words:
            return quote(plan, path, f"a random check of the cases not selected: {', '.join(words)}")
    return None


_KEEP_A_RANDOM_SHARE = Move(
    "Keep a random share out of the selection, and evaluate on it",
    "Outcomes recorded only for the cases someone chose teach the model the old choices and hide its "
    "misses; a small random share (an exploration or holdout group), logged, gives labels nobody picked",
    "warning",
    first=True,
    done=lambda plan: evaluated_at_random(plan) is not None,
)


@rule(
    "selective-labels",
    Category.data,
    likelihood=4,
    impact=4,
    move=_KEEP_A_RANDOM_SHARE,
    instead=(CUSTOMERS_CHOOSE, OTHERS_PICK, WITHHOLDING_CARE),
    ask="is the outcome known for the cases nobody selected, and will acting on predictions decide the "
    "next labels?",
    fires=(
        Case(
            {"constraints.data.outcome_recorded_for": "selected_cases"},
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: not answered (no random share is kept to learn from)",
            ),
        ),
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0",
            ),
        ),
        Case(  # a routine check drawn among the flagged is no holdout
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.02,
                "constraints.data.exploration_drawn": "flagged",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0.02",
                'constraints.data.exploration_drawn: "flagged" (drawn from what the model flags: the cases it '
                "would not pick stay unseen)",
            ),
        ),
        Case(  # "every case", yet the label is the outcome of an action someone chose to take
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Renewed within 30 days after a retention offer made by an agent.",
            }
        ),
        Case(  # "every case", yet the label is what investigators found in the cases they chose
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud confirmed by the investigators on the claims referred to them.",
            },
            evidence=(
                'product.label: "Fraud confirmed by the investigators on the claims referred to them." '
                "(a person chose these cases: confirmed by, investigators, referred)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # not answered, yet the label says the invoices nobody flagged are assumed fine
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors; all other invoices are assumed distinct.",
            },
            evidence=(
                'product.label: "Duplicate confirmed by the auditors; all other invoices are assumed..." '
                "(a person chose these cases: all other invoices are assumed, confirmed by)",
                "constraints.data.outcome_recorded_for: not answered (do the cases nobody chose have an "
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # the label is what the clerks found, and today they check only what the rules flag
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Duplicate found at the clerk's check.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            },
            evidence=(
                'product.current_solution: "Clerks check an invoice only when the ERP rules flagged it." (a '
                "person chose these cases: only when the erp rules flagged)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # every case has an outcome, but the unchecked ones get a default written in
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Meter tampering or not; a meter nobody checked is coded as fine.",
            },
            evidence=(
                'product.label: "Meter tampering or not; a meter nobody checked is coded as fine." (a person '
                "chose these cases: coded as fine)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # every meter gets the output, yet the label says the unchecked ones are coded as fine
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.action_shape": "every_item",
                "product.label": "Meter tampering or not; a meter nobody checked is coded as fine.",
            }
        ),
        Case(  # every logged row has an outcome, but each row is a response to an offer someone chose to make
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "The courier's response to an offer: accepted or declined.",
            },
            evidence=(
                'product.label: "The courier\'s response to an offer: accepted or declined." (a person chose '
                "these cases: response to an offer)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # only chosen cases have outcomes, yet the team evaluates on a random sample: credited
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "done.eval_set": "A random sample of 600 invoices, checked by the auditors whatever the rules said.",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                'done.eval_set: "A random sample of 600 invoices, checked by the auditors whatever t..." '
                "(evaluated on cases drawn at random: random sample; drawn from every case, the unchosen ones "
                "too? keep drawing that share once the model chooses)",
            ),
        ),
        Case(  # picks recorded only for what was chosen, but a live A/B test decides: low
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0,
                "done.online_validation": "a_b_test",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0",
                'done.online_validation: "a_b_test" (a live test kept side by side with today\'s process decides, '
                "not the offline score on the chosen cases)",
            ),
        ),
    ),
    quiet=(
        Case(  # experts confirm an evaluation subset: a check of the labels, not a choice of the cases
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Reviewer tags on every ticket; a 400-case gold subset confirmed by two experts.",
            }
        ),
        Case(  # the label names the investigators' chosen cases, but the evaluation sample is random already
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud confirmed by the investigators on the claims referred to them.",
                "done.eval_set": "A random sample of 500 claims, investigated whatever the score said.",
            }
        ),
        Case(  # a generator trained on nothing drafts every item: nobody chooses which items get an output
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "product.task": "generation",
                "product.action_shape": "every_item",
            }
        ),
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.03,
            }
        ),
        Case(  # a routine check drawn at random from all cases and handled blind is a holdout
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.02,
                "constraints.data.exploration_drawn": "at_random",
            }
        ),
        Case(  # not answered: who judged every case is not who chose some of them
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors' check of every invoice pair.",
            }
        ),
        Case(  # today's process picks what to check, but the label is a bank record of every invoice
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Invoice paid twice, per the bank statement.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            }
        ),
        Case(  # a random audit gives every case the same chance of an outcome
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud found by investigators on a random sample of claims referred to them.",
            }
        ),
        Case(  # the offers went to a random share: the rest are no chosen cases
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Renewed within 30 days after a retention offer made at random.",
            }
        ),
        Case(  # every site is visited on a rota, so no one chose which were attended
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Leak found when the site was visited on the yearly rota.",
            }
        ),
        Case(  # every item is treated and its treatment recorded: `treated` names no choice of cases
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.action_shape": "every_item",
                "product.label": "The fault class the fitter recorded as treated for on each returned pump.",
            }
        ),
        Case(  # a final check the model does not choose keeps every case's outcome once live
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "constraints.data.outcome_kept_live": True,
                "product.label": "Fault confirmed by the inspectors at the final check of each batch.",
            }
        ),
        Case(  # every claim is settled, with or without an investigation
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Whether the claim was settled without investigation.",
            }
        ),
    ),
)
def selective_labels(plan: Plan) -> Evidence:
    """Outcomes are recorded only for the cases someone chose.

    When the outcome is known only for the cases shown, checked, approved or treated, the data holds
    no outcome for the rest: the model learns the old selection's blind spots, and a test set drawn
    from the same records cannot measure the cases it would newly catch or wrongly pass.

    Mitigation: Keep a small random share (exploration or holdout) where cases are checked whatever
    the score, log it, and evaluate on it; until then, read offline scores as a bound on the selected
    cases only.
    """
    data = plan.constraints.data
    if generates_for_every_item(plan):
        return None  # every item gets an output and nothing learns from the labels: nothing selects them
    at_random = evaluated_at_random(plan)
    if data.outcome_recorded_for in (OutcomeRecorded.every_case, None):
        return None if at_random else selection_in_the_label(plan)  # a random sample is already kept
    if data.outcome_recorded_for is not OutcomeRecorded.selected_cases:
        return None
    if (kept_out(plan) or 0) > 0:
        return None
    never = "only the cases someone showed, checked, approved or treated: what happens to the others is never seen"
    share = "constraints.data.exploration_share: not answered (no random share is kept to learn from)"
    found: tuple[str, ...] = (quote(plan, "constraints.data.outcome_recorded_for", never), share)
    if data.exploration_share is not None:
        found = (found[0], *(steered_share(plan) or (quote(plan, "constraints.data.exploration_share"),)))
    audit = audited_unselected(plan)
    if audit:  # the cases nobody chose are checked at random: the old misses are seen, low
        return Tempered(1, (found[0], audit))
    if at_random:  # evaluated on a random sample: credit it, keep it random
        return Tempered(2, (found[0], at_random))
    live = live_test_decides(plan)
    if live:  # a randomised live test decides: the chosen cases' labels only train and guide, low
        return Tempered(1, (*found, live))
    return output_chooses_none(plan, found) or found  # customers chose, or someone else: less likely


# Every way the data can differ from production, but inputs known only later (inputs-after-prediction).


# Test items that usually come several to a parent: questions of a tender, turns of a conversation,
# photos of a site, visits of a patient, lines of an invoice.
ITEMS_OF_A_WHOLE = Lexicon("""
    question, questions, answer, answers, turn, turns, message, messages, utterance, utterances, image, images
    photo, photos, frame, frames, page, pages, passage, passages, sentence, sentences, clip, clips, tile, tiles
    crop, crops, visit, visits, invoice lines, order lines, chunk, chunks, paragraph, paragraphs, clause
    clauses, replies, snippets, excerpts, admissions, encounters
""")
# Said of how a test set is drawn: items at random.
ITEMS_AT_RANDOM = Lexicon(
    (*DRAWN_AT_RANDOM.entries, "at random", "randomly", "random split", "random", "shuffled", "shuffle")
)
# The test set kept or reported by a parent: `split by tender`, `whole routes never seen`, `per patient`.
_BY_PARENT = re.compile(
    r"\b(?:split|sampled|sample|drawn|grouped|held out|held-out|kept|stratified|clustered|reported|report|"
    r"scored|evaluated|averaged|macro-averaged|broken down)\s+(?:by|per|within|for each)\b"
    r"|\b(?:whole|entire|unseen|held-out)\s+\w+|\bnever seen\b|\bby group\b|\bper (?!cent\b)\w+",
    re.IGNORECASE,
)
# `from 40 tenders`, `across 12 sites`: how many parents the items come from.
_FROM_PARENTS = re.compile(r"\b(?:from|across|over|in)\s+(\d[\d,]*)\s+(?:\w+\s+)?(\w+)", re.IGNORECASE)


@rule(
    "eval-items-share-a-parent",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Sample the test set by the parent the items share, and report per parent",
        "Test items drawn at random (questions, photos, turns, visits) often share a parent (a tender, a "
        "site, a conversation, a patient): items of one parent are alike, so the test counts fewer "
        "independent cases than items and the score is optimistic; draw whole parents and report per parent",
        "info",
    ),
    ask="do the test items drawn at random share a parent (a document, site, conversation or patient)?",
    fires=(
        Case(
            {
                "done.eval_set": "4,000 questions sampled at random from 40 past tenders.",
                "done.test_size": 4000,
            },
            evidence=(
                'done.eval_set: "4,000 questions sampled at random from 40 past tenders." (test items drawn '
                "at random: questions, sampled at random; items of one parent (a document, site, conversation, patient) are alike, so the test holds fewer independent "
                "cases than items: sample by the parent and report per parent)",
                "done.test_size: 4000 (4000 items from 40 tenders, about 100 a tender: the sample that counts "
                "is nearer 40 than 4000)",
            ),
        ),
        Case(  # the team ticked one row per item: the items may still share a parent
            {
                "done.eval_set": "A random 20% of the site photos, labelled by the surveyors.",
                "constraints.data.rows_per_thing": "one",
            },
        ),
    ),
    quiet=(
        Case({}),  # invoices held out by time
        Case(  # sampled by tender and reported per tender
            {"done.eval_set": "400 questions from 40 tenders, sampled by tender and reported per tender."}
        ),
        Case({"done.eval_set": "Questions at random from 40 tenders.", "done.split": "group"}),
        Case(  # whole parents kept out
            {"done.eval_set": "Photos of 30 whole sites never seen in training, drawn at random."}
        ),
        Case(  # the items drawn at random are tickets; the questions are another part of the set
            {
                "done.eval_set": "600 real tickets drawn at random; 200 generated questions for the new product."
            }
        ),
        Case(  # items at random, none of a kind that shares a parent
            {"done.eval_set": "2,000 invoices sampled at random from last year."}
        ),
        Case(  # several rows to a thing split at random: random-split-on-grouped-data says it
            {
                "done.eval_set": "A random 20% of the photos.",
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one site",
            },
            also=frozenset({"random-split-on-grouped-data"}),
        ),
    ),
)
def eval_items_share_a_parent(plan: Plan) -> Evidence:
    """Test items drawn at random may share a parent, so the test is correlated and optimistic.

    Questions come from the same tender or document, photos from the same site, turns from the same
    conversation, visits from the same patient: drawn one by one at random, items of one parent sit side
    by side in the test set, they are alike, and the score counts far fewer independent cases than items
    (and flatters the model where it learnt a parent's quirks).

    Mitigation: Draw the test set by the parent (whole tenders, sites, conversations, patients), report
    the score per parent and its spread, and count the parents, not the items, as the sample size.
    """
    done = plan.done
    text = done.eval_set
    if not text or done.split is Split.group or _BY_PARENT.search(text):
        return None
    rows = plan.constraints.data.rows_per_thing
    if rows is RowsPerThing.several and done.split is Split.random:
        return None  # random-split-on-grouped-data says it, from the team's own answer
    said = in_one_sentence(text, ITEMS_OF_A_WHOLE, ITEMS_AT_RANDOM)  # `questions sampled at random`
    if not said:
        return None
    note = (
        f"test items drawn at random: {', '.join(said)}; items of one parent (a document, site, "
        "conversation, patient) are alike, so the test holds fewer independent cases than items: sample by "
        "the parent and report per parent"
    )
    found = [quote(plan, "done.eval_set", note)]
    parents = _FROM_PARENTS.search(text)
    size = done.test_size
    if size and parents:
        count = int(parents.group(1).replace(",", ""))
        if 0 < count < size:
            note = (
                f"{size} items from {count} {parents.group(2)}, about {size / count:.0f} a "
                f"{parents.group(2).rstrip('s')}: the sample that counts is nearer {count} than {size}"
            )
            found.append(quote(plan, "done.test_size", note))
    elif size:
        found.append(quote(plan, "done.test_size", "counts items: from how many parents?"))
    return Hint(said, found)
