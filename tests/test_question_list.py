"""The question list first-contact evaluators fill plans from (benchmarks/first_contact/questions.py) shows
each question's exact YAML path, and says where a section asks a question whose field lives elsewhere."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import REPO


def _lister() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "questions_list", REPO / "benchmarks/first_contact/questions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_question_shows_its_yaml_path() -> None:
    from planner.plan.questions import QUESTIONS

    page = _lister().questions_page()
    assert all(f"- YAML path `{q.field}` (" in page for q in QUESTIONS)


def test_a_question_asked_in_another_section_says_where_it_is_written() -> None:
    """today's call as an input is asked beside who does the task by hand, and lives under `product:`."""
    from planner.plan.questions import QUESTIONS

    asked = next(q for q in QUESTIONS if q.field == "product.todays_call_input")
    assert asked.section == "by_hand"  # the interview asks it there, and stores it at its path
    page = _lister().questions_page()
    by_hand = page.split("interview section `--section by_hand`")[1].split("\n## ")[0]
    assert (
        "- YAML path `product.todays_call_input` (choice)" in by_hand
        and "  - written under `product:` in plan.yaml, not `by_hand:` (asked in this section)" in by_hand
    )
    assert "written under `by_hand:`" not in by_hand
