"""Rules on matching people by their names.

Names are not spread evenly: in some populations a few surnames cover a large share of people, and
names written in another script reach the records in several spellings. A matcher that links records
to people by name and date of birth then makes more false matches for people with common names and
misses more for people whose names are transliterated, and the harm of a wrong match (a record that is
not theirs, a check that fails) falls on those groups. An overall precision hides it.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import FAIRNESS_SAID
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# Inputs that are people's names (not a merchant's, a product's or a street's).
NAMES = Lexicon(
    """
    name, names, full name, full names, surname, surnames, last name, last names, first name, first names
    forename, forenames, given name, given names, family name, family names, name fields, name field
    maiden name, middle name, middle names, alias, aliases
    """,
    unless="""
    merchant name, merchant names, business name, business names, company name, company names, trading name
    trading names, store name, store names, shop name, shop names, product name, product names, brand name
    brand names, supplier name, supplier names, vendor name, vendor names, street name, street names
    place name, place names, file name, file names, domain name, domain names, site name, site names
    item name, item names, descriptor name, venue name, venue names
    """,
)

# Words that say the links are between records of people.
LINKS_PEOPLE = Lexicon("""
    same person, the same person, same individual, the same individual, match records, matching records
    matched records, record linkage, link records, linked records, identity match, identity matching
    identity matches, person match, person matching, candidate match, candidate matches, match the candidate
    match each candidate, match the applicant, match each applicant, match the customer, match each customer
    match the patient, match each patient, duplicate records, duplicate people, duplicate customers
    duplicate patients, deduplicate, deduplication, dedupe, de-duplicate, de-duplication, merge records
    same patient, same client, same customer, same applicant, same learner, same student, same claimant
    one patient, one person, belong to one, existing case file, existing case files, existing record
    duplicate client records, duplicate client, duplicate clients, enrolled more than once, registered more than once
    sanctions list, sanctions lists, watch list, watchlist, watch lists, link each, link the records
    records belong, join the records, already has a claim, already has a record
""")

# Words that say match quality is read by how common or how written a name is.
NAME_SPREAD_CHECKED = Lexicon("""
    name frequency, name frequencies, common names, common surnames, rare names, name commonness
    how common the name, how common a name, transliteration, transliterations, transliterated
    by script, by name origin, by origin, by ethnicity, by nationality, by country of birth
""")

# Where a team would say it reads match quality apart.
_CHECKED_IN = (
    "done.eval_set",
    "done.worst_error_metric",
    "constraints.data.differences_note",
    "impact.error_harm",
)


@rule(
    "name-matches-fall-unevenly",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="are people matched by name, where common or transliterated names get more wrong matches?",
    move=Move(
        "Measure wrong matches by how common the name is",
        "Names are not spread evenly: people with common surnames get more false matches, people whose "
        "names are transliterated get more misses; measure both rates by name frequency (and by script or "
        "origin where lawful), and require a second identifier before a match acts on a person",
        "warning",
    ),
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "constraints.data.personal_data": True,
                "product.task": "classification",
                "product.inputs": "Surname, first name, date of birth and postcode of each record",
                "product.decision": "Decide whether two hospital records belong to one patient",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # worded as a team puts it in its answers
            {
                "constraints.data.personal_data": True,
                "product.task": "classification",
                "product.inputs": "Full name, DOB",
                "product.decision": "Find duplicate client records and merge them",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(
            {
                "product.task": "matching",
                "constraints.data.personal_data": True,
                "product.inputs": "Full name, date of birth and postcode on both records.",
                "product.decision": "A clerk confirms each candidate match before the record is released.",
            },
            evidence=(
                'product.task: "matching" (records linked to people by name: full name, candidate match)',
                'product.inputs: "Full name, date of birth and postcode on both records." (names are not '
                "spread evenly: common names draw false matches, transliterated ones are missed)",
            ),
            also=frozenset({"personal-data", "scored-unit-differs"}),
        ),
        Case(
            {
                "product.task": "classification",
                "constraints.data.personal_data": True,
                "product.inputs": "Surname, forename, date of birth and address of each patient.",
                "product.output": "Whether two patient records are the same person.",
            }
        ),
    ),
    quiet=(
        Case(  # read by name frequency already
            {
                "product.task": "matching",
                "constraints.data.personal_data": True,
                "product.inputs": "Full name, date of birth and postcode on both records.",
                "done.eval_set": "2,000 labelled pairs, precision reported by name frequency band.",
            }
        ),
        Case(  # not people
            {
                "product.task": "matching",
                "constraints.data.personal_data": False,
                "product.inputs": "Product names and pack sizes from both catalogues.",
            }
        ),
        Case(  # cardholders' data, but the names matched are merchants'
            {
                "product.task": "matching",
                "constraints.data.personal_data": True,
                "product.inputs": "The transaction's merchant name, city and category code.",
            }
        ),
        Case(  # people's data, but no names in the match
            {
                "product.task": "matching",
                "constraints.data.personal_data": True,
                "product.inputs": "Card number, terminal and amount of each payment.",
            }
        ),
    ),
)
def name_matches_fall_unevenly(plan: Plan) -> Evidence:
    """People are matched by name, and names are not spread evenly.

    In some populations a few surnames cover a large share of people, and names written in another script
    reach the records in several spellings. A matcher on names and dates of birth makes more false matches
    for people with common names and misses more for transliterated ones, and the harm of a wrong match
    falls on those groups while the overall precision looks fine.

    Mitigation: Report false-match and miss rates by name frequency band (and by script or origin where
    lawful); require a second identifier, or a person's check, before a match acts on someone; test on
    pairs drawn from the common-name and transliterated groups on purpose.
    """
    product = plan.product
    if plan.constraints.data.personal_data is not True:
        return None
    names = NAMES.find_all(product.inputs)
    if not names:
        return None
    said = " ".join(text or "" for text in (product.decision, product.output, product.goal))
    links = LINKS_PEOPLE.find_all(said)
    if product.task is not TaskType.matching and not links:
        return None
    texts = [answer_at(plan, path) or "" for path in _CHECKED_IN]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    texts += [f"{signal.signal} {signal.threshold or ''}" for signal in plan.after_launch.monitoring]
    if any(NAME_SPREAD_CHECKED.find(text) or FAIRNESS_SAID.find(text) for text in texts):
        return None
    how = ", ".join((*names[:1], *links[:1]))
    return Hint(
        (*names[:1], *links[:1]),
        (
            quote(plan, "product.task", f"records linked to people by name: {how}"),
            quote(
                plan,
                "product.inputs",
                "names are not spread evenly: common names draw false matches, transliterated ones are missed",
            ),
        ),
    )
