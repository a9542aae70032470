"""The fixed answers on how things really work, asked beside the questions they belong with: how the output
turns into action, how the outcome gets recorded, how the rows relate to things, what the output must never
hold or always carry, and what the evaluation scores. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class OutcomeLimit(StrEnum):
    """How the recorded outcome can fall short of what really happened, case by case."""

    capped = "capped"
    reported_only = "reported_only"
    default_filled = "default_filled"
    other_exits = "other_exits"
    below_threshold = "below_threshold"
    averted = "averted"
    worst_unmeasured = "worst_unmeasured"
    none = "none"


class RowsPerThing(StrEnum):
    """Whether several rows of the data describe one and the same thing (an event, an object, a person)."""

    one = "one"
    several = "several"
    not_checked = "not_checked"


class InputsBuilt(StrEnum):
    """How the training rows' inputs are built: as each case stood when it was predicted, or from today's tables."""

    point_in_time = "point_in_time"
    unchanging = "unchanging"
    latest_values = "latest_values"
    mixed = "mixed"
    not_checked = "not_checked"


class ShareFrom(StrEnum):
    """Where the rarest class's share was measured: among the cases production sees, or in the labelled data."""

    production = "production"
    labelled_data = "labelled_data"
    not_measured = "not_measured"


class SourceClasses(StrEnum):
    """Which classes a data source's rows hold: one source per class lets a model learn the source."""

    positives = "positives"
    negatives = "negatives"
    both = "both"
    none = "none"


class LabelDated(StrEnum):
    """Which date a label carries: the day the outcome happened, or the day someone recorded it."""

    happened = "happened"
    recorded = "recorded"
    undated = "undated"
    not_checked = "not_checked"


class LabelGrain(StrEnum):
    """How each row's label is obtained: measured for that item, or split down from a total over several."""

    measured_each = "measured_each"
    split_from_total = "split_from_total"
    estimated = "estimated"
    between_events = "between_events"
    not_known = "not_known"


class EvalTruth(StrEnum):
    """Where the evaluation set's right answers come from, seen from the process the model replaces."""

    checked = "checked"
    outcomes = "outcomes"
    chosen_outcomes = "chosen_outcomes"
    todays_decisions = "todays_decisions"
    system_output = "system_output"
    later_record = "later_record"
    observed = "observed"
    measured = "measured"
    reviewed_outputs = "reviewed_outputs"
    not_decided = "not_decided"


class ActionShape(StrEnum):
    """How the output turns into action: a cut-off, the top of a queue, an amount, every item, a choice."""

    threshold = "threshold"
    top_of_queue = "top_of_queue"
    sets_amount = "sets_amount"
    every_item = "every_item"
    choose_among = "choose_among"
    up_to_capacity = "up_to_capacity"


class ClassesChange(StrEnum):
    """Whether the classes the model chooses among stay the same once it is live."""

    fixed = "fixed"
    now_and_then = "now_and_then"
    not_known = "not_known"


class MetricUnit(StrEnum):
    """What one score of the done metric counts, against what one decision acts on."""

    decision = "decision"
    parts = "parts"
    pooled = "pooled"
    not_checked = "not_checked"


class ListNeed(StrEnum):
    """What the action needs from a ranked or recommended list: one right item, every needed one, or the order."""

    one = "one"
    all_needed = "all_needed"
    order = "order"
    not_known = "not_known"


class LabelWriter(StrEnum):
    """Who or what writes the outcome down, whether they saw an estimate or a prediction first, and when."""

    event = "event"
    blind = "blind"
    sees_estimate = "sees_estimate"
    copied = "copied"
    from_memory = "from_memory"
    not_known = "not_known"


class Newcomers(StrEnum):
    """What share of production cases concern items, people or places the data has never seen; where each
    case is a unit met once (a one-off applicant, a new claim), nearly all."""

    none = "none"
    few = "few"
    many = "many"
    all_new = "all_new"
    not_checked = "not_checked"


class SupplyLimit(StrEnum):
    """Whether each provider or item a match picks can take only so many cases, and whether the match holds
    each one to it."""

    in_the_match = "in_the_match"
    not_in_the_match = "not_in_the_match"
    none = "none"
    not_known = "not_known"


class ContentRights(StrEnum):
    """Whether the data, prompts or examples hold content others own, and whether its terms allow this use."""

    own = "own"
    licensed = "licensed"
    not_checked = "not_checked"
    not_allowed = "not_allowed"


class Guard(StrEnum):
    """What keeps out what the output must never include (an allergen, another client's details)."""

    nothing = "nothing"
    rule = "rule"
    review = "review"
    model = "model"
    not_yet = "not_yet"


class Agreement(StrEnum):
    """Whether a signed agreement covers a source another organisation sends (a vendor, a partner, customers)."""

    yes = "yes"
    pending = "pending"
    not_needed = "not_needed"


class Unreadable(StrEnum):
    """What an extraction or a draft writes for a field or fact its source leaves unreadable, blank or missing."""

    says_so = "says_so"
    filled_in = "filled_in"
    not_decided = "not_decided"


class Conversion(StrEnum):
    """Who turns a value read or written as the source says it into the target system's dates, units,
    currencies or codes: code after a verbatim read, the model itself, nobody (none needed)."""

    code = "code"
    model = "model"
    none_needed = "none_needed"
    not_decided = "not_decided"


class Reach(StrEnum):
    """What a model can read or do beyond the request it is given: look things up, read outsiders' text, act."""

    request_only = "request_only"
    reads_as_user = "reads_as_user"
    reads_wider = "reads_wider"
    reads_outside_text = "reads_outside_text"
    acts = "acts"


class Audience(StrEnum):
    """Who uses or sees the output: the organisation's own staff, or people outside it too."""

    staff = "staff"
    staff_about_outsiders = "staff_about_outsiders"
    outsiders = "outsiders"
    both = "both"


class Negative(StrEnum):
    """What makes a case a negative in the labels: a check, an outcome waited out, or only an absence."""

    checked = "checked"
    outcome_absent = "outcome_absent"
    nothing_recorded = "nothing_recorded"
    not_acted = "not_acted"
    not_yet_known = "not_yet_known"
    not_yes_no = "not_yes_no"


class EvalInputs(StrEnum):
    """Where the evaluation's inputs come from: real cases, picked ones, written ones or a simulation."""

    real_cases = "real_cases"
    hand_picked = "hand_picked"
    synthetic = "synthetic"
    simulated = "simulated"
    not_decided = "not_decided"


class EvalDrawn(StrEnum):
    """How the evaluation's cases were chosen: all of a period, a random sample, or picked by a criterion."""

    period = "period"
    random = "random"
    picked = "picked"
    not_decided = "not_decided"


class EvalInIndex(StrEnum):
    """Where the evaluation's questions stand against the documents the product retrieves from."""

    inside = "inside"
    kept_out = "kept_out"
    no_index = "no_index"
    not_checked = "not_checked"


class MetricRole(StrEnum):
    """What a done metric is for, where done names several: the figure to move, or one to hold."""

    goal = "goal"
    guardrail = "guardrail"


class TestUse(StrEnum):
    """What the test set's scores are used for before the final figure: nothing, or choosing something."""

    nothing = "nothing"
    choosing = "choosing"
    prompt = "prompt"
    not_decided = "not_decided"


WORKINGS_LABELS: dict[type[Enum], dict[str, str]] = {
    SourceClasses: {
        "positives": "only the cases sought (the complaints, defects, frauds)",
        "negatives": "only the other cases (a random sample, the normal ones)",
        "both": "both (every class), as they arrive",
        "none": "no labels: inputs only",
    },
    OutcomeLimit: {
        "capped": "it stops at a limit, or counts only what there was to serve or record it: sold out, full, "
        "out of stock, a spend cap (what was delivered, not what was needed), as many as the staff on duty "
        "could see and record",
        "reported_only": "it is recorded only when someone reports or notices it",
        "default_filled": "cases nobody looked at get a default value",
        "other_exits": "some cases leave before their outcome reaches the data (withdrawn, dropped at an earlier "
        "check, sent to another record such as a non-conformance report, gave up, transferred, still open) and "
        "their outcome is never seen in it",
        "below_threshold": "no outcome below a threshold the process sets: a reserve not met (no sale price), an "
        "offer declined, a bid under the floor; the missing values are the low ones",
        "averted": "people stop it today when they see it coming (a weaver re-ties a fraying warp, a nurse "
        "escalates): the record holds only the ones nobody caught in time",
        "worst_unmeasured": "it goes unmeasured in some conditions, and those are the riskiest (samples "
        "postponed in gales and floods, inspections skipped at night, a sensor down in storms): the worst days "
        "have no label",
        "none": "none: it is the whole outcome for every case",
    },
    RowsPerThing: {
        "one": "one row per thing: each event, object or person appears once",
        "several": "several rows per thing: repeat reports of one event, frames of one object, visits of one "
        "person, or related ones that share their outcome (littermates, one family, one site)",
        "not_checked": "not checked",
    },
    InputsBuilt: {
        "point_in_time": "as each case stood at the moment of prediction: snapshots, change history, values as of then",
        "unchanging": "from values that never change once captured: the photo, the document, the form as sent",
        "latest_values": "from today's tables or latest values, joined to past cases (records overwritten since)",
        "mixed": "some as each case stood then, some from today's tables or records overwritten since (a remade order)",
        "not_checked": "not checked",
    },
    ShareFrom: {
        "production": "in production: among all the cases the product sees",
        "labelled_data": "in the labelled data: the collected or labelled set, which may be balanced or enriched",
        "not_measured": "not measured",
    },
    LabelDated: {
        "happened": "the day it happened: the event's own date or timestamp",
        "recorded": "the day someone recorded it or closed the case, which can be days or weeks later (a weekly "
        "round, a backlog, a batch, the repair logged weeks after the fault was found)",
        "undated": "no date matters: the label says what, not when",
        "not_checked": "not checked",
    },
    EvalTruth: {
        "checked": "people check each case against the source, apart from today's process",
        "outcomes": "real-world outcomes recorded later, whatever was decided",
        "chosen_outcomes": "real-world outcomes, recorded only for the cases today's process chose (those "
        "contacted, approved, treated): what the others would have done is never seen",
        "todays_decisions": "the decisions today's process or its people took",
        "system_output": "another system's or a vendor's output (a score, a match list, citations)",
        "later_record": "a later record of the same case (a signed quote, a final invoice), which may differ "
        "from what this step said",
        "observed": "a person's observation written down as it happens (a diary, a keeper's note, a field "
        "log), not a decision about the case",
        "measured": "an independent measurement or expert assessment (a lab test, an instrument, a grader) "
        "that is also what today's process delivers",
        "reviewed_outputs": "people looked over the model's answers and said whether they agree, seeing each "
        "answer first",
        "not_decided": "not decided yet",
    },
    LabelGrain: {
        "measured_each": "measured for each item: weighed, counted, invoiced or read for that row alone",
        "split_from_total": "split or allocated from a total over several items: a round's weight shared among "
        "its stops, a month's cost spread by a key",
        "estimated": "estimated by a person for each item",
        "between_events": "the time between two recorded events (check-in to payment, opening to closing)",
        "not_known": "not known",
    },
    ClassesChange: {
        "fixed": "fixed: the same classes for years",
        "now_and_then": "they change now and then (a branch, team, product or queue opens or closes)",
        "not_known": "not known",
    },
    ActionShape: {
        "threshold": "each case above a cut-off is acted on",
        "top_of_queue": "people work down a ranked list as far as their time allows",
        "sets_amount": "a number sets an amount: staff, stock, a price, a budget",
        "every_item": "every item gets the output (a draft, a label, a route), and it is used as is or checked",
        "choose_among": "people choose from a few suggestions",
        "up_to_capacity": "alerts go out from the top score down, up to what people can check a day; the rest "
        "are not kept waiting",
    },
    MetricUnit: {
        "decision": "each decision as it is taken: one score per thing acted on",
        "parts": "parts of a decision: lines of an order, frames of a clip, events within an alert's period",
        "pooled": "decisions pooled: a total or an average over a period, a site or all items",
        "not_checked": "not checked",
    },
    ListNeed: {
        "one": "one right item is enough: the person picks one and is served (a film, an answer, a match)",
        "all_needed": "all the needed items: every part for a repair visit, every ingredient of a recipe; one "
        "missing spoils the action",
        "order": "the order: people work down the list, and the top items matter most",
        "not_known": "not known",
    },
    LabelWriter: {
        "event": "the world records it: a payment, a failure, a return, a reading, the other party's answer "
        "(an offer accepted or declined)",
        "blind": "a person who has not seen any estimate or prediction for the case",
        "sees_estimate": "a person who first sees an estimate: a rule's, a colleague's, or the model's once live",
        "copied": "it is often copied from an earlier estimate or the plan (the quote, a promised date), a default "
        "or the first value typed",
        "from_memory": "a person who types it in later from memory: hours, counts or amounts entered at the end "
        "of a shift or a week",
        "not_known": "not known",
    },
    Newcomers: {
        "none": "none: every case concerns something the data already holds",
        "few": "a few: under 1 in 10",
        "many": "many: 1 in 10 or more",
        "all_new": "nearly all: each case is a person or item met once, or each period brings new ones (a season's "
        "range, new listings)",
        "not_checked": "not checked",
    },
    SupplyLimit: {
        "in_the_match": "yes, and the match holds each one to it (hours free, places left, stock)",
        "not_in_the_match": "yes, but the match does not hold each one to it yet",
        "none": "no: any number of cases can get the same one (a film, an article)",
        "not_known": "not known",
    },
    Negative: {
        "checked": "someone checked the case and found nothing",
        "outcome_absent": "the outcome did not happen within a window every case has waited out",
        "nothing_recorded": "nothing was recorded: nobody reported, flagged or noticed anything",
        "not_acted": "someone chose not to act: not retried, escalated, followed up, treated or returned",
        "not_yet_known": "recent cases count as negatives before their window has closed",
        "not_yes_no": "not a yes/no label: an amount, a text, a ranking",
    },
    Audience: {
        "staff": "only the organisation's own staff: they use it, and its output is about our own work",
        "staff_about_outsiders": "staff use it, and its output decides about people outside (customers, "
        "applicants, suppliers) who never type into it",
        "outsiders": "people outside (the public, customers, clients, suppliers) type into it or read its output",
        "both": "both: staff, and people outside who type into it or read its output",
    },
    Reach: {
        "request_only": "nothing beyond the request: it answers from what it is given",
        "reads_as_user": "it looks things up (queries, search, files) with the asking person's own rights, or "
        "only in records every person who asks may open anyway",
        "reads_wider": "it looks things up with wider rights than some who ask: records some of them may not open",
        "reads_outside_text": "it reads text others outside write, beyond the request: e-mails, web pages, files",
        "acts": "it acts beyond its answer: changes records, messages others, runs commands, books or spends",
    },
    ContentRights: {
        "own": "no: only our own content, or our customers' with their consent",
        "licensed": "yes, under licences that allow this use",
        "not_checked": "yes, and nobody has checked the terms",
        "not_allowed": "yes, though the terms forbid it",
    },
    Guard: {
        "nothing": "nothing: there is nothing it must never include",
        "rule": "a check outside the model blocks it",
        "review": "a person checks every output before it counts",
        "model": "the model is trained or told to avoid it",
        "not_yet": "nothing enforces it yet",
    },
    Agreement: {
        "yes": "yes, signed, and it covers this use",
        "pending": "not yet: being drafted, or to sign later",
        "not_needed": "not needed (their terms already allow this use)",
    },
    Unreadable: {
        "says_so": "it answers 'unreadable' or 'not present', and the evaluation scores that answer",
        "filled_in": "every field gets a value",
        "not_decided": "not decided yet",
    },
    Conversion: {
        "code": "the model writes values as the source says them; code converts them, with tests",
        "model": "the model converts them as it writes them",
        "none_needed": "nothing to convert: the target takes values as the source says them",
        "not_decided": "not decided yet",
    },
    EvalInputs: {
        "real_cases": "real cases, as the product will meet them",
        "hand_picked": "cases people picked (clear, typical or interesting ones)",
        "synthetic": "cases written or generated for the test (e.g. questions written from the documents)",
        "simulated": "a simulation or replay, scored by a model",
        "not_decided": "not decided yet",
    },
    EvalDrawn: {
        "period": "all the cases of a period",
        "random": "a random sample of the cases the product will meet",
        "picked": "picked by some criterion: most complaints, easiest, one source or site, those already "
        "labelled",
        "not_decided": "not decided yet",
    },
    EvalInIndex: {
        "inside": "their own answers, or earlier versions of them, are among the documents it searches",
        "kept_out": "kept out: removed from what it searches, or what it searches stops before them",
        "no_index": "it searches no documents of ours",
        "not_checked": "not checked",
    },
    TestUse: {
        "nothing": "nothing: nobody looks at it until the final figure",
        "choosing": "choosing the model, its settings or its threshold",
        "prompt": "writing or adjusting the prompt or the rules",
        "not_decided": "not decided yet",
    },
    MetricRole: {
        "goal": "a goal: the figure the model must move",
        "guardrail": "a guardrail: a figure to hold while the goal moves (today may already meet it)",
    },
}
