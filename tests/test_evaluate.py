"""Scoring against gold: the rules of graph/evaluate.py, each on a small hand-made corpus."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.model import Amount, Document, Entity, Fact, Mention, When
from extractors.pipeline import Corpus, Extraction
from graph.evaluate import GoldError, evaluate, load_gold, normalize_name, parse_gold, score

# ------------------------------------------------------------------------------------------------
# Builders: real offsets, found in the raw text, so the corpus is one the pipeline could produce.

RAW_A = (
    "据彭博社报道，马克?扎克伯格的Meta以143亿美元投资Scale AI，持股49%。"
    "Meta与OpenAI竞争，Meta也与Scale AI合作。"
)
RAW_B = "小扎说Meta还在招人。Llama是Meta的模型。"
RAW_C = "这篇没有金标。Meta又发布了新模型。"


def document(doc_id: str, raw: str) -> Document:
    return Document(doc_id, f"seeds/{doc_id}", raw, hashlib.sha256(raw.encode()).hexdigest())


def mention(doc_id: str, raw: str, text: str, type_: str, nth: int = 0, name: str = "") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = raw.index(text, start + 1)
    return Mention(doc_id, start, start + len(text), text, type_, "test.mentions.v1", name=name)


def fact(doc_id: str, relation: str, subject: str, obj: str | None, **qualifiers) -> Fact:
    return Fact(doc_id, relation, subject, obj, 0, 1, "x", "test.relations.v1", **qualifiers)


def corpus(raws: dict[str, str], entities: list[Entity], facts: list[Fact]) -> Corpus:
    extractions = []
    for doc_id in sorted(raws):
        mentions = tuple(sorted(m for e in entities for m in e.mentions if m.doc_id == doc_id))
        doc_facts = tuple(f for f in facts if f.doc_id == doc_id)
        extractions.append(Extraction(document(doc_id, raws[doc_id]), (), mentions, doc_facts))
    return Corpus(tuple(extractions), tuple(sorted(entities, key=lambda e: e.key)))


def entity(key: str, type_: str, names: tuple[str, ...], *mentions: Mention) -> Entity:
    return Entity(key, type_, names, tuple(mentions))


def write_gold(directory: Path, name: str, document_id: str, entities: list[dict], facts: list[dict]) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / name
    record = {"document": document_id, "published": "2025-06-12", "entities": entities, "facts": facts}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def gold_entity(id_: str, type_: str, *names: str) -> dict:
    return {"id": id_, "type": type_, "names": list(names)}


GOLD_A_ENTITIES = [
    gold_entity("mark_zuckerberg", "Person", "马克·扎克伯格", "扎克伯格"),
    gold_entity("meta", "Organization", "Meta"),
    gold_entity("scale_ai", "Organization", "Scale AI"),
    gold_entity("openai", "Organization", "OpenAI"),
    gold_entity("bloomberg", "Organization", "彭博社"),
    gold_entity("google", "Organization", "谷歌"),
]
GOLD_A_FACTS: list[dict] = [
    {
        "subject": "meta",
        "relation": "investedIn",
        "object": "scale_ai",
        "amount": {"value": 14300000000, "currency": "USD", "qualifier": "exact"},
        "stake": 0.49,
        "date": "2025-06",
        "reported_by": "bloomberg",
        "evidence": "Meta以143亿美元投资Scale AI",
    },
    {"subject": "meta", "relation": "competitorOf", "object": "openai", "evidence": "Meta与OpenAI竞争"},
    {"subject": "mark_zuckerberg", "relation": "worksFor", "object": "meta", "role": "CEO", "evidence": "x"},
    {"subject": "google", "relation": "customerOf", "object": "scale_ai", "evidence": "谷歌是客户"},
    {"subject": "scale_ai", "relation": "partnersWith", "object": "meta", "evidence": "Meta也与Scale AI合作"},
]


def scenario_a() -> Corpus:
    """Predictions for RAW_A: 4 right entities, 1 duplicate, 1 of the wrong type, 1 not in gold."""
    a = "a.txt"
    mark = entity(
        "person/马克·扎克伯格",
        "Person",
        ("马克·扎克伯格",),
        mention(a, RAW_A, "马克?扎克伯格", "Person", name="马克·扎克伯格"),
    )
    meta = entity(
        "organization/meta",
        "Organization",
        ("Meta",),
        mention(a, RAW_A, "Meta", "Organization", 0),
        mention(a, RAW_A, "Meta", "Organization", 1),
    )
    # a second node for Meta: fewer mentions, so it is the duplicate
    meta_again = entity(
        "organization/meta-platforms",
        "Organization",
        ("Meta Platforms", "META"),
        mention(a, RAW_A, "Meta", "Organization", 2),
    )
    scale = entity(
        "organization/scale-ai", "Organization", ("Scale AI",), mention(a, RAW_A, "Scale AI", "Organization")
    )
    openai_as_person = entity("person/openai", "Person", ("OpenAI",), mention(a, RAW_A, "OpenAI", "Person"))
    bloomberg = entity(
        "organization/彭博社", "Organization", ("彭博社",), mention(a, RAW_A, "彭博社", "Organization")
    )
    percent = entity("product/49", "Product", ("49%",), mention(a, RAW_A, "49%", "Product"))
    invested = {
        "amount": Amount(Decimal("1.43E10"), "USD", "about"),
        "stake": Decimal("0.490"),
        "date": When("2025-06", "month"),
        "reported_by": "organization/彭博社",
    }
    facts = [
        # twice the same claim (once through the duplicate node): one key, counted once
        fact(a, "investedIn", "organization/meta-platforms", "organization/scale-ai", **invested),
        fact(a, "investedIn", "organization/meta", "organization/scale-ai", **invested),
        fact(a, "competitorOf", "person/openai", "organization/meta"),  # wrong type: cannot match
        fact(a, "worksFor", "person/马克·扎克伯格", "organization/meta", role="ceo"),
        fact(a, "partnersWith", "organization/meta", "organization/scale-ai"),  # gold has it reversed
    ]
    return corpus({a: RAW_A}, [mark, meta, meta_again, scale, openai_as_person, bloomberg, percent], facts)


@pytest.fixture
def gold_a(tmp_path: Path) -> Path:
    write_gold(tmp_path / "gold", "a.json", "a.txt", GOLD_A_ENTITIES, GOLD_A_FACTS)
    return tmp_path / "gold"


# ------------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    "a, b",
    [
        ("马克?扎克伯格", "马克·扎克伯格"),
        ("马克 · 扎克伯格", "马克·扎克伯格"),
        ("马克？扎克伯格", "马克・扎克伯格"),  # full-width ? and katakana middle dot
        ("马克•扎克伯格", "马克‧扎克伯格"),
        ("Scale AI", "scale\u3000ai"),
        ("ＯｐｅｎＡＩ", "OpenAI"),  # NFKC folds full-width Latin
    ],
)
def test_names_match_after_folding(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_different_names_stay_different() -> None:
    assert normalize_name("Meta AI") != normalize_name("Meta")


def test_gold_name_with_spaced_dot_matches_a_mention_with_the_question_mark_artefact(tmp_path: Path) -> None:
    raw = "马克?扎克伯格宣布了计划。"
    write_gold(tmp_path / "gold", "a.json", "a.txt", [gold_entity("mark", "Person", "马克 · 扎克伯格")], [])
    # the entity's own names do not contain the gold form: the mention text alone must carry the match
    mark = entity("person/x", "Person", ("X",), mention("a.txt", raw, "马克?扎克伯格", "Person"))
    report = evaluate(corpus({"a.txt": raw}, [mark], []), tmp_path / "gold")
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (1, 0, 0)
    assert report.matches == (("mark", "person/x"),)


# ------------------------------------------------------------------------------------------------
# Entities


def test_entity_scores_count_duplicates_and_wrong_types_as_false_positives(gold_a: Path) -> None:
    report = evaluate(scenario_a(), gold_a)
    e = report.entities
    # predicted 7: 4 matched, a duplicate of Meta, OpenAI typed Person, "49%" not in gold
    # gold 6: OpenAI (wrong type) and 谷歌 (never found) are missed
    assert (e.tp, e.fp, e.fn, e.duplicates) == (4, 3, 2, 1)
    assert e.precision == pytest.approx(4 / 7)
    assert e.recall == pytest.approx(4 / 6)
    assert e.f1 == pytest.approx(2 * (4 / 7) * (4 / 6) / (4 / 7 + 4 / 6))
    assert dict(report.matches) == {
        "bloomberg": "organization/彭博社",
        "mark_zuckerberg": "person/马克·扎克伯格",
        "meta": "organization/meta",
        "scale_ai": "organization/scale-ai",
    }
    spurious = {s.id: s for s in report.spurious_entities}
    assert spurious["organization/meta-platforms"].duplicate_of == "meta"
    assert (
        spurious["organization/meta-platforms"].note
        == "duplicate of gold meta (matched by organization/meta)"
    )
    assert spurious["person/openai"].note == "wrong type: gold openai is Organization"
    assert spurious["product/49"].note == "not in gold"
    assert [m.id for m in report.missed_entities] == ["google", "openai"]


def test_missed_entities_point_at_the_text_when_the_name_occurs(gold_a: Path) -> None:
    missed = {m.id: m for m in evaluate(scenario_a(), gold_a).missed_entities}
    where = missed["openai"].where
    assert where is not None and RAW_A[where.start : where.end] == "OpenAI"
    assert missed["google"].where is not None and missed["google"].where.start is None  # 谷歌 is not in RAW_A


def test_the_pair_sharing_more_names_wins_the_match(tmp_path: Path) -> None:
    raw = "Scale AI（Scale）的创始人。Scale AI很大。"
    write_gold(
        tmp_path / "gold", "a.json", "a.txt", [gold_entity("s", "Organization", "Scale AI", "Scale")], []
    )
    one_name = entity(
        "organization/a",
        "Organization",
        ("Scale AI",),
        mention("a.txt", raw, "Scale AI", "Organization", 0),
        mention("a.txt", raw, "Scale AI", "Organization", 1),
    )
    two_names = entity(
        "organization/b",
        "Organization",
        ("Scale AI", "Scale"),
        mention("a.txt", raw, "Scale", "Organization", 1),
    )
    report = evaluate(corpus({"a.txt": raw}, [one_name, two_names], []), tmp_path / "gold")
    assert report.matches == (("s", "organization/b"),)
    assert [(s.id, s.duplicate_of) for s in report.spurious_entities] == [("organization/a", "s")]


def test_matching_is_maximum_not_greedy(tmp_path: Path) -> None:
    """Greedy by shared names gives "ab" to x and leaves "a" unmatched; a maximum matching takes both."""
    raw = "甲乙和甲都来了。"
    gold = [gold_entity("ab", "Person", "甲乙", "甲"), gold_entity("a", "Person", "甲")]
    write_gold(tmp_path / "gold", "a.json", "a.txt", gold, [])
    x = entity("person/x", "Person", ("甲乙", "甲"), mention("a.txt", raw, "甲乙", "Person"))
    y = entity("person/y", "Person", ("乙",), mention("a.txt", raw, "甲", "Person", 1))
    report = evaluate(corpus({"a.txt": raw}, [x, y], []), tmp_path / "gold")
    assert dict(report.matches) == {"ab": "person/x", "a": "person/y"}
    assert report.entities.duplicates == 0


def test_gold_entities_are_merged_across_files_by_id(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.json", "a.txt", [gold_entity("mark", "Person", "马克·扎克伯格")], [])
    write_gold(
        gold,
        "b.json",
        "b.txt",
        [gold_entity("mark", "Person", "小扎"), gold_entity("meta", "Organization", "Meta")],
        [],
    )
    # one predicted node seen in both documents, under a different name in each
    mark = entity(
        "person/mark",
        "Person",
        ("马克·扎克伯格", "小扎"),
        mention("a.txt", RAW_A, "马克?扎克伯格", "Person"),
        mention("b.txt", RAW_B, "小扎", "Person"),
    )
    # and a second node only known as 小扎: a duplicate of the same gold entity
    xiaozha = entity("person/小扎", "Person", ("小扎",), mention("b.txt", RAW_B, "小扎", "Person"))
    report = evaluate(corpus({"a.txt": RAW_A, "b.txt": RAW_B}, [mark, xiaozha], []), gold)
    assert (report.entities.tp, report.entities.fp, report.entities.fn, report.entities.duplicates) == (
        1,
        1,
        1,
        1,
    )
    assert load_gold(gold).entities[0].names == ("马克·扎克伯格", "小扎")


def test_per_document_lines_show_an_entity_found_only_in_another_document(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.json", "a.txt", [gold_entity("meta", "Organization", "Meta")], [])
    write_gold(gold, "b.json", "b.txt", [gold_entity("meta", "Organization", "Meta")], [])
    meta = entity(
        "organization/meta", "Organization", ("Meta",), mention("a.txt", RAW_A, "Meta", "Organization")
    )
    report = evaluate(corpus({"a.txt": RAW_A, "b.txt": RAW_B}, [meta], []), gold)
    assert (report.entities.tp, report.entities.fn) == (1, 0)  # over the corpus: found
    by_document = {d.document: (d.entities.tp, d.entities.fp, d.entities.fn) for d in report.documents}
    assert by_document == {"a.txt": (1, 0, 0), "b.txt": (0, 0, 1)}
    [missed] = report.missed_in_documents
    assert (missed.id, missed.note) == ("meta", "found in other documents by organization/meta, not here")
    assert missed.where is not None and RAW_B[missed.where.start : missed.where.end] == "Meta"
    assert "missed in a document (matched elsewhere; not counted above) (1)" in report.format(verbose=True)


def test_only_documents_with_gold_count(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "b.json", "b.txt", [gold_entity("meta", "Organization", "Meta")], [])
    meta = entity(
        "organization/meta",
        "Organization",
        ("Meta",),
        mention("b.txt", RAW_B, "Meta", "Organization"),
        mention("c.txt", RAW_C, "Meta", "Organization"),
    )
    # only mentioned where there is no gold: not counted
    ungraded = entity("product/新模型", "Product", ("新模型",), mention("c.txt", RAW_C, "新模型", "Product"))
    facts = [fact("c.txt", "released", "organization/meta", "product/新模型")]
    report = evaluate(corpus({"b.txt": RAW_B, "c.txt": RAW_C}, [meta, ungraded], facts), gold)
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (1, 0, 0)
    assert (report.facts.tp, report.facts.fp, report.facts.fn) == (0, 0, 0)
    assert [d.document for d in report.documents] == ["b.txt"]


def test_gold_files_for_documents_not_given_are_listed_and_ignored(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.json", "a.txt", GOLD_A_ENTITIES, GOLD_A_FACTS)
    write_gold(gold, "z.json", "z.txt", [gold_entity("zed", "Person", "Zed")], [])
    report = evaluate(scenario_a(), gold)
    assert report.unscored == ("z.txt",)
    assert report.entities.fn == 2  # Zed is not counted missing
    assert "not scored (not among the inputs): z.txt" in report.format()


# ------------------------------------------------------------------------------------------------
# Facts and qualifiers


def test_fact_scores_are_per_document_sets_through_the_entity_assignment(gold_a: Path) -> None:
    report = evaluate(scenario_a(), gold_a)
    f = report.facts
    # predicted keys: investedIn (said twice, once via the duplicate), worksFor, partnersWith (reversed),
    # competitorOf with OpenAI typed Person (cannot match). Gold: 5 keys.
    assert (f.tp, f.fp, f.fn) == (3, 1, 2)
    assert f.precision == pytest.approx(3 / 4)
    assert f.recall == pytest.approx(3 / 5)
    assert [m.statement for m in report.missed_facts] == [
        "meta competitorOf openai",
        "google customerOf scale_ai",
    ]
    assert [s.statement for s in report.spurious_facts] == ["?person/openai (OpenAI) competitorOf meta"]


def test_symmetric_relations_ignore_direction_but_others_do_not(tmp_path: Path) -> None:
    raw = "Meta与谷歌合作，谷歌投资Meta。"
    gold_entities = [
        gold_entity("meta", "Organization", "Meta"),
        gold_entity("google", "Organization", "谷歌"),
    ]
    gold_facts: list[dict] = [
        {"subject": "google", "relation": "partnersWith", "object": "meta", "evidence": "Meta与谷歌合作"},
        {"subject": "google", "relation": "investedIn", "object": "meta", "evidence": "谷歌投资Meta"},
    ]
    write_gold(tmp_path / "gold", "a.json", "a.txt", gold_entities, gold_facts)
    meta = entity(
        "organization/meta", "Organization", ("Meta",), mention("a.txt", raw, "Meta", "Organization")
    )
    google = entity(
        "organization/谷歌", "Organization", ("谷歌",), mention("a.txt", raw, "谷歌", "Organization")
    )
    facts = [
        fact("a.txt", "partnersWith", "organization/meta", "organization/谷歌"),
        fact("a.txt", "investedIn", "organization/meta", "organization/谷歌"),  # wrong direction
    ]
    report = evaluate(corpus({"a.txt": raw}, [meta, google], facts), tmp_path / "gold")
    assert (report.facts.tp, report.facts.fp, report.facts.fn) == (1, 1, 1)
    assert [m.statement for m in report.missed_facts] == ["google investedIn meta"]


def test_amount_is_part_of_the_key_for_investments_and_valuations(tmp_path: Path) -> None:
    raw = "Scale AI估值290亿美元。"
    write_gold(
        tmp_path / "gold",
        "a.json",
        "a.txt",
        [gold_entity("scale", "Organization", "Scale AI")],
        [
            {
                "subject": "scale",
                "relation": "valuedAt",
                "amount": {"value": 29000000000, "currency": "USD", "qualifier": "exact"},
                "evidence": "估值290亿美元",
            }
        ],
    )
    scale = entity(
        "organization/scale-ai",
        "Organization",
        ("Scale AI",),
        mention("a.txt", raw, "Scale AI", "Organization"),
    )
    right = fact("a.txt", "valuedAt", scale.key, None, amount=Amount(Decimal("2.9E+10"), "USD"))
    wrong = fact("a.txt", "valuedAt", scale.key, None, amount=Amount(Decimal("28000000000"), "USD"))
    report = evaluate(corpus({"a.txt": raw}, [scale], [right, wrong]), tmp_path / "gold")
    assert (report.facts.tp, report.facts.fp, report.facts.fn) == (1, 1, 0)
    assert [s.statement for s in report.spurious_facts] == ["scale valuedAt (28000000000 USD)"]


@pytest.mark.parametrize(
    "with_amount, expected",
    [
        # told again without its amount beside the full statement: subsumed, neither hit nor miss
        (True, (1, 0, 0)),
        # only ever told without the amount: a different key from gold's, so a false positive
        (False, (0, 1, 1)),
    ],
)
def test_an_investment_without_its_amount(tmp_path: Path, with_amount: bool, expected: tuple) -> None:
    raw = "Meta以143亿美元投资Scale AI。Meta入股Scale AI。"
    gold_entities = [
        gold_entity("meta", "Organization", "Meta"),
        gold_entity("scale", "Organization", "Scale AI"),
    ]
    amount = {"value": 14300000000, "currency": "USD", "qualifier": "exact"}
    gold_facts = [{"subject": "meta", "relation": "investedIn", "object": "scale", "amount": amount}]
    write_gold(tmp_path / "gold", "a.json", "a.txt", gold_entities, gold_facts)
    meta = entity(
        "organization/meta", "Organization", ("Meta",), mention("a.txt", raw, "Meta", "Organization")
    )
    scale = entity(
        "organization/s", "Organization", ("Scale AI",), mention("a.txt", raw, "Scale AI", "Organization")
    )
    facts = [fact("a.txt", "investedIn", meta.key, scale.key)]
    if with_amount:
        facts.append(
            fact("a.txt", "investedIn", meta.key, scale.key, amount=Amount(Decimal(14300000000), "USD"))
        )
    report = evaluate(corpus({"a.txt": raw}, [meta, scale], facts), tmp_path / "gold")
    assert (report.facts.tp, report.facts.fp, report.facts.fn) == expected


def test_qualifier_accuracy_on_matched_facts(gold_a: Path) -> None:
    report = evaluate(scenario_a(), gold_a)
    assert report.qualifiers == (
        ("role", 1, 1),  # "ceo" == "CEO" after normalization
        ("amount", 0, 1),  # "about" extracted, gold says "exact"
        ("stake", 1, 1),  # 0.490 == 0.49
        ("date", 1, 1),
        ("reported_by", 1, 1),  # organization/彭博社 stands for gold bloomberg
    )
    [error] = report.qualifier_errors
    assert (error.qualifier, error.expected, error.found) == ("amount", "exact", ("about",))


def test_qualifiers_of_unmatched_facts_are_not_counted(tmp_path: Path) -> None:
    raw = "Meta任命马克为CEO。"
    write_gold(
        tmp_path / "gold",
        "a.json",
        "a.txt",
        [gold_entity("meta", "Organization", "Meta"), gold_entity("mark", "Person", "马克")],
        [
            {
                "subject": "mark",
                "relation": "worksFor",
                "object": "meta",
                "role": "CEO",
                "date": "2024",
                "evidence": "x",
            }
        ],
    )
    meta = entity(
        "organization/meta", "Organization", ("Meta",), mention("a.txt", raw, "Meta", "Organization")
    )
    report = evaluate(corpus({"a.txt": raw}, [meta], []), tmp_path / "gold")
    assert report.qualifiers == (
        ("role", 0, 0),
        ("amount", 0, 0),
        ("stake", 0, 0),
        ("date", 0, 0),
        ("reported_by", 0, 0),
    )


def test_wrong_date_stake_and_outlet_are_counted_wrong(tmp_path: Path) -> None:
    raw = "据彭博社和CNBC报道，Meta投资Scale AI。"
    write_gold(
        tmp_path / "gold",
        "a.json",
        "a.txt",
        [
            gold_entity("meta", "Organization", "Meta"),
            gold_entity("scale", "Organization", "Scale AI"),
            gold_entity("bloomberg", "Organization", "彭博社"),
            gold_entity("cnbc", "Organization", "CNBC"),
        ],
        [
            {
                "subject": "meta",
                "relation": "investedIn",
                "object": "scale",
                "stake": 0.49,
                "date": "2025-06",
                "reported_by": "cnbc",
                "evidence": "Meta投资Scale AI",
            }
        ],
    )
    entities = [
        entity("organization/meta", "Organization", ("Meta",), mention("a.txt", raw, "Meta", "Organization")),
        entity(
            "organization/scale-ai",
            "Organization",
            ("Scale AI",),
            mention("a.txt", raw, "Scale AI", "Organization"),
        ),
        entity(
            "organization/彭博社",
            "Organization",
            ("彭博社",),
            mention("a.txt", raw, "彭博社", "Organization"),
        ),
        entity("organization/cnbc", "Organization", ("CNBC",), mention("a.txt", raw, "CNBC", "Organization")),
    ]
    facts = [
        fact(
            "a.txt",
            "investedIn",
            "organization/meta",
            "organization/scale-ai",
            stake=Decimal("0.5"),
            date=When("2025", "year"),
            reported_by="organization/彭博社",
        )
    ]
    report = evaluate(corpus({"a.txt": raw}, entities, facts), tmp_path / "gold")
    assert report.facts.tp == 1
    assert dict((name, (c, t)) for name, c, t in report.qualifiers) == {
        "role": (0, 0),
        "amount": (0, 0),
        "stake": (0, 1),
        "date": (0, 1),
        "reported_by": (0, 1),
    }
    assert [(q.qualifier, q.expected, q.found) for q in report.qualifier_errors] == [
        ("stake", "0.49", ("0.5",)),
        ("date", "2025-06", ("2025",)),
        ("reported_by", "cnbc", ("bloomberg",)),
    ]


# ------------------------------------------------------------------------------------------------
# The report


def test_format_ends_with_the_three_summary_lines(gold_a: Path) -> None:
    lines = evaluate(scenario_a(), gold_a).format().splitlines()
    assert lines[-3:] == [
        "entities   P 0.571  R 0.667  F1 0.615  (tp 4, fp 3, fn 2, duplicates 1)",
        "facts      P 0.750  R 0.600  F1 0.667  (tp 3, fp 1, fn 2)",
        "qualifiers role 1/1  amount 0/1  stake 1/1  date 1/1  reported_by 1/1",
    ]
    assert lines[0] == "1 document scored against gold in " + str(gold_a) + ": 6 gold entities, 5 gold facts"
    assert lines[2].startswith("a.txt ") and "0.571" in lines[2] and "0.750" in lines[2]


def test_verbose_format_lists_what_was_missed_and_spurious(gold_a: Path) -> None:
    report = evaluate(scenario_a(), gold_a)
    text = report.format(verbose=True)
    assert "missed entities (2)" in text
    assert "spurious entities (3)" in text
    assert "organization/meta-platforms" in text and "duplicate of gold meta" in text
    assert "missed facts (2)" in text and "google customerOf scale_ai" in text
    assert "spurious facts (1)" in text and "test.relations.v1" in text
    assert "wrong qualifiers (1)" in text and "amount is exact, extracted about" in text
    assert text.splitlines()[-3:] == report.format().splitlines()[-3:]


def test_to_json_carries_the_numbers_and_the_lists(gold_a: Path) -> None:
    data = json.loads(evaluate(scenario_a(), gold_a).to_json())
    assert data["entities"] == {
        "precision": round(4 / 7, 6),
        "recall": round(4 / 6, 6),
        "f1": round(2 * (4 / 7) * (4 / 6) / (4 / 7 + 4 / 6), 6),
        "tp": 4,
        "fp": 3,
        "fn": 2,
        "duplicates": 1,
    }
    assert data["facts"]["tp"] == 3 and "duplicates" not in data["facts"]
    assert data["qualifiers"]["amount"] == {"correct": 0, "total": 1}
    assert data["matches"]["meta"] == "organization/meta"
    assert [d["document"] for d in data["documents"]] == ["a.txt"]
    assert {e["id"] for e in data["spurious_entities"]} == {
        "organization/meta-platforms",
        "person/openai",
        "product/49",
    }


def test_the_report_is_deterministic(gold_a: Path) -> None:
    assert evaluate(scenario_a(), gold_a).to_json() == evaluate(scenario_a(), gold_a).to_json()


def test_score_is_usable_without_files() -> None:
    gold = parse_gold([("a.json", {"document": "a.txt", "entities": GOLD_A_ENTITIES, "facts": GOLD_A_FACTS})])
    report = score(scenario_a(), gold)
    assert (report.entities.tp, report.facts.tp) == (4, 3)


def test_the_shared_gold_files_load(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    assert gold.documents == ("000_43652604587c5b95.txt", "003_2f044a086ea3d3b8.txt")
    ids = [e.id for e in gold.entities]
    assert len(ids) == len(set(ids))  # merged by id
    assert "小扎" in next(e for e in gold.entities if e.id == "mark_zuckerberg").names


# ------------------------------------------------------------------------------------------------
# Bad gold: one line naming the file


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "a.json: not valid JSON (line 1: Expecting property name enclosed in double quotes)"),
        ('{"entities": []}', 'a.json: missing "document" (the file name of the article)'),
        (
            '{"document": "a.txt", "entities": [{"id": "x", "type": "Place", "names": ["X"]}]}',
            "a.json: entities[0]: type 'Place' is not one of Person, Organization, Product",
        ),
        (
            '{"document": "a.txt", "facts": [{"subject": "x", "relation": "likes", "object": "y"}]}',
            "a.json: facts[0]: unknown relation 'likes'",
        ),
        (
            '{"document": "a.txt", "facts": [{"subject": "x", "relation": "founded", "object": "y"}]}',
            "a.json: facts[0]: subject 'x' is not an entity of this file",
        ),
    ],
)
def test_bad_gold_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as error:
        load_gold(tmp_path)
    assert str(error.value) == f"{tmp_path / message.split(':')[0]}:{message.split(':', 1)[1]}"


def test_a_missing_or_empty_gold_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not a directory of gold files"):
        load_gold(tmp_path / "nope")
    with pytest.raises(GoldError, match=r"no gold files \(\*\.json\)"):
        load_gold(tmp_path)


def test_one_id_with_two_types_is_an_error(tmp_path: Path) -> None:
    write_gold(tmp_path, "a.json", "a.txt", [gold_entity("x", "Person", "X")], [])
    write_gold(tmp_path, "b.json", "b.txt", [gold_entity("x", "Organization", "X")], [])
    with pytest.raises(GoldError, match=r"b\.json: entities\[0\]: x is Organization here, Person elsewhere"):
        load_gold(tmp_path)


def test_nothing_to_score_is_an_error(gold_a: Path) -> None:
    unrelated = corpus({"c.txt": RAW_C}, [], [])
    with pytest.raises(
        GoldError, match=r"none of the 1 input documents has a gold file here \(gold covers a\.txt\)"
    ):
        evaluate(unrelated, gold_a)
