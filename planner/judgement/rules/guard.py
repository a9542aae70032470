"""Rules on what an output must never include or propose, and what keeps it out.

A lead asks of every output that reaches people: what must it never say or propose (an allergen for an
allergic customer, another client's details, a refund it may not promise, a dose above a limit), and
what stops it. A model trained or told to avoid something lowers how often it appears, never to zero;
only a check outside the model keeps it out, and only a test built to tempt it counts how often it
gets through. The rule reasons from `product.forbidden_guard` and `product.forbidden_output`; words of
the done metrics only say that the violations are already counted, and a count blocks nothing: where
the output acts alone, or only a person checking under time pressure stands in the way, the lead asks
for a rule in code that blocks it, tested with cases built to break it. Where the output picks among
candidates (a ranking, a match, a recommendation), that rule is a filter that drops every candidate a
hard condition rules out before scoring, not a penalty inside the score.
"""

from __future__ import annotations

from planner.judgement.rules.atcapacity import sends_matches
from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import faq_paths, first_said, monitor_paths, quote, says_nothing, ticked
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.lexicon import OTHER_CLIENTS, VIOLATIONS_COUNTED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, Guard, Mode, Plan, TaskType


def forbidden_said(plan: Plan) -> str | None:
    """What the output must never include, when the plan says it (not 'none' or 'TBD')."""
    said = plan.product.forbidden_output
    return None if not said or says_nothing(said) else said


def violations_counted(plan: Plan) -> str | None:
    """The done metric (or the worst error's metric) that counts outputs holding what they must not."""
    for index, metric in enumerate(plan.done.metrics):
        if VIOLATIONS_COUNTED.find(metric.name):
            return quote(plan, f"done.metrics[{index}].name")
    if VIOLATIONS_COUNTED.find(plan.done.worst_error_metric):
        return quote(plan, "done.worst_error_metric")
    return None


def about_other_clients(plan: Plan) -> bool:
    """Whether what is forbidden is another client's, customer's or person's details."""
    return bool(OTHER_CLIENTS.find(forbidden_said(plan)))


def _unchecked(plan: Plan) -> str | None:
    """The evidence that the output reaches people or acts with nobody checking each one."""
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode")
    alone = ticked(plan, Circumstance.commits_alone)
    if alone:
        return alone
    if plan.product.task is TaskType.generation:
        return ticked(plan, Circumstance.others_use_output)  # drafts others read as they come
    return None


# A rule that checks each output before the person sees it, said in words: it flags or rejects.
RULE_CHECKS_EACH = Lexicon(
    """
    highlight, highlights, highlighted, highlighting, keyword highlight, keyword highlights, keyword check
    keyword checks, keyword filter, keyword list, keyword rule, keyword rules, blocklist, blocklists
    block list, block lists, deny list, denylist, banned words, banned terms, forbidden words, regex
    regular expression, regular expressions, validation, validation rule, validation rules, validator
    validators, validated by a rule, validated by rules, checked by a rule, checked by rules, rule check
    rule checks, range check, range checks, format check, format checks, schema check, schema validation
    """,
    unless="""
    validation set, validation sets, validation data, validation split, cross-validation, cross validation
    validation accuracy, validation loss, online validation, offline validation, validation study
    """,
)
# A second step that confirms what was flagged, outside the screen the person reads.
CONFIRMED = Lexicon("""
    phone call, phone calls, by phone, over the phone, by telephone, phoned, call to confirm, calls to confirm, calling to confirm, confirmed by phone
    confirms by phone, confirm by phone, confirmation call, confirmation calls, call back, calls back
    callback, callbacks, ring back, rings back, confirmed with the customer, confirms with the customer
    confirmed with the client, confirms with the client, confirmed with the sender, confirms with the sender
    second person, second reviewer, four-eyes, four eyes, second check, second checks
""")


def _guard_paths(plan: Plan) -> list[str]:
    """Where a plan says, in words, what keeps a forbidden output out: the answers on the output and the
    decision, the fallback, the monitoring, the FAQ and its own risks."""
    paths = ["product.forbidden_output", "product.decision", "product.output", "after_launch.fallback"]
    risks = [f"risks[{i}].mitigation" for i in range(len(plan.risks))]
    return [*paths, *monitor_paths(plan), *faq_paths(plan), *risks]


def _rule_said(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """Where the plan says, in words, a rule that checks each output before release (a highlight, a
    blocklist, a validation), and those words: (path, words)."""
    return first_said(plan, _guard_paths(plan), RULE_CHECKS_EACH)


def _person_only(plan: Plan) -> bool:
    return plan.product.forbidden_guard is Guard.review and _rule_said(plan) is None


# Where only a person keeps it out, the lead's advice is the block in code, not a better model.
_BLOCK_IN_CODE = Instead(
    _person_only,
    Move(
        "Block what the output must never hold in code, not only by the person who checks",
        "A person checking every output under time pressure, or after hundreds that were fine, lets a "
        "forbidden one through: put a rule or validator in code that rejects it before anyone sees it, "
        "test it with cases built to break it, and keep the person for what a rule cannot judge",
        "warning",
        first=True,
    ),
    "Write what must never appear as a rule or validator in code that rejects the output before it "
    "reaches the person or the next system (a filter on the item's attributes, a limit on the amount, a "
    "list of forbidden combinations); test it with cases built to break it, target 0 through; count on a "
    "sample how many forbidden outputs the people who check let through.",
    title="Only a person keeps out what the output must never hold",
)


# Where the output picks among candidates, the lead's block is a filter before the score ranks them.
_FILTER_BEFORE_SCORING = Instead(
    sends_matches,
    Move(
        "Drop every candidate a hard condition rules out before scoring, in code",
        "A penalty inside the score only lowers a candidate that breaks a hard condition, and a strong "
        "enough one still ranks first; a person scanning the list misses it after hundreds that were "
        "fine: filter the candidates in code on each hard condition before the model ranks what is left, "
        "and test the filter with cases built to break it",
        "warning",
        first=True,
    ),
    "Write each hard condition (an allergen, an unavailable or ineligible item, a missing licence, a "
    "limit) as a filter in code that removes the candidates it rules out before scoring, never as a "
    "penalty or a feature inside the score; test the filter with candidates built to break it (the best "
    "match that breaks one condition, a missing attribute), target 0 through, and count on a sample of "
    "live lists how many ruled-out candidates appear.",
    title="A hard condition is left to the score or a person, not filtered out before ranking",
)


@rule(
    "forbidden-output-unguarded",
    Category.product,
    likelihood=4,
    impact=4,
    ask="does a second step confirm what the rule flags, or does the person reading the screen stand alone?",
    move=Move(
        "Block what the output must never hold outside the model, and count what gets through",
        "A model trained or told to avoid something still produces it now and then: check each output "
        "outside the model (a filter on the item's attributes, retrieval limited to the client's own "
        "records, a list of promises it may not make), and add a done metric of violations on a test set "
        "built to tempt it, target 0",
        "warning",
        first=True,
    ),
    instead=(_FILTER_BEFORE_SCORING, _BLOCK_IN_CODE),
    fires=(
        Case(
            {
                "product.forbidden_guard": "model",
                "product.forbidden_output": "A refund or credit the clerk has not approved.",
            },
            evidence=(
                'product.forbidden_guard: "model"',
                'product.forbidden_output: "A refund or credit the clerk has not approved."',
                "no done metric counts violations on a test set built to tempt it",
            ),
        ),
        Case(  # serious harm, and it acts alone: high
            {
                "product.forbidden_guard": "not_yet",
                "product.forbidden_output": "A dish with an allergen the customer declared.",
                "product.mode": "automate",
                "impact.error_severity": "severe",
            },
            evidence=(
                'product.forbidden_guard: "not_yet"',
                'product.forbidden_output: "A dish with an allergen the customer declared."',
                'impact.error_severity: "severe"',
                'product.mode: "automate"',
                "no done metric counts violations on a test set built to tempt it",
            ),
        ),
        Case(  # counted, yet only the model keeps it out of orders that go out alone: a metric blocks none
            {
                "product.forbidden_guard": "model",
                "product.forbidden_output": "A dish with an allergen the customer declared.",
                "product.mode": "automate",
                "impact.error_severity": "severe",
                "done.metrics[0].name": "Allergen violations on 500 tempting orders",
            },
            evidence=(
                'product.forbidden_guard: "model"',
                'product.forbidden_output: "A dish with an allergen the customer declared."',
                'done.metrics[0].name: "Allergen violations on 500 tempting orders" (a metric counts what '
                "got through; it blocks none)",
                'impact.error_severity: "severe"',
                'product.mode: "automate"',
            ),
        ),
        Case(  # counted, and a person sends each: medium at most
            {
                "product.forbidden_guard": "model",
                "product.forbidden_output": "A refund or credit the clerk has not approved.",
                "product.mode": "augment",
                "done.metrics[0].name": "Violations on 300 tempting tickets",
            },
        ),
        Case(  # only a person checks, and a forbidden one harms: block it in code as well
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "An order above twice the store's usual weekly quantity.",
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.forbidden_guard: "review"',
                'product.forbidden_output: "An order above twice the store\'s usual weekly quantity."',
                'impact.error_severity: "serious"',
                "a person checking every output under time pressure lets some through; nothing in code blocks it",
            ),
        ),
        Case(  # a ranking told to avoid it: drop the ruled-out candidates before scoring
            {
                "product.task": "recommendation",
                "product.forbidden_guard": "model",
                "product.forbidden_output": "A recipe holding an ingredient the customer is allergic to.",
            },
        ),
        Case(  # the person who checks also anchors on the proposal: both are said
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A promise of a refund.",
                "product.output": "A drafted reply for each ticket.",
                "product.decision": "The agent edits the drafted reply and sends it.",
                "impact.error_severity": "serious",
            },
            also=frozenset({"anchoring-on-proposal"}),
        ),
        Case(  # a rule highlights each changed bank detail, said in words, and nothing confirms it: low
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A bank account change the supplier did not ask for; the screen "
                "highlights every changed bank detail.",
                "impact.error_severity": "serious",
            },
        ),
        Case(  # a recommender whose ruled-out candidates only a person's review keeps out: medium
            {
                "product.task": "recommendation",
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A property outside the tenant's housing band.",
                "impact.error_severity": "moderate",
            },
            evidence=(
                'product.forbidden_guard: "review"',
                'product.forbidden_output: "A property outside the tenant\'s housing band."',
                "a candidate a hard condition rules out stays in the list unless code drops it before scoring; "
                "a person scanning the list after hundreds that were fine lets one through",
            ),
        ),
    ),
    quiet=(
        Case(  # a rule highlights each changed bank detail and a phone call confirms it: guarded
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A bank account change the supplier did not ask for.",
                "product.decision": "The clerk releases the payment; the screen highlights every changed bank "
                "detail and the clerk confirms it by phone with the supplier.",
                "impact.error_severity": "serious",
            },
        ),
        Case(  # a person checks every output and a slip harms little: no block in code asked for
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A promise of a refund.",
            },
        ),
        Case({"product.forbidden_guard": "rule", "product.forbidden_output": "A refund it may not promise."}),
        Case({"product.forbidden_guard": "nothing"}),
        Case({"product.forbidden_guard": "model", "product.forbidden_output": None}),
        Case({"product.forbidden_guard": "not_yet", "product.forbidden_output": "TBD"}),
        Case(  # a person checks every output, and the harm is minor
            {
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A promise of a refund.",
                "impact.error_severity": "minor",
            },
        ),
    ),
)
def forbidden_output_unguarded(plan: Plan) -> Evidence:
    """Only the model keeps out what the output must never hold.

    An output that must never include or propose something (an allergen for an allergic customer,
    another client's details, a refund nobody approved, a dose above the limit) is kept out by nothing
    but the model when the model was trained or told to avoid it, or when nothing is in place yet: a
    learned or prompted model lowers how often it appears, never to zero, and nobody knows how often
    until a test is built to tempt it. A done metric that counts violations blocks none of them, and a
    person checking every output under time pressure, or after hundreds that were fine, lets some through.

    Mitigation: Block it with a check outside the model (a filter on the item's attributes, retrieval
    restricted to the client's own records, a list of promises the output may not make), and add a done
    metric that counts violations on a test set built to tempt the model, with a target of 0.
    """
    guard = plan.product.forbidden_guard
    forbidden = forbidden_said(plan)
    if forbidden is None or guard not in (Guard.model, Guard.not_yet, Guard.review):
        return None
    said = (quote(plan, "product.forbidden_guard"), quote(plan, "product.forbidden_output"))
    severity = effective_severity(plan)
    # What is forbidden can say the harm is grave whatever severity the team gave (an allergen, a dose).
    grave = GRAVE_FORBIDDEN.find_all(plan.product.forbidden_output)
    why = severity_quote(plan) if severity in SERIOUS else f"grave by what it is: {', '.join(grave)}"
    if guard is Guard.review:  # a person under time pressure lets some through: ask for a block in code
        if sends_matches(
            plan
        ):  # a hard condition on a list belongs in code before scoring, whatever the harm
            return _review_of_picks(plan, said, why if severity in SERIOUS or grave else None)
        if severity not in SERIOUS and not grave:
            return None
        ruled = _rule_said(plan)
        if ruled is not None:  # a rule flags each output for the person who checks it
            if first_said(plan, _guard_paths(plan), CONFIRMED):
                return None  # and a second step confirms what it flags: guarded
            path, words = ruled
            found = (*said, why, quote(plan, path, f"a rule checks each output: {', '.join(words)}"))
            return Hint(words, (*found, "no second step confirms what it flags"), likelihood=1)
        missed = (
            "a person checking every output under time pressure lets some through; nothing in code blocks it"
        )
        return Tempered(3, (*said, why, missed))
    if about_other_clients(plan) and CATALOGUE["drafts-may-leak-records"].check(plan) is not None:
        return None  # another client's details in a draft from a shared store: that rule says it
    unchecked, counted = _unchecked(plan), violations_counted(plan)
    if counted:
        counted = f"{counted} (a metric counts what got through; it blocks none)"
        if unchecked and (severity in SERIOUS or grave):  # it acts alone: counting is no guard
            return (*said, counted, why, unchecked)
        return Tempered(2, (*said, counted))
    uncounted = "no done metric counts violations on a test set built to tempt it"
    if unchecked and (severity in SERIOUS or grave):
        return (*said, why, unchecked, uncounted)
    return Tempered(3, (*said, uncounted))


def _review_of_picks(plan: Plan, said: tuple[str, ...], why: str | None) -> Evidence:
    """A ranking, match or recommendation whose forbidden candidates only a person's review keeps out:
    medium; high where what is forbidden harms someone and the picks are acted on. Quiet where a rule
    flags each candidate and a second step confirms it."""
    ruled = _rule_said(plan)
    if ruled is not None and first_said(plan, _guard_paths(plan), CONFIRMED):
        return None
    missed = (
        "a candidate a hard condition rules out stays in the list unless code drops it before scoring; a "
        "person scanning the list after hundreds that were fine lets one through"
    )
    if why is None:
        return Tempered(3, (*said, missed))
    if plan.product.mode in (Mode.augment, Mode.automate):  # each pick is acted on
        return (*said, why, quote(plan, "product.mode", "each pick is acted on"), missed)
    return Tempered(3, (*said, why, missed))


# What an output must never hold that harms body or life whatever the team rated its errors.
GRAVE_FORBIDDEN = Lexicon("""
    allergen, allergens, allergy, allergies, nut, nuts, peanut, peanuts, gluten, dose, doses, dosage
    overdose, toxic, poison, poisonous, contraindicated, contraindication, contraindications, lethal
    unsafe load, safety warning, safety warnings, safety information, choking, flammable
""")
