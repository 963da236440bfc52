"""extractors.entities (through extract_corpus): which mentions name the same real thing.

Within a document: a name and its gloss (亚历山大·王(Alexandr Wang)), a part of a full name that only
one person bears (Wang, Al-Dahle), the names of one known entity (扎克伯格 / 小扎 / Mark Zuckerberg),
a company with and without its legal form, two names of one team (GenAI团队 / GenAI部门).
Across documents: one entity per real entity, joined on a known id or a full name — never on a short
form, so two people called Wang in two articles stay two people.
"""

from __future__ import annotations

import re

import pytest

from extractors.model import Document, Entity
from extractors.pipeline import Corpus, extract_corpus


def document(raw: str, doc_id: str, published: str = "2025-06-12") -> Document:
    return Document.from_text(raw, doc_id, published)


ARTICLES = {
    "wang.txt": "Scale AI创始人亚历山大·王(Alexandr Wang)将加入Meta。"
    "Alexandr Wang今年28岁，Wang表示，他对此感到兴奋。",
    "dahle.txt": "Meta生成式AI负责人Ahmad Al-Dahle表示，公司将加大投入。Al-Dahle此前在苹果工作。",
    "zuck.txt": "扎克伯格在采访中表示，Meta将加大投入。小扎还透露，Mark Zuckerberg本人将亲自招募人才。",
    "jack.txt": "云帆科技有限公司宣布，杰克·王(Jack Wang)出任首席执行官。Wang表示，公司将扩大招聘。",
    "amy.txt": "Meta宣布，艾米·王(Amy Wang)将加入公司。Wang此前在谷歌工作。",
    "genai.txt": "Meta的GenAI团队今年进行了重组。GenAI部门负责人表示，重组将提高效率。",
    "yunfan.txt": "云帆科技有限公司（以下简称“云帆科技”）宣布，云帆科技将于明年上市。",
    "vecta1.txt": "初创公司Vecta Labs今日宣布完成1.2亿美元融资。",
    "vecta2.txt": "据36氪报道，Vecta Labs的客户包括招商银行。",
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return extract_corpus([document(raw, doc_id) for doc_id, raw in ARTICLES.items()])


def entities_in(corpus: Corpus, doc_id: str, type_: str | None = None) -> list[Entity]:
    return [
        e
        for e in corpus.entities
        if any(m.doc_id == doc_id for m in e.mentions) and (type_ is None or e.type == type_)
    ]


def texts_in(entity: Entity, doc_id: str) -> list[str]:
    return [m.text for m in entity.mentions if m.doc_id == doc_id]


# ---------------------------------------------------------------------------------------------
# Within a document


def test_a_name_its_gloss_and_its_short_form_are_one_person(corpus: Corpus) -> None:
    [person] = entities_in(corpus, "wang.txt", "Person")
    assert person.key == "person/alexandr-wang"
    assert texts_in(person, "wang.txt") == ["亚历山大·王", "Alexandr Wang", "Alexandr Wang", "Wang"]


def test_an_unknown_person_with_a_gloss_and_a_surname_is_one_person(corpus: Corpus) -> None:
    [person] = entities_in(corpus, "jack.txt", "Person")
    assert person.key == "person/jack-wang"
    assert texts_in(person, "jack.txt") == ["杰克·王", "Jack Wang", "Wang"]
    assert {"杰克·王", "Jack Wang"} <= set(person.names)


def test_a_hyphenated_surname_is_the_short_form_of_the_full_name(corpus: Corpus) -> None:
    [person] = entities_in(corpus, "dahle.txt", "Person")
    assert person.key == "person/ahmad-al-dahle"
    assert texts_in(person, "dahle.txt") == ["Ahmad Al-Dahle", "Al-Dahle"]
    assert person.label_en == "Ahmad Al-Dahle"


def test_the_names_of_a_known_person_are_one_entity(corpus: Corpus) -> None:
    [person] = entities_in(corpus, "zuck.txt", "Person")
    assert person.key == "person/mark-zuckerberg"
    assert texts_in(person, "zuck.txt") == ["扎克伯格", "小扎", "Mark Zuckerberg"]
    assert person.wikidata == "Q36215"  # a known entity brings its Wikidata id


def test_two_names_of_one_team_are_one_entity(corpus: Corpus) -> None:
    [team] = [e for e in entities_in(corpus, "genai.txt") if e.kind == "Team"]
    assert team.type == "Organization"
    assert texts_in(team, "genai.txt") == ["GenAI团队", "GenAI部门"]


def test_a_company_with_and_without_its_legal_form_is_one_entity(corpus: Corpus) -> None:
    [company] = entities_in(corpus, "yunfan.txt")
    assert company.kind == "Company"
    assert texts_in(company, "yunfan.txt") == ["云帆科技有限公司", "云帆科技", "云帆科技"]


# two people share the surname Wang, and the text then says just "Wang"
TWO_WANGS = (
    "云帆科技有限公司宣布，杰克·王(Jack Wang)和艾米·王(Amy Wang)将共同领导新团队。Wang表示，公司将扩大招聘。"
)


def test_a_short_form_two_people_share_is_nobody_s_in_particular() -> None:
    corpus = extract_corpus([document(TWO_WANGS, "two-wangs.txt")])
    people = [e for e in corpus.entities if e.type == "Person"]
    assert sorted(e.key for e in people) == ["person/amy-wang", "person/jack-wang"]
    assert all("Wang" not in texts_in(e, "two-wangs.txt") for e in people)


def test_an_ambiguous_surname_becomes_no_organization() -> None:
    corpus = extract_corpus([document(TWO_WANGS, "two-wangs.txt")])
    assert "Wang" not in {name for e in corpus.entities if e.type == "Organization" for name in e.names}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a quoted name and its gloss; a model code for the one product it ends
        ("公司发布新一代模型“青岚-3”（Qinglan-3）。", {"青岚-3", "Qinglan-3"}),
        ("公司推出新一代训练芯片“鹊芯K2”，多家云厂商已采购K2芯片。", {"鹊芯K2", "K2"}),
    ],
)
def test_the_names_of_one_product_are_one_entity(text: str, names: set[str]) -> None:
    corpus = extract_corpus([document(text, "product.txt")])
    products = [e for e in corpus.entities if e.type == "Product"]
    assert len(products) == 1 and set(texts_in(products[0], "product.txt")) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the short form an article declares, an abbreviation in brackets, a registered name's short form
        (
            "北京云岫未来科技有限公司（以下简称“云岫未来”）成立于2021年。",
            {"北京云岫未来科技有限公司", "云岫未来"},
        ),
        ("中国汽车技术研究中心（中国汽研）发布报告。中国汽研表示。", {"中国汽车技术研究中心", "中国汽研"}),
        # the original name, then the declared short form, in one pair of brackets; 互动 (an "adverb")
        # inside the registered name
        (
            "雪鸮互动娱乐有限公司（Snowowl Games，下称“雪鸮互动”）完成融资。雪鸮互动表示满意。",
            {"雪鸮互动娱乐有限公司", "Snowowl Games", "雪鸮互动"},
        ),
        (
            "杭州云岫智联信息技术有限公司宣布，云岫智联将推出芯片。",
            {"杭州云岫智联信息技术有限公司", "云岫智联"},
        ),
    ],
)
def test_a_company_and_the_short_forms_the_article_uses_are_one_entity(text: str, names: set[str]) -> None:
    corpus = extract_corpus([document(text, "short.txt")])
    organizations = [e for e in corpus.entities if e.type == "Organization"]
    assert len(organizations) == 1 and set(texts_in(organizations[0], "short.txt")) == names


# ---------------------------------------------------------------------------------------------
# Across documents


def test_two_people_called_wang_in_two_articles_stay_two_people(corpus: Corpus) -> None:
    [jack] = entities_in(corpus, "jack.txt", "Person")
    [amy] = entities_in(corpus, "amy.txt", "Person")
    assert jack.key != amy.key
    # each article's "Wang" is its own person, never the other article's
    assert {m.doc_id for m in jack.mentions} == {"jack.txt"}
    assert {m.doc_id for m in amy.mentions} == {"amy.txt"}
    assert "Wang" in texts_in(amy, "amy.txt")


def test_one_real_entity_is_one_node_across_documents(corpus: Corpus) -> None:
    [meta] = [e for e in corpus.entities if e.key == "organization/meta"]
    assert {m.doc_id for m in meta.mentions} == {"wang.txt", "dahle.txt", "zuck.txt", "amy.txt", "genai.txt"}
    [vecta] = [e for e in corpus.entities if "Vecta Labs" in e.names]
    assert {m.doc_id for m in vecta.mentions} == {"vecta1.txt", "vecta2.txt"}
    assert len([e for e in corpus.entities if e.label_en == "Meta"]) == 1


def test_every_mention_belongs_to_exactly_the_entity_it_names(corpus: Corpus) -> None:
    by_key = {e.key: e for e in corpus.entities}
    owned = [(m.doc_id, m.start, m.end) for e in corpus.entities for m in e.mentions]
    assert len(owned) == len(set(owned))
    for extraction in corpus.extractions:
        for mention in extraction.mentions:
            entity = by_key[mention.entity]
            assert mention in entity.mentions
            assert mention.type == entity.type


# ---------------------------------------------------------------------------------------------
# Keys


def test_entity_keys_are_type_and_slug(corpus: Corpus) -> None:
    keys = [e.key for e in corpus.entities]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    for entity in corpus.entities:
        assert entity.type in ("Person", "Organization", "Product")
        assert entity.key.startswith(entity.type.lower() + "/")
        slug = entity.key.split("/", 1)[1]
        # an English name becomes lowercase words joined by "-"; a Chinese one is kept as written
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) or re.search(r"[\u4e00-\u9fff]", slug), slug
    assert {"person/alexandr-wang", "organization/scale-ai", "organization/meta"} <= set(keys)


def test_a_chinese_name_without_an_english_one_is_its_own_slug(corpus: Corpus) -> None:
    [company] = entities_in(corpus, "yunfan.txt")
    assert company.key == "organization/云帆科技有限公司"  # the longest Chinese name: the registered one
    assert company.label_en is None


def test_entity_keys_do_not_depend_on_input_order(corpus: Corpus) -> None:
    documents = [document(raw, doc_id) for doc_id, raw in ARTICLES.items()]
    again = extract_corpus(list(reversed(documents)))
    assert again.entities == corpus.entities
    assert again.extractions == corpus.extractions


def test_an_entity_keeps_its_key_when_other_articles_are_added(corpus: Corpus) -> None:
    alone = extract_corpus([document(ARTICLES["dahle.txt"], "dahle.txt")])
    assert {e.key for e in alone.entities} <= {e.key for e in corpus.entities}
    assert {e.key for e in alone.entities} == {
        "organization/apple",
        "organization/meta",
        "person/ahmad-al-dahle",
    }


@pytest.mark.parametrize(
    ("raw", "long_form", "short_form"),
    [
        (
            "北京大模型公司衡山智能宣布融资。苏蔓去年加盟衡山，负责研发。",
            "衡山智能",
            "衡山",
        ),  # a place as brand
        ("具身智能公司星衍机器人完成融资。星衍表示，资金将用于研发。", "星衍机器人", "星衍"),
    ],
)
def test_a_company_and_its_name_without_the_industry_word_are_one_entity(
    raw: str, long_form: str, short_form: str
) -> None:
    corpus = extract_corpus([document(raw, "short.txt")])
    companies = [e for e in corpus.entities if e.type == "Organization"]
    assert [sorted(set(texts_in(e, "short.txt"))) for e in companies] == [sorted({long_form, short_form})]


def test_units_of_two_companies_stay_two_units_across_documents() -> None:
    """A unit is also called by its own part (自动驾驶实验室), but that part names no one entity."""
    corpus = extract_corpus(
        [
            document("阿里巴巴自动驾驶实验室负责人离职。", "a.txt"),
            document("小米自动驾驶实验室负责人离职。", "b.txt"),
        ]
    )
    labs = sorted(e.label_zh or "" for e in corpus.entities if e.kind == "Team")
    assert labs == ["小米自动驾驶实验室", "阿里巴巴自动驾驶实验室"]
