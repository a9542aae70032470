"""A progress line on a terminal while an engine works: a poller that asks the engine where it is."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def polled(line: Callable[[], str | None], report: Callable[[str], None] | None) -> Iterator[None]:
    """While the block runs, report `line()` every half second when it has something to say, and a blank
    line at the end to clear the last one (the engines' progress lines on a terminal)."""
    if report is None:
        yield
        return
    done, shown = threading.Event(), False

    def poll() -> None:
        nonlocal shown
        while not done.wait(0.5):
            text = line()
            if text:
                report(text)
                shown = True

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if shown:
            report("")
