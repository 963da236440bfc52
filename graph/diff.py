"""What changed between two newskg graphs: entities and facts added and removed, by name.

For reviewing what a change in the extractors or in the inputs did. Nodes are compared by what a reader
sees, not by IRI, so a renamed IRI slug (``organization/scale-ai-2`` -> ``organization/scale-ai``) is no
change:

- an entity is its schema.org type and its display label (the @zh ``rdfs:label``, else the @en one),
  compared as ``extractors.text.name_key`` compares names;
- a fact is (subject, relation, object) with entities as above and a ``valuedAt`` amount as its value,
  currency and qualifier; symmetric relations (partnersWith, competitorOf) in either direction are one
  fact. Its support is the number of claims stating it per article: a fact in both graphs whose
  support changed is listed too.

Two entities of one type and name in one graph count as one.

Both graphs are read with SPARQL through ``graph.query.run_query``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from extractors.model import SYMMETRIC_RELATIONS
from extractors.text import name_key
from graph.formatting import amount_text
from graph.query import QueryError, run_query

ENTITIES_QUERY = """
SELECT ?entity ?type ?label WHERE {
  ?entity a ?type FILTER(?type IN (schema:Person, schema:Organization, schema:Product))
  OPTIONAL { ?entity rdfs:label ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?entity rdfs:label ?en FILTER(LANG(?en) = "en") }
  BIND(COALESCE(?zh, ?en, STR(?entity)) AS ?label)
}
"""

CLAIMS_QUERY = """
SELECT ?claim ?subject ?relation ?object ?value ?currency ?qualifier ?upper ?article WHERE {
  ?claim a nkg:Claim ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
         prov:wasDerivedFrom/nif:referenceContext/schema:identifier ?article .
  BIND(STRAFTER(STR(?predicate), STR(nkg:)) AS ?relation)
  OPTIONAL { ?object schema:value ?value ; schema:currency ?currency ; nkg:amountQualifier ?qualifier .
             OPTIONAL { ?object schema:maxValue ?upper } }
}
"""


class DiffError(Exception):
    """A graph that cannot be compared (missing, not Turtle). One line, naming it."""


@dataclass(frozen=True, order=True)
class EntityName:
    type: str  # Person | Organization | Product
    label: str

    def key(self) -> tuple[str, str]:
        return (self.type, name_key(self.label))

    def text(self) -> str:
        return f"{self.type:<12}  {self.label}"

    def to_json(self) -> dict[str, str]:
        return {"type": self.type, "label": self.label}


@dataclass(frozen=True, order=True)
class FactName:
    subject: str
    relation: str
    object: str  # a label, or an amount as "14300000000 USD (exact)"

    def text(self) -> str:
        return f"{self.subject} {self.relation} {self.object}"

    def to_json(self) -> dict[str, str]:
        return {"subject": self.subject, "relation": self.relation, "object": self.object}


@dataclass(frozen=True)
class GraphFacts:
    """What one graph says, by name: its entities and, per fact, its claims per article."""

    entities: dict[tuple[str, str], EntityName]
    facts: dict[tuple[str, str, str], tuple[FactName, Counter[str]]]


@dataclass(frozen=True)
class FactChange:
    fact: FactName
    old: Counter[str]  # claims per article
    new: Counter[str]


@dataclass(frozen=True)
class GraphDiff:
    entities_added: tuple[EntityName, ...]
    entities_removed: tuple[EntityName, ...]
    facts_added: tuple[tuple[FactName, Counter[str]], ...]
    facts_removed: tuple[tuple[FactName, Counter[str]], ...]
    support_changed: tuple[FactChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.entities_added or self.entities_removed or self.facts_added or self.facts_removed
                    or self.support_changed)  # fmt: skip

    def summary(self) -> str:
        return (
            f"entities +{len(self.entities_added)} -{len(self.entities_removed)}, "
            f"facts +{len(self.facts_added)} -{len(self.facts_removed)}, "
            f"support changed {len(self.support_changed)}"
        )

    def format_text(self, old_name: str, new_name: str) -> str:
        lines = [f"--- {old_name}", f"+++ {new_name}", self.summary()]
        sections: list[tuple[str, list[str]]] = [
            ("entities added", [f"+ {e.text()}" for e in self.entities_added]),
            ("entities removed", [f"- {e.text()}" for e in self.entities_removed]),
            ("facts added", [f"+ {f.text()}  ({_support(c)})" for f, c in self.facts_added]),
            ("facts removed", [f"- {f.text()}  ({_support(c)})" for f, c in self.facts_removed]),
            (
                "support changed (claims per article, old -> new)",
                [
                    f"~ {c.fact.text()}  ({_support(c.old)} -> {_support(c.new)})"
                    for c in self.support_changed
                ],
            ),
        ]
        for title, items in sections:
            if items:
                lines += ["", f"{title} ({len(items)}):", *items]
        return "\n".join(lines)

    def to_json(self, old_name: str, new_name: str) -> str:
        def fact(f: FactName, claims: Counter[str]) -> dict[str, Any]:
            return {**f.to_json(), "claims": dict(sorted(claims.items()))}

        data = {
            "old": old_name,
            "new": new_name,
            "entities": {
                "added": [e.to_json() for e in self.entities_added],
                "removed": [e.to_json() for e in self.entities_removed],
            },
            "facts": {
                "added": [fact(f, c) for f, c in self.facts_added],
                "removed": [fact(f, c) for f, c in self.facts_removed],
                "support_changed": [
                    {
                        **c.fact.to_json(),
                        "old_claims": dict(sorted(c.old.items())),
                        "new_claims": dict(sorted(c.new.items())),
                    }
                    for c in self.support_changed
                ],  # fmt: skip
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def diff_graphs(old: GraphFacts, new: GraphFacts) -> GraphDiff:
    """The differences from ``old`` to ``new``, each list sorted by name."""
    changed = []
    for key in sorted(old.facts.keys() & new.facts.keys()):
        (fact, before), (_, after) = old.facts[key], new.facts[key]
        if before != after:
            changed.append(FactChange(fact, before, after))
    return GraphDiff(
        entities_added=tuple(sorted(new.entities[k] for k in new.entities.keys() - old.entities.keys())),
        entities_removed=tuple(sorted(old.entities[k] for k in old.entities.keys() - new.entities.keys())),
        facts_added=_sorted_facts(new.facts[k] for k in new.facts.keys() - old.facts.keys()),
        facts_removed=_sorted_facts(old.facts[k] for k in old.facts.keys() - new.facts.keys()),
        support_changed=tuple(sorted(changed, key=lambda c: c.fact)),
    )


def diff_files(old_path: str | os.PathLike[str], new_path: str | os.PathLike[str]) -> GraphDiff:
    """The differences between two newskg Turtle files."""
    return diff_graphs(read_facts(old_path), read_facts(new_path))


def read_facts(path: str | os.PathLike[str]) -> GraphFacts:
    """The entities and facts of a newskg Turtle file, by name."""
    try:
        entity_rows = run_query(path, ENTITIES_QUERY).rows
        claim_rows = run_query(path, CLAIMS_QUERY).rows
    except QueryError as error:
        raise DiffError(str(error)) from None
    names: dict[str, EntityName] = {}
    for row in entity_rows:
        entity, kind, label = map(_lexical, row)
        candidate = EntityName(kind.rsplit("/", 1)[-1], label)
        # an entity typed twice (a broken graph) is shown under its first type, deterministically
        names[entity] = min(candidate, names.get(entity, candidate))
    entities = {e.key(): e for e in names.values()}

    facts: dict[tuple[str, str, str], tuple[FactName, Counter[str]]] = {}
    seen: set[tuple[str, str]] = set()  # (claim, article): a claim with two spans in one article counts once
    for row in claim_rows:
        claim, subject, relation, obj, value, currency, qualifier, upper, article = map(_lexical, row)
        if (claim, article) in seen:
            continue
        seen.add((claim, article))
        subject_name = _label(names, subject)
        if value and currency and qualifier:
            object_name = object_key = amount_text(value, currency, qualifier, upper)
        else:
            object_name = _label(names, obj)
            object_key = name_key(object_name)
        subject_key = name_key(subject_name)
        if relation in SYMMETRIC_RELATIONS and object_key < subject_key:
            subject_name, object_name = object_name, subject_name
            subject_key, object_key = object_key, subject_key
        key = (subject_key, relation, object_key)
        fact, claims = facts.setdefault(key, (FactName(subject_name, relation, object_name), Counter()))
        claims[article] += 1
    return GraphFacts(entities, facts)


def _lexical(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """An IRI or a literal's lexical form; "" when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        raise DiffError(f"unexpected RDF-star triple term {term}")
    return term.value


def _label(names: dict[str, EntityName], iri: str) -> str:
    entity = names.get(iri)
    return entity.label if entity is not None else iri


def _sorted_facts(
    facts: Iterable[tuple[FactName, Counter[str]]],
) -> tuple[tuple[FactName, Counter[str]], ...]:
    return tuple(sorted(facts, key=lambda fc: fc[0]))


def _support(claims: Counter[str]) -> str:
    return ", ".join(f"{article}: {n}" for article, n in sorted(claims.items())) or "no claims"


__all__ = ["DiffError", "EntityName", "FactName", "GraphDiff", "diff_files", "diff_graphs", "read_facts"]
