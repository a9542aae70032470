"""How words are found in free-text answers: whole words and phrases of a lexicon, never stems.

An answer is read as a sequence of whole words: lowercase, a possessive `'s` dropped, a hyphenated
compound kept whole (`review-site` is not `site`), punctuation a boundary no phrase crosses. A run of
capitalised words inside an otherwise lowercase answer is a name (`Global Patient Safety`, `Customer
Success`), not a mention of its words. A lexicon lists every form it accepts (`patient`, `patients`),
so a word is found only as itself: `bot` never in `bottom`, `shop` never in `shopper's`.

An entry is a word or a phrase; in a phrase `#` stands for any number (`1,200`, not `8-mp`) and `*` for any one word
(`all # stores`, `ceiling * cameras`). A common word has everyday senses beside the one a rule listens
for: `approved` of a budget, `later` of the team's own schedule. A lexicon's `everyday` pairs such
forms with the context words of their everyday sense; a form said in a sentence that also says one of
those is not found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from itertools import pairwise, product

# A number (`1,200`, `3.5`), a word (letters and digits, joined inside by ' & . -), or punctuation.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['&.-][^\W_]+)*|[.,;:!?()\[\]{}\"“”]")
BOUNDARY = "|"  # what punctuation and names become: no entry matches across it
SENTENCE = re.compile(r"(?<=[.;!?])\s+")  # where one sentence (or clause after a semicolon) ends
# Where a whole sentence ends: a word's everyday sense is read from its sentence, semicolons and all
# (`substitutes ...; 5 sampled candidates count as 0` speaks of substitutes throughout).
_FULL_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _name_runs(tokens: list[str]) -> set[int]:
    """Positions of the words in runs of two or more capitalised words, unless the whole answer is in
    title case (a title such as `Credit Limit Increase` names what it is about)."""
    content = [token for token in tokens if len(token) >= 4 and token[0].isalpha()]
    if content and all(token[0].isupper() for token in content):
        return set()
    named: set[int] = set()
    run: list[int] = []
    for index, token in enumerate([*tokens, BOUNDARY]):
        if token[0].isupper() and any(char.islower() for char in token):  # `Patient`, not `ICU` or `A`
            run.append(index)
            continue
        if len(run) >= 2:
            named.update(run)
        run = []
    return named


@functools.lru_cache(maxsize=8192)
def words_of(text: str) -> tuple[str, ...]:
    """The whole words of `text`, lowercase, possessives dropped; punctuation and names as BOUNDARY."""
    tokens = _TOKEN.findall(text.replace("’", "'"))
    names = _name_runs(tokens)
    found = []
    for index, token in enumerate(tokens):
        if index in names or not token[0].isalnum():
            found.append(BOUNDARY)
            continue
        word = token.lower()
        found.append(word[:-2] if word.endswith("'s") else word)
    return tuple(found)


class Lexicon:
    """Whole words and phrases that hint at one thing, every accepted form written out.

    `entries` is text: one line per idea, its forms separated by commas (`fraud, frauds, fraudulent`).
    `unless` lists phrases in which an entry means something else (`heart attack` for `attack`): the
    words of such a phrase are never found.
    """

    def __init__(
        self,
        entries: str | Iterable[str],
        unless: str = "",
        everyday: Iterable[tuple[str, str]] = (),
        deniable: bool = False,
    ) -> None:
        self.entries: tuple[str, ...] = tuple(dict.fromkeys(_split(entries)))
        # `deniable`: a form said just after `nobody`, `no one`, `never` or `without` is not found
        # (`nobody was injured`, `never refused`): the sentence denies what the word names.
        self.deniable = deniable
        self.unless: tuple[str, ...] = tuple(dict.fromkeys(_split(unless)))
        self.everyday: tuple[tuple[str, str], ...] = tuple(everyday)
        # form -> the context words that give it its everyday senses (a form may have several)
        contexts: dict[str, list[str]] = {}
        for forms, context in self.everyday:
            for form in _split(forms):
                contexts.setdefault(form, []).append(context)
        self._everyday = {form: Lexicon(",".join(said)) for form, said in contexts.items()}

    # The tries are built on first search: a lexicon made only to be added to others never needs one,
    # and every `planner` process builds the catalogue's lexicons when it starts.
    @functools.cached_property
    def _index(self) -> Trie:
        return _index(self.entries)

    @functools.cached_property
    def _masks(self) -> Trie:
        return _index(self.unless)

    @functools.cached_property
    def _firsts(self) -> frozenset[str]:
        return frozenset(self._index)

    @functools.cached_property
    def _slots(self) -> bool:
        return bool(self._firsts & {"#", "*"})

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon(
            (*self.entries, *other.entries),
            ", ".join((*self.unless, *other.unless)),
            (*self.everyday, *other.everyday),
            self.deniable or other.deniable,
        )

    def __len__(self) -> int:
        return len(self.entries)

    def find_all(self, text: str | None) -> tuple[str, ...]:
        """Every entry found in `text`, in the order the text says them, each once, as written there
        (lowercase; `#` and `*` filled in)."""
        if not text:
            return ()
        said = words_of(text)
        if self._firsts.isdisjoint(said) and not self._slots:  # the usual answer: none of them
            return ()
        if self._everyday:  # each sentence read on its own: its context decides a word's sense
            found = tuple(
                dict.fromkeys(found for part in _FULL_SENTENCE.split(text) for found in self._found(part))
            )
        else:
            found = self._found(text)
        return _undenied(found, text) if self.deniable and found else found

    def _found(self, text: str) -> tuple[str, ...]:
        words = list(words_of(text))
        for start, length in _matches(words, self._masks):
            words[start : start + length] = [BOUNDARY] * length
        found = (" ".join(words[start : start + length]) for start, length in _matches(words, self._index))
        return tuple(
            form
            for form in dict.fromkeys(found)
            if form not in self._everyday or not self._everyday[form].find(text)
        )

    def find(self, text: str | None) -> str | None:
        """The first entry `text` says, as written there, if any."""
        found = self.find_all(text)
        return found[0] if found else None


# Words that deny what follows them in a clause (`nobody harmed`, `no one was hurt`, `never refused`,
# `without injury`); `not` and `no` are left out: `may not get treatment`, `no access to credit` say harm.
_DENIALS = frozenset({"nobody", "noone", "no-one", "never", "without", "none"})
_DENIAL_PAIRS = frozenset({("no", "one")})
_DENIAL_REACH = 4  # words between the denial and the form: `nobody has ever been harmed`


def _undenied(found: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Of the forms `found` in `text`, those said at least once without a denial a few words before
    them in the same clause."""
    clauses = _clauses(text)

    def denied_at(clause: list[str], start: int) -> bool:
        before = clause[max(0, start - _DENIAL_REACH - 2) : start]  # `no one` is two words
        pairs = pairwise(before)
        return any(word in _DENIALS for word in before) or any(pair in _DENIAL_PAIRS for pair in pairs)

    kept = []
    for form in found:
        parts = form.split(" ")
        said = [
            denied_at(clause, start)
            for clause in clauses
            for start in range(len(clause) - len(parts) + 1)
            if clause[start : start + len(parts)] == parts
        ]
        if not said or not all(said):
            kept.append(form)
    return tuple(kept)


def _split(entries: str | Iterable[str]) -> Iterator[str]:
    """Each entry as its words are read from an answer (`A/B test` -> `a b test`), slots kept."""
    items = entries.replace("\n", ",").split(",") if isinstance(entries, str) else entries
    for item in items:
        words = [
            word for part in item.lower().split() for word in ((part,) if part in "#*" else words_of(part))
        ]
        if words:
            yield " ".join(words)


def is_number(word: str) -> bool:
    """Whether a word is a number a `#` slot stands for (`12`, `1,200`, `3.5`), not a word that starts
    with digits (`8-mp`, `12k`, `3rd`): rules read the number of what they find."""
    if not word[0].isdigit():
        return False
    try:
        float(word.replace(",", ""))
    except ValueError:
        return False
    return True


_END = ""  # the key that marks, in a node of the trie, the end of an entry (no word is empty)
Trie = dict[str, "Trie"]


def _index(entries: tuple[str, ...]) -> Trie:
    """The entries as a trie of their words (`#` for a number, `*` for any word): a lexicon of thousands
    of phrases is matched in one walk per word of the answer, not one comparison per phrase."""
    root: Trie = {}
    for entry in entries:
        node = root
        for slot in entry.split(" "):
            node = node.setdefault(slot, {})
        node[_END] = {}
    return root


def _longest(words: list[str], start: int, root: Trie) -> int:
    """The length of the longest entry that starts at `words[start]`, 0 when none does."""
    longest, walks = 0, [(root, start)]
    while walks:
        node, at = walks.pop()
        if _END in node:
            longest = max(longest, at - start)
        if at == len(words) or words[at] == BOUNDARY:
            continue
        word = words[at]
        for slot in (word, "#" if is_number(word) else None, "*"):
            if slot is not None and slot in node:
                walks.append((node[slot], at + 1))
    return longest


def _matches(words: list[str], index: Trie) -> Iterator[tuple[int, int]]:
    """(start, length) of each entry found in `words`, leftmost first, the longest where several start
    at one word; matches do not overlap."""
    numbers, anything = "#" in index, "*" in index
    start = 0
    while start < len(words):
        word = words[start]
        # Most words start no entry: walk the trie only from those that may.
        if word in index or (word != BOUNDARY and (anything or (numbers and is_number(word)))):
            length = _longest(words, start, index)
            if length:
                yield start, length
                start += length
                continue
        start += 1


def phrases(*slots: str) -> str:
    """Every phrase made of one form from each slot, in order (a slot is comma-separated forms; an empty
    form leaves the slot out): explicit combinations, not patterns. A line break separates forms as a
    comma does."""
    options = [[part for form in slot.split(",") for part in _forms(form)] for slot in slots]
    return ", ".join(" ".join(form for form in combo if form) for combo in product(*options))


def _forms(form: str) -> list[str]:
    """The forms of one comma-separated item of a slot: the lines it spans, or the empty form."""
    return [line.strip() for line in form.split("\n") if line.strip()] or [""]


# Words that end a clause inside a sentence: what one clause denies, the next may say.
_CLAUSE_BREAKS = frozenset({"but", "while", "whereas", "although", "though", "however"})


def _clauses(text: str) -> list[list[str]]:
    """The clauses of `text` as lists of words: split at punctuation and at `but`, `while`, `whereas`..."""
    clauses: list[list[str]] = [[]]
    for word in words_of(text):
        if word == BOUNDARY or word in _CLAUSE_BREAKS:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [clause for clause in clauses if clause]


def not_denied(found: Iterable[str], text: str, ahead: Lexicon, anywhere: Lexicon) -> tuple[str, ...]:
    """Of the forms `found` in `text`, those said in a clause that does not deny them. A clause denies
    a form when it says a word of `anywhere` (`the closure period is excluded`, `not used`) or a word
    of `ahead` before the form (`not the final count`, `without the closure date`); `the final count
    rather than the draft` denies the draft, not the count."""
    clauses = _clauses(text)
    kept = []
    for form in found:
        parts = form.split(" ")
        saying = [
            (clause, start)
            for clause in clauses
            for start in range(len(clause) - len(parts) + 1)
            if clause[start : start + len(parts)] == parts
        ]
        denied = [
            any(True for _ in _matches(clause, anywhere._index))
            or any(begin + length <= start for begin, length in _matches(clause, ahead._index))
            for clause, start in saying
        ]
        if not denied or not all(denied):
            kept.append(form)
    return tuple(kept)


def in_one_sentence(text: str, first: Lexicon, second: Lexicon) -> tuple[str, ...]:
    """The words of `first` and then of `second` said in the first sentence of `text` that says both (a
    camera and the staff it films), or () when no sentence does."""
    for sentence in SENTENCE.split(text):
        one, other = first.find_all(sentence), second.find_all(sentence)
        if one and other:
            return (*one, *other)
    return ()


def mentions(text: str | None, lexicon: Lexicon) -> str | None:
    """The first entry of `lexicon` that `text` says, as written there (whole words only)."""
    return lexicon.find(text)


_CLAUSE = re.compile(r"[.;:()]\s*|,\s+|\s+-\s+")
_MAX_PHRASE = 12  # words of a clause quoted in a title; a longer clause is cut around the word


def phrase_with(text: str | None, word: str) -> str:
    """The clause of `text` that says `word`, as written (at most a few words around it, no quote marks),
    for a title that reads as the team's own words; `word` itself where no clause says it."""
    for clause in _CLAUSE.split(text or ""):
        found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", clause, re.IGNORECASE)
        if not found:
            continue
        words = clause.replace("'", "\u2019").split()
        at = len(clause[: found.start()].split())
        start = max(0, min(at - _MAX_PHRASE // 2, len(words) - _MAX_PHRASE))
        return " ".join(words[start : start + _MAX_PHRASE]).strip(" ,")
    return word
