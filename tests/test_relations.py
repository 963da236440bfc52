"""extractors.relations (through extract_corpus): the business events a sentence states.

One short article per case, all extracted together once. A fact is compared as a Claim: the relation,
the subject's and the object's names as the article writes them, and the qualifiers (amount, stake,
role, date, reported_by). There is one test per relation of the closed list (SCHEMA.md), then the
sentences that must *not* give a fact: plans, negations, hypotheticals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from extractors.model import RELATIONS, Amount, Document, Fact
from extractors.pipeline import Corpus, extract_corpus


class Claim(NamedTuple):
    relation: str
    subject: str
    object: str | None
    amount: tuple[str, str, str] | None = None  # (value, currency, qualifier)
    stake: str | None = None
    role: str | None = None
    date: str | None = None
    reported_by: str | None = None


ARTICLES: dict[str, str] = {
    # founded
    "founded-passive": "人工智能公司云帆科技由张晓峰于2016年创立。",
    "founded-verb": "2018年，约翰·史密斯创办了Vecta Labs。",
    "founded-title": "云帆科技有限公司创始人张晓峰表示，公司将扩大研发投入。",
    "founded-copula": "张晓峰是云帆科技有限公司的创始人。",
    "founded-two": "Vecta Labs由张晓峰和李文涛共同创立。",
    "founded-cofounders": "张晓峰与李文涛共同创立了Vecta Labs。",
    # worksFor
    "works-copula": "约翰·史密斯现任微软首席技术官。",
    "works-title": "腾讯首席执行官张晓峰表示，公司将加大投入。",
    # joined
    "joined-verb": "今年3月，约翰·史密斯正式加入微软。",
    "joined-hire": "Meta聘请了约翰·史密斯。",
    # left
    "left-resign": "约翰·史密斯辞去微软首席执行官一职。",
    "left-former": "百度前副总裁王立群表示，行业竞争正在加剧。",
    "left-from": "去年11月，张晓峰已从腾讯离职。",
    # educatedAt
    "educated": "张晓峰本科毕业于北京大学，后在斯坦福大学获得博士学位。",
    # investedIn
    "invest-toward": "据路透社报道，腾讯向Vecta Labs投资了5亿美元，持股11%。",
    "invest-stake": "据彭博社报道，腾讯将向Vecta Labs投资143亿美元，获得其49%的股权。",
    "invest-verb": "红杉中国投资了Vecta Labs。",
    "invest-round": "Vecta Labs今年3月完成1.2亿美元B轮融资，由红杉中国领投，腾讯跟投。",
    "invest-round-lead-alone": "Vecta Labs今年3月完成1.2亿美元B轮融资，由红杉中国领投。",
    "invest-round-sole": "Vecta Labs完成3000万元天使轮融资，由高瓴资本独家投资，腾讯此前已参与A轮。",
    "invest-two-outlets": "据彭博社报道，腾讯将向Vecta Labs投资143亿美元。"
    "路透社则报道称，这笔投资金额为140亿美元。",
    "invest-says": "据彭博社报道，腾讯将向Vecta Labs投资143亿美元。《金融时报》称，投资金额接近150亿美元。",
    "invest-buys-stake": "腾讯以2亿美元收购了百度49%的股权。",
    # acquired
    "acquired": "阿里巴巴以20亿美元收购了饿了么。",
    "acquired-passive": "Vecta Labs被腾讯全资收购。",
    # partnersWith / endedPartnershipWith
    "partners": "腾讯与百度宣布达成战略合作。",
    "ended": "今年4月，华为终止了与高通的合作。",
    # customerOf
    "customer-copula": "招商银行是Vecta Labs的客户。",
    "customer-list": "Vecta Labs的客户包括招商银行和中国移动。",
    "customer-contract": "Vecta Labs与小米签署了供货合同。",
    # competitorOf
    "competitor": "百度的主要竞争对手是阿里巴巴。",
    # partOf
    "part-subsidiary": "阿里云是阿里巴巴旗下的子公司。",
    "part-team": "Meta的GenAI团队今年进行了重组。",
    # released
    "released": "阿里巴巴今日正式发布了通义千问。",
    "released-model": "字节跳动推出了豆包大模型。",
    "released-latin": "OpenAI正式发布GPT-5。",
    # valuedAt
    "valued": "据彭博社报道，字节跳动的估值已超过3000亿美元。",
    # things that did not happen
    "planned-1": "OpenAI原计划在4月推出GPT-5。",
    "planned-2": "腾讯计划推出新一代混元大模型。",
    "planned-3": "百度正准备发布文心一言。",
    "not-acquired-1": "百度选择投资而非收购Vecta Labs。",
    "not-acquired-2": "谷歌通过股权投资而非直接收购的方式吸纳了Character.AI。",
    "not-acquired-3": "腾讯并未收购Vecta Labs。",
    "hypothetical": "当腾讯收购Vecta Labs时，双方曾有过分歧。",
    # a date told by the paragraph before
    "paragraphs": "OpenAI去年10月完成了融资。\n3月5日，腾讯宣布投资了Vecta Labs。",
}
PUBLISHED = {"paragraphs": "2025-03-08"}


def document(raw: str, doc_id: str, published: str = "2025-06-12") -> Document:
    return Document.from_text(raw, doc_id, published)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return extract_corpus(
        [document(raw, doc_id, PUBLISHED.get(doc_id, "2025-06-12")) for doc_id, raw in ARTICLES.items()]
    )


def _amount(amount: Amount | None) -> tuple[str, str, str] | None:
    return None if amount is None else (str(amount.value), amount.currency, amount.qualifier)


def facts_of(corpus: Corpus, doc_id: str) -> list[Fact]:
    [extraction] = [x for x in corpus.extractions if x.document.id == doc_id]
    return list(extraction.facts)


def claims(corpus: Corpus, doc_id: str) -> set[Claim]:
    """The article's facts with every entity key replaced by the name the article gives it."""
    names: dict[str, str] = {}
    for entity in corpus.entities:
        written = sorted((m.start, m.name or m.text) for m in entity.mentions if m.doc_id == doc_id)
        names[entity.key] = written[0][1] if written else entity.label_zh or entity.label_en or entity.key

    def name(key: str | None) -> str | None:
        return None if key is None else names[key]

    return {
        Claim(
            f.relation,
            names[f.subject],
            name(f.object),
            _amount(f.amount),
            None if f.stake is None else str(f.stake),
            f.role,
            None if f.date is None else f.date.value,
            name(f.reported_by),
        )
        for f in facts_of(corpus, doc_id)
    }


def relations(corpus: Corpus, doc_id: str) -> set[tuple[str, str, str | None]]:
    return {(c.relation, c.subject, c.object) for c in claims(corpus, doc_id)}


# ---------------------------------------------------------------------------------------------
# One test per relation


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("founded-passive", Claim("founded", "张晓峰", "云帆科技", date="2016")),
        ("founded-verb", Claim("founded", "约翰·史密斯", "Vecta Labs", date="2018")),
        ("founded-title", Claim("founded", "张晓峰", "云帆科技有限公司")),
        ("founded-copula", Claim("founded", "张晓峰", "云帆科技有限公司")),
        ("founded-two", Claim("founded", "张晓峰", "Vecta Labs")),
        ("founded-two", Claim("founded", "李文涛", "Vecta Labs")),
        ("founded-cofounders", Claim("founded", "李文涛", "Vecta Labs")),
    ],
)
def test_founded(corpus: Corpus, doc_id: str, expected: Claim) -> None:
    assert expected in claims(corpus, doc_id)


def test_the_first_of_two_cofounders_founded_too(corpus: Corpus) -> None:
    assert Claim("founded", "张晓峰", "Vecta Labs") in claims(corpus, "founded-cofounders")


def test_founders_are_not_employees(corpus: Corpus) -> None:
    # "创始人X" is told as a founding, not as a job with the role 创始人
    assert not [c for c in claims(corpus, "founded-title") if c.relation == "worksFor"]


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("works-copula", Claim("worksFor", "约翰·史密斯", "微软", role="首席技术官")),
        ("works-title", Claim("worksFor", "张晓峰", "腾讯", role="首席执行官")),
    ],
)
def test_works_for_with_role(corpus: Corpus, doc_id: str, expected: Claim) -> None:
    assert expected in claims(corpus, doc_id)


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("joined-verb", Claim("joined", "约翰·史密斯", "微软", date="2025-03")),
        ("joined-hire", Claim("joined", "约翰·史密斯", "Meta")),
    ],
)
def test_joined(corpus: Corpus, doc_id: str, expected: Claim) -> None:
    assert expected in claims(corpus, doc_id)


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("left-resign", Claim("left", "约翰·史密斯", "微软", role="首席执行官")),
        ("left-former", Claim("left", "王立群", "百度", role="副总裁")),
        ("left-from", Claim("left", "张晓峰", "腾讯", date="2024-11")),
    ],
)
def test_left_with_role(corpus: Corpus, doc_id: str, expected: Claim) -> None:
    assert expected in claims(corpus, doc_id)


def test_a_former_post_is_no_current_job(corpus: Corpus) -> None:
    assert ("worksFor", "王立群", "百度") not in relations(corpus, "left-former")


def test_educated_at(corpus: Corpus) -> None:
    assert {("educatedAt", "张晓峰", "北京大学"), ("educatedAt", "张晓峰", "斯坦福大学")} <= relations(
        corpus, "educated"
    )


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        (
            "invest-toward",
            Claim(
                "investedIn",
                "腾讯",
                "Vecta Labs",
                ("500000000", "USD", "exact"),
                "0.11",
                reported_by="路透社",
            ),
        ),
        (
            "invest-stake",
            Claim(
                "investedIn",
                "腾讯",
                "Vecta Labs",
                ("14300000000", "USD", "exact"),
                "0.49",
                reported_by="彭博社",
            ),
        ),
        ("invest-verb", Claim("investedIn", "红杉中国", "Vecta Labs")),
        # a round with several investors named: the sum is the round's, no one investor's; the lead
        # alone, or a sole investor, puts in the sum
        ("invest-round", Claim("investedIn", "红杉中国", "Vecta Labs", date="2025-03")),
        (
            "invest-round-lead-alone",
            Claim("investedIn", "红杉中国", "Vecta Labs", ("120000000", "USD", "exact"), date="2025-03"),
        ),
        (
            "invest-round-sole",
            Claim("investedIn", "高瓴资本", "Vecta Labs", ("30000000", "CNY", "exact")),
        ),
        ("invest-round", Claim("investedIn", "腾讯", "Vecta Labs", date="2025-03")),  # the round's date
    ],
)
def test_invested_in_with_amount_stake_and_source(corpus: Corpus, doc_id: str, expected: Claim) -> None:
    assert expected in claims(corpus, doc_id)


def test_two_outlets_with_two_figures_are_two_claims_each_with_its_source(corpus: Corpus) -> None:
    investments = {c for c in claims(corpus, "invest-two-outlets") if c.relation == "investedIn"}
    assert {(c.amount, c.reported_by) for c in investments} == {
        (("14300000000", "USD", "exact"), "彭博社"),
        (("14000000000", "USD", "exact"), "路透社"),
    }
    assert {(c.subject, c.object) for c in investments} == {("腾讯", "Vecta Labs")}


def test_an_outlet_that_says_something_reports_it(corpus: Corpus) -> None:
    second = Claim(
        "investedIn", "腾讯", "Vecta Labs", ("15000000000", "USD", "about"), reported_by="金融时报"
    )
    assert second in claims(corpus, "invest-says")


def test_buying_a_stake_is_an_investment(corpus: Corpus) -> None:
    expected = Claim("investedIn", "腾讯", "百度", ("200000000", "USD", "exact"), "0.49")
    assert expected in claims(corpus, "invest-buys-stake")


def test_buying_a_stake_is_no_acquisition(corpus: Corpus) -> None:
    assert not [c for c in claims(corpus, "invest-buys-stake") if c.relation == "acquired"]


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("acquired", ("acquired", "阿里巴巴", "饿了么")),
        ("acquired-passive", ("acquired", "腾讯", "Vecta Labs")),
    ],
)
def test_acquired(corpus: Corpus, doc_id: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(corpus, doc_id)


def test_partners_with_is_symmetric(corpus: Corpus) -> None:
    [partnership] = [c for c in claims(corpus, "partners") if c.relation == "partnersWith"]
    assert {partnership.subject, partnership.object} == {"腾讯", "百度"}
    [fact] = [f for f in facts_of(corpus, "partners") if f.relation == "partnersWith"]
    flipped = Fact(**{**fact.__dict__, "subject": fact.object, "object": fact.subject})
    assert flipped.key() == fact.key()  # one claim whichever way round it was said


def test_ended_partnership_with(corpus: Corpus) -> None:
    assert Claim("endedPartnershipWith", "华为", "高通", date="2025-04") in claims(corpus, "ended")


def test_an_ended_partnership_is_no_partnership(corpus: Corpus) -> None:
    assert not [c for c in claims(corpus, "ended") if c.relation == "partnersWith"]


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("customer-copula", {("customerOf", "招商银行", "Vecta Labs")}),
        (
            "customer-list",
            {("customerOf", "招商银行", "Vecta Labs"), ("customerOf", "中国移动", "Vecta Labs")},
        ),
        ("customer-contract", {("customerOf", "小米", "Vecta Labs")}),
    ],
)
def test_customer_of_points_from_the_customer_to_the_supplier(
    corpus: Corpus, doc_id: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {r for r in relations(corpus, doc_id) if r[0] == "customerOf"} == expected


def test_competitor_of(corpus: Corpus) -> None:
    rivals = {
        frozenset((c.subject, c.object)) for c in claims(corpus, "competitor") if c.relation == "competitorOf"
    }
    assert rivals == {frozenset(("百度", "阿里巴巴"))}


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [("part-subsidiary", ("partOf", "阿里云", "阿里巴巴")), ("part-team", ("partOf", "GenAI团队", "Meta"))],
)
def test_part_of(corpus: Corpus, doc_id: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(corpus, doc_id)


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("released", ("released", "阿里巴巴", "通义千问")),
        ("released-model", ("released", "字节跳动", "豆包大模型")),
        ("released-latin", ("released", "OpenAI", "GPT-5")),
    ],
)
def test_released(corpus: Corpus, doc_id: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(corpus, doc_id)


def test_valued_at_has_an_amount_and_no_object(corpus: Corpus) -> None:
    expected = Claim("valuedAt", "字节跳动", None, ("300000000000", "USD", "over"), reported_by="彭博社")
    assert expected in claims(corpus, "valued")
    [fact] = [f for f in facts_of(corpus, "valued") if f.relation == "valuedAt"]
    assert fact.object is None and fact.amount is not None


# ---------------------------------------------------------------------------------------------
# What did not happen


@pytest.mark.parametrize("doc_id", ["planned-1", "planned-2", "planned-3"])
def test_a_plan_to_release_is_no_release(corpus: Corpus, doc_id: str) -> None:
    assert not [c for c in claims(corpus, doc_id) if c.relation == "released"]


@pytest.mark.parametrize("doc_id", ["not-acquired-1", "not-acquired-2", "not-acquired-3", "hypothetical"])
def test_a_negated_or_hypothetical_acquisition_is_no_acquisition(corpus: Corpus, doc_id: str) -> None:
    assert not [c for c in claims(corpus, doc_id) if c.relation == "acquired"]


def test_investing_rather_than_acquiring_is_an_investment(corpus: Corpus) -> None:
    assert ("investedIn", "百度", "Vecta Labs") in relations(corpus, "not-acquired-1")


# ---------------------------------------------------------------------------------------------
# Dates across sentences


def test_a_bare_date_in_a_new_paragraph_is_in_the_publication_year(corpus: Corpus) -> None:
    assert Claim("investedIn", "腾讯", "Vecta Labs", date="2025-03-05") in claims(corpus, "paragraphs")


# ---------------------------------------------------------------------------------------------
# What every fact is


def test_every_fact_is_well_formed(corpus: Corpus) -> None:
    types = {e.key: e.type for e in corpus.entities}
    kinds = {e.key: e.kind for e in corpus.entities}
    person_subject = {"founded", "worksFor", "joined", "left", "educatedAt"}
    count = 0
    for extraction in corpus.extractions:
        raw = extraction.document.raw
        for fact in extraction.facts:
            count += 1
            assert fact.relation in RELATIONS
            assert raw[fact.start : fact.end] == fact.evidence and fact.evidence
            assert fact.extractor.startswith("relations.") and 0 < fact.confidence <= 1
            assert fact.subject != fact.object
            if fact.relation in person_subject:
                assert types[fact.subject] == "Person", fact
            if fact.relation == "released":
                assert fact.object is not None and types[fact.object] == "Product", fact
            if fact.relation == "valuedAt":
                assert fact.object is None and fact.amount is not None
            else:
                assert fact.object is not None
            if fact.reported_by is not None:
                assert kinds[fact.reported_by] == "MediaOutlet"
                assert fact.reported_by not in (fact.subject, fact.object)
            if fact.stake is not None:
                assert Decimal(0) < fact.stake <= Decimal(1)
    assert count >= 40


def test_two_people_who_both_studied_somewhere_both_get_the_fact() -> None:
    text = (
        "公司由普丽娅·拉马纳坦(Priya Ramanathan)和丹尼尔·科瓦奇(Daniel Kovacs)创立。"
        "两人均毕业于卡内基梅隆大学。"
    )
    corpus = extract_corpus([document(text, "together.txt")])
    assert {
        ("educatedAt", "普丽娅·拉马纳坦", "卡内基梅隆大学"),
        ("educatedAt", "丹尼尔·科瓦奇", "卡内基梅隆大学"),
    } <= relations(corpus, "together.txt")


# ---------------------------------------------------------------------------------------------
# Phrasings of business news, one rule family each: the text, the facts it states (as relation,
# subject, object as written) and facts it must not give. Written for the rules, not taken from any
# gold article.

Triple = tuple[str, str, str | None]

PHRASINGS: list[tuple[str, str, set[Triple], set[Triple]]] = [
    (
        "founders-after-the-date",
        "Vecta Labs成立于2018年，总部位于杭州，由前百度工程师张晓峰与清华大学博士李文涛共同创立。",
        {
            ("founded", "张晓峰", "Vecta Labs"),
            ("founded", "李文涛", "Vecta Labs"),
            ("left", "张晓峰", "百度"),
            ("educatedAt", "李文涛", "清华大学"),
        },
        {("founded", "张晓峰", "百度")},
    ),
    (
        "cofounder-and-title-leaves",
        "百度联合创始人、首席技术官王立群已于近日离职。",
        {("founded", "王立群", "百度"), ("left", "王立群", "百度")},
        {("worksFor", "王立群", "百度")},
    ),
    (
        "title-resigns",
        "腾讯副总裁王立群已辞去相关职务。",
        {("left", "王立群", "腾讯")},
        {("worksFor", "王立群", "腾讯")},
    ),
    (
        "post-in-a-later-clause",
        "王立群毕业于北京大学，目前担任腾讯首席科学家。",
        {("educatedAt", "王立群", "北京大学"), ("worksFor", "王立群", "腾讯")},
        set(),
    ),
    (
        "joins-and-takes-a-post",
        "今年3月，约翰·史密斯正式加盟微软，出任首席技术官。",
        {("joined", "约翰·史密斯", "微软"), ("worksFor", "约翰·史密斯", "微软")},
        set(),
    ),
    (
        "will-join",
        "约翰·史密斯将于明年1月加盟微软，担任首席技术官。",
        {("joined", "约翰·史密斯", "微软")},
        {("worksFor", "约翰·史密斯", "微软")},  # not yet
    ),
    (
        "appointed",
        "腾讯宣布，任命前谷歌工程副总裁约翰·史密斯为首席技术官。",
        {
            ("joined", "约翰·史密斯", "腾讯"),
            ("worksFor", "约翰·史密斯", "腾讯"),
            ("left", "约翰·史密斯", "谷歌"),
        },
        {("worksFor", "约翰·史密斯", "谷歌")},
    ),
    (
        "in-the-capacity-of",
        "约翰·史密斯以微软首席技术官的身份出席了发布会。",
        {("worksFor", "约翰·史密斯", "微软")},
        set(),
    ),
    (
        "once-held-as-attribute",
        "曾任英特尔高级副总裁的工程师约翰·史密斯表示，行业正在变化。",
        {("left", "约翰·史密斯", "英特尔")},
        {("worksFor", "约翰·史密斯", "英特尔")},
    ),
    (
        "poached-from",
        "腾讯则从谷歌挖来了研究科学家约翰·史密斯。",
        {("joined", "约翰·史密斯", "腾讯"), ("left", "约翰·史密斯", "谷歌")},
        {("joined", "约翰·史密斯", "谷歌")},
    ),
    (
        "formerly-with-description",
        "原阿里巴巴算法专家王立群表示，行业正在变化。",
        {("left", "王立群", "阿里巴巴")},
        set(),
    ),
    (
        "earlier-job-clauses-later",
        "张晓峰毕业于清华大学，2016年加入百度，此前还曾在微软担任研究员。",
        {("educatedAt", "张晓峰", "清华大学"), ("joined", "张晓峰", "百度"), ("left", "张晓峰", "微软")},
        set(),
    ),
    (
        "successor",
        "百度原首席技术官王立群因个人原因辞职，由腾讯研究员李文涛接任。",
        {("left", "王立群", "百度"), ("worksFor", "李文涛", "百度")},
        {("worksFor", "王立群", "百度")},
    ),
    (
        "degree-as-title",
        "斯坦福大学博士李文涛表示，模型正在变化。",
        {("educatedAt", "李文涛", "斯坦福大学")},
        set(),
    ),
    (
        "joined-as-attribute",
        "腾讯目前的AI团队由今年7月加入的首席技术官约翰·史密斯领导。",
        {("joined", "约翰·史密斯", "腾讯"), ("worksFor", "约翰·史密斯", "腾讯")},
        set(),
    ),
    (
        "merged-into",
        "王立群2023年随团队并入通义实验室。",
        {("joined", "王立群", "通义实验室")},
        set(),
    ),
    (
        "supplier-in-a-later-clause",
        "英伟达成立于1993年，是微软、谷歌等科技公司的供应商。",
        {("customerOf", "微软", "英伟达"), ("customerOf", "谷歌", "英伟达")},
        set(),
    ),
    (
        "valuation-of-the-round-after-a-source",
        "Vecta Labs完成5亿元B轮融资。一位投资人向36氪表示，本轮估值较A轮时的30亿元翻了一倍。",
        {("valuedAt", "Vecta Labs", None)},
        set(),
    ),
    (
        "degree-of-no-school",
        "腾讯博士李文涛表示，模型正在变化。",
        set(),
        {("educatedAt", "李文涛", "腾讯")},
    ),
    (
        "made-for-the-sentence-s-company",
        "英伟达表示，新一代芯片改由三星电子代工，封装测试则交给台积电完成。",
        {("customerOf", "英伟达", "三星电子"), ("customerOf", "英伟达", "台积电")},
        set(),
    ),
    (
        "done-by-is-no-supply",
        "百度表示，此次收购由腾讯完成。",
        set(),
        {("customerOf", "百度", "腾讯")},
    ),
    (
        "cooperation-ended",
        "腾讯此前与百度在云计算项目上的合作已于9月终止。",
        {("endedPartnershipWith", "腾讯", "百度")},
        {("partnersWith", "腾讯", "百度"), ("partnersWith", "百度", "腾讯")},
    ),
    (
        "ends-and-turns-to",
        "英伟达宣布终止与英特尔的合作，转而与台积电联手开发新一代芯片。",
        {("endedPartnershipWith", "英伟达", "英特尔"), ("partnersWith", "英伟达", "台积电")},
        {("partnersWith", "英伟达", "英特尔")},
    ),
    (
        "customers-after-unnamed-ones",
        "百度的客户包括全国300多家医院，以及招商银行和中国移动。",
        {("customerOf", "招商银行", "百度"), ("customerOf", "中国移动", "百度")},
        set(),
    ),
    (
        "the-contract-of-a-known-customer",
        "Vecta Labs的最大客户是马斯克创立的xAI。"
        "去年12月，xAI与Vecta Labs签订了一份价值1.5亿美元的芯片采购合同。",
        {("customerOf", "xAI", "Vecta Labs"), ("founded", "马斯克", "xAI")},
        {("customerOf", "Vecta Labs", "xAI")},
    ),
    (
        "customers-among-them",
        "阿里巴巴称目前已有超过1000家企业客户，其中包括招商银行和中国移动。",
        {("customerOf", "招商银行", "阿里巴巴"), ("customerOf", "中国移动", "阿里巴巴")},
        set(),
    ),
    (
        "rivalry-of-a-named-party",
        "百度与阿里巴巴、腾讯之间的竞争日趋激烈。",
        {("competitorOf", "百度", "阿里巴巴"), ("competitorOf", "百度", "腾讯")},
        set(),
    ),
    (
        "cooperation-against-competition",
        "百度与阿里巴巴加强合作，共同应对激烈的市场竞争。",
        {("partnersWith", "百度", "阿里巴巴")},
        {("competitorOf", "百度", "阿里巴巴"), ("competitorOf", "阿里巴巴", "百度")},
    ),
    (
        "rival-owned-by-another",
        "百度的主要竞争对手是阿里巴巴旗下的通义实验室。",
        {("competitorOf", "百度", "通义实验室"), ("partOf", "通义实验室", "阿里巴巴")},
        {("competitorOf", "百度", "阿里巴巴")},
    ),
    (
        "rivals-listed-one-owned-by-another",
        "百度的主要竞争对手包括腾讯以及阿里巴巴旗下的通义实验室。",
        {("competitorOf", "百度", "腾讯"), ("competitorOf", "百度", "通义实验室")},
        {("competitorOf", "百度", "阿里巴巴"), ("competitorOf", "阿里巴巴", "百度")},
    ),
    (
        "acquisition-completed",
        "腾讯已完成对数据服务商Vecta Labs的全资收购。",
        {("acquired", "腾讯", "Vecta Labs")},
        set(),
    ),
    (
        "taken-in",
        "英伟达将以色列公司Vecta Labs收入囊中。",
        {("acquired", "英伟达", "Vecta Labs")},
        set(),
    ),
    (
        "sold-to",
        "软银将Arm出售给英伟达。",
        {("acquired", "英伟达", "Arm")},
        {("customerOf", "英伟达", "软银"), ("customerOf", "英伟达", "Arm")},
    ),
    (
        "a-share-sold-is-no-acquisition",
        "软银将Arm 20%的股权出售给英伟达。",
        set(),
        {("acquired", "英伟达", "Arm"), ("customerOf", "英伟达", "软银")},
    ),
    (
        "goods-delivered",
        "黄仁勋亲手将英伟达的第一台超级计算机交付给了微软。",
        {("customerOf", "微软", "英伟达")},
        set(),
    ),
    (
        "acquisition-planned",
        "腾讯计划完成对Vecta Labs的全资收购。",
        set(),
        {("acquired", "腾讯", "Vecta Labs")},
    ),
    (
        "release-in-a-later-clause",
        "英伟达发布了新一代芯片Blackwell Ultra，并同步开源了Llama 4。",
        {("released", "英伟达", "Blackwell Ultra"), ("released", "英伟达", "Llama 4")},
        set(),
    ),
    (
        "a-team-releases",
        "Seed团队今年动作频频：5月发布了视频生成模型Seaweed-2，8月又推出推理模型Doubao-1.5。",
        {("released", "Seed团队", "Seaweed-2"), ("released", "Seed团队", "Doubao-1.5")},
        set(),
    ),
    (
        "product-of-a-company-released",
        "Anthropic的旗舰模型Claude 4于今年5月正式发布。",
        {("released", "Anthropic", "Claude 4")},
        set(),
    ),
    (
        "joint-release",
        "英伟达与微软达成合作，双方联合发布了Phi-4。",
        {("partnersWith", "英伟达", "微软"), ("released", "英伟达", "Phi-4"), ("released", "微软", "Phi-4")},
        set(),
    ),
    (
        "buyers-of-a-product",
        "英伟达发布了Blackwell Ultra。谷歌和微软均已采购Blackwell Ultra。",
        {("customerOf", "谷歌", "英伟达"), ("customerOf", "微软", "英伟达")},
        set(),
    ),
    (
        "deployed-at-customers",
        "英伟达发布了Blackwell Ultra。Blackwell Ultra已在微软、谷歌的数据中心完成部署。",
        {("customerOf", "微软", "英伟达"), ("customerOf", "谷歌", "英伟达")},
        set(),
    ),
    (
        "deployment-planned",
        "英伟达发布了Blackwell Ultra。Blackwell Ultra计划在微软的数据中心部署。",
        set(),
        {("customerOf", "微软", "英伟达")},
    ),
    (
        "both-parties-of-the-fact-before",
        "字节跳动早已是英伟达的最大客户之一。去年底，双方还在北京共同成立了联合实验室。",
        {("customerOf", "字节跳动", "英伟达"), ("partnersWith", "字节跳动", "英伟达")},
        set(),
    ),
    (
        "unit-named-after-its-parent",
        "腾讯云是国内第二大云服务商。腾讯今年营收增长。",
        {("partOf", "腾讯云", "腾讯")},
        set(),
    ),
    (
        "round-in-a-later-clause",
        "Vecta Labs完成5亿元B轮融资。本轮由红杉中国领投。"
        "今年1月，公司获得腾讯的A+轮投资；去年8月的A轮则由高瓴创投独家投资，金额为2亿元。",
        {
            ("investedIn", "红杉中国", "Vecta Labs"),
            ("investedIn", "腾讯", "Vecta Labs"),
            ("investedIn", "高瓴创投", "Vecta Labs"),
        },
        set(),
    ),
    (
        "rest-of-the-deal",
        "据路透社报道，腾讯已同意向Vecta Labs投资5亿美元。其余份额由红杉中国跟投。",
        {("investedIn", "腾讯", "Vecta Labs"), ("investedIn", "红杉中国", "Vecta Labs")},
        set(),
    ),
    (
        "round-in-talks",
        "Vecta Labs正在进行新一轮融资，红杉中国和腾讯参与洽谈。",
        set(),
        {("investedIn", "红杉中国", "Vecta Labs"), ("investedIn", "腾讯", "Vecta Labs")},
    ),
    (
        "co-investor-list-ending-in-an-unknown-name",
        "Vecta Labs完成3亿元A轮融资，由红杉中国领投，高瓴创投、某地方产业基金跟投。",
        {("investedIn", "红杉中国", "Vecta Labs"), ("investedIn", "高瓴创投", "Vecta Labs")},
        set(),
    ),
    (
        "cofounders-each-described",
        "2021年，张晓峰与前百度研究员李文涛联合创办了Vecta Labs。",
        {
            ("founded", "张晓峰", "Vecta Labs"),
            ("founded", "李文涛", "Vecta Labs"),
            ("left", "李文涛", "百度"),
        },
        set(),
    ),
    (
        "chief-x-officer",
        "约翰·史密斯加入微软，担任首席AI官。",
        {("joined", "约翰·史密斯", "微软"), ("worksFor", "约翰·史密斯", "微软")},
        set(),
    ),
    (
        "ended-with-a-described-partner",
        "华为已于今年3月终止与美国芯片公司高通的基带合作。",
        {("endedPartnershipWith", "华为", "高通")},
        {("partnersWith", "华为", "高通")},
    ),
    (
        "led-a-company-s-round",
        "红杉中国领投了Vecta Labs的B轮融资。",
        {("investedIn", "红杉中国", "Vecta Labs")},
        set(),
    ),
    (
        "joined-a-company-s-round",
        "腾讯参与了Vecta Labs的5亿元B轮融资。",
        {("investedIn", "腾讯", "Vecta Labs")},
        set(),
    ),
    (
        "rivals-of-a-third",
        "招商银行和中国移动都是百度的直接竞争对手。",
        {("competitorOf", "招商银行", "百度"), ("competitorOf", "中国移动", "百度")},
        {("competitorOf", "招商银行", "中国移动")},
    ),
    (
        "removed-by-the-board",
        "约翰·史密斯被微软董事会罢免。",
        {("left", "约翰·史密斯", "微软")},
        set(),
    ),
    (
        "valuation-before-the-word",
        "Anthropic今年6月以600亿美元的估值完成了新一轮融资。",
        {("valuedAt", "Anthropic", None)},
        set(),
    ),
    (
        "valuation-only-possible",
        "据报道，Anthropic正在筹划新一轮融资，估值或超过4000亿美元。",
        set(),
        {("valuedAt", "Anthropic", None)},
    ),
    (
        "purchase-contract-first-party-buys",
        "魅川科技发布新机。魅川科技已与京东方签署采购协议。",
        {("customerOf", "魅川科技", "京东方")},
        {("customerOf", "京东方", "魅川科技")},
    ),
    (
        "purchase-contract-of-a-named-seller",
        "据《财新》报道，国产GPU厂商摩矽科技今年5月与字节跳动签署了一份价值约20亿元人民币的采购合同。",
        {("customerOf", "字节跳动", "摩矽科技")},
        {("customerOf", "摩矽科技", "字节跳动")},
    ),
    (
        "supplied-by",
        "极澜汽车今日发布新车。屏幕由京东方独家供应。整车的空气悬架则由保隆科技提供。",
        {("customerOf", "极澜汽车", "保隆科技"), ("customerOf", "极澜汽车", "京东方")},
        set(),
    ),
    (
        "rivals-compared",
        "星衍智能宣布完成融资。与月之暗面、智谱等竞争对手相比，星衍智能更专注企业市场。",
        {("competitorOf", "星衍智能", "月之暗面"), ("competitorOf", "星衍智能", "智谱")},
        set(),
    ),
    (
        "rival-where-they-compete",
        "灵枢机器人宣布完成融资。优必选是灵枢机器人在国内最直接的竞争对手之一。",
        {("competitorOf", "优必选", "灵枢机器人")},
        set(),
    ),
    (
        "entering-a-supply-chain",
        "华芯微是一家芯片设计公司。华芯微的快充芯片已进入小米、OPPO等手机厂商的供应链。",
        {("customerOf", "小米", "华芯微"), ("customerOf", "OPPO", "华芯微")},
        set(),
    ),
    (
        "appointed-by-the-board",
        "魅川科技宣布，许楠被公司董事会任命为CEO。",
        {("worksFor", "许楠", "魅川科技")},
        set(),
    ),
    (
        "chairman-of-a-company-shaped-like-a-name",
        "华芯微董事长王建国表示，公司将继续扩产。恒川储能董事会秘书刘婉清表示。",
        {("worksFor", "王建国", "华芯微"), ("worksFor", "刘婉清", "恒川储能")},
        set(),
    ),
    (
        "a-post-left-at-the-company-in-view",
        "华岳装备宣布，孙建国已辞去公司总裁职务。灵枢机器人宣布，联合创始人赵一鸣不再担任CEO，转任首席科学家。",
        {
            ("left", "孙建国", "华岳装备"),
            ("left", "赵一鸣", "灵枢机器人"),
            ("worksFor", "赵一鸣", "灵枢机器人"),
        },
        set(),
    ),
    (
        "hired-and-appointed-by-the-board",
        "华芯微宣布，李慕白已被华芯微董事会聘任为公司副总经理。"
        "恒川储能宣布，公司董事会同时聘任安德烈·科瓦连科（Andrei Kovalenko）为新任CTO。",
        {("joined", "李慕白", "华芯微"), ("worksFor", "安德烈·科瓦连科", "恒川储能")},
        set(),
    ),
    (
        "former-chief-resigns",
        "魅川科技宣布，原CEO谭卫东因个人原因辞去CEO职务。",
        {("left", "谭卫东", "魅川科技")},
        set(),
    ),
]


@pytest.fixture(scope="module")
def phrasings() -> Corpus:
    return extract_corpus([document(text, doc_id) for doc_id, text, _, _ in PHRASINGS])


@pytest.mark.parametrize(
    ("doc_id", "expected", "forbidden"),
    [(doc_id, expected, forbidden) for doc_id, _, expected, forbidden in PHRASINGS],
    ids=[doc_id for doc_id, *_ in PHRASINGS],
)
def test_phrasings(phrasings: Corpus, doc_id: str, expected: set[Triple], forbidden: set[Triple]) -> None:
    found = relations(phrasings, doc_id)
    assert expected <= found, sorted(found)
    assert not forbidden & found, sorted(found)


def test_the_lead_of_a_round_told_in_a_later_clause_gets_that_clause_s_sum(phrasings: Corpus) -> None:
    leads = {c for c in claims(phrasings, "round-in-a-later-clause") if c.subject == "高瓴创投"}
    assert {c.amount for c in leads} == {("200000000", "CNY", "exact")}


def test_a_successor_holds_the_post_that_was_left(phrasings: Corpus) -> None:
    assert Claim("worksFor", "李文涛", "百度", role="首席技术官") in claims(phrasings, "successor")


def test_a_post_taken_on_joining_is_the_joining_s_role(phrasings: Corpus) -> None:
    assert Claim("joined", "约翰·史密斯", "微软", role="首席技术官", date="2025-03") in claims(
        phrasings, "joins-and-takes-a-post"
    )


def test_a_fact_with_an_argument_resolved_from_a_pronoun_is_less_sure() -> None:
    named = "阿里巴巴今日正式发布了通义千问。"
    pointed = "阿里巴巴今日召开发布会。该公司正式发布了通义千问。"
    corpus = extract_corpus([document(named, "named.txt"), document(pointed, "pointed.txt")])
    [by_name] = [f for f in facts_of(corpus, "named.txt") if f.relation == "released"]
    [by_pronoun] = [f for f in facts_of(corpus, "pointed.txt") if f.relation == "released"]
    assert by_pronoun.confidence < by_name.confidence
    assert by_pronoun.evidence.startswith("该公司")  # the provenance says what was read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "微软董事长兼首席执行官萨蒂亚·纳德拉表示，公司将加大投入。",
            Claim("worksFor", "萨蒂亚·纳德拉", "微软", role="董事长兼首席执行官"),
        ),
        (
            "阿里巴巴集团董事局主席蔡崇信表示，AI是最重要的方向。",
            Claim("worksFor", "蔡崇信", "阿里巴巴集团", role="董事局主席"),
        ),
        ("约翰·史密斯曾在英伟达担任GPU架构师。", Claim("left", "约翰·史密斯", "英伟达", role="GPU架构师")),
        (
            "约翰·史密斯已于9月加入腾讯，负责腾讯的大模型研发。",
            Claim("worksFor", "约翰·史密斯", "腾讯", role="负责腾讯的大模型研发", date="2025-09"),
        ),
        # a founding date heads the clause, not the supply it goes on to tell
        ("英伟达成立于1993年，是微软的供应商。", Claim("customerOf", "微软", "英伟达")),
        (
            "【界面新闻】10月20日晚间，腾讯宣布已完成对Vecta Labs的全资收购。",
            Claim("acquired", "腾讯", "Vecta Labs", date="2025-10-20"),
        ),
        # a month told from the publication date (2025-06-12)
        ("约翰·史密斯已于本月离开英伟达。", Claim("left", "约翰·史密斯", "英伟达", date="2025-06")),
        (
            "上个月，腾讯宣布已完成对Vecta Labs的全资收购。",
            Claim("acquired", "腾讯", "Vecta Labs", date="2025-05"),
        ),
    ],
)
def test_roles_as_written_and_the_date_at_the_head_of_the_clause(text: str, expected: Claim) -> None:
    corpus = extract_corpus([document(text, "qualifiers.txt")])
    assert expected in claims(corpus, "qualifiers.txt")


def test_a_further_figure_for_a_deal_survives_a_round_told_in_the_same_sentence() -> None:
    text = (
        "据路透社报道，腾讯已同意向Vecta Labs投资5亿美元。"
        "而《金融时报》称，腾讯此轮实际出资为4.2亿美元，持股比例约为15%，其余份额由红杉中国跟投。"
    )
    found = claims(extract_corpus([document(text, "deal.txt")]), "deal.txt")
    assert (
        Claim(
            "investedIn", "腾讯", "Vecta Labs", ("420000000", "USD", "exact"), "0.15", reported_by="金融时报"
        )
        in found
    )
    assert ("investedIn", "红杉中国", "Vecta Labs") in {(c.relation, c.subject, c.object) for c in found}


def test_a_follower_of_a_round_gets_no_sum() -> None:
    found = claims(
        extract_corpus([document("腾讯参与了Vecta Labs的5亿元B轮融资。", "follower.txt")]), "follower.txt"
    )
    assert Claim("investedIn", "腾讯", "Vecta Labs") in found
