"""Rules on a ranked list learned from the picks people made on the list shown today.

People click, book, contact and apply near the top of a list whatever sits there: labels logged on today's
order carry its position bias, so "shown at row 40, not picked" says little about the item, and an offline
ranking metric (NDCG, MRR, hit rate) scored on those logs rewards the model that re-learns the old order.
A boost the old order applied (a paid tier, a business rule) is learned as quality, then applied again on
top. A lead asks for the position as a training feature fixed at serving (or inverse-propensity weights),
a small randomised share of swapped positions to measure the effect, and a live interleaved or A/B test.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.circular import truth_from_old_process
from planner.judgement.rules.evidence import (
    answer_at,
    faq_paths,
    first_said,
    own_notes,
    quote,
    source_paths,
    ticked,
)
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    ActionShape,
    Category,
    Circumstance,
    DoneTodayBy,
    LabelSource,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
)

# Picks people make on a list they were shown, logged as labels (not "contacted" or "applications":
# staff contact customers and decide applications down a worklist too).
_LOGGED_PICKS = Lexicon("""
    click, clicks, clicked, click-through, click-throughs, clickthrough, booked, bookings
    picked, picks, accepted, accepts, impression, impressions, shown but not
    shown only, not opened, viewed details, add to basket, added to basket, add to cart, added to cart
    enquiry, enquiries, enquired, inquiry, inquiries
    vote, votes, voted, upvote, upvotes, upvoted, helpful votes, marked helpful, likes, liked, thumbs up
""")
# Picks that only a screen logs (a click, an impression, a basket): where people choose by hand today, a
# pick, an acceptance or a booking is their own choice, not a pick made on a list shown in an order.
_SCREEN_PICKS = Lexicon("""
    click, clicks, clicked, click-through, click-throughs, clickthrough, impression, impressions
    shown but not, shown only, not opened, viewed details, add to basket, added to basket, add to cart
    added to cart, vote, votes, voted, upvote, upvotes, upvoted, helpful votes, marked helpful, likes, liked
""")
# The order shown today written into the logs: the position each item was shown at.
_POSITION_LOGGED = Lexicon("""
    position, positions, row position, rank shown, slot shown, positions 1-3, first rows, first 10 rows
    top rows, top of the list, near the top, first page, above the fold
    newest first, most recent first, oldest first, listed newest first, sorted by newest, fixed order
""")
# What a plan says it does about the position effect.
_CORRECTED = Lexicon("""
    position bias, position as a feature, position feature, position shown as a feature
    position as an input, rank as a feature, position-aware, inverse propensity
    inverse-propensity, propensity weighting, propensity weights, propensity-weighted, ipw, ips weighting
    randomised swaps, randomized swaps, random swaps, swap test, swap experiment, swapped positions
    result randomisation, result randomization, randomised order, randomized order, shuffled order
    click model, click models, examination probability, unbiased learning to rank, debiased, debias
    position-debiased, position-corrected, position debiasing, top-k randomisation, top-k randomization
""")
# Offline ranking metrics: scored on logs of today's order they reward re-learning it.
_RANK_METRICS = Lexicon("""
    ndcg, ndcg@5, ndcg@10, ndcg@20, mrr, mean reciprocal rank, hit rate, hit-rate, hitrate, map@10
    mean average precision, precision@5, precision@10, recall@10, recall@20, hr@10
""")
_INTERLEAVED = Lexicon("interleaved, interleaving, team draft, team-draft, balanced interleaving")
# A boost or rule the old order applies for business reasons, not quality.
_BOOSTS = Lexicon(
    """boost, boosts, boosted, premium boost, sponsored, sponsored listing, sponsored listings, paid placement
    paid placements, pinned, promoted listing, promoted listings, featured listing, featured listings
    commercial boost, contractual boost""",
    unless="popularity boost, relevance boost, recency boost, freshness boost",
)

# Said of what people see today: a list, a page of results, a shortlist in some order.
_SHOWN_TODAY = Lexicon("""
    list, lists, listing, listings, ranked, ranking, rankings, results, search, searches, shown, displayed
    display, page, pages, feed, feeds, shortlist, shortlists, sorted, carousel, grid, catalogue, board
    newest, top of the list, top results, first page, first results
""")
# Said of today's list as shown in an order (not a search or a database people look things up in).
_ORDER_TODAY = Lexicon("""
    ranked, ranking, rankings, ranks, sorted, sorted by, ordered by, in order of, listed by, top of the list
    top of the results, top of the page, first page, first results, top results, top five, top ten, top 10
    top 5, newest first, most recent first, oldest first, feed, carousel, shortlist, shortlists, shortlisted
""")
_TODAY_PATHS = ("product.current_solution", "product.label", "product.current_performance", "product.pain")
HALF = 0.5  # a share this large is a live test's control arm, counted once as the test
_LOGGED = (LabelSource.existing, LabelSource.outcomes, LabelSource.proxy)
_BY_PEOPLE = (DoneTodayBy.our_experts, DoneTodayBy.other_staff)  # people do the task by hand today
_LISTS = (ActionShape.choose_among, ActionShape.top_of_queue)  # an ordered list people see and pick from
_LIVE = (OnlineValidation.a_b_test, OnlineValidation.interleaving)
_PICK_PATHS = ("product.label", "done.eval_set")
_BOOST_PATHS = ("product.current_solution", "product.output", "heuristics.humans_handle")

_RANKING = {"product.task": "ranking", "product.action_shape": "choose_among", "product.mode": "automate"}
_LOGS = {
    **_RANKING,
    "constraints.data.outcome_recorded_for": "selected_cases",
    "constraints.data.exploration_share": 0.05,
    "product.label": "Booked = 1, shown but not booked = 0, per search session.",
}


@rule(
    "position-bias-in-logs",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Correct the logged picks for position before learning from them",
        "People pick near the top of a list whatever sits there: give the model the position at training "
        "and fix it at serving (or weight by inverse propensity), swap a small random share of neighbours to "
        "measure the effect, and judge by an interleaved or A/B test, not by NDCG on the old order's logs",
        "warning",
    ),
    ask="do the picks logged on today's list follow its order as much as the items' worth?",
    fires=(
        Case(  # reviews ranked by the helpful votes they gathered where the old order showed them
            {
                "product.task": "ranking",
                "product.mode": "automate",
                "product.label": "Helpful votes each review received on the product page.",
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.labels": ["existing"],
            },
            evidence=(
                'product.task: "ranking" (a ranked list: people pick near the top whatever sits there)',
                'product.label: "Helpful votes each review received on the product page." (helpful votes: picks '
                "logged on the list shown today?)",
            ),
        ),
        Case(
            _LOGS,
            evidence=(
                'product.task: "ranking" (a ranked list: people pick near the top whatever sits there)',
                'product.action_shape: "choose_among" (people choose among the items shown)',
                'constraints.data.outcome_recorded_for: "selected_cases" (the labels are picks logged on the list '
                "shown today: they carry its position bias)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
        Case(  # an offline NDCG on the logs, and a paid boost in today's order
            {
                **_LOGS,
                "product.current_solution": "Hand-tuned score with a +20% boost for Premium members.",
                "done.metrics": [
                    {"name": "NDCG@10", "dataset": "Last two months of search logs", "target": 0.4}
                ],
            },
            evidence=(
                'product.task: "ranking" (a ranked list: people pick near the top whatever sits there)',
                'product.action_shape: "choose_among" (people choose among the items shown)',
                'constraints.data.outcome_recorded_for: "selected_cases" (the labels are picks logged on the list '
                "shown today: they carry its position bias)",
                'done.metrics[0].name: "NDCG@10" (scored on logs of today\'s order, it rewards re-learning that '
                "order: judge by an interleaved or A/B test)",
                'product.current_solution: "Hand-tuned score with a +20% boost for Premium members." (boost: '
                "learned from the logs as quality, then applied again on top)",
            ),
            also=frozenset({"selective-labels"}),
        ),
        Case(  # not ticked as only the shown: the label and the sources say logged clicks and positions
            {
                **_RANKING,
                "product.label": "Clicked within the session.",
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.model_decides_labels": None,
                "constraints.data.sources": [
                    {"name": "Search logs with position and clicks", "acquisition": "own"}
                ],
            },
            also=frozenset({"feedback-loop"}),
        ),
        Case(  # staff's own choices, made from a list shown today in an order: its top is favoured
            {
                **_LOGS,
                "product.label": "The supplier who fulfilled each past order.",
                "product.current_solution": "Buyers pick from the supplier list sorted by last year's volume.",
                "product.circumstances": ["labels_are_decisions"],
            },
        ),
        Case(  # another model's scores order the list customers choose from
            {**_LOGS, "product.task": "classification"},
            evidence=(
                'product.action_shape: "choose_among" (an ordered list: people pick near the top whatever sits '
                "there)",
                'constraints.data.outcome_recorded_for: "selected_cases" (the labels are picks logged on the list '
                "shown today: they carry its position bias)",
            ),
        ),
        Case(  # librarians choose for each reader by hand, from no ordered list: low, log positions from launch
            {
                **_LOGS,
                "product.label": "Book borrowed and finished by the reader.",
                "product.current_solution": "A librarian talks with each reader and suggests titles from the reading lists.",
                "by_hand.done_today_by": "our_experts",
            },
            evidence=(
                'product.task: "ranking" (a ranked list: people pick near the top whatever sits there)',
                'by_hand.done_today_by: "our_experts" (people choose by hand today, from no list shown in an order: '
                "the past picks carry no position; log the position each item is shown at from launch on)",
            ),
        ),
    ),
    quiet=(
        Case(_RANKING),  # the auditors label every pair: no picks logged on a list
        Case(
            {
                **_LOGS,
                "product.inputs": "Item features and the position it was shown at (position as a feature).",
            }
        ),
        Case({**_LOGS, "product.task": "classification", "product.action_shape": "threshold"}),
        Case(  # a worklist: nothing says its picks were made down a list shown in order
            {**_LOGS, "product.task": "classification", "product.action_shape": "top_of_queue"}
        ),
        Case({**_LOGS, "constraints.data.labels": ["manual"]}),  # people judged each item's relevance
        Case(  # a ranking used as the order staff call in: the donors see no list
            {
                **_LOGS,
                "product.action_shape": "top_of_queue",
                "product.label": "Donor accepted the ask on the call.",
            }
        ),
        Case(  # a ranking, and nothing says any list is shown today: the accepted offers carry no position
            {
                "product.task": "ranking",
                "product.current_solution": "Advisers pick a tariff for each caller by hand.",
                "product.label": "Customer accepted the tariff offered.",
                "constraints.data.labels": ["existing"],
            }
        ),
        Case(  # staff look suppliers up and ask one at a time: their own choices, no order shown today
            {
                **_LOGS,
                "product.label": "The supplier who fulfilled each past order.",
                "product.current_solution": "Buyers search the supplier register and phone one supplier at a time.",
                "product.circumstances": ["labels_are_decisions"],
            },
        ),
        Case(  # the outcome of each household chosen by officers who phone whom they know: no list today
            {
                **_LOGS,
                "product.label": "Tenancy ended in arrears within a year.",
                "product.current_solution": "Housing officers read each application and phone landlords they know.",
                "constraints.data.labels": ["outcomes"],
            },
            also=frozenset({"selective-labels"}),
        ),
        Case(  # the service is new: nobody does it today, so no list has been shown to learn the order of
            {**_LOGS, "by_hand.done_today_by": "nobody"}
        ),
        Case(  # a worklist: the outcome of the cases acted on (an inspection's finding), not picks on a list
            {
                **_LOGS,
                "product.action_shape": "top_of_queue",
                "product.label": "Bearing found worn at the close inspection.",
            }
        ),
    ),
)
def position_bias_in_logs(plan: Plan) -> Evidence:
    """Labels logged on today's ranked list carry its position bias.

    People click, book, contact or apply near the top of a list whatever sits there. Labels logged on the
    list shown today record its order as much as each item's worth: an item shown at row 40 and not picked
    is no negative, the model learns to put first what was shown first, and an offline ranking metric (NDCG,
    MRR, hit rate) on the same logs rewards the model that re-learns the old order. A boost the old order
    applied for business reasons (a paid tier, a rule) is learned as quality and then applied twice.

    Mitigation: Give the model the position each item was shown at during training and fix it at serving
    (or weight the picks by inverse position propensity); swap a small random share of neighbouring
    positions to measure the position effect; learn without the boost the old order applied, and apply it
    once; judge the model by an interleaved or A/B test, reading NDCG on the logs as a guide only.
    """
    data, product = plan.constraints.data, plan.product
    ranked_task, shape = product.task in RANKED_LISTS, product.action_shape
    if not (ranked_task or shape in _LISTS) or not set(data.labels) & set(_LOGGED) or _corrected(plan):
        return None
    if _no_list_today(plan):
        return None  # nobody does the task today: no list has been shown, so no order to learn
    if _own_choices_unordered(plan):
        return None  # staff choose by their own search today: label-from-old-process weighs their habits
    selected = _selected(plan)
    if selected is None and data.outcome_recorded_for is OutcomeRecorded.every_case:
        return None  # every case's outcome is recorded, not only the picks on a list
    if ranked_task:
        ranked = quote(plan, "product.task", "a ranked list: people pick near the top whatever sits there")
    else:  # an ordered list people see, scored by another kind of model
        ranked = quote(
            plan, "product.action_shape", "an ordered list: people pick near the top whatever sits there"
        )
    likelihood = _likelihood(plan)
    if selected and shape is ActionShape.choose_among:
        chosen = quote(plan, "product.action_shape", "people choose among the items shown")
        found: tuple[str, ...] = (ranked, *((chosen,) if ranked_task else ()), selected, *_extras(plan))
        if plan.product.current_solution and not first_said(
            plan, (*_TODAY_PATHS, *source_paths(plan)), _SHOWN_TODAY
        ):
            if _no_picks_on_a_list(plan):
                return None  # chosen by people's own search today: selective-labels weighs who was chosen
            # nothing says today's picks are made on a list shown in order (offers made one at a time)
            note = "is a list shown in order today? If not, the logged picks carry no position yet"
            found = (*found, quote(plan, "product.current_solution", note))
            likelihood = min(likelihood, 3)
        else:
            by_hand = _chosen_by_hand_unordered(plan)
            if by_hand:  # people choose today, from no order: the bias starts with the model's own list
                return Tempered(1, (ranked, by_hand))
        return found if likelihood == 4 else Tempered(likelihood, found)
    picks = first_said(plan, (*_PICK_PATHS, *source_paths(plan)), _LOGGED_PICKS)
    if picks is None:
        return None  # outcomes of the cases acted on (an inspection's finding), not picks on a list
    positions = (*source_paths(plan), "product.label", "product.current_performance")
    shown = first_said(plan, positions, _POSITION_LOGGED)
    if shown is None and (not ranked_task or shape is ActionShape.top_of_queue):
        return None  # a worklist staff work down: the cases not reached lack outcomes, no order was shown
    if (
        shown is None
        and shape is None
        and not first_said(plan, (*_TODAY_PATHS, *source_paths(plan)), _SHOWN_TODAY)
    ):
        return None  # nothing says a list is shown to anyone today: its picks carry no position yet
    words = picks[1] + (shown[1] if shown else ())
    said = quote(plan, picks[0], f"{', '.join(picks[1])}: picks logged on the list shown today?")
    evidence = (ranked, *((selected,) if selected else ()), said, *_extras(plan))
    return Hint(words, evidence, likelihood if likelihood < 4 else None)


def _no_list_today(plan: Plan) -> bool:
    """Whether the team says nobody does the task today (so no list has been shown to learn the order of)
    and nothing says the logs hold the position an item was shown at; words alone (offers made one at a
    time) lower the level to a question instead."""
    shown = first_said(
        plan, (*source_paths(plan), "product.label", "product.current_performance"), _POSITION_LOGGED
    )
    if shown is not None:
        return False
    return plan.by_hand.done_today_by is DoneTodayBy.nobody


def _chosen_by_hand_unordered(plan: Plan) -> str | None:
    """The answer saying people do the task by hand today (`by_hand.done_today_by`), quoted, when today's
    process is described and nothing says it shows an order (ranked, sorted, a shortlist), logs the position
    an item was shown at, or logs picks made on a screen: a word such as `list` or `search` alone names no
    order whose top people favour. Today's picks then carry the choosers' judgement, not a position; the
    bias starts with the model's own list, so the positions are to be logged from launch on."""
    if plan.by_hand.done_today_by not in _BY_PEOPLE or not plan.product.current_solution:
        return None
    positions = (*source_paths(plan), "product.label", "product.current_performance")
    if first_said(plan, positions, _POSITION_LOGGED) or first_said(
        plan, (*_PICK_PATHS, *source_paths(plan)), _SCREEN_PICKS
    ):
        return None
    if first_said(plan, (*_TODAY_PATHS, *source_paths(plan)), _ORDER_TODAY):
        return None
    note = (
        "people choose by hand today, from no list shown in an order: the past picks carry no position; "
        "log the position each item is shown at from launch on"
    )
    return quote(plan, "by_hand.done_today_by", note)


def _no_picks_on_a_list(plan: Plan) -> bool:
    """Whether nothing says the labels hold picks made on a list or the position an item was shown at: today's
    process is described, no list is, and the labels are what became of the chosen cases (an outcome seen
    later), not a pick logged on a screen. Position bias needs an order people saw; without one the labels
    carry who was chosen, which selective-labels weighs."""
    positions = (*source_paths(plan), "product.label", "product.current_performance")
    if first_said(plan, positions, _POSITION_LOGGED):
        return False
    return first_said(plan, (*_PICK_PATHS, *source_paths(plan)), _LOGGED_PICKS) is None


def _own_choices_unordered(plan: Plan) -> bool:
    """Whether the labels are the decisions today's staff make on their own (ticked), and nothing says they
    pick from a list shown in an order: no logged picks (clicks, bookings), no position logged, no ranked
    or sorted list today. People who look up a database and approach one candidate at a time see no order
    whose top they favour; what their habits teach the model is label-from-old-process's to weigh."""
    if ticked(plan, Circumstance.labels_are_decisions) is None:
        return False
    positions = (*source_paths(plan), "product.label", "product.current_performance")
    if first_said(plan, positions, _POSITION_LOGGED) or first_said(
        plan, (*_PICK_PATHS, *source_paths(plan)), _LOGGED_PICKS
    ):
        return False
    return first_said(plan, (*_TODAY_PATHS, *source_paths(plan)), _ORDER_TODAY) is None


def _selected(plan: Plan) -> str | None:
    """The structured answer saying the labels exist only for what was shown or chosen, quoted."""
    data = plan.constraints.data
    note = "the labels are picks logged on the list shown today: they carry its position bias"
    if data.outcome_recorded_for is OutcomeRecorded.selected_cases:
        return quote(plan, "constraints.data.outcome_recorded_for", note)
    if data.outcome_recorded_for is None and data.model_decides_labels is True:
        return quote(plan, "constraints.data.model_decides_labels", note)
    return None


def _likelihood(plan: Plan) -> int:
    """4; one less for each guard against being misled: a small random share of traffic (it can measure
    the position effect) and a live A/B or interleaved test judging the model before launch."""
    share, live = plan.constraints.data.exploration_share or 0, plan.done.online_validation in _LIVE
    shared = 0 < share < HALF or (
        share > 0 and not live
    )  # half the traffic is a live test's arm, not a share
    return 4 - shared - live


def _corrected(plan: Plan) -> bool:
    """Whether the plan says it corrects for the position effect (a position feature, propensity weights,
    randomised swaps, a click model)."""
    paths = ("product.inputs", "product.label", "done.eval_set", "impact.if_it_fails", *source_paths(plan))
    texts = [answer_at(plan, path) for path in paths]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    return any(_CORRECTED.find(text) for text in (*texts, *own_notes(plan)) if isinstance(text, str))


def _extras(plan: Plan) -> tuple[str, ...]:
    """What makes the bias bite: an offline ranking metric scored on the logs, and a business boost in
    today's order that the logs teach as quality."""
    found = []
    # truth-from-old-process already says the metric is scored on what today's process chose: asked once
    metrics = () if truth_from_old_process(plan) else plan.done.metrics
    for index, metric in enumerate(metrics):
        if _RANK_METRICS.find(metric.name) and not _INTERLEAVED.find(f"{metric.name} {metric.dataset or ''}"):
            note = "scored on logs of today's order, it rewards re-learning that order: judge by an interleaved or A/B test"
            found.append(quote(plan, f"done.metrics[{index}].name", note))
            break
    paths = (*_BOOST_PATHS, *(f"heuristics.rules[{i}].action" for i in range(len(plan.heuristics.rules))))
    boost = first_said(plan, paths, _BOOSTS)
    if boost is None:
        notes = list(faq_paths(plan))
        boost = first_said(plan, notes, _BOOSTS)
    if boost:
        note = f"{', '.join(boost[1])}: learned from the logs as quality, then applied again on top"
        found.append(quote(plan, boost[0], note))
    return tuple(found)
