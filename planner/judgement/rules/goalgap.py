"""Rules on the gap between the goal and what the plan counts: a stand-in success metric (clicks, opens,
sign-ups) where the goal speaks of an outcome; a goal about one group (lapsed members, struggling pupils)
served through a channel that mostly reaches others; and a better ranking at a step that loses little,
while a later step (offers declined, volunteers dropping out) loses most.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.lexicon import GOAL_EVENTS
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import ActionShape, Category, LabelSource, Plan, TaskType

# Counts of attention a product can raise without its goal moving: clicks, opens, views, sign-ups.
STAND_IN = Lexicon("""
    click, clicks, clicked, click-through, click-throughs, click-through rate, clickthrough, click rate
    opens, open rate, opened, email opens, e-mail opens, app opens, views, page views, viewed
    sign-ups, signups, sign-up rate, signed up, time on page, time on site, dwell time, session length
    impressions, taps, tapped, likes, liked
""")
# What a goal names as its outcome: reading, finishing, staying, passing, buying, coming back.
GOAL_OUTCOME = Lexicon(
    """
    read more, reads more, reading more, read, finish, finishes, finished, finishing, complete, completes
    completed, completion, completions, stay, stays, stayed, staying, keep volunteering, keep coming
    come back, comes back, return, returns, returned, pass, passes, passed, buy, buys, bought, sale, sales
    purchase, purchases, purchased, attend, attends, attended, attendance, renew, renews, renewed, enjoy
    enjoys, give time, gives time, healthier, recover, recovers, recovered, find work, find a job, get a job
    """,
    unless="read-only, read only, pass rate of the model, pass-through, return value",
)
_METRIC_PATHS = ("product.success_metric", "done.metrics[0].name")


def _metric_texts(plan: Plan) -> list[str]:
    """Every text where the plan counts what should move: the success metric, the done metrics, the target."""
    texts = [plan.product.success_metric, plan.done.when_met, plan.done.worst_error_metric]
    texts += [metric.name for metric in plan.done.metrics]
    return [text for text in texts if text]


@rule(
    "metric-stands-in-for-goal",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Measure the goal's outcome downstream, at least as a guardrail",
        "Clicks, opens and sign-ups can rise while the goal stays put: count the outcome the goal names "
        "(books read, courses finished, volunteers still active) for the people the product reached, and "
        "keep it beside the stand-in as a guardrail a launch must not lower",
        "warning",
    ),
    ask="does the success metric count attention that can rise while the goal's outcome does not?",
    fires=(
        Case(
            {
                "product.goal": "Members read more books over the year.",
                "product.success_metric": "Click-through rate on recommended titles.",
            },
            evidence=(
                'product.success_metric: "Click-through rate on recommended titles." (a stand-in: '
                "click-through rate; it can rise while the goal's outcome does not: is read more counted "
                "downstream?)",
                'product.goal: "Members read more books over the year." (the goal speaks of read more)',
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # ticked as no proxy: the team's word is quoted and asked
            {
                "product.goal": "New volunteers stay with the charity for a year.",
                "product.success_metric": "Volunteer sign-ups per month.",
                "product.label_is_proxy": False,
            },
        ),
    ),
    quiet=(
        Case(  # the goal's outcome is counted beside the clicks
            {
                "product.goal": "Members read more books over the year.",
                "product.success_metric": "Click-through rate, with books read per child as a guardrail.",
            }
        ),
        Case(  # the goal is attention itself
            {
                "product.goal": "Members open the newsletter.",
                "product.success_metric": "Open rate of the newsletter.",
            }
        ),
        Case(  # ticked as a proxy: proxy-label speaks for it
            {
                "product.goal": "Members read more books over the year.",
                "product.success_metric": "Click-through rate on recommended titles.",
                "product.label_is_proxy": True,
            }
        ),
    ),
)
def metric_stands_in_for_goal(plan: Plan) -> Evidence:
    """The success metric counts attention, while the goal speaks of an outcome.

    Click-through, opens, views, sign-ups or time on page are what a product can raise most easily; a
    model trained and judged on them learns what draws attention (a catchy cover, an easy course, a
    subject line), which can rise while the goal (reading more, finishing a course, volunteers who stay,
    a sale) stays put or falls.

    Mitigation: Count the goal's own outcome downstream for the people the product reached (books read,
    courses finished, volunteers active after six months), at least as a guardrail a launch must not
    lower, and check on past data how well the stand-in tracks it.
    """
    product = plan.product
    if product.label_is_proxy or LabelSource.proxy in plan.constraints.data.labels:
        return None  # ticked as a proxy: proxy-label asks how well it tracks the goal
    paths = _METRIC_PATHS if plan.done.metrics else _METRIC_PATHS[:1]
    found = first_said(plan, paths, STAND_IN)
    outcome = GOAL_OUTCOME.find(product.goal)
    if found is None or outcome is None or STAND_IN.find(product.goal):
        return None
    if any(GOAL_OUTCOME.find(text) or GOAL_EVENTS.find(text) for text in _metric_texts(plan)):
        return None  # the goal's outcome is counted too
    path, words = found
    denied = (
        (quote(plan, "product.label_is_proxy", "the team says the label is the goal itself: is it?"),)
        if product.label_is_proxy is False
        else ()
    )
    note = (
        f"a stand-in: {', '.join(words)}; it can rise while the goal's outcome does not: is {outcome} "
        "counted downstream?"
    )
    return Hint(
        (*words, outcome),
        (quote(plan, path, note), quote(plan, "product.goal", f"the goal speaks of {outcome}"), *denied),
    )


# A group the goal singles out: those who use the service least, or are newest, or struggle.
GOAL_GROUP = Lexicon(
    phrases(
        """lapsed, low, light, infrequent, occasional, inactive, dormant, disengaged, struggling, new
        first-time, reluctant, isolated, underserved, hard-to-reach, hard to reach, low-income, older""",
        """members, borrowers, readers, users, customers, volunteers, pupils, students, learners, patients
        donors, visitors, families, children, residents, tenants, parents, players""",
    )
    + ", people who rarely, members who rarely, those who rarely, who rarely, who seldom, who never"
    + ", who have not borrowed, who have stopped, non-users, non-readers, non-borrowers"
)
# A channel that reaches only those who already use it: an app, an e-mail list, a website.
CHANNEL = Lexicon(
    """
    app, the app, mobile app, in-app, app users, e-mail, email, e-mails, emails, newsletter, newsletters
    mailing list, subscribers, website, web site, homepage, home page, online catalogue, portal
    push notification, push notifications, account page, logged-in, signed-in, on the site
    """,
    unless="e-mail address, email address, app store",
)
_DELIVERY_PATHS = (
    "product.decision",
    "press_release.call_to_action",
    "press_release.solution",
    "product.output",
)


@rule(
    "goal-group-beyond-the-channel",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Measure how much of the goal's group the channel reaches, and score on that group",
        "A goal about one group, served through a channel those already active use, reaches few of them: "
        "count what share of the group the channel reaches today, add a channel they use if it is small, "
        "and score the success metric on that group, not over everyone",
        "warning",
    ),
    ask="does the channel reach the group the goal names, and is the metric scored on that group?",
    fires=(
        Case(
            {
                "product.goal": "Lapsed members come back to the library.",
                "product.decision": "A weekly e-mail newsletter carries five picks.",
                "product.success_metric": "Total loans per month across all branches.",
            },
            evidence=(
                'product.goal: "Lapsed members come back to the library." (the goal names lapsed members)',
                'product.decision: "A weekly e-mail newsletter carries five picks." (delivered through e-mail, '
                "newsletter: what share of lapsed members does it reach?)",
                'product.success_metric: "Total loans per month across all branches." (counted over everyone: '
                "it can rise while lapsed members do not move; score it on lapsed members)",
            ),
            also=frozenset({"model-selects-cases"}),
        ),
    ),
    quiet=(
        Case(  # a postcard to each one's home, scored on the group itself
            {
                "product.goal": "Lapsed members who have not borrowed in a year come back to the library.",
                "product.decision": "A postcard with five suggestions goes to each lapsed member's home.",
                "product.success_metric": "Share of lapsed members who borrow again within three months.",
            }
        ),
        Case(  # no group singled out
            {
                "product.goal": "Members find books they enjoy.",
                "product.decision": "The weekly e-mail newsletter carries five suggestions for each subscriber.",
                "product.success_metric": "Total loans per month across all branches.",
            }
        ),
    ),
)
def goal_group_beyond_the_channel(plan: Plan) -> Evidence:
    """The goal names a group the delivery channel may rarely reach.

    A goal about lapsed members, low borrowers, new volunteers or struggling pupils is served through an
    app, an e-mail list or a website that mostly those already active open; the output reaches the
    engaged, and a metric counted over everyone (total loans, all sign-ups) can rise while the goal's
    group does not move.

    Mitigation: Count what share of the goal's group the channel reaches today; add a channel they use
    (post, a phone call, the desk) where it is small; score the success metric on the goal's group,
    beside the total.
    """
    group = GOAL_GROUP.find(plan.product.goal)
    channel = first_said(plan, _DELIVERY_PATHS, CHANNEL)
    if group is None or channel is None:
        return None
    path, words = channel
    evidence = [
        quote(plan, "product.goal", f"the goal names {group}"),
        quote(plan, path, f"delivered through {', '.join(words)}: what share of {group} does it reach?"),
    ]
    metric = plan.product.success_metric
    if metric and not GOAL_GROUP.find(metric):
        evidence.append(
            quote(
                plan,
                "product.success_metric",
                f"counted over everyone: it can rise while {group} do not move; score it on {group}",
            )
        )
    return Hint((group, *words), tuple(evidence))


# A later step where most are lost: offers declined, volunteers dropping out, no-shows.
LATER_LOSS = Lexicon(
    """
    drop out, drops out, dropped out, dropping out, drop-out, drop-outs, dropout, dropouts, drop-out rate
    decline, declines, declined, turn down, turns down, turned down, no-show, no-shows, never start
    never started, never turn up, do not turn up, don't turn up, never show up, do not show up, quit, quits
    give up, gives up, gave up, leave within, left within, never finish, never finished, do not finish
    don't finish
    """,
    unless="decline in, declines in, declined by, decline of",
)
# Words saying the label or metric counts the later step: still there, stayed, finished.
_STILL_THERE = Lexicon("""
    still active, still volunteering, still enrolled, still there, stayed, stays, retained, retention
    completed, finished, finish, active after, months after, weeks after, attended, turned up, showed up
""")
_LOSS_PATHS = ("product.pain", "product.current_performance", "impact.bottleneck")
_MATCHING = (*RANKED_LISTS, TaskType.matching)


@rule(
    "later-step-loses-more",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Compare the step the model improves with the step that loses most",
        "Where most are lost after the match (offers declined, people dropping out), a better ranking moves "
        "little: measure each step's loss on past cases, and aim the model (or the effort) at the step that "
        "loses most, or make its label the later outcome",
        "info",
    ),
    ask="does a later step lose more than the one the model improves?",
    fires=(
        Case(
            {
                "product.task": "ranking",
                "product.pain": "Most matched volunteers drop out within two months.",
                "product.label": "Volunteer accepted the role offered.",
            },
            evidence=(
                'product.pain: "Most matched volunteers drop out within two months." (drop out: most are lost '
                "after the step the model improves; which step loses most?)",
                'product.label: "Volunteer accepted the role offered." (the model improves the step before it)',
                'product.task: "ranking"',
            ),
        ),
    ),
    quiet=(
        Case(  # the label is the later outcome itself
            {
                "product.task": "ranking",
                "product.pain": "Most matched volunteers drop out within two months.",
                "product.label": "Volunteer still active six months after the match.",
            }
        ),
        Case(  # not a ranking or a match
            {
                "product.pain": "Most matched volunteers drop out within two months.",
                "product.label": "Volunteer accepted the role offered.",
            }
        ),
    ),
)
def later_step_loses_more(plan: Plan) -> Evidence:
    """A later step loses more than the one the model improves.

    A ranking or a match improves who is offered what; where most offers are declined, or most matched
    people drop out soon after, the loss lies after that step, and a better ranking moves the end result
    little; the label (accepted, matched, enrolled) stops before the step that loses most.

    Mitigation: Measure on past cases how many are lost at each step (matched, accepted, started, still
    there); aim the model or the effort at the step that loses most, or make the label the later outcome
    (still active after six months), with the earlier step as a guardrail.
    """
    product = plan.product
    if product.task not in _MATCHING and product.action_shape is not ActionShape.choose_among:
        return None
    found = first_said(plan, _LOSS_PATHS, LATER_LOSS)
    label = product.label
    if found is None or not label:
        return None
    counted = [label, product.success_metric or "", *(metric.name for metric in plan.done.metrics)]
    if any(LATER_LOSS.find(text) or _STILL_THERE.find(text) for text in counted):
        return None  # the later step is what the model learns or is judged on
    path, words = found
    note = f"{', '.join(words)}: most are lost after the step the model improves; which step loses most?"
    shape = (
        quote(plan, "product.task")
        if product.task in _MATCHING
        else quote(plan, "product.action_shape", "a choice among a few suggestions")
    )
    return Hint(
        words,
        (
            quote(plan, path, note),
            quote(plan, "product.label", "the model improves the step before it"),
            shape,
        ),
    )
