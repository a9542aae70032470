"""Rules on the cases a model meets with no past: new customers, items, stores or listings.

A model that reads each case's own history (purchases, sales, visits, claims) has nothing to read for a
case that is new, and in most products new ones arrive every week: a lead asks what share they are and
what the product does for them before anyone trains on the well-known ones.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.data import nothing_trained
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.hosted import as_tuned, tuned_on_cases
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Newcomers, Plan, RowsPerThing, Split, TaskType

# Inputs read from each case's own past: a history of the customer, item, store or account.
OWN_HISTORY = Lexicon("""
    purchase history, purchase histories, order history, order histories, past purchases, past orders
    previous orders, previous purchases
    viewing history, watch history, browsing history, listening history, reading history, search history
    past visits, previous visits, visit history, claims history, prior claims, previous claims
    booking history, past bookings, previous bookings, payment history, repayment history
    rating history, past ratings, past behaviour, past behavior, click history, past clicks
    interaction history, past interactions, usage history, past usage, account history, transaction history
    their history, its history, the customer's history, the user's history, the item's history
    history with us, past recorded, previously recorded
""")

# Where a plan may say what happens for the cases with no past.
NEWCOMERS_SAID = Lexicon("""
    cold start, cold-start, cold starts, no history, without history, little history, short history
    new customers, new customer, new users, new user, new items, new item, new products, new product
    new stores, new store, new listings, new listing, new accounts, new account, new members
    new titles, new skus, new sku, newly listed, first-time, first time, newcomers, newcomer
    new suppliers, new supplier, new patients, new patient, new sites, new vendors, new vendor
    new launches, product launches, fallback for new, popularity fallback, most popular
""")

# Tasks whose output depends on each case's own past more than on its description.
PER_CASE_PAST = (
    TaskType.recommendation,
    TaskType.ranking,
    TaskType.forecasting,
    TaskType.classification,
    TaskType.regression,
    TaskType.matching,
)

_SAID_IN = (
    "product.inputs",
    "product.unseen_by_model",
    "impact.easy_slice",
    "heuristics.humans_handle",
    "after_launch.fallback",
    "constraints.data.differences_note",
    "done.eval_set",
)


# Tasks that read each item's or customer's own past by their nature (a recommender's purchases, a
# forecast's series): a case with no past has nothing to read, whatever the inputs' words. A ranking is not
# one of them: a queue ordered by what every new item has (a property's size and age, a record's text)
# reads no past, so it counts only where its inputs name the item's own history.
_OWN_PAST = (TaskType.recommendation, TaskType.forecasting)

_SHARE = {
    Newcomers.many: "1 in 10 or more of production cases concern items, people or places the data never saw",
    Newcomers.all_new: "nearly every case concerns something new: each period brings new ones",
}


@rule(
    "newcomers-have-no-history",
    Category.model,
    likelihood=5,
    impact=3,
    move=Move(
        "Count the cases that arrive with no history, and decide what they get",
        "A model that reads each case's own past has nothing to read for a new customer, item or store: "
        "give new ones a fallback from their description or their category's history, compare with a "
        "popularity or category-level baseline, and evaluate on whole items or customers held out, "
        "reporting new ones apart",
    ),
    ask="what does the model do for a case that arrives with no history?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.inputs": "Each member's purchase history and ratings.",
                "constraints.data.newcomers": None,
            },
            evidence=(
                'product.inputs: "Each member\'s purchase history and ratings."',
                'product.task: "recommendation"',
            ),
            also=frozenset({"no-popularity-baseline"}),  # the ERP's block is today's solution
        ),
        Case(  # the team said nearly every case is new, for a model that reads each one's past: high
            {
                "product.task": "forecasting",
                "constraints.data.newcomers": "all_new",
                "product.inputs": "Weekly sales of each item in each store.",
            },
            evidence=(
                'constraints.data.newcomers: "all_new" (nearly every case concerns something new: each period '
                "brings new ones)",
                "product.task: \"forecasting\" (reads each item's or customer's own past: a new one has none)",
                "nothing said of what new ones get (their description, their category's history, the most "
                "popular), nor of an evaluation on items or customers held out whole",
            ),
            also=frozenset({"random-split-on-time-data"}),
        ),
        Case(  # many, with a fallback said but no evaluation on them apart: low
            {
                "product.task": "recommendation",
                "constraints.data.newcomers": "many",
                "after_launch.fallback": "New members get the most popular titles of their region.",
            },
        ),
        Case(  # a ranking whose inputs are each supplier's own past with us: new suppliers have none
            {
                "product.task": "ranking",
                "constraints.data.newcomers": "many",
                "product.inputs": "Each supplier's delivery history with us and its price list.",
            },
        ),
        Case(  # not checked, for a recommender: a low question
            {"product.task": "recommendation", "constraints.data.newcomers": "not_checked"},
            evidence=(
                'constraints.data.newcomers: "not_checked" (what share of production cases are new, with no '
                "past for the model to read?)",
                "product.task: \"recommendation\" (reads each item's or customer's own past: a new one has none)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "recommendation",
                "product.inputs": "Each member's purchase history; new members get the most popular titles.",
                "constraints.data.newcomers": None,
            }
        ),
        Case({"product.task": "recommendation", "product.inputs": "The title's genre, cast and synopsis."}),
        Case(  # the team said few cases are new: the words of the inputs only asked that
            {
                "product.task": "recommendation",
                "product.inputs": "Each member's purchase history and ratings.",
                "constraints.data.newcomers": "few",
            }
        ),
        Case(  # many new, a fallback said and new ones evaluated apart
            {
                "product.task": "recommendation",
                "constraints.data.newcomers": "many",
                "after_launch.fallback": "New members get the most popular titles of their region.",
                "done.eval_set": "Members held out whole, with new members reported apart.",
            }
        ),
        Case(  # a classifier reading each invoice's own content: a new supplier has nothing missing
            {"constraints.data.newcomers": "many"}
        ),
        Case(  # a queue ordered by what every new listing has (floor area, build year, a photo): no past to miss
            {
                "product.task": "ranking",
                "constraints.data.newcomers": "many",
                "product.inputs": "Floor area, build year, heating type and the front photo of each vacant flat.",
            }
        ),
    ),
)
def newcomers_have_no_history(plan: Plan) -> Evidence:
    """Cases that arrive with no history have nothing for the model to read.

    A model that reads each customer's, item's or store's own past (purchases, sales, visits, claims)
    does well on the well-known ones and has nothing to go on for a new one, while new ones arrive every
    week and are often the cases that matter most (new customers, launches, new stores, a season's new
    range). Its average score, measured mostly on familiar cases, hides that, and a random or time split
    puts the same items on both sides.

    Mitigation: Measure what share of the volume arrives with little or no history; give those cases a
    fallback from their description or their category's history (the most popular, the category
    average, the rules, a person) and compare with that popularity or category-level baseline; evaluate
    on whole items or customers held out, reporting the new ones apart.
    """
    if plan.product.task not in PER_CASE_PAST:
        return None
    share = plan.constraints.data.newcomers
    if share in (Newcomers.none, Newcomers.few):
        return None  # the team counted them: few cases arrive with no past
    history = first_said(plan, ("product.inputs",), OWN_HISTORY)
    if share is None:
        if first_said(plan, _SAID_IN, NEWCOMERS_SAID) or history is None:
            return None  # the plan already says what happens for new ones, or reads no past
        path, words = history
        return Hint(words, (quote(plan, path), quote(plan, "product.task")), likelihood=3)
    if plan.product.task in _OWN_PAST:
        reads = quote(plan, "product.task", "reads each item's or customer's own past: a new one has none")
    elif history is not None:
        reads = quote(plan, history[0], f"reads each case's own past: {', '.join(history[1])}")
    else:
        return None  # the model reads each case's own content, not its past
    handled = first_said(plan, _HANDLED_IN, NEWCOMERS_SAID) is not None
    apart = evaluated_apart(plan)
    if share is Newcomers.not_checked:
        if handled:
            return None
        note = "what share of production cases are new, with no past for the model to read?"
        return Tempered(2, (quote(plan, "constraints.data.newcomers", note), reads))
    said = quote(plan, "constraints.data.newcomers", _SHARE[share])
    if handled and apart:
        return None
    if handled:
        return Tempered(2, (said, reads, "nothing said of an evaluation on new ones apart"))
    missing = (
        "nothing said of what new ones get (their description, their category's history, the most popular)"
    )
    if not apart:
        missing += ", nor of an evaluation on items or customers held out whole"
    found = (said, reads, missing)
    return found if share is Newcomers.all_new and not apart else Tempered(3, found)


# Where a plan says what new ones get (the evaluation set says how they are judged, not what they get).
_HANDLED_IN = tuple(path for path in _SAID_IN if path != "done.eval_set")


def evaluated_apart(plan: Plan) -> bool:
    """Whether the evaluation holds out whole items or customers, or reports the new ones apart."""
    if plan.done.split is Split.group:
        return True
    names = [metric.name for metric in plan.done.metrics]
    return any(NEWCOMERS_SAID.find(text) for text in (plan.done.eval_set, *names))


# Words that say the test set is drawn from the population already labelled or known, whatever the split.
_KNOWN_POPULATION = Lexicon("""
    existing customers, existing members, existing suppliers, existing accounts, existing items
    existing products, existing skus, existing users, existing patients, existing stores, existing sites
    current customers, current members, known customers, known suppliers, known items, known users
    already labelled, already labeled, already mapped, already matched, already coded, already classified
    already-labelled, already-labeled, previously labelled, previously labeled, supplier-mapped
    mapped skus, mapped items, mapped parts, mapped products, labelled customers, labelled items
    past customers, past items
""")


def _group_of_known(plan: Plan) -> Evidence:
    """A group split whose test groups, in the evaluation set's words, come from the population already
    labelled or known, while production meets new ones: the split holds out groups, not newcomers."""
    if NEWCOMERS_SAID.find(plan.done.eval_set):
        return None  # the new ones are named in the test set
    words = _KNOWN_POPULATION.find_all(plan.done.eval_set)
    if not words:
        return None
    share = plan.constraints.data.newcomers
    if share not in _SHARE:
        return None
    return Hint(
        words,
        (
            quote(plan, "constraints.data.newcomers", _SHARE[share]),
            quote(plan, "done.split", "whole groups held out, but from which population?"),
            quote(
                plan,
                "done.eval_set",
                f"drawn from the cases already labelled or known: {', '.join(words)}; production meets others",
            ),
        ),
    )


# Words that say the test set is drawn at random from the same cases the data holds: the known population.
_DRAWN_FROM_KNOWN = Lexicon("""
    random sample, random split, randomly, at random, random 10%, random 20%, random 30%, random holdout
    random hold-out, shuffled, same customers, same patients, same stores, same suppliers, same members
    existing customers, existing members, existing suppliers, existing accounts, current customers
""")


def _drawn_from_known(plan: Plan) -> Evidence:
    """How the answers say the test set is drawn from the cases the data already holds: a random split
    (a fact), or the evaluation set's words (a Hint)."""
    if plan.done.split is Split.random:
        return (
            quote(plan, "done.split", "the test set is drawn from the same population as the training data"),
        )
    if plan.done.split is not None:
        return None  # a split by time or group: new ones arrive in the test set as they do in production
    words = _DRAWN_FROM_KNOWN.find_all(plan.done.eval_set)
    if not words:
        return None
    note = f"drawn from the cases the data holds: {', '.join(words)}"
    return Hint(words, (quote(plan, "done.eval_set", note),))


@rule(
    "test-set-misses-newcomers",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Hold out whole customers, items or sites, and score the new ones apart",
        "Where many production cases are new, a test set drawn from the known ones scores how well the "
        "model knows them, not how it does on a stranger; split by group (or by first appearance), and "
        "report the score on the new ones beside the rest",
        "warning",
    ),
    ask="does the test set hold the new cases production will mostly meet?",
    fires=(
        Case(  # recurrence not answered: the new ones may be sellers or stores met over many rows
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
            },
            evidence=(
                'constraints.data.newcomers: "all_new" (nearly every case concerns something new: each period '
                "brings new ones)",
                'done.split: "random" (the test set is drawn from the same population as the training data)',
            ),
            also=frozenset({"random-split-on-grouped-data"}),  # the sound plan's words name groups
        ),
        Case(  # nearly all new sellers, but each seller lists many items: a random draw puts each in both sets
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one seller's listings",
            },
            also=frozenset({"random-split-on-grouped-data"}),
        ),
        Case(  # no split chosen, and the evaluation set's words say it is drawn from the known ones: a question
            {
                "constraints.data.newcomers": "many",
                "done.split": None,
                "done.eval_set": "A random sample of 2,000 invoices from existing suppliers.",
                "constraints.data.rows_per_thing": None,
            },
            evidence=(
                'constraints.data.newcomers: "many" (1 in 10 or more of production cases concern items, people or '
                "places the data never saw)",
                'done.eval_set: "A random sample of 2,000 invoices from existing suppliers." (drawn from the cases '
                "the data holds: random sample, existing suppliers)",
            ),
        ),
        Case(  # a prompted model, its prompt adjusted on the test's scores: the known cases tune it; medium
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "done.test_used_for": "prompt",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one claimant's letters",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            },
            also=frozenset({"random-split-on-grouped-data"}),
        ),
        Case(  # held out by group, but the groups are the known ones production will not meet
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "group",
                "done.eval_set": "5% of the already-labelled parts, chosen at random, held out whole.",
            },
            evidence=(
                'constraints.data.newcomers: "all_new" (nearly every case concerns something new: each period '
                "brings new ones)",
                'done.split: "group" (whole groups held out, but from which population?)',
                'done.eval_set: "5% of the already-labelled parts, chosen at random, held out whole." (drawn from '
                "the cases already labelled or known: already-labelled; production meets others)",
            ),
        ),
    ),
    quiet=(
        Case(  # each customer is one row: a random draw holds out whole customers already
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "constraints.data.rows_per_thing": "one",
                "constraints.data.repeated_unit": "a customer",
            }
        ),
        Case(  # each commission made once, one row each: nothing known to leak from training to test
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "constraints.data.rows_per_thing": "one",
            }
        ),
        Case(  # nearly all one-offs, recurrence not checked: random-split-on-grouped-data asks whether any recur
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "constraints.data.rows_per_thing": "not_checked",
            }
        ),
        Case({"constraints.data.newcomers": "few", "done.split": "random"}),  # few new: the score stands
        Case({"constraints.data.newcomers": "all_new", "done.split": "group"}),  # held out whole
        Case(  # held out whole, the new ones named in the test set
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "group",
                "done.eval_set": "Existing customers held out whole, and the first month of new customers.",
            }
        ),
        Case(  # a hosted model prompted alone: nothing trained, every case is new to it
            {
                "constraints.data.newcomers": "all_new",
                "done.split": "random",
                "product.task": "generation",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API, prompted only.",
            }
        ),
        Case(  # prompted, and the test's own scores will not adjust the prompt: nothing tuned on the cases
            {
                "constraints.data.newcomers": "many",
                "done.split": "random",
                "done.test_used_for": "nothing",
                "constraints.data.labeled_examples": 300,
                "done.test_size": 300,
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            }
        ),
        Case(  # random, but the new ones are scored apart
            {
                "constraints.data.newcomers": "many",
                "done.split": "random",
                "done.eval_set": "A random 20% of invoices, with new suppliers reported apart.",
            }
        ),
    ),
)
def test_set_misses_newcomers(plan: Plan) -> Evidence:
    """The test set leaves out the newcomers production will meet.

    The team says many or nearly all production cases concern customers, items or sites the data never
    saw, yet the test set is drawn at random from the cases the data holds: every tested case has its
    kin in training, so the score measures how well the model knows them and says nothing of the new
    ones that make up much of the volume. Where each thing is one row (a one-off commission, a customer
    met once), a random draw already holds it out whole: no known one leaks from training to test.

    Mitigation: Split by group (whole customers, items or sites held out) or by first appearance, and
    report the score on new ones apart from the known.
    """
    if plan.constraints.data.newcomers not in (Newcomers.many, Newcomers.all_new):
        return None
    if nothing_trained(plan):
        # a prompted model knows no case of the data, unless its prompt and examples are tuned on them: the
        # test then scores the known ones it was tuned against, not the new ones production meets
        tuned = tuned_on_cases(plan)
        return as_tuned(_misses_newcomers(plan), tuned) if tuned else None
    return _misses_newcomers(plan)


def _misses_newcomers(plan: Plan) -> Evidence:
    """test-set-misses-newcomers' reading of the split, for a model that learns from the rest."""
    share = plan.constraints.data.newcomers
    if share is None:
        return None
    if plan.done.split is Split.group:
        return _group_of_known(plan)
    if evaluated_apart(plan):
        return None
    data = plan.constraints.data
    if data.rows_per_thing is RowsPerThing.one and data.repeated_unit:
        return None  # each customer (the thing named) is one row: a random draw holds it out whole, new
    if share is Newcomers.all_new and data.rows_per_thing in (RowsPerThing.one, RowsPerThing.not_checked):
        return (
            None  # one-offs, each new to training too; whether any recur, random-split-on-grouped-data asks
        )
    if plan.product.task in _OWN_PAST or first_said(plan, ("product.inputs",), OWN_HISTORY):
        return None  # the model reads each case's past: newcomers-have-no-history asks for both
    drawn = _drawn_from_known(plan)
    if not drawn:
        return None
    said = quote(plan, "constraints.data.newcomers", _SHARE[share])
    if isinstance(drawn, Hint):
        return Hint(drawn.words, (said, *drawn))
    found = (said, *drawn)
    return found if share is Newcomers.all_new else Tempered(3, found)
