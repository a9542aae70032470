"""Text for a terminal: the columns a string takes (wcwidth) and tables that fit a width."""

from __future__ import annotations

from wcwidth import wcswidth, wcwidth

WIDTH = 100


def display_width(text: str) -> int:
    """Columns a terminal gives `text` (wide CJK and emoji take two, combining marks none), by wcwidth."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(char), 0) for char in text)


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


def table(rows: list[list[str]], header: list[str], width: int | None = None) -> str:
    """A left-aligned text table that fits `width` columns (no limit if None): the widest columns give
    way first, their cells cut with `…`; wide characters are measured by wcwidth."""
    width = width or 10**6
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    floor = [max(display_width(name), 6) for name in header]
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
