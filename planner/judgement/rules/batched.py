"""Rules on one prompt that writes for several people at once.

Drafting a comment, a letter or a summary for each pupil, patient or customer, a team may put a whole
class or list into one prompt and attach the answers back by their order. One skipped, merged or
reordered answer shifts every later one: a pupil's report comment lands on another pupil's record, a
patient's summary in another patient's file. A lead asks for one prompt per person, or an identifier the
model echoes and the code checks before anything is attached.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, handled, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# Several people's records in one prompt, or answers attached back by their order.
TOGETHER = Lexicon("""
    one prompt, a single prompt, single prompt, in one prompt, one prompt for the class, one prompt per class
    one call, a single call, in one call, one call per class, one request, a single request, in one request
    the whole class at once, the whole list at once, all pupils at once, all patients at once
    all customers at once, the whole class in, whole class in one, class list, the list of pupils
    list of pupils, list of patients, list of customers, in list order, in the list order, in the same order
    by list order, by their order, by order in the list, by position, in order of the list
    in the order of the class list, back in order, come back in order, matched back by order
""")
# Words saying each answer is tied to its person: one prompt each, or an identifier echoed and checked.
TIED = Lexicon("""
    one prompt per pupil, one prompt per patient, one prompt per customer, one prompt per person
    one prompt per student, one prompt per child, one call per pupil, one call per patient
    one call per customer, one call per person, one request per pupil, one request per patient
    one request per person, a prompt per pupil, a prompt per patient, a prompt per person, each pupil separately
    each patient separately, each person separately, echoes the id, echoes the identifier, echo the id
    echo the identifier, identifier echoed, id echoed, id is checked, identifier is checked, ids are checked
    identifiers are checked, checked against the id, checked against the identifier
""")

_SAID = (
    "product.inputs",
    "product.output",
    "product.decision",
    "constraints.compute.hosted_model",
    "press_release.solution",
)


@rule(
    "several-people-one-prompt",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Write for one person per prompt, or check an echoed identifier",
        "Several people's records in one prompt, with the answers attached back by their order: one "
        "skipped or merged answer shifts every later one onto the wrong person's record; send one prompt "
        "per person, or have the model echo each person's identifier and check it before attaching",
        "warning",
    ),
    ask="are several people's texts written in one prompt and attached back by their order?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.inputs": "The class list with each pupil's marks, sent in one prompt per class.",
            },
            evidence=(
                'product.inputs: "The class list with each pupil\'s marks, sent in one prompt per class." '
                "(class list, in one prompt: several people's texts come from one prompt; "
                "what ties each to its person?)",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # one prompt per pupil
            {
                "product.task": "generation",
                "product.inputs": "Each pupil's marks, sent in one prompt per pupil.",
            }
        ),
        Case(  # not a generating model
            {
                "product.task": "classification",
                "product.inputs": "The class list with each pupil's marks, sent in one prompt per class.",
            }
        ),
    ),
)
def several_people_one_prompt(plan: Plan) -> Evidence:
    """Several people's texts are written in one prompt and attached back by their order.

    One prompt holding a class, a ward list or a batch of customers, with the answers attached back by
    their position, puts one person's text on another's record as soon as the model skips, merges or
    reorders one: a comment about a pupil's behaviour sent to another family, a summary in the wrong
    patient's file.

    Mitigation: Send one prompt per person; or have the model echo each person's identifier with its text
    and reject any answer whose identifiers do not match the ones sent, in number and order.
    """
    if plan.product.task is not TaskType.generation:
        return None
    found = first_said(plan, _SAID, TOGETHER)
    if found is None or first_said(plan, _SAID, TIED) or handled(plan, TIED):
        return None
    path, words = found
    note = f"{', '.join(words)}: several people's texts come from one prompt; what ties each to its person?"
    return Hint(words, (quote(plan, path, note),))
