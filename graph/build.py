"""Annotations -> RDF: turn a resolved ``Corpus`` into the newskg graph (see SPEC "RDF model").

What the graph holds, per kind of node (all IRIs from ``ontology.iris``, no blank nodes):

- entity:   ``schema:Person|Organization|Product`` (+ a finer ``nkg:`` class from ``Entity.kind``),
  ``rdfs:label`` @zh/@en, ``skos:altLabel`` for every other name, ``owl:sameAs`` Wikidata,
  ``nkg:mentionCount``; each mention is a span with ``nif:taIdentRef`` the entity.
- direct edge: ``<subject> nkg:<relation> <object>`` (``valuedAt`` points to an amount node);
  symmetric relations are stated once, in the claim key's order (smaller key first).
- claim:    one per distinct ``Fact.key()``, with every evidence span, qualifiers, the maximum
  confidence and the extraction activities that produced it.
- span:     ``nif:OffsetBasedString``, ``nkg:EvidenceSpan`` with begin/end offsets into the document's
  ``nif:isString``, its exact ``nif:anchorOf`` and the ``nif:Sentence`` around it.
- document: ``schema:NewsArticle``, ``nif:Context`` with its raw text, metadata and cited sources.

Inconsistent input (an offset that does not slice to its text, a fact naming an entity the corpus
does not have, an unknown relation or entity kind) raises ``ValueError`` naming the document: the
graph is never built from annotations that break the invariants it promises.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from extractors.model import ENTITY_TYPES, RELATIONS, Amount, Document, Entity, Fact, Mention, Sentence, When
from ontology import iris
from ontology.namespaces import NIF, NKG, PREFIXES, WD

if TYPE_CHECKING:  # the pipeline module pulls in every extractor (and jieba); building needs only its types
    from extractors.pipeline import Corpus

# Entity.kind -> (finer class, the one schema.org type it refines)
KIND_CLASSES: dict[str, tuple[URIRef, str]] = {
    "Team": (NKG.Team, "Organization"),
    "MediaOutlet": (NKG.MediaOutlet, "Organization"),
    "GovernmentBody": (NKG.GovernmentBody, "Organization"),
    "University": (NKG.University, "Organization"),
    "Company": (NKG.Company, "Organization"),
    "AIModel": (NKG.AIModel, "Product"),
}
# Every relation of the model is a term of the NKG namespace (an import error here, not a bad graph later).
RELATION_PROPERTIES: dict[str, URIRef] = {relation: getattr(NKG, relation) for relation in RELATIONS}
AMOUNT_QUALIFIERS = ("exact", "about", "over", "under", "range")
DATE_TYPES: dict[str, tuple[URIRef, re.Pattern[str]]] = {
    "year": (XSD.gYear, re.compile(r"-?\d{4,}")),
    "month": (XSD.gYearMonth, re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])")),
    "day": (XSD.date, re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")),
}
_WIKIDATA_ID = re.compile(r"Q[1-9]\d*")


def text_literal(text: str) -> Literal:
    """A natural-language literal tagged ``@zh`` when it has a CJK letter, else ``@en``."""
    return Literal(text, lang="zh" if iris.has_cjk(text) else "en")


def decimal_literal(value: Decimal | int | float | str) -> Literal:
    """An ``xsd:decimal`` in canonical form: ``14300000000`` (never ``1.43E+10``), ``0.49``."""
    if isinstance(value, float):
        value = Decimal(
            repr(value)
        )  # the shortest text that reads back as this float: 0.8, not 0.800000000000000044
    return Literal(iris.decimal_lexical(value), datatype=XSD.decimal)


def date_literal(when: When, where: str = "") -> Literal:
    """A date typed by its precision: ``xsd:gYear`` (year), ``xsd:gYearMonth`` (month), ``xsd:date`` (day)."""
    if when.precision not in DATE_TYPES:
        raise ValueError(f"{where}unknown date precision {when.precision!r}; known: {', '.join(DATE_TYPES)}")
    datatype, pattern = DATE_TYPES[when.precision]
    if not pattern.fullmatch(when.value):
        raise ValueError(f"{where}date {when.value!r} does not have {when.precision} precision")
    return Literal(when.value, datatype=datatype)


def build_graph(corpus: Corpus, base: str | None = None) -> Graph:
    """The newskg RDF graph of a corpus, IRIs minted under ``base`` (see ``ontology.iris.resolve_base``).

    The result depends only on the corpus (and base): the same corpus always gives the same triples.
    """
    return _GraphBuilder(corpus, iris.resolve_base(base)).build()


class _GraphBuilder:
    """Holds the graph being built and what has already been written (spans, sentences, activities)."""

    def __init__(self, corpus: Corpus, base: str) -> None:
        self.corpus = corpus
        self.base = base
        self.graph = Graph(bind_namespaces="none")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, Namespace(namespace))
        self.documents: dict[str, Document] = {}
        self.sentences: dict[str, tuple[list[int], list[Sentence]]] = {}
        self.entity_keys = {entity.key for entity in corpus.entities}
        self._spans_done: set[URIRef] = set()
        self._activities_done: set[URIRef] = set()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    def build(self) -> Graph:
        for extraction in self.corpus.extractions:
            doc = extraction.document
            if doc.id in self.documents:
                raise ValueError(f"{doc.id}: the corpus has this document twice")
            self.documents[doc.id] = doc
            sentences = sorted(extraction.sentences, key=lambda s: (s.start, s.end))
            self.sentences[doc.id] = ([s.start for s in sentences], sentences)
            self.add_document(doc)
        for entity in self.corpus.entities:
            self.add_entity(entity)
        # The entities carry their mentions (added above); the documents' lists must agree with them.
        for extraction in self.corpus.extractions:
            for mention in extraction.mentions:
                if mention.entity and mention.entity not in self.entity_keys:
                    raise ValueError(
                        f"{mention.doc_id}: mention {mention.text!r} at {mention.start}-{mention.end}"
                        f" is resolved to {mention.entity!r}, which is not an entity of the corpus"
                    )
        self.add_claims(fact for extraction in self.corpus.extractions for fact in extraction.facts)
        return self.graph

    # ---- documents -------------------------------------------------------------------------------

    def add_document(self, doc: Document) -> None:
        node = URIRef(iris.document_iri(doc.id, self.base))
        self.add(node, RDF.type, SDO.NewsArticle)
        self.add(node, RDF.type, NIF.Context)
        # Plain (untagged) so that SUBSTR(?text, …) compares equal to the plain nif:anchorOf of a span.
        self.add(node, NIF.isString, Literal(doc.raw))
        self.add(node, SDO.identifier, Literal(doc.id))
        self.add(node, NKG.sourceFile, Literal(doc.source))
        self.add(node, NKG.sha256, Literal(doc.sha256))
        if doc.published:
            self.add(node, SDO.datePublished, date_literal(When(doc.published, "day"), f"{doc.id}: "))
        if doc.title:
            self.add(node, SDO.headline, text_literal(doc.title))
        for tag in doc.tags:
            self.add(node, SDO.keywords, text_literal(tag))
        for citation in doc.citations:
            cited = URIRef(iris.citation_iri(doc.id, citation.key, self.base))
            self.add(node, SDO.citation, cited)
            self.add(cited, RDF.type, SDO.CreativeWork)
            self.add(cited, RDFS.label, text_literal(citation.text))
            if citation.url:
                # schema:URL is a data type (text), so a literal: an odd URL in a footnote cannot break
                # the graph the way an invalid IRI would
                self.add(cited, SDO.url, Literal(citation.url, datatype=XSD.anyURI))

    # ---- spans -----------------------------------------------------------------------------------

    def _document(self, doc_id: str, what: str) -> Document:
        try:
            return self.documents[doc_id]
        except KeyError:
            raise ValueError(f"{doc_id}: {what} points into a document the corpus does not have") from None

    def _offset_string(self, node: URIRef, doc: Document, start: int, end: int, expected: str | None) -> None:
        if not 0 <= start <= end <= len(doc.raw):
            raise ValueError(f"{doc.id}: span {start}-{end} is outside the text (length {len(doc.raw)})")
        anchor = doc.raw[start:end]
        if expected is not None and anchor != expected:
            raise ValueError(f"{doc.id}: raw[{start}:{end}] is {anchor!r}, not {expected!r}")
        self.add(node, RDF.type, NIF.OffsetBasedString)
        self.add(node, NIF.beginIndex, Literal(start, datatype=XSD.integer))
        self.add(node, NIF.endIndex, Literal(end, datatype=XSD.integer))
        self.add(node, NIF.anchorOf, Literal(anchor))
        self.add(node, NIF.referenceContext, URIRef(iris.document_iri(doc.id, self.base)))

    def span(self, doc_id: str, start: int, end: int, expected: str | None) -> URIRef:
        """The span node of ``raw[start:end]`` (written once), checked against the text it should hold."""
        node = URIRef(iris.span_iri(doc_id, start, end, self.base))
        doc = self._document(doc_id, f"span {start}-{end}")
        if node in self._spans_done:
            if expected is not None and doc.raw[start:end] != expected:
                raise ValueError(f"{doc_id}: raw[{start}:{end}] is {doc.raw[start:end]!r}, not {expected!r}")
            return node
        self._spans_done.add(node)
        self._offset_string(node, doc, start, end, expected)
        self.add(node, RDF.type, NKG.EvidenceSpan)
        for sentence in self._sentences_of(doc_id, start, end):
            sentence_node = URIRef(iris.span_iri(doc_id, sentence.start, sentence.end, self.base))
            self.add(node, NIF.sentence, sentence_node)
            self.add(sentence_node, RDF.type, NIF.Sentence)
            self._offset_string(sentence_node, doc, sentence.start, sentence.end, sentence.text)
        return node

    def _sentences_of(self, doc_id: str, start: int, end: int) -> list[Sentence]:
        """The sentence holding ``[start, end)``, else (across a boundary) every sentence it overlaps."""
        starts, sentences = self.sentences[doc_id]
        index = bisect_right(starts, start) - 1
        if index >= 0 and sentences[index].start <= start and end <= sentences[index].end:
            return [sentences[index]]
        return [s for s in sentences if s.start < end and start < s.end]

    # ---- entities --------------------------------------------------------------------------------

    def add_entity(self, entity: Entity) -> None:
        node = URIRef(iris.entity_iri(entity.key, self.base))
        if entity.type not in ENTITY_TYPES:
            raise ValueError(
                f"{entity.key}: unknown entity type {entity.type!r}; known: {', '.join(ENTITY_TYPES)}"
            )
        self.add(node, RDF.type, SDO[entity.type])
        if entity.kind:
            if entity.kind not in KIND_CLASSES:
                raise ValueError(
                    f"{entity.key}: unknown entity kind {entity.kind!r}; known: {', '.join(KIND_CLASSES)}"
                    " (declare a new one in ontology/newskg.ttl and ontology/namespaces.py first)"
                )
            finer, refines = KIND_CLASSES[entity.kind]
            if refines != entity.type:
                raise ValueError(
                    f"{entity.key}: kind {entity.kind} is a kind of {refines}, not {entity.type}"
                )
            self.add(node, RDF.type, finer)

        labels = []
        if entity.label_zh:
            labels.append(Literal(entity.label_zh, lang="zh"))
        if entity.label_en:
            labels.append(Literal(entity.label_en, lang="en"))
        if not labels:
            if not entity.names:
                raise ValueError(f"{entity.key}: an entity needs a label or at least one name")
            labels.append(text_literal(entity.names[0]))
        for label in labels:
            self.add(node, RDFS.label, label)
        label_texts = {str(label) for label in labels}
        for name in entity.names:
            if name not in label_texts:
                self.add(node, SKOS.altLabel, text_literal(name))

        if entity.wikidata:
            if not _WIKIDATA_ID.fullmatch(entity.wikidata):
                raise ValueError(f"{entity.key}: {entity.wikidata!r} is not a Wikidata id like 'Q380'")
            self.add(node, OWL.sameAs, WD[entity.wikidata])
        self.add(node, NKG.mentionCount, Literal(len(entity.mentions), datatype=XSD.integer))
        for mention in entity.mentions:
            self.add_mention(mention, node)

    def add_mention(self, mention: Mention, entity: URIRef) -> None:
        span = self.span(mention.doc_id, mention.start, mention.end, mention.text)
        self.add(span, NIF.taIdentRef, entity)
        self.add(span, NKG.extractor, Literal(mention.extractor))

    def entity(self, key: str | None, fact: Fact, role: str) -> URIRef:
        if key not in self.entity_keys:
            raise ValueError(
                f"{fact.doc_id}: {fact.relation} fact at {fact.start}-{fact.end} has {role} {key!r},"
                " which is not an entity of the corpus"
            )
        return URIRef(iris.entity_iri(key, self.base))

    # ---- amounts, claims, provenance -------------------------------------------------------------

    def amount(self, amount: Amount, where: str) -> URIRef:
        if amount.qualifier not in AMOUNT_QUALIFIERS:
            raise ValueError(
                f"{where}unknown amount qualifier {amount.qualifier!r}; known: {', '.join(AMOUNT_QUALIFIERS)}"
            )
        if (amount.qualifier == "range") != (amount.upper is not None):
            raise ValueError(f"{where}an amount has an upper bound exactly when its qualifier is 'range'")
        node = URIRef(
            iris.amount_iri(amount.value, amount.currency, amount.qualifier, amount.upper, self.base)
        )
        self.add(node, RDF.type, SDO.MonetaryAmount)
        self.add(node, SDO.value, decimal_literal(amount.value))
        self.add(node, SDO.currency, Literal(amount.currency))
        self.add(node, NKG.amountQualifier, Literal(amount.qualifier))
        if amount.upper is not None:
            self.add(node, SDO.minValue, decimal_literal(amount.value))
            self.add(node, SDO.maxValue, decimal_literal(amount.upper))
        return node

    def activity(self, doc_id: str, extractor: str) -> URIRef:
        node = URIRef(iris.activity_iri(doc_id, extractor, self.base))
        if node not in self._activities_done:
            self._activities_done.add(node)
            agent = URIRef(iris.agent_iri(extractor, self.base))
            self.add(node, RDF.type, PROV.Activity)
            self.add(node, RDF.type, NKG.ExtractionActivity)
            self.add(node, PROV.wasAssociatedWith, agent)
            self.add(node, PROV.used, URIRef(iris.document_iri(doc_id, self.base)))
            self.add(agent, RDF.type, PROV.SoftwareAgent)
            self.add(agent, RDFS.label, Literal(extractor))
        return node

    def add_claims(self, facts: Iterable[Fact]) -> None:
        groups: dict[tuple, list[Fact]] = {}
        for fact in facts:
            groups.setdefault(fact.key(), []).append(fact)
        for key, group in groups.items():
            self.add_claim(key, group)

    def add_claim(self, key: tuple, facts: list[Fact]) -> None:
        """One claim node for every fact with this key, plus the direct edge it states."""
        first = facts[0]
        doc_id, relation = first.doc_id, first.relation
        where = f"{doc_id}: {relation} fact at {first.start}-{first.end}: "
        if relation not in RELATIONS:
            raise ValueError(f"{where}unknown relation; known: {', '.join(RELATIONS)}")
        _, subject_key, _, object_key, *_ = key  # the key's order puts symmetric relations one way round
        node = URIRef(iris.claim_iri(key, doc_id, relation, self.base))
        predicate = RELATION_PROPERTIES[relation]
        subject = self.entity(subject_key, first, "subject")
        amount = self.amount(first.amount, where) if first.amount is not None else None
        if relation == "valuedAt":
            if amount is None:
                raise ValueError(f"{where}a valuedAt fact needs an amount")
            obj = amount
        else:
            obj = self.entity(object_key, first, "object")

        self.add(subject, predicate, obj)
        self.add(node, RDF.type, NKG.Claim)
        self.add(node, RDF.type, RDF.Statement)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, obj)
        if amount is not None:
            self.add(node, NKG.amount, amount)
        if first.stake is not None:
            if not 0 <= first.stake <= 1:
                raise ValueError(f"{where}stake {first.stake} is not a share between 0 and 1")
            self.add(node, NKG.stake, decimal_literal(first.stake))
        if first.role:
            self.add(node, NKG.role, Literal(first.role))
        if first.date is not None:
            self.add(node, NKG.date, date_literal(first.date, where))
            self.add(node, NKG.datePrecision, Literal(first.date.precision))
        if first.reported_by is not None:
            self.add(node, NKG.reportedBy, self.entity(first.reported_by, first, "reported_by"))

        confidence = max(Decimal(repr(float(f.confidence))) for f in facts)
        if not 0 <= confidence <= 1:
            raise ValueError(f"{where}confidence {confidence} is not between 0 and 1")
        self.add(node, NKG.confidence, decimal_literal(confidence))
        for fact in facts:
            if fact.doc_id not in self.documents:
                raise ValueError(f"{where}the fact's document is not in the corpus")
            self.add(node, PROV.wasDerivedFrom, self.span(fact.doc_id, fact.start, fact.end, fact.evidence))
            self.add(node, PROV.wasGeneratedBy, self.activity(fact.doc_id, fact.extractor))


__all__ = ["build_graph", "text_literal", "decimal_literal", "date_literal", "KIND_CLASSES"]
