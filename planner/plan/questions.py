"""The question bank: what the interview asks, in which order and when, as data checked against the model.

Each question names a field of plan.yaml; how it is asked (its kind) follows from the field's type in
the model, and every follow-up condition is checked against real fields and values when this module
loads, as `@rule` checks each rule. Adding a question is one `_q(...)` line in `_BANK`; mark it
`essential=True` if the advice needs it to reach a verdict (the short interview asks only those).
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from planner.plan.fields import answered_at, field_at, is_answered
from planner.plan.model import Plan
from planner.plan.rate import per_working_day
from planner.plan.shares import Share

# About how long one answer takes in a meeting, discussion included: it sizes the two depths.
SECONDS_PER_ANSWER = 30


class Joined(StrEnum):
    """How one prompt takes two answers: a number and its period or unit, or two said with a comma."""

    unit = "unit"  # `2,000 a day`, `15 EUR`
    pair = "pair"  # `60%, 90%`, `6 weeks, ship the rules and stop`
    named = "named"  # a figure and what it is: `0.5, the rules`, or only what it is: `the rules`
    trailing = "trailing"  # what it is, then a figure: `photo review, 8 of 45 minutes`


class Kind(StrEnum):
    text = "text"
    long_text = "long_text"
    integer = "integer"
    number = "number"
    share = "share"
    choice = "choice"
    multi_choice = "multi_choice"
    yes_no = "yes_no"
    list = "list"  # a list of short texts
    items = "items"  # a list of small records (rules, metrics, FAQ entries...)


def core_type(annotation: Any) -> Any:
    """The core type of a field: unwraps Optional, list[...] and Annotated."""
    while get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = args[0]
    return annotation


def _is_share(annotation: Any) -> bool:
    if annotation == Share:
        return True
    if get_origin(annotation) is Annotated:
        return _is_share(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_share(arg) for arg in get_args(annotation))
    return False


def kind_of(info: FieldInfo, *, long: bool = False) -> Kind:
    """How a field is asked, from its type in the model: a yes/no for a bool, a menu for a choice..."""
    annotation, base = info.annotation, core_type(info.annotation)
    many = get_origin(annotation) is list or any(
        get_origin(arg) is list for arg in get_args(annotation) if arg is not type(None)
    )
    if isinstance(base, type) and issubclass(base, BaseModel):
        return Kind.items
    if isinstance(base, type) and issubclass(base, Enum):
        return Kind.multi_choice if many else Kind.choice
    if many:
        return Kind.list
    if base is bool:
        return Kind.yes_no
    if base is int:
        return Kind.integer
    if base is float:
        return Kind.share if _is_share(annotation) else Kind.number
    return Kind.long_text if long else Kind.text


def field_info(path: str) -> FieldInfo:
    """The model's description of the field at a dotted path; KeyError names the first wrong part."""
    model: Any = Plan
    info: FieldInfo | None = None
    for part in path.split("."):
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            raise KeyError(part)
        info = model.model_fields[part]
        model = core_type(info.annotation)
    assert info is not None
    return info


# An answer that names no change: `nothing`, `none`, `no change that we know of`.
_NOTHING = re.compile(r"\s*(?:nothing|none|no\s+changes?|n/?a)\b", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    """A condition on an earlier answer: answered at all, one of the given values, above (or below) a number,
    (`beyond`) a count a day above another path's figure, (`said`) a text that names something rather than 'nothing' or 'none', or (`measured`) a figure
    rather than 'not measured'."""

    field: str
    among: tuple[Any, ...] | None = None
    above: float | None = None
    below: float | None = None
    said: bool = False
    measured: bool = False
    # Another answer that makes the question apply as well: `(field, values)`, one of them given.
    otherwise: tuple[str, tuple[Any, ...]] | None = None
    # A count a day above the figure another path holds (`impact.capacity`): flags beyond what people take.
    beyond: str | None = None

    def holds(self, plan: Plan) -> bool:
        if self.otherwise and When(*self.otherwise).holds(plan):
            return True
        value = field_at(plan, self.field)
        if not is_answered(value):
            return False
        if self.said and isinstance(value, str) and _NOTHING.match(value):
            return False
        if self.measured and value == "not measured":
            return False
        if self.above is not None and not (isinstance(value, int | float) and value > self.above):
            # 'not measured' is no figure above anything
            return False
        if self.below is not None and not (isinstance(value, int | float) and value < self.below):
            return False
        if self.beyond is not None:
            limit = field_at(plan, self.beyond)
            daily = per_working_day(value)
            if daily is None or limit is None or daily <= limit:
                return False
        if self.among is None:
            return True
        # A multiple-choice answer (several label sources) holds when any of its values does.
        return any(item in self.among for item in value) if isinstance(value, list) else value in self.among


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    why: str


@dataclass(frozen=True)
class Question:
    field: str
    kind: Kind
    prompt: str
    help: str
    section: str = ""
    when: tuple[When, ...] = ()
    essential: bool = False
    # A second field of the same record asked in this prompt (`impact.period` with `impact.volume`): its
    # own question follows, asked only when this answer left it open.
    partner: str = ""
    joined: Joined = Joined.unit
    form: str = ""  # how the two are typed, e.g. `2,000 a day`
    alone: str = ""  # this field's own question, where it is shown without its partner

    @property
    def id(self) -> str:
        return self.field

    @property
    def title(self) -> str:
        """The question above this field's answer alone: a paired prompt without its partner's half."""
        return self.alone or self.prompt

    def applies(self, plan: Plan) -> bool:
        return all(condition.holds(plan) for condition in self.when)

    def answered(self, plan: Plan) -> bool:
        """Answered, an explicit "we have none" (`monitoring: none`) included."""
        return answered_at(plan, self.field)


SECTIONS = (
    Section(
        "product",
        "Product goal and ML framing",
        "Start from the service users get, not from 'train a model'. A clear goal and metric "
        "decide everything that follows, including whether ML is needed at all.",
    ),
    Section(
        "heuristics",
        "Heuristic feasibility",
        "You may not need ML. Plain rules plus people for the rest are a real production system, "
        "and the baseline any model must beat.",
    ),
    Section(
        "by_hand",
        "Be the algorithm",
        "Doing the task by hand on real examples shows which signals matter, where the hard cases "
        "are, and how well a person does: the yardstick for any model.",
    ),
    Section(
        "impact",
        "Impact bottleneck",
        "Imagine the model works. Was it worth it? Aim the first model at the part of the pipeline "
        "whose improvement pays the most, and make the project worth doing even if it disappoints.",
    ),
    Section(
        "press_release",
        "Press release",
        "Write the announcement before the work: who benefits and what changes for them. "
        "If it is hard to write, the project may only be 'cool'.",
    ),
    Section(
        "constraints",
        "Constraints",
        "Data, labels, latency, retraining and cost rule out designs before any modelling starts. "
        "Better to learn it now than after the first model.",
    ),
    Section(
        "done",
        "Done criteria and after launch",
        "ML progress is nonlinear: define done, a time box and what you do when it runs out before "
        "tuning anything. Then say who owns the model once it is live.",
    ),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)

_CLASSIFYING = ("classification", "detection", "anomaly_detection")
# Tasks whose output is a case someone (or some place: a driver, a clinic, a slot) must take on.
_SENDS_CASES = (*_CLASSIFYING, "ranking", "matching", "recommendation")
# Tasks that pair each case with providers or items from a pool: the pool's room and newcomers matter.
_MATCHES = ("matching", "recommendation")
# Tasks that put providers, items or cases in order or pick among them.
_PICKS = ("ranking", *_MATCHES)
# What a pick hands out to a pool that takes only so many and meets new members: work, or a place shown.
_POOL = ("providers", "items")
_RULES_TRIED = ("rules_suffice", "rules_baseline")
_AMOUNTS = ("regression", "forecasting")  # tasks whose label is a number read or counted
# Traits ticked of the person the output is about (not `none`, not details that only appear in the text read).
_DESCRIBES_A_PERSON: tuple[str, ...] = ("age", "sex", "nationality", "religion", "disability", "family")
_DESCRIBES_A_PERSON += ("ethnicity", "postcode", "name", "language", "country", "record")
_PEOPLE_LABEL = ("existing", "manual", "vendor", "proxy")  # labels people gave, who may disagree
# A pilot on part of the units, or a live trial beside today's process: a period it runs in before everyone.
_PILOTED = ("random", "typical", "volunteers", "worst", "easiest", "alternating", "not_decided")
_TRIALLED = ("shadow", "canary", "holdout", "a_b_test", "interleaving")


@dataclass(frozen=True)
class _Entry:
    field: str
    prompt: str
    help: str
    when: tuple[When, ...]
    long: bool
    essential: bool
    with_: tuple[str, Joined, str] | None
    alone: str


def _q(
    field: str,
    prompt: str,
    help: str,
    *when: When,
    long: bool = False,
    essential: bool = False,
    unit: tuple[str, str] | None = None,
    pair: tuple[str, str] | None = None,
    trailing: tuple[str, str] | None = None,
    alone: str = "",
) -> _Entry:
    """A question; `unit=(field, form)` or `pair=(field, form)` asks a second field in the same prompt,
    and `trailing=(field, form)` a figure after a text answer; `alone` is the first field's question
    where it is shown on its own (`planner show`, the site), without its partner's half."""
    joined = (unit[0], Joined.unit, unit[1]) if unit else (pair[0], Joined.pair, pair[1]) if pair else None
    joined = (trailing[0], Joined.trailing, trailing[1]) if trailing else joined
    return _Entry(field, prompt, help, when, long, essential, joined, alone)


_BANK: dict[str, tuple[_Entry, ...]] = {
    "product": (
        _q("owners", "Who owns this plan?", "Names or handles of the people accountable for it."),
        _q(
            "product.goal",
            "What service will users get?",
            "Describe the outcome in the users' terms (e.g. 'fraudulent orders never ship'), not the model.",
            essential=True,
        ),
        _q("product.users", "Who are the users?", "The people or teams who feel the result."),
        _q(
            "product.audience",
            "Who uses or sees its output: only our own staff, people outside, or both?",
            "People outside who type into a system can try to steer it, and can be shown what they should "
            "not see; people outside a decision falls on need a way to contest it. Staff working over "
            "their own documents need neither.",
        ),
        _q(
            "product.pain",
            "What hurts for them today?",
            "The pain this plan removes; be concrete.",
        ),
        _q(
            "product.success_metric",
            "Which product metric should move?",
            "A business or product number (e.g. chargeback rate), not a model score.",
        ),
        _q(
            "product.metric_measured_today",
            "Is that metric measured today?",
            "If not, instrument it first: without it nobody can tell whether the model helped.",
        ),
        _q(
            "product.decision",
            "Who acts on each prediction, and what do they do differently?",
            "E.g. 'an analyst reviews the held order before it ships'. A prediction nobody acts on changes "
            "nothing: 'nobody yet' is an answer, and the most important one to hear now.",
            essential=True,
        ),
        _q(
            "product.action_shape",
            "How does the output turn into action?",
            "A cut-off, the top of a queue people work through, an amount it sets, an output for every item, "
            "a few suggestions to choose from, or alerts up to what people can check a day: the metric must score the output where the action "
            "happens (precision in the top 40 a day, the cost of being short at the peak), not on average.",
        ),
        _q(
            "product.delivery",
            "How does each prediction reach whoever acts on it?",
            "A prediction only changes something where the decision is taken: a system that decides "
            "automatically does not read a dashboard, and people who act in their own tool rarely open a "
            "new one. Say it when the integration is not built or not licensed, or nobody receives it yet.",
            essential=True,
        ),
        _q(
            "product.decision_owner",
            "Who or what takes that decision?",
            "A person, a team or a system; it tells who must trust the output.",
        ),
        _q(
            "product.current_solution",
            "How is it solved today?",
            "The current process or workaround, even if it is manual or poor.",
            essential=True,
        ),
        _q(
            "product.current_performance",
            "How well does today's solution do, in numbers?",
            "E.g. 'catches 45% of duplicates, 1 false hold a day': the figure a model must beat by a margin.",
            When("product.current_solution"),
            essential=True,
        ),
        _q(
            "product.task",
            "What kind of ML task is it?",
            "The framing decides data, metrics and effort; pick the simplest that fits. Reading fields from "
            "documents, forms or scans into records (an invoice's total, a contract's dates and parties), "
            "with a language model or not, is extraction.",
            essential=True,
        ),
        _q(
            "product.inputs",
            "What will the model see when it predicts?",
            "Only what is available at prediction time.",
        ),
        _q(
            "product.input_count",
            "About how many candidate inputs (columns, features) may the model weigh?",
            "E.g. 40, counting the features you would derive; leave it empty for raw images, text or sound. "
            "A model needs some 10 to 20 cases of the rarer class per candidate input, or it fits noise.",
            When("product.task", ("classification", "detection", "anomaly_detection")),
        ),
        _q(
            "product.inputs_known_after",
            "When is each input recorded? Name those written down at or after the moment the model predicts.",
            "Go down the list with whoever keeps the records: before the case, when it opens, during it (on the "
            "day, at the visit), at checkout or closing, after opening the device. Name each one recorded then "
            "or later as you listed it (e.g. 'number of fittings fitted'); 'none' if all come earlier; 'not "
            "checked' if nobody has gone down the list yet.",
            When("product.inputs"),
        ),
        _q(
            "product.person_inputs",
            "Which inputs describe a person the output is about, or stand in for a trait of theirs? Tick each.",
            "Age, sex, nationality, ethnicity, religion, disability, family status; and what stands in for "
            "them: where someone lives, a name, a language, a country of registration (a vessel's flag), a "
            "record that follows privilege (a degree, a past publication, a referral). Where such "
            "details only appear in the text it reads (a name in a comment it summarises) and the output is "
            "about no such person, tick that. 'none' is an answer.",
            When("product.inputs"),
        ),
        _q(
            "product.person_effect",
            "What does the output do to the person it is about?",
            "Help offered that they may decline (a free visit, a support call) refuses nobody anything; a "
            "job, credit, a place, a price or an inspection chosen by these inputs is decided on them; a "
            "screen of the very condition a detail describes (health answers on a fitness-to-take-part form) "
            "checks that detail, it does not stand in for another; a longer slot because an interpreter is "
            "needed adjusts to the need, nobody getting less.",
            When("product.person_inputs", _DESCRIBES_A_PERSON),
        ),
        _q(
            "product.unseen_by_model",
            "What do the people who decide today look at that the model will not get?",
            "A phone call, a site visit, a paper file, handwriting or scans the text extraction drops, an "
            "attachment, what they know of the customer: decisions that turn on it are out of the model's "
            "reach. 'nothing' is an answer.",
            When("product.inputs"),
        ),
        _q(
            "product.model_reach",
            "What can the model read or do beyond the request it is given? Tick each.",
            "A model that looks things up or acts does so with some account's rights: whoever can ask can "
            "get what that account may read, and text an outsider wrote (an e-mail, a web page, an uploaded "
            "file) can carry instructions it follows. 'nothing beyond the request' is an answer.",
            When("product.task", ("generation", "extraction", "other")),
        ),
        _q(
            "product.output",
            "What will it predict?",
            "The output (e.g. 'probability the order is fraud').",
        ),
        _q(
            "product.picks",
            "What does it put in order or pick: people or firms it hands work to, items it shows, cases, or "
            "records it links?",
            "Briefs to barristers, journeys to drivers, leads to salespeople hand work to providers; listings "
            "or titles shown to a buyer are items; tickets, claims or files for staff to work through are "
            "cases; an archive record linked to an address, a part to a catalogue entry, tracks to a release "
            "are records. Providers and items each take only so many, arrive new, and gain from being picked; "
            "records do not.",
            When("product.task", _PICKS),
        ),
        _q(
            "product.no_match_share",
            "What share of the inputs have no true match among the candidates at all?",
            "New items the catalogue does not hold yet, works never registered, a record whose address is "
            "gone: matched anyway, each is a wrong match, and a test built only from inputs that have a "
            "match never counts them. E.g. 10%; 'not measured' is an answer.",
            When("product.task", ("matching",)),
        ),
        _q(
            "product.none_fits",
            "When no candidate is the true one, or two fit about equally, what does the output do?",
            "Say 'no match' (a new entry is made or a person decides), hand the case to a person below a "
            "score, or always give its best candidate.",
            When("product.task", ("matching",)),
        ),
        _q(
            "product.inputs_count_picks",
            "Do its inputs hold what each one got from earlier picks (recent work, fees, jobs, sales, views)?",
            "Jobs done, fees earned, briefs in the last quarter, sales, views, or ratings that only come with "
            "the work: each pick raises them, and the next ranking reads that. 'no' if its inputs describe "
            "each one apart from what it was given.",
            When("product.picks", _POOL),
        ),
        _q(
            "product.amended_share",
            "What share of the documents does another document change, one the model will not read?",
            "An amendment, a side letter, an attachment or a later version can change a date, an amount or a "
            "party: read from the main document alone, those fields are wrong. Text generated from source "
            "documents counts those that describe another version of the item (last year's price list, the "
            "previous vintage, an older spec). E.g. 8%; 'not measured', or 'none'.",
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.unreadable_share",
            "What share of the documents or records has a field unreadable, blank or missing?",
            "A smudged scan, a box left empty, a page that was never attached, a record without the fact a "
            "draft must state: a model asked for every field fills it with a plausible value nobody can tell "
            "from one it read. E.g. 6%; 'not measured', or 'none'.",
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.unreadable_answer",
            "What does the output write for a field or a fact it cannot read or that is not there?",
            "Models rarely leave a field blank unless the output lets them say 'unreadable' or 'not present' "
            "(a draft: 'not given'); a plausible value there is an error the evaluation must count.",
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.statements_source",
            "Where does the model get each kind of statement the output must make: figures, instructions, "
            "legal wording, safety advice?",
            "For each kind: from the input record, from a reference you supply (a product label, a data "
            "sheet, an approved clause library), or only from the model's own knowledge. A statement no input "
            "or reference holds cannot be checked against a source by anyone. 'input', 'reference', 'model', "
            "or 'not checked'.",
            When("product.task", ("generation",)),
        ),
        _q(
            "product.conversion",
            "Who converts values into the target system's dates, units, currencies or codes?",
            "A model asked for '2024-04-03' from '03/04', a price in euros from one in pounds or our product "
            "code from the supplier's sometimes converts wrong, and nothing shows it; have it write the value "
            "as the source says it and convert in code, with tests. 'none_needed' if nothing is converted.",
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.values_held",
            "Are any of these values already held as structured fields somewhere: the form or system that "
            "produced the document?",
            "A portal form, the sender's system or our own system that printed the document may hold the same "
            "values as fields (an export, an API, a database): 'some' if it holds any of them, 'none' if the "
            "document is their only record, or 'not checked'.",
            When("product.task", ("extraction",)),
        ),
        _q(
            "product.items_covered",
            "Must each output cover every item of a list its sources hold, and what counts the ones it leaves "
            "out?",
            "Every account in a file, every party to a deal, every batch on a certificate, every section a "
            "report must have: an item left out leaves no wrong line to see, and a reader checking what is "
            "there never sees it. 'counted' if a done metric counts them against a list drawn from the "
            "sources; where a document holds several records (rows, batches), map each to its item and score "
            "per record.",
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.lead_days",
            "How many days before the outcome, or the day it serves, must the prediction be made?",
            "Stock ordered 10 days ahead needs a forecast made 10 days out; a score at application may use only "
            "what is known at application. 0 if it is decided on the spot. One decision for several days (a "
            "rota published on Thursday for Monday to Saturday): the span, e.g. 4-9.",
            When("product.output"),
        ),
        _q(
            "product.decision_horizon_days",
            "Of the days the forecast shows, how far ahead does the decision it feeds act?",
            "A three-week forecast made on Thursday may feed only next week's rota (days 4 to 10: 10), the "
            "later weeks shown for sight: the forecast is judged at the days the decision acts on. Leave blank "
            "when it acts on every day shown.",
            When("product.task", ("forecasting",)),
            When("product.lead_max_days", above=0),
        ),
        _q(
            "product.decision_uses",
            "What exactly does the decision consume from the forecast, at what grain and in which unit?",
            "A rota is planned in interpreter-hours while bookings are counted (one lasts 1 hour, another 6); a "
            "weekly total feeds a decision taken per day against a 24-hour target; cover is needed if at least "
            "one call comes in the slot, whatever the count; deliveries that cannot wait are added to "
            "collections that can. Tick each that holds, and 'derived_scored' if the figure the decision uses "
            "is derived from the forecast and that figure is scored; 'same' if the decision uses the forecast "
            "as it is.",
            When("product.task", ("forecasting", "regression")),
            When("product.action_shape", ("sets_amount",), otherwise=("product.task", ("forecasting",))),
        ),
        _q(
            "product.forbidden_guard",
            "Is there anything the output must never include or propose, and what keeps it out?",
            "An allergen for an allergic customer, another client's details, a refund it may not promise, a "
            "dose above the limit: a model that only learned to avoid it will one day propose it. A ranking, "
            "match or recommendation drops every candidate a hard condition rules out before scoring, in "
            "code: a penalty in the score only lowers it.",
        ),
        _q(
            "product.forbidden_output",
            "What must it never include or propose?",
            "Name each, e.g. 'peanuts for customers with a nut allergy; another client's figures'.",
            When("product.forbidden_guard", ("rule", "review", "model", "not_yet")),
        ),
        _q(
            "product.required_output",
            "What must every output carry, by law, policy or contract?",
            "A safety warning, a disclaimer, its sources, the price: a model only usually includes it, so "
            "something must check it does. 'nothing' is an answer.",
        ),
        _q(
            "product.label",
            "What label will it learn from?",
            "The recorded truth for past cases (e.g. 'chargeback within 90 days').",
        ),
        _q(
            "product.classes_change",
            "Do the classes it chooses among change over time?",
            "A router or classifier over your own units (branches, teams, depots, product lines) meets a new "
            "one the day it opens, with no class for it, and sends its cases to the nearest old one; an "
            "extractor meets a new document type or a field added to a form, and fills the nearest field it "
            "knows or leaves it out.",
            When("product.task", ("classification", "extraction")),
            When("product.action_shape", ("every_item", "choose_among")),
        ),
        _q(
            "product.negative_label",
            "What makes a case a negative in the labels? Tick each that holds.",
            "A negative is often only an absence: nobody reported it, nobody looked, someone chose not to "
            "act, or its outcome has not had time to happen. The model then learns who gets noticed or acted "
            "on, and its score counts the misses as right. 'not a yes/no label' is an answer.",
            When("product.label"),
        ),
        _q(
            "product.label_is_proxy",
            "Is the label only a proxy for the goal?",
            "A proxy (clicks for satisfaction) can improve while the goal does not.",
            When("product.label"),
        ),
        _q(
            "product.label_cause_share",
            "Of the positives, what share got the label for the reason the model is meant to detect?",
            "A label event often has other causes: tyres scrapped at an age limit, not for damage; members who "
            "cancelled because they moved; parts replaced on a schedule. The model learns whatever causes most "
            "of them. A share (22%), or 'not measured'.",
            When("product.label"),
            When("product.task", _CLASSIFYING),
        ),
        _q(
            "product.earlier_stage_recall",
            "Does an earlier stage choose what the model sees? If so, its recall?",
            "Retrieval, candidate generation, a filter or a blocking step: what it drops the model never "
            "sees, so its recall (e.g. 92%) caps the whole. 'not measured', or 'none' if no stage chooses.",
        ),
        _q(
            "product.data_kinds",
            "Which kinds of data are involved?",
            "Images, audio, video and free text rarely yield to hand-written rules.",
        ),
        _q(
            "product.transcription_error",
            "Does the model read text another stage made from recordings or scans? If so, its word error rate?",
            "Speech to text of a meeting or a voice note, OCR of scans or handwriting, machine translation: "
            "measure it on real recordings and pages (a hall without a microphone, cross-talk, engine noise), "
            "on the names, figures and trade terms the output relies on, and who said what. The model writes "
            "fluent text on a wrong transcript, so this error is a ceiling of the whole. E.g. 8%; 'not "
            "measured', or 'none' if no such stage.",
            When("product.data_kinds", ("audio", "images", "video")),
            When("product.task", ("extraction", "generation")),
        ),
        _q(
            "product.mode",
            "Will it improve a process, augment people, or automate them?",
            "Automating people away needs far more accuracy and a fallback than augmenting them.",
            essential=True,
        ),
        _q(
            "product.checked_outputs",
            "Which of its outputs does a person check, and when?",
            "A check that covers only what the model flags or rejects leaves what it passes unchecked, and a "
            "check after a draft is published or sent finds the error once it is out: say which outputs a "
            "person looks at before they are used, if any.",
            When("product.mode", ("augment", "automate")),
            # where each output is used as it comes, or the model decides alone: what goes unchecked is used
            When("product.action_shape", ("every_item",), otherwise=("product.mode", ("automate",))),
        ),
        _q(
            "product.reviewer_stake",
            "Who checks each output before it counts, set against the people it is about?",
            "E.g. draft replies to complaints approved by the branch manager the complaint names, or a "
            "report on a team's results signed off by that team: the people it is about. Another team or "
            "a central desk is not; nor is anyone where the output is about nobody's work (a product, a "
            "document, a machine).",
            When("product.action_shape", ("every_item",), otherwise=("product.forbidden_guard", ("review",))),
            When("product.mode", ("augment",), otherwise=("product.forbidden_guard", ("review",))),
        ),
        _q(
            "product.act_undoable",
            "When a person acts on a wrong output, can that act be undone before it does lasting harm?",
            "A chemical on a garment, a payment made or a record others rely on stays done: a check of a sample "
            "afterwards finds the damage, so risky or unsure cases need a check before the act.",
            When("product.action_shape", ("every_item",)),
            When("product.mode", ("augment",)),
        ),
        _q(
            "product.circumstances",
            "Which of these hold for this product? Tick each that does.",
            "Facts beyond the decision that change what to plan for: who else relies on the output, what "
            "the people it takes over from also do, whether its output steers the process it learns from, "
            "who gains from it and shapes its inputs, which rules govern it, whether it acts unchecked, how "
            "success is counted and whether a target rewards doing more, what its labels record, whether it changes "
            "how an alarm, an interlock or a trip responds. 'none of these' is an answer.",
            essential=True,
        ),
        _q(
            "product.governance",
            "Which of these is already done for this use? Tick each.",
            "A signed-off review, a documented legal basis or a named signatory settles what the advice would "
            "otherwise ask you to start; 'none of these yet' is an answer.",
            When("product.circumstances", ("sector_rules",)),
        ),
    ),
    "heuristics": (
        _q(
            "heuristics.rules",
            "Which if-then rules could solve it?",
            "List candidate rules (condition -> action), even crude ones; leave it empty if you truly have none.",
        ),
        _q(
            "heuristics.verdict",
            "What happened when you tried rules?",
            "Rules may be all you need, a mediocre baseline, or useless; 'not tried' is an honest answer.",
            essential=True,
        ),
        _q(
            "heuristics.coverage",
            "What share of cases do the rules handle, and what share of those do they get right?",
            "E.g. 60%, 95%: they decide 60% of cases and get 95% of those right, measured on real cases, "
            "not guessed; humans take the rest. 'not measured' is an answer for either (not measured, "
            "not measured): then count both on a hundred real cases before the rules are weighed.",
            When("heuristics.verdict", _RULES_TRIED),
            essential=True,
            pair=("heuristics.accuracy", "60%, 95%"),
            alone="What share of cases do the rules handle?",
        ),
        _q(
            "heuristics.accuracy",
            "Of the cases they handle, what share do they get right?",
            "E.g. 95%; measured on real cases, not guessed ('not measured' is an answer: then check a "
            "hundred handled cases before the rules are weighed). A forecast or an amount has no share right: "
            "enter the rules' error (MAPE, MAE) as the done metric's baseline instead (done.metrics), "
            "with what the baseline is, and leave this blank.",
            When("heuristics.verdict", _RULES_TRIED),
            essential=True,
        ),
        _q(
            "heuristics.improved",
            "Before naming the rule the baseline, did anyone try to make it better?",
            "Most of a rule's false alarms (or misses) often share a few causes it ignores: a context signal "
            "(on its charger, on a break, in a known safe place), a longer wait, a second condition. Sorting "
            "a sample of its errors by cause and measuring two or three changes may remove most of them; the "
            "best rule is then the baseline a model must beat.",
            When("heuristics.verdict", ("rules_baseline",)),
        ),
        _q(
            "heuristics.humans_handle",
            "What do the humans in the loop handle?",
            "Rules plus people is a production system: say what goes to people.",
        ),
    ),
    "by_hand": (
        _q(
            "by_hand.examples",
            "How many real examples did the team do by hand, and could they decide from the inputs alone?",
            "Doing 50-200 cases yourself is the cheapest way to learn the problem; 0 is an honest answer. "
            "Cases worked beside the staff who do the task every day count; their daily volume alone does "
            "not (say who does it every day in `by_hand.done_today_by`). Then: could an expert decide from only the inputs the "
            "model sees? If not, the model likely cannot either. E.g. 120, yes.",
            essential=True,
            pair=("by_hand.expert_can_decide", "120, yes"),
            alone="How many real examples did the team do by hand?",
        ),
        _q(
            "by_hand.expert_can_decide",
            "Could they decide from only the inputs the model sees?",
            "If an expert cannot, the model likely cannot either: more inputs are needed. Asked once cases "
            "were done by hand: before that the answer is a guess.",
            When("by_hand.examples", above=0),
            essential=True,
        ),
        _q(
            "by_hand.done_today_by",
            "Who does this task by hand today, every day?",
            "Our own people, staff outside the team (another department, a contractor), or nobody. Where "
            "people do it daily, their work is the yardstick and the cheapest place to learn the task.",
        ),
        _q(
            "product.todays_call_input",
            "Is one of the inputs today's own decision or estimate on the case, the one the product is to "
            "replace?",
            "The specialist's estimate, the clerk's grade, the nurse's triage category: it sits closest to the "
            "outcome, so a model given it learns to copy it and scores well offline, then loses it (or reads "
            "its own output back) once it replaces it. 'not checked' is an answer.",
            When("by_hand.done_today_by", ("our_experts",)),
        ),
        _q(
            "product.todays_call_feeds",
            "Is that call the very decision the model's output is meant to inform, or a different one?",
            "A surveyor's urgency band, when the output is used to set the band: at prediction time the "
            "call is not made yet, and the model learns to copy the call it should inform. A nurse's triage "
            "category kept as an input to a later bed forecast is a different decision. 'not checked' is an "
            "answer.",
            When("product.todays_call_input", ("kept",)),
        ),
        _q(
            "by_hand.minutes_per_example",
            "Minutes per example?",
            "How long a person needs per case; it prices manual labels and human review.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.noticed",
            "What did you look at to decide?",
            "Signals you used: candidates for features and for rules.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.hard_cases",
            "Which cases were hard?",
            "Ambiguous or rare cases: where the model will struggle and labels disagree.",
            When("by_hand.examples", above=0),
        ),
        _q(
            "by_hand.human_score",
            "How well do people (or today's system) do the task, as a score?",
            "E.g. 0.92 if they get 92 of 100 cases right; it bounds what a model can reach. Use the same "
            "measure when you set the done criteria at the end. If yours is an error (a MAPE of 6.1%, a "
            "median difference), enter it as it is and say so in the notes: lower is better then. 'not "
            "measured' is an answer.",
        ),
        _q(
            "by_hand.human_score_notes",
            "How was that human score measured?",
            "Who judged, on how many cases, and on which measure (say if it is an error, where lower is "
            "better).",
            When("by_hand.human_score", measured=True),
        ),
        _q(
            "by_hand.expert_available",
            "Is a domain expert available to the team?",
            "Experts label, explain hard cases and spot nonsense early.",
        ),
    ),
    "impact": (
        _q(
            "impact.bottleneck",
            "Which step, if improved, gives the most value, and what share of the whole does it take?",
            "The step, then its share of one item's end-to-end time, delay or cost today: e.g. 'reviewers "
            "check each photo, 8 of 45 minutes' (20% works, and 'not measured'). A model saves at most what "
            "its step takes, and a product metric counted end to end moves at most by that share.",
            essential=True,
            trailing=("impact.step_share", "photo checks, 8 of 45 minutes"),
            alone="Which step, if improved, gives the most value?",
        ),
        _q(
            "impact.step_share",
            "What share of one item's end-to-end time, delay or cost does that step take today?",
            "E.g. 8 of 45 minutes, or 20%; 'not measured' is an answer, and then time a few items end to "
            "end: a step of 8 minutes in 45 can save at most 8.",
            essential=True,
        ),
        _q(
            "impact.volume",
            "How many items (orders, tickets...) would the model handle, and per what period?",
            "Count them at the step the model improves, e.g. 2,000 a day or 60k a month; for a job run "
            "one time over a backlog, the whole of it, e.g. 40,000 once. Where the model scores everything and "
            "people review only the top (1.2 million tiles scored, the top 500 read), type the number scored "
            "here and what people review in the flags a day and capacity questions.",
            essential=True,
            unit=("impact.period", "2,000 a day"),
            alone="How many items would the model handle?",
        ),
        _q(
            "impact.period",
            "Per what period?",
            "Day, week, month, quarter or year; 'once' when the model runs one time over a backlog (archived forms, "
            "a historical dump) and nothing arrives after it.",
            When("impact.volume"),
            essential=True,
        ),
        _q(
            "impact.capacity_per_day",
            "How many of the model's cases can the people or places that act on them take, a day or a week?",
            "E.g. 40 reviews a day, 24 deliveries a driver's route takes, 30 visits a clinic books: a model "
            "that sends more than that floods them or leaves the rest unserved, and then what counts is "
            "precision at that budget. A budget over another period works too (60 a year; 40 a month for a "
            "list drawn up monthly, compared with the month's volume as said); known for one "
            "person, their count (4 a week), and the next question asks how many share the work. "
            "'not measured' is an answer.",
            When("product.mode", ("improve", "augment")),
            When("product.task", _SENDS_CASES),
            essential=True,
        ),
        _q(
            "impact.capacity_people",
            "How many people or places share that capacity?",
            "If the capacity above is per person, how many people share the work? E.g. 75 audiologists "
            "who can each take 4 extra calls a week: planner reads the capacity as 4 a week times 75. "
            "1 when the capacity above is already the whole team's.",
            When("impact.capacity_per_day", measured=True),
        ),
        _q(
            "impact.flagged_per_day",
            "How many cases do you expect the model to send them (flags, matches, picks), a day or a week?",
            "At the threshold or list length you plan, over the capacity's period where it has one (40 a "
            "month); 'not measured' is an answer.",
            When("impact.capacity_per_day"),
        ),
        _q(
            "impact.read_per_day",
            "Do people read the cases sent to choose the few they act on? How many can they read?",
            "More are sent than they act on: a flood, or a list read to choose from (a shortlist of 40 read "
            "a week, about 8 taken forward)? For a list, the cases they can read in that period (40 a "
            "week), counted as the capacity is; blank where each case sent is acted on. 'not measured' is "
            "an answer.",
            When("impact.flagged_per_day", beyond="impact.capacity"),
        ),
        _q(
            "impact.supply_limit",
            "Can each provider or item the model matches take only so many cases, and does the match hold it?",
            "A tutor has so many hours, an interpreter so many bookings, a shift one locum: a model that "
            "sends everyone to the few best-rated overloads them and starves the rest, unless each one's "
            "limit is a constraint of the match itself. 'no' for a film or an article anyone can get.",
            When("product.picks", _POOL),
        ),
        _q(
            "impact.easy_share",
            "What share is easy or out of scope, and what share will the first model address?",
            "E.g. 20%, 60%: 20% of the inputs are plainly out of scope or unmistakable, a slice a first release can take "
            "safely (0 if there is none, 'not measured' if nobody has counted); aim the first model at the easy, high-volume part.",
            essential=True,
            pair=("impact.share_addressed", "20%, 60%"),
            alone="What share is easy or out of scope?",
        ),
        _q(
            "impact.share_addressed",
            "What share of those items will the first model address?",
            "E.g. 20%: aim the first model at the easy, high-volume part. 'not measured' is an answer: then "
            "count it on a sample before the estimate decides.",
            essential=True,
        ),
        _q(
            "impact.easy_slice",
            "Which slice is the easy or out-of-scope one?",
            "How you would recognise those items from the inputs alone (e.g. 'blank pages', 'another product').",
            When("impact.easy_share", above=0),
        ),
        _q(
            "impact.value_per_item",
            "Value or time saved per item addressed, with its unit?",
            "Per item of the volume you counted above, e.g. 15 EUR, $2 or 10 minutes. A value per case found "
            "(a fraud caught, a fault fixed, a call-out avoided) is not per item when the volume counts every "
            "item: give it per case here and the share of items where it happens next (40 EUR on 1 item in "
            "10 is 4 EUR an item). 'not measured' is an answer: then time or price a few items before the "
            "estimate decides.",
            essential=True,
            unit=("impact.value_unit", "15 EUR"),
            alone="Value or time saved per item addressed?",
        ),
        _q(
            "impact.value_unit",
            "In which unit?",
            "E.g. EUR, USD or minutes.",
            When("impact.value_per_item"),
            essential=True,
        ),
        _q(
            "impact.benefit_share",
            "On what share of the items addressed does that value happen?",
            "E.g. 10% where the value is per case found (a fraud caught, a call-out avoided) and 1 item in 10 "
            "is one; leave it empty where every item gains it, or 'not measured'. The estimate is volume x "
            "share addressed x this share x value.",
            When("impact.value_per_item", above=0),
        ),
        _q(
            "impact.saved_share",
            "Of the events warned of correctly and acted on, what share does the action save?",
            "A repair made in time, a customer who takes the offer and stays: acting on a right warning rarely "
            "saves every case. The estimate is scaled by it; 'not measured' leaves it an upper bound.",
            When("impact.benefit_share", below=1),
            When("product.lead_days", above=0),
        ),
        _q(
            "impact.action_cost",
            "What does each action the output triggers cost or give away?",
            "A discount, a voucher, a call, a visit, a refund: a metric of actions taken (sales, acceptance) "
            "can rise while each one loses money. 'nothing' is an answer.",
        ),
        _q(
            "impact.effort_weeks",
            "Effort to a first model in production, in person-weeks?",
            "A rough estimate; it is set against the value above.",
            essential=True,
        ),
        _q(
            "impact.worth_it",
            "Imagine the model works: was it worth that effort?",
            "If a perfect model would not pay, stop here.",
        ),
        _q(
            "impact.if_it_fails",
            "If the model disappoints, what do you still learn or keep?",
            "The best projects pay off whatever the outcome (data cleaned, a process measured).",
        ),
        _q(
            "impact.costlier_error",
            "Which error costs more?",
            "It sets the metric and the decision threshold; for a number that sets an amount (staff, stock), "
            "say whether predicting too low or too high costs more. For extraction, a value the document "
            "holds but the output misses (left out, or read as its opposite: a 'yes' read as 'no' on a form "
            "used as a screen) is a false negative; a value written that the document does not say (invented, "
            "or a 'no' read as 'yes') a false positive.",
        ),
        _q(
            "impact.error_harm",
            "What is the worst error this system can make, and who is hurt by it?",
            "E.g. 'a cancer is cleared without a radiologist seeing it'; money, health, safety, legal standing "
            "or access at stake call for people in the loop, a fallback, and a way to count that error.",
            essential=True,
        ),
        _q(
            "impact.error_severity",
            "How badly does a wrong prediction hurt?",
            "Minor (a worse suggestion), moderate, serious, or severe (lasting harm to someone).",
            When("impact.error_harm"),
        ),
        _q(
            "impact.harm_kinds",
            "What can a wrong output harm? Tick each.",
            "Which harm, not only how much: an error that can injure someone or cut them off from a service "
            "calls for a person's check and a score that counts it, however rare it is.",
            When("impact.error_harm"),
        ),
    ),
    "press_release": (
        _q(
            "press_release.headline",
            "Headline of the launch announcement?",
            "One line a user would care about.",
        ),
        _q(
            "press_release.problem",
            "The announcement's first paragraph: the user's problem, in their words?",
            "Who suffers, how often, what it costs them.",
            long=True,
        ),
        _q(
            "press_release.solution",
            "How does the product solve it?",
            "What changes for the user; no model talk.",
            long=True,
        ),
        _q(
            "press_release.quote",
            "A quote from a happy user?",
            "What they would say after a month.",
            long=True,
        ),
        _q("press_release.call_to_action", "How do users start?", "The first step for a user."),
        _q(
            "press_release.faq",
            "Which questions will people ask?",
            "Include the hard ones: what if it is wrong, what does it cost, what data does it use.",
        ),
    ),
    "constraints": (
        _q(
            "constraints.data.sources",
            "Where does the data come from?",
            "Each source, and whether it is your own, a vendor's, public, or still to collect.",
        ),
        _q(
            "constraints.data.period",
            "Which period does the data cover, from when to when?",
            "E.g. 'Jun 2023 - May 2025'. Data from one season or one year's conditions says little about "
            "the others.",
        ),
        _q(
            "constraints.data.changes",
            "What changed during that period: rules, prices, terms, process, systems or who is served? When?",
            "E.g. 'new booking terms from 1 Jan 2025'; a model learns the old regime from the data before a "
            "change. 'nothing' is an answer.",
            When("constraints.data.period"),
        ),
        _q(
            "constraints.data.change_kind",
            "What did that change touch? Tick each.",
            "Each asks for other care: a new label standard, relabelling; an input that means something else "
            "(a sensor moved), mapping or dropping its old values; a bonus for the people who record the "
            "outcome, an audit of their labels; new sites or customers, scores per group.",
            When("constraints.data.changes", said=True),
        ),
        _q(
            "constraints.data.change_reach",
            "How much of production does it reach?",
            "A change at one site of fifteen, which each row names, is a note; one across the whole "
            "operation changes what every live case means.",
            When(
                "constraints.data.change_kind",
                ("label_standard", "input_meaning", "recorder_incentive", "population", "process"),
            ),
        ),
        _q(
            "constraints.data.change_share",
            "What share of production is that part? (6 of 9 sites is 67%)",
            "A part that is most of production is not a note: most live cases follow the change, and the rows "
            "from before it no longer describe them.",
            When("constraints.data.change_reach", ("part", "part_tracked")),
        ),
        _q(
            "constraints.data.dropped",
            "Was anything removed from the data before training or testing? Tick each.",
            "Production removes nothing: a model tested without the extremes, the failures or an odd period "
            "meets them live untested, and they are often the cases that matter most.",
            When("constraints.data.period"),
        ),
        _q(
            "constraints.data.labels",
            "Where do labels come from?",
            "Tick every source. No labels is the most common reason an ML project stalls. A prompted or bought "
            "model that nobody trains needs none to learn from: tick 'no labels' and name its checked test cases "
            "later.",
            essential=True,
        ),
        _q(
            "constraints.data.label_delay_days",
            "Days until the real-world outcome is known?",
            "E.g. chargebacks arrive up to 90 days later; it limits retraining and monitoring. "
            "A range such as 30-90 works; 'not measured' is an answer: then date a month of outcomes "
            "before the retraining and monitoring plans rely on it.",
            When("constraints.data.labels", ("outcomes",)),
            essential=True,
        ),
        _q(
            "constraints.data.label_grain",
            "How is each row's label obtained?",
            "A total measured once for several items (a round's weight, a month's cost) and shared among them "
            "says nothing about any one item: a model trained on the shares learns the sharing rule back. A time "
            "between two recorded events holds whatever waits between them.",
            When("product.task", _AMOUNTS),
            When("constraints.data.labels", ("existing", "outcomes", "manual", "vendor", "proxy")),
        ),
        _q(
            "constraints.data.label_error",
            "How far apart are two measurements of the same case's label, in the done metric's units?",
            "The label's own error: a lab method that repeats to within 0.4, a meter read to 0.5 kWh. A model "
            "is scored against these readings, so no test can show an error below theirs. 0 if the count is "
            "exact (sales scanned at the till); 'not measured' is an answer.",
            When("product.task", _AMOUNTS),
            When("constraints.data.labels", ("existing", "outcomes", "proxy")),
        ),
        _q(
            "constraints.data.label_wrong_share",
            "What share of the existing labels is known to be wrong?",
            "A label that is a person's decision or a record is wrong that often: an audit that found 7% "
            "invalid, the chosen treatment re-done on 9% of items. A model right on every case scores no "
            "higher than the rest against them. 'not measured' is an answer.",
            When("constraints.data.labels", ("existing",)),
        ),
        _q(
            "constraints.data.zero_share",
            "What share of the periods to forecast have an actual of zero?",
            "Per item and day, site and week, as the forecast is scored: e.g. 0.4 when four in ten are zero. A "
            "percentage error divides by the actual, so zero and one-unit periods decide it. 'not measured' is "
            "an answer.",
            When("product.task", ("forecasting",)),
        ),
        _q(
            "constraints.data.labeled_examples",
            "How many labeled examples exist today?",
            "Count, not guess; zero is fine. 'not measured' is an answer where there are some nobody has "
            "counted: then count them before the data plan relies on it.",
            When("constraints.data.labels", ("existing", "outcomes", "manual", "vendor", "proxy")),
            essential=True,
        ),
        _q(
            "constraints.data.outcome_recorded_for",
            "For which cases is the outcome recorded?",
            "Often only for the cases someone showed, checked, approved or treated: the model then never "
            "learns what happens to the others, and once live its own choices decide what it learns from. "
            "When acting on a flagged case (a call, an offer, a repair) aims to stop the very outcome "
            "recorded, it is recorded for every case but changed by the action. A match or a recommendation "
            "records it only for the pairs made or the items shown: the cases someone chose.",
            When("constraints.data.labels", ("existing", "outcomes", "proxy")),
            essential=True,
        ),
        _q(
            "constraints.data.outcome_kept_live",
            "Once the model is live, will every case still get its outcome, whatever the model picks?",
            "Yes where a check the model does not choose still covers every case: a final inspection of "
            "every roll, every claim settled, every garment treated and recorded. No where the cases it "
            "passes over stop being checked, so their outcome is never known.",
            When("constraints.data.outcome_recorded_for", ("every_case",)),
            When("product.action_shape", ("threshold", "top_of_queue", "up_to_capacity")),
        ),
        _q(
            "constraints.data.exploration_share",
            "What share of cases is decided at random or kept out of the model's hands?",
            "E.g. 2% of orders approved whatever the score: labels that are nobody's choice, to learn and "
            "measure on. Count only cases picked at random without looking at the model, and then handled "
            "as if it had said nothing; a routine check (1 in 50 inspected as a matter of course) counts "
            "only where it is drawn that way and acted on without the score. 0 is an honest answer.",
            When("constraints.data.outcome_recorded_for", ("selected_cases", "changed_by_action")),
            essential=True,
        ),
        _q(
            "constraints.data.exploration_drawn",
            "How are the cases in that share chosen?",
            "A routine sample drawn at random from all cases, and then handled as if the model had said "
            "nothing, shows what happens to the cases it would not pick. A sample of the flagged, one "
            "picked by people, or one handled with the score in view shows only what the model (or they) "
            "already chose.",
            When("constraints.data.exploration_share", above=0),
        ),
        _q(
            "constraints.data.outcome_limits",
            "Can the recorded outcome fall short of what really happened? Tick each that holds.",
            "Sales stop when stock runs out, care delivered stops at a spend cap, patients at an event are "
            "counted only as far as the staff there "
            "could see and record them, incidents count only when someone reports them, cases nobody "
            "looked at get a default, a case ends another way before its outcome (or its result goes to another record), a lot below its reserve "
            "goes unsold with no price, a fault people stop when they see it coming, samples postponed in the "
            "floods and gales that matter most: a model learns the record, "
            "not what happened.",
            When("constraints.data.labels", ("existing", "outcomes", "proxy")),
        ),
        _q(
            "constraints.data.capped_marked",
            "Are the rows where the record hit its cap (sold out, full, turned away) marked in the data and "
            "treated as at least the cap, or left out?",
            "A sold-out day records the stock, not the demand: marked and read as a lower bound (censored), "
            "or left out of training and test, it no longer teaches the model yesterday's supply.",
            When("constraints.data.outcome_limits", ("capped",)),
        ),
        _q(
            "constraints.data.left_early_share",
            "Of the cases that enter, what share leave before their outcome is known?",
            "Withdrawn, dropped at an earlier check, transferred, still open: a model trained on the cases "
            "that reached the outcome learns from survivors, and a test of them says nothing of the rest. "
            "'not measured' is an answer.",
            When("constraints.data.outcome_limits", ("other_exits", "below_threshold")),
        ),
        _q(
            "constraints.data.exits_which",
            "Which cases leave before their outcome reaches the data?",
            "Where the cases that leave are the extreme ones (a pour failing its early test goes to a "
            "non-conformance report, a solver who gives up has no time), the data keeps the mild ones only: "
            "their results must be joined back from where they went, or kept as censored. A case whose "
            "result exists in another record counts here. 'not known' is an answer.",
            When("constraints.data.outcome_limits", ("other_exits",)),
        ),
        _q(
            "constraints.data.label_dated",
            "Which date does each label carry: the day it happened, or the day someone recorded it or closed "
            "the case?",
            "Outcomes typed in on a weekly round, from a backlog or in a batch carry the day of typing, and a "
            "fault closed by its repair carries the repair's day, weeks after it was found: each "
            "moves by days, so the model learns when staff record, and a forecast of the day is scored "
            "against the wrong day. 'not checked' is an answer.",
            When("constraints.data.labels", ("existing", "outcomes", "proxy")),
        ),
        _q(
            "constraints.data.label_recorded_after_days",
            "At most how many days after it happens is the outcome recorded?",
            "E.g. 6 for a weekly round; 'not measured' is an answer.",
            When("constraints.data.label_dated", ("recorded",)),
        ),
        _q(
            "constraints.data.label_writer",
            "Who or what writes the outcome down, and have they seen an estimate first?",
            "A person who sees an estimate (a rule's, a colleague's, the model's once live) tends to record "
            "it: the label then agrees with the estimate, not with what happened. Invoiced hours equal to the "
            "quote, or a promised date taken as the outcome, are copies; hours typed in at the end of the week "
            "are written from memory, rounded.",
        ),
        _q(
            "by_hand.outcome_causes",
            "Does the outcome combine causes that different actions would address? Name each, or 'none'.",
            "A pupil withdrawn for health or for behaviour; a return for fit or for a fault: one label for "
            "both teaches a model to find the commoner cause, and one action rarely fits both.",
            When("product.task", _CLASSIFYING),
        ),
        _q(
            "by_hand.raters",
            "How many people assign the labels, or made the past decisions they record?",
            "E.g. 1 if one person labels every case, 12 if a dozen officers each decided their own cases: "
            "each has their own habits, which the labels carry.",
            When("constraints.data.labels", _PEOPLE_LABEL),
        ),
        _q(
            "by_hand.rater_recorded",
            "Does the data record who labelled or decided each case?",
            "With it, the test can be split by rater or by rater period, and agreement measured per person.",
            When("by_hand.raters", above=1),
        ),
        _q(
            "by_hand.label_agreement",
            "When two people label the same case, how often do they agree?",
            "E.g. 85%; a model rarely beats the people who make its labels, and low agreement calls for "
            "labelling guidelines first. 'not measured' is an answer.",
            When("constraints.data.labels", _PEOPLE_LABEL),
        ),
        _q(
            "by_hand.double_labelled",
            "How many cases did two people label for that figure?",
            "Agreement on 20 cases is a guess; on 200 it is a measurement.",
            When("by_hand.label_agreement", measured=True),
        ),
        _q(
            "by_hand.disagreements_settled",
            "Are the disagreements settled in the labels the model is tested on?",
            "Yes if a third person, a senior or a consensus decides each case two people label differently, "
            "after that agreement was measured: settled labels are cleaner than either person's, so a target "
            "above the agreement can be real. No if each case keeps one person's label: then the agreement "
            "caps what a test on those labels can show.",
            When("by_hand.label_agreement"),
        ),
        _q(
            "constraints.data.rarest_class_share",
            "Share of the rarest class that matters?",
            "E.g. 0.5% fraud; accuracy means nothing for rare classes. Count it per row; where rows come "
            "grouped (clips of a flock), the units holding one are asked apart. 'not measured' is an answer.",
            When("product.task", _CLASSIFYING),
            essential=True,
        ),
        _q(
            "constraints.data.rarest_class_share_from",
            "Where was that share measured?",
            "Among all the cases production sees, or in the labelled data? A collected set is often "
            "balanced or enriched (48% where production has 1 in 500): precision measured there is not "
            "precision at production's base rate.",
            When("constraints.data.rarest_class_share"),
        ),
        _q(
            "constraints.data.rows_per_thing",
            "Can several rows describe one and the same thing, or related ones that share their outcome?",
            "Repeat reports of one event, frames of one object, visits of one person, years of one site; "
            "littermates, members of one family, cases of one site share much of their outcome: split at "
            "random and the test set holds near-copies of training rows, so its score flatters.",
        ),
        _q(
            "constraints.data.repeated_unit",
            "Which thing, or group sharing an outcome, do several rows describe?",
            "E.g. 'one incident', 'one animal', 'one customer', 'one litter', 'one site': the unit to split by.",
            When("constraints.data.rows_per_thing", ("several",)),
        ),
        _q(
            "constraints.data.acted_between_rows",
            "Between one thing's rows, is it ever repaired, treated or made safe because of what a row found?",
            "A pump overhauled after a failed inspection, a patient treated after a visit, a stone staked after a "
            "failed test: its later rows describe the fixed thing, and a model learns that it is fine, not that "
            "it was at risk. 'not checked' is an answer.",
            When("constraints.data.rows_per_thing", ("several",)),
        ),
        _q(
            "constraints.data.positive_units",
            "How many distinct ones of that thing hold at least one case of the rarer class?",
            "Count the flocks, sites or patients, not the rows: 160,000 positive clips from 31 flocks are 31 "
            "independent positives to learn from, and a test split holds a handful of them. 'not measured' "
            "is an answer.",
            When("constraints.data.rows_per_thing", ("several",)),
            When("product.task", _CLASSIFYING),
        ),
        _q(
            "constraints.data.positives_top_source_share",
            "Of the rarer class's cases, what share come from the one source (supplier, site, device, batch) "
            "giving the most?",
            "Where most positives come from one source, the model can learn the source (its spectra, camera, "
            "format) instead of the fault, and a random split rewards it. 'not measured' is an answer.",
            When("constraints.data.rarest_class_share"),
            When("product.task", _CLASSIFYING),
        ),
        _q(
            "constraints.data.versioned",
            "Is raw data versioned and never overwritten?",
            "Without it, no result can be reproduced. 'not checked' is an answer.",
        ),
        _q(
            "constraints.data.inputs_built",
            "Are the training rows' inputs as each case stood when predicted, or from today's tables?",
            "A customer profile, a balance or a status joined to past cases as it is today holds what "
            "happened after each prediction, often the outcome itself: offline scores flatter. Snapshots, a "
            "change history or values that never change after capture (a photo, a form as sent) do not. "
            "'not checked' is an answer.",
            essential=True,
        ),
        _q(
            "constraints.data.input_capture",
            "In today's process, when is each input captured, against the moment its label is decided?",
            "Think of the order of the steps: the photo at intake, then the grading. Tick each that holds: all "
            "before the label, the same way for every item; some at or after it, or because of it (a photo "
            "taken at grading, a note written once the fault is known); some that show the label or are its "
            "record (the scale's reading or the reject crate in the photo); some in a step only one class goes "
            "through, or from another place for one class (an extra close-up of rejects, stock images); some "
            "captured in another place, light or background, or on another scanner, card, rig or lab, for a "
            "group that goes with the label (each grade photographed where it is stacked); some kept "
            "only as corrected since (the fault patched or edited out of the stored copy). 'not checked' is an "
            "answer.",
            When(
                "product.data_kinds",
                ("images", "audio", "video"),
                otherwise=("constraints.data.labels", _PEOPLE_LABEL),
            ),
        ),
        _q(
            "constraints.data.last_input",
            "Which input reaches your tables last, and how many days after the moment the model predicts?",
            "E.g. 'lab panel, 9': the model predicts when the sample is taken, the result arrives 9 days "
            "later. For a case predicted ahead, count from the prediction, not from the outcome: a score "
            "recorded at the inspection the model predicts 30 days before is 30; a value there when it "
            "predicts is 0 or less. For a forecast, count from the day forecast, not from the day a value is "
            "loaded: a rota for that day "
            "published 3 days before it is -3; past sales or issues, there up to the order day, are minus the "
            "lead less their loading delay (loaded the same day, forecast 7 days ahead: -7). 'not measured' "
            "is an answer.",
            trailing=("constraints.data.last_input_days", "lab panel, 9"),
            alone="Which input reaches your tables last?",
        ),
        _q(
            "constraints.data.last_input_days",
            "How many days after the moment the model predicts does that input arrive?",
            "Count to the day it lands in your tables, after as plus, before as minus. For a case, from the "
            "prediction, not the outcome (a lab result back 9 days after the sample the model predicts at: 9; "
            "there as it predicts: 0). For a forecast, from the day forecast: forecasting next Monday on this "
            "Monday, sales loaded each evening are there 7 days before it, -7; a rota out the Friday before, -3; "
            "a yearly return published each spring, some 300 days after the days it covers, 300 (never there "
            "when the forecast is acted on). 'not measured' is an answer.",
            When("constraints.data.last_input"),
        ),
        _q(
            "constraints.data.late_inputs",
            "Any other input that arrives after the moment the model predicts, or is recorded later?",
            "E.g. 'discharge note, 2', 'survey score, 5': each with its days, as above. An empty name ends the "
            "list.",
            # Asked once the last input arrives late: where it is there in time, so is every other.
            When("constraints.data.last_input_days", above=0),
        ),
        _q(
            "constraints.data.differences",
            "What differs between the data you have and what the product will see?",
            "Tick each: another device or camera, channel, language, population or season, capture "
            "conditions (operator, lighting, settings), a shifting mix of cases, or inputs recorded only "
            "after the moment of prediction (a discharge code, a later status), inputs observed in the "
            "data but only forecast live (the weather, prices), input values beyond the data's range (longer "
            "distances, bigger amounts, new price bands), or conditions changed since the data (the site, course, "
            "route or layout). Scores on unlike data say little about production.",
            essential=True,
        ),
        _q(
            "constraints.data.differences_note",
            "What exactly differs, and which inputs come only afterwards?",
            "E.g. 'phone photos, the product sees the line camera'; 'refund status is set days later'.",
            When(
                "constraints.data.differences",
                (
                    "device",
                    "channel",
                    "language",
                    "population",
                    "season",
                    "capture",
                    "mix",
                    "later_inputs",
                    "forecast_inputs",
                    "range",
                    "conditions",
                ),
            ),
        ),
        _q(
            "constraints.data.backtest_feeds",
            "For the inputs only forecast live, what does the backtest feed?",
            "Live, the model has only a forecast of next week's weather or prices; a backtest fed the values "
            "observed in the period it predicts scores it on facts it will not have. A stand-in known then "
            "(a seasonal average) or the forecasts as issued score it as it will run.",
            When("constraints.data.differences", ("forecast_inputs",)),
        ),
        _q(
            "constraints.data.newcomers",
            "In production, what share of cases concern items, people or places the data has never seen?",
            "New products, new customers, a season's new range: a model that learned each one's past has "
            "nothing to read for them, and a random test split hides it. Where each case is a different person "
            "or item that never comes back (a one-off applicant, each new claim), that is nearly all; whether "
            "one of them fills several rows is asked apart.",
        ),
        _q(
            "constraints.data.new_supply_share",
            "What share of the providers or items it picks among are new each period, with no past matches?",
            "New tutors, new volunteers, new listings: a model trained on past matches has nothing to score "
            "them by, so they get no matches and never gain a record. E.g. 15%; 'not measured' is an answer.",
            When("product.picks", _POOL),
        ),
        _q(
            "constraints.data.missing_input_share",
            "In production, what share of cases lacks a key input the model reads?",
            "Clients with no history, sites with no sensor, a field often left blank: the model meets them "
            "with a gap, and an average score hides how it does on them. E.g. 15%; 'not measured', or 'none'.",
        ),
        _q(
            "constraints.data.personal_data",
            "Does the data hold personal data?",
            "Privacy review and retention rules take time: start them now.",
            essential=True,
        ),
        _q(
            "constraints.data.whose_data",
            "Whose personal data is it? Tick each.",
            "Consumers and members of the public gave it under a consent or a privacy notice; people at client "
            "or supplier firms, under a contract with their firm; children's records need a stronger reason.",
            When("constraints.data.personal_data", (True,)),
        ),
        _q(
            "constraints.data.special_categories",
            "Does it hold any of these special categories of personal data? Tick each.",
            "Health (a fit note, a diagnosis), union membership, religion, sex life, biometrics or criminal "
            "records need a stated condition and a signed-off review before they go to anyone else; "
            "'none of these' is an answer.",
            When("constraints.data.personal_data", (True,)),
        ),
        _q(
            "constraints.data.leaves_organisation",
            "Will data leave the organisation (to a vendor, an API, a cloud service), and may it?",
            "Not only personal data: client documents and source code too. What the contracts allow decides "
            "whether a hosted model is an option at all. Not sure whether anything leaves? That is 'not "
            "checked' too.",
            essential=True,
        ),
        _q(
            "constraints.data.content_rights",
            "Do the data, the prompts or the examples hold content others own (articles, images, reviews, "
            "manuals, code)?",
            "Public is not free to use: terms may forbid training on it, or reproducing it in an output.",
        ),
        _q(
            "constraints.latency.serving",
            "How are predictions served?",
            "Batch precomputes; online answers a request; interactive means a person waits.",
            essential=True,
        ),
        _q(
            "constraints.latency.p99_ms",
            "The p99 latency budget in milliseconds, and the p99 a candidate measured?",
            "The slowest 1% of predictions must fit in the budget. A budget is a wish until a candidate (the "
            "vendor's API, a prototype) meets it on real inputs: e.g. 200, 120; or 200, not measured.",
            When("constraints.latency.serving", ("online", "interactive")),
            essential=True,
            pair=("constraints.latency.measured_p99_ms", "200, 120"),
            alone="The p99 latency budget in milliseconds?",
        ),
        _q(
            "constraints.latency.measured_p99_ms",
            "Has anyone measured a candidate's p99 latency? In milliseconds.",
            "The vendor's API or a prototype, on real inputs; 'not measured' is an answer. A budget is a "
            "wish until a candidate meets it.",
            When("constraints.latency.serving", ("online", "interactive")),
            essential=True,
        ),
        _q(
            "constraints.latency.model_size",
            "Which model size class do you expect?",
            "Start small; big models cost latency, money and maintenance.",
        ),
        _q(
            "constraints.retraining.cadence",
            "How often must the model be retrained?",
            "The more often, the more labels, compute and care it needs.",
        ),
        _q(
            "constraints.retraining.trigger",
            "What else triggers a retraining?",
            "E.g. drift alarm, new product line.",
            When(
                "constraints.retraining.cadence",
                ("yearly", "half_yearly", "quarterly", "monthly", "weekly", "daily", "continuous"),
            ),
        ),
        _q(
            "constraints.compute.budget_per_month",
            "Compute and service budget per month?",
            "With its currency (e.g. €3,000 or 3000 USD); 0 if no money is set aside for it yet.",
        ),
        _q(
            "constraints.compute.predictions_per_period",
            "How many predictions or calls, and per what period?",
            "E.g. 60k a month; with the cost per call it gives the monthly bill.",
            unit=("constraints.compute.prediction_period", "60k a month"),
            alone="How many predictions or calls?",
        ),
        _q(
            "constraints.compute.prediction_period",
            "Per what period?",
            "Day, week, month, quarter or year; 'once' when the model runs one time over a backlog (archived "
            "forms, a historical dump) and nothing arrives after it.",
            When("constraints.compute.predictions_per_period"),
        ),
        _q(
            "constraints.compute.cost_per_prediction",
            "Cost of one prediction or API call?",
            "E.g. $0.02 for two cents; count the hosted API's price per call. 'not measured' is an answer: "
            "then price a day's calls before the budget decides.",
        ),
        _q("constraints.compute.hardware", "Where does it run?", "CPU, GPU or edge devices."),
        _q(
            "constraints.compute.hosted_service",
            "Will it rely on a hosted (black-box) ML service?",
            "Convenient, but hard to tune, debug and leave. 'Not decided yet' is an answer where a hosted API "
            "and your own model are both candidates: then settle what data may leave before choosing.",
        ),
        _q(
            "constraints.compute.hosted_model",
            "Which hosted model or API?",
            "E.g. 'a GPT-4-class LLM through the vendor's API'; its round trip and price per call matter.",
            When("constraints.compute.hosted_service", (True,)),
        ),
        _q(
            "constraints.compute.hosted_access",
            "Through whose accounts is the hosted model reached?",
            "The organisation's contract or business account lets it fix what the vendor may do with the "
            "data (no training on it, how long it is kept, where); staff's own or consumer accounts leave "
            "that to each person's plan, and client or personal data should not go through them.",
            When("constraints.compute.hosted_service", (True,)),
        ),
        _q(
            "constraints.compute.vendor_black_box",
            "Is it a vendor's model you cannot inspect or retrain, running on your own devices?",
            "Bought with a device (a handheld camera, a scanner): the data stays with you, yet its errors, "
            "updates and limits are the vendor's.",
            When("constraints.compute.hardware", ("edge",)),
            When("constraints.compute.hosted_service", (False,)),
        ),
        _q(
            "constraints.explainability_required",
            "Must each prediction be explained?",
            "To users, auditors or regulators; it limits the model families you can use.",
        ),
    ),
    "done": (
        _q(
            "done.metrics",
            "Which metrics define done?",
            "The first is primary. Give the dataset, today's baseline, the target and the direction.",
            essential=True,
        ),
        _q(
            "by_hand.human_score_same_measure",
            "Was the human score measured as the first of these metrics is?",
            "Yes if on the same metric and cut (top-1 against top-1, recall at the same precision) and the same "
            "kind of cases: then the target can be set against it. No if people were scored another way (their "
            "top-5, their agreement, an easier sample): the two numbers cannot be joined.",
            When("by_hand.human_score", measured=True),
        ),
        _q(
            "done.worst_error_metric",
            "Which of those metrics counts the worst error you named?",
            "Its name, or 'none': a target can be met while the error that hurts most goes uncounted.",
            When("impact.error_harm"),
            essential=True,
        ),
        _q(
            "done.metric_unit",
            "What does one score of the done metric count, against what one decision acts on?",
            "A decision on a whole order, a day's alert or a patient is not scored by its lines, its events "
            "or its images, nor by a monthly total that lets errors cancel: score each decision as it is "
            "taken.",
        ),
        _q(
            "done.list_need",
            "What does the action need from the list: one right item, all the needed items, or the order?",
            "A repair visit needs every part, a recipe every ingredient: a list that holds one right item in "
            "its top five scores a hit, yet the visit still fails for the part it lacks. Score what the "
            "action needs: the share of visits whose list holds every needed item, where it needs them all.",
            When("product.task", ("ranking", "recommendation")),
        ),
        _q(
            "done.test_pool",
            "How many candidates is each query ranked against in the test, and how many live?",
            "A test that searches one week's or one branch's candidates ranks each query among far fewer than "
            "the product will meet, and the right one reaches the top five more easily among 40 than among "
            "800. E.g. 40, 800; 'not measured' is an answer for either.",
            When("product.task", ("matching", "ranking")),
            pair=("done.live_pool", "40, 800"),
            alone="How many candidates is each test query ranked against?",
        ),
        _q(
            "done.live_pool",
            "How many candidates will each live query be ranked against?",
            "Every open report, the whole register or catalogue it searches: e.g. 800, or 'not measured'.",
            When("product.task", ("matching", "ranking")),
        ),
        _q(
            "done.rate_over",
            "Whom does the done metric's share count: everyone who needed the action, or only the cases acted on?",
            "Where the model picks which cases are acted on, a rate among those it picked (a placement rate "
            "among the jobseekers taken on, a success rate among the repairs accepted) rises by picking easier "
            "cases, and a model trained to raise it learns to: those nearest to work first, simple jobs only. "
            "Pair it with a count over all who needed it, or a guardrail on the hard cases.",
            When(
                "product.action_shape",
                ("top_of_queue", "up_to_capacity"),
                otherwise=("product.task", ("ranking", "recommendation")),
            ),
        ),
        _q(
            "done.eval_set",
            "Which cases make up the evaluation set, and who labels them?",
            "E.g. '2,000 tickets from last month, labelled by two agents'; 'none' is an honest answer.",
        ),
        _q(
            "done.eval_truth",
            "Where do the evaluation set's right answers come from?",
            "A model that copies today's process scores perfectly against today's decisions, or against "
            "the output of the system it replaces: it can only be shown better against answers checked "
            "apart from both, or real outcomes. An answer by the other party (an offer accepted or declined) "
            "is an outcome, even where it is recorded only for the cases today's process chose. A person's "
            "note written as things happen (a diary, a "
            "keeper's log) is an observation, not a decision; a lab test or an expert's measurement is one "
            "even where it is also what today's process delivers. An expert who reads the model's answer "
            "before agreeing with it agrees with most.",
            When("done.eval_set"),
        ),
        _q(
            "done.eval_inputs",
            "Where do the evaluation's inputs come from?",
            "Real cases as the product will meet them say how it will do; picked cases, questions written "
            "from the documents, or a simulation scored by a model say how it does on those.",
            When("done.eval_set"),
        ),
        _q(
            "done.eval_drawn",
            "How were the evaluation's cases chosen?",
            "A test set picked by any criterion (most complaints, easiest, one source or site, those already "
            "labelled) scores the model on those cases, not on what the product will meet.",
            When("done.eval_set"),
        ),
        _q(
            "done.eval_in_index",
            "Are the evaluation's questions, or their answers, among the documents it searches?",
            "Past questions whose own answers (or earlier versions of the same document) sit in the index "
            "score look-up, not drafting; an index cut before the test's questions, or with their answers "
            "removed, scores new ones. 'not checked' is an answer.",
            When("product.task", ("generation", "other")),
            When("done.eval_set"),
        ),
        _q(
            "done.eval_horizon_days",
            "How many days before the outcome are the evaluation's predictions made?",
            "The horizon the test scores at, in the unit of the lead (0.25 for inputs up to 6 hours before): "
            "a forecast scored on the last hours' data says little of one made days ahead, when the decision "
            "is fixed. A backtest at several horizons (1, 3 and 7 days): the span, e.g. 1-7. 'not measured' "
            "is an answer.",
            When("product.lead_days", above=0),
        ),
        _q(
            "done.baseline_horizon_days",
            "How many days before the outcome is the baseline's figure made?",
            "Today's forecast or estimate, the figure to beat, at its own horizon: a baseline made the day "
            "before and a model made a week before are not compared like for like. 'not measured' is an "
            "answer.",
            When("product.lead_days", above=0),
        ),
        _q(
            "done.eval_rare_share",
            "What share of the evaluation set is the rarest class?",
            "A set balanced to half positives, or enriched with known cases, flatters precision: at "
            "production's share the same model raises many more false alarms for each true find. 'not "
            "measured' is an answer.",
            When("product.task", _CLASSIFYING),
            When("done.eval_set"),
        ),
        _q(
            "done.split",
            "How is test data split from training data?",
            "By time or by group when the product predicts the future or new customers.",
        ),
        _q(
            "done.test_size",
            "How many examples in the test set?",
            "Enough rare cases to trust the score.",
        ),
        _q(
            "done.test_used_for",
            "What are the test set's scores used for before the final figure?",
            "Nothing (nobody looks until the end), choosing the model, its settings or its threshold, or "
            "writing or adjusting the prompt or the rules.",
            When("done.eval_set"),
        ),
        _q(
            "done.validation_apart",
            "Is there a validation split, apart from the test set, where the tuning is done?",
            "Yes where settings, thresholds or prompt versions are tried on a split of their own and the test "
            "only picks among a few finalists; no where every try is scored on the test set itself.",
            When("done.test_used_for", among=("choosing", "prompt")),
        ),
        _q(
            "done.test_candidates",
            "How many candidates does the test's score choose among, counting every round?",
            "Models, settings, thresholds or prompt versions scored on it: 2 for a choice between two models; "
            "'not decided' is an answer.",
            When("done.test_used_for", among=("choosing", "prompt")),
        ),
        _q(
            "done.tuning_drawn",
            "Are the features and settings tuned on days later than they train on, or on days drawn at random?",
            "The test comes after training; tuning should too. Rolling-origin folds (train on the past, score "
            "the next block, move on) or a later block just before the test period; days drawn at random "
            "have their neighbours in training, and the settings chosen look better than they will. 'no "
            "tuning split' where the settings are fixed ahead; 'not decided' is an answer.",
            When("done.split", among=("time",)),
        ),
        _q(
            "done.timebox_weeks",
            "Time box in weeks, and what you will do if it runs out short of the target?",
            "When it runs out you decide: ship, continue, re-scope or fold. 4-6 weeks is a common start; "
            "e.g. 6, ship the rules and stop.",
            essential=True,
            pair=("done.fold_action", "6, ship the rules and stop"),
            alone="Time box in weeks?",
        ),
        _q(
            "done.fold_action",
            "What will you do if the time box runs out short of the target?",
            "E.g. 'ship the rules and stop', 'collect labels for a quarter'.",
            When("done.timebox_weeks"),
            essential=True,
        ),
        _q(
            "done.when_met",
            "What happens when the target is met?",
            "E.g. 'A/B test on 10% of traffic'.",
        ),
        _q(
            "done.online_validation",
            "How will the model be judged live before it replaces today's process?",
            "Offline scores rarely move the product metric one for one: an A/B test, a holdout or a shadow "
            "run tells. 'none' is an answer too.",
        ),
        _q(
            "done.pilot_units",
            "Where will it first run live, and how are those places, teams or customers chosen?",
            "Volunteers and easy sites flatter a pilot, and sites picked for doing worst improve next period "
            "anyway; units drawn at random, beside comparable ones left as they are, say what a roll-out gets.",
            When("done.online_validation"),
        ),
        _q(
            "done.pilot_period",
            "Does the pilot or shadow run meet conditions like the launch's: the season, volume, case mix, staff?",
            "A pilot in the quiet months with one person, then everyone live at the peak, is judged on the "
            "easy weeks: the peak's volume, rushed staff and unusual cases are first met live. Pilot in "
            "launch-like conditions, or go live off-peak and keep today's process through the first peak.",
            When("done.pilot_units", _PILOTED, otherwise=("done.online_validation", _TRIALLED)),
        ),
        _q(
            "done.later_phase",
            "What changes at launch or in a later phase? Tick each.",
            "A later phase is a new system, tested as it will run: dropping people's check needs the errors "
            "that check catches today. Tick wider_scope only for sites, groups, products, languages or "
            "channels the data does not hold yet (they need data from them); rolling out to the rest of "
            "a population the data already covers, after a pilot, is not a wider scope. Tick retires_check "
            "where a check that runs today beside the model (a morning phone round, a second reader) stops: "
            "one that stops at launch itself belongs here too, not only a later phase's.",
            When("done.online_validation"),
        ),
        _q(
            "done.skipped_from",
            "Who supplies the items or cases that skip today's check once the model runs?",
            "The check tests the item itself (what it is made of, where it came from, whether it works); the "
            "model reads what is shown of it (a label, a photo, a form). Where whoever supplies the item gains when it "
            "passes unchecked, they learn which items skip the check and bring more of them: audit a random "
            "share of the skipped items with the full check, for good, and watch the skipped share by supplier.",
            When("done.later_phase", ("retires_check", "removes_check")),
        ),
        _q(
            "decider",
            "Who decides whether the plan goes ahead, ships, continues or folds?",
            "One person, such as the sponsor or the team's manager: the portfolio names them beside each "
            "decision the plan waits for (approval, the ship or fold decision, a cost over budget).",
        ),
        _q(
            "after_launch.owner",
            "Who owns the model once it is live?",
            "A named team that watches it and retrains it.",
            essential=True,
        ),
        _q(
            "after_launch.monitoring",
            "What will you monitor, and when does it alert?",
            "Input drift, output rates, the product metric.",
            essential=True,
        ),
        _q(
            "after_launch.fallback",
            "What happens when the model is wrong or down?",
            "Design the product to fail gracefully (e.g. fall back to the rules).",
            essential=True,
        ),
        _q(
            "after_launch.blind_share",
            "What share of cases will people decide without seeing the model's proposal?",
            "E.g. 5%, or 0 if none: people who see a proposal tend to accept it, so their edits stop showing "
            "where the model errs. A share decided blind and compared with the proposal shows whether they "
            "still judge for themselves, and gives labels the model did not shape.",
            When("product.mode", ("augment",)),
        ),
    ),
}


def _has_field(path: str) -> bool:
    try:
        field_info(path)
    except KeyError:
        return False
    return True


def _condition(path: str, when: When, earlier: set[str]) -> When:
    """A follow-up condition checked against the model: the field exists, comes earlier, values are valid."""
    try:
        info = field_info(when.field)
    except KeyError:
        raise ValueError(
            f"bank: {path}: its condition names {when.field!r}, which plan.yaml has no field for"
        ) from None
    if when.field not in earlier:
        raise ValueError(
            f"bank: {path}: its condition on {when.field} must follow that question, not precede it"
        )
    base = core_type(info.annotation)
    if when.among is not None and base is bool:
        if not all(isinstance(value, bool) for value in when.among):
            raise ValueError(f"bank: {path}: {when.field} is a yes/no; `among` takes True or False")
        return when
    if when.among is not None:
        if not (isinstance(base, type) and issubclass(base, Enum)):
            raise ValueError(f"bank: {path}: `among` needs a choice field, and {when.field} is not one")
        values = [item.value for item in base]
        wrong = [value for value in when.among if value not in values]
        if wrong:
            raise ValueError(
                f"bank: {path}: {when.field} has no choice {wrong[0]!r}; it offers {', '.join(values)}"
            )
        also = _condition(path, When(*when.otherwise), earlier) if when.otherwise else None
        otherwise = (also.field, also.among or ()) if also else None
        return replace(when, among=tuple(base(value) for value in when.among), otherwise=otherwise)
    if (when.above is not None or when.below is not None) and base not in (int, float):
        raise ValueError(
            f"bank: {path}: `above` and `below` need a number field, and {when.field} is not one"
        )
    if when.measured and "'not measured'" not in repr(info.annotation):
        raise ValueError(
            f"bank: {path}: `measured` needs a field that takes 'not measured'; {when.field} does not"
        )
    return when


def _load(bank: dict[str, tuple[_Entry, ...]]) -> tuple[Question, ...]:
    """The bank as questions, each checked against the model; a mistake stops the import, naming it."""
    questions: list[Question] = []
    earlier: set[str] = set()
    keys = {section.key for section in SECTIONS}
    for key, entries in bank.items():
        if key not in keys:
            raise ValueError(f"bank: unknown section {key!r}")
        for entry in entries:
            try:
                info = field_info(entry.field)
            except KeyError as exc:
                raise ValueError(
                    f"bank: {entry.field}: plan.yaml has no field {exc.args[0]!r} there"
                ) from None
            if entry.field in earlier:
                raise ValueError(f"bank: {entry.field} is asked twice")
            kind = kind_of(info, long=entry.long)
            if entry.long and kind is not Kind.long_text:
                raise ValueError(f"bank: {entry.field}: only a text field can take a long answer")
            when = tuple(_condition(entry.field, condition, earlier) for condition in entry.when)
            partner, joined, form = entry.with_ or ("", Joined.unit, "")
            questions.append(
                Question(
                    entry.field,
                    kind,
                    entry.prompt,
                    entry.help,
                    key,
                    when,
                    entry.essential,
                    partner,
                    joined,
                    form,
                    entry.alone,
                )
            )
            earlier.add(entry.field)
            far = entry.field.replace("_days", "_max_days")
            if entry.field.endswith("_days") and far != entry.field and _has_field(far):
                earlier.add(far)  # a span's answer (`4-9`) fills its far end too: a condition may read it
    for question in questions:
        if question.partner:
            _check_partner(question, questions)
    return tuple(questions)


def _check_partner(lead: Question, questions: list[Question]) -> None:
    """A second field asked with a first: a field of the same record, its own question right after."""
    position = [question.field for question in questions].index(lead.field)
    following = questions[position + 1] if position + 1 < len(questions) else None
    if following is None or following.field != lead.partner:
        raise ValueError(f"bank: {lead.field}: its partner {lead.partner} must be the next question")
    if lead.partner.rpartition(".")[0] != lead.field.rpartition(".")[0]:
        raise ValueError(f"bank: {lead.field}: its partner {lead.partner} must be in the same record")
    if not lead.alone:
        raise ValueError(
            f"bank: {lead.field}: a question asked with a partner needs `alone`, its own question"
        )
    figures = (Kind.share, Kind.integer, Kind.number)
    if lead.joined is Joined.trailing:  # a text, then a figure
        if (
            following.essential != lead.essential
            or lead.kind is not Kind.text
            or following.kind not in figures
        ):
            raise ValueError(f"bank: {lead.field}: a trailing figure follows a text, and is as essential")
        return
    if following.essential != lead.essential or lead.kind not in figures:
        raise ValueError(f"bank: {lead.field}: a partner follows a figure, and is as essential as it")


QUESTIONS: tuple[Question, ...] = _load(_BANK)
BY_FIELD = {question.field: question for question in QUESTIONS}


# ---------------------------------------------------------------- queries over the bank


def section(key: str) -> Section:
    for candidate in SECTIONS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def questions_in(key: str) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if question.section == key)


@dataclass
class Completeness:
    """Which applicable questions are still unanswered, per section."""

    answered: int = 0
    applicable: int = 0
    missing: dict[str, list[Question]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.answered / self.applicable if self.applicable else 1.0

    @property
    def percent(self) -> int:
        return int(self.ratio * 100)

    def missing_fields(self) -> Iterator[str]:
        for questions in self.missing.values():
            for question in questions:
                yield question.field


def completeness(plan: Plan, *, essentials: bool = False) -> Completeness:
    """What is answered of the questions that apply (of the essential ones only, if asked)."""
    report = Completeness()
    for question in QUESTIONS:
        if not question.applies(plan) or (essentials and not question.essential):
            continue
        report.applicable += 1
        if question.answered(plan):
            report.answered += 1
        else:
            report.missing.setdefault(question.section, []).append(question)
    return report
