"""Rules on the same thing under several identities, on both sides of a split.

One part sold under several suppliers' numbers, one person with several accounts, one product listed
by several sellers, one video uploaded again: a split by row, or by the identity the data carries,
puts copies of a test item in training, and the score measures recall of the copy. A lead asks how
duplicates are resolved before the split.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, Split

# Words saying one thing can appear under several identities.
SEVERAL_IDENTITIES = Lexicon("""
    several sellers, multiple sellers, many sellers, different sellers, several suppliers' numbers
    rebranded, rebadged, relisted, re-listed, relistings, re-uploads, re-uploaded, reuploads, reuploaded
    reposted, reposts, cross-posted, cross-listed, multiple accounts, several accounts, second accounts
    duplicate accounts, several part numbers, multiple part numbers, oe numbers, oem numbers
    cross-reference numbers, cross reference numbers, near-duplicates, near duplicates, resubmitted
    resubmissions, same product from several, same part from several, several listings of the same
""")

# Words saying duplicates are resolved before the split.
RESOLVED = Lexicon("""
    deduplicated, de-duplicated, deduped, de-duped, duplicates removed, duplicates merged, merged duplicates
    near-duplicates removed, near duplicates removed, duplicates resolved, resolved duplicates
    entity resolution, clustered before splitting, grouped by the underlying, by canonical, canonical id
    canonical ids, one identity
""")

_SAID_IN = (
    "product.inputs",
    "product.pain",
    "product.current_solution",
    "constraints.data.repeated_unit",
    "constraints.data.differences_note",
    "done.eval_set",
)

_SPLIT = {
    Split.random: "rows drawn at random: copies of one thing fall on both sides",
    Split.group: "groups held out by the identity the data carries: another identity of the same thing stays in",
}


def _sources(plan: Plan) -> tuple[str, ...]:
    return tuple(f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources)))


@rule(
    "duplicates-cross-the-split",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Resolve duplicates before splitting",
        "The same thing under several identities (a part under several numbers, a person with several "
        "accounts, a product from several sellers, a re-upload) leaks across a random or group split: "
        "cluster near-duplicates first (shared codes, images, text similarity), split by cluster, and "
        "check how many test items have a near-copy in training",
        "warning",
    ),
    ask="how are duplicates of one thing under several identities resolved before the split?",
    fires=(
        Case(
            {
                "product.inputs": "Title and photos; one product is sold by several sellers.",
                "done.split": "random",
            },
            evidence=(
                'product.inputs: "Title and photos; one product is sold by several sellers." (one thing under '
                "several identities: several sellers)",
                'done.split: "random" (rows drawn at random: copies of one thing fall on both sides)',
            ),
        ),
    ),
    quiet=(
        Case({"done.split": "random"}),  # nothing says a thing comes under several identities
        Case(  # resolved before the split
            {
                "product.inputs": "Title and photos; one product is sold by several sellers.",
                "done.split": "group",
                "done.eval_set": "Listings deduplicated into products first, then whole products held out.",
            }
        ),
        Case(  # a split by time: new items arrive in the test set as in production
            {
                "product.inputs": "Title and photos; one product is sold by several sellers.",
                "done.split": "time",
            }
        ),
    ),
)
def duplicates_cross_the_split(plan: Plan) -> Evidence:
    """The same thing under several identities can sit on both sides of the split.

    One part sold under several suppliers' numbers, one person with several accounts, one product
    listed by several sellers, a video uploaded again: a random split puts copies of a test item in
    training, and a split by the identity the data carries (the SKU, the account) does too, since the
    copy has another identity. The model is scored on what it has seen, and the score overstates it.

    Mitigation: Resolve duplicates before splitting: cluster near-copies (shared codes, image or text
    similarity), split by cluster, and count how many test items have a near-copy in training.
    """
    split = plan.done.split
    if split not in _SPLIT:
        return None
    paths = (*_SAID_IN, *_sources(plan))
    said = first_said(plan, paths, SEVERAL_IDENTITIES)
    if said is None or first_said(plan, paths, RESOLVED):
        return None
    path, words = said
    note = f"one thing under several identities: {', '.join(words)}"
    return Hint(words, (quote(plan, path, note), quote(plan, "done.split", _SPLIT[split])))
