"""What free text says against a structured answer: a person's choice in the label, inputs of afterwards,
data from another channel or source; each a question naming the words it saw (a Hint)."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.everyoutcome import outcome_for_every_case
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import (
    AFTER_THE_FACT,
    AFTERWARDS,
    AS_KNOWN,
    AS_OF_TODAY,
    AT_RANDOM,
    AT_START,
    BEFORE_AFTER,
    CATCHES,
    CHANNELS,
    CONCURRENT_CONTROL,
    DENIED_AHEAD,
    DENIED_IN_CLAUSE,
    EARLIER,
    EARLY_WINDOW,
    FOUND_ON_LOOKING,
    LIVE_TOO,
    NARROW_ORIGIN,
    NOT_LIVE,
    OF_OUTCOMES,
    ONLY_CHOSEN,
    RETRAINING_CLAUSE,
    SELECTED,
    SURVIVORS_ONLY,
    SWINGS,
    WIDE_SCOPE,
    WITHHOLDS,
)
from planner.judgement.rules.words import Lexicon, not_denied, phrases
from planner.plan.model import DataKind, OnlineValidation, Plan, TaskType

# Words that name who judged a case (every case may have been judged), not who chose which ones.
_WHO_JUDGED = frozenset({"confirmed by", "reported by", "reviewed by", "inspected by", "examined by"})

# Words of an outcome logged for an action someone chose to take (an offer made, a visit done, a call
# placed): the cases nobody acted on have none, whatever the tick says.
_ACTED_ON = Lexicon(
    phrases(
        """offer, offers, visit, visits, home visit, home visits, call, calls, outreach call, outreach calls
        review, reviews, inspection, inspections, intervention, interventions, retention offer
        retention offers, discount, discounts, campaign, campaigns""",
        "made, placed, performed, done, carried out, conducted, given, sent, accepted, taken up",
    )
    + ", "
    + phrases(
        "after the, after an, after a, after their, after each",
        "outreach call, home visit, intervention",
    )
    + ", "
    + phrases(  # the response to an action someone chose to take: `the interpreter's response to an offer`
        "response to, responses to, reply to, replies to, outcome of, result of",
        """an offer, the offer, each offer, a visit, the visit, each visit, an inspection, the inspection
        each inspection, an outreach call, the outreach call, a reminder, the reminder""",
    )
    + ", "
    + phrases(  # the cases someone acted on, and the others left with none: `attended reports`, `not visited`
        "attended, visited, inspected, contacted, offered",
        "reports, cases, sites, premises, properties, households, accounts, customers, claims, applicants",
    )
    + ", "
    + phrases("not, never", "attended, visited, inspected, contacted, offered")
    + """, accepted the offer, accepted an offer, took up the offer, took up an offer, who were offered
    who received an offer, who got an offer, households visited, customers called, customers contacted
    offer log, offer logs, visit log, visit logs, outreach log, outreach logs, inspection log, inspection logs"""
)


def selection_in_the_label(plan: Plan) -> Evidence:
    """`Every case has an outcome` (or no answer), while the label names a person's choice of cases
    (investigated, referred, confirmed by), the outcome of an action someone chose to take (`offers
    made`, `after the outreach call`), or says the others are assumed negative (`all other welds are
    assumed sound`, `only for claims the team reviewed`): a question naming those words. The label
    and the sources say which cases have an outcome; a note on the data does only where it speaks of
    labels or outcomes; today's process does where the label is what someone found when they looked. A
    forecast's label is a count for each period, never a case someone chose: its words choose nothing."""
    if (kept_out(plan) or 0) > 0:
        return None
    if plan.product.task is TaskType.forecasting:
        return None  # a forecast's label is a count for every period (`trays audited per day`): none chosen
    paths = ["product.label", "constraints.data.differences_note"]
    paths += source_paths(plan)
    unanswered = plan.constraints.data.outcome_recorded_for is None
    # Every case gets its outcome, the answers say: a word of treating or checking names what is done to
    # each case, not a choice of some; only words that the others get a default still speak against it.
    every = outcome_for_every_case(plan) is not None
    if FOUND_ON_LOOKING.find(plan.product.label):
        paths.append("product.current_solution")
    for path in paths:
        text = answer_at(plan, path)
        words = ONLY_CHOSEN.find_all(text)
        if not every:
            words = (*words, *SELECTED.find_all(text), *_ACTED_ON.find_all(text))
        if path.endswith("differences_note") and not OF_OUTCOMES.find(text):
            continue
        if unanswered and not set(words) - _WHO_JUDGED:
            continue  # who judged each case, not who chose the cases: asked only against `every case`
        if words and not AT_RANDOM.find(text):
            return Hint(
                words,
                (
                    quote(plan, path, f"a person chose these cases: {', '.join(words)}"),
                    _unchosen_outcomes_asked(plan),
                ),
            )
    return None


def _unchosen_outcomes_asked(plan: Plan) -> str:
    """The answer on which cases have an outcome, asked of the cases nobody chose."""
    ask = (
        "do the cases nobody chose have an outcome? acting on the predictions will decide which cases get "
        "one next: audit a random sample of the unchosen cases, and keep a random share"
    )
    if plan.constraints.data.outcome_recorded_for is None:
        return f"constraints.data.outcome_recorded_for: not answered ({ask})"
    return quote(plan, "constraints.data.outcome_recorded_for", ask)


def said_in_use(lexicon: Lexicon, text: str | None) -> tuple[str, ...]:
    """The words of `lexicon` in `text`, but those said in a clause that denies their use (`not the final
    count`, `the closure period is excluded`)."""
    found = lexicon.find_all(text)
    if not found or not text:
        return found
    # a clause on retraining the model (`retrained after each sale`) says when it is refit, not an input
    return not_denied(
        not_denied(found, text, DENIED_AHEAD, DENIED_IN_CLAUSE), text, RETRAINING_CLAUSE, RETRAINING_CLAUSE
    )


def afterwards_in_the_inputs(plan: Plan) -> Evidence:
    """`No differences`, while the inputs are described by what happens after the moment of prediction
    (final, at discharge, the morning after): a question naming those words."""
    # the inputs, not the sources: `closed claims 2021-2024` says which rows, not what the model reads
    for path in ("product.inputs", "constraints.data.differences_note"):
        text = answer_at(plan, path)
        words = said_in_use(AFTERWARDS, text)
        if words and not AS_KNOWN.find(text):
            note = f"words of afterwards: {', '.join(words)}; which of these are known at the moment of prediction?"
            return Hint(
                words,
                (
                    quote(plan, path, note),
                    quote(
                        plan,
                        "constraints.data.differences",
                        "no input is marked as recorded after the prediction",
                    ),
                ),
            )
    return None


def after_the_fact_in_the_inputs(plan: Plan) -> Evidence:
    """Inputs worded as what the case came to after the fact (`ended up`, `actual`, `after opening`),
    where the team has not said which inputs are known only after the prediction: a question quoting the
    words. A past case's outcome (`previous outcomes`) is history, known in time."""
    if plan.product.inputs_timed():
        return None  # the team said which inputs come afterwards: the rule reads that
    if plan.product.task in (TaskType.generation, TaskType.extraction):
        return None  # a text written or read from the case's own record: what it holds is the input
    text = plan.product.inputs
    words = not_denied(said_in_use(AFTER_THE_FACT, text), text or "", EARLIER, EARLIER)
    if not words or AS_KNOWN.find(text):
        return None
    items = [item.strip().rstrip(".") for item in _INPUT_ITEMS.split(text or "")]
    named = [repr(item) for item in items if AFTER_THE_FACT.find(item)] or list(words)
    note = (
        f"worded as recorded during or after the case: {', '.join(named)}; "
        "when is each recorded: before the moment of prediction, or at or after it?"
    )
    said = "not checked" if plan.product.inputs_unchecked() else "not answered"
    unanswered = f"product.inputs_known_after: {said} (when is each input recorded?)"
    return Hint(words, (quote(plan, "product.inputs", note), unanswered))


# The inputs as listed: one per comma, semicolon or line.
_INPUT_ITEMS = re.compile(r"[,;\n]+")


def today_in_the_data(plan: Plan) -> Evidence:
    """The inputs or the data read as they stand today (a record updated in place, the current export),
    or holding only the cases that remained (closed accounts deleted, active ones only): values as of
    the moment of prediction, and the cases removed after their outcome, are missing. A question; not of
    a task that links, groups or writes today's records (its test is no prediction of what comes later)."""
    if plan.product.task in (
        TaskType.matching,
        TaskType.clustering,
        TaskType.generation,
        TaskType.extraction,
    ):
        return None  # an extraction reads the document in hand: no later value to leak
    for path in ("product.inputs", "constraints.data.differences_note", *source_paths(plan)):
        text = answer_at(plan, path)
        if AS_KNOWN.find(text):
            continue
        current = said_in_use(AS_OF_TODAY, text)
        # which cases the data holds is said of the data, not of an input (`whether the card is still active`)
        gone = () if path == "product.inputs" else SURVIVORS_ONLY.find_all(text)
        if current or gone:
            notes = [f"read as it stands today: {', '.join(current)}"] if current else []
            notes += [f"only the cases that remained: {', '.join(gone)}"] if gone else []
            note = (
                "; ".join(notes) + "; rebuild each case as it was at the moment of prediction, with the "
                "cases removed since"
            )
            return Hint((*current, *gone), (quote(plan, path, note),))
    return None


# A span of days after the start (`day 3-7`, `days 2 to 5`), which the lexicon's `#` cannot read whole.
_DAY_SPAN = re.compile(r"\bdays?\s+\d+\s*(?:-|–|to)\s*\d+\b", re.IGNORECASE)


def early_days_in_the_inputs(plan: Plan) -> Evidence:
    """Inputs counted or scored over the first days of a case (`in the first week`, `on day 3-7`), for a
    model said to predict when the case starts (at admission, at booking): those days are still to come."""
    inputs = plan.product.inputs
    if not inputs or AS_KNOWN.find(inputs):
        return None
    early = [*said_in_use(EARLY_WINDOW, inputs), *(m.group(0).lower() for m in _DAY_SPAN.finditer(inputs))]
    if not early:
        return None
    for path in ("product.decision", "product.output", "product.goal"):
        start = AT_START.find(answer_at(plan, path))
        if start:
            return Hint(
                (*early, start),
                (
                    quote(
                        plan, "product.inputs", f"counted over the first days of the case: {', '.join(early)}"
                    ),
                    quote(plan, path, f"the model predicts {start}: have those days happened yet?"),
                ),
            )
    return None


# Where a plan says what its product metric moves with.
_SWINGS_IN = ("product.success_metric", "product.goal", "product.pain", "product.inputs", "impact.bottleneck")
_CONTROLLED = (OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.interleaving)


def _judged_texts(plan: Plan) -> list[tuple[str, str]]:
    """The answers that say how the launch is judged live: what happens when met, the metrics, the
    monitoring, the FAQ's answers."""
    texts = [(path, answer_at(plan, path)) for path in ("done.when_met", "product.success_metric")]
    texts += [(f"done.metrics[{i}].name", metric.name) for i, metric in enumerate(plan.done.metrics)]
    texts += [
        (f"after_launch.monitoring[{i}].signal", m.signal) for i, m in enumerate(plan.after_launch.monitoring)
    ]
    texts += [
        (f"press_release.faq[{i}].answer", entry.answer) for i, entry in enumerate(plan.press_release.faq)
    ]
    return [(path, text) for path, text in texts if isinstance(text, str)]


def before_after_live(plan: Plan) -> Evidence:
    """The launch judged on the same units before and after it (or against last year), with no concurrent
    control, for a product metric that swings by season or weather: a question naming the words."""
    if plan.done.online_validation in _CONTROLLED or _shadow_scored_against_today(plan):
        return None
    texts = _judged_texts(plan)
    if any(CONCURRENT_CONTROL.find(text) for _, text in texts):
        return None
    said = next(((path, words) for path, text in texts if (words := BEFORE_AFTER.find_all(text))), None)
    if said is None:
        return None
    swing = next(
        ((path, words) for path in _SWINGS_IN if (words := SWINGS.find_all(answer_at(plan, path)))), None
    )
    if swing is None and DataKind.time_series not in plan.product.data_kinds:
        return None
    path, words = said
    found = [
        quote(
            plan,
            path,
            f"judged against another period: {', '.join(words)}; no units run without the model over the same weeks",
        )
    ]
    if swing:
        found.append(quote(plan, swing[0], f"moves with {', '.join(swing[1])} whatever the model does"))
    else:
        found.append(
            quote(plan, "product.data_kinds", "a series that moves with time whatever the model does")
        )
    if plan.done.online_validation is not None:
        found.append(quote(plan, "done.online_validation", "no concurrent control is named"))
    return Hint((*words, *(swing[1] if swing else ())), found)


# A run beside today's practice whose output nobody acts on.
_SHADOW_RUN = Lexicon(
    "shadow run, shadow runs, shadow mode, shadow period, shadow trial, shadow test, in shadow"
)


def _shadow_scored_against_today(plan: Plan) -> bool:
    """Whether a done metric is scored on the shadow run against a named baseline (today's forecast or
    decision): the model and today's practice are compared over the same weeks, where nothing is held out."""
    if plan.done.online_validation is not OnlineValidation.shadow:
        return False
    return any(
        _SHADOW_RUN.find(metric.dataset) and (metric.baseline_name or metric.baseline_figure is not None)
        for metric in plan.done.metrics
    )


_PRODUCT_PATHS = (
    "product.users",
    "product.inputs",
    "product.decision",
    "product.output",
    "impact.bottleneck",
)


# Where the product's channel is said: who uses it and what it reads, not how people act on its output.
_MEETS_CHANNEL = ("product.users", "product.inputs")


def wider_scope(plan: Plan, source: str, paths: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """The first answer among `paths` that names a wider scope (a fleet, every site, nationwide) than the
    data source `source` names itself, and those words: (path, words)."""
    for path in paths:
        text = answer_at(plan, path)
        if isinstance(text, str):
            wide = [hit for hit in WIDE_SCOPE.find_all(text) if hit not in WIDE_SCOPE.find_all(source)]
            if wide:
                return path, wide
    return None


def _channels(text: str | None) -> dict[str, tuple[str, ...]]:
    """The channels `text` names (chat, voice, email...), with the words said."""
    return {kind: words for kind, lexicon in CHANNELS.items() if (words := lexicon.find_all(text))}


# What the product hands its users (the forecast, the list): a channel said in the same clause is how it
# reaches them (`who get the forecast by e-mail`), not a channel its cases come by.
_OUTPUT_HANDED = Lexicon("""
    the forecast, the forecasts, a forecast, the report, the reports, a report, the list, the lists, a list
    the alert, the alerts, an alert, the digest, a digest, the summary, a summary, the predictions, the scores
    the output, the ranking, the shortlist, the schedule, the rota
""")


def _channels_met(text: str | None) -> dict[str, tuple[str, ...]]:
    """The channels the product's cases come by, as `text` names them: a channel said in a clause that
    hands the users the product's output (`who get the forecast by e-mail`) is its delivery, and is left out."""
    if not text:
        return {}
    met = {
        kind: not_denied(words, text, _OUTPUT_HANDED, _OUTPUT_HANDED)
        for kind, words in _channels(text).items()
    }
    return {kind: words for kind, words in met.items() if words}


def live_too(plan: Plan) -> bool:
    """Whether the product itself works on simulated, synthetic or staged data: its own answers name it
    (inputs, decision, output, today's way), or the note on the data says it is the live input too."""
    paths = ("product.inputs", "product.decision", "product.output", "product.current_solution")
    if any(NOT_LIVE.find(answer_at(plan, path)) for path in paths):
        return True
    note = answer_at(plan, "constraints.data.differences_note")
    return bool(NOT_LIVE.find(note) and LIVE_TOO.find(note))


def unlike_in_the_text(plan: Plan) -> Evidence:
    """`No differences`, while the sources name a channel the product does not, data that is not live (a
    public benchmark, a lab, simulated), or one site where the product serves many: a question."""
    sources = plan.constraints.data.sources
    said = quote(plan, "constraints.data.differences", "is the data really like what the product will see?")
    product = {path: text for path in _PRODUCT_PATHS if isinstance(text := answer_at(plan, path), str)}
    # the channels of every source together: chats in one source and e-mails in another are both in hand
    every = {kind for source in sources for kind in _channels(source.name)}
    for index, source in enumerate(sources):
        path = f"constraints.data.sources[{index}].name"
        by = _channels(source.name)
        if by:
            for where, text in product.items():
                if where not in _MEETS_CHANNEL:
                    continue  # how staff act on the output (`we e-mail the owner`) is no channel of the data
                met = _channels_met(text)
                meets = {kind: words for kind, words in met.items() if kind not in every}
                if meets and not every & set(met):
                    heard = [word for words in (*by.values(), *meets.values()) for word in words]
                    return Hint(
                        heard,
                        (
                            quote(plan, path, f"the data comes by {', '.join(by)}"),
                            quote(
                                plan,
                                where,
                                f"the product meets {', '.join(w for ws in meets.values() for w in ws)}",
                            ),
                            said,
                        ),
                    )
        artificial = NOT_LIVE.find_all(source.name)
        if artificial and not live_too(plan):
            note = f"{', '.join(artificial)}: not the data the product will see live"
            return Hint(artificial, (quote(plan, path, note), said))
        narrow = NARROW_ORIGIN.find_all(source.name)
        scope = wider_scope(plan, source.name, _PRODUCT_PATHS) if narrow else None
        if scope:
            where, wide = scope
            return Hint(
                (*narrow, *wide),
                (
                    quote(plan, path, f"the data comes from {', '.join(narrow)}"),
                    quote(plan, where, f"the product meets {', '.join(wide)}"),
                    said,
                ),
            )
    label = answer_at(plan, "product.label")
    artificial = NOT_LIVE.find_all(label) if isinstance(label, str) else ()
    if artificial and not live_too(plan):  # the truth measured in a lab, for a product used in the field
        note = f"{', '.join(artificial)}: the label is measured there, not where the product is used"
        return Hint(artificial, (quote(plan, "product.label", note), said))
    return None


# Tasks whose output is text, a forecast, an amount or a grouping: it writes or foretells, and stops nobody.
_MAKES_RATHER_THAN_CATCHES = frozenset(
    {
        TaskType.generation,
        TaskType.forecasting,
        TaskType.regression,
        TaskType.clustering,
        TaskType.segmentation,
    }
)


def catches_someone(plan: Plan) -> bool:
    """Whether the model's output stops or catches someone (a case to block, hold, flag or investigate):
    only there is there something for the other side to learn to get past. A drafter of letters or a
    forecaster games nobody, unless its decision or output still says it holds or flags cases."""
    if plan.product.task not in _MAKES_RATHER_THAN_CATCHES:
        return True
    return any(
        WITHHOLDS.find(text) or CATCHES.find(text) for text in (plan.product.decision, plan.product.output)
    )
