"""A success metric that improves through harm: a fall in contacts, calls, questions or complaints, or a
success the product counts itself (accepted, contained, not escalated).

People stop calling when their problem is solved, and also when they were falsely reassured, gave up,
or could not find the way to call. A fall in contacts counts both the same, so a product that turns
people away scores as well as one that helps them. A lead asks for a counter-metric that tells the two
apart: whether the problem was resolved, whether people came back, what happened to them later. A count the product writes in its own logs rises the same way when people give
up or accept without reading, and asks for the same outcome checked apart.
"""

from __future__ import annotations

from planner.judgement.rules.anchoring import confirms_proposal, rewards_acceptance
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote, ticked
from planner.judgement.rules.lexicon import CHECKED_OUTCOME
from planner.judgement.rules.volume import volume_unpaired
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Circumstance, Direction, Plan

_CONTACTS = """contacts, calls, questions, complaints, tickets, enquiries, inquiries, call volume
contact volume, contact rate, call rate, support tickets, helpline calls, calls to the helpline
calls to the contact centre, calls to the call centre, visits to the help desk, help requests
phone calls, telephone calls, support calls, support contacts, customer calls, customer contacts
customer complaints, customer enquiries, billing enquiries, billing calls, inbound calls
phone volume, inbound phone volume, contact centre demand, call centre demand, emails to
portal messages, patient messages, messages to"""

# A success said as a fall in the contacts people make.
FEWER_CONTACTS = Lexicon(
    phrases(
        "fewer, fall in, a fall in, drop in, a drop in, reduction in, a reduction in, reduce, reduced"
        ", reduction of, a reduction of, drop of, fall of, decrease of"
        ", reduces, cut, cuts, lower, decrease in, a decrease in, decline in, less",
        _CONTACTS,
    )
    + ", "
    + phrases(
        _CONTACTS.replace("questions, ", ""),
        "fall by, falls by, drop by, drops by, go down, goes down, halve, halves, decrease by, decreases by",
    )
    + ", deflection, deflection rate, deflected, call deflection, ticket deflection, contact deflection"
    + ", fewer people call, fewer people ring, fewer people phone, fewer people contact, fewer people write"
)

# A fall said anywhere in an answer that names contacts ("tickets per month go down by a fifth").
FALLS = Lexicon("""
    fewer, falls by, fall by, drops by, drop by, go down, goes down, halve, halves, halved, reduce, reduced
    reduction, decrease, decreases, decline, declines
""")
# Words that say the answer measures how contacts are served, not how many there are.
SERVED = Lexicon("""
    answered, abandoned, abandonment, waiting, wait time, handling time, handled within, answer time
""")

# A metric that counts contacts: read with a structured `lower is better` direction (not `questions`,
# which a test or a form also has).
COUNTS_CONTACTS = Lexicon(_CONTACTS.replace("questions, ", ""))

# A counter-metric that tells a solved problem from one left alone.
TELLS_RESOLVED = Lexicon("""
    resolution, resolution rate, resolved, first-contact resolution, first contact resolution
    repeat contact, repeat contacts, repeat call, repeat calls, recontact, recontacts, re-contact
    contacted again, came back, come back, reopened, re-opened, outcome, outcomes, follow-up survey
    followed up, audited sample, audit of, blind audit, solved, fixed first time
    repeat, repeats, repeated, contacted again within, called again, called back
""")


# A success metric that is itself a count of what people report ("customer tickets about late parcels per
# month"): read as a fall, since only fewer of them is success.
REPORTED_COUNTS = Lexicon("""
    tickets per, ticket count, ticket volume, number of tickets, tickets raised, tickets logged, tickets about
    customer tickets, complaints per, complaint count, complaint volume, number of complaints
    complaints received, complaints logged, complaints about, contacts per, contact volume, number of contacts
    contacts about, calls about, calls per, number of calls, reported faults, fault reports, reported issues
    reported problems
""")
# The product's own items are the contacts (it routes or answers tickets): counting them measures its work.
_CONTACTS_READ = Lexicon(
    "ticket, tickets, complaint, complaints, contact, contacts, call, calls, enquiry, enquiries"
)


def _fall(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """Where the plan counts success as a fall in contacts, and the words that say it: the success
    metric (said as a fall, or a count of what people report where the product does not read those
    reports), or the primary done metric (said as a fall, or counting contacts with lower is better)."""
    said = plan.product.success_metric
    reported = () if _CONTACTS_READ.find(plan.product.inputs) else REPORTED_COUNTS.find_all(said)
    words = FEWER_CONTACTS.find_all(said) or (
        COUNTS_CONTACTS.find_all(said) if FALLS.find(said) and not SERVED.find(said) else ()
    )
    words = words or (reported if not SERVED.find(said) else ())
    if words:
        return "product.success_metric", words
    if not plan.done.metrics:
        return None
    primary = plan.done.metrics[0]
    words = FEWER_CONTACTS.find_all(primary.name)
    if not words and primary.direction is Direction.lower_is_better:
        words = COUNTS_CONTACTS.find_all(primary.name)
    return ("done.metrics[0].name", words) if words else None


def _countered(plan: Plan) -> bool:
    texts: list[str | None] = [plan.product.success_metric, plan.done.worst_error_metric]
    texts += [metric.name for metric in plan.done.metrics]
    texts += [item.signal for item in plan.after_launch.monitoring]
    texts += [f"{risk.title} {risk.mitigation or ''}" for risk in plan.risks]
    return any(TELLS_RESOLVED.find(text) for text in texts)


@rule(
    "contact-fall-uncountered",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Pair the fall in contacts with a counter-metric",
        "Contacts fall when problems are solved and also when people are falsely reassured or give up: "
        "track resolution, repeat contacts within a few weeks, or the outcome for the people who stopped "
        "calling, with a floor, beside the fall",
        "warning",
    ),
    ask="the success metric is a fall in contacts: what tells a solved problem from one left alone?",
    fires=(
        Case(  # worded as a team puts it in its answers
            {"product.success_metric": "Number of support tickets per month goes down by a fifth"}
        ),
        Case(  # worded as a team puts it in its answers
            {"product.success_metric": "Inbound phone volume halves"}
        ),
        Case(  # a count of what customers report, no fall said: only fewer of them is success
            {"product.success_metric": "Customer tickets about late or missed parcels per month"}
        ),
        Case(  # worded as a team puts it in its answers
            {"product.success_metric": "Fewer people ring the surgery about their results"}
        ),
        Case(
            {
                "product.success_metric": "Fewer calls to the helpline about missing parcels",
                "after_launch.monitoring": [],
            },
            evidence=(
                'product.success_metric: "Fewer calls to the helpline about missing parcels" (a fall in '
                "contacts: fewer calls to the helpline; it also falls when people are falsely reassured or give up)",
                "no counter-metric (resolution, repeat contacts, outcomes) in done.metrics, "
                "after_launch.monitoring or risks",
            ),
        ),
    ),
    quiet=(
        Case(  # repeat contacts watched beside the fall
            {
                "product.success_metric": "Fewer calls to the helpline about missing parcels",
                "after_launch.monitoring": [{"signal": "Repeat contacts within 14 days, weekly"}],
            }
        ),
        Case({"product.success_metric": "More parcels delivered on the first attempt"}),
        Case(  # the tickets are the items the product reads: counting them measures its work
            {
                "product.success_metric": "Tickets per agent per day",
                "product.inputs": "The text of each support ticket and the customer's plan.",
            }
        ),
    ),
)
def contact_fall_uncountered(plan: Plan) -> Evidence:
    """Success is a fall in contacts, with nothing that tells a solved problem from one left alone.

    A fall in calls, questions, tickets or complaints is read as help, yet it also comes from people who
    were falsely reassured, gave up, or could not reach anyone: the metric improves through the harm.
    Nothing in the plan tells the two apart.

    Mitigation: Track a counter-metric beside the fall, with a floor: resolution of the problem, repeat
    contacts within a few weeks, or the outcome for a sample of people who stopped contacting, checked
    by someone other than the product.
    """
    found = _fall(plan)
    if found is None or _countered(plan):
        return None
    path, words = found
    note = (
        f"a fall in contacts: {', '.join(words)}; it also falls when people are falsely reassured or give up"
    )
    return Hint(
        words,
        (
            quote(plan, path, note),
            "no counter-metric (resolution, repeat contacts, outcomes) in done.metrics, "
            "after_launch.monitoring or risks",
        ),
    )


@rule(
    "success-self-counted",
    Category.product,
    likelihood=4,
    impact=3,
    ask="the success metric is counted by the product itself: what tells a helped customer from one who gave up?",
    move=Move(
        "Pair the product's own count of success with an outcome someone checks",
        "Acceptance, containment, non-escalation or clicks rise when people give up or accept without "
        "reading: grade a weekly sample blind against the real outcome, and count repeat contacts, "
        "complaints or reversals as a counter-metric with a floor",
        "warning",
    ),
    fires=(
        Case(
            {"product.circumstances": ["self_counted"]},
            evidence=(
                'product.circumstances: "self_counted" (success is counted by the product itself: accepted, '
                "not escalated)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
            ),
        ),
        Case(  # not ticked, but containment is the success and nobody confirms a proposal: asked, medium
            {
                "product.mode": "automate",
                "product.success_metric": "Containment rate - share of chats handled without an agent.",
            },
            evidence=(
                'product.success_metric: "Containment rate - share of chats handled without an agent." (counts '
                "containment rate, handled without an agent: it rises when people accept unexamined or "
                "customers give up)",
                "no counter-metric (repeat contacts, complaints, edits found later) in done.metrics, "
                "after_launch.monitoring or risks",
            ),
        ),
    ),
    quiet=(
        Case({"product.circumstances": ["none"]}),
        Case(
            {
                "product.circumstances": ["self_counted"],
                "done.metrics": [
                    {"name": "Recall of duplicates at 95% precision", "baseline": 0.45, "target": 0.75},
                    {
                        "name": "Repeat contacts within 7 days",
                        "baseline": 0.2,
                        "target": 0.1,
                        "direction": "lower",
                    },
                ],
            }
        ),
    ),
)
def success_self_counted(plan: Plan) -> Evidence:
    """Success is counted by the product itself.

    Acceptance, containment, "not escalated", "not reopened" or clicks are written by the product's own
    logs, and they rise when the product gets worse: people give up on reaching a person, accept a draft
    without reading it, or stop reporting. A target met on such a count can hide a failing product.

    Mitigation: Pair the metric with an outcome someone checks: a weekly sample graded blind against the
    real outcome, repeat contacts, complaints, reversals or corrections made later; put that
    counter-metric in the done criteria with a floor it must not cross.
    """
    fact = ticked(plan, Circumstance.self_counted)
    if fact is None and not confirms_proposal(plan):
        # not ticked, but a success metric counts acceptance or containment and nobody confirms a proposal:
        # the product counts its own success (where a person confirms, anchoring-on-proposal asks)
        heard = rewards_acceptance(plan)
        return Hint(heard.words, heard) if isinstance(heard, Hint) else None
    if fact is None or any(CHECKED_OUTCOME.find(metric.name) for metric in plan.done.metrics):
        return None  # a done metric already counts an outcome someone checked
    if volume_unpaired(plan) is not None:
        return None  # target-counts-volume asks for the same audited sample, and names both ticks
    if not plan.done.metrics:
        return (fact,)
    return (fact, quote(plan, "done.metrics[0].name"))
