"""Rules on where a generator gets the statements its output must make (`product.statements_source`).

A lead asks of a model that writes: which kinds of statement must each output make (figures,
instructions, legal wording, safety advice), and where does the model get each: from the input record,
from a reference the team supplies (a label, a data sheet, an approved clause library), or only from
its own knowledge. A kind no input or reference holds comes from the model alone: nobody can check it
against a source, and a check that every output carries it says nothing of whether it is right. The
rule reasons from the team's answer, the severity and whether outputs go out unchecked; no free text.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.broadcast import sent_unchecked
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.generative import writes_text
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.required import required_said
from planner.plan.model import (
    Category,
    Plan,
    StatementsSource,
)

_ALONE = (
    "some kinds of statement come only from the model's own knowledge: no input or reference holds them, "
    "so nobody can check them against a source"
)
_UNASKED = (
    "which kinds of statement must it make, and does the input or a reference you supply hold each, or "
    "only the model's own knowledge?"
)


@rule(
    "statements-without-source",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Give every kind of statement the output makes a source, and forbid it without one",
        "A statement neither the input nor a reference you supply holds comes from the model's memory: it "
        "reads as fluently as a sourced one, no reviewer can check it against anything, and a wrong safety, "
        "legal, medical or financial statement is the worst error a draft can make; retrieve or template "
        "the approved text (the product label, the data sheet, the clause library), forbid the model to "
        "state that kind without a source, and count outputs with an unsupported statement as a done metric",
        "warning",
        first=True,
    ),
    fires=(
        Case(  # advice on medicines drawn from the model's memory, sent without a check: high
            {
                "product.task": "generation",
                "product.statements_source": "model",
                "product.mode": "automate",
            },
            evidence=(
                'product.statements_source: "model" (' + _ALONE + ")",
                'product.mode: "automate" (nobody checks each before it goes out)',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # each draft read by staff, but a wrong statement is serious: high
            {
                "product.task": "generation",
                "product.statements_source": "model",
                "product.mode": "augment",
                "impact.error_severity": "serious",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # read by staff, a moderate error: medium
            {
                "product.task": "generation",
                "product.statements_source": "model",
                "product.mode": "augment",
                "impact.error_severity": "moderate",
                "product.required_output": "The care instructions for the fabric.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # nobody has looked: a question
            {"product.task": "generation", "product.statements_source": "not_checked"},
            evidence=('product.statements_source: "not_checked" (' + _UNASKED + ")",),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "generation",
                "product.statements_source": "reference",
                "product.mode": "automate",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(
            {"product.task": "generation", "product.statements_source": "input"},
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case({"product.task": "generation"}, also=frozenset({"generated-facts-unchecked"})),
        Case({"product.task": "classification", "product.statements_source": "model"}),
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["images"],
                "product.statements_source": "model",
            }
        ),
    ),
)
def statements_without_source(plan: Plan) -> Evidence:
    """Some statements the output must make come from the model alone, with no source to check them by.

    A generator's output must state figures, instructions, legal wording or safety advice. Where neither
    the input record nor a reference the team supplies (a product label, a data sheet, an approved clause
    library) holds a kind of statement, the model writes it from its own knowledge: fluent, plausible,
    sometimes wrong, and unverifiable against anything a reviewer holds. A check that every output
    carries the advice, or that its figures match the record, passes while the advice itself is wrong.

    Mitigation: List the kinds of statement each output must make and the source of each; supply the
    authoritative source for every kind the input lacks (retrieve it, or template the approved text in);
    forbid the model to state a kind without a source; count outputs with an unsupported statement as a
    done metric, graded by people who hold the sources.
    """
    writes = writes_text(plan, tables=True)
    answer = plan.product.statements_source
    if writes is None or answer in (None, StatementsSource.input, StatementsSource.reference):
        return None
    unchecked = sent_unchecked(plan)
    serious = serious_harm(plan)
    if answer is StatementsSource.not_checked:
        return Tempered(
            2 if unchecked or serious else 1, (quote(plan, "product.statements_source", _UNASKED),)
        )
    said = [quote(plan, "product.statements_source", _ALONE)]
    required = required_said(plan)
    if required:
        said.append(quote(plan, "product.required_output", "a kind every output must make"))
    if unchecked:
        said.append(unchecked)
    if serious:
        said.append(severity_quote(plan))
    if unchecked or serious:
        return tuple(said)
    return Tempered(3, said)
