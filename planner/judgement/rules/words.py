"""Words in free-text answers that hint at a risk (behaviour, people, harm, adversaries...) and how they are found."""

from __future__ import annotations

import functools
import re

from planner.judgement.rules.base import RECORDED_HISTORY
from planner.plan.model import LabelSource, Plan

# Words that say what a label or a goal is about (lowercase stems, matched at word starts).
BEHAVIOUR = (
    "click",
    "view",
    "watch",
    "vote",
    "like",
    "open",
    "dwell",
    "purchas",
    "bought",
    "buy",
    "share",
    "hired",
    "accepted",
    "approved",
    "selected",
    "engag",
    "impression",
    "play",
)


LASTING = (
    "satisf",
    "quality",
    "relevan",
    "long-term",
    "long term",
    "come back",
    "return",
    "retention",
    "retain",
    "value",
    "trust",
    "fit",
    "loyal",
    "wellbeing",
    "well-being",
    "happ",
    "success",
)


PEOPLE = (
    "people",
    "person",
    "human",
    "manual",
    "by hand",
    "inspector",
    "reviewer",
    "review",
    "agent",
    "analyst",
    "clerk",
    "moderator",
    "radiologist",
    "doctor",
    "nurse",
    "clinician",
    "staff",
    "handler",
    "recruiter",
    "editor",
    "underwriter",
    "operator",
    "expert",
    "team",
    "rotation",
)


HARMFUL = (
    "health",
    "patient",
    "safety",
    "injur",
    "death",
    "money",
    "credit",
    "loan",
    "refus",
    "declin",
    "reject",
    "legal",
    "court",
    "access",
    "job",
    "hire",
    "hiring",
    "benefit",
    "housing",
    "insurance",
    "treatment",
    "diagnos",
    "untreated",
    "arrest",
    "police",
)


OFFLINE_ONLY = r"\b(a/?b|ab test|online|live|shadow|canary|holdout|hold-out|pilot|control|experiment)"


# Events a label counts when it stands for engagement, and events a goal counts when it is about money
# or customers staying: a label of the first kind for a goal of the second is a proxy, ticked or not.
ENGAGEMENT = (
    "click",
    "open",
    "view",
    "watch",
    "log-in",
    "login",
    "log in",
    "logged in",
    "inactiv",
    "visit",
    "dwell",
    "impression",
    "session",
    "usage",
    "tap",
    "scroll",
    "time spent",
    "like",
    "vote",
)


GOAL_EVENTS = (
    "purchas",
    "buy",
    "bought",
    "conversion",
    "convert",
    "sale",
    "revenue",
    "cancel",
    "churn",
    "renew",
    "subscri",
    "spend",
    "order",
    "booking",
    "retention",
    "retain",
    "profit",
    "income",
)


# Words that say a decision stops or hides the case it acts on, so its outcome is never seen.
WITHHOLDS = (
    "block",
    "hold",
    "held",
    "declin",
    "reject",
    "refus",
    "remov",
    "hide",
    "hidden",
    "suspend",
    "deny",
    "denied",
    "ban",
    "freez",
    "froz",
    "quarantin",
    "withh",
    "take down",
    "takedown",
    "filter",
    "not shown",
    "don't show",
    "do not show",
    "stop",
)


# Domains where the positive class fights back.
ADVERSARIAL = (
    "fraud",
    "spam",
    "abuse",
    "abusive",
    "bot",
    "chargeback",
    "scam",
    "fake",
    "phishing",
    "launder",
    "attack",
    "cheat",
    "counterfeit",
    "malware",
    "intrusion",
    "account takeover",
)


# Words that say a label is somebody's judgement rather than a recorded event.
JUDGED = (
    *PEOPLE,
    "auditor",
    "flag",
    "judg",
    "rated",
    "rating",
    "annotat",
    "tagged",
    "boxed",
    "marked",
    "graded",
    "opinion",
    "label",
)


RECORDED = (
    "settled",
    "closed",
    "paid",
    "shipped",
    "sold",
    "cancel",
    "default",
    "chargeback",
    "returned",
    "confirmed",
    "recorded",
    "died",
    "readmit",
    "failed",
    "failure",
    "delivered",
    "biopsy",
)


def recorded_outcome(plan: Plan) -> bool:
    """The label records what happened (outcomes, or records of settled events), over a large history,
    rather than what a person judged."""
    data = plan.constraints.data
    if not data.labels or data.labeled_examples is None or data.labeled_examples < RECORDED_HISTORY:
        return False
    if any(source in data.labels for source in (LabelSource.manual, LabelSource.vendor, LabelSource.proxy)):
        return False
    label = plan.product.label
    if LabelSource.outcomes in data.labels:
        return not mentions(label, JUDGED)
    return bool(mentions(label, RECORDED)) and not mentions(label, JUDGED)


@functools.lru_cache(maxsize=1024)
def _any_of(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?<![a-z])(?:" + "|".join(re.escape(stem) for stem in stems) + ")")


def mentions(text: str | None, stems: tuple[str, ...]) -> str | None:
    """The first of `stems` that starts a word of `text`, if any."""
    if not text:
        return None
    lowered = text.lower()
    if not _any_of(stems).search(lowered):  # one pass for the usual answer: none of them
        return None
    return next((stem for stem in stems if re.search(rf"(?<![a-z]){re.escape(stem)}", lowered)), None)


def mentioned_word(text: str | None, stems: tuple[str, ...]) -> str | None:
    """The whole word of `text` that the first matching stem starts (`log-in` for `log-in`, `cancellation`
    for `cancel`), as the team wrote it."""
    stem = mentions(text, stems)
    if stem is None or text is None:
        return None
    found = re.search(rf"(?<![a-z]){re.escape(stem)}[\w'-]*", text.lower())
    return found.group(0) if found else stem
