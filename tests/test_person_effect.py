"""What the output does to the person it is about: help offered on a trait, or details only in the text read,
are not decisions made on a protected characteristic; a grant, a price or scrutiny made on one still is."""

from __future__ import annotations

from planner.judgement.rules import CATALOGUE
from planner.plan.choices import PersonEffect, PersonTrait, label
from planner.plan.questions import questions_in
from tests.test_review import patched

_FIRE_VISIT = {
    "constraints.data.personal_data": True,
    "product.audience": "staff_about_outsiders",
    "product.output": "Households ranked for a home fire-safety visit.",
    "product.person_inputs": ["age", "disability", "family"],
}


def _question(path: str):  # type: ignore[no-untyped-def]
    return next(q for q in questions_in(path.split(".")[0]) if q.field == path)


def test_what_the_output_does_to_the_person_is_asked_where_an_input_describes_them() -> None:
    question = _question("product.person_effect")
    assert not question.essential
    assert all(when.holds(patched({"product.person_inputs": ["age"]})) for when in question.when)
    for ticked in (["none"], ["text_only"]):
        assert not all(when.holds(patched({"product.person_inputs": ticked})) for when in question.when)
    assert label(PersonEffect.help).startswith("offers them help")
    assert "not about that person" in label(PersonTrait.text_only)


def test_help_offered_on_a_trait_is_asked_as_reach_not_as_a_decision_on_it() -> None:
    rule = CATALOGUE["protected-feature-in-decision"]
    assert rule.check(patched({**_FIRE_VISIT, "product.person_effect": "scrutiny"}))
    assert rule.check(patched(_FIRE_VISIT))  # not said: the tick decides, as before
    offered = patched({**_FIRE_VISIT, "product.person_effect": "help"})
    assert not rule.check(offered)
    evidence = CATALOGUE["fairness-unchecked"].check(offered)
    assert evidence and "does the offer reach every group in need" in evidence[-1]


def test_details_only_in_the_text_read_decide_nothing_about_their_person() -> None:
    summary = {
        **_FIRE_VISIT,
        "product.output": "A summary of the public comments on each planning application.",
        "product.inputs": "The comments, with the commenters' names, addresses and sometimes their health.",
        "product.person_inputs": ["name", "disability", "text_only"],
    }
    for rule in ("protected-feature-in-decision", "fairness-unchecked"):
        assert not CATALOGUE[rule].check(patched(summary)), rule
    assert CATALOGUE["personal-data"].check(patched(summary))  # a question of keeping the data minimal
