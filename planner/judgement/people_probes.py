"""The question a lead asks where a plan says its data holds no personal data, and its other answers say
the records describe or name people.

`personal_data: false` quiets every privacy rule. Yet a team often answers it for the people the work is
about (the dead, a company, a property) and forgets the living people named beside them: a witness, an
agent, next of kin, a contact. Where another structured answer says the inputs name people
(`product.person_inputs`), whose data it holds (`constraints.data.whose_data`) or that a source's records
describe living people (`about_people`), a lead asks which answer holds, quoting both.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import quote
from planner.plan.model import Plan
from planner.plan.stakes import PersonTrait


@probe("personal-data-denied", "personal-data")
def _personal_data_denied(plan: Plan) -> Found:
    data = plan.constraints.data
    if data.personal_data is not False:
        return None
    said: list[str] = []
    if data.whose_data:
        said.append(quote(plan, "constraints.data.whose_data", "whose personal data it holds"))
    people = [index for index, source in enumerate(data.sources) if source.about_people is True]
    said += [
        quote(plan, f"constraints.data.sources[{index}].about_people", "its records describe living people")
        for index in people
    ]
    traits = [trait for trait in plan.product.person_inputs if trait is not PersonTrait.none]
    unsaid = not data.sources or any(source.about_people is None for source in data.sources)
    if traits and unsaid:  # every source answered as describing no living person settles the names in it
        said.append(quote(plan, "product.person_inputs", "the inputs name or describe people"))
    if not said:
        return None
    question = (
        "The answers say the data holds no personal data, yet another answer says its records name or "
        "describe people: do they name anyone living, besides the people the work is about (a witness, an "
        "agent, next of kin, a contact person)? If so, answer constraints.data.personal_data yes and whose "
        "data it holds; if everyone named is dead or a business, answer each source's about_people no."
    )
    return question, (quote(plan, "constraints.data.personal_data"), *said)
