"""Plans for the site tests: a sound one, and one with hostile text in every kind of field."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from planner.plan.model import Plan
from planner.plan.yamlfile import dump_yaml

# Every payload tries to set window.__pwned (or open a dialog); the browser test checks it never runs.
SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
SVG = "<svg onload=\"window.__pwned='svg'\"></svg>"
LINK = "[inline link](javascript:window.__pwned='link')"
AUTOLINK = "<javascript:window.__pwned='autolink'>"
ATTR = "attribute list {: onclick=\"window.__pwned='attr'\" }"
TITLE_BREAK = "</title><script>window.__pwned='title'</script>"
JINJA = "{{ 7*7 }} {% if true %}jinja{% endif %}"
TABLE_BREAK = "cell | <b>bold</b> |\n| --- | --- |\n| x | y"
QUOTE_BREAK = "\"><script>alert('quote')</script>"
ONE_LINE = " ".join([SCRIPT, IMG, SVG, LINK, AUTOLINK, ATTR, TITLE_BREAK, JINJA, QUOTE_BREAK, "a | b"])
REFERENCE = "[reference link][evil]\n\n[evil]: javascript:window.__pwned='reference'"
ADMONITION_BREAK = "</div></dd></dl>\n\n!!! danger \"<img src=x onerror=alert('adm')>\"\n    escaped?\n\n<script>alert(1)</script>"
MULTI_LINE = "\n\n".join([ONE_LINE, REFERENCE, TABLE_BREAK, ADMONITION_BREAK, "```\n" + SCRIPT + "\n```"])
LITERALS = (SCRIPT, "{{ 7*7 }}", TITLE_BREAK, "{: onclick=")


def hostile_plan() -> Plan:
    """A valid plan where every free-text answer is an attack."""
    short, long = ONE_LINE, MULTI_LINE
    data: dict[str, Any] = {
        "title": f"Hostile {TITLE_BREAK} {IMG} | {{{{ 7*7 }}}}",
        "owners": [short, SVG],
        "status": "draft",
        "product": {
            "goal": long,
            "users": short,
            "pain": long,
            "task": "classification",
            "current_solution": short,
            "current_performance": long,
            # a roster fixed weeks ahead: the page asks which inputs exist by then, quoting them
            "decision": f"Rosters are published 28 days ahead. {short}",
            "inputs": short,
        },
        "heuristics": {"rules": [{"condition": short, "action": LINK}], "humans_handle": long},
        "by_hand": {"examples": 10, "noticed": [short, LINK], "hard_cases": [SCRIPT]},
        "impact": {"volume": 100, "period": "day", "value_per_item": 2, "value_unit": short},
        "press_release": {
            "headline": f"Headline {TITLE_BREAK} {SCRIPT}",
            "problem": long,
            "solution": long,
            "quote": long,
            "call_to_action": short,
            "faq": [{"question": f"Question {SCRIPT} {LINK}", "answer": long}],
        },
        "constraints": {"data": {"sources": [{"name": short, "acquisition": "own"}]}},
        "done": {
            "metrics": [{"name": short, "dataset": short, "baseline": 0.5, "target": 0.9}],
            "timebox_weeks": 4,
            "fold_action": long,
            "when_met": short,
        },
        "after_launch": {
            "owner": short,
            "monitoring": [{"signal": short, "threshold": long}],
            "fallback": long,
        },
        "risks": [
            {
                "id": "hostile-risk",
                "title": f"Risk {TITLE_BREAK} {IMG}",
                "category": "ethics",
                "likelihood": 5,
                "impact": 5,
                "mitigation": long,
                "verdict": "accepted",
                "note": long,
                "by": short,
            }
        ],
        "decisions": [{"risk": "no-such-risk", "verdict": "accepted", "note": long, "by": short}],
    }
    return Plan.model_validate(data)


SOUND_PLAN = """
    title: Screen card orders for fraud before they ship
    owners: [Ana Costa]
    decider: Rui Almeida
    status: approved
    product:
      goal: Fraudulent card orders are held before shipping, so chargebacks fall and honest buyers are not delayed.
      users: The payments risk team.
      task: classification
    heuristics:
      rules:
        - condition: amount > 5000 and new account
          action: hold for manual review
      verdict: rules_baseline
      coverage: 0.4
    impact:
      volume: 3000
      period: day
      share_addressed: 0.2
      value_per_item: 1.5
      value_unit: EUR
    done:
      metrics:
        - name: recall at 1% false positive rate
          dataset: orders from last quarter
          baseline: 0.4
          target: 0.7
      timebox_weeks: 6
    constraints:
      retraining:
        trigger: Caught share below 60% on the weekly reviewed sample.
    after_launch:
      monitoring:
        - signal: Share of orders held per day, and chargebacks caught
          threshold: Outside 0.5-3% held alerts the risk lead.
    risks:
      - id: vendor-outage
        title: The card vendor's API goes down during peak hours
        category: operations
        likelihood: 2
        impact: 4
        mitigation: Fall back to the rules when the vendor times out.
"""

WORKSPACE_MKDOCS = (
    Path(__file__).resolve().parent.parent / "templates" / "workspace" / "mkdocs.yml"
).read_text(encoding="utf-8")


def workspace_files(plans: dict[str, str | Plan]) -> dict[str, str]:
    """Files of a workspace (for the make_workspace fixture) holding the given plans."""
    files = {"mkdocs.yml": WORKSPACE_MKDOCS, "docs/about.md": "# About our plans\n\nSee the portfolio.\n"}
    for slug, plan in plans.items():
        text = dump_yaml(plan.model_dump(mode="json", exclude_none=True)) if isinstance(plan, Plan) else plan
        files[f"plans/{slug}/plan.yaml"] = text if isinstance(plan, Plan) else textwrap.dedent(text)
    return files


def mkdocs(
    root: Path, *args: str, config: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` command line in a workspace."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args, "-f", str(config or root / "mkdocs.yml")],
        cwd=root,
        capture_output=True,
        text=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "HOME": str(root),
            "PYTHONDONTWRITEBYTECODE": "1",  # never a .pyc in the checkout the tests run from
            **(env or {}),
        },
        check=False,
    )
