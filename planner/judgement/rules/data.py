"""Rules on data, labels and evaluation sets: enough labels, the right ones, a test set like the product."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.core.stats import wilson
from planner.judgement.rules.anchor import horizon, structured_lead
from planner.judgement.rules.arrival import differences_quote, named_late
from planner.judgement.rules.base import (
    LATE_LABELS_DAYS,
    MIN_LABELED,
    MIN_PROMPTED_TEST,
    MIN_RARE_LABELED,
    MIN_RARE_TEST,
    MIN_TEST,
    RARE_SHARE,
    Case,
    Evidence,
    Hint,
    Instead,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.described import nobody_described, sources_in_use
from planner.judgement.rules.enriched import enriched, stated_positives
from planner.judgement.rules.evidence import (
    acting_shapes_labels,
    answer_at,
    answer_is,
    changes_over_time,
    done_metrics,
    evaluation_planned,
    faq_paths,
    first_said,
    handled,
    items_per_month,
    norm,
    quote,
    repeated_unit,
    says_nothing,
    show,
    source_paths,
    truth_paths,
)
from planner.judgement.rules.fewpoints import counts_points, few_points
from planner.judgement.rules.fitting import HOLDING_BACK_COSTS, WITHHOLDING_CARE, held_back_at_a_cost
from planner.judgement.rules.handful import COUNT_NOT_MODEL, COUNT_NOT_MODEL_MITIGATION, a_handful
from planner.judgement.rules.heard import catches_someone, live_too, wider_scope
from planner.judgement.rules.horizon import said_horizon
from planner.judgement.rules.hosted import as_tuned, prompted, tuned_on_cases
from planner.judgement.rules.keptout import kept_out, steered_share
from planner.judgement.rules.lead import lag_within_lead
from planner.judgement.rules.lexicon import (
    ACCURACY,
    ADVERSARIAL,
    AGREED_SHARE,
    AS_KNOWN,
    BALANCED,
    BEHAVIOUR,
    EMBEDS_FOR_A_MODEL,
    ENGAGEMENT,
    GOAL_EVENTS,
    GROUP_ATTRIBUTES,
    GROUPS,
    HINDSIGHT,
    LABEL_DOUBTS,
    LASTING,
    LATER_TEST,
    LEARNS,
    MARKET_RECORD,
    MEASURED_NOW,
    MEDIA_SOURCES,
    MERGED_CLASSES,
    NARROW_ORIGIN,
    NEW_SERIES,
    NOBODY,
    NOT_LIVE,
    OBSERVED_LATER,
    ON_THE_WAY,
    ONE_GROUP,
    OTHER_SERIES,
    OVER_TIME,
    OWN_RECORDS,
    OWN_TENANCY,
    PEOPLE,
    PER_UNIT,
    PERSONS,
    PLATFORM_EXPORT,
    RARE_AWARE,
    READS_FORECASTS,
    READS_OR_LEARNS,
    REPEATED,
    REPORT_DOCUMENTS,
    REPORTED_ONLY,
    REPORTING_CHECKED,
    ROWS_PER,
    SENSOR,
    SHARE_RIGHT,
    SILENCE_AS_GOOD,
    STANDARD_FEED,
    STATIC_REFERENCE,
    TIME_BETWEEN,
    TODAY_BY_MACHINE,
    TRAINED_ON_ISSUED,
    UNCOLLECTABLE,
    UNMATCHED_DROPPED,
    WITHHOLDS,
)
from planner.judgement.rules.negatives import waits_out_the_window
from planner.judgement.rules.positives import RECALL_METRIC, per_input_note, recall_spread
from planner.judgement.rules.produced import ACTION_PRODUCES, produced_note
from planner.judgement.rules.resolution import rate_gap
from planner.judgement.rules.survivors import label_window
from planner.judgement.rules.words import (
    BOUNDARY,
    Lexicon,
    is_number,
    mentions,
    phrase_with,
    phrases,
    words_of,
)
from planner.plan.choices import CAPTURED, Period
from planner.plan.fields import NOT_MEASURED, is_answered
from planner.plan.model import (
    Acquisition,
    ActionShape,
    BacktestFeeds,
    Category,
    DataKind,
    DataLeaves,
    Difference,
    EvalTruth,
    Governance,
    LabelGrain,
    LabelSource,
    LabelWriter,
    Mode,
    Newcomers,
    OutcomeLimit,
    OutcomeRecorded,
    Plan,
    RowsPerThing,
    Split,
    TaskType,
)
from planner.plan.text import text_answers

_COLLECT_LABELS = Move(
    "Collect labels before modelling",
    "A model cannot be trained or judged without enough labels; plan who labels what and at what cost, or log real outcomes from now on",
    "danger",
    first=True,
)

# Labels enough that only a rare class can be thin: collecting labels before modelling is no advice then.
PLENTY_LABELED = 100_000

_COLLECT_MORE_LABELS = Move(
    _COLLECT_LABELS.title,
    _COLLECT_LABELS.reason,
    "danger",
    first=True,
    done=lambda plan: (plan.constraints.data.labeled_count or 0) >= PLENTY_LABELED,
)

_PRODUCTION_TEST_SET = Move(
    "Build a test set from production data first",
    "Scores on data unlike production do not predict how the model does once live",
    "info",
)

_CHECK_THE_PROXY = Move(
    "Check the proxy label against the goal on a sample",
    "A model can improve the proxy while the goal stays put; judge launches on the product metric",
    "info",
)

_CADENCE_OF_LABELS = Move(
    "Retrain on the cadence the labels allow",
    "Labels arrive after the next retraining is due; lengthen the cadence or label a live sample",
    "info",
)

_KEEP_A_SHARE_OUT_OF_THE_MODELS_HANDS = Move(
    "Keep a share of traffic out of the model's hands",
    "When the model decides what is shown or acted on, it only ever learns from its own choices; a "
    "small randomised exploration or holdout share keeps labels it did not pick and measures it "
    "honestly; where holding an action back costs too much (a rescue, a safety visit), log every action "
    "and what it found instead, and compare with the cases ranked just below the cut",
    "warning",
)

_TEST_WHERE_THE_PRODUCT_RUNS = Move(
    "Test on data from the sites, devices and period the product will see",
    "A score on data from one place or one device says little about the others; before trusting it, "
    "collect and label a test set from the settings the product serves, or narrow the launch to match",
    "warning",
)

_VERSION_RAW_DATA = Move(
    "Version the raw data before the first experiment",
    "Keep read-only, versioned copies of every source and vendor delivery, so results reproduce and upstream changes show",
    "info",
    done=lambda plan: plan.constraints.data.versioned is True,
)


@rule(
    "no-labels",
    Category.data,
    likelihood=5,
    impact=4,
    move=_COLLECT_LABELS,
    fires=(Case({"constraints.data.labels": "none"}, evidence=('constraints.data.labels: ["none"]',)),),
    quiet=(  # an anomaly detector learns what is usual without labels: only its evaluation needs them
        Case({"constraints.data.labels": "none", "product.task": "anomaly_detection"}),
    ),
)
def no_labels(plan: Plan) -> Evidence:
    """No labels to learn from.

    Without labels there is nothing to train on and nothing to measure a model with; it is the
    most common reason an ML project stalls.

    Mitigation: Plan and budget labelling before modelling: label a few hundred cases in the team,
    log real outcomes from now on, or reframe around a signal that is recorded.
    """
    if nobody_trains(plan) or learns_without_labels(plan):
        return None  # a bought or prompted model, or one that learns what is usual: it needs a checked evaluation set
    return answer_is(plan, "constraints.data.labels", LabelSource.none)


def learns_without_labels(plan: Plan) -> str | None:
    """The answer saying the model learns without labels (an anomaly detector learns what is usual, a
    clustering groups what is alike): labels are needed only to judge it."""
    if plan.product.task in (TaskType.anomaly_detection, TaskType.clustering):
        return quote(plan, "product.task")
    return None


# A product the team buys rather than builds: nobody on the team trains its model. A possessive is read
# without its `'s` (`the vendor's extraction tool` is `vendor * tool`).
_BOUGHT = Lexicon("""
    vendor product, vendor products, vendor model, vendor models, vendor llm, vendor system
    vendor tool, vendor service, off-the-shelf, off the shelf, saas, bought product, bought-in
    vendor software, vendor module, vendor api, vendor * tool, vendor * model, vendor * service
    vendor * software, vendor * module, vendor * product, vendor * * tool, vendor * * service
    vendor * * model, vendor * * software, vendor * * module, commercial tool, commercial software
    licensed tool, licensed software, hosted api, hosted * api, hosted tool, hosted model
""")
# The team says outright that it trains no model: the tool or model is used as it comes.
_TRAINS_NOTHING = Lexicon(
    """
    train nothing, trains nothing, we do not train, we don't train, not trained by us, we train no model
    no training of our own, no model training, nothing is trained, no model is trained
    used as it comes, used as is, used as-is, out of the box, out-of-the-box
    no fine-tuning, no fine tuning, not fine-tuned, without fine-tuning, without any training
""",
)
# Where a team says what it buys or how it uses it.
_BOUGHT_IN = (
    "product.label",
    "product.current_solution",
    "product.inputs",
    "product.output",
    "product.goal",
    "constraints.compute.hosted_model",
    "constraints.retraining.trigger",
    "done.eval_set",
)


def nobody_trains(plan: Plan) -> str | None:
    """The answer saying nobody on the team trains a model: a prompted language model, a hosted
    (black-box) service, generated text, or a vendor's product bought as it is."""
    found = prompted(plan)
    if found:
        return found
    for path in ("constraints.compute.hosted_service", "constraints.compute.vendor_black_box"):
        if answer_at(plan, path) is True:
            return quote(plan, path)
    if plan.product.task is TaskType.generation:
        return quote(plan, "product.task")
    for path in _BOUGHT_IN:
        said = answer_at(plan, path)
        if mentions(said, _BOUGHT) or mentions(said, _TRAINS_NOTHING):
            return quote(plan, path)
    return None


# An evaluation set whose answers people checked: written, rated, graded or reviewed by people.
_CHECKED = Lexicon("""
    rated, graded, scored by, reviewed, checked, marked by, judged by, annotated, labelled, labeled
    ideal answer, ideal answers, reference answer, reference answers, gold, written by, against the audio
    against the recording, against the recordings, against the source, expert review, experts review
""")


@rule(
    "no-checked-eval-set",
    Category.data,
    likelihood=2,
    impact=4,
    move=Move(
        "Have people check the answers of a few hundred real cases",
        "Nobody trains this model, or it learns without labels, so it needs no training labels; it needs an "
        "evaluation set whose answers people who know the work checked, re-run on every prompt, vendor or model "
        "change",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.data.labels": "none",
                "constraints.compute.hosted_service": True,
                "constraints.compute.cost_per_prediction": None,
            },
            evidence=(
                'constraints.data.labels: ["none"]',
                "constraints.compute.hosted_service: true (nobody trains this model: no training labels "
                "needed, an evaluation set checked by people is)",
            ),
            also=frozenset({"hosted-black-box"}),
        ),
        Case(  # an anomaly detector: its training needs no labels, its evaluation does
            {"constraints.data.labels": "none", "product.task": "anomaly_detection"},
            evidence=(
                'constraints.data.labels: ["none"]',
                'product.task: "anomaly_detection" (it learns what is usual without labels: its evaluation '
                "needs cases people checked)",
            ),
        ),
    ),
    quiet=(
        Case(  # people rate the answers of the evaluation set already
            {
                "constraints.data.labels": "none",
                "product.task": "generation",
                "done.eval_set": "200 questions with ideal answers written and rated by three agents",
            }
        ),
    ),
)
def no_checked_eval_set(plan: Plan) -> Evidence:
    """Nothing checked by people to judge the answers on.

    A bought or prompted model needs no training labels, but without real cases whose answers people
    checked nobody can tell whether it works, or when a vendor or prompt change breaks it.

    Mitigation: Have people who know the work check the answers on a few hundred real cases, keep
    them as the evaluation set, and re-run it before every prompt, model or vendor change.
    """
    trains = nobody_trains(plan)
    unsupervised = learns_without_labels(plan)
    labels = answer_is(plan, "constraints.data.labels", LabelSource.none)
    if not (trains or unsupervised) or not labels:
        return None
    eval_set = plan.done.eval_set
    if eval_set and not says_nothing(eval_set) and mentions(eval_set, _CHECKED):
        return None
    if trains:
        note = "nobody trains this model: no training labels needed, an evaluation set checked by people is"
        path = trains.partition(":")[0]
    else:
        note = "it learns what is usual without labels: its evaluation needs cases people checked"
        path = "product.task"
    return (*labels, quote(plan, path, note))


@rule(
    "proxy-label",
    Category.data,
    likelihood=3,
    impact=4,
    move=_CHECK_THE_PROXY,
    ask="does the label stand in for the goal, and how well does it track it?",
    fires=(
        Case(
            {"product.label_is_proxy": True, "product.label": "A clerk held the invoice"},
            evidence=("product.label_is_proxy: true", 'product.label: "A clerk held the invoice"'),
        ),
        Case(
            {"constraints.data.labels": "proxy", "product.label": "Paid twice per the bank statement"},
            evidence=(
                'constraints.data.labels: ["proxy"]',
                'product.label: "Paid twice per the bank statement"',
            ),
        ),
        Case(  # not ticked: the label counts another event than the goal
            {
                "product.label_is_proxy": None,
                "product.label": "No log-in to the portal for 30 days",
                "product.success_metric": "Supplier contract cancellations per month",
            },
            evidence=(
                'product.label: "No log-in to the portal for 30 days" (the label counts: log-in)',
                'product.success_metric: "Supplier contract cancellations per month" (the goal counts: '
                "cancellations; how well does one predict the other?)",
            ),
        ),
        Case(  # "not a proxy", yet the label counts log-ins and the goal cancellations: asked
            {
                "product.label_is_proxy": False,
                "product.label": "No log-in to the portal for 30 days",
                "product.success_metric": "Supplier contract cancellations per month",
            },
            evidence=(
                'product.label: "No log-in to the portal for 30 days" (the label counts: log-in)',
                'product.success_metric: "Supplier contract cancellations per month" (the goal counts: '
                "cancellations; how well does one predict the other?)",
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # taps on an offer stand in for money the members spend
            {
                "product.label_is_proxy": None,
                "product.label": "Taps on the offer in the members' app within 7 days.",
                "product.goal": "Members spend more in the shop each month.",
            },
        ),
        Case(  # "not a proxy", yet the label is a return visit and the goal is recovery
            {
                "product.label_is_proxy": False,
                "product.label": "No return visit to the clinic within 30 days",
                "product.goal": "Patients recover from the procedure without complications.",
            },
            evidence=(
                'product.label: "No return visit to the clinic within 30 days" (behaviour: return visit)',
                'product.goal: "Patients recover from the procedure without complications." (the goal: '
                "Patients recover from the procedure without complications)",
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # "not a proxy", yet the label is a step on the way (a reply) and the goal repayment
            {
                "product.label_is_proxy": False,
                "product.label": "The supplier replied to the duplicate query within 5 days.",
                "product.goal": "Every duplicate payment is repaid by the supplier.",
            },
            evidence=(
                'product.label: "The supplier replied to the duplicate query within 5 days." (an action on '
                "the way to the goal: replied)",
                'product.goal: "Every duplicate payment is repaid by the supplier." (the goal: Every '
                "duplicate payment is repaid by the supplier; how often does the one lead to the other?)",
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # "not a proxy", yet the label's own text admits an error rate nobody measured
            {
                "product.label_is_proxy": False,
                "product.label": "A payroll adjustment; roughly 10-15% of them are wrong.",
            },
            evidence=(
                'product.label: "A payroll adjustment; roughly 10-15% of them are wrong." (the label admits it '
                "is not the truth: 10-15% of them are wrong; how often is it wrong or missing, on a checked "
                "sample?)",
                "product.label_is_proxy: false (the team says the label is the goal itself: is it?)",
            ),
        ),
        Case(  # partial coverage
            {
                "product.label_is_proxy": False,
                "product.label": "Duplicates found by the yearly audit, which does not cover the smaller sites.",
            },
        ),
        Case(  # two different things counted as one label
            {
                "product.label_is_proxy": False,
                "product.label": "Both over- and underpayments found at the audit.",
            },
        ),
        Case(  # recorded only when someone complains: the model learns who complains
            {
                "product.label_is_proxy": None,
                "product.label": "Suppliers with a complaint about a late payment.",
            },
            evidence=(
                'product.label: "Suppliers with a complaint about a late payment." (recorded only when someone '
                "reports it: complaint; reporting differs by area and group, so the model learns who reports: "
                "check against a survey or random inspections)",
            ),
        ),
        Case(  # a good outcome read from silence: not refusing is no evidence where some cannot refuse
            {
                "product.label_is_proxy": None,
                "product.label": "Settled: the supplier did not complain within 60 days.",
            },
            evidence=(
                'product.label: "Settled: the supplier did not complain within 60 days." (a good outcome '
                "counted as no objection: did not complain; can every case refuse or complain? those who "
                "cannot, or rarely do, look like good outcomes: check on a sample asked or observed directly)",
            ),
        ),
    ),
    quiet=(
        Case(  # a `customer report` written on every case, recorded for every case: nobody has to report
            {
                "product.label_is_proxy": False,
                "product.label": "The assessor's grade per roof inspection, with photos kept for the customer report.",
                "constraints.data.outcome_recorded_for": "every_case",
                "constraints.data.outcome_limits": ["none"],
            }
        ),
        Case(  # the label is the decision itself: the approval pre-filled, agreement with it scored
            {
                "product.label_is_proxy": False,
                "product.label": "Whether the matron approved the agency request.",
                "product.goal": "Better quality of care on short-staffed wards.",
                "product.decision": "The staffing office pre-fills the approval for each request.",
                "done.metrics[0].name": "Agreement with the matron's approval",
            }
        ),
        Case(  # the label is each job's own duration, read from two taps; the crews' idle share is time
            {
                "product.label_is_proxy": False,
                "product.label": "Minutes between the groomer's 'start' and 'done' taps in the booking app.",
                "product.goal": "Owners are seen on time, and groomers spend less of the day idle.",
            }
        ),
        Case(  # time spent is no money spent: the goal counts no purchase the label stands in for
            {
                "product.label_is_proxy": None,
                "product.label": "No log-in to the portal for 30 days",
                "product.success_metric": "Hours supervisors spend their time rebuilding the rota each week",
            }
        ),
        Case(  # an error is what the label is about, not an error of the label
            {"product.label_is_proxy": False, "product.label": "The invoice was paid to the wrong supplier."}
        ),
        Case(  # checked twice: nothing admitted
            {"product.label_is_proxy": False, "product.label": "Duplicate pairs confirmed by two auditors."}
        ),
        Case(  # the complaint is the case the decision acts on, not the outcome
            {
                "product.label": "The team that resolved each supplier complaint.",
                "product.decision": "Route each supplier complaint to a team.",
            }
        ),
        Case(  # fewer complaints is the goal itself: the label counts what the team wants to move
            {
                "product.label": "Supplier complaints about a late payment.",
                "product.success_metric": "Supplier complaints per month",
            }
        ),
        Case(  # reporting is measured against a survey
            {"product.label": "Supplier complaints, adjusted for reporting rates from the yearly survey."}
        ),
        Case(  # the label is the lasting outcome itself, reached after the step
            {
                "product.label": "The supplier replied and the duplicate was repaid within 60 days.",
                "product.goal": "Every duplicate payment is repaid by the supplier.",
            }
        ),
        Case(  # the label counts the goal's own event
            {
                "product.label_is_proxy": None,
                "product.label": "Contract cancelled within 30 days of the last log-in",
                "product.success_metric": "Supplier contract cancellations per month",
            }
        ),
        Case(  # no label at all: the words describe what is wanted, nothing stands in for it
            {
                "constraints.data.labels": ["none"],
                "product.label": "No log-in to the portal for 30 days",
                "product.success_metric": "Supplier contract cancellations per month",
            },
        ),
        Case(  # replies drafted and judged by review: the words name what a good reply does
            {
                "product.task": "generation",
                "done.eval_truth": "checked",
                "product.label": "The supplier replied to the duplicate query within 5 days.",
                "product.goal": "Every duplicate payment is repaid by the supplier.",
            },
        ),
    ),
)
def proxy_label(plan: Plan) -> Evidence:
    """The label is a proxy for the goal.

    A model can improve the proxy (clicks, sales, a reviewer's flag) while the product goal stays
    put or gets worse.

    Mitigation: Check on a sample how well the proxy tracks the goal, correct known biases, and
    judge launches on the product metric, not the proxy.
    """
    found = (answer_is(plan, "constraints.data.labels", LabelSource.proxy) or ()) + (
        answer_is(plan, "product.label_is_proxy", True) or ()
    )
    if found:
        return (*found, quote(plan, "product.label")) if plan.product.label else found
    product = plan.product
    reviewed = product.task is TaskType.generation and plan.done.eval_truth is EvalTruth.checked
    if set(plan.constraints.data.labels) == {LabelSource.none} or reviewed:
        return None  # no label to stand in for the goal: nothing labelled, or drafts judged by review
    # Ticked or not: behaviour (clicks, views, past decisions) standing in for a lasting goal.
    step = None if mentions(product.label, LASTING) else mentions(product.label, ON_THE_WAY)
    act = None if step else mentions(product.label, BEHAVIOUR)
    goal_path = next(
        (
            path
            for path in ("product.success_metric", "product.goal")
            if mentions(answer_at(plan, path), LASTING)
        ),
        None,
    )
    # `Not a proxy` is the team's word against its own label: asked, with that answer quoted.
    denied = (
        (quote(plan, "product.label_is_proxy", "the team says the label is the goal itself: is it?"),)
        if product.label_is_proxy is False
        else ()
    )
    if (
        (act or step) is not None
        and goal_path is not None
        and not _the_decision_itself(plan, step is not None)
    ):
        lasting = mentions(answer_at(plan, goal_path), LASTING) or ""
        said = f"behaviour: {act}" if act else f"an action on the way to the goal: {step}"
        aim = phrase_with(answer_at(plan, goal_path), lasting)  # the goal's clause, not the bare word
        return Hint(
            (phrase_with(product.label, act or step or ""), aim),
            (
                quote(plan, "product.label", said),
                quote(
                    plan,
                    goal_path,
                    f"the goal: {aim}" + ("" if act else "; how often does the one lead to the other?"),
                ),
                *denied,
            ),
        )
    # Ticked or not: the label counts one event (a click, a log-in) and the goal counts another (a sale,
    # a cancellation). A lead asks how well one predicts the other; a forecast's label is the count the
    # plan needs (visits forecast to staff a store): it steers no one's behaviour towards the goal.
    # a duration between two stamps counts no engagement: its taps mark when the work began and ended
    counted = None if TIME_BETWEEN.find(product.label) else mentions(product.label, ENGAGEMENT)
    if counted is None or mentions(product.label, GOAL_EVENTS) or product.task is TaskType.forecasting:
        return _label_doubted(plan, denied)
    for path in ("product.success_metric", "product.goal"):
        event = mentions(answer_at(plan, path), GOAL_EVENTS)
        if event:
            return Hint(
                (counted, event),
                (
                    quote(plan, "product.label", f"the label counts: {counted}"),
                    quote(plan, path, f"the goal counts: {event}; how well does one predict the other?"),
                    *denied,
                ),
            )
    return _label_doubted(plan, denied)


_WRONG_SHARE = re.compile(
    r"\b\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?\s*%(?:\s+[a-z]+){0,4}?\s+"
    r"(?:wrong|incorrect|mislabell?ed|misclassified)\b",
    re.IGNORECASE,
)


def _the_decision_itself(plan: Plan, step: bool) -> bool:
    """Whether the answers say the label is the decision the product acts on, not a step towards its goal:
    the team answered that the label is no proxy, and both the decision and a done metric name the same act
    (`approved` labelled, the approval pre-filled, agreement with it scored). The output alone names its
    label in every plan, clicks too, so it says nothing here."""
    if plan.product.label_is_proxy is not False:
        return False
    acts = ON_THE_WAY if step else BEHAVIOUR
    metrics = (f"done.metrics[{index}].name" for index in range(len(plan.done.metrics)))
    return bool(mentions(plan.product.decision, acts)) and any(
        mentions(answer_at(plan, path), acts) for path in metrics
    )


def _label_doubted(plan: Plan, denied: tuple[str, ...]) -> Evidence:
    """The label's own text admits an error rate, cases it does not cover, or two things counted as one,
    while nobody ticked it as a proxy: the label is not the truth the model is judged on."""
    text = plan.product.label
    reported = _reported_only(plan)
    if reported:
        return Hint(reported.words, (*reported, *denied))
    shares = tuple(found.group(0) for found in _WRONG_SHARE.finditer(text or ""))
    words = shares + tuple(
        word for word in LABEL_DOUBTS.find_all(text) if not any(word in share for share in shares)
    )
    if not words:
        return None
    note = f"the label admits it is not the truth: {', '.join(words)}; how often is it wrong or missing, on a checked sample?"
    return Hint(words, (quote(plan, "product.label", note), *denied))


def _reported_only(plan: Plan) -> Hint | None:
    """A label recorded only when someone reports it (complaints, 311 calls, sightings), or reports dropped
    when they cannot be matched, where the report is the outcome, not the case the decision acts on
    (`route each complaint`) or the goal (`fewer complaints`): the model learns who reports, at rates that
    differ by area and group. A good outcome read from silence (`not refused`, `no complaint`) is asked
    first: those who cannot refuse or complain look like good outcomes."""
    text = plan.product.label
    texts = [answer_at(plan, path) for path in ("constraints.data.differences_note", *source_paths(plan))]
    if any(REPORTING_CHECKED.find(said) for said in (text, *texts)):
        return None
    # the report is the case acted on (`route each complaint`), or the goal itself (`fewer complaints`)
    product = plan.product
    acted_on = " ".join(
        text or "" for text in (product.decision, product.inputs, product.goal, product.success_metric)
    )
    silent = [word for word in SILENCE_AS_GOOD.find_all(text) if not Lexicon(word).find(acted_on)]
    if silent:
        note = (
            f"a good outcome counted as no objection: {', '.join(silent)}; can every case refuse or complain? "
            "those who cannot, or rarely do, look like good outcomes: check on a sample asked or observed directly"
        )
        return Hint(tuple(silent), (quote(plan, "product.label", note),))
    reported = [word for word in REPORTED_ONLY.find_all(text) if not Lexicon(word).find(acted_on)]
    # `customer report` names a report by the customer or a report written for the customer: where the
    # team answered that the outcome is recorded for every case and ticked no reporting limit, the noun
    # reads as the document written on each case, and only words of someone reporting still count
    data = plan.constraints.data
    if data.outcome_recorded_for is OutcomeRecorded.every_case and OutcomeLimit.reported_only not in (
        data.outcome_limits or ()
    ):
        reported = [word for word in reported if not REPORT_DOCUMENTS.find(word)]
    dropped = [word for said in (text, *texts) for word in UNMATCHED_DROPPED.find_all(said)]
    if not reported:
        return None
    note = (
        f"recorded only when someone reports it: {', '.join(reported + dropped)}; reporting differs by area "
        "and group, so the model learns who reports: check against a survey or random inspections"
    )
    return Hint((*reported, *dropped), (quote(plan, "product.label", note),))


# A retraining tied to the event that settles the outcomes (`after each sale`), whatever the calendar cadence.
RETRAINED_AFTER_THE_EVENT = Lexicon(
    phrases(
        "after each, after every, following each, following every, once each, at the end of each",
        "sale, auction, season, event, match, race, campaign, term, harvest, election, tournament, round"
        ", sale's results, sale closes, auction closes",
    )
)


# Words saying the labels come in as a stream, each case's outcome its own delay after it: every day's
# cases settle daily, so each retraining learns from all the cases whose labels are in.
LABELS_STREAM_IN = Lexicon("""
    arrive daily, arrive every day, arrive each day, arrives daily, come in daily, comes in daily
    come in every day, come in each day, each day's outcomes, each day's results, each day's labels
    every day's outcomes, outcomes arrive daily, labels arrive daily, settle daily, settles daily
    on a rolling basis, rolling window, as they arrive, as they come in, as each case closes
    stream of labels, stream of outcomes, labels stream in, outcomes stream in, trickle in, trickles in
    accrue daily, accrue continuously, arrive continuously, come in continuously
""")
_STREAM_SAID = (
    "product.label",
    "constraints.retraining.trigger",
    "constraints.data.sources",
    "product.output",
)


def _labels_stream_in(plan: Plan) -> bool:
    """Whether each day's cases get their labels daily, a fixed delay after each: predictions made daily,
    or the answers say the labels come in as a stream. Every retraining then has the labels of every case
    older than the delay; nothing is missing but the most recent days, whatever the cadence."""
    daily = (plan.constraints.compute.prediction_period, plan.impact.period)
    if any(period is not None and period.value == "day" for period in daily):
        return True
    texts = (answer_at(plan, path) for path in _STREAM_SAID)
    return any(isinstance(text, str) and LABELS_STREAM_IN.find(text) for text in texts)


def _delay_is_the_window(plan: Plan, span: tuple[float, float]) -> bool:
    """Whether the fixed delay is the label's own window (`sold within 12 months`, 365 days) on cases that
    come every day: each day's cohort is labelled once its window closes, so every refit learns from every
    cohort that has matured, and a new month of them arrives each month."""
    window, items = label_window(plan), items_per_month(plan)
    if window is None or span[0] != span[1] or items is None or items < 30:
        return False
    if catches_someone(plan) and ADVERSARIAL.find(_adversary_text(plan)):
        return False  # whoever fights back adapts within the window: the delay stays a risk
    return abs(window - span[1]) <= 0.1 * span[1]


@rule(
    "label-delay-exceeds-retraining",
    Category.data,
    likelihood=4,
    impact=4,
    move=_CADENCE_OF_LABELS,
    fires=(
        Case(  # in within two cycles, nothing fighting back: medium, asked
            {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": 45},
            evidence=(
                "constraints.data.label_delay_days: 45",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
                "does the world change faster than a cycle or two?",
            ),
        ),
        Case(  # fraudsters adapt within the delay: high
            {
                "product.goal": "Stop fraudsters from being paid twice.",
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 45,
            },
            evidence=(
                "constraints.data.label_delay_days: 45",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
            ),
        ),
        Case(  # acting on the predictions shapes the labels: medium, not high
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 90,
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "constraints.data.exploration_share": 0.05,
            },
            evidence=(
                "constraints.data.label_delay_days: 90",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
            ),
        ),
        Case(  # labels mature over a range, the first within a month: medium, asked
            {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "30-365"},
            evidence=(
                "constraints.data.label_delay_days: 30 to 365 days",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
                "what share of the labels is in by each retraining?",
            ),
        ),
        Case(  # the first labels come only after half a year, on a world that does not fight back: medium
            {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "180-365"},
            evidence=(
                "constraints.data.label_delay_days: 180 to 365 days",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
                "does the world change faster than the labels arrive?",
            ),
        ),
        Case(  # outcomes on a monthly refit, their delay never measured: low, asked how long
            {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "not measured"},
            evidence=(
                'constraints.data.label_delay_days: "not measured" (how many days until a case\'s outcome is '
                "known? each retraining, every 30 days, learns only from the outcomes in by then)",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
            ),
        ),
        Case(  # a forecast whose actuals come after its horizon: low, asked
            {
                "product.task": "forecasting",
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 90,
            },
            evidence=(
                "constraints.data.label_delay_days: 90",
                'constraints.retraining.cadence: "monthly" (every 30 days)',
                "a forecast learns from the actuals already in: is the delay its horizon?",
            ),
        ),
    ),
    quiet=(  # labels accrue from the first day: each retraining learns from all that came in
        Case({"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "0-120"}),
        Case(  # the delay not measured, and no cadence relies on the outcomes being in
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": "not measured",
                "constraints.retraining.cadence": None,
            }
        ),
        Case(  # labelled by hand, not outcomes: no outcome to wait for
            {"constraints.data.labels": "manual", "constraints.data.label_delay_days": "not measured"}
        ),
        Case(  # the delay not measured, on a yearly refit: most outcomes are in by then
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": "not measured",
                "constraints.retraining.cadence": "yearly",
            }
        ),
        Case(  # retrained twice a year, on outcomes in within five months: each refit has them
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 150,
                "constraints.retraining.cadence": "half_yearly",
            }
        ),
        Case(  # the actuals come as the days of a forecast made 60 days ahead pass: the delay is the lead
            {
                "product.task": "forecasting",
                "product.lead_days": 60,
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 45,
            }
        ),
        Case(  # each day's deliveries settle a fixed 45 days later: every refit has all labels older than that
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 45,
                "product.label": "Whether each delivery was paid; each day's outcomes arrive daily, 45 days on.",
            }
        ),
        Case(  # the delay is the label's own window, on claims filed every day: each month a cohort matures
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 180,
                "product.label": "Whether the repaired boiler failed again within 6 months of the visit.",
            }
        ),
        Case(  # retrained after each auction, the event that settles the prices: the labels are in
            {
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 45,
                "constraints.retraining.trigger": "After every auction, once the prices are in.",
            }
        ),
        Case(  # the actuals come as the forecast's 14 days pass: the delay is the horizon, refits weekly
            {
                "product.task": "forecasting",
                "product.output": "Daily parcels per depot for the next 14 days.",
                "constraints.data.labels": "outcomes",
                "constraints.data.label_delay_days": 14,
                "constraints.retraining.cadence": "weekly",
            }
        ),
    ),
)
def label_delay_exceeds_retraining(plan: Plan) -> Evidence:
    """Labels arrive after the next retraining is due.

    Each retraining would learn from labels that are not in yet, and monitoring sees errors only
    after several model versions have gone by. Where labels stream in, each a fixed delay after its case
    (cases every day, outcomes every day), each retraining learns from every case older than the delay:
    only labels that come in batches, or a world that fights back within the delay, leave it behind.

    Mitigation: Retrain on the cadence the labels allow, label a live sample faster, or monitor
    early proxy signals until the outcomes arrive.
    """
    span, cadence = plan.constraints.data.label_delay_range(), plan.constraints.retraining.cadence
    if cadence is None or cadence.days is None:
        return None
    if span is None:
        return _delay_unmeasured(plan, cadence.days)
    if span[1] <= cadence.days:
        return None
    if RETRAINED_AFTER_THE_EVENT.find(plan.constraints.retraining.trigger):
        # `retrained after each sale`: the refit follows the event that settles the outcomes, so they are in
        return None
    if waits_out_the_window(plan) or _delay_is_the_window(plan, span):
        return None  # each refit learns from every case whose outcome is in (or whose window has closed)
    if span[0] == span[1]:
        delay = quote(plan, "constraints.data.label_delay_days")
    else:  # a range: the slow end decides whether labels are in when retraining is due
        delay = f"constraints.data.label_delay_days: {show(span[0])} to {show(span[1])} days"
    found = (delay, quote(plan, "constraints.retraining.cadence", f"every {cadence.days:g} days"))
    ahead = said_horizon(plan) if plan.product.task is TaskType.forecasting else None
    reach = max(ahead[1][1] if ahead else 0.0, plan.product.furthest_lead or 0.0)
    if plan.product.task is TaskType.forecasting and span[1] <= reach:
        # The actuals come in as the days forecast pass: a delay within the horizon (or the answered lead)
        # is the horizon itself, and each refit learns from every forecast whose days have passed.
        return None
    # Where acting on predictions shapes the labels, outcomes trickle in every day and the feedback loop
    # is the bigger worry: the delay is worth a decision, not a stop.
    if acting_shapes_labels(plan):
        return Tempered(3, found)
    adversaries = ADVERSARIAL.find_all(_adversary_text(plan)) if catches_someone(plan) else ()
    if not adversaries and _labels_stream_in(plan):
        return None  # a stream: each retraining learns from every case whose label is in, none waits
    # Labels that start coming in the same or the next day accrue continuously: each retraining learns
    # from all that has come in, as it would with any cadence; only the slow tail is late, for every model.
    if span[0] < span[1] and span[0] <= LABELS_ACCRUE_DAYS and not adversaries:
        return None
    # Labels that mature over a range, the first within a retraining or a month, are mostly in when
    # the model is retrained: each retraining learns from those, and only the slow tail is late.
    if span[0] < span[1] and span[0] <= max(cadence.days, LATE_LABELS_DAYS):
        return Tempered(3, (*found, "what share of the labels is in by each retraining?"))
    # Labels in within two retraining cycles, on a world that does not fight back: each model learns
    # from outcomes one cycle older than it could, which matters only where the world moves faster than
    # that. Worth a decision (retrain on the cadence the labels allow), not a stop.
    if span[1] <= 2 * cadence.days and not adversaries:
        return Tempered(3, (*found, "does the world change faster than a cycle or two?"))
    if adversaries:
        return found  # whoever fights back adapts for longer than the labels take to show it
    if plan.product.task is TaskType.forecasting:  # each retraining learns from the actuals in so far
        return Tempered(
            2, (*found, "a forecast learns from the actuals already in: is the delay its horizon?")
        )
    return Tempered(3, (*found, "does the world change faster than the labels arrive?"))


# A refit this rare waits long enough for most outcomes: an unmeasured delay is not worth a question.
RARE_REFIT_DAYS = 180


def _delay_unmeasured(plan: Plan, days: float) -> Evidence:
    """Outcomes whose delay is 'not measured', on a model retrained on a cadence: a low question, how long
    until an outcome is known, unless the refit follows the event that settles them, or they stream in."""
    data = plan.constraints.data
    if data.label_delay_days != NOT_MEASURED or LabelSource.outcomes not in data.labels:
        return None
    if RETRAINED_AFTER_THE_EVENT.find(plan.constraints.retraining.trigger) or waits_out_the_window(plan):
        return None
    if plan.product.task is TaskType.forecasting:
        return None  # the actuals come in as the days forecast pass: the delay is the horizon
    if days >= RARE_REFIT_DAYS:
        return None  # refit twice a year or less: most outcomes are in by then, and a lead would not ask
    if _labels_stream_in(plan) and not (catches_someone(plan) and ADVERSARIAL.find(_adversary_text(plan))):
        return None  # a stream: each retraining learns from every case whose outcome is in
    note = (
        f"how many days until a case's outcome is known? each retraining, every {days:g} days, learns only "
    )
    return Tempered(
        1,
        (
            quote(plan, "constraints.data.label_delay_days", note + "from the outcomes in by then"),
            quote(plan, "constraints.retraining.cadence", f"every {days:g} days"),
        ),
    )


# The slowest first label, in days, for labels to count as coming in continuously (bookings from the day of
# the send on).
LABELS_ACCRUE_DAYS = 1


def _adversary_text(plan: Plan) -> str:
    """The answers that would name a positive class that fights back (fraud, spam, bots)."""
    paths = ("title", "product.goal", "product.success_metric", "product.decision", "product.label")
    return " ".join(text for text in (answer_at(plan, path) for path in paths) if isinstance(text, str))


# Thousands labelled and only the rare class thin: a model can be built; what is short is the rare class.
def _only_the_rare_class_thin(plan: Plan) -> bool:
    data = plan.constraints.data
    labeled, rare = data.labeled_count or 0, data.rare_share
    return labeled >= MIN_LABELED and rare is not None and labeled * rare < MIN_RARE_LABELED


_GROW_THE_RARE_CLASS = Instead(
    _only_the_rare_class_thin,
    Move(
        "Grow the rare class, and report its interval",
        "The set is large enough to model; it is the rarest class that is thin: add examples of it on purpose "
        "(search past records, enrich, sample near the model's cut), judge it apart, and report each of its "
        "scores with an interval until it holds a few hundred",
        "warning",
    ),
    "Add examples of the rarest class on purpose (search past records, enrich, sample near the cut), judge "
    "it apart, and report its scores with intervals; the rest of the set is large enough to model now.",
)


def _a_handful_of_events(plan: Plan) -> bool:
    """A handful of events to learn from, counted as the rule counts them: not a forecast's series nor
    units holding many items, nor the long tail of many labels."""
    if _learns_every_point(plan) or _many_items_per_unit(plan) or many_labels(plan):
        return False
    return a_handful(plan)


_COUNT_FIRST = Instead(_a_handful_of_events, COUNT_NOT_MODEL, COUNT_NOT_MODEL_MITIGATION)


def measured_outcomes(plan: Plan) -> bool:
    """Whether each label is a measurement or a record of what happened (measured for that item, or written
    by the event itself), none labelled by hand: more come only as they happen, nobody can be paid to label."""
    data = plan.constraints.data
    if LabelSource.manual in data.labels:
        return False
    return data.label_grain is LabelGrain.measured_each or data.label_writer is LabelWriter.event


_FIT_THE_HISTORY = Instead(
    measured_outcomes,
    Move(
        "Fit the model to the outcomes on record, and keep recording them",
        "Each label is a measurement or a record of what happened, so more come only as they happen: fit a "
        "model small enough for them (few inputs, pooled across units), validate it along time with "
        "intervals, and add each new outcome as it is recorded",
        "warning",
        first=True,
    ),
    "Fit a model small enough for the outcomes on record (few inputs, pooled across units, a simple baseline "
    "beside it); validate along time and report intervals; add each new measured outcome as it comes.",
    title="The history holds few measured outcomes",
)


def _learns_every_point(plan: Plan) -> bool:
    """Whether the model forecasts along series (a forecast, or an amount read from a time series): every
    period of each series is an example, whatever the team counted."""
    task = plan.product.task
    series = DataKind.time_series in plan.product.data_kinds
    return task is TaskType.forecasting or (task is TaskType.regression and series)


@rule(
    "small-labeled-set",
    Category.data,
    likelihood=3,
    impact=4,
    move=_COLLECT_MORE_LABELS,
    instead=(_COUNT_FIRST, _GROW_THE_RARE_CLASS, _FIT_THE_HISTORY),
    fires=(
        Case(
            {"constraints.data.labeled_examples": 800}, evidence=("constraints.data.labeled_examples: 800",)
        ),
        Case(  # 700 weighed harvests of a vineyard's blocks: measured outcomes, nobody can label more
            {
                "constraints.data.labeled_examples": 700,
                "constraints.data.label_grain": "measured_each",
                "product.task": "regression",
            },
            evidence=(
                "constraints.data.labeled_examples: 700 (the history holds 700 measured outcomes: more come "
                "only as they happen)",
            ),
        ),
        Case(  # seven failures in years of records: count them, or write the rule, before any model
            {
                "constraints.data.labeled_examples": 2000,
                "constraints.data.rarest_class_share": 0.0035,
                "done.test_size": None,
            },
        ),
        Case(
            {"constraints.data.labeled_examples": 4000},
            evidence=(
                "constraints.data.labeled_examples: 4000 (about 80 examples of the rarest class)",
                "constraints.data.rarest_class_share: 0.02",
                "product.input_count: 12 (about 6.7 cases of the rarer class per candidate input, where a model "
                "needs some 10 to 20: it fits noise, and cross-validation flatters it)",
                "a recall of 75% measured on all 80 of them has a 95% interval of 64.5% to 83.2% (19 points "
                "wide), and a test split holds only a part of them",
            ),
        ),
        Case(  # uncounted, and a test set of a stated size held out of them: medium, asked how many
            {"constraints.data.labeled_examples": "not measured", "done.test_size": 2000},
            evidence=(
                'constraints.data.labeled_examples: "not measured" (how many labelled cases exist, and how many '
                "of the rarest class (2%)? the test set alone holds 2,000, and the model trains on the rest)",
                "done.test_size: 2000",
            ),
        ),
        Case(  # uncounted, no test size said: low, asked how many
            {
                "constraints.data.labeled_examples": "not measured",
                "done.test_size": None,
                "product.task": "regression",
            },
            evidence=(
                'constraints.data.labeled_examples: "not measured" (how many labelled cases exist? a model '
                "trained on them needs about 1,000 beside an honest test set)",
            ),
        ),
        Case(  # a few hundred rows for a small model on four columns: low, cross-validate
            {
                "constraints.data.labeled_examples": 400,
                "constraints.data.rarest_class_share": 0.2,
                "product.data_kinds": ["tabular"],
                "product.inputs": "Engine hours, months since service and load class.",
            },
            evidence=(
                "constraints.data.labeled_examples: 400 (a small tabular model on few inputs: cross-validate and "
                "report intervals)",
                'product.inputs: "Engine hours, months since service and load class." (about 3 tabular inputs)',
            ),
        ),
        Case(  # 950 growing cycles of a forecast: each a series of daily points, low, counted again
            {"constraints.data.labeled_examples": 950, "product.task": "forecasting"},
            evidence=(
                "constraints.data.labeled_examples: 950 (a forecast learns from every point of each series: count "
                "the points, not the series)",
            ),
        ),
        Case(  # twelve yearly points of a yearly forecast, four inputs, one season tested: medium
            {
                "constraints.data.labeled_examples": 12,
                "product.task": "forecasting",
                "product.data_kinds": ["tabular", "time_series"],
                "product.inputs": "Last year's bookings, ticket price, school holidays and the lineup size.",
                "product.input_count": None,
                "impact.volume": 1,
                "impact.period": "year",
                "constraints.data.period": "Festivals 2013 to 2024",
                "done.test_size": 1,
            },
            evidence=(
                "constraints.data.labeled_examples: 12 (at 1 a year, the data's 12 years hold about 12: these are "
                "the points themselves, not series of points)",
                'product.inputs: "Last year\'s bookings, ticket price, school holidays and the lineup ..." '
                "(about 4 inputs: 11 training points, 2.8 per input, where a model needs some 10 to 20: it fits "
                "noise)",
                "done.test_size: 1 (one case: its error is a single draw, with no interval at all)",
            ),
        ),
        Case(  # 90 batches measured, of some 120 the kiln fired in two years: a test of about 18
            {
                "constraints.data.labeled_examples": 90,
                "product.task": "regression",
                "product.data_kinds": ["tabular", "time_series"],
                "impact.volume": 60,
                "impact.period": "year",
                "constraints.data.period": "Two years of kiln temperature logs",
            },
        ),
        Case(  # a concentration in the label (`4,600 per 100 g`) counts no items in each unit: not tempered
            {
                "constraints.data.labeled_examples": 800,
                "product.label": "The lab's colony count for each sample, such as 4,600 per 100 g.",
            },
            evidence=("constraints.data.labeled_examples: 800",),
        ),
        Case(  # 300 surveys, each with dozens of pups counted: the count is of units, low, and asked
            {
                "constraints.data.labeled_examples": 300,
                "product.label": "The number of pups in each colony; each survey counts 20-60 colonies.",
            },
        ),
        Case(  # an enriched set: the count of positives stated outright is what is small
            {
                "constraints.data.labeled_examples": 4000,
                "constraints.data.rarest_class_share": 0.02,
                "constraints.data.sources[0].name": "Enriched set: 60 positives and 3,940 negatives",
            },
            evidence=(
                "constraints.data.labeled_examples: 4000 (the set is enriched: 60 of the rarest class, as the "
                "answers state)",
            ),
        ),
    ),
    quiet=(
        Case(  # uncounted, but the test set alone holds 25,000 (500 of the rarest class): not a small set
            {"constraints.data.labeled_examples": "not measured", "done.test_size": 25000}
        ),
        Case(  # uncounted, but a hosted model used as it is: the labels only test it (small-test-set's)
            {
                "constraints.data.labeled_examples": "not measured",
                "constraints.compute.hosted_model": "A hosted GPT-4o-class API.",
                "done.eval_set": "300 past tickets, labelled by two agents.",
            }
        ),
        Case(  # uncounted labels on an anomaly detector: the few incidents judge it, they do not train it
            {"product.task": "anomaly_detection", "constraints.data.labeled_examples": "not measured"}
        ),
        Case(  # a forecast uncounted: its history is the labels, counted by its span
            {"product.task": "forecasting", "constraints.data.labeled_examples": "not measured"}
        ),
        Case(  # a prompted hosted model trains on nothing: its labelled cases are the evaluation set
            {
                "constraints.data.labeled_examples": 0,
                "constraints.compute.hosted_model": "A hosted GPT-4o-class API.",
                "done.eval_set": "300 past tickets, labelled by two agents.",
            }
        ),
        Case(  # a class nobody can collect more of, already judged together with its neighbour
            {
                "constraints.data.labeled_examples": 4000,
                "constraints.data.rarest_class_share": 0.02,
                "constraints.data.differences_note": "Class 5 is a rare natural event; it cannot be collected.",
                "done.metrics[0].name": "Recall of classes 4 and 5 together",
            }
        ),
        Case(  # thousands of codes: the rarest is the long tail, not a rare class
            {
                "constraints.data.labeled_examples": 40000,
                "constraints.data.rarest_class_share": 0.0001,
                "product.output": "One of 12,000 billing codes per invoice line.",
            }
        ),
        Case(  # the labelled count is the rare class itself: 41,000 duplicates, not 41,000 x 0.2%
            {
                "constraints.data.labeled_examples": 41000,
                "constraints.data.rarest_class_share": 0.002,
                "product.label": "Duplicate lines confirmed by the auditors: 41,000 lines out of 21 million.",
            }
        ),
        Case(  # an enriched set: 1,000 labelled is 500 of each, not 1,000 x the field's 0.5%
            {
                "constraints.data.labeled_examples": 1000,
                "constraints.data.rarest_class_share": 0.005,
                "constraints.data.sources[0].name": "Curated scans: 500 positives and 500 negatives",
            }
        ),
        Case(  # each class drawn from its own source: the field's 0.3% does not count the set's cases
            {
                "constraints.data.labeled_examples": 3000,
                "constraints.data.rarest_class_share": 0.003,
                "done.eval_set": "Cases from the referral clinic, controls drawn from the GP register.",
            }
        ),
        Case(  # the test split holds 1,000 x 20% = 200 of the rare class, not 4,000 x 0.2% = 8
            {
                "constraints.data.labeled_examples": 4000,
                "constraints.data.rarest_class_share": 0.002,
                "done.eval_rare_share": 0.2,
                "done.test_size": 1000,
            }
        ),
        Case(  # an anomaly detector: incidents are rare by nature and cannot be created
            {"product.task": "anomaly_detection", "constraints.data.labeled_examples": 60}
        ),
        Case(  # the plan says its approach is unsupervised: the labels judge it, they do not train it
            {
                "constraints.data.labeled_examples": 300,
                "product.output": "An unsupervised score of how unusual each night's meter readings are.",
            }
        ),
        Case(  # a forecast of amounts has no classes, whatever share was typed
            {
                "product.task": "forecasting",
                "constraints.data.labeled_examples": 4000,
                "constraints.data.rarest_class_share": 0.02,
            }
        ),
    ),
)
def small_labeled_set(plan: Plan) -> Evidence:
    """The labeled set is small.

    Too few labeled examples (or too few of the rarest class) to train a supervised model and
    still hold out an honest test set.

    Mitigation: Label more before modelling, start from a pretrained model, or narrow the task to
    the classes with enough examples.
    """
    data = plan.constraints.data
    said = data.labeled_count is not None or data.labeled_examples == NOT_MEASURED
    if not said or not data.labels or data.labels == [LabelSource.none]:
        return None
    if plan.product.task in (TaskType.clustering, TaskType.generation):
        return None
    if prompted(plan) and evaluation_planned(plan):
        return None  # nothing is trained: the labelled cases are the evaluation set, judged by small-test-set
    if nobody_trains(plan):
        return None  # a vendor's model used as it is: the labels only test it, judged by small-test-set
    if _learns_the_usual(plan):
        return (
            None  # rare by nature: the few past incidents judge the detector (small-test-set), not train it
        )
    if data.labeled_count is None:
        return _uncounted(plan)
    if data.labeled_count < MIN_LABELED:
        return _few_labelled(plan, data.labeled_count)
    rare = data.rare_share
    shown, tested = plan.done.eval_share, plan.done.test_size
    if rare is not None and shown is not None and tested and rare < shown < 1:
        # the test split alone holds test_size x its share of the rarest class: the labelled set is enriched
        rare = max(rare, min(1.0, tested * shown / data.labeled_count))
    if rare is not None and enriched(plan):
        # Built with more of the rare class than the field: the field's rate does not count it; the stated count does.
        stated = stated_positives(plan)
        if stated is None or stated >= MIN_RARE_LABELED or not has_classes(plan):
            return None
        note = f"the set is enriched: {stated} of the rarest class, as the answers state"
        return _uncollectable(plan, (quote(plan, "constraints.data.labeled_examples", note),))
    if (
        rare is not None
        and data.labeled_count * rare < MIN_RARE_LABELED
        and not many_labels(plan)
        and has_classes(plan)
        and not _labelled_are_the_rare(plan, rare)
    ):
        positives = data.labeled_count * rare
        note = f"about {fmt.count(positives)} examples of the rarest class"
        return _uncollectable(
            plan,
            (
                quote(plan, "constraints.data.labeled_examples", note),
                quote(plan, "constraints.data.rarest_class_share"),
                *filter(None, (per_input_note(plan, positives), recall_spread(plan, positives))),
            ),
        )
    return None


def _few_labelled(plan: Plan, count: int) -> Evidence:
    """Fewer labelled cases than a model needs: tempered where the count is of units holding many items, of
    series, or for a small tabular model; worded as measured outcomes where nobody can label more."""
    many = _many_items_per_unit(plan)
    if many is not None:  # 300 surveys, each with dozens of pups counted: the count is of units
        note = "counts units, and each holds many labelled items: how many labelled items in all?"
        return Tempered(1, (quote(plan, "constraints.data.labeled_examples", note), many))
    held = f"the history holds {fmt.count(count)} measured outcomes" if measured_outcomes(plan) else ""
    if _learns_every_point(plan):  # a count of series or cycles, each a history of points
        points = counts_points(plan)
        if points is not None:  # of the order of the points the data's years hold: the points themselves
            return few_points(plan, points)
        note = "a forecast learns from every point of each series: count the points, not the series"
        note = f"{held}: {note}" if held else note
        return Tempered(1, (quote(plan, "constraints.data.labeled_examples", note),))
    few = _few_features(plan) if count >= MIN_SMALL_TABULAR else None
    if few is not None:  # a small model on a handful of columns learns from a few hundred rows
        note = "a small tabular model on few inputs: cross-validate and report intervals"
        return Tempered(1, (quote(plan, "constraints.data.labeled_examples", note), few))
    if held:  # measurements or records of what happened: more come only as they happen
        return (quote(plan, "constraints.data.labeled_examples", f"{held}: more come only as they happen"),)
    return (quote(plan, "constraints.data.labeled_examples"),)


def _uncounted(plan: Plan) -> Evidence:
    """Labelled examples 'not measured' on a model trained on them: how many exist? Medium where the plan
    holds a test set of a stated size out of them, low otherwise."""
    data, size = plan.constraints.data, plan.done.test_size
    if plan.product.task is TaskType.forecasting or DataKind.time_series in plan.product.data_kinds:
        return None  # the history is the labels: its span, not a count of cases, says how much there is
    rare = data.rare_share if has_classes(plan) else None
    among = f", and how many of the rarest class ({fmt.share(rare)})" if rare is not None else ""
    asked = f"how many labelled cases exist{among}? "
    if size and size >= 10 * MIN_LABELED and (rare is None or size * rare >= MIN_RARE_LABELED):
        return None  # the test set alone holds ten times a small set, and enough of the rarest class
    if size:
        note = f"{asked}the test set alone holds {fmt.count(size)}, and the model trains on the rest"
        return Tempered(
            2, (quote(plan, "constraints.data.labeled_examples", note), quote(plan, "done.test_size"))
        )
    note = f"{asked}a model trained on them needs about {fmt.count(MIN_LABELED)} beside an honest test set"
    return Tempered(1, (quote(plan, "constraints.data.labeled_examples", note),))


# Each unit counted holds many labelled items: `each survey counts 20-60 pups`, `50 points per photo`; not a
# concentration or a rate (`4,600 per 100 g`, `300 per litre`, `40 per day`), which counts no items.
_NOT_A_MEASURE = (
    r"(?!(?:g|kg|mg|µg|ug|ml|l|dl|cl|litre|litres|liter|liters|gram|grams|kilo|kilos|kilogram|kilograms|tonne"
    r"|tonnes|ton|tons|lb|lbs|oz|mm|cm|m|km|metre|metres|meter|meters|mile|miles|cent|mille|square|cubic"
    r"|second|seconds|minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|annum|kwh)\b)"
)
_MANY = r"(?:many|dozens|hundreds|thousands|several|multiple|up to \d[\d,]*|\d[\d,]*(?:\s*(?:-|–|to)\s*\d[\d,]*)?)"
_MANY_PER_UNIT = re.compile(
    rf"\beach\s+[\w-]+\s+(?:holds?|has|have|contains?|carries|covers|counts|lists|marks|with)\s+(?:about\s+|some\s+)?{_MANY}\b"
    rf"|\b{_MANY}\s+{_NOT_A_MEASURE}(?:of\s+)?(?:[\w-]+\s+){{0,2}}(?:per|in each|on each|for each)\s+(?!\d){_NOT_A_MEASURE}[\w-]+",
    re.IGNORECASE,
)
_UNIT_PATHS = (
    "product.label",
    "product.output",
    "product.inputs",
    "constraints.data.differences_note",
    "done.eval_set",
)


def _many_items_per_unit(plan: Plan) -> str | None:
    """The answer, quoted, that says each counted unit holds many labelled items (pups counted in each
    survey, points marked on each photo): the labelled count is of units, and the items are many more."""
    for path in (*_UNIT_PATHS, *source_paths(plan)):
        found = _MANY_PER_UNIT.search(answer_at(plan, path) or "")
        if found:
            return quote(plan, path, f"{found.group(0)}: many labelled items in each unit counted")
    return None


MIN_SMALL_TABULAR = 300  # rows a small model on a handful of tabular inputs can learn from
_MAX_FEW_INPUTS = 8  # inputs a small tabular model (a logistic regression, a shallow tree) handles
_COUNTED_INPUTS = re.compile(r"\b(\d+)\s+(?:features|inputs|columns|variables|fields)\b", re.IGNORECASE)


def _few_features(plan: Plan) -> str | None:
    """The inputs, quoted, where the data is tabular only and they are few (a stated count, or a short
    list of columns): a small model learns from a few hundred rows there."""
    if set(plan.product.data_kinds) != {DataKind.tabular} or plan.constraints.data.rare_share is None:
        return None
    text = plan.product.inputs or ""
    if not text or (plan.constraints.data.labeled_count or 0) * plan.constraints.data.rare_share < 30:
        return None  # too few of the rarer class to learn its side, however few the inputs
    stated = _COUNTED_INPUTS.search(text)
    count = (
        int(stated.group(1))
        if stated
        else len([part for part in re.split(r",|;|\band\b", text) if part.strip()])
    )
    if count > _MAX_FEW_INPUTS:
        return None
    return quote(plan, "product.inputs", f"about {count} tabular inputs")


# Words that say the model learns what is usual from unlabelled data, not from labelled examples.
_UNSUPERVISED = Lexicon("""
    unsupervised, one-class, isolation forest, isolation forests, learns what is normal, learns normal behaviour
    learns normal behavior, normal behaviour model, normal behavior model, without labels, no labels needed
""")


def _learns_the_usual(plan: Plan) -> bool:
    """Whether the model flags the unusual against what is usual (an anomaly detector, or a plan that says
    its approach is unsupervised): its positives are rare by nature and cannot be created, so labels
    judge it, and more of them cannot be collected before modelling."""
    if plan.product.task is TaskType.anomaly_detection:
        return True
    paths: tuple[str, ...] = (
        "product.output",
        "product.decision",
        "product.goal",
        "product.label",
        "product.inputs",
    )
    paths += (
        "product.current_solution",
        "constraints.data.differences_note",
        "constraints.compute.hosted_model",
    )
    return first_said(plan, paths, _UNSUPERVISED) is not None


def _uncollectable(plan: Plan, found: tuple[str, ...]) -> Evidence:
    """A rare class the answers say nobody can collect more of (rare natural events, extremes): more
    labels are no advice then; merging it with its neighbours, or judging recall on the cases that
    exist, is. Silent where a done metric already merges it."""
    paths: tuple[str, ...] = ("constraints.data.differences_note", "product.label", "product.output")
    paths += tuple(f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases)))
    for path in paths:
        words = UNCOLLECTABLE.find_all(answer_at(plan, path))
        if not words:
            continue
        if any(MERGED_CLASSES.find(metric.name) for metric in plan.done.metrics):
            return None  # the rare class is judged together with its neighbours already
        note = (
            f"{', '.join(words)}: more cannot be collected; merge it with its neighbouring class, or judge "
            "its recall on every case that exists (leave-one-period-out)"
        )
        return Tempered(1, (*found, quote(plan, path, note)))
    return found


@rule(
    "rare-class-judged-by-accuracy",
    Category.model,
    likelihood=4,
    impact=4,
    ask="is the rare class judged by a share of right answers that the common class alone reaches?",
    fires=(
        Case(
            {"done.metrics[0].name": "Accuracy"},
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (predicting the common class every time already scores 98%)",
                'done.metrics[0].name: "Accuracy"',
            ),
        ),
        Case(  # accuracy by another name, where the common class alone scores 98%
            {
                "done.metrics[0].name": "Share of invoices classified correctly",
                "done.metrics[0].baseline": 0.97,
                "done.metrics[0].target": 0.985,
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (predicting the common class every time already "
                "scores 98%)",
                'done.metrics[0].name: "Share of invoices classified correctly"',
            ),
        ),
        Case(  # several classes: no common class scores 1 - rare, yet the rarest can be missed cheaply
            {"done.metrics[0].name": "Accuracy", "product.outcomes": ["none", "minor", "major", "critical"]},
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (with 4 classes, missing the rarest one entirely "
                "costs at most 2% of accuracy)",
                'done.metrics[0].name: "Accuracy"',
            ),
        ),
        Case(  # an agreement rate with people: accuracy by another name, asked
            {
                "done.metrics[0].name": "Overall agreement with the senior clerk",
                "done.worst_error_metric": None,
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (predicting the common class every time already "
                "agrees on 98% of cases)",
                'done.metrics[0].name: "Overall agreement with the senior clerk"',
            ),
        ),
    ),
    quiet=(
        Case(  # kappa: the common class alone scores 0 on it
            {"done.metrics[0].name": "Cohen's kappa with the senior clerk"}
        ),
        Case(  # the rare class has its own metric beside accuracy
            {
                "done.metrics": [
                    {"name": "Accuracy", "target": 0.99},
                    {"name": "Recall of duplicates", "target": 0.8},
                ]
            }
        ),
        Case(  # the worst error is counted by a done metric of its own
            {
                "done.metrics": [
                    {"name": "Accuracy", "target": 0.99},
                    {"name": "Duplicates paid twice per month", "target": 1, "direction": "lower"},
                ],
                "done.worst_error_metric": "Duplicates paid twice per month",
            }
        ),
    ),
)
def rare_class_judged_by_accuracy(plan: Plan) -> Evidence:
    """A rare class is judged by accuracy.

    When one class is rare, predicting "never" already scores high accuracy; the metric cannot
    tell a useful model from a useless one.

    Mitigation: Judge by precision and recall of the rare class (or PR-AUC, or a cost-weighted
    metric), and report the majority-class baseline.
    """
    rare = plan.constraints.data.rare_share
    # Among thousands of labels the rarest is the long tail, and one minus its share is no majority.
    if rare is None or rare >= RARE_SHARE or _rare_class_has_its_metric(plan) or many_labels(plan):
        return None
    classes = len(plan.product.outcomes)
    for path, metric in done_metrics(plan):
        name = metric.name
        # Accuracy by any name ("correct predictions", "error rate"), unless made rare-class aware.
        literal = mentions(name, ACCURACY) and not mentions(name, BALANCED)
        # By another name ("correct predictions"), when its values sit where the common class alone lands
        # (with more than two classes nobody knows where that is).
        scores = [value for value in (metric.baseline_figure, metric.goal()) if value is not None]
        common = 1 - rare
        renamed = (
            classes <= 2
            and mentions(name, SHARE_RIGHT)
            and not mentions(name, RARE_AWARE)
            and any(common - 0.005 <= value <= 1 for value in scores)
        )
        if literal and classes > 2:
            # No one class scores 1 - rare; the rarest one can still be missed for a few points.
            note = f"with {classes} classes, missing the rarest one entirely costs at most {fmt.share(rare)} of accuracy"
            found = (quote(plan, "constraints.data.rarest_class_share", note), quote(plan, f"{path}.name"))
            return Tempered(3, found)
        if literal or renamed:
            note = f"predicting the common class every time already scores {fmt.share(1 - rare)}"
            found = (quote(plan, "constraints.data.rarest_class_share", note), quote(plan, f"{path}.name"))
            # "correct" in a metric's name may be precision of one suggestion: a guess, asked
            return found if literal else Hint(SHARE_RIGHT.find_all(name)[:1], found)
        # An agreement rate with people or a reference is accuracy by another name (kappa is not: the
        # common class alone scores 0 on it); the words may mean otherwise, so asked.
        agreed = None if mentions(name, RARE_AWARE) else AGREED_SHARE.find(name)
        if agreed:
            note = f"predicting the common class every time already agrees on {fmt.share(1 - rare)} of cases"
            if classes > 2:
                note = f"with {classes} classes, missing the rarest one entirely costs at most {fmt.share(rare)} of the agreement"
            found = (quote(plan, "constraints.data.rarest_class_share", note), quote(plan, f"{path}.name"))
            return Hint((agreed,), found)
    return None


def _rare_class_has_its_metric(plan: Plan) -> bool:
    """Whether a done metric already judges the rare class (its recall or precision, PR-AUC, a cost),
    or the worst error is counted by a metric the team named: accuracy beside it misleads nobody."""
    worst = norm(plan.done.worst_error_metric or "")
    for metric in plan.done.metrics:
        if mentions(metric.name, RARE_AWARE):
            return True
        named = norm(metric.name)
        overall = mentions(metric.name, ACCURACY) or mentions(metric.name, AGREED_SHARE)
        if worst and (worst in named or named in worst) and not overall:
            return True
    return False


@rule(
    "test-set-not-like-product",
    Category.data,
    likelihood=4,
    impact=4,
    move=_PRODUCTION_TEST_SET,
    ask="does the test set reflect what the product will see?",
    fires=(
        Case(
            {"constraints.data.test_set_reflects_product": False, "constraints.data.differences": None},
            evidence=("constraints.data.test_set_reflects_product: false",),
        ),
        Case(  # not ticked: the data's origin is narrower than the product's stated scope
            {
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.differences": None,
                "constraints.data.sources[0].name": "Invoices of one pilot site, 2024",
                "product.users": "Accounts payable clerks in all 12 subsidiaries.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Invoices of one pilot site, 2024" (the data comes from '
                "one pilot site: will the product see only that?)",
                'product.users: "Accounts payable clerks in all 12 subsidiaries." (the product meets all 12 '
                "subsidiaries)",
            ),
        ),
    ),
    quiet=(
        Case(  # narrow origin, no wider scope stated: data-narrower-than-product asks instead
            {
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.sources[0].name": "Invoices of one pilot site, 2024",
            }
        ),
    ),
)
def test_set_not_like_product(plan: Plan) -> Evidence:
    """The test set does not reflect the product.

    Scores on data unlike production (other sources, period or population) say little about how the
    model will do once live.

    Mitigation: Build the test set from recent production data, labelled the way the product
    needs, before comparing models.
    """
    if plan.constraints.data.differences:
        return None  # the newer answer: production-differs and inputs-after-prediction reason from it
    said = answer_is(plan, "constraints.data.test_set_reflects_product", False)
    if said or plan.constraints.data.test_set_reflects_product is not None:
        return said
    # Not ticked, but the facts say it: data from a narrow origin, a product with a wider scope.
    found = _origin_and_scope(plan)
    if found is None:
        return None
    words, origin, scope = found
    return Hint(words, (origin, scope)) if scope is not None else None


# The split a product that predicts later periods of the units its data holds is judged by.
SPLIT_BY_TIME = Move(
    "Split by time: train before a cutoff, test on what came after it",
    "Live, the model predicts a later period than any it learned from; a random split lets it learn "
    "from the very weeks it is tested on, and the score flatters it",
    "info",
)


@rule(
    "random-split-on-time-data",
    Category.model,
    likelihood=3,
    impact=4,
    move=SPLIT_BY_TIME,
    ask="do the rows span a stretch of time, and does the test set come after the training data?",
    fires=(
        Case(
            {"done.split": "random", "product.task": "forecasting"},
            evidence=('done.split: "random"', 'product.task: "forecasting"'),
        ),
        Case(  # a recommender predicts what its known customers choose next: the test comes after
            {"done.split": "random", "product.task": "recommendation"},
            evidence=(
                'done.split: "random"',
                'product.task: "recommendation" (what known customers choose next)',
            ),
        ),
        Case(
            {"done.split": "random", "product.data_kinds": ["tabular", "time_series"]},
            evidence=('done.split: "random"', 'product.data_kinds: ["tabular", "time_series"]'),
        ),
        Case(  # a quantity estimated from years of rows: the period said drifts with it
            {
                "done.split": "random",
                "product.task": "regression",
                "done.eval_set": "A random fifth of the rows.",
                "constraints.data.sources[0].name": "ERP invoice history",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.period: "Jan 2022 - Jun 2025" (rows ordered in time: 2022 - Jun 2025)',
            ),
        ),
        Case(  # not structured, but the rows span years: asked, quoting the words
            {
                "done.split": "random",
                "done.eval_set": "A random fifth of the rows.",
                "constraints.data.sources[0].name": "Payroll lines of every pay run, 2019-2025",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.sources[0].name: "Payroll lines of every pay run, 2019-2025" (rows ordered '
                "in time: 2019-2025, pay run)",
            ),
        ),
        Case(  # the same images, but the warning is made two weeks ahead: later periods are what it serves
            {
                "done.split": "random",
                "product.lead_days": 14,
                "product.data_kinds": ["images"],
                "done.eval_set": "A random fifth of the photos.",
                "constraints.data.sources[0].name": "Satellite tiles of the orchards, 2020-2025",
            },
        ),
        Case(  # recurring runs over years
            {
                "done.split": "random",
                "done.eval_set": "A random fifth of the rows.",
                "product.inputs": "Three years of weekly runs of the kiln: temperatures, load and fuel.",
            },
        ),
    ),
    quiet=(
        Case(  # a hosted model prompted alone: nothing trained for the test set to come after
            {
                "done.split": "random",
                "product.task": "generation",
                "constraints.data.labels": "outcomes",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API, prompted only.",
            }
        ),
        Case(  # the span of years is said, and so is a test set taken after it
            {
                "done.split": "random",
                "done.eval_set": "The most recent six months, held out.",
                "constraints.data.sources[0].name": "Payroll lines of every pay run, 2019-2025",
            }
        ),
        Case(  # a single year's fiscal label is no span
            {
                "done.split": "random",
                "done.eval_set": "A random fifth of the rows.",
                "constraints.data.sources[0].name": "Scanned contracts of 2024",
            }
        ),
        Case(  # simulation runs over years: no world drift between them
            {
                "done.split": "random",
                "done.eval_set": "A random fifth of the runs.",
                "constraints.data.sources[0].name": "Simulated crash runs of bumper designs, 2021-2025",
            }
        ),
        Case(  # records matched to a reference file: its download cadence and the records' age are no future
            {
                "done.split": "random",
                "product.task": "matching",
                "done.eval_set": "A random fifth of the records.",
                "product.inputs": "Catalogue records since 2021 and the supplier file, downloaded monthly.",
            }
        ),
        Case(  # a recommender that must serve customers it has never seen: a split by group is right
            {
                "done.split": "random",
                "product.task": "recommendation",
                "product.goal": "Good picks from the first visit: a cold start for every new shopper.",
            }
        ),
        Case(  # photos of each parcel as it is scanned: the years name when they were taken, not what leaks
            {
                "done.split": "random",
                "product.task": "classification",
                "product.data_kinds": ["images"],
                "done.eval_set": "A random fifth of the photos.",
                "constraints.data.sources[0].name": "Sorting-belt camera archive, 2020-2025",
            }
        ),
        Case(  # fields read off scanned forms: the years say when each was scanned; layouts are grouped
            {
                "done.split": "random",
                "product.task": "extraction",
                "product.data_kinds": ["images", "text"],
                "done.eval_set": "A random fifth of the scanned forms.",
                "constraints.data.sources[0].name": "Delivery notes scanned at goods-in, 2019-2025",
            }
        ),
        Case(  # the years name the archive; the rows' period is answered apart
            {
                "done.split": "random",
                "product.task": "classification",
                "done.eval_set": "A random fifth of the register entries.",
                "constraints.data.sources[0].name": "Transcribed entries of the 1920-1950 parish archive",
                "constraints.data.period": "Transcribed in 2024",
            }
        ),
        Case(  # split by time: nothing to ask
            {
                "done.split": "time",
                "constraints.data.sources[0].name": "Payroll lines of every pay run, 2019-2025",
            }
        ),
    ),
)
def random_split_on_time_data(plan: Plan) -> Evidence:
    """A random split on data that changes over time.

    In production the model always predicts the future; a random split lets it peek at it, so
    offline scores come out optimistic.

    Mitigation: Split by time: train before a cutoff, test on what came after it.
    """
    if plan.done.split is not Split.random or nothing_trained(plan):
        return None  # not random, or a prompted model: nothing trained for the test set to follow
    why = changes_over_time(plan)
    data = plan.constraints.data
    if data.rows_per_thing is RowsPerThing.several and serves_known(plan):
        # the team said the same units fill many rows and production meets them again: each test row sits
        # between training rows of its own unit, a certain leak (random-split-on-grouped-data defers here)
        note = f"several rows describe {repeated_unit(plan)}: test rows sit between its training rows"
        task = quote(plan, "product.task", "the same units, met again")
        return Tempered(
            4, (quote(plan, "done.split"), quote(plan, "constraints.data.rows_per_thing", note), task)
        )
    if why:
        return (quote(plan, "done.split"), *why)
    if plan.product.task is TaskType.recommendation and serves_known(plan):
        return (quote(plan, "done.split"), quote(plan, "product.task", "what known customers choose next"))
    if plan.product.task is TaskType.matching:
        return None  # records matched or linked: the test is no prediction of the future, whatever their age
    # Not structured, but said: the rows span years or come from recurring runs. A question, quoting them,
    # unless the answers say production reads what each case shows now and not a later period.
    if _reads_the_present(plan):
        return None
    paths = _data_paths(plan)
    if any(LATER_TEST.find(answer_at(plan, path)) for path in (*paths, "done.eval_set")):
        return None  # the test set is said to come after the training data
    for path in paths:
        text = answer_at(plan, path)
        if NOT_LIVE.find(text):
            continue  # simulation runs or a benchmark: their years are not the world's drift
        spans = _year_spans(text)
        if is_answered(plan.constraints.data.period):  # `the 1920-1950 parish archive` names the source
            spans = _period_spans(text)
        words = (*spans, *OVER_TIME.find_all(text))
        if words:
            note = f"rows ordered in time: {', '.join(words)}"
            return Hint(words, (quote(plan, "done.split"), quote(plan, path, note)))
    return None


# Inputs a sensor captures of the case in front of it: what they show is the case as it is now.


def _reads_the_present(plan: Plan) -> bool:
    """Whether the answers say the product reads what each case shows at the time (an image, a recording,
    a document) rather than a later period or the same units again: no lead is answered (or it is 0), the
    inputs are all images, audio or video a sensor captured, and no unit comes back (not several rows per unit with
    few newcomers). The years a source spans are then when the cases were gathered, not what leaks. Fields
    read off scanned documents (an extraction from images, with their text) count too: a form's content does
    not drift with the scan date; its layouts and senders are groups, weighed by random-split-on-grouped-data."""
    lead, data = plan.product.furthest_lead, plan.constraints.data
    if lead is not None and lead > 0:
        return False  # the prediction is made days ahead: later periods are what it serves
    kinds = set(plan.product.data_kinds)
    scanned = (
        plan.product.task is TaskType.extraction
        and bool(kinds & CAPTURED)
        and kinds <= CAPTURED | {DataKind.text}
    )
    if not kinds or not (kinds <= CAPTURED or scanned):
        return False  # rows or texts: what reports and records say drifts with the years (new topics)
    same_units = data.rows_per_thing is RowsPerThing.several and data.newcomers in (
        Newcomers.none,
        Newcomers.few,
    )
    return not same_units


def _data_paths(plan: Plan) -> tuple[str, ...]:
    """The answers that say what the rows are and where they come from."""
    paths = ("product.inputs", "product.label", *source_paths(plan), "constraints.data.differences_note")
    # A quantity estimated from years of rows (a price, a value, a duration) drifts with them.
    return (*paths, "constraints.data.period") if plan.product.task is TaskType.regression else paths


_YEARS = re.compile(
    r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|until|through)\s*(?:[A-Za-z]{3,9}\.?\s+)?((?:19|20)\d\d)\b"
)


def _year_spans(text: str | None) -> tuple[str, ...]:
    """Spans of years said in `text` ('2019-2025'): rows gathered over years."""
    return tuple(
        found.group(0) for found in _YEARS.finditer(text or "") if int(found.group(2)) > int(found.group(1))
    )


# A span of years that names a collection (`the 1920-1950 parish archive`), not when its rows were gathered.
_COLLECTION = re.compile(
    _YEARS.pattern
    + r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:archive|archives|collection|collections|register|registers"
    r"|census|corpus|atlas|gazetteer|edition|editions)\b",
    re.IGNORECASE,
)


def _period_spans(text: str | None) -> tuple[str, ...]:
    """The spans of years an answer gives as its rows' period (`Payroll lines, 2019-2025`), not those that
    name a collection (`the 1920-1950 parish archive`): where the plan answers the data's period, that
    answer says when the rows were gathered; the years in a name say which source it is."""
    named = {found.start() for found in _COLLECTION.finditer(text or "")}
    return tuple(span for span in _year_spans(text) if (text or "").find(span) not in named)


# A test by k-fold cross-validation (`5-fold cross-validation`, `10-fold CV`): every labelled case is tested once.
_K_FOLD = re.compile(r"\b(?:\d+|k)[- ]fold\b|\bcross[- ]validat", re.IGNORECASE)


def _cross_validated(plan: Plan, size: int) -> int:
    """The test size where the evaluation is k-fold cross-validation over the labelled cases: each case is
    tested once, so the test holds them all, not the one fold the team counted."""
    labelled = plan.constraints.data.labeled_examples
    texts = [plan.done.eval_set, *(metric.dataset for metric in plan.done.metrics)]
    if isinstance(labelled, int) and labelled > size and any(t and _K_FOLD.search(t) for t in texts):
        return labelled
    return size


@rule(
    "small-test-set",
    Category.model,
    likelihood=3,
    impact=3,
    fires=(
        Case(  # a mean error over 480 visits: a low note to report its interval, no rare class to run short of
            {
                "product.task": "regression",
                "done.test_size": 480,
                "constraints.data.rarest_class_share": None,
            },
            evidence=(
                "done.test_size: 480 (a mean error over 480 cases: its standard error is about 1/22 of the "
                "errors' spread; report its interval)",
            ),
        ),
        Case(  # 300 cases, and a rate's target beside today's: the cases it takes to tell them apart
            {"done.test_size": 300},
            evidence=(
                "done.test_size: 300",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (0.45 today against a target '
                "of 0.75, on about 6 true cases of the test's 300, where the rarer class (2%) is the one it "
                "finds: telling them apart needs about 20 cases even taking today's rate as known exactly, and "
                "41 a side where both are measured (normal approximation, 95% two-sided, 80% power); 6 cannot "
                "tell them apart)",
            ),
        ),
        Case(  # a prompted model's evaluation set of a few hundred: low, report its interval
            {"done.test_size": 300, "constraints.compute.hosted_model": "A hosted GPT-4o-class API."},
            evidence=(
                "done.test_size: 300 (an evaluation set for a prompted model: report its interval and grow it "
                "before close calls)",
                'constraints.compute.hosted_model: "A hosted GPT-4o-class API."',
            ),
        ),
        Case(  # a hosted vision model is used as it is, not prompted: the same low note in its own words
            {
                "done.test_size": 300,
                "product.data_kinds": ["images"],
                "constraints.compute.hosted_model": "A hosted vision API.",
            },
            evidence=(
                "done.test_size: 300 (an evaluation set for a hosted model used as it is: report its interval "
                "and grow it before close calls)",
                'constraints.compute.hosted_model: "A hosted vision API."',
            ),
        ),
        Case(  # a forecast's small test with no window said: a low question on series and steps
            {"done.test_size": 300, "product.task": "forecasting"},
            evidence=(
                "done.test_size: 300 (a forecast's test counts time steps, not cases: how many series x steps "
                "does it hold, and does it span a whole season or year?)",
                'product.task: "forecasting"',
            ),
        ),
        Case(  # the test's own share, stated: 600 x 2% = 12 rare cases, whatever the field's share
            {"done.test_size": 600, "constraints.data.rarest_class_share": 0.2, "done.eval_rare_share": 0.02},
            evidence=(
                "done.test_size: 600 (about 12 cases of the rarest class: a recall of 75% (46.8-91.1) measured on "
                "12 has that 95% interval)",
                "done.eval_rare_share: 0.02",
            ),
        ),
        Case(  # the model and the clerks' rule scored on the same 300 cases: a paired test, low
            {
                "done.test_size": 300,
                "constraints.data.rarest_class_share": 0.2,
                "done.eval_rare_share": 0.2,
                "done.eval_set": "300 held-out claims, the rule and the model on the same cases.",
            },
            evidence=(
                "done.test_size: 300 (a paired comparison on the same cases needs fewer: report the paired "
                "difference's interval)",
                'done.eval_set: "300 held-out claims, the rule and the model on the same cases." (a paired '
                "comparison: on the same cases)",
            ),
        ),
        Case(
            {"done.test_size": 1000},
            evidence=(
                "done.test_size: 1000 (about 20 cases of the rarest class: a recall of 75% (53.1-88.8) measured "
                "on 20 has that 95% interval)",
                "constraints.data.rarest_class_share: 0.02",
            ),
        ),
    ),
    quiet=(
        Case(  # one fold counted, but 10-fold cross-validation tests every one of the 3,000 labelled cases
            {
                "done.test_size": 300,
                "constraints.data.labeled_examples": 3000,
                "done.eval_set": "10-fold cross-validation over the 3,000 labelled records.",
            }
        ),
        Case(  # enriched to a fifth: 600 x 20% = 120 rare cases, though the field holds 0.1%
            {"done.test_size": 600, "constraints.data.rarest_class_share": 0.001, "done.eval_rare_share": 0.2}
        ),
        Case(  # thousands of codes: the rarest is the long tail, not a rare class
            {
                "done.test_size": 1000,
                "product.output": "One of 12,000 billing codes per invoice line.",
            }
        ),
        Case({"done.test_size": 1000, "product.task": "regression"}),  # a regression has no rare class
        Case(  # the set's own share, in figures, is many times the field's 2%
            {"done.test_size": 1000, "done.eval_set": "Held-out clips; 35% of the clips are positive."}
        ),
        Case(  # a balanced test set: 1,000 is 500 of each, not 1,000 x the field's 2%
            {"done.test_size": 1000, "done.eval_set": "A balanced set of 500 positives and 500 negatives."}
        ),
        Case(  # a year of daily backtests of a regression: 365 time steps, not 365 labelled cases
            {
                "done.test_size": 365,
                "product.task": "regression",
                "done.eval_set": "Daily backtests over the whole of 2025, each day predicted from the days before.",
            }
        ),
        Case(  # a forecast's test of 300 daily steps spanning a whole year: every season is in it
            {
                "done.test_size": 300,
                "product.task": "forecasting",
                "done.eval_set": "The last full year of daily sales, held out by time.",
            }
        ),
    ),
)
def small_test_set(plan: Plan) -> Evidence:
    """The test set is too small to trust.

    With few test cases (or few of the rarest class) a score moves by several points from one
    sample to the next; the target cannot be told from noise.

    Mitigation: Grow the test set and report confidence intervals; stratify it on a rare class where
    there is one, and backtest a forecast over several periods.
    """
    size, rare = plan.done.test_size, plan.constraints.data.rare_share
    if size is None:
        return None
    size = _cross_validated(plan, size)
    share_path = "constraints.data.rarest_class_share"
    own = plan.done.eval_share if plan.done.eval_share != rare else None
    if (
        own is not None
    ):  # the test's own share, stated apart from the field's: it counts the test's rare cases
        rare, share_path = own, "done.eval_rare_share"
    llm = prompted(plan)
    if size < MIN_TEST and llm and size >= MIN_PROMPTED_TEST:
        # A prompted model's evaluation set: a few hundred cases catch large failures; say its interval.
        used = (
            "a prompted model" if DataKind.text in plan.product.data_kinds else "a hosted model used as it is"
        )
        note = f"an evaluation set for {used}: report its interval and grow it before close calls"
        return Tempered(2, (quote(plan, "done.test_size", note), llm))
    if size < MIN_TEST and (plan.product.task is TaskType.forecasting or _backtest(plan)):
        return _forecast_test(plan)  # a backtest's test counts time steps, not labelled cases
    thin = (
        rare is not None and size * rare < MIN_RARE_TEST and has_classes(plan)
    )  # pairing adds no rare cases
    paired = _paired(plan) if MIN_PAIRED_TEST <= size < MIN_TEST and not thin else None
    if paired is not None:
        # The model and the baseline scored on the same cases: the paired difference needs fewer cases.
        note = "a paired comparison on the same cases needs fewer: report the paired difference's interval"
        return Tempered(1, (quote(plan, "done.test_size", note), paired))
    if size < MIN_TEST and not has_classes(plan) and size >= MIN_MEAN_TEST:
        # A mean error (MAE, RMSE) over continuous errors: its standard error is the spread over the root of
        # the count, with no rare class to run short of; a note to report its interval.
        note = (
            f"a mean error over {show(size)} cases: its standard error is about 1/{size**0.5:.0f} of the "
            "errors' spread; report its interval"
        )
        return Tempered(1, (quote(plan, "done.test_size", note),))
    if size < MIN_TEST:
        gap = rate_gap(plan)  # a rate's target beside today's: the cases it takes to tell them apart
        return (quote(plan, "done.test_size"), gap[0]) if gap else (quote(plan, "done.test_size"),)
    if rare is not None and own is None and enriched(plan):
        return None  # built with more of the rare class than the field: its rate does not count the test's
    if rare is not None and size * rare < MIN_RARE_TEST and not many_labels(plan) and has_classes(plan):
        counted = _units_apart(plan)
        if counted is not None:  # slides against a share of grains: a product of two units says nothing
            test_unit, part = counted
            note = (
                f"{test_unit}, while the rarest class is counted per {part}: how many {part}s of it does the "
                "test set hold?"
            )
            return Tempered(2, (quote(plan, "done.test_size", note), quote(plan, share_path)))
        note = (
            f"about {fmt.count(size * rare)} cases of the rarest class{_recall_interval(plan, size * rare)}"
        )
        return (quote(plan, "done.test_size", note), quote(plan, share_path))
    return None


MIN_MEAN_TEST = (
    200  # a mean of continuous errors over this many cases has a standard error near 7% of their spread
)
MIN_PAIRED_TEST = 200  # the model and the baseline scored on the same cases: a paired difference needs fewer

# Words saying the model and the baseline are scored on the same cases: a paired comparison.
_PAIRED = Lexicon("""
    paired test, paired tests, paired comparison, paired comparisons, paired difference, paired differences
    paired bootstrap, paired t-test, mcnemar, mcnemar's test, on the same cases, the same test cases
    same cases scored, scored on the same cases, both scored on the same, on identical cases
""")


def _paired(plan: Plan) -> str | None:
    """The answer, quoted, saying the model and the baseline are scored on the same test cases."""
    paths = ("done.eval_set", *(f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))))
    paths += tuple(f"done.metrics[{index}].baseline_name" for index in range(len(plan.done.metrics)))
    for path in paths:
        words = _PAIRED.find_all(answer_at(plan, path))
        if words:
            return quote(plan, path, f"a paired comparison: {', '.join(dict.fromkeys(words))}")
    return None


def _recall_interval(plan: Plan, positives: float) -> str:
    """What a recall target measured on so few true cases can be told from: its 95% interval, where a
    done metric is a recall (or sensitivity) with a target."""
    for metric in plan.done.metrics:
        goal = metric.goal()
        if goal is None or not 0 < goal < 1 or not RECALL_METRIC.find(metric.name):
            continue
        whole = round(positives)
        if whole < 10:
            return ""  # a handful of cases: the count itself says the recall cannot be measured
        interval = wilson(round(goal * whole), whole)
        return f": a recall of {fmt.share(goal, interval)} measured on {whole} has that 95% interval"
    return ""


# Words that say a forecast's test window spans a whole year (every season) or more.
_TEST_YEAR = Lexicon("""
    a year, one year, full year, whole year, last year, past year, calendar year, 12 months
    twelve months, 52 weeks, 365 days, 366 days, every season, all seasons, all four seasons, # years
""")
_ONE_YEAR = re.compile(r"\b(?:all of|whole of|the whole of|full|calendar year|year)\s+(?:19|20)\d\d\b", re.I)


# Words saying the test is a backtest over time: its size counts time steps (365 daily points), not cases.
_BACKTEST = Lexicon("""
    backtest, backtests, backtested, backtesting, walk-forward, walk forward, rolling-origin, rolling origin
""")


def _backtest(plan: Plan) -> bool:
    """The evaluation set is said to be a backtest over time, whatever the task is called."""
    texts = (plan.done.eval_set, *(metric.dataset for metric in plan.done.metrics))
    return any(_BACKTEST.find(text) for text in texts)


def _forecast_test(plan: Plan) -> Evidence:
    """A forecast's small test: its size counts time steps, not cases, and a year of daily steps is a few
    hundred; what it must cover is every season, across the series. Quiet where the test window spans a
    year or more; else a low question on the series and steps it holds."""
    paths = ("done.eval_set", *(f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics))))
    for path in paths:
        text = answer_at(plan, path)
        if _TEST_YEAR.find(text) or _ONE_YEAR.search(text or "") or _year_spans(text):
            return None  # a whole year of steps: every season is in the test
    note = (
        "a forecast's test counts time steps, not cases: how many series x steps does it hold, and does it "
        "span a whole season or year?"
    )
    return Tempered(2, (quote(plan, "done.test_size", note), quote(plan, "product.task")))


# What a test set is counted in: whole inputs, each holding many of the things a class may be counted in.
_WHOLES = Lexicon("""
    slide, slides, document, documents, image, images, photo, photos, picture, pictures, page, pages
    scan, scans, pdf, pdfs, file, files, clip, clips, recording, recordings, video, videos, frame, frames
    email, emails, letter, letters, report, reports, form, forms, tile, tiles, sample, samples
    invoice, invoices, contract, contracts, call, calls
""")
# What a class may be counted in inside a whole input: a grain on a slide, an object in an image, a line.
_PART = re.compile(
    r"\b(?:per|each|every|for each|for every|one per|one label per|a label per)\s+(?:[a-z-]+\s+)?"
    r"(grain|object|line|line item|cell|box|bounding box|instance|detection|word|token|span|field|"
    r"sentence|paragraph|particle|colony|defect|lesion|entity|mention|region|pixel|character|insect|"
    r"seed|fruit|animal|individual|vehicle|person|face|tree|plant|fish|crack|bird)s?\b",
    re.IGNORECASE,
)


def _units_apart(plan: Plan) -> tuple[str, str] | None:
    """(what the test set counts, what the rarest class is counted in) when the answers say they
    differ: 600 slides against a share of pollen grains, documents against a share of lines."""
    part = None
    for text in (plan.product.output, plan.product.label):
        found = _PART.search(text or "")
        if found:
            part = found.group(1).lower()
            break
    if part is None:
        return None
    for text in (plan.done.eval_set, *(source.name for source in plan.constraints.data.sources)):
        if re.search(rf"\b{part}s?\b", text or "", re.IGNORECASE):
            return None  # the test set is counted in the class's own unit
        wholes = _WHOLES.find_all(text)
        if wholes:
            return wholes[0], part
    return None


# A label set this large (codes, tags, a vocabulary) has a long tail by nature: its rarest label is no
# rare class to count examples of, and the rare-class rules stay quiet on it.
MANY_LABELS = 100

_LABEL_SET = Lexicon("""
    # codes, # labels, # classes, # categories, # tags, # intents, # products, # skus, # headings
    # * codes, # * labels, # * classes, # * categories, # * tags, # * headings
    thousands of codes, thousands of labels, thousands of classes, thousands of categories
    thousands of tags, extreme multi-label, extreme classification
""")


def many_labels(plan: Plan) -> bool:
    """Whether the model chooses among so many labels (the outcomes listed, or `12,000 codes` in the
    answers on its output and label) that its rarest one is the long tail, not a rare class."""
    if len(plan.product.outcomes) >= MANY_LABELS:
        return True
    for text in (plan.product.output, plan.product.label):
        for found in _LABEL_SET.find_all(text):
            count = found.split(" ")[0].replace(",", "")
            if not count[0].isdigit() or float(count) >= MANY_LABELS:
                return True
    return False


def has_classes(plan: Plan) -> bool:
    """Whether the model chooses among classes: a regression has none, nor a forecast of amounts (a
    forecast that lists classes among its outcomes, rain or no rain, has them)."""
    if plan.product.task is TaskType.regression:
        return False
    return plan.product.task is not TaskType.forecasting or len(plan.product.outcomes) >= 2


_AMOUNT = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|k|m|bn)?\b", re.IGNORECASE)
_TIMES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def _labelled_are_the_rare(plan: Plan, rare: float) -> bool:
    """Whether the answers say the labelled examples are the rare class itself: a text naming the labelled
    count beside a total it is about the rarest share of (`41,000 lines out of 21 million`)."""
    labelled = plan.constraints.data.labeled_count or 0
    texts = [plan.product.label, *(source.name for source in plan.constraints.data.sources)]
    for text in texts:
        amounts = [
            float(number.replace(",", "")) * _TIMES.get((unit or "").lower(), 1)
            for number, unit in _AMOUNT.findall(text or "")
            if number.replace(",", "").replace(".", "", 1).isdigit()
        ]
        if any(abs(amount - labelled) <= 0.1 * labelled for amount in amounts) and any(
            total > labelled and rare / 3 <= labelled / total <= rare * 3 for total in amounts
        ):
            return True
    return False


@rule(
    "unversioned-data",
    Category.data,
    likelihood=3,
    impact=3,
    move=_VERSION_RAW_DATA,
    fires=(Case({"constraints.data.versioned": False}, evidence=("constraints.data.versioned: false",)),),
    quiet=(
        Case(  # a hosted model prompted with the message alone: no source feeds it
            {
                "constraints.data.versioned": False,
                "constraints.compute.hosted_model": "GPT-4o through the company's Azure tenant",
                "product.inputs": "The customer's email, pasted into the prompt with the reply template.",
            }
        ),
    ),
)
def unversioned_data(plan: Plan) -> Evidence:
    """Raw data is not versioned.

    Results cannot be reproduced or compared once the data under them has changed, and an
    overwrite loses training data for good.

    Mitigation: Snapshot raw data read-only with a version per training run, and record which
    version each model saw.
    """
    if prompted_alone(plan):
        return None  # a prompted model that retrieves nothing and trains on nothing: no source to version
    return answer_is(plan, "constraints.data.versioned", False)


def nothing_trained(plan: Plan) -> bool:
    """Whether nothing is trained on the plan's data: a hosted model prompted, alone or drafting from an
    index, with no fine-tune named. Its labelled cases only evaluate it, so no split of them can leak into
    training; an index holding the test's own answers is another check (`answers-in-the-index`)."""
    if not prompted(plan) or _embeds_for_a_model(plan):
        return False
    paths = ["product.inputs", "product.output", "constraints.data.differences_note", *source_paths(plan)]
    paths.append("constraints.compute.hosted_model")
    return not any(LEARNS.find(answer_at(plan, path)) for path in paths)


def _embeds_for_a_model(plan: Plan) -> bool:
    """Whether the hosted model only turns text into vectors that a model trained on the data reads (`an
    embedding model for the free-text fields`): it is the features, not the predictor, and the predictor
    is trained. A generator's, or one that searches an index by them, is retrieval, not features."""
    if plan.product.task in (TaskType.generation, TaskType.extraction):
        return False
    texts = [answer_at(plan, path) for path in ("constraints.compute.hosted_model", "product.inputs")]
    said = any(EMBEDS_FOR_A_MODEL.find(text) for text in texts)
    return said and not any(READS_OR_LEARNS.find(text) for text in texts)


def past_outputs_kept(plan: Plan) -> bool:
    """Whether the records hold people's own past outputs for the task by the thousand (labels that exist
    or were made by hand, 1,000 or more): the hard cases and the human yardstick can be read, not redone."""
    data = plan.constraints.data
    made_by_people = {LabelSource.existing, LabelSource.manual} & set(data.labels)
    return bool(made_by_people) and (data.labeled_count or 0) >= 1000


def todays_job_kept(plan: Plan) -> bool:
    """Whether the task is people's job today and 1,000+ of their outputs are kept (labels that exist or were
    made by hand): the product augments or improves today's work (or the answer names people), today's
    solution names neither nobody nor a machine, and today's performance is not said to be unmeasured.
    The hard cases and the human yardstick are in those records: read them against the truth, not redo."""
    product = plan.product
    today = product.current_solution
    if not past_outputs_kept(plan) or not today or says_nothing(today) or mentions(today, NOBODY):
        return False
    said = product.current_performance
    if isinstance(said, str) and said.strip() and (says_nothing(said) or mentions(said, NOBODY)):
        return False  # nobody compared today's outputs with the truth: working cases by hand shows how
    if mentions(today, PEOPLE):
        return True
    return product.mode in (Mode.augment, Mode.improve) and not mentions(today, TODAY_BY_MACHINE)


def prompted_alone(plan: Plan) -> bool:
    """Whether the product prompts a hosted model that neither retrieves from nor trains on any source: no
    retrieval, index or fine-tune named where the inputs, the output and the sources are said."""
    if not prompted(plan):
        return False
    paths = ["product.inputs", "product.output", "constraints.data.differences_note", *source_paths(plan)]
    paths.append("constraints.compute.hosted_model")
    return not any(READS_OR_LEARNS.find(answer_at(plan, path)) for path in paths)


def _no_vendor_feed(name: str) -> bool:
    """Whether a source bought or hosted outside is, by its name, no vendor's running data: the team's own
    records in a tool (our tickets in Zendesk), a platform's export of them, a fixed reference list, or a
    market's own record of its prices (an auction's clock results)."""
    return bool(
        OWN_RECORDS.find(name)
        or PLATFORM_EXPORT.find(name)
        or STATIC_REFERENCE.find(name)
        or MARKET_RECORD.find(name)  # the market's own prices: the same figures every participant reads
    )


@rule(
    "vendor-data",
    Category.data,
    likelihood=2,
    impact=3,
    move=_VERSION_RAW_DATA,
    fires=(
        Case(
            {"constraints.data.sources[0].acquisition": "vendor", "constraints.data.versioned": None},
            evidence=('constraints.data.sources[0].name: "ERP invoice history since 2019" (vendor)',),
        ),
        Case(
            {"constraints.data.labels": "vendor", "constraints.data.versioned": None},
            evidence=('constraints.data.labels: ["vendor"]',),
        ),
        Case(  # nobody has checked how deliveries are kept: unknown, as unanswered
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.versioned": "not checked",
            },
            evidence=('constraints.data.sources[0].name: "ERP invoice history since 2019" (vendor)',),
        ),
        Case(  # each delivery versioned: low
            {"constraints.data.sources[0].acquisition": "vendor"},
            evidence=(
                'constraints.data.sources[0].name: "ERP invoice history since 2019" (vendor)',
                "constraints.data.versioned: true",
            ),
        ),
        Case(  # a standard feed many buyers share: low
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.sources[0].name": "National weather service forecasts, as issued",
                "constraints.data.versioned": None,
            },
            evidence=(
                'constraints.data.sources[0].name: "National weather service forecasts, as issued" (vendor, a '
                "standard feed)",
            ),
        ),
    ),
    quiet=(
        Case(  # the team's own records carry the cases and the labels; a vendor supplies one side input
            {
                "constraints.data.sources": [
                    {"name": "Completed jobs since 2021 with inventory forms", "acquisition": "own"},
                    {"name": "Crew tablet times since 2021", "acquisition": "own"},
                    {"name": "Route planner distances", "acquisition": "vendor"},
                ],
            }
        ),
        Case(  # the team's own records, which a SaaS tool hosts
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.sources[0].name": "Our support tickets in Zendesk, 2021-2024",
            }
        ),
        Case(  # a tool's export of the team's own records
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.sources[0].name": "Newsletter platform export (sends, opens, clicks)",
            }
        ),
        Case(  # a fixed reference list, bought once
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.sources[0].name": "Guild garment weight dictionary (800 entries)",
            }
        ),
        Case(  # the market's own record of its prices, on subscription
            {
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.data.sources[0].name": "Fish auction clock results, 2016-2025 (subscription)",
            }
        ),
    ),
)
def vendor_data(plan: Plan) -> Evidence:
    """Depends on a vendor's data.

    A vendor can change formats, definitions or quality, raise prices or stop delivering, and
    the model degrades without warning.

    Mitigation: Keep versioned copies of each delivery, check schema and distributions on arrival,
    and agree change notice in the contract.
    """
    data = plan.constraints.data
    # The team's own records that a SaaS tool hosts or exports, and a fixed reference list bought once,
    # are not a vendor's running data.
    vendors = [
        (index, bool(STANDARD_FEED.find(source.name)))
        for index, source in enumerate(data.sources)
        if source.acquisition is Acquisition.vendor and not _no_vendor_feed(source.name)
    ]
    found = [
        quote(
            plan, f"constraints.data.sources[{index}].name", "vendor, a standard feed" if feed else "vendor"
        )
        for index, feed in vendors
    ]
    labels = answer_is(plan, "constraints.data.labels", LabelSource.vendor)
    if not found and not labels:
        return None
    if not labels and _side_input(plan, len(vendors)):
        return None  # the team's own records carry the cases and the labels; a vendor adds one side input
    if not labels and all(feed for _, feed in vendors):  # a feed many buyers share is seldom redefined
        return Tempered(2, found)
    if data.versioned is True:  # each delivery kept: a change can be found and rolled back
        return Tempered(2, (*found, *(labels or ()), quote(plan, "constraints.data.versioned")))
    return (*found, *(labels or ()))


def _side_input(plan: Plan, vendors: int) -> bool:
    """Whether the vendor's data is a side input: the first (main) source is the team's own, own sources
    outnumber the vendor's, and no answer says the data is not versioned. The model then learns from the
    team's own records; a vendor's change to one side input shows as one input drifting, not as a model
    built on someone else's data."""
    data = plan.constraints.data
    own = sum(source.acquisition is Acquisition.own for source in data.sources)
    return (
        bool(data.sources)
        and data.sources[0].acquisition is Acquisition.own
        and own > vendors
        and data.versioned is not False
    )


@rule(
    "data-still-to-collect",
    Category.data,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {"constraints.data.sources[0].acquisition": "to_collect"},
            evidence=('constraints.data.sources[0].name: "ERP invoice history since 2019" (to collect)',),
        ),
    ),
)
def data_still_to_collect(plan: Plan) -> Evidence:
    """Some data does not exist yet.

    Data that is still to be collected comes late, costs more than planned, and may not look like
    what was hoped for.

    Mitigation: Collect a small pilot batch first and check volume, quality and labels before
    committing the schedule.
    """
    found = tuple(
        quote(plan, f"constraints.data.sources[{index}].name", "to collect")
        for index, source in enumerate(plan.constraints.data.sources)
        if source.acquisition is Acquisition.to_collect
    )
    return found or None


# Words saying the privacy review a plan with personal data needs is already done.
PRIVACY_DONE = Lexicon("""
    dpia approved, dpia completed, dpia signed off, dpia done, dpia in place, approved dpia, completed dpia
    dpia was approved, dpia has been approved, privacy review done, privacy review completed
    privacy review approved, privacy review passed, signed off by the dpo, dpo signed off, dpo approved
    approved by the dpo, approved by our dpo, data protection officer approved, lawful basis documented
    legitimate interest assessment, covered by the privacy notice, covered by our privacy notice
    under the existing privacy notice, data processing agreement signed, dpa signed, consent recorded
    with marketing consent, who gave consent, who consented, consent is recorded, consent is handled
""")


# Words naming the legal basis of the processing, and an agreement with whoever hosts or processes the
# data: said together, the privacy groundwork the risk asks for is laid.
_LEGAL_BASIS = Lexicon("""
    legal basis, lawful basis, legitimate interest, legitimate interests, public task, statutory duty
    contractual necessity, explicit consent, informed consent
""")
_PROCESSING_AGREEMENT = Lexicon("""
    processing agreement, processing agreements, data processing agreement, processor agreement
    data processing addendum, hosting agreement, hosting contract, processor contract, dpa in place
    dpa signed, signed dpa, dpa with, standard contractual clauses, data sharing agreement
    business associate agreement, baa in place, baa signed, signed baa, under a baa
    under a dpa, under the dpa, under our dpa, under their dpa, covered by a dpa, covered by the dpa
    covered by our dpa, the client's dpa, the clients' dpa, data processing contract
""")


def _groundwork_said(plan: Plan) -> bool:
    """Whether the plan's notes state both a legal basis and an agreement with the host or processor."""
    return handled(plan, _LEGAL_BASIS) and handled(plan, _PROCESSING_AGREEMENT)


# Words saying what the model reads is summed over people: no row is a person.
_AGGREGATE_ONLY = Lexicon("""
    aggregated, aggregate counts, aggregate figures, aggregates only, only aggregates, aggregated counts
    counts per district, counts per postcode district, totals per district, totals per region
    counts per region, totals per store, counts per store, no individual records, no person-level
""")


# A privacy assessment said to be done, in any order: `the DPIA has been signed off`, `approved DPIA`.
_ASSESSMENT = r"(?:dpia|pia|privacy (?:impact )?assessment|data protection impact assessment|privacy review)"
_ASSESSED = r"(?:signed off|signed|approved|completed|complete|done|passed|in place|agreed|cleared)"
_PRIVACY_ASSESSED = re.compile(
    rf"\b{_ASSESSMENT}\b[^.;]{{0,40}}?\b{_ASSESSED}\b|\b{_ASSESSED}\s+(?:a|an|the|our)?\s*{_ASSESSMENT}\b",
    re.IGNORECASE,
)
_NOT_YET = re.compile(r"\b(?:not|no|pending|awaiting|yet|will be|to be|before)\b", re.IGNORECASE)


def _texts(value: object) -> list[str]:
    """Every text a plan's answers hold, nested lists and records included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def privacy_assessed(plan: Plan) -> bool:
    """Whether any answer says a DPIA or privacy assessment is signed off (not pending or yet to come)."""
    if Governance.privacy_review in plan.product.governance:
        return True
    for text in _texts(plan.model_dump(mode="json")):
        found = _PRIVACY_ASSESSED.search(text)
        if found and not _NOT_YET.search(found.group(0)):
            return True
    return False


@rule(
    "personal-data",
    Category.ethics,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {"constraints.data.personal_data": True, "constraints.compute.hosted_model": "A hosted LLM API."},
            evidence=("constraints.data.personal_data: true",),
            also=frozenset({"hosted-model-unpinned"}),
        ),
        Case(  # the review it asks for is done: low, a note
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "press_release.faq": [
                    {"question": "Is it lawful?", "answer": "Yes: the DPIA was approved in May."}
                ],
            },
            evidence=("constraints.data.personal_data: true", "the plan says its privacy review is done"),
        ),
        Case(  # a DPIA signed off, said in the note on the data: low, a note
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "constraints.data.differences_note": "The DPIA has been signed off by the council's DPO.",
            },
            evidence=("constraints.data.personal_data: true", "the plan says its privacy review is done"),
        ),
        Case(  # a legal basis and a hosting agreement stated: low, a note for the privacy record
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "press_release.faq": [
                    {
                        "question": "Is it lawful?",
                        "answer": "Legal basis: public task. A data processing agreement covers the host.",
                    }
                ],
            },
            evidence=(
                "constraints.data.personal_data: true",
                "the plan states a legal basis and a processing agreement",
            ),
        ),
        Case(  # allowed by contract, hosted in the own tenancy under a named processing agreement: low
            {
                "constraints.data.personal_data": True,
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "An LLM in our Azure tenant (BAA in place).",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.leaves_organisation: "allowed"',
                'constraints.compute.hosted_model: "An LLM in our Azure tenant (BAA in place)." (in the '
                "organisation's own tenancy, under baa in place)",
            ),
        ),
        Case(  # allowed by contract, a hosted API with no agreement named: still raised
            {
                "constraints.data.personal_data": True,
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted LLM API.",
            },
            evidence=("constraints.data.personal_data: true",),
        ),
        Case(  # allowed by contract, a hosted API under a named DPA: low, a note for the privacy record
            {
                "constraints.data.personal_data": True,
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted transcription API, EU region, under a signed DPA.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.leaves_organisation: "allowed"',
                'constraints.compute.hosted_model: "A hosted transcription API, EU region, under a signed DPA." '
                "(under signed dpa)",
            ),
        ),
        Case(  # a legal basis alone, no word on the processor: still raised
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "press_release.faq": [{"question": "Is it lawful?", "answer": "Legal basis: public task."}],
            },
            evidence=("constraints.data.personal_data: true",),
        ),
        Case(  # the organisation's own records, kept in-house: low, a note for the privacy record
            {"constraints.data.personal_data": True},
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.leaves_organisation: "stays" (kept in-house, from the organisation\'s own '
                "records)",
            ),
        ),
        Case(  # what the model reads is counts per district: low, a note
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted forecasting API.",
                "product.inputs": "Weekly visits counts per postcode district from the booking system.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'product.inputs: "Weekly visits counts per postcode district from the booking system." '
                "(aggregated over people: counts per postcode district)",
            ),
            also=frozenset({"hosted-black-box"}),
        ),
        Case(  # a hosted model in the organisation's own tenancy, the data said to stay: low, a note
            {
                "constraints.data.personal_data": True,
                "constraints.data.leaves_organisation": "stays",
                "constraints.data.sources[0].acquisition": "vendor",
                "constraints.compute.hosted_model": "A GPT-4o deployment in our own Azure tenancy.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.leaves_organisation: "stays" (kept in-house)',
                'constraints.compute.hosted_model: "A GPT-4o deployment in our own Azure tenancy." (in the '
                "organisation's own tenancy)",
            ),
        ),
        Case(  # beside the own records, only a platform's export of them and a fixed reference list: low
            {
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Member orders since 2019", "acquisition": "own"},
                    {"name": "Newsletter platform export (sends, opens, clicks)", "acquisition": "vendor"},
                    {"name": "Guild garment weight dictionary (800 entries)", "acquisition": "vendor"},
                ],
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.leaves_organisation: "stays" (kept in-house, from the organisation\'s own '
                "records)",
            ),
        ),
        Case(  # one source describes living people: the privacy review applies
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "constraints.data.sources": [
                    {"name": "Shipping manifests", "acquisition": "own", "about_people": False},
                    {"name": "Crew contracts", "acquisition": "own", "about_people": True},
                ],
            },
            evidence=("constraints.data.personal_data: true",),
        ),
    ),
    quiet=(
        Case(  # every source is said to describe nobody living (burial registers, 1700-1850)
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM API.",
                "constraints.data.sources": [
                    {"name": "Parish burial registers 1700-1850", "acquisition": "own", "about_people": False}
                ],
            },
        ),
        Case(  # the sources a writer's inputs name describe nobody; the unused export does
            {
                "product.task": "generation",
                "product.inputs": "The caller's question and passages from the product manuals.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Product manuals", "acquisition": "own", "about_people": False},
                    {"name": "Old complaints export", "acquisition": "own", "about_people": True},
                ],
            },
        ),
    ),
)
def personal_data(plan: Plan) -> Evidence:
    """The data holds personal data.

    Privacy law, retention rules and a data-protection review apply, and an unfinished review can
    stop a launch late.

    Mitigation: Start the privacy review now; minimise, pseudonymise and set retention for the data
    the model learns from or is sent (prompts, logs, examples); record who may access it.
    """
    found = answer_is(plan, "constraints.data.personal_data", True)
    if found and nobody_described(sources_in_use(plan)):
        return None  # the team says no source the model reads describes a living person
    data, compute = plan.constraints.data, plan.constraints.compute
    leaves = data.leaves_organisation
    hosted = (
        compute.hosted_model
        and not says_nothing(compute.hosted_model)
        and compute.vendor_black_box is not True
    ) or compute.hosted
    own = bool(data.sources) and all(
        source.acquisition is Acquisition.own or _no_vendor_feed(source.name) for source in data.sources
    )
    if found and (handled(plan, PRIVACY_DONE) or privacy_assessed(plan)):  # the review is done: a note
        return Tempered(1, (*found, "the plan says its privacy review is done"))
    if found and _groundwork_said(plan):  # a legal basis and a processing agreement: a note, not a risk
        return Tempered(1, (*found, "the plan states a legal basis and a processing agreement"))
    if found and own and not hosted and leaves in (None, DataLeaves.stays):
        # The organisation's own records, kept in-house for the work they were collected for: a note for
        # the privacy record (lawful basis, retention), not a risk to the project.
        where = "constraints.data.leaves_organisation" if leaves else "constraints.data.sources"
        return Tempered(1, (*found, quote(plan, where, "kept in-house, from the organisation's own records")))
    paths = ("product.inputs", *(f"constraints.data.sources[{i}].name" for i in range(len(data.sources))))
    summed = first_said(plan, paths, _AGGREGATE_ONLY)
    if found and summed and leaves not in (DataLeaves.not_checked, DataLeaves.not_allowed):
        # what the model reads is summed over people (counts per district): nobody is identifiable in it
        note = f"aggregated over people: {', '.join(summed[1])}"
        return Tempered(1, (*found, quote(plan, summed[0], note)))
    inside = not hosted or bool(OWN_TENANCY.find(compute.hosted_model))
    if found and leaves is DataLeaves.stays and inside:
        # The team says the data stays, and any hosted model runs in the organisation's own tenancy: data
        # bought in or hosted there does not leave; a note for the privacy record, not a risk.
        said = (quote(plan, "constraints.compute.hosted_model", "in the organisation's own tenancy"),) * bool(
            hosted
        )
        return Tempered(
            1, (*found, quote(plan, "constraints.data.leaves_organisation", "kept in-house"), *said)
        )
    agreed = _PROCESSING_AGREEMENT.find_all(compute.hosted_model) if hosted and inside else ()
    if found and leaves is DataLeaves.allowed and agreed:
        # The contracts allow the data to go where it goes, the hosted model runs in the organisation's own
        # tenancy, and its processing agreement is named: the groundwork is laid; a note, not a risk.
        note = f"in the organisation's own tenancy, under {', '.join(agreed)}"
        return Tempered(
            1,
            (
                *found,
                quote(plan, "constraints.data.leaves_organisation"),
                quote(plan, "constraints.compute.hosted_model", note),
            ),
        )
    covered = first_said(
        plan,
        ("constraints.compute.hosted_model", *source_paths(plan), *faq_paths(plan)),
        _PROCESSING_AGREEMENT,
    )
    if found and covered and leaves in (DataLeaves.allowed, DataLeaves.stays):
        # The team says where the data goes is allowed, or that it stays, and names the processing agreement
        # that covers it (a DPA with the client or the host): the groundwork is laid; a note, not a risk.
        note = f"under {', '.join(covered[1])}"
        return Tempered(
            1, (*found, quote(plan, "constraints.data.leaves_organisation"), quote(plan, covered[0], note))
        )
    return found


# Shapes where the action goes to the cases the model scores highest: the ones the history shows treated.
_RANKS_WHO_IS_ACTED_ON = (ActionShape.top_of_queue, ActionShape.threshold, ActionShape.up_to_capacity)

_RANKED_FIRST = 'product.action_shape: "threshold" (the action goes to the cases the model ranks first)'

_HANDLE_THE_ACTIONS_IN_THE_HISTORY = Move(
    "Handle the actions already in the history before the first model",
    "Today's process acted on the cases it judged riskiest, so the history shows them with fewer bad "
    "outcomes and a model trained on it learns they are safe: keep whether and when each case was treated "
    "as an input, fit among the untreated, or start a small randomised share now; once live, keep a share "
    "out of the model's hands, or log every action and what it found",
    "danger",
    first=True,
)


@rule(
    "feedback-loop",
    Category.model,
    likelihood=4,
    impact=4,
    move=_HANDLE_THE_ACTIONS_IN_THE_HISTORY,
    instead=(ACTION_PRODUCES, HOLDING_BACK_COSTS, WITHHOLDING_CARE),
    fires=(
        Case(
            {"constraints.data.model_decides_labels": True, "constraints.data.outcome_recorded_for": None},
            evidence=("constraints.data.model_decides_labels: true (no exploration or holdout share given)",),
        ),
        Case(
            {"constraints.data.outcome_recorded_for": "changed_by_action", "product.mode": "automate"},
            evidence=(
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting on a prediction changes '
                "the outcome the model learns from; the history already holds today's actions: the cases it treated show "
                "fewer bad outcomes, so the riskiest look safe) (no exploration or holdout share given)",
                _RANKED_FIRST,
            ),
        ),
        Case(  # the action brings the outcome about: the history shows who was acted on, not who would buy
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.mode": "automate",
                "product.label": "Sale closed within 30 days.",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "changed_by_action" (the label, sale, is an outcome '
                "the action brings about: the history records it mostly where someone acted, so a model "
                "trained on it learns who was acted on, not who would respond) (no exploration or holdout "
                "share given)",
                _RANKED_FIRST,
            ),
        ),
        Case(  # people act on each flag, and the flags go to the cases the model ranks first: high even so
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.action_shape": "top_of_queue",
            }
        ),
        Case(  # people still take each decision: medium
            {"constraints.data.outcome_recorded_for": "changed_by_action", "product.action_shape": None},
            evidence=(
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting on a prediction changes '
                "the outcome the model learns from; the history already holds today's actions: the cases it treated show "
                "fewer bad outcomes, so the riskiest look safe) (no exploration or holdout share given)",
                'product.mode: "augment" (where holding the action back costs too much, log each action and '
                "what it found instead)",
            ),
        ),
        Case(
            {
                "constraints.data.model_decides_labels": True,
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                "constraints.data.model_decides_labels: true",
                "constraints.data.exploration_share: 0",
            ),
        ),
        Case(  # a missed case pays for it: the advice adds cases below the cut, holding none back
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.mode": "automate",
                "impact.error_severity": "severe",
                "impact.costlier_error": "false_negative",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting on a prediction changes '
                "the outcome the model learns from; the history already holds today's actions: the cases it treated show "
                "fewer bad outcomes, so the riskiest look safe) (no exploration or holdout share given)",
                _RANKED_FIRST,
                'impact.error_severity: "severe" (a case held back from the action pays for it)',
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.model_decides_labels": True, "constraints.data.exploration_share": 0.05}),
        Case({"product.task": "ranking"}),
        Case({"constraints.data.model_decides_labels": True}),  # the newer answer: every case is recorded
    ),
)
def feedback_loop(plan: Plan) -> Evidence:
    """The action shapes the outcomes: the history is confounded now, and the loop closes once live.

    Where acting changes the outcome (a call, a repair, an inspection), today's process has already
    acted on the cases it judged riskiest: they show fewer bad outcomes, and a first model trained on
    that history learns the riskiest are safe. Once live, ranking, blocking or acting decides which
    cases ever get an outcome; the model trains on its own choices and looks better than it is.

    Mitigation: Before the first model, keep whether each case was treated as an input, or fit among the
    untreated. Keep a randomised exploration or holdout share (a few percent) out of the model's hands,
    starting now; log what was shown or done, and evaluate on that share.
    """
    data = plan.constraints.data
    decides = data.model_decides_labels
    if plan.impact.period is Period.once:
        return None  # a job run once over a backlog is not retrained on what it chose: no loop closes
    if data.outcome_recorded_for is not None:  # the newer answer wins over the older yes/no
        if data.outcome_recorded_for is not OutcomeRecorded.changed_by_action:
            return None  # every case recorded; or only chosen cases, which selective-labels raises
        note = produced_note(plan) or (
            "acting on a prediction changes the outcome the model learns from; the history already holds "
            "today's actions: the cases it treated show fewer bad outcomes, so the riskiest look safe"
        )
        found = [quote(plan, "constraints.data.outcome_recorded_for", note)]
    elif decides is False:
        return None
    elif decides is None:
        # Ranking and recommendation decide what is seen by their nature, given behaviour labels.
        task = plan.product.task
        if task not in (TaskType.ranking, TaskType.recommendation) or not mentions(
            plan.product.label, BEHAVIOUR
        ):
            return None
        found = [quote(plan, "product.task"), quote(plan, "product.label")]
    else:
        found = [quote(plan, "constraints.data.model_decides_labels")]
    share = kept_out(plan)
    if share is not None and share > 0:
        return None
    if share is None:
        found[-1] += " (no exploration or holdout share given)"
    else:
        found.extend(steered_share(plan) or (quote(plan, "constraints.data.exploration_share"),))
    acted = data.outcome_recorded_for is OutcomeRecorded.changed_by_action
    costly = held_back_at_a_cost(plan)  # then the advice adds cases below the cut, holding none back
    shape = plan.product.action_shape
    if acted and shape in _RANKS_WHO_IS_ACTED_ON:
        # the action goes to exactly the cases the model will rank first: those the history shows as
        # treated, and safer than they are; the plan breaks there, whoever acts
        ranked = quote(plan, "product.action_shape", "the action goes to the cases the model ranks first")
        return (*found, ranked, costly) if costly else (*found, ranked)
    if acted and plan.product.mode in (Mode.augment, Mode.improve):  # the loop runs through people
        # who act on each flag; where holding an action back costs too much, their log is the label
        note = "where holding the action back costs too much, log each action and what it found instead"
        if costly:
            return Tempered(3, (*found, quote(plan, "product.mode", "people act on each flag"), costly))
        return Tempered(3, (*found, quote(plan, "product.mode", note)))
    return (*found, costly) if costly else tuple(found)


@rule(
    "decision-hides-outcome",
    Category.model,
    likelihood=3,
    impact=4,
    move=_KEEP_A_SHARE_OUT_OF_THE_MODELS_HANDS,
    instead=(HOLDING_BACK_COSTS, WITHHOLDING_CARE),
    ask="does the decision hide the outcome the model learns from?",
    fires=(
        Case(
            {
                "constraints.data.model_decides_labels": None,
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run." '
                "(hold: a case it stops never shows its outcome)",
                'constraints.data.labels: ["outcomes"] (labels then exist only for what the model lets '
                "through: is that so, and what share is kept out of its hands?)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.model_decides_labels": None}),  # the auditors label every pair
        Case({"constraints.data.model_decides_labels": None, "constraints.data.labels": ["outcomes"]}),
        Case(
            {
                "constraints.data.model_decides_labels": None,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.exploration_share": 0.05,
            }
        ),
        Case(
            {
                "constraints.data.model_decides_labels": None,
                "constraints.data.labels": ["outcomes"],
                "product.decision": "Put likely duplicates first in the clerks' review queue.",
            }
        ),
    ),
)
def decision_hides_outcome(plan: Plan) -> Evidence:
    """The decision may hide the outcome the model learns from.

    A case the model blocks, holds, declines or removes never shows what would have happened (a held
    payout gets no chargeback, a declined loan no default); labels then exist only for what it let
    through, so it cannot measure its own misses and retraining drifts.

    Mitigation: Keep a small random share out of the model's hands (or have people review a random
    sample of what it stopped), log it, and measure and retrain on that share.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for is not None or data.model_decides_labels is not None:
        return None  # answered: selective-labels and feedback-loop reason from the answer
    if (kept_out(plan) or 0) > 0:
        return None
    verb = mentions(plan.product.decision, WITHHOLDS)
    if verb is None or LabelSource.outcomes not in data.labels:
        return None
    return Hint(
        (verb,),
        (
            quote(plan, "product.decision", f"{verb}: a case it stops never shows its outcome"),
            quote(
                plan,
                "constraints.data.labels",
                "labels then exist only for what the model lets through: is that so, and what share is "
                "kept out of its hands?",
            ),
        ),
    )


_SCOPE_PATHS = ("product.inputs", "product.users", "product.decision", "product.goal", "impact.bottleneck")


def _origin_and_scope(plan: Plan) -> tuple[tuple[str, ...], str, str | None] | None:
    """A data source that names a narrow origin (one or two sites, one device, phone photos, a pilot),
    quoted, and the answer that names a wider scope for the product, if any; first the words said."""
    for index, source in enumerate(plan.constraints.data.sources):
        hits = NARROW_ORIGIN.find_all(source.name)
        if hits and live_too(plan):  # simulated or synthetic data the product works on too: no narrower
            hits = tuple(hit for hit in hits if not NOT_LIVE.find(hit))
        if not hits:
            continue
        origin = quote(
            plan,
            f"constraints.data.sources[{index}].name",
            f"the data comes from {', '.join(hits)}: will the product see only that?",
        )
        scope = wider_scope(plan, source.name, _SCOPE_PATHS)
        if scope:
            path, wide = scope
            return (*hits, *wide), origin, quote(plan, path, f"the product meets {', '.join(wide)}")
        return hits, origin, None
    return None


@rule(
    "data-narrower-than-product",
    Category.data,
    likelihood=3,
    impact=4,
    move=_TEST_WHERE_THE_PRODUCT_RUNS,
    ask="will the product meet only the setting the data comes from?",
    fires=(
        Case(
            {
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.differences": None,
                "constraints.data.sources[0].name": "Invoices of one pilot site, 2024",
            },
            evidence=(
                'constraints.data.sources[0].name: "Invoices of one pilot site, 2024" (the data comes from '
                "one pilot site: will the product see only that?)",
            ),
        ),
    ),
    quiet=(
        Case(  # simulated data the product itself works on: not narrower than what it sees
            {
                "constraints.data.sources[0].name": "Simulated data of bumper designs from the solver",
                "product.inputs": "Design parameters and the solver's simulated load cases.",
            }
        ),
        Case({"constraints.data.sources[0].name": "Invoices of one pilot site, 2024"}),  # team says alike
        Case(  # "phone" and "one line" that name no narrow origin
            {
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.sources[0].name": "Labelled phone call transcripts, one line per call",
            }
        ),
        Case(
            {
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.sources[0].name": "ERP invoices of all 12 subsidiaries since 2019",
            }
        ),
    ),
)
def data_narrower_than_product(plan: Plan) -> Evidence:
    """The data may come from a narrower setting than the product serves.

    Data from one or two sites, one device, phone photos or a pilot carries that setting's quirks
    (lighting, angle, scanner, population); the test score then says little about the sites and
    devices the product will meet.

    Mitigation: Ask whether the product sees only what the data saw; if not, label a test set from
    the other sites and devices (or the real capture setup) before trusting any score.
    """
    # With a wider scope stated as well, the facts contradict each other: test-set-not-like-product.
    if plan.constraints.data.test_set_reflects_product is not None or plan.constraints.data.differences:
        return None  # the team answered whether the data is like production
    found = _origin_and_scope(plan)
    if found is None or found[2] is not None:
        return None
    return Hint(found[0], found[1:2])


def units_recur(plan: Plan) -> bool:
    """Whether production predicts again for the units its data holds: the team said few or no cases are
    new, or the output is each unit's next weeks (`incidents on the site in the next four weeks`) and no
    new ones are said. Then the split it meets is by time; holding whole units out tests newcomers it
    rarely sees."""
    newcomers = plan.constraints.data.newcomers
    if newcomers in (Newcomers.many, Newcomers.all_new) or _new_series(plan):
        return False
    if CAPTURED & set(plan.product.data_kinds):
        return False  # frames of one flight or session are near-copies whatever the product meets
    if newcomers in (Newcomers.none, Newcomers.few):
        return True
    return horizon(plan.product.output) is not None  # unanswered or not checked: each unit's next weeks


# A forecast of the series the data holds and of new ones: both tests, in one move.
NEW_AND_KNOWN_SERIES = Instead(
    lambda plan: (
        plan.done.split is Split.random
        and plan.product.task in (TaskType.forecasting, TaskType.recommendation, TaskType.anomaly_detection)
        and (_new_series(plan) or meets_newcomers(plan))
    ),
    Move(
        "Split by time, and hold out whole units for the new ones",
        "Live, the model forecasts later periods of the units it holds and of units it has never seen; "
        "test both: train before a cutoff and test after it, with a few whole units kept out of training "
        "to stand for the new ones, scored apart",
        "info",
    ),
    "Train before a cutoff and test after it, keeping a few whole units out of training to stand for the new "
    "ones, and report the known and the new units apart.",
)

UNITS_RECUR = Instead(
    lambda plan: plan.done.split is Split.random and units_recur(plan),
    SPLIT_BY_TIME,
    "Split by time: train before a cutoff and test on what came after it, the test production meets as it "
    "predicts later periods of the same units; score the known units and the few new ones apart, a few "
    "whole units held out of training standing for the new.",
)


def _recurring(plan: Plan) -> str:
    """What the evidence adds when production meets the same units again: the answer that says so."""
    if not units_recur(plan):
        return ""
    newcomers, ahead = plan.constraints.data.newcomers, horizon(plan.product.output)
    known = newcomers in (Newcomers.none, Newcomers.few)
    said = (
        f"newcomers: {newcomers.value}" if known and newcomers else f"the output: {ahead[0] if ahead else ''}"
    )
    return f"; production predicts for the same ones again ({said}): split by time, not by unit"


@rule(
    "random-split-on-grouped-data",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Split by group (all rows of one unit on the same side), not at random",
        "Rows from the same unit (a person, a site, a machine) look alike; a random split puts near-copies in train "
        "and test and the score flatters the model on the new groups the product will meet",
        "info",
    ),
    ask="do rows come in groups that a random split puts on both sides?",
    instead=(NEW_AND_KNOWN_SERIES, UNITS_RECUR),
    fires=(
        Case(  # a forecast whose series are mostly new: the split production meets holds whole units out
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "product.task": "forecasting",
                "constraints.data.newcomers": "many",
            },
            also=frozenset({"random-split-on-time-data", "newcomers-have-no-history"}),
        ),
        Case(  # photos of parts, each a new item: no unit watched over time
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "product.task": "anomaly_detection",
                "product.data_kinds": ["images"],
                "constraints.data.newcomers": "not_checked",
            },
        ),
        Case(  # the team said several rows describe one thing: a fact, high
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one supplier's invoice",
                "constraints.data.newcomers": None,
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one supplier\'s invoice: '
                "split at random, near-copies sit in train and test)",
            ),
        ),
        Case(  # the same hubs met again in production: a leak for the few new ones, medium; split by time
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one charging hub's day",
                "constraints.data.newcomers": "few",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one charging hub\'s day: '
                "split at random, near-copies sit in train and test; production predicts for the same ones "
                "again (newcomers: few): split by time, not by unit)",
            ),
        ),
        Case(  # the same stations met again, but each one's next hours: the test hours' neighbours train it
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one station's hour",
                "constraints.data.newcomers": "few",
                "product.output": "Inflow at each pumping station for each hour of the next 2 days.",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one station\'s hour: split '
                "at random, near-copies sit in train and test; production predicts for the same ones again "
                "(newcomers: few): split by time, not by unit)",
            ),
        ),
        Case(  # most cases are new units: a split by unit is the test production meets
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one trial plot",
                "constraints.data.newcomers": "many",
                "product.output": "Yield of the plot in the next 12 months.",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one trial plot: split at '
                "random, near-copies sit in train and test)",
            ),
        ),
        Case(  # not checked: a low question
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "not_checked",
                "product.inputs": "Invoice totals.",
            },
        ),
        Case(  # recordings from a few fixed microphones, not checked: neighbours share a night and its weather
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "not_checked",
                "product.data_kinds": ["audio"],
                "product.inputs": "Ten-second recordings from the hive microphones.",
                "constraints.data.newcomers": "none",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "not_checked" (not checked, and the rows are recorded in time '
                "order: neighbouring ones share a day, an event and its conditions; a random split puts them on "
                "both sides: hold out whole days, seasons or events)",
            ),
        ),
        Case(
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,
            },
            evidence=(
                'done.split: "random"',
                'product.inputs: "Supplier, invoice number, dates, amounts, currency, line items and ..." '
                "(rows come in groups: supplier)",
            ),
        ),
        Case(
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,  # not said: the words' group may be met anew
                "product.data_kinds": ["images"],
                "product.inputs": "Recent invoices of the month.",
                "product.goal": "No invoice is paid twice.",
                "product.users": "The clerks.",
                "constraints.data.sources[0].name": "Tiles from drone flights over 140 fields",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.sources[0].name: "Tiles from drone flights over 140 fields" '
                "(rows come in groups: flights, fields)",
            ),
            also=frozenset(),
        ),
        Case(  # patients with many visits each
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,  # not said: the words' group may be met anew
                "product.inputs": "Every visit of each patient over five years.",
            },
            evidence=(
                'done.split: "random"',
                'product.inputs: "Every visit of each patient over five years." (rows come in groups: patient)',
            ),
        ),
        Case(  # several rows to an entity, said in words: the entity is the group
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,  # not said: the words' group may be met anew
                "product.inputs": "Several photos of each object, with its catalogue text.",
            },
            evidence=(
                'done.split: "random"',
                'product.inputs: "Several photos of each object, with its catalogue text." (rows come in '
                "groups: object)",
            ),
        ),
        Case(
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,  # not said: the words' group may be met anew
                "product.inputs": "Timesheet lines per employee: hours, project, rate.",
            },
        ),
        Case(  # the vehicle is said as a group beside its attribute: trips per vehicle
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,
                "product.inputs": "Trip records of each vehicle, with the vehicle type and the route.",
            },
        ),
        Case(  # the same hosted model, fine-tuned on the sections: training rows a test row can copy
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one grant application's sections",
                "constraints.data.newcomers": "many",
                "product.task": "generation",
                "product.inputs": "The new section, drafted by a model fine-tuned on our funded grants.",
                "constraints.compute.hosted_model": "Claude through the university's enterprise account.",
            },
            also=frozenset({"generated-facts-unchecked"}),
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one grant application\'s '
                "sections: split at random, near-copies sit in train and test)",
            ),
        ),
        *(
            Case(  # no hosted model, said so or only where the team's own model runs: it is trained (the
                # sound plan meets few new tiles: medium)
                {
                    "done.split": "random",
                    "constraints.data.rows_per_thing": "several",
                    "constraints.data.repeated_unit": "one tile",
                    "constraints.compute.hosted_model": hosted,
                },
            )
            for hosted in ("None: our own small model runs on the line PC.", "Azure cloud, EU region")
        ),
        Case(  # a hosted model only embeds the notes; the ranker over them is trained on the rest
            {
                "done.split": "random",
                "product.task": "ranking",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one household's tenancies",
                "constraints.data.newcomers": "many",
                "constraints.compute.hosted_model": "A hosted embedding model for the caseworkers' notes.",
            },
            also=frozenset({"test-set-misses-newcomers"}),
        ),
        Case(  # a prompted model whose prompt is tuned on a split of the cases: medium
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one applicant's forms",
                "constraints.data.newcomers": "many",
                "constraints.data.labeled_examples": 6000,
                "done.test_size": 1000,
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "several" (several rows describe one applicant\'s forms: '
                "split at random, near-copies sit in train and test)",
                "constraints.data.labeled_examples: 6000 (5,000 labelled cases beside the test's 1,000: what the "
                "prompt and its examples are tuned against)",
            ),
            also=frozenset({"test-set-misses-newcomers"}),
        ),
        Case(  # one row per photo, yet photos share the tray they were taken on: asked, low
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "one",
                "product.data_kinds": ["images"],
            },
            evidence=(
                'done.split: "random"',
                'constraints.data.rows_per_thing: "one" (one row per thing, yet do items share a lot, tray, '
                "room, day or session? split by that)",
            ),
        ),
    ),
    quiet=(
        Case(  # `device type` describes each repair ticket's own device: no rows said to share one
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": None,
                "product.inputs": "Fault description, device type and age, and the date it was handed in.",
            },
        ),
        Case(  # the drivers named are the same ones production meets again (few newcomers): no group to hold out
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "constraints.data.newcomers": "few",
                "product.inputs": "Each delivery's route, van and driver, with the orders of the day.",
            }
        ),
        Case(  # a hosted model prompted alone: no training rows for a test row to copy
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one pupil's essays",
                "product.task": "generation",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API, prompted only.",
            }
        ),
        Case(  # a prompt adjusted on a test that holds every labelled form: no rest to share an applicant
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one applicant's forms",
                "constraints.data.labeled_examples": 60,
                "done.test_size": 60,
                "done.test_used_for": "prompt",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            },
            also=frozenset({"tuned-on-test"}),
        ),
        Case(  # a prompted model whose every labelled case is in the test: nothing tuned on the rest
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one applicant's forms",
                "constraints.data.labeled_examples": 400,
                "done.test_size": 400,
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            }
        ),
        Case(  # a hosted model drafting from an index: nothing trained, the index is another check's
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one grant application's sections",
                "product.task": "generation",
                "product.inputs": "The new section and passages retrieved from our index of funded grants.",
                "constraints.compute.hosted_model": "Claude through the university's enterprise account.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case({"done.split": "group"}),
        Case(  # recordings split by time: whole days on one side
            {
                "done.split": "time",
                "constraints.data.rows_per_thing": "not_checked",
                "product.data_kinds": ["audio"],
            }
        ),
        Case({"done.split": "random"}),  # the team checked: one row per invoice, whatever the words say
        Case(
            {
                "done.split": "group",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one supplier",
            }
        ),
        Case(  # one camera, said elsewhere in the plan: no camera for the product to meet
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "product.data_kinds": ["images"],
                "product.inputs": "Frames from the camera over the belt.",
                "product.goal": "No invoice is paid twice.",
                "product.users": "The clerks.",
                "constraints.data.differences_note": "A single fixed camera over the sorting belt.",
            }
        ),
        Case(
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "product.inputs": "Recent invoices of the month.",
                "product.goal": "No invoice is paid twice.",
                "product.users": "The clerks.",
                "constraints.data.sources[0].name": "Tiles from drone flights over 140 fields",
            }
        ),
        # Words inside other words, and a name: no group is said.
        *(
            Case(
                {
                    "done.split": "random",
                    "constraints.data.rows_per_thing": None,
                    "product.inputs": "Recent invoices of the month.",
                    "product.goal": "No invoice is paid twice.",
                    "product.users": "The clerks.",
                    "product.data_kinds": ["images", "text"],
                    **changes,
                }
            )
            for changes in (
                {"product.inputs": "The shopper's basket and the time of day."},  # shop
                {"product.inputs": "Clinical notes of each admission."},  # clinic
                {"product.inputs": "Star ratings scraped from a review-site."},  # site
                {"product.inputs": "Events logged client-side in the browser."},  # client
                {"product.inputs": "The key drivers of late payment: terms, amount and currency."},  # driver
                {"product.users": "Case handlers in Global Patient Safety."},  # a department, not patients
                {"product.inputs": "The referral letter of each patient."},  # one row a patient, as said
                {"product.users": "Customers of the web shop."},  # who uses it, not what the rows are
                {
                    "product.inputs": "Scanned delivery documents, one image per document."
                },  # a document is one example
                {"product.inputs": "Sensor readings per second from the press."},  # a rate, not an entity
                {"product.inputs": "Damage notes of each return at the warehouse."},  # one site
                {"product.inputs": "Meals served per day, school holidays and the menu."},  # a time of year
                {  # a form's fields are columns of one row, not farm fields photographed
                    "product.inputs": "Claim form fields (policy type, date of loss) and a photo of the damage."
                },
            )
        ),
        Case(  # a recommender for the same customers, met again: split by time (the other rule), not by group
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one customer",
                "product.task": "recommendation",
            },
            also=frozenset({"random-split-on-time-data"}),
        ),
        Case(  # a forecast of the same stores: the series themselves, split by time (the other rule)
            {
                "done.split": "random",
                "constraints.data.rows_per_thing": None,
                "product.task": "forecasting",
                "product.inputs": "Daily sales of each of our 40 stores.",
            },
            also=frozenset({"random-split-on-time-data"}),
        ),
    ),
)
def random_split_on_grouped_data(plan: Plan) -> Evidence:
    """A random split on data that comes in groups.

    Many rows share a patient, customer, store or site; split at random, the test set holds
    near-copies of training rows, and the score says little about the new groups the product meets.
    Where the team said production meets few or no new units (regular customers, repeat items), a
    near-copy flatters only the few new ones: medium, with the known and the new units scored apart;
    unless the output is each unit's next hours or days, where the split draws a test row's neighbours
    and its future from the same stretch of time into training: high, split by time.

    Mitigation: Split by group (every row of one unit on the same side), and by time
    as well when the product predicts the future.
    """
    if plan.done.split is not Split.random:
        return None
    if nothing_trained(plan):
        # a prompted model: no training rows for a test row to copy, unless its prompt is tuned on the cases
        tuned = tuned_on_cases(plan)
        if _test_holds_every_case(plan):
            return None  # no rest for a group to straddle: a prompt tuned on the test is tuned-on-test's
        return as_tuned(_grouped_split(plan), tuned) if tuned else None
    return _grouped_split(plan)


def _test_holds_every_case(plan: Plan) -> bool:
    """Whether the test set holds every labelled case: a split at random leaves nothing on the other side."""
    count, size = plan.constraints.data.labeled_count, plan.done.test_size
    return count is not None and size is not None and size >= count


def _grouped_split(plan: Plan) -> Evidence:
    """random-split-on-grouped-data's reading of a random split, for a model that learns from the rest."""
    rows = plan.constraints.data.rows_per_thing
    if rows is RowsPerThing.one:  # the team checked: each thing has one row; but pictures and recordings
        # of different things still share what they were captured in (a lot, a tray, a room, a session)
        if not CAPTURED & set(plan.product.data_kinds):
            return None
        note = "one row per thing, yet do items share a lot, tray, room, day or session? split by that"
        return Tempered(1, (quote(plan, "done.split"), quote(plan, "constraints.data.rows_per_thing", note)))
    if serves_known(plan):
        # the same customers or series met again, from their own history: a split by time is the right one
        # (random-split-on-time-data asks for it), not a split by group
        return None
    if rows is RowsPerThing.several:  # the team said so: a fact, whatever the words
        unit = repeated_unit(plan)
        note = f"several rows describe {unit}: split at random, near-copies sit in train and test{_recurring(plan)}"
        found = (quote(plan, "done.split"), quote(plan, "constraints.data.rows_per_thing", note))
        if plan.constraints.data.newcomers in (Newcomers.none, Newcomers.few) and units_recur(plan):
            if horizon(plan.product.output) is not None:
                # each unit's next hours or days, from rows a split at random draws from the same stretch of
                # time: the test rows' neighbours, and their future, sit in training, whether or not the unit
                # recurs live; the score is that of a model that saw the answers
                return found
            # separate events of units it meets again (a regular's orders): a near-copy flatters only the
            # few new ones
            return Tempered(3, found)
        return found
    if rows is RowsPerThing.not_checked and STREAMED & set(plan.product.data_kinds):
        # clips, frames or readings recorded in time order: neighbours share a day, an event and its
        # conditions (light, water, weather), whatever the team finds of rows per thing
        note = (
            "not checked, and the rows are recorded in time order: neighbouring ones share a day, an event "
            "and its conditions; a random split puts them on both sides: hold out whole days, seasons or events"
        )
        return Tempered(3, (quote(plan, "done.split"), quote(plan, "constraints.data.rows_per_thing", note)))
    guessed = _grouped_in_words(plan)
    if guessed or rows is not RowsPerThing.not_checked:
        return guessed
    note = "not checked whether several rows describe one thing: a random split would put near-copies on both sides"
    return Tempered(1, (quote(plan, "done.split"), quote(plan, "constraints.data.rows_per_thing", note)))


def _grouped_in_words(plan: Plan) -> Evidence:
    """The groups the answers name, when rows come in groups a random split puts on both sides. Where the
    team said production meets few or no new units, a person or place the words name (the driver on a job)
    is one it meets again: the words guess no group to hold out (frames and recordings aside: frames of one
    camera or session are near-copies whatever the product meets)."""
    known = plan.constraints.data.newcomers in (Newcomers.none, Newcomers.few)
    if known and not CAPTURED & set(plan.product.data_kinds):
        return None
    # Who uses the product, and its goal, say nothing of what the rows are.
    paths = ["product.inputs", "product.label"]
    paths += source_paths(plan)
    media = bool(CAPTURED & set(plan.product.data_kinds))
    for path in paths:
        # where examples are cut from is said in the inputs, the label and the sources, not the goal
        origin = media and path not in ("product.goal", "product.users")
        text = answer_at(plan, path)
        words = GROUPS.find_all(text)
        # `one hospital`, `the same fixed cameras`: no other group for the product to meet
        single = {word for phrase in ONE_GROUP.find_all(text) for word in phrase.split()}
        # one camera said anywhere in the plan: its frames share no camera with other rows
        single |= {"camera", "cameras"} if _one_camera(plan) else set()
        words = tuple(word for word in words if word not in single)
        if words and not _rows_repeat(plan, text):  # `patients` alone: one row each, or many?
            words = tuple(word for word in words if word not in PERSONS.find_all(text))
            # `vehicle details` describes each case's own vehicle: no group unless said elsewhere too
            named = {phrase.split()[0] for phrase in GROUP_ATTRIBUTES.find_all(text)}
            words = tuple(word for word in words if word not in named or _said_apart(word, text))
        words = words or (MEDIA_SOURCES.find_all(text) if origin else ())
        words = words or _rows_per_entity(text)
        if words:
            return Hint(
                words,
                (quote(plan, "done.split"), quote(plan, path, f"rows come in groups: {', '.join(words)}")),
            )
    return None


# Data recorded as a stream in time order (clips, recordings, readings): neighbours share their day.
STREAMED = frozenset({DataKind.video, DataKind.audio, DataKind.time_series})

_ONE_CAMERA = re.compile(
    r"\b(?:one|a single|single|only one|just one|1)\s+(?:[a-z-]+\s+){0,3}?camera\b(?!s)"
    r"(?!\s+(?:per|on each|in each|at each|for each|on every|in every|at every)\b)",
    re.IGNORECASE,
)


def serves_known(plan: Plan) -> bool:
    """Whether the product predicts for the things its data already holds, from each one's own history:
    a recommender for its customers, a forecast of its fixed series. Production meets them again, so a
    split by time is the one it meets, not a split by group (new stores or a cold start aside)."""
    known = plan.product.task in (TaskType.recommendation, TaskType.forecasting, TaskType.anomaly_detection)
    if not known or _new_series(plan) or meets_newcomers(plan):
        return False  # many or all cases new: a split by group is the test production meets
    # an anomaly detector watches the same machines over time; photos or recordings of parts are new items
    media = bool(CAPTURED & set(plan.product.data_kinds))
    recur = plan.constraints.data.newcomers in (Newcomers.none, Newcomers.few)
    return not (plan.product.task is TaskType.anomaly_detection and media and not recur)


def meets_newcomers(plan: Plan) -> bool:
    """Whether the team said many or all of the cases production meets are new (`newcomers`)."""
    return plan.constraints.data.newcomers in (Newcomers.many, Newcomers.all_new)


def _new_series(plan: Plan) -> bool:
    """Whether a forecast must serve series the data does not hold (new stores, sites to open)."""
    return any(NEW_SERIES.find(text) for _, text in text_answers(plan.product.model_dump(mode="json")))


def _one_camera(plan: Plan) -> bool:
    """Whether the plan says its images come from a single camera ('a single fixed camera over the belt')."""
    return any(_ONE_CAMERA.search(text) for _, text in text_answers(plan.model_dump(mode="json")))


def _rows_per_entity(text: str | None) -> tuple[str, ...]:
    """The entities that rows come several to, as said: `lines per employee`, `several photos of each object`."""
    said = words_of(text or "")
    found = []
    for phrase in ROWS_PER.find_all(text):
        size = len(phrase.split())
        for start in range(len(said) - size):
            window = said[start : start + size]
            if window == tuple(phrase.split()):
                entity = said[start + size]
                if entity != BOUNDARY and not is_number(entity) and not PER_UNIT.find(entity):
                    found.append(entity)
    return tuple(dict.fromkeys(found))


def _said_apart(word: str, text: str | None) -> bool:
    """Whether a group word is said at least once other than as an attribute of the case (`vehicle`)."""
    return Lexicon(word, unless=", ".join(GROUP_ATTRIBUTES.entries)).find(text) is not None


def _rows_repeat(plan: Plan, text: str | None) -> bool:
    """Whether the answers say a person gives many rows: a history, visits, transactions, a time series."""
    return DataKind.time_series in plan.product.data_kinds or bool(REPEATED.find(text))


@rule(
    "future-inputs",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Ask whether each input is known when the prediction is made (forecasts as issued, not observed values)",
        "A backtest fed the observed weather, prices or demand of the period it predicts uses tomorrow's "
        "facts; live, only yesterday's forecast of them exists, so the backtest flatters the model",
        "info",
    ),
    ask="is each input known when the forecast is made?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "product.inputs": "Past sales, holidays and the temperature of each day.",
            },
            evidence=(
                'product.task: "forecasting"',
                'product.inputs: "Past sales, holidays and the temperature of each day." '
                "(observed only after the fact: temperature)",
            ),
        ),
        Case(  # the backtest reads the prices as they settled; live, only their forecast exists
            {
                "product.task": "forecasting",
                "product.inputs": "Past load, the calendar and the day-ahead price forecast.",
                "done.eval_set": "Backtest over 2024 fed the realised prices of each hour.",
            },
            evidence=(
                'done.eval_set: "Backtest over 2024 fed the realised prices of each hour." (known only after '
                "the fact: realised prices)",
                'product.inputs: "Past load, the calendar and the day-ahead price forecast." (live, the '
                "product reads price forecast)",
            ),
        ),
        Case(  # ticked: observed in the data, only forecast live
            {
                "product.task": "forecasting",
                "product.inputs": "Past heat demand and the outdoor temperature per hour.",
                "constraints.data.differences": ["forecast_inputs"],
            },
            evidence=(
                'constraints.data.differences: ["forecast_inputs"] (observed values in training, forecasts '
                "live: the backtest flatters)",
            ),
        ),
        Case(  # ticked, and the backtest answered as fed the observed values
            {
                "product.task": "forecasting",
                "product.inputs": "Past hydro output per plant and the inflow to each reservoir.",
                "constraints.data.differences": ["forecast_inputs"],
                "constraints.data.backtest_feeds": "observed",
            },
            evidence=(
                'constraints.data.differences: ["forecast_inputs"] (observed values in training, forecasts '
                "live: the backtest flatters)",
            ),
        ),
        Case(  # another series' actual values for the predicted week
            {
                "product.task": "forecasting",
                "product.inputs": "Warehouse picks per day and the stores' actual sales of the same week.",
            },
        ),
        Case(  # another market's price for the predicted day
            {
                "product.task": "forecasting",
                "product.inputs": "Past deliveries and the fuel price of each day.",
            },
        ),
        Case(  # yesterday's count feeds a forecast 10 to 16 days ahead
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day, 10 to 16 days ahead.",
                "product.inputs": "Yesterday's invoice count per supplier and the payment calendar.",
            },
            evidence=(
                'product.output: "Duplicate invoices expected per day, 10 to 16 days ahead." (the forecast '
                "covers 10 to 16 days ahead: up to 16 days ahead)",
                'product.inputs: "Yesterday\'s invoice count per supplier and the payment calendar." (yesterday: '
                "1 day before the day predicted, but at 16 days ahead the newest value known is 16 days old: "
                "counted from the day the forecast is made?)",
            ),
        ),
        Case(  # last week's value feeds a forecast three months ahead
            {
                "product.task": "forecasting",
                "product.output": "Loans per library branch for each of the next 3 months.",
                "product.inputs": "Last week's loans per branch and the school holiday calendar.",
            },
            evidence=(
                'product.output: "Loans per library branch for each of the next 3 months." (the forecast '
                "covers next 3 months: up to 90 days ahead)",
                'product.inputs: "Last week\'s loans per branch and the school holiday calendar." (last week: '
                "7 days before the day predicted, but at 90 days ahead the newest value known is 90 days old: "
                "counted from the day the forecast is made?)",
            ),
        ),
        Case(  # the lead is only in the answer: yesterday's litres are not known 10 days before
            {
                "product.task": "forecasting",
                "product.output": "Litres of milk sold per store each day.",
                "product.inputs": "Litres sold per store yesterday, prices and holidays.",
                "product.lead_days": 10,
            },
            evidence=(
                "product.lead_days: 10 (the decision: the forecast is made 10 days before the day predicted)",
                'product.inputs: "Litres sold per store yesterday, prices and holidays." (yesterday: recorded 1 '
                "day before the day predicted; within the 10 days lead: not known when the forecast is made; a "
                "backtest fed it overstates accuracy)",
            ),
        ),
        Case(  # every lag shorter than the lead is named with both figures
            {
                "product.task": "forecasting",
                "product.output": "Tonnes of feed delivered per farm each day.",
                "product.inputs": "Tonnes delivered with a 7-day lag, the total of the previous 3 days and the "
                "farm's herd size.",
                "product.lead_days": 14,
            },
            evidence=(
                "product.lead_days: 14 (the decision: the forecast is made 14 days before the day predicted)",
                'product.inputs: "Tonnes delivered with a 7-day lag, the total of the previous 3 days..." '
                "(7-day lag: recorded 7 days before the day predicted; previous 3 days: recorded 1 day before the "
                "day predicted; each is within the 14 days lead: not known when the forecast is made; a backtest "
                "fed it overstates accuracy)",
            ),
        ),
        Case(  # lags counted in the weekly series' steps, for a forecast made 12 weeks ahead
            {
                "product.task": "forecasting",
                "product.output": "Swimmers per pool session for each week of the next quarter.",
                "product.inputs": "Pool, session time, lag-1 and lag-4 swimmers per session, school holidays.",
                "product.lead_days": 84,
            },
            evidence=(
                "product.lead_days: 84 (the decision: the forecast is made 84 days before the day predicted)",
                'product.inputs: "Pool, session time, lag-1 and lag-4 swimmers per session, school ho..." '
                "(lag-1: recorded 7 days before the day predicted; lag-4: recorded 28 days before the day "
                "predicted; each is within the 84 days lead: not known when the forecast is made; a backtest fed "
                "it overstates accuracy)",
            ),
        ),
        Case(  # lags listed in weeks, against the lead the decision's words say
            {
                "product.task": "forecasting",
                "product.output": "Swimmers per pool session for each week of the next quarter.",
                "product.inputs": "Pool, session time and swimmers in the same session 1, 4 and 8 weeks earlier.",
                "product.decision": "The session timetable is published 12 weeks ahead from the forecast.",
            },
        ),
        Case(  # a station's readings of the week forecast, for a forecast made 7 days ahead
            {
                "product.task": "forecasting",
                "product.lead_days": 7,
                "product.inputs": "Lagged weekly sales per kiosk, and the weather station's readings of "
                "temperature and sunshine for the week.",
            },
            evidence=(
                'product.task: "forecasting"',
                'product.inputs: "Lagged weekly sales per kiosk, and the weather station\'s readings o..." '
                "(observed only after the fact: weather, temperature, sunshine; the forecast is made 7 days ahead: is "
                "each of these the value observed on the day forecast?)",
            ),
        ),
    ),
    quiet=(
        Case(  # lags as long as the lead: known when the forecast is made
            {
                "product.task": "forecasting",
                "product.output": "Swimmers per pool session for each week of the next quarter.",
                "product.inputs": "Pool, session time, lag-13 and lag-52 swimmers per session, school holidays.",
                "product.lead_days": 84,
            }
        ),
        Case(  # the answered lead: counts from 14 days before are known when the forecast is made 10 ahead
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day.",
                "product.inputs": "Invoice counts per supplier lagged by 14 days, and the payment calendar.",
                "product.lead_days": 10,
            }
        ),
        Case(  # last month's value for a forecast of the next week: known when the forecast is made
            {
                "product.task": "forecasting",
                "product.output": "Covers per restaurant for each of the next 7 days.",
                "product.inputs": "Last month's covers per restaurant and the bookings calendar.",
            }
        ),
        Case({"product.inputs": "Past sales, holidays and the temperature of each day."}),
        Case(  # the label's own history, named as the source: not an input observed later
            {
                "product.task": "forecasting",
                "product.inputs": "Past picks per day and the promotions calendar.",
                "constraints.data.sources[0].name": "Actual sales by store, 2020-2025",
            }
        ),
        Case(  # another series' past values: known when predicting
            {
                "product.task": "forecasting",
                "product.inputs": "Warehouse picks per day and the last eight weeks of actual sales per store.",
            }
        ),
        Case(  # the network's own traffic, read up to the day of prediction
            {
                "product.task": "forecasting",
                "product.inputs": "Alarms, power readings and traffic of each base station up to the day of "
                "prediction.",
            }
        ),
        Case(  # ticked, and trained on the forecasts as they were issued
            {
                "product.task": "forecasting",
                "constraints.data.differences": ["forecast_inputs"],
                "constraints.data.differences_note": "We train on the archived forecasts, not the observations.",
            }
        ),
        Case(  # ticked, and the backtest feeds a stand-in known at each prediction, scored apart
            {
                "product.task": "forecasting",
                "product.inputs": "Past hydro output per plant and the inflow to each reservoir.",
                "constraints.data.differences": ["forecast_inputs"],
                "constraints.data.backtest_feeds": "both",
            }
        ),
        Case(  # ticked, and the backtest feeds the forecasts as issued
            {
                "product.task": "forecasting",
                "product.inputs": "Ambulance calls per hour and the temperature.",
                "constraints.data.differences": ["forecast_inputs"],
                "constraints.data.backtest_feeds": "as_issued",
            }
        ),
        Case(  # the backtest reads the forecasts as they were issued
            {
                "product.task": "forecasting",
                "product.inputs": "Past load, the calendar and the day-ahead price forecast.",
                "done.eval_set": "Backtest over 2024 fed the price forecasts as issued each morning.",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.inputs": "Past sales, holidays and the temperature forecast as issued the day before.",
            }
        ),
        Case(  # weather for the predicted day as it was archived in the morning: known when predicting
            {
                "product.task": "forecasting",
                "product.inputs": "Past sales, and tomorrow's temperature and rain, archived each morning.",
            }
        ),
        Case(  # a live reading of the product's own process, up to the moment of prediction
            {
                "product.task": "forecasting",
                "product.inputs": "The furnace's temperature so far in this run, and the current gas flow.",
            }
        ),
        Case(  # the counts lagged as far as the forecast reaches
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day, 10 to 16 days ahead.",
                "product.inputs": "Invoice counts per supplier lagged by 16 days, and the payment calendar.",
            }
        ),
        Case(  # an anomaly detector scores what was observed: the day's temperature is no future input
            {
                "product.task": "anomaly_detection",
                "product.data_kinds": ["time_series"],
                "product.inputs": "Gas use per hour and the temperature of each day.",
            }
        ),
        Case(  # a detection scores the dryer's own readings up to now: no period ahead is an input
            {
                "product.task": "detection",
                "product.data_kinds": ["time_series", "tabular"],
                "product.lead_days": 0,
                "product.inputs": "Dryer air temperature and humidity every minute up to unloading.",
            }
        ),
        Case(  # a warning days ahead, every input said known when the model predicts
            {
                "product.task": "classification",
                "product.data_kinds": ["time_series"],
                "product.lead_days": 3,
                "product.inputs_known_after": ["none"],
                "product.inputs": "Barn temperature, humidity and water flow.",
            }
        ),
        Case(  # a sensor's reading at the moment of prediction is not a forecast of the weather
            {
                "product.task": "forecasting",
                "product.inputs": "Bearing temperature and vibration readings from the pump sensors.",
            }
        ),
    ),
)
def future_inputs(plan: Plan) -> Evidence:
    """A forecast fed inputs that are only observed after the fact.

    Weather, market prices or traffic for the period being predicted are not known when the
    prediction is made, only forecasts of them are; trained and backtested on the observed values,
    the model looks better than it can be live.

    Mitigation: For every input, write down when its value is known; train and backtest on forecasts
    as they were issued (or on lagged values), never on what was observed in the predicted period.
    """
    if Difference.later_inputs in plan.constraints.data.differences:
        return None  # said: inputs-after-prediction raises it
    if Difference.forecast_inputs in plan.constraints.data.differences:
        return _forecast_inputs_ticked(plan)
    heard = hindsight_in_the_notes(plan)
    if heard:
        return heard
    lagged, observed = lag_within_lead(plan), _observed_later(plan)
    # an input the team named as known after the prediction is said once, by inputs-after-prediction
    if isinstance(lagged, Hint) and named_late(plan, lagged.words):
        lagged = None
    if observed is not None and named_late(plan, observed[0]):
        observed = None
    if isinstance(lagged, Hint) and observed is not None:  # both: the lags with their figures, then the words
        words, said = observed
        return Hint((*lagged.words, *words), (*lagged, said))
    if lagged:
        return lagged
    if observed is None:
        return None
    words, said = observed
    forecast = answer_is(plan, "product.task", TaskType.forecasting)
    return Hint(words, (*(forecast or (quote(plan, "product.data_kinds"),)), said))


def _forecast_inputs_ticked(plan: Plan) -> Evidence:
    """The team's tick that some inputs are observed in the data but only forecast live, as a fact; None
    where a note says training already reads the forecasts as issued."""
    data = plan.constraints.data
    if data.backtest_feeds in _FED_AS_KNOWN:
        return None  # the backtest feeds what is known at each prediction: scored as it will run live
    if TRAINED_ON_ISSUED.find(data.differences_note) or TRAINED_ON_ISSUED.find(plan.product.inputs):
        return None  # trained on the forecasts as issued: what the tick's risk asks for
    kinds = [Difference.forecast_inputs]
    return differences_quote(
        plan, kinds, "observed values in training, forecasts live: the backtest flatters"
    )


# A backtest fed, for the inputs only forecast live, values known at each prediction (alone, or scored apart
# beside the observed ones): the score reads what the live model will read.
_FED_AS_KNOWN = (BacktestFeeds.as_issued, BacktestFeeds.stand_in, BacktestFeeds.both)


def _observed_later(plan: Plan) -> tuple[tuple[str, ...], str] | None:
    """The words of an input observed only after the fact in a forecast (the weather, prices of the period
    predicted), and the quote naming them; None where the plan says they are as issued, or where the answers
    say the model reads no period ahead (see `_reads_the_period_ahead`)."""
    if not _reads_the_period_ahead(plan):
        return None
    lead = structured_lead(plan)
    paths = ["product.inputs", "product.current_solution"]
    paths += source_paths(plan)
    if any(_as_known(answer_at(plan, path)) for path in paths):
        return None
    for path in paths:
        text = answer_at(plan, path)
        words = OBSERVED_LATER.find_all(text)
        if path != "product.inputs":  # a source or today's way of `actual sales` is the label, not an input
            words = tuple(word for word in words if not OTHER_SERIES.find(word))
        # A sensor's temperature is read when predicting, not a weather forecast; but for a forecast made
        # days ahead, a reading of the day forecast is not taken yet either.
        if SENSOR.find(text) and lead is None:
            words = tuple(word for word in words if word not in MEASURED_NOW.find_all(text))
        if words:
            note = f"observed only after the fact: {', '.join(words)}"
            if lead is not None:
                note += f"; the forecast is made {lead.words}: is each of these the value observed on the day forecast?"
            return words, quote(plan, path, note)
    return None


def _reads_the_period_ahead(plan: Plan) -> bool:
    """Whether the model predicts a period ahead whose own values (its weather, prices) may sit among the
    inputs: a forecast; or an amount over a time series predicted ahead (no task, or a regression, with a
    lead above 0), unless the team answered that no input is recorded after the prediction. A detection or a
    classification scores what has been recorded up to now: its readings are no future input."""
    task = plan.product.task
    if task is TaskType.forecasting:
        return True
    if task not in (None, TaskType.regression) or DataKind.time_series not in plan.product.data_kinds:
        return False
    lead = plan.product.lead_range()
    return not plan.product.none_known_after() and (lead is None or lead[1] > 0)


def _as_known(text: str | None) -> bool:
    """Whether `text` says its inputs are fed as known when predicting (`as issued`, `point in time`); a lag
    (`lagged deliveries`) says so of its own series only, not of the weather beside it."""
    return any(word.lower() not in _LAG_WORDS for word in AS_KNOWN.find_all(text))


_LAG_WORDS = ("lagged",)


def hindsight_in_the_notes(plan: Plan) -> Evidence:
    """A reanalysis, hindcast or observed values in the team's notes on the data (its sources, the note
    on differences, the hard cases, the FAQ answers, the inputs), while the product reads forecasts:
    a question naming both, whatever the task, whether the differences are answered or not."""
    data = plan.constraints.data
    paths = ["product.inputs", "constraints.data.differences_note"]
    paths += [f"constraints.data.sources[{index}].name" for index in range(len(data.sources))]
    paths += [f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases))]
    paths += faq_paths(plan)
    paths += truth_paths(plan)  # a backtest run on what was observed: the evaluation flatters the model
    texts = [(path, text) for path in paths if isinstance(text := answer_at(plan, path), str)]
    if any(TRAINED_ON_ISSUED.find(text) for _, text in texts):
        return None
    reads = next(((path, words) for path, text in texts if (words := READS_FORECASTS.find_all(text))), None)
    for path, text in texts:
        words = HINDSIGHT.find_all(text)
        if path.endswith("].name"):  # a source of `sales actuals` is the label, not an input
            words = tuple(word for word in words if word != "actuals")
        if words and reads:
            where, forecasts = reads
            note = f"known only after the fact: {', '.join(words)}"
            return Hint(
                (*words, *forecasts),
                (
                    quote(plan, path, note),
                    quote(plan, where, f"live, the product reads {', '.join(forecasts)}"),
                ),
            )
    return None
