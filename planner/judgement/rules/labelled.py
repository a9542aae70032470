"""Rules on what a label's own words say it is: a record of what people did or decided rather than what
happened, or a reconstruction from other records; each asked as a question naming the words, whatever
the team answered about proxies and limits (a lead does not take a label's meaning on the team's word)."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, ticked
from planner.judgement.rules.provenance import _learns_old_decisions, people_are_the_target
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.model import Category, Circumstance, EvalTruth, LabelSource, OutcomeLimit, Plan, TaskType

# A label that names what people did or decided to a case: the old decision, not what then happened.
ACTED = Lexicon("""
    close code, close codes, closure code, closure codes, closing code, closing codes, resolution code
    resolution codes, disposition, dispositions, disposition code, disposition codes, case status
    enrolled, enrollment, enrolment, referred, treated, served, approved, escalated, selected for
    what was done, what was served, action taken, actions taken, outcome code, outcome codes
    close reason, close reasons, closure reason, closure reasons, closed as, closing the case
""")

# Words of the label that say it was checked against what really happened.
CHECKED_AGAINST = Lexicon("""
    confirmed by, verified, audited, checked against, validated against, adjudicated, blind
    per the bank statement, followed up, follow-up, what happened, outcome behind
""")

_SAYS_OUTCOMES = (
    EvalTruth.checked,
    EvalTruth.outcomes,
    EvalTruth.chosen_outcomes,
    EvalTruth.observed,
    EvalTruth.measured,
)
_AMOUNTS = (TaskType.forecasting, TaskType.regression)


@rule(
    "label-records-what-was-done",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Check the recorded actions against what really happened, on a sample",
        "A label that records what people did (a close code, a status, who was enrolled or referred) "
        "records the old decision, not the outcome: check a random sample against what really happened, "
        "or label from the outcome behind the decision",
        "warning",
    ),
    ask="does the label record what people did or decided, rather than what really happened?",
    fires=(
        Case(  # the team says no proxy, yet the label is a close code
            {
                "product.label_is_proxy": False,
                "product.label": "The close code the agent set on each ticket.",
                "product.mode": "automate",
                "done.eval_truth": None,
            },
            evidence=(
                'product.label: "The close code the agent set on each ticket." (a record of what people did '
                "or decided: close code; the old decision, not the outcome)",
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # who was enrolled stands for who should have been
            {
                "product.label_is_proxy": None,
                "product.label": "Whether the patient was enrolled in the programme.",
                "product.pain": "Nurses miss patients who would benefit.",
                "done.eval_truth": None,
            },
        ),
    ),
    quiet=(
        Case(  # the team ticks it: label-from-old-process says it
            {
                "product.circumstances": ["labels_are_decisions"],
                "product.mode": "automate",
                "done.eval_truth": None,
                "product.label": "The close code the agent set on each ticket.",
            }
        ),
        Case(  # judged on checked outcomes
            {
                "done.eval_truth": "outcomes",
                "product.mode": "automate",
                "product.label": "The close code the agent set on each ticket.",
            }
        ),
        Case(  # what happened, not what was done
            {"product.label": "Invoice paid twice, per the bank statement."}
        ),
        Case(  # an amount to forecast, not a verdict on a case
            {
                "product.task": "forecasting",
                "product.mode": "automate",
                "done.eval_truth": None,
                "product.label": "Meals served per day at each canteen.",
            }
        ),
    ),
)
def label_records_what_was_done(plan: Plan) -> Evidence:
    """The label records what people did, not what happened.

    A close code, a status, a disposition, who was enrolled, referred, treated or approved: each records
    the decision today's process took, with its habits, workloads and misses, not the outcome it acted
    on. A model trained on it learns who was selected, not who should have been, and a test of the
    same records cannot show otherwise, whatever the team answered about proxies.

    Mitigation: Check a random sample of the recorded actions against what really happened (a follow-up,
    an expert review blind to the decision); label from the outcome behind the decision where it is
    recorded, and report agreement with the old decisions only beside it.
    """
    product = plan.product
    if ticked(plan, Circumstance.labels_are_decisions) is not None:
        return None  # the team says so: label-from-old-process raises it
    if plan.done.eval_truth in _SAYS_OUTCOMES:
        return None  # judged against checked answers or outcomes, apart from the decisions
    if product.label_is_proxy is True or LabelSource.proxy in plan.constraints.data.labels:
        return None  # proxy-label raises it
    if set(plan.constraints.data.labels) == {LabelSource.none} or product.task in _AMOUNTS:
        return None  # nothing labelled; or an amount (portions served, visitors served), not a case's verdict
    words = ACTED.find_all(product.label)
    if not words or CHECKED_AGAINST.find(product.label) or people_are_the_target(plan):
        return None
    if _learns_old_decisions(plan) is not None:
        return None  # label-from-old-process asks it
    said = f"a record of what people did or decided: {', '.join(words)}; the old decision, not the outcome"
    denied = (
        (quote(plan, "product.label_is_proxy", "the team says the label is the goal itself: is it?"),)
        if product.label_is_proxy is False
        else ()
    )
    return Hint(words, (quote(plan, "product.label", said), *denied))


# A label built from other records rather than observed: a reconstruction can be wrong, and cut off.
RECONSTRUCTED = Lexicon("""
    reconstructed, reconstructed from, inferred from, derived from, estimated from, imputed, imputed from
    gaps between readings, gap between readings, gaps between visits, intermittent, no reading for
    last reading, last seen, threshold on, above a threshold, below a threshold
""")

# Words that say how often the reconstruction is wrong was measured.
RECONSTRUCTION_CHECKED = Lexicon("""
    validated against, checked against, compared against, compared with, audited against, confirmed by
    agrees with, agreement with
""")


@rule(
    "label-reconstructed",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure how often the reconstructed label is wrong, and where it is cut off",
        "A label rebuilt from other records (gaps between readings, intermittent events, a threshold on a "
        "measurement) is a guess at the outcome: compare it with directly observed outcomes on a sample, "
        "and say which cases it cannot see (the end of the data, a gap too short to count)",
        "warning",
    ),
    ask="how often is the reconstructed label wrong, and is it cut off at the data's edges?",
    fires=(
        Case(
            {
                "constraints.data.outcome_limits": ["none"],
                "product.label": "Failure, reconstructed from gaps between readings.",
            },
            evidence=(
                'product.label: "Failure, reconstructed from gaps between readings." '
                "(built from other records: reconstructed from, gaps between readings; how often is it "
                "wrong, and is it cut off?)",
                'constraints.data.outcome_limits: ["none"] (answered as the whole outcome, yet the label is '
                "a reconstruction)",
            ),
        ),
    ),
    quiet=(
        Case(  # the limit ticked: the record rules ask about it
            {
                "constraints.data.outcome_limits": ["capped"],
                "product.label": "Failure, reconstructed from gaps between readings.",
            }
        ),
        Case(  # the reconstruction checked against observed outcomes
            {
                "constraints.data.outcome_limits": ["none"],
                "product.label": "Failure, reconstructed from gaps between readings, validated against "
                "engineers' repair logs.",
            }
        ),
        Case({"constraints.data.outcome_limits": ["none"], "product.label": "Invoice paid twice."}),
    ),
)
def label_reconstructed(plan: Plan) -> Evidence:
    """The label is reconstructed from other records.

    A label inferred from gaps between readings, intermittent events or a threshold on a measurement is
    the team's guess at the outcome: it misfires where readings are sparse, and cases near the end of the
    data (or with too few readings) cannot be labelled at all, so they are cut off or counted as 'no'.
    Answering that the record is the whole outcome does not make the reconstruction right.

    Mitigation: Compare the reconstructed label with directly observed outcomes on a sample and report
    how often it is wrong; treat cases the rule cannot judge (the data's end, short histories) as cut
    off, not as negatives.
    """
    limits = plan.constraints.data.outcome_limits
    if limits != [OutcomeLimit.none]:
        return None  # unanswered, or a limit ticked that the record rules weigh
    label = plan.product.label
    words = RECONSTRUCTED.find_all(label)
    if not words or RECONSTRUCTION_CHECKED.find(label):
        return None
    said = f"built from other records: {', '.join(words)}; how often is it wrong, and is it cut off?"
    note = "answered as the whole outcome, yet the label is a reconstruction"
    return Hint(
        words, (quote(plan, "product.label", said), quote(plan, "constraints.data.outcome_limits", note))
    )


# A language model judging each criterion of an item (a trial's eligibility rules, a contract's clauses).
LANGUAGE_MODEL = Lexicon("""
    llm, llms, large language model, large language models, language model, language models, gpt, gpt-4
    gpt-4o, chatgpt, claude, gemini, prompted model
""")

# Many criteria per item: `each trial has 20-40 criteria`, `every contract against 35 clauses`.
_MANY = re.compile(
    r"\b(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\s+(?:[a-z]+\s+)?"
    r"(criteria|checks|conditions|requirements|clauses|rules|questions)\b",
    re.IGNORECASE,
)
_EACH = re.compile(r"\b(?:each|every|per|an average of|on average)\b", re.IGNORECASE)
# A stated per-criterion accuracy: `95% per criterion`, `per-criterion accuracy of 95%`.
_PER_CRITERION = re.compile(
    r"(\d+(?:\.\d+)?)\s*%[^.;]{0,40}?\b(?:per|on each|for each|each)\s+(?:criterion|check|condition|clause|rule)\b"
    r"|\bper[- ]criterion\s+(?:accuracy|agreement)\s+(?:of|is|at|about|around)?\s*(\d+(?:\.\d+)?)\s*%",
    re.IGNORECASE,
)
# Items that cannot be tested counted as passing: a silent default.
_UNTESTED_PASS = re.compile(
    r"\b(?:(?:cannot|can't|could not|can not|unable to)\s+be\s+(?:tested|checked|evaluated|assessed|verified|"
    r"judged|determined|parsed)|untestable|not testable)\b[^.;]{0,60}?\b(?:count|counts|counted|treat|treated|"
    r"default|defaults|mark|marked|taken|are|is)\s+(?:as\s+)?(?:a\s+)?(?:pass|passes|passing|passed|met|"
    r"satisfied|eligible|compliant)\b",
    re.IGNORECASE,
)
# Words that say the whole item's answer is checked, not only each criterion.
ITEM_CHECKED = Lexicon("""
    item-level accuracy, per-item accuracy, whole-item accuracy, end-to-end accuracy, every criterion checked
    all criteria checked, each item checked in full
""")
_TEXTS = (
    "product.goal",
    "product.pain",
    "product.decision",
    "product.current_solution",
    "product.current_performance",
    "product.inputs",
    "product.output",
    "product.label",
    "done.eval_set",
    "done.when_met",
)


def _criteria(plan: Plan) -> tuple[str, int, int, str] | None:
    """The answer that says each item passes through many criteria: path, fewest, most, words."""
    for path in _TEXTS:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for sentence in SENTENCE.split(text):
            if not _EACH.search(sentence):
                continue
            for match in _MANY.finditer(sentence):
                low = int(match.group(1))
                high = int(match.group(2) or low)
                if low >= MANY_CRITERIA:
                    return path, low, high, match.group(0)
    return None


def _said(plan: Plan, pattern: re.Pattern[str]) -> tuple[str, re.Match[str]] | None:
    for path in _TEXTS:
        text = answer_at(plan, path)
        if isinstance(text, str) and (match := pattern.search(text)):
            return path, match
    return None


# Criteria per item from which a small per-criterion error compounds into most items being wrong.
MANY_CRITERIA = 5
# The per-criterion accuracy used to show the arithmetic when the plan states none.
ASSUMED = 0.95


@rule(
    "criteria-errors-compound",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Measure accuracy per item, not per criterion, and route untestable criteria to people",
        "A model judging many criteria per item is right on the whole item only if it is right on each: "
        "at 95% per criterion, 20 criteria leave 64% of items with at least one error; score whole items "
        "on a checked sample, and send criteria that cannot be tested to a person instead of passing them",
        "warning",
    ),
    ask="how accurate is each criterion's conversion, and how many items come out wholly right?",
    fires=(
        Case(
            {
                "product.inputs": "Each trial has 20-40 criteria, converted to rules by an LLM.",
                "product.label": "Patients eligible for the trial.",
            },
            evidence=(
                'product.inputs: "Each trial has 20-40 criteria, converted to rules by an LLM." '
                "(20-40 criteria per item, each judged by a model: at an assumed 95% per "
                "criterion, 1-(0.95)^20 = 64% to 1-(0.95)^40 = 87% of items hold at least one error; what "
                "is the per-criterion accuracy?)",
            ),
        ),
        Case(  # the default: untestable criteria count as passing
            {
                "product.decision": "Criteria that cannot be tested are counted as passing, and the patient "
                "is listed.",
            },
        ),
    ),
    quiet=(
        Case(  # few criteria
            {"product.inputs": "Each claim has 3 criteria, checked by an LLM."}
        ),
        Case(  # no model judges the criteria
            {"product.inputs": "Each trial has 20-40 eligibility criteria, coded by two research nurses."}
        ),
        Case(  # whole items scored
            {
                "product.inputs": "Each trial has 20-40 eligibility criteria, converted to rules by an LLM.",
                "done.eval_set": "300 patient-trial pairs, item-level accuracy judged by two nurses.",
            }
        ),
    ),
)
def criteria_errors_compound(plan: Plan) -> Evidence:
    """Errors per criterion compound over the many criteria of each item.

    A language model converting free text into rules, or judging an item against a list, is right on
    the whole item only when it is right on every criterion: at a per-criterion accuracy a, an item with
    n criteria is wholly right with probability a^n, so 95% per criterion leaves 64% of 20-criterion
    items with an error. A per-criterion score hides it; so does a default that counts criteria that
    cannot be tested as passing, which turns every conversion failure into a silent 'yes'.

    Mitigation: Measure accuracy on whole items on a checked sample (and per criterion, to find the weak
    ones); send criteria that cannot be tested to a person, or count them as unknown, never as passing.
    """
    found: list[str] = []
    words: list[str] = []
    many = _criteria(plan)
    model = next((w for p in _TEXTS if (w := LANGUAGE_MODEL.find(answer_at(plan, p)))), None)
    checked = any(ITEM_CHECKED.find(answer_at(plan, p)) for p in _TEXTS)
    if many and model and not checked:
        path, low, high, said = many
        stated = _said(plan, _PER_CRITERION)
        rate = float(next(g for g in stated[1].groups() if g)) / 100 if stated else ASSUMED
        span = f"{low}" if low == high else f"{low}-{high}"
        kind = "stated" if stated else "assumed"
        wrong = f"1-({rate:g})^{low} = {1 - rate**low:.0%}"
        if high != low:
            wrong += f" to 1-({rate:g})^{high} = {1 - rate**high:.0%}"
        note = (
            f"{span} {said.split()[-1]} per item, each judged by a model: at {'a' if stated else 'an'} {kind} "
            f"{rate:.0%} per criterion, {wrong} of items hold at least one error"
        )
        note += "" if stated else "; what is the per-criterion accuracy?"
        found.append(quote(plan, path, note))
        words += [said, model]
    default = _said(plan, _UNTESTED_PASS)
    if default:
        path, match = default
        note = f"a silent default: {match.group(0)}; every failed conversion becomes a pass"
        found.append(quote(plan, path, note))
        words.append(match.group(0))
    return Hint(words, found) if found else None
