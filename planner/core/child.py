"""Run a child command (mkdocs) so that a stop signal sent to planner stops the child too."""

from __future__ import annotations

import signal
import subprocess
from types import FrameType

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def run(argv: list[str]) -> tuple[int, int | None]:
    """Run `argv` to its end; returns its exit code and the stop signal planner received, if any.

    Without this, `kill` of `planner serve` ends planner and leaves `mkdocs serve` answering on the port:
    a SIGTERM or SIGHUP is passed on to the child, which is waited for (killed if it does not stop)."""
    child = subprocess.Popen(argv)
    received: list[int] = []

    def forward(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        child.send_signal(signum)

    previous = {number: signal.signal(number, forward) for number in STOP_SIGNALS}
    try:
        while True:
            try:
                code = child.wait(timeout=10 if received else None)
                break
            except subprocess.TimeoutExpired:
                child.kill()
            except KeyboardInterrupt:  # the terminal sent SIGINT to the child as well: let it finish
                continue
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return code, received[0] if received else None
