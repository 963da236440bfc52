"""extractors.mentions: products named by a work's 《title》 (``mentions.work_title.v1``) and figures with
a unit that are no products. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from extractors.mentions import find_mentions
from extractors.model import Document


def named(raw: str) -> dict[str, str]:
    """Each mention's text and type."""
    return {m.text: m.type for m in find_mentions(Document.from_text(raw, "news.txt", "2026-03-02"))}


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("这家工作室的代表作、武侠动作游戏《青锋录》去年在主机平台发售。", "青锋录"),
        ("2025年，米哈游推出的《星海纪元：远航》在海外热卖。", "星海纪元：远航"),
        ("网易宣布收购《长夜行》开发商青岚工作室。", "长夜行"),
        ("据悉，《天穹之下》续作已进入立项阶段。", "天穹之下"),
    ],
)
def test_titles_of_works(raw: str, title: str) -> None:
    assert named(raw).get(title) == "Product"


@pytest.mark.parametrize(
    "raw",
    [
        "他在《人民日报》上发表了一篇评论。",  # an outlet's title
        "据《财经》报道，该公司正寻求新一轮融资。",
        "她读完了《百年孤独》。",  # a title with no word saying "a work a company makes"
    ],
)
def test_titles_that_are_no_products(raw: str) -> None:
    assert "Product" not in named(raw).values(), named(raw)


@pytest.mark.parametrize(
    ("raw", "figure"),
    [
        ("该基地规划产能12GWh，一期4.5GWh已投产。", "12GWh"),
        ("该基地规划产能12GWh，一期4.5GWh已投产。", "4.5GWh"),
        ("新芯片采用3nm工艺，配备24GB内存。", "24GB"),
        ("储能电站装机规模为200MW。", "200MW"),
    ],
)
def test_figures_with_units_are_no_products(raw: str, figure: str) -> None:
    assert figure not in named(raw), named(raw)


@pytest.mark.parametrize(
    ("raw", "model"),
    [
        ("该公司去年推出首款纯电轿车星驰X3，全年交付约三万台。", "星驰X3"),
        ("新机首发天玑 9500，售价3999元起。", "天玑 9500"),
        ("岚图T8发布，售价25.98万元。", "岚图T8"),
        ("这家厂商正式推出 Nova X5 系列旗舰手机。", "Nova X5 系列"),
    ],
)
def test_model_names(raw: str, model: str) -> None:
    assert named(raw).get(model) == "Product", named(raw)


@pytest.mark.parametrize(
    ("raw", "not_a_model"),
    [
        ("机主手机尾号6840，曾多次收到短信。", "尾号6840"),
        ("公司推出首款纯电轿车，型号为X3。", "纯电轿车"),
        ("他们在2024年第三季度发布了财报。", "2024"),
    ],
)
def test_not_model_names(raw: str, not_a_model: str) -> None:
    assert not any(not_a_model in name for name in named(raw)), named(raw)
