"""Inputs that record later steps of the process the model is meant to precede, read from an export.

A team that does not tick `later_inputs` may still list, among its inputs, fields the handling of each
case writes after the moment the model is to decide: counts of e-mails, calls or visits since the case
opened, a `proposal sent` flag, a stage or status, the handler's own assessment, `days since last
contact`. Read from an export of current values, each holds the end of the story.
"""

from __future__ import annotations

from planner.judgement.rules.anchor import AS_NOW
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Difference, Plan

# Fields written while a case is handled, after the moment a model that is to precede the handling decides.
LATER_STEPS = Lexicon(
    phrases(
        "number of, count of, total",
        """e-mails exchanged, emails exchanged, messages exchanged, calls made, calls logged, show-round visits
        site visits, viewings, follow-ups, touchpoints, meetings held""",
    )
    + ", "
    + phrases(
        "",
        """proposal sent, quote sent, offer sent, contract sent, brochure sent, pack sent, pipeline stage
        deal stage, current stage, case status, current status, ticket status, claim status, outcome code
        resolution code, disposition code, closure code, lead temperature, lead score, handler's assessment
        agent's assessment, coordinator's assessment, adjuster's assessment, caseworker's assessment
        days since last contact, days since last call, days since last visit, days since last activity
        days since last update, days since last touch, days since last reply, time since last contact""",
    )
)
# Fields copied from the closed, final record of a case: they hold its end whatever the export.
FINAL_RECORD = Lexicon("""
    closing notes, closing note, closure notes, closure note, close notes, close-out notes, closeout notes
    resolution notes, resolution note, resolution summary, final status, final outcome, final diagnosis
    final disposition, final report, final grade, final assessment, final stage, as at close, as at closure
    at case closure, at closure, on closure, when the case closed, when closed, closed record, closed records
    when the case was closed, when it was closed, when the claim was closed, at close, on closing
    resolution code, resolution codes, closure code, closure codes, closure reason, closure reasons
    closing code, closing status, final decision notes, final collection status
    discharge summary, discharge summaries, discharge diagnosis, investigator's conclusion
    investigation outcome, investigation findings, outcome of the investigation
""")
# A data set read as it stands at export: the fields hold their latest values.
EXPORTED = Lexicon("""
    export, exported, exports, extract, extracted, dump, data dump, current values, current state
    latest values, as it is today, as they are today
""")
# ...and the answers saying the values are taken as they stood at each decision: these settle it.
AS_AT_DECISION = Lexicon("""
    as of, as-of, point-in-time, point in time, at the time of the decision, at the time of each decision
    at decision time, at the moment of prediction, as known at, as known then, as it stood, as they stood
    before the decision, before each decision, up to the decision, up to each decision, change history
    history of changes, valid from, at enquiry time, at intake, on arrival, when the case opened
""")


def _paths(plan: Plan) -> tuple[str, ...]:
    return ("product.inputs", *source_paths(plan), "constraints.data.period", "done.eval_set")


@rule(
    "inputs-record-later-steps",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Rebuild each input as it stood at the moment of prediction",
        "Counts of contacts, sent flags, stages and staff assessments read from an export hold what the "
        "handling did after the moment the model is to decide; for each, write when its value is known, "
        "and rebuild the features as of that moment (or drop them) before trusting the offline score",
        "warning",
        first=True,
    ),
    ask="are these inputs known at the moment of prediction, or written later as the case is handled?",
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "product.inputs": "Claim details and the adjuster's final decision notes",
                "constraints.data.differences": ["none"],
            },
            also=frozenset({"inputs-after-prediction"}),
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.inputs": "Loan details and the final collection status",
                "constraints.data.differences": ["none"],
            },
            also=frozenset({"inputs-after-prediction"}),
        ),
        Case(
            {
                "product.inputs": "Source, guest count, budget band, number of e-mails exchanged, proposal "
                "sent and days since last contact.",
                "constraints.data.sources": [{"name": "CRM enquiry table, exported in March"}],
                "constraints.data.differences": ["none"],
            },
            evidence=(
                'product.inputs: "Source, guest count, budget band, number of e-mails exchanged, prop..." '
                "(fields written as each case is handled: number of e-mails exchanged, proposal sent, days "
                "since last contact; known at the moment of prediction?)",
                'constraints.data.sources[0].name: "CRM enquiry table, exported in March" (read as it '
                "stands at export: exported)",
            ),
        ),
        Case(  # fields of the closed record: the case's end, whatever the export
            {
                "product.inputs": "Category, channel, the officer's closing notes and the final status.",
                "constraints.data.differences": ["none"],
            },
            evidence=(
                'product.inputs: "Category, channel, the officer\'s closing notes and the final status." '
                "(taken from the closed, final record: closing notes, final status; known at the moment of "
                "prediction?)",
            ),
        ),
        Case(  # a staff assessment and a status from a current-values extract
            {
                "product.inputs": "Claim type, amount, the adjuster's assessment and claim status.",
                "done.eval_set": "A random 20% of the claims extract.",
                "constraints.data.differences": ["none"],
            },
        ),
    ),
    quiet=(
        Case(  # the form as it stood before the decision, not the closed record
            {
                "product.inputs": "The application form as submitted, before any final decision",
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # fields of the opening record: known when the case opens
            {
                "product.inputs": "The complaint's category, channel and first message, as logged at intake.",
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # the final record's fields, rebuilt as they stood at each decision
            {
                "product.inputs": "Category, channel and final status, as of the day each case was triaged.",
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # the team ticked it: inputs-after-prediction raises it
            {
                "product.inputs": "Source, guest count, number of e-mails exchanged and proposal sent.",
                "constraints.data.sources": [{"name": "CRM enquiry table, exported in March"}],
                "constraints.data.differences": ["later_inputs"],
            }
        ),
        Case(  # rebuilt as of each decision
            {
                "product.inputs": "Source, guest count, number of e-mails exchanged and proposal sent, as of "
                "the day each enquiry was scored.",
                "constraints.data.sources": [{"name": "CRM enquiry table, exported in March"}],
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # later steps, but nothing says the data is an export of current values
            {
                "product.inputs": "Source, guest count, number of e-mails exchanged and proposal sent.",
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # an export of fields known when the case opens
            {
                "product.inputs": "Source, guest count, budget band and requested date.",
                "constraints.data.sources": [{"name": "CRM enquiry table, exported in March"}],
                "constraints.data.differences": ["none"],
            }
        ),
    ),
)
def inputs_record_later_steps(plan: Plan) -> Evidence:
    """Inputs record later steps of the process, read from an export of current values.

    Counts of contacts, calls or visits since the case opened, `sent` flags, stages and statuses, staff
    assessments made while handling it and `days since last ...` computed at export are written as the
    case is worked, after the moment the model is to decide. Read from an export, they hold each past
    case's final values: the model learns the end of the story, the offline score is far above what the
    product will reach, and live it meets fresh cases where these fields are empty. Fields copied from
    the closed record (closing notes, a final status, values `as at close`) hold the end of the story
    whatever the export.

    Mitigation: For each input, write when its value is known; rebuild the features as of the moment
    of prediction (the system's change history, or snapshots kept from now on), or drop those known
    only later, and score again.
    """
    if Difference.later_inputs in plan.constraints.data.differences:
        return None  # ticked: inputs-after-prediction raises it
    inputs = plan.product.inputs
    fields = LATER_STEPS.find_all(inputs)
    if not (fields or FINAL_RECORD.find(inputs)) or AS_NOW.find(inputs):
        return None  # nothing written later, or inputs-read-as-they-are-now asks it
    if any(AS_AT_DECISION.find(answer_at(plan, path)) for path in _paths(plan)):
        return None  # the values are taken as they stood at each decision
    final = FINAL_RECORD.find_all(inputs)
    if final:  # copied from the closed record: its end, whatever the export
        note = f"taken from the closed, final record: {', '.join(final)}; known at the moment of prediction?"
        return Hint(final, (quote(plan, "product.inputs", note),))
    for path in _paths(plan)[1:]:
        exported = EXPORTED.find_all(answer_at(plan, path))
        if exported:
            note = f"fields written as each case is handled: {', '.join(fields)}; known at the moment of prediction?"
            return Hint(
                (*fields, *exported),
                (
                    quote(plan, "product.inputs", note),
                    quote(plan, path, f"read as it stands at export: {', '.join(exported)}"),
                ),
            )
    return None
