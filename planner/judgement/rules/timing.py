"""When an input's value is known: inputs recorded after the moment of prediction, said so or described as
totals over the labelled period, values fixed at close-out, or the dates and results of later events."""

from __future__ import annotations

from planner.judgement.rules.arrival import stated_late, unchecked_inputs
from planner.judgement.rules.arrivalcases import FIRES as STATED_FIRES, QUIET as STATED_QUIET
from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.capture import AFTER_FIRES, AFTER_QUIET, after_the_label
from planner.judgement.rules.heard import (
    after_the_fact_in_the_inputs,
    afterwards_in_the_inputs,
    early_days_in_the_inputs,
    today_in_the_data,
)
from planner.judgement.rules.lateinputs import (
    accrued_in_the_inputs,
    differences_said,
    later_process_in_the_inputs,
)
from planner.judgement.rules.moment import after_the_event
from planner.judgement.rules.sameday import written_after_the_decision
from planner.judgement.rules.strongest import strongest_input_said
from planner.plan.model import Category, Difference, Plan


@rule(
    "inputs-after-prediction",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are these inputs known at the moment of prediction, or recorded afterwards?",
    move=Move(
        "Rebuild the training data as it was known at the moment of prediction",
        "An input recorded only afterwards leaks the answer: offline scores look great and collapse "
        "live; for every input, write when its value is known, and drop, lag or snapshot the late ones",
        "danger",
        first=True,
    ),
    fires=(
        *STATED_FIRES,
        *AFTER_FIRES,
        Case(
            {"constraints.data.differences": ["later_inputs"]},
            evidence=(
                'constraints.data.differences: ["later_inputs"] (some inputs are recorded only after the moment '
                "of prediction)",
            ),
        ),
        Case(
            {
                "constraints.data.differences": ["season", "later_inputs"],
                "constraints.data.differences_note": "The payment status is filled in after the run.",
            },
            evidence=(
                'constraints.data.differences: ["later_inputs"] (some inputs are recorded only after the moment '
                "of prediction)",
                'constraints.data.differences_note: "The payment status is filled in after the run."',
            ),
            also=frozenset({"production-differs"}),
        ),
        Case(  # "no differences", yet the inputs are described by what happens afterwards
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "Amounts, supplier and the final payment status of each invoice.",
                "product.inputs_known_after": None,
            },
            evidence=(
                'product.inputs: "Amounts, supplier and the final payment status of each invoice." (words of '
                "afterwards: final; which of these are known at the moment of prediction?)",
                'constraints.data.differences: ["none"] (no input is marked as recorded after the prediction)',
            ),
        ),
        Case(  # the inputs count over the very window the label measures
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and reminders sent in the first 30 days.",
                "product.label": "Invoice paid twice within 30 days of receipt.",
            },
            evidence=(
                'product.inputs: "Supplier, amount and reminders sent in the first 30 days." (counted over '
                "30 days)",
                'product.label: "Invoice paid twice within 30 days of receipt." (the label\'s own window: 30 '
                "days; do the inputs end where it starts?)",
                "constraints.data.differences: not answered (which inputs are recorded only afterwards?)",
            ),
        ),
        Case(  # not answered, yet an input builds up over the period the label measures
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amounts and the reminders sent during the contract.",
                "product.inputs_known_after": None,
            },
            evidence=(
                'product.inputs: "Supplier, amounts and the reminders sent during the contract." (built up '
                "over the period the label measures, or known at its end: during the contract; which of "
                "these exist at the moment of prediction?)",
                "constraints.data.differences: not answered (which inputs are recorded only afterwards?)",
            ),
        ),
        Case(  # an input is the date or status of a later step in the invoice's own process
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount, the approval status and the payment date of each invoice.",
            },
            evidence=(
                'product.inputs: "Supplier, amount, the approval status and the payment date of each ..." '
                "(the date, status or result of an event in the case's process: approval status, payment "
                "date; is each known at the moment of prediction, or only once that event has happened?)",
                "constraints.data.differences: not answered (which inputs are recorded only afterwards?)",
            ),
        ),
        Case(  # an input named after the event the label records
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and the reversal reason code.",
                "product.label": "The payment was later undone by a reversal.",
            },
            evidence=(
                'product.inputs: "Supplier, amount and the reversal reason code." (named after the label\'s own '
                "event: reversal)",
                'product.label: "The payment was later undone by a reversal." (the label records that event: is '
                "that input known before it happens?)",
            ),
        ),
        Case(  # a record read as it stands today, overwritten since the moment of prediction
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "Supplier, amounts and the supplier record from the current export.",
            },
            evidence=(
                'product.inputs: "Supplier, amounts and the supplier record from the current export." (read '
                "as it stands today: current export; rebuild each case as it was at the moment of prediction, "
                "with the cases removed since)",
                'constraints.data.differences: ["none"] (no input is marked as recorded after the prediction)',
            ),
        ),
        Case(  # survivorship: the cases removed after their outcome are missing from today's data
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "ERP history; suppliers are deleted when their contract ends",
            },
        ),
        Case(  # a count over the first week, for a model that predicts when the invoice arrives
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and the reminders sent in the first week.",
                "product.decision": "Hold each invoice at registration for a clerk's check.",
            },
            evidence=(
                'product.inputs: "Supplier, amount and the reminders sent in the first week." (counted over '
                "the first days of the case: in the first week)",
                'product.decision: "Hold each invoice at registration for a clerk\'s check." (the model '
                "predicts at registration: have those days happened yet?)",
                "constraints.data.differences: not answered (which inputs are recorded only afterwards?)",
            ),
        ),
        Case(  # a decision on the spot, from a log that also holds what the handling wrote afterwards
            {
                "constraints.data.differences": ["none"],
                "constraints.data.inputs_built": "not_checked",
                "product.lead_days": 0,
                "product.inputs": "The call record: caller's words, address and the type of alarm.",
                "constraints.data.sources[0].name": "Incident log with call-back results and crew messages",
            },
            evidence=(
                'constraints.data.sources[0].name: "Incident log with call-back results and crew messages" '
                "(records written once the case is handled: call-back results, crew messages; when is each "
                "written: before the decision, or minutes or hours after it?)",
                "product.lead_days: 0 (decided on the spot: anything written later that day counts as 0 days)",
            ),
        ),
        Case(  # one input said to carry most of the signal: is it known before the decision?
            {
                "constraints.data.differences": ["none"],
                "product.current_performance": "An early model reaches 0.97 AUC; the case status is the "
                "strongest feature.",
            },
            evidence=(
                'product.current_performance: "An early model reaches 0.97 AUC; the case status is the strongest f..." '
                "(one input said to carry most of the signal: strongest feature; is it known before the "
                "decision is taken, or written as the case unfolds?)",
            ),
        ),
        Case(  # a total the case runs up: the calls a tenancy has made, known only as it goes on
            {
                "constraints.data.differences": [],
                "product.inputs": "Property type, the tenant's age and the total repair calls of the tenancy.",
                "product.inputs_known_after": None,
            }
        ),
        Case(  # an input the handling records, for a model meant to come before the handling
            {
                "constraints.data.differences": [],
                "product.inputs": "The invoice scan, the handler's notes and codes logged on the case.",
                "product.decision": "Route each invoice to a queue before a handler opens it.",
            },
        ),
    ),
    quiet=(
        Case(  # notes of the visit the report is written from, and no input is recorded afterwards
            {
                "constraints.data.differences": [],
                "product.inputs_known_after": ["none"],
                "product.task": "generation",
                "product.inputs": "The inspector's visit notes and photos of the kitchen.",
            }
        ),
        Case(  # the call's notes are what a follow-up e-mail is drafted from, after the call: its input
            {
                "constraints.data.differences": ["none"],
                "product.inputs_known_after": None,
                "product.task": "generation",
                "product.inputs": "The account manager's call notes and the price list.",
                "product.output": "A follow-up e-mail to the customer after each sales call.",
            }
        ),
        *STATED_QUIET,
        *AFTER_QUIET,
        Case(  # the label is counted after the inputs' window: it starts where they end
            {
                "constraints.data.differences": [],
                "product.inputs": "Views, shares and comments in the video's first 48 hours.",
                "product.label": "Watch-hours in the 30 days after the video's first 48 hours.",
            }
        ),
        Case({"constraints.data.differences": ["season"]}),
        Case(  # `after each sale` says when the model is refit, not when an input is recorded
            {
                "constraints.data.differences": ["mix"],
                "constraints.data.differences_note": "Prices move across years; the model is retrained after "
                "each sale.",
            }
        ),
        Case(  # the dates of earlier invoices, and a date planned in advance, are known when predicting
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount, the scheduled payment date and the previous payment dates.",
            }
        ),
        Case(  # the final holdout is the team's last check of the model, not a value fixed at close-out
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "None; the final holdout of 2025 is kept for the last evaluation.",
            }
        ),
        Case(
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "The final payment status as of the morning of the run.",
            }
        ),
        Case(  # which rows the source holds, not what the model reads
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Closed and settled invoices, 2019-2024",
            }
        ),
        Case(  # a window that ends at the prediction is history
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and reminders sent in the 30 days before receipt.",
                "product.label": "Invoice paid twice within 30 days of receipt.",
            }
        ),
        Case(  # a count over the weeks before the prediction is known when predicting
            {
                "constraints.data.differences": [],
                "product.inputs": "Reminders sent during the month before the payment run.",
            }
        ),
        Case(  # the word of afterwards is said in a clause that denies its use
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "Supplier, amounts and line items, not the final payment status.",
            }
        ),
        Case(  # the closing stretch is excluded, in the same clause
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Invoices of the year-end closure period are excluded.",
            }
        ),
        Case(  # the same event, in the case's past: known when predicting
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and the number of past reversals of the supplier.",
                "product.label": "The payment was later undone by a reversal.",
            }
        ),
        Case(  # the event is the case the decision acts on: its letter is known when predicting
            {
                "constraints.data.differences": [],
                "product.inputs": "The appeal letter and the fine's place and time.",
                "product.label": "The officer's decision on each past appeal.",
                "product.decision": "The officer sees the recommendation beside each appeal and decides.",
            }
        ),
        Case(  # the handler's notes are said not to be used
            {
                "constraints.data.differences": [],
                "product.inputs": "The invoice scan, not the handler's notes.",
                "product.decision": "Route each invoice to a queue before a handler opens it.",
            }
        ),
        Case(  # the first week, for a model that predicts later (before the payment run)
            {
                "constraints.data.differences": [],
                "product.inputs": "Supplier, amount and the reminders sent in the first week.",
            }
        ),
        Case(  # today's export, rebuilt as of each invoice's date
            {
                "constraints.data.differences": ["none"],
                "product.inputs": "The supplier record as of the invoice date, rebuilt from the current export.",
            }
        ),
        Case(  # the same log, rebuilt as it stood at the call
            {
                "constraints.data.differences": ["none"],
                "constraints.data.inputs_built": "not_checked",
                "product.lead_days": 0,
                "constraints.data.sources[0].name": "Incident log with call-back results, as it stood at the "
                "moment of the call",
            }
        ),
        Case(  # the agents' resolution codes are where the label comes from, not an input
            {
                "constraints.data.differences": ["none"],
                "constraints.data.inputs_built": "not_checked",
                "product.lead_days": 0,
                "product.inputs": "The customer's first chat message and the page it was sent from.",
                "product.label": "The resolution code the agent closes each chat with.",
                "constraints.data.sources[0].name": "Helpdesk agents' resolution codes",
            }
        ),
        Case(  # the strongest input is said known before the decision
            {
                "constraints.data.differences": ["none"],
                "product.current_performance": "An early model reaches 0.81 AUC; the strongest feature, the "
                "supplier's bank change, is known before the decision.",
            }
        ),
        Case(  # the total size of what the client holds is a stock, known months ahead, not a total run up
            {
                "constraints.data.differences": [],
                "product.inputs": "Month, the total pupil headcount and the total floor area of each school.",
                "product.inputs_known_after": None,
            }
        ),
        Case(  # handling records, for a model that comes after the handling
            {
                "constraints.data.differences": [],
                "product.inputs": "The invoice scan and the handler's notes.",
                "product.decision": "Sample handled invoices for the monthly audit.",
            }
        ),
    ),
)
def inputs_after_prediction(plan: Plan) -> Evidence:
    """Some inputs are recorded only after the moment of prediction: leakage.

    A value filled in after the moment the model must decide (a status, a count, a later test, an
    outcome code) carries the answer into training; offline scores look excellent and collapse once
    the model runs where that value does not exist yet.

    Mitigation: For every input, write down when its value is known; rebuild the training and test
    data as of the prediction moment (point-in-time snapshots), and drop or lag the late inputs.
    """
    after = after_the_label(plan)  # the order of today's steps: captured at or after the label
    if after and not isinstance(after, Tempered):
        return after
    stated = stated_late(plan)
    if stated and not isinstance(stated, Tempered):
        return stated
    differences = plan.constraints.data.differences
    if after_the_event(plan):
        return None  # it runs after the event (a report once the match is over): a final figure is in time
    asked = plan.product.inputs_timed()  # the team named the late inputs, or none
    said = afterwards_in_the_inputs(plan) if differences == [Difference.none] and not asked else None
    # Ticked or not: a total over the labelled period or a value known at close-out, in any task.
    found = said or accrued_in_the_inputs(plan) or later_process_in_the_inputs(plan) or stated or after
    found = found or after_the_fact_in_the_inputs(plan) or written_after_the_decision(plan)
    found = found or strongest_input_said(plan)  # the strongest feature is the first one suspected
    if found and not (plan.product.inputs_unchecked() and isinstance(found, (Hint, Tempered))):
        return found
    heard = found or early_days_in_the_inputs(plan) or today_in_the_data(plan)
    if plan.product.inputs_unchecked():  # not checked: each input named, then the words heard, if any
        return unchecked_inputs(plan, heard)
    return Hint(heard.words, (*heard, differences_said(plan))) if isinstance(heard, Hint) else None
