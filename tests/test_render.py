"""graph.render: an offline, deterministic, XSS-safe interactive page of the entity graph.

The graphs here are built by hand with rdflib, following the RDF model of the team SPEC: entity
nodes with labels, direct relation edges, claim nodes with qualifiers and evidence spans whose
``nif:sentence`` and ``nif:referenceContext`` lead to the sentence and the article.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from benchmarks.bench_render import CHROMIUM, CHROMIUM_ARGS, synthetic_graph
from graph.render import (
    DEFAULT_MAX_NODES,
    ENTITY_TYPES,
    SubgraphError,
    external_resources,
    relation_label,
    render_html,
    strip_external_resources,
    write_html,
)
from ontology.namespaces import NIF, NKG, WD

BASE = Namespace("https://w3id.org/newskg/id/")
ENTITY = Namespace(BASE["entity/"])

WANG = ENTITY["person/alexandr-wang"]
SCALE = ENTITY["organization/scale-ai"]
META = ENTITY["organization/meta"]
REUTERS = ENTITY["organization/路透社"]
LLAMA = ENTITY["product/llama-4"]
EVIL = ENTITY["person/evil"]

# Untrusted names and sentences: each would set window.__xss if it ever became markup or script.
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "</script><script>window.__xss=2</script>"
XSS_HREF = '<a href="javascript:window.__xss=3" onmouseover="window.__xss=3">点我</a>'

DOC_ID = "000_43652604587c5b95.txt"
HEADLINE = "Meta 向 Scale AI 投资 143亿美元 <b>独家</b>"
SENTENCES = (
    "据路透社报道，Meta 以 143亿美元收购 Scale AI 49% 的股份。",
    "Scale AI 首席执行官亚历山大·王将加入 Meta。",
    "Meta 发布了 Llama 4。",
    f"{XSS_IMG} 与 Meta 合作 {XSS_SCRIPT}。",
    "此前 Scale AI 估值约 140亿美元。",
)
RAW = "\n".join(SENTENCES)


def _span(graph: rdflib.Graph, doc: URIRef, anchor: str, sentence: str) -> URIRef:
    """A nif span of *anchor* inside *sentence* (both located in RAW), with its sentence node."""
    sentence_start = RAW.index(sentence)
    start = RAW.index(anchor, sentence_start)
    end = start + len(anchor)
    span = BASE[f"span/000/{start}-{end}"]
    sentence_node = BASE[f"span/000/{sentence_start}-{sentence_start + len(sentence)}"]
    for node, begin, stop, text in (
        (span, start, end, anchor),
        (sentence_node, sentence_start, sentence_start + len(sentence), sentence),
    ):
        assert RAW[begin:stop] == text
        graph.add((node, RDF.type, NIF.OffsetBasedString))
        graph.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
        graph.add((node, NIF.endIndex, Literal(stop, datatype=XSD.integer)))
        graph.add((node, NIF.anchorOf, Literal(text)))
        graph.add((node, NIF.referenceContext, doc))
    graph.add((span, RDF.type, NKG.EvidenceSpan))
    graph.add((sentence_node, RDF.type, NIF.Sentence))
    graph.add((span, NIF.sentence, sentence_node))
    return span


def _entity(graph, iri, kind, labels, alt=(), count=1, finer=None, wikidata=None):
    graph.add((iri, RDF.type, kind))
    if finer is not None:
        graph.add((iri, RDF.type, finer))
    for text, lang in labels:
        graph.add((iri, RDFS.label, Literal(text, lang=lang)))
    for text, lang in alt:
        graph.add((iri, SKOS.altLabel, Literal(text, lang=lang)))
    graph.add((iri, NKG.mentionCount, Literal(count, datatype=XSD.integer)))
    if wikidata:
        graph.add((iri, OWL.sameAs, WD[wikidata]))


def _claim(graph, name, subject, relation, obj, evidence, extractor=None, **qualifiers):
    claim = BASE[f"claim/000/{name}"]
    if extractor is not None:
        activity, agent = BASE[f"activity/000/{extractor}"], BASE[f"agent/{extractor}"]
        graph.add((claim, PROV.wasGeneratedBy, activity))
        graph.add((activity, PROV.wasAssociatedWith, agent))
        graph.add((agent, RDFS.label, Literal(extractor)))
    graph.add((subject, relation, obj))
    graph.add((claim, RDF.type, NKG.Claim))
    graph.add((claim, RDF.type, RDF.Statement))
    graph.add((claim, RDF.subject, subject))
    graph.add((claim, RDF.predicate, relation))
    graph.add((claim, RDF.object, obj))
    for span in evidence:
        graph.add((claim, PROV.wasDerivedFrom, span))
    for key, value in qualifiers.items():
        graph.add((claim, NKG[key], value))
    return claim


def _amount(graph, value, currency, qualifier):
    amount = BASE[f"amount/{currency.lower()}-{value}-{qualifier}"]
    graph.add((amount, RDF.type, SDO.MonetaryAmount))
    graph.add((amount, SDO.value, Literal(value, datatype=XSD.decimal)))
    graph.add((amount, SDO.currency, Literal(currency)))
    graph.add((amount, NKG.amountQualifier, Literal(qualifier)))
    return amount


def news_graph() -> rdflib.Graph:
    """One article about Meta, Scale AI and Alexandr Wang, plus an entity with a malicious name."""
    g = rdflib.Graph()
    doc = BASE["doc/000_43652604587c5b95-txt"]
    g.add((doc, RDF.type, SDO.NewsArticle))
    g.add((doc, RDF.type, NIF.Context))
    g.add((doc, NIF.isString, Literal(RAW)))
    g.add((doc, SDO.headline, Literal(HEADLINE)))
    g.add((doc, SDO.identifier, Literal(DOC_ID)))
    g.add((doc, SDO.datePublished, Literal("2025-06-12", datatype=XSD.date)))

    _entity(
        g,
        WANG,
        SDO.Person,
        [("亚历山大·王", "zh"), ("Alexandr Wang", "en")],
        alt=[("Alex Wang", "en")],
        count=3,
        wikidata="Q104652064",
    )
    _entity(g, SCALE, SDO.Organization, [("Scale AI", "en")], count=9, finer=NKG.Company)
    _entity(g, META, SDO.Organization, [("Meta", "en")], alt=[("脸书", "zh")], count=5, finer=NKG.Company)
    _entity(g, REUTERS, SDO.Organization, [("路透社", "zh")], finer=NKG.MediaOutlet)
    _entity(g, LLAMA, SDO.Product, [("Llama 4", "en")], count=1, finer=NKG.AIModel)
    _entity(g, EVIL, SDO.Person, [(XSS_IMG, "zh")], alt=[(XSS_SCRIPT, "en"), (XSS_HREF, "zh")])

    s_invest, s_join, s_release, s_evil, s_value = SENTENCES
    wang_mention = _span(g, doc, "亚历山大·王", s_join)
    g.add((wang_mention, NIF.taIdentRef, WANG))
    g.add((_span(g, doc, "Scale AI", s_invest), NIF.taIdentRef, SCALE))
    g.add((_span(g, doc, XSS_IMG, s_evil), NIF.taIdentRef, EVIL))

    investment = _amount(g, "14300000000", "USD", "exact")
    _claim(
        g,
        "investedIn-1",
        META,
        NKG.investedIn,
        SCALE,
        [_span(g, doc, "收购", s_invest), _span(g, doc, "Scale AI", s_value)],
        extractor="relations.investment.deal.v1",
        amount=investment,
        stake=Literal("0.49", datatype=XSD.decimal),
        date=Literal("2025-06", datatype=XSD.gYearMonth),
        reportedBy=REUTERS,
        confidence=Literal("0.8", datatype=XSD.decimal),
    )
    _claim(
        g, "worksFor-1", WANG, NKG.worksFor, SCALE, [_span(g, doc, "首席执行官", s_join)], role=Literal("CEO")
    )
    _claim(g, "joined-1", WANG, NKG.joined, META, [_span(g, doc, "加入", s_join)])
    _claim(g, "released-1", META, NKG.released, LLAMA, [_span(g, doc, "发布", s_release)])
    _claim(g, "partnersWith-1", EVIL, NKG.partnersWith, META, [_span(g, doc, "合作", s_evil)])
    valuation = _amount(g, "14000000000", "USD", "about")
    _claim(g, "valuedAt-1", SCALE, NKG.valuedAt, valuation, [_span(g, doc, "估值", s_value)])

    # Ontology labels loaded into the graph name the edges in Chinese.
    g.add((NKG.investedIn, RDFS.label, Literal("投资", lang="zh")))
    g.add((NKG.investedIn, RDFS.label, Literal("invested in", lang="en")))
    g.add((NKG.worksFor, RDFS.label, Literal("任职于", lang="zh")))
    return g


# ----------------------------------------------------------------------------------------- helpers


def page_data(page: str, name: str) -> list[dict]:
    """The JSON handed to ``new vis.DataSet(...)`` for *name* ("nodes" or "edges")."""
    match = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", page)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def explorer_data(page: str) -> dict:
    """The claims, articles and relations handed to the page's script."""
    match = re.search(r"var explorer = (.*?);\n", page)
    assert match, "no explorer data in the page"
    return json.loads(match.group(1))


def marked(evidence: dict) -> str:
    """The part of an evidence sentence the page highlights."""
    start, end = evidence["mark"]
    return evidence["sentence"][start:end]


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


class TagCollector(HTMLParser):
    """Every element the browser would build, with its attributes, and the text of <title>/<h1>/<li>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1] in {"title", "h1", "span", "p"} and data.strip():
            self.text.setdefault(self._open[-1], []).append(data.strip())


def parse(page: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(page)
    return collector


EMPTY_PAGE = parse(render_html(rdflib.Graph()))


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return news_graph()


@pytest.fixture(scope="module")
def page(graph) -> str:
    return render_html(graph, title="科技新闻图谱 <script>window.__xss=5</script>")


# ----------------------------------------------------------------------------------------- nodes


def test_nodes_are_the_entity_nodes_labelled_zh_first(page):
    nodes = by_id(page_data(page, "nodes"))
    assert sorted(nodes) == sorted(str(iri) for iri in (WANG, SCALE, META, REUTERS, LLAMA, EVIL))
    assert nodes[str(WANG)]["label"] == "亚历山大·王"  # @zh wins over @en
    assert nodes[str(SCALE)]["label"] == "Scale AI"  # only @en
    assert nodes[str(EVIL)]["label"] == XSS_IMG  # kept as data, verbatim
    # claims, spans, documents and amounts are not drawn as nodes
    assert not any("/claim/" in key or "/span/" in key or "/amount/" in key for key in nodes)


def test_nodes_are_coloured_and_shaped_by_type(page):
    nodes = by_id(page_data(page, "nodes"))
    colours = {t.key: t.colour for t in ENTITY_TYPES}
    assert len(set(colours.values())) == 3 and len({t.shape for t in ENTITY_TYPES}) == 3
    for iri, kind in ((WANG, "Person"), (META, "Organization"), (LLAMA, "Product")):
        [entity_type] = [t for t in ENTITY_TYPES if t.key == kind]
        assert nodes[str(iri)]["color"] == entity_type.colour
        assert nodes[str(iri)]["shape"] == entity_type.shape
    assert {n["entityType"] for n in nodes.values()} == {"Person", "Organization", "Product"}


def test_node_size_grows_with_claim_count(page):
    nodes = by_id(page_data(page, "nodes"))
    # claims with the entity as rdf:subject or rdf:object: Meta 4, Scale AI 3 (its valuation too),
    # Wang 2, Llama 4 1, the evil name 1; 路透社 only reports one (nkg:reportedBy is not a claim of it)
    claims = {iri: len(nodes[str(iri)]["claims"]) for iri in (META, SCALE, WANG, LLAMA, EVIL, REUTERS)}
    assert claims == {META: 4, SCALE: 3, WANG: 2, LLAMA: 1, EVIL: 1, REUTERS: 0}
    size = {iri: nodes[str(iri)]["size"] for iri in claims}
    assert size[META] > size[SCALE] > size[WANG] > size[LLAMA] == size[EVIL] > size[REUTERS]


def test_node_carries_its_names_types_wikidata_and_mentions(page):
    wang = by_id(page_data(page, "nodes"))[str(WANG)]
    assert wang["names"] == ["亚历山大·王", "Alex Wang", "Alexandr Wang"]  # the label first
    assert wang["wikidata"] == "Q104652064" and wang["mentions"] == 3
    assert by_id(page_data(page, "nodes"))[str(SCALE)]["types"] == ["Company"]
    assert wang["title"].splitlines() == ["亚历山大·王", "人物 Person · 2 条主张", "点击查看证据"]


def test_only_a_well_formed_wikidata_id_is_kept():
    g = news_graph()
    g.add((META, OWL.sameAs, URIRef(str(WD) + 'Q1"onclick=x')))
    g.add((LLAMA, OWL.sameAs, URIRef(str(WD) + "P31")))
    nodes = by_id(page_data(render_html(g), "nodes"))
    assert nodes[str(META)]["wikidata"] == "" and nodes[str(LLAMA)]["wikidata"] == ""


def test_claims_carry_qualifiers_and_evidence_with_the_anchor_offsets(page):
    data = explorer_data(page)
    [article] = data["articles"]
    assert article == {"id": DOC_ID, "title": HEADLINE, "date": "2025-06-12"}
    [invest] = [c for c in data["claims"] if c["relation"] == "investedIn"]
    assert invest | {"evidence": None} == {
        "relation": "investedIn",
        "subject": str(META),
        "subjectLabel": "Meta",
        "object": str(SCALE),
        "objectLabel": "Scale AI",
        "amount": "143亿美元",
        "stake": "49%",
        "role": "",
        "date": "2025-06",
        "outlet": "路透社",
        "confidence": "0.8",
        "extractor": "relations.investment.deal.v1",
        "article": 0,
        "evidence": None,
    }
    assert [(e["sentence"], marked(e)) for e in invest["evidence"]] == [
        (SENTENCES[0], "收购"),
        (SENTENCES[4], "Scale AI"),
    ]
    [valuation] = [c for c in data["claims"] if c["relation"] == "valuedAt"]
    assert (valuation["object"], valuation["objectLabel"], valuation["amount"]) == (
        "",
        "约140亿美元",
        "约140亿美元",
    )
    assert data["relationNames"]["investedIn"] == {"zh": "投资", "en": "invested in"}


def test_a_long_sentence_is_cut_around_its_anchor():
    g = news_graph()
    sentence_node = BASE["span/000/0-" + str(len(SENTENCES[0]))]
    g.set((sentence_node, NIF.anchorOf, Literal("很长的背景。" * 120 + SENTENCES[0])))
    g.set((sentence_node, NIF.beginIndex, Literal(-720, datatype=XSD.integer)))
    [invest] = [c for c in explorer_data(render_html(g))["claims"] if c["relation"] == "investedIn"]
    evidence = invest["evidence"][0]
    assert len(evidence["sentence"]) <= 402 and evidence["sentence"].startswith("…")
    assert marked(evidence) == "收购"


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="甲乙丙丁 ab😀", max_size=900),
    anchor=st.text(alphabet="甲乙丙丁 ab😀", min_size=1, max_size=120),
    after=st.text(alphabet="甲乙丙丁 ab😀", max_size=900),
)
def test_the_mark_always_covers_the_anchor(before, anchor, after):
    """However long the sentence and wherever the anchor (characters beyond the BMP included), the
    page's sentence is at most a window of it and its mark slices exactly the anchor."""
    g = rdflib.Graph()
    doc, span, sentence_node = BASE["doc/d"], BASE["span/d/1"], BASE["span/d/0"]
    sentence = before + anchor + after
    for node, begin, text in ((span, 100 + len(before), anchor), (sentence_node, 100, sentence)):
        g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
        g.add((node, NIF.anchorOf, Literal(text)))
        g.add((node, NIF.referenceContext, doc))
    g.add((span, NIF.sentence, sentence_node))
    g.add((WANG, RDF.type, SDO.Person))
    g.add((META, RDF.type, SDO.Organization))
    _claim(g, "worksFor-x", WANG, NKG.worksFor, META, [span])
    [evidence] = explorer_data(render_html(g))["claims"][0]["evidence"]
    assert marked(evidence) == anchor
    assert len(evidence["sentence"]) <= min(len(sentence), 400) + 2  # two "…" at most
    assert evidence["sentence"].strip("…") in sentence


# ----------------------------------------------------------------------------------------- edges


def test_edges_are_the_direct_relations_between_entities(page):
    edges = page_data(page, "edges")
    assert sorted((e["from"], e["relation"], e["to"]) for e in edges) == sorted(
        [
            (str(META), "investedIn", str(SCALE)),
            (str(WANG), "worksFor", str(SCALE)),
            (str(WANG), "joined", str(META)),
            (str(META), "released", str(LLAMA)),
            (str(EVIL), "partnersWith", str(META)),
        ]
    )
    labels = {e["relation"]: (e["label"], e["labelZh"], e["labelEn"]) for e in edges}
    assert labels["investedIn"] == ("投资", "投资", "invested in")  # rdfs:label from the graph
    assert labels["worksFor"] == ("任职于", "任职于", "works for")  # @en from the ontology
    assert all(e["arrows"] == "to" for e in edges)


def test_an_edge_lists_its_claims(page):
    data = explorer_data(page)
    edges = {e["relation"]: e for e in page_data(page, "edges")}
    assert [data["claims"][i]["relation"] for i in edges["investedIn"]["claims"]] == ["investedIn"]
    assert data["claims"][edges["worksFor"]["claims"][0]]["role"] == "CEO"
    assert edges["investedIn"]["title"] == "Meta —投资→ Scale AI\n1 条主张"


def test_parallel_edges_between_two_nodes_are_curved_apart():
    g = news_graph()
    g.add((WANG, NKG.left, SCALE))  # a second edge between Wang and Scale AI
    edges = {e["relation"]: e for e in page_data(render_html(g), "edges")}
    assert edges["left"]["smooth"] == {"enabled": False}  # sorted first: straight
    assert edges["worksFor"]["smooth"]["enabled"] is True
    assert edges["worksFor"]["smooth"]["type"] == "curvedCW"


def test_relation_label_prefers_graph_then_ontology_then_local_name():
    ontology = rdflib.Graph()
    ontology.add((NKG.released, RDFS.label, Literal("发布", lang="zh")))
    in_graph = rdflib.Graph()
    in_graph.add((NKG.released, RDFS.label, Literal("推出", lang="zh")))
    assert relation_label(NKG.released, in_graph, ontology) == "推出"
    assert relation_label(NKG.released, rdflib.Graph(), ontology) == "发布"
    assert relation_label(NKG.acquired, rdflib.Graph(), ontology) == "acquired"


# ------------------------------------------------------------------------------------ page and safety


def test_legend_shows_the_three_types_with_counts(page):
    items = [attrs for tag, attrs in parse(page).tags if tag == "li"]
    assert [item["data-type"] for item in items] == ["Person", "Organization", "Product"]
    spans = parse(page).text["span"]
    assert spans == ["人物 Person", "2", "组织 Organization", "3", "产品 Product", "1"]


def test_heading_and_title_are_escaped_text(page):
    parsed = parse(page)
    assert parsed.text["title"] == ["科技新闻图谱 <script>window.__xss=5</script>"]
    assert parsed.text["h1"] == ["科技新闻图谱 <script>window.__xss=5</script>"]
    assert "<h1>科技新闻图谱 &lt;script&gt;window.__xss=5&lt;/script&gt;</h1>" in page


def test_untrusted_text_never_becomes_markup(page):
    tags = parse(page).tags
    # Only the page's own elements exist (those of an empty graph's page): no <img>, <a> or extra
    # <script> from an entity name.
    assert [tag for tag, _ in tags] == [tag for tag, _ in EMPTY_PAGE.tags]
    assert [tag for tag, _ in tags].count("script") == 3  # vis-network, the data, the explorer
    assert all("src" not in attrs and not any(k.startswith("on") for k in attrs) for _, attrs in tags)
    for raw in (XSS_IMG, XSS_SCRIPT, XSS_HREF, "<b>独家</b>"):
        assert raw not in page
    # ... yet the names survive as data, character for character
    evil = by_id(page_data(page, "nodes"))[str(EVIL)]
    assert evil["label"] == XSS_IMG and evil["names"] == [XSS_IMG, XSS_SCRIPT, XSS_HREF]
    assert explorer_data(page)["articles"][0]["title"] == HEADLINE


def test_the_explorer_script_puts_text_in_the_page_never_markup():
    """explorer.js builds every element with createElement and fills it with textContent or text
    nodes; nothing parses a string as HTML or code."""
    script = (Path(__file__).resolve().parents[1] / "graph" / "assets" / "explorer.js").read_text("utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
        "srcdoc",
    ):
        assert sink not in script, sink
    assert "</script" not in script.lower()
    assert "textContent" in script and "createTextNode" in script


def test_content_security_policy_allows_only_the_inline_scripts(page):
    metas = [
        a for t, a in parse(page).tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    policy = metas[0]["content"]
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_page_is_utf8_chinese(page):
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh">' in page
    assert page.index('<meta charset="utf-8">') < page.index("<title>")
    assert "亚历山大·王" in page  # Chinese in the source, not \u escapes


def test_page_loads_no_script_or_stylesheet_from_the_network(page):
    assert external_resources(page) == []
    for tag, attrs in parse(page).tags:
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").lower().startswith(("http:", "https:", "//")), (tag, attrs)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page


def test_strip_external_resources_removes_pyvis_cdn_links():
    from pyvis.network import Network

    stock = Network(cdn_resources="in_line").generate_html()
    assert any("bootstrap" in found for found in external_resources(stock))
    stripped = strip_external_resources(stock)
    assert external_resources(stripped) == []
    assert "vis.Network" in stripped  # the inline library and drawing code stay


def test_positions_are_precomputed_pixels_and_physics_is_off(page):
    nodes = page_data(page, "nodes")
    positions = [(n["x"], n["y"]) for n in nodes]
    assert all(isinstance(c, int) for xy in positions for c in xy)
    assert len(set(positions)) == len(positions)
    options = json.loads(re.search(r"var options = (.*?);\n", page).group(1))
    assert options["physics"] == {"enabled": False}


def test_same_graph_gives_byte_identical_html(graph, page):
    reordered = rdflib.Graph()
    for triple in sorted(graph, reverse=True):
        reordered.add(triple)
    assert render_html(reordered, title="科技新闻图谱 <script>window.__xss=5</script>") == page


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_html_does_not_depend_on_hash_seed(tmp_path, root, graph, hash_seed):
    """Set iteration order changes with PYTHONHASHSEED; the page must not."""
    source = tmp_path / "g.nt"
    graph.serialize(source, format="nt", encoding="utf-8")
    script = (
        "import sys, rdflib; from graph.render import render_html;"
        "g = rdflib.Graph().parse(sys.argv[1], format='nt');"
        "sys.stdout.buffer.write(render_html(g).encode('utf-8'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", script, str(source)], env=env, capture_output=True, check=True
    )
    assert out.stdout.decode("utf-8") == render_html(graph)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40), before=st.text(max_size=60), after=st.text(max_size=60))
def test_any_text_stays_data(name, before, after):
    """Whatever an article says, the page has the same elements and the text comes back intact:
    names, headline, article id and the sentence with the name marked where it stands."""
    g = rdflib.Graph()
    sentence = before + name + after
    doc, span, sentence_node = BASE["doc/d"], BASE["span/d/1"], BASE["span/d/0"]
    g.add((WANG, RDF.type, SDO.Person))
    g.add((WANG, RDFS.label, Literal(name, lang="zh")))
    g.add((META, RDF.type, SDO.Organization))
    g.add((span, NIF.taIdentRef, WANG))
    for node, begin, text in ((span, len(before), name), (sentence_node, 0, sentence)):
        g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
        g.add((node, NIF.anchorOf, Literal(text)))
        g.add((node, NIF.referenceContext, doc))
    g.add((span, NIF.sentence, sentence_node))
    g.add((doc, SDO.headline, Literal(name)))
    g.add((doc, SDO.identifier, Literal(name)))
    _claim(g, "worksFor-x", WANG, NKG.worksFor, META, [span], role=Literal(name))
    page = render_html(g, title=name)
    parsed = parse(page)
    assert [tag for tag, _ in parsed.tags] == [tag for tag, _ in EMPTY_PAGE.tags]
    assert f"<title>{escape(name)}</title>" in page and f"<h1>{escape(name)}</h1>" in page
    node = by_id(page_data(page, "nodes"))[str(WANG)]
    if name.strip():
        assert node["label"] == " ".join(name.split())
    [claim] = explorer_data(page)["claims"]
    [evidence] = claim["evidence"]
    assert evidence["sentence"] == sentence and marked(evidence) == name
    # a blank identifier is no id: the article is then named by its IRI's last segment
    assert explorer_data(page)["articles"][0]["id"] == (" ".join(name.split()) or "d")


def test_empty_graph_renders_an_empty_network():
    page = render_html(rdflib.Graph())
    assert page_data(page, "nodes") == [] and page_data(page, "edges") == []
    assert "<h1>newskg</h1>" in page


def test_write_html_writes_the_page_atomically(tmp_path, graph):
    target = tmp_path / "out" / "graph.html"
    assert write_html(graph, target, title="图") == target
    assert target.read_bytes() == render_html(graph, title="图").encode("utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.html"]


# ------------------------------------------------------------------------------------ parts of a graph


def test_focus_draws_the_neighbourhood_of_a_name():
    g = news_graph()
    one_hop = by_id(page_data(render_html(g, focus="Alex Wang"), "nodes"))  # an alias
    assert sorted(one_hop) == sorted(str(iri) for iri in (WANG, SCALE, META))
    two_hops = by_id(page_data(render_html(g, focus="亚历山大·王", hops=2), "nodes"))
    assert sorted(two_hops) == sorted(str(iri) for iri in (WANG, SCALE, META, LLAMA, EVIL))
    page = render_html(g, focus="alexandr wang", hops=0)
    assert list(by_id(page_data(page, "nodes"))) == [str(WANG)]
    assert page_data(page, "edges") == []
    assert "「alexandr wang」0 步之内的 1 个实体" in parse(page).text["p"]


def test_focus_on_an_unknown_name_says_which_names_are_close():
    with pytest.raises(
        SubgraphError, match=r"^no entity is named 'Alexander Wang'; did you mean: Alexandr Wang"
    ):
        render_html(news_graph(), focus="Alexander Wang")


def test_article_draws_one_articles_entities_and_claims():
    g = news_graph()
    other = BASE["doc/other"]
    g.add((other, RDF.type, SDO.NewsArticle))
    g.add((other, SDO.identifier, Literal("other.txt")))
    g.add((other, NIF.isString, Literal("Scale AI 与 路透社 合作。")))
    span = BASE["span/other/0-8"]
    g.add((span, NIF.anchorOf, Literal("Scale AI")))
    g.add((span, NIF.beginIndex, Literal(0, datatype=XSD.integer)))
    g.add((span, NIF.referenceContext, other))
    _claim(g, "partnersWith-other", SCALE, NKG.partnersWith, REUTERS, [span])
    page = render_html(g, article="other.txt")
    assert sorted(by_id(page_data(page, "nodes"))) == sorted([str(SCALE), str(REUTERS)])
    assert [e["relation"] for e in page_data(page, "edges")] == ["partnersWith"]
    data = explorer_data(page)
    assert [c["relation"] for c in data["claims"]] == ["partnersWith"]  # not Scale AI's other claims
    assert [a["id"] for a in data["articles"]] == ["other.txt"]
    whole = render_html(g, article=DOC_ID)
    # the entities with a mention or a claim there; 路透社 only reports a claim and has no mention
    assert sorted(by_id(page_data(whole, "nodes"))) == sorted(
        str(i) for i in (META, SCALE, WANG, LLAMA, EVIL)
    )
    assert ("partnersWith", str(SCALE)) not in {(e["relation"], e["from"]) for e in page_data(whole, "edges")}
    with pytest.raises(
        SubgraphError, match=r"^no article 'nope.txt'; articles: 000_43652604587c5b95.txt, other.txt$"
    ):
        render_html(g, article="nope.txt")


@pytest.fixture(scope="module")
def five_thousand() -> rdflib.Graph:
    return synthetic_graph(5000, 6000)


@pytest.fixture(scope="module")
def five_thousand_pages(five_thousand, tmp_path_factory) -> dict[str, Any]:
    """The 5,000-node graph's default page (cut to 1,000 nodes) and its whole page, each rendered once,
    with the seconds each took."""
    out = tmp_path_factory.mktemp("five-thousand")
    pages: dict[str, Any] = {}
    for name, max_nodes in (("cut", DEFAULT_MAX_NODES), ("all", 0)):
        started = time.perf_counter()
        pages[name] = write_html(five_thousand, out / f"{name}.html", max_nodes=max_nodes)
        pages[name + " seconds"] = time.perf_counter() - started
    return pages


def test_a_big_graph_is_cut_to_its_best_connected_part_with_a_note(five_thousand, five_thousand_pages):
    page = five_thousand_pages["cut"].read_text(encoding="utf-8")
    elapsed = five_thousand_pages["cut seconds"]
    nodes = page_data(page, "nodes")
    assert len(nodes) == DEFAULT_MAX_NODES
    edges = page_data(page, "edges")
    shown = {n["id"] for n in nodes}
    assert all(e["from"] in shown and e["to"] in shown for e in edges)
    # the hubs are in: the most connected entity is drawn
    degree: dict[str, int] = {}
    for s, p, o in five_thousand:
        if str(p).startswith(str(NKG)) and isinstance(o, URIRef) and "/entity/" in str(o):
            degree[str(s)] = degree.get(str(s), 0) + 1
            degree[str(o)] = degree.get(str(o), 0) + 1
    assert max(degree, key=lambda node: (degree[node], node)) in shown
    # ... and they are one connected part (the largest component has more than 1,000 entities)
    import networkx as nx

    drawn = nx.Graph()
    drawn.add_nodes_from(shown)
    drawn.add_edges_from((e["from"], e["to"]) for e in edges)
    assert nx.is_connected(drawn)
    note = parse(page).text["p"][-1]
    assert (
        note.startswith("显示 1000 / 5000 个实体（关系最多的连通部分），其余 4000 个未画出")
        and "--focus" in note
    )
    assert elapsed < 120, f"rendering 5,000 nodes took {elapsed:.1f} s"


def test_all_five_thousand_nodes_when_asked(five_thousand_pages):
    page = five_thousand_pages["all"].read_text(encoding="utf-8")
    assert five_thousand_pages["all seconds"] < 240
    nodes = page_data(page, "nodes")
    assert len(nodes) == 5000
    assert len({(n["x"], n["y"]) for n in nodes}) == 5000
    assert 'id="note"' not in page


# ----------------------------------------------------------------------------------------- browser
#
# These drive Debian's Chromium headless (never a downloaded browser). Where it is missing they skip
# with the reason, except under CI=true, where .ci/run installs it: there a missing browser fails.

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("NEWSKG_ARTIFACTS") or ROOT / "test-artifacts")  # gitignored
USABLE_SECONDS = 5.0  # the bound for a 5,000-node page: drawn and searchable


@pytest.fixture(scope="module")
def browser():
    missing = None
    if not CHROMIUM.exists():
        missing = "no browser: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[test]')"
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}; under CI=true the browser tests must run (.ci/run installs Chromium)")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Opened:
    """A page opened from a file with every request recorded and every one but the file itself aborted."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        self.url = path.as_uri()
        self.requests: list[str] = []  # every request other than the page itself
        self.errors: list[str] = []

        def guard(route):
            if route.request.url == self.url:
                route.continue_()
            else:
                self.requests.append(route.request.url)
                route.abort()

        self.page.route("**/*", guard)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type in {"error", "warning"} else None
        )
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-ready=true]")

    def visible(self, what: str) -> list[dict]:
        """The nodes or edges the network draws now (after the filters)."""
        return self.page.evaluate(f"{what}.get({{ filter: item => !item.hidden }})")

    def click_at(self, canvas_point: dict) -> None:
        box = self.page.locator("#mynetwork").bounding_box()
        dom = self.page.evaluate("p => network.canvasToDOM(p)", canvas_point)
        self.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])

    def click_node(self, node_id: str) -> None:
        self.click_at(self.page.evaluate("id => network.getPosition(id)", node_id))
        self.page.wait_for_function("() => !document.getElementById('panel').hidden")

    def click_edge(self, edge_id: str) -> None:
        """Click the middle of the edge as drawn (curved edges bend away from the straight line)."""
        self.click_at(self.page.evaluate("id => network.body.edges[id].edgeType.getPoint(0.5)", edge_id))
        self.page.wait_for_function("() => !document.getElementById('panel').hidden")

    def search(self, text: str) -> list[str]:
        self.page.fill("#search", text)
        return self.page.locator("#search-results button .label").all_inner_texts()

    def panel(self) -> str:
        return self.page.locator("#panel").inner_text()

    def nothing_ran(self) -> None:
        """No injected script ran, no element came from data, nothing was fetched."""
        page = self.page
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("img, iframe, object, embed, svg, a[href^='javascript']").count() == 0
        assert page.locator("script").count() == 3
        handlers = "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        assert not [name for name in page.evaluate(handlers) if name.startswith("on")]
        assert self.requests == []

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / name
        self.page.screenshot(path=str(target))
        return target


def edge_id(page, relation: str, source: str, target: str) -> str:
    ids = page.evaluate(
        "([relation, source, target]) => edges.get().filter(e => e.relation === relation"
        " && nodes.get(e.from).label === source && nodes.get(e.to).label === target).map(e => e.id)",
        [relation, source, target],
    )
    assert len(ids) == 1, (relation, source, target, ids)
    return ids[0]


@pytest.mark.browser
def test_page_works_offline_in_a_real_browser(browser, graph, tmp_path):
    opened = Opened(browser, write_html(graph, tmp_path / "graph.html", title="科技新闻图谱"))
    page = opened.page
    assert page.locator("#mynetwork canvas").count() == 1
    assert page.evaluate("nodes.length") == 6 and len(opened.visible("nodes")) == 6
    assert page.evaluate("edges.length") == 5
    assert page.locator("#status").inner_text() == "显示 6 个实体 · 5 条关系"
    assert page.locator("#legend .name").all_inner_texts() == [
        "人物 Person",
        "组织 Organization",
        "产品 Product",
    ]

    # Search by an alias; Enter opens the panel with every name, the Wikidata link and the claims.
    assert opened.search("alex wang") == ["亚历山大·王"]
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == "亚历山大·王"
    assert page.locator("#panel .names .name").all_inner_texts() == ["Alex Wang", "Alexandr Wang"]
    link = page.locator("#panel a.wikidata")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q104652064"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "职位 CEO" in opened.panel() and SENTENCES[1] in opened.panel()
    assert sorted(page.locator("#panel mark").all_inner_texts()) == ["加入", "首席执行官"]

    # Click the Meta -> Scale AI edge: its claim, qualifiers and sentences, the anchors marked.
    opened.click_edge(edge_id(page, "investedIn", "Meta", "Scale AI"))
    assert page.locator("#panel h2").inner_text() == "Meta —投资→ Scale AI"
    assert page.locator("#panel .qualifiers").all_inner_texts() == [
        "金额 143亿美元 · 股份 49% · 日期 2025-06 · 据 路透社 · 置信度 0.8"
    ]
    assert page.locator("#panel blockquote").all_inner_texts() == [SENTENCES[0], SENTENCES[4]]
    assert page.locator("#panel mark").all_inner_texts() == ["收购", "Scale AI"]
    assert f"《{HEADLINE}》 · 2025-06-12 · {DOC_ID}" in opened.panel()  # the <b> of the headline is text

    # The relation names switch to English, on the edges and in the panel.
    page.click("#lang-switch")
    assert page.evaluate(
        f"edges.get({json.dumps(edge_id(page, 'investedIn', 'Meta', 'Scale AI'))}).label"
    ) == ("invested in")
    assert page.locator("#panel h2").inner_text() == "Meta —invested in→ Scale AI"

    # Filters: a type, a relation.
    page.locator("input.type-filter[value=Person]").uncheck()
    assert sorted(n["entityType"] for n in opened.visible("nodes")) == ["Organization"] * 3 + ["Product"]
    page.click("#reset")
    page.click("#relation-filter summary")
    for box in page.locator("input.relation-filter").all():
        if box.get_attribute("value") != "worksFor":
            box.uncheck()
    assert [e["relation"] for e in opened.visible("edges")] == ["worksFor"]
    assert sorted(n["label"] for n in opened.visible("nodes")) == ["Scale AI", "亚历山大·王"]
    page.click("#reset")

    # The malicious node: its markup is shown as text in the panel and runs nothing.
    opened.click_node(str(EVIL))
    assert page.locator("#panel h2").inner_text() == XSS_IMG
    assert page.locator("#panel .names .name").all_inner_texts() == [XSS_SCRIPT, XSS_HREF]
    page.mouse.move(1, 1)
    opened.nothing_ran()
    assert opened.errors == []
    page.close()


@pytest.mark.browser
def test_the_seeds_graph_in_a_real_browser(browser, root):
    """The committed output/graph.html (test_cli checks it is current): the seeds' entities, search,
    the Meta–Scale AI figures side by side, the filters; a screenshot for people to look at."""
    expected = rdflib.Graph().parse(root / "output" / "graph.ttl")
    entity_count = len({s for t in ENTITY_TYPES for s in expected.subjects(RDF.type, t.iri)})
    opened = Opened(browser, root / "output" / "graph.html")
    page = opened.page
    assert page.evaluate("nodes.length") == entity_count == len(opened.visible("nodes"))
    assert page.locator("#note").count() == 0  # all of it is drawn

    assert opened.search("Zuckerberg")[0] == "马克·扎克伯格"
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == "马克·扎克伯格"
    assert page.locator("#panel a.wikidata").count() == 1

    opened.click_edge(edge_id(page, "investedIn", "Meta", "Scale AI"))
    rows = {
        row.locator("td.amount").inner_text(): row.inner_text()
        for row in page.locator("#panel table.figures tr.figure").all()
    }
    assert {"143亿美元", "140亿美元"} <= set(rows)
    assert "CNBC" in rows["140亿美元"] and "Meta正在敲定一项高达140亿美元的投资协议" in rows["140亿美元"]
    assert "Meta以143亿美元巨额投资数据标注公司Scale AI" in rows["143亿美元"]
    assert "2025-06-16 · 003_2f044a086ea3d3b8.txt" in rows["143亿美元"]
    assert page.locator("#panel table.figures mark").count() >= len(rows)
    shot = opened.screenshot("graph-seeds.png")
    assert shot.stat().st_size > 50_000

    # One article, then a date range: only what that article (dated 2025-06-16) says.
    page.select_option(
        "#article-filter", label="Meta的豪赌：143亿美元押注数据洞察，AI超级智能竞赛的新战局 · 2025-06-16"
    )
    one_article = {n["label"] for n in opened.visible("nodes")}
    assert "谷歌" in one_article and "彭博社" not in one_article and len(one_article) < entity_count
    page.click("#reset")
    page.fill("#date-from", "2025-06-13")
    page.dispatch_event("#date-from", "change")
    assert {n["label"] for n in opened.visible("nodes")} == one_article
    assert opened.requests == [] and opened.errors == []
    page.close()


def untrusted_article_graph(tmp_path: Path) -> rdflib.Graph:
    """A graph built by the pipeline from an article whose file name, title, tags and sentences carry
    markup; the extractors take no name from markup, so two entities are given malicious names and
    a relation a malicious label, as a careless rule or a hand-edited graph could."""
    from extractors.pipeline import extract_corpus
    from extractors.reader import read_inputs
    from graph.build import build_graph

    source = tmp_path / "articles" / f"{XSS_IMG}.md"
    source.parent.mkdir()
    source.write_text(
        f'---\ntitle: "{XSS_IMG.replace(chr(34), chr(39))}独家{XSS_SCRIPT}"\ndate: 2025-06-16\n'
        f'tags:\n  - "{XSS_SCRIPT}"\n---\n\n'
        f"据《{XSS_IMG}》报道，Meta以143亿美元投资Scale AI。{XSS_SCRIPT}\n\n"
        f"{XSS_HREF}Scale AI创始人Alexandr Wang加入Meta。\n",
        encoding="utf-8",
    )
    read = read_inputs([source.parent])
    assert [doc.id for doc in read.documents] == [source.name]
    graph = build_graph(extract_corpus(read.documents))
    entities = {str(label): s for s, label in graph.subject_objects(RDFS.label)}
    assert not any("<" in name for name in entities)  # the rules found no name in the markup
    graph.add((entities["Meta"], RDFS.label, Literal(XSS_IMG, lang="zh")))
    graph.add((entities["Meta"], SKOS.altLabel, Literal(XSS_SCRIPT, lang="zh")))
    graph.add((entities["Scale AI"], RDFS.label, Literal(XSS_SCRIPT, lang="zh")))
    graph.add((NKG.investedIn, RDFS.label, Literal(XSS_HREF, lang="zh")))
    return graph


@pytest.mark.browser
def test_an_untrusted_article_runs_nothing_in_a_real_browser(browser, tmp_path):
    graph = untrusted_article_graph(tmp_path)
    opened = Opened(browser, write_html(graph, tmp_path / "evil.html", title=XSS_SCRIPT))
    page = opened.page
    assert page.locator("h1").inner_text() == XSS_SCRIPT
    # Search for the markup, open it, its edges, switch languages, open every menu.
    assert opened.search("<img")[0] == XSS_IMG
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == XSS_IMG
    assert XSS_SCRIPT in opened.panel()
    for edge in page.evaluate("edges.getIds()"):
        opened.click_edge(edge)
    assert XSS_HREF in opened.panel() or "investedIn" not in page.evaluate("edges.get().map(e => e.relation)")
    page.click("#relation-filter summary")
    assert XSS_HREF in page.locator("#relation-options").inner_text()
    options = page.locator("#article-filter option").all_inner_texts()
    assert any(XSS_SCRIPT in option for option in options)
    page.select_option("#article-filter", index=1)
    page.click("#lang-switch")
    opened.click_node(page.evaluate("nodes.getIds()[0]"))
    page.mouse.move(1, 1)
    opened.nothing_ran()
    assert opened.errors == []
    page.close()


def _time_to_usable(browser, path: Path, query: str) -> tuple[float, Opened]:
    """Seconds from opening *path* until the network is drawn and a search has listed its hits."""
    started = time.perf_counter()
    opened = Opened(browser, path)
    hits = opened.search(query)
    elapsed = time.perf_counter() - started
    assert hits, f"no hit for {query!r}"
    return elapsed, opened


@pytest.mark.browser
def test_five_thousand_nodes_are_usable_within_five_seconds(browser, five_thousand_pages):
    elapsed, opened = _time_to_usable(browser, five_thousand_pages["all"], "Entity 4321")
    page = opened.page
    assert page.evaluate("nodes.length") == 5000 == len(opened.visible("nodes"))
    assert opened.search("Entity 4321")[0] == "实体4321"
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == "实体4321"
    assert opened.requests == [] and opened.errors == []
    opened.screenshot("graph-5000.png")
    page.close()
    assert elapsed < USABLE_SECONDS, f"5,000 nodes took {elapsed:.1f} s to draw and search"


@pytest.mark.browser
def test_a_cut_big_graph_says_what_it_left_out_in_a_real_browser(browser, five_thousand_pages):
    elapsed, opened = _time_to_usable(browser, five_thousand_pages["cut"], "实体1")
    note = opened.page.locator("#note")
    assert note.is_visible() and note.inner_text().startswith("显示 1000 / 5000 个实体")
    assert len(opened.visible("nodes")) == 1000
    assert opened.requests == [] and opened.errors == []
    opened.page.close()
    assert elapsed < USABLE_SECONDS, f"the 1,000-node default view took {elapsed:.1f} s"
