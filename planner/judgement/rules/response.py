"""A label that records a response to the very action the list drives: `gave after a call`, `booked
following the offer`. Its words name the action, so acting is part of the outcome the model predicts:
ranked by how likely that response is, the list goes first to people who would respond anyway, and a
count of responses among those acted on cannot show what the action added."""

from __future__ import annotations

from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Plan

# The actions a list drives that reach a person: a call, a visit, an offer, a letter.
_ACTIONS = """call, calls, phone call, phone calls, telephone call, visit, visits, home visit, home visits
    offer, offers, letter, letters, mailing, mailings, email, emails, e-mail, e-mails, text, texts
    text message, reminder, reminders, approach, appeal, appeals, outreach, outreach call, contact
    follow-up call, follow-up, conversation, meeting, voucher, vouchers, discount, discounts, ask"""
RESPONDED_TO = Lexicon(
    phrases(
        "after, following, in response to, once given, when given, after being sent, after receiving",
        "a, an, the, our, their, its, ",
        _ACTIONS,
    )
    + ", "
    + phrases(
        "responded to, answered, accepted, took up, redeemed",
        "a, an, the, our, their, its",
        _ACTIONS,
    )
    + ", "
    + phrases(
        "within # days of, within # weeks of, within a week of, within a month of",
        "a, an, the, our",
        _ACTIONS,
    )
    + ", when called, once called, after being called, after being contacted, when contacted, once contacted"
    + ", after being visited, when visited, once visited, after being asked, when asked"
)

# A person phoning people down a list: the call itself is meant to change what they do.
PHONES_PEOPLE = Lexicon(
    phrases(
        "phone, phones, phoned, telephone, telephones, ring, rings, call, calls, called",
        "the, each, ",
        """people, customers, members, alumni, donors, supporters, patients, parents, tenants, residents
        students, learners, clients, households, sponsors, subscribers, graduates, families, borrowers
        debtors, guests, volunteers, lapsed donors, lapsed members, lapsed supporters""",
    )
)

# A done metric that counts responses among the people acted on: what the top of the list did, not what
# the action added.
COUNTS_RESPONSES = Lexicon("""
    reached, contacted, called, visited, per call, per calls, per contact, per visit, per calling hour
    per hour of calling, hit rate, response rate, responses, responded, donors, givers, gifts, takers
    take-up, uptake, conversions, conversion rate, share who, share of those
""")


def response_evidence(plan: Plan, responded: tuple[str, ...], worklist: bool) -> tuple[str, ...]:
    """The label naming the action it responds to, the ranking, the tick that takes it at face value,
    and a done metric counting responses among those acted on."""
    said = ", ".join(responded)
    found = [
        quote(
            plan,
            "product.label",
            f"{said}: a response to the action itself; some would respond without it, and the model ranks "
            "them first",
        )
    ]
    shape = "product.action_shape" if worklist else "product.task"
    found.append(quote(plan, shape, "ranked by how likely the response is, not by what the action adds"))
    if plan.product.label_is_proxy is False:
        found.append(
            quote(
                plan, "product.label_is_proxy", "answered: not a proxy; yet it counts responses, not effect"
            )
        )
    for index, metric in enumerate(plan.done.metrics):
        counted = COUNTS_RESPONSES.find_all(metric.name)
        if counted:
            note = (
                f"{', '.join(counted)}: counts responses among those acted on; only a random group left "
                "unacted on shows what the action added"
            )
            found.append(quote(plan, f"done.metrics[{index}].name", note))
            break
    return tuple(found)
