"""Rules on people in camera and audio data: faces, voices and number plates are personal data.

A camera over a gate, a street or a shop floor, a microphone in a call or a cab records the people who
pass: their faces, voices and number plates are personal data whether or not the model looks for them.
Teams that point a camera at a product, a road or a queue answer `personal_data: false` in good faith;
a lead hears the recording and the place together and asks.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, own_notes, quote, source_paths
from planner.judgement.rules.lexicon import (
    PEOPLE_RECORDED,
    PEOPLE_REMOVED,
    RECORDS_PEOPLE,
    WHERE_PEOPLE_ARE,
)
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.choices import DataKind
from planner.plan.model import Category, Plan

# In a plan whose data is video or audio, its clips, frames and feeds are recordings too.
_CLIPS = Lexicon("clip, clips, frame, frames, stream, streams, feed, feeds, live feed, live feeds")

_RECORDS = RECORDS_PEOPLE + PEOPLE_RECORDED


def _paths(plan: Plan) -> Iterator[str]:
    """The answers that say what the data is and where it is recorded."""
    yield "product.inputs"
    yield from source_paths(plan)
    yield from ("constraints.data.differences_note", "product.label", "product.output", "product.decision")
    yield from ("product.goal", "product.current_solution", "title")


# Recordings of animals or nature: a camera trap, an underwater pen camera, a hive camera.
FILMS_NATURE = Lexicon("""
    camera trap, camera traps, trail camera, trail cameras, wildlife, underwater, fish, salmon, pen, pens
    hive, hives, bees, birds, bird, deer, animals, animal, cattle, cows, herd, herds, lice, sea lice
    insects, insect, plants, crops, canopy, reef, coral
""")


# Close-ups of a part of a vehicle, a machine or a product: a train's wheels are no train full of people.
FILMS_A_PART = Lexicon("""
    wheel, wheels, wheelset, wheelsets, bogie, bogies, axle, axles, brake pad, brake pads, pantograph
    pantographs, undercarriage, undercarriages, rail head, rail heads, weld, welds, weld seam, weld seams
    bearing, bearings, tyre tread, tyre treads, tire tread, tire treads, solder joint, solder joints
    circuit board, circuit boards, gauge dial, meter dial, meter dials
    line-scan, line scan, sleeper, sleepers, rail clip, rail clips, rail fastening, rail fastenings
    track bed, ballast, road surface, pavement surface, pipe wall, pipe walls, tunnel lining, turbine blade
    turbine blades, conveyor belt, belt surface
""")


# Inside a closed space no one stands in: a crawler camera in a sewer, a probe in a duct or a borehole.
FILMS_INSIDE = Lexicon("""
    sewer pipe, sewer pipes, sewer main, sewer mains, sewer line, sewer lines, inside each pipe, inside the pipe
    inside the pipes, inside pipes, in-pipe, pipe interior, pipe interiors, crawler camera, crawler cameras
    pipe crawler, pipe crawlers, pipe inspection camera, pipe inspection cameras, culvert, culverts, drain
    survey, drain surveys, borehole, boreholes, inside the duct, inside ducts, inside the boiler, inside the tank
    inside tanks
""")


# Under a lens no one stands in: a microscope's slide, a plate or a smear fills the frame.
FILMS_MAGNIFIED = Lexicon("""
    microscope, microscopes, microscopic, microscopy, micrograph, micrographs, under the microscope
    slide scanner, slide scanners, whole-slide, whole slide, slide image, slide images
    smear, smears, blood smear, blood smears, petri dish, petri dishes, well plate, well plates
""")


def _read_says(plan: Plan, *lexicons: Lexicon) -> bool:
    """Whether what the model reads, or what it is for, says any of these words."""
    return any(
        lexicon.find(text)
        for path in ("product.inputs", "product.goal", *source_paths(plan))
        if isinstance(text := answer_at(plan, path), str)
        for lexicon in lexicons
    )


def films_inside(plan: Plan) -> bool:
    """Whether the camera films inside a pipe, a duct or a borehole, or a slide under a microscope: the
    people who run it are behind it, never in view."""
    return _read_says(plan, FILMS_INSIDE, FILMS_MAGNIFIED)


def films_no_one(plan: Plan) -> bool:
    """Whether what the model reads is filmed where no person is in view: animals or nature, a close-up of
    a part (a train's wheels), inside a pipe, a duct or a borehole, or under a microscope."""
    return _read_says(plan, FILMS_NATURE, FILMS_A_PART, FILMS_INSIDE, FILMS_MAGNIFIED)


def _people_recorded(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer that records people: a call or a worn camera, or a recording and a place where
    people are (a gate, a street, a shop floor, faces) in one sentence."""
    moving = {DataKind.video, DataKind.audio} & set(plan.product.data_kinds)
    records = _RECORDS + _CLIPS if moving else _RECORDS
    # A camera trap or a pen camera films animals, a trackside camera a train's wheels: a site, a path or
    # a train in it is not where people are.
    nature = films_no_one(plan)
    for path in _paths(plan):
        text = answer_at(plan, path)
        if not text:
            continue
        alone = PEOPLE_RECORDED.find_all(text)
        if alone:
            return path, alone
        together = in_one_sentence(text, records, WHERE_PEOPLE_ARE)
        if together and not nature:
            return path, together
    return None


def people_kept_out(plan: Plan) -> bool:
    """Whether the answers say the people are blurred, masked or left out of the recordings."""
    texts = [answer_at(plan, path) for path in _paths(plan)]
    texts += [plan.after_launch.owner, plan.constraints.compute.hosted_model]
    texts += own_notes(plan)
    return any(PEOPLE_REMOVED.find(text) for text in texts if isinstance(text, str))


@rule(
    "recordings-hold-personal-data",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="do the recordings capture people (faces, voices, number plates, staff at work), and so hold "
    "personal data whatever the answer on personal data says?",
    move=Move(
        "Treat the recordings as personal data: a privacy review, then blur or drop what the model does not need",
        "Video or audio recorded where people are captures faces, voices and number plates: personal data "
        "even when people are not what the model looks for; do a privacy impact assessment, tell people "
        "they are recorded, blur faces and plates at capture or before storage, keep recordings briefly, "
        "and involve staff representatives where employees are filmed",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.inputs": "Video from the camera at the depot gate, one clip per lorry.",
                "product.data_kinds": ["video"],
                "constraints.data.personal_data": False,
            },
            evidence=(
                'product.inputs: "Video from the camera at the depot gate, one clip per lorry." (recorded '
                "where people are: video, camera, clip, gate)",
                "constraints.data.personal_data: false (yet faces, voices or number plates are recorded)",
            ),
        ),
        Case(  # the calls of a contact centre, personal data unanswered
            {
                "constraints.data.sources": [{"name": "Call recordings of the contact centre, 2023-2024"}],
                "constraints.data.personal_data": None,
            },
            evidence=(
                'constraints.data.sources[0].name: "Call recordings of the contact centre, 2023-2024" (recorded '
                "where people are: call recordings)",
                "constraints.data.personal_data: not answered (faces, voices or number plates are recorded)",
            ),
        ),
    ),
    quiet=(
        Case(  # a line-scan camera under a recording train images each sleeper: a surface, nobody in it
            {
                "product.inputs": "The downward line-scan frame of each sleeper from the track-recording train.",
                "product.data_kinds": ["images"],
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # a trackside camera films the wheels of each train: a close-up of a part, nobody in it
            {
                "product.inputs": "Trackside camera recording of each passing train's wheels.",
                "product.data_kinds": ["images"],
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # a crawler camera inside each sewer main: a pipe wall under the street, nobody in view
            {
                "product.inputs": "CCTV video from the crawler camera in each sewer main under the street.",
                "product.data_kinds": ["video"],
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # a camera over a conveyor: boards, not people
            {
                "product.inputs": "Line camera images of each circuit board on the conveyor.",
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # the team said personal data: the personal-data rule asks the rest
            {
                "product.inputs": "Video from the camera at the depot gate, one clip per lorry.",
                "constraints.data.personal_data": True,
            }
        ),
        Case(  # faces and plates blurred at the camera
            {
                "product.inputs": "Video from the camera at the depot gate, faces and plates blurred on the camera.",
                "constraints.data.personal_data": False,
            }
        ),
        Case(  # the faces of a parcel are its sides
            {
                "product.inputs": "Camera images of all six faces of each parcel on the belt.",
                "constraints.data.personal_data": False,
            }
        ),
    ),
)
def recordings_hold_personal_data(plan: Plan) -> Evidence:
    """The data records people, while the answers say it holds no personal data.

    A camera at a gate, in a street, a shop or a workplace, or a microphone in a call or a cab, records
    the people who pass: faces, voices and number plates are personal data whether or not the model
    looks for them, and staff filmed at work bring their representatives' rights with them.

    Mitigation: Answer personal data as yes and start the privacy review: a privacy impact assessment,
    notices where people are recorded, faces and plates blurred at capture or before storage, a short
    retention, and the works council where employees are filmed.
    """
    personal = plan.constraints.data.personal_data
    if personal is True or people_kept_out(plan):
        return None
    found = _people_recorded(plan)
    if found is None:
        return None
    path, words = found
    said = (
        quote(plan, "constraints.data.personal_data", "yet faces, voices or number plates are recorded")
        if personal is False
        else "constraints.data.personal_data: not answered (faces, voices or number plates are recorded)"
    )
    return Hint(words, (quote(plan, path, f"recorded where people are: {', '.join(words)}"), said))
