"""Untrusted text made inert for each output: a terminal line, Markdown, JSON."""

from __future__ import annotations

import json
import re
from typing import Any

# In a terminal, control characters move the cursor, rewrite lines or retitle the window (newline and
# tab are kept), and direction overrides reorder what follows on the line.
_TERMINAL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_TERMINAL_CONTROL = re.compile(_TERMINAL)
_TERMINAL_RUN = re.compile(_TERMINAL + "+")
# Direction embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder what follows,
# so `txt.exe` can read as `exe.txt`; every output (terminal, Markdown, the site's HTML) drops them.
BIDI = r"\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI}]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~@$])")
# GitHub links mentions and issues after reading the Markdown, so `\@org` still pings and `\#12`
# still links: a zero-width space after the mark stops both.
_GITHUB_REFS = re.compile(r"(\\[@#])")
# JSON leaves DEL, C1 controls (\x9b starts an escape sequence in many terminals), direction overrides
# and line separators raw; as \uXXXX escapes they are the same strings to a JSON reader.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def terminal_safe(text: str, *, squeeze: bool = False) -> str:
    """Text safe to print: every control character but newline and tab becomes a space (a run of them
    one space, with `squeeze`), so an answer holding escape sequences (clear screen, set title, move
    cursor) cannot drive the user's terminal, and direction overrides are dropped."""
    return _BIDI.sub("", (_TERMINAL_RUN if squeeze else _TERMINAL_CONTROL).sub(" ", text))


def one_line(text: str) -> str:
    """User text safe for one terminal line: control characters and line breaks become single spaces,
    and direction overrides are dropped."""
    return " ".join(terminal_safe(text).split())


def md_inert(text: str) -> str:
    """User text as inert Markdown: no HTML, links, emphasis, tables or mentions survive; spacing is kept."""
    text = _BIDI.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _GITHUB_REFS.sub("\\1\u200b", _MD_SPECIAL.sub(r"\\\1", text))


def md_escape(text: str) -> str:
    """User text as inert Markdown on one line, for a PR comment's risk table."""
    return md_inert(one_line(text))


def json_inert(text: str) -> str:
    """JSON text (from json.dumps, which escapes the C0 controls) with the other hidden characters escaped."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def safe_json(data: Any, **options: Any) -> str:
    """JSON (indented, UTF-8) that is safe to print: nothing in it can drive or reorder a terminal."""
    return json_inert(json.dumps(data, indent=2, ensure_ascii=False, **options))
