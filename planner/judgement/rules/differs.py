"""Rules on data in hand unlike what the product will see (a device, a channel, a population, a season),
and on what a team says that already judges the difference apart or finds the two alike."""

from __future__ import annotations

from planner.judgement.rules.arrival import differences_quote
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.covered import covered_there, revalidated_later, slice_in_the_data
from planner.judgement.rules.evidence import first_said, monitor_paths, quote
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.inhand import checked_alike, production_stream
from planner.judgement.rules.judgedapart import (
    UNLIKE_PRODUCTION,
    judged_apart,
    judged_there,
    only_the_mix,
    unticked_difference,
)
from planner.judgement.rules.seasons import seasons_backtested
from planner.judgement.rules.setpoint import capture_means_forecasts
from planner.judgement.rules.volume import acts_alone
from planner.plan.choices import label
from planner.plan.model import Category, Difference, OnlineValidation, Plan, Severity

# How a ticked difference reads after "the product meets another": a kind its label names as a change.
_MET = {Difference.mix: "mix of cases", Difference.conditions: "site, course, route or layout"}
_ONBOARDED = "Each new camera is audited for its first month."
_HELD_OUT = "The post room switched to new scanners in 2024; the test set is held out by year."


@rule(
    "production-differs",
    Category.data,
    likelihood=4,
    impact=4,
    ask="does the data come from another channel, device, population, period, place or cadence than the "
    "product will meet?",
    move=Move(
        "Collect production-like data first, and test on it",
        "Data from another device, channel, language, population or season says little about the one "
        "the product meets; collect and label a sample from production (or a pilot) before trusting "
        "any score, or narrow the launch to what the data covers",
        "warning",
        first=True,
        done=lambda plan: (
            judged_apart(plan) is not None
            or production_stream(plan) is not None
            or covered_there(plan) is not None
            or only_the_mix(plan)
            or slice_in_the_data(plan) is not None
        ),
    ),
    fires=(
        Case(  # only the mix shifts: the product's own cases, a low note with no data to collect first
            {"constraints.data.differences": ["mix"]},
            evidence=(
                'constraints.data.differences: ["mix"] (the product meets another mix of cases) (the product\'s '
                "own cases in shifting shares: score each segment and watch the mix)",
            ),
        ),
        Case(
            {"constraints.data.differences": ["device", "population"]},
            evidence=(
                'constraints.data.differences: ["device", "population"] (the product meets another device or '
                "camera, population)",
            ),
        ),
        Case(  # the course or the layout changed since the data: another setting, as a new population is
            {"constraints.data.differences": ["conditions"]},
            evidence=(
                'constraints.data.differences: ["conditions"] (the product meets another site, course, route or '
                "layout)",
            ),
        ),
        Case(
            {"constraints.data.differences": ["season"], "done.split": "random"},  # no season backtested
            evidence=(
                'constraints.data.differences: ["season"] (the product meets another season or period)',
            ),
        ),
        Case(  # "no differences", yet the data comes by chat and the product answers the phone
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering phone calls in the service centre.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Chat transcripts of 2024 with the agents\' tags" (the data '
                "comes by chat)",
                'product.users: "Agents answering phone calls in the service centre." (the product meets '
                "phone calls)",
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # "no differences", yet the data counts 12 turbines and the product 400
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Vibration logs of 12 instrumented turbines, 2023-2024",
                "product.users": "Maintenance planners for our 400 turbines.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Vibration logs of 12 instrumented turbines, 2023-2024" '
                "(the data comes from 12 instrumented turbines)",
                'product.users: "Maintenance planners for our 400 turbines." (the product meets 400 turbines, '
                "33 times as many)",
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # none ticked, data of one season, a product used all year
            {
                "constraints.data.differences": None,
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.sources[0].name": "Field photos from the summer of 2024",
                "product.users": "Agronomists scouting fields year-round.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Field photos from the summer of 2024" (the data\'s season: '
                "summer)",
                'product.users: "Agronomists scouting fields year-round." (the product\'s season: year-round)',
                "constraints.data.differences: not answered (is the data like what the product will see?)",
            ),
        ),
        Case(  # "no differences", yet the note says the scanners were swapped
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Invoices scanned on the old Canon scanners until "
                "2023; the post room switched to new scanners since.",
            },
            evidence=(
                'constraints.data.differences_note: "Invoices scanned on the old Canon scanners until 2023; the '
                'post roo..." (the note names a difference: old canon scanners, switched, new scanners)',
                'constraints.data.differences: ["none"] (is the data really like what the product will see?)',
            ),
        ),
        Case(  # named and given to the model as an input: low, saying what the team does
            {
                "constraints.data.differences": ["channel"],
                "constraints.data.differences_note": "Invoices by email are new; the channel is an input of "
                "the model.",
            },
            evidence=(
                'constraints.data.differences: ["channel"] (the product meets another channel)',
                'constraints.data.differences_note: "Invoices by email are new; the channel is an input of the '
                'model." (the difference is an input of the model: is an input)',
            ),
        ),
        Case(  # `none` ticked, while the note says the scans were taken by another crew under another light
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Scanned by our own clerks; the branches will scan under "
                "different lighting.",
            },
        ),
        Case(  # `none` ticked, while the note says the mix of what the product meets is moving
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The share of invoices from foreign suppliers is growing, "
                "from 8% to 25%.",
            },
        ),
        Case(  # the data is the production stream, a season short: medium, and no data to collect first
            {
                "constraints.data.differences": ["season"],
                "constraints.data.sources[0].name": "The production stream of pump readings since March",
            },
            evidence=(
                'constraints.data.differences: ["season"] (the product meets another season or period)',
                'constraints.data.sources[0].name: "The production stream of pump readings since March" (the '
                "data is production's own: the production stream)",
            ),
        ),
        Case(  # a named share of the data in hand is harder: low, a slice to score apart
            {
                "constraints.data.differences": ["language", "mix"],
                "constraints.data.differences_note": "12% of tickets are in French and machine-translated.",
            },
            evidence=(
                'constraints.data.differences: ["language", "mix"] (the product meets another language, mix of '
                "cases)",
                'constraints.data.differences_note: "12% of tickets are in French and machine-translated." (a '
                "share of the data in hand: 12% of tickets; score that slice apart)",
            ),
        ),
        Case(  # device and capture ticked; the only slice is by district, which scores neither
            {
                "constraints.data.differences": ["device", "capture"],
                "constraints.data.differences_note": "Training photos come from the inspectors' phones; the "
                "kiosks use fixed cameras under shop lighting.",
                "done.eval_set": "500 recent photos held out, results broken down by district.",
            }
        ),
        Case(  # the new sites named, nothing said of checking them first: it still asks
            {
                "constraints.data.differences": ["device"],
                "constraints.data.differences_note": "Depots D and E use another scanner.",
            }
        ),
        Case(  # named; only re-validated on each new rig later: low, the first rig's data may still lack
            {
                "constraints.data.differences": ["device"],
                "after_launch.monitoring[0].signal": "Recall on a weekly audit; we re-validate on any change of rig.",
            },
            evidence=(
                'constraints.data.differences: ["device"] (the product meets another device or camera)',
                'after_launch.monitoring[0].signal: "Recall on a weekly audit; we re-validate on any change of '
                'rig." (validated again on a change: re-validate)',
            ),
        ),
        Case(  # shadowed on production's cases, then audited at random for good: a low note
            {
                "constraints.data.differences": ["device", "population"],
                "product.mode": "automate",
                "after_launch.monitoring": [
                    {"signal": "Recall on a random sample of 200 passed parts each month"}
                ],
            },
            evidence=(
                'constraints.data.differences: ["device", "population"] (the product meets another device or '
                "camera, population)",
                'after_launch.monitoring[0].signal: "Recall on a random sample of 200 passed parts each month" (a '
                "shadow run on production's cases first, and a random audit after: score it on that sample)",
            ),
            also=frozenset({"monitoring-without-alerts"}),
        ),
    ),
    quiet=(
        Case(  # chats in one source, e-mails in another: the e-mails the product reads are in hand
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources": [
                    {"name": "Chat transcripts of 2024 with the agents' tags", "acquisition": "own"},
                    {"name": "Support e-mails of 2024 with the agents' tags", "acquisition": "own"},
                ],
                "product.inputs": "The text of the customer's e-mail.",
            }
        ),
        Case(  # e-mail is how the planners get the forecast, not a channel the calls come by
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Inbound calls per half hour, 2022-2025",
                "product.users": "Rota planners of the contact centre, who get the forecast by e-mail.",
            }
        ),
        Case(  # named, and the new sites are labelled and scored before anyone relies on the model there
            {
                "constraints.data.differences": ["device"],
                "constraints.data.differences_note": "Depots D and E use another scanner; their parcels will "
                "be labelled for a month and precision checked before the dispatchers rely on them.",
            }
        ),
        Case(  # named, and the eval set is drawn from the new rig: the score is read where the product works
            {
                "constraints.data.differences": ["device"],
                "done.eval_set": "The test set is 900 frames recorded with the new rig, fog and rain included.",
            }
        ),
        Case(  # named, and the metric is reported per condition: the hard slice is measured, not averaged
            {
                "constraints.data.differences": ["capture"],
                "done.metrics[0].name": "Recall on missed defects, sliced by visibility",
            }
        ),
        Case(  # the production stream, a harder sub-slice scored apart
            {
                "constraints.data.differences": ["season"],
                "constraints.data.sources[0].name": "The production stream of pump readings since March",
                "done.eval_set": "The last six weeks held out by time, results broken down by pump type.",
            }
        ),
        Case(  # named, and the setting it lacks runs in shadow before go-live
            {
                "constraints.data.differences": ["season"],
                "constraints.data.differences_note": "Only summer invoices so far; the winter months run "
                "as a shadow run before go-live.",
            },
        ),
        Case(  # named, and the test set is drawn from production: the score is read there
            {
                "constraints.data.differences": ["device"],
                "constraints.data.differences_note": "Training photos come from the old cameras; the test "
                "set is 800 random production cases from the new ones.",
            },
        ),
        Case(  # named, and each new camera is audited before its flags count
            {"constraints.data.differences": ["device"], "constraints.data.differences_note": _ONBOARDED}
        ),
        Case(  # the same cameras; a replacement to come triggers a re-run on a reference set
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The product sees the same cameras as the data; any camera "
                "replacement triggers a re-run on a fixed reference set.",
            }
        ),
        Case(  # a known change to come, and the model re-validated once it lands
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The meters get new firmware in May; we re-validate the "
                "model on the first month after it before relying on it again.",
            }
        ),
        Case(  # `none` ticked; the note names a replacement only to say the data is the same
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The replacement meters send the same fields at the same "
                "rate: the data is the same.",
            }
        ),
        Case(  # named, and the team checked the two alike: the difference is measured away
            {
                "constraints.data.differences": ["population"],
                "constraints.data.differences_note": "Only members who opt in share their logs; we checked that "
                "returns per member are within 5% for both groups.",
            }
        ),
        Case({"constraints.data.differences": ["later_inputs"]}),
        Case(  # only the training data differs: the test set and audits are production cases
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2024; "
                "training invoices are older. The test set and the audits are random production cases.",
            }
        ),
        Case(  # the note names the swap and how it is handled: an input, and a shadow run on the new kit
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2024; the "
                "scanner model is an input, and a shadow run on the new scanners comes before go-live.",
            }
        ),
        Case(  # a change to come, already given to the model as an input
            {
                "constraints.data.differences": [],
                "constraints.data.test_set_reflects_product": None,
                "constraints.data.differences_note": "A new tariff starts from next year; the tariff band is "
                "an input feature of the model.",
            }
        ),
        Case(  # the note names the swap and says it was checked
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "The post room switched to new scanners in 2023; we "
                "compared 300 invoices scanned on both.",
            }
        ),
        Case({"constraints.data.differences": ["none"], "constraints.data.differences_note": _HELD_OUT}),
        Case(  # the note says nothing differs
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "None: the same scanners and the same suppliers.",
            }
        ),
        Case(  # simulations that are the product's live input too: no difference
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Simulated load cases of the bridge model, 2020-2025",
                "constraints.data.differences_note": "The product only ever sees simulated load cases too.",
            }
        ),
        Case(  # two counts of different units: not compared
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Vibration logs of 12 turbines",
                "product.users": "Maintenance planners for our 400 pumps.",
            }
        ),
        Case(  # the data holds the product's language too
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Support emails in English and German",
                "product.users": "Agents answering customers in German.",
            }
        ),
        Case(  # the same channel on both sides
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Chat transcripts of 2024 with the agents' tags",
                "product.users": "Agents answering the live chat.",
            }
        ),
        Case(  # the changed course is scored on its own before anyone relies on it
            {
                "constraints.data.differences": ["conditions"],
                "done.eval_set": "The first 200 runs on the new course, held out as a test set.",
            }
        ),
        Case(  # e-mail is how staff reach the owner, not the channel the product meets
            {
                "constraints.data.differences": ["none"],
                "constraints.data.sources[0].name": "Survey notes typed in the yard's app",
                "product.decision": "The office checks each draft and e-mails the owner.",
            }
        ),
    ),
)
def production_differs(plan: Plan) -> Evidence:
    """The data in hand differs from what the product will see.

    A model trained and tested on another device, channel, language, population or season learns
    that setting's quirks; its score says little about production, and the gap is found after launch.

    Mitigation: Collect and label a sample from the production setting (a pilot, a shadow run) before
    trusting any score, test on it, and narrow the launch to what the data covers until then.
    """
    kinds = [kind for kind in plan.constraints.data.differences if kind in UNLIKE_PRODUCTION]
    if capture_means_forecasts(plan):  # observed values against forecasts: future-inputs asks it
        kinds = [kind for kind in kinds if kind is not Difference.capture]
    if not kinds:  # none ticked: what the text says of the data's channel, origin, population, period...
        return unticked_difference(plan)
    said = ", ".join(  # "population", not its examples; the shifting mix and changed conditions as things met
        _MET.get(kind) or label(kind).split(" (")[0] for kind in kinds
    )
    found = differences_quote(plan, kinds, f"the product meets another {said}")
    if checked_alike(plan):
        return None  # the team measured the two and found them alike: the premise is checked away
    if judged_there(plan) or covered_there(plan):
        # Named, and judged on the setting it lacks before anyone relies on it (a shadow season, a pilot
        # there, a re-check after the change, a test set from production): the plan does what the risk
        # asks, and a lead does not raise it again.
        return None
    later = revalidated_later(plan)
    if later:  # validated again on each change: a low note, the setting's first data may still lack
        return Tempered(1, (*found, later))
    apart = judged_apart(plan)
    if apart:  # named and given to the model as an input: a low note, the setting's data may still lack
        path = apart.partition(": ")[0]
        kept = tuple(line for line in found if line.partition(": ")[0] != path)
        return Tempered(1, (*kept, apart))
    stream = production_stream(plan)
    if stream:  # the data is the production stream: what differs is its period or share, not its setting
        return Tempered(2, (*found, stream))
    if kinds == [Difference.season] and seasons_backtested(plan):  # one more season like those in hand
        note = "several years in hand, tested after the training data: on a season it never saw"
        return Tempered(1, (*found, quote(plan, "constraints.data.period", note)))
    if only_the_mix(plan):  # the product's own cases, in shares that shift: watch them, nothing to collect
        note = "the product's own cases in shifting shares: score each segment and watch the mix"
        return Tempered(1, (f"{found[0]} ({note})", *found[1:]))
    share = slice_in_the_data(plan)
    if share:  # a named share of the data in hand is harder: a slice to score apart, not data to collect
        kept = tuple(line for line in found if line.partition(": ")[0] != "constraints.data.differences_note")
        return Tempered(2, (*kept, share))
    shadowed = plan.done.online_validation is OnlineValidation.shadow
    audit = first_said(plan, monitor_paths(plan), AUDITED) if shadowed else None
    if audit is not None:
        # Shadowed on production's own cases before it acts, then audited at random for good: the plan
        # collects and labels what the risk asks for; a low note on scoring that sample before relying on it.
        note = "a shadow run on production's cases first, and a random audit after: score it on that sample"
        return Tempered(1, (*found, quote(plan, audit[0], note)))
    if len(kinds) > 1 and (acts_alone(plan) or effective_severity(plan) is Severity.serious):
        return found  # several differences, met by a system acting alone or where errors hurt: a stop
    return Tempered(3, found)  # one difference, or people check each output: worth a decision, not a stop
