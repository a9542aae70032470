"""The fixed answers on what is at stake and how the product goes live: which harm a wrong output does,
what was removed from the data, where and in what period it first runs live, what a later phase
changes and who supplies what skips a retired check. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class HarmKind(StrEnum):
    """What a wrong output can harm: money or time, health, rights or access, privacy, property, trust."""

    money = "money"
    health = "health"
    rights = "rights"
    privacy = "privacy"
    property = "property"
    trust = "trust"


class PersonTrait(StrEnum):
    """Which inputs describe a person the output is about, or stand in for a trait of theirs."""

    age = "age"
    sex = "sex"
    nationality = "nationality"
    ethnicity = "ethnicity"
    religion = "religion"
    disability = "disability"
    family = "family"
    postcode = "postcode"
    name = "name"
    language = "language"
    country = "country"
    record = "record"
    text_only = "text_only"
    none = "none"


class PersonEffect(StrEnum):
    """What the output does to the person it is about: offers help they may decline, grants or withholds
    something they apply or compete for, picks them for scrutiny, screens them for the very condition
    the ticked details describe (fitness to take part, a health or safety check), or adjusts what they get
    to a need the detail shows (more time for an interpreter)."""

    help = "help"
    grants = "grants"
    scrutiny = "scrutiny"
    screens = "screens"
    accommodates = "accommodates"


# The traits the law protects, named outright; the others stand in for one.
NAMED_TRAITS = frozenset(
    {
        PersonTrait.age,
        PersonTrait.sex,
        PersonTrait.nationality,
        PersonTrait.ethnicity,
        PersonTrait.religion,
        PersonTrait.disability,
        PersonTrait.family,
    }
)
# What each stand-in stands for.
STANDS_FOR = {
    PersonTrait.postcode: "wealth or ethnicity",
    PersonTrait.name: "sex or origin",
    PersonTrait.language: "national or ethnic origin",
    PersonTrait.country: "nationality",
    PersonTrait.record: "class, ethnicity, sex, age or disability",
}


class Dropped(StrEnum):
    """What was removed from the data before training or testing."""

    outliers = "outliers"
    invalid = "invalid"
    unusual_outcomes = "unusual_outcomes"
    period = "period"
    group = "group"
    duplicates = "duplicates"
    nothing = "nothing"
    not_known = "not_known"


class PilotUnits(StrEnum):
    """Where the product first runs live, and how those places, teams or customers are chosen."""

    everywhere = "everywhere"
    random = "random"
    typical = "typical"
    volunteers = "volunteers"
    worst = "worst"
    easiest = "easiest"
    alternating = "alternating"
    not_decided = "not_decided"


class PilotPeriod(StrEnum):
    """Whether the pilot or shadow run meets conditions like the launch's: the season, the volume, the case
    mix and the staff."""

    alike = "alike"
    quieter = "quieter"
    quieter_kept = "quieter_kept"
    busier = "busier"
    not_decided = "not_decided"


class SkippedFrom(StrEnum):
    """Who supplies the items or cases that skip today's check once the model runs, and whether they gain
    when one passes unchecked."""

    own = "own"
    gainers = "gainers"
    neutral = "neutral"
    not_known = "not_known"


class LaterPhase(StrEnum):
    """What a later phase changes: people's check removed, a wider scope, a new use of the output, or a
    check today's process makes on its own retired."""

    nothing = "nothing"
    removes_check = "removes_check"
    wider_scope = "wider_scope"
    new_use = "new_use"
    retires_check = "retires_check"


STAKES_LABELS: dict[type[Enum], dict[str, str]] = {
    HarmKind: {
        "money": "money or time: a lost sale, a wasted visit, a delay",
        "health": "someone's health or physical safety",
        "rights": "someone's rights or access: a benefit, a service, a job, a place, legal standing",
        "privacy": "privacy or dignity: something private shown, someone wrongly labelled",
        "property": "property, equipment or the environment damaged",
        "trust": "trust or reputation only",
    },
    PersonTrait: {
        "age": "age or date of birth",
        "sex": "sex or gender",
        "nationality": "nationality or country of birth",
        "ethnicity": "ethnicity or race",
        "religion": "religion or belief",
        "disability": "disability or health",
        "family": "marital status, pregnancy or children",
        "postcode": "where someone lives: an address, a postcode, a neighbourhood",
        "name": "a first name or a surname",
        "language": "the language someone speaks, or an interpreter need",
        "country": "a country of registration or origin: a vessel's flag, a phone's country code, an ID's issuer",
        "record": "a record that follows privilege: a degree or school, a past publication or employer, a "
        "referral, a gap in work history",
        "text_only": "personal details appear in the text it reads (a name, a health detail in a comment), "
        "but the output is not about that person",
        "none": "none: no input describes a person",
    },
    PersonEffect: {
        "help": "offers them help or a free service they may decline (a safety visit, a support call); "
        "nobody is refused what they would otherwise get",
        "grants": "grants or withholds what they apply or compete for (a job, a shift, credit, cover, a "
        "place, a benefit) or sets their price or terms",
        "scrutiny": "picks them for scrutiny: an inspection, an investigation, a fraud check, enforcement",
        "screens": "screens them for the condition those details describe (fitness to take part, a health or "
        "safety check, an eligibility the law sets on that trait): the detail is what is checked, not a clue "
        "to something else",
        "accommodates": "adjusts what they get to a need the detail shows (a longer slot for an interpreter, "
        "a step-free room): they get more, nobody gets less",
    },
    Dropped: {
        "outliers": "extreme values or outliers",
        "invalid": "records marked invalid, incomplete or failing a check",
        "unusual_outcomes": "cases that ended unusually: returns, cancellations, disputes, stock-outs, failures",
        "period": "a period: a disruption, a pandemic, a strike, a system change",
        "group": "a group: a site, product, channel, language or kind of customer",
        "duplicates": "duplicates",
        "nothing": "nothing was removed",
        "not_known": "not known",
    },
    PilotUnits: {
        "everywhere": "no pilot: it goes live everywhere at once",
        "random": "units drawn at random, with comparable ones left as they are",
        "typical": "units the team picked as typical",
        "volunteers": "units that volunteered, or the keenest",
        "worst": "the units doing worst, or most in need",
        "easiest": "the units doing best, or the easiest",
        "alternating": "everywhere, switched on and off by day or week (alternating periods)",
        "not_decided": "not decided yet",
    },
    PilotPeriod: {
        "alike": "like the launch's: the same season, volume, case mix and staff",
        "quieter": "quieter: off-peak, fewer cases or fewer staff, and everyone goes live at the peak",
        "quieter_kept": "quieter, but it goes live off-peak with today's process kept through the first peak",
        "busier": "as busy as the launch's or busier: the pilot runs through the peak",
        "not_decided": "not decided yet",
    },
    SkippedFrom: {
        "own": "our own process, machines or staff: nobody gains when one passes unchecked",
        "gainers": "someone who gains when it passes unchecked: a seller, an applicant, a claimant, a contractor",
        "neutral": "people outside who gain nothing either way",
        "not_known": "not known yet",
    },
    LaterPhase: {
        "nothing": "nothing: this plan is the whole of it",
        "removes_check": "people stop checking every output: they sample it, or the system acts alone",
        "wider_scope": "new sites, groups, products, languages or channels the data does not hold yet",
        "new_use": "the output feeds a new decision or another system",
        "retires_check": "a check today's process makes on its own stops or thins: a phone round, a second "
        "reader, a visit, a look at every case",
    },
}
