"""Rules on text an earlier stage makes from recordings, scans or another language (speech to text, OCR,
machine translation) before the model reads it: that stage's error is a ceiling of the whole."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import SERIOUS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, DataKind, Mode, Plan, TaskType
from planner.plan.workings import Audience, EvalDrawn, EvalInputs, EvalTruth

PATH = "product.transcription_error"
# A word error rate from this share up garbles a name or a figure in most paragraphs: worth saying.
GARBLED = 0.1
# Outputs read by people outside the organisation, or that act before anyone reads them.
_PUBLIC = frozenset({Audience.outsiders, Audience.both})


def _public_or_serious(plan: Plan) -> tuple[str, ...]:
    """The answers saying a wrong name or figure goes out: read by outsiders, sent unchecked, or serious."""
    product = plan.product
    found: list[str] = []
    if product.audience in _PUBLIC:
        found.append(quote(plan, "product.audience", "people outside read the output"))
    if Circumstance.commits_alone in product.circumstances:
        found.append(quote(plan, "product.circumstances", "it sends on its own, unchecked"))
    elif product.mode is Mode.automate:
        found.append(quote(plan, "product.mode", "nobody reads each output before it counts"))
    if plan.impact.error_severity in SERIOUS:
        found.append(quote(plan, "impact.error_severity"))
    return tuple(found)


def measured_whole(plan: Plan) -> bool:
    """Whether the done test scores the whole on real production inputs, drawn as they come (all of a
    period, or at random) and checked by people: the conversion's errors are inside its figure."""
    done = plan.done
    return (
        done.eval_inputs is EvalInputs.real_cases
        and done.eval_drawn in (EvalDrawn.period, EvalDrawn.random)
        and done.eval_truth is EvalTruth.checked
    )


def _only(plan: Plan, kind: DataKind, other: DataKind) -> bool:
    return kind in plan.product.data_kinds and other not in plan.product.data_kinds


# The whole already scored on real production inputs: the conversion's share of the error is worth a line.
_APART = Instead(
    lambda plan: plan.product.transcription_error == "not measured" and measured_whole(plan),
    Move(
        "Report the converted inputs apart in the end-to-end test",
        "The test scores the whole on real production inputs, so the conversion's errors are in its figure; "
        "report the scanned, photographed or recorded ones apart, to see whether a better capture would gain",
    ),
    "Report the end-to-end score on the converted inputs (scans, photos, recordings) apart from the rest.",
)
# The stage the plan has, named: OCR where it reads scans or photos, speech to text where it hears audio.
_OCR = Instead(
    lambda plan: _only(plan, DataKind.images, DataKind.audio),
    Move(
        "Measure the OCR on real production scans before tuning the prompt",
        "Take 20 real scans or photos as production makes them, key their text by hand, and count what the "
        "OCR gets wrong, apart for names, figures, units and codes; that error is the ceiling of the whole, "
        "and a better scan or the digital original usually gains more than any prompt",
        "warning",
        first=True,
    ),
    "Measure the OCR on its own on real production scans (errors on names, figures, units and codes); "
    "scan better or take the digital original before tuning prompts, and score the whole on the same scans.",
)
_SPEECH = Instead(
    lambda plan: _only(plan, DataKind.audio, DataKind.images),
    Move(
        "Measure the speech to text on real production recordings before tuning the prompt",
        "Take 20 real recordings as production makes them, transcribe them by hand, and count the words "
        "the speech to text gets wrong, apart for names, figures and trade terms, and who said what; that "
        "error is the ceiling of the whole, and better audio (a microphone on the table, one per speaker) "
        "usually gains more than any prompt",
        "warning",
        first=True,
    ),
    "Measure the speech to text on its own on real production recordings (word error rate on names, "
    "figures and jargon, and who said what); record better audio before tuning prompts, and score the "
    "whole on the same recordings.",
)


@rule(
    "transcription-error-unmeasured",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure the conversion on real production inputs before tuning the prompt",
        "Take 20 real inputs as production makes them, write out their text by hand, and count what the "
        "conversion (OCR, speech to text, translation) gets wrong, apart for names, figures and trade terms; "
        "that error is the ceiling of the whole, and a better capture or the original text usually gains "
        "more than any prompt",
        "warning",
        first=True,
    ),
    instead=(_APART, _OCR, _SPEECH),
    fires=(
        Case(  # voice notes transcribed, letters sent on their own: a wrong figure goes out as fact
            {
                PATH: "not measured",
                "product.task": "generation",
                "product.data_kinds": ["audio", "text"],
                "product.circumstances": ["commits_alone"],
                "done.eval_inputs": "hand_picked",  # the whole never scored on recordings as they come
            },
            evidence=(
                'product.transcription_error: "not measured" (the model writes fluent text on whatever the '
                "conversion heard: nobody knows how often a name or a figure is wrong)",
                'product.circumstances: ["commits_alone"] (it sends on its own, unchecked)',
            ),
            also=frozenset({"commits-unchecked", "generated-facts-unchecked"}),
        ),
        Case(  # scans read for a staff team, a person checking each: a ceiling worth measuring, medium
            {
                PATH: "not measured",
                "product.task": "extraction",
                "product.data_kinds": ["images", "text"],
                "done.eval_drawn": "picked",  # the test holds the clean ones already typed
            },
            evidence=(
                'product.transcription_error: "not measured" (the model writes fluent text on whatever the '
                "conversion heard: nobody knows how often a name or a figure is wrong)",
            ),
        ),
        Case(  # photographed delivery notes read for the warehouse, the whole scored on real ones: a low note
            {
                PATH: "not measured",
                "product.task": "extraction",
                "product.data_kinds": ["images", "text"],
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.transcription_error: "not measured" (the model writes fluent text on whatever the '
                "conversion heard: nobody knows how often a name or a figure is wrong)",
                'done.eval_inputs: "real_cases" (the done test scores the whole on real production inputs '
                "drawn as they come, checked by people)",
            ),
        ),
        Case(  # measured, and high: one word in five wrong
            {PATH: 0.2, "product.task": "generation", "product.data_kinds": ["audio"]},
            evidence=(
                "product.transcription_error: 0.2 (20% of words wrong before the model reads them; "
                "names and figures are usually worse than the average)",
            ),
        ),
    ),
    quiet=(
        Case({PATH: "none", "product.task": "generation", "product.data_kinds": ["audio", "text"]}),
        Case({PATH: 0.04, "product.task": "generation", "product.data_kinds": ["audio", "text"]}),
        Case({PATH: None, "product.task": "generation", "product.data_kinds": ["audio", "text"]}),
    ),
)
def transcription_error_unmeasured(plan: Plan) -> Evidence:
    """The text the model reads comes from a conversion nobody has measured on real recordings or scans.

    Speech to text of a meeting or a voice note, OCR of scans or handwriting and machine translation
    get names, figures and trade terms wrong most often, in a hall with no microphone, with cross-talk
    or engine noise; one phone rarely tells who said what. The model then writes fluent text on a wrong
    transcript, and whoever reads it sees a clean draft, not the mistake: the conversion's error is a
    ceiling of the whole, and prompts cannot raise it.

    Mitigation: Measure the conversion on its own on real production inputs (errors on names, figures
    and jargon, and speaker attribution where the output says who said what); capture better (clearer
    audio, a better scan, the original text) before tuning prompts, and score the whole on the same inputs.
    """
    error = plan.product.transcription_error
    if error == "not measured":
        found = (
            quote(
                plan,
                PATH,
                "the model writes fluent text on whatever the conversion heard: nobody knows how often a "
                "name or a figure is wrong",
            ),
        )
        if measured_whole(plan):  # the end-to-end test on real inputs already counts what it gets wrong
            note = "the done test scores the whole on real production inputs drawn as they come, checked by people"
            return Tempered(1, (*found, quote(plan, "done.eval_inputs", note)))
        public = _public_or_serious(plan)
        return (*found, *public) if public else Tempered(3, found)
    if not isinstance(error, float | int) or error < GARBLED:
        return None
    note = (
        f"{fmt.share(error)} of words wrong before the model reads them; names and figures are usually worse"
    )
    return Tempered(3, (quote(plan, PATH, f"{note} than the average"),))


# Words saying the model's text was made from a recording, a scan or another language by an earlier stage.
CONVERTED = Lexicon("""
    transcribed, transcription, transcriptions, speech-to-text, speech to text, voice note, voice notes
    voice memo, voice memos, dictated, dictation, phone recording, phone recordings, audio recording
    audio recordings, meeting recording, meeting recordings, ocr, ocr text, ocr'd, handwritten, hand-written
    handwriting, machine translation, machine-translated, machine translated
""")


@rule(
    "transcription-unanswered",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Say whether a conversion stage writes the model's text, and measure its errors on real inputs",
        "Speech to text, OCR or machine translation before the model get names, figures and trade terms "
        "wrong most often; transcribe 20 real recordings or scans by hand and count those errors first",
        "warning",
    ),
    ask="is the text the model reads made by speech to text, OCR or translation, and how often is it wrong?",
    fires=(
        Case(
            {
                PATH: None,
                "product.task": "generation",
                "product.inputs": "The engineer's voice note, transcribed by a speech-to-text service.",
            },
            evidence=(
                'product.inputs: "The engineer\'s voice note, transcribed by a speech-to-text service." '
                "(voice note, transcribed, speech-to-text: the model reads what the conversion heard)",
                "product.transcription_error: not answered (how often does it get a name or a figure wrong?)",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # answered: transcription-error-unmeasured reasons from it
            {
                PATH: 0.03,
                "product.task": "generation",
                "product.inputs": "The engineer's voice note, transcribed by a speech-to-text service.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # typed chat text: no conversion before the model
            {PATH: None, "product.task": "generation", "product.inputs": "The customer's chat transcript."},
        ),
        Case(  # a classifier of the audio itself, no text written from it
            {
                PATH: None,
                "product.task": "classification",
                "product.inputs": "The phone recording of each call.",
            },
        ),
    ),
)
def transcription_unanswered(plan: Plan) -> Evidence:
    """The model's text seems to come from speech to text, OCR or translation, and nobody said its error.

    A draft or an extraction read from a transcript inherits every name, figure and trade term the
    conversion got wrong, and states it fluently; unmeasured, that error hides behind the model's.

    Mitigation: Answer whether a conversion stage writes the model's text; if so, measure its word error
    rate on real production recordings or scans, on names, figures and jargon, before tuning prompts.
    """
    product = plan.product
    if product.transcription_error is not None or product.task not in (
        TaskType.generation,
        TaskType.extraction,
    ):
        return None
    words = CONVERTED.find_all(product.inputs)
    if not words:
        return None
    note = f"{', '.join(words)}: the model reads what the conversion heard"
    return Hint(
        words,
        (
            quote(plan, "product.inputs", note),
            f"{PATH}: not answered (how often does it get a name or a figure wrong?)",
        ),
    )
