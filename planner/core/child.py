"""Run a child command (mkdocs) so that a stop signal sent to planner stops the child too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from types import FrameType

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def run(argv: list[str]) -> tuple[int, int | None]:
    """Run `argv` to its end; returns its exit code and the stop signal planner received, if any.

    Without this, `kill` of `planner serve` ends planner and leaves `mkdocs serve` answering on the port:
    a SIGTERM or SIGHUP is passed on to the child, which is waited for (killed if it does not stop).
    A `kill -9` cannot be passed on: on Linux the child asks the kernel to stop it when planner dies."""
    child = subprocess.Popen(argv, preexec_fn=_dies_with(os.getpid()) if sys.platform == "linux" else None)
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


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _dies_with(parent: int) -> Callable[[], None]:
    """Run in the child between fork and exec: SIGTERM it when `parent` dies, even by SIGKILL (which
    no handler sees), and stop at once if the parent is already gone."""

    def arm() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # died between fork and prctl: the signal would never come
            os.kill(os.getpid(), signal.SIGTERM)

    return arm
