"""Rules on circular evaluation: a truth the replaced process made, an evaluation set picked by hand.

A done metric is only as good as the truth it is scored against. Scored against what today's process
decided (its flags, its citations, a vendor's own score), a copy of today's process scores best, and
the metric cannot show the model is better; scored on cases someone picked (clear ones, the ones
reviewers flagged, rows of the training period), it says little about every case the product
meets. A lead asks where the evaluation's truth and its cases come from before any number is read.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evalpick import (
    APART_OR_ALL,
    DRAWN_RANDOM,
    IN_TRAINING,
    PICKED,
    drawn_told,
    enriched_for_risk,
)
from planner.judgement.rules.evidence import (
    answer_at,
    quote,
    says_nothing,
    ticked,
    truth_paths,
)
from planner.judgement.rules.lexicon import (
    AGREES,
    CLEARLY_PICKED,
    FOUND_TODAY,
    INDEPENDENT,
    LATER_TEST,
    MEASURE_KINDS,
    PEOPLE,
)
from planner.judgement.rules.provenance import DECIDED, imitation_scored, people_are_the_target
from planner.judgement.rules.tobeat import to_beat
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, EvalInputs, EvalTruth, Plan

# What the old process produced that a recall or hit rate may be measured against: what it cited,
# linked, chose or decided.
PRODUCED = DECIDED + Lexicon("""
    cited, cites, citation, citations, linked, links, added, made, chose, clicked, opened, bought, kept by
    accepted by
""")

# A score of how much of a reference set the model finds or gets right.
SCORES = MEASURE_KINDS + Lexicon("hit rate, hit-rate, hits, top #, retrieved, found in the top")

# Today's process, named as such: its system, its rules, its vendor, its past decisions.
TODAY = Lexicon("""
    current system, existing system, old system, legacy system, current process, existing process
    old process, today's process, current rules, existing rules, rules engine, rule engine
    current model, existing model, old model, incumbent, incumbent model, vendor, vendors
    current score, current scores, current tool, existing tool, today's decisions, past decisions
    previous decisions, historical decisions, current search, current search engine, current search results
    current ranking, current ranker, current recommendations, current recommender, current filter
""")

# Who or what decides today, as the current solution or the decider names them: a word the evaluation
# shares with those answers ties its truth to the process the model replaces.
ACTORS = PEOPLE + Lexicon("""
    examiner, examiners, coder, coders, officer, officers, caseworker, caseworkers, assessor, assessors
    adjuster, adjusters, dispatcher, dispatchers, planner, planners, buyer, buyers, curator, curators
    librarian, librarians, grader, graders, desk, desks, rules, rulebook, scorecard, scorecards
    vendor, vendors, engine, search engine, ranking, ranker, recommender, tagger, classifier, carousel
    carousels
""")


_DECIDES_TODAY = ("product.current_solution", "product.decision_owner")


def _forms(words: tuple[str, ...]) -> set[str]:
    return {word.removesuffix("s") for word in words}


def _tied_to_today(plan: Plan, text: str) -> tuple[tuple[str, ...], str | None]:
    """The words of `text` that name today's process, and the answer that describes it: the current
    solution or the decider, when `text` shares a word with it (its actor, its system)."""
    named = TODAY.find_all(text)
    in_named = {part for phrase in named for part in phrase.split()}
    for path in _DECIDES_TODAY:
        today = _forms(ACTORS.find_all(answer_at(plan, path)))
        shared = tuple(word for word in ACTORS.find_all(text) if word.removesuffix("s") in today)
        if shared:
            return tuple(dict.fromkeys((*named, *(word for word in shared if word not in in_named)))), path
    return named, None


def _circular_words(plan: Plan) -> Evidence:
    """A done metric or eval set that scores agreement with today's process, or recall of what it
    produced, with no independent truth (outcomes, a blind panel) scored beside it: a question naming
    the words."""
    paths = truth_paths(plan)
    eval_set = plan.done.eval_set
    if plan.done.metrics and (not eval_set or says_nothing(eval_set)):
        paths.append("product.label")  # no eval set said: the metrics are scored against the label
    texts = [(path, text) for path in paths if isinstance(text := answer_at(plan, path), str)]
    if any(INDEPENDENT.find(text) for _, text in texts):
        return None  # an outcome or a blind panel is scored too: agreement is only a second figure
    for path, text in texts:
        how = AGREES.find_all(text)
        truth = path in ("done.eval_set", "product.label") or path.endswith(".dataset")
        if not how and (truth or SCORES.find(text)):
            how = PRODUCED.find_all(text)  # a recall of what the old process cited, chose or flagged
        tied, where = _tied_to_today(plan, text)
        if not tied or not (how or (path == "product.label" and TODAY.find(text))):
            continue  # a label that names today's system as its maker needs no other word
        said = (
            "no eval set is said: the done metrics are scored against this label, "
            if path == "product.label"
            else ""
        )
        note = f"{said}scored against today's process: {', '.join((*how, *tied))}"
        found = [quote(plan, path, note)]
        if where:
            found.append(quote(plan, where, "the process the model replaces"))
        return Hint((*how, *tied), found)
    return None


@rule(
    "truth-from-old-process",
    Category.model,
    likelihood=3,
    impact=4,
    ask="is the evaluation scored against what today's process decided, so a copy of it scores best?",
    move=Move(
        "Score the model against a truth today's process did not make",
        "Measured against today's process's own decisions (its flags, its citations, a vendor's score), a "
        "model that copies it scores best and one that does better looks wrong; judge on outcomes, or on a "
        "sample an expert panel labels blind, and keep agreement with today's process as a secondary figure",
        "warning",
        first=True,
    ),
    fires=(
        Case(  # the examiners' citations are the truth of a search that is to find what they miss
            {
                "done.eval_truth": None,
                "product.current_solution": "Examiners search the prior-art database by keyword.",
                "product.decision_owner": "The examiner on the application.",
                "product.pain": "Examiners miss prior art written in other words.",
                "done.metrics[0].name": "Recall of the prior art the examiners cited, in the top 20",
                "done.metrics[0].dataset": None,
            },
            evidence=(
                'done.metrics[0].name: "Recall of the prior art the examiners cited, in the top 20" (scored '
                "against today's process: cited, examiners)",
                'product.current_solution: "Examiners search the prior-art database by keyword." '
                "(the process the model replaces)",
                "done.metrics[0].target: 0.75 (to beat today's 0.45, yet on its own decisions today's process "
                "scores 100%)",
            ),
        ),
        Case(  # agreement with the vendor's own score
            {
                "done.eval_truth": None,
                "product.current_solution": "A vendor's supplier risk score; buyers review the top decile.",
                "product.mode": "automate",
                "done.metrics[0].name": "Agreement with the vendor's risk score on 2024 suppliers",
                "done.metrics[0].dataset": None,
            },
        ),
        Case(  # clicks on what today's carousel chose to show
            {
                "done.eval_truth": None,
                "product.current_solution": "A popular-this-week carousel, the same for every user.",
                "product.pain": "The carousel misses what each cook likes.",
                "done.metrics[0].name": "Hit rate on the recipes users clicked in the carousel",
            },
        ),
        Case(  # no eval set said: the metric is scored against a label the rules engine set
            {
                "done.eval_truth": None,
                "product.label": "The hold the ERP rules engine set on each invoice.",
                "product.current_solution": "The ERP rules engine holds invoices with the same supplier.",
                "product.pain": "The rules miss duplicates that arrive with a new number.",
                "done.eval_set": None,
            },
            evidence=(
                'product.label: "The hold the ERP rules engine set on each invoice." (no eval set is '
                "said: the done metrics are scored against this label, scored against today's process: "
                "rules engine)",
                'product.current_solution: "The ERP rules engine holds invoices with the same supplier." (the '
                "process the model replaces)",
                "done.metrics[0].target: 0.75 (to beat today's 0.45, yet on its own decisions today's process "
                "scores 100%)",
            ),
        ),
        Case(  # the team says the labels are the old process's decisions; the target claims to beat it
            {
                "done.eval_truth": None,
                "product.circumstances": ["labels_are_decisions"],
                "product.pain": "Clerks miss duplicates that arrive with a new number.",
            },
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'done.eval_set: "6,000 invoices from the last six months, held out by time, with the..." '
                "(scored on those decisions too: a copy of today's process scores best, and the metric "
                "cannot show the model is better)",
                "done.metrics[0].target: 0.75 (to beat today's 0.45, yet on its own decisions today's process "
                "scores 100%)",
            ),
            also=frozenset({"label-from-old-process"}),
        ),
    ),
    quiet=(
        Case(  # the auditors flag apart from the clerks who decide: an independent truth
            {
                "done.metrics[0].name": "Agreement with the auditors' duplicate flags",
                "product.pain": "Clerks miss duplicates that arrive with a new number.",
            }
        ),
        Case(  # drafting the graders' call for them, who agree and do not err: their grade is the target
            {
                "product.current_solution": "Certified graders grade every board by eye.",
                "product.pain": "The new line runs faster and graders fall behind.",
                "done.metrics[0].name": "Share of boards where the proposed grade matches the grader's",
            }
        ),
        Case(  # the old decisions, checked against what happened
            {
                "product.current_solution": "Examiners search the prior-art database by keyword.",
                "product.pain": "Examiners miss prior art written in other words.",
                "done.metrics[0].name": "Recall of prior art cited by examiners or found later in "
                "oppositions, judged blind by a panel",
            }
        ),
        Case(  # the eval set says where its truth comes from: the label is not what it is scored on
            {
                "product.label": "The hold the ERP rules engine set on each invoice.",
                "product.current_solution": "The ERP rules engine holds invoices with the same supplier.",
                "product.pain": "The rules miss duplicates that arrive with a new number.",
            }
        ),
        Case(  # automating the desk's routing with nothing said against it: copying it is the goal
            {
                "product.mode": "automate",
                "product.current_solution": "Agents route each invoice query to a team by hand.",
                "product.current_performance": "Median routing time of four hours.",
                "done.metrics[0].name": "Accuracy of the team the agents routed each query to",
            }
        ),
        Case(  # how often two clerks agree: a fact about the label, not the model's score
            {
                "product.pain": "Clerks miss duplicates that arrive with a new number.",
                "done.metrics[0].name": "Agreement between two clerks",
            }
        ),
        Case(  # agreement with the vendor only beside a metric of outcomes
            {
                "product.current_solution": "A vendor's supplier risk score; buyers review the top decile.",
                "product.mode": "automate",
                "done.metrics": [
                    {"name": "Insolvencies within a year among the top decile, by outcome"},
                    {"name": "Agreement with the vendor's risk score"},
                ],
            }
        ),
        Case(  # decisions as labels, evaluated on outcomes
            {
                "product.circumstances": ["labels_are_decisions"],
                "product.pain": "Clerks miss duplicates that arrive with a new number.",
                "done.eval_set": "600 invoices drawn at random, their outcome confirmed on the bank "
                "statement.",
            }
        ),
    ),
)
def truth_from_old_process(plan: Plan) -> Evidence:
    """The evaluation is scored against what today's process decided.

    A done metric measured against the old process's own decisions (its flags, the citations its
    examiners made, a vendor's score, the labels its system set) rewards copying that process: a copy
    scores perfectly and learns nothing, and a model that catches what it misses is counted wrong.
    The metric cannot show the model beats what it replaces.

    Mitigation: Score the model against a truth today's process did not make: outcomes where they are
    recorded, or a sample an expert panel labels blind (with the old decision hidden); report agreement
    with today's process only beside it.
    """
    if plan.done.eval_truth not in (None, EvalTruth.not_decided):
        return None  # the team said where the right answers come from: evaluation-truth-circular reads it
    fact = ticked(plan, Circumstance.labels_are_decisions)
    # a goal that is an outcome is not met by copying the old decisions, whoever drafts for whom
    imitation = imitation_scored(plan, fact) if fact is not None else None
    if people_are_the_target(plan):
        return imitation  # else the model drafts the people's own call for them: agreeing is the goal
    beats = to_beat(plan)
    if beats is None:
        return imitation  # else nothing says today's process errs: copying it is what the team asks for
    if fact is not None:
        paths = [path for path in truth_paths(plan) if isinstance(answer_at(plan, path), str)]
        texts = [answer_at(plan, path) for path in paths if not says_nothing(answer_at(plan, path))]
        if texts and not any(INDEPENDENT.find(text) for text in texts):
            note = (
                "scored on those decisions too: a copy of today's process scores best, and the metric cannot "
                "show the model is better"
            )
            where = (
                "done.eval_set" if plan.done.eval_set and not says_nothing(plan.done.eval_set) else paths[0]
            )
            return (fact, quote(plan, where, note), beats)
    found = _circular_words(plan)
    return Hint(found.words, (*found, beats)) if isinstance(found, Hint) else None


_UNTOLD = {"done.eval_drawn": None}  # how the cases were chosen, left blank: the words say it


@rule(
    "eval-set-picked",
    Category.data,
    likelihood=3,
    impact=4,
    ask="are the evaluation's cases picked (clear ones, flagged ones, the training period) rather than "
    "drawn from every case the product will meet?",
    move=Move(
        "Draw the evaluation set at random from the cases the product will meet, after the training period",
        "Cases someone picked (clear, clean, typical, the ones reviewers flagged) or rows of the training "
        "period flatter the model: draw the cases at random from a later period, as they arrive, and keep "
        "the picked ones as a separate slice",
        "warning",
    ),
    fires=(
        Case(  # the sound plan ticks real cases, yet these words plainly say picked
            {"done.eval_set": "300 clear cases hand-picked by the auditors, with their flags.", **_UNTOLD},
            evidence=(
                'done.eval_set: "300 clear cases hand-picked by the auditors, with their flags." (cases '
                "chosen, not drawn from every case: clear cases, hand-picked)",
                "constraints.data.test_set_reflects_product: true (yet the product meets every case, the "
                "unclear ones too)",
            ),
        ),
        Case({"done.metrics[0].dataset": "A sample of the training data from 2019-2023"}),
        Case(  # the cases today's process found: the ones it missed are not there
            {
                "done.eval_set": "The 900 duplicate pairs the clerks found in 2025.",
                "done.eval_inputs": None,
                **_UNTOLD,
            },
            evidence=(
                'done.eval_set: "The 900 duplicate pairs the clerks found in 2025." (cases chosen, not drawn '
                "from every case: the clerks found; the cases today's process missed or failed on are not in it)",
                "constraints.data.test_set_reflects_product: true (yet the product meets every case, the "
                "unclear ones too)",
            ),
        ),
        Case(  # ticked: a fact, medium (with done.eval_drawn answered, eval-cases-picked reads that)
            {"done.eval_inputs": "hand_picked", **_UNTOLD},
            evidence=(
                'done.eval_inputs: "hand_picked" (cases people picked, not drawn from every case)',
                'done.eval_set: "6,000 invoices from the last six months, held out by time, with the..."',
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "done.eval_inputs": "hand_picked",
                "done.eval_set": "300 clear cases hand-picked by the auditors.",
            }
        ),
        Case({"done.eval_set": "A random sample of 600 invoices from 2025, after the training period."}),
        Case(  # a picked slice beside a random set: the slice is reported apart
            {
                "done.eval_set": "600 invoices drawn at random from 2025, plus 50 hand-picked hard cases "
                "reported apart."
            }
        ),
        Case({"done.eval_set": "The last six months, held out from the training data."}),
        Case(  # enriched on purpose for the severe falls, not picked for ease
            {"done.eval_inputs": "hand_picked", "done.eval_set": "Care-home falls stratified by severity."}
        ),
        Case({"done.eval_set": "A random sample of 600 invoices, whatever the clerks found."}),
        Case({"done.metrics[0].dataset": "Training period 2019-2023; test on 2024."}),
        Case({"done.eval_set": "The whole of 2024, selected by the data team."}),
        Case(
            {"done.eval_set": "Invoices selected by date: the most recent quarter, with the auditors' flags."}
        ),
        Case(  # real cases as the product meets them: the words' guess gives way to the tick
            {
                "done.eval_set": "The 900 duplicate pairs the clerks found in 2025.",
                "done.eval_inputs": "real_cases",
            }
        ),
        Case(  # the test set is said not to reflect the product: test-set-not-like-product asks instead
            {
                "done.eval_set": "300 clear cases hand-picked by the auditors.",
                "constraints.data.test_set_reflects_product": False,
            },
        ),
    ),
)
def eval_set_picked(plan: Plan) -> Evidence:
    """The evaluation's cases were picked, not drawn from what the product meets.

    An evaluation set of cases someone chose (clear ones, clean ones, typical ones, those reviewers
    flagged) or of rows from the training period scores the model where it is easiest or where it has
    already looked; the product meets every case, the unclear, dirty and unflagged ones too, and later
    than the data, so the score overstates what it will do.

    Mitigation: Draw the evaluation cases at random from a period after the training data, as they
    arrive in production; report any picked slice (hard cases, flagged ones) apart from it.
    """
    reflects = plan.constraints.data.test_set_reflects_product
    if reflects is False:
        return None  # said: test-set-not-like-product raises it
    inputs, answered = plan.done.eval_inputs, drawn_told(plan)  # answered: eval-cases-picked reads it
    if inputs is EvalInputs.hand_picked and not answered and not enriched_for_risk(plan.done.eval_set):
        said = quote(plan, "done.eval_inputs", "cases people picked, not drawn from every case")
        told = (quote(plan, "done.eval_set"),) if plan.done.eval_set else ()
        return Tempered(3, (said, *told))
    for path in truth_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str) or APART_OR_ALL.find(text) or DRAWN_RANDOM.find(text):
            continue
        if enriched_for_risk(text):
            continue  # enriched on purpose for the rare or severe, not picked for ease
        found_today = FOUND_TODAY.find_all(text)
        picked = PICKED.find_all(text) + found_today
        if answered or (inputs is EvalInputs.real_cases and not CLEARLY_PICKED.find(text)):
            found_today = picked = ()  # real cases as the product meets them, unless plainly picked
        # a later period is no training period, whoever picked the cases in it
        seen = () if LATER_TEST.find(text) else IN_TRAINING.find_all(text)
        if not picked and not seen:
            continue
        words = picked + seen
        notes = [f"cases chosen, not drawn from every case: {', '.join(picked)}"] if picked else []
        if found_today:  # chosen by today's process: what it missed is not there to be missed again
            notes[0] += "; the cases today's process missed or failed on are not in it"
        notes += [f"rows the model learns from, or their period: {', '.join(seen)}"] if seen else []
        found = [quote(plan, path, "; ".join(notes))]
        if reflects:
            said = (
                "yet the product meets every case, the unclear ones too"
                if picked
                else "yet the product meets cases later than the training data"
            )
            found.append(quote(plan, "constraints.data.test_set_reflects_product", said))
        return Hint(words, found)
    return None
