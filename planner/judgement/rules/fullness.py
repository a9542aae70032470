"""A service run near full, read from the team's own figures: `slot utilisation 97%`, `96% of beds
occupied`. At that level the record of what was served stops at the capacity there was on most days,
whatever the tick-box says about the record; the figure, with the spare capacity it leaves, is the
evidence."""

from __future__ import annotations

import re

# How full a service runs, as people write it: the word of use beside its share.
_USE = (
    r"utili[sz]ation|utili[sz]ed|occupancy(?:\s+rate)?|occupied|fill\s+rate|load\s+factor|capacity\s+used"
    r"|capacity\s+use|of\s+capacity|booked|filled|taken|sold|full"
)
_SHARE = r"(\d{2,3}(?:\.\d+)?)\s?%"
# `utilisation runs at 97%`, `occupancy of 98%`: the word, up to a few words of no figure, the share.
_WORD_THEN_SHARE = re.compile(rf"\b(?:{_USE})\b:?[^.;:%\d]{{0,30}}?{_SHARE}", re.IGNORECASE)
# `97% utilisation`, `96% of slots booked`, `98% of the beds are occupied`, `at 95% of capacity`.
_SHARE_THEN_WORD = re.compile(
    rf"{_SHARE}\s+(?:(?:of\s+)?(?:the\s+|our\s+|all\s+|its\s+|their\s+)?(?:[a-z-]+\s+){{0,2}}?"
    rf"(?:are\s+|were\s+|is\s+|was\s+|get\s+|got\s+)?)?(?:{_USE})\b",
    re.IGNORECASE,
)
# Words before the share that make it a target, a threshold or a forecast, not how full the service ran.
_NOT_TODAY = re.compile(
    r"\b(?:target|targets|aim|aims|goal|goals|threshold|thresholds|flag|flags|alert|alerts|trigger|triggers|triggered|if|when|exceeds|exceed"
    r"|forecast|forecasts|predicted|expected|would|should|want|wants|plan|plans|planned|raise|lift|increase"
    r"|reach|below|under|less\s+than|fewer\s+than|up\s+to)\b",
    re.IGNORECASE,
)
FULL = 90.0  # a service used this much of its capacity has, on most days, none to spare


def near_full(text: str | None) -> tuple[str, float] | None:
    """The first figure in `text` saying a service ran at or above FULL per cent of its capacity, as
    (the words said, the share in per cent); None where none does, or where the figure is a target, a
    threshold or a forecast (`flag when above 90%`, `raise utilisation to 95%`)."""
    if not text:
        return None
    for pattern in (_WORD_THEN_SHARE, _SHARE_THEN_WORD):
        for match in pattern.finditer(text):
            share = float(match.group(1))
            if not FULL <= share <= 150:
                continue
            before = re.split(r"[.;,]", text[: match.start()])[-1]
            after = re.split(r"[.;:,]", text[match.end() :])[0]
            if any(_NOT_TODAY.search(part) for part in (before, match.group(0), after)):
                continue
            return " ".join(match.group(0).split()), share
    return None


def spare_note(share: float) -> str:
    """The arithmetic of a near-full figure: the capacity it leaves spare."""
    spare = max(0.0, 100.0 - share)
    left = f"{spare:g}% spare" if spare else "nothing spare"
    return f"{share:g}% of capacity used leaves {left}"
