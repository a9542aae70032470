"""Who uses or sees the output, from the team's answer, and the words that name text written outside.

Whether people outside the organisation type into a system decides whether anyone tries to steer it
and whether it can show someone what they should not see; the team's answer in `product.audience`
says it, and only a plan that leaves it blank falls back on the words of its answers.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Plan

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


def staff_only(plan: Plan) -> str | None:
    """The evidence that only the organisation's staff use it (its output may still fall on outsiders)."""
    if plan.product.audience not in {Audience.staff, Audience.staff_about_outsiders}:
        return None
    return quote(plan, "product.audience", "only staff use it")
