"""extractors.quantities: money, stakes and dates as Chinese business news writes them, normalized.

Amounts become Amount(value, currency, qualifier[, upper]): 超过100亿美元 is "over" ten billion USD,
数十亿美元 the range [1e9, 1e10). Stakes become fractions (49%的股权 -> 0.49). Dates keep their
precision and resolve 今年/去年/同年 against the publication year and the year the text last named.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities import parse_amounts, parse_dates, parse_stake

# ---------------------------------------------------------------------------------------------
# Amounts


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier", "upper"),
    [
        ("143亿美元", "14300000000", "USD", "exact", None),
        ("超过 100 亿美元", "10000000000", "USD", "over", None),
        ("超过100亿美元", "10000000000", "USD", "over", None),
        ("逾20亿港元", "2000000000", "HKD", "over", None),
        ("5亿美元以上", "500000000", "USD", "over", None),
        ("接近150亿美元", "15000000000", "USD", "about", None),
        ("约为55亿美元", "5500000000", "USD", "about", None),
        ("近30亿元", "3000000000", "CNY", "about", None),
        ("1.2亿美元左右", "120000000", "USD", "about", None),
        ("不到1亿美元", "100000000", "USD", "under", None),
        ("高达140亿美元", "14000000000", "USD", "exact", None),
        ("数十亿美元", "1000000000", "USD", "range", "10000000000"),
        ("几十亿美元", "1000000000", "USD", "range", "10000000000"),
        ("数亿元", "100000000", "CNY", "range", "1000000000"),
        ("数百万美元", "1000000", "USD", "range", "10000000"),
        ("5000万元", "50000000", "CNY", "exact", None),
        ("3.5亿元人民币", "350000000", "CNY", "exact", None),
        ("三亿元人民币", "300000000", "CNY", "exact", None),
        ("两千万美元", "20000000", "USD", "exact", None),
        ("1,200万美元", "12000000", "USD", "exact", None),
        ("2亿欧元", "200000000", "EUR", "exact", None),
        ("100万英镑", "1000000", "GBP", "exact", None),
        ("1.5万亿日元", "1500000000000", "JPY", "exact", None),
        ("2亿美金", "200000000", "USD", "exact", None),
        ("$15 billion", "15000000000", "USD", "exact", None),
        ("nearly $15 billion", "15000000000", "USD", "about", None),
        ("over $1 billion", "1000000000", "USD", "over", None),
        ("about $300 million", "300000000", "USD", "about", None),
        ("US$2.5 billion", "2500000000", "USD", "exact", None),
    ],
)
def test_an_amount_is_normalized_to_value_currency_and_qualifier(
    text: str, value: str, currency: str, qualifier: str, upper: str | None
) -> None:
    [found] = parse_amounts(text)
    amount = found.amount
    assert (amount.value, amount.currency, amount.qualifier) == (Decimal(value), currency, qualifier)
    assert amount.upper == (Decimal(upper) if upper else None)
    assert amount.value == amount.value.to_integral_value()
    assert str(amount.value) == value  # canonical: no exponent, no trailing zeros


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Meta向Scale AI投资了143亿美元，获得49%的股权。", "143亿美元"),
        ("这笔交易的金额超过 100 亿美元。", "超过 100 亿美元"),
        ("公司完成了约为55亿美元的融资", "约为55亿美元"),
        ("公司为此投入数十亿美元", "数十亿美元"),
        ("融资5000万元人民币", "5000万元人民币"),
        ("Meta would pay nearly $15 billion", "nearly $15 billion"),
    ],
)
def test_an_amount_in_a_sentence_is_found_at_its_exact_span(text: str, found: str) -> None:
    [item] = parse_amounts(text)
    assert text[item.start : item.end] == found == item.amount.text


def test_an_english_amount_after_a_space_starts_at_its_currency_sign() -> None:
    text = "投资了 $15 billion"
    [item] = parse_amounts(text)
    assert text[item.start : item.end] == "$15 billion"


def test_several_amounts_come_in_text_order() -> None:
    text = "Scale AI的估值从140亿美元跃升至超过290亿美元，Meta则投资了约150亿美元"
    assert [(f.amount.value, f.amount.qualifier) for f in parse_amounts(text)] == [
        (Decimal("14000000000"), "exact"),
        (Decimal("29000000000"), "over"),
        (Decimal("15000000000"), "about"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "亚历山大·王28岁",
        "公司共有500名员工",
        "月活跃用户突破200万",
        "员工月薪3000元",  # a bare number and 元: a price or a salary, not a deal
        "营收增长了30%",
        "2016年成立",
        "",
    ],
)
def test_things_that_are_not_sums_of_money(text: str) -> None:
    assert parse_amounts(text) == []


AMOUNT_PIECES = st.sampled_from(
    [
        "超过",
        "接近",
        "约为",
        "逾",
        "数",
        "几",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "美元",
        "元",
        "人民币",
        "港元",
        "以上",
        "左右",
        "1",
        "4",
        "3.5",
        "1,200",
        "两",
        "三",
        " ",
        "投资",
        "，",
        "的",
        "估值",
        "年",
        "%",
    ]
)


def test_a_malformed_number_is_no_amount_and_no_crash() -> None:
    assert parse_amounts("1.2.3亿元") == []


@settings(max_examples=300)
@given(st.lists(AMOUNT_PIECES, max_size=14).map("".join))
def test_every_chinese_amount_found_slices_to_its_text(text: str) -> None:
    found = parse_amounts(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.amount.text
        assert item.amount.value >= 0
        assert item.amount.qualifier in ("exact", "about", "over", "under", "range")
        assert (item.amount.upper is not None) == (item.amount.qualifier == "range")


# ---------------------------------------------------------------------------------------------
# Stakes


@pytest.mark.parametrize(
    ("text", "stake"),
    [
        ("获得49%的股权", "0.49"),
        ("Meta持股11%", "0.11"),
        ("持有该公司5.5%的股份", "0.055"),
        ("收购其30%股份", "0.3"),
        ("股权比例为15%", "0.15"),
        ("占股约20%", "0.2"),
        ("持股比例约为15%", "0.15"),
        ("持股达到5.5%", "0.055"),
        ("获得49％的股权", "0.49"),  # full-width percent sign
        ("投资后持有Scale AI 49%的股份", "0.49"),
    ],
)
def test_a_stake_is_a_fraction(text: str, stake: str) -> None:
    assert parse_stake(text) == Decimal(stake)


@pytest.mark.parametrize("text", ["营收增长了30%", "市场份额达40%", "毛利率为55%", "投资143亿美元"])
def test_a_percentage_that_is_no_share_of_a_company_is_no_stake(text: str) -> None:
    assert parse_stake(text) is None


# ---------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "published_year", "context_year", "expected"),
    [
        ("今年1月20日", 2025, None, [("今年1月20日", "2025-01-20", "day")]),
        ("今年3月", 2025, None, [("今年3月", "2025-03", "month")]),
        ("去年", 2025, None, [("去年", "2024", "year")]),
        ("去年9月", 2025, None, [("去年9月", "2024-09", "month")]),
        ("前年", 2025, None, [("前年", "2023", "year")]),
        ("明年", 2025, None, [("明年", "2026", "year")]),
        ("2016年", 2025, None, [("2016年", "2016", "year")]),
        ("公司于2016年成立", 2025, None, [("2016年", "2016", "year")]),
        ("2024年12月31日", 2025, None, [("2024年12月31日", "2024-12-31", "day")]),
        ("1月份", 2025, None, [("1月份", "2025-01", "month")]),
        ("5月13日晚间", 2025, None, [("5月13日", "2025-05-13", "day")]),
        # a bare month or 同年/当年 is the year the text is talking about, else the publication year
        ("11月", 2025, 2024, [("11月", "2024-11", "month")]),
        ("11月", 2025, None, [("11月", "2025-11", "month")]),
        ("同年11月", 2025, 2024, [("同年11月", "2024-11", "month")]),
        ("当年5月", 2025, 2019, [("当年5月", "2019-05", "month")]),
        (
            "2024年3月，公司成立；同年11月，公司完成融资",
            2025,
            None,
            [("2024年3月", "2024-03", "month"), ("同年11月", "2024-11", "month")],
        ),
        (
            "2016年公司成立，3月5日正式发布产品",
            2025,
            None,
            [("2016年", "2016", "year"), ("3月5日", "2016-03-05", "day")],
        ),
    ],
)
def test_a_date_is_resolved_with_its_precision(
    text: str, published_year: int, context_year: int | None, expected: list[tuple[str, str, str]]
) -> None:
    found = parse_dates(text, published_year, context_year)
    assert [(text[f.start : f.end], f.when.value, f.when.precision) for f in found] == expected
    assert all(f.when.text == text[f.start : f.end] for f in found)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [("2025-03-05", "2025-03-05", "day"), ("2025/3/5", "2025-03-05", "day"), ("2024.11", "2024-11", "month")],
)
def test_numeric_dates(text: str, value: str, precision: str) -> None:
    [found] = parse_dates(text, 2025)
    assert (found.when.value, found.when.precision, found.explicit_year) == (value, precision, int(value[:4]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他已于本月卸任总裁一职", [("本月", "2026-01", "month")]),
        ("联合创始人已于本月初离职", [("本月初", "2026-01", "month")]),
        ("上个月，公司签下一份政务合同", [("上个月", "2025-12", "month")]),  # across the new year
        ("上月15日，公司发布新品", [("上月15日", "2025-12-15", "day")]),
        ("新车将于下月底交付", [("下月底", "2026-02", "month")]),
        ("过去5个月，公司营收翻倍", []),  # a duration, not a month
    ],
)
def test_a_month_told_from_the_publication_month(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = parse_dates(text, 2026, None, published_month=1)
    assert [(text[f.start : f.end], f.when.value, f.when.precision) for f in found] == expected
    assert parse_dates(text, 2026) == []  # without the month of publication, there is nothing to count from


def test_relative_years_need_a_publication_date() -> None:
    assert parse_dates("今年3月", None) == []
    assert parse_dates("去年", None) == []
    assert [f.when.value for f in parse_dates("2016年", None)] == ["2016"]


def test_the_year_a_date_names_is_reported_so_that_the_text_can_carry_it_on() -> None:
    named, bare = parse_dates("2023年11月，公司完成A轮融资。12月，公司发布了首款芯片。", 2025)
    assert named.explicit_year == 2023 and bare.explicit_year is None
    assert bare.when.value == "2023-12"


@pytest.mark.parametrize("text", ["亚历山大·王28岁", "同比增长15%", "第3季度", "4.5 Turbo", "同年", "当年"])
def test_things_that_are_not_dates(text: str) -> None:
    assert parse_dates(text, 2025) == []
