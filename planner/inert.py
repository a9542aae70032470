"""Untrusted text made inert in machine-readable output: JSON that no terminal can act on."""

from __future__ import annotations

import re

# JSON leaves DEL, C1 controls (\x9b starts an escape sequence in many terminals), direction overrides
# and line separators raw; as \uXXXX escapes they are the same strings to a JSON reader.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_inert(text: str) -> str:
    """JSON text (from json.dumps, which escapes the C0 controls) with the other hidden characters escaped."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
