"""Who uses or sees the output, from the team's answer, and the words that name text written outside.

Whether people outside the organisation type into a system decides whether anyone tries to steer it
and whether it can show someone what they should not see; the team's answer in `product.audience`
says it, and only a plan that leaves it blank falls back on the words of its answers.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import answer_at, quote, read_paths
from planner.judgement.rules.shadowed import person_approves_each
from planner.judgement.rules.words import Lexicon, not_denied
from planner.plan.choices import Acquisition
from planner.plan.model import Audience, Circumstance, Plan
from planner.plan.workings import Reach

# Text written by people outside the team that a prompt would carry: their messages and documents.
OUTSIDERS_TEXT = Lexicon("""
    email, emails, e-mail, e-mails, inbound mail, mailbox, customer message, customer messages
    customers' messages, customer emails, customer e-mails, customer letter, customer letters
    letters from, complaint, complaints, complaint letters, chat message, chat messages, live chat
    web form, web forms, contact form, online form, submission, submissions, submitted documents
    uploaded, uploads, uploaded documents, attachments, applications, application forms, claim forms
    supplier documents, supplier emails, product reviews, customer reviews, forum posts, social media posts
    tickets, support tickets, free-text description, free-text descriptions, free text from
""")

# Words of a clause that say its text is the team's own, typed by its staff (`the notes our advisers type`,
# `letters from these notes`): an outsider's word there names a topic or what is made, not whose text is read.
OWN_TEXT = Lexicon("""
    typed by, typed up by, written by our, written by the, written up by, notes our, notes typed, notes written
    notes taken by, our own, in-house, internal notes, internal text, staff notes, staff-written
    written by staff, typed by staff, from these notes, from the notes, from our notes, from our
    from internal
""")

_OUTSIDERS_IN = frozenset({Audience.outsiders, Audience.both})


def outsiders_type_in(plan: Plan) -> str | None:
    """The evidence that people outside the organisation type into it or read its output, or None."""
    if plan.product.audience not in _OUTSIDERS_IN:
        return None
    return quote(plan, "product.audience", "people outside type into it or read its output")


def nobody_gains(plan: Plan) -> str | None:
    """The answer saying nobody who gains from a favourable output supplies its inputs: the circumstances
    answered without party_gains. Outside text may still carry an instruction, but nobody has a reason to
    plant one (an official notice, a clinician's report): a low risk to test for, not a design driver."""
    if not plan.product.circumstances or Circumstance.party_gains in plan.product.circumstances:
        return None
    note = "party_gains not ticked: nobody who gains from a favourable output writes what it reads"
    return quote(plan, "product.circumstances", note)


def staff_only(plan: Plan) -> str | None:
    """The evidence that only the organisation's staff use it (its output may still fall on outsiders)."""
    if plan.product.audience not in {Audience.staff, Audience.staff_about_outsiders}:
        return None
    return quote(plan, "product.audience", "only staff use it")


def outsiders_read(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer on what the model reads that names text from outside, and its words; a word said in
    a clause that names the text as the team's own (`notes our staff type`, `letters from these notes`)
    is the topic of internal text or what is drafted from it, not an outsider's text."""
    for path in read_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        words = not_denied(OUTSIDERS_TEXT.find_all(text), text, OWN_TEXT, OWN_TEXT)
        if words:
            return path, words
    return None


def outsiders_only_read(plan: Plan) -> tuple[str, bool] | None:
    """Where the audience answer takes in outsiders, but the plan shows they only read what staff approve: the
    evidence, and whether the organisation's own records are also all it reads. The team says the model reads
    no text outsiders write beyond the request (model_reach answered without reads_outside_text), no answer
    on what it reads names such text, and a person approves every output before it goes out. None where any
    of these is not said: customers typing into a chat, or a draft nobody checks, is written or read outside."""
    reach = plan.product.model_reach
    if not reach or Reach.reads_outside_text in reach or Reach.acts in reach or outsiders_read(plan):
        return None
    approved = person_approves_each(plan)
    if approved is None:
        return None
    sources = plan.constraints.data.sources
    own = bool(sources) and all(source.acquisition is Acquisition.own for source in sources)
    return approved, own
