"""The cases of `inputs-after-prediction` for the inputs stated late (arrival.py): each arrival's
arithmetic, fired and quiet."""

from __future__ import annotations

from planner.judgement.rules.base import Case

# The rule's cases for this answer (inputs-after-prediction).
FIRES = (
    Case(  # a lab result for a model that predicts at the sample, there 9 days later
        {"constraints.data.last_input": "Lab panel", "constraints.data.last_input_days": 9},
        evidence=(
            'constraints.data.last_input: "Lab panel" (the input that reaches the tables last)',
            "constraints.data.last_input_days: 9 (Lab panel arrives 9 days after the moment the model "
            "predicts: each training row holds a value the live model will wait 9 days for)",
        ),
    ),
    Case(  # a rota known 3 days before the day, for a forecast made 28 days before it
        {
            "product.task": "forecasting",
            "product.lead_days": 28,
            "constraints.data.inputs_built": "latest_values",
            "constraints.data.last_input": "Staff rota",
            "constraints.data.last_input_days": -3,
        },
        evidence=(
            'constraints.data.last_input: "Staff rota" (the input that reaches the tables last)',
            "constraints.data.last_input_days: -3 (Staff rota is known 3 days before the day forecast, and "
            "the forecast is made 28 days before it: -3 + 28 = 25 days short, so the backtest uses a value "
            "the live forecast does not have)",
            "product.lead_days: 28 (the decision: 28 days ahead)",
        ),
    ),
    Case(  # issues in the tables the same day, for a weekly forecast made 7 days ahead: which reading?
        {
            "product.task": "forecasting",
            "product.lead_days": 7,
            "constraints.data.inputs_built": "not_checked",
            "constraints.data.last_input": "Issues per title",
            "constraints.data.last_input_days": 0,
        },
        evidence=(
            'constraints.data.last_input: "Issues per title" (the input that reaches the tables last)',
            "constraints.data.last_input_days: 0 (if Issues per title is a past value (sales, issues) that "
            "reaches the tables the same day, the forecast has it up to the order day only, and the backtest "
            "must cut it there; if it is a value for the day forecast, it arrives on that day and the forecast "
            "is made 7 days before it: 0 + 7 = 7 days short. Which is it, and does the backtest rebuild the "
            "inputs as they stood on each order day?)",
            "product.lead_days: 7 (the decision: 7 days ahead)",
        ),
    ),
    Case(  # a yearly return, published months after the days it covers, read by a forecast made on the day
        {
            "product.task": "forecasting",
            "product.lead_days": 0,
            "constraints.data.inputs_built": "latest_values",
            "constraints.data.last_input": "Pump run hours, annual return",
            "constraints.data.last_input_days": 280,
        },
        evidence=(
            'constraints.data.last_input: "Pump run hours, annual return" (the input that reaches the tables '
            "last)",
            "constraints.data.last_input_days: 280 (Pump run hours, annual return arrives 280 days after the "
            "day forecast, and even a forecast made on the day: the forecast is acted on 280 days before it "
            "lands, while each training row holds it; drop it, feed the value known when the forecast is made "
            "(the previous period's), or forecast later)",
        ),
    ),
    Case(  # the same, the rows said rebuilt as they stood: they then hold last year's value; asked
        {
            "product.task": "forecasting",
            "product.lead_days": 7,
            "constraints.data.inputs_built": "point_in_time",
            "constraints.data.last_input": "Pump run hours, annual return",
            "constraints.data.last_input_days": 280,
        }
    ),
    Case(  # a score recorded at the inspection, for an inspection predicted 30 days before it
        {
            "product.lead_days": 30,
            "constraints.data.inputs_built": "unchanging",
            "constraints.data.last_input": "Hygiene score",
            "constraints.data.last_input_days": 30,
        },
        evidence=(
            'constraints.data.last_input: "Hygiene score" (the input that reaches the tables last)',
            "constraints.data.last_input_days: 30 (Hygiene score arrives 30 days after the moment the model "
            "predicts: each training row holds a value the live model will wait 30 days for)",
        ),
    ),
    Case(  # a lab result and a discharge note, each there days after the prediction at admission
        {
            "constraints.data.last_input": "Lab result",
            "constraints.data.last_input_days": 3,
            "constraints.data.late_inputs": [
                {"name": "Discharge note", "days": 2},
                {"name": "Ward", "days": 0},
            ],
        },
        evidence=(
            "constraints.data.last_input_days: 3 (Lab result arrives 3 days after the moment the model "
            "predicts: each training row holds a value the live model will wait 3 days for)",
            "constraints.data.late_inputs[0].days: 2 (Discharge note arrives 2 days after the moment the "
            "model predicts: each training row holds a value the live model will wait 2 days for)",
        ),
    ),
    Case(  # two inputs known ahead, one of them not far enough ahead for a forecast made 28 days before
        {
            "product.task": "forecasting",
            "product.lead_days": 28,
            "constraints.data.inputs_built": "latest_values",
            "constraints.data.last_input": "Campaign calendar",
            "constraints.data.last_input_days": -42,
            "constraints.data.late_inputs": [{"name": "Staff rota", "days": -3}],
        },
        evidence=(
            'constraints.data.late_inputs[0].name: "Staff rota" (an input that arrives late)',
            "constraints.data.late_inputs[0].days: -3 (Staff rota is known 3 days before the day forecast, "
            "and the forecast is made 28 days before it: -3 + 28 = 25 days short, so the backtest uses a "
            "value the live forecast does not have)",
            "product.lead_days: 28 (the decision: 28 days ahead)",
        ),
    ),
    Case(  # the team names an input filled in only after the quote the model makes
        {
            "product.inputs": "Job type, property age and the number of fittings the customer ended up having.",
            "product.inputs_known_after": ["number of fittings"],
        },
        evidence=(
            'product.inputs_known_after: ["number of fittings"] (known only after the moment of prediction: '
            "number of fittings; each training row holds a value the live model does not have yet)",
            'product.inputs: "Job type, property age and the number of fittings the customer ende..."',
        ),
    ),
    Case(  # a weekly feed named late, how late not measured, for a forecast made 14 days ahead
        {
            "product.task": "forecasting",
            "product.lead_days": 14,
            "constraints.data.inputs_built": "not_checked",
            "constraints.data.last_input": "Wholesaler shipments, weekly file",
            "constraints.data.last_input_days": "not measured",
        },
        evidence=(
            'constraints.data.last_input: "Wholesaler shipments, weekly file" (an input named as arriving late)',
            "constraints.data.last_input_days: not measured (how long after the days it covers Wholesaler "
            "shipments, weekly file reaches the tables is not measured, while the forecast is made 14 days "
            "ahead: a training row holds it as if known then; when does it land, and is each row cut to what "
            "had landed by the moment of prediction?)",
            "product.lead_days: 14 (the decision: 14 days ahead)",
        ),
    ),
    Case(  # a note named late for a case predicted at admission, how late not measured
        {
            "constraints.data.inputs_built": "not_checked",
            "constraints.data.late_inputs": [{"name": "Discharge note", "days": "not measured"}],
        },
        evidence=(
            'constraints.data.late_inputs[0].name: "Discharge note" (an input named as arriving late)',
            "constraints.data.late_inputs[0].days: not measured (how long after the case it describes "
            "Discharge note reaches the tables is not measured, while the model predicts: a training row holds "
            "it as if known then; when does it land, and is each row cut to what had landed by the moment of "
            "prediction?)",
        ),
    ),
    Case(  # nobody has checked when each input is recorded: each is named, with the moment to beat
        {
            "product.task": "classification",
            "product.lead_days": 14,
            "product.inputs": "Grant amount, applicant's sector (as coded), and the auditor's final report.",
            "product.inputs_known_after": "not checked",
        },
        evidence=(
            "product.inputs_known_after: not checked (nobody has checked when each input is recorded: ask "
            "whoever keeps the records for the timestamp of each of 'Grant amount', \"applicant's sector (as "
            'coded)", "the auditor\'s final report", against the moment of prediction (the decision: 14 days '
            "before the day); one written at or after it leaks the answer into training)",
            "product.lead_days: 14 (the decision: 14 days ahead)",
            "product.inputs: \"Grant amount, applicant's sector (as coded), and the auditor's fina...\" (words of "
            "afterwards: final; which of these are known at the moment of prediction?)",
            'constraints.data.differences: ["none"] (no input is marked as recorded after the prediction)',
        ),
    ),
)
QUIET = (
    Case({"product.inputs_known_after": ["none"]}),  # every input is there when the model predicts
    Case(  # an extraction reads the document in hand: nothing later to leak
        {
            "product.task": "extraction",
            "product.inputs": "The scanned invoice and the supplier's name.",
            "product.inputs_known_after": "not checked",
        }
    ),
    Case(  # how late the feed lands is not measured, but the rows are rebuilt as they stood
        {
            "product.task": "forecasting",
            "product.lead_days": 14,
            "constraints.data.inputs_built": "point_in_time",
            "constraints.data.last_input": "Wholesaler shipments, weekly file",
            "constraints.data.last_input_days": "not measured",
        }
    ),
    Case(  # a total over the contract, but the team answered that no input is recorded afterwards
        {
            "constraints.data.differences": [],
            "product.inputs": "Supplier, amounts and the reminders sent during the contract.",
            "product.inputs_known_after": ["none"],
        }
    ),
    Case(  # several inputs, each there as the model predicts
        {
            "constraints.data.last_input": "Lab panel",
            "constraints.data.last_input_days": 0,
            "constraints.data.late_inputs": [{"name": "Triage note", "days": 0}, {"name": "Survey score"}],
        }
    ),
    Case({"constraints.data.last_input": "Lab panel", "constraints.data.last_input_days": 0}),
    Case(  # predicted 30 days ahead, the last input there as it predicts: rows built from any source
        {
            "product.lead_days": 30,
            "constraints.data.inputs_built": "unchanging",
            "constraints.data.last_input": "Hygiene score",
            "constraints.data.last_input_days": 0,
        }
    ),
    Case(  # issues in the tables the same day, the backtest rebuilt as it stood on each order day
        {
            "product.task": "forecasting",
            "product.lead_days": 7,
            "constraints.data.inputs_built": "point_in_time",
            "constraints.data.last_input": "Issues per title",
            "constraints.data.last_input_days": 0,
        }
    ),
    Case(  # the same, said in the evaluation's words
        {
            "product.task": "forecasting",
            "product.lead_days": 7,
            "done.eval_set": "A year of weekly backtests, the features as they stood on each order day.",
            "constraints.data.last_input": "Issues per title",
            "constraints.data.last_input_days": 2,
        }
    ),
    Case(  # known 45 days before the outcome, predicted 30 days before it: in time
        {
            "product.lead_days": 30,
            "constraints.data.last_input": "Licence renewal",
            "constraints.data.last_input_days": -45,
        }
    ),
    Case(  # a rota published 35 days ahead, for a forecast made 28 days ahead: in time
        {
            "product.task": "forecasting",
            "product.lead_days": 28,
            "constraints.data.last_input": "Staff rota",
            "constraints.data.last_input_days": -35,
        }
    ),
    Case({"constraints.data.last_input": "Lab panel", "constraints.data.last_input_days": "not measured"}),
)
