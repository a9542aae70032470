"""Run a child command (mkdocs, Zensical) so that a stop signal sent to planner stops the child too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

GRACE = 10  # seconds a child has to stop after planner passed a stop signal on, before it is killed
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def run(
    argv: list[str], *, cwd: Path | None = None, tick: Callable[[], None] | None = None, every: float = 0.25
) -> tuple[int, int | None]:
    """Run `argv` to its end; returns its exit code and the stop signal planner received, if any.
    While it runs, `tick` (if given) is called every `every` seconds in this process.

    Without this, `kill` of `planner serve` ends planner and leaves `mkdocs serve` answering on the port:
    a SIGTERM or SIGHUP is passed on to the child, which is waited for (killed if it does not stop).
    A `kill -9` cannot be passed on: on Linux the child asks the kernel to stop it when planner dies."""
    armed = _dies_with(os.getpid()) if sys.platform == "linux" else None
    child = subprocess.Popen(argv, cwd=cwd, preexec_fn=armed)
    received: list[int] = []
    since: list[float] = []  # when the first stop signal came

    def forward(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        since.append(time.monotonic())
        child.send_signal(signum)

    previous = {number: signal.signal(number, forward) for number in STOP_SIGNALS}
    try:
        while True:
            try:
                code = child.wait(timeout=every if tick is not None or received else None)
                break
            except subprocess.TimeoutExpired:
                if not received and tick is not None:
                    tick()
                elif received and time.monotonic() - since[0] > GRACE:
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
