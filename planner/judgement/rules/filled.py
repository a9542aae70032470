"""The resource a decision fills with a prediction: a room, a truck or a shift said in the clause that fills it,
not a noun of the story (`staff fill the shelves`, a bin's fill level)."""

from __future__ import annotations

import re

from planner.judgement.rules.words import BOUNDARY, Lexicon, words_of

# A resource the decision fills or allocates: what an amount uses up.
RESOURCE = Lexicon("""
    room, rooms, theatre, theatres, operating room, operating rooms, slot, slots, time slot, time slots
    session, sessions, list, lists, bed, beds, bay, bays, berth, berths, dock, docks, gate, gates
    truck, trucks, lorry, lorries, van, vans, vehicle, vehicles, container, containers, bin, bins
    crew, crews, shift, shifts, rota, rotas, staff, staffing, capacity, line, lines, machine, machines
    oven, ovens, kiln, kilns, pitch, pitches, court, courts, chair, chairs, table, tables
""")
# Words that say the decision fills that resource to the brim with the prediction, or shares it out.
FILLS = Lexicon(
    """
    fill, fills, filled, full, fully booked, back to back, back-to-back, 100%, to capacity
    at capacity, pack, packs, packed, no gaps, no slack, no buffer, shared, communal, pooled
""",
    # a fill as a thing measured or a form completed, not a resource filled
    unless="""fill level, fill levels, fill-level, fill-levels, fill rate, fill rates, fill-rate, fill-rates
    fill in, fills in, filled in, fill out, fills out, filled out, fill-in, fill the gap, fill gaps""",
)
# Fill verbs whose subject is who does the filling (`staff fill the shelves`): the resource follows them.
_CLAUSE = re.compile(r"[.;:()]\s*|,\s+|\s+-\s+|\s+and\s+|\s+but\s+|\s+while\s+")
_ACTIVE = frozenset({"fill", "fills", "pack", "packs"})


def filled_resource(text: str | None) -> tuple[str, ...]:
    """The resource words and the fill words of the first clause of `text` that fills a resource, or ()
    when none does; a resource said before an active fill verb is who fills, not what is filled."""
    for part in _CLAUSE.split(text or ""):
        fills, resources = FILLS.find_all(part), RESOURCE.find_all(part)
        if not fills or not resources:
            continue
        words = [word for word in words_of(part) if word != BOUNDARY]
        filled = tuple(res for res in resources if any(_fills(words, fill, res) for fill in fills))
        if filled:
            return (*filled, *fills)
    return ()


def _fills(words: list[str], fill: str, resource: str) -> bool:
    """Whether `fill` can say that `resource` is filled: a state (`full`, `at capacity`) anywhere in the
    clause, an active verb only before it (`fill each room`, not `staff fill the shelves`)."""
    if fill not in _ACTIVE:
        return True
    first = resource.split(" ")[0]
    verbs = [at for at, word in enumerate(words) if word == fill]
    return any(word == first and any(verb < at for verb in verbs) for at, word in enumerate(words))
