"""How the graph modules write numbers, amounts and error messages for people to read.

One place, so that ``explain``, ``diff``, ``evaluate`` and the JSON of ``extract`` print the same
figure the same way, and every error shown on one line is cut the same way.
"""

from __future__ import annotations

from decimal import Decimal

from ontology.iris import decimal_lexical


def json_number(value: Decimal) -> int | float:
    """A JSON number: integral amounts stay exact integers (14300000000), others are floats (0.49)."""
    return int(value) if value == value.to_integral_value() else float(value)


def amount_text(
    value: Decimal | str, currency: str, qualifier: str, upper: Decimal | str | None = None
) -> str:
    """``14300000000 USD (exact)``; a range as ``10–15 CNY``.

    >>> amount_text("1.4E10", "USD", "about"), amount_text("10", "CNY", "range", "15")
    ('14000000000 USD (about)', '10–15 CNY')
    """
    if upper is not None and upper != "":
        return f"{decimal_lexical(value)}–{decimal_lexical(upper)} {currency}"
    return f"{decimal_lexical(value)} {currency} ({qualifier})"


def first_line(message: object, default: str | None = None) -> str:
    """The first line of an error message (parsers and servers explain on many lines).

    An empty message gives ``default``, else an exception's class name, else "".
    """
    text = str(message).strip()
    if text:
        return text.splitlines()[0]
    if default is not None:
        return default
    return type(message).__name__ if isinstance(message, BaseException) else ""


__all__ = ["amount_text", "first_line", "json_number"]
