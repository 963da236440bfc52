"""extractors.relations: deal phrasings beyond the plain clause (rounds, rivals faced, ventures ended).

Every sentence here was written for these tests in the style of the news, not taken from a gold set.
A fact is read as (relation, subject name, object name) with the names the article writes.
"""

from __future__ import annotations

import pytest

from extractors.model import Document
from extractors.pipeline import Corpus, extract_corpus

ARTICLES: dict[str, str] = {
    # a sentence that only names more investors goes on with the round told before
    "followers-alone": "Vecta Labs完成5亿元B轮融资，由红杉中国领投。高瓴资本和百度参投。",
    # a member of the investors' list written with a place before its name
    "follower-with-place": "Vecta Labs完成5亿元B轮融资，由红杉中国领投，腾讯、小米集团及北京顺为资本参投。",
    # the rivals a company faces, told as what it faces
    "faces-forerunners": "小鹏汽车面对的是特斯拉、比亚迪等先行者的竞争。",
    "faces-rival": "蔚来面临的是理想汽车这一劲敌。",
    # a joint project ended: with the company in view, with the two named first, with the ender named
    "project-ended-topic": "小鹏汽车发布新车。公司去年9月终止了与宁德时代的电芯联合开发项目。",
    "venture-ended": "蔚来与宁德时代此前成立的电池合资项目已经终止。",
    "project-ended": "小鹏汽车今年终止了与华为的智驾合作项目。",
    # money paid for a stake, shares subscribed, one investor's part of a round
    "paid-for-stake": "宁德时代此次出资12亿元，取得欣旺达20%的股权。",
    "subscribes": "阿里巴巴还将以5000万美元认购小鹏汽车新发行的股份。",
    "part-of-round": "月之暗面本轮估值约为30亿美元，其中腾讯单独出资约5亿元。",
    # a purchase by the company in view, and one denied
    "acquisition-topic": "小米集团成立于2010年，今年初全资收购了德国机器人公司Festo。",
    "acquisition-denied": "小米集团成立于2010年，并未收购德国机器人公司Festo。",
    # an order placed with a supplier
    "ordered-from": "比亚迪已向宁德时代下单1000台设备。",
    # a new partner the company in view turns to; a joint-venture agreement signed
    "turns-to": "小鹏汽车与百度结束了合作。目前公司转向与字节跳动旗下的火山引擎合作。",
    # investments told as a noun, stakes told after the round, licences taken in
    "toward-list": "这一模式此前也出现在腾讯对小红书、知乎的投资中。",
    "holds-topic": "《金融时报》报道，小红书投后估值达到200亿美元；并称腾讯投资本轮完成后持股比例约为8%。",
    "licensed-in": "恒瑞医药此前则在2023年从百济神州引进了一款抗体药物。",
    "talent-taken": "恒瑞医药此前从百济神州引进了多名研发骨干。",
    "joint-venture-agreement": (
        "小米集团（下称“小米”）已与北京京东方科技集团股份有限公司（下称“京东方”）签署合资协议。"
    ),
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return extract_corpus([Document.from_text(raw, doc_id, "2026-03-01") for doc_id, raw in ARTICLES.items()])


def relations(corpus: Corpus, doc_id: str) -> set[tuple[str, str, str | None]]:
    """(relation, subject, object) with each entity written as the article first names it."""
    names = {}
    for entity in corpus.entities:
        written = sorted((m.start, m.name or m.text) for m in entity.mentions if m.doc_id == doc_id)
        names[entity.key] = written[0][1] if written else entity.key
    [extraction] = [x for x in corpus.extractions if x.document.id == doc_id]
    return {
        (f.relation, names[f.subject], None if f.object is None else names[f.object])
        for f in extraction.facts
    }


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        (
            "followers-alone",
            {("investedIn", "高瓴资本", "Vecta Labs"), ("investedIn", "百度", "Vecta Labs")},
        ),
        (
            "follower-with-place",
            {
                ("investedIn", "腾讯", "Vecta Labs"),
                ("investedIn", "小米集团", "Vecta Labs"),
                ("investedIn", "顺为资本", "Vecta Labs"),
            },
        ),
        (
            "faces-forerunners",
            {("competitorOf", "小鹏汽车", "特斯拉"), ("competitorOf", "小鹏汽车", "比亚迪")},
        ),
        ("faces-rival", {("competitorOf", "蔚来", "理想汽车")}),
        ("project-ended-topic", {("endedPartnershipWith", "小鹏汽车", "宁德时代")}),
        ("venture-ended", {("endedPartnershipWith", "蔚来", "宁德时代")}),
        ("project-ended", {("endedPartnershipWith", "小鹏汽车", "华为")}),
        ("paid-for-stake", {("investedIn", "宁德时代", "欣旺达")}),
        ("subscribes", {("investedIn", "阿里巴巴", "小鹏汽车")}),
        ("part-of-round", {("investedIn", "腾讯", "月之暗面")}),
        ("acquisition-topic", {("acquired", "小米集团", "Festo")}),
        ("ordered-from", {("customerOf", "比亚迪", "宁德时代")}),
        (
            "turns-to",
            {("partnersWith", "小鹏汽车", "火山引擎"), ("endedPartnershipWith", "小鹏汽车", "百度")},
        ),
        ("toward-list", {("investedIn", "腾讯", "小红书"), ("investedIn", "腾讯", "知乎")}),
        ("holds-topic", {("investedIn", "腾讯投资", "小红书")}),
        ("licensed-in", {("partnersWith", "恒瑞医药", "百济神州")}),
        ("joint-venture-agreement", {("partnersWith", "小米集团", "北京京东方科技集团股份有限公司")}),
    ],
)
def test_deal_phrasings(corpus: Corpus, doc_id: str, expected: set[tuple[str, str, str | None]]) -> None:
    found = relations(corpus, doc_id)
    assert expected <= found, sorted(found)
    if "ended" in doc_id:  # an ended venture is no partnership
        assert not any(relation == "partnersWith" for relation, _, _ in found), sorted(found)


def test_a_purchase_denied_is_none(corpus: Corpus) -> None:
    assert not any(relation == "acquired" for relation, _, _ in relations(corpus, "acquisition-denied"))


def test_the_sum_paid_for_a_stake_is_the_investors(corpus: Corpus) -> None:
    [extraction] = [x for x in corpus.extractions if x.document.id == "paid-for-stake"]
    [deal] = [f for f in extraction.facts if f.relation == "investedIn"]
    assert (str(deal.amount.value), str(deal.stake)) == ("1200000000", "0.2")


def test_a_part_of_a_round_paid_is_no_valuation(corpus: Corpus) -> None:
    [extraction] = [x for x in corpus.extractions if x.document.id == "part-of-round"]
    values = {str(f.amount.value) for f in extraction.facts if f.relation == "valuedAt"}
    assert values == {"3000000000"}


def test_people_hired_from_a_company_are_no_licence(corpus: Corpus) -> None:
    assert not any(relation == "partnersWith" for relation, _, _ in relations(corpus, "talent-taken"))
