"""When a change the team names in free text takes effect: with the model or later, or not said.

`from launch`, `next spring`, `from next year` put a change ahead of the data whatever else is said.
`this autumn`, `later this year`, `from January` do not: said in December they may be behind or ahead,
and only a verb in the future (`will`, `going to`, `planned`) puts them ahead; a lead otherwise asks.
"""

from __future__ import annotations

from planner.judgement.rules.words import Lexicon

# Words saying a change takes effect with the model or later: the history all comes from before it.
FROM_LAUNCH = Lexicon("""
    from launch, at launch, with the launch, when we launch, once we launch, from go-live, at go-live
    new scheme, new scheme from, new scheme starts, will change, will be changed, changes next year
    from next year, from next month, from next quarter, new terms from, new pricing from, new tariff from
    new rules from, new policy from, new contract from, comes into force, come into force, takes effect
    will take effect, will apply, will apply from, will cover, will start, will replace, is due to start
    is due to change, due to change, planned for next year, upcoming, forthcoming
    next season, from next season, next spring, next summer, next autumn, next winter, next term
    from next term, next financial year, this coming
""")
# Times that lie behind or ahead depending on when they are said: ahead only with a verb that says so.
EITHER_WAY = Lexicon("""
    this autumn, this fall, this spring, this summer, this winter, later this year, this year, in the new year
    from january, from february, from march, from april, from may, from june, from july, from august
    from september, from october, from november, from december, in january, in february, in march
    in april, in june, in july, in august, in september, in october, in november, in december
""")
# A verb in the future, or a plan: what it says has not happened yet.
FUTURE_SAID = Lexicon("""
    will, won't, shall, going to, is planned, are planned, planned for, planned from, plan to, plans to
    is scheduled, are scheduled, scheduled for, due to, is due, are due, is set to, are set to, to be rolled
    to be introduced, to be replaced, expected to, intend to, intends to
""")


def starts_ahead(said: str) -> str | None:
    """The words saying the change in `said` takes effect with the model or later: a phrase that always
    points ahead, or a time that may point either way said with a verb in the future; None otherwise."""
    words = FROM_LAUNCH.find(said)
    if words:
        return words
    either = EITHER_WAY.find(said)
    future = FUTURE_SAID.find(said) if either else None
    return f"{future}, {either}" if either and future else None


def either_way(said: str) -> str | None:
    """A time in `said` that may lie behind or ahead, where nothing says which: a lead asks."""
    return None if starts_ahead(said) else EITHER_WAY.find(said)
