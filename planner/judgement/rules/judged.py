"""Rules on who scores the evaluation: a done metric marked by a language model or by a similarity
score rather than by people, with no sample on which people checked the marker itself."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, own_notes, quote, truth_paths
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import Category, Plan

# A metric marked by a language model: a judge, a grader, an LLM-scored rubric.
MODEL_JUDGE = Lexicon("""
    llm judge, llm judges, llm-as-a-judge, llm-as-judge, llm-judged, llm-graded, llm-scored, llm grader
    judged by an llm, judged by the llm, graded by an llm, graded by the llm, scored by an llm, scored by the llm
    rated by an llm, rated by the llm, judge model, model-graded, model-judged, ai judge, g-eval, ragas
    judged by gpt-4, judged by gpt-4o, graded by gpt-4, graded by gpt-4o, scored by gpt-4, scored by gpt-4o
    gpt-4 judge, gpt-4o judge, judged by claude, graded by claude, judged by gemini, graded by gemini
""")

# A metric marked by closeness of embeddings or tokens to a reference text.
SIMILARITY = Lexicon("""
    cosine similarity, embedding similarity, semantic similarity, similarity to the reference, similarity score
    similarity scores, bertscore, bert-score, sentence similarity, vector similarity, embedding distance
""")

# Words saying people checked the marker on a sample: its agreement with human marks is known.
CALIBRATED = Lexicon("""
    calibrated against, calibrated on, calibrated with, agreement with human, agreement with people
    agreement with experts, agreement with reviewers, agrees with human, agrees with people, agrees with experts
    human-checked, checked by hand, checked by people, human-rated, rated by people, rated by experts
    human ratings, human judgements, human judgments, spot-checked, spot check, spot checks, validated against
    compared with human, compared with people, compared with experts, kappa
""")

# Names of model families: a judge of the same family as the model it marks shares its blind spots.
_FAMILIES = ("gpt", "claude", "gemini", "llama", "mistral", "qwen")


def _metric_paths(plan: Plan) -> list[str]:
    """Where the plan says how a done metric is marked: what it is scored against, and the worst-error metric."""
    return [*truth_paths(plan), "done.worst_error_metric"]


def _family(text: str | None) -> set[str]:
    """The model families `text` names (gpt-4o: gpt)."""
    return {family for word in words_of(text or "") for family in _FAMILIES if word.startswith(family)}


@rule(
    "judge-uncalibrated",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Check the marker against people on a sample before trusting the score",
        "A language-model judge or a similarity score is itself a model: it prefers fluent text, its own "
        "family's style and answers worded like the reference, and misses a wrong figure in a fluent answer; "
        "have people mark a sample of 100-200 outputs, report how often the marker agrees with them (and on "
        "which errors it does not), and use a judge from another model family",
        "warning",
    ),
    ask="who checked that the automatic marker of the done metric agrees with people?",
    fires=(
        Case(
            {"done.metrics[0].name": "Share of answers judged correct by an LLM judge"},
            evidence=(
                'done.metrics[0].name: "Share of answers judged correct by an LLM judge" (llm judge: no '
                "sample on which people checked the marker)",
            ),
        ),
        Case(  # a judge of the model's own family
            {
                "done.metrics[0].name": "Answer correctness graded by GPT-4o",
                "constraints.compute.hosted_model": "GPT-4o through the vendor's API.",
            },
            evidence=(
                'done.metrics[0].name: "Answer correctness graded by GPT-4o" (graded by gpt-4o: no sample on '
                "which people checked the marker)",
                'constraints.compute.hosted_model: "GPT-4o through the vendor\'s API." (the judge is of the '
                "same family as the model it marks: gpt)",
            ),
        ),
        Case(
            {"done.eval_set": "500 past tickets; a draft counts as right at cosine similarity above 0.85."},
            evidence=(
                'done.eval_set: "500 past tickets; a draft counts as right at cosine similarity abov..." '
                "(cosine similarity: no sample on which people checked the marker)",
            ),
        ),
    ),
    quiet=(
        Case({"done.metrics[0].name": "Share of answers a pharmacist marks correct"}),
        Case(
            {
                "done.metrics[0].name": "Share of answers judged correct by an LLM judge",
                "done.metrics[0].dataset": "300 questions; the judge calibrated against two pharmacists on 150.",
            }
        ),
    ),
)
def judge_uncalibrated(plan: Plan) -> Evidence:
    """The done metric is marked by a model nobody checked against people.

    An LLM judge or an embedding similarity stands in for a person deciding whether an answer is right.
    It is a model with its own errors: it rewards fluent text and wording close to the reference, misses
    a wrong figure or a reversed meaning in an otherwise similar answer, and a judge of the same family
    as the model it marks shares that model's blind spots. Unchecked, the done score measures the judge.

    Mitigation: Have people mark a sample of outputs, report the marker's agreement with them (and the
    errors it misses), pick thresholds on that sample, and use a judge from another model family.
    """
    paths = _metric_paths(plan)
    found = first_said(plan, paths, MODEL_JUDGE) or first_said(plan, paths, SIMILARITY)
    if found is None:
        return None
    if first_said(plan, paths, CALIBRATED) or any(CALIBRATED.find(note) for note in own_notes(plan)):
        return None
    path, words = found
    evidence = [quote(plan, path, f"{', '.join(words)}: no sample on which people checked the marker")]
    shared = _family(" ".join(words)) & _family(answer_at(plan, "constraints.compute.hosted_model"))
    if shared:
        note = f"the judge is of the same family as the model it marks: {', '.join(sorted(shared))}"
        evidence.append(quote(plan, "constraints.compute.hosted_model", note))
    return Hint(words, evidence)
