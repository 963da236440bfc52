"""The newskg graph in the formats other tools read, each a small named exporter in one registry.

RDF, the same triples in another syntax:

- ``turtle``: exactly what ``newskg build`` writes (``graph.export.turtle_bytes``);
- ``ntriples``: one triple per line, in the same order (for ``grep``, ``sort`` and line-based tools);
- ``trig``: a dataset with one named graph per article; the union of its graphs is the Turtle graph
  (see ``article_partition`` for what goes where);
- ``jsonld``: JSON-LD compacted with the project prefixes as its ``@context``.

Property graphs, a summary of the RDF for tools that think in nodes and edges (``property_graph``):

- ``graphml`` (yEd, Gephi, Cytoscape) and ``gexf`` (Gephi): entities (and the sums of ``valuedAt``) as
  nodes, one edge per asserted (subject, relation, object) with the number of claims behind it;
- ``csv``: the files of ``neo4j-admin database import full``: entities, amounts and articles as nodes,
  relations and article mentions as relationships.

Every exporter is deterministic (the same graph gives the same bytes) and works on any graph
``graph.export.load_graph`` reads; the property-graph ones need newskg's vocabulary to find anything.

>>> sorted(FORMATS)
['csv', 'gexf', 'graphml', 'jsonld', 'ntriples', 'trig', 'turtle']
>>> get_format("rdfxml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.formats.UnknownFormat: unknown format 'rdfxml'; available: csv, gexf, graphml, jsonld, ntriples, ...
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS
from rdflib.term import Node

from extractors.model import ENTITY_TYPES
from graph.build import KIND_CLASSES, RELATION_PROPERTIES
from graph.export import (
    atomic_write,
    load_graph,
    natural_key,
    oxigraph_triples,
    sorted_triples,
    term_converter,
    turtle_bytes,
)
from graph.query import ontology_path
from ontology.iris import decimal_lexical
from ontology.namespaces import NIF, NKG, PREFIXES, WD

if TYPE_CHECKING:  # networkx is imported by the property-graph writers: 0.1 s off every newskg start
    import networkx as nx

Triple = tuple[Node, Node, Node]


# ---------------------------------------------------------------------------------------------------------
# the registry


class UnknownFormat(ValueError):
    """A format name that is not in ``FORMATS``."""


@dataclass(frozen=True)
class ExportFormat:
    """One way of writing a graph: either one file (``serialize``) or a directory of files (``files``)."""

    name: str
    suffix: str  # of the one file, or of every file in the directory
    serialize: Callable[[Graph], bytes] | None = None
    files: Callable[[Graph], dict[str, bytes]] | None = None

    @property
    def is_directory(self) -> bool:
        return self.files is not None


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    if (fmt.serialize is None) == (fmt.files is None):
        raise ValueError(f"format {fmt.name!r}: give exactly one of serialize and files")
    FORMATS[fmt.name] = fmt
    return fmt


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; ``UnknownFormat`` lists the available ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}; available: {', '.join(sorted(FORMATS))}") from None


def write_export(graph: Graph, name: str, target: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` in format ``name`` to the file ``target`` (or, for ``csv``, into the directory
    ``target``, created if missing); returns the paths written.

    Everything is serialized in memory first. One file is replaced atomically. A directory's files are
    first written complete (and fsynced) into a temporary directory beside them, then each renamed into
    place: a failure while serializing or writing leaves the directory as it was; files of the same name
    are replaced, other files in it are left alone.
    """
    fmt = get_format(name)
    target = Path(target)
    if fmt.files is None:
        assert fmt.serialize is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, fmt.serialize(graph))
        return [target]
    files = fmt.files(graph)
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".newskg-export.", dir=target))
    try:
        for file_name, data in files.items():
            atomic_write(staging / file_name, data)
        written = []
        for file_name in files:
            os.replace(staging / file_name, target / file_name)
            written.append(target / file_name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


# ---------------------------------------------------------------------------------------------------------
# RDF syntaxes


def ntriples_bytes(graph: Graph) -> bytes:
    """N-Triples in ``sorted_triples`` order."""
    data = ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.N_TRIPLES)
    assert data is not None
    return data


@dataclass(frozen=True)
class ArticlePartition:
    """The triples of a graph split into the default graph and one graph per article (by its IRI).

    A triple may be in several article graphs (a direct edge two articles state); the union of all of
    them is the whole graph.
    """

    default: list[Triple]
    articles: dict[URIRef, list[Triple]]


def article_partition(graph: Graph) -> ArticlePartition:
    """Which triples belong to which article, so that dropping an article's graph drops what it says.

    An article's graph (named by the article's IRI) holds the article node (text, metadata), the sources
    it cites, every span in it (mentions, evidence, sentences), the extraction activities that read it,
    its claims, the direct edges its claims state and the amounts they name. A direct edge or an amount
    stated by several articles is in each of their graphs. The default graph holds what exists
    independently of any one article: entities (types, labels, Wikidata links, mention counts) and the
    extractors as software agents, and anything the rules above do not place.
    """
    articles = set(graph.subjects(RDF.type, SDO.NewsArticle))
    home: dict[Node, set[Node]] = defaultdict(set)  # subject -> the articles whose graphs hold it
    for article in articles:
        home[article].add(article)
        for cited in graph.objects(article, SDO.citation):
            home[cited].add(article)
    for span, article in graph.subject_objects(NIF.referenceContext):
        if article in articles:
            home[span].add(article)
    for activity, article in graph.subject_objects(PROV.used):
        if article in articles and (activity, RDF.type, NKG.ExtractionActivity) in graph:
            home[activity].add(article)
    edges: dict[Triple, set[Node]] = defaultdict(set)
    for claim in graph.subjects(RDF.type, NKG.Claim):
        stated_in = {
            article
            for span in graph.objects(claim, PROV.wasDerivedFrom)
            for article in graph.objects(span, NIF.referenceContext)
            if article in articles
        }
        home[claim] |= stated_in
        for amount in graph.objects(claim, NKG.amount):
            home[amount] |= stated_in
        statement = (
            graph.value(claim, RDF.subject),
            graph.value(claim, RDF.predicate),
            graph.value(claim, RDF.object),
        )
        if None not in statement:
            edges[statement] |= stated_in  # type: ignore[index]
            if statement[1] == NKG.valuedAt:
                home[statement[2]] |= stated_in  # type: ignore[index]
    default: list[Triple] = []
    by_article: dict[URIRef, list[Triple]] = {URIRef(str(a)): [] for a in articles}
    for triple in graph:
        places = edges.get(triple) or home.get(triple[0])
        if not places:
            default.append(triple)
        for article in places or ():
            by_article[URIRef(str(article))].append(triple)
    return ArticlePartition(default, by_article)


def trig_bytes(graph: Graph) -> bytes:
    """TriG: the default graph first, then one named graph per article (see ``article_partition``)."""
    partition = article_partition(graph)
    convert = term_converter()

    def quads(triples: Iterable[Triple], name: ox.NamedNode | ox.DefaultGraph) -> Iterator[ox.Quad]:
        for s, p, o in sorted_triples(triples):
            yield ox.Quad(convert(s), convert(p), convert(o), name)  # type: ignore[arg-type]

    def dataset() -> Iterator[ox.Quad]:
        yield from quads(partition.default, ox.DefaultGraph())
        for article in sorted(partition.articles, key=lambda iri: natural_key(str(iri))):
            yield from quads(partition.articles[article], ox.NamedNode(str(article)))

    data = ox.serialize(dataset(), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert data is not None
    return data


def jsonld_bytes(graph: Graph) -> bytes:
    """JSON-LD compacted against the project prefixes (``"@context"``), one object per subject.

    rdflib does the compaction; its output follows Python's set order, so the objects are put in
    ``sorted_triples`` subject order and every array is sorted, which makes the text deterministic
    (JSON-LD arrays of property values are unordered; the graph has no ``@list``).
    """
    document = json.loads(graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
    context = document.pop("@context", dict(PREFIXES))
    nodes = document.pop("@graph", None)
    if nodes is None:  # rdflib writes a graph of one subject as that subject's object
        nodes = [document] if document else []
    nodes = [_sorted_arrays(node) for node in nodes]
    nodes.sort(key=lambda node: natural_key(str(node.get("@id", ""))))
    result = {"@context": context, "@graph": nodes}
    return (json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _sorted_arrays(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted_arrays(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_arrays(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


# ---------------------------------------------------------------------------------------------------------
# the property-graph view


@dataclass(frozen=True)
class PGNode:
    """An entity, or (``kind == "MonetaryAmount"``) the sum a ``valuedAt`` edge points to."""

    iri: str
    type: str  # Person | Organization | Product | MonetaryAmount
    kind: str  # the finer class (Company, MediaOutlet, …), or ""
    label: str  # what to show: the @zh label, else the @en one
    label_zh: str
    label_en: str
    aliases: tuple[str, ...]
    wikidata: str  # Q-id, or ""
    mentions: int
    value: str = ""  # amounts: canonical decimal text of the value (the lower bound of a range)
    upper: str = ""  # amounts: the upper bound of a range
    currency: str = ""
    qualifier: str = ""  # amounts: exact, about, over, under, range


@dataclass(frozen=True)
class PGEdge:
    """One asserted ``source relation target``, with the claims (and their articles) behind it."""

    source: str
    target: str
    relation: str  # local name of the nkg: property (worksFor, investedIn, …)
    label_zh: str
    label_en: str
    claims: int
    articles: tuple[str, ...]  # identifiers of the articles stating it
    confidence: str  # the highest confidence of its claims (canonical decimal), or ""


@dataclass(frozen=True)
class PGArticle:
    iri: str
    identifier: str
    headline: str
    published: str
    source_file: str
    sha256: str
    text: str
    mentions: tuple[tuple[str, int], ...]  # (entity IRI, mentions of it in this article)


@dataclass(frozen=True)
class PropertyGraph:
    nodes: list[PGNode]
    edges: list[PGEdge]
    articles: list[PGArticle]


@functools.lru_cache(maxsize=1)
def _relation_labels() -> dict[str, tuple[str, str]]:
    """Relation local name -> (label @zh, label @en) from ``ontology/newskg.ttl``."""
    ontology = load_graph(ontology_path())
    labels: dict[str, tuple[str, str]] = {}
    for relation, predicate in RELATION_PROPERTIES.items():
        found = list(ontology.objects(predicate, RDFS.label))
        labels[relation] = (_tagged(found, "zh"), _tagged(found, "en"))
    return labels


def _tagged(values: Iterable[Node], language: str) -> str:
    """The first (in sort order) literal tagged ``language`` among ``values``, or ""."""
    texts = sorted(str(v) for v in values if isinstance(v, Literal) and v.language == language)
    return texts[0] if texts else ""


def _text(graph: Graph, subject: Node, predicate: Node) -> str:
    values = sorted(str(v) for v in graph.objects(subject, predicate))
    return values[0] if values else ""


def property_graph(graph: Graph) -> PropertyGraph:
    """The nodes-and-edges summary of a newskg graph, sorted (entities by IRI, edges by their ends).

    Nodes are entities (exactly those typed ``schema:Person|Organization|Product``) and the amounts
    that ``valuedAt`` points to; an edge is every direct edge between them whose property is in the
    ``nkg:`` namespace, with the number of ``nkg:Claim`` nodes stating it and their articles.
    """
    relation_labels = _relation_labels()
    nodes: dict[Node, PGNode] = {}
    for entity_type in ENTITY_TYPES:
        for entity in graph.subjects(RDF.type, SDO[entity_type]):
            if isinstance(entity, URIRef) and entity not in nodes:
                nodes[entity] = _entity_node(graph, entity, entity_type)

    identifiers = {a: _text(graph, a, SDO.identifier) for a in graph.subjects(RDF.type, SDO.NewsArticle)}
    support: dict[Triple, list[Node]] = defaultdict(list)  # statement -> its claims
    for claim in graph.subjects(RDF.type, NKG.Claim):
        statement = (
            graph.value(claim, RDF.subject),
            graph.value(claim, RDF.predicate),
            graph.value(claim, RDF.object),
        )
        if None not in statement:
            support[statement].append(claim)  # type: ignore[index]

    edges: list[PGEdge] = []
    for relation, predicate in RELATION_PROPERTIES.items():
        label_zh, label_en = relation_labels.get(relation, ("", ""))
        for source, target in graph.subject_objects(predicate):
            if source not in nodes:
                continue
            if target not in nodes and relation == "valuedAt" and isinstance(target, URIRef):
                nodes[target] = _amount_node(graph, target)
            if target not in nodes:
                continue
            claims = support.get((source, predicate, target), [])
            stated_in = {
                identifiers[article]
                for claim in claims
                for span in graph.objects(claim, PROV.wasDerivedFrom)
                for article in graph.objects(span, NIF.referenceContext)
                if article in identifiers
            }
            confidences = [Decimal(str(c)) for claim in claims for c in graph.objects(claim, NKG.confidence)]
            edges.append(
                PGEdge(
                    str(source),
                    str(target),
                    relation,
                    label_zh,
                    label_en,
                    len(claims),
                    tuple(sorted(stated_in, key=natural_key)),
                    decimal_lexical(max(confidences)) if confidences else "",
                )
            )
    edges.sort(key=lambda e: (natural_key(e.source), e.relation, natural_key(e.target)))

    mentions: dict[Node, Counter[str]] = defaultdict(Counter)
    for span, entity in graph.subject_objects(NIF.taIdentRef):
        if entity in nodes:
            for article in graph.objects(span, NIF.referenceContext):
                mentions[article][str(entity)] += 1
    articles = [
        PGArticle(
            str(article),
            identifier,
            _text(graph, article, SDO.headline),
            _text(graph, article, SDO.datePublished),
            _text(graph, article, NKG.sourceFile),
            _text(graph, article, NKG.sha256),
            _text(graph, article, NIF.isString),
            tuple(sorted(mentions[article].items(), key=lambda item: natural_key(item[0]))),
        )
        for article, identifier in identifiers.items()
    ]
    articles.sort(key=lambda a: natural_key(a.iri))
    return PropertyGraph(sorted(nodes.values(), key=lambda n: natural_key(n.iri)), edges, articles)


def _entity_node(graph: Graph, entity: URIRef, entity_type: str) -> PGNode:
    labels = list(graph.objects(entity, RDFS.label))
    label_zh, label_en = _tagged(labels, "zh"), _tagged(labels, "en")
    kinds = sorted(kind for kind, (cls, _) in KIND_CLASSES.items() if (entity, RDF.type, cls) in graph)
    wikidata = sorted(
        str(same)[len(str(WD)) :]
        for same in graph.objects(entity, OWL.sameAs)
        if str(same).startswith(str(WD))
    )
    count = graph.value(entity, NKG.mentionCount)
    return PGNode(
        iri=str(entity),
        type=entity_type,
        kind=kinds[0] if kinds else "",
        label=label_zh or label_en or _text(graph, entity, RDFS.label) or _last_segment(entity),
        label_zh=label_zh,
        label_en=label_en,
        aliases=tuple(sorted({str(name) for name in graph.objects(entity, SKOS.altLabel)})),
        wikidata=wikidata[0] if wikidata else "",
        mentions=int(count) if isinstance(count, Literal) and str(count).isdigit() else 0,
    )


def _amount_node(graph: Graph, amount: URIRef) -> PGNode:
    value = _text(graph, amount, SDO.value)
    upper = _text(graph, amount, SDO.maxValue)
    currency = _text(graph, amount, SDO.currency)
    qualifier = _text(graph, amount, NKG.amountQualifier)
    shown = f"{value}–{upper}" if upper else value
    label = " ".join(
        part
        for part in (qualifier if qualifier not in ("", "exact", "range") else "", shown, currency)
        if part
    )
    return PGNode(
        iri=str(amount),
        type="MonetaryAmount",
        kind="",
        label=label or _last_segment(amount),
        label_zh="",
        label_en="",
        aliases=(),
        wikidata="",
        mentions=0,
        value=value,
        upper=upper,
        currency=currency,
        qualifier=qualifier,
    )


def _last_segment(iri: URIRef) -> str:
    return unquote(str(iri).rstrip("/").rsplit("/", 1)[-1])


# ---------------------------------------------------------------------------------------------------------
# GraphML and GEXF (networkx)


def networkx_graph(graph: Graph) -> nx.MultiDiGraph:
    """The property graph as a networkx ``MultiDiGraph``: node ids are IRIs, edge keys relation names.

    Every attribute is a string or an int and never None (an absent value is ""), which is what
    GraphML and GEXF readers (Gephi, yEd, Cytoscape) accept without complaint.
    """
    import networkx as nx

    view = property_graph(graph)
    result = nx.MultiDiGraph(name="newskg")
    for node in view.nodes:
        attributes: dict[str, str | int] = {
            "label": node.label,
            "type": node.type,
            "kind": node.kind,
            "label_zh": node.label_zh,
            "label_en": node.label_en,
            "aliases": "; ".join(node.aliases),
            "wikidata": node.wikidata,
            "mentions": node.mentions,
            # the same columns on every node (empty but for amounts): Gephi's data table stays one table
            "value": node.value,
            "upper": node.upper,
            "currency": node.currency,
            "qualifier": node.qualifier,
        }
        result.add_node(node.iri, **attributes)
    for edge in view.edges:
        result.add_edge(
            edge.source,
            edge.target,
            key=edge.relation,
            relation=edge.relation,
            label=edge.label_zh or edge.relation,
            label_zh=edge.label_zh,
            label_en=edge.label_en,
            claims=edge.claims,
            articles="; ".join(edge.articles),
            confidence=edge.confidence,
        )
    return result


def graphml_bytes(graph: Graph) -> bytes:
    """GraphML (UTF-8) of ``networkx_graph``; edge ids ``e0``, ``e1``… in edge order."""
    import networkx as nx

    nx_graph = networkx_graph(graph)
    for number, (_, _, data) in enumerate(nx_graph.edges(data=True)):
        data["id"] = f"e{number}"
    # networkx's ElementTree writer: write_graphml picks lxml's when lxml is installed, and the bytes
    # would then depend on what else is installed
    writer = nx.readwrite.graphml.GraphMLWriter(nx_graph, encoding="utf-8", edge_id_from_attribute="id")
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue().rstrip(b"\n") + b"\n"


def gexf_bytes(graph: Graph) -> bytes:
    """GEXF 1.2 (UTF-8) of ``networkx_graph``; an edge's weight is its number of claims."""
    import networkx as nx

    nx_graph = networkx_graph(graph)
    for number, (_, _, data) in enumerate(nx_graph.edges(data=True)):
        data["id"] = f"e{number}"
        data["weight"] = data["claims"]
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", version="1.2draft")
    # networkx stamps today's date into <meta>: the same graph must give the same bytes on any day
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(nx_graph)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue().rstrip(b"\n") + b"\n"


# ---------------------------------------------------------------------------------------------------------
# neo4j-admin import CSV

# neo4j-admin splits array fields on ";" (its default --array-delimiter), which has no escape: a ";"
# inside a name becomes the full-width "；" rather than splitting the name in two.
NEO4J_ARRAY_DELIMITER = ";"


def _array(values: Iterable[str]) -> str:
    return NEO4J_ARRAY_DELIMITER.join(v.replace(NEO4J_ARRAY_DELIMITER, "；") for v in values)


def _csv(header: list[str], rows: Iterable[list[str | int]]) -> bytes:
    buffer = io.StringIO()
    # RFC 4180's CRLF; it also makes the writer quote a field holding a lone "\r", which with "\n" as
    # line terminator it would write bare, splitting the record
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def neo4j_csv_files(graph: Graph) -> dict[str, bytes]:
    """The node and relationship files of ``neo4j-admin database import full``, by file name.

    ``entities.csv``, ``amounts.csv`` and ``articles.csv`` are nodes (``id:ID`` the IRI, ``:LABEL``
    ``Entity;Person`` etc.), ``relations.csv`` the relations between them (``:TYPE`` the relation's
    local name, with ``claims:int``), ``mentions.csv`` ``MENTIONS`` from articles to entities. RFC 4180
    quoting; article text keeps its newlines, so import with ``--multiline-fields=true``.
    """
    view = property_graph(graph)
    entities = [n for n in view.nodes if n.type != "MonetaryAmount"]
    amounts = [n for n in view.nodes if n.type == "MonetaryAmount"]
    return {
        "entities.csv": _csv(
            ["id:ID", "name", "name_zh", "name_en", "aliases:string[]", "wikidata", "mentions:int", ":LABEL"],
            (
                [
                    n.iri,
                    n.label,
                    n.label_zh,
                    n.label_en,
                    _array(n.aliases),
                    n.wikidata,
                    n.mentions,
                    _array(["Entity", n.type, *([n.kind] if n.kind else [])]),
                ]
                for n in entities
            ),
        ),
        "amounts.csv": _csv(
            ["id:ID", "name", "value:double", "upper:double", "currency", "qualifier", ":LABEL"],
            ([n.iri, n.label, n.value, n.upper, n.currency, n.qualifier, "MonetaryAmount"] for n in amounts),
        ),
        "articles.csv": _csv(
            ["id:ID", "identifier", "headline", "published:date", "source_file", "sha256", "text", ":LABEL"],
            (
                [a.iri, a.identifier, a.headline, a.published, a.source_file, a.sha256, a.text, "Article"]
                for a in view.articles
            ),
        ),
        "relations.csv": _csv(
            [
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "claims:int",
                "articles:string[]",
                "confidence:double",
                "label_zh",
                "label_en",
            ],
            (
                [
                    e.source,
                    e.target,
                    e.relation,
                    e.claims,
                    _array(e.articles),
                    e.confidence,
                    e.label_zh,
                    e.label_en,
                ]
                for e in view.edges
            ),
        ),
        "mentions.csv": _csv(
            [":START_ID", ":END_ID", ":TYPE", "count:int"],
            ([a.iri, entity, "MENTIONS", count] for a in view.articles for entity, count in a.mentions),
        ),
    }


# ---------------------------------------------------------------------------------------------------------

register(ExportFormat("turtle", ".ttl", serialize=turtle_bytes))
register(ExportFormat("ntriples", ".nt", serialize=ntriples_bytes))
register(ExportFormat("trig", ".trig", serialize=trig_bytes))
register(ExportFormat("jsonld", ".jsonld", serialize=jsonld_bytes))
register(ExportFormat("graphml", ".graphml", serialize=graphml_bytes))
register(ExportFormat("gexf", ".gexf", serialize=gexf_bytes))
register(ExportFormat("csv", ".csv", files=neo4j_csv_files))


__all__ = [
    "FORMATS",
    "ArticlePartition",
    "ExportFormat",
    "PropertyGraph",
    "UnknownFormat",
    "article_partition",
    "get_format",
    "gexf_bytes",
    "graphml_bytes",
    "jsonld_bytes",
    "neo4j_csv_files",
    "networkx_graph",
    "ntriples_bytes",
    "property_graph",
    "trig_bytes",
    "write_export",
]
