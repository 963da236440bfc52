"""extractors.mentions: organizations named in a list (``mentions.org_list.v1``) and the lists that are
not lists of organizations. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from extractors.mentions import find_mentions
from extractors.model import Document


def named(raw: str) -> dict[str, str]:
    """Each mention's text and type."""
    return {m.text: m.type for m in find_mentions(Document.from_text(raw, "news.txt", "2026-03-02"))}


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("业内人士认为，该公司的主要竞争对手包括云帆数据、星桥视界等厂商。", "云帆数据"),
        ("业内人士认为，该公司的主要竞争对手包括云帆数据、星桥视界等厂商。", "星桥视界"),
        ("本轮融资由启明创投领投，北辰资本、远图国际跟投。", "远图国际"),
        ("在国内市场，其竞争对手为中芯国际和拓微电子。", "拓微电子"),
        ("首批客户将包括民生银行和民银理财，明年起向中小银行开放。", "民银理财"),
        ("农业银行旗下的农银科技、交通银行旗下的交银金科等均已运营多年。", "交银金科"),
        # one investor alone, named by its deal
        ("公司完成20亿元B轮融资，由江苏高投集团领投，估值约80亿元。", "江苏高投集团"),
        ("2022年，灵犀公司领投了其天使轮融资。", "灵犀公司"),
        # the segmenter cut the brand (特|来电-like), the list goes on in a second clause, the origin
        ("该公司的竞争对手包括再来电、云帆数据和星桥视界。", "再来电"),
        ("其竞争对手既包括美国的云帆数据和星桥视界，也包括国内的澜芯光电和彤川新材。", "彤川新材"),
        ("其竞争对手既包括美国的云帆数据和星桥视界，也包括国内的澜芯光电和彤川新材。", "云帆数据"),
        # a name that reads as a foreign person's, in a list of what the list says are companies
        ("连星支付与拉卡斯、汇付天下等竞争对手展开价格战。", "拉卡斯"),
        ("高端市场被奥林巴斯、富士胶片等日本企业主导。", "奥林巴斯"),
        # a clause that says what kind the members are, then the list
        ("该公司的客户主要为商业航天公司，包括云帆航天和星桥宇航。", "星桥宇航"),
        # a known company and its line of business, named as one organization
        ("其客户包括万科物业、华住集团和锦江酒店。", "万科物业"),
    ],
)
def test_listed_organizations(raw: str, name: str) -> None:
    assert named(raw).get(name) == "Organization"


@pytest.mark.parametrize(
    ("raw", "not_names"),
    [
        # a building, a post and a predicate are listed with companies, and are none
        ("记者穿行在国贸大厦、招商银行和交易广场之间。", ("国贸大厦", "交易广场")),
        ("他曾任长江证券研究所所长、华泰证券首席经济学家。", ("研究所所长",)),
        ("小米、vivo、华为的同期旗舰将正面交锋。", ("同期旗舰",)),
        ("不准下级向上级单位和领导干部赠送礼品。", ("上级单位", "领导干部")),
        ("腾讯和阿里巴巴的股价均已上涨。", ("股价",)),
        ("公司此次领投的金额超过一亿元。", ("公司此次",)),
    ],
)
def test_lists_of_other_things(raw: str, not_names: tuple[str, ...]) -> None:
    found = named(raw)
    assert not any(name in found for name in not_names), found
