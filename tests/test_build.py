"""graph.build and graph.export: a hand-made corpus becomes the graph SPEC's "RDF model" describes.

The corpus below (``sample_corpus``) is two short articles written for these tests: an investment
reported twice by one outlet and with another figure by a second outlet, a founding, a valuation,
an appointment with a role and a month, a release, a partnership and a footnoted source.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from extractors.model import Amount, Citation, Document, Entity, Fact, Mention, Sentence, When
from extractors.pipeline import Corpus, Extraction
from graph.build import build_graph
from graph.export import atomic_write, load_graph, turtle_bytes, write_turtle
from ontology import iris
from ontology.namespaces import NIF, NKG, PREFIXES, WD

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/newskg/id/"

# ---- the sample corpus ---------------------------------------------------------------------------

RAW_1 = (
    "发布时间: 2025/6/13 09:30:00\n"
    "据彭博社报道，Meta将向Scale AI投资143亿美元，获得其49%的股权。"
    "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立，估值约为290亿美元。"
    "CNBC则称，这笔6月宣布的投资金额为140亿美元。"
    "彭博社还指出，这笔143亿美元的投资将使Meta持有Scale AI 49%的股份。\n"
    "2025年6月，Scale AI首席战略官杰森·德罗奇(Jason Droege)出任临时首席执行官。\n"
)
RAW_2 = (
    "---\ntitle: Meta发布Llama 4\ndate: 2025-04-06\ntags: [Meta, 大模型, AI]\n---\n"
    "2025年4月5日，Meta发布了Llama 4系列模型。Scale AI与Meta合作评测该模型。"
    "分析师李明认为，Llama 4将加剧竞争。[^1]\n"
    "\n[^1]: Meta AI博客 https://ai.meta.com/blog/llama-4-multimodal-intelligence/\n"
)
DOC_1 = "001_meta_scale.txt"
DOC_2 = "002_llama4.md"
BODY_1 = RAW_1.index("\n") + 1
BODY_2 = RAW_2.index("---\n", 4) + 4
FOOTNOTES_2 = RAW_2.index("\n[^1]:")


def find(raw: str, text: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``text`` in ``raw``."""
    start = -1
    for _ in range(nth + 1):
        start = raw.index(text, start + 1)
    return start, start + len(text)


def sentences(doc_id: str, raw: str, start: int, end: int) -> tuple[Sentence, ...]:
    """A plain segmentation of raw[start:end] at 。！？ and line breaks (the real one is the lead's)."""
    return tuple(
        Sentence(doc_id, start + m.start(), start + m.end(), m.group())
        for m in re.finditer(r"[^。！？\n]+[。！？]?", raw[start:end])
    )


def mentions_of(
    doc_id: str, raw: str, text: str, key: str, type_: str, start: int, end: int
) -> list[Mention]:
    """Every occurrence of ``text`` in raw[start:end], resolved to the entity ``key``."""
    extractor = "mentions.dict.v1" if iris.has_cjk(text) else "mentions.latin.v1"
    return [
        Mention(doc_id, start + m.start(), start + m.end(), text, type_, extractor, 0.9, entity=key)
        for m in re.finditer(re.escape(text), raw[start:end])
    ]


def fact(doc_id: str, raw: str, relation: str, subject: str, obj: str | None, evidence: str, **kw) -> Fact:
    start, end = find(raw, evidence)
    kw.setdefault("extractor", f"relations.{relation}.v1")
    return Fact(doc_id, relation, subject, obj, start, end, evidence, **kw)


USD_143 = Amount(Decimal("14300000000"), "USD", "exact", text="143亿美元")
WHO_MENTIONS = {  # entity key -> (type, kind, names, label_zh, label_en, wikidata, surface forms in the text)
    "organization/bloomberg": ("Organization", "MediaOutlet", ("彭博社",), "彭博社", "Bloomberg", None),
    "organization/cnbc": ("Organization", "MediaOutlet", ("CNBC",), None, "CNBC", None),
    "organization/meta": ("Organization", "Company", ("Meta",), None, "Meta", "Q380"),
    "organization/scale-ai": ("Organization", "Company", ("Scale AI",), None, "Scale AI", None),
    "person/alexandr-wang": (
        "Person",
        "",
        ("亚历山大?王", "Alexandr Wang"),
        "亚历山大·王",
        "Alexandr Wang",
        None,
    ),
    "person/jason-droege": (
        "Person",
        "",
        ("杰森·德罗奇", "Jason Droege"),
        "杰森·德罗奇",
        "Jason Droege",
        None,
    ),
    "person/李明": ("Person", "", ("李明",), "李明", None, None),
    "product/llama-4": ("Product", "AIModel", ("Llama 4",), None, "Llama 4", None),
}


def sample_documents() -> tuple[Document, Document]:
    doc1 = Document(
        id=DOC_1,
        source=f"seeds/{DOC_1}",
        raw=RAW_1,
        sha256=hashlib.sha256(RAW_1.encode("utf-8")).hexdigest(),
        published="2025-06-13",
    )
    cite_start, cite_end = find(
        RAW_2, "Meta AI博客 https://ai.meta.com/blog/llama-4-multimodal-intelligence/"
    )
    doc2 = Document(
        id=DOC_2,
        source=f"seeds/{DOC_2}",
        raw=RAW_2,
        sha256=hashlib.sha256(RAW_2.encode("utf-8")).hexdigest(),
        published="2025-04-06",
        title="Meta发布Llama 4",
        tags=("Meta", "大模型", "AI"),
        citations=(
            Citation(
                "1",
                cite_start,
                cite_end,
                "Meta AI博客",
                "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
            ),
        ),
    )
    return doc1, doc2


def sample_facts() -> tuple[list[Fact], list[Fact]]:
    r1, r2 = RAW_1, RAW_2
    facts_1 = [
        fact(
            DOC_1,
            r1,
            "investedIn",
            "organization/meta",
            "organization/scale-ai",
            "Meta将向Scale AI投资143亿美元，获得其49%的股权",
            amount=USD_143,
            stake=Decimal("0.49"),
            reported_by="organization/bloomberg",
            confidence=0.8,
        ),
        fact(
            DOC_1,
            r1,
            "investedIn",
            "organization/meta",
            "organization/scale-ai",
            "这笔143亿美元的投资将使Meta持有Scale AI 49%的股份",
            # the same claim found by another rule; equal amounts and stakes, written differently
            amount=Amount(Decimal("1.43E+10"), "USD", "exact", text="143亿美元的"),
            stake=Decimal("0.490"),
            reported_by="organization/bloomberg",
            extractor="relations.stake.v1",
            confidence=0.9,
        ),
        fact(
            DOC_1,
            r1,
            "investedIn",
            "organization/meta",
            "organization/scale-ai",
            "CNBC则称，这笔6月宣布的投资金额为140亿美元",
            amount=Amount(Decimal("14000000000"), "USD", "exact", text="140亿美元"),
            date=When("2025-06", "month", "6月"),
            reported_by="organization/cnbc",
            confidence=0.6,
        ),
        fact(
            DOC_1,
            r1,
            "founded",
            "person/alexandr-wang",
            "organization/scale-ai",
            "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立",
            date=When("2016", "year", "2016年"),
        ),
        fact(
            DOC_1,
            r1,
            "valuedAt",
            "organization/scale-ai",
            None,
            "估值约为290亿美元",
            amount=Amount(Decimal("29000000000"), "USD", "about", text="约为290亿美元"),
        ),
        fact(
            DOC_1,
            r1,
            "worksFor",
            "person/jason-droege",
            "organization/scale-ai",
            "2025年6月，Scale AI首席战略官杰森·德罗奇(Jason Droege)出任临时首席执行官",
            role="临时首席执行官",
            date=When("2025-06", "month", "2025年6月"),
            confidence=0.75,
        ),
    ]
    facts_2 = [
        fact(
            DOC_2,
            r2,
            "released",
            "organization/meta",
            "product/llama-4",
            "2025年4月5日，Meta发布了Llama 4系列模型",
            date=When("2025-04-05", "day", "2025年4月5日"),
        ),
        fact(
            DOC_2,
            r2,
            "partnersWith",
            "organization/scale-ai",
            "organization/meta",
            "Scale AI与Meta合作评测该模型",
        ),
    ]
    return facts_1, facts_2


def sample_corpus() -> Corpus:
    """Two articles, fully annotated by hand, as the pipeline would hand them to the graph builder."""
    doc1, doc2 = sample_documents()
    facts_1, facts_2 = sample_facts()
    bodies = {DOC_1: (RAW_1, BODY_1, len(RAW_1)), DOC_2: (RAW_2, BODY_2, FOOTNOTES_2)}
    entities = []
    all_mentions: dict[str, list[Mention]] = {DOC_1: [], DOC_2: []}
    for key, (type_, kind, names, label_zh, label_en, qid) in WHO_MENTIONS.items():
        mentions: list[Mention] = []
        for doc_id, (raw, start, end) in bodies.items():
            for name in names:
                mentions += mentions_of(doc_id, raw, name, key, type_, start, end)
        mentions.sort()
        for m in mentions:
            all_mentions[m.doc_id].append(m)
        entities.append(Entity(key, type_, names, tuple(mentions), qid, label_zh, label_en, kind))
    extractions = (
        Extraction(
            doc1,
            sentences(DOC_1, RAW_1, BODY_1, len(RAW_1)),
            tuple(sorted(all_mentions[DOC_1])),
            tuple(facts_1),
        ),
        Extraction(
            doc2,
            sentences(DOC_2, RAW_2, BODY_2, FOOTNOTES_2),
            tuple(sorted(all_mentions[DOC_2])),
            tuple(facts_2),
        ),
    )
    return Corpus(extractions, tuple(sorted(entities, key=lambda e: e.key)))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return sample_corpus()


@pytest.fixture(scope="module")
def graph(corpus: Corpus) -> Graph:
    return build_graph(corpus, BASE)


def E(key: str) -> URIRef:
    return URIRef(iris.entity_iri(key, BASE))


def doc_node(doc_id: str) -> URIRef:
    return URIRef(iris.document_iri(doc_id, BASE))


def claims_of(graph: Graph, relation: str) -> list[URIRef]:
    return sorted(graph.subjects(RDF.predicate, NKG[relation]))  # type: ignore[arg-type]


def ask(graph: Graph, query: str) -> bool:
    """SPARQL ASK by pyoxigraph over the graph's Turtle (so the serialized output is what is tested)."""
    store = ox.Store()
    store.load(turtle_bytes(graph), format=ox.RdfFormat.TURTLE)
    return bool(store.query(query, prefixes=PREFIXES))


# ---- entities ------------------------------------------------------------------------------------


def test_every_entity_is_a_node_with_exactly_one_schema_type_and_its_finer_kind(graph: Graph) -> None:
    expected = {
        "organization/bloomberg": {SDO.Organization, NKG.MediaOutlet},
        "organization/cnbc": {SDO.Organization, NKG.MediaOutlet},
        "organization/meta": {SDO.Organization, NKG.Company},
        "organization/scale-ai": {SDO.Organization, NKG.Company},
        "person/alexandr-wang": {SDO.Person},
        "person/jason-droege": {SDO.Person},
        "person/李明": {SDO.Person},
        "product/llama-4": {SDO.Product, NKG.AIModel},
    }
    for key, types in expected.items():
        assert set(graph.objects(E(key), RDF.type)) == types, key


def test_labels_are_tagged_zh_and_en_and_every_other_name_is_an_alt_label(graph: Graph) -> None:
    wang = E("person/alexandr-wang")
    assert set(graph.objects(wang, RDFS.label)) == {
        Literal("亚历山大·王", lang="zh"),
        Literal("Alexandr Wang", lang="en"),
    }
    # the raw "?" spelling is a name seen in the text, so it stays findable
    assert set(graph.objects(wang, SKOS.altLabel)) == {Literal("亚历山大?王", lang="zh")}
    assert set(graph.objects(E("organization/bloomberg"), RDFS.label)) == {
        Literal("彭博社", lang="zh"),
        Literal("Bloomberg", lang="en"),
    }
    assert set(graph.objects(E("person/李明"), RDFS.label)) == {Literal("李明", lang="zh")}
    assert set(graph.objects(E("person/李明"), SKOS.altLabel)) == set()


def test_wikidata_link_and_mention_count(graph: Graph, corpus: Corpus) -> None:
    meta = E("organization/meta")
    assert set(graph.objects(meta, OWL.sameAs)) == {WD.Q380}
    assert set(graph.objects(E("organization/scale-ai"), OWL.sameAs)) == set()
    meta_mentions = RAW_1[BODY_1:].count("Meta") + RAW_2[BODY_2:FOOTNOTES_2].count("Meta")
    assert graph.value(meta, NKG.mentionCount) == Literal(meta_mentions, datatype=XSD.integer)
    for entity in corpus.entities:
        assert graph.value(E(entity.key), NKG.mentionCount) == Literal(
            len(entity.mentions), datatype=XSD.integer
        )


def test_chinese_keys_are_percent_encoded_in_the_iri() -> None:
    assert str(E("person/李明")) == BASE + "entity/person/%E6%9D%8E%E6%98%8E"


def test_each_mention_is_a_span_pointing_to_its_entity_and_sentence(graph: Graph) -> None:
    start, end = find(RAW_1, "杰森·德罗奇")
    span = URIRef(iris.span_iri(DOC_1, start, end, BASE))
    assert set(graph.objects(span, RDF.type)) == {NIF.OffsetBasedString, NKG.EvidenceSpan}
    assert graph.value(span, NIF.taIdentRef) == E("person/jason-droege")
    assert graph.value(span, NKG.extractor) == Literal("mentions.dict.v1")
    assert graph.value(span, NIF.beginIndex) == Literal(start, datatype=XSD.integer)
    assert graph.value(span, NIF.endIndex) == Literal(end, datatype=XSD.integer)
    assert graph.value(span, NIF.anchorOf) == Literal("杰森·德罗奇")
    assert graph.value(span, NIF.referenceContext) == doc_node(DOC_1)
    sentence = graph.value(span, NIF.sentence)
    assert (sentence, RDF.type, NIF.Sentence) in graph
    assert (
        str(graph.value(sentence, NIF.anchorOf))
        == "2025年6月，Scale AI首席战略官杰森·德罗奇(Jason Droege)出任临时首席执行官。"
    )
    assert graph.value(sentence, NIF.referenceContext) == doc_node(DOC_1)


# ---- facts ---------------------------------------------------------------------------------------


def test_direct_edges_between_entities_and_to_the_valuation(graph: Graph) -> None:
    relations = {
        NKG[name] for name in ("investedIn", "founded", "valuedAt", "worksFor", "released", "partnersWith")
    }
    edges = {(s, p, o) for s, p, o in graph if p in relations}
    valuation = URIRef(BASE + "amount/usd-29000000000-about")
    assert edges == {
        (E("organization/meta"), NKG.investedIn, E("organization/scale-ai")),
        (E("person/alexandr-wang"), NKG.founded, E("organization/scale-ai")),
        (E("organization/scale-ai"), NKG.valuedAt, valuation),
        (E("person/jason-droege"), NKG.worksFor, E("organization/scale-ai")),
        (E("organization/meta"), NKG.released, E("product/llama-4")),
        # symmetric: stated once, smaller key first, although the text says "Scale AI与Meta"
        (E("organization/meta"), NKG.partnersWith, E("organization/scale-ai")),
    }


def test_facts_with_one_key_are_one_claim_with_every_evidence_and_conflicting_figures_stay_apart(
    graph: Graph,
) -> None:
    claims = claims_of(graph, "investedIn")
    assert len(claims) == 2  # 143亿 by Bloomberg (said twice) and 140亿 by CNBC
    by_reporter = {graph.value(c, NKG.reportedBy): c for c in claims}
    bloomberg = by_reporter[E("organization/bloomberg")]
    cnbc = by_reporter[E("organization/cnbc")]

    assert set(graph.objects(bloomberg, RDF.type)) == {NKG.Claim, RDF.Statement}
    assert graph.value(bloomberg, RDF.subject) == E("organization/meta")
    assert graph.value(bloomberg, RDF.object) == E("organization/scale-ai")
    assert graph.value(bloomberg, NKG.amount) == URIRef(BASE + "amount/usd-14300000000-exact")
    assert graph.value(bloomberg, NKG.stake) == Literal("0.49", datatype=XSD.decimal)
    assert graph.value(bloomberg, NKG.confidence) == Literal("0.9", datatype=XSD.decimal)  # max of 0.8, 0.9
    evidence = {
        str(graph.value(span, NIF.anchorOf)) for span in graph.objects(bloomberg, PROV.wasDerivedFrom)
    }
    assert evidence == {
        "Meta将向Scale AI投资143亿美元，获得其49%的股权",
        "这笔143亿美元的投资将使Meta持有Scale AI 49%的股份",
    }
    assert set(graph.objects(bloomberg, PROV.wasGeneratedBy)) == {
        URIRef(BASE + "activity/001-meta-scale-txt/relations.investedIn.v1"),
        URIRef(BASE + "activity/001-meta-scale-txt/relations.stake.v1"),
    }

    assert graph.value(cnbc, NKG.amount) == URIRef(BASE + "amount/usd-14000000000-exact")
    assert graph.value(cnbc, NKG.stake) is None
    assert graph.value(cnbc, NKG.confidence) == Literal("0.6", datatype=XSD.decimal)
    assert len(list(graph.objects(cnbc, PROV.wasDerivedFrom))) == 1


def test_claim_iris_follow_the_spec(graph: Graph, corpus: Corpus) -> None:
    facts = corpus.facts
    for claim in graph.subjects(RDF.type, NKG.Claim):
        assert re.fullmatch(re.escape(BASE) + r"claim/00[12]-[a-z0-9-]+/[A-Za-z]+-[0-9a-f]{16}", str(claim))
    first = facts[0]
    expected = iris.claim_iri(first.key(), first.doc_id, "investedIn", BASE)
    assert (URIRef(expected), RDF.predicate, NKG.investedIn) in graph


def test_amount_nodes_have_canonical_decimal_values(graph: Graph) -> None:
    amount = URIRef(BASE + "amount/usd-14300000000-exact")
    assert graph.value(amount, RDF.type) == SDO.MonetaryAmount
    value = graph.value(amount, SDO.value)
    assert (str(value), value.datatype) == ("14300000000", XSD.decimal)  # never 1.43E+10
    assert graph.value(amount, SDO.currency) == Literal("USD")
    assert graph.value(amount, NKG.amountQualifier) == Literal("exact")
    valuation = URIRef(BASE + "amount/usd-29000000000-about")
    assert graph.value(valuation, NKG.amountQualifier) == Literal("about")
    (claim,) = claims_of(graph, "valuedAt")
    assert graph.value(claim, RDF.object) == valuation
    assert graph.value(claim, NKG.amount) == valuation


def test_a_range_amount_has_its_bounds(corpus: Corpus) -> None:
    facts_1 = list(corpus.extractions[0].facts)
    ranged = Amount(Decimal("2E+9"), "USD", "range", upper=Decimal("9000000000.0"), text="数十亿美元")
    facts_1[4] = dataclasses.replace(facts_1[4], amount=ranged)
    changed = dataclasses.replace(corpus.extractions[0], facts=tuple(facts_1))
    graph = build_graph(dataclasses.replace(corpus, extractions=(changed, corpus.extractions[1])), BASE)
    node = URIRef(BASE + "amount/usd-2000000000-range-9000000000")
    assert graph.value(node, SDO.minValue) == Literal("2000000000", datatype=XSD.decimal)
    assert graph.value(node, SDO.maxValue) == Literal("9000000000", datatype=XSD.decimal)
    assert graph.value(node, NKG.amountQualifier) == Literal("range")


def test_role_and_dates_typed_by_precision(graph: Graph) -> None:
    (works,) = claims_of(graph, "worksFor")
    assert graph.value(works, NKG.role) == Literal("临时首席执行官")
    assert graph.value(works, NKG.date) == Literal("2025-06", datatype=XSD.gYearMonth)
    assert graph.value(works, NKG.datePrecision) == Literal("month")
    (founded,) = claims_of(graph, "founded")
    assert graph.value(founded, NKG.date) == Literal("2016", datatype=XSD.gYear)
    assert graph.value(founded, NKG.datePrecision) == Literal("year")
    (released,) = claims_of(graph, "released")
    assert graph.value(released, NKG.date) == Literal("2025-04-05", datatype=XSD.date)
    assert graph.value(released, NKG.datePrecision) == Literal("day")


def test_evidence_spans_know_their_sentence(graph: Graph) -> None:
    (founded,) = claims_of(graph, "founded")
    span = graph.value(founded, PROV.wasDerivedFrom)
    assert str(graph.value(span, NIF.anchorOf)) == "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立"
    sentence = graph.value(span, NIF.sentence)
    assert (
        str(graph.value(sentence, NIF.anchorOf))
        == "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立，估值约为290亿美元。"
    )


# ---- documents and provenance --------------------------------------------------------------------


def test_documents_carry_text_metadata_and_cited_sources(graph: Graph) -> None:
    doc1, doc2 = doc_node(DOC_1), doc_node(DOC_2)
    assert str(doc2) == BASE + "doc/002-llama4-md"
    assert set(graph.objects(doc2, RDF.type)) == {SDO.NewsArticle, NIF.Context}
    assert graph.value(doc1, NIF.isString) == Literal(RAW_1)
    assert graph.value(doc2, SDO.datePublished) == Literal("2025-04-06", datatype=XSD.date)
    assert graph.value(doc2, SDO.headline) == Literal("Meta发布Llama 4", lang="zh")
    assert graph.value(doc1, SDO.headline) is None
    assert set(graph.objects(doc2, SDO.keywords)) == {
        Literal("Meta", lang="en"),
        Literal("大模型", lang="zh"),
        Literal("AI", lang="en"),
    }
    assert graph.value(doc2, NKG.sourceFile) == Literal("seeds/002_llama4.md")
    assert graph.value(doc2, NKG.sha256) == Literal(hashlib.sha256(RAW_2.encode()).hexdigest())
    assert graph.value(doc2, SDO.identifier) == Literal(DOC_2)
    cited = graph.value(doc2, SDO.citation)
    assert str(cited) == BASE + "doc/002-llama4-md/cites/1"
    assert graph.value(cited, RDF.type) == SDO.CreativeWork
    assert graph.value(cited, RDFS.label) == Literal("Meta AI博客", lang="zh")
    assert graph.value(cited, SDO.url) == Literal(
        "https://ai.meta.com/blog/llama-4-multimodal-intelligence/", datatype=XSD.anyURI
    )


def test_activities_are_associated_with_versioned_software_agents(graph: Graph) -> None:
    activity = URIRef(BASE + "activity/002-llama4-md/relations.released.v1")
    assert set(graph.objects(activity, RDF.type)) == {PROV.Activity, NKG.ExtractionActivity}
    assert graph.value(activity, PROV.used) == doc_node(DOC_2)
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert str(agent) == BASE + "agent/relations.released.v1"
    assert graph.value(agent, RDF.type) == PROV.SoftwareAgent
    assert graph.value(agent, RDFS.label) == Literal("relations.released.v1")


def test_no_blank_nodes_and_every_iri_under_the_base_or_a_known_vocabulary(graph: Graph) -> None:
    namespaces = (BASE, *PREFIXES.values())
    for triple in graph:
        for term in triple:
            assert not isinstance(term, Literal) or term.language in (None, "zh", "en")
            if isinstance(term, URIRef):
                assert str(term).startswith(namespaces), term
            else:
                assert isinstance(term, Literal), term


def test_base_can_be_given_or_taken_from_the_environment(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    custom = build_graph(corpus, "https://example.org/kg/")
    assert (URIRef("https://example.org/kg/entity/organization/meta"), RDF.type, SDO.Organization) in custom
    monkeypatch.setenv("NEWSKG_BASE", "https://example.com/news#")
    from_env = build_graph(corpus)
    assert (
        URIRef("https://example.com/news#entity/organization/meta"),
        RDF.type,
        SDO.Organization,
    ) in from_env
    with pytest.raises(ValueError, match="not a usable base IRI"):
        build_graph(corpus, "urn:newskg:")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: dataclasses.replace(f, start=f.start + 1), r"raw\[\d+:\d+\] is"),
        (lambda f: dataclasses.replace(f, object="organization/nobody"), "not an entity of the corpus"),
        (lambda f: dataclasses.replace(f, relation="owns"), "unknown relation"),
        (lambda f: dataclasses.replace(f, stake=Decimal("49")), "not a share between 0 and 1"),
        (lambda f: dataclasses.replace(f, date=When("2025-06", "year")), "does not have year precision"),
    ],
)
def test_inconsistent_annotations_are_refused_with_the_document_named(
    corpus: Corpus, change, message
) -> None:
    facts = list(corpus.extractions[0].facts)
    facts[0] = change(facts[0])
    broken = dataclasses.replace(corpus.extractions[0], facts=tuple(facts))
    with pytest.raises(ValueError, match=message) as error:
        build_graph(dataclasses.replace(corpus, extractions=(broken, corpus.extractions[1])), BASE)
    assert str(error.value).startswith(DOC_1)


def test_a_mention_resolved_to_an_unknown_entity_is_refused(corpus: Corpus) -> None:
    first = corpus.extractions[1]
    stray = dataclasses.replace(first.mentions[0], entity="organization/nobody")
    broken = dataclasses.replace(first, mentions=(stray, *first.mentions[1:]))
    with pytest.raises(ValueError, match=r"^002_llama4\.md: mention .* is resolved to 'organization/nobody'"):
        build_graph(dataclasses.replace(corpus, extractions=(corpus.extractions[0], broken)), BASE)


# ---- the shapes' key constraints, checked with SPARQL ASK on the built graph ---------------------


def test_every_entity_has_exactly_one_schema_type_and_a_label(graph: Graph) -> None:
    assert ask(graph, "ASK { ?e nkg:mentionCount ?n }")
    assert not ask(
        graph,
        """ASK { ?e nkg:mentionCount ?n .
                 { SELECT ?e (COUNT(?t) AS ?types) WHERE {
                     ?e nkg:mentionCount ?n .
                     OPTIONAL { ?e a ?t FILTER(?t IN (schema:Person, schema:Organization, schema:Product)) }
                   } GROUP BY ?e }
                 FILTER(?types != 1) }""",
    )
    assert not ask(graph, "ASK { ?e nkg:mentionCount ?n FILTER NOT EXISTS { ?e rdfs:label ?l } }")
    assert not ask(
        graph,
        """ASK { ?e nkg:mentionCount ?n ; rdfs:label|skos:altLabel ?l
                 FILTER(LANG(?l) NOT IN ("zh", "en")) }""",
    )


def test_every_claim_is_a_complete_reified_statement_with_evidence_and_confidence(graph: Graph) -> None:
    assert ask(graph, "ASK { ?c a nkg:Claim }")
    for required in (
        "rdf:subject",
        "rdf:predicate",
        "rdf:object",
        "prov:wasDerivedFrom",
        "prov:wasGeneratedBy",
    ):
        assert not ask(graph, f"ASK {{ ?c a nkg:Claim FILTER NOT EXISTS {{ ?c {required} ?x }} }}"), required
    assert not ask(
        graph,
        """ASK { ?c a nkg:Claim ; nkg:confidence ?v
                 FILTER(DATATYPE(?v) != xsd:decimal || ?v < 0 || ?v > 1) }""",
    )
    assert not ask(graph, "ASK { ?c a nkg:Claim FILTER NOT EXISTS { ?c nkg:confidence ?v } }")
    # the direct edge a claim reifies is asserted
    assert not ask(graph, "ASK { ?c a nkg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o "
                          "FILTER NOT EXISTS { ?s ?p ?o } }")  # fmt: skip
    assert not ask(graph, "ASK { ?c prov:wasDerivedFrom ?s FILTER NOT EXISTS { ?s a nkg:EvidenceSpan } }")


def test_every_span_has_integer_offsets_an_anchor_and_a_context(graph: Graph) -> None:
    spans = "?s a nif:OffsetBasedString"
    assert ask(graph, f"ASK {{ {spans} }}")
    for p in ("nif:beginIndex", "nif:endIndex"):
        assert not ask(
            graph, f"ASK {{ {spans} FILTER NOT EXISTS {{ ?s {p} ?i FILTER(DATATYPE(?i) = xsd:integer) }} }}"
        )
    assert not ask(graph, f"ASK {{ {spans} FILTER NOT EXISTS {{ ?s nif:anchorOf ?a }} }}")
    assert not ask(
        graph, f"ASK {{ {spans} FILTER NOT EXISTS {{ ?s nif:referenceContext ?d . ?d a nif:Context }} }}"
    )


def test_every_span_slices_its_documents_text_to_its_anchor(graph: Graph) -> None:
    assert not ask(
        graph,
        """ASK { ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?d .
                 ?d nif:isString ?text
                 FILTER(SUBSTR(?text, ?b + 1, ?e - ?b) != ?a) }""",
    )
    # and the same in Python, so the SPARQL above is known to look at the right things
    count = 0
    for span in graph.subjects(NIF.anchorOf, None):
        text = str(graph.value(graph.value(span, NIF.referenceContext), NIF.isString))
        begin, end = graph.value(span, NIF.beginIndex).toPython(), graph.value(span, NIF.endIndex).toPython()
        assert text[begin:end] == str(graph.value(span, NIF.anchorOf))
        count += 1
    assert count > 20


# ---- the ontology declares everything the graph uses ---------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "newskg.ttl", format="turtle")


def assert_declared(ontology: Graph, term: URIRef) -> None:
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} is not declared"
    for predicate in (RDFS.label, RDFS.comment):
        languages = {o.language for o in ontology.objects(term, predicate)}
        assert languages == {"zh", "en"}, f"{term} {predicate}: {languages}"


def test_every_nkg_term_in_the_graph_is_declared_with_zh_and_en_labels(graph: Graph, ontology: Graph) -> None:
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(NKG))}
    assert len(used) > 20
    for term in sorted(used):
        assert_declared(ontology, term)


def test_every_term_of_the_nkg_namespace_is_declared(ontology: Graph) -> None:
    names = list(NKG.__annotations__)
    assert "investedIn" in names and "Claim" in names
    for name in names:
        assert_declared(ontology, NKG[name])
    declared = {s for s in ontology.subjects(RDFS.isDefinedBy, URIRef(str(NKG)))}
    assert declared == {NKG[name] for name in names}  # and nothing the namespace module lacks


def test_ontology_header_and_property_design(ontology: Graph) -> None:
    header = URIRef(str(NKG))
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert {lit.language for lit in ontology.objects(header, RDFS.label)} == {"zh", "en"}
    symmetric = set(ontology.subjects(RDF.type, OWL.SymmetricProperty))
    assert symmetric == {NKG.partnersWith, NKG.competitorOf}
    assert ontology.value(NKG.worksFor, RDFS.subPropertyOf) == SDO.worksFor
    assert ontology.value(NKG.educatedAt, RDFS.subPropertyOf) == SDO.alumniOf
    assert ontology.value(NKG.partOf, RDFS.subPropertyOf) == SDO.parentOrganization
    assert ontology.value(NKG.Claim, RDFS.subClassOf) == RDF.Statement
    assert ontology.value(NKG.MediaOutlet, RDFS.subClassOf) == SDO.NewsMediaOrganization
    assert ontology.value(NKG.Team, RDFS.subClassOf) == SDO.Organization


def test_shapes_cover_entities_claims_spans_and_documents() -> None:
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    targets = set(shapes.objects(None, URIRef(sh + "targetClass")))
    assert {
        SDO.Person,
        SDO.Organization,
        SDO.Product,
        NKG.Claim,
        NIF.OffsetBasedString,
        SDO.NewsArticle,
    } <= targets
    paths = set(shapes.objects(None, URIRef(sh + "path")))
    assert {RDFS.label, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, NKG.confidence} <= paths
    assert {NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext} <= paths


def test_the_shapes_sparql_constraints_find_nothing_in_a_good_graph_and_catch_a_bad_span(
    graph: Graph,
) -> None:
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    selects = [str(q) for q in shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#select"))]
    assert selects
    store = ox.Store()
    store.load(turtle_bytes(graph), format=ox.RdfFormat.TURTLE)
    for select in selects:  # $this unbound: the constraint over every focus node at once
        assert list(store.query(select.replace("$this", "?this"), prefixes=PREFIXES)) == []
    first_span = next(iter(graph.subjects(NIF.anchorOf, None)))
    store.add(ox.Quad(ox.NamedNode(str(first_span)), ox.NamedNode(str(NIF.anchorOf)), ox.Literal("错")))
    found = [list(store.query(s.replace("$this", "?this"), prefixes=PREFIXES)) for s in selects]
    assert any(found)


# ---- export --------------------------------------------------------------------------------------


def test_turtle_is_byte_identical_whatever_the_input_order(corpus: Corpus) -> None:
    reordered = Corpus(
        tuple(dataclasses.replace(x, facts=tuple(reversed(x.facts))) for x in reversed(corpus.extractions)),
        tuple(reversed(corpus.entities)),
    )
    first = turtle_bytes(build_graph(corpus, BASE))
    assert first == turtle_bytes(build_graph(corpus, BASE))
    assert first == turtle_bytes(build_graph(reordered, BASE))


def test_turtle_reads_back_isomorphic_in_rdflib_and_oxigraph(graph: Graph) -> None:
    data = turtle_bytes(graph)
    back = Graph().parse(data=data, format="turtle")
    if not isomorphic(graph, back):
        _, only_built, only_read = graph_diff(to_isomorphic(graph), to_isomorphic(back))
        built, read = only_built.serialize(format="nt"), only_read.serialize(format="nt")
        pytest.fail(f"only built:\n{built}\nonly read:\n{read}")
    via_oxigraph = ox.serialize(ox.parse(data, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    assert isomorphic(graph, Graph().parse(data=via_oxigraph, format="nt"))


def test_turtle_text_is_readable_and_canonical(graph: Graph) -> None:
    text = turtle_bytes(graph).decode("utf-8")
    assert text.startswith("@prefix ")
    assert '"14300000000"^^xsd:decimal' in text and "E+" not in text
    assert '"0.49"^^xsd:decimal' in text or "nkg:stake 0.49" in text
    assert '"2025-06"^^xsd:gYearMonth' in text
    assert '"亚历山大·王"@zh' in text
    assert "_:" not in text
    # within a subject, rdf:type comes first
    assert f"\n<{BASE}entity/person/alexandr-wang> a schema:Person ;\n" in text
    # subjects in a stable, human order: offsets compare as numbers (span 32-64 before span 148-182)
    early = find(RAW_1, "Meta将向Scale AI投资143亿美元，获得其49%的股权")
    late = find(RAW_1, "这笔143亿美元的投资将使Meta持有Scale AI 49%的股份")
    assert len(str(early[0])) < len(str(late[0]))
    assert text.index(f"<{BASE}span/001-meta-scale-txt/{early[0]}-{early[1]}> a") < text.index(
        f"<{BASE}span/001-meta-scale-txt/{late[0]}-{late[1]}> a"
    )


def test_write_and_load_round_trip(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    assert path.read_bytes() == turtle_bytes(graph)
    loaded = load_graph(path)
    assert isomorphic(graph, loaded)
    assert dict(loaded.namespaces())["nkg"] == URIRef(str(NKG))


def test_load_graph_names_a_file_that_is_not_turtle(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.ttl: not valid Turtle: ") as error:
        load_graph(path)
    assert "\n" not in str(error.value)


def test_atomic_write_replaces_the_file_and_keeps_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    atomic_write(path, b"old")
    os.chmod(path, 0o640)
    atomic_write(path, "新的".encode())
    assert path.read_bytes() == "新的".encode()
    assert os.stat(path).st_mode & 0o777 == 0o640  # a replaced file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_atomic_write_that_fails_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "graph.ttl"
    atomic_write(path, b"old")
    with pytest.raises(TypeError):
        atomic_write(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
