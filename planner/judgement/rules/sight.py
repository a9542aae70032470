"""Rules on what the model sees and what it is judged against.

Two facts a lead asks for first: what today's deciders look at that the model will never get
(`product.unseen_by_model`): it bounds what the model can decide; and where the evaluation's right
answers come from (`done.eval_truth`): whether a score can show the model better than today at all.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.byhandinputs import left_out_by_hand
from planner.judgement.rules.evidence import first_said, monitor_paths, quote
from planner.judgement.rules.provenance import people_checked_blind
from planner.judgement.rules.seenby import (
    CHECKED_APART,
    partly_seen,
    system_decides_today,
    unseen_named,
)
from planner.judgement.rules.tobeat import to_beat
from planner.judgement.rules.turnson import turns_on_unseen
from planner.plan.model import (
    Category,
    DoneTodayBy,
    EvalTruth,
    LabelWriter,
    Mode,
    OutcomeRecorded,
    Plan,
    TaskType,
)

# Nobody takes the decision by hand today; the model's output starts a person's step (a visit, a call).
_NOBODY_TODAY = {
    "by_hand.done_today_by": "nobody",
    "product.mode": "automate",
    "product.action_shape": "threshold",
}


@rule(
    "decisions-turn-on-unseen",
    Category.model,
    likelihood=4,
    impact=4,
    ask="does it decide alone on what its camera or sensor cannot see?",
    move=Move(
        "Count how many of today's decisions turn on what the model will not get",
        "Decide 100 past cases with only the model's inputs, beside the decision taken with everything: the "
        "cases that change are out of the model's reach; send them to people, or bring that information in "
        "first",
        "warning",
        first=True,
    ),
    fires=(
        Case(  # the certificate itself at the counter, a phone photo of it to the model: a capture gap
            {
                "product.unseen_by_model": "The original certificate in hand at the counter.",
                "product.mode": "automate",
                "product.data_kinds": ["images"],
                "product.inputs": "Customers' phone photos of each certificate page.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The original certificate in hand at the counter." (certificate: the '
                "model gets a picture of what people hold: what the picture loses (a faded stamp, a page "
                "missed) is a capture difference, not an input beyond its reach)",
                'product.mode: "automate"',
            ),
        ),
        Case(  # an expert "could decide" by hand, yet people use the call: the cautious reading, asked
            {
                "product.unseen_by_model": "The analyst's call to the customer.",
                "product.mode": "automate",
                "by_hand.examples": 200,
                "by_hand.expert_can_decide": True,
            },
            evidence=(
                'product.unseen_by_model: "The analyst\'s call to the customer."',
                'product.mode: "automate"',
                "by_hand.expert_can_decide: true (yet product.unseen_by_model names what today's deciders "
                "use that the model will not get: were the by-hand cases decided from the model's inputs "
                "alone, without it?)",
            ),
        ),
        Case(
            {
                "product.unseen_by_model": "The site visit photos the adjuster takes.",
                "product.mode": "automate",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The site visit photos the adjuster takes."',
                'product.mode: "automate"',
            ),
        ),
        Case(  # nothing said unseen, but the camera sees only the top of what it decides alone: a question
            {
                "product.unseen_by_model": None,
                "product.mode": "automate",
                "product.data_kinds": ["images"],
                "product.inputs": "A photo of each bed from above; it sees only the top layer of mushrooms.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.inputs: "A photo of each bed from above; it sees only the top layer of mushr..." (only the '
                "top: decisions that turn on what it cannot see are out of its reach)",
                'product.mode: "automate"',
            ),
        ),
        Case(  # a draft a person signs, written without what the writer had in hand: medium
            {
                "product.unseen_by_model": "The surveyor's photos and what they remember from the visit.",
                "product.task": "generation",
                "product.mode": "augment",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The surveyor\'s photos and what they remember from the visit." (a '
                "draft reads as complete: it fills what it never read with fluent guesses, and whoever signs it "
                "sees what it says, not what it never read)",
                'product.task: "generation"',
            ),
        ),
        Case(  # the adviser signs each draft, but the facts sit in a meeting nobody writes down: medium
            {
                "product.unseen_by_model": "What the client said in the meeting; nobody writes it down.",
                "product.task": "generation",
                "product.mode": "augment",
                "product.action_shape": "every_item",
                "product.decision_owner": "The adviser, who signs each letter.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "What the client said in the meeting; nobody writes it down." (a '
                "draft reads as complete: it fills what it never read with fluent guesses, and whoever signs it "
                "sees what it says, not what it never read)",
                'product.task: "generation"',
            ),
        ),
        Case(  # a draft that proposes the award itself, without the evidence the award turns on: high
            {
                "product.unseen_by_model": "The check-out photos and the signed inventory.",
                "product.task": "generation",
                "product.mode": "augment",
                "product.output": "A draft adjudication with the proposed award for each deposit dispute.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The check-out photos and the signed inventory." (the decision turns '
                "on it, yet the draft proposes the decision without it: the model cannot do the task the plan "
                "builds it for, and whoever signs starts from a decision made blind to the evidence)",
                'product.output: "A draft adjudication with the proposed award for each deposit dispute." (it '
                "proposes the decision itself: draft adjudication, proposed award)",
                'product.task: "generation"',
            ),
        ),
        Case(  # automatic, but the gap is said to decide few cases: medium, not high
            {
                "product.unseen_by_model": "A note the adjuster adds by phone, which rarely changes the outcome.",
                "product.mode": "automate",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "A note the adjuster adds by phone, which rarely changes the '
                'outcome." (it decides few cases: rarely changes)',
            ),
        ),
        Case(  # sent unchecked, but as a suggestion its receiver can decline: medium, not high
            {
                "product.unseen_by_model": "What the customer says at the counter.",
                "product.decision": "Which dishes to suggest; the customer takes the suggestion or leaves it.",
                "product.mode": "augment",
                "product.circumstances": ["commits_alone"],
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "What the customer says at the counter."',
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.mode: "augment" (a suggestion its receiver can decline)',
            ),
        ),
        Case(  # the model accepts the clear ones alone; all others go to people as today: medium
            {
                "product.unseen_by_model": "The supplier's delivery note the clerk checks.",
                "product.mode": "automate",
                "product.decision": "Clear matches are paid at once; all others go to a clerk as today.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The supplier\'s delivery note the clerk checks."',
                'product.decision: "Clear matches are paid at once; all others go to a clerk as today."',
            ),
        ),
        Case(  # automatic, but what people read is the full log the model reads the errors of: medium
            {
                "product.unseen_by_model": "What the engineer reads in the full log of the failed job.",
                "product.mode": "automate",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "What the engineer reads in the full log of the failed job." (more '
                "of the source the model already reads: the full log)",
            ),
        ),
        Case(  # automatic, but what it lacks is more of the source it reads: medium, not high
            {
                "product.unseen_by_model": "The rest of the contract beyond the clause being summarised.",
                "product.mode": "automate",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The rest of the contract beyond the clause being summarised." (more '
                "of the source the model already reads: the rest of the)",
            ),
        ),
        Case(  # people check only its flags, and most faults sit where it cannot see: medium
            {
                "product.unseen_by_model": "The bottom ring the inspectors turn each tank to see.",
                "product.mode": "augment",
                "product.action_shape": "threshold",
                "product.current_solution": "Inspectors walk round each tank; most defects sit near the bottom.",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "The bottom ring the inspectors turn each tank to see."',
                'product.action_shape: "threshold" (people check only what it flags: what it cannot see is '
                "never flagged, so never looked at)",
                'product.current_solution: "Inspectors walk round each tank; most defects sit near the bottom." '
                "(most defects: the share of targets where it cannot see caps the recall of the whole process)",
            ),
        ),
        Case(  # a sorting machine decides today from the same pictures; people re-check a few: low
            {
                "product.unseen_by_model": "Packers feel each apple they re-check.",
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "done.eval_truth": "system_output",
                "by_hand.expert_can_decide": None,
            },
            evidence=(
                'product.unseen_by_model: "Packers feel each apple they re-check." (people see it only in the '
                "cases they re-check: how many of today's decisions does it change?)",
                "done.eval_truth: \"system_output\" (today's decisions are a system's output, not people's: its "
                "labels are that system's decisions)",
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, not '
                "checked outcomes)",
            ),
        ),
    ),
    quiet=(
        Case(  # the camera sees only the top, but a person decides each bed with the beds in front of them
            {
                "product.unseen_by_model": None,
                "product.mode": "augment",
                "product.action_shape": None,
                "product.data_kinds": ["images"],
                "product.inputs": "A photo of each bed from above; it sees only the top layer of mushrooms.",
            }
        ),
        Case({"product.unseen_by_model": "nothing"}),
        Case(  # decided by hand from the file, the call left out: the check is done
            {
                "product.unseen_by_model": "The analyst's call to the customer.",
                "product.mode": "automate",
                "by_hand.examples": 200,
                "by_hand.expert_can_decide": True,
                "by_hand.noticed": ["We decided each pair from the invoices, without the call."],
            }
        ),
        Case(  # people's score was on the model's own inputs: they labelled the invoices themselves
            {
                "product.unseen_by_model": "The analyst's call to the customer.",
                "product.mode": "automate",
                "by_hand.examples": 200,
                "by_hand.expert_can_decide": True,
                "by_hand.human_score_notes": "Two auditors labelled 200 invoice pairs; they found 85%.",
            }
        ),
        Case(  # suggestions run automatically, but the homeowner chooses with the site in front of them
            {
                "product.unseen_by_model": "What the homeowner sees of the garden on the day.",
                "product.mode": "automate",
                "product.action_shape": "choose_among",
                "product.output": "Three planting schemes for the plot.",
                "by_hand.expert_can_decide": None,
            }
        ),
        Case(  # an estimate the fisheries board sets the quota from, with its own survey notes
            {
                "product.unseen_by_model": "The skippers' logbook remarks the board reads.",
                "product.mode": "automate",
                "product.output": "Estimated spawning stock biomass for each stock.",
                "product.action_shape": None,
                "product.circumstances": [],
                "product.decision_owner": "The fisheries board, which sets the quota.",
                "by_hand.expert_can_decide": None,
            }
        ),
        Case(  # nobody decides today: the engineer's visit follows the model's alarm, it is not replaced
            {**_NOBODY_TODAY, "product.unseen_by_model": "What the engineer finds opening the pump housing."}
        ),
        Case(  # a new early visit nobody makes today: what tenants say comes after the decision to visit
            {
                **_NOBODY_TODAY,
                "product.unseen_by_model": "What tenants tell the officer.",
                "product.mode": "augment",
            }
        ),
        Case(  # people decide each case after the model, with the call in hand
            {
                "product.unseen_by_model": "The analyst's call to the customer.",
                "product.mode": "augment",
                "product.action_shape": None,
                "by_hand.expert_can_decide": None,
            }
        ),
    ),
)
def decisions_turn_on_unseen(plan: Plan) -> Evidence:
    """The people who decide today look at what the model will not get.

    A phone call, a site visit, a paper file, handwriting that text extraction drops, an attachment or
    what a clerk knows of the customer: where the model decides alone, every decision that turns on it
    is beyond the model, whatever its score on the rest, and a score measured against decisions taken with it looks worse (or, where it is
    correlated with what the model sees, better) than the model will do alone.

    Mitigation: Decide a hundred past cases with only the model's inputs and compare with the decisions
    taken with everything; the share that changes is the model's ceiling. Route the cases that need the
    missing information to people, or bring it in (transcribe the call, extract the scans with a
    measured error rate) before training.
    """
    unseen = unseen_named(plan)
    if unseen is None:
        return partly_seen(plan)
    if plan.by_hand.done_today_by is DoneTodayBy.nobody:
        # nobody takes this decision by hand today: what people see comes in the step the model's output
        # starts (a call, a visit) or after the decision, not in a decision the model takes in their place
        return None
    found = turns_on_unseen(plan, unseen)
    machine = system_decides_today(plan) if found else None
    if machine:  # a machine decides today from its inputs: people who see more check only some cases
        note = "people see it only in the cases they re-check: how many of today's decisions does it change?"
        return Tempered(1, (quote(plan, "product.unseen_by_model", note), *machine))
    by_hand = plan.by_hand
    if not found or by_hand.expert_can_decide is not True or not (by_hand.examples or by_hand.measured):
        return found
    if by_hand.measured is not None or left_out_by_hand(plan, unseen):
        return None  # the by-hand cases were decided without what the model will not get: the check is done
    # Two answers at odds: people use what the model will not get, yet an expert "could decide" by hand.
    # The cautious reading stands, asked: from which inputs were the by-hand cases decided?
    level = min(found.likelihood if isinstance(found, Tempered) else 4, 3)
    note = (
        "yet product.unseen_by_model names what today's deciders use that the model will not get: "
        "were the by-hand cases decided from the model's inputs alone, without it?"
    )
    return Tempered(level, (*found, quote(plan, "by_hand.expert_can_decide", note)))


@rule(
    "evaluation-truth-circular",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Judge the model against answers checked apart from today's process",
        "Agreement with today's decisions, or with the output of the system being replaced, rewards copying "
        "it, errors included: have people check a random sample against the source or the outcome, apart "
        "from both, and measure today's process on the same sample",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"done.eval_truth": "todays_decisions", "product.mode": "automate"},
            evidence=(
                'done.eval_truth: "todays_decisions"',
                "done.metrics[0].target: 0.75 (to beat today's 0.45, yet on its own decisions today's process "
                "scores 100%)",
                'product.mode: "automate"',
            ),
        ),
        Case(  # drafts judged against what people wrote, while the model is to beat today's figure
            {"done.eval_truth": "todays_decisions", "product.task": "generation"}
        ),
        Case(  # a person writes the label on the cases today's process chose: its decisions, not outcomes
            {
                "done.eval_truth": "todays_decisions",
                "product.mode": "automate",
                "constraints.data.label_writer": "sees_estimate",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
            also=frozenset({"selective-labels"}),
        ),
        Case(  # prices people set as the truth, for a model meant to beat today's figure
            {"done.eval_truth": "todays_decisions", "product.task": "regression"}
        ),
    ),
    quiet=(
        Case({"done.eval_truth": "checked"}),
        Case({"done.eval_truth": "outcomes"}),
        Case({"done.eval_truth": "chosen_outcomes"}),
        Case(  # the other party's answer to an offer, recorded only where today's process made one
            {
                "done.eval_truth": "todays_decisions",
                "product.mode": "automate",
                "constraints.data.label_writer": "event",
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
        Case(  # drafts judged against what people wrote, when nothing says their texts fall short
            {
                "done.eval_truth": "todays_decisions",
                "product.task": "generation",
                "product.current_performance": None,
            }
        ),
        Case(  # to copy today's decisions faster is the goal: nothing says they are wrong
            {"done.eval_truth": "todays_decisions", "product.current_performance": None}
        ),
        Case(  # cataloguers keep choosing the headings, some blind: their choice is what it predicts
            {
                "product.output": "Five subject headings suggested for each new book.",
                "product.label": "The headings the cataloguer assigned to each book.",
                "done.eval_truth": "todays_decisions",
                "after_launch.blind_share": 0.05,
            }
        ),
    ),
)
def evaluation_truth_circular(plan: Plan) -> Evidence:
    """The evaluation's right answers come from the process the model is to beat.

    Scored against today's decisions, or against another system's or a vendor's output, a model that
    copies them scores perfectly, errors and all, and a better model is marked wrong wherever it
    disagrees. Such a score shows agreement, not quality: it cannot show the model better than today's
    process, nor find the errors today's process makes.

    Mitigation: Build the evaluation set from a random sample whose answers people check against the
    source or the real outcome, apart from today's process and the system being replaced; measure today's
    process on the same sample, and report agreement only beside that score.
    """
    truth = plan.done.eval_truth
    if truth is EvalTruth.not_decided:
        return Tempered(1, (quote(plan, "done.eval_truth"),))
    if truth not in (EvalTruth.todays_decisions, EvalTruth.system_output):
        return None
    data = plan.constraints.data
    if data.label_writer is LabelWriter.event and data.outcome_recorded_for is OutcomeRecorded.selected_cases:
        # the world (or the other party's answer) writes the label: an outcome, known only on the cases
        # today's process chose; which cases it chose is the flaw, and selective-labels raises it
        return None
    said = quote(plan, "done.eval_truth")
    beats = to_beat(plan)
    if truth is EvalTruth.todays_decisions and (beats is None or people_checked_blind(plan)):
        # reproducing today's decisions faster is the goal: they are the truth it copies; or the people keep
        # deciding, some cases blind, and what the model is to beat is another aid of theirs
        return None
    if truth is EvalTruth.todays_decisions and plan.product.task is TaskType.generation:
        # what people wrote is the reference, while the model is to write better than they do: a match
        # with their text cannot show it, a medium to decide (metric-blind-to-harm weighs the metric)
        note = "people's own texts as the reference, for a model meant to do better than they do"
        return Tempered(2, (quote(plan, "done.eval_truth", note), *((beats,) if beats else ())))
    found = (said, *((beats,) if beats else ()))
    # Today's error rate measured by a check apart from it, or live decisions audited apart: the team can
    # see the gap, so the circular score misleads less (medium, whatever the mode).
    checked = first_said(plan, ("by_hand.human_score_notes", *monitor_paths(plan)), CHECKED_APART)
    if plan.product.mode is Mode.automate and beats and checked is None:  # nobody checks it apart
        return (*found, quote(plan, "product.mode"))
    return Tempered(3, (*found, *((quote(plan, checked[0]),) if checked else ())))
