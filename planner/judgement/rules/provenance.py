"""Rules on where a label comes from: a past decision of the very process the model replaces, or a
labelling standard, system or policy that changed over the data's years; each a question from words."""

from __future__ import annotations

from planner.judgement.rules.base import LOW_AGREEMENT, Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    quote,
    says_nothing,
    ticked,
    truth_paths,
)
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.kept import ON_THE_OUTCOME, actual_outcome, outcome_follows_decision
from planner.judgement.rules.lexicon import AGREES, DRAWN_AT_RANDOM, INDEPENDENT, PEOPLE
from planner.judgement.rules.people import ADJUDICATED, AGREEMENT_KIND
from planner.judgement.rules.tobeat import ERRS, beaten_by_target, to_beat
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import Category, Circumstance, EvalTruth, Mode, Plan

# A decision somebody took (or a document they sent), rather than what then happened.
DECIDED = Lexicon(
    """
    decision, decisions, decide, decides, decided, triage, triaged, triage level, triage category, triage categories
    routed, routing, assigned, assignment, assignments, escalated, escalation, escalations
    approved, approval, approvals, rejected, rejection, rejections, declined, refused, granted
    letter, letters, warning letter, warning letters, notice, notices, sent, issued
    flagged, flag, flags, prioritised, prioritized, priority, priorities, chosen, selected, picked
    recommended, recommendation, recommendations, referred, referral, referrals
    coded, classified, categorised, categorized, tagged, graded, allocated, dispatched
    """,
    unless="sent to us, sent by the customer, sent by customers, issued by the supplier, issued by suppliers",
)

# Who or what takes that decision today: the people, the rules, the old system.
_PROCESS = PEOPLE + Lexicon(
    """
    rule, rules, rule-based, rulebook, scorecard, scorecards, checklist, checklists, rota, queue, queues
    system, old system, legacy system, current system, existing system, triage, desk, desks
    officer, officers, caseworker, caseworkers, assessor, assessors, adjuster, adjusters, dispatcher
    dispatchers, planner, planners, supervisor, supervisors, manager, managers, controller, controllers
    coordinator, coordinators, teacher, teachers, committee, committees, panel, panels, board
    """
)

# Words of the label that say it was the old process's call, whatever the answer about it.
_OLD = Lexicon("past decisions, previous decisions, old triage, current triage, existing triage, legacy")


def people_are_the_target(plan: Plan) -> bool:
    """Whether the people's judgement is what the model should reproduce: it drafts for them (augment),
    they agree with each other, and nothing in the pain or goal says their decisions are wrong."""
    if plan.product.mode is not Mode.augment:
        return False
    agreement = plan.by_hand.label_agreement
    if isinstance(agreement, float) and agreement < LOW_AGREEMENT:
        return False
    paths = ("product.pain", "product.goal", "product.success_metric", "product.current_performance")
    return not any(mentions(answer_at(plan, path), ERRS) for path in paths)


def people_checked_blind(plan: Plan) -> str | None:
    """Where the people's own call is the target (see people_are_the_target) and they decide a share of
    cases without the model's proposal: the answer that says so, quoted. Their decisions are the truth the
    product predicts, and the blind share shows whether they copy it: neither labels nor test are circular."""
    if not people_are_the_target(plan) or not plan.after_launch.blind_share:
        return None
    note = (
        "people keep deciding, and decide this share blind: their own call is the truth the product predicts"
    )
    return quote(plan, "after_launch.blind_share", note)


def _forms(words: tuple[str, ...]) -> set[str]:
    """Found forms compared as one word whatever their number (`clerk`, `clerks`)."""
    return {word.removesuffix("s") for word in words}


@rule(
    "label-from-old-process",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Check the old process's decisions against what happened, on a sample",
        "A label that records the decisions of the process the model replaces teaches the model that "
        "process: at best it copies it, misses included; measure how often those decisions were wrong on "
        "a sample judged by outcome (or by an expert panel), and link the real outcome (often kept under "
        "another identifier: a claim, a return, a warranty record) before automating",
        "warning",
    ),
    instead=(ON_THE_OUTCOME,),
    ask="does the label record the old process's decisions rather than what happened, so the model "
    "learns its misses?",
    fires=(
        Case(  # the pain says the clerks miss duplicates: their flags teach the misses
            {
                "product.label": "Whether the clerk on duty flagged the invoice for a check.",
                "product.current_solution": "The clerk on duty flags invoices that look familiar.",
                "product.pain": "Clerks miss duplicates that arrive with a new number.",
            },
            evidence=(
                'product.label: "Whether the clerk on duty flagged the invoice for a check." (a decision of '
                "today's process: flagged, clerk)",
                'product.current_solution: "The clerk on duty flags invoices that look familiar." (the '
                "process the model replaces: its misses become the label's; label_is_proxy is false)",
            ),
        ),
        Case(  # automating the reviewers away, with their decisions as the label
            {
                "product.label": "Whether a reviewer rejected the invoice pair as a duplicate.",
                "product.mode": "automate",
                "product.decision_owner": "The ERP holds the invoice on its own.",
                "product.current_solution": None,
            },
            evidence=(
                'product.label: "Whether a reviewer rejected the invoice pair as a duplicate." (a decision of '
                "the people the model replaces: rejected, reviewer)",
                'product.mode: "automate" (the process the model replaces: its misses become the label\'s; '
                "label_is_proxy is false)",
            ),
        ),
        Case(  # the team ticks it: a fact, whatever the label's words
            {"product.circumstances": ["labels_are_decisions"]},
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.label: "The auditors\' duplicate flag on past invoice pairs (confirmed dupli..."',
            ),
        ),
        Case(  # automated, trained and judged on the decisions: a spot check of agreement does not settle it
            {
                "product.circumstances": ["labels_are_decisions"],
                "product.mode": "automate",
                "done.eval_truth": "todays_decisions",
                "by_hand.human_score": 0.96,
                "by_hand.human_score_notes": "Spot check: two clerks judged the same 100 pairs and disagreed on 4.",
            },
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.label: "The auditors\' duplicate flag on past invoice pairs (confirmed dupli..."',
                'done.eval_truth: "todays_decisions" (trained and judged on today\'s decisions, then '
                "automated: the model can at best copy that process, errors included; link the real outcome "
                "before automating, or judge the model on checked outcomes)",
                "done.metrics[0].target: 0.75 (to beat today's 0.45, the error this project is to fix is in "
                "these labels: trained on them the model learns it, and scored on them it is rewarded for "
                "copying it)",
            ),
        ),
        Case(  # the graders' grades as labels, while the pain is their overgrading: said beside it, medium
            {
                "product.circumstances": ["labels_are_decisions"],
                "product.pain": "Graders overgrade; one jacket in ten comes back as not as described.",
                "done.metrics[0].baseline": None,
                "done.eval_truth": None,
            },
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.label: "The auditors\' duplicate flag on past invoice pairs (confirmed dupli..."',
                'product.pain: "Graders overgrade; one jacket in ten comes back as not as described." (to do '
                "better than today's process: overgrade; the error this project is to fix is in these labels: "
                "trained on them the model learns it, and scored on them it is rewarded for copying it)",
            ),
        ),
        Case(  # the decisions are the label, yet the actual outcome is recorded for the test: train on it
            {"product.circumstances": ["labels_are_decisions"], "done.eval_truth": "outcomes"},
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.label: "The auditors\' duplicate flag on past invoice pairs (confirmed dupli..."',
                'done.eval_truth: "outcomes" (the actual outcome is recorded: train and score on it, not on the '
                "estimate or decision)",
            ),
        ),
        Case(  # outcomes recorded only where the old decision acted: no independent label to train on
            {
                "product.circumstances": ["labels_are_decisions"],
                "done.eval_truth": "outcomes",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.label: "The auditors\' duplicate flag on past invoice pairs (confirmed dupli..."',
                'constraints.data.outcome_recorded_for: "selected_cases" (the outcome follows the old decision: '
                "it exists or changes only where that decision acted)",
            ),
            also=frozenset({"selective-labels"}),
        ),
        Case(  # the model replaces the desk
            {
                "product.label": "Past decisions of the approval desk on each invoice pair.",
                "product.mode": "automate",
            },
            evidence=(
                'product.label: "Past decisions of the approval desk on each invoice pair." (a decision of '
                "today's process: past decisions)",
                'product.current_solution: "The ERP blocks invoices with the same supplier, number and amount; ..." '
                "(the process the model replaces: its misses become the label's; label_is_proxy is false)",
            ),
        ),
    ),
    quiet=(
        Case(  # automated on today's decisions, but today's error audited against the source: measured
            {
                "product.circumstances": ["labels_are_decisions"],
                "product.mode": "automate",
                "done.eval_truth": "todays_decisions",
                "by_hand.human_score": 0.98,
                "by_hand.human_score_notes": "A senior clerk audited 2,000 random flags against the bank "
                "statements; 1.6% were wrong, and the two clerks agree on the rest.",
            }
        ),
        Case(  # the old decisions already checked on a random, double-labelled, adjudicated test set: low
            {
                "product.circumstances": ["labels_are_decisions"],
                "done.eval_set": "1,000 invoice pairs drawn at random, double-labelled by two auditors; a "
                "senior auditor adjudicates every disagreement.",
            }
        ),
        Case(  # drafting the clerks' call for them, who agree, with no word that they err: the target
            {
                "product.label": "Whether the clerk on duty flagged the invoice for a check.",
                "product.current_solution": "The clerk on duty flags invoices that look familiar.",
            }
        ),
        Case(  # the current solution says who is replaced: not the auditors who flag
            {"product.mode": "automate"}
        ),
        Case(  # augmenting the clerks, whose decisions are not the label
            {"product.label": "Invoice paid twice, per the bank statement.", "product.mode": "automate"}
        ),
        Case(  # the auditors' judgement is not the process the model replaces
            {"product.label": "The auditors' duplicate flag on past invoice pairs."}
        ),
        Case(  # the label's actor is not who decides today
            {
                "product.label": "The auditors' duplicate flag on past invoice pairs.",
                "product.decision_owner": "The clerk on duty releases or rejects each flagged invoice.",
            }
        ),
        Case(  # what happened, not what was decided
            {"product.label": "Invoice paid twice, per the bank statement."}
        ),
        Case(  # subject headings suggested to cataloguers, who keep choosing and choose some blind
            {
                "product.output": "Five subject headings suggested for each new book.",
                "product.label": "The headings the cataloguer assigned to each book.",
                "product.circumstances": ["labels_are_decisions"],
                "done.eval_truth": "todays_decisions",
                "after_launch.blind_share": 0.05,
            }
        ),
    ),
)
def label_from_old_process(plan: Plan) -> Evidence:
    """The label records the decisions of the process the model replaces.

    Past decisions (a clerk's letters, the old triage, the rules' flags) are what that process did, not
    what happened; a model trained on them learns the old process, its misses and its habits included,
    and a test set of the same decisions cannot show where it is better. Where the project exists to
    fix those very decisions (the overgrading behind the returns, the bias in past approvals), the labels
    carry the error it is to remove: the model learns it, and a score against them rewards copying it.

    Mitigation: Measure on a sample how often the old decisions were wrong (by outcome or an expert
    panel); label from outcomes where they exist, or have experts relabel the cases the old process
    decided.
    """
    found = _learns_old_decisions(plan)
    if found is None or people_checked_blind(plan):
        return None
    # the outcome is recorded for every case: train and score on it; recorded where the old decision acted,
    # it is that decision's trace, no label to switch to
    actual = actual_outcome(plan) or (outcome_follows_decision(plan) if plan.done.eval_truth else None)
    if actual is not None and not isinstance(found, Hint):
        found = (
            Tempered(found.likelihood, (*found, actual)) if isinstance(found, Tempered) else (*found, actual)
        )
    checked = old_decisions_checked(plan)
    if checked is not None and not _agreement_only(plan):
        return None  # the sample the mitigation asks for is drawn: the old process's misses are measured
    if _copies_today(plan) and type(found) is tuple:
        note = (
            "trained and judged on today's decisions, then automated: the model can at best copy that "
            "process, errors included; link the real outcome before automating, or judge the model on "
            "checked outcomes"
        )
        found = (*found, quote(plan, "done.eval_truth", note))
    elif checked is not None:
        return None
    return _weighed(plan, found)


_CARRIES = (
    "the error this project is to fix is in these labels: trained on them the model learns it, and scored "
    "on them it is rewarded for copying it"
)


def _weighed(plan: Plan, found: Evidence) -> Evidence:
    """The old process's decisions as labels, weighed: high when the team ticks it and its done target is
    to beat that process's own figure, judged on no truth apart from it (the labels carry the very error
    the project fixes); with words of the pain that today's decisions err, that said beside it; else medium."""
    if type(found) is not tuple or ticked(plan, Circumstance.labels_are_decisions) is None:
        return found if found is None or isinstance(found, (Hint, Tempered)) else Tempered(3, found)
    apart = plan.done.eval_truth in (EvalTruth.outcomes, EvalTruth.checked)
    beaten = beaten_by_target(plan, _CARRIES)
    if beaten is not None and not apart:
        return (*found, beaten)
    said = to_beat(plan, _CARRIES) if beaten is None else None
    return Tempered(3, (*found, said) if said else found)


# Labels two people gave the same case independently.
DOUBLE_LABELLED = Lexicon("""
    double-labelled, double-labeled, double labelled, double labeled
    two labellers, two labelers, two annotators, two raters, two reviewers, two auditors, two experts
""")


def old_decisions_checked(plan: Plan) -> str | None:
    """The answer saying the evaluation's cases are drawn at random and checked apart from the old
    process (double-labelled or adjudicated, or right answers checked by people): the sample on which
    the old decisions' misses are measured."""
    for path in ("done.eval_set", *(f"done.metrics[{i}].dataset" for i in range(len(plan.done.metrics)))):
        text = answer_at(plan, path)
        if not DRAWN_AT_RANDOM.find(text):
            continue
        if DOUBLE_LABELLED.find(text) or ADJUDICATED.find(text) or plan.done.eval_truth is EvalTruth.checked:
            return quote(plan, path)
    said = first_said(plan, ("by_hand.human_score_notes",), AUDITED)  # today's error, audited apart
    return quote(plan, said[0]) if said and plan.by_hand.human_figure is not None else None


# A check of today's deciders against each other, not against what happened.
_AGREEMENT = Lexicon("disagree, disagreed, disagreement, agreed, agree, agreement")
_AGAINST = Lexicon("against")


def _agreement_only(plan: Plan) -> bool:
    """Whether the by-hand check the plan records compares today's deciders with each other only (`two
    inspectors judged the same 100 casings and disagreed on 4`), not with the source or the outcome."""
    notes = plan.by_hand.human_score_notes
    return bool(_AGREEMENT.find(notes)) and not _AGAINST.find(notes)


def _copies_today(plan: Plan) -> bool:
    """Whether the team ticks that its labels are today's decisions, judges the model on those decisions
    too, and automates: nothing in training or evaluation can show the model better than the process."""
    return (
        ticked(plan, Circumstance.labels_are_decisions) is not None
        and plan.done.eval_truth is EvalTruth.todays_decisions
        and plan.product.mode is Mode.automate
    )


def _learns_old_decisions(plan: Plan) -> Evidence:
    """Evidence that the label records the old process's decisions (see label_from_old_process)."""
    product = plan.product
    fact = ticked(plan, Circumstance.labels_are_decisions)
    if fact is not None:  # the team says so: a fact, whatever the label's words
        evidence = (fact, quote(plan, "product.label")) if product.label else (fact,)
        # Drafting the deciders' own call for them, their judgement is the target: a smaller risk.
        return Tempered(2, evidence) if people_are_the_target(plan) else evidence
    if people_are_the_target(plan):
        return None  # the model drafts the experts' call for them: their judgement is the target
    decided = DECIDED.find_all(product.label)
    old = _OLD.find_all(product.label)
    note = "the process the model replaces: its misses become the label's"
    if product.label_is_proxy is False:
        note += "; label_is_proxy is false"
    # Today's process: how it is done now, or who decides (the model's output goes to the same people).
    for path in ("product.current_solution", "product.decision_owner"):
        text = answer_at(plan, path)
        today = _forms(_PROCESS.find_all(text) + DECIDED.find_all(text)) if decided and text else set()
        shared = [
            word for word in _PROCESS.find_all(product.label) + decided if word.removesuffix("s") in today
        ]
        if shared or (old and text):
            words = tuple(dict.fromkeys((*old, *((decided[0], *shared) if shared else ()))))
            said = f"a decision of today's process: {', '.join(words)}"
            return Hint(words, (quote(plan, "product.label", said), quote(plan, path, note)))
    # Automating people away, with their decisions as the label: the model learns the people it replaces.
    actors = _PROCESS.find_all(product.label)
    if decided and actors and product.mode is Mode.automate and not product.current_solution:
        words = (decided[0], *actors)
        said = f"a decision of the people the model replaces: {', '.join(words)}"
        return Hint(words, (quote(plan, "product.label", said), quote(plan, "product.mode", note)))
    if old:
        said = f"a decision of today's process: {', '.join(old)}"
        return Hint(old, (quote(plan, "product.label", said), "product.current_solution: not answered"))
    return None


# A done metric that counts how often the model says what the label says: agreement, not an outcome.
_AGREEMENT_SCORES = AGREEMENT_KIND + Lexicon(
    "f1, f1-score, f-score, precision, recall, auc, auroc, match rate"
)


def imitation_scored(plan: Plan, fact: str) -> Evidence:
    """Labels that are the old process's decisions, a done metric of agreement with them (accuracy, F1),
    and a goal that is an outcome (a pass rate, a cost): the done target measures imitation, not the goal."""
    goal = plan.product.success_metric
    if not goal or says_nothing(goal) or _AGREEMENT_SCORES.find(goal) or AGREES.find(goal):
        return None  # no goal said, or agreement itself is the goal
    if any(INDEPENDENT.find(answer_at(plan, path)) for path in ("done.eval_set", *truth_paths(plan))):
        return None  # scored on outcomes, or on a sample judged apart from today's process
    for index, metric in enumerate(plan.done.metrics):
        words = _AGREEMENT_SCORES.find_all(metric.name)
        if words and not INDEPENDENT.find(metric.name):
            note = (
                f"{', '.join(words)} against the old decisions: a model that imitates them scores best, "
                "whatever it does to the goal"
            )
            return Hint(
                words,
                (
                    fact,
                    quote(plan, f"done.metrics[{index}].name", note),
                    quote(
                        plan,
                        "product.success_metric",
                        "the goal is this outcome: make it the done target, or score a sample labelled by outcome",
                    ),
                ),
            )
    return None
