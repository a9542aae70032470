"""The questions a lead asks of what the model's input can carry: whether an expert could decide from it
alone, where a person chooses from what the model proposes or works down the order it sets; and whether
something in it (a stamp, a file name, the scanner, the site) gives away where it came from.

Where the model decides alone, `decisions-turn-on-unseen` weighs what today's deciders use that the model
will not get. Where it proposes to a person or orders a worklist, that person still has the missing
piece in hand for the case they look at, but the proposal, or the order that decides which cases they
look at first, is only as good as the model's input: a lead asks for a blind test first.
"""

from __future__ import annotations

from planner.judgement.probes import PROBES, Found, metric_paths, probe, short
from planner.judgement.rules.byhandinputs import FROM_INPUTS_ONLY, left_out_by_hand
from planner.judgement.rules.classsource import SAME_ORIGIN
from planner.judgement.rules.evidence import answer_at, first_said, quote
from planner.judgement.rules.moment import after_the_event
from planner.judgement.rules.seenby import unseen_named
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DataKind, Mode, Split, TaskType
from planner.plan.fields import answered_at
from planner.plan.model import PICKING_TASKS, Plan
from planner.plan.workings import ActionShape

# A model that proposes to a person, or sets the order people work in.
_PROPOSES = (ActionShape.choose_among, ActionShape.top_of_queue)
# Where a plan would say it tests experts on the model's input alone.
_TESTED_IN = (
    "done.eval_set",
    "done.when_met",
    "by_hand.human_score_notes",
    "constraints.data.differences_note",
)


@probe("expert-decides-from-input", "decisions-turn-on-unseen")
def _expert_decides_from_input(plan: Plan) -> Found:
    unseen = unseen_named(plan)
    product = plan.product
    if unseen is None or product.mode is Mode.automate:
        return None
    if product.action_shape not in _PROPOSES and product.task not in PICKING_TASKS:
        return None  # people decide every case from the whole file: nothing is ordered or proposed blind
    by_hand = plan.by_hand
    if by_hand.measured is not None or (by_hand.expert_can_decide is True and left_out_by_hand(plan, unseen)):
        return None  # experts already decided past cases from the model's input alone
    if first_said(plan, _TESTED_IN, FROM_INPUTS_ONLY):
        return None
    proposes = product.action_shape is ActionShape.choose_among
    what = "proposal" if proposes else "order"
    return (
        f"Can an expert decide from the model's input alone, without {short(unseen, 50)!r}? The person who "
        f"acts still has it in hand, but the {what} they work from is only as good as what the model reads: "
        "before spending, have two experts judge a hundred past cases from the model's input only, and "
        "compare with the decisions taken with everything; where they cannot, neither can the model.",
        (
            quote(plan, "product.unseen_by_model"),
            quote(plan, "product.action_shape" if product.action_shape else "product.task"),
        ),
    )


# ---------------------------------------------------------------- when each input is recorded

# Tasks that read the record in hand rather than predict what comes later: no later value to leak.
_READS_IN_HAND = (TaskType.matching, TaskType.clustering, TaskType.generation, TaskType.extraction)


@probe("when-inputs-recorded", "inputs-after-prediction", "inputs-known-only-later")
def _when_inputs_recorded(plan: Plan) -> Found:
    """The inputs listed, and when each is recorded left unsaid: a lead goes down the list and asks. The
    team that sees no leak leaves the question blank; the fact (`filled in at checkout`) shows it anyway."""
    inputs = answer_at(plan, "product.inputs")
    if not inputs or answered_at(plan, "product.inputs_known_after") or plan.product.task in _READS_IN_HAND:
        return None
    if after_the_event(plan) or PROBES["inputs-known-at-decision"].ask(plan):
        return None  # written once the event is over; or asked already against the decision's lead
    return (
        f"When is each input recorded ({short(inputs, 90)})? Go down the list with whoever keeps the "
        "records: an input written during the case or once it is done (on the day, at checkout, at "
        "closing) sits in every training row but not when the model predicts; name those in "
        "product.inputs_known_after, or 'none'; 'not checked' until someone has.",
        (quote(plan, "product.inputs"), "product.inputs_known_after: not answered"),
    )


# ---------------------------------------------------------------- the source shows in the input

# Places or machines that each capture a share of the pictures, recordings or documents (a fleet of the
# same cameras is one source; a site or a scanner make each leaves its own trace).
CAPTURED_AT = Lexicon("""
    sites, hospitals, clinics, practices, surgeries, wards, labs, laboratories, scanners, branches, depots
    farms, plants, factories, mills, stores, shops, schools, offices, studios, archives, two sources
    three sources, several sources, many sources, both sources, each site, each hospital, each clinic
    each scanner, each branch, each farm, makes of scanner, makes of camera, camera models, scanner models
""")
# The plan already checks that the source cannot stand in for the thing.
SOURCE_CHECKED = Lexicon("""
    masked, mask the, masking, cropped, crop the, cropping, blanked, blank the, redacted, redact the
    stripped the, strip the, removed the stamp, removed the tag, file names removed, filenames removed
    split by site, split by source, split by scanner, split by device, split by hospital, split by clinic
    held-out site, held out site, held-out sites, held-out hospital, held-out clinic, held-out scanner
    held-out source, held out source, leave-one-site-out, leave one site out, site held out, sites held out
    unseen site, unseen sites, new site, new sites, by site, by scanner, by device, per site, per scanner
    per device, per source, by source, held out of training, clinic held out, hospital held out
    scanner held out, source held out, device held out, branch held out, farm held out
""")
_CAPTURE_IN = (
    "product.inputs",
    "constraints.data.differences_note",
    "done.eval_set",
    "product.current_solution",
)
_SOURCE_CHECK_IN = (
    "done.eval_set",
    "done.when_met",
    "constraints.data.differences_note",
    "product.inputs",
    "by_hand.human_score_notes",
)
_MEDIUM = {
    DataKind.images: "picture",
    DataKind.video: "clip",
    DataKind.audio: "recording",
    DataKind.text: "document",
}
_JUDGES = (TaskType.classification, TaskType.detection, TaskType.segmentation, TaskType.anomaly_detection)


@probe("source-shows-in-the-input", "class-follows-the-source")
def _source_shows_in_the_input(plan: Plan) -> Found:
    product = plan.product
    kinds = [kind for kind in _MEDIUM if kind in product.data_kinds]
    if not kinds or DataKind.tabular in product.data_kinds or product.task not in _JUDGES:
        return None  # a table's columns are named and chosen: a lead asks this of pictures, sound and text
    if plan.done.split is Split.group:
        return None  # whole groups held out: a source the model learned cannot carry the test
    sources = [f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources))]
    several = first_said(plan, ("product.inputs", *sources), CAPTURED_AT)
    if several is None:
        return None
    settled = (*_SOURCE_CHECK_IN, *sources, *metric_paths(plan, "name"))
    if first_said(plan, settled, SOURCE_CHECKED) or first_said(plan, settled, SAME_ORIGIN):
        return None
    medium = _MEDIUM[kinds[0]]
    where = quote(plan, several[0], ", ".join(several[1]))
    return (
        f"Does anything in each {medium} reveal where it came from or its label: an ID tag, a stamp, a file "
        "name, the scanner, the site, a group the model can recognise? A model learns the source rather than "
        "the thing, and scores well wherever the mix of sources is the same. Score it with that part masked, "
        "and on a source held out of training.",
        (quote(plan, "product.data_kinds"), where),
    )
