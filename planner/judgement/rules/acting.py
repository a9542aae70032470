"""Rules on what acting on the predictions changes and needs: a model that chooses which cases are acted
on (and so which get an outcome), read from the decision whatever the outcome answer says."""

from __future__ import annotations

import itertools
import re

from planner.judgement.rules import data, evaluation
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.everyoutcome import EVERY_CASE_ACTED_ON
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import (
    AT_RANDOM,
    NAMES_OPTIONS,
    OTHER_PARTY,
    PARTY_AGREED,
    SELECTS,
    SHARES,
    TERMS_SETTLED,
)
from planner.judgement.rules.units import (
    grouped_and_measured,
    in_common,
    measured_apart,
    names_a_class,
    units_counted,
)
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import BOUNDARY, Lexicon, phrase_with, phrases, words_of
from planner.plan.model import ActionShape, Category, MetricUnit, OutcomeRecorded, Plan


def _selects(plan: Plan, path: str) -> tuple[str, ...]:
    """The words of choosing in the answer at `path`; in the output only those of a share or a shortlist
    (`the top 10%`), since an output's `selected` or `inspection` may name what it predicts."""
    text = answer_at(plan, path)
    if path == "product.output" and NAMES_OPTIONS.find(text):
        return ()  # the shortlist is of the options the model ranks for each case, not of cases
    return (SHARES if path == "product.output" else SELECTS).find_all(text)


_KEEP_A_SHARE_UNCHOSEN = Move(
    "Keep a random share of cases the model does not choose, and evaluate on it",
    "Once the model picks which cases are inspected, shortlisted or treated, the cases it passes over "
    "stop getting an outcome (or get another one): it learns from its own choices and cannot see its "
    "misses; a small random share acted on whatever the score, logged, gives labels nobody picked",
    "warning",
)


@rule(
    "model-selects-cases",
    Category.model,
    likelihood=3,
    impact=4,
    move=_KEEP_A_SHARE_UNCHOSEN,
    ask="once the model chooses which cases are acted on, will the cases it passes over still get an "
    "outcome?",
    fires=(
        Case(
            {"product.decision": "Clerks check the top 50 invoices the model scores each day."},
            evidence=(
                'product.decision: "Clerks check the top 50 invoices the model scores each day." (the model '
                "chooses which cases are acted on: top 50)",
                'constraints.data.outcome_recorded_for: "every_case" (today; once the model chooses, do the '
                "cases it passes over still get an outcome, and does acting change it?)",
            ),
        ),
        Case(  # the output is the shortlist
            {
                "product.output": "A shortlist of the 30 invoices most likely to be duplicates each day.",
                "product.decision": "Clerks work through the list.",
            },
            evidence=(
                'product.output: "A shortlist of the 30 invoices most likely to be duplicates each day." (the '
                "model chooses which cases are acted on: shortlist)",
                'constraints.data.outcome_recorded_for: "every_case" (today; once the model chooses, do the '
                "cases it passes over still get an outcome, and does acting change it?)",
            ),
        ),
        Case(  # no outcome answer at all
            {
                "product.decision": "The auditors inspect the riskiest suppliers the model shortlists.",
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.model_decides_labels": None,
            },
            evidence=(
                'product.decision: "The auditors inspect the riskiest suppliers the model shortlists." (the '
                "model chooses which cases are acted on: inspect, riskiest, shortlists)",
                "constraints.data.outcome_recorded_for: not answered (once the model chooses, do the cases "
                "it passes over still get an outcome?)",
            ),
        ),
    ),
    quiet=(
        Case(  # a random share keeps labels nobody chose
            {
                "product.decision": "Clerks check the top 50 invoices the model scores each day.",
                "constraints.data.exploration_share": 0.05,
            }
        ),
        Case(  # every case is acted on; the model only orders the queue
            {"product.decision": "Clerks check every invoice; the model puts likely duplicates first."}
        ),
        Case(  # alerts pick what the operator checks, yet a final inspection the model does not choose
            # keeps every case's outcome once live
            {
                "product.decision": "When the model alerts, the operator stops the line; the final inspection "
                "of every batch stays as it is.",
                "product.action_shape": "up_to_capacity",
                "constraints.data.outcome_kept_live": True,
            }
        ),
        Case(  # the chosen cases only: selective-labels reasons from that answer
            {
                "product.decision": "Clerks check the top 50 invoices the model scores each day.",
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
        Case(
            {"product.decision": "Clerks check the top 50 invoices, and a random 20 more each day."},
        ),
        Case(  # the output names what it predicts, not a choice of cases
            {"product.output": "Whether the invoice will be selected for inspection."}
        ),
        Case({"product.decision": "Below the cut-off a clerk picks from the ranked shortlist."}),
        Case({"product.output": "For each line, the top 20 candidate codes, or a top-5 shortlist."}),
        Case(
            {
                "product.decision": "Dispatch picks the top 3 crews per job.",
                "product.action_shape": "every_item",
            }
        ),
        Case(  # the clerk's choice among the top three suggestions for each claim, every claim handled
            {
                "product.decision": "For each claim the clerk sees the top three matching policies and chooses one.",
                "product.action_shape": "choose_among",
            }
        ),
    ),
)
def model_selects_cases(plan: Plan) -> Evidence:
    """The model will choose which cases are acted on, and so which get an outcome.

    A decision that acts on the model's top share (inspect, shortlist, audit, drop the rest) decides
    which cases are ever checked; even when every case has an outcome today, the cases it passes over
    stop getting one, or get a different one, and the next model learns from the first one's choices.

    Mitigation: Keep a small random share acted on whatever the score (an exploration or holdout
    group), log it, and evaluate and retrain on it; read offline scores as a bound until it exists.
    """
    constraints = plan.constraints.data
    if (constraints.exploration_share or 0) > 0 or any(
        AT_RANDOM.find(text) for text in (plan.product.decision, plan.product.output)
    ):
        return None
    recorded = constraints.outcome_recorded_for
    if constraints.outcome_kept_live:
        return None  # answered: a check the model does not choose keeps every case's outcome once live
    if recorded in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    if plan.product.action_shape in EVERY_CASE_ACTED_ON:
        return None  # answered: every case is acted on or given an amount; none is passed over
    path, words = next(
        ((path, found) for path in ("product.decision", "product.output") if (found := _selects(plan, path))),
        ("product.decision", ()),
    )
    if not words or any(
        check(plan)
        for check in (data.feedback_loop, data.decision_hides_outcome, evaluation.selective_labels)
    ):
        return None  # nothing chosen, or a rule that reads the answers says it already
    chosen = quote(plan, path, f"the model chooses which cases are acted on: {', '.join(words)}")
    if recorded is None:
        said = (
            "constraints.data.outcome_recorded_for: not answered (once the model chooses, do the cases it "
            "passes over still get an outcome?)"
        )
    else:
        said = quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "today; once the model chooses, do the cases it passes over still get an outcome, and does "
            "acting change it?",
        )
    return Hint(words, (chosen, said))


# Acting on a prediction that needs someone else's yes, or a system nobody has built yet.
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A quoted caption or title (`posted as 'Draft, subject to approval'`) names what a thing is labelled, not
# what acting waits on: its words are not heard.
_QUOTED = re.compile(r"(?<!\w)'[^']+'(?!\w)|\"[^\"]+\"|“[^”]+”|‘[^’]+’")

NEEDS_ANOTHER = Lexicon(
    phrases(
        "with, needs, need, requires, require, subject to, only with",
        "the *, *",
        "consent, approval, permission, sign-off, agreement, go-ahead",
    )
    + ", "
    + phrases(
        "once, when, until",
        "the *, the * *, our *, our * *",
        "is upgraded, is built, is live, is in place, is ready, is replaced, goes live, has been built",
    )
    + """
    with the consent of, consent of, consent from, needs consent, need consent, requires consent
    with their consent, permission from, with permission, needs permission, needs approval, need approval
    requires approval, subject to approval, approval from, sign-off from
    must agree, must approve, has to agree, have to agree, has to approve, have to approve
    needs to agree, need to agree, needs to approve, need to approve, with the agreement of
    if the * agrees, once the * agrees, if the * agree, once the * agree, works council
    does not exist yet, doesn't exist yet, not built yet, to be built, yet to be built, will be built
    needs to be built, not yet built, no integration, no integration yet, not integrated
    not yet integrated, needs an integration, needs integration, new integration, once integrated
    once the integration, once the * integration, once the * * integration
    no api, no api yet, not connected, not yet connected, not yet available, not available yet
    not in place, not yet in place
    """,
    # the model itself being ready is the project, not another party's system
    unless=phrases(
        "once, when, until",
        "the model, the models, the score, the scores, the predictions, the pilot, our model",
        "is upgraded, is built, is live, is in place, is ready, is replaced, goes live, has been built",
    ),
)


@rule(
    "action-needs-another-party",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Secure the other party's yes and the integration the action needs, before building",
        "An owner who cannot act without someone else's consent, or without a system that is not built, "
        "leaves every prediction unused; get that agreement now (or the integration on a roadmap with a "
        "date and an owner), and try the action by hand on a few cases",
        "warning",
    ),
    ask="does acting on a prediction need another party's consent or a system that does not exist yet?",
    fires=(
        Case(
            {"product.decision_owner": "The clerk on duty, once the ERP integration is built; none yet."},
            evidence=(
                'product.decision_owner: "The clerk on duty, once the ERP integration is built; none yet." '
                "(acting needs: once the erp integration is built; who gives that, and by when?)",
            ),
        ),
        Case(
            {"product.decision": "Hold an invoice for a check, with the consent of the supplier."},
            evidence=(
                'product.decision: "Hold an invoice for a check, with the consent of the supplier." (acting '
                "needs: with the consent of; who gives that, and by when?)",
            ),
        ),
        Case({"product.decision": "Refunds the model marks are paid subject to approval from finance."}),
        Case(  # the decision is another party's
            {"product.decision_owner": "Each franchisee, for their own store."},
            evidence=(
                'product.decision_owner: "Each franchisee, for their own store." (another party decides: '
                "franchisee; have they agreed to act on the predictions?)",
            ),
        ),
    ),
    quiet=(
        Case({"product.decision_owner": "The franchisees, who have agreed to act on the weekly list."}),
        Case({"product.decision_owner": "The clerk on duty, in the ERP's existing hold screen."}),
        Case({"product.decision_owner": "The clerk on duty, once the model is live."}),
        Case(  # a caption the output is published under, not a yes the action waits on
            {
                "product.decision": "The surveyor sends each estimate at once, headed 'Estimate, subject to approval'."
            }
        ),
        Case(  # the other party's terms are settled: a known step with a known price, not a missing yes
            {"product.decision": "Rotas are agreed with staff 6 weeks ahead; later changes need approval."}
        ),
    ),
)
def action_needs_another_party(plan: Plan) -> Evidence:
    """Acting on a prediction needs another party's consent or a system that does not exist yet.

    A named decision owner is not enough when the action waits on someone else's yes (a customer, a
    works council, another department) or on an integration nobody has built: the model can be ready
    and nothing changes.

    Mitigation: Get the other party's agreement before building, or put the integration on a roadmap
    with an owner and a date; until then, try the action by hand on a few real cases.
    """
    for path in ("product.decision", "product.decision_owner"):
        sentences = _SENTENCES.split(_QUOTED.sub(" | ", answer_at(plan, path) or ""))
        # a consent whose terms the sentence says are settled (agreed ahead, paid as overtime) is a known step
        unsettled = (part for part in sentences if not TERMS_SETTLED.find(part))
        words = tuple(dict.fromkeys(word for part in unsettled for word in NEEDS_ANOTHER.find_all(part)))
        if words:
            note = f"acting needs: {', '.join(words)}; who gives that, and by when?"
            return Hint(words, (quote(plan, path, note),))
    # The one who decides is another party (`The landlord.`, `Each franchisee decides`): the answer's subject.
    owner = answer_at(plan, "product.decision_owner") or ""
    subject = list(itertools.takewhile(lambda word: word != BOUNDARY, words_of(owner)))[:4]
    party = OTHER_PARTY.find_all(" ".join(subject))
    if party and "'s" not in owner.replace("’", "'") and not PARTY_AGREED.find(owner):
        note = f"another party decides: {', '.join(party)}; have they agreed to act on the predictions?"
        return Hint(party, (quote(plan, "product.decision_owner", note),))
    return None


# Tasks whose output orders candidates for each case: a list, not a unit that rolls up.


@rule(
    "scored-unit-differs",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Decide how the model's scores roll up to the unit that is decided",
        "The model scores one unit (a pipe, an item) while people decide about another (a street segment, "
        "an order); agree how the scores combine (the highest, or the expected cost summed), and measure "
        "the done metric at the unit that is decided",
        "info",
    ),
    ask="the model scores one unit and people decide about another: how do the scores roll up?",
    fires=(
        Case(
            {
                "product.output": "For each invoice line, the probability that it duplicates a paid line.",
                "product.decision": "Hold each supplier statement with a likely duplicate for a clerk.",
            },
            evidence=(
                'product.output: "For each invoice line, the probability that it duplicates a paid line." '
                "(the model scores each: invoice line)",
                'product.decision: "Hold each supplier statement with a likely duplicate for a clerk." (people '
                "decide: Hold each supplier statement with a likely duplicate for a clerk; how do the scores "
                "roll up?)",
            ),
        ),
        Case(  # the output and the decision agree, the metric counts frames
            {
                "product.output": "For each pallet, whether its wrap is torn.",
                "product.decision": "A loader rewraps each pallet flagged as torn.",
                "done.metrics[0].name": "mAP per video frame",
                "done.metric_unit": None,
            },
            evidence=(
                'done.metrics[0].name: "mAP per video frame" (the metric counts each: video frame)',
                'product.decision: "A loader rewraps each pallet flagged as torn." (people decide: A loader '
                "rewraps each pallet flagged as torn; measure the metric at that unit)",
            ),
        ),
    ),
    quiet=(
        Case(  # a ranked list: one score per candidate orders the candidates shown for each request
            {
                "product.task": "ranking",
                "product.output": "A score per candidate dog-walker; the list is ordered by it.",
                "product.decision": "The app orders the walkers shown for each booking request.",
            }
        ),
        Case(  # the team said the metric scores each decision as it is taken: the words only asked that
            {
                "product.output": "For each pallet, whether its wrap is torn.",
                "product.decision": "A loader rewraps each pallet flagged as torn.",
                "done.metrics[0].name": "mAP per video frame",
            }
        ),
        Case(  # the team said the metric scores parts: metric-scores-parts says it as a fact
            {
                "product.output": "For each invoice line, the probability that it duplicates a paid line.",
                "product.decision": "Hold each supplier statement with a likely duplicate for a clerk.",
                "done.metric_unit": "parts",
            },
            also=frozenset({"metric-scores-parts"}),
        ),
        Case(  # the output groups its boxes into clusters, and the done metric counts clusters
            {
                "product.output": "Boxes for missing bolts on each frame, grouped into clusters on adjacent joints.",
                "product.decision": "An engineer confirms or rejects each finding in the review queue.",
                "done.metrics[0].name": "Recall of clusters of two or more missing bolts",
            }
        ),
        Case(  # the metric counts the unit decided, whatever the model scores
            {
                "product.output": "For each blade, boxes around the cracks in its drone photos.",
                "product.decision": "An engineer decides for each blade whether to repair it.",
                "done.metrics[0].name": "Recall of cracked blades, per blade after merging photos",
            }
        ),
        # fuel per km in kg of CO2: units of measure, not a different decision unit
        Case({"product.output": "Fuel per km, in kg of CO2.", "product.decision": "Each route gets a van."}),
        Case({"product.decision": "Hold each new invoice with a likely duplicate for a clerk's check."}),
        Case(  # `each baker`: the people who act (the decision's owners), not the unit decided about
            {
                "product.output": "Loaves of each bread for each shop for the day.",
                "product.decision": "Each baker bakes the shop's batch to the printed sheet at 4:00.",
                "product.decision_owner": "Each baker, with the area manager.",
            }
        ),
        Case({"product.decision": "A clerk checks the held invoices each morning."}),
        Case({"product.decision": "Clerks check the top 30 invoices each morning."}),
        Case(  # a verb or a pronoun after `each` names no unit
            {
                "product.decision": "The ETA shown to each keeps their driver informed; every shown ETA is logged."
            }
        ),
    ),
)
def scored_unit_differs(plan: Plan) -> Evidence:
    """The model scores a different unit from the one that is decided.

    A score per pipe, per item or per transaction does not say which street segment to dig up, which
    order to stop or which customer to call: someone must combine scores, and a metric measured per
    scored unit says little about the decisions made per decided unit.

    Mitigation: Agree how scores roll up to the decided unit (the highest, a sum of expected cost),
    and measure the done metric at that unit.
    """
    if plan.done.metric_unit is MetricUnit.parts:
        return None  # the team said the metric scores parts of the decision: metric-scores-parts says it
    if plan.product.action_shape is ActionShape.choose_among or plan.product.task in RANKED_LISTS:
        return None  # a score per candidate orders the list shown for each case: the scores are the list
    # `each species`, `per product category`: a class the model tells apart, not a unit anyone decides about
    scored = tuple(unit for unit in units_counted(plan.product.output) if not names_a_class(unit))
    # `each baker bakes the shop's batch`: the people who act, named as the decision's owner or its users, are who
    # decides, not the unit decided about
    deciders = {
        word
        for path in ("product.decision_owner", "product.users")
        for word in words_of(answer_at(plan, path) or "")
    }
    decided = tuple(
        unit
        for unit in units_counted(plan.product.decision)
        if not names_a_class(unit) and not {unit, f"{unit}s"} & deciders
    )
    if not decided:
        return None
    if not scored or in_common(scored, decided):  # a unit in common: `invoice` and `invoice line` are one
        return measured_apart(plan, decided)
    if grouped_and_measured(plan.product.output, [metric.name for metric in plan.done.metrics]):
        return None  # the output groups its scores into a unit, and a done metric counts that unit
    decision = phrase_with(plan.product.decision, decided[0])  # the team's clause, not the bare unit
    return Hint(
        (phrase_with(plan.product.output, scored[0]), decision),
        (
            quote(plan, "product.output", f"the model scores each: {', '.join(scored)}"),
            quote(plan, "product.decision", f"people decide: {decision}; how do the scores roll up?"),
        ),
    )
