"""Rules on which cases are in the evaluation set and how hard they are, beside where its truth comes from.

A truth checked by people still says little when the items are ones a hosted model read in pre-training
(published exemplars, a public benchmark), when the negatives are random non-matches any model tells
apart, or when those who built the thing mark its outputs. A lead asks which cases the score is on
before reading it, whatever the `real cases` and `checked` ticks say.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    own_notes,
    quote,
    says_nothing,
    truth_paths,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, EvalInputs, EvalTruth, Plan, TaskType

# Negatives made by random sampling: a random non-match is far from every positive.
RANDOM_NEGATIVES = Lexicon("""
    random negatives, random negative, randomly sampled negatives, randomly drawn negatives
    randomly chosen negatives, negatives sampled at random, negatives drawn at random, negatives at random
    negatives chosen at random, random non-matches, random non-match, random nonmatches, non-matches at random
    non-matching pairs at random, random pairs, random pairings, randomly paired, pairs drawn at random
    pairs sampled at random, random unrelated, random mismatches, random mismatched pairs
    random background, random backgrounds, random background images, random background tiles
    random background clips, random empty images, random other products, random other items
    random other documents, random other customers, random non-duplicates
""")

# Negatives that are near misses: the ones a model or a person could confuse with a positive.
HARD_NEGATIVES = Lexicon("""
    hard negatives, hard negative, hard-negative, hardest negatives, mined negatives, near misses
    near-misses, near miss, near-miss, look-alikes, lookalikes, look-alike, lookalike, confusable
    confusers, near duplicates, near-duplicates, near-duplicate, closest non-matches, most similar
    nearest non-matches, similar but different, candidate pairs the blocking finds, every candidate pair
    all candidate pairs
""")

# Items published before the model was trained: exemplars, public benchmarks, textbook or website examples.
PUBLISHED = Lexicon("""
    marking exemplars, published exemplars, exemplar answers, exemplar essays, exemplar scripts
    public benchmark, public benchmarks, published benchmark, benchmark questions, benchmark set
    textbook examples, textbook questions, textbook exercises, worked examples, past papers
    past exam papers, published past papers, published examples, published questions, published answers
    examples from the website, examples on the website, website examples, examples from our website
    faq pages, published faq, public faq, online examples, public dataset, open dataset, kaggle
    mmlu, squad, hellaswag, gsm8k, humaneval
""")

# Words that say the items are fresh or checked for contamination.
UNSEEN_BY_MODEL = Lexicon("""
    unpublished, never published, not published, not public, not online, never online
    written after, after the cutoff, after its cutoff, after the training cutoff, after its training cutoff
    freshly written, newly written, new questions written, private set, private test set
    contamination check, checked for contamination, decontaminated, contamination
""")

# Those who built the thing, or the vendor whose model it is, mark its outputs.
SELF_RATED = Lexicon("""
    rated by the vendor, scored by the vendor, graded by the vendor, marked by the vendor
    judged by the vendor, rated by the vendor's model, scored by the vendor's model, the vendor's own model
    vendor-reported, reported by the vendor, the vendor's own evaluation, the vendor's evaluation
    rated by the developers, scored by the developers, marked by the developers, graded by the developers
    rated by our developers, scored by our developers, rated by the engineers, scored by the engineers
    rated by the team, scored by the team, marked by the team, graded by the team, rated by our team
    scored by our team, marked by our team, self-rated, self-scored, self-assessed, self-assessment
    self-evaluation, rate our own, score our own, mark our own, grade our own
    rated * by the developers, scored * by the developers, marked * by the developers
    judged * by the developers, rated * by the vendor, scored * by the vendor, rated * by the team
    scored * by the team, marked * by the team, judged * by the team
""")

# Words that say the marker is independent of those who built the thing.
INDEPENDENT_MARKER = Lexicon("""
    blind, blinded, independent, independently, third party, third-party, external reviewers
    external markers, outside reviewers, not the developers, not the vendor, another vendor
    another model family, other model family
""")


def _notes_say(plan: Plan, lexicon: Lexicon) -> bool:
    return any(lexicon.find(note) for note in own_notes(plan))


@rule(
    "eval-negatives-at-random",
    Category.model,
    likelihood=3,
    impact=3,
    ask="are the evaluation's negatives random non-matches rather than the near misses the product meets?",
    move=Move(
        "Put near misses among the test negatives and report the score on them apart",
        "Negatives drawn at random (random pairs, random non-matches, random background) are far from "
        "every positive, so nearly any model tells them apart and the score is high; the product's hard "
        "cases are the near misses (look-alikes, the candidates a search or a blocking step returns): "
        "score on them, apart",
        "warning",
    ),
    fires=(
        Case(
            {"done.eval_set": "500 known duplicate supplier records and 5,000 random pairs as non-matches."},
            evidence=(
                'done.eval_set: "500 known duplicate supplier records and 5,000 random pairs as non-..." '
                "(random pairs: negatives a model tells apart from any positive; the near misses are not "
                "scored)",
            ),
        ),
        Case({"done.metrics[0].dataset": "300 photos of the pest and 3,000 random background images."}),
    ),
    quiet=(
        Case(
            {"done.eval_set": "500 known duplicates and 5,000 random pairs plus 800 hard negatives, apart."}
        ),
        Case({"done.eval_set": "Every candidate pair the blocking finds in 2025, labelled by two clerks."}),
        Case({"done.eval_set": "A random sample of 600 invoices from 2025, after the training period."}),
    ),
)
def eval_negatives_at_random(plan: Plan) -> Evidence:
    """The evaluation's negatives are random non-matches, so the task it scores is easy.

    A match, a detector or a classifier is scored on positives and negatives. Negatives made by random
    sampling (random pairs, random non-matches, random background images) are far from every positive:
    any model tells them apart, and the score is near perfect. The product's errors are on near misses:
    the two different suppliers with the same name, the leaf that looks like the pest, the candidate a
    search returns. The score does not show how the model does on them.

    Mitigation: Build the test negatives from near misses (the candidates a blocking step or a search
    returns, look-alikes people confuse), report the score on them apart, and keep random ones only as
    a floor.
    """
    paths = truth_paths(plan)
    if first_said(plan, paths, HARD_NEGATIVES) or _notes_say(plan, HARD_NEGATIVES):
        return None
    found = first_said(plan, paths, RANDOM_NEGATIVES)
    if found is None:
        return None
    path, words = found
    note = (
        f"{', '.join(words)}: negatives a model tells apart from any positive; the near misses are not scored"
    )
    return Hint(words, (quote(plan, path, note),))


def _pretrained(plan: Plan) -> str | None:
    """Where the plan says the model is pretrained on the web: a hosted model named, or text generation."""
    hosted = answer_at(plan, "constraints.compute.hosted_model")
    if isinstance(hosted, str) and hosted.strip() and not says_nothing(hosted):
        return "constraints.compute.hosted_model"
    if plan.product.task is TaskType.generation:
        return "product.task"
    return None


@rule(
    "eval-items-seen-in-pretraining",
    Category.model,
    likelihood=3,
    impact=3,
    ask="are the evaluation's items published ones (exemplars, a public benchmark, textbook or website "
    "examples) that the pretrained model may have read?",
    move=Move(
        "Score the model on items it cannot have read: unpublished cases, or ones written after its cutoff",
        "Published exemplars, public benchmarks, textbook and website examples are likely in a hosted "
        "model's pre-training data, with their answers: it recalls rather than solves them, and the score "
        "overstates what it does on the product's own cases; score on real unpublished cases and report "
        "the published ones apart",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.eval_set": "The 120 marking exemplars the exam board publishes, with their marks.",
                "done.eval_inputs": "real_cases",
                "constraints.compute.hosted_model": "GPT-4o through the vendor's API.",
            },
            evidence=(
                'done.eval_set: "The 120 marking exemplars the exam board publishes, with their marks." '
                "(marking exemplars: published items a pretrained model may have read, with their answers)",
                'constraints.compute.hosted_model: "GPT-4o through the vendor\'s API." (a model pretrained '
                "on the web)",
                'done.eval_inputs: "real_cases" (yet the items are published ones, not the product\'s own '
                "cases)",
            ),
            also=frozenset({"hosted-model-unpinned"}),
        ),
        Case(
            {"done.eval_set": "Questions from a public benchmark of tax law.", "product.task": "generation"}
        ),
    ),
    quiet=(
        Case(  # no pretrained model: a public set is then a population question, not a memory one
            {"done.eval_set": "Questions from a public benchmark of tax law."}
        ),
        Case(
            {
                "done.eval_set": "200 past papers never published, set after the model's training cutoff.",
                "constraints.compute.hosted_model": "GPT-4o through the vendor's API.",
            }
        ),
        Case(
            {
                "done.eval_set": "400 real customer questions from 2025, answers checked by two agents.",
                "constraints.compute.hosted_model": "GPT-4o through the vendor's API.",
            }
        ),
    ),
)
def eval_items_seen_in_pretraining(plan: Plan) -> Evidence:
    """The evaluation's items are published, so a pretrained model may have read them and their answers.

    Marking exemplars, public benchmarks, textbook and website examples are on the web, often with their
    answers or marks, and a hosted model has likely read them in pre-training. It scores well by recall,
    not by doing the task, and the product's own cases (new essays, new questions, this customer's
    documents) are not published anywhere. The `real cases` tick does not change where these came from.

    Mitigation: Score the model on real unpublished cases, or items written after its training cutoff;
    report the published ones apart, and check outputs for verbatim recall of the published answers.
    """
    where = _pretrained(plan)
    if where is None:
        return None
    paths = truth_paths(plan)
    if first_said(plan, paths, UNSEEN_BY_MODEL) or _notes_say(plan, UNSEEN_BY_MODEL):
        return None
    found = first_said(plan, paths, PUBLISHED)
    if found is None:
        return None
    path, words = found
    evidence = [
        quote(
            plan,
            path,
            f"{', '.join(words)}: published items a pretrained model may have read, with their answers",
        ),
        quote(plan, where, "a model pretrained on the web"),
    ]
    if plan.done.eval_inputs is EvalInputs.real_cases:
        evidence.append(
            quote(plan, "done.eval_inputs", "yet the items are published ones, not the product's own cases")
        )
    return Hint(words, evidence)


@rule(
    "eval-self-rated",
    Category.model,
    likelihood=3,
    impact=3,
    ask="who marks the evaluation: the people or the vendor who built what is scored?",
    move=Move(
        "Have someone who did not build it mark the outputs, blind to which system made them",
        "Developers marking their own outputs, or a vendor's model rating the vendor's model, see what they "
        "meant rather than what was written and share its blind spots; have domain people outside the team "
        "mark a sample blind (the model's and today's outputs mixed) and report their agreement",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.metrics[0].name": "Share of summaries rated acceptable by the developers",
                "done.eval_truth": "checked",
            },
            evidence=(
                'done.metrics[0].name: "Share of summaries rated acceptable by the developers" (rated '
                "acceptable by the developers: those who built it mark its outputs)",
                'done.eval_truth: "checked" (checked by those who built it, not by an independent marker)',
            ),
        ),
        Case({"done.eval_set": "300 drafts, each rated by the vendor's model on a 1-5 scale."}),
    ),
    quiet=(
        Case(
            {"done.metrics[0].name": "Share of summaries rated acceptable by two clinicians, blind to source"}
        ),
        Case({"done.eval_set": "300 drafts scored by the developers and, blind, by two external reviewers."}),
    ),
)
def eval_self_rated(plan: Plan) -> Evidence:
    """Those who built the model, or its vendor, mark the evaluation.

    Developers who mark their own outputs read what they meant into what was written, and know which
    outputs are the model's; a vendor's model rating the vendor's model prefers its own style and shares
    its blind spots. The `checked` tick then says someone looked, not that the score is independent.

    Mitigation: Have domain people outside the team mark a sample blind, the model's outputs mixed with
    today's, and report their agreement with each other and with any automatic marker.
    """
    paths = truth_paths(plan)
    found = first_said(plan, paths, SELF_RATED)
    if found is None or first_said(plan, paths, INDEPENDENT_MARKER):
        return None
    path, words = found
    evidence = [quote(plan, path, f"{', '.join(words)}: those who built it mark its outputs")]
    if plan.done.eval_truth is EvalTruth.checked:
        evidence.append(
            quote(plan, "done.eval_truth", "checked by those who built it, not by an independent marker")
        )
    return Hint(words, evidence)
