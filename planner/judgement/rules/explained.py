"""Rules on explaining each prediction: required, and asked of a model that cannot give reasons."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Tempered, rule
from planner.judgement.rules.evidence import answer_is, faq_paths, first_said, quote
from planner.judgement.rules.lexicon import CHECKED_OUTPUT, GIVES_REASONS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Mode, ModelSize, Plan, TaskType


@rule(
    "explanations-required",
    Category.ethics,
    likelihood=2,
    impact=3,
    fires=(
        Case(
            {"constraints.explainability_required": True},
            evidence=("constraints.explainability_required: true",),
        ),
    ),
    quiet=(
        Case(  # the output already carries its reasons: the explanation is designed
            {
                "constraints.explainability_required": True,
                "product.output": "A ranked list of homes, each shown with the three strongest reasons.",
            }
        ),
        Case(  # the citation each draft carries is the explanation
            {
                "constraints.explainability_required": True,
                "product.output": "A draft answer that cites the section of the tender documents it relies on.",
            }
        ),
        Case(  # the plan's FAQ says the reasons are shown beside each score
            {
                "constraints.explainability_required": True,
                "press_release.faq": [
                    {
                        "question": "Why this one?",
                        "answer": "The top three reasons are shown next to the score.",
                    }
                ],
            }
        ),
    ),
)
def explanations_required(plan: Plan) -> Evidence:
    """Each prediction must be explained.

    Explanations limit the model families that qualify and need their own design, testing and
    agreement with whoever reads them.

    Mitigation: Agree early with the audience what an acceptable explanation is, and prefer models
    that give it natively (linear models, shallow trees, monotonic boosting).
    """
    found = answer_is(plan, "constraints.explainability_required", True)
    if not found:
        return None
    if explanation_planned(plan):
        return None  # the reasons (or the cited source) are already part of what each output shows
    return found


# Words saying each output is shown with its reasons, or cites the source it rests on: the explanation is
# already part of the output's design.
_REASONS_SHOWN = Lexicon("""
    with reasons, with the reasons, with its reasons, with their reasons, reasons beside, reasons next to
    reasons are shown, reasons shown, the reasons each, three reasons, top three reasons, top reasons
    strongest reasons, main reasons, reason codes, with reason codes
    cites the section, cites the clause, cites the passage, cites the source, cites its source, cites the page
    cites the paragraph, cite the section, cite the clause, cite the source, with its citation, with citations
""")


def explanation_planned(plan: Plan) -> bool:
    """Whether the plan says each output is shown with its reasons, a cited source, or an explanation
    (in the output, the decision, the solution or the FAQ): then the explanation is designed, not owed."""
    paths = (
        "product.output",
        "product.decision",
        "press_release.solution",
        *faq_paths(plan),
    )
    return any(
        first_said(plan, paths, lexicon) is not None
        for lexicon in (_REASONS_SHOWN, GIVES_REASONS, _SHOWN_IS_THE_EXPLANATION)
    )


# Words saying what the output shows (the cited clause, the matched rule) is itself the explanation the
# audience asked for, or that explanations are already shown with each output.
_SHOWN_IS_THE_EXPLANATION = Lexicon("""
    is the explanation, are the explanation, is its explanation, are its explanation, as the explanation
    serves as the explanation, serve as the explanation, is explanation enough, is the reason given
    explanation is shown, explanations are shown, explanation is displayed, explanations are displayed
    shown as the explanation, shows the explanation, show the explanation
""")


@rule(
    "explanations-vs-black-box",
    Category.ethics,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {"constraints.explainability_required": True, "constraints.latency.model_size": "large"},
            evidence=("constraints.explainability_required: true", 'constraints.latency.model_size: "large"'),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # a person checks the passages it cites: medium, a question
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.mode": "augment",
                "product.output": "A ranked list of contract passages with their sources.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "huge"',
                'product.mode: "augment"',
                'product.output: "A ranked list of contract passages with their sources." (a person checks '
                "what it shows: ranked list, passages, sources; is that explanation enough?)",
            ),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # the cited clause is the explanation the auditors asked for: low, a note
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.output": "The answer and the cited policy clause, which is the explanation.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "huge"',
                'product.output: "The answer and the cited policy clause, which is the explanation." (what '
                "it shows is the explanation: is the explanation)",
            ),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # a large model reads values off delivery notes; rules flag the shortfalls: low, a note
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "large",
                "product.task": "extraction",
                "product.output": "Item, quantity and batch from each delivery note; rules flag short deliveries.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "large"',
                'product.task: "extraction" (it reads values from documents: each can be shown beside where it '
                "was read, and what is decided from them follows readable rules; are the source and the rule "
                "explanation enough?)",
            ),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # a language model that writes a reason with each redaction: medium, a question
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.task": "generation",
                "product.output": "Each passage to redact, with a reason for each.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "huge"',
                'product.output: "Each passage to redact, with a reason for each." (it writes a reason with '
                "each output: with a reason; is each reason faithful?)",
            ),
            also=frozenset(["explanations-required"]),
        ),
    ),
    quiet=(
        Case(  # a large model drafts a reply the agent reads, edits and sends: the text is what they judge
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.task": "generation",
                "product.mode": "augment",
                "product.output": "A draft reply to the customer's letter, which the agent edits and sends.",
            }
        ),
    ),
)
def explanations_vs_black_box(plan: Plan) -> Evidence:
    """Explanations required from a black-box model.

    Predictions must be explained, yet the plan expects a large model or a hosted service whose
    reasoning the team cannot inspect. Not where the output is itself a text a person reads and judges
    before acting (a draft, a summary): what they judge is in front of them.

    Mitigation: Use an interpretable model for the decision, or show that the post-hoc explanation
    satisfies the people who need it before building on it.
    """
    if not answer_is(plan, "constraints.explainability_required", True):
        return None
    opaque = answer_is(plan, "constraints.latency.model_size", ModelSize.large, ModelSize.huge) or answer_is(
        plan, "constraints.compute.hosted_service", True
    )
    if not opaque:
        return None
    found = (quote(plan, "constraints.explainability_required"), *opaque)
    shown = first_said(
        plan,
        (
            "product.output",
            "product.decision",
            *faq_paths(plan),
        ),
        _SHOWN_IS_THE_EXPLANATION,
    )
    if shown:  # the plan says what it shows (a citation, the matched rule) is the explanation: a note
        path, words = shown
        return Tempered(
            1, (*found, quote(plan, path, f"what it shows is the explanation: {', '.join(words)}"))
        )
    if plan.product.task is TaskType.extraction:
        # No hidden score decides: each value read can be shown beside the place it was read from, and what is
        # decided from the values (a flag, a check) follows rules a person can read: a note, not a black box.
        note = (
            "it reads values from documents: each can be shown beside where it was read, and what is decided "
            "from them follows readable rules; are the source and the rule explanation enough?"
        )
        return Tempered(1, (*found, quote(plan, "product.task", note)))
    reasoned = GIVES_REASONS.find_all(plan.product.output)
    if reasoned and plan.product.task is TaskType.generation:
        # A generated reason with each output is an explanation, if it is faithful to what the model did.
        note = f"it writes a reason with each output: {', '.join(reasoned)}; is each reason faithful?"
        return Tempered(2, (*found, quote(plan, "product.output", note)))
    if plan.product.task is TaskType.generation and plan.product.mode in (Mode.augment, Mode.improve):
        return None  # the output is a text the person reads and judges before acting: no hidden score decides
    checked = CHECKED_OUTPUT.find_all(plan.product.output)
    if plan.product.mode is Mode.augment and checked:
        # A person reads the list or the evidence and decides: what it shows is the explanation.
        note = f"a person checks what it shows: {', '.join(checked)}; is that explanation enough?"
        return Tempered(2, (*found, quote(plan, "product.mode"), quote(plan, "product.output", note)))
    return found
