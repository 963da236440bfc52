"""The lexical resources: the known-entity list (ontology/known_entities.json + ontology/known.py)
and the word lists in extractors/data/*.txt."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.lexicon import alternation
from ontology.known import (
    ENTITY_TYPES,
    KINDS_BY_TYPE,
    KnownEntity,
    KnownEntityError,
    by_id,
    known_entities,
    lookup,
    name_index,
    normalize_name,
    parse_known_entities,
)

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# ---------------------------------------------------------------------------------------------
# known_entities.json


def test_the_list_loads_and_is_a_couple_of_thousand_entities_sorted_by_id():
    entities = known_entities()
    assert 1_500 <= len(entities) <= 3_000
    ids = [e.id for e in entities]
    assert ids == sorted(ids)
    assert known_entities() is entities  # loaded once


def test_every_entity_is_well_formed():
    for entity in known_entities():
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entity.id), entity.id
        assert entity.type in ENTITY_TYPES
        assert entity.kind == "" or entity.kind in KINDS_BY_TYPE[entity.type], entity.id
        assert entity.names, entity.id
        assert all(HAN.search(name) for name in entity.zh), entity.id
        assert not any(HAN.search(name) for name in entity.en), entity.id
        if entity.wikidata is not None:
            assert re.fullmatch(r"Q[1-9][0-9]*", entity.wikidata), entity.id


def test_no_name_belongs_to_two_entities_and_no_qid_is_reused():
    owners: dict[str, str] = {}
    for entity in known_entities():
        for name in entity.names:
            key = normalize_name(name)
            assert owners.setdefault(key, entity.id) == entity.id, (name, owners[key], entity.id)
    qids = [e.wikidata for e in known_entities() if e.wikidata]
    assert len(qids) == len(set(qids))
    assert len(name_index()) == sum(len(e.names) for e in known_entities())


def test_the_file_is_utf8_json_with_one_entity_per_line():
    text = (ROOT / "ontology" / "known_entities.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == {"about", "entities"}
    entity_lines = [line for line in text.splitlines() if line.startswith('    {"id": ')]
    assert len(entity_lines) == len(data["entities"])
    assert "\\u" not in text  # Chinese is written as Chinese, not escaped


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("马克·扎克伯格", "mark_zuckerberg"),
        ("马克?扎克伯格", "mark_zuckerberg"),  # a "·" lost in re-encoding
        ("马克？扎克伯格", "mark_zuckerberg"),  # full-width question mark
        ("马克・扎克伯格", "mark_zuckerberg"),  # katakana middle dot
        ("马克•扎克伯格", "mark_zuckerberg"),  # bullet
        ("马克‧扎克伯格", "mark_zuckerberg"),  # hyphenation point
        ("小扎", "mark_zuckerberg"),
        ("Mark  Zuckerberg", "mark_zuckerberg"),
        ("亚历山大?王", "alexandr_wang"),
        ("meta platforms", "meta"),
        ("META", "meta"),
        ("脸书", "meta"),
        ("Facebook", "meta"),
        ("ＯｐｅｎＡＩ", "openai"),  # full-width Latin
        ("《华尔街日报》", "wall_street_journal"),
        ("WSJ", "wall_street_journal"),
        ("GPT-4o", "gpt_4o"),
        ("gpt 4o", "gpt_4o"),
        ("DeepSeek V3", "deepseek_v3"),
        ("深度求索", "deepseek"),
        ("麻省理工", "mit"),
        ("五角大楼", "us_department_of_defense"),
        ("Scale AI", "scale_ai"),
        ("奥特曼", "sam_altman"),
        ("阿尔特曼", "sam_altman"),
    ],
)
def test_lookup_finds_an_entity_by_any_spelling(name, expected):
    entity = lookup(name)
    assert entity is not None, name
    assert entity.id == expected


@pytest.mark.parametrize("name", ["", "   ", "·", "一家不存在的公司", "Acme Widgets", "的"])
def test_lookup_returns_none_for_unknown_names(name):
    assert lookup(name) is None


@pytest.mark.parametrize(
    ("name", "entity_type", "kind"),
    [
        # companies, Chinese and foreign
        ("阿里巴巴", "Organization", "Company"),
        ("腾讯", "Organization", "Company"),
        ("百度", "Organization", "Company"),
        ("字节跳动", "Organization", "Company"),
        ("华为", "Organization", "Company"),
        ("小米", "Organization", "Company"),
        ("京东", "Organization", "Company"),
        ("美团", "Organization", "Company"),
        ("拼多多", "Organization", "Company"),
        ("网易", "Organization", "Company"),
        ("商汤", "Organization", "Company"),
        ("月之暗面", "Organization", "Company"),
        ("智谱", "Organization", "Company"),
        ("DeepSeek", "Organization", "Company"),
        ("宁德时代", "Organization", "Company"),
        ("比亚迪", "Organization", "Company"),
        ("英伟达", "Organization", "Company"),
        ("AMD", "Organization", "Company"),
        ("英特尔", "Organization", "Company"),
        ("台积电", "Organization", "Company"),
        ("三星", "Organization", "Company"),
        ("苹果", "Organization", "Company"),
        ("亚马逊", "Organization", "Company"),
        ("微软", "Organization", "Company"),
        ("谷歌", "Organization", "Company"),
        ("Alphabet", "Organization", "Company"),
        ("DeepMind", "Organization", "Company"),
        ("Anthropic", "Organization", "Company"),
        ("xAI", "Organization", "Company"),
        ("Mistral", "Organization", "Company"),
        ("Netflix", "Organization", "Company"),
        ("特斯拉", "Organization", "Company"),
        ("SpaceX", "Organization", "Company"),
        ("Databricks", "Organization", "Company"),
        ("Snowflake", "Organization", "Company"),
        ("Palantir", "Organization", "Company"),
        ("YouTube", "Organization", "Company"),
        ("软银", "Organization", "Company"),
        ("红杉", "Organization", "Company"),
        ("高瓴", "Organization", "Company"),
        ("a16z", "Organization", "Company"),
        ("Y Combinator", "Organization", "Company"),
        ("贝莱德", "Organization", "Company"),
        ("高盛", "Organization", "Company"),
        ("摩根士丹利", "Organization", "Company"),
        # media
        ("彭博社", "Organization", "MediaOutlet"),
        ("Bloomberg", "Organization", "MediaOutlet"),
        ("路透社", "Organization", "MediaOutlet"),
        ("美联社", "Organization", "MediaOutlet"),
        ("法新社", "Organization", "MediaOutlet"),
        ("新华社", "Organization", "MediaOutlet"),
        ("CNBC", "Organization", "MediaOutlet"),
        ("华盛顿邮报", "Organization", "MediaOutlet"),
        ("《纽约时报》", "Organization", "MediaOutlet"),
        ("金融时报", "Organization", "MediaOutlet"),
        ("福布斯", "Organization", "MediaOutlet"),
        ("The Information", "Organization", "MediaOutlet"),
        ("TechCrunch", "Organization", "MediaOutlet"),
        ("The Verge", "Organization", "MediaOutlet"),
        ("Wired", "Organization", "MediaOutlet"),
        ("财新", "Organization", "MediaOutlet"),
        ("第一财经", "Organization", "MediaOutlet"),
        ("36氪", "Organization", "MediaOutlet"),
        ("界面新闻", "Organization", "MediaOutlet"),
        ("澎湃新闻", "Organization", "MediaOutlet"),
        ("新智元", "Organization", "MediaOutlet"),
        ("机器之心", "Organization", "MediaOutlet"),
        ("量子位", "Organization", "MediaOutlet"),
        ("晚点LatePost", "Organization", "MediaOutlet"),
        ("证券时报", "Organization", "MediaOutlet"),
        ("21世纪经济报道", "Organization", "MediaOutlet"),
        ("央视", "Organization", "MediaOutlet"),
        # government bodies
        ("美国国防部", "Organization", "GovernmentBody"),
        ("美国商务部", "Organization", "GovernmentBody"),
        ("FTC", "Organization", "GovernmentBody"),
        ("SEC", "Organization", "GovernmentBody"),
        ("欧盟委员会", "Organization", "GovernmentBody"),
        ("工信部", "Organization", "GovernmentBody"),
        ("国家发改委", "Organization", "GovernmentBody"),
        ("证监会", "Organization", "GovernmentBody"),
        ("国家网信办", "Organization", "GovernmentBody"),
        ("市场监管总局", "Organization", "GovernmentBody"),
        # universities
        ("麻省理工学院", "Organization", "University"),
        ("MIT", "Organization", "University"),
        ("斯坦福大学", "Organization", "University"),
        ("哈佛大学", "Organization", "University"),
        ("卡内基梅隆大学", "Organization", "University"),
        ("加州大学伯克利分校", "Organization", "University"),
        ("清华大学", "Organization", "University"),
        ("北京大学", "Organization", "University"),
        ("浙江大学", "Organization", "University"),
        ("上海交通大学", "Organization", "University"),
        ("复旦", "Organization", "University"),
        ("中国科学技术大学", "Organization", "University"),
        ("香港大学", "Organization", "University"),
        # people
        ("扎克伯格", "Person", ""),
        ("埃隆·马斯克", "Person", ""),
        ("萨姆·奥特曼", "Person", ""),
        ("黄仁勋", "Person", ""),
        ("苏姿丰", "Person", ""),
        ("库克", "Person", ""),
        ("皮查伊", "Person", ""),
        ("纳德拉", "Person", ""),
        ("贝索斯", "Person", ""),
        ("比尔·盖茨", "Person", ""),
        ("马云", "Person", ""),
        ("马化腾", "Person", ""),
        ("李彦宏", "Person", ""),
        ("张一鸣", "Person", ""),
        ("雷军", "Person", ""),
        ("任正非", "Person", ""),
        ("王兴", "Person", ""),
        ("黄峥", "Person", ""),
        ("梁文锋", "Person", ""),
        ("杨植麟", "Person", ""),
        ("德米斯·哈萨比斯", "Person", ""),
        ("伊利亚·苏茨克维", "Person", ""),
        ("达里奥·阿莫迪", "Person", ""),
        ("特朗普", "Person", ""),
        ("拜登", "Person", ""),
        ("孙正义", "Person", ""),
        ("Alexandr Wang", "Person", ""),
        # products
        ("ChatGPT", "Product", "AIModel"),
        ("GPT-4", "Product", "AIModel"),
        ("GPT-4o", "Product", "AIModel"),
        ("GPT-5", "Product", "AIModel"),
        ("o1", "Product", "AIModel"),
        ("Claude", "Product", "AIModel"),
        ("Gemini", "Product", "AIModel"),
        ("Llama", "Product", "AIModel"),
        ("Llama 3", "Product", "AIModel"),
        ("Llama 4", "Product", "AIModel"),
        ("文心一言", "Product", "AIModel"),
        ("通义千问", "Product", "AIModel"),
        ("Qwen", "Product", "AIModel"),
        ("豆包", "Product", "AIModel"),
        ("Kimi", "Product", "AIModel"),
        ("DeepSeek-V3", "Product", "AIModel"),
        ("DeepSeek-R1", "Product", "AIModel"),
        ("Sora", "Product", "AIModel"),
        ("Copilot", "Product", "AIModel"),
        ("iPhone", "Product", ""),
        ("微信", "Product", ""),
        ("抖音", "Product", ""),
    ],
)
def test_the_list_covers_the_entities_chinese_tech_news_names_most(name, entity_type, kind):
    entity = lookup(name)
    assert entity is not None, name
    assert (entity.type, entity.kind) == (entity_type, kind)


@pytest.mark.parametrize(
    ("entity_id", "qid"),
    [
        ("google", "Q95"),
        ("microsoft", "Q2283"),
        ("meta", "Q380"),
        ("apple", "Q312"),
        ("mark_zuckerberg", "Q36215"),
        ("elon_musk", "Q317521"),
        ("openai", "Q21708200"),
        ("tesla", "Q478214"),
        ("mit", "Q49108"),
        ("washington_post", "Q166032"),
        ("stanford", "Q41506"),
        ("harvard", "Q13371"),
    ],
)
def test_anchor_wikidata_ids(entity_id, qid):
    entity = by_id(entity_id)
    assert entity is not None
    assert entity.wikidata == qid


def test_a_known_entity_exposes_its_labels_and_names():
    musk = by_id("elon_musk")
    assert musk is not None
    assert musk.label_zh == "埃隆·马斯克"
    assert musk.label_en == "Elon Musk"
    assert musk.names[: len(musk.zh)] == musk.zh
    assert by_id("openai").label_zh is None  # OpenAI has no Chinese name of its own
    assert by_id("no_such_id") is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        musk.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        name_index()["x"] = musk  # type: ignore[index]


# ---------------------------------------------------------------------------------------------
# validation: a broken list fails at load time, naming the entry and the problem

GOOD = {"id": "acme", "type": "Organization", "kind": "Company", "zh": ["阿克米"], "en": ["Acme"]}


def _check(*records: dict) -> tuple[KnownEntity, ...]:
    return parse_known_entities({"entities": list(records)}, "test.json")


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{**GOOD, "type": "Place"}], "test.json: entity 'acme': unknown type 'Place'"),
        ([{**GOOD, "kind": "AIModel"}], "kind 'AIModel' does not fit type Organization"),
        ([{**GOOD, "type": "Person"}], "kind 'Company' does not fit type Person (allowed: none)"),
        ([{**GOOD, "wikidata": "95"}], "wikidata '95' is not a Q-id"),
        ([{**GOOD, "wikidata": "Q095"}], "wikidata 'Q095' is not a Q-id"),
        ([GOOD, {**GOOD, "id": "acme2", "zh": [], "en": ["ACME"]}], "name 'ACME' (normalized 'acme')"),
        ([GOOD, {**GOOD, "id": "acme2", "zh": ["阿克米"], "en": []}], "is already a name of 'acme'"),
        ([GOOD, {**GOOD, "zh": [], "en": ["Other"]}], "entity 'acme': duplicate id"),
        (
            [{**GOOD, "wikidata": "Q1"}, {**GOOD, "id": "b", "zh": [], "en": ["B"], "wikidata": "Q1"}],
            "wikidata Q1 is already used by 'acme'",
        ),
        ([{**GOOD, "id": "Acme Corp"}], "id 'Acme Corp' is not snake_case"),
        ([{**GOOD, "zh": ["Acme"], "en": []}], "zh name 'Acme' has no Chinese character"),
        ([{**GOOD, "en": ["阿克米公司"]}], "en name '阿克米公司' has Chinese characters"),
        ([{**GOOD, "zh": [], "en": []}], "has no names"),
        ([{**GOOD, "en": ["Acme", " Acme"]}], "bad en name ' Acme'"),
        ([{**GOOD, "en": ["Acme", "ACME"]}], "names 'Acme' and 'ACME' are the same once normalized"),
        ([{**GOOD, "aliases": []}], "unknown field(s) aliases"),
        ([{**GOOD, "zh": "阿克米"}], "zh must be a list of names"),
    ],
)
def test_a_malformed_list_is_rejected_with_a_clear_message(records, message):
    with pytest.raises(KnownEntityError) as error:
        _check(*records)
    assert message in str(error.value)


def test_a_well_formed_record_parses():
    (acme,) = _check({**GOOD, "wikidata": "Q42"})
    assert acme == KnownEntity("acme", "Organization", "Company", ("阿克米",), ("Acme",), "Q42")
    (plain,) = _check({"id": "x_lab", "type": "Organization", "zh": [], "en": ["X Lab"]})
    assert plain.kind == "" and plain.wikidata is None


@pytest.mark.parametrize("data", [[], {"entities": {}}, {"entities": [], "extra": 1}])
def test_the_top_level_shape_is_checked(data):
    with pytest.raises(KnownEntityError, match="^test.json: "):
        parse_known_entities(data, "test.json")


# ---------------------------------------------------------------------------------------------
# normalization


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("马克?扎克伯格", "马克·扎克伯格"),
        ("马克・扎克伯格", "马克·扎克伯格"),
        ("马克･扎克伯格", "马克·扎克伯格"),  # half-width katakana middle dot
        ("Meta Platforms", "metaplatforms"),
        ("Ｍｅｔａ\u3000Platforms", "metaplatforms"),
        ("GPT-4o", "gpt4o"),
        ("《华尔街日报》", "华尔街日报"),
        ("DALL·E", "dall·e"),
    ],
)
def test_normalize_name(raw, normalized):
    assert normalize_name(raw) == normalized


@given(st.text())
def test_normalizing_never_fails_and_leaves_no_whitespace(text):
    normalized = normalize_name(text)
    assert not any(ch.isspace() for ch in normalized)
    assert "?" not in normalized and "-" not in normalized
    lookup(text)  # never raises


def test_known_names_normalize_stably():
    for entity in known_entities():
        for name in entity.names:
            once = normalize_name(name)
            assert normalize_name(once) == once, name


def test_ontology_known_depends_on_nothing_outside_the_standard_library():
    tree = ast.parse((ROOT / "ontology" / "known.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"extractors", "graph", "rdflib", "pyoxigraph", "jieba"}


# ---------------------------------------------------------------------------------------------
# extractors/data/*.txt

DATA_FILES = (
    "given_name_chars.txt",
    "given_names_en.txt",
    "japanese_surnames.txt",
    "org_suffixes.txt",
    "places.txt",
    "product_heads.txt",
    "roles.txt",
    "surnames.txt",
    "translit_chars.txt",
    "world_places.txt",
)


def _read(name: str) -> str:
    # Read through the package, as the extractors do, so the files are proven to ship with it.
    return resources.files("extractors").joinpath("data", name).read_bytes().decode("utf-8")


def _items(name: str) -> list[str]:
    return [line for line in _read(name).splitlines() if line and not line.startswith("#")]


def test_every_data_file_is_listed_here():
    assert sorted(p.name for p in (ROOT / "extractors" / "data").glob("*.txt")) == list(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_are_utf8_with_a_header_and_clean_unique_items(name):
    text = _read(name)  # strict UTF-8: raises on anything else
    assert not text.startswith("\ufeff")
    lines = text.splitlines()
    assert lines[0].startswith(f"# {name} — "), "first line names the file and says what it holds"
    header = [line for line in lines if line.startswith("#")]
    assert any("Source" in line for line in header), "the header says where the list comes from"
    items = _items(name)
    assert items
    assert all(line == line.strip() and "  " not in line for line in items)
    assert all(unicodedata.normalize("NFC", line) == line for line in items)
    if name in ("translit_chars.txt", "given_name_chars.txt", "world_places.txt", "japanese_surnames.txt"):
        keys = [token for line in items for token in line.split()]
    else:  # one item a line, maybe with tab-separated columns after it
        keys = [line.split("\t")[0].casefold() for line in items]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates


def test_surnames():
    surnames = _items("surnames.txt")
    assert 280 <= len(surnames) <= 450 and len(set(surnames)) == len(surnames)
    assert surnames[:5] == ["王", "李", "张", "刘", "陈"]
    assert all(1 <= len(s) <= 2 and all(HAN.match(ch) for ch in s) for s in surnames)
    assert {"欧阳", "司马", "诸葛", "上官"} <= set(surnames)


def test_world_places_are_places_only():
    places = [t for line in _items("world_places.txt") for t in line.split()]
    assert 300 <= len(places) <= 800
    assert all(2 <= len(p) <= 8 and all(HAN.match(ch) for ch in p) for p in places)
    # names that are as often people's are left out: Keynes, Darwin, Solomon, Hudson
    assert not {"凯恩斯", "达尔文", "所罗门", "哈德逊"} & set(places)


def test_translit_chars():
    chars = [t for line in _items("translit_chars.txt") for t in line.split()]
    assert 350 <= len(chars) <= 600
    assert all(len(c) == 1 and HAN.match(c) for c in chars)
    assert not set("的了和是在与及等向从被将把也都就对为而但") & set(chars)
    for name in ("扎克伯格", "奥特曼", "哈萨比斯", "苏茨克维", "亚历山大", "彼得", "本杰明", "乔治"):
        assert set(name) <= set(chars), name
    # every transliterated person name of the known-entity list is made of these characters
    for entity in known_entities():
        for name in entity.zh if entity.type == "Person" else ():
            if "·" in name:
                assert set(name) - {"·"} <= set(chars) | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), name


def test_given_name_chars():
    chars = [t for line in _items("given_name_chars.txt") for t in line.split()]
    assert 400 <= len(chars) <= 900
    assert all(len(c) == 1 and HAN.match(c) for c in chars)
    assert not set("的了是在与及等向从被将把也都就对为而但") & set(chars)  # function words make no names
    for name in ("伟", "文锋", "崇信", "小川", "一鸣", "晓峰", "丽华"):
        assert set(name) <= set(chars), name


def test_given_names():
    names = _items("given_names_en.txt")
    assert len(names) >= 350
    assert names == sorted(names, key=str.casefold)
    assert all(re.fullmatch(r"[A-Z][a-z]+(-[A-Z][a-z]+)?", n) for n in names)
    assert {"Alexandr", "Alexander", "Mark", "Sam", "Elon", "Ilya", "Satya", "Jensen", "Demis"} <= set(names)
    assert not {"Claude", "Alexa", "Devin", "Siri"} & set(names)  # product names are not evidence of a person


def _columns(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _items(name)]


def test_org_suffixes():
    kinds = {"Company", "University", "GovernmentBody", "MediaOutlet", "Team", "-"}
    rows = _columns("org_suffixes.txt")
    for row in rows:
        assert len(row) in (2, 3), row
        assert row[1] in kinds, row
        if len(row) == 3:
            assert set(row[2].split(",")) <= {"unit", "ambiguous"}, row
    table = {row[0]: (row[1], set(row[2].split(",")) if len(row) == 3 else set()) for row in rows}
    assert table["公司"] == ("Company", set())
    assert table["大学"] == ("University", set())
    assert table["日报"] == ("MediaOutlet", set())
    assert table["团队"] == ("Team", {"unit"})
    assert "unit" in table["实验室"][1] and "ambiguous" in table["部"][1]


def test_product_heads():
    rows = _columns("product_heads.txt")
    for row in rows:
        assert len(row) in (2, 3), row
        assert row[1] in {"AIModel", "-"}, row
        if len(row) == 3:
            assert row[2] == "ambiguous", row
    table = {row[0]: row[1:] for row in rows}
    assert table["大模型"] == ["AIModel"]
    assert table["芯片"] == ["-"]
    assert table["汽车"] == ["-", "ambiguous"]  # 蔚来汽车 is a company
    assert table["平台"] == ["-", "ambiguous"]


def test_roles():
    roles = set(_items("roles.txt"))
    assert len(roles) >= 120
    assert {"CEO", "首席执行官", "董事长", "联合创始人", "首席科学家", "研究员", "发言人", "教授"} <= roles


def test_alternation_is_a_trie_that_matches_the_longest_item_first():
    items = ["阿里", "阿里云", "阿里巴巴", "阿里巴巴集团", "a.b", "ab"]
    pattern = re.compile(alternation(items))
    flat = re.compile("|".join(re.escape(i) for i in sorted(items, key=lambda s: (-len(s), s))))
    for text in ("阿里巴巴集团", "阿里巴巴", "阿里巴", "阿里云智能", "阿", "a.b", "axb", "ab", "x阿里"):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in flat.finditer(text)], text
    assert re.fullmatch(f"(?:{alternation(items)})后", "阿里后")  # backtracks into shorter items
    assert alternation([]) == ""
