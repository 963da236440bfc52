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

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.render import (
    ENTITY_TYPES,
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


def _claim(graph, name, subject, relation, obj, evidence, **qualifiers):
    claim = BASE[f"claim/000/{name}"]
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
        if self._open and self._open[-1] in {"title", "h1", "span"} and data.strip():
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


def test_nodes_are_coloured_by_type_with_three_distinct_colours(page):
    nodes = by_id(page_data(page, "nodes"))
    colours = {t.key: t.colour for t in ENTITY_TYPES}
    assert len(set(colours.values())) == 3
    assert nodes[str(WANG)]["color"] == colours["Person"]
    assert nodes[str(META)]["color"] == colours["Organization"]
    assert nodes[str(LLAMA)]["color"] == colours["Product"]
    assert {n["entityType"] for n in nodes.values()} == {"Person", "Organization", "Product"}


def test_node_size_grows_with_mention_count(page):
    nodes = by_id(page_data(page, "nodes"))
    # Scale AI 9 mentions > Meta 5 > Wang 3 > Llama 4 and 路透社 1
    assert nodes[str(SCALE)]["size"] > nodes[str(META)]["size"] > nodes[str(WANG)]["size"]
    assert nodes[str(WANG)]["size"] > nodes[str(LLAMA)]["size"] == nodes[str(REUTERS)]["size"]


def test_node_tooltip_has_names_type_wikidata_and_evidence_sentence(page):
    title = by_id(page_data(page, "nodes"))[str(WANG)]["title"]
    assert title.splitlines() == [
        "亚历山大·王",
        "类型: 人物 Person",
        "又名: Alex Wang / Alexandr Wang",
        "Wikidata: Q104652064",
        "提及: 3 次",
        "证据:",
        f"  「{SENTENCES[1]}」",
        f"    —— 《{HEADLINE}》 {DOC_ID}",
    ]


def test_valuation_is_shown_in_the_node_tooltip_not_as_a_node(page):
    title = by_id(page_data(page, "nodes"))[str(SCALE)]["title"]
    assert "类型: 组织 Organization · Company" in title
    assert "估值: 约140亿 USD" in title
    assert all(edge["relation"] != "valuedAt" for edge in page_data(page, "edges"))


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
    labels = {e["relation"]: e["label"] for e in edges}
    assert labels["investedIn"] == "投资"  # rdfs:label@zh from the graph
    assert labels["worksFor"] == "任职于"
    assert all(e["arrows"] == "to" for e in edges)


def test_edge_tooltip_lists_the_claim_qualifiers_and_every_evidence_sentence(page):
    edges = {e["relation"]: e for e in page_data(page, "edges")}
    assert edges["investedIn"]["title"].splitlines() == [
        "Meta —投资→ Scale AI",
        "[1] 金额 143亿 USD · 股份 49% · 日期 2025-06 · 据 路透社 · 置信度 0.8",
        f"    「{SENTENCES[0]}」",
        f"      —— 《{HEADLINE}》 {DOC_ID}",
        f"    「{SENTENCES[4]}」",
        f"      —— 《{HEADLINE}》 {DOC_ID}",
    ]
    assert "[1] 职位 CEO" in edges["worksFor"]["title"]


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
    # Only the page's own elements exist: no <img>, <a> or extra <script> from an entity name.
    page_elements = {"html", "head", "meta", "title", "style", "script", "body", "header", "h1", "ul", "li"}
    assert {tag for tag, _ in tags} <= page_elements | {"span", "p", "div"}
    assert [tag for tag, _ in tags].count("script") == 2
    assert all("src" not in attrs and not any(k.startswith("on") for k in attrs) for _, attrs in tags)
    for raw in (XSS_IMG, XSS_SCRIPT, XSS_HREF, "<b>独家</b>"):
        assert raw not in page
    # ... yet the names survive as data, character for character
    evil = by_id(page_data(page, "nodes"))[str(EVIL)]
    assert XSS_SCRIPT in evil["title"] and XSS_HREF in evil["title"]


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
@given(name=st.text(min_size=1, max_size=40), sentence=st.text(max_size=80))
def test_any_text_stays_data(name, sentence):
    """Whatever an article says, the page has the same elements and the text comes back intact."""
    g = rdflib.Graph()
    doc, span, sentence_node = BASE["doc/d"], BASE["span/d/0-1"], BASE["span/d/0-2"]
    g.add((WANG, RDF.type, SDO.Person))
    g.add((WANG, RDFS.label, Literal(name, lang="zh")))
    g.add((span, NIF.taIdentRef, WANG))
    g.add((span, NIF.sentence, sentence_node))
    g.add((span, NIF.referenceContext, doc))
    g.add((sentence_node, NIF.anchorOf, Literal(sentence)))
    g.add((doc, SDO.headline, Literal(name)))
    page = render_html(g, title=name)
    parsed = parse(page)
    assert [tag for tag, _ in parsed.tags] == [tag for tag, _ in EMPTY_PAGE.tags]
    assert f"<title>{escape(name)}</title>" in page and f"<h1>{escape(name)}</h1>" in page
    [node] = page_data(page, "nodes")
    if name.strip():
        assert node["label"] == " ".join(name.split())
    assert " ".join(sentence.split())[:100] in node["title"]


def test_empty_graph_renders_an_empty_network():
    page = render_html(rdflib.Graph())
    assert page_data(page, "nodes") == [] and page_data(page, "edges") == []
    assert "<h1>newskg</h1>" in page


def test_write_html_writes_the_page_atomically(tmp_path, graph):
    target = tmp_path / "out" / "graph.html"
    assert write_html(graph, target, title="图") == target
    assert target.read_bytes() == render_html(graph, title="图").encode("utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.html"]


def large_graph(n_nodes: int = 2000, n_edges: int = 2400) -> rdflib.Graph:
    """A synthetic graph shaped like a news corpus: a few hubs, many small clusters, loners."""
    import random

    rng = random.Random(7)
    g = rdflib.Graph()
    kinds = [t.iri for t in ENTITY_TYPES]
    iris = [ENTITY[f"e/{i:04d}"] for i in range(n_nodes)]
    for i, iri in enumerate(iris):
        g.add((iri, RDF.type, kinds[i % 3]))
        g.add((iri, RDFS.label, Literal(f"实体{i}", lang="zh")))
        g.add((iri, NKG.mentionCount, Literal(1 + i % 17, datatype=XSD.integer)))
    relations = [NKG.investedIn, NKG.worksFor, NKG.partnersWith, NKG.released]
    for _ in range(n_edges):
        # preferential: low ids are hubs
        s = iris[int(rng.paretovariate(1.2)) % n_nodes] if rng.random() < 0.3 else rng.choice(iris)
        g.add((s, rng.choice(relations), rng.choice(iris[: int(n_nodes * 0.8)])))
    return g


def test_two_thousand_nodes_render_with_fixed_positions():
    g = large_graph()
    started = time.perf_counter()
    page = render_html(g)
    elapsed = time.perf_counter() - started
    nodes = page_data(page, "nodes")
    assert len(nodes) == 2000
    assert len({(n["x"], n["y"]) for n in nodes}) == 2000
    assert elapsed < 120, f"rendering 2,000 nodes took {elapsed:.1f} s"


# ----------------------------------------------------------------------------------------- browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOT = Path("/tmp/newskg_render.png")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no browser: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_offline(browser, path: Path):
    """Open *path* in a page whose every non-local request is aborted and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    attempted: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_function("() => typeof network !== 'undefined' && network.body !== undefined")
    return page, attempted, failed, errors


@pytest.mark.browser
def test_page_works_offline_in_a_real_browser(browser, graph, tmp_path):
    path = write_html(graph, tmp_path / "graph.html", title="科技新闻图谱")
    page, attempted, failed, errors = open_offline(browser, path)

    assert page.locator("#mynetwork canvas").count() == 1
    assert page.evaluate("nodes.length") == 6
    assert page.evaluate("edges.length") == 5
    assert page.locator("#legend .name").all_inner_texts() == [
        "人物 Person",
        "组织 Organization",
        "产品 Product",
    ]

    # Hover over Alexandr Wang: the tooltip shows his evidence sentence, in Chinese.
    box = page.locator("#mynetwork").bounding_box()
    dom = page.evaluate(f"network.canvasToDOM(network.getPosition({json.dumps(str(WANG))}))")
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert SENTENCES[1] in tooltip.inner_text()
    assert "亚历山大·王" in tooltip.inner_text()
    page.screenshot(path=str(SCREENSHOT))

    # Hover over the Meta -> Scale AI edge: the tooltip shows the claim and its evidence.
    start = page.evaluate(f"network.canvasToDOM(network.getPosition({json.dumps(str(META))}))")
    end = page.evaluate(f"network.canvasToDOM(network.getPosition({json.dumps(str(SCALE))}))")
    page.mouse.move(1, 1)
    page.mouse.move(
        box["x"] + 0.65 * start["x"] + 0.35 * end["x"], box["y"] + 0.65 * start["y"] + 0.35 * end["y"]
    )
    page.wait_for_function(
        "text => document.querySelector('div.vis-tooltip').innerText.includes(text)",
        arg="Meta —投资→ Scale AI",
    )
    assert "股份 49%" in tooltip.inner_text() and SENTENCES[0] in tooltip.inner_text()

    # Hover over the malicious node: its markup is shown as text and runs nothing.
    dom = page.evaluate(f"network.canvasToDOM(network.getPosition({json.dumps(str(EVIL))}))")
    page.mouse.move(1, 1)
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function(
        "text => document.querySelector('div.vis-tooltip').innerText.includes(text)", arg=XSS_IMG
    )
    assert page.locator("div.vis-tooltip img, div.vis-tooltip a, div.vis-tooltip script").count() == 0
    page.mouse.move(box["x"] + dom["x"] + 2, box["y"] + dom["y"] + 2)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"

    assert attempted == [] and failed == []
    assert errors == []
    page.close()


@pytest.mark.browser
def test_two_thousand_nodes_draw_quickly_in_a_real_browser(browser, tmp_path):
    path = write_html(large_graph(), tmp_path / "large.html")
    started = time.perf_counter()
    page, attempted, failed, errors = open_offline(browser, path)
    page.evaluate("new Promise(resolve => { network.once('afterDrawing', resolve); network.redraw(); })")
    elapsed = time.perf_counter() - started
    assert page.evaluate("nodes.length") == 2000
    assert attempted == [] and failed == [] and errors == []
    assert elapsed < 15, f"2,000 nodes took {elapsed:.1f} s to draw"
    page.close()
