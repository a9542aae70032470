"""The questions a lead asks from the kind of system a plan describes, whatever its answers' wording.

A matcher that shortlists people or slots for others is an allocation under limited supply; a drafter
that retrieves documents answers from texts that expire; a model that accepts cases alone above a cut-off
is audited by nobody unless someone samples what it let through; a pilot on the worst units improves by
regression to the mean; a forecast people adjust is judged against the rule, not the figure they use;
a ranked list people stop working down by a rule is scored at an ideal stopping point, not at theirs; a
better order, match or draft prevents only the failures of the whole service its own step caused; and
people whose step a model takes over alone also catch things on the side nobody will see; and marks people
put on an item before it is photographed draw the label into the image.
The plan's structured answers (task, mode, action shape, live check) say which system it is; a few words
say what the system works on. Each probe asks only where its rules stayed quiet and no answer settles it.
"""

from __future__ import annotations

from planner.judgement.probes import Found, metric_paths, probe, short
from planner.judgement.rules.circumstances import PEOPLE_KEEP_A_SHARE
from planner.judgement.rules.evidence import answer_at, first_said, own_notes, quote, read_paths
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import READS_OR_LEARNS
from planner.judgement.rules.today import people_do_it_today
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DataKind, Mode, OnlineValidation, Picks, TaskType
from planner.plan.model import Plan
from planner.plan.workings import ActionShape

# ---------------------------------------------------------------- allocation under limited supply

# People or places that each take only so many cases: what a matcher shortlists for others. Firms that
# carry or supply are listed plural only: one named supplier (a supplier's record linked to a master) is
# no choice among several.
SUPPLY = Lexicon(
    """
    tutor, tutors, interpreter, interpreters, translator, translators, provider, providers, carer, carers
    mentor, mentors, therapist, therapists, counsellor, counsellors, counselor, counselors, caregiver
    caregivers, childminder, childminders, foster carer, foster carers, host family, host families
    installer, installers, contractor, contractors, tradesperson, tradespeople, plumber, plumbers
    electrician, electricians, cleaner, cleaners, dog walker, dog walkers, nanny, nannies, coach, coaches
    placement, placements, vacancy, vacancies, appointment slot, appointment slots, time slot, time slots
    bed, beds, school place, school places, nursery place, nursery places, reviewers, referees
    carriers, hauliers, haulers, couriers, suppliers, vendors, subcontractors, drivers, venues, landlords
    freelancers, locums, technicians, workshops, garages
""",
    unless="drivers of, key drivers, main drivers, demand drivers, cost drivers, device drivers, driver app",
)
# A shortlist or an offer that pairs each case with some of that supply.
PAIRS = Lexicon("""
    shortlist, shortlists, short list, shortlisted, suggested, suggests, suggest, suggestion, suggestions
    recommended, recommends, recommend, top-ranked, top five, top three, top ten, top 5
    top 3, top 10, offers each, offered to, matched to, matched with, match each, pairs each, assigns
    assign, assigned, allocates, allocate, allocated, introduce, introduces, ranks, ranked, ranking
    top-n, best-scoring, highest-scoring, top pick, top picks, offered to, booked with, routed to
""")
# The plan already filters by who is free, or spreads the load.
LOAD_HANDLED = Lexicon(
    """
    availability, available, unavailable, free slots, free capacity, spare capacity, capacity, capacities
    current load, workload, workloads, caseload, caseloads, load, cap, capped, caps, at most, spread
    spreads, rotate, rotates, rotation, round robin, round-robin, exposure, concentration, diversity
    fully booked, full up, waiting list, free hours, spare hours, free places, taking new, open to new
""",
    unless="each load, every load, new load, per load, a load, the load to",
)  # a load is also freight
_PAIRING = ("product.decision", "product.output")
_RANKING_TASKS = (TaskType.matching, TaskType.recommendation, TaskType.ranking)
# A scorer of each (case, supplier) pair picks suppliers as a ranker does: a chance of on-time delivery
# per carrier, the top one booked.
_PAIRING_TASKS = (
    TaskType.matching,
    TaskType.recommendation,
    TaskType.ranking,
    TaskType.classification,
    TaskType.regression,
)
_LOAD_IN = (*_PAIRING, "product.inputs", "done.when_met", "product.current_solution")


@probe(
    "supply-concentrates", "capped-outcomes", "providers-ranked-by-own-past", "supply-room-outside-the-match"
)
def _supply_concentrates(plan: Plan) -> Found:
    picks = plan.product.picks
    if (
        plan.product.task not in _PAIRING_TASKS
        or plan.impact.supply_limit is not None
        or picks in (Picks.cases, Picks.records)
    ):
        return None  # each one's limit is answered (supply rules weigh it), or it orders cases or records
    supply = first_said(plan, _PAIRING, SUPPLY)
    if (
        supply is not None
    ):  # `the coach sees three suggested drills`: the coach acts on the list, is not on it
        deciders = SUPPLY.find_all(plan.product.decision_owner)
        kept = tuple(word for word in supply[1] if {word, f"{word}s", word[:-1]}.isdisjoint(deciders))
        supply = (supply[0], kept) if kept else None
    if picks is Picks.providers and supply is None:
        supply = ("product.picks", ("providers",))  # the answer says it hands work out to providers
    elif supply is None or not first_said(plan, _PAIRING, PAIRS):
        return None
    if plan.product.task not in _RANKING_TASKS and not PAIRS.find(answer_at(plan, supply[0])):
        return None  # a scorer: the same answer must say that its scores pick suppliers for each case
    if first_said(plan, _LOAD_IN, LOAD_HANDLED) or any(LOAD_HANDLED.find(note) for note in own_notes(plan)):
        return None
    path, words = supply
    many = next((word for word in words if word.endswith("s")), words[0])
    return (
        f"Each case is offered a shortlist of {many}: will the same few rank top for almost every case, "
        "at once, and are they still free? Each takes only so many; filter by real availability as a hard "
        "rule, spread the load (a cap per provider), and watch the loop: the ones picked gain the history "
        "that ranks them higher, so choice narrows. Say how a new one with no history gets a first case.",
        (quote(plan, "product.task"), quote(plan, path, ", ".join(words))),
    )


# ---------------------------------------------------------------- documents that expire

# Past answers or messages the model reads as examples of what to write.
PAST_EXAMPLES = Lexicon("""
    past replies, previous replies, past answers, previous answers, earlier answers, past letters
    past e-mails, past emails, previous e-mails, previous emails, sent e-mails, sent emails, sent replies
    email archive, e-mail archive, mail archive, example replies, example answers, few-shot, few shot
    as examples, similar past, similar previous, approved answers, past responses, previous responses
""")
# The plan dates its documents, or keeps withdrawn and superseded ones out.
DATES_KEPT = Lexicon("""
    effective date, effective dates, valid from, valid until, validity date, validity dates, in force
    version in force, current version, current versions, latest version, latest versions, superseded
    withdrawn, expired, expiry date, expiry dates, review date, review dates, date of effect, dates of effect
    version date, version dates, archived, retired, out of date, outdated, stale, as of date
""")


@probe("retrieved-documents-expire", "sources-change-over-time", "label-standard-changed")
def _retrieved_documents_expire(plan: Plan) -> Found:
    if plan.product.task is not TaskType.generation:
        return None
    paths = (*read_paths(plan), "product.output", "constraints.data.differences_note")
    reads = first_said(plan, paths, READS_OR_LEARNS + PAST_EXAMPLES)
    if reads is None:
        return None
    settled = (*paths, "constraints.data.changes", "constraints.retraining.trigger")
    if first_said(plan, settled, DATES_KEPT) or any(DATES_KEPT.find(note) for note in own_notes(plan)):
        return None
    path, words = reads
    examples = first_said(plan, paths, PAST_EXAMPLES)
    also = (
        f" And the past answers it reads as examples ({', '.join(examples[1])}): do some give advice that "
        "has since changed?"
        if examples
        else ""
    )
    return (
        f"The drafts come from what it reads ({', '.join(words)}): which of those documents expire, are "
        "withdrawn or are replaced by a newer version, and how does the index learn it? A superseded text "
        f"is quoted as confidently as the current one.{also}",
        (quote(plan, "product.task"), quote(plan, path, ", ".join(words))),
    )


# ---------------------------------------------------------------- what the model lets through

# Someone samples what the model decided alone, or a random share is kept out of its hands.
AUDITED = Lexicon("""
    audit, audits, audited, auditing, spot check, spot checks, spot-check, spot-checks, spot-checked
    random sample, random samples, randomly sampled, sampled at random, at random, random share
    random check, random checks, second check, re-check, rechecked, re-checked, double-check, double-checked
    quality sample, qa sample, sample of accepted, sample of the accepted, sample of auto-accepted
""")


# Tasks whose output is a verdict on each case: one a person used to give, and could check.
_JUDGES_EACH = (TaskType.classification, TaskType.detection, TaskType.segmentation, TaskType.matching)


@probe(
    "auto-accepted-unaudited",
    "unflagged-unwatched",
    "audit-too-small-to-see",
    "automation-unanswered",
    "automated-cases-unaudited",
)
def _auto_accepted_unaudited(plan: Plan) -> Found:
    product = plan.product
    labels_each = product.action_shape is ActionShape.every_item and product.task in _JUDGES_EACH
    if product.mode is not Mode.automate or not (
        product.action_shape is ActionShape.threshold or labels_each
    ):
        return None
    if kept_out(plan):
        return None
    paths = [f"after_launch.monitoring[{i}].signal" for i in range(len(plan.after_launch.monitoring))]
    paths += [f"after_launch.monitoring[{i}].threshold" for i in range(len(plan.after_launch.monitoring))]
    paths += ["after_launch.fallback", "after_launch.owner", "done.when_met", "product.decision"]
    paths += ["done.online_validation", "constraints.data.outcome_recorded_for"]
    if first_said(plan, paths, AUDITED) or any(AUDITED.find(note) for note in own_notes(plan)):
        return None
    volume = plan.impact.volume
    per = f" (of {volume:,.0f} {plan.impact.period.reads})" if volume and plan.impact.period else ""
    where = "Above the cut-off the model" if product.action_shape is ActionShape.threshold else "The model"
    return (
        f"{where} decides alone: who checks a random share of what it lets through{per}, sized so a rise "
        "in its errors shows within weeks? Once people stop looking at those cases, their true outcome "
        "stops reaching the data unless someone samples them.",
        (quote(plan, "product.mode"), quote(plan, "product.action_shape")),
    )


# ---------------------------------------------------------------- a pilot on the worst units

# The pilot's units were picked for being the worst (so they improve on their own, by chance).
WORST_PICKED = Lexicon("""
    worst-performing, worst performing, worst sites, worst stores, worst branches, worst depots, worst areas
    worst wards, worst schools, worst routes, worst lines, worst teams, worst months, worst weeks
    poorest-performing, poorest performing, lowest-performing, lowest performing, underperforming
    under-performing, struggling, problem sites, problem stores, problem areas, problem branches
    hardest hit, hardest-hit, most complaints, highest error, highest errors, highest losses, most affected
""")
# The live check compares the units acted on with themselves before.
BEFORE_ON_THEM = Lexicon("""
    weeks before, months before, days before, the period before, the year before, before the visit
    before a visit, before the visits, after a visit, after the visit, after the visits, after each visit
    before and after, after versus before, after vs before, after against before, pre-post, pre and post
    before the intervention, after the intervention, before treatment, after treatment
""")
# The plan says the comparison allows for it.
CHANCE_ALLOWED = Lexicon("""
    regression to the mean, regress to the mean, randomised, randomized, at random, randomly, matched
    matched control, matched controls, control group, control groups, control sites, control stores
    comparable sites, comparable stores, same selection, picked alike, selected alike, not yet visited
    ranked but not, stagger, staggered
""")
_LIVE_IN = ("done.when_met", "product.success_metric", "product.decision", "press_release.solution")


@probe("pilot-on-the-worst", "holdout-of-few-units", "pilot-on-worst-units")
def _pilot_on_the_worst(plan: Plan) -> Found:
    if plan.done.pilot_units is not None:
        return None  # the team said how the pilot's units are chosen: pilot-on-worst-units reads that
    live = plan.done.online_validation
    if live in (None, OnlineValidation.none, OnlineValidation.shadow):
        return None
    paths = [
        *_LIVE_IN,
        *metric_paths(plan, "name", "dataset"),
    ]
    if first_said(plan, paths, CHANCE_ALLOWED):
        return None
    worst = first_said(plan, paths, WORST_PICKED)
    picked = plan.product.action_shape in (
        ActionShape.top_of_queue,
        ActionShape.threshold,
        ActionShape.up_to_capacity,
    )
    if worst is None and picked and live is OnlineValidation.before_after:
        worst = first_said(plan, paths, BEFORE_ON_THEM)  # the cases scored highest, against their own past
    if worst is None:
        return None
    path, words = worst
    return (
        f"The live check compares units picked at their worst with themselves ({', '.join(words)}): is there "
        "a comparison with units picked the same way and not yet acted on, over the same weeks? Units picked "
        "for a bad spell, or scored highest just after a peak, improve on their own (regression to the mean).",
        (quote(plan, "done.online_validation"), quote(plan, path, ", ".join(words))),
    )


# ---------------------------------------------------------------- a stopping rule nobody scored

# People stop working down the ranked list by a rule, and what is left is treated as done.
STOPS = Lexicon("""
    stops after, stop after, stopped after, screening stops, work stops, consecutive, the remainder
    the rest is, the rest are, rest excluded, remainder excluded, stop when, stops when, stopping rule
    stopping criterion, stopping point, cut off after, cut-off after, until they reach, give up after
""")
# The evaluation scores that rule as it will be used.
STOP_SCORED = Lexicon("""
    stopping rule, stopping criterion, the rule as used, simulated stop, simulate the stop, with the stop
    at the stop, at the stopping point, recall at stop, recall at the stop, when screening stops
""")


@probe("stopping-rule-unscored", "cutoff-never-scored", "capacity-sets-the-threshold")
def _stopping_rule_unscored(plan: Plan) -> Found:
    if plan.product.action_shape is not ActionShape.top_of_queue or not plan.done.metrics:
        return None
    stops = first_said(plan, ("product.decision", "heuristics.humans_handle"), STOPS)
    if stops is None:
        return None
    paths = [*metric_paths(plan, "name", "dataset"), "done.eval_set"]
    if first_said(plan, paths, STOP_SCORED):
        return None
    path, words = stops
    return (
        f"In use people stop down the list by a rule ({', '.join(words)}): does the evaluation replay that "
        "rule and report what it finds and misses where it stops, worst case as well as average? A score "
        "at an ideal stopping point says nothing of the rule people will use.",
        (quote(plan, path, ", ".join(words)), quote(plan, "done.metrics[0].name")),
    )


# ---------------------------------------------------------------- the figure people really use

# People adjust or override the rule's figure before they act on it.
ADJUSTED = Lexicon("""
    adjust, adjusts, adjusted, adjusting, adjustment, adjustments, override, overrides, overridden
    overriding, tweak, tweaks, tweaked, by feel, by judgement, by judgment, own judgement, own judgment
    correct by hand, corrects by hand, corrected by hand, gut feel
""")
# The baseline is the figure people actually issued, not the rule before they adjusted it.
ISSUED = Lexicon("""
    logged, saved, printed, issued, published, submitted, final, finals, adjusted, as adjusted, as issued
    as sent, as rostered, as ordered, as quoted, their forecast, their forecasts, their estimate
    their estimates, own forecast, own forecasts, own estimate, own estimates, planners' forecast
    planners' forecasts, forecasters' figures, their orders, as ordered by, as rostered by
    estimators, specialists, buyers' orders, orders placed, decisions taken, what they ordered
""")
# Today's process is itself the people's forecast, so the figure measured today is theirs.
PEOPLES_FIGURE = Lexicon("""
    planners' forecast, planners' forecasts, planner's forecast, their own forecast, their own forecasts
    forecasters' forecast, analysts' forecast, managers' forecast, buyers' forecast
""")


@probe(
    "baseline-before-people-adjust",
    "baseline-before-adjustment",
    "straw-man-baseline",
    "baseline-without-new-data",
    "baseline-unmeasured",
    "no-baseline",
)
def _baseline_before_people_adjust(plan: Plan) -> Found:
    product = plan.product
    if product.mode not in (Mode.augment, Mode.improve) or not plan.done.metrics:
        return None
    if product.action_shape is not ActionShape.sets_amount and product.task is not TaskType.forecasting:
        return None
    adjusted = first_said(plan, ("heuristics.humans_handle", "product.current_solution"), ADJUSTED)
    if adjusted is None:
        return None
    paths = ["product.current_performance", "by_hand.human_score_notes"]
    paths += metric_paths(plan, "baseline_name", "dataset", "name")
    if first_said(plan, paths, ISSUED) or first_said(plan, ("product.current_solution",), PEOPLES_FIGURE):
        return None
    named = plan.done.metrics[0].baseline_name
    bar = f' ("{short(named, 40)}")' if named else ""
    path, words = adjusted
    return (
        f"People change today's figure before they act on it ({', '.join(words)}): is the bar{bar} the "
        "figure they actually used, logged as issued, or the rule before they changed it? A model that "
        "beats the raw rule can still lose to the people who adjust it.",
        (quote(plan, path, ", ".join(words)), quote(plan, "done.metrics[0].name")),
    )


# ---------------------------------------------------------------- failures the step cannot move

# A target that counts failures of the whole service: a better order, match or draft prevents only those
# its step caused, not those for want of supply, notice or another system's answer.
FAILURES_COUNTED = Lexicon("""
    unfilled, unserved, unmet, not filled, not served, missed deadline, missed deadlines, deadline misses
    deadlines missed, late, lateness, overdue, breach, breaches, sla breaches, not on time, delays
    cancellations, cancelled, no-shows, no shows, unanswered, abandoned, waiting time, waiting times
    wait time, wait times, turnaround time, turnaround times
""")
# An answer that already says why the failures happen, or which of them the step causes.
CAUSES_SAID = Lexicon("""
    root cause, root causes, causes, caused by, because of, due to, of the misses, of the failures
    of the late, of the unfilled, of the delays, of the breaches, reasons, reason codes
""")
_STEP_OUTPUT = {TaskType.ranking: "order", TaskType.matching: "match", TaskType.generation: "draft"}
_CAUSE_IN = ("impact.bottleneck", "product.pain", "product.current_performance")


@probe("failures-outside-the-step", "whole-moves-by-step-share")
def _failures_outside_the_step(plan: Plan) -> Found:
    output = _STEP_OUTPUT.get(plan.product.task) if plan.product.task else None
    if output is None:
        return None
    counted = first_said(plan, ("product.success_metric", *metric_paths(plan, "name")), FAILURES_COUNTED)
    if counted is None or first_said(plan, _CAUSE_IN, CAUSES_SAID):
        return None
    path, words = counted
    said = ", ".join(words)
    return (
        f"The target counts {said}: how many of last month's would a perfect {output} have prevented? "
        f"Read 30 of them and note each one's cause (nobody free nearby, too little notice, a wait on "
        f"another system or person): a better {output} moves only those it caused, and the rest cap what "
        "the target can reach.",
        (quote(plan, path, said),),
    )


# ---------------------------------------------------------------- what the people taken over from also catch


@probe(
    "step-also-catches",
    "side-duties-unowned",
    "check-before-action-removed",
    "later-phase-drops-the-check",
)
def _step_also_catches(plan: Plan) -> Found:
    product = plan.product
    if product.mode is not Mode.automate or people_do_it_today(plan) != "product.current_solution":
        return None
    share = plan.impact.addressed
    if share is not None and share <= PEOPLE_KEEP_A_SHARE:
        return None
    return (
        "People do this step by hand today and the model is to do it alone: what else do they catch while "
        "at it (a wrong record upstream, a pattern that looks like fraud, a customer in trouble, a fault)? "
        "Once it runs alone nobody sees those: list them from 30 recent cases and give each an owner.",
        (quote(plan, "product.current_solution"), quote(plan, "product.mode")),
    )


# ---------------------------------------------------------------- the labeller's marks in the picture

# Marks people put on the thing before it is photographed: the label drawn into the image.
MARKS_ON_THE_ITEM = Lexicon("""
    chalk, chalked, chalk mark, chalk marks, chalk-marked, marker pen, marker pens, pen marks, paint marks
    paint pen, sticker, stickers, stickered, flagged with tape, spray-marked, spray paint, crayon, wax crayon
""")
# Said to be settled: photographed before anyone marks, or the marks kept out of the images.
UNMARKED = Lexicon("""
    before marking, before it is marked, before they are marked, before any marking, unmarked, marks masked
    masked out, marks removed, marks cropped, without marks, no marks
""")
_MARKS_IN = (
    "product.inputs",
    "product.label",
    "product.current_solution",
    "heuristics.humans_handle",
    "constraints.data.differences_note",
)
_PICTURED = frozenset({DataKind.images, DataKind.video})


@probe("marks-in-the-image", "inputs-after-prediction")
def _marks_in_the_image(plan: Plan) -> Found:
    if not _PICTURED & set(plan.product.data_kinds):
        return None
    noticed = [f"by_hand.noticed[{index}]" for index in range(len(plan.by_hand.noticed))]
    paths = (*_MARKS_IN, *read_paths(plan)[1:], *noticed)
    marks = first_said(plan, paths, MARKS_ON_THE_ITEM)
    if marks is None or first_said(plan, (*paths, "done.eval_set"), UNMARKED):
        return None
    path, words = marks
    said = ", ".join(words)
    return (
        f"The answers mention {said}: are those marks in the training images? Where people mark what they "
        "found before the picture is taken, a model learns to find the marks, scores well on a test set "
        "marked the same way, and meets unmarked items in production. Photograph before marking, or mask the "
        "marks, and check the score on unmarked images.",
        (quote(plan, path, said),),
    )


# ---------------------------------------------------------------- ranked by chance where value varies

# A metric that counts hits among the cases worked, whatever each is worth.
COUNTS_HITS = Lexicon("""
    win rate, hit rate, success rate, conversion rate, acceptance rate, response rate, take-up, uptake
    precision, precision at, precision@k, recall, auc, roc auc, accuracy
""")
# A metric that weighs each case by its worth.
WEIGHS_VALUE = Lexicon("""
    value, revenue, margin, profit, expected value, money, amount, eur, usd, gbp, pounds, dollars, euros
    weighted by value, value-weighted, value weighted, recovered, saved
""")
_RANKED = (TaskType.ranking, TaskType.classification, TaskType.recommendation)


@probe("rank-by-expected-value", "ranked-by-take-up", "outcome-not-effect")
def _rank_by_expected_value(plan: Plan) -> Found:
    product, impact = plan.product, plan.impact
    if product.action_shape is not ActionShape.top_of_queue or product.task not in _RANKED:
        return None
    if not plan.done.metrics or impact.value_per_item is None or not impact.value_unit:
        return None  # no worth per item said: nothing to weigh the ranking by
    paths = metric_paths(plan, "name")
    hits = first_said(plan, paths, COUNTS_HITS)
    if hits is None or first_said(plan, paths, WEIGHS_VALUE):
        return None
    path, words = hits
    return (
        "Are the items on the list worth the same? Ranked by the chance of a hit, a small sure one sits above a "
        "large likely one; where the worth varies, rank by the chance times the worth, and score the value "
        "won in the top people reach, not only the share of hits.",
        (
            quote(plan, "product.action_shape"),
            quote(plan, "impact.value_per_item"),
            quote(plan, path, ", ".join(words)),
        ),
    )
