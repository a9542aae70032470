"""Who a decision is about: the people an answer names and what the output does to them, or a count of them."""

from __future__ import annotations

import re

from planner.judgement.rules.duties import as_people
from planner.judgement.rules.evidence import (
    answer_at,
    patients_are_animals,
    says_nothing,
    source_paths,
)
from planner.judgement.rules.lexicon import (
    ABOUT_PEOPLE,
    ACCEPT_FORMS,
    ACTS_ON_PEOPLE,
    PERSONS,
    TREATED_THINGS,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Plan, TaskType


def decides_about_people(plan: Plan) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """Where the answers name the people (or the domain: credit, hiring) a decision is about, and where
    they say what it does to them (approve, price, rank, grade, treat): a forecast of a surgery's length
    or a checklist of documents names patients or applicants but allocates them nothing."""
    paths = ["title", "product.goal", "product.decision", "product.label", "product.users"]
    paths += ["product.output", "impact.error_harm"]
    animals = patients_are_animals(plan)  # a vet's patients, diagnosed and treated, are no persons
    things = treats_things(plan)  # a treatment of rats, a lawn or steel is given to no person
    who = next(
        (
            (path, words)
            for path in paths
            if (
                words := as_people(
                    plan,
                    tuple(
                        w
                        for w in ABOUT_PEOPLE.find_all(answer_at(plan, path))
                        if (not animals or w not in _CARE)
                        and (not things or w not in _TREATS)
                        and not _reviews(w, answer_at(plan, path))
                    ),
                )
            )
        ),
        None,
    )
    acting = ["product.decision", "product.output", "product.goal", "title", "product.label"]
    does = next(((path, words) for path in acting if (words := _acts(answer_at(plan, path), things))), None)
    if who is None or does is None:
        return None
    if _output_marks_a_thing(plan):
        return None  # a person decides about the marked thing; the model scores, ranks or prices no one
    if _ranks_organisations(answer_at(plan, does[0])):
        return None  # the unit ranked or scored is a site or a supplier; the patients it serves are a count
    if (
        who[0] in ("title", "product.goal")
        and who[0] != does[0]
        and _orders_things(does[1], answer_at(plan, does[0]))
    ):
        # people named only in what the product is for, while it only orders named things for a person's
        # look (a queue of meter reads ranked): the people own those things, and nothing is decided about them
        return None
    # people named only as who uses it or who an error hurts, while what it does is said of something else
    # (a booking offered, a shift filled): the decision allocates those people nothing
    if who[0] in ("product.users", "impact.error_harm") and who[0] != does[0]:
        return None
    return who, does


_REVIEWS = r"(?:reviews?|checks?|approves?|edits?|reads?|signs? off|selects?|rewrites?|corrects?|sends?"
# ...or who orders the work (`volunteers triage the reports`, `the coordinator ranks the jobs`)
_REVIEWS += r"|triages?|ranks?|sorts?|prioriti[sz]es?|grades?|assigns?|allocates?)"
_REVIEWED = r"(?:reviewed|checked|approved|edited|read|signed off|selected|rewritten|corrected|sent)"


def _reviews(word: str, text: str | None) -> bool:
    """Whether the person `word` names is who reviews, checks or approves the output (`a volunteer reviews
    each draft`, `approved by a volunteer`): a reviewer is not the person the output decides about."""
    name = re.escape(word)
    active = rf"\b{name}s?\s+(?:(?!(?:is|are|was|were|be|been|gets?|got)\b)[\w-]+\s+)?{_REVIEWS}\b"
    doer = rf"{active}|\b{_REVIEWED}\s+by\s+(?:a|an|the|our|one)?\s*(?:[\w-]+\s+)?{name}\b"
    return bool(text and re.search(doer, text, re.IGNORECASE))


def _output_marks_a_thing(plan: Plan) -> bool:
    """Whether the output is about an object each item carries (boxes on an image, a defect's outline, a
    document's fields), every item gets it, and it names no person and nothing done to one: people named
    in the decision (a patient in the chair, a box dismissed) act on that object, scored by no one. A
    cut-off, a queue, an amount or a choice among candidates can still score, rank, price or match people,
    and is left to the words."""
    output = answer_at(plan, "product.output")
    if plan.product.action_shape is not ActionShape.every_item or not output or says_nothing(output):
        return False
    # a grade or a score in the output may be a person's (a predicted grade 1-9): any act on people keeps it
    return not as_people(plan, ABOUT_PEOPLE.find_all(output)) and not ACTS_ON_PEOPLE.find_all(output)


# The unit an answer ranks, scores or picks: the noun after `which`, `each`, `a ranked list of`...
_UNIT_HEAD = r"\b(?:which|each|every|per|rank|ranks|ranked|ranking|list of|shortlist of|score for|scores for)\s+(?:[\w-]+\s+){0,2}?"
_ORGANISATION = re.compile(
    _UNIT_HEAD
    + r"(?:sites?|trial sites?|clinics?|practices?|branch(?:es)?|suppliers?|vendors?|stores?|shops?"
    r"|hospitals?|pharmac(?:y|ies)|surger(?:y|ies)|depots?|warehouses?|care homes?|schools?|firms?|companies)\b",
    re.IGNORECASE,
)


def _ranks_organisations(text: str | None) -> bool:
    """Whether what the answer ranks, scores or picks is an organisation or a site (trial sites, clinics,
    suppliers), with no person in that place: the patients or customers it names are what each serves."""
    if not text or not _ORGANISATION.search(text):
        return False
    people = (re.escape(word) for word in ABOUT_PEOPLE.find_all(text))
    pattern = "|".join(people)
    return not pattern or not re.search(_UNIT_HEAD + rf"(?:{pattern})\b", text, re.IGNORECASE)


# What an answer ranks, queues or picks, named after its head (`a queue of meter reads`, `which invoices`).
_THING_HEAD = re.compile(
    r"\b(?:which|each|every|queue of|queues of|list of|lists of|ranked list of|batch of|batches of)\s+"
    r"(?!(?:of|one|ones|the|a|an|to|is|are|they|we|our|them|\d)\b)[a-z]",
    re.IGNORECASE,
)


# Acts that only order work for a person's look (rank, prioritise, triage), granting or refusing nothing.
_ORDERS = frozenset({"rank", "ranks", "ranked", "ranking", "priority", "triage", "triaged"})
_ORDERS |= {"prioritise", "prioritises", "prioritised", "prioritising"}
_ORDERS |= {"prioritize", "prioritizes", "prioritized", "prioritizing"}


def _orders_things(acts: tuple[str, ...], text: str | None) -> bool:
    """Whether the answer that says what the model does only orders work (ranks, prioritises) and names
    what it orders, no person (a queue of meter reads ranked): the people another answer names (the
    tenants billed) own those things, and nothing is granted or refused them. Accounts that `get` an
    increase are granted something, whoever holds them."""
    if not acts or not set(acts) <= _ORDERS or not text or not _THING_HEAD.search(text):
        return False
    return not ABOUT_PEOPLE.find_all(text) and not PERSONS.find(text)


# Words that say an output is a count or a total, not one prediction per case.
_COUNT_SAID = Lexicon("number of, numbers of, how many, count of, counts of, total of, totals of, headcount")
# A count said per person (`how many days each patient stays`): one number about each of them.
_PER_PERSON = re.compile(r"\b(?:each|every|per|for each)\s+(?:[\w-]+\s+)?(?P<who>[\w'-]+)", re.IGNORECASE)


def counts_people(plan: Plan) -> bool:
    """Whether the output is a forecast or a count (appointments per clinic and week, the number of
    students who enrol), said per no person: the model foretells how many, and decides about no one in
    the groups it counts."""
    output = answer_at(plan, "product.output")
    if not isinstance(output, str) or says_nothing(output):
        return False
    if plan.product.task is not TaskType.forecasting and not _COUNT_SAID.find(output):
        return False
    return not any(
        ABOUT_PEOPLE.find(match["who"]) or PERSONS.find(match["who"])
        for match in _PER_PERSON.finditer(output)
    )


_CARE = frozenset({"patient", "patients", "diagnosis", "diagnoses", "diagnosed", "treatment", "treatments"})
_TREATS = frozenset({"treat", "treats", "treated", "treatment", "treatments"})
_TREATED_IN = (
    "title",
    "product.goal",
    "product.users",
    "product.inputs",
    "product.output",
    "product.decision",
)


def treats_things(plan: Plan) -> bool:
    """Whether the plan says what it treats is pests, plants or materials (rats, a lawn, steel): a
    treatment is then done to a thing, decided about no person, unless another word names the people."""
    return any(TREATED_THINGS.find(answer_at(plan, path)) for path in (*_TREATED_IN, *source_paths(plan)))


# A reading level (`at a 6th-8th grade reading level`, `grade 8 reading level`): a grade of the text, not of
# a person.
_READING_LEVEL = re.compile(
    r"\b\d+(?:st|nd|rd|th)?(?:\s*-\s*\d+(?:st|nd|rd|th)?)?\s+grade\b|\bgrade\s+\d+\b|\bgrade level\b|"
    r"\breading level\b|\breading age\b",
    re.IGNORECASE,
)


def _acts(text: str | None, things: bool = False) -> tuple[str, ...]:
    """What an answer does to people; `accepts` only where it names them (a gate accepting a number: no one);
    `grade` not where it is the text's reading level; `treat` not where what is treated is a thing."""
    words = ACTS_ON_PEOPLE.find_all(text)
    if things:
        words = tuple(word for word in words if word not in _TREATS)
    if text and _READING_LEVEL.search(text):
        words = tuple(word for word in words if not word.startswith("grade"))
    return () if set(words) <= ACCEPT_FORMS and not ABOUT_PEOPLE.find_all(text) else words
