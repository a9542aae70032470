"""Rules on what the record leaves out, from the answers on how things really work.

A lead asks how the recorded outcome can fall short of what happened (`constraints.data.outcome_limits`):
a default for the cases nobody looked at, a case that ends another way before its outcome (a record of
reports is weighed in negatives.py); and whether one thing fills several rows (`constraints.data.rows_per_thing`), so
that a split by time still puts it on both sides. A capped record is weighed by capped-outcomes, a random
split of repeated rows by random-split-on-grouped-data, and a change over the data's period
(`constraints.data.changes`, read in periodchange.py) by label-standard-changed.
"""

from __future__ import annotations

from planner.judgement.rules import survivors
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.data import serves_known
from planner.judgement.rules.evidence import (
    first_said,
    handled,
    limit_ticked,
    quote,
    repeated_unit,
)
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import DEFAULT_HANDLED, EXITS_KEPT, SPANS_TIME
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    PICKING_TASKS,
    ActionShape,
    Category,
    Newcomers,
    OutcomeLimit,
    OutcomeRecorded,
    Picks,
    Plan,
    RowsPerThing,
    Split,
    TaskType,
)

_RANKS = (ActionShape.top_of_queue, ActionShape.threshold, ActionShape.up_to_capacity)


def _picks_who_is_looked_at(plan: Plan) -> str | None:
    """The answer that says the model's output decides which cases people look at: a cut-off or the top
    of a queue, or a ranking."""
    if plan.product.action_shape in _RANKS:
        return quote(plan, "product.action_shape", "the model's output decides which cases get looked at")
    if plan.product.task is TaskType.ranking:
        return quote(plan, "product.task", "the model's order decides which cases get looked at")
    return None


@rule(
    "default-marks-unlooked",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Drop the defaulted cases, or label a random sample of them",
        "A default given to the cases nobody looked at records where attention went, not the truth: keep "
        "them out of training and evaluation (or have a random sample of them looked at), and keep a "
        "random share of cases looked at whatever the model says",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.outcome_limits": ["default_filled"]},
            evidence=(
                'constraints.data.outcome_limits: ["default_filled"] (cases nobody looked at get a default: '
                "the default records attention, not the truth)",
                'product.action_shape: "threshold" (the model\'s output decides which cases get looked at)',
                'constraints.data.outcome_recorded_for: "every_case" (answered, yet the cases nobody looked '
                "at carry a default, not their outcome)",
            ),
        ),
        Case(  # a forecast of amounts: the default is a selective label, not the model's own loop
            {
                "constraints.data.outcome_limits": ["default_filled"],
                "product.action_shape": "every_item",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
            also=frozenset({"selective-labels"}),
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case(
            {
                "constraints.data.outcome_limits": ["default_filled"],
                "product.label": "The auditors' duplicate flag; defaulted cases excluded from training and "
                "evaluation.",
            }
        ),
    ),
)
def default_marks_unlooked(plan: Plan) -> Evidence:
    """Cases nobody looked at carry a default label.

    A default ('not fraud', 'no defect', 'closed') given to the cases nobody examined dresses selective
    labels as complete ones: the default records where today's process put its attention, not what was
    true. Where the model's output then decides which cases get looked at, it learns to confirm its own
    neglect: what it ranks low is never examined, keeps its default, and teaches the next model the same.

    Mitigation: Drop the defaulted cases from training and evaluation, or have a random sample of them
    looked at and labelled; keep a random share of cases looked at whatever the model says (exploration),
    and evaluate on cases whose outcome was examined.
    """
    said = limit_ticked(plan, OutcomeLimit.default_filled)
    if said is None or handled(plan, DEFAULT_HANDLED):
        return None
    found = [said]
    loop = _picks_who_is_looked_at(plan)
    if loop:
        found.append(loop)
    if plan.constraints.data.outcome_recorded_for is OutcomeRecorded.every_case:
        found.append(
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "answered, yet the cases nobody looked at carry a default, not their outcome",
            )
        )
    explored = (kept_out(plan) or 0) > 0
    if loop and not explored:
        return tuple(found)  # the model decides what is looked at, and nothing random breaks the loop
    return Tempered(3, found)


@rule(
    "outcome-ends-another-way",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep the cases that ended another way, with how and when",
        "A model trained on the cases that reached the outcome learns from a biased few: frame it as "
        "survival or competing risks, or define the label to include the other exits, and evaluate on a "
        "cohort followed to the end",
        "warning",
    ),
    instead=(survivors.WORST_LEAVE, survivors.EXITS_UNKNOWN, survivors.ON_THE_EVENT, survivors.WHICH_LEFT),
    ask="do some cases leave another way before the outcome, so the model learns only from those that "
    "reached it?",
    fires=(
        Case(
            {"constraints.data.outcome_limits": ["other_exits"]},
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
            ),
        ),
        Case({"done.eval_set": "1,000 resolved investigations from 2024."}),  # only the closed ones: asked
        Case(  # ticked, with the share that leaves early
            {"constraints.data.outcome_limits": ["other_exits"], "constraints.data.left_early_share": 0.3},
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
                "constraints.data.left_early_share: 0.3 (30% of the cases that enter leave before their "
                "outcome: the model learns from the other 70%; score it on the whole entering cohort, with "
                "leaving as an outcome of its own or modelled)",
            ),
        ),
        Case(  # ticked, but the label is measured on the event itself: a note, not a survival framing
            {
                "constraints.data.outcome_limits": ["other_exits"],
                "constraints.data.left_early_share": 0.25,
                "product.task": "regression",
                "product.label": "Minutes each surgery took, from the theatre log.",
            },
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
                'product.task: "regression" (a quantity measured on the event itself: a case that never '
                "reaches it has none, but one that left because it was extreme has its result elsewhere or "
                "beyond what was seen: which left?)",
            ),
        ),
        Case(  # a quantity on the event, but the extreme cases leave for another record: joined or censored
            {
                "constraints.data.outcome_limits": ["other_exits"],
                "constraints.data.exits_which": "worst_kept_elsewhere",
                "product.task": "regression",
                "product.label": "Tensile strength of each weld coupon at the lab.",
            },
            evidence=(
                'constraints.data.outcome_limits: ["other_exits"] (some cases end another way first: their '
                "outcome is never seen)",
                'constraints.data.exits_which: "worst_kept_elsewhere" (the cases that leave are the extreme '
                "ones: the data keeps the mild ones, and a model and a score built on them flatter where it "
                "matters most)",
            ),
        ),
        Case(  # not ticked: the label exists only for lots sold, and the pain says others are withdrawn
            {
                "product.task": "regression",
                "product.label": "The price each lot sold for at the auction.",
                "product.pain": "About 18% of lots are withdrawn unsold.",
            },
            evidence=(
                'product.label: "The price each lot sold for at the auction." (lot sold: known only for the '
                "cases that reached the outcome; the model never sees those that left before it)",
                'product.pain: "About 18% of lots are withdrawn unsold." (withdrawn, unsold: some cases leave '
                "before the outcome; 18% leave another way, so the training cases are at most the other 82%; "
                "what will the model say of them, and are they in the test?)",
                'constraints.data.outcome_limits: ["none"] (answered: nothing limits the record; its own words '
                "say some cases leave before the outcome)",
            ),
        ),
        Case(  # a window too, but some cars are withdrawn by their owners before it closes: an exit
            {
                "product.task": "regression",
                "product.label": "The price each used car sold for within 60 days of listing, otherwise 0.",
                "product.negative_label": ["outcome_absent"],
                "product.pain": "Many cars do not sell; about 10% are withdrawn by their owners first.",
            }
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case(  # the label's window makes a car that never sells within it a negative, not a car that left
            {
                "product.task": "regression",
                "product.label": "The price each used car sold for within 60 days of listing, otherwise 0.",
                "product.negative_label": ["outcome_absent"],
                "product.pain": "Many cars do not sell and go back to auction after 60 days.",
            }
        ),
        Case(  # the price items sold for, and every unsold item kept with how it left
            {
                "product.task": "regression",
                "product.label": "The price each lot sold for at the auction.",
                "product.pain": "About 18% of lots are withdrawn unsold.",
                "constraints.data.differences_note": "Withdrawn lots are kept, censored at their reserve.",
            }
        ),
        Case(  # the price items sold for, and nothing says any item leaves unsold
            {"product.task": "regression", "product.label": "The price each lot sold for at the auction."}
        ),
        Case(
            {
                "constraints.data.outcome_limits": ["other_exits"],
                "constraints.data.differences_note": "Suppliers that closed are kept as censored; a competing "
                "risks model.",
            }
        ),
        Case({"done.eval_set": "Every investigation opened in 2024, open and closed, to its end."}),
        Case(  # a reply written at the start of each case exists whether or not the case has closed
            {"product.task": "generation", "product.label": "The adviser's first reply, in closed cases."}
        ),
        Case(  # the share given, and withdrawals kept as an outcome of their own
            {"constraints.data.outcome_limits": ["other_exits"], "constraints.data.left_early_share": 0.3}
            | {"done.eval_set": "The whole entering cohort of 2023, withdrawn dogs as an outcome of its own."}
        ),
    ),
)
def outcome_ends_another_way(plan: Plan) -> Evidence:
    """Some cases end another way before their outcome is seen.

    A customer who leaves, a patient who moves, an account that closes before the outcome: their outcome
    is never recorded. Trained on the cases that reached an outcome, or with the others counted as 'no',
    the model learns a biased picture (censoring, competing risks), and most for the cases that matter.

    Mitigation: Keep every case with how and when it ended; frame the task as survival or competing
    risks, or define the label to include the other exits (within a fixed window); evaluate on a cohort
    followed to the end.
    """
    said = limit_ticked(plan, OutcomeLimit.other_exits)
    if said is None:  # not ticked: the words say it
        return survivors.left_before_the_outcome(plan) or survivors.only_closed_cases(plan)
    if handled(plan, EXITS_KEPT):
        return None
    return survivors.exits_ticked(plan, said)


@rule(
    "thing-straddles-time-cut",
    Category.model,
    likelihood=2,
    impact=3,
    move=Move(
        "Check that no repeated thing falls on both sides of the time cut",
        "Rows of one customer, site or repeat report before and after the cut put part of the same thing "
        "in training and in test: drop or group them at the boundary, or split by the thing as well",
    ),
    fires=(
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "constraints.data.newcomers": "many",
            },
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows describe one patient: it lasts '
                "over time)",
                'done.split: "time" (a thing with rows before and after the cut is on both sides)',
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.rows_per_thing": "one"}),
        Case(  # the product meets the same patients again: their later rows are a fair test
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "constraints.data.newcomers": "few",
            }
        ),
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one invoice scan",
            }
        ),
        Case(
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one patient",
                "done.split": "group",
            }
        ),
        Case(  # a recommender reads each customer's own history and meets the same customers again
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one customer",
                "product.task": "recommendation",
            }
        ),
        Case(  # electricians ranked for call-outs: the product ranks the same roster again, few join
            {
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one electrician (many call-outs)",
                "product.task": "ranking",
                "product.picks": "providers",
                "constraints.data.new_supply_share": 0.03,
            }
        ),
    ),
)
def thing_straddles_time_cut(plan: Plan) -> Evidence:
    """A thing with several rows over time can sit on both sides of a time split.

    Split by time, the test set still holds later rows of the customers, sites or reported events whose
    earlier rows trained the model; where the product meets those same things again that is fair, but
    the score then says little about new ones, and repeat reports of one event straddling the cut leak it.

    Mitigation: Count the things with rows on both sides of the cut; where the product meets new ones,
    split by the thing as well as by time, and drop or group the rows of an event that straddles the cut.
    """
    data = plan.constraints.data
    if data.rows_per_thing is not RowsPerThing.several or plan.done.split is not Split.time:
        return None
    if serves_known(plan):
        return None  # a recommender or a forecast meets the same customers or series again: fair
    if data.newcomers in (Newcomers.none, Newcomers.few):
        return None  # the product meets the same things again: scoring their later rows is fair
    if _roster_recurs(plan):
        return None  # the providers ranked are a standing roster: live ranks the same ones again
    unit = repeated_unit(plan)
    if not SPANS_TIME.find(unit):
        return None  # frames of one object, pages of one document: taken at once
    return (
        quote(plan, "constraints.data.rows_per_thing", f"several rows describe {unit}: it lasts over time"),
        quote(plan, "done.split", "a thing with rows before and after the cut is on both sides"),
    )


_FEW_JOIN = 0.1  # at most this share of the providers new each period: the roster recurs


def _roster_recurs(plan: Plan) -> bool:
    """Whether the plan ranks or matches a standing roster of providers that few newcomers join."""
    new = plan.constraints.data.new_supply_share
    providers = plan.product.picks is Picks.providers and plan.product.task in PICKING_TASKS
    return providers and isinstance(new, float | int) and new <= _FEW_JOIN


# Words saying a generating model is trained or tuned on the data, not only prompted with it.
TRAINED = Lexicon("""
    fine-tune, fine-tuned, fine-tuning, finetune, finetuned, finetuning, fine tune, fine tuned, fine tuning
    trained on, train on, train it on, training on, retrain, retrained, lora, adapter, adapters
""")

_TRAINING_SAID: tuple[str, ...] = (
    "product.inputs",
    "product.output",
    "product.label",
    "constraints.data.changes",
)
_TRAINING_SAID += ("constraints.compute.hosted_model", "product.current_solution")


def trained(plan: Plan) -> bool:
    """Whether the plan says its generating model is trained or tuned on its data."""
    return first_said(plan, _TRAINING_SAID, TRAINED) is not None
