"""Money as a plan writes it: `$0.02`, `0.02 USD`, `€1,000` read as an amount and an ISO currency."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


_AMOUNT = r"[0-9][0-9,_]*(?:\.[0-9]+)?"


_MONEY = rf"^\s*(?:([$€£¥])\s*({_AMOUNT})\s*([A-Za-z]{{3}})?|({_AMOUNT})\s*([A-Za-z]{{3}}))\s*$"


MONEY_SCHEMA = {"type": "string", "pattern": _MONEY}


def split_money(value: Any) -> tuple[Any, str | None]:
    """`$0.02`, `0.02 USD` or `€1,000` as (amount, ISO currency); anything else passes through."""
    match = re.match(_MONEY, value) if isinstance(value, str) else None
    if not match:
        return value, None
    symbol, amount, code = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(2)
        else (
            None,
            match.group(4),
            match.group(5),
        )
    )
    return float(amount.replace(",", "").replace("_", "")), _SYMBOLS.get(symbol or "") or (code or "").upper()


Currency = Annotated[
    str,
    BeforeValidator(lambda value: value.strip().upper() if isinstance(value, str) else value),
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="An ISO 4217 currency code such as EUR, USD or GBP."),
]
