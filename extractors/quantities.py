"""Money, stakes and dates as Chinese news writes them, normalized.

>>> found = parse_amounts("高达140亿美元的投资")[0].amount
>>> found.value, found.currency, found.qualifier
(Decimal('14000000000'), 'USD', 'exact')
>>> parse_amounts("数十亿美元")[0].amount.qualifier
'range'
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from extractors.model import Amount, When

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALES = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
_EN_SCALES = {"trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "million": Decimal(10) ** 6}
CURRENCIES = {
    "美元": "USD",
    "美金": "USD",
    "人民币": "CNY",
    "元人民币": "CNY",
    "元": "CNY",
    "港元": "HKD",
    "港币": "HKD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "韩元": "KRW",
    "新台币": "TWD",
}
_QUALIFIERS = {
    "over": ("超过", "超", "逾", "多于", "高于", "突破", "至少", "不低于", "不少于"),
    "about": ("接近", "将近", "近", "约为", "约", "大约", "大概", "约合", "估计", "大约为"),
    "under": ("不到", "不足", "低于", "少于", "不超过", "最多", "至多"),
    "exact": ("高达", "达到", "达", "为", "共计", "总计", "合计"),
}
_QUALIFIER_WORD = "|".join(sorted((w for ws in _QUALIFIERS.values() for w in ws), key=len, reverse=True))
_NUMBER = r"[0-9]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千]+"
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_CURRENCY = "|".join(sorted(CURRENCIES, key=len, reverse=True))

_AMOUNT = re.compile(
    rf"(?P<qual>{_QUALIFIER_WORD})?\s*(?P<few>数|几|上)?(?P<num>{_NUMBER})?\s*(?P<scale>{_SCALE})?\s*"
    rf"(?P<cur>{_CURRENCY})(?P<more>以上|多|左右|上下)?"
)
_AMOUNT_EN = re.compile(
    r"(?P<qual>nearly|about|around|over|more than|almost|up to)?\s*(?P<sym>US\$|\$|€|£)\s*"
    r"(?P<num>[0-9]+(?:\.[0-9]+)?)\s*(?P<scale>trillion|billion|million)?"
)


@dataclass(frozen=True)
class Found:
    """A quantity found in text: its span relative to the searched string, and its value."""

    start: int
    end: int
    amount: Amount


def _chinese_number(text: str) -> Decimal | None:
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)*", text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # "1.2.3": not a number, whatever follows it
            return None
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            total += (current or 1) * _SMALL_UNITS[ch]
            current = 0
        else:
            return None
    return Decimal(total + current)


def _canonical(value: Decimal) -> Decimal:
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def parse_amounts(text: str) -> list[Found]:
    """Every sum of money in ``text``, in order."""
    found = []
    for match in _AMOUNT.finditer(text):
        currency = CURRENCIES[match.group("cur")]
        scale = _SCALES.get(match.group("scale") or "", Decimal(1))
        number = match.group("num")
        few = match.group("few")
        # "元" alone after a bare number is too weak a signal (dates, counts): require a scale.
        if match.group("cur") == "元" and not match.group("scale"):
            continue
        if few and (number is None or number in _SMALL_UNITS):
            # 数十亿 = tens of 亿: [10, 100) × 亿; 数亿 = [1, 10) × 亿; 数百万 = [100, 1000) × 万.
            unit = _SMALL_UNITS.get(number or "", 1)
            low, high = Decimal(unit) * scale, Decimal(unit * 10) * scale
            amount = Amount(_canonical(low), currency, "range", _canonical(high), match.group().strip())
        else:
            if number is None:
                continue
            value = _chinese_number(number)
            if value is None:
                continue
            qualifier = "exact"
            word = match.group("qual")
            if word:
                qualifier = next(q for q, ws in _QUALIFIERS.items() if word in ws)
            more = match.group("more")
            if more in ("以上", "多"):
                qualifier = "over"
            elif more in ("左右", "上下"):
                qualifier = "about"
            amount = Amount(_canonical(value * scale), currency, qualifier, None, match.group().strip())
        start = (
            match.start("qual") if match.group("qual") else match.start("few") if few else match.start("num")
        )
        found.append(Found(start, match.end(), amount))
    for match in _AMOUNT_EN.finditer(text):
        scale = _EN_SCALES.get(match.group("scale") or "", Decimal(1))
        currency = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}[match.group("sym")]
        qualifier = {
            "nearly": "about",
            "about": "about",
            "around": "about",
            "almost": "about",
            "over": "over",
            "more than": "over",
            "up to": "exact",
        }.get(match.group("qual") or "", "exact")
        value = _canonical(Decimal(match.group("num")) * scale)
        start = match.start("qual") if match.group("qual") else match.start("sym")
        amount = Amount(value, currency, qualifier, None, text[start : match.end()])
        found.append(Found(start, match.end(), amount))
    return sorted(found, key=lambda f: f.start)


_STAKE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[%％]\s*(?:的)?\s*(?:股权|股份|股票|权益|的股权|的股份)")
_STAKE_BEFORE = re.compile(
    r"(?:持股(?:比例)?|持有|占股|股权比例|股份比例)\s*(?:约为|约|为|达到|达)?\s*(?:约)?\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]"
)


def parse_stake(text: str) -> Decimal | None:
    """The share of a company a deal is about: ``49%的股权`` -> Decimal('0.49')."""
    match = _STAKE.search(text) or _STAKE_BEFORE.search(text)
    if not match:
        return None
    return _canonical(Decimal(match.group(1)) / 100)


_DATE = re.compile(
    r"(?:(?P<year>[12][0-9]{3})年|(?P<rel>今年|去年|前年|明年|同年|当年))?"
    r"(?:(?P<month>1[0-2]|0?[1-9])月(?:份)?(?:(?P<day>3[01]|[12][0-9]|0?[1-9])日)?)?"
)
# A month told from the publication date: 本月, 上月底, 上个月15日, 下月初
_RELATIVE_MONTH = re.compile(
    r"(?P<rel>本月|上个?月|下个?月)(?:(?P<day>3[01]|[12][0-9]|0?[1-9])日|初|中旬|上旬|下旬|底|末)?"
)
_MONTH_STEP = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_ISO = re.compile(
    r"(?<![0-9])(?P<year>[12][0-9]{3})[-/.](?P<month>1[0-2]|0?[1-9])(?:[-/.](?P<day>3[01]|[12][0-9]|0?[1-9]))?(?![0-9])"
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    when: When
    explicit_year: int | None


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def parse_dates(
    text: str,
    published_year: int | None,
    context_year: int | None = None,
    published_month: int | None = None,
) -> list[FoundDate]:
    """Dates in ``text`` with their precision, relative ones resolved.

    ``今年`` is the publication year, ``同年`` the last year named before (``context_year``,
    updated as the text goes on), a bare ``11月`` the context year; ``本月``, ``上月``, ``下个月``
    count from the publication month (``published_month``), when it is known.
    """
    found: list[FoundDate] = []
    year_in_view = context_year
    for match in _DATE.finditer(text):
        if not match.group():
            continue
        year_text, rel, month, day = (
            match.group("year"),
            match.group("rel"),
            match.group("month"),
            match.group("day"),
        )
        if not (year_text or rel) and not month:
            continue
        if rel and not month and rel not in ("今年", "去年", "前年", "明年"):
            continue
        year: int | None
        if year_text:
            year = int(year_text)
        elif rel in ("今年", "去年", "前年", "明年"):
            year = (
                None
                if published_year is None
                else published_year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[rel]
            )
        else:
            year = year_in_view if year_in_view is not None else published_year
        if year is None:
            continue
        # "2016年" inside "2016年成立的" is a year; "28岁" is not a date; "3月" alone needs a year.
        if month and day and not _real_day(year, int(month), int(day)):
            continue  # 2月31日 names no day
        if month and day:
            when = When(f"{year:04d}-{int(month):02d}-{int(day):02d}", "day", match.group())
        elif month:
            when = When(f"{year:04d}-{int(month):02d}", "month", match.group())
        else:
            when = When(f"{year:04d}", "year", match.group())
        if year_text or rel:
            year_in_view = year
        found.append(FoundDate(match.start(), match.end(), when, year if (year_text or rel) else None))
    if published_year is not None and published_month is not None:
        for match in _RELATIVE_MONTH.finditer(text):
            counted = published_year * 12 + published_month - 1 + _MONTH_STEP[match.group("rel")]
            month_of = f"{counted // 12:04d}-{counted % 12 + 1:02d}"
            day = match.group("day")
            if day and _real_day(counted // 12, counted % 12 + 1, int(day)):
                when = When(f"{month_of}-{int(day):02d}", "day", match.group())
            else:
                when = When(month_of, "month", match.group())
            found.append(FoundDate(match.start(), match.end(), when, None))
    for match in _ISO.finditer(text):
        y, m, d = match.group("year"), match.group("month"), match.group("day")
        if d and not _real_day(int(y), int(m), int(d)):
            continue
        when = When(f"{y}-{int(m):02d}-{int(d):02d}", "day") if d else When(f"{y}-{int(m):02d}", "month")
        found.append(FoundDate(match.start(), match.end(), when, int(y)))
    return sorted(found, key=lambda f: f.start)
