"""Key risks: the few open risks the plan's claim rests on, named above the register in `planner risks`,
`planner show` and the JSON, apart from process and hygiene items of the same score."""

from __future__ import annotations

import dataclasses
import json

from planner.judgement.keys import MOST, breaks, key_risks
from planner.judgement.register import Risk, register
from planner.judgement.rules import CATALOGUE
from planner.judgement.rules.base import MEDIUM
from planner.plan.model import Category
from planner.plan.planfile import plan_to_text
from tests.conftest import MakeWorkspace
from tests.test_review import patched
from tests.test_risks_cli import run

# A forecast whose record stops at capacity, split at random, on data nobody versions: two risks attack
# the claim, the third is a process item.
FLAWED = {
    "product.task": "forecasting",
    "constraints.data.outcome_limits": ["capped"],
    "done.split": "random",
    "constraints.data.versioned": False,
}


def test_every_key_kind_names_rules_of_the_catalogue() -> None:
    from planner.judgement import keys

    for ids in (keys._EVIDENCE, keys._MEASURE, keys._VALUE, keys._HARM):
        assert ids <= set(CATALOGUE), sorted(ids - set(CATALOGUE))


def test_risks_leads_with_the_key_risks_and_says_what_they_break(make_workspace: MakeWorkspace) -> None:
    make_workspace({"plans/fc/plan.yaml": plan_to_text(patched(FLAWED))})
    code, out, err = run("risks", "fc")
    assert (code, err) == (0, "")
    head, table = out.split("SCORE ", 1)
    head = " ".join(head.split())  # as read, whatever the terminal's width
    assert "Key risks: what the plan's claim rests on" in head
    assert '("Recall of duplicates at 95% precision" reaching 0.75) flatters the model' in head
    assert "- capped-outcomes (medium 12): The recorded outcome is capped by supply or capacity" in head
    assert "- random-split-on-time-data (medium 12)" in head
    assert "unversioned-data" not in head and "unversioned-data" in table  # hygiene stays in the register
    code, out, _ = run("risks", "fc", "--format", "json")
    groups = json.loads(out)["key_risks"]
    assert groups[0]["breaks"] == "evidence"
    assert {"capped-outcomes", "random-split-on-time-data"} <= set(groups[0]["ids"])
    code, out, _ = run("show", "fc")
    assert "key risk, evidence: The recorded outcome is capped by supply or capacity; A random split" in out


def test_a_sound_plan_and_a_decided_risk_have_no_key_risk(make_workspace: MakeWorkspace) -> None:
    decided = patched(FLAWED)
    decisions = [
        {"risk": risk.id, "verdict": "mitigated", "note": "Handled."}
        for risk in register(decided)
        if breaks(risk.id)
    ]
    make_workspace(
        {
            "plans/clean/plan.yaml": plan_to_text(patched({})),
            "plans/decided/plan.yaml": plan_to_text(patched({**FLAWED, "decisions": decisions})),
        }
    )
    for slug in ("clean", "decided"):
        code, out, _ = run("risks", slug)
        assert code == 0 and "Key risks" not in out
        assert json.loads(run("risks", slug, "--format", "json")[1])["key_risks"] == []


def test_structured_answers_lead_and_words_only_fill_the_places_they_leave() -> None:
    words = {"product.task": "forecasting", "product.inputs": "Bookings so far, and the weather on the day."}
    # Three facts fill the places: the question from words stays in the register.
    plan = patched({**FLAWED, **words, "constraints.data.label_writer": "sees_estimate"})
    named = [risk for group in key_risks(plan, register(plan)) for risk in group.risks]
    assert len(named) == MOST and not any(risk.heard for risk in named)
    assert "future-inputs" in {risk.id for risk in register(plan)}
    # One fact: the question follows it.
    plan = patched({**words, "done.split": "random"})
    named = [risk for group in key_risks(plan, register(plan)) for risk in group.risks]
    assert [(risk.id, bool(risk.heard)) for risk in named] == [
        ("random-split-on-time-data", False),
        ("future-inputs", True),
    ]
    # Words alone: the question is named, since nothing outranks it.
    plan = patched(words)
    assert [risk.id for group in key_risks(plan, register(plan)) for risk in group.risks] == ["future-inputs"]


def test_what_decides_whether_the_model_works_leads_at_the_same_level() -> None:
    # A label the old process made (medium 8) beside a flag load past capacity (medium 12): the label
    # decides whether the model works at all, so it is named first; a high value risk still leads.
    from planner.judgement.rules.base import RiskKind

    def risk(risk_id: str, likelihood: int, impact: int) -> Risk:
        return Risk(RiskKind(risk_id, risk_id, Category.data, likelihood, impact, "", ""))

    plan = patched({})
    label, flags = risk("label-from-old-process", 2, 4), risk("flags-exceed-capacity", 3, 4)
    named = [each.id for group in key_risks(plan, (flags, label)) for each in group.risks]
    assert named == ["label-from-old-process", "flags-exceed-capacity"]
    named = [
        each.id
        for group in key_risks(plan, (risk("flags-exceed-capacity", 4, 4), label))
        for each in group.risks
    ]
    assert named == ["flags-exceed-capacity", "label-from-old-process"]
    assert breaks("impact-units-differ") is None  # a value not yet computable is a fix to the estimate


def test_the_plan_page_names_its_key_risks_with_links_and_inert_text() -> None:
    from planner.site import sitemodel
    from planner.site.render import Renderer

    hostile = "<script>alert(1)</script> recall"
    plan = patched({**FLAWED, "done.metrics[0].name": hostile})
    body = Renderer(None).site(sitemodel.build({"fc": plan}))["plans/fc/index.md"].body
    block = body.split('<div class="planner-keyrisks">', 1)[1].split("</div>", 1)[0]
    assert '<a href="#risk-capped-outcomes">The recorded outcome is capped by supply or capacity</a>' in block
    assert "<script" not in body and "script&#62;alert&#40;1&#41;" in block  # shown as typed, inert
    clean = Renderer(None).site(sitemodel.build({"clean": patched({})}))["plans/clean/index.md"].body
    assert "planner-keyrisks" not in clean


def test_done_criteria_are_not_called_well_posed_beside_a_key_risk_to_their_evidence() -> None:
    from planner.judgement.register import assess

    sound = [advice.title for advice in assess(patched({})).advice]
    assert "Done criteria well posed: metric, baseline, target, time box, fold action" in sound
    capped = patched({"constraints.data.outcome_limits": ["capped"], "product.task": "forecasting"})
    titles = [advice.title for advice in assess(capped).advice]
    assert not any(title.startswith("Done criteria well posed") for title in titles)


def test_a_key_risk_weighs_more_where_the_system_acts_alone_on_serious_errors() -> None:
    def level(**changes: object) -> str:
        plan = patched({**FLAWED, **changes})
        return next(risk.level for risk in register(plan) if risk.id == "random-split-on-time-data")

    assert level() == "medium"  # people check each output
    assert level(**{"product.mode": "automate"}) == "medium"  # alone, but its errors are moderate
    assert level(**{"product.mode": "automate", "impact.error_severity": "serious"}) == "high"
    plan = patched({**FLAWED, "product.mode": "automate", "impact.error_severity": "serious"})
    unversioned = next(risk for risk in register(plan) if risk.id == "unversioned-data")
    assert unversioned.level == "medium"  # a process item keeps its weight


def test_a_question_from_words_does_not_push_out_three_high_facts() -> None:
    # An agent that reads outsiders' e-mails, looks things up with wider rights than the asker and books
    # on its own, whose negatives are nobody acting: three facts at high, beside a medium key risk that
    # only words raised.
    plan = patched(
        {
            "product.task": "generation",
            "product.data_kinds": ["text"],
            "product.model_reach": ["reads_outside_text", "reads_wider", "acts"],
            "product.mode": "automate",
            "product.negative_label": ["not_acted"],
            "done.eval_truth": "outcomes",
            "constraints.data.exploration_share": 0,
            "constraints.data.personal_data": True,
            "product.users": "Customers who e-mail the booking desk.",
            "product.audience": "outsiders",
            "impact.volume": 500,  # a few hundred replies a month: unchecked facts stay medium
        }
    )
    risks = register(plan)
    medium = next(risk for risk in risks if risk.id == "generated-facts-unchecked")
    risks = (*risks, dataclasses.replace(medium, heard=("drafts",)))
    named = [risk for group in key_risks(plan, risks) for risk in group.risks]
    assert {risk.id for risk in named} == {
        "negatives-mean-nobody-acted",
        "outside-text-steers-actions",
        "reads-beyond-the-asker",
    }
    assert all(risk.level == "high" and not risk.heard for risk in named)
    # With two facts at high and no other fact at medium, the question from words takes the third place.
    fewer = tuple(risk for risk in risks if risk.id != "reads-beyond-the-asker")
    named = [risk for group in key_risks(plan, fewer) for risk in group.risks]
    facts = [risk for risk in fewer if breaks(risk.id) and not risk.heard and risk.score >= MEDIUM]
    assert sum(bool(risk.heard) for risk in named) == (1 if len(facts) < MOST else 0)


def test_a_risk_only_words_raised_follows_a_stated_one_at_its_level() -> None:
    from planner.judgement.rules.base import Category, Hint, Risk, RiskKind

    def risk(rule: str, likelihood: int, heard: bool) -> Risk:
        kind = RiskKind(rule, "A risk", Category.data, likelihood, 3, "why", "mitigation")
        return Risk.of(kind, None, Hint(("word",), ("x",)) if heard else ("x",))

    guessed, stated = risk("a", 4, True), risk("b", 3, False)
    assert guessed.level == stated.level == "medium" and guessed.score > stated.score
    assert sorted([guessed, stated], key=lambda r: r.standing)[0] is stated
