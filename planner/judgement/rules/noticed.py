"""Rules on how label errors come to light: corrected only when someone happens to notice them, or only
for the items that come back (a returned item regraded, the rest never), so the record keeps every error
nobody noticed, and the ones in the other direction."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote, source_paths
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Plan

_NOTICING = """notices, noticed, spots, spotted, complains, complained, reports, reported, happens to notice
    happen to notice, happened to notice, happens to report, happen to report, happened to report, points it out
    flags it, flags them""".replace("\n", ",")

# Labels put right only when somebody happens to notice an error: the errors nobody noticed stay in.
ON_NOTICE = Lexicon(
    phrases(
        "corrected, amended, put right, relabelled, relabeled, re-labelled, re-labeled",
        ", only",
        "when, if, unless, once, only when, only if",
        ", *, * *, a *, the *, a * *, the * *",
        _NOTICING,
    )
    + ", "
    + phrases(
        "when, if, unless",
        "someone, somebody, anyone, a customer, customers, a user, users, a colleague",
        "notices, spots, complains, complain, happens to notice, happen to notice, points it out",
    )
    + ", "
    + phrases(
        """corrected, amended, regraded, re-graded, relabelled, relabeled, re-labelled, rechecked, re-checked
        reassessed, re-assessed, reinspected, re-inspected, put right""",
        "when, if, once, only when, only if, only for, on",
        """returned, return, it is returned, they are returned, it comes back, they come back, sent back
        the item comes back, the customer returns it, a customer returns it, disputed, appealed""",
    )
    + ", "
    + phrases(
        "returned items, returns, items returned, items sent back, sent-back items, disputed cases, appealed cases",
        "are, get, were, only are",
        "regraded, re-graded, relabelled, relabeled, rechecked, re-checked, reassessed, re-assessed, corrected",
    )
    + """, only corrected when, only corrected if, only amended when, only amended if, on complaint
    nobody double-checks, nobody checks them, never double-checked, not double-checked, never checked
    never verified, nobody verifies, no one checks, no one double-checks"""
)


@rule(
    "label-corrected-on-notice",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Double-check a random sample of labels, and count the errors",
        "Labels put right only when someone happens to notice keep every error nobody noticed; have a "
        "second person check a random sample, measure how often the label is wrong, and test on the "
        "checked sample",
        "warning",
    ),
    ask="are the labels corrected only when someone happens to notice, so the errors nobody noticed stay "
    "in the data?",
    fires=(
        Case(
            {
                "product.label": "Duplicate flag in the ERP; a flag is corrected when a supplier happens to "
                "report a double payment."
            },
            evidence=(
                'product.label: "Duplicate flag in the ERP; a flag is corrected when a supplier happ..." '
                "(put right only when noticed: corrected when a supplier happens to report; how many "
                "errors did nobody notice?)",
            ),
        ),
        Case(  # only the items that came back are regraded: errors found in one direction
            {
                "product.label": "Condition grade set at intake; items are regraded when a customer returns it."
            },
            evidence=(
                'product.label: "Condition grade set at intake; items are regraded when a customer r..." '
                "(put right only when noticed: regraded when a customer returns it; how many errors did nobody "
                "notice?)",
            ),
        ),
    ),
    quiet=(
        Case({"product.label": "Duplicate flag from the auditors, each checked by a second auditor."}),
        Case({"product.label": "Invoice paid twice, per the bank statement; reported monthly."}),
        Case(  # every item regraded by a second grader, returned or not
            {"product.label": "Grade given at intake, rechecked by a second grader for every item."}
        ),
    ),
)
def label_corrected_on_notice(plan: Plan) -> Evidence:
    """Label errors are corrected only when someone happens to notice.

    A record put right only when a customer complains or a colleague spots an error keeps every error
    nobody noticed; the model learns them, a test set of the same records scores it against them, and
    the errors cluster where nobody looks.

    Mitigation: Have a second person check a random sample of labels, measure the error rate (by kind of
    case), correct or drop the worst slices, and test on the checked sample.
    """
    paths = ["product.label", "constraints.data.differences_note"]
    paths += source_paths(plan)
    paths += [f"by_hand.noticed[{i}]" for i in range(len(plan.by_hand.noticed))]
    found = first_said(plan, paths, ON_NOTICE)
    if found is None:
        return None
    path, words = found
    note = f"put right only when noticed: {', '.join(words)}; how many errors did nobody notice?"
    return Hint(words, (quote(plan, path, note),))
