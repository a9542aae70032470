"""Rules on which cases are in the evaluation set and how hard they are, beside where its truth comes from.

A truth checked by people still says little when the items are ones a hosted model read in pre-training
(published exemplars, a public benchmark), when the negatives are random non-matches any model tells
apart, or when those who built the thing mark its outputs. A lead asks which cases the score is on
before reading it, whatever the `real cases` and `checked` ticks say.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.enriched import classes_apart
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    own_notes,
    quote,
    says_nothing,
    truth_paths,
)
from planner.judgement.rules.shortcut import captured_apart, picked_apart
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


# Where one class comes from: the positives (or the cases) drawn from one place.
POSITIVES_FROM = Lexicon("""
    positives from, positive examples from, positive cases from, positive images from, positive samples from
    positive clips from, positive records from, cases from, defects from, defect images from
    defective parts from, faulty units from, fraud cases from, confirmed fraud from, known fraud from
    diseased plants from, sick animals from, patients from, tumours from, tumors from, failures from
""")

# Where the other class comes from: the negatives (controls, normal ones) drawn from another place.
NEGATIVES_FROM = Lexicon("""
    negatives from, negative examples from, negative cases from, negative images from, negative samples from
    negative clips from, negative records from, controls from, healthy controls from, healthy ones from
    healthy plants from, healthy animals from, healthy volunteers from, normal ones from, normal images from
    normal parts from, good parts from, good ones from, non-defective parts from, genuine ones from
    genuine transactions from, legitimate transactions from, non-fraud from, background images from
    background from, normal transactions from
""")

# A source named for one class only.
POSITIVE_SOURCE = Lexicon("""
    positives, positive cases, positive examples, positive images, confirmed cases, confirmed fraud
    fraud cases, known fraud, defect images, defective parts, defective units, faulty units, failed units
    diseased plants, sick animals, tumour images, tumor images, churned customers, spam messages
""")
NEGATIVE_SOURCE = Lexicon("""
    negatives, negative cases, negative examples, negative images, healthy controls, healthy volunteers
    healthy plants, healthy animals, normal images, normal parts, good parts, non-defective, defect-free
    genuine transactions, legitimate transactions, normal transactions, non-fraud, non-fraudulent
    background images, ham messages
""")

# Words that say both classes come from the same place, or are matched on it.
SAME_ORIGIN = Lexicon("""
    same source, same sources, same device, same devices, same scanner, same scanners, same camera
    same cameras, same sites, same site, same period, same weeks, same months, same hospitals
    both classes from, both kinds from, matched by site, matched on site, matched by device
    matched on device, matched by period, matched on period, matched by source, matched on source
    balanced by site, balanced by source, stratified by source, stratified by site, each source holds both
""")


# A near-perfect score said in words: `99.6%`, `0.995 AUC`, `100% accuracy`.
_NEAR_PERFECT = re.compile(r"(?<![\d.,])(?:100(?:\.0+)?\s?%|99(?:\.\d+)?\s?%|98\.\d+\s?%|0\.99\d*)(?![\d.,])")


def _near_perfect(plan: Plan) -> str | None:
    """A near-perfect score the answers report in words (a prototype's, an offline test's), as a quote."""
    for path in (*truth_paths(plan), "product.current_performance", "constraints.data.differences_note"):
        text = answer_at(plan, path)
        if isinstance(text, str) and (found := _NEAR_PERFECT.search(text)):
            return quote(plan, path, f"{found.group(0).strip()}: a near-perfect score is a warning sign here")
    return None


def _origin_paths(plan: Plan) -> list[str]:
    sources = [f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources))]
    return [*sources, "constraints.data.differences_note", *truth_paths(plan)]


@rule(
    "class-follows-the-source",
    Category.data,
    likelihood=3,
    impact=4,
    ask="do the positives and the negatives come from different sources (devices, sites, periods), so a "
    "model can tell the class from the source?",
    move=Move(
        "Draw both classes from the same sources, or test on a source that holds both",
        "Where the positives come from one place (a lab, a device, a period, a site) and the negatives from "
        "another, a model learns the source (its lighting, format, dates) and scores near perfect offline, "
        "then fails where both classes arrive together; a near-perfect prototype score is a warning, not a "
        "success: match the classes by source, or test on a source that holds both",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.eval_set": "Defect images from the supplier's lab camera; good parts from our line "
                "camera, 2025."
            },
            evidence=(
                'done.eval_set: "Defect images from the supplier\'s lab camera; good parts from our l..." '
                "(defect images from, good parts from: each class comes from its own source, so a model can "
                "learn the source instead of the class; the offline score is inflated)",
            ),
        ),
        Case(  # the prototype's near-perfect score: a warning, not a success
            {
                "done.eval_set": "Positive clips from the lab's recorder; negatives from the field recorders.",
                "product.current_performance": "Our prototype already reaches 99.4% accuracy offline.",
            },
            evidence=(
                'done.eval_set: "Positive clips from the lab\'s recorder; negatives from the field re..." '
                "(positive clips from, negatives from: each class comes from its own source, so a model can "
                "learn the source instead of the class; the offline score is inflated)",
                'product.current_performance: "Our prototype already reaches 99.4% accuracy offline." (99.4%: a '
                "near-perfect score is a warning sign here)",
            ),
        ),
        Case(
            {
                "constraints.data.sources": [
                    {"name": "Confirmed fraud cases from the investigations archive", "acquisition": "own"},
                    {"name": "Genuine transactions sampled from the 2025 warehouse", "acquisition": "own"},
                ]
            },
            evidence=(
                'constraints.data.sources[0].name: "Confirmed fraud cases from the investigations archive" '
                "(confirmed fraud: one class only)",
                'constraints.data.sources[1].name: "Genuine transactions sampled from the 2025 warehouse" '
                "(genuine transactions: the other class only, from another source, so a model can learn the "
                "source instead of the class; the offline score is inflated)",
            ),
        ),
        Case(  # each class drawn from its own source, in a clause of its own
            {
                "done.eval_set": "Positive slides taken from the referral lab; negatives out of the screening archive."
            }
        ),
    ),
    quiet=(
        Case(
            {
                "done.eval_set": "Defect images from the line camera, good parts from the same cameras and "
                "weeks."
            }
        ),
        Case(
            {
                "constraints.data.sources": [
                    {
                        "name": "Card transactions 2023-2025, fraud flagged by chargebacks",
                        "acquisition": "own",
                    },
                    {"name": "Merchant register", "acquisition": "own"},
                ]
            }
        ),
    ),
)
def class_follows_the_source(plan: Plan) -> Evidence:
    """Each class comes from its own source, so a model can learn the source instead of the class.

    Where the positives come from one place (the lab's camera, the referral hospital, an archive of old
    cases) and the negatives from another (the line camera, the screening clinic, this year's records),
    every trace of the source (lighting, resolution, format, dates, a site's habits) predicts the class.
    The model learns it, scores near perfect offline, and fails where both classes arrive through the
    same door. A near-perfect prototype score is then a warning sign, not a success.

    Mitigation: Draw positives and negatives from the same sources, devices, sites and periods (or match
    them on those), test on a source that holds both, and check that a model given only the source
    (a device id, a date) cannot already tell the classes apart.
    """
    paths = _origin_paths(plan)
    if any(SAME_ORIGIN.find(answer_at(plan, path)) for path in paths) or _notes_say(plan, SAME_ORIGIN):
        return None
    note = "each class comes from its own source, so a model can learn the source instead of the class"
    for path in paths:
        text = answer_at(plan, path)
        ones, others = POSITIVES_FROM.find_all(text), NEGATIVES_FROM.find_all(text)
        said = (*ones, *others) if ones and others else classes_apart(text) or captured_apart(text)
        if said:
            found = quote(plan, path, f"{', '.join(said)}: {note}; the offline score is inflated")
            return Hint(said, (found, *filter(None, [_near_perfect(plan)])))
    for path in paths:
        if said := picked_apart(answer_at(plan, path)):
            cue = "a cue of how one class was captured or picked, which the field will not carry"
            found = quote(plan, path, f"{', '.join(said)}: {cue}; a model can learn it instead of the class")
            return Hint(said, (found, *filter(None, [_near_perfect(plan)])))
    sources = [(path, answer_at(plan, path)) for path in paths if path.startswith("constraints.data.sources")]
    only = [(path, POSITIVE_SOURCE.find_all(text), NEGATIVE_SOURCE.find_all(text)) for path, text in sources]
    positive = next(((path, pos) for path, pos, neg in only if pos and not neg), None)
    negative = next(((path, neg) for path, pos, neg in only if neg and not pos), None)
    if positive is None or negative is None:
        return None
    other = "the other class only, from another source, so a model can learn the source instead of the class"
    return Hint(
        (*positive[1], *negative[1]),
        (
            quote(plan, positive[0], f"{', '.join(positive[1])}: one class only"),
            quote(plan, negative[0], f"{', '.join(negative[1])}: {other}; the offline score is inflated"),
            *filter(None, [_near_perfect(plan)]),
        ),
    )
