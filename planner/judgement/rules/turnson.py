"""What decides without what the model will not get: the model alone, a suggestion sent unchecked, a
draft read as complete, or people who see only its flags; and the level each deserves."""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Tempered
from planner.judgement.rules.chooser import person_chooses
from planner.judgement.rules.crux import drafts_the_decision
from planner.judgement.rules.evidence import first_said, quote, ticked
from planner.judgement.rules.fitting import declinable
from planner.judgement.rules.flagsonly import flagged_without
from planner.judgement.rules.generative import facts_counted
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.seenby import (
    CHECKED_IN,
    DECIDES_FEW,
    MORE_OF_THE_SAME,
    PERSON_CHECKS,
    in_hand_pictured,
)
from planner.plan.model import Circumstance, Mode, Plan, TaskType


def turns_on_unseen(plan: Plan, unseen: str) -> Evidence:
    """What decides without what the model will not get: the model alone, or a draft read as complete."""
    said = quote(plan, "product.unseen_by_model")
    alone = ticked(plan, Circumstance.commits_alone)
    drafts = plan.product.task is TaskType.generation and plan.product.mode is not Mode.automate
    if person_chooses(plan) and not drafts:
        return None  # the output runs unattended, but a person chooses from it with what they see in hand
    # A draft is no choice among options: the person who signs it reads what it says, and what it never got
    # (a conversation nobody writes down) it fills with fluent guesses that read as facts.
    if plan.product.mode is Mode.automate:
        pictured = in_hand_pictured(plan, unseen)
        if (
            pictured
        ):  # the thing itself, of which the model gets a picture: a capture gap, not a missing input
            note = (
                f"{pictured}: the model gets a picture of what people hold: what the picture loses "
                "(a faded stamp, a page missed) is a capture difference, not an input beyond its reach"
            )
            return Tempered(3, (quote(plan, "product.unseen_by_model", note), quote(plan, "product.mode")))
        few, checked = DECIDES_FEW.find_all(unseen), first_said(plan, CHECKED_IN, PERSON_CHECKS)
        more = MORE_OF_THE_SAME.find_all(unseen)
        if few or checked or more:  # it decides few cases, or people still decide the cases that turn on it
            why = (
                f"it decides few cases: {', '.join(few)}"
                if few
                else f"more of the source the model already reads: {', '.join(more)}"
            )
            few = few or more
            weighed = quote(plan, "product.unseen_by_model", why) if few else said
            return Tempered(3, (weighed, *((quote(plan, checked[0]),) if checked else ())))
        return (said, quote(plan, "product.mode"))  # nobody brings it back in
    if alone and declinable(plan):
        # a suggestion goes out unchecked, but the person or customer it reaches can decline it, with what
        # they see in hand: the cap is on how often it helps, not on what is done without it
        return Tempered(
            2, (said, alone, quote(plan, "product.mode", "a suggestion its receiver can decline"))
        )
    if alone:
        return (said, alone)
    if plan.product.task is TaskType.generation:
        drafted = drafts_the_decision(plan)
        if drafted and not DECIDES_FEW.find(unseen) and not MORE_OF_THE_SAME.find(unseen):
            # the draft is the decision, written from what the model reads: the plan's central flaw
            crux = (
                "the decision turns on it, yet the draft proposes the decision without it: the model cannot "
                "do the task the plan builds it for, and whoever signs starts from a decision made blind to "
                "the evidence"
            )
            return (quote(plan, "product.unseen_by_model", crux), drafted, quote(plan, "product.task"))
        # a draft reads as complete: its reviewer sees what it says, not what it could not read
        unread = (
            "a draft reads as complete: it fills what it never read with fluent guesses, and whoever signs it "
            "sees what it says, not what it never read"
        )
        found = (quote(plan, "product.unseen_by_model", unread), quote(plan, "product.task"))
        if facts_counted(plan):  # the gap is measured: a done metric counts drafts with an unsupported fact
            return Tempered(1, found)
        return Tempered(
            3 if serious_harm(plan) else 2, (*found, *((severity_quote(plan),) if serious_harm(plan) else ()))
        )
    return flagged_without(plan)  # people decide each case they see, but may see only what it flags
