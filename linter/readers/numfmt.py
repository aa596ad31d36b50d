"""A number as Excel displays it under its number format.

9.2 with `0.00` is `9.20`, 0.4565 with `0.00%` is `45.65%`, 928050 with `#,##0` is
`928,050`: what the printed-decimals tolerances of the rules need to see. Covered:
General, digits (`0`, `#`, `.`), thousands separators, percent, quoted and escaped
literals (`0.00"万元"`), colours and conditions in brackets (dropped), `_x` and
`*x` padding, and the section for negative numbers. Dates are shown as ISO dates.
Rounding is half away from zero on the decimal value, as Excel does.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_BRACKET_RE = re.compile(r"\[[^\]]*\]")
_DATE_RE = re.compile(r"[ymdhs]", re.I)


def general(value: float | int | Decimal) -> str:
    """Excel's General: an integer without a point, otherwise up to 11 significant digits."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if number == number.to_integral_value() and abs(number) < Decimal(10) ** 11:
        return str(int(number))
    rounded = Decimal(format(number, ".11g"))  # 11 significant digits
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _sections(pattern: str) -> list[str]:
    out, current, quoted = [], [], False
    for char in pattern:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            out.append("".join(current))
            current = []
            continue
        current.append(char)
    out.append("".join(current))
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """(kind, text): `lit` literal text, `num` a digit placeholder run, `pct` a percent sign."""
    out: list[tuple[str, str]] = []
    index = 0
    section = _BRACKET_RE.sub("", section)
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[index + 1 : end]))
            index = end + 1
        elif char == "\\" and index + 1 < len(section):
            out.append(("lit", section[index + 1]))
            index += 2
        elif char == "_" and index + 1 < len(section):
            out.append(("lit", " "))
            index += 2
        elif char == "*" and index + 1 < len(section):
            index += 2
        elif char in "0#?.,":
            end = index
            while end < len(section) and section[end] in "0#?.,":
                end += 1
            out.append(("num", section[index:end]))
            index = end
        elif char == "%":
            out.append(("pct", "%"))
            index += 1
        elif char == "@":
            index += 1
        else:
            out.append(("lit", char))
            index += 1
    return out


def display(value: object, pattern: str | None) -> str:
    """`value` (a cell's number, date or text) as shown under `pattern`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if not isinstance(value, (int, float, Decimal)):
        return str(value)
    pattern = (pattern or "General").strip()
    if pattern.lower() in ("general", "", "@"):
        return general(value)
    sections = _sections(pattern)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    section = sections[0]
    negative = number < 0
    if negative and len(sections) > 1 and sections[1].strip():
        section, number = sections[1], -number
    elif number == 0 and len(sections) > 2 and sections[2].strip():
        section = sections[2]
    if _DATE_RE.search(_BRACKET_RE.sub("", re.sub(r'"[^"]*"', "", section))) and not re.search(r"[0#]", section):
        return general(value)  # a date format on a plain number: shown as the number
    tokens = _tokens(section)
    numbers = [text for kind, text in tokens if kind == "num"]
    if not numbers:
        return "".join(text for _, text in tokens) or general(value)
    if any(kind == "pct" for kind, _ in tokens):
        number *= 100
    placeholder = numbers[0]
    integer_part, _, fraction = placeholder.partition(".")
    decimals = sum(1 for char in fraction if char in "0#?")
    minimum = sum(1 for char in fraction if char == "0")
    trailing_commas = len(integer_part) - len(integer_part.rstrip(","))
    number /= Decimal(1000) ** trailing_commas
    integer_part = integer_part.rstrip(",")
    grouped = "," in integer_part
    try:
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return general(value)
    text = format(abs(rounded), f"{',' if grouped else ''}.{decimals}f")
    if decimals > minimum and "." in text:
        whole, _, digits = text.partition(".")
        digits = digits.rstrip("0")
        digits = digits + "0" * max(0, minimum - len(digits))
        text = whole + ("." + digits if digits else ("." if "." in placeholder else ""))
    min_integer = integer_part.count("0")
    whole, dot, rest = text.partition(".")
    if min_integer == 0 and whole == "0":
        whole = ""
    elif len(whole.replace(",", "")) < min_integer:
        whole = whole.zfill(min_integer)
    text = whole + dot + rest
    sign = "-" if rounded < 0 and (not negative or len(sections) == 1 or not sections[1].strip()) else ""
    out, placed = [], False
    for kind, piece in tokens:
        if kind == "num":
            if not placed:
                out.append(sign + text)
                placed = True
        else:
            out.append(piece)
    return "".join(out)
