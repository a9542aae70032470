"""The `planner` command: every command module registered on the group, with the examples of each."""

from __future__ import annotations

from planner.cli import evidence, plans, review, site  # noqa: F401  (each registers its commands)
from planner.cli.group import cli

# Examples under each command's --help (`\b` keeps click from rewrapping the lines).
EXAMPLES = {
    "init": [
        "planner init my-plans",
        "planner init            # again after an upgrade: schema and workflow",
    ],
    "interview": [
        "planner interview fraud-screening",
        "planner interview fraud-screening --section constraints",
        "planner interview fraud-screening --answers answers.yaml",
        "planner interview fraud-screening --data constraints.latency.p99_ms=200 --data product.mode=automate",
    ],
    "list": ["planner list"],
    "show": ["planner show fraud-screening"],
    "new": ['planner new fraud-screening --title "Fraud screening"'],
    "risks": ["planner risks fraud-screening", "planner risks fraud-screening --format markdown"],
    "rules": ["planner rules"],
    "check": [
        "planner check",
        "planner check fraud-screening --fail-on high",
        "planner check --base origin/main --format github   # in CI",
    ],
    "publish": ['planner publish fraud-screening -m "agreed at kickoff"'],
    "diff": [
        "planner diff fraud-screening",
        "planner diff fraud-screening v1 v3",
        "planner diff fraud-screening --base origin/main --format text",
    ],
    "schema": ["planner schema > plan.schema.json"],
    "build": ["planner build --strict"],
    "serve": ["planner serve -a 127.0.0.1:8001"],
    "log": ['planner log fraud-screening recall=0.71 precision=0.4 -m "gradient boosting, 40 features"'],
    "track": ["planner track fraud-screening --mlflow sqlite:///mlflow.db --experiment fraud"],
    "status": ["planner status", "planner status fraud-screening --format json"],
    "measure": [
        "planner measure fraud-screening --sample cases.csv --label outcome",
        "planner measure fraud-screening --sample cases.parquet --sql",
    ],
    "try": [
        "planner try fraud-screening --sample sample.csv --examples 30",
        "planner try fraud-screening --import labels.csv --people ann,bo",
    ],
}


for _name, _lines in EXAMPLES.items():
    if _name in cli.commands:
        cli.commands[_name].epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in _lines)


def main() -> None:
    cli(prog_name="planner")


if __name__ == "__main__":  # pragma: no cover
    main()
