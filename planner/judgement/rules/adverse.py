"""Rules on decisions made against people (refuse, ban, suspend, cut benefits): the harm of a wrong one.

A false positive here lands on a person who did nothing: their account closed, their claim refused. A
lead asks how often that happens (a false-positive metric with a limit), who looks at the decision
before or after it lands (a person, on each adverse decision or a sample), and how the person contests
it (an appeal). The words say what the decision does; the structured answers (automate mode, a serious
or severe error) say how much it weighs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.chooser import person_chooses
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.lexicon import (
    ABOUT_PEOPLE,
    ACTED_ON,
    ADVERSE,
    APPEAL,
    COUNTS_FALSE_ALARMS,
    GRANTS,
    PERSON_DECIDES,
    STAFF,
    TAKEN,
    TAKES_AWAY,
)
from planner.judgement.rules.words import BOUNDARY, SENTENCE, Lexicon, words_of
from planner.plan.model import Category, Mode, Plan

_THE_ACTION = ("product.decision", "product.output")  # what the system does
_ABOUT_IT = ("product.goal", "title", "product.label")  # what it is for, or what it learns from

_WHO = ABOUT_PEOPLE + ACTED_ON
_WHO_ACTED_ON = _WHO + STAFF  # what the system does to staff (docks a picker's bonus) lands on a person too


# Where the stretch of words ends: punctuation, or a word that opens another clause (`before the payment`).
_STOPS = frozenset(
    {BOUNDARY, "before", "after", "until", "when", "while", "if", "unless", "because", "then", "and", "or"}
)
# A decision about a person taken by the system alone, on their personal data: the law's own duty.
_SOLELY_AUTOMATED = (
    "a solely automated decision on a person's data: in the EU and UK (GDPR Article 22) they may ask for a "
    "person to decide, must be told of it, and can contest it"
)
_NEAR = 8  # words between taking away and what is taken (`deducts the late fee from the courier's pay`)


def _clauses(text: str) -> list[str]:
    return [part for part in SENTENCE.split(text) if part.strip()]


def _takes_away(clause: str) -> tuple[str, ...]:
    """`withholds the payout`, `the ticket is cancelled`: a verb of taking away with what a person holds
    within a few words, in one stretch of words; either alone says nothing (`remove noise`, `pay run`)."""
    words = words_of(clause)
    for start, word in enumerate(words):
        if word == BOUNDARY:
            continue
        act = TAKES_AWAY.find(" ".join(words[start : start + 3]))
        if act is None or act.split(" ")[0] != word:
            continue
        before, after = _around(words, start, start + len(act.split(" ")), _NEAR // 2, _NEAR)
        held = TAKEN.find(" ".join(after)) or TAKEN.find(" ".join(before))
        if held:
            return act, held
    return ()


def _acts(text: str) -> tuple[str, ...]:
    """What an answer says the system does against a person, clause by clause; a clause that hands the
    decision to a person (`refusals stay with a handler`) is theirs, not the system's."""
    found: list[str] = []
    for clause in _clauses(text):
        said = (*ADVERSE.find_all(clause), *_takes_away(clause))
        if said and not PERSON_DECIDES.find(clause):
            found += said
    return tuple(dict.fromkeys(found))


def _around(
    words: Sequence[str], start: int, end: int, back: int, ahead: int
) -> tuple[Sequence[str], Sequence[str]]:
    """The words up to `back` before `words[start:end]` and up to `ahead` after it, each cut at a stop."""
    before, after = words[max(0, start - back) : start], words[end : end + ahead]
    for stop, word in enumerate(after):
        if word in _STOPS:
            after = after[:stop]
            break
    for stop, word in enumerate(reversed(before)):
        if word in _STOPS:
            before = before[len(before) - stop :]
            break
    return before, after


def _stretch(words: list[str], start: int, end: int, reach: int) -> str:
    """The words within `reach` either side of `words[start:end]`, up to a stop on each side."""
    return " ".join(word for side in _around(words, start, end, reach, reach) for word in side)


def _around_acts(text: str, acts: tuple[str, ...]) -> Iterator[str]:
    """The stretch of words around each place `text` says one of `acts`, clause by clause."""
    for clause in _clauses(text):
        words = list(words_of(clause))
        for act in acts:
            parts = act.split(" ")
            for start in range(len(words) - len(parts) + 1):
                if words[start : start + len(parts)] == parts:
                    yield _stretch(words, start, start + len(parts), _NEAR)


def _acted_on(text: str, acts: tuple[str, ...]) -> tuple[str, ...]:
    """The people an act is done to: named in the stretch of words around it (`suspend the sellers'
    accounts`), not elsewhere in the answer (`technicians inspect when the reject rate rises` rejects no
    technician)."""
    found = [who for stretch in _around_acts(text, acts) for who in _WHO_ACTED_ON.find_all(stretch)]
    return tuple(dict.fromkeys(found))


# Things a line or a store rejects, holds or removes: an act on them lands on nobody.
THINGS_ACTED_ON = Lexicon("""
    bottle, bottles, jar, jars, glove, gloves, hides, component, components, circuit board, circuit boards
    batch, batches, pallet, pallets, parcel, parcels, container, containers, tile, tiles, weld, welds
    casting, castings, reel, reels, egg, eggs, carton, cartons, package, packages, defective parts
    faulty parts, the part, each part, the item, each item, the product, each product
""")


def _on_things(text: str, acts: tuple[str, ...]) -> bool:
    """Whether each act is done to a thing named beside it (`rejects the bottle at the gate`)."""
    return all(THINGS_ACTED_ON.find(stretch) for stretch in _around_acts(text, acts))


def _grants_alone(plan: Plan) -> bool:
    """The system's own action is favourable (pays out, fast-tracks, approves) and a person takes the
    rest: an adverse word in the label or the goal is the outcome people decide, not the system's act."""
    action = " ".join(text for path in _THE_ACTION if isinstance(text := answer_at(plan, path), str))
    owner = plan.product.decision_owner or ""  # who takes the rest may be said there
    return bool(GRANTS.find(action)) and bool(PERSON_DECIDES.find(f"{action} {owner}"))


def _adverse(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer that says the decision does something adverse to people, with the words: the
    action the system takes first, then (unless that action only grants) what it is for."""
    personal = plan.constraints.data.personal_data is True
    for path in _THE_ACTION:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        acts = _acts(text)
        named = _acted_on(text, acts)
        who = named or (_WHO_ACTED_ON.find_all(text) if personal else ())
        if acts and not named and _on_things(text, acts):
            continue  # the act is done to bottles, parts or batches: it lands on nobody
        if acts and (who or personal):
            return path, tuple(dict.fromkeys((*who, *acts)))
    if _grants_alone(plan):
        return None
    for path in _ABOUT_IT:
        text = answer_at(plan, path)
        acts, who = ADVERSE.find_all(text), _WHO.find_all(text)
        if acts and who:
            return path, (*who, *acts)
    return None


def appeal_named(plan: Plan) -> bool:
    """Somewhere the team names a way to contest the decision or a person who checks it."""
    texts = [plan.after_launch.fallback, plan.product.decision, plan.product.decision_owner]
    texts += [plan.heuristics.humans_handle, plan.done.when_met]
    texts += [f"{entry.question} {entry.answer or ''}" for entry in plan.press_release.faq]
    texts += [risk.mitigation for risk in plan.risks] + [risk.title for risk in plan.risks]
    texts += [monitor.signal for monitor in plan.after_launch.monitoring]
    return any(APPEAL.find(text) for text in texts)


@rule(
    "adverse-decision-unchecked",
    Category.ethics,
    likelihood=3,
    impact=5,
    ask="does the model decide against people alone, with no appeal and no limit on wrong decisions?",
    move=Move(
        "Limit and check the wrong decisions against people: a false-positive limit, a review, notice, an appeal",
        "Each false positive lands on someone who did nothing; set a false-positive rate the model may not "
        "exceed, have a person review each adverse decision (or a sample) before it lands, tell the person "
        "what was decided and why, and give them a way to appeal",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
                "product.decision_owner": None,
                "impact.error_severity": "serious",
                "impact.error_harm": "An honest seller loses a week of sales.",
            },
            evidence=(
                'product.mode: "automate"',
                'product.decision: "Suspend the accounts of sellers the model flags for fake reviews." '
                "(against people: accounts, sellers, suspend)",
                'impact.error_severity: "serious"',
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
            ),
        ),
        Case(  # no mode said: a question naming the words
            {
                "product.mode": None,
                "product.decision": "Which benefit claimants are refused a payment this month.",
                "product.decision_owner": None,
            },
            evidence=(
                'product.decision: "Which benefit claimants are refused a payment this month." (against '
                "people: claimants, refused)",
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
            ),
        ),
        Case(  # taking something a person holds, no refusal word: read from the action itself
            {
                "product.mode": "automate",
                "constraints.data.personal_data": True,
                "product.decision": "Late fees the model blames on the courier are deducted from their pay.",
                "product.decision_owner": None,
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.mode: "automate"',
                'product.decision: "Late fees the model blames on the courier are deducted from their pay." '
                "(against people: courier, deducted, pay)",
                'impact.error_severity: "serious"',
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
                "constraints.data.personal_data: true (a solely automated decision on a person's data: in the "
                "EU and UK (GDPR Article 22) they may ask for a person to decide, must be told of it, and can "
                "contest it)",
            ),
        ),
        Case(  # staff whose pay the system docks, no mode said: a question naming the words
            {
                "product.mode": None,
                "product.decision": "The bonus of pickers below the model's expected rate is withheld.",
                "product.decision_owner": None,
            },
            evidence=(
                'product.decision: "The bonus of pickers below the model\'s expected rate is withheld." '
                "(against people: pickers, withheld)",
                "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
                "product.decision_owner)",
            ),
        ),
        Case(  # a fine to a car's keeper, automatic: medium until the severity is said
            {
                "product.mode": "automate",
                "product.decision": "A fine is posted to the registered keeper of each plate read unpaid.",
                "product.decision_owner": None,
            }
        ),
    ),
    quiet=(
        Case(  # the line rejects bottles, and staff data sits in the plan: nothing lands on a person
            {
                "product.mode": "automate",
                "constraints.data.personal_data": True,
                "product.decision": "The reject gate removes each bottle the model flags.",
            }
        ),
        Case(  # the system fast-tracks; who decides the rest is said in the decision's owner
            {
                "product.mode": "automate",
                "product.decision": "Low scores go to a fast track and are paid within a day; the rest get "
                "the full checks.",
                "product.decision_owner": "The workflow routes the fast track; case handlers decide the rest.",
                "product.label": "Whether the trustees refused the member's transfer.",
            }
        ),
        Case(  # the system's own action pays out; the refusals in the label are the adjuster's
            {
                "product.mode": "automate",
                "product.decision": "Claims the model scores as simple are paid out automatically; an "
                "adjuster decides the rest.",
                "product.label": "Whether the claimant was refused a payout.",
                "product.decision_owner": None,
            }
        ),
        Case(  # taking away, but nothing a person holds in that stretch of words
            {
                "product.mode": "automate",
                "constraints.data.personal_data": True,
                "product.decision": "Remove noise from the meter readings before the payment run.",
                "product.decision_owner": None,
            }
        ),
        Case(  # a person decides
            {
                "product.mode": "augment",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
            }
        ),
        Case(  # an appeal is named
            {
                "product.mode": "automate",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
                "after_launch.fallback": "Sellers appeal in the app; a moderator decides within a day.",
            }
        ),
        Case(  # a candidate match rejected: records, not a person
            {
                "product.mode": "automate",
                "product.decision": "Candidate matches scored below 0.2 are rejected automatically.",
            }
        ),
        Case(  # every change to a person's record goes to a caseworker first
            {
                "product.mode": "automate",
                "product.decision": "Suspend the accounts of sellers the model flags for fake reviews.",
                "after_launch.fallback": "Any change to a seller's account goes to a caseworker before it "
                "takes effect.",
            }
        ),
        Case(  # an automatic short list the customer picks a tradesperson from: the customer decides
            {
                "product.mode": "automate",
                "product.action_shape": "choose_among",
                "product.decision": "Tradespeople with low scores are rejected from the customer's short "
                "list; the customer picks one of the five shown.",
                "product.output": "A ranked list of five tradespeople for the job.",
                "impact.error_severity": "serious",
                "product.decision_owner": None,
            }
        ),
        Case(  # an estimate an authority acts on, refusing permits: the authority decides, not the model
            {
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "product.decision": "The marine park authority refuses dive permits for reefs the estimate "
                "puts below 10% cover.",
                "product.output": "Estimated live coral cover for each reef survey transect.",
                "product.decision_owner": "The marine park authority's permit committee.",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # the station rejects gloves; the technicians named inspect, nobody rejects them
            {
                "product.mode": "automate",
                "product.decision": "The station blows each glove scored above the threshold off the belt; "
                "technicians inspect the former set when a line's reject rate is above 2.5%.",
            }
        ),
        Case(  # rejected invoices: not a person
            {"product.mode": "automate", "product.decision": "Reject duplicate invoices before payment."}
        ),
        Case(  # 'into account' is no account holder
            {
                "product.mode": "automate",
                "product.decision": "Reject batches, taking into account the supplier's certificates.",
            }
        ),
    ),
)
def adverse_decision_unchecked(plan: Plan) -> Evidence:
    """Decisions against people, with no human check and no appeal.

    The model refuses, bans, suspends or cuts something a person relies on, and nobody looks at the
    decision before it lands nor gives the person a way to contest it: each false positive hurts someone
    who did nothing, and nobody learns how often that happens.

    Mitigation: Set a false-positive metric with a limit (a share of adverse decisions that are wrong),
    have a person review each adverse decision or a random sample, and give people an appeal that can
    reverse it quickly; count appeals won as a monitored signal.
    """
    mode = plan.product.mode
    if mode in (Mode.augment, Mode.improve):
        return None  # a person decides on what the model says
    if person_chooses(plan):
        return None  # automatic output, but a person or an authority takes the final choice from it
    found = _adverse(plan)
    if found is None or appeal_named(plan):
        return None
    path, words = found
    severity = effective_severity(plan)
    serious = severity in SERIOUS
    fallback = plan.after_launch.fallback
    if mode is Mode.automate and serious and fallback is not None and says_nothing(fallback):
        return None  # automated-harm-no-fallback asks for the person in the loop and the appeal
    evidence = [quote(plan, path, f"against people: {', '.join(words)}")]
    if serious:
        evidence.append(severity_quote(plan))
    counted = [metric.name for metric in plan.done.metrics] + [plan.done.worst_error_metric]
    if plan.done.metrics and not any(COUNTS_FALSE_ALARMS.find(text) for text in counted):
        evidence.append(quote(plan, "done.metrics[0].name", "no metric counts the wrong adverse decisions"))
    evidence.append(
        "no appeal or review by a person is named (after_launch.fallback, press_release.faq, "
        "product.decision_owner)"
    )
    if mode is not Mode.automate:
        return Hint(words, evidence)
    evidence.insert(0, quote(plan, "product.mode"))
    if plan.constraints.data.personal_data is True:
        evidence.append(quote(plan, "constraints.data.personal_data", _SOLELY_AUTOMATED))
    return tuple(evidence) if serious else Tempered(2, evidence)
