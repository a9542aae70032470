"""Rules on whether the evaluation can be trusted: selective labels, data unlike production (a rare class
with no metric: rare; inputs known only afterwards: timing; the worst error uncounted: errorkinds)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.fitting import CUSTOMERS_CHOOSE, output_chooses_none
from planner.judgement.rules.heard import selection_in_the_label, unlike_in_the_text
from planner.judgement.rules.lexicon import (
    DRAWN_AT_RANDOM,
    FROM_PRODUCTION,
    MODELLED_IN,
    PILOT_THERE,
    RUN_APART,
    TESTED_ON,
)
from planner.judgement.rules.timing import differences_quote
from planner.judgement.rules.unlike import change_in_the_notes, unlike_in_setting, unlike_in_the_note
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.choices import label
from planner.plan.model import Category, Difference, OutcomeRecorded, Plan


def _evaluation_paths(plan: Plan) -> list[str]:
    """The answers that say what the team evaluates on: the note on the data, the eval set, each metric's data."""
    paths = ["constraints.data.differences_note", "done.eval_set"]
    return paths + [f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))]


def evaluated_at_random(plan: Plan) -> str | None:
    """The answer saying the team evaluates on cases drawn at random (a random sample checked whatever
    the score), quoted: the holdout selective-labels asks for, already planned."""
    for path in _evaluation_paths(plan):
        words = DRAWN_AT_RANDOM.find_all(answer_at(plan, path))
        if words:
            note = (
                f"evaluated on cases drawn at random: {', '.join(words)}; drawn from every case, the unchosen "
                "ones too? keep drawing that share once the model chooses"
            )
            return quote(plan, path, note)
    return None


_KEEP_A_RANDOM_SHARE = Move(
    "Keep a random share out of the selection, and evaluate on it",
    "Outcomes recorded only for the cases someone chose teach the model the old choices and hide its "
    "misses; a small random share (an exploration or holdout group), logged, gives labels nobody picked",
    "warning",
    first=True,
    done=lambda plan: evaluated_at_random(plan) is not None,
)


@rule(
    "selective-labels",
    Category.data,
    likelihood=4,
    impact=4,
    move=_KEEP_A_RANDOM_SHARE,
    instead=(CUSTOMERS_CHOOSE,),
    ask="is the outcome known for the cases nobody selected, and will acting on predictions decide the "
    "next labels?",
    fires=(
        Case(
            {"constraints.data.outcome_recorded_for": "selected_cases"},
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: not answered (no random share is kept to learn from)",
            ),
        ),
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                "constraints.data.exploration_share: 0",
            ),
        ),
        Case(  # "every case", yet the label is what investigators found in the cases they chose
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud confirmed by the investigators on the claims referred to them.",
            },
            evidence=(
                'product.label: "Fraud confirmed by the investigators on the claims referred to them." '
                "(a person chose these cases: confirmed by, investigators, referred)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # not answered, yet the label says the invoices nobody flagged are assumed fine
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors; all other invoices are assumed distinct.",
            },
            evidence=(
                'product.label: "Duplicate confirmed by the auditors; all other invoices are assumed..." '
                "(a person chose these cases: all other invoices are assumed, confirmed by)",
                "constraints.data.outcome_recorded_for: not answered (do the cases nobody chose have an "
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # the label is what the clerks found, and today they check only what the rules flag
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Duplicate found at the clerk's check.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            },
            evidence=(
                'product.current_solution: "Clerks check an invoice only when the ERP rules flagged it." (a '
                "person chose these cases: only when the erp rules flagged)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # every case has an outcome, but the unchecked ones get a default written in
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Meter tampering or not; a meter nobody checked is coded as fine.",
            },
            evidence=(
                'product.label: "Meter tampering or not; a meter nobody checked is coded as fine." (a person '
                "chose these cases: coded as fine)",
                'constraints.data.outcome_recorded_for: "every_case" (do the cases nobody chose have an '
                "outcome? acting on the predictions will decide which cases get one next: audit a random "
                "sample of the unchosen cases, and keep a random share)",
            ),
        ),
        Case(  # only chosen cases have outcomes, yet the team evaluates on a random sample: credited
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "done.eval_set": "A random sample of 600 invoices, checked by the auditors whatever the rules said.",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "selected_cases" (only the cases someone showed, '
                "checked, approved or treated: what happens to the others is never seen)",
                'done.eval_set: "A random sample of 600 invoices, checked by the auditors whatever t..." '
                "(evaluated on cases drawn at random: random sample; drawn from every case, the unchosen ones "
                "too? keep drawing that share once the model chooses)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.03,
            }
        ),
        Case(  # not answered: who judged every case is not who chose some of them
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Duplicate confirmed by the auditors' check of every invoice pair.",
            }
        ),
        Case(  # today's process picks what to check, but the label is a bank record of every invoice
            {
                "constraints.data.outcome_recorded_for": None,
                "product.label": "Invoice paid twice, per the bank statement.",
                "product.current_solution": "Clerks check an invoice only when the ERP rules flagged it.",
            }
        ),
        Case(  # a random audit gives every case the same chance of an outcome
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Fraud found by investigators on a random sample of claims referred to them.",
            }
        ),
        Case(  # every claim is settled, with or without an investigation
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "product.label": "Whether the claim was settled without investigation.",
            }
        ),
    ),
)
def selective_labels(plan: Plan) -> Evidence:
    """Outcomes are recorded only for the cases someone chose.

    When the outcome is known only for the cases shown, checked, approved or treated, the data holds
    no outcome for the rest: the model learns the old selection's blind spots, and a test set drawn
    from the same records cannot measure the cases it would newly catch or wrongly pass.

    Mitigation: Keep a small random share (exploration or holdout) where cases are checked whatever
    the score, log it, and evaluate on it; until then, read offline scores as a bound on the selected
    cases only.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for in (OutcomeRecorded.every_case, None):
        return selection_in_the_label(plan)
    if data.outcome_recorded_for is not OutcomeRecorded.selected_cases:
        return None
    if data.exploration_share is not None and data.exploration_share > 0:
        return None
    never = "only the cases someone showed, checked, approved or treated: what happens to the others is never seen"
    share = "constraints.data.exploration_share: not answered (no random share is kept to learn from)"
    found = (quote(plan, "constraints.data.outcome_recorded_for", never), share)
    if data.exploration_share is not None:
        found = (found[0], quote(plan, "constraints.data.exploration_share"))
    if at_random := evaluated_at_random(plan):  # evaluated on a random sample: credit it, keep it random
        return Tempered(2, (found[0], at_random))
    return output_chooses_none(plan, found) or found  # customers chose, or someone else: less likely


# Every way the data can differ from production, but inputs known only later (inputs-after-prediction).
_UNLIKE_PRODUCTION = set(Difference) - {Difference.later_inputs, Difference.none}


_JUDGED_APART = RUN_APART + PILOT_THERE
_HANDLED = RUN_APART + MODELLED_IN


def judged_apart(plan: Plan) -> str | None:
    """The answer saying the team evaluates the setting the data lacks on its own (a shadow season, a
    pilot at the new sites, a test set from them) or gives the difference to the model as an input:
    the mitigation production-differs asks for."""
    for path in _evaluation_paths(plan):
        text = answer_at(plan, path)
        words = _JUDGED_APART.find_all(text)
        if words:
            return quote(plan, path, f"already judged apart: {', '.join(words)}")
        words = MODELLED_IN.find_all(text)
        if words:
            return quote(plan, path, f"the difference is an input of the model: {', '.join(words)}")
        words = in_one_sentence(text or "", TESTED_ON, FROM_PRODUCTION)
        if words:
            return quote(plan, path, f"tested on production itself: {', '.join(words)}")
    return None


# A check the team ran of the difference, and what it found: alike.
_CHECK_RUN = Lexicon(
    "we checked, checked that, checked they, checked it, we compared, we verified, verified that"
)
_FOUND_ALIKE = Lexicon("""
    within, no difference, no significant difference, alike, similar, the same, spread evenly, evenly spread
    differ by less than, match, matches
""")


def _checked_alike(plan: Plan) -> str | None:
    """The note saying the team checked the difference and found the two alike (`we checked crash tickets
    per user are within 10% for opted-in and other users`): the check production-differs asks for."""
    text = plan.constraints.data.differences_note or ""
    words = in_one_sentence(text, _CHECK_RUN, _FOUND_ALIKE)
    if not words:
        return None
    return quote(plan, "constraints.data.differences_note", f"already checked alike: {', '.join(words)}")


def _mitigation_said(plan: Plan) -> bool:
    """The note on the data or the evaluation says the difference is judged apart in a shadow or
    parallel run, on a test set of its own, or given to the model as an input."""
    return any(
        _HANDLED.find(text) or in_one_sentence(text or "", TESTED_ON, FROM_PRODUCTION)
        for text in (answer_at(plan, path) for path in _evaluation_paths(plan))
    )


_ONBOARDED = "Each new camera is audited for its first month."
_HELD_OUT = "The post room switched to new scanners in 2024; the test set is held out by year."


@rule(
    "production-differs",
    Category.data,
    likelihood=4,
    impact=4,
    ask="does the data come from another channel, device, population, period, place or cadence than the "
    "product will meet?",
    move=Move(
        "Collect production-like data first, and test on it",
        "Data from another device, channel, language, population or season says little about the one "
        "the product meets; collect and label a sample from production (or a pilot) before trusting "
        "any score, or narrow the launch to what the data covers",
        "warning",
        first=True,
        done=lambda plan: judged_apart(plan) is not None,
    ),
    fires=(
        Case(
            {"constraints.data.differences": ["device", "population"]},
            evidence=(
                'constraints.data.differences: ["device", "population"] (the product meets another device or '
                "camera, population)",
            ),
        ),
        Case(
            {"constraints.data.differences": ["season"]},
            evidence=(
                'constraints.data.differences: ["season"] (the product meets another season or period)',
            ),
        ),
        Case(  # "no differences", yet the data comes by chat and the product answers the phone
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering phone calls in the service centre.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Chat transcripts of 2024 with the agents\' tags" (the data '
                "comes by chat)",
                'product.users: "Agents answering phone calls in the service centre." (the product meets '
                "phone calls)",
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # "no differences", yet the data counts 12 turbines and the product 400
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Vibration logs of 12 instrumented turbines, 2023-2024",
                "product.users": "Maintenance planners for our 400 turbines.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Vibration logs of 12 instrumented turbines, 2023-2024" '
                "(the data comes from 12 instrumented turbines)",
                'product.users: "Maintenance planners for our 400 turbines." (the product meets 400 turbines, '
                "33 times as many)",
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # none ticked, data of one season, a product used all year
            {
                "constraints.data.differences": None,
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.sources[0].name": "Field photos from the summer of 2024",
                "product.users": "Agronomists scouting fields year-round.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Field photos from the summer of 2024" (the data\'s season: '
                "summer)",
                'product.users: "Agronomists scouting fields year-round." (the product\'s season: year-round)',
                "constraints.data.differences: not answered (is the data like what the product will see?)",
            ),
        ),
        Case(  # "no differences", yet the note says the scanners were swapped
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Invoices scanned on the old Canon scanners until "
                "2023; the post room switched to new scanners since.",
            },
            evidence=(
                'constraints.data.differences_note: "Invoices scanned on the old Canon scanners until 2023; the '
                'post roo..." (the note names a difference: old canon scanners, switched, new scanners)',
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # named and already judged on its own: low, saying what the team does
            {
                "constraints.data.differences": ["season"],
                "constraints.data.differences_note": "Only summer invoices so far; the winter months run "
                "as a shadow run before go-live.",
            },
            evidence=(
                'constraints.data.differences: ["season"] (the product meets another season or period)',
                'constraints.data.differences_note: "Only summer invoices so far; the winter months run as a '
                'shadow run ..." (already judged apart: shadow run)',
            ),
        ),
        Case(  # named, and the test set is drawn from production: low, the score is read there
            {
                "constraints.data.differences": ["device"],
                "constraints.data.differences_note": "Training photos come from the old cameras; the test "
                "set is 800 random production cases from the new ones.",
            },
            evidence=(
                'constraints.data.differences: ["device"] (the product meets another device or camera)',
                'constraints.data.differences_note: "Training photos come from the old cameras; the test set '
                'is 800 rand..." (tested on production itself: test set, production cases)',
            ),
        ),
        Case(  # named and given to the model as an input: low, saying what the team does
            {
                "constraints.data.differences": ["channel"],
                "constraints.data.differences_note": "Invoices by email are new; the channel is an input of "
                "the model.",
            },
            evidence=(
                'constraints.data.differences: ["channel"] (the product meets another channel)',
                'constraints.data.differences_note: "Invoices by email are new; the channel is an input of the '
                'model." (the difference is an input of the model: is an input)',
            ),
        ),
        Case(  # named, and each new camera is audited before its flags count: low, keep the onboarding rule
            {"constraints.data.differences": ["device"], "constraints.data.differences_note": _ONBOARDED},
            evidence=(
                'constraints.data.differences: ["device"] (the product meets another device or camera)',
                f'constraints.data.differences_note: "{_ONBOARDED}" (already judged apart: audited for its first)',
            ),
        ),
        Case(  # `none` ticked, while the note says the scans were taken by another crew under another light
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Scanned by our own clerks; the branches will scan under "
                "different lighting.",
            },
        ),
        Case(  # `none` ticked, while the note says the mix of what the product meets is moving
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The share of invoices from foreign suppliers is growing, "
                "from 8% to 25%.",
            },
        ),
    ),
    quiet=(
        Case(  # named, and the team checked the two alike: the difference is measured away
            {
                "constraints.data.differences": ["population"],
                "constraints.data.differences_note": "Only members who opt in share their logs; we checked that "
                "returns per member are within 5% for both groups.",
            }
        ),
        Case({"constraints.data.differences": ["later_inputs"]}),
        Case(  # only the training data differs: the test set and audits are production cases
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2024; "
                "training invoices are older. The test set and the audits are random production cases.",
            }
        ),
        Case(  # the note names the swap and how it is handled: an input, and a shadow run on the new kit
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2024; the "
                "scanner model is an input, and a shadow run on the new scanners comes before go-live.",
            }
        ),
        Case(  # a change to come, already given to the model as an input
            {
                "constraints.data.differences": [],
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.differences_note": "A new tariff starts from next year; the tariff band is "
                "an input feature of the model.",
            }
        ),
        Case(  # the note names the swap and says it was checked
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2023; we "
                "compared 300 invoices scanned on both.",
            }
        ),
        Case({"constraints.data.differences": ["none"], "constraints.data.differences_note": _HELD_OUT}),
        Case(  # the note says nothing differs
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "None: the same scanners and the same suppliers.",
            }
        ),
        Case(  # simulations that are the product's live input too: no difference
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Simulated load cases of the bridge model, 2020-2025",
                "constraints.data.differences_note": "The product only ever sees simulated load cases too.",
            }
        ),
        Case(  # two counts of different units: not compared
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Vibration logs of 12 turbines",
                "product.users": "Maintenance planners for our 400 pumps.",
            }
        ),
        Case(  # the data holds the product's language too
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Support emails in English and German",
                "product.users": "Agents answering customers in German.",
            }
        ),
        Case(  # the same channel on both sides
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering the live chat.",
            }
        ),
        Case(  # e-mail is how staff reach the owner, not the channel the product meets
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Survey notes typed in the yard's app",
                "product.decision": "The office checks each draft and e-mails the owner.",
            }
        ),
    ),
)
def production_differs(plan: Plan) -> Evidence:
    """The data in hand differs from what the product will see.

    A model trained and tested on another device, channel, language, population or season learns
    that setting's quirks; its score says little about production, and the gap is found after launch.

    Mitigation: Collect and label a sample from the production setting (a pilot, a shadow run) before
    trusting any score, test on it, and narrow the launch to what the data covers until then.
    """
    kinds = [kind for kind in plan.constraints.data.differences if kind in _UNLIKE_PRODUCTION]
    if not kinds:  # none ticked: what the text says of the data's channel, origin, population, period...
        if _mitigation_said(plan):
            return None  # the note names the difference and how it is handled: nothing to ask
        said_none = plan.constraints.data.differences == [Difference.none]
        return (
            (unlike_in_the_text(plan) if said_none else None)
            or unlike_in_setting(plan)
            or unlike_in_the_note(plan)
            or change_in_the_notes(plan)
        )
    said = ", ".join(label(kind).split(" (")[0] for kind in kinds)  # "population", not its examples
    found = differences_quote(plan, kinds, f"the product meets another {said}")
    if _checked_alike(plan):
        return None  # the team measured the two and found them alike: the premise is checked away
    apart = judged_apart(plan)
    if apart:  # named and already judged on its own: a low note to check that mitigation, not a stop
        path = apart.partition(": ")[0]
        kept = tuple(line for line in found if line.partition(": ")[0] != path)
        return Tempered(1, (*kept, apart))  # however many differences: the check of how it is handled
    return found if len(kinds) > 1 else Tempered(3, found)  # one difference: worth a decision, not a stop
