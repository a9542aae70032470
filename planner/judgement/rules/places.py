"""Rules on what a recommender's items are: items with limited places (seats, roles, slots) that fill when
every list sends demand to the same few; items chosen by obligation (a mandatory course, an auto-renewal)
counted as hits; and a display the system itself feeds (a "popular now" shelf) whose picks then echo it.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    limit_ticked,
    metric_name_paths,
    quote,
    said_or_settled,
)
from planner.judgement.rules.interference import POOLED, arms_share_supply
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, OnlineValidation, Plan
from planner.plan.workings import OutcomeLimit

# Items of which only a few can be taken: seats on a course, places at an event, roles, slots, stock.
LIMITED = Lexicon(
    """
    seats, seat limit, limited seats, limited places, places per, places left, places on the course
    course places, event places, limited spaces, slots, time slots, appointment slots, volunteer roles
    volunteering roles, open roles, vacancies, event tickets, tickets left, capacity, capacities
    class size, class sizes, fully booked, sold out, waiting list
    waiting lists, waitlist, waitlists, limited stock, stock levels, out of stock, in stock
    up for adoption, for adoption, adoptable, to adopt, be adopted, adopted once, rehome, rehoming, rehomed
    one-off, one of a kind, one-of-a-kind, unique item, unique items, unique listing, unique listings
    let once, sold once, taken once, second-hand, secondhand, pre-owned, preloved, pre-loved, under offer
    """,
    unless="""
    decimal places, places visited, places of, market places, marketplaces, in places, parking spaces
    white spaces, namespaces, name spaces, storage capacity, server capacity, model capacity, capacity planning
    """,
)
# Words saying the ranking or the test already heeds the places left.
PLACES_HEEDED = Lexicon("""
    capacity-aware, capacity aware, places left, seats left, spaces left, remaining places, remaining seats
    remaining capacity, spare capacity, free places, free seats, seats available, places available
    available places, available seats, cap per item, capped per item, per-item cap, exposure cap, quota
    quotas, spread demand, spreads demand, spread the demand, fill rate, fullness, occupancy, hide full
    hides full, full courses hidden, full items hidden, free slots, free time slots, free appointment slots
    open slots, available slots, slots left, slot availability, seat availability, place availability
""")
# A goal of placing what nobody picks: ranking by appeal (and a popularity baseline) pulls against it.
HARD_TO_PLACE = Lexicon("""
    long-stay, long stay, long-stayers, hard to place, hard-to-place, hardest to place, overlooked
    least viewed, slow-moving, slow movers, slow sellers, long tail, long-tail, hard to rehome, hard-to-rehome
""")
_ITEM_PATHS = (
    "product.inputs",
    "product.output",
    "product.decision",
    "product.goal",
    "product.pain",
    "constraints.data.differences_note",
)
_TESTS = (OnlineValidation.a_b_test, OnlineValidation.holdout)
_WORKLIST = (ActionShape.top_of_queue, ActionShape.threshold)


def _chooses(plan: Plan) -> bool:
    """A recommender or ranked list people choose from, not a worklist people work down."""
    product = plan.product
    if product.action_shape in _WORKLIST:
        return False
    return product.task in RANKED_LISTS or product.action_shape is ActionShape.choose_among


def _heeded(plan: Plan, lexicon: Lexicon, paths: tuple[str, ...]) -> bool:
    done = ("done.when_met", "done.eval_set", *metric_name_paths(plan))
    return said_or_settled(plan, (*paths, *done), lexicon)


@rule(
    "recommended-places-fill",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Rank with the places left in view, and test by places or by time",
        "Every list sends demand to the same few top items, which fill while others stay empty: rank with "
        "the places left (a cap or a penalty as an item fills), do not take the popularity baseline as the "
        "bar, and split the places or the time between test arms, not the users",
        "warning",
    ),
    ask="do the recommended items have limited places that the same top picks will fill?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.inputs": "Each course's subject; each course has 16 seats.",
            },
            evidence=(
                'product.task: "recommendation" (every list sends demand to the items it ranks high)',
                'product.inputs: "Each course\'s subject; each course has 16 seats." (seats: each item has '
                "limited places; the same few top items fill, and a popularity baseline pushes the same way)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
        Case(  # capped outcomes ticked, tested by user: a treated user takes a place a control user would have
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "constraints.data.outcome_limits": ["capped"],
                "done.online_validation": "a_b_test",
            },
        ),
        Case(  # each dog can be adopted once: a capacity of one, and a goal the top picks pull against
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.goal": "More long-stay dogs are adopted.",
                "product.decision": "Each visitor sees eight suggested dogs up for adoption.",
            },
            evidence=(
                'product.task: "recommendation" (every list sends demand to the items it ranks high)',
                'product.decision: "Each visitor sees eight suggested dogs up for adoption." (up for adoption: '
                "each item has limited places; the same few top items fill, and a popularity baseline pushes the "
                "same way)",
                'product.goal: "More long-stay dogs are adopted." (long-stay: ranking by appeal and popularity '
                "pulls against placing these: judge them apart)",
            ),
        ),
    ),
    quiet=(
        Case(  # the adoption of a feature: uptake, not an item taken once
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.decision": "Each user sees three suggested features to raise adoption.",
            }
        ),
        Case(  # the ranking sees the places left
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.inputs": "Each course's subject and its seats left, with a cap per item on exposure.",
            }
        ),
        Case(  # a worklist, not items people take
            {
                "product.task": "classification",
                "product.inputs": "Each course's subject; each course has 16 seats.",
            }
        ),
    ),
)
def recommended_places_fill(plan: Plan) -> Evidence:
    """The recommended items have limited places, and the same top picks fill them.

    Courses with seats, volunteering roles, appointment slots, events or stock can each be taken by a
    few; a recommender ranking by appeal sends everyone to the same top items, which fill (the rest
    stay empty, and later users are sent to full items), a popularity baseline pushes the same way, and
    an A/B test by user lets a treated user take a place a control user would have had.

    Mitigation: Rank with the places left in view (a cap per item, a penalty as it fills, full items
    hidden), judge the fill of all items, not only the top ones, and test by splitting the places or
    the time (alternate weeks), not the users.
    """
    if not _chooses(plan):
        return None
    capped = limit_ticked(plan, OutcomeLimit.capped)
    found = first_said(plan, _ITEM_PATHS, LIMITED)
    if (capped is None and found is None) or _heeded(plan, PLACES_HEEDED, _ITEM_PATHS):
        return None
    evidence = [quote(plan, "product.task", "every list sends demand to the items it ranks high")]
    if capped:
        evidence.append(capped)
    if found:
        path, words = found
        note = (
            f"{', '.join(words)}: each item has limited places; the same few top items fill, and a popularity "
            "baseline pushes the same way"
        )
        evidence.append(quote(plan, path, note))
    hard = first_said(plan, ("product.goal", "product.pain", "product.success_metric"), HARD_TO_PLACE)
    if hard:
        note = f"{', '.join(hard[1])}: ranking by appeal and popularity pulls against placing these: judge them apart"
        evidence.append(quote(plan, hard[0], note))
    shared = plan.done.online_validation in _TESTS and not _heeded(plan, POOLED, ())
    if shared and not arms_share_supply(plan):  # test-arms-share-supply asks it otherwise
        evidence.append(
            quote(
                plan,
                "done.online_validation",
                "arms share the same places: a treated user takes one a control user would have had; split "
                "the places or the time, not the users",
            )
        )
    return tuple(evidence) if capped else Hint(found[1] if found else (), tuple(evidence))


# Choices made by obligation or by default: a required course, an auto-renewal, a default option.
OBLIGED = Lexicon("""
    mandatory, compulsory, obligatory, required course, required courses, required module, required modules
    core module, core modules, core course, core courses, required reading, set texts, auto-renewal
    auto-renewals, auto-renew, auto-renews, auto-renewed, automatic renewal, automatic renewals, renewed
    automatically, renews automatically, default option, default options, default choice, default plan
    by default, pre-selected, preselected, pre-ticked, preticked, assigned by the school, assigned by staff
""")
# Words saying the obliged choices are left out of the label and the metric.
OBLIGED_LEFT_OUT = Lexicon("""
    excluding, excludes, excluded, exclude, without the, left out, leaves out, leave out, removed, remove
    electives only, only electives, optional only, only optional, only chosen, freely chosen, chosen freely
    not counted, do not count, does not count
""")
_OBLIGED_PATHS = (
    "product.label",
    "product.inputs",
    "product.success_metric",
    "constraints.data.differences_note",
    "product.pain",
    "product.current_solution",
)


@rule(
    "obliged-picks-counted",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Leave picks made by obligation out of the label and the metric",
        "A mandatory course, an auto-renewal or a default option is taken whatever is shown: counted as "
        "hits they inflate the hit rate and teach the model to recommend what nobody chose; drop them from "
        "the label and score only free choices",
        "warning",
    ),
    ask="do the picks counted as hits include choices made by obligation or by default?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.label": "Modules each student registered for, including mandatory modules.",
            },
            evidence=(
                'product.label: "Modules each student registered for, including mandatory modules." '
                "(mandatory: taken whatever is shown; counted as hits they inflate the hit rate: exclude "
                "them from the label and the metric)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
    ),
    quiet=(
        Case(  # the obliged picks are left out
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.label": "Modules each student registered for, excluding mandatory modules.",
            }
        ),
        Case(  # not a recommender
            {
                "product.task": "classification",
                "product.label": "Modules each student registered for, including mandatory modules.",
            }
        ),
    ),
)
def obliged_picks_counted(plan: Plan) -> Evidence:
    """Picks made by obligation or default count as hits.

    Where some choices are not choices (a mandatory course, a subscription that renews on its own, an
    option set by default), the logs count them as picks: the model learns to recommend them, every
    list gets them right, and the hit rate rises with no choice helped.

    Mitigation: Mark obligatory and default picks in the data, leave them out of the label and the
    metric (or score them apart), and judge the recommender on free choices only.
    """
    if not _chooses(plan):
        return None
    for path in _OBLIGED_PATHS:
        text = answer_at(plan, path)
        words = OBLIGED.find_all(text)
        if words and not OBLIGED_LEFT_OUT.find(text):
            note = (
                f"{', '.join(words)}: taken whatever is shown; counted as hits they inflate the hit rate: "
                "exclude them from the label and the metric"
            )
            return Hint(words, (quote(plan, path, note),))
    return None


# A display that lists what was picked most: fed by picks the recommendations themselves drive.
# A top list names a chart of what was picked most, or the model's own top items by its score: in the
# model's output it is the latter, and feeds no shelf from the picks.
TOP_N = Lexicon("top list, top lists, top 10, top ten, top twenty")
SELF_FED_DISPLAY = Lexicon("""
    popular now, trending, trending now, most popular, top list, top lists, top 10, top ten, top twenty
    bestseller list, bestsellers list, best-seller list, bestseller shelf, most read, most borrowed
    most picked, most viewed, most booked, most watched, hot right now, popular this week, popular today
    what others are reading, others also borrowed, others also bought, others also booked
""")
# Words saying each pick's source display is logged, or the display leaves out the model's own picks.
SOURCE_LOGGED = Lexicon("""
    which display, which shelf, which surface, which placement, source of each pick, source of the pick
    per placement, per surface, per display, by placement, by surface, placement logged, surface logged
    organic picks, organic only, only organic, excluding recommended, excludes recommended
    not fed by the recommendations, not fed by recommendations
""")
_DISPLAY_PATHS = ("product.decision", "product.output", "press_release.solution", "product.goal")


@rule(
    "display-echoes-the-model",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Log which display each pick came from, and keep the model's own picks out of the lists it feeds",
        "A top list or a popular-now shelf filled from picks the recommendations drove shows the model's "
        "choices again, and the logs then echo the model: log each pick's display, fill the shelf from "
        "organic picks or per exposure, and train and score on picks with their source",
        "info",
    ),
    ask="does a display the system feeds (a popular-now shelf, a top list) echo the model in the logged picks?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.decision": "The home page shows eight suggested titles and a popular now shelf.",
            },
            evidence=(
                'product.decision: "The home page shows eight suggested titles and a popular now shelf." '
                "(popular now: a display filled from picks the recommendations drive; the logged picks then "
                "echo the model)",
                'product.task: "recommendation"',
            ),
            also=frozenset({"no-popularity-baseline", "anchoring-on-proposal"}),
        ),
    ),
    quiet=(
        Case(  # each pick's display is logged
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.decision": "The home page shows eight suggested titles and a popular now shelf; "
                "the source of each pick is logged.",
            }
        ),
        Case(  # the top 10 is the model's own ranking of each member's matches, no chart of picks
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.decision": "Each member gets a weekly list of suggested climbing partners.",
                "product.output": "A match score per pair of members; each member's top 10 partners by it.",
            }
        ),
        Case(  # no display of the system's own picks
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "product.decision": "The home page shows eight suggested titles.",
            }
        ),
    ),
)
def display_echoes_the_model(plan: Plan) -> Evidence:
    """A display the system feeds echoes the model in the logged picks.

    A "popular now" shelf or a top list filled from what was picked most is fed by the recommendations'
    own picks; shown to everyone, it raises those items again, and the logs a new model learns from
    (and is scored on) hold the old model's choices twice over.

    Mitigation: Log which display each pick came from; fill the shelf from organic picks or counts per
    exposure; train and score on picks with their source, and weigh the shelf's echo apart.
    """
    if not _chooses(plan):
        return None
    found = _self_fed_display(plan)
    if found is None or _heeded(plan, SOURCE_LOGGED, (*_DISPLAY_PATHS, "product.inputs", "product.label")):
        return None
    path, words = found
    note = (
        f"{', '.join(words)}: a display filled from picks the recommendations drive; the logged picks then "
        "echo the model"
    )
    return Hint(words, (quote(plan, path, note), quote(plan, "product.task")))


def _self_fed_display(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer naming a display filled from picks, and its words; a top list in the model's own
    output is its ranking by its score, not a chart of what was picked most."""
    for path in _DISPLAY_PATHS:
        words = SELF_FED_DISPLAY.find_all(answer_at(plan, path))
        if path == "product.output":
            words = tuple(word for word in words if not TOP_N.find(word))
        if words:
            return path, words
    return None
