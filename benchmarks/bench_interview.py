"""How quick the interview feels: keystrokes, prompts and Enter-to-next-prompt for both depths, and --help.

Runs the real `planner` command in a pseudo-terminal (pexpect) and answers a realistic plan (the
fraud-screening plan the tests fill, `FULL` in tests/test_interview.py) the way a team would type it:
the essentials path (`planner interview`: title, the essentials, "not now") and the full path
(`--depth full`: every question, then the review). A prompt counts as shown when prompt_toolkit has
started the next prompt (bracketed paste on: ESC[?2004h) and finished its first drawing (line wrap
back on: ESC[?7h).

    python benchmarks/bench_interview.py [--runs 3]

Targets: Enter to next prompt under 50 ms (median and worst reported), `planner --help` under 150 ms.
Budget: the essentials within about 40 prompts for their questions and 20 minutes. Last measured: the
essentials path took 41 prompts (20.5 minutes; announced 31 to 41), with the step and its share of the
whole in one prompt, the examples done by hand with whether an expert can decide in another (the
expert's call is not asked when nothing was done by hand), and the facts beyond the decision ticked
from one list (`product.circumstances`, the 41st).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pexpect

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from planner.interview.path import PAIRED, asked_fields, said_direction  # noqa: E402
from planner.plan.fields import field_at, is_answered  # noqa: E402
from planner.plan.model import Plan  # noqa: E402
from planner.plan.pairs import pair_text  # noqa: E402
from planner.plan.planfile import plan_from_text  # noqa: E402
from planner.plan.questions import (  # noqa: E402
    QUESTIONS,
    SECONDS_PER_ANSWER,
    Joined,
    Kind,
    Question,
    core_type,
    kind_of,
)
from tests.test_interview import FULL  # noqa: E402  (the plan the tests fill)

STARTED, DRAWN = "\x1b[?2004h", "\x1b[?7h"
ENTER, DOWN, SPACE, NEW_LINE = "\r", "\x1b[B", " ", "\x1b\r"
SUBMITS = ("\r", "y", "n")


def _number(value: float) -> str:
    return f"{value:g}"


def _choice(enum: Any, value: Any, optional: bool = True) -> str:
    index = list(enum).index(value) + (0 if optional else -1)
    return (str(index + 1) if index < 9 else DOWN * (index + 1)) + ENTER


def _answer(kind: Kind, annotation: Any, value: Any, currency: list[str]) -> list[str]:
    """The keys for one answer, one step per prompt (each step ends with the key that submits it)."""
    if not is_answered(value):
        return [ENTER]
    if isinstance(value, str) and kind in (Kind.share, Kind.integer, Kind.number):
        return [value + ENTER]  # a word a figure takes: `not measured`, `none`
    if kind is Kind.yes_no:
        return ["y" if value else "n"]
    if kind is Kind.choice:
        return [_choice(core_type(annotation), value)]
    if kind is Kind.multi_choice:
        members = list(core_type(annotation))
        return ["".join((SPACE if m in value else "") + DOWN for m in members)[: -len(DOWN)] + ENTER]
    if kind is Kind.share:
        return [f"{value * 100:g}%" + ENTER]
    if kind in (Kind.integer, Kind.number):
        steps = [_number(value) + ENTER]
        if currency and currency[0]:  # a money field: the currency is asked once per plan
            steps.append(currency.pop() + ENTER)
        return steps
    return [str(value).replace("\n", NEW_LINE) + ENTER]


def script(plan: Plan, questions: list[Question]) -> list[str]:
    """The keys a team types to give `plan`'s answers to `questions`, in the order they are asked."""
    currency = [getattr(plan.constraints.compute, "currency", None) or ""]
    steps: list[str] = []
    given: set[str] = set()  # partners typed in their lead's answer (`2000 a day`)
    for question in questions:
        if not question.applies(plan) or question.field in given:
            continue
        parent, _, name = question.field.rpartition(".")
        holder = field_at(plan, parent) if parent else plan
        info = type(holder).model_fields[name]
        value = getattr(holder, name)
        partner = question.partner.rpartition(".")[2]
        if partner and is_answered(value) and is_answered(getattr(holder, partner)):
            steps.append(pair_text(holder, name, partner, question.joined) + ENTER)
            given.add(question.partner)
            continue
        money = "currency" in type(holder).model_fields and "currency" in (info.description or "")
        if question.kind is Kind.list:
            steps += [str(item) + ENTER for item in value] + [ENTER]
        elif question.kind is Kind.items:
            for item in value:
                values: dict[str, Any] = {}
                for position, field in enumerate(asked_fields(type(item))):
                    field_info = type(item).model_fields[field]
                    draft = type(item).model_construct(**values)
                    if position and not draft.asks(field):
                        continue
                    if field == "direction" and said_direction(values) is not None:
                        continue  # the baseline and target (or a relative target) said it
                    kind = kind_of(field_info)
                    optional = position == 0 or field_info.default is None
                    field_value = getattr(item, field)
                    partner = PAIRED.get((type(item).__name__, field), ("", ""))[0]
                    if partner and is_answered(getattr(item, partner)):  # `0.5, the rules`
                        steps.append(pair_text(item, field, partner, Joined.named) + ENTER)
                        values |= {field: field_value, partner: getattr(item, partner)}
                        continue
                    relative = getattr(item, "relative_target", None)
                    if field == "target" and field_value is None and relative is not None:
                        word = "higher" if item.direction.value == "higher" else "lower"
                        steps.append(f"{relative * 100:g}% {word}" + ENTER)
                        values |= {"relative_target": relative, "direction": item.direction}
                        continue
                    amount = getattr(item, "absolute_target", None)
                    if field == "target" and field_value is None and amount is not None:  # `1.5 lower`
                        word = "higher" if item.direction.value == "higher" else "lower"
                        steps.append(f"{amount:g} {word}" + ENTER)
                        values |= {"absolute_target": amount, "direction": item.direction}
                        continue
                    if kind is Kind.choice and is_answered(field_value):
                        steps.append(_choice(core_type(field_info.annotation), field_value, optional))
                    else:
                        steps += _answer(kind, field_info.annotation, field_value, [])
                    if is_answered(field_value):
                        values[field] = field_value
            steps.append(ENTER)  # an empty first field ends the list
        else:
            steps += _answer(question.kind, info.annotation, value, currency if money else [])
    return steps


def paths() -> dict[str, tuple[list[str], list[str]]]:
    """Each path: the command's arguments and the keys typed, title first."""
    plan = plan_from_text(FULL, "FULL")
    title = [plan.title + ENTER]
    essentials = [question for question in QUESTIONS if question.essential]
    return {
        "essentials": (["--depth", "essentials"], title + script(plan, essentials) + [ENTER]),
        "full": (["--depth", "full"], title + script(plan, list(QUESTIONS)) + [ENTER, ENTER]),
    }


def _quiet(child: pexpect.spawn, for_seconds: float = 0.03) -> None:
    """Read until the terminal has been silent for a moment (the typed text is echoed)."""
    while True:
        try:
            child.read_nonblocking(65536, timeout=for_seconds)
        except pexpect.TIMEOUT:
            return


def _wait_for_prompt(child: pexpect.spawn) -> str:
    """Wait for the next prompt; returns what was printed before it."""
    child.expect_exact(STARTED, timeout=10)
    printed = str(child.before)
    child.expect_exact(DRAWN, timeout=10)
    return printed


def interview_latencies(arguments: list[str], steps: list[str]) -> list[float]:
    """Seconds from each Enter to the next prompt, over one whole interview."""
    planner = shutil.which("planner") or "planner"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([planner, "init", folder], check=True, capture_output=True)
        env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color")
        child = pexpect.spawn(
            planner, ["interview", "bench", *arguments], cwd=folder, env=env, dimensions=(40, 120)
        )
        child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default
        _wait_for_prompt(child)
        latencies = []
        announced: tuple[int, int] | None = None
        for number, step in enumerate(steps):
            # y and n answer a yes/no question at once: then the key itself is what moves on.
            submit = next(key for key in SUBMITS if step.endswith(key))
            if submit != step:
                child.send(step[: -len(submit)])
                _quiet(child)
            started = time.perf_counter()
            child.send(submit)
            printed = ""
            if number == len(steps) - 1:
                child.expect(pexpect.EOF, timeout=10)  # Finish: the closing screen, then exit
            else:
                printed = _wait_for_prompt(child)
            latencies.append(time.perf_counter() - started)
            if number == 0:  # after the title: the announcement of the depth's questions and minutes
                found = re.search(
                    r"\((\d+) to (\d+) answers", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\s+", " ", printed)
                )
                announced = (int(found[1]), int(found[2])) if found else None
        child.close()
        if child.exitstatus != 0:
            raise SystemExit(f"the interview exited with {child.exitstatus}")
    ANNOUNCED.append(announced)
    return latencies


ANNOUNCED: list[tuple[int, int] | None] = []


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


def keystrokes(steps: list[str]) -> int:
    """Keys pressed: an arrow or Alt-Enter is one key, as a typed character is."""
    return sum(len(re.sub(r"\x1b\[[A-Z]|\x1b\r", "k", step)) for step in steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="whole interviews per path to run (default 3)")
    runs = parser.parse_args().runs
    for name, (arguments, steps) in paths().items():
        latencies = [value for _ in range(runs) for value in interview_latencies(arguments, steps)]
        ordered = sorted(latencies)
        # The questions' prompts: the title before them and the closing menus after them aside.
        asked = len(steps) - 1 - (1 if name == "essentials" else 2)
        print(
            f"{name} path: {len(steps)} prompts answered ({asked} for its questions, "
            f"{asked * SECONDS_PER_ANSWER / 60:.1f} minutes at {SECONDS_PER_ANSWER} s each), "
            f"{keystrokes(steps)} keystrokes ({runs} runs)"
        )
        announced = ANNOUNCED[-1]
        if announced is None or not announced[0] <= asked <= announced[1]:
            raise SystemExit(f"{name}: the start announced {announced} answers, the path took {asked}")
        print(f"  announced {announced[0]} to {announced[1]} answers: the path took {asked}")
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
