"""Rules on a person who confirms or edits the model's proposal: they anchor on it.

A draft, a pre-filled value or a suggested code that a person checks is augmentation only while the
person still judges: under time pressure people accept what is proposed (automation bias), and the
model's errors pass as theirs. A lead asks how anyone will know: blind checks on a sample, or how often
people change the proposal, watched as a signal.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.crux import drafts_the_decision
from planner.judgement.rules.evidence import (
    answer_at,
    faq_paths,
    first_said,
    metric_name_paths,
    monitor_paths,
    own_notes,
    quote,
)
from planner.judgement.rules.generative import facts_counted
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.irreversible import lasting_output
from planner.judgement.rules.lexicon import CONFIRMS, OVERRIDES_WATCHED, PASSED_UNCHECKED, PROPOSAL
from planner.judgement.rules.reviewed import CATCH_MEASURED, review_sized_for_speed, review_timed
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, LabelWriter, Mode, Plan, TaskType
from planner.plan.workings import ActionShape

# A proposal among several the person chooses from (one of ten suggested documents): a search, not one
# answer to accept.
_ONE_OF_MANY = Lexicon("""
    one of the, one of, a list of, ranked list, top #, # suggestions, # suggested, ten suggested
    five suggested, three suggested, several suggested
""")

# A check made without the proposal, in a team's own words: people deciding a share of cases blind.
BLIND_REVIEW = Lexicon(
    """
    blind, blinded, blind review, blind reviews, blind check, blind checks, blind sample, blind samples
    reviewed blind, decided blind, judged blind, coded blind, labelled blind, labeled blind, done blind
    without the proposal, without the proposals, without seeing the proposal, without the suggestion
    without the suggestions, without seeing the suggestion, without the draft, without seeing the draft
    without the prediction, without seeing the prediction, without the model proposal
    without the model suggestion, without the pre-filled values, without the prefilled values
    hidden suggestion, hidden suggestions, suggestion hidden, hidden proposal, proposal hidden
    proposals hidden, suggestions hidden
    """,
    unless="blind spot, blind spots, colour blind, color blind, colour-blind, color-blind, blind people",
)


# A metric that counts what was accepted, contained or deflected: it rises when people accept unexamined
# or customers give up, so it rewards anchoring unless a counter-metric watches the harm.
REWARDS_ACCEPTANCE = Lexicon("""
    accepted without edits, accepted without edit, accepted without changes, accepted unchanged
    accepted as is, sent unchanged, sent without edits, acceptance rate, share accepted, accept rate
    containment, containment rate, contained, deflection, deflection rate, deflected, deflects
    handled without an agent, resolved without an agent, without an agent, without a human
    self-service rate, touchless rate, straight-through rate, automation rate
""")
COUNTER_METRIC = Lexicon("""
    repeat contact, repeat contacts, repeat calls, recontact, recontacts, re-contact, contacted again
    contact again, come back, came back, complaint, complaints, reopened, re-opened, reopen rate
    escalation, escalations, found later, corrected later, later corrected, edits found later, blind
    audit, audited, audits, callback, callbacks, appeal, appeals, overturned
""")


def rewards_acceptance(plan: Plan) -> Hint | None:
    """A success or done metric that counts acceptance, containment or deflection, with no counter-metric
    (repeat contacts, complaints, edits found later) among the metrics, the monitoring or the risks."""
    paths = ["product.success_metric", *metric_name_paths(plan)]
    found = first_said(plan, paths, REWARDS_ACCEPTANCE)
    if found is None:
        return None
    texts: list[str | None] = [answer_at(plan, path) for path in paths]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    texts += [plan.done.when_met] + [f"{risk.title} {risk.mitigation or ''}" for risk in plan.risks]
    if any(COUNTER_METRIC.find(text) for text in texts):
        return None
    path, words = found
    note = f"counts {', '.join(words)}: it rises when people accept unexamined or customers give up"
    return Hint(
        words,
        (
            quote(plan, path, note),
            "no counter-metric (repeat contacts, complaints, edits found later) in done.metrics, "
            "after_launch.monitoring or risks",
        ),
        likelihood=2,
    )


_SAID = (
    "people decide some cases blind, said in words: how large a share, and is it compared with the proposal?"
)
_UNWATCHED = "no blind check or override rate is watched (after_launch.monitoring, done.metrics)"


def _watched(plan: Plan) -> bool:
    """Whether people decide a share of cases blind (`after_launch.blind_share`), or a monitored signal, a
    done metric or the team's own notes watch the overrides, a check made blind, or how many planted errors
    the reviewers catch. Where the share decided blind is answered 0, the notes do not count: that people
    may change a draft is no measure of how often they do."""
    if plan.after_launch.blind_share:
        return True
    texts: list[str | None] = [monitor.signal for monitor in plan.after_launch.monitoring]
    texts += [metric.name for metric in plan.done.metrics] + [plan.done.eval_set, plan.done.when_met]
    texts += own_notes(plan) if plan.after_launch.blind_share != 0 else []
    return any(OVERRIDES_WATCHED.find(text) or CATCH_MEASURED.find(text) for text in texts)


def _blind_said(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """Where the plan says, only in words, that people decide some cases without the proposal: its
    decision, fallback, monitoring, metrics, evaluation set, FAQ or own risks; (path, words)."""
    paths = ["product.decision", "product.decision_owner", "after_launch.fallback", *monitor_paths(plan)]
    paths += [f"after_launch.monitoring[{i}].threshold" for i in range(len(plan.after_launch.monitoring))]
    paths += [*metric_name_paths(plan), "done.eval_set", "done.when_met", *faq_paths(plan)]
    paths += [f"risks[{i}].mitigation" for i in range(len(plan.risks))]
    return first_said(plan, paths, BLIND_REVIEW)


def _confirmations_are_labels(plan: Plan) -> str | None:
    """The evidence that what people confirm becomes the label the model learns from and is scored on: the
    person who writes it first sees an estimate (the model's, once live), or copies one."""
    if plan.constraints.data.label_writer not in (LabelWriter.sees_estimate, LabelWriter.copied):
        return None
    note = "the person who writes the label first sees an estimate: once live, the confirmed proposal"
    return quote(plan, "constraints.data.label_writer", note)


def shown_every_proposal(plan: Plan) -> str | None:
    """The evidence that people see the model's proposal in every case: the share decided blind is
    answered 0 (asked of every plan where a person decides with the model's output)."""
    if plan.product.mode is not Mode.augment or plan.after_launch.blind_share != 0:
        return None
    note = "nobody decides a case without the proposal: nothing shows whether the reviewers still judge it"
    return quote(plan, "after_launch.blind_share", note)


def confirms_proposal(plan: Plan) -> bool:
    """Whether a person confirms or edits a model's proposal: augment mode, with a draft or values read
    (generation, extraction) or a proposal named in the output, the decision or the title."""
    if plan.product.mode is not Mode.augment:
        return False
    if plan.product.task in (TaskType.generation, TaskType.extraction):
        return True
    return first_said(plan, ("product.output", "product.decision", "title"), PROPOSAL) is not None


@rule(
    "anchoring-on-proposal",
    Category.product,
    likelihood=4,
    impact=4,
    ask="will the people who confirm the model's proposal still judge it, or accept it as proposed?",
    move=Move(
        "Watch whether people still judge the proposals: blind checks and the override rate",
        "People who confirm a proposal anchor on it, most under time pressure, and its errors pass as "
        "theirs; have a sample judged without the proposal and compare, and monitor how often people change "
        "or reject it (an override rate falling towards zero is a warning, not a success)",
        "info",
    ),
    fires=(
        Case(
            {
                "product.output": "A suggested code for each claim line.",
                "product.decision": "The coder confirms or edits the suggested code.",
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.mode: "augment"',
                'product.output: "A suggested code for each claim line." (a proposal: suggested code)',
                'product.decision: "The coder confirms or edits the suggested code." (a person confirms it: '
                "confirms, edits)",
                "no blind check or override rate is watched (after_launch.monitoring, done.metrics)",
            ),
            also=frozenset({"no-flag-read-as-cleared"}),  # the sound plan's clerks read every invoice today
        ),
        Case(  # a drafted letter a person signs is the only check on serious errors: a fact, medium
            {
                "product.task": "generation",
                "product.output": "A drafted letter for each claim.",
                "product.decision": "The handler signs the drafted letter.",
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "augment"',
                'impact.error_severity: "serious"',
                "after_launch.blind_share: 0 (nobody decides a case without the proposal: nothing shows whether "
                "the reviewers still judge it)",
                "no blind check or override rate is watched (after_launch.monitoring, done.metrics)",
            ),
        ),
        Case(  # and the signed letters become the labels it learns from: high
            {
                "product.task": "generation",
                "product.output": "A drafted letter for each claim.",
                "product.decision": "The handler signs the drafted letter.",
                "impact.error_severity": "serious",
                "constraints.data.label_writer": "sees_estimate",
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "augment"',
                'impact.error_severity: "serious"',
                "after_launch.blind_share: 0 (nobody decides a case without the proposal: nothing shows whether "
                "the reviewers still judge it)",
                "no blind check or override rate is watched (after_launch.monitoring, done.metrics)",
                'constraints.data.label_writer: "sees_estimate" (the person who writes the label first sees an '
                "estimate: once live, the confirmed proposal)",
            ),
        ),
        Case(  # a draft award a person signs, nobody deciding blind: counting its facts does not check that
            {
                "product.task": "generation",
                "product.output": "A draft adjudication with the proposed award for each dispute.",
                "product.decision": "The adjudicator edits and signs the draft adjudication.",
                "impact.error_severity": "serious",
                "done.metrics": [{"name": "Share of drafts with an unsupported fact", "target": 0.02}],
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "augment"',
                'product.output: "A draft adjudication with the proposed award for each dispute." (it proposes '
                "the decision itself: draft adjudication, proposed award)",
                'impact.error_severity: "serious"',
                "after_launch.blind_share: 0 (nobody decides a case without the proposal: nothing shows whether "
                "the reviewers still judge it)",
                "no blind check or override rate is watched (after_launch.monitoring, done.metrics)",
            ),
        ),
        Case(  # a proposed amount a person approves, nobody deciding blind, though notes say they may change it
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.output": "The reserve to set for each new claim.",
                "product.decision": "The claims handler sets the reserve.",
                "impact.error_severity": "serious",
                "press_release.faq": [{"question": "Can handlers change it?", "answer": "Yes, any reserve."}],
            },
        ),
        Case(  # a blind share said only in words: a question quoting them, never silence
            {
                "product.task": "generation",
                "product.output": "A drafted letter for each claim.",
                "product.decision": "The handler signs the drafted letter; one claim in four is written without "
                "the draft.",
                "impact.error_severity": "serious",
                "constraints.data.label_writer": "sees_estimate",
            },
        ),
        Case(  # one class per case, seen in every case, confirmed against the clock: medium, even moderate
            {
                "product.task": "classification",
                "product.action_shape": "every_item",
                "product.output": "The damage category for each new claim.",
                "product.decision": "The assessor checks the category, changes it if wrong, then routes it.",
                "after_launch.blind_share": 0,
                "done.metrics": [
                    {"name": "Seconds to categorise a claim", "target": 30, "direction": "lower"}
                ],
            },
        ),
        Case(  # values others rely on, read and confirmed, moderate errors: weighed by what it feeds
            {
                "product.task": "extraction",
                "product.output": "The values read from each survey sheet.",
                "product.decision": "A volunteer confirms the pre-filled values before they go to the archive.",
                "product.circumstances": ["others_use_output"],
            },
        ),
        Case(  # errors are moderate: low
            {
                "product.output": "A drafted reply for each ticket.",
                "product.decision": "The agent edits the drafted reply and sends it.",
            }
        ),
    ),
    quiet=(
        Case({"product.output": "A drafted reply for each ticket.", "product.mode": "automate"}),
        Case(
            {
                "product.output": "A drafted reply for each ticket.",
                "product.decision": "The agent edits the drafted reply and sends it.",
                "after_launch.monitoring": [{"signal": "Share of drafts sent unchanged, per agent and week"}],
            }
        ),
        Case(  # a drafted letter on serious errors, but people decide a tenth of cases blind
            {
                "product.task": "generation",
                "product.output": "A drafted letter for each claim.",
                "product.decision": "The handler signs the drafted letter.",
                "impact.error_severity": "serious",
                "after_launch.blind_share": 0.1,
            }
        ),
        Case(  # a flag that holds a case for a clerk who decides it: no proposal, whatever the blind share
            {"product.action_shape": "threshold", "impact.error_severity": "serious"}
        ),
        Case(  # an acceptance rate counted as success, but nobody confirms a proposal: not anchoring
            {
                "product.mode": "automate",
                "product.success_metric": "Acceptance rate of the published timetable",
            }
        ),
        Case(  # recommendations that improve a page: nobody confirms them
            {
                "product.mode": "improve",
                "product.output": "Suggested products on the basket page.",
                "product.decision": "Shoppers may add them to the basket.",
            }
        ),
    ),
)
def anchoring_on_proposal(plan: Plan) -> Evidence:
    """People who confirm the model's proposal may accept it unexamined.

    In augment mode a person confirms or edits a draft, a pre-filled value or a suggested code; people
    anchor on what is proposed (automation bias), most when busy, so the model's errors pass as the
    person's and the check the plan relies on quietly stops.

    Mitigation: Judge a random sample blind (without the proposal) and compare with what was confirmed;
    monitor the override rate per person and week, and treat a rate falling towards zero as a warning.
    """
    if review_sized_for_speed(plan) is not None:
        return None  # review-sized-for-speed says why these reviewers will accept drafts, and what to measure
    # An acceptance rate counted as success watches the overrides only to want fewer of them; where nobody
    # confirms a proposal it is the product counting its own success (success-self-counted).
    rewarded = rewards_acceptance(plan) if confirms_proposal(plan) else None
    blind = bool(plan.after_launch.blind_share)  # people decide a share blind: the check the move asks for
    augment = plan.product.mode is Mode.augment and not blind and (rewarded is not None or not _watched(plan))
    serious = serious_harm(plan)
    lasting = None if serious else lasting_output(plan)  # others rely on what is accepted, or it stays done
    proposes = plan.product.task in (TaskType.generation, TaskType.extraction)  # a draft, or values read
    decides = drafts_the_decision(plan)  # the draft proposes the decision itself: counting facts is no check
    shown = shown_every_proposal(plan)  # answered: people see the proposal in every case
    # a proposed amount a person approves, seen in every case (a flag sending a case to a person is none)
    amount = (
        shown if shown and plan.product.action_shape is ActionShape.sets_amount and not proposes else None
    )
    if (
        augment
        and (serious or lasting)
        and ((proposes and (not facts_counted(plan) or decides or shown)) or amount)
    ):
        # a draft, a record or an amount a person signs is the only check, and no done metric counts the
        # wrong facts it lets by, or nobody decides a case without the proposal: a real risk, medium; high
        # where the confirmations also become the labels it learns from
        found = (quote(plan, "product.task"), quote(plan, "product.mode"), *(rewarded or ()))
        if amount:
            found = (
                *found,
                quote(plan, "product.action_shape", "an amount it proposes, which a person approves"),
            )
        weight = lasting or severity_quote(plan)
        found = (*found, *((decides,) if decides else ()), weight, *((shown,) if shown else ()))
        found = (*found, _UNWATCHED)
        said = _blind_said(plan)
        if said is not None:  # a blind share in words only: ask how large it is, and whether it is compared
            path, words = said
            return Hint(
                (*(rewarded.words if rewarded else ()), *words), (*found[:-1], quote(plan, path, _SAID))
            )
        labels = _confirmations_are_labels(plan)
        if labels:
            return (*found, labels)
        return Hint(rewarded.words, found) if rewarded else Tempered(3, found)
    if rewarded:
        return rewarded
    if not augment:
        return None
    proposal = first_said(plan, ("product.output", "product.decision", "title"), PROPOSAL)
    confirmed = first_said(plan, ("product.decision", "product.decision_owner"), CONFIRMS)
    timed = review_timed(plan) if shown else None
    # with no word for a proposal, one answer a person confirms counts where they are timed: the pattern
    # of a suggest-and-confirm step sized for speed
    picked = _one_answer_confirmed(plan) if confirmed and timed else None
    if proposal is None and picked is None:
        return None
    if proposal is not None and _ONE_OF_MANY.find(answer_at(plan, proposal[0])):
        return None  # augment mode with a score or a list to choose from: no one proposal to anchor on
    evidence = [quote(plan, "product.mode")]
    words = ()
    if proposal is not None:
        evidence.append(quote(plan, proposal[0], f"a proposal: {', '.join(proposal[1])}"))
        words += proposal[1]
    else:
        evidence.append(picked or "")
    if confirmed is not None:
        path, confirms = confirmed
        evidence.append(quote(plan, path, f"a person confirms it: {', '.join(confirms)}"))
        words += confirms
    # every answer seen before anyone judges, and the people held to a time per case: as the target
    # tightens they confirm more of what is proposed, and nothing would show it
    evidence += (
        [shown, quote(plan, timed[0], "a time target on the people who confirm")] if timed and shown else []
    )
    evidence += [lasting, _UNWATCHED] if lasting else [_UNWATCHED]
    if serious or timed or lasting:
        return Hint((*words, *(timed[1] if timed else ())), evidence)
    return Hint(words, evidence, likelihood=1)


def _one_answer_confirmed(plan: Plan) -> str | None:
    """The evidence that the model gives one answer per case (a class, a value) which a person, shown it in
    every case (`after_launch.blind_share: 0`), confirms: a suggestion whatever word the output uses; a
    cut-off, a queue or a choice among several is no one answer."""
    if (
        plan.product.task not in (TaskType.classification, TaskType.regression)
        or shown_every_proposal(plan) is None
    ):
        return None
    if plan.product.action_shape not in (None, ActionShape.every_item, ActionShape.sets_amount):
        return None  # a cut-off, a queue or a choice among several: no one answer a person confirms
    return quote(plan, "product.task", "one answer per case, shown to the person who confirms it")


# Where a team says what people do with each output before it reaches anyone.
_PASSED_IN = (
    "product.decision",
    "product.decision_owner",
    "product.current_solution",
    "after_launch.fallback",
)


@rule(
    "checks-passed-unchecked",
    Category.product,
    likelihood=4,
    impact=4,
    ask="do the people meant to check each output pass it on unread, so that it in fact acts alone?",
    move=Move(
        "Measure the check the plan relies on, or plan for the output acting alone",
        "Where people sign what the model writes as sent, its errors reach the people it serves as if it "
        "acted alone; count how often people change an output, have a sample re-decided blind, or tick that "
        "it commits alone and plan for that (a stricter bar before launch, guardrails, a way to undo)",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "augment",
                "product.decision": "The planner reviews each drafted quote; most sign them as sent.",
            },
            evidence=(
                'product.decision: "The planner reviews each drafted quote; most sign them as sent." (people '
                "pass the output on unchecked: sign them as sent? then it acts alone)",
                'product.mode: "augment" (product.circumstances does not tick that it commits alone)',
            ),
            also=frozenset({"anchoring-on-proposal"}),  # a draft a person confirms: watch the overrides
        ),
    ),
    quiet=(
        Case(  # the team ticks that it acts alone: the tick and the words agree
            {
                "product.mode": "automate",
                "product.decision": "Most sign them as sent.",
            }
        ),
        Case(  # the words, and a blind share that measures the check
            {
                "product.mode": "augment",
                "product.decision": "Reviewers must not rubber-stamp the drafts.",
                "after_launch.blind_share": 0.1,
            }
        ),
    ),
)
def checks_passed_unchecked(plan: Plan) -> Evidence:
    """The people meant to check each output pass it on unread.

    The plan counts on a person checking each output, and does not tick that the output commits alone,
    yet its own words say people sign it as sent, rubber-stamp it or approve it without reading. Then the
    check is not there: its errors reach the people it serves as if it acted alone, while the plan's bar,
    rollout and guardrails are set for a product a person checks.

    Mitigation: Measure the check: count how often people change or reject an output, and have a random
    sample re-decided without it; where people do pass it on unread, tick that it commits alone and plan
    for that (a stricter bar before launch, guardrails, a way to undo an output once sent).
    """
    if plan.product.mode is Mode.automate or Circumstance.commits_alone in plan.product.circumstances:
        return None  # the tick says it acts alone: the words agree with it
    if plan.after_launch.blind_share or _watched(plan):
        return None  # the check is measured: a blind share, or the overrides watched
    said = first_said(plan, (*_PASSED_IN, *faq_paths(plan)), PASSED_UNCHECKED)
    if said is None:
        return None
    path, words = said
    note = f"people pass the output on unchecked: {', '.join(words)}? then it acts alone"
    mode = (
        quote(plan, "product.mode", "product.circumstances does not tick that it commits alone")
        if plan.product.mode
        else "product.circumstances does not tick that the output commits alone"
    )
    return Hint(words, (quote(plan, path, note), mode))
