"""What a team says of the data in hand against production: it is the production stream itself, or the two
were checked and found alike. Either settles what production-differs asks."""

from __future__ import annotations

from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Plan

# A check the team ran of the difference, and what it found: alike.
_CHECK_RUN = Lexicon(
    "we checked, checked that, checked they, checked it, we compared, we verified, verified that"
)
_FOUND_ALIKE = Lexicon("""
    within, no difference, no significant difference, alike, similar, the same, spread evenly, evenly spread
    differ by less than, match, matches
""")


def checked_alike(plan: Plan) -> str | None:
    """The note saying the team checked the difference and found the two alike (`we checked crash tickets
    per user are within 10% for opted-in and other users`): the check production-differs asks for."""
    text = plan.constraints.data.differences_note or ""
    words = in_one_sentence(text, _CHECK_RUN, _FOUND_ALIKE)
    if not words:
        return None
    return quote(plan, "constraints.data.differences_note", f"already checked alike: {', '.join(words)}")


# Words saying the data in hand is the production stream itself (what the model will read, logged).
_PRODUCTION_STREAM = Lexicon("""
    production stream, the production stream, production feed, the production feed, production logs
    logged in production, logged from production, live production data, the live feed, the live stream
    the same stream, the same feed, the stream the model will read, the feed the model will read
""")


def production_stream(plan: Plan) -> str | None:
    """The answer saying the data in hand is the production stream itself (a source, the note on the data
    or the evaluation set): data like production's is already in hand, not to collect first."""
    sources = plan.constraints.data.sources
    paths = [f"constraints.data.sources[{index}].name" for index in range(len(sources))]
    for path in (*paths, *evaluation_paths(plan)):
        words = _PRODUCTION_STREAM.find_all(answer_at(plan, path))
        if words:
            return quote(plan, path, f"the data is production's own: {', '.join(words)}")
    return None
