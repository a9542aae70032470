"""Rules on uses the law puts duties on: staff monitoring, medical devices, outputs someone must sign.

A seasoned lead hears some uses and asks at once who must be involved before anything is built: the
works council when cameras or scores watch staff, regulatory affairs when software informs a diagnosis
or a treatment, a qualified signer when an output is a certificate or a public warning (and, in
`regulated`, legal for the EU AI Act's high-risk uses and for consumer flows). The plan names such a use
only in its words, so each rule asks a question naming them (medium); a model that acts alone where
errors are severe (`mode: automate`, `error_severity: severe`) makes the duty a fact to settle (high).
A word alone is not enough where it has other senses: a camera needs the staff it films, a clinical act
a place of care (a certificate or a public warning needs nothing more); a plan that already names the
duty (a works council, a CE mark, a signer) is not asked.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    answer_at,
    first_said,
    own_notes,
    patients_are_animals,
    quote,
    source_paths,
)
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.lexicon import (
    CLINICAL_ACT,
    CLINICAL_SETTING,
    DEVICE_DUTY_SAID,
    HIRING_SAID,
    LEGAL_WEIGHT,
    ON_THE_PERSON,
    PAID_WORK,
    PEOPLE_IF_HIRING,
    PUBLIC_SAFETY,
    RECORDS_PEOPLE,
    SIGNER_SAID,
    STAFF,
    STAFF_DUTY_SAID,
    UNPAID,
    WATCHES_STAFF,
)
from planner.judgement.rules.recorded import films_inside, people_kept_out
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Audience, Category, Mode, Picks, Plan, Severity

# What the product does: the answers that say it.
SAYS_WHAT_IT_DOES = ("product.output", "product.decision", "product.goal", "title", "product.label")


# What the product decides or produces, without the goal it serves (fewer students drop out before the exam).
SAYS_WHAT_IT_DECIDES = ("product.output", "product.decision", "title", "product.label")


def about_paths(plan: Plan) -> tuple[str, ...]:
    """The answers that say what the product does, for whom, and from which data."""
    return (
        *SAYS_WHAT_IT_DOES,
        "product.users",
        "product.inputs",
        "product.current_solution",
        *source_paths(plan),
    )


def as_people(plan: Plan, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that name people here: a shortlist or candidates only where some answer says the plan is
    about people applying, hired, employed or examined (a shortlist of products, candidate matches of a
    record are things), and the team did not say the ranking puts items or records in order."""
    if plan.product.picks in (Picks.items, Picks.records):
        loose = set(PEOPLE_IF_HIRING.find_all(" ".join(words)))  # the shortlist is of things, as answered
        return tuple(word for word in words if word.lower() not in loose)
    if any(HIRING_SAID.find(answer_at(plan, path)) for path in (*about_paths(plan), "product.label")):
        return words
    loose = set(PEOPLE_IF_HIRING.find_all(" ".join(words)))
    return tuple(word for word in words if word.lower() not in loose)


def unpaid_only(plan: Plan, path: str) -> bool:
    """Whether the people the answer at `path` is about give their time unpaid: it, the title, the goal or
    the users name volunteers, and none names a paid job, an employee or staff. Recruiting, rostering or
    ranking volunteers hires and employs no one: no duty of an employer or of a hiring decision applies."""
    texts = [answer_at(plan, where) for where in (path, "title", "product.goal", "product.users")]
    said = [text for text in texts if isinstance(text, str)]
    return any(UNPAID.find(text) for text in said) and not any(PAID_WORK.find(text) for text in said)


def _everything(plan: Plan) -> Iterator[str | None]:
    """Every free-text answer where a team may say it has settled a duty already."""
    product = plan.product
    yield from (answer_at(plan, path) for path in about_paths(plan))
    yield from (product.decision_owner, product.pain, product.success_metric, plan.after_launch.owner)
    yield from (plan.after_launch.fallback, plan.done.when_met, plan.constraints.data.differences_note)
    yield from (
        plan.heuristics.humans_handle,
        plan.press_release.solution,
        plan.constraints.compute.hosted_model,
    )
    yield from own_notes(plan)
    yield from (monitor.signal for monitor in plan.after_launch.monitoring)


def settled(plan: Plan, lexicon: Lexicon) -> bool:
    """Whether any answer names the duty as handled (a works council, a CE mark, the AI Act)."""
    return any(lexicon.find(text) for text in _everything(plan))


def said_anywhere(plan: Plan, lexicon: Lexicon) -> tuple[str, ...]:
    """Every entry of `lexicon` the title or any free-text answer says (where the system runs)."""
    found = (lexicon.find_all(text) for text in (plan.title, *_everything(plan)))
    return tuple(dict.fromkeys(word for words in found for word in words))


def weighed(plan: Plan, words: tuple[str, ...], evidence: list[str]) -> Evidence:
    """A question naming the words (medium), or, where the model acts alone and its errors are severe,
    a fact to settle before building (high), quoting the mode and the severity."""
    automatic = plan.product.mode is Mode.automate
    if automatic and effective_severity(plan) is Severity.severe:
        return (quote(plan, "product.mode"), severity_quote(plan), *evidence)
    return Hint(words, evidence)


# What the model reads may record staff with any camera or microphone, not only one worn or facing them.
_RECORDED_OR_WORN = ON_THE_PERSON + RECORDS_PEOPLE


def _watched(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer that says staff are recorded or scored: a score of each worker, a camera worn by
    them or facing them, or, in what the model reads, a camera and the staff it films in one sentence (a
    dispatcher who looks at a camera's frames is at work, not watched)."""
    # What the model reads (today's way of working is not: an estimator's video survey feeds no model).
    read = {"product.inputs", *source_paths(plan)}
    # nobody in view (no staff in frame, blurred; a crawler camera inside a sewer pipe): it watches no one
    kept_out = people_kept_out(plan) or films_inside(plan)
    for path in about_paths(plan):
        text = answer_at(plan, path)
        if not text:
            continue
        said = WATCHES_STAFF.find_all(text)
        if said:
            return path, said
        records = _RECORDED_OR_WORN if path in read else ON_THE_PERSON
        together = () if kept_out else in_one_sentence(text, records, STAFF)
        if together:
            return path, together
    return None


@rule(
    "staff-monitoring-duty",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="does the model watch or score staff at work: have their representatives agreed, and have the "
    "employees been told what is recorded and why?",
    move=Move(
        "Involve the works council and tell staff before recording or scoring them",
        "Cameras, call recordings or scores about identifiable employees are workplace monitoring: in much "
        "of Europe the works council or staff representatives must agree before it starts, employees must "
        "be told what is recorded and why, and footage kept for safety or training may not be reused to "
        "judge people; do a DPIA and agree the purpose, the retention and who sees individual results",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "product.inputs": "Ceiling camera footage of the packing stations and the packers.",
                "product.output": "Packing errors per station and shift.",
            },
            evidence=(
                'product.inputs: "Ceiling camera footage of the packing stations and the packers." (staff '
                "at work: camera, footage, packers)",
                "no works council, staff representatives or employee information is named",
            ),
        ),
        Case(  # a score of each agent, from the words of the decision
            {"product.decision": "Team leads coach the agents the model ranks lowest each week."},
            evidence=(
                'product.decision: "Team leads coach the agents the model ranks lowest each week." (staff at '
                "work: agents the model ranks)",
                "no works council, staff representatives or employee information is named",
            ),
        ),
    ),
    quiet=(
        Case(  # today's way of working films the rooms; the model reads the form, not the video
            {
                "product.current_solution": "The surveyor films a video walk-through, then the crew leader sets the crew.",
                "product.inputs": "The inventory form and the property details.",
            }
        ),
        Case(  # cameras film the boards, nobody at work is named
            {"product.inputs": "Line camera images of each circuit board on the conveyor."}
        ),
        Case(  # a crawler camera inside each sewer pipe: the crew who run it are behind it, never in view
            {
                "product.inputs": "CCTV video from inside each sewer pipe, recorded by the survey crew's "
                "crawler camera, with the operator's defect codes.",
                "product.data_kinds": ["video"],
            }
        ),
        Case(  # a microscope camera images each slide the lab technicians prepare: nobody is in view
            {
                "product.inputs": "Images of each stained blood smear from the microscope camera.",
                "constraints.data.sources": [
                    {"name": "Smear images from the microscope camera with the technicians' cell counts"}
                ],
            }
        ),
        Case(  # a camera beside the packers, but the answers say nobody is in frame
            {
                "product.inputs": "Ceiling camera images of each parcel at the packers' stations; no staff in frame."
            }
        ),
        Case(  # the works council agreed
            {
                "product.inputs": "Ceiling camera footage of the packing stations and the packers.",
                "product.decision_owner": "Shift leads; the works council agreed the use of the footage.",
            }
        ),
        Case(  # drivers an insurer prices are customers, not staff
            {"product.inputs": "Telematics from the phones of insured drivers; premiums follow the score."}
        ),
        Case({"product.decision": "Suggest a reply that the support agents edit and send."}),
        Case(  # volunteers ranked for a run are not employees: no works council speaks for them
            {
                "product.decision": "The coordinator phones first the volunteer drivers the model ranks "
                "highest for each run.",
                "product.users": "The volunteer coordinators of a community transport charity.",
            }
        ),
    ),
)
def staff_monitoring_duty(plan: Plan) -> Evidence:
    """Staff at work are recorded or scored, and nobody has involved their representatives.

    Cameras, call recordings, location traces or a score of each employee are workplace monitoring: in
    much of Europe the works council or staff representatives must agree first, employees must be told,
    and data kept for one purpose (safety, training) may not be reused to judge people.

    Mitigation: Involve the works council or staff representatives and the data-protection officer
    before any recording is used; tell the employees what is recorded and why, agree the purpose, the
    retention and who sees individual results, and record it in a DPIA.
    """
    if settled(plan, STAFF_DUTY_SAID):
        return None
    found = _watched(plan)
    if found is None:
        return None
    path, words = found
    if unpaid_only(plan, path):
        return None  # volunteers ranked or scored are no employees: no works council speaks for them
    evidence = [
        quote(plan, path, f"staff at work: {', '.join(words)}"),
        "no works council, staff representatives or employee information is named",
    ]
    return weighed(plan, words, evidence)


@rule(
    "medical-device-duty",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="does the software inform a diagnosis or a treatment, making it a medical device whose every "
    "retraining or update needs a regulatory route?",
    move=Move(
        "Settle the medical-device route before building, and plan retraining as change control",
        "Software that informs a diagnosis or a treatment is a medical device (EU MDR class IIa or above, "
        "FDA SaMD): involve regulatory affairs now to fix the intended use and class, build under a quality "
        "system (IEC 62304), and treat each retraining, threshold or data change as a change to the "
        "certified device: freeze the model between releases or agree a predetermined change-control plan",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "product.output": "Whether a skin photo shows melanoma, for the GP to refer the patient.",
                "constraints.retraining.cadence": "monthly",
            },
            evidence=(
                'product.output: "Whether a skin photo shows melanoma, for the GP to refer the patient." (a '
                "clinical act: melanoma, refer the patient; in care: gp, patient)",
                'constraints.retraining.cadence: "monthly" (each retraining is a change to the device)',
                "no regulatory route (CE mark, MDR class, FDA, change control) is named",
            ),
        ),
        Case(  # the model clears studies alone and a miss is severe: a fact to settle, high
            {
                "product.mode": "automate",
                "product.decision": "Normal chest X-rays are reported as normal without a radiologist.",
                "impact.error_severity": "severe",
            },
            evidence=(
                'product.mode: "automate"',
                'impact.error_severity: "severe"',
                'product.decision: "Normal chest X-rays are reported as normal without a radiologist." (a '
                "clinical act: reported as normal; in care: x-rays, radiologist)",
                'constraints.retraining.cadence: "monthly" (each retraining is a change to the device)',
                "no regulatory route (CE mark, MDR class, FDA, change control) is named",
            ),
        ),
    ),
    quiet=(
        Case(  # billing codes: administration, not care
            {"product.output": "The diagnosis codes for each discharge letter, for the hospital's billing."}
        ),
        Case(  # a theatre's schedule names patients, and decides nothing clinical
            {"product.output": "How long each patient's operation will take, to plan theatre lists."}
        ),
        Case(
            {
                "product.output": "Whether a skin photo shows melanoma, for the GP to refer the patient.",
                "after_launch.owner": "Dermatology AI team; CE-marked class IIa, with a change-control plan.",
            }
        ),
        Case(  # a machine's fault diagnosis
            {"product.output": "A diagnosis of the pump's bearing fault from its vibration."}
        ),
        Case(  # the patients are animals: a veterinary practice's triage
            {
                "product.users": "Nurses of our veterinary practices.",
                "product.output": "Whether each patient's blood test shows kidney disease, to triage the visit.",
                "constraints.retraining.cadence": "monthly",
            }
        ),
    ),
)
def medical_device_duty(plan: Plan) -> Evidence:
    """The software may be a medical device, and no regulatory route is named.

    Software that informs a diagnosis or a treatment is regulated as a medical device (EU MDR, FDA):
    it needs an intended use, a class, a quality system and a clinical evaluation, and each retraining
    or update is a change to the certified device, so a model retrained monthly cannot simply ship.

    Mitigation: Involve regulatory affairs at kickoff to settle the intended use and class; build under
    a quality system; freeze the model between releases or agree a predetermined change-control plan
    that says which retraining may ship without a new assessment.
    """
    if settled(plan, DEVICE_DUTY_SAID) or patients_are_animals(plan):
        return None  # settled, or veterinary: the human medical-device rules do not apply
    act = first_said(plan, SAYS_WHAT_IT_DOES, CLINICAL_ACT)
    if act is None:
        return None
    path, acts = act
    setting = CLINICAL_SETTING.find_all(answer_at(plan, path))
    if not setting:
        elsewhere = first_said(plan, about_paths(plan), CLINICAL_SETTING)
        if elsewhere is None:
            return None
        setting = elsewhere[1]
    evidence = [quote(plan, path, f"a clinical act: {', '.join(acts)}; in care: {', '.join(setting)}")]
    cadence = plan.constraints.retraining.cadence
    if cadence is not None and cadence.days is not None:
        evidence.append(
            quote(plan, "constraints.retraining.cadence", "each retraining is a change to the device")
        )
    evidence.append("no regulatory route (CE mark, MDR class, FDA, change control) is named")
    return weighed(plan, (*acts, *setting), evidence)


@rule(
    "legal-weight-output",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="does the output carry legal weight or warn the public: who signs it and carries the liability, "
    "and may it be issued by a model at all?",
    move=Move(
        "Settle who signs and answers for the output before automating it",
        "A certificate, a signed report, an official notice or a public warning carries legal weight: name "
        "the qualified person who signs and answers for each one, check whether the law lets it be issued "
        "without them, and keep a record of what the model proposed and what was issued",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"product.output": "The avalanche bulletin for each region, published at 5 pm."},
            evidence=(
                'product.output: "The avalanche bulletin for each region, published at 5 pm." (warns the '
                "public: avalanche bulletin)",
                "nobody is named who signs or issues it and carries the liability",
            ),
        ),
        Case(  # issued alone, where an error is severe: high
            {
                "product.mode": "automate",
                "product.output": "The inspection certificate for each lift, sent to the building owner.",
                "impact.error_severity": "severe",
            },
            evidence=(
                'product.mode: "automate"',
                'impact.error_severity: "severe"',
                'product.output: "The inspection certificate for each lift, sent to the building owner." '
                "(legal weight: inspection certificate)",
                "nobody is named who signs or issues it and carries the liability",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.output": "A draft of the avalanche bulletin for each region.",
                "product.decision_owner": "The duty forecaster edits the draft and issues it under her name; "
                "the service carries the liability.",
            }
        ),
        Case({"product.decision": "Reject batches, taking into account the supplier's certificates."}),
        Case(  # staff rank the flood alerts residents send in: the product issues no warning to the public
            {
                "title": "Rank flood alerts sent in by residents for the drainage crews",
                "product.audience": "staff",
                "product.output": "Chance that a drain at the reported spot is blocked.",
                "product.decision": "Crews visit the top-ranked flood alerts first each morning.",
            }
        ),
    ),
)
def legal_weight_output(plan: Plan) -> Evidence:
    """The output carries legal weight or warns the public, and nobody is named who signs it.

    A certificate, a signed report, an official notice or a public warning is something someone answers
    for: the law often names who may issue it (a licensed engineer, a physician, an authority), and a
    wrong one brings liability; the law may not let a model issue it at all.

    Mitigation: Name the qualified person who signs and issues each output and who carries the
    liability; check with legal whether it may be issued without them; keep the model's proposal and
    the issued version side by side for audit.
    """
    if settled(plan, SIGNER_SAID):
        return None
    # A public warning is one the product issues to the public: its output says so, or its output reaches
    # people outside. Where only the staff see the output, a warning named in the title or the decision is
    # what the team receives or handles (alerts sent in by the public), not one it issues.
    to_public = plan.product.audience not in (Audience.staff, Audience.staff_about_outsiders)
    issued = ("product.output", "product.decision", "title") if to_public else ("product.output",)
    for weight, words_of_weight, paths in (
        ("warns the public", PUBLIC_SAFETY, issued),
        ("legal weight", LEGAL_WEIGHT, ("product.output", "product.decision", "title")),
    ):
        found = first_said(plan, paths, words_of_weight)
        if found is not None:
            path, words = found
            evidence = [
                quote(plan, path, f"{weight}: {', '.join(words)}"),
                "nobody is named who signs or issues it and carries the liability",
            ]
            return weighed(plan, words, evidence)
    return None
