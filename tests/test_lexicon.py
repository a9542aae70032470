"""The free-text lexicon: whole words and phrases, never stems, checked against common English words."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from wordfreq import top_n_list

from planner.judgement import probes, record_probes, rules, shape_probes
from planner.judgement.register import assess
from planner.judgement.rules import lexicon
from planner.judgement.rules.words import BOUNDARY, Lexicon, words_of
from tests.test_review import patched

# Every word list the rules read free text with: the lexicon module's, and those a rule module keeps
# beside its rule (`ceilings._F1`), so that none escapes the common-word check.
LEXICONS = {name: value for name, value in vars(lexicon).items() if isinstance(value, Lexicon)}
# ...and the groups of one dimension, kept as a dict of lexicons (`LANGUAGES["english"]`)
LEXICONS.update(
    {
        f"{name}[{key}]": entries
        for name, value in vars(lexicon).items()
        if isinstance(value, dict)
        for key, entries in value.items()
        if isinstance(entries, Lexicon) and all(entries is not known for known in LEXICONS.values())
    }
)
for _module in pkgutil.iter_modules(rules.__path__):
    if _module.name != "lexicon":
        _found = vars(importlib.import_module(f"{rules.__name__}.{_module.name}"))
        _seen = {id(value) for value in LEXICONS.values()}  # imported from the lexicon: checked once
        LEXICONS.update(
            {
                f"{_module.name}.{n}": v
                for n, v in _found.items()
                if isinstance(v, Lexicon) and id(v) not in _seen
            }
        )
# ...and the word lists of the questions a lead would also ask (planner.judgement.probes).
LEXICONS.update({f"probes.{n}": v for n, v in vars(probes).items() if isinstance(v, Lexicon)})
LEXICONS.update(
    {
        f"record_probes.{n}": v
        for n, v in vars(record_probes).items()
        if isinstance(v, Lexicon) and all(v is not known for known in LEXICONS.values())
    }
)
LEXICONS.update(
    {
        f"shape_probes.{n}": v
        for n, v in vars(shape_probes).items()
        if isinstance(v, Lexicon) and all(v is not known for known in LEXICONS.values())
    }
)
COMMON = top_n_list("en", 20_000)  # the 20,000 most frequent English words (wordfreq)


def test_no_entry_is_found_inside_an_unrelated_common_word() -> None:
    # "bot" in "bottom", "shop" in "shopper's", "clinic" in "clinical", "site" in "review-site": a word
    # is found only as itself, alone or in a sentence.
    # A lexicon can find something only where the text says the first word of one of its entries (or where
    # an entry starts with a slot): the others are skipped, as find_all itself skips them.
    firsts = {name: {entry.split(" ")[0] for entry in entries.entries} for name, entries in LEXICONS.items()}
    slotted = [name for name, first in firsts.items() if first & {"#", "*"}]
    by_first: dict[str, list[str]] = {}  # a first word: the lexicons with an entry starting with it
    for name, first in firsts.items():
        for part in first:
            by_first.setdefault(part, []).append(name)
    order = {name: number for number, name in enumerate(LEXICONS)}
    unrelated = []
    for word in COMMON:
        itself = " ".join(part for part in words_of(word) if part != BOUNDARY)  # "shopper's" reads "shopper"
        for text in (word, f"they said {word} twice"):
            said = set(words_of(text))
            names = {name for part in said for name in by_first.get(part, ())}
            for name in sorted(names.union(slotted), key=order.__getitem__):
                entries = LEXICONS[name]
                unrelated += [(name, found, word) for found in entries.find_all(text) if found != itself]
    assert unrelated == []


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_every_entry_is_found_as_itself(name: str) -> None:
    entries = LEXICONS[name]
    plain = [entry for entry in entries.entries if "#" not in entry and "*" not in entry]
    missed = [entry for entry in plain if entries.find(f"They said {entry}, twice.") != entry]
    assert missed == []


def test_the_lexicon_is_curated_in_size() -> None:
    assert len(LEXICONS) >= 25
    assert all(len(entries) >= 1 for entries in LEXICONS.values())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The shopper's basket", ("the", "shopper", "basket")),  # possessive dropped, no stem
        ("a review-site", ("a", "review-site")),  # a compound stays whole
        ("Case handlers in Global Patient Safety.", ("case", "handlers", "in", "|", "|", "|", "|")),
        ("Credit Limit Increase", ("credit", "limit", "increase")),  # a title names what it is about
        ("Run an A/B test on 1,200 stores", ("run", "an", "a", "b", "test", "on", "1,200", "stores")),
        ("St Mary's hospital", ("|", "|", "hospital")),
    ],
)
def test_an_answer_is_read_as_whole_words(text: str, words: tuple[str, ...]) -> None:
    assert words_of(text) == words


def test_phrases_slots_and_exceptions() -> None:
    entries = Lexicon("attack\nall # stores, fixed * cameras, a/b test", unless="heart attack")
    assert entries.find_all("After a heart attack, an attack.") == ("attack",)
    assert entries.find_all("All 40 stores, fixed dome cameras, an A/B test") == (
        "all 40 stores",
        "fixed dome cameras",
        "a b test",
    )
    assert entries.find("Bottom shelves in stores") is None  # `all # stores` needs all three words


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("ADVERSARIAL", "The support bot answers delivery questions.", ()),  # the product's own name
        ("ADVERSARIAL", "Block bot traffic and fake accounts at sign-up.", ("bot traffic", "fake accounts")),
        ("SELECTED", "Whether the claim was settled without investigation.", ()),
        ("SELECTED", "Fraud confirmed by the unit on claims referred to it.", ("confirmed by", "referred")),
        ("SELECTED", "Defects found on randomly inspected parts.", ()),
        ("AFTERWARDS", "After-sales calls and calls after hours.", ()),
        ("PROTECTED", "A race condition in the ingest job.", ()),
        ("DEFERRED", "To be agreed with the retention team.", ("to be agreed with",)),
        # everyday senses: a word said in a sentence that gives it its everyday meaning is not heard
        ("SELECTED", "The approved budget covers two sites.", ()),
        ("SELECTED", "The budget is approved. Loans approved by underwriters get an outcome.", ("approved",)),
        ("SELECTED", "Items picked by the robot arm, as scanned.", ()),
        ("AFTERWARDS", "Sales so far; we will add the weather forecast later.", ()),
        ("AFTERWARDS", "Grades so far. The exam score comes after the call.", ("after",)),
        ("AFTERWARDS", "Shelf photos at 12 MP resolution, after cleaning.", ()),
        ("AFTERWARDS", "Outcomes of the customer's previous loans.", ()),
        ("OBSERVED_LATER", "Sales and the weather forecast as issued each morning.", ()),
        ("OBSERVED_LATER", "Sales and the observed temperature of the day.", ("observed", "temperature")),
        ("ABOUT_PEOPLE", "Pump housing temperature and vibration.", ()),
        ("VOICE", "500 API calls a day to the scoring service.", ()),
        ("VOICE", "The model calls it complete when every field is filled.", ()),  # a verb, not a channel
        ("VOICE", "Agents answer 2,000 customer calls a day.", ("calls",)),
        ("PAPER", "Letters to customers, sent by email.", ()),  # correspondence, any channel
        ("PAPER", "Scanned letters from the post room.", ("scanned letters",)),
        ("SENSITIVE", "Machine health indicators from the sensors.", ()),
        ("SENSITIVE", "Health records of children in care.", ("health records", "children")),
        ("HOSTED", "Lidar point clouds from the survey van.", ()),
        ("DEFERRED", "The planner releases pending orders each morning.", ()),
        ("DEFERRED", "Pending, to be agreed with sales.", ("pending", "to be agreed with")),
        ("NARROW_ORIGIN", "Fault reports the pilot writes in the cockpit log.", ()),
        ("NARROW_ORIGIN", "Drone flights over the pilot region.", ("pilot",)),
        ("PAPER", "Sensor logs of the paper machine at the mill.", ()),
        ("NOT_LIVE", "Daily benchmark prices from the exchange.", ()),
        # a selection said in so many words: the others have no outcome of their own
        (
            "ONLY_CHOSEN",
            "Leaks found by crews; all other pipes are assumed sound.",
            ("all other pipes are assumed",),
        ),
        (
            "ONLY_CHOSEN",
            "Outcome known only for loans the desk approved.",
            ("only for loans the desk approved",),
        ),
        ("ONLY_CHOSEN", "Only the rest of the team reviewed it.", ()),
        ("ON_THE_WAY", "Whether the tenant accepted the offer.", ("accepted the offer",)),
        ("ON_THE_WAY", "Applicants who filled in the application form.", ()),
        (
            "NOTE_DIFFERS",
            "Recorded on the older Olympus 190 scopes; the new sites use Pentax.",
            ("older olympus 190 scopes", "new sites"),
        ),
        ("NOTE_DIFFERS", "None: the loggers are no different from the ones in service.", ()),
        # posts that are places (first-aid posts at an event) are not something the system publishes
        ("COMMITS", "Which first-aid posts get an extra medic each hour.", ()),
        ("COMMITS", "The first-aid posts the organisers set up, ranked by expected calls.", ()),
        ("COMMITS", "The system posts the notice on the intranet.", ("posts the",)),
    ],
)
def test_words_are_read_in_their_context(name: str, text: str, found: tuple[str, ...]) -> None:
    words = LEXICONS[name] if "." in name else getattr(lexicon, name)  # `filed.FILED`: a rule module's
    assert words.find_all(text) == found


@pytest.mark.parametrize(
    "said", ["an 8-MP camera", "12k codes", "1.200.300 trips", "the 3rd shift", "24h, 7d"]
)
def test_a_number_joined_to_a_word_is_read_as_a_word_and_the_advice_still_comes(said: str) -> None:
    # `#` stands for a number the rules read (`12 turbines` against `400`); `8-MP` is a word, not 8
    assert lexicon.UNIT_COUNT.find_all(f"Data from {said} on 2 trucks.") == ("2 trucks",)
    text = f"Images from {said}, on 2 trucks; {said} in the product, across 400 trucks."
    plan = patched(
        {
            "product.inputs": text,
            "product.output": f"One of {said} per item.",
            "product.users": text,
            "constraints.data.sources": [{"name": text, "acquisition": "own"}],
            "constraints.data.differences_note": text,
        }
    )
    assert assess(plan).advice  # no crash: the advice comes


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Nobody is injured if a slot is wrong.", ()),
        ("No one was ever refused a loan by it.", ()),
        ("Never refused, only delayed.", ()),
        ("A loan refused, and nobody checks it.", ("loan", "refused")),
        ("Patients may not get treatment.", ("patients", "treatment")),  # `not` says the harm
        ("Without the model, patients wait.", ("patients",)),  # another clause
    ],
)
def test_a_harm_the_sentence_denies_is_not_found(text: str, found: tuple[str, ...]) -> None:
    assert lexicon.HARMFUL.find_all(text) == found


def test_at_night_is_a_hard_slice_only_for_a_camera() -> None:
    night = {
        "product.inputs": "Booking requests, including those made at night.",
        "done.metrics": [{"name": "Share of slots filled", "target": 0.9}],
    }
    hard = "hard-slice-not-scored-apart"
    assert hard not in {risk.id for risk in assess(patched(night)).risks}
    seen = {risk.id for risk in assess(patched({**night, "product.data_kinds": ["images"]})).risks}
    assert hard in seen


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Crews rank docks by predicted bike hires and refill the top ones first.", ()),
        ("Kayak hires per day at each lake.", ()),
        ("The manager hires the top three applicants.", ("hires", "applicants")),
    ],
)
def test_a_thing_hired_is_no_decision_about_people(text: str, found: tuple[str, ...]) -> None:
    assert lexicon.ABOUT_PEOPLE.find_all(text) == found
