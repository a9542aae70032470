"""Advice that fits the plan where a rule's own would not: who chooses the cases, what holding back costs.

A rule's move and mitigation are what a lead says on most plans; on some the plan itself rules them
out, and a lead says something else. Each `Instead` here pairs the fact that rules the usual advice out
(read from the structured answers first) with the advice that fits, and the rule quotes the same fact
as evidence: customers choose which cases get an outcome (no random share can be kept out of their
choice: correct for who chooses); a case held back from the action pays for it (hold none back, add a
few below the cut); the action moves no money (a cap on amounts means nothing: limit how many, and which);
instruments record the outcome of what it sets (read its error from them, not from a person's audit).
"""

from __future__ import annotations

from planner.judgement.rules.base import Instead, Move, Tempered
from planner.judgement.rules.disclosed import discloses
from planner.judgement.rules.evidence import answer_at, first_said, quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import ANIMAL_CARE, CLINICAL_SETTING, PEOPLE, PROPOSAL
from planner.judgement.rules.words import SENTENCE, Lexicon, phrases, words_of
from planner.plan.fields import is_answered
from planner.plan.model import (
    ActionShape,
    Circumstance,
    ErrorCost,
    HarmKind,
    LabelWriter,
    Mode,
    OutcomeRecorded,
    Plan,
)

# ---------------------------------------------------------------- selective-labels: customers choose

# Words of a label that say customers chose which cases have an outcome (the quotes they booked, the
# offers they took up): nobody can keep a random share out of their choice.
_CUSTOMERS_CHOSE = Lexicon(
    phrases(
        "customers, customer, the customer, buyers, the buyer, guests, the guest, clients, the client",
        "accepted, booked, bought, chose, picked, purchased, selected, signed, took up, took out, renewed",
    )
    + ", "
    + phrases(
        "accepted, booked, bought, chosen, picked, purchased, selected, signed, taken up, taken out",
        "by customers, by the customer, by buyers, by the buyer, by guests, by the guest, by clients",
    )
    + ", "
    + phrases(
        "booked, bought, accepted, won, sold", "quote, quotes, offer, offers, policy, policies, job, jobs"
    )
    + ", "
    + phrases("quotes, offers, policies, jobs", "booked, bought, accepted, won, sold, taken up")
)


def chosen_by_others(plan: Plan) -> str | None:
    """Where only the chosen cases have an outcome and not the model but customers chose them (the quotes
    they booked, what they bought at the price the output set), the answer saying so, quoted. Not where
    the output's cut-off or queue picks cases too: a random share of those is still the way."""
    shape = plan.product.action_shape
    if plan.constraints.data.outcome_recorded_for is not OutcomeRecorded.selected_cases or shape in (
        ActionShape.threshold,
        ActionShape.top_of_queue,
        ActionShape.up_to_capacity,
    ):
        return None
    words = _CUSTOMERS_CHOSE.find_all(plan.product.label)
    if words:
        return quote(plan, "product.label", f"customers chose these cases: {', '.join(words)}")
    if shape is ActionShape.sets_amount:
        said = "the output does not choose the cases: whoever takes up the amount it sets does"
        return quote(plan, "product.action_shape", said)
    return None


def output_chooses_none(plan: Plan, found: tuple[str, ...]) -> Tempered | None:
    """selective-labels' evidence where the output chooses none of the cases that get an outcome, so its
    own choices will not narrow its labels further: customers chose them (no share is asked for: none
    can be kept out of their choice), or every item gets the output and someone else picks which."""
    if others := chosen_by_others(plan):
        return Tempered(3, (found[0], others))
    if plan.product.action_shape is ActionShape.every_item:
        return Tempered(
            3, (*found, quote(plan, "product.action_shape", "the output does not choose the cases"))
        )
    return None


CUSTOMERS_CHOOSE = Instead(
    lambda plan: chosen_by_others(plan) is not None,
    Move(
        "Record the cases not chosen, and correct for who chooses",
        "Outcomes exist only for the cases customers chose (the quotes booked, what was bought at the "
        "price set), and no random share can be kept out of their choice: record every case offered with "
        "its features, the ones not chosen too, compare the chosen with the rest on what is known of both, "
        "and weigh training and evaluation to the cases the decision will meet",
        "warning",
        first=True,
    ),
    "Customers, not the model, choose which cases get an outcome, so no random share can be kept out of "
    "their choice: record every case offered with its features, the ones not chosen too; compare the "
    "chosen with the rest on what is known of both; weigh training and evaluation to the cases the "
    "decision will meet, or model who chooses; until then, read offline scores as a bound on the chosen "
    "cases only.",
)


def others_pick_from_every_item(plan: Plan) -> bool:
    """Whether every item gets the output and someone else (customers, staff, a later step) picks which get
    an outcome: the output selects nothing, so no share can be kept out of its selection."""
    data = plan.constraints.data
    return (
        data.outcome_recorded_for is OutcomeRecorded.selected_cases
        and plan.product.action_shape is ActionShape.every_item
        and chosen_by_others(plan) is None
    )


OTHERS_PICK = Instead(
    others_pick_from_every_item,
    Move(
        "Record the cases nobody picked, and compare them with the picked",
        "Every case gets the output and someone else picks which ones get an outcome (a quote accepted, a "
        "case taken on), so no share can be kept out of the model's selection: record every case with its "
        "features, the ones not picked too, compare the picked with the rest on what is known of both, and "
        "weigh training and evaluation to the cases the decision will meet",
        "warning",
        first=True,
    ),
    "The output selects nothing here: every case gets it, and someone else picks which get an outcome. "
    "Record every case with its features, the ones not picked too; compare the picked with the rest on "
    "what is known of both; weigh training and evaluation to the cases the decision will meet; until "
    "then, read offline scores as a bound on the picked cases only.",
)

# ---------------------------------------------------------------- feedback-loop: holding back costs


def held_back_at_a_cost(plan: Plan) -> str | None:
    """Where holding an action back from a case the model picked costs too much (its errors are serious
    or severe, and a missed case costs no less than a needless action: a rescue, a safety visit), the
    answer saying so, quoted: there no share is kept out of the model's hands, a few are added below it."""
    impact = plan.impact
    if not serious_harm(plan):
        return None
    if impact.costlier_error in (ErrorCost.false_positive, ErrorCost.too_high):
        return None  # a needless action costs more: holding some back costs little
    return severity_quote(plan, "a case held back from the action pays for it")


HOLDING_BACK_COSTS = Instead(
    lambda plan: held_back_at_a_cost(plan) is not None,
    Move(
        "Hold no action back: log each one, and act on a random few below the cut",
        "When acting on a prediction changes the outcome the model learns from, it learns only from its "
        "own choices; where a case held back pays for it, keep none out of its hands but add a few: log "
        "every action, what it found and the score behind it, act on a small random share of the cases "
        "ranked just below the cut, and measure the model on those",
        "warning",
    ),
    "Hold no action back where a case held back pays for it: log every action, what it found and the "
    "score behind it; act on a small random share of the cases ranked just below the cut too, and compare "
    "them with those just above; evaluate and retrain on those logs, and watch what each action finds "
    "over time.",
)

# Words saying the flagged cases are sick people or animals needing care: the action is their treatment.
NEEDS_CARE = Lexicon("""
    sick, ill, illness, illnesses, disease, diseased, diseases, lame, lameness, mastitis, sepsis, unwell
    fever, medication, antibiotics, in pain, suffering
""")
# Care words that also fit things (water treatment, a road's deterioration, a file infected, benefit
# welfare): they say care only beside a patient or an animal.
_CARE_OF_THINGS_TOO = Lexicon("""
    infection, infections, infected, injured, injury, injuries, deteriorating, deterioration, treat
    treated, treatment, treatments, welfare
""")
# Who receives care: a patient, a resident of a home, a child, a calf, a herd.
_CARED_FOR = Lexicon("""
    patient, patients, resident, residents, child, children, baby, babies, infant, infants, mother, mothers
    pupil, pupils, elderly, person, people, client, clients, service user, service users
""")
_CARE_SAID = ("product.decision", "product.goal", "product.label", "title")
_BEING_SAID = (*_CARE_SAID, "product.users", "product.inputs", "impact.error_harm")


# What a label names where it is the health of the person or the animal flagged: an illness, an injury, a
# diagnosis, a deterioration, an urgency to treat.
_ILL_HEALTH = NEEDS_CARE + Lexicon("""
    diagnosed, diagnosis, diagnoses, pneumonia, infection, infections, injury, injuries, injured
    deteriorated, deteriorates, deterioration, deteriorating, death, died, dies, mortality, relapse, relapsed
    readmission, readmissions, readmitted, admission, admissions, pressure ulcer, pressure ulcers, lame
    lameness, mastitis, stroke, seizure, seizures, urgency, urgent, triage, medical, symptom, symptoms
""")


def withholding_harms(plan: Plan) -> bool:
    """Whether leaving flagged cases untreated would harm health or welfare: the decision is the care of
    a person or an animal (a patient or an animal is named, beside harm to health or words of care), not
    of a pipe, a crop, a water supply or a driver's rota. Where the team named what a wrong output harms
    and health is not among it, or the label names no one's ill health (contamination found, a ride
    not covered), the flagged cases are not sick people or animals, whoever the plan serves."""
    kinds = plan.impact.harm_kinds
    if kinds and HarmKind.health not in kinds:
        return False
    if is_answered(plan.product.label) and not _ILL_HEALTH.find(plan.product.label):
        return False
    clinical = first_said(plan, _BEING_SAID, CLINICAL_SETTING) or first_said(plan, _BEING_SAID, ANIMAL_CARE)
    if clinical and (
        HarmKind.health in plan.impact.harm_kinds or first_said(plan, _CARE_SAID, _CARE_OF_THINGS_TOO)
    ):
        return True
    beings = clinical or first_said(plan, _BEING_SAID, _CARED_FOR)
    return beings is not None and first_said(plan, _CARE_SAID, NEEDS_CARE) is not None


WITHHOLDING_CARE = Instead(
    withholding_harms,
    Move(
        "Compare without withholding care: a stepped roll-out, or cases flagged later",
        "When acting on a flag changes the outcome the model learns from, a random share left untreated "
        "would measure it, but these are sick people or animals: never leave a flagged case untreated; "
        "roll the model out in steps (pens, wards or sites start on staggered dates), compare with cases "
        "today's process flags later, and log every action, what it found and the score behind it",
        "warning",
    ),
    "Never leave a flagged sick case untreated to measure the model: roll it out in steps (units start on "
    "staggered dates) and compare each unit before and after; compare flagged cases with those today's "
    "process would have found later; log every action, what it found and the score behind it.",
)

# ---------------------------------------------------------------- commits-unchecked: no money moves

# Words of the decision or the output that say the action moves money: a cap is then on amounts.
_MOVES_MONEY = Lexicon("""
    pay, pays, paid, paying, payment, payments, pay out, pays out, paid out, payout, payouts
    refund, refunds, refunded, reimburse, reimburses, reimbursed, reimbursement, reimbursements
    credit, credits, credited, money, funds, cash, fee, fees, price, prices, priced
    discount, discounts, voucher, vouchers, compensation, invoice, invoices, claim, claims, loan, loans
    purchase, purchases, purchased, places the order, places orders, reorders, bank transfer, bank transfers
    transfers money, transfers the money, transfers funds, money transfer, money transfers
""")

# Who takes an action a sentence names: a person before the verb (`the tutor books the lessons`), or the
# system (`the model books the slot`); a person's own action commits nothing the model does alone.
_A_PERSON = PEOPLE + Lexicon("""
    tutor, tutors, teacher, teachers, planner, planners, scheduler, schedulers, manager, managers
    receptionist, receptionists, customer, customers, parent, parents, student, students, driver, drivers
    engineer, engineers, officer, officers, member of staff, members of staff
""")
_THE_SYSTEM = Lexicon("""
    model, models, system, systems, tool, algorithm, it, automatically, auto, bot, software, app, platform
    engine, service, pipeline
""")


def done_by_a_person(text: str | None, word: str) -> bool:
    """Whether every sentence of `text` that says `word` names a person before it and no system there:
    `the tutor books the lessons the model suggests` is the tutor's action, not the model's."""
    form = word.split(" ")
    subjects = []
    for sentence in SENTENCE.split(text or ""):
        said = list(words_of(sentence))
        starts = [i for i in range(len(said)) if said[i : i + len(form)] == form]
        if starts:
            before = " ".join(said[: starts[0]])
            subjects.append(bool(_A_PERSON.find(before)) and not _THE_SYSTEM.find(before))
    return bool(subjects) and all(subjects)


NO_LIMIT_NAMED = (
    "no limit on how many actions a day or on which cases it takes alone, and no way to undo one, is named"
)


def acts_without_money(plan: Plan) -> bool:
    """Whether the plan says what the model does alone (its decision or output) and no word of it moves
    money (it quarantines, publishes, books, grants a slot): caps on amounts do not fit it."""
    said = [answer_at(plan, path) for path in ("product.decision", "product.output")]
    said = [text for text in said if is_answered(text)]
    return bool(said) and not any(_MOVES_MONEY.find(text) for text in said)


# What an action that moves no money is, named by the words of the decision or the output.
_KINDS_OF_ACTION = (
    (
        "a schedule",
        Lexicon("schedule, schedules, scheduled, scheduling, rota, rotas, timetable, books, booked"),
    ),
    (  # `posts` as a verb with its object: `first-aid posts` are places, not a publication
        "a publication",
        Lexicon(
            "publish, publishes, published, publication, posts the, posts it, posts them, posts each, goes live"
        ),
    ),
    ("a message", Lexicon("sends, sent, message, messages, e-mail, e-mails, email, emails, notifies, texts")),
    (
        "a block or hold",
        Lexicon("blocks, blocked, quarantines, quarantined, holds back, suspends, suspended"),
    ),
)


def action_without_money(plan: Plan) -> str | None:
    """The decision or output quoted as what the model does alone, named by its kind (a schedule, a
    publication, a message), where no word of it moves money; None where it does or nothing says."""
    if not acts_without_money(plan):
        return None
    sent = discloses(plan)  # a message carrying a person's details is a disclosure, and none is undone
    if sent is not None:
        return quote(plan, sent[0], "what it does alone is a disclosure of a person's details, not undone")
    for path in ("product.decision", "product.output"):
        text = answer_at(plan, path)
        for kind, words in _KINDS_OF_ACTION:
            if is_answered(text) and words.find(text):
                return quote(plan, path, f"what it does alone is {kind}, not a payment")
    return None


def discloses_alone(plan: Plan) -> bool:
    """Whether what it does alone hands a person's details to someone else: a disclosure, which no log
    or undo takes back."""
    return discloses(plan) is not None


DISCLOSURE_MOVES = Instead(
    discloses_alone,
    Move(
        "Have a person confirm each disclosure before it goes",
        "A model that sends a person's details to someone else on its own discloses them at machine speed, "
        "and no log or undo takes a disclosure back: have a person confirm each one (or send only what "
        "identifies nobody), vet who receives them, audit a random sample each week, and keep a switch "
        "that stops it",
        "danger",
        first=True,
    ),
    "Have a person confirm each message that carries a person's details before it is sent; vet who "
    "receives them; share only what the first contact needs; audit a random sample each week; keep a "
    "switch that stops it.",
    title="It sends people's details to others with nobody checking each one",
)

NO_MONEY_MOVES = Instead(
    acts_without_money,
    Move(
        "Bound what it may do alone before it goes live",
        "A model that acts on its own (sends, publishes, books, grants, blocks) repeats each error at "
        "machine speed, and nobody sees an action before it lands: limit how many actions it takes alone "
        "a day and which cases it may act on, send the rest to a person, log every action with a way to "
        "undo it, audit a random sample each week, and keep a switch that stops it",
        "danger",
        first=True,
    ),
    "Limit how many actions it takes alone each day and which cases it may act on, with a person deciding "
    "the rest; log every action with a way to undo it (recall, unpublish, release, rebook); audit a random "
    "sample each week; keep a switch that stops it; for a generative model, take the action from a "
    "structured decision checked against policy, never from its free text.",
    title="It acts on its own with nobody checking each action",
)


def instruments_measure_it(plan: Plan) -> bool:
    """Whether instruments record the outcome of an amount or a setting it sets alone (label_writer event,
    with sets_controls ticked or the output an amount): its live error is read from the instrument's later
    reading, not from a person's random audit."""
    sets = (
        Circumstance.sets_controls in plan.product.circumstances
        or plan.product.action_shape is ActionShape.sets_amount
    )
    return sets and plan.constraints.data.label_writer is LabelWriter.event


INSTRUMENTS_MEASURE = Instead(
    instruments_measure_it,
    Move(
        "Bound what it sets alone, and read its error from the instruments",
        "A model that sets an amount on its own repeats each error at machine speed: keep hard limits and a "
        "limit on each step outside the model, log every setting, compare each one with the instrument's "
        "later reading of the outcome (not a person's random audit), and keep a switch that hands control back",
        "danger",
        first=True,
    ),
    "Keep hard limits and a limit on each step outside the model; log every setting it makes; measure its "
    "live error by comparing each setting's predicted outcome with the instrument's later reading, per "
    "regime, rather than by a person's random audit; keep a switch that hands control back to the "
    "existing controller or an operator.",
    title="It sets amounts on its own with nobody checking each one",
)


def declinable(plan: Plan) -> bool:
    """Whether, in augment mode, the decision or output says it is a suggestion (a draft, a proposal) that
    the person or customer it reaches takes or leaves: sent on its own, it still decides nothing alone."""
    return plan.product.mode is Mode.augment and (
        first_said(plan, ("product.decision", "product.output"), PROPOSAL) is not None
    )
