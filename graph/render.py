"""Render a newskg graph as one interactive HTML page that works without any network.

The page is a vis-network view (through pyvis) of the entity nodes and the direct relation edges
between them, with the tools to explore it: a search over every name and alias, filters by entity
type, relation, article and date, a switch between Chinese and English relation names, and a side
panel that shows, for the node or edge clicked, its names, Wikidata link and every claim with its
evidence sentence (the anchor marked), article, date, outlet and confidence; an edge's conflicting
figures (140亿 vs 143亿美元) are set side by side in one table.

Four decisions shape this module:

* **Offline.** pyvis's own template links bootstrap from a CDN even with ``cdn_resources="in_line"``
  and prints the heading unescaped, so the page is rendered from ``graph/assets/graph.html.j2``
  (autoescaped) with vis-network inlined from pyvis's bundled copy and the explorer's own script
  (``graph/assets/explorer.js``) inlined beside it; a final pass removes any external
  ``<script src>``/``<link href>`` and a Content-Security-Policy allows only the page's own scripts.
* **Untrusted text stays text.** Names, headlines and sentences come from articles. They reach the
  page only as JSON through Jinja's ``tojson`` (``<``, ``>``, ``&`` and ``'`` escaped, so nothing can
  close the ``<script>``), and the script puts them into the page with ``textContent`` and text nodes
  only. Tooltips are plain strings, which vis-network 9 shows with ``innerText``.
* **A part of a big graph.** Above ``DEFAULT_MAX_NODES`` entities the page draws the best-connected
  part and says what it left out; ``focus``/``hops`` and ``article`` choose another part
  (``graph/subgraph.py``).
* **Deterministic and fast.** Nodes, edges and claims are sorted, positions are precomputed (one
  seeded layout per connected component, components packed in rows) and rounded to pixels, and
  physics is off, so the same graph gives byte-identical HTML and 5,000 nodes draw at once.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
import numpy as np
import numpy.typing as npt
import pyvis
import rdflib
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS
from rdflib.term import Node

from graph.export import atomic_write
from graph.subgraph import DEFAULT_MAX_NODES, SubgraphError, find_entities, most_connected, neighbourhood
from ontology.namespaces import NIF, NKG, ONTOLOGY_IRI, WD

__all__ = [
    "DEFAULT_MAX_NODES",
    "ENTITY_TYPES",
    "EntityType",
    "SubgraphError",
    "external_resources",
    "relation_label",
    "render_html",
    "strip_external_resources",
    "write_html",
]


@dataclass(frozen=True)
class EntityType:
    """One of the three entity classes: how it is named, coloured and shaped on the page."""

    key: str
    iri: URIRef
    label_zh: str
    colour: str
    shape: str  # a vis-network shape drawn at the node's size with the label below it


# Okabe–Ito blue, orange and green (distinct for colour-blind readers too), and three shapes so that
# the type shows without colour. The order is also the precedence if a node (against the SPEC)
# carries more than one of the three types.
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("Person", SDO.Person, "人物", "#0072B2", "dot"),
    EntityType("Organization", SDO.Organization, "组织", "#E69F00", "square"),
    EntityType("Product", SDO.Product, "产品", "#009E73", "diamond"),
)

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
TEMPLATE_NAME = "graph.html.j2"
PYVIS_TEMPLATES_DIR = Path(pyvis.__file__).resolve().parent / "templates"

# System CJK fonts first so Chinese never falls back to tofu; nothing is downloaded.
FONT_FACES = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

LAYOUT_SEED = 20250612
NODE_SPACING = 170  # pixels between neighbouring nodes in a laid-out component
COMPONENT_MARGIN = 60  # pixels around each packed component
REPULSION_SAMPLE = 1200  # above this many nodes in a component, repulsion is estimated from a sample

MAX_SENTENCE_CHARS = 400
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_CSP_PLACEHOLDER = "__NEWSKG_CONTENT_SECURITY_POLICY__"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
# A URL that leaves the page: http(s) or protocol-relative.
_REMOTE_URL = r"""\s*["']?\s*(?:https?:)?//"""
_EXTERNAL_LINK = re.compile(rf"<link\b[^>]*\bhref\s*={_REMOTE_URL}[^>]*>", re.I)
_EXTERNAL_SCRIPT = re.compile(rf"<script\b[^>]*\bsrc\s*={_REMOTE_URL}[^>]*>\s*</script\s*>", re.I)
_EXTERNAL_CSS = re.compile(r"""(?:@import\s+|url\(\s*)["']?\s*(?:https?:)?//""", re.I)
_WHITESPACE = re.compile(r"\s+")

_QUALIFIER_PREFIX = {"about": "约", "over": "超过", "under": "不到"}
# How Chinese news writes the currencies the extractors know (extractors/quantities.py).
_CURRENCY_ZH = {
    "USD": "美元",
    "CNY": "元",
    "HKD": "港元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "KRW": "韩元",
    "TWD": "新台币",
}


# --------------------------------------------------------------------------------------------- API


def render_html(
    graph: rdflib.Graph,
    title: str = "newskg",
    *,
    focus: str | None = None,
    hops: int = 1,
    article: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> str:
    """Render *graph* as a self-contained interactive HTML page and return it.

    Nodes are the entity nodes (subjects typed schema:Person, schema:Organization or
    schema:Product), edges the direct ``nkg:<relation>`` triples between two of them. *focus* (a
    name or alias) draws the entities at most *hops* edges from it; *article* (a document's
    ``schema:identifier``, as ``query`` prints it) the entities and claims of one article; both may
    be combined. Otherwise a graph of more than *max_nodes* entities (0: no limit) is cut to its
    best-connected part, and the page says so. An unknown name or article raises
    :class:`SubgraphError`. The same graph always gives the same string; *title* becomes the page
    heading (escaped).

    >>> page = render_html(rdflib.Graph(), title="空图")
    >>> "<h1>空图</h1>" in page and "https://cdn" not in page
    True
    """
    view = _GraphView(graph)
    entities = view.entities()
    part = _choose_part(view, entities, view.relation_edges(entities), focus, hops, article, max_nodes)
    return _page(view, entities, part, title)


def write_html(
    graph: rdflib.Graph,
    path: str | os.PathLike[str],
    title: str = "newskg",
    *,
    focus: str | None = None,
    hops: int = 1,
    article: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Path:
    """Render *graph* (see :func:`render_html`) and write it to *path* atomically; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    page = render_html(graph, title, focus=focus, hops=hops, article=article, max_nodes=max_nodes)
    atomic_write(target, page.encode("utf-8"))
    return target


def relation_label(
    predicate: URIRef, graph: rdflib.Graph, ontology: rdflib.Graph | None = None, lang: str = "zh"
) -> str:
    """The name shown on an edge: the relation's ``rdfs:label`` in *lang* from *graph*, else from
    *ontology* (the project's ``ontology/newskg.ttl`` when not given), else its local name.

    >>> relation_label(NKG.investedIn, rdflib.Graph(), rdflib.Graph())
    'investedIn'
    >>> relation_label(NKG.investedIn, rdflib.Graph(), lang="en")
    'invested in'
    """
    sources = [graph, _project_ontology() if ontology is None else ontology]
    for source in sources:
        labels = sorted(
            str(label) for label in source.objects(predicate, RDFS.label) if _is_lang(label, lang)
        )
        if labels:
            return labels[0]
    return _local_name(predicate)


def strip_external_resources(page: str) -> str:
    """Remove every ``<link href>`` and ``<script src>`` that points off the machine (http, https or
    protocol-relative), such as the bootstrap links pyvis's template always adds."""
    return _EXTERNAL_SCRIPT.sub("", _EXTERNAL_LINK.sub("", page))


def external_resources(page: str) -> list[str]:
    """The markup in *page* that would make a browser fetch a script, stylesheet or CSS resource
    from the network (empty for a page that works offline)."""
    found = [m.group(0) for m in _EXTERNAL_LINK.finditer(page)]
    found += [m.group(0) for m in _EXTERNAL_SCRIPT.finditer(page)]
    found += [m.group(0) for m in _EXTERNAL_CSS.finditer(page)]
    return found


# ------------------------------------------------------------------------------------ the part drawn

Edge = tuple[URIRef, URIRef, URIRef]


@dataclass(frozen=True)
class _Part:
    """What the page draws: entities, the edges between them, and the article claims are limited to."""

    nodes: list[URIRef]
    edges: list[Edge]
    document: Node | None
    note: str


def _choose_part(
    view: _GraphView,
    entities: dict[URIRef, EntityType],
    edges: list[Edge],
    focus: str | None,
    hops: int,
    article: str | None,
    max_nodes: int,
) -> _Part:
    document = None
    members: set[URIRef] = set(entities)
    notes: list[str] = []
    if article is not None:
        document = view.document(article)
        edges = [edge for edge in edges if any(view.claim_document(c) == document for c in view.claims(edge))]
        members = (view.mentioned_in(document) & members) | {end for s, _, o in edges for end in (s, o)}
        notes.append(f"文章 {article} 中的 {len(members)} 个实体与其主张")
    adjacency: dict[URIRef, set[URIRef]] = {node: set() for node in members}
    for s, _, o in edges:
        if s in adjacency and o in adjacency:
            adjacency[s].add(o)
            adjacency[o].add(s)
    if focus is not None:
        centres = find_entities({node: view.names(node) for node in sorted(members)}, focus)
        chosen, within = neighbourhood(adjacency, centres, hops, max_nodes)
        notes.append(f"「{focus}」{hops} 步之内的 {within} 个实体")
        if len(chosen) < within:
            notes.append(f"显示其中离它最近、关系最多的 {len(chosen)} 个")
    elif max_nodes and len(members) > max_nodes:
        chosen = most_connected(adjacency, max_nodes)
        left_out = len(members) - len(chosen)
        notes.append(
            f"显示 {len(chosen)} / {len(members)} 个实体（关系最多的连通部分），其余 {left_out} 个未画出；"
            "用 newskg render GRAPH --focus 名称 --hops N 或 --article ID 查看其他部分"
        )
    else:
        chosen = sorted(members)
    shown = set(chosen)
    return _Part(
        nodes=sorted(shown),
        edges=[edge for edge in edges if edge[0] in shown and edge[2] in shown],
        document=document,
        note="；".join(notes),
    )


# ------------------------------------------------------------------------------------ graph reading


class _GraphView:
    """Read-only lookups over the SPEC's RDF model, memoized for one rendering."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self._labels: dict[Node, str] = {}
        self._relation_labels: dict[tuple[URIRef, str], str] = {}
        self._claims: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
        self._claims_of_entity: dict[Node, list[Node]] = defaultdict(list)
        claims = set(graph.subjects(RDF.type, NKG.Claim)) | set(graph.subjects(RDF.type, RDF.Statement))
        for claim in sorted(claims, key=str):
            key = (
                self.value(claim, RDF.subject),
                self.value(claim, RDF.predicate),
                self.value(claim, RDF.object),
            )
            if None in key:
                continue
            self._claims[key].append(claim)  # type: ignore[index]
            self._claims_of_entity[key[0]].append(claim)  # type: ignore[index]
            if key[2] != key[0]:
                self._claims_of_entity[key[2]].append(claim)  # type: ignore[index]

    def value(self, subject: Node, predicate: URIRef) -> Node | None:
        """The object of a single-valued property. If the data has several, the smallest, so that
        the page does not depend on rdflib's set order (``Graph.value`` returns any one)."""
        return min(self.graph.objects(subject, predicate), key=str, default=None)

    # nodes and edges

    def entities(self) -> dict[URIRef, EntityType]:
        """Entity IRI -> its type. Blank nodes are skipped: their ids are not stable across parses."""
        found: dict[URIRef, EntityType] = {}
        for entity_type in ENTITY_TYPES:
            for subject in sorted(self.graph.subjects(RDF.type, entity_type.iri), key=str):
                if isinstance(subject, URIRef):
                    found.setdefault(subject, entity_type)
        return found

    def relation_edges(self, entities: dict[URIRef, EntityType]) -> list[Edge]:
        """The direct ``nkg:`` edges whose both ends are entity nodes, sorted."""
        edges: set[Edge] = set()
        for subject in entities:
            for predicate, obj in self.graph.predicate_objects(subject):
                if not (isinstance(predicate, URIRef) and isinstance(obj, URIRef)):
                    continue
                if str(predicate).startswith(ONTOLOGY_IRI) and obj in entities:
                    edges.add((subject, predicate, obj))
        return sorted(edges)

    def relation_label(self, predicate: URIRef, lang: str = "zh") -> str:
        if (predicate, lang) not in self._relation_labels:
            self._relation_labels[predicate, lang] = relation_label(predicate, self.graph, lang=lang)
        return self._relation_labels[predicate, lang]

    def claims(self, edge: tuple[Node, Node, Node]) -> list[Node]:
        """The claim nodes behind one edge (or one valuedAt amount), sorted."""
        return self._claims.get(edge, [])

    def claims_of(self, entity: Node) -> list[Node]:
        """Every claim whose rdf:subject or rdf:object is *entity*, sorted."""
        return self._claims_of_entity.get(entity, [])

    # articles

    def document(self, identifier: str) -> Node:
        """The article whose ``schema:identifier`` (or IRI) is *identifier*."""
        found = sorted(self.graph.subjects(SDO.identifier, Literal(identifier)), key=str)
        if not found and (URIRef(identifier), RDF.type, SDO.NewsArticle) in self.graph:
            found = [URIRef(identifier)]
        if not found:
            known = sorted(str(i) for i in self.graph.objects(None, SDO.identifier))
            shown = ", ".join(known[:5]) + (f" … ({len(known)} in all)" if len(known) > 5 else "")
            raise SubgraphError(f"no article {identifier!r}" + (f"; articles: {shown}" if known else ""))
        return found[0]

    def claim_document(self, claim: Node) -> Node | None:
        """The article a claim was read from (its first evidence span's)."""
        spans = sorted(self.graph.objects(claim, PROV.wasDerivedFrom), key=str)
        return self.value(spans[0], NIF.referenceContext) if spans else None

    def mentioned_in(self, document: Node) -> set[URIRef]:
        """The entities a mention span of *document* points at."""
        return {
            entity
            for span in self.graph.subjects(NIF.referenceContext, document)
            for entity in self.graph.objects(span, NIF.taIdentRef)
            if isinstance(entity, URIRef)
        }

    # labels and literals

    def display_label(self, node: Node) -> str:
        """rdfs:label @zh, else @en, else any label, else the IRI's last path segment."""
        if node not in self._labels:
            labels = [
                label
                for label in self.graph.objects(node, RDFS.label)
                if isinstance(label, Literal) and _clean(label)
            ]
            for wanted in ("zh", "en", None):
                chosen = sorted(str(label) for label in labels if wanted is None or _is_lang(label, wanted))
                if chosen:
                    self._labels[node] = _clean(chosen[0])
                    break
            else:
                self._labels[node] = unquote(str(node).rstrip("/").rsplit("/", 1)[-1])
        return self._labels[node]

    def names(self, entity: Node) -> list[str]:
        """Every name of *entity*: the label shown first, then its other labels and aliases, sorted."""
        label = self.display_label(entity)
        others = {
            _clean(str(name))
            for predicate in (RDFS.label, SKOS.altLabel)
            for name in self.graph.objects(entity, predicate)
        }
        return [label, *sorted(others - {label, ""})]

    def finer_types(self, entity: Node) -> list[str]:
        return sorted(
            _local_name(t)
            for t in self.graph.objects(entity, RDF.type)
            if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_IRI)
        )

    def wikidata(self, entity: Node) -> str:
        """The entity's Wikidata id (``Q380``), or "" — only a well-formed id becomes a link."""
        ids = sorted(
            str(same)[len(str(WD)) :]
            for same in self.graph.objects(entity, OWL.sameAs)
            if str(same).startswith(str(WD))
        )
        return next((i for i in ids if _WIKIDATA_ID.fullmatch(i)), "")

    def mention_count(self, entity: Node) -> int:
        return _int(self.value(entity, NKG.mentionCount))

    def text(self, subject: Node | None, predicate: URIRef) -> str:
        value = self.value(subject, predicate) if subject is not None else None
        return _clean(str(value)) if value is not None else ""

    # claims as the page shows them

    def claim_record(self, claim: Node, articles: _Articles) -> dict[str, Any]:
        """One claim: its ends, qualifiers and evidence, all as plain strings for the page's JSON."""
        subject, predicate, obj = (self.value(claim, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        # A valuation's object is its amount; any other claim's object is an entity.
        amount = obj if predicate == NKG.valuedAt else self.value(claim, NKG.amount)
        activity = self.value(claim, PROV.wasGeneratedBy)
        agent = self.value(activity, PROV.wasAssociatedWith) if activity is not None else None
        stake = self.value(claim, NKG.stake)
        reporter = self.value(claim, NKG.reportedBy)
        spans = sorted(self.graph.objects(claim, PROV.wasDerivedFrom), key=str)
        evidence = sorted(
            (self.evidence(span, articles) for span in spans), key=lambda e: (e["article"], e["begin"])
        )
        return {
            "relation": _local_name(predicate) if predicate is not None else "",
            "subject": str(subject),
            "subjectLabel": self.display_label(subject) if subject is not None else "",
            "object": "" if predicate == NKG.valuedAt else str(obj),
            "objectLabel": self._object_label(predicate, obj),
            "amount": self.amount(amount) if amount is not None else "",
            "stake": _percent(stake) if stake is not None else "",
            "role": self.text(claim, NKG.role),
            "date": self.text(claim, NKG.date),
            "outlet": self.display_label(reporter) if reporter is not None else "",
            "confidence": self.text(claim, NKG.confidence),
            "extractor": self.text(agent, RDFS.label),
            "article": evidence[0]["article"] if evidence else -1,
            "evidence": [{key: e[key] for key in ("sentence", "mark", "article")} for e in evidence],
        }

    def _object_label(self, predicate: Node | None, obj: Node | None) -> str:
        if obj is None:
            return ""
        return self.amount(obj) if predicate == NKG.valuedAt else self.display_label(obj)

    def evidence(self, span: Node, articles: _Articles) -> dict[str, Any]:
        """The sentence around *span* (its ``nif:sentence``, else the span itself), the span's place
        in it (``mark``, code points, end exclusive) and its article's index in *articles*."""
        anchor = str(self.value(span, NIF.anchorOf) or "")
        begin = _int(self.value(span, NIF.beginIndex))
        sentence_node = self.value(span, NIF.sentence)
        sentence, offset = "", 0
        if sentence_node is not None:
            sentence = str(self.value(sentence_node, NIF.anchorOf) or "")
            offset = begin - _int(self.value(sentence_node, NIF.beginIndex))
        if not sentence or sentence[offset : offset + len(anchor)] != anchor:
            # No sentence, or offsets that do not agree with it: find the anchor instead of guessing.
            sentence = sentence if anchor and anchor in sentence else anchor
            offset = sentence.find(anchor) if anchor else 0
        start, end = max(offset, 0), max(offset, 0) + len(anchor)
        if len(sentence) > MAX_SENTENCE_CHARS:  # a window around the anchor, cut at whole characters
            left = max(0, min(start - 60, len(sentence) - MAX_SENTENCE_CHARS))
            right = max(end, left + MAX_SENTENCE_CHARS)
            prefix, suffix = ("…" if left else ""), ("…" if right < len(sentence) else "")
            sentence = prefix + sentence[left:right] + suffix
            start, end = start - left + len(prefix), end - left + len(prefix)
        document = self.value(span, NIF.referenceContext)
        return {
            "sentence": sentence,
            "mark": [start, end],
            "article": articles.index(document),
            "begin": begin,
        }

    def amount(self, node: Node) -> str:
        """An amount node as a reader writes it: ``约143亿美元``, ``1亿–2亿元``, ``500万 XYZ``."""
        currency = self.text(node, SDO.currency)
        qualifier = self.text(node, NKG.amountQualifier)
        low, high = self.value(node, SDO.minValue), self.value(node, SDO.maxValue)
        if qualifier == "range" and low is not None and high is not None:
            number = f"{_chinese_number(low)}–{_chinese_number(high)}"
        else:
            value = self.value(node, SDO.value)
            number = _chinese_number(value) if value is not None else "?"
        unit = _CURRENCY_ZH.get(currency, f" {currency}" if currency else "")
        return f"{_QUALIFIER_PREFIX.get(qualifier, '')}{number}{unit}"


class _Articles:
    """The articles the page refers to, numbered in the order of their identifiers."""

    def __init__(self, view: _GraphView) -> None:
        self._view = view
        self._index: dict[Node | None, int] = {}

    def index(self, document: Node | None) -> int:
        if document is None:
            return -1
        if document not in self._index:
            self._index[document] = len(self._index)
        return self._index[document]

    def records(self) -> tuple[list[dict[str, str]], dict[int, int]]:
        """The articles sorted by identifier, and the renumbering from first-seen to sorted order."""
        view = self._view
        rows = []
        for document, first_seen in self._index.items():
            identifier = view.text(document, SDO.identifier) or unquote(str(document).rsplit("/", 1)[-1])
            published = view.text(document, SDO.datePublished)[:10]
            rows.append(
                (
                    identifier,
                    first_seen,
                    {
                        "id": identifier,
                        "title": view.text(document, SDO.headline),
                        "date": published if _DATE.fullmatch(published) else "",
                    },
                )
            )
        rows.sort(key=lambda row: (row[0], row[1]))
        return [record for _, _, record in rows], {
            first: sorted_at for sorted_at, (_, first, _) in enumerate(rows)
        }


# ------------------------------------------------------------------------------------ the page


def _page(view: _GraphView, entities: dict[URIRef, EntityType], part: _Part, title: str) -> str:
    claim_nodes = sorted(
        {
            claim
            for node in part.nodes
            for claim in view.claims_of(node)
            if part.document is None or view.claim_document(claim) == part.document
        },
        key=str,
    )
    articles = _Articles(view)
    claims = [view.claim_record(claim, articles) for claim in claim_nodes]
    mentioned: dict[URIRef, set[int]] = defaultdict(set)
    for node in part.nodes:
        for span in view.graph.subjects(NIF.taIdentRef, node):
            document = view.value(span, NIF.referenceContext)
            if document is not None and (part.document is None or document == part.document):
                mentioned[node].add(articles.index(document))
    article_records, renumber = articles.records()
    for claim in claims:
        claim["article"] = renumber.get(claim["article"], -1)
        for item in claim["evidence"]:
            item["article"] = renumber.get(item["article"], -1)
    claim_index = {claim: i for i, claim in enumerate(claim_nodes)}
    node_claims: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        node_claims[claim["subject"]].append(i)
        if claim["object"] and claim["object"] != claim["subject"]:
            node_claims[claim["object"]].append(i)

    positions = _layout(part.nodes, [(s, o) for s, _, o in part.edges])
    net = Network(directed=True, heading=title, cdn_resources="in_line")
    for iri in part.nodes:
        entity_type = entities[iri]
        label = view.display_label(iri)
        own = node_claims.get(str(iri), [])
        net.add_node(
            str(iri),
            label=label,
            color=entity_type.colour,
            shape=entity_type.shape,
            size=_node_size(len(own)),
            title=f"{label}\n{entity_type.label_zh} {entity_type.key} · {len(own)} 条主张\n点击查看证据",
            x=positions[iri][0],
            y=positions[iri][1],
            entityType=entity_type.key,
            names=view.names(iri),
            types=view.finer_types(iri),
            wikidata=view.wikidata(iri),
            mentions=view.mention_count(iri),
            claims=own,
            articles=sorted(renumber[i] for i in mentioned[iri]),
        )
    relations: dict[str, dict[str, Any]] = {}
    for (s, p, o), smooth in zip(part.edges, _edge_curves(part.edges), strict=True):
        zh, en, key = view.relation_label(p), view.relation_label(p, "en"), _local_name(p)
        relations.setdefault(key, {"key": key, "zh": zh, "en": en, "count": 0})["count"] += 1
        edge_claims = [claim_index[c] for c in view.claims((s, p, o)) if c in claim_index]
        net.add_edge(
            str(s),
            str(o),
            id=f"{s} {p} {o}",
            label=zh,
            labelZh=zh,
            labelEn=en,
            relation=key,
            title=f"{view.display_label(s)} —{zh}→ {view.display_label(o)}\n{len(edge_claims)} 条主张",
            claims=edge_claims,
            smooth=smooth,
        )
    net.options = _vis_options(large=len(part.nodes) > 500)

    counts = {t.key: 0 for t in ENTITY_TYPES}
    for iri in part.nodes:
        counts[entities[iri].key] += 1
    legend = [
        {
            "key": t.key,
            "label": f"{t.label_zh} {t.key}",
            "colour": t.colour,
            "shape": t.shape,
            "count": counts[t.key],
        }
        for t in ENTITY_TYPES
    ]
    summary = f"{len(part.nodes)} 个实体 · {len(part.edges)} 条关系 · {len(claims)} 条主张"
    explorer = {
        "articles": article_records,
        "claims": claims,
        "relations": sorted(relations.values(), key=lambda r: (-r["count"], r["key"])),
        "relationNames": {
            _local_name(p): {"zh": view.relation_label(p), "en": view.relation_label(p, "en")}
            for p in sorted(
                {
                    p
                    for c in claim_nodes
                    for p in view.graph.objects(c, RDF.predicate)
                    if isinstance(p, URIRef)
                }
            )
        },
    }
    nodes, vis_edges, heading, _height, _width, _options = net.get_network_data()
    page = _template().render(
        csp_placeholder=_CSP_PLACEHOLDER,
        heading=heading,
        font_css=Markup(FONT_FACES),
        legend=legend,
        summary=summary,
        note=part.note,
        nodes=nodes,
        edges=vis_edges,
        options=net.options,
        explorer=explorer,
        explorer_js=Markup(_explorer_script()),
    )
    return _with_content_security_policy(strip_external_resources(page))


# ------------------------------------------------------------------------------------ layout


def _layout(nodes: Sequence[URIRef], edges: Sequence[tuple[URIRef, URIRef]]) -> dict[URIRef, tuple[int, int]]:
    """Pixel positions: each connected component laid out on its own, components packed in rows.

    Laying out components separately keeps unrelated clusters from overlapping and keeps the cost
    near-linear for the typical news graph (many small components); each gets a box whose side
    grows with the square root of its size, so the density of nodes is the same everywhere.
    """
    whole = nx.Graph()
    whole.add_nodes_from(nodes)
    whole.add_edges_from(edges)
    components = sorted((sorted(c) for c in nx.connected_components(whole)), key=lambda c: (-len(c), c[0]))

    placed: list[tuple[list[URIRef], dict[URIRef, tuple[float, float]], float]] = []
    for component in components:
        half = NODE_SPACING / 2 * math.sqrt(len(component))
        placed.append((component, _component_layout(component, whole), half))

    total_area = sum((2 * half + COMPONENT_MARGIN) ** 2 for _, _, half in placed)
    widest = max((2 * half + COMPONENT_MARGIN for _, _, half in placed), default=0.0)
    row_width = max(widest, 1.3 * math.sqrt(total_area))  # a little wider than tall, like a screen

    positions: dict[URIRef, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    x = y = row_height = 0.0
    for component, unit, half in placed:
        side = 2 * half + COMPONENT_MARGIN
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        for node in component:
            ux, uy = unit[node]
            px, py = round(cx + ux * half), round(cy + uy * half)
            # In the dense middle of a big component two nodes can round to one pixel, and the lower
            # one could then never be hovered or clicked: move it right to the next free pixel.
            step = 0
            while (px + step, py) in taken:
                step += 1
            positions[node] = (px + step, py)
            taken.add(positions[node])
        x += side
        row_height = max(row_height, side)
    return positions


def _component_layout(component: list[URIRef], whole: nx.Graph) -> dict[URIRef, tuple[float, float]]:
    """Positions in [-1, 1]² for one connected component (nodes sorted, so the result is stable)."""
    if len(component) == 1:
        return {component[0]: (0.0, 0.0)}
    if len(component) == 2:
        return {component[0]: (-1.0, 0.0), component[1]: (1.0, 0.0)}
    index = {node: i for i, node in enumerate(component)}
    # Sorted index pairs: a subgraph's edge order follows set iteration, which PYTHONHASHSEED changes.
    pairs = sorted(
        (min(index[a], index[b]), max(index[a], index[b])) for a, b in whole.subgraph(component).edges()
    )
    xy = _spring_positions(len(component), pairs, seed=LAYOUT_SEED)
    return {node: (float(xy[i, 0]), float(xy[i, 1])) for node, i in index.items()}


def _spring_positions(
    n: int, pairs: Sequence[tuple[int, int]], seed: int, iterations: int = 50
) -> npt.NDArray[np.float64]:
    """Fruchterman–Reingold, as networkx's dense ``spring_layout`` does it (same k, temperature and
    cooling), vectorized in float32 with attraction summed over the edge list only.

    Why not ``nx.spring_layout`` itself: from 500 nodes on it switches to a sparse solver that
    took 7.8 s for a 1,600-node component here; this takes 0.7 s. Repulsion is computed in row
    blocks so memory stays bounded (about 40 MB) whatever the component size. Above
    ``REPULSION_SAMPLE`` nodes each step takes the repulsion of a fresh random sample of that many
    nodes, scaled up to all of them (an unbiased estimate, seeded): the cost grows linearly, not
    quadratically, and the noise cools down with the temperature.
    """
    rng = np.random.RandomState(seed)
    start = rng.rand(n, 2)
    x, y = start[:, 0].astype(np.float32), start[:, 1].astype(np.float32)
    src = np.array([a for a, _ in pairs], dtype=np.intp)
    dst = np.array([b for _, b in pairs], dtype=np.intp)
    k = np.float32(math.sqrt(1.0 / n))
    temperature = np.float32(0.1)  # a tenth of the initial unit square, as in networkx
    cooling = temperature / np.float32(iterations + 1)
    # Closer than this, repulsion stops growing. networkx uses 0.01 (a fixed unit-square distance);
    # relative to k it keeps nodes with the same neighbours from sticking together in big components.
    min_distance2 = np.float32((0.01 * k) ** 2)
    others = min(n, REPULSION_SAMPLE)
    scale = np.float32(n / others)
    block = max(1, min(n, 2_000_000 // others))
    for _ in range(iterations):
        force_x = np.empty(n, dtype=np.float32)
        force_y = np.empty(n, dtype=np.float32)
        sample = np.sort(rng.choice(n, others, replace=False)) if others < n else slice(None)
        sx, sy = x[sample], y[sample]
        for lo in range(0, n, block):
            hi = min(n, lo + block)
            dx = np.subtract.outer(x[lo:hi], sx)
            dy = np.subtract.outer(y[lo:hi], sy)
            repulsion = dx * dx + dy * dy
            np.maximum(repulsion, min_distance2, out=repulsion)
            np.divide(k * k * scale, repulsion, out=repulsion)
            force_x[lo:hi] = (dx * repulsion).sum(axis=1)
            force_y[lo:hi] = (dy * repulsion).sum(axis=1)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        pull = np.sqrt(ex * ex + ey * ey) / k
        for axis_force, along in ((force_x, ex * pull), (force_y, ey * pull)):
            axis_force -= np.bincount(src, along, n).astype(np.float32)
            axis_force += np.bincount(dst, along, n).astype(np.float32)
        length = np.hypot(force_x, force_y)
        length[length < 0.01] = 0.1
        x += force_x * (temperature / length)
        y += force_y * (temperature / length)
        temperature -= cooling
    xy = np.stack([x, y], axis=1).astype(np.float64)
    xy -= xy.mean(axis=0)
    extent = float(np.abs(xy).max())
    return xy / extent if extent > 0 else xy


def _edge_curves(edges: Sequence[tuple[URIRef, URIRef, URIRef]]) -> list[dict[str, object]]:
    """Straight edges, except that the 2nd, 3rd … edge between the same two nodes bends more and
    more, so parallel relations (worksFor and joined, A→B and B→A) do not hide each other."""
    seen: dict[frozenset[URIRef], int] = defaultdict(int)
    curves: list[dict[str, object]] = []
    for s, _, o in edges:
        pair = frozenset((s, o))
        rank = seen[pair]
        seen[pair] += 1
        if rank == 0:
            curves.append({"enabled": False})
        else:
            curves.append({"enabled": True, "type": "curvedCW", "roundness": round(0.3 * rank, 2)})
    return curves


def _node_size(claim_count: int) -> float:
    """Node radius grows with the log of the entity's claims so hubs stand out without swamping."""
    return round(min(48.0, 12.0 + 5.0 * math.log2(1 + max(claim_count, 0))), 1)


def _vis_options(large: bool) -> dict[str, object]:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"face": FONT_FACES, "size": 14, "color": "#202124"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa0a6", "highlight": "#202124", "hover": "#202124"},
            # Horizontal labels on a white band stay legible where edges cross.
            "font": {"face": FONT_FACES, "size": 11, "color": "#5f6368", "background": "#ffffff"},
            "width": 1,
        },
    }


# ------------------------------------------------------------------------------------ page assembly


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(
        loader=FileSystemLoader([str(ASSETS_DIR), str(PYVIS_TEMPLATES_DIR)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    # Sorted keys keep the JSON (and so the page) byte-identical; ensure_ascii off keeps Chinese
    # readable in the source. tojson still escapes < > & ' so data cannot close the <script>.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env.get_template(TEMPLATE_NAME)


def _with_content_security_policy(page: str) -> str:
    """Allow exactly the page's own inline scripts (by hash) and nothing from the network, so even
    markup that slipped in could neither run an inline handler nor fetch anything."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
            for body in _INLINE_SCRIPT.findall(page)
        }
    )
    policy = (
        "default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return page.replace(_CSP_PLACEHOLDER, policy, 1)


@lru_cache(maxsize=1)
def _explorer_script() -> str:
    """graph/assets/explorer.js, inlined as it is (not a Jinja template: its braces are JavaScript's)."""
    script = (ASSETS_DIR / "explorer.js").read_text(encoding="utf-8")
    if "</script" in script.lower():
        raise ValueError("explorer.js must not contain '</script' (it is inlined into a <script> element)")
    return script


@lru_cache(maxsize=1)
def _project_ontology() -> rdflib.Graph:
    """ontology/newskg.ttl (for relation labels), or an empty graph while it does not exist."""
    ontology = rdflib.Graph()
    try:
        source = resources.files("ontology").joinpath("newskg.ttl")
        if source.is_file():
            ontology.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    except (ModuleNotFoundError, OSError):
        pass
    return ontology


# ------------------------------------------------------------------------------------ small helpers


def _is_lang(term: Node, lang: str) -> bool:
    if not isinstance(term, Literal) or not term.language:
        return False
    tag = term.language.lower()
    return tag == lang or tag.startswith(lang + "-")


def _local_name(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] if text else text


def _clean(text: str) -> str:
    """One line: runs of whitespace (newlines included) become one space."""
    return _WHITESPACE.sub(" ", text).strip()


def _int(value: Node | None) -> int:
    """An xsd:integer literal as an int; 0 when missing or not an integer."""
    try:
        return int(str(value)) if value is not None else 0
    except ValueError:
        return 0


def _decimal(value: Node) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: Decimal('143.00') -> '143'."""
    return format(number.normalize(), "f")


def _chinese_number(value: Node) -> str:
    """14300000000 -> '143亿', 30000000 -> '3000万', 950 -> '950' (2 decimals at most)."""
    number = _decimal(value)
    if number is None:
        return _clean(str(value))
    for unit, scale in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        if abs(number) >= scale:
            return _plain((number / scale).quantize(Decimal("0.01"))) + unit
    return _plain(number)


def _percent(value: Node) -> str:
    """0.49 -> '49%'."""
    number = _decimal(value)
    if number is None:
        return _clean(str(value))
    return _plain((number * 100).quantize(Decimal("0.01"))) + "%"
