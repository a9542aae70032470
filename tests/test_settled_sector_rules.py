"""A regulated step the plan leaves as it is: the model is an in-process control, release stays put."""

from __future__ import annotations

from tests.test_review import fired, patched

_AUTOMATIC = {"product.circumstances": ["sector_rules"], "product.mode": "automate"}


def test_sector_rules_are_asked_where_nothing_says_how_the_plan_meets_them() -> None:
    assert "sector-rules-unnamed" in fired(patched(_AUTOMATIC))


def test_an_in_process_control_with_release_testing_unchanged_settles_them() -> None:
    faq = [
        {
            "question": "Does it replace release testing?",
            "answer": "No. It is an in-process control; EN 455-1 release testing is unchanged.",
        }
    ]
    assert "sector-rules-unnamed" not in fired(patched({**_AUTOMATIC, "press_release.faq": faq}))
