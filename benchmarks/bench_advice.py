"""How much of what a seasoned ML lead says planner says, on realistic partial kickoff answers.

Each file in benchmarks/scenarios/ holds a kickoff as a team has it in the meeting (`answers:`, shaped
like plan.yaml, most questions unanswered), the points a lead must raise (`must_raise:`, each met by
any of the listed signals) and what would be a false alarm (`must_not:`). A signal is an open
derived risk id (`feedback-loop`), the same at or above a level (`no-time-box@medium`: raised at
medium or high, where a low note is right), a blocking question (`ask:done.metrics`), a question
a lead would also ask (`probe:supply-concentrates`), advice whose
title matches a regular expression (`advice:ship the rules`), or the headline (the first advice) matching
one (`lead:this plan is sound`). On a scenario marked `sound: true` every high risk is a false alarm too.

    python benchmarks/bench_advice.py [--show] [NAME ...]

Prints recall and false alarms per case and overall; `--show` prints what planner said for each.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
sys.path.insert(0, str(REPO))

from planner.judgement.register import Assessment, assess  # noqa: E402
from planner.plan.model import Plan  # noqa: E402
from planner.plan.planfile import plan_from_text  # noqa: E402


@dataclass
class Result:
    name: str
    found: list[str]
    missed: list[str]
    false_alarms: list[str]
    sound: bool


def signals(assessment: Assessment) -> tuple[set[str], list[str]]:
    """What planner said, as signal ids and advice titles."""
    derived = [risk for risk in assessment.open_risks if risk.source == "derived"]
    ids = {risk.id for risk in derived}
    ids |= {f"{risk.id}@medium" for risk in derived if risk.level in ("medium", "high")}
    ids |= {f"{risk.id}@high" for risk in derived if risk.level == "high"}
    ids |= {f"ask:{question.field}" for question in getattr(assessment, "blocking", ())}
    ids |= {f"probe:{each.id}" for each in getattr(assessment, "asked", ())}
    return ids, [advice.title.lower() for advice in assessment.advice]


def meets(signal: str, ids: set[str], titles: list[str]) -> bool:
    if signal.startswith("advice:"):
        pattern = re.compile(signal.removeprefix("advice:").strip(), re.IGNORECASE)
        return any(pattern.search(title) for title in titles)
    if signal.startswith("lead:"):
        pattern = re.compile(signal.removeprefix("lead:").strip(), re.IGNORECASE)
        return bool(titles) and bool(pattern.search(titles[0]))
    return signal in ids


def judge(path: Path) -> tuple[Result, Assessment]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "plan" in data:  # a plan file of the repository, read as `planner` reads it
        assessment = assess(plan_from_text((REPO / data["plan"]).read_text(encoding="utf-8"), data["plan"]))
    else:
        assessment = assess(Plan.model_validate(data["answers"]))
    ids, titles = signals(assessment)
    found, missed = [], []
    for point in data.get("must_raise") or []:
        hit = any(meets(signal, ids, titles) for signal in point["any"])
        (found if hit else missed).append(point["point"])
    alarms = [signal for signal in data.get("must_not") or [] if meets(signal, ids, titles)]
    if data.get("sound"):
        alarms += [
            f"high: {risk.id}" for risk in assessment.open_at_or_above("high") if risk.id not in alarms
        ]
    return Result(path.stem, found, missed, alarms, bool(data.get("sound"))), assessment


def show(assessment: Assessment) -> None:
    for advice in assessment.advice:
        print(f"      > {advice.title}: {advice.reason}")
    for question in getattr(assessment, "blocking", ()):
        print(f"      ? {question.field}")
    for risk in assessment.open_risks:
        print(f"      - {risk.level:<6} {risk.id}: {' | '.join(risk.evidence)[:160]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="scenario names (default: all)")
    parser.add_argument("--show", action="store_true", help="print what planner said for each case")
    args = parser.parse_args()
    paths = sorted(SCENARIOS.glob("*.yaml"))
    if args.names:
        paths = [path for path in paths if path.stem in args.names]
    total_points = total_found = total_alarms = sound_high = 0
    print(f"{'case':<34} {'recall':>9} {'false alarms':>13}")
    for path in paths:
        result, assessment = judge(path)
        points = len(result.found) + len(result.missed)
        total_points += points
        total_found += len(result.found)
        total_alarms += len(result.false_alarms)
        sound_high += sum(alarm.startswith("high:") for alarm in result.false_alarms)
        recall = f"{len(result.found)}/{points}"
        print(f"{result.name:<34} {recall:>9} {len(result.false_alarms):>13}")
        for missed in result.missed:
            print(f"    missed: {missed}")
        for alarm in result.false_alarms:
            print(f"    false alarm: {alarm}")
        if args.show:
            show(assessment)
    share = total_found / total_points if total_points else 1.0
    print(f"{'overall':<34} {total_found}/{total_points} ({share:.0%}) {total_alarms:>7}")
    print(f"high risks on sound plans: {sound_high}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
