"""How quick the interview feels: Enter-to-next-prompt over a whole scripted kickoff, and `planner --help`.

Runs the real `planner` command in a pseudo-terminal (pexpect) and answers the same scripted interview
the tests use. A prompt counts as shown when prompt_toolkit has started the next prompt (bracketed
paste on: ESC[?2004h) and finished its first drawing (line wrap back on: ESC[?7h).

    python benchmarks/bench_interview.py [--runs 3]

Targets: Enter to next prompt under 50 ms (median and worst reported), `planner --help` under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_interview import HAPPY, Shown  # noqa: E402  (the same script the tests run)

STARTED, DRAWN = "\x1b[?2004h", "\x1b[?7h"
SUBMITS = ("\x1b\r", "\r")


def _quiet(child: pexpect.spawn, for_seconds: float = 0.03) -> None:
    """Read until the terminal has been silent for a moment (the typed text is echoed)."""
    while True:
        try:
            child.read_nonblocking(65536, timeout=for_seconds)
        except pexpect.TIMEOUT:
            return


def _wait_for_prompt(child: pexpect.spawn) -> None:
    child.expect_exact(STARTED, timeout=10)
    child.expect_exact(DRAWN, timeout=10)


def interview_latencies() -> list[float]:
    """Seconds from each Enter to the next prompt, over one whole interview."""
    planner = shutil.which("planner") or "planner"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([planner, "init", folder], check=True, capture_output=True)
        env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color")
        child = pexpect.spawn(
            planner, ["interview", "bench", "--depth", "full"], cwd=folder, env=env, dimensions=(40, 120)
        )
        child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default
        _wait_for_prompt(child)
        steps = [step for step in HAPPY if not isinstance(step, Shown)]
        latencies = []
        for number, step in enumerate(steps):
            # y and n answer a yes/no question at once: then the key itself is what moves on.
            submit = next((key for key in SUBMITS if step.endswith(key)), step)
            if submit != step:
                child.send(step[: -len(submit)])
                _quiet(child)
            started = time.perf_counter()
            child.send(submit)
            if number == len(steps) - 1:
                child.expect(pexpect.EOF, timeout=10)  # Finish: the closing screen, then exit
            else:
                _wait_for_prompt(child)
            latencies.append(time.perf_counter() - started)
        child.close()
        if child.exitstatus != 0:
            raise SystemExit(f"the interview exited with {child.exitstatus}")
    return latencies


def help_times(runs: int = 15) -> list[float]:
    planner = shutil.which("planner") or "planner"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([planner, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="whole interviews to run (default 3)")
    runs = parser.parse_args().runs
    latencies = [value for _ in range(runs) for value in interview_latencies()]
    ordered = sorted(latencies)
    print(f"interview: {len(latencies)} answers over {runs} runs")
    print(
        f"  Enter to next prompt: median {_ms(statistics.median(latencies))}, "
        f"p90 {_ms(ordered[int(len(ordered) * 0.9)])}, worst {_ms(ordered[-1])}  (target < 50 ms)"
    )
    helps = help_times()
    print(
        f"planner --help: median {_ms(statistics.median(helps))}, worst {_ms(max(helps))}  (target < 150 ms)"
    )


if __name__ == "__main__":
    main()
