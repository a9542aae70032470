"""Classes that appear once the model is live: a router or classifier over the organisation's own units
(branches, teams, depots, product lines) meets a new one the day it opens, with no class for it; an
extractor meets a new form or a field added to one."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, rule
from planner.judgement.rules.evidence import answer_at, monitor_paths, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, ClassesChange, Plan, TaskType

# A retraining trigger or a monitor that names a new class, unit or category appearing.
NEW_CLASS_NAMED = Lexicon("""
    new class, new classes, new category, new categories, new label, new labels, new branch, new branches
    new team, new teams, new queue, new queues, new depot, new depots, new product line, new product lines
    new product, new products, new site, new sites, new store, new stores, new office, new offices
    new unit, new units, unknown class, unknown classes, unseen class, unseen classes, class opens
    branch opens, team opens, depot opens, store opens, site opens, class added, classes added
    new field, new fields, new form, new forms, new document type, new document types, new layout
    new layouts, new template, new templates, field added, fields added, form changes, layout changes
""")
# An extractor's classes are the forms it reads and the fields it fills: a new one is read as an old one.
_NEW_FORM = Instead(
    lambda plan: plan.product.task is TaskType.extraction,
    Move(
        "Route documents it cannot read to people and retrain when a form changes",
        "New document types and fields appear now and then (a supplier's new layout, a field added to a "
        "form), and the model fills the nearest field it knows or leaves the new one out: route documents "
        "it reads with low confidence or empty fields to people, retrain when a form changes, and watch "
        "each field's fill rate",
        "warning",
    ),
    "Route documents with low confidence or empty required fields to people, retrain when a document type "
    "or field is added, and monitor each field's fill rate and each document type's volume so a new form "
    "shows within days.",
    "New document types or fields appear once live, and nothing plans for them.",
)
_WATCHED = ("after_launch.fallback", "product.output")


@rule(
    "classes-change-after-launch",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Route cases of an unknown class to people and retrain when one appears",
        "The classes change now and then (a branch, team or product opens), and the model has no class "
        "for a new one: it sends those cases to the nearest old class with confidence; keep a fallback "
        "class routed to people, retrain when a new class opens, and watch the fallback's share",
        "warning",
    ),
    instead=(_NEW_FORM,),
    fires=(
        Case(
            {"product.action_shape": "every_item", "product.classes_change": "now_and_then"},
            evidence=(
                'product.classes_change: "now_and_then" (a new class meets a model with no class for it)',
                "no retraining trigger or monitor names a new class",
            ),
        ),
        Case(  # an extractor: a new form or field meets a model that never read one
            {
                "product.task": "extraction",
                "product.action_shape": "every_item",
                "product.classes_change": "now_and_then",
            },
            evidence=(
                'product.classes_change: "now_and_then" (a new document type or field meets a model that '
                "never read one)",
                "no retraining trigger or monitor names a new form or field",
            ),
        ),
    ),
    quiet=(
        Case({"product.action_shape": "every_item", "product.classes_change": "fixed"}),
        Case(  # an extractor that watches for new forms
            {
                "product.task": "extraction",
                "product.action_shape": "every_item",
                "product.classes_change": "now_and_then",
                "after_launch.fallback": "Invoices it cannot read go to the clerks; we retrain when a new "
                "layout appears.",
            }
        ),
        Case(
            {
                "product.action_shape": "every_item",
                "product.classes_change": "now_and_then",
                "after_launch.fallback": "Tickets the model cannot place go to manual triage; we retrain when "
                "a new queue opens.",
            }
        ),
        Case(  # a number, not a class
            {"product.task": "regression", "product.classes_change": "now_and_then"}
        ),
    ),
)
def classes_change_after_launch(plan: Plan) -> Evidence:
    """The classes it chooses among change once live, and nothing plans for a new one.

    A router or classifier over the organisation's own units (branches, teams, depots, product lines)
    knows only the classes in its training data. A branch that opens has no class: its cases go, with
    confidence, to the nearest old one; a closed one keeps receiving cases. Accuracy on the history
    cannot show it.

    Mitigation: Keep a fallback class routed to people for cases the model cannot place, retrain when
    a new class opens (a trigger, not a calendar), and monitor the fallback's share and each class's
    volume so a new or closed unit shows within days.
    """
    if plan.product.task not in (TaskType.classification, TaskType.extraction):
        return None
    if plan.product.classes_change is not ClassesChange.now_and_then:
        return None
    paths = (*_WATCHED, *monitor_paths(plan))
    thresholds = [monitor.threshold for monitor in plan.after_launch.monitoring]
    if any(NEW_CLASS_NAMED.find(text) for text in [*(answer_at(plan, p) for p in paths), *thresholds]):
        return None
    if plan.product.task is TaskType.extraction:
        note = "a new document type or field meets a model that never read one"
        return quote(
            plan, "product.classes_change", note
        ), "no retraining trigger or monitor names a new form or field"
    note = "a new class meets a model with no class for it"
    return quote(plan, "product.classes_change", note), "no retraining trigger or monitor names a new class"
