"""The questions a lead asks of an assistant that answers the public or customers by message on its own.

A model that replies to whoever writes in will one day receive a message that is not a question: someone
in danger, a child at risk, a gas leak. A lead asks what happens to that message before asking how good
the answers are; asks how the assistant knows when to hand over, since a language model is as confident
when it is wrong as when it is right; and asks what the target counts, since any instant reply meets a
reply-time target, right or wrong. The plan's structure (a generation task that sends its replies alone,
to people who write in) says which system it is; a few words say what is already arranged.
"""

from __future__ import annotations

from planner.judgement.probes import Found, metric_paths, probe
from planner.judgement.rules.audience import outsiders_read, outsiders_type_in, staff_only
from planner.judgement.rules.data import nothing_trained
from planner.judgement.rules.evidence import faq_paths, first_said, monitor_paths, quote, ticked
from planner.judgement.rules.lexicon import SELF_CONFIDENCE
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Circumstance, Mode, TaskType
from planner.plan.model import Plan
from planner.plan.workings import Reach

# A message that must reach a person at once, whatever the assistant would reply.
URGENT = Lexicon("""
    emergency, emergencies, urgent, urgency, safeguarding, at risk, in danger, danger to life, crisis
    self-harm, self harm, suicide, suicidal, abuse, abused, domestic violence, threat to life, threats
    gas leak, gas leaks, 999, 911, 112, red flag, red flags, welfare concern, welfare concerns
    vulnerable, vulnerability, distress, distressed
""")
# The assistant hands over when it rates itself unsure.
# The hand-over is checked against labelled messages, not trusted.
GATE_CHECKED = Lexicon("""
    calibrated, calibration, calibrate, checked against labelled, measured on labelled, recall of the hand-over
    share of wrong answers caught, wrong answers caught, catches wrong answers
""")
# A target on how fast a reply goes out.
REPLY_TIME = Lexicon("""
    response time, response times, reply time, reply times, time to reply, time to respond, time to first reply
    time to first response, first response time, first-response time, first reply time, time to answer
    answer time, answered within, replied within, responded within, waiting time, wait time
""")
# A target on whether the reply solved the matter or was right.
RESOLVED = Lexicon("""
    resolved, resolution, resolution rate, solved, correct answers, correct answer, answered correctly
    right answer, right answers, accuracy, accurate, repeat contact, repeat contacts, second contact
    contacted again, reopened, re-opened, first contact resolution, complaints upheld, wrong answers
""")
# A reply to whoever wrote in: what an assistant sends, said in its output or decision.
REPLIES_TO_SENDER = Lexicon("""
    reply to the, replies to the, a reply to, replies to each, replies to every, answers each, answers every
    answers the customer, answers the customer's, answers customers, answers the caller, answers callers
    answers the tenant, answers tenants, answers the patient, answers patients, answers the public
    responds to each, responds to the, response to the, chat reply, chat replies, answers each chat
    answers each message, answers each question, replies to each message, replies to each question
""")
# What the output is, where it goes back to whoever wrote in (not a document drafted from what they sent).
A_REPLY = Lexicon("""
    reply, replies, answer, answers, response, responses, message, messages, chat, chats, email reply
    email replies, text message, text messages, webchat, live chat
""")
_ARRANGED = (
    "after_launch.fallback",
    "heuristics.humans_handle",
    "product.decision",
    "done.eval_set",
    "done.when_met",
    "done.worst_error_metric",
)


def _answers_alone(plan: Plan) -> str | None:
    """The evidence that the model writes replies to people who write in and sends them unchecked."""
    product = plan.product
    if product.task is not TaskType.generation:
        return None
    if product.mode is not Mode.automate and not ticked(plan, Circumstance.commits_alone):
        return None  # a person reads each reply before it goes: they see the message too
    if staff_only(plan):
        return None  # colleagues write in: a report of danger reaches the organisation anyway
    said = ("product.output", "product.decision")
    writes_in = bool(
        Reach.reads_outside_text in product.model_reach or outsiders_type_in(plan) or outsiders_read(plan)
    )
    if first_said(plan, said, REPLIES_TO_SENDER) is None and not (
        writes_in and first_said(plan, said, A_REPLY)
    ):
        return None  # it writes for the team, or drafts a document from what came in: no reply goes back
    return ticked(plan, Circumstance.commits_alone) or quote(plan, "product.mode")


@probe("urgent-messages-routed", "automated-harm-no-fallback", "forbidden-output-unguarded")
def _urgent_messages_routed(plan: Plan) -> Found:
    alone = _answers_alone(plan)
    if alone is None:
        return None
    paths = (*_ARRANGED, *monitor_paths(plan), *faq_paths(plan), *metric_paths(plan, "name"))
    if first_said(plan, paths, URGENT):
        return None
    return (
        "What happens to a message that reports an emergency or a safeguarding concern? An assistant that "
        "answers alone will reply to it like any other: route such messages to a person at once, by a check "
        "that runs before the model, and put real examples of them in the test set.",
        (quote(plan, "product.task"), alone),
    )


@probe("confidence-gates-escalation", "automated-harm-no-fallback")
def _confidence_gates_escalation(plan: Plan) -> Found:
    if plan.product.mode is not Mode.automate:
        return None  # a person reads each output: the gate is theirs
    writes = plan.product.task is TaskType.generation
    if not writes and not nothing_trained(plan):
        return None  # a trained model's score can be calibrated on held-out labels, and usually is
    paths: tuple[str, ...] = ("after_launch.fallback", "product.decision", "heuristics.humans_handle")
    paths += () if writes else ("product.output",)
    gate = first_said(plan, paths, SELF_CONFIDENCE)
    if gate is None or first_said(plan, (*paths, "done.eval_set", *monitor_paths(plan)), GATE_CHECKED):
        return None
    path, words = gate
    instead = (
        "gate on the kind of message (rules, or a classifier scored on labelled messages)"
        if writes
        else "set the threshold on labelled cases, from the wrong answers above it, not on the figure it states"
    )
    return (
        f"The hand-over rests on the model's own confidence ('{words[0]}'): how often is it confidently wrong? A language "
        f"model sounds as sure of a wrong answer as of a right one; {instead}, and measure the share of wrong "
        "answers the gate catches.",
        (quote(plan, "product.task"), quote(plan, path, ", ".join(words))),
    )


@probe(
    "reply-time-met-by-any-reply", "target-counts-effort", "success-self-counted", "metric-stands-in-for-goal"
)
def _reply_time_met_by_any_reply(plan: Plan) -> Found:
    alone = _answers_alone(plan)
    if alone is None:
        return None  # a person edits and sends each reply: the reply time still counts their work
    paths = ("product.success_metric", *metric_paths(plan, "name"))
    timed = first_said(plan, paths, REPLY_TIME)
    if timed is None or first_said(plan, (*paths, "done.worst_error_metric", *monitor_paths(plan)), RESOLVED):
        return None
    path, words = timed
    return (
        f"Any instant reply meets a target on {words[0]}, right or wrong: what shows the replies solve the "
        "matter? Count the messages resolved without a second contact, or the share answered correctly on a "
        "checked sample, beside the reply time.",
        (alone, quote(plan, path, ", ".join(words))),
    )
