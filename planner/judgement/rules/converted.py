"""Rules on values converted into the target system's dates, units, currencies or codes.

An extraction, or a generation that fills records, writes values another system must take: an ISO date
from '03/04', a decimal in the ledger's currency from '1.250,00 EUR', our product code from the
supplier's. A lead asks who converts them. A model that converts as it reads gets one now and then
wrong in a way nothing shows; the lead has it extract verbatim, converts in code, and tests the
conversion. The rule reasons from `product.conversion`; where it is unanswered, words only say that
values are converted, and the question is whether that is tested apart.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, metric_name_paths, quote
from planner.judgement.rules.extracted import written_alone
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Conversion, Plan, Severity, TaskType

# Words saying an extracted value is converted into the target system's units, codes or formats.
CONVERTED = Lexicon("""
    convert, converts, converted, conversion, conversions, currency conversion, exchange rate
    exchange rates, mapped to, maps to, mapping to, map to, normalised to, normalized to, normalise
    normalize, into our codes, to our codes, our product codes, internal codes, product codes, sku, skus
    code list, units of measure, unit of measure, date format, date formats, iso date, iso dates
    unit conversion, unit conversions, metric units, imperial units, base unit, base units, iso 8601
    currency code, currency codes, country code, country codes, iso codes, ledger currency, base currency
    home currency, reporting currency, gl code, gl codes, nominal code, nominal codes, tariff code
    tariff codes, hs code, hs codes, icd-10 codes, icd codes
""")

# Words saying the conversion is scored or tested on its own.
CONVERSION_TESTED = Lexicon("""
    conversion tested, conversions tested, conversion accuracy, conversion errors, conversion error
    mapping accuracy, mapping errors, mapping tested, after conversion, converted value, converted values
    tested apart, tested separately, scored apart, scored separately, unit tests
""")

_CONVERTED_AT = ("product.output", "product.decision", "product.inputs", "product.label", "product.delivery")
_FILLS_RECORDS = (TaskType.extraction, TaskType.generation)


def _model_converts(plan: Plan) -> bool:
    return plan.product.conversion in (Conversion.model, Conversion.not_decided)


# Where the model itself converts, the lead's advice is where the conversion lives, not only its test.
_CONVERT_IN_CODE = Instead(
    _model_converts,
    Move(
        "Have the model write values as the source says them, and convert them in code, with tests",
        "A model asked for an ISO date, a price in the ledger's currency or our own product code converts "
        "as it reads, and a day and month swapped or a code mapped to its neighbour looks like any right "
        "value: extract verbatim, convert in code with a test per format, unit and code list, and count "
        "the values it cannot convert",
        "warning",
    ),
    "Have the model write each value as the document says it (the date as printed, the amount with its "
    "currency, the supplier's own code); convert in code (date formats, units, currencies at the rate of "
    "the right day, code lists), with unit tests for every format and a count of values that did not "
    "convert, routed to a person; score the converted value against the system of record.",
    title="The model converts values into the target system's dates, units, currencies or codes",
)


@rule(
    "extracted-values-converted-untested",
    Category.model,
    likelihood=4,
    impact=4,
    ask="are values converted to the target system's units, codes or formats, and is that tested apart?",
    move=Move(
        "Test the conversion to the target system's units, codes and formats apart",
        "A value read right can still be written wrong: a currency, a date order, a unit or a product "
        "code mapped to the target system is where errors hide; score the converted value, not only "
        "the text read",
        "warning",
    ),
    instead=(_CONVERT_IN_CODE,),
    fires=(
        Case(
            {
                "product.task": "extraction",
                "product.output": "Invoice lines, each item mapped to our product codes.",
            },
            evidence=(
                'product.task: "extraction"',
                'product.output: "Invoice lines, each item mapped to our product codes."',
                "no metric or evaluation set scores the converted value apart",
            ),
        ),
        Case(  # the model converts, and the values go into the record unchecked: high
            {"product.task": "extraction", "product.conversion": "model", "product.mode": "automate"},
            evidence=(
                'product.task: "extraction"',
                'product.conversion: "model" (the model converts values as it writes them)',
                'product.mode: "automate" (no person checks each value before it is written)',
            ),
        ),
        Case({"product.task": "generation", "product.conversion": "model", "product.mode": "augment"}),
        Case({"product.task": "extraction", "product.conversion": "not_decided"}),
        Case(  # a person confirms, but a wrong value let through can hurt someone: one step more, high
            {
                "product.task": "extraction",
                "product.conversion": "not_decided",
                "impact.error_severity": "serious",
                "impact.harm_kinds": ["health"],
            },
            evidence=(
                'product.task: "extraction"',
                'product.conversion: "not_decided" (nobody decided who converts values)',
                'impact.error_severity: "serious" (with a harm to health or safety in impact.harm_kinds: an '
                "error let through can hurt someone)",
            ),
        ),
    ),
    quiet=(
        Case(  # the conversion is scored on its own
            {
                "product.task": "extraction",
                "product.output": "Invoice lines, each item mapped to our product codes.",
                "done.metrics": [{"name": "mapping accuracy on product codes", "target": 0.99}],
            }
        ),
        Case({"product.task": "extraction", "product.output": "The invoice total, as printed."}),
        Case(  # code converts after a verbatim read
            {
                "product.task": "extraction",
                "product.conversion": "code",
                "product.mode": "automate",
                "product.output": "Invoice lines, each item mapped to our product codes.",
            }
        ),
        Case({"product.task": "generation", "product.conversion": "none_needed"}),
        Case(  # a reply letter a person reads whole, quoting figures: nothing decided, nothing to convert to
            {
                "product.task": "generation",
                "product.conversion": "not_decided",
                "product.delivery": "new_view",
                "product.mode": "augment",
                "product.output": "A draft reply to each planning objection, quoting the site's measurements.",
            }
        ),
        Case({"product.task": "classification", "product.conversion": "model"}),
    ),
)
def extracted_values_converted_untested(plan: Plan) -> Evidence:
    """Extracted values are converted to the target system's units, codes or formats, untested apart.

    A document says '03/04', '1.250,00', 'EUR' and the supplier's own item number; the system of record
    wants an ISO date, a decimal in the ledger's currency and its own product code. The read text can be
    right and the written value wrong (a date order swapped, a rate from the wrong day, a code mapped to
    a near neighbour), and a score of the text read never sees it. A model that converts as it reads
    makes those errors now and then, with nothing to show which; code converts the same way every time,
    and a test shows where.

    Mitigation: Keep the conversion in code, apart from the model; score the converted value against
    the system of record on the evaluation set, and each conversion (dates, currencies, units, codes)
    with its own tests and a count of values it could not map.
    """
    task = plan.product.task
    if task not in _FILLS_RECORDS or plan.product.conversion in (Conversion.code, Conversion.none_needed):
        return None
    filled = quote(plan, "product.task")
    if _model_converts(plan):
        if plan.product.conversion is Conversion.not_decided:
            if task is TaskType.generation and not written_alone(plan):
                return (
                    None  # a text a person reads whole quotes its figures: no system's format to convert to
                )
            return Tempered(
                3, (filled, quote(plan, "product.conversion", "nobody decided who converts values"))
            )
        said = (filled, quote(plan, "product.conversion", "the model converts values as it writes them"))
        alone = written_alone(plan)
        if alone and effective_severity(plan) is not Severity.minor:
            return (*said, alone)  # converted by the model and written into the record unchecked
        return Tempered(3, (*said, alone) if alone else said)
    if task is not TaskType.extraction:
        return None
    found = first_said(plan, _CONVERTED_AT, CONVERTED)
    if found is None:
        return None
    metrics = metric_name_paths(plan)
    if first_said(plan, (*metrics, "done.eval_set", "done.worst_error_metric"), CONVERSION_TESTED):
        return None
    path, words = found
    return Hint(
        words, (filled, quote(plan, path), "no metric or evaluation set scores the converted value apart")
    )
