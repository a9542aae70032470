"""Rules on what pairs and indexes hide: links between records that chain into clusters, and a
retrieval index that already holds the answers to the test questions."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    own_notes,
    quote,
    read_paths,
    truth_paths,
)
from planner.judgement.rules.months import MONTH, MONTH_STEM, month_number
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, EvalInIndex, Plan, Split, TaskType

# Links that merge records into one entity: a person page, a golden record, a cluster.
MERGES = Lexicon("""
    merge, merges, merged, merging, person page, person pages, one record per, single record, golden record
    golden records, master record, master records, entity, entities, cluster, clusters, clustered
    family tree, family trees, household record, one profile, single profile, single customer view
""")

# A metric that scores the clusters, not only the pairs.
CLUSTER_SCORED = Lexicon("""
    cluster-level, cluster level, b-cubed, bcubed, b3, cluster precision, cluster recall, cluster purity
    purity, transitive, transitivity, merged entities, per entity, per cluster, whole clusters
""")

_MERGE_PATHS = ("product.decision", "product.output", "product.goal")

# Each new record attached to one existing target a person picks among candidates: a star, not a chain.
ONE_TARGET = Lexicon("""
    none of these, none of the candidates, none of them fits, an existing record, the existing record
    existing records, an existing entry, existing entries, an existing case, existing cases, an existing ticket
    existing tickets, an existing open, existing open, marks it new, mark it new, marks it as new
""")


@rule(
    "links-chain-into-clusters",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the merged clusters, not only the pairs, and bound what one wrong link can merge",
        "Pairwise links chain: one wrong link joins two clusters, and errors grow with cluster size; score "
        "whole clusters (B-cubed precision and recall), forbid merges that conflict (two birth dates, two "
        "owners), and send links that would join large clusters to a person",
        "info",
    ),
    ask="do pairwise links chain into merged records, where one wrong link joins two whole clusters?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "product.output": "Links between invoices that are the same supplier, merged into one "
                "supplier record.",
            },
            evidence=(
                'product.task: "matching"',
                'product.output: "Links between invoices that are the same supplier, merged into one ..." '
                "(merged: pairwise links chain, one wrong link joins two whole clusters)",
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "matching"}),
        Case(  # each new complaint is merged into one existing ticket the clerk picks, or marked new
            {
                "product.task": "matching",
                "product.decision": "The clerk sees three candidate tickets and merges the complaint into "
                "one, or picks none of these.",
            }
        ),
        Case(
            {
                "product.task": "matching",
                "product.output": "Links merged into one supplier record.",
                "done.metrics[0].name": "B-cubed precision of the merged supplier records",
            }
        ),
    ),
)
def links_chain_into_clusters(plan: Plan) -> Evidence:
    """Pairwise links chain into wrong clusters.

    A matcher scored on pairs can look precise while the records it merges are not: links are taken
    transitively, so one wrong link joins two whole clusters, and the larger the clusters the more
    each error costs. A pair precision of 99% can leave many merged entities wrong.

    Mitigation: Score whole clusters (B-cubed precision and recall, wrong merges per entity), forbid
    merges that conflict on a hard attribute, and route links that would join large clusters to a
    person.
    """
    if plan.product.task is not TaskType.matching:
        return None
    found = first_said(plan, _MERGE_PATHS, MERGES)
    if found is None:
        return None
    names = [metric.name for metric in plan.done.metrics] + [plan.done.eval_set or ""]
    if any(CLUSTER_SCORED.find(name) for name in names):
        return None
    if any(ONE_TARGET.find(answer_at(plan, where)) for where in _MERGE_PATHS):
        return None  # each new record joins one existing target a person picks: nothing chains
    path, words = found
    note = f"{', '.join(words)}: pairwise links chain, one wrong link joins two whole clusters"
    return Hint(words, (quote(plan, "product.task"), quote(plan, path, note)))


# A retrieval index of past answers: the corpus a drafter or question-answerer reads from.
PAST_ANSWERS = Lexicon("""
    past replies, previous replies, past answers, previous answers, answered questions, past responses
    previous responses, published answers, answers since, replies since, archive of answers, answer archive
""")

# An evaluation set of questions that were asked (and answered) before.
PAST_QUESTIONS = Lexicon("""
    past questions, previous questions, last year's questions, questions from last year, answered questions
    historical questions, questions already answered, questions from the archive, held-out questions
    past queries, previous queries, past requests, previous requests
""")

# Words saying the test questions' own answers are kept out of the index.
KEPT_OUT = Lexicon("""
    removed from the index, excluded from the index, kept out of the index, left out of the index
    not in the index, index built before, index cut, cut-off date, cutoff date, corpus cut, index frozen
    before the test period, index as it stood, answers removed, removed from the corpus, newer than the index
    excluded from the corpus, kept out of the corpus, excluded from retrieval, removed from retrieval
    after the index, not indexed, removed before indexing, index rebuilt, corpus as it stood
    after the cut-off, after the cutoff, knowledge base as it stood
""")

# Words saying the product searches a corpus when it answers: an index, a knowledge base, an archive.
RETRIEVES = Lexicon("""
    retrieval, retrieved, retrieves, retrieve, retrieving, index, indexed, knowledge base, knowledge bases
    vector store, vector database, vector index, search index, semantic search, similarity search, archive
""")

# Words saying items come from the organisation's own history: past answers, earlier versions, old cases.
HISTORY = Lexicon("""
    past, previous, earlier, prior, historical, archived, last year's, from the archive, answered, submitted
    published, resolved, earlier versions, previous versions, past versions, older versions, won bids
    answers we sent, answers that were sent, replies we sent, replies that were sent, responses we sent
""")


@rule(
    "answers-in-the-index",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep each test question's own answer out of the index it retrieves from",
        "Tested on past questions while the index holds their own answers (or earlier versions of the same "
        "document), retrieval finds the answer itself and the score measures look-up, not drafting: build the "
        "index as it stood before each test question, or remove the test questions' answers and near-copies",
        "warning",
    ),
    ask="does the retrieval index hold the answers to the evaluation's own questions?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.inputs": "The new question and the past answers we retrieve for it.",
                "done.eval_set": "300 past questions with the answers that were sent.",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                'product.inputs: "The new question and the past answers we retrieve for it." (past answers)',
                'done.eval_set: "300 past questions with the answers that were sent." (past questions: their '
                "own answers may sit in the index)",
            ),
        ),
        Case(  # the index runs past the start of the test period: the test's own answers are in it
            {
                "product.task": "generation",
                "product.inputs": "The question and answers retrieved from the archive (2015 to December 2024).",
                "done.eval_set": "300 questions asked in October and November 2024.",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                'product.inputs: "The question and answers retrieved from the archive (2015 to Decemb..." '
                "(the index runs to December 2024)",
                'done.eval_set: "300 questions asked in October and November 2024." (the test starts October '
                "2024: its own answers are in the index)",
            ),
        ),
        Case(  # general form: a knowledge base of past bids, tested on questions answered in past bids
            {
                "product.task": "generation",
                "product.inputs": "The tender question and passages retrieved from our knowledge base of past bids.",
                "done.eval_set": "150 questions from 2023 tenders with the answers we submitted.",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                'product.inputs: "The tender question and passages retrieved from our knowledge base ..." '
                "(retrieved, knowledge base, past)",
                'done.eval_set: "150 questions from 2023 tenders with the answers we submitted." (submitted: '
                "their own answers may sit in the index)",
            ),
        ),
        Case(  # parts of one questionnaire split at random: their siblings' answers sit in the index
            {
                "product.task": "generation",
                "product.inputs": "The question and answers retrieved from our index of previous questionnaires.",
                "done.eval_set": "400 questions from 60 customer questionnaires.",
                "done.split": "random",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                'product.inputs: "The question and answers retrieved from our index of previous quest..." '
                "(retrieved, index, previous)",
                'done.eval_set: "400 questions from 60 customer questionnaires." (questions from: parts of '
                "one whole split at random: the other parts' answers sit in the index)",
            ),
        ),
        Case(  # answered as a fact: no words needed, whatever the task is called
            {"product.task": "other", "done.eval_in_index": "inside"},
            evidence=(
                'done.eval_in_index: "inside" (the test questions\' own answers are among the documents it '
                "searches: the score measures look-up, not answering new questions)",
            ),
        ),
    ),
    quiet=(
        Case(  # the words say past answers, and the team answers that the test's own are kept out
            {
                "product.task": "generation",
                "product.inputs": "The new question and the past answers we retrieve for it.",
                "done.eval_set": "300 past questions with the answers that were sent.",
                "done.eval_in_index": "kept_out",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # the same, the test's own answers removed from the knowledge base
            {
                "product.task": "generation",
                "product.inputs": "The tender question and passages retrieved from our knowledge base of past bids.",
                "done.eval_set": "150 questions from 2023 tenders; their answers are removed from the corpus.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # an index that ends before the test period starts
            {
                "product.task": "generation",
                "product.inputs": "The question and answers retrieved from the archive (2015 to June 2024).",
                "done.eval_set": "300 questions asked in October 2024.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(
            {
                "product.task": "generation",
                "product.inputs": "The new question and the past answers we retrieve for it.",
                "done.eval_set": "300 past questions; their answers are removed from the index.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(
            {"product.task": "generation", "done.eval_set": "300 past questions with the answers sent."},
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
)
def answers_in_the_index(plan: Plan) -> Evidence:
    """The test questions' answers sit in the retrieval index.

    A drafter that retrieves from past answers (a knowledge base of previous responses, earlier versions
    of the same document), tested on items drawn from that same history, finds each test item's own
    answer, or a near-copy of it, in its index: the score then measures look-up, not drafting, and
    says nothing about new questions.

    Mitigation: Build the index as it stood before each test question (a time cut), or remove the test
    questions' answers from it; report the score on questions newer than the index.
    """
    where = plan.done.eval_in_index
    if where is EvalInIndex.inside:
        return (
            quote(
                plan,
                "done.eval_in_index",
                "the test questions' own answers are among the documents it searches: the score measures "
                "look-up, not answering new questions",
            ),
        )
    if where in (EvalInIndex.kept_out, EvalInIndex.no_index):
        return None
    if plan.product.task is not TaskType.generation:
        return None
    if first_said(plan, (*truth_paths(plan), *read_paths(plan)), KEPT_OUT):
        return None
    if any(KEPT_OUT.find(note) for note in own_notes(plan)):
        return None
    dated = _index_outlasts_test(plan)
    if dated is not None:
        return dated
    index = first_said(plan, read_paths(plan), PAST_ANSWERS) or _history_index(plan)
    asked = first_said(plan, truth_paths(plan), PAST_QUESTIONS) or first_said(
        plan, truth_paths(plan), HISTORY
    )
    said = "their own answers may sit in the index"
    if asked is None and plan.done.split is Split.random:  # parts of one parent, split at random
        asked = first_said(plan, truth_paths(plan), PARTS)
        said = "parts of one whole split at random: the other parts' answers sit in the index"
    if index is None or asked is None:
        return None
    return Hint(
        [*index[1], *asked[1]],
        (
            quote(plan, index[0], ", ".join(index[1])),
            quote(plan, asked[0], f"{', '.join(asked[1])}: {said}"),
        ),
    )


def _history_index(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """An answer saying the product retrieves from the organisation's own history (an index or knowledge
    base of past answers, earlier versions, resolved cases): (path, words), or None."""
    for path in (*read_paths(plan), "constraints.compute.hosted_model"):
        text = answer_at(plan, path)
        searched, past = RETRIEVES.find_all(text), HISTORY.find_all(text)
        if searched and past:
            return path, (*searched, *past)
    return None


# Test items that are parts of a larger whole: the questions of a questionnaire, the sections of a bid.
PARTS = Lexicon("""
    questions from, questions of, sections from, sections of, paragraphs from, clauses from, answers from
    of the same questionnaire, of the same tender, of the same document, per questionnaire, per tender
""")


_DATE = re.compile(rf"\b(?:{MONTH}\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
# A corpus the model retrieves from: an index, an archive, past answers.
INDEX = PAST_ANSWERS + Lexicon("index, indexed, archive, retrieved, retrieval, knowledge base")


_SPAN = re.compile(
    rf"\b((?:{MONTH_STEM})[a-z]*)\.?\s*(?:and|to|-|–|until|through|or)\s*(?:{MONTH_STEM})[a-z]*\.?\s+"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _dates(text: str, last: bool) -> list[tuple[int, int, str]]:
    """(year, month, words) of each date said; a bare year counts from its first month (or to its last),
    and the first month of a span ('October and November 2024') counts too."""
    found = [
        (
            int(match.group(2)),
            month_number(match.group(1)),
            f"{match.group(1)} {match.group(2)}",
        )
        for match in _SPAN.finditer(text)
    ]
    for match in _DATE.finditer(text):
        month = month_number(match.group(1)) if match.group(1) else (12 if last else 1)
        found.append((int(match.group(2)), month, match.group(0)))
    return found


def _index_outlasts_test(plan: Plan) -> Evidence:
    """The retrieval index reaches past the start of the evaluation's own period: its answers are in it."""
    tested = [
        (*date, path)
        for path in truth_paths(plan)
        for date in _dates(str(answer_at(plan, path) or ""), last=False)
    ]
    if not tested:
        return None
    year, month, said, where = min(tested)
    for path in read_paths(plan):
        text = str(answer_at(plan, path) or "")
        if not INDEX.find(text):
            continue
        dates = _dates(text, last=True)
        if dates and max(dates)[:2] >= (year, month):
            end = max(dates)
            return Hint(
                (end[2], said),
                (
                    quote(plan, path, f"the index runs to {end[2]}"),
                    quote(plan, where, f"the test starts {said}: its own answers are in the index"),
                ),
            )
    return None
