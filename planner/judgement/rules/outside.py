"""Rules on data that leaves the organisation: to a vendor, an API or a cloud service, under which contracts."""

from __future__ import annotations

import re

from planner.judgement.rules.accounts import OWN_ACCOUNTS, reached
from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, answer_is, quote, says_nothing, source_paths
from planner.judgement.rules.lexicon import AGREED, HOSTED, QUOTED_BY_PURPOSE, SENSITIVE, VENDOR_REUSE
from planner.plan.choices import label
from planner.plan.fields import NOT_DECIDED
from planner.plan.model import Acquisition, Category, ContentRights, DataLeaves, Plan


def _hosting_undecided(plan: Plan) -> bool:
    """Whether a hosted service is still only a candidate: 'not decided', nothing else named that sends data
    out, and no answer that the data may not leave (that one is a fact, whatever is chosen)."""
    return (
        plan.constraints.compute.hosted_service == NOT_DECIDED
        and plan.constraints.data.leaves_organisation is not DataLeaves.not_allowed
        and not _sends_out(plan)
    )


# Nothing is sent yet: the risk is a condition on choosing a hosted service, and its title says so.
_IF_HOSTED = Instead(
    _hosting_undecided,
    Move(
        "Settle whether the data may leave before choosing a hosted service",
        "A hosted API is still a candidate; if one is chosen, client documents, personal data or source code "
        "sent to it can breach contracts, court orders or privacy law; have legal check now whether the "
        "contracts and a vendor's terms (retention, reuse for training, where it is processed) would allow "
        "it, and weigh a model in-house if they would not",
        "warning",
        first=True,
    ),
    "Before choosing a hosted service, have legal check whether the contracts and the vendor's terms "
    "(retention, training on your data, where it is processed) would let this data leave; weigh a model "
    "in-house if they would not.",
    "Would data leave the organisation for a hosted service, and would the contracts allow it?",
)


@rule(
    "data-leaves-organisation",
    Category.ethics,
    likelihood=5,
    impact=5,
    move=Move(
        "Settle whether the data may leave before sending any of it",
        "Client documents, personal data or source code sent to a vendor can breach contracts, court "
        "orders or privacy law; have legal check the contracts and the vendor's terms (retention, reuse "
        "for training, where it is processed), or keep the model in-house",
        "danger",
        first=True,
    ),
    instead=(OWN_ACCOUNTS, _IF_HOSTED),
    ask="who confirmed that this data may leave, and under which agreement (a DPA, the transfer mechanism, "
    "no training on it, the region)?",
    fires=(
        Case(
            {"constraints.data.leaves_organisation": "not_allowed"},
            evidence=(
                'constraints.data.leaves_organisation: "not_allowed" (yes, though the contracts forbid it)',
            ),
        ),
        Case(
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                'constraints.data.leaves_organisation: "not_checked" (not sure, or it does and nobody has '
                "checked the contracts)",
                "constraints.data.personal_data: true",
                "constraints.compute.hosted_service: true",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
        Case(  # not checked and hosted, yet nothing says the data is restricted: a question, not a breach
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": False,
                "constraints.data.content_rights": "own",
                "constraints.data.sources[0].acquisition": "from_customers",
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                'constraints.data.leaves_organisation: "not_checked" (not sure, or it does and nobody has '
                "checked the contracts) (nothing says the data is personal, a client's or others' content: who "
                "confirmed it may leave?)",
                "constraints.compute.hosted_service: true",
            ),
            also=frozenset({"hosted-black-box"}),
        ),
        Case(  # not checked, and nothing named sends data out (a model on the team's servers): a question
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "None: a small model on our own servers.",
            },
            evidence=(
                'constraints.data.leaves_organisation: "not_checked" (not sure, or it does and nobody has '
                "checked the contracts) (no hosted model or service is named: does anything leave? Nobody has "
                "checked)",
                "constraints.data.personal_data: true",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # not asked yet, but the two facts together say it
            {
                "constraints.data.leaves_organisation": None,
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                "constraints.data.personal_data: true",
                "constraints.compute.hosted_service: true (personal data goes to a hosted service: do the "
                "contracts and the vendor's terms allow it?)",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
        Case(  # not checked, and a hosted API not ruled out: asked before it is chosen
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.sources[0].acquisition": "from_customers",
                "constraints.compute.hosted_service": "not decided",
            },
            evidence=(
                'constraints.data.leaves_organisation: "not_checked" (not sure, or it does and nobody has '
                "checked the contracts)",
                'constraints.compute.hosted_service: "not decided" (a hosted API is still a candidate: may the '
                "data leave for it?)",
            ),
        ),
        Case(  # personal data, and a hosted API still a candidate
            {
                "constraints.data.leaves_organisation": None,
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": "not decided",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.compute.hosted_service: "not decided" (a hosted API is still a candidate: would '
                "personal data go to it, and do the contracts allow it?)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # "allowed", yet the answers name patients' letters and a hosted model abroad
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": None,
                "constraints.data.sources[0].name": "Discharge letters of our patients, 2021-2024",
                "constraints.compute.hosted_model": "A hosted LLM API in a US region.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Discharge letters of our patients, 2021-2024" (patients)',
                'constraints.compute.hosted_model: "A hosted LLM API in a US region." (hosted, us region)',
                'constraints.data.leaves_organisation: "allowed" (who confirmed it (the client\'s contract, '
                "the data-protection officer), under which agreement: a DPA, the transfer mechanism, no "
                "training on the data, the region?)",
            ),
        ),
        Case(  # "allowed", and the structured answers say personal data goes to a hosted service
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            },
            evidence=(
                "constraints.data.personal_data: true (personal data)",
                "constraints.compute.hosted_service: true (a hosted service outside the organisation)",
                'constraints.data.leaves_organisation: "allowed" (who confirmed it (the client\'s contract, '
                "the data-protection officer), under which agreement: a DPA, the transfer mechanism, no "
                "training on the data, the region?)",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
        Case(  # "allowed", yet the vendor's terms, as the team quotes them, let it train on the data
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A transcription API; the provider may use customer data to "
                "improve its products.",
            },
            evidence=(
                'constraints.compute.hosted_model: "A transcription API; the provider may use customer data to '
                'improve ..." (the provider may reuse what it is sent: may use customer data, to improve its '
                "products)",
                'constraints.data.leaves_organisation: "allowed" (who confirmed it (the client\'s contract, '
                "the data-protection officer), under which agreement: a DPA, the transfer mechanism, no "
                "training on the data, the region?)",
            ),
        ),
        Case(  # "allowed", yet it goes through staff's own accounts: no agreement the organisation holds
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
                "constraints.compute.hosted_access": "personal_accounts",
            },
            evidence=(
                'constraints.compute.hosted_access: "personal_accounts" (staff\'s own or consumer accounts (a '
                "personal subscription, a free plan): no agreement between the organisation and the vendor)",
                "constraints.data.personal_data: true",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
        Case(  # not checked, under the organisation's account whose terms nobody read: a question on them
            {
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
                "constraints.compute.hosted_access": "agreement_unchecked",
            },
            evidence=(
                'constraints.compute.hosted_access: "agreement_unchecked" (does the agreement bar training on '
                "the data, and set how long it is kept and the region?)",
                "constraints.data.personal_data: true",
            ),
            also=frozenset({"personal-data", "hosted-black-box"}),
        ),
    ),
    quiet=(
        Case(  # personal data to a hosted model under the organisation's agreement, its terms checked
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
                "constraints.compute.hosted_access": "agreement_checked",
            }
        ),
        Case(  # the terms say the opposite
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A transcription API; customer data is not used for training.",
            }
        ),
        Case({"constraints.data.leaves_organisation": "allowed", "constraints.data.personal_data": True}),
        Case(  # a vendor's model named, yet it runs on the organisation's own handheld devices
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.vendor_black_box": True,
                "constraints.compute.hosted_model": "The camera maker's built-in lesion model.",
            }
        ),
        Case(  # allowed, personal data, and the model runs in-house: nothing is hosted elsewhere
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": False,
                "constraints.compute.hosted_model": "None: a small model on our own servers.",
            }
        ),
        Case(  # allowed, personal data, hosted, and the answers name the agreement
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "A hosted LLM under a signed DPA, EU region, zero retention.",
            }
        ),
        Case(  # `medical` names the topic of published terms and conditions, not anyone's records
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.data.sources[0].name": "Staff handbook and the medical and dental terms and conditions",
                "constraints.compute.hosted_model": "A hosted LLM API in a US region.",
            }
        ),
        Case(  # allowed, and nothing in the answers says whose data or where it goes
            {
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.hosted_model": "A hosted LLM API in a US region.",
            }
        ),
        Case(
            {
                "constraints.data.leaves_organisation": "stays",
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_service": True,
            }
        ),
        Case(  # photos the team took of its own turbine blades, a hosted API still a candidate: nobody's data
            {
                "product.inputs": "Drone photos of each turbine blade's leading edge.",
                "constraints.data.leaves_organisation": "not_checked",
                "constraints.data.personal_data": False,
                "constraints.data.sources": [{"name": "Our drone inspection photos", "acquisition": "own"}],
                "constraints.compute.hosted_service": "not decided",
            }
        ),
    ),
)
def data_leaves_organisation(plan: Plan) -> Evidence:
    """Data leaves the organisation, and the contracts do not clearly allow it.

    Sending client documents, personal data or source code to a vendor's API or cloud can breach a
    contract, a court order or privacy law, and the vendor may keep or reuse it; found late, it stops
    the launch or worse.

    Mitigation: Have legal check the contracts and the vendor's terms (retention, training on your
    data, where it is processed) before any data is sent, or run the model in-house.
    """
    data, compute = plan.constraints.data, plan.constraints.compute
    leaves = data.leaves_organisation
    if leaves is DataLeaves.not_allowed:
        return (quote(plan, "constraints.data.leaves_organisation", label(leaves)),)
    if compute.hosted_access is not None and compute.hosted is not False:  # whose accounts carry it out
        return reached(plan, _restricted(plan), _own_and_impersonal(plan))
    hosted = [
        quote(plan, "constraints.compute.hosted_service") if compute.hosted else None,
        quote(plan, "constraints.compute.hosted_model") if compute.hosted_model else None,
    ]
    joined = [answer for answer in hosted if answer]
    personal = answer_is(plan, "constraints.data.personal_data", True) or ()
    if leaves is DataLeaves.not_checked:
        unchecked = quote(plan, "constraints.data.leaves_organisation", label(leaves))
        own = _own_and_impersonal(plan)
        if _sends_out(plan):
            restricted = _restricted(plan)
            if restricted:
                return Tempered(4, (unchecked, *restricted, *joined))
            if own:  # the team's own data about no one, nothing named sensitive: a low question
                return Tempered(1, (f"{unchecked} ({own})", *joined))
            # What goes out is not said to be personal, others' documents or content others own: whether
            # it may leave is a question to settle, not a breach in the making.
            note = "nothing says the data is personal, a client's or others' content: who confirmed it may leave?"
            return Tempered(2, (f"{unchecked} ({note})", *joined))
        if compute.hosted_service == NOT_DECIDED:  # a hosted API is still a candidate: ask before choosing it
            restricted = _restricted(plan)
            if not restricted and own:
                return None  # nothing sent yet, and what might go is the team's own data about no one
            note = "a hosted API is still a candidate: may the data leave for it?"
            found = quote(plan, "constraints.compute.hosted_service", note)
            return Tempered(3 if restricted else 2, (unchecked, *restricted, found))
        # Nothing in the answers sends data out (no hosted model or service): whether anything leaves is an
        # open question, not a breach in the making.
        note = "no hosted model or service is named: does anything leave? Nobody has checked"
        return Tempered(2, (f"{unchecked} ({note})", *personal))
    if leaves is DataLeaves.allowed:
        return _allowed_but_sensitive(plan)
    if leaves is None and personal and compute.hosted_service == NOT_DECIDED:
        note = (
            "a hosted API is still a candidate: would personal data go to it, and do the contracts allow it?"
        )
        return Tempered(2, (*personal, quote(plan, "constraints.compute.hosted_service", note)))
    if leaves is not None or not personal or not joined:
        return None
    note = "personal data goes to a hosted service: do the contracts and the vendor's terms allow it?"
    return Tempered(2, (*personal, f"{joined[0]} ({note})"))


def _own_and_impersonal(plan: Plan) -> str:
    """Where the team answered that the data holds no personal data and every source is its own (held or
    collected by it, or public): a note saying so; else ''. Such data is restricted only where an answer
    names it so (see _restricted)."""
    data = plan.constraints.data
    kinds = {source.acquisition for source in data.sources}
    if data.personal_data is not False or not kinds or not kinds <= _OWN:
        return ""
    return "no personal data, and every source is the team's own or public"


_OWN = frozenset({Acquisition.own, Acquisition.to_collect, Acquisition.public, Acquisition.open_data})


def _sends_out(plan: Plan) -> bool:
    """Whether the structured answers name something that sends data out: a hosted service, or a hosted
    model or API (an answer that opens with "none" or "no" names none)."""
    compute = plan.constraints.compute
    if compute.hosted is not None:
        return compute.hosted
    named = compute.hosted_model
    return bool(named) and not says_nothing(re.split(r"[:;,.(]", named or "")[0])


def _restricted(plan: Plan) -> tuple[str, ...]:
    """The answers saying the data that leaves is restricted: personal data, content others own whose
    terms nobody has read (or which forbid this use), or client-owned, patients', children's or
    financial records named in the sources, the inputs or the label."""
    found = list(answer_is(plan, "constraints.data.personal_data", True) or ())
    rights = plan.constraints.data.content_rights
    if rights in (ContentRights.not_checked, ContentRights.not_allowed):
        found.append(quote(plan, "constraints.data.content_rights", "content others own"))
    for path in (*source_paths(plan), *_SENSITIVE_PATHS):
        words = _sensitive(plan, answer_at(plan, path))
        if words and not (
            path.startswith("constraints.data.sources") and QUOTED_BY_PURPOSE.find(answer_at(plan, path))
        ):
            found.append(quote(plan, path, ", ".join(words)))
            break
    return tuple(found)


_SENSITIVE_PATHS = ("product.inputs", "product.label", "product.users", "product.goal", "title")
_CONFIRMED = (
    "who confirmed it (the client's contract, the data-protection officer), under which agreement: a DPA, "
    "the transfer mechanism, no training on the data, the region?"
)


# What stays sensitive in data about no one: others' documents, secrets and code.
_NOT_PERSONAL = frozenset(
    {"client data", "client documents", "client files", "client contracts", "client-owned", "clients' data"}
    | {"customer contracts", "confidential", "privileged", "source code"}
)


def _sensitive(plan: Plan, text: str | None) -> tuple[str, ...]:
    """The sensitive kinds of data `text` names; where the team answered that the data holds no personal
    data, only what is sensitive without people in it (`children` is then what the data is about at
    most, as footfall or demand, not their records)."""
    found = SENSITIVE.find_all(text)
    if plan.constraints.data.personal_data is False:
        return tuple(word for word in found if word in _NOT_PERSONAL)
    return found


def _allowed_but_sensitive(plan: Plan) -> Evidence:
    """`Allowed`, while the answers say the data is personal or name client-owned, patient, health,
    children's, financial or criminal data, and a hosted vendor, a cloud or a region abroad: a question,
    who confirmed it and under which agreement, unless the answers name that agreement."""
    data, compute = plan.constraints.data, plan.constraints.compute
    paths = [*source_paths(plan), *_SENSITIVE_PATHS]
    where = ["constraints.compute.hosted_model", *paths, "constraints.data.differences_note"]
    # The vendor's own terms, as quoted, let it reuse the data: whatever data it is, `allowed` is asked.
    for path in where:
        text = answer_at(plan, path)
        reuse = VENDOR_REUSE.find_all(text)
        if reuse and not AGREED.find(text):
            note = f"the provider may reuse what it is sent: {', '.join(reuse)}"
            return Hint(
                reuse,
                (quote(plan, path, note), quote(plan, "constraints.data.leaves_organisation", _CONFIRMED)),
            )
    if any(AGREED.find(answer_at(plan, path)) for path in where):
        return None
    whose = next(
        (
            (path, words)
            for path in paths
            if (words := _sensitive(plan, answer_at(plan, path)))
            and not (
                path.startswith("constraints.data.sources") and QUOTED_BY_PURPOSE.find(answer_at(plan, path))
            )
        ),
        None,
    )  # a source of policies or terms (`medical and dental terms and conditions`) is about a topic, not records
    if whose is None and data.personal_data is True:
        whose = ("constraints.data.personal_data", ("personal data",))
    if whose is None:
        return None
    hosted = next(
        ((path, words) for path in where if (words := HOSTED.find_all(answer_at(plan, path)))), None
    )
    if hosted is None and compute.hosted is True:
        hosted = ("constraints.compute.hosted_service", ("hosted service",))
    named = (
        compute.hosted_model
        and not says_nothing(compute.hosted_model)
        and compute.hosted is not False
        and compute.vendor_black_box is not True  # a vendor's model on the organisation's own device
    )
    if hosted is None and named and whose[0] == "constraints.data.personal_data":
        hosted = ("constraints.compute.hosted_model", ("hosted model",))
    if hosted is None:
        return None
    notes = {
        "constraints.data.personal_data": "personal data",
        "constraints.compute.hosted_service": "a hosted service outside the organisation",
    }
    return Hint(
        (*whose[1], *hosted[1]),
        (
            quote(plan, whose[0], notes.get(whose[0], ", ".join(whose[1]))),
            quote(plan, hosted[0], notes.get(hosted[0], ", ".join(hosted[1]))),
            quote(plan, "constraints.data.leaves_organisation", _CONFIRMED),
        ),
    )
