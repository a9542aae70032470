"""Text for a terminal: the columns a string takes (wcwidth), prose wrapped between words, tables that fit."""

from __future__ import annotations

import re

from wcwidth import wcswidth, wcwidth

WIDTH = 100


def display_width(text: str) -> int:
    """Columns a terminal gives `text` (wide CJK and emoji take two, combining marks none), by wcwidth."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(char), 0) for char in text)


# What a wrapped line's continuation lines are indented under: its indent and a bullet (`* `, `- `,
# `3. `, `? `), or a label ending in two spaces (`high   15  `) that lines the text up in a column.
_HANG = re.compile(r"^( *(?:[*\-•›?] |\d{1,2}[.)] |\d{1,2}/\d{1,2} |[a-z]+ +\d{1,3}  )?)")


def wrap(text: str, width: int | None, hang: int | None = None) -> str:
    """`text` with every line longer than `width` columns broken between words (wide characters count
    two, by wcwidth); continuation lines are indented under the first line's text, past its bullet
    (or by `hang` columns). A word longer than a line is cut. None: no limit."""
    if not width:
        return text
    return "\n".join(_wrap_line(line, width, hang) for line in text.split("\n"))


def _wrap_line(line: str, width: int, hang: int | None) -> str:
    if display_width(line) <= width:
        return line
    lead = _HANG.match(line)
    indent = hang if hang is not None else display_width(lead.group(1) if lead else "")
    indent = indent if indent <= width // 2 else 0
    first, rest = (line[: lead.end()], line[lead.end() :]) if lead and hang is None else ("", line)
    if hang is not None:
        first, rest = re.match(r"( *)(.*)", line).groups()  # type: ignore[union-attr]
    out: list[str] = []
    current, used = first, display_width(first)
    for word in rest.split(" "):
        size = display_width(word)
        gap = 1 if current.strip() and not current.endswith(" ") else 0
        if current.strip() and used + gap + size > width:
            out.append(current.rstrip())
            current, used, gap = " " * indent, indent, 0
        while size > width - used:  # a word longer than the line: cut it
            room = width - used
            head, tail = _split_at(word, room)
            out.append((current + (" " if gap else "") + head).rstrip())
            current, used, gap, word = " " * indent, indent, 0, tail
            size = display_width(word)
        current += (" " if gap else "") + word
        used += gap + size
    out.append(current.rstrip())
    return "\n".join(out)


def _split_at(word: str, room: int) -> tuple[str, str]:
    used = 0
    for index, char in enumerate(word):
        used += max(wcwidth(char), 0)
        if used > room:
            return word[: max(index, 1)], word[max(index, 1) :]
    return word, ""


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` columns, ending with `…` when something was cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        size = max(wcwidth(char), 0)
        if used + size > width - 1:
            break
        out, used = out + char, used + size
    return out + "…"


def table(rows: list[list[str]], header: list[str], width: int | None = None, *, cut: bool = True) -> str:
    """A left-aligned text table that fits `width` columns (no limit if None): the widest columns give
    way first, their cells cut with `…`; wide characters are measured by wcwidth. When even that cannot
    fit (or, with `cut` off, when a cell would have to be cut), each row is printed as a record instead."""
    width = width or 10**6
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    floor = [max(display_width(name), 6) for name in header]
    least = floor if cut else widths
    if sum(least) + 2 * (len(least) - 1) > width and rows:
        return records(rows, header, width)
    while sum(widths) + 2 * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: (widths[i] - floor[i] > 0, widths[i]))
        if widths[widest] <= floor[widest]:
            break
        widths[widest] -= 1
    lines = [
        "  ".join(
            (cell := _fit(text, size)) + " " * (size - display_width(cell))
            for text, size in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def records(rows: list[list[str]], header: list[str], width: int | None = None) -> str:
    """A table too wide for the screen as one record per row: the first cell as its heading, then each
    other column as `name: value`, wrapped between words."""
    out = []
    for row in rows:
        out.append(wrap(row[0], width))
        for name, cell in zip(header[1:], row[1:], strict=True):
            if cell:
                out.append(wrap(f"  {name.lower()}: {cell}", width, hang=4))
        out.append("")
    return "\n".join(out)
