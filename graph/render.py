"""Render a newskg graph as one interactive HTML page that works without any network.

The page is a vis-network view (through pyvis) of the entity nodes and the direct relation edges
between them. Every node and edge carries a plain-text tooltip with the evidence behind it: names,
type, Wikidata id and a sentence for a node; the claims (amount, stake, role, date, reporting outlet,
confidence) and their evidence sentences with the article headline for an edge.

Three decisions shape this module:

* **Offline.** pyvis's own template links bootstrap from a CDN even with ``cdn_resources="in_line"``
  and prints the heading unescaped, so the page is rendered from ``graph/assets/graph.html.j2``
  (autoescaped) with vis-network inlined from pyvis's bundled copy; a final pass removes any external
  ``<script src>``/``<link href>`` and a Content-Security-Policy allows only the page's own scripts.
* **Untrusted text stays text.** Labels and sentences come from articles. Titles are plain strings,
  which vis-network 9 puts in the tooltip with ``innerText``; the data reaches the page through
  Jinja's ``tojson`` (``<``, ``>``, ``&`` and ``'`` escaped), so nothing from an article can close the
  ``<script>`` or become markup. pyvis's "link tooltip" mode (``innerHTML`` as soon as a title
  contains ``href``) is not part of the template at all.
* **Deterministic and fast.** Nodes and edges are sorted, positions are precomputed with networkx
  (one seeded layout per connected component, components packed in rows) and rounded to pixels,
  and physics is off, so the same graph gives byte-identical HTML and 2,000 nodes draw at once.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
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
from ontology.namespaces import NIF, NKG, ONTOLOGY_IRI, WD

__all__ = [
    "ENTITY_TYPES",
    "EntityType",
    "external_resources",
    "relation_label",
    "render_html",
    "strip_external_resources",
    "write_html",
]


@dataclass(frozen=True)
class EntityType:
    """One of the three entity classes: how it is named and coloured on the page."""

    key: str
    iri: URIRef
    label_zh: str
    colour: str


# Okabe–Ito blue, orange and green: distinct for colour-blind readers too. The order is also the
# precedence if a node (against the SPEC) carries more than one of the three types.
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("Person", SDO.Person, "人物", "#0072B2"),
    EntityType("Organization", SDO.Organization, "组织", "#E69F00"),
    EntityType("Product", SDO.Product, "产品", "#009E73"),
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

MAX_NAMES = 12
MAX_CLAIMS_PER_EDGE = 8
MAX_EVIDENCE_PER_CLAIM = 3
MAX_SENTENCE_CHARS = 240

_CSP_PLACEHOLDER = "__NEWSKG_CONTENT_SECURITY_POLICY__"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
# A URL that leaves the page: http(s) or protocol-relative.
_REMOTE_URL = r"""\s*["']?\s*(?:https?:)?//"""
_EXTERNAL_LINK = re.compile(rf"<link\b[^>]*\bhref\s*={_REMOTE_URL}[^>]*>", re.I)
_EXTERNAL_SCRIPT = re.compile(rf"<script\b[^>]*\bsrc\s*={_REMOTE_URL}[^>]*>\s*</script\s*>", re.I)
_EXTERNAL_CSS = re.compile(r"""(?:@import\s+|url\(\s*)["']?\s*(?:https?:)?//""", re.I)
_WHITESPACE = re.compile(r"\s+")

_QUALIFIER_PREFIX = {"about": "约", "over": "超过", "under": "不到"}


# --------------------------------------------------------------------------------------------- API


def render_html(graph: rdflib.Graph, title: str = "newskg") -> str:
    """Render *graph* as a self-contained interactive HTML page and return it.

    Nodes are the entity nodes (subjects typed schema:Person, schema:Organization or
    schema:Product), edges the direct ``nkg:<relation>`` triples between two of them. The same
    graph always gives the same string. *title* becomes the page heading (escaped).

    >>> page = render_html(rdflib.Graph(), title="空图")
    >>> "<h1>空图</h1>" in page and "https://cdn" not in page
    True
    """
    view = _GraphView(graph)
    entities = view.entities()
    edges = view.relation_edges(entities)
    positions = _layout(sorted(entities), [(s, o) for s, _, o in edges])

    net = Network(directed=True, heading=title, cdn_resources="in_line")
    for iri in sorted(entities):
        entity_type = entities[iri]
        net.add_node(
            str(iri),
            label=view.display_label(iri),
            color=entity_type.colour,
            size=_node_size(view.mention_count(iri)),
            title=view.node_tooltip(iri, entity_type),
            x=positions[iri][0],
            y=positions[iri][1],
            entityType=entity_type.key,
        )
    for (s, p, o), smooth in zip(edges, _edge_curves(edges), strict=True):
        net.add_edge(
            str(s),
            str(o),
            id=f"{s} {p} {o}",
            label=view.relation_label(p),
            relation=_local_name(p),
            title=view.edge_tooltip(s, p, o),
            smooth=smooth,
        )
    net.options = _vis_options(large=len(entities) > 500)

    counts = {t.key: 0 for t in ENTITY_TYPES}
    for entity_type in entities.values():
        counts[entity_type.key] += 1
    legend = [
        {"key": t.key, "label": f"{t.label_zh} {t.key}", "colour": t.colour, "count": counts[t.key]}
        for t in ENTITY_TYPES
    ]
    summary = f"{len(entities)} 个实体 · {len(edges)} 条关系 · 悬停查看证据，滚轮缩放，拖动平移"

    nodes, vis_edges, heading, _height, _width, _options = net.get_network_data()
    page = _template().render(
        csp_placeholder=_CSP_PLACEHOLDER,
        heading=heading,
        font_css=Markup(FONT_FACES),
        legend=legend,
        summary=summary,
        nodes=nodes,
        edges=vis_edges,
        options=net.options,
    )
    return _with_content_security_policy(strip_external_resources(page))


def write_html(graph: rdflib.Graph, path: str | os.PathLike[str], title: str = "newskg") -> Path:
    """Render *graph* (see :func:`render_html`) and write it to *path* atomically; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, render_html(graph, title).encode("utf-8"))
    return target


def relation_label(predicate: URIRef, graph: rdflib.Graph, ontology: rdflib.Graph | None = None) -> str:
    """The name shown on an edge: the relation's ``rdfs:label@zh`` from *graph*, else from
    *ontology* (the project's ``ontology/newskg.ttl`` when not given), else its local name.

    >>> relation_label(NKG.investedIn, rdflib.Graph(), rdflib.Graph())
    'investedIn'
    """
    sources = [graph, _project_ontology() if ontology is None else ontology]
    for source in sources:
        zh = sorted(str(label) for label in source.objects(predicate, RDFS.label) if _is_lang(label, "zh"))
        if zh:
            return zh[0]
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


# ------------------------------------------------------------------------------------ graph reading


@dataclass(frozen=True)
class _Evidence:
    """One evidence span, resolved to what a reader needs: the sentence and the article."""

    sort_key: tuple[str, int]
    sentence: str
    headline: str
    doc_id: str

    def lines(self, indent: str) -> list[str]:
        source = f"《{self.headline}》 {self.doc_id}" if self.headline else self.doc_id
        return [f"{indent}「{self.sentence}」", f"{indent}  —— {source}".rstrip()]


class _GraphView:
    """Read-only lookups over the SPEC's RDF model, memoized for one rendering."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self._labels: dict[Node, str] = {}
        self._evidence: dict[Node, _Evidence] = {}
        self._relation_labels: dict[URIRef, str] = {}
        self._claims: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
        claims = set(graph.subjects(RDF.type, NKG.Claim)) | set(graph.subjects(RDF.type, RDF.Statement))
        for claim in sorted(claims, key=str):
            key = (
                self.value(claim, RDF.subject),
                self.value(claim, RDF.predicate),
                self.value(claim, RDF.object),
            )
            if None not in key:
                self._claims[key].append(claim)  # type: ignore[index]

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

    def relation_edges(self, entities: dict[URIRef, EntityType]) -> list[tuple[URIRef, URIRef, URIRef]]:
        """The direct ``nkg:`` edges whose both ends are entity nodes, sorted."""
        edges: set[tuple[URIRef, URIRef, URIRef]] = set()
        for subject in entities:
            for predicate, obj in self.graph.predicate_objects(subject):
                if not (isinstance(predicate, URIRef) and isinstance(obj, URIRef)):
                    continue
                if str(predicate).startswith(ONTOLOGY_IRI) and obj in entities:
                    edges.add((subject, predicate, obj))
        return sorted(edges)

    def relation_label(self, predicate: URIRef) -> str:
        if predicate not in self._relation_labels:
            self._relation_labels[predicate] = relation_label(predicate, self.graph)
        return self._relation_labels[predicate]

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

    def mention_count(self, entity: URIRef) -> int:
        return _int(self.value(entity, NKG.mentionCount))

    def _text(self, subject: Node, predicate: URIRef) -> str:
        value = self.value(subject, predicate)
        return _clean(str(value)) if value is not None else ""

    # evidence

    def evidence(self, span: Node) -> _Evidence:
        """The sentence around *span* (its ``nif:sentence``, else the span text) and its article."""
        if span not in self._evidence:
            sentence_node = self.value(span, NIF.sentence)
            sentence = self._text(sentence_node, NIF.anchorOf) if sentence_node is not None else ""
            doc = self.value(span, NIF.referenceContext)
            doc_id = self._text(doc, SDO.identifier) if doc is not None else ""
            headline = self._text(doc, SDO.headline) if doc is not None else ""
            self._evidence[span] = _Evidence(
                sort_key=(doc_id or str(doc or ""), _int(self.value(span, NIF.beginIndex))),
                sentence=_clip(sentence or self._text(span, NIF.anchorOf)),
                headline=_clip(headline, 80),
                doc_id=doc_id,
            )
        return self._evidence[span]

    def _sorted_evidence(self, spans: Iterable[Node]) -> list[_Evidence]:
        return sorted((self.evidence(span) for span in spans), key=lambda e: (e.sort_key, e.sentence))

    # tooltips (plain text: vis-network shows a string title with innerText)

    def node_tooltip(self, entity: URIRef, entity_type: EntityType) -> str:
        label = self.display_label(entity)
        lines = [label]
        finer = sorted(
            _local_name(t)
            for t in self.graph.objects(entity, RDF.type)
            if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_IRI)
        )
        lines.append("类型: " + " · ".join([f"{entity_type.label_zh} {entity_type.key}", *finer]))
        names = sorted(
            {
                _clean(str(name))
                for predicate in (RDFS.label, SKOS.altLabel)
                for name in self.graph.objects(entity, predicate)
            }
            - {label, ""}
        )
        if names:
            shown = " / ".join(names[:MAX_NAMES])
            lines.append("又名: " + shown + (f" …（共 {len(names)} 个）" if len(names) > MAX_NAMES else ""))
        wikidata = sorted(
            str(same)[len(str(WD)) :]
            for same in self.graph.objects(entity, OWL.sameAs)
            if str(same).startswith(str(WD))
        )
        if wikidata:
            lines.append("Wikidata: " + ", ".join(wikidata))
        lines.append(f"提及: {self.mention_count(entity)} 次")
        for valuation in self._valuations(entity):
            lines.append("估值: " + valuation)
        mentions = list(self.graph.subjects(NIF.taIdentRef, entity))
        if mentions:
            lines.append("证据:")
            lines.extend(self._sorted_evidence(mentions)[0].lines("  "))
        return "\n".join(lines)

    def _valuations(self, entity: URIRef) -> list[str]:
        """valuedAt amounts, with the date and outlet of each claim when there is one."""
        out: list[str] = []
        for amount in sorted(self.graph.objects(entity, NKG.valuedAt), key=str):
            claims = self._claims.get((entity, NKG.valuedAt, amount), [])
            details = [self._qualifiers(claim, skip_amount=True) for claim in claims]
            text = self.amount(amount)
            out.extend(f"{text}（{d}）" if d else text for d in (details or [""]))
        return out

    def edge_tooltip(self, subject: URIRef, predicate: URIRef, obj: URIRef) -> str:
        lines = [
            f"{self.display_label(subject)} —{self.relation_label(predicate)}→ {self.display_label(obj)}"
        ]
        claims = self._claims.get((subject, predicate, obj), [])
        for number, claim in enumerate(claims[:MAX_CLAIMS_PER_EDGE], start=1):
            qualifiers = self._qualifiers(claim)
            lines.append(f"[{number}] {qualifiers}" if qualifiers else f"[{number}]")
            evidence = self._sorted_evidence(self.graph.objects(claim, PROV.wasDerivedFrom))
            for item in evidence[:MAX_EVIDENCE_PER_CLAIM]:
                lines.extend(item.lines("    "))
            if len(evidence) > MAX_EVIDENCE_PER_CLAIM:
                lines.append(f"    … 另有 {len(evidence) - MAX_EVIDENCE_PER_CLAIM} 处证据")
        if len(claims) > MAX_CLAIMS_PER_EDGE:
            lines.append(f"… 另有 {len(claims) - MAX_CLAIMS_PER_EDGE} 条主张")
        return "\n".join(lines)

    def _qualifiers(self, claim: Node, skip_amount: bool = False) -> str:
        parts = []
        amount = self.value(claim, NKG.amount)
        if amount is not None and not skip_amount:
            parts.append("金额 " + self.amount(amount))
        stake = self.value(claim, NKG.stake)
        if stake is not None:
            parts.append("股份 " + _percent(stake))
        role = self._text(claim, NKG.role)
        if role:
            parts.append("职位 " + role)
        date = self._text(claim, NKG.date)
        if date:
            parts.append("日期 " + date)
        reporter = self.value(claim, NKG.reportedBy)
        if reporter is not None:
            parts.append("据 " + self.display_label(reporter))
        confidence = self._text(claim, NKG.confidence)
        if confidence:
            parts.append("置信度 " + confidence)
        return " · ".join(parts)

    def amount(self, node: Node) -> str:
        """An amount node as a reader writes it: ``约143亿 USD``, ``1亿–2亿 CNY``."""
        currency = self._text(node, SDO.currency)
        qualifier = self._text(node, NKG.amountQualifier)
        low, high = self.value(node, SDO.minValue), self.value(node, SDO.maxValue)
        if qualifier == "range" and low is not None and high is not None:
            number = f"{_chinese_number(low)}–{_chinese_number(high)}"
        else:
            value = self.value(node, SDO.value)
            number = _chinese_number(value) if value is not None else "?"
        return f"{_QUALIFIER_PREFIX.get(qualifier, '')}{number} {currency}".strip()


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
    x = y = row_height = 0.0
    for component, unit, half in placed:
        side = 2 * half + COMPONENT_MARGIN
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        for node in component:
            ux, uy = unit[node]
            positions[node] = (round(cx + ux * half), round(cy + uy * half))
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
    blocks so memory stays bounded (about 40 MB) whatever the component size.
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
    block = max(1, min(n, 2_000_000 // n))
    for _ in range(iterations):
        force_x = np.empty(n, dtype=np.float32)
        force_y = np.empty(n, dtype=np.float32)
        for lo in range(0, n, block):
            hi = min(n, lo + block)
            dx = np.subtract.outer(x[lo:hi], x)
            dy = np.subtract.outer(y[lo:hi], y)
            repulsion = dx * dx + dy * dy
            np.maximum(repulsion, min_distance2, out=repulsion)
            np.divide(k * k, repulsion, out=repulsion)
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


def _node_size(mention_count: int) -> float:
    """Dot radius grows with the log of the mention count so hubs stand out without swamping."""
    return round(min(48.0, 12.0 + 5.0 * math.log2(1 + max(mention_count, 0))), 1)


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


def _clip(text: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
