"""Why does the graph say so? Every claim about an entity (or one claim) with its evidence.

``explain(graph_path, target)`` finds what ``target`` names — an entity by any of its names (a label or
altLabel, Chinese or Latin, compared as ``extractors.text.name_key`` compares names: case, width, spaces
and name dots do not matter), an entity or claim IRI, a prefixed name (``wd:Q380`` finds the entity
``owl:sameAs`` it) — and answers with SPARQL through ``graph.query.run_query``, the same queries a user
can run with ``newskg query`` (``CLAIMS_QUERY``): for an entity, every claim with it as subject or
object; for a claim, that claim. Each claim comes with its statement, qualifiers, confidence, extractors
and every evidence span: article, headline, offsets, anchor and the sentence around it.

A name of two entities gives both; an unknown name raises ``ExplainError`` with the closest names.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from extractors.text import name_key
from graph.formatting import amount_text, json_number
from graph.query import QueryError, run_query, shorten
from ontology.iris import decimal_lexical
from ontology.namespaces import PREFIXES

ENTITY_CLASSES = ("schema:Person", "schema:Organization", "schema:Product")
_CLOSE_MATCHES = 5

# Every entity with each of its names (and Wikidata id), to resolve what the user typed.
NAMES_QUERY = """
SELECT ?entity ?name ?kind ?same WHERE {
  ?entity a ?type FILTER(?type IN (schema:Person, schema:Organization, schema:Product))
  { ?entity rdfs:label ?name BIND(0 AS ?kind) } UNION { ?entity skos:altLabel ?name BIND(1 AS ?kind) }
  UNION { ?entity owl:sameAs ?same }
}
"""

# One row per claim and evidence span; ``{claims}`` is a pattern binding ?claim (see ``claims_pattern``).
# A node's display label is its @zh rdfs:label, else its @en one (as on the HTML page).
CLAIMS_QUERY = """
SELECT ?claim ?subject ?subjectLabel ?relation ?object ?objectLabel
       ?value ?currency ?qualifier ?upper ?stake ?role ?date ?precision ?outlet ?outletLabel ?confidence
       ?extractors ?article ?headline ?begin ?end ?anchor ?sentence ?sentenceBegin
WHERE {
  {claims}
  ?claim a nkg:Claim ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
         nkg:confidence ?confidence ; prov:wasDerivedFrom ?span .
  BIND(STRAFTER(STR(?predicate), STR(nkg:)) AS ?relation)
  OPTIONAL { ?subject rdfs:label ?subjectZh FILTER(LANG(?subjectZh) = "zh") }
  OPTIONAL { ?subject rdfs:label ?subjectEn FILTER(LANG(?subjectEn) = "en") }
  BIND(COALESCE(?subjectZh, ?subjectEn) AS ?subjectLabel)
  OPTIONAL { ?object rdfs:label ?objectZh FILTER(LANG(?objectZh) = "zh") }
  OPTIONAL { ?object rdfs:label ?objectEn FILTER(LANG(?objectEn) = "en") }
  BIND(COALESCE(?objectZh, ?objectEn) AS ?objectLabel)
  OPTIONAL { ?claim nkg:amount ?amount . ?amount schema:value ?value ; schema:currency ?currency ;
                    nkg:amountQualifier ?qualifier . OPTIONAL { ?amount schema:maxValue ?upper } }
  OPTIONAL { ?claim nkg:stake ?stake }
  OPTIONAL { ?claim nkg:role ?role }
  OPTIONAL { ?claim nkg:date ?date ; nkg:datePrecision ?precision }
  OPTIONAL { ?claim nkg:reportedBy ?outlet .
             OPTIONAL { ?outlet rdfs:label ?outletZh FILTER(LANG(?outletZh) = "zh") }
             OPTIONAL { ?outlet rdfs:label ?outletEn FILTER(LANG(?outletEn) = "en") }
             BIND(COALESCE(?outletZh, ?outletEn) AS ?outletLabel) }
  OPTIONAL { { SELECT ?claim (GROUP_CONCAT(DISTINCT ?extractor; separator=" ") AS ?extractors) WHERE {
      ?claim prov:wasGeneratedBy/prov:wasAssociatedWith/rdfs:label ?extractor
    } GROUP BY ?claim } }
  ?span nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ; nif:referenceContext ?document .
  ?document schema:identifier ?article .
  OPTIONAL { ?document schema:headline ?headline }
  OPTIONAL { ?span nif:sentence ?inSentence .
             ?inSentence nif:anchorOf ?sentence ; nif:beginIndex ?sentenceBegin ; nif:endIndex ?sentenceEnd
             FILTER(?sentenceBegin <= ?begin && ?end <= ?sentenceEnd) }
}
ORDER BY ?relation ?subjectLabel ?objectLabel ?value ?claim ?article ?begin ?end
"""


class ExplainError(Exception):
    """Nothing to explain: an unknown name, an IRI that is neither entity nor claim. One line."""


@dataclass(frozen=True)
class Node:
    iri: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"iri": self.iri, "label": self.label}


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    qualifier: str  # exact | about | over | under | range
    upper: Decimal | None = None

    def text(self) -> str:
        return amount_text(self.value, self.currency, self.qualifier, self.upper)

    def to_json(self) -> dict[str, Any]:
        return {
            "value": json_number(self.value),
            "currency": self.currency,
            "qualifier": self.qualifier,
            "upper": None if self.upper is None else json_number(self.upper),
        }


@dataclass(frozen=True)
class Evidence:
    article: str
    headline: str | None
    begin: int
    end: int
    anchor: str
    sentence: str | None  # the sentence holding the span (None when it crosses a sentence boundary)
    sentence_begin: int | None

    def marked(self, left: str = "【", right: str = "】") -> str:
        """The sentence with the anchor between ``left`` and ``right`` (the anchor alone if no sentence)."""
        if self.sentence is None or self.sentence_begin is None:
            return f"{left}{self.anchor}{right}"
        start, stop = self.begin - self.sentence_begin, self.end - self.sentence_begin
        return f"{self.sentence[:start]}{left}{self.sentence[start:stop]}{right}{self.sentence[stop:]}"

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "headline": self.headline,
            "begin": self.begin,
            "end": self.end,
            "anchor": self.anchor,
            "sentence": self.sentence,
            "sentence_begin": self.sentence_begin,
        }


@dataclass(frozen=True)
class Claim:
    iri: str
    subject: Node
    relation: str
    object: Node | None  # None for valuedAt: the object is the amount
    amount: Amount | None
    stake: Decimal | None
    role: str | None
    date: tuple[str, str] | None  # (value, precision)
    reported_by: Node | None
    confidence: Decimal
    extractors: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def statement(self) -> str:
        target = self.object.label if self.object is not None else (self.amount.text() if self.amount else "")
        return f"{self.subject.label} {self.relation} {target}"

    def qualifiers(self) -> list[str]:
        parts = []
        if self.amount is not None and self.object is not None:
            parts.append(f"amount {self.amount.text()}")
        if self.stake is not None:
            parts.append(f"stake {decimal_lexical(self.stake)}")
        if self.role:
            parts.append(f"role {self.role}")
        if self.date is not None:
            parts.append(f"date {self.date[0]} ({self.date[1]})")
        if self.reported_by is not None:
            parts.append(f"reported by {self.reported_by.label}")
        return parts

    def format_text(self) -> list[str]:
        lines = [self.statement()]
        qualifiers = self.qualifiers()
        if qualifiers:
            lines.append("  " + " · ".join(qualifiers))
        confidence = decimal_lexical(self.confidence)
        lines.append(f"  confidence {confidence} · extractor {', '.join(self.extractors)}")
        for evidence in self.evidence:
            headline = f"  《{evidence.headline}》" if evidence.headline else ""
            lines.append(f"  {evidence.article} {evidence.begin}–{evidence.end}{headline}")
            lines.append(f"    {_one_line(evidence.marked())}")
        lines.append(f"  claim <{self.iri}>")
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.iri,
            "subject": self.subject.to_json(),
            "relation": self.relation,
            "object": self.object.to_json() if self.object is not None else None,
            "amount": self.amount.to_json() if self.amount is not None else None,
            "stake": None if self.stake is None else json_number(self.stake),
            "role": self.role,
            "date": None if self.date is None else {"value": self.date[0], "precision": self.date[1]},
            "reported_by": self.reported_by.to_json() if self.reported_by is not None else None,
            "confidence": json_number(self.confidence),
            "extractors": list(self.extractors),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class Topic:
    """One thing explained: an entity with the claims about it, or one claim."""

    iri: str
    label: str  # the entity's display label; "" for a claim
    names: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = field(default=())


@dataclass(frozen=True)
class Explanation:
    target: str
    topics: tuple[Topic, ...]

    def format_text(self) -> str:
        blocks: list[list[str]] = []
        if len(self.topics) > 1:
            blocks.append([f"{self.target} names {len(self.topics)} entities:"])
            blocks[0] += [f"  {t.label}  <{t.iri}>" for t in self.topics]
        for topic in self.topics:
            if topic.label:
                others = [n for n in topic.names if n != topic.label]
                also = f"  (also {', '.join(others)})" if others else ""
                blocks.append([f"{topic.label}  <{topic.iri}>{also}", _claim_counts(topic)])
            blocks += [claim.format_text() for claim in topic.claims]
        return "\n\n".join("\n".join(block) for block in blocks)

    def to_json(self) -> str:
        topics = [
            {
                "iri": t.iri,
                "label": t.label or None,
                "names": list(t.names),
                "claims": [c.to_json() for c in t.claims],
            }
            for t in self.topics
        ]
        return json.dumps({"target": self.target, "topics": topics}, ensure_ascii=False, indent=2)


def explain(graph_path: str | os.PathLike[str], target: str) -> Explanation:
    """Every claim about the entity ``target`` names (or the claim it is), with its evidence."""
    try:
        iri = _expand(target)
        entities = _entities(graph_path)
        if iri is not None and iri not in entities.labels:
            by_wikidata = sorted(e for e, ids in entities.same_as.items() if iri in ids)
            if by_wikidata:
                return _explain_entities(graph_path, target, by_wikidata, entities)
            if _is_claim(graph_path, iri):
                claims = _claims(graph_path, f"VALUES ?claim {{ {ox.NamedNode(iri)} }}")
                return Explanation(target, (Topic(iri, "", (), claims),))
            raise ExplainError(f"{target}: neither an entity nor a claim of {os.fspath(graph_path)}")
        if iri is not None:
            return _explain_entities(graph_path, target, [iri], entities)
        return _explain_entities(graph_path, target, entities.named(target, graph_path), entities)
    except QueryError as error:
        raise ExplainError(str(error)) from None


@dataclass
class _Entities:
    labels: dict[str, str]  # entity IRI -> display label
    names: dict[str, list[str]]  # entity IRI -> every name, labels first
    same_as: dict[str, set[str]]

    def named(self, target: str, graph_path: str | os.PathLike[str]) -> list[str]:
        key = name_key(target)
        found = sorted(iri for iri, names in self.names.items() if any(name_key(n) == key for n in names))
        if found:
            return found
        by_key: dict[str, str] = {}
        for names in self.names.values():
            for name in names:
                by_key.setdefault(name_key(name), name)
        close = difflib.get_close_matches(key, sorted(by_key), n=_CLOSE_MATCHES, cutoff=0.6)
        hint = f"; close matches: {', '.join(by_key[k] for k in close)}" if close else ""
        raise ExplainError(f"{target}: no entity of this name in {os.fspath(graph_path)}{hint}")


def _entities(graph_path: str | os.PathLike[str]) -> _Entities:
    names: dict[str, set[tuple[int, str]]] = {}
    same_as: dict[str, set[str]] = {}
    for entity, name, kind, same in run_query(graph_path, NAMES_QUERY).rows:
        assert isinstance(entity, ox.NamedNode)
        if isinstance(same, ox.NamedNode):
            same_as.setdefault(entity.value, set()).add(same.value)
        if isinstance(name, ox.Literal) and isinstance(kind, ox.Literal):
            # labels before alternative names, @zh before @en (the display label is the first)
            rank = 2 * int(kind.value) + {"zh": 0, "en": 1}.get(name.language or "", 1)
            names.setdefault(entity.value, set()).add((rank, name.value))
    return _Entities(
        labels={e: min(entity_names)[1] for e, entity_names in names.items()},
        names={e: [n for _, n in sorted(ns)] for e, ns in names.items()},
        same_as=same_as,
    )


def _explain_entities(
    graph_path: str | os.PathLike[str], target: str, iris: Sequence[str], entities: _Entities
) -> Explanation:
    topics = []
    for iri in iris:
        claims = _claims(graph_path, claims_pattern(iri))
        topics.append(Topic(iri, _display_label(entities, iri), tuple(entities.names.get(iri, ())), claims))
    return Explanation(target, tuple(topics))


def _display_label(entities: _Entities, iri: str) -> str:
    return entities.labels.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1]


def claims_pattern(entity_iri: str) -> str:
    """The pattern of ``CLAIMS_QUERY`` selecting the claims with the entity as subject or object, and
    those it is the outlet of (``据彭博社报道``: what 彭博社 reported is part of what it is)."""
    node = ox.NamedNode(entity_iri)  # validates the IRI: nothing but an IRI goes into the query
    return (
        f"{{ ?claim rdf:subject {node} }} UNION {{ ?claim rdf:object {node} }}"
        f" UNION {{ ?claim nkg:reportedBy {node} }}"
    )


def _claim_counts(topic: Topic) -> str:
    """``30 claims with it as subject or object``, ``; 2 reported by it`` for an outlet."""

    def claims(n: int) -> str:
        return f"{n} {'claim' if n == 1 else 'claims'}"

    about = sum(1 for c in topic.claims if topic.iri in (c.subject.iri, c.object.iri if c.object else None))
    reported = len(topic.claims) - about
    parts = [f"{claims(about)} with it as subject or object"] if about or not reported else []
    if reported:
        parts.append(f"{claims(reported)} reported by it")
    return "; ".join(parts)


def claims_query(pattern: str) -> str:
    return CLAIMS_QUERY.replace("{claims}", pattern)


def _claims(graph_path: str | os.PathLike[str], pattern: str) -> tuple[Claim, ...]:
    result = run_query(graph_path, claims_query(pattern))
    index = {name: i for i, name in enumerate(result.variables)}
    order: list[str] = []
    heads: dict[str, dict[str, Any]] = {}
    evidence: dict[str, list[Evidence]] = {}
    for row in result.rows:

        def get(name: str, row: tuple = row) -> Any:
            return row[index[name]]

        claim = get("claim").value
        if claim not in heads:
            order.append(claim)
            heads[claim] = {name: get(name) for name in result.variables}
            evidence[claim] = []
        sentence, sentence_begin = get("sentence"), get("sentenceBegin")
        item = Evidence(
            article=get("article").value,
            headline=_text(get("headline")),
            begin=int(get("begin").value),
            end=int(get("end").value),
            anchor=get("anchor").value,
            sentence=_text(sentence),
            sentence_begin=None if sentence_begin is None else int(sentence_begin.value),
        )
        if item not in evidence[claim]:
            evidence[claim].append(item)
    return tuple(_claim(claim, heads[claim], evidence[claim]) for claim in order)


def _claim(iri: str, head: dict[str, Any], evidence: list[Evidence]) -> Claim:
    amount = None
    if head["value"] is not None:
        amount = Amount(
            Decimal(head["value"].value),
            head["currency"].value,
            head["qualifier"].value,
            None if head["upper"] is None else Decimal(head["upper"].value),
        )
    is_amount = head["relation"].value == "valuedAt"
    return Claim(
        iri=iri,
        subject=_node(head["subject"], head["subjectLabel"]),
        relation=head["relation"].value,
        object=None if is_amount else _node(head["object"], head["objectLabel"]),
        amount=amount,
        stake=None if head["stake"] is None else Decimal(head["stake"].value),
        role=_text(head["role"]),
        date=None if head["date"] is None else (head["date"].value, head["precision"].value),
        reported_by=None if head["outlet"] is None else _node(head["outlet"], head["outletLabel"]),
        confidence=Decimal(head["confidence"].value),
        # a graph without its agents' labels still shows its claims (newskg validate reports the gap)
        extractors=tuple(sorted(head["extractors"].value.split())) if head["extractors"] else (),
        evidence=tuple(sorted(evidence, key=lambda e: (e.article, e.begin, e.end))),
    )


def _is_claim(graph_path: str | os.PathLike[str], iri: str) -> bool:
    return bool(run_query(graph_path, f"ASK {{ {ox.NamedNode(iri)} a nkg:Claim }}").boolean)


def _expand(target: str) -> str | None:
    """The IRI ``target`` is (``<…>``, a full IRI or a prefixed name of the newskg prefixes), else None."""
    text = target.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    elif ":" in text and not text.startswith(("http://", "https://", "urn:")):
        prefix, local = text.split(":", 1)
        if prefix not in PREFIXES or not local or " " in local:
            return None
        text = PREFIXES[prefix] + local
    if not text.startswith(("http://", "https://", "urn:")):
        return None
    try:
        return ox.NamedNode(text).value
    except ValueError:
        return None


def _node(term: Any, label: Any) -> Node:
    iri = term.value
    return Node(iri, label.value if label is not None else shorten(iri).rstrip("/").rsplit("/", 1)[-1])


def _text(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


__all__ = [
    "CLAIMS_QUERY",
    "Claim",
    "Evidence",
    "ExplainError",
    "Explanation",
    "claims_pattern",
    "claims_query",
    "explain",
]
