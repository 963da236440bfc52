"""SHACL validation of a newskg graph against ``ontology/shapes.ttl``, with a report people can read.

``validate_graph`` checks an rdflib graph against a shapes graph and returns a ``ValidationReport``:
every result with its severity, focus node, path, value and the rule's message.

Two engines share the work, because pyshacl re-parses a SPARQL constraint's query for every focus node
(24 ms a node on this machine: the seeds' 400 spans took 10 s, a 100k-triple graph would take minutes):

- pyshacl checks the core constraints (counts, datatypes, classes, patterns, closed shapes …) on the
  rdflib memory graph, with no inference and no advanced features (the shapes need neither);
- the SPARQL-based constraints of node shapes (``sh:sparql`` … ``sh:select``) are evaluated by Oxigraph,
  once per focus node with ``$this`` pre-bound (SHACL's semantics), with the shape's declared prefixes.

The results are those any SHACL engine gives for the same shapes (tests compare with pyshacl alone);
only the time differs.

>>> report = validate_graph(load_graph("output/graph.ttl"))  # doctest: +SKIP
>>> report.conforms, len(report.results)  # doctest: +SKIP
(True, 0)
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from graph.export import load_graph, natural_key, oxigraph_triples
from graph.query import shorten

SEVERITIES = ("Violation", "Warning", "Info")
SHAPES_NAMESPACE = "https://w3id.org/newskg/ontology/shapes/"
_MESSAGE_VARIABLE = re.compile(r"\{[$?]([A-Za-z_][A-Za-z0-9_]*)\}")


class ValidationError(Exception):
    """The validation could not run: an unreadable shapes file, a constraint that fails. One line."""


def shapes_path() -> Path:
    """Where ``ontology/shapes.ttl`` is (inside the installed ``ontology`` package)."""
    return Path(str(resources.files("ontology") / "shapes.ttl"))


def load_shapes(path: str | os.PathLike[str] | None = None) -> Graph:
    """The shapes graph in ``path`` (default ``ontology/shapes.ttl``); ``ValidationError`` if unreadable."""
    source = Path(path) if path is not None else shapes_path()
    try:
        return load_graph(source)  # Oxigraph's parser: one clear message where rdflib's can crash
    except FileNotFoundError:
        raise ValidationError(f"{source}: no such file") from None
    except ValueError as error:
        raise ValidationError(str(error)) from None


@dataclass(frozen=True)
class Result:
    """One broken rule at one node. Terms are N-Triples-like text in full (``<iri>``, ``"10"^^<…>``)."""

    severity: str  # "Violation" | "Warning" | "Info"
    shape: str  # the node shape the rule belongs to: <https://w3id.org/newskg/ontology/shapes/SpanShape>
    path: str  # "" for a rule about the node itself
    message: str
    focus: str
    value: str  # "" when the rule has no value (a missing property)
    # the SHACL constraint components that failed (sh:datatype and sh:minInclusive both reject "0.9")
    components: tuple[str, ...] = ()

    def rule(self) -> tuple[str, str, str, str]:
        """What results are grouped by: the same broken rule."""
        return (self.severity, self.shape, self.path, self.message)

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.shape, self.path, self.message,
                natural_key(self.focus), natural_key(self.value))  # fmt: skip


@dataclass(frozen=True)
class ValidationReport:
    """All results of one validation, sorted by rule, then focus node."""

    results: tuple[Result, ...]
    triples: int

    @property
    def conforms(self) -> bool:
        """True when no result is a violation (warnings and infos do not fail a graph)."""
        return not any(r.severity == "Violation" for r in self.results)

    def groups(self) -> list[tuple[Result, list[Result]]]:
        """The results grouped by rule (the first result of each group stands for the rule), in order."""
        grouped: dict[tuple, list[Result]] = {}
        for result in self.results:
            grouped.setdefault(result.rule(), []).append(result)
        return [(members[0], members) for members in grouped.values()]

    def format_text(self, graph_name: str, shapes_name: str) -> str:
        """The report as text: a summary line, then per broken rule its nodes, IRIs shortened."""
        if not self.results:
            return f"{graph_name}: conforms to {shapes_name} ({self.triples:,} triples)"
        counts = [f"{n} {_plural(s.lower(), n)}" for s in SEVERITIES
                  if (n := sum(r.severity == s for r in self.results))]  # fmt: skip
        groups = self.groups()
        verdict = "conforms" if self.conforms else "does not conform"
        lines = [
            f"{graph_name}: {verdict} to {shapes_name}: {', '.join(counts)} of {len(groups)}"
            f" {_plural('rule', len(groups))} ({self.triples:,} triples)"
        ]
        for rule, members in groups:
            path = f"  {_short(rule.path)}" if rule.path else ""
            lines += [
                "",
                f"{rule.severity}  {_short(rule.shape)}{path}  ({len(members)})",
                f"  {rule.message}",
            ]
            for result in members:
                value = f"  value {_short(result.value)}" if result.value not in ("", result.focus) else ""
                checks = f"  [{', '.join(_component_name(c) for c in result.components)}]"
                lines.append(f"    {_short(result.focus)}{value}{checks}")
        return "\n".join(lines)

    def to_json(self) -> str:
        records = [
            {
                "severity": r.severity,
                "shape": _bare(r.shape),
                "path": _bare(r.path) if r.path else None,
                "focus": _bare(r.focus),
                "value": r.value or None,
                "message": r.message,
                "components": [_bare(c) for c in r.components],
            }
            for r in self.results
        ]
        report = {"conforms": self.conforms, "triples": self.triples, "results": records}
        return json.dumps(report, ensure_ascii=False, indent=2)


def _merged(results: list[Result]) -> tuple[Result, ...]:
    """One result per rule, node and value, naming every constraint component that rejected it."""
    components: dict[Result, set[str]] = {}
    for result in results:
        components.setdefault(dataclasses.replace(result, components=()), set()).update(result.components)
    merged = [dataclasses.replace(r, components=tuple(sorted(c))) for r, c in components.items()]
    return tuple(sorted(merged, key=Result.sort_key))


def validate_graph(
    data: Graph, shapes: Graph | None = None, store: ox.Store | None = None
) -> ValidationReport:
    """Validate ``data`` (an rdflib memory graph) against ``shapes`` (default ``ontology/shapes.ttl``).

    ``store``, when given, is an Oxigraph store holding the same triples (the SPARQL constraints run
    there); without it one is made from ``data``.
    """
    shapes = shapes if shapes is not None else load_shapes()
    core, sparql_constraints = _split_sparql_constraints(shapes)
    results = list(_core_results(data, core))
    if sparql_constraints:
        if store is None:
            store = ox.Store()
            store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in oxigraph_triples(data))
        for constraint in sparql_constraints:
            results.extend(constraint.evaluate(store))
    return ValidationReport(_merged(results), len(data))


# ---- pyshacl: the core constraints ---------------------------------------------------------------


def _core_results(data: Graph, shapes: Graph) -> Iterator[Result]:
    try:
        _, report, _ = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True, allow_infos=True
        )
    except Exception as error:  # pyshacl reports a malformed shapes graph with its own exception types
        raise ValidationError(f"the shapes could not be applied: {_one_line(error)}") from None
    assert isinstance(report, Graph)
    for result in report.objects(None, SH.result):
        source = report.value(result, SH.sourceShape)
        yield Result(
            severity=_local(report.value(result, SH.resultSeverity)),
            shape=_term(_owning_shape(shapes, source)),
            components=(_term(report.value(result, SH.sourceConstraintComponent)),),
            path=_path(shapes, report.value(result, SH.resultPath)),
            message=_message(report.objects(result, SH.resultMessage)),
            focus=_term(report.value(result, SH.focusNode)),
            value=_term(report.value(result, SH.value)),
        )


def _owning_shape(shapes: Graph, shape: Node | None) -> Node | None:
    """The named node shape a (blank) property shape belongs to, for a readable rule name."""
    seen: set[Node] = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        parent = next(shapes.subjects(SH.property, shape), None) or next(_list_owners(shapes, shape), None)
        if parent is None:
            break
        shape = parent
    return shape


def _list_owners(shapes: Graph, member: Node) -> Iterator[Node]:
    """The shape whose sh:or/sh:and/sh:xone list holds ``member``."""
    for cell in shapes.subjects(RDF.first, member):
        head = cell
        while (previous := next(shapes.subjects(RDF.rest, head), None)) is not None:
            head = previous
        for predicate in (SH["or"], SH["and"], SH.xone):
            yield from shapes.subjects(predicate, head)


def _message(messages: Iterator[Node]) -> str:
    texts = sorted(messages, key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    return str(texts[0]) if texts else ""


# ---- Oxigraph: the SPARQL-based constraints ------------------------------------------------------


@dataclass(frozen=True)
class _SparqlConstraint:
    shape: URIRef | BNode
    node: Node
    select: str
    message: str
    severity: str
    targets: tuple[str, ...]  # SPARQL patterns binding ?this to the focus nodes

    def focus_nodes(self, store: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
        nodes: set[ox.NamedNode | ox.BlankNode] = set()
        for pattern in self.targets:
            for solution in _solutions(store, f"SELECT DISTINCT ?this WHERE {{ {pattern} }}"):
                node = solution["this"]
                if isinstance(node, (ox.NamedNode, ox.BlankNode)):
                    nodes.add(node)
        return sorted(nodes, key=lambda n: natural_key(n.value))

    def evaluate(self, store: ox.Store) -> Iterator[Result]:
        try:
            for focus in self.focus_nodes(store):
                for solution in _solutions(store, self.select, focus):
                    yield self._result(focus, solution)
        except SyntaxError as error:
            raise ValidationError(f"{_term(self.node)} of {_term(self.shape)}: {_one_line(error)}") from None

    def _result(self, focus: ox.NamedNode | ox.BlankNode, solution: ox.QuerySolution) -> Result:
        def bound(name: str) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
            try:
                return solution[name]
            except (KeyError, IndexError):  # a variable the query does not select
                return None

        if bound("failure") is not None:
            raise ValidationError(f"{_term(self.node)} of {_term(self.shape)} reports a failure on {focus}")
        path, value = bound("path"), bound("value")
        message = _MESSAGE_VARIABLE.sub(lambda m: _short(_ox_term(bound(m.group(1)))), self.message)
        return Result(
            severity=self.severity,
            shape=_term(self.shape),
            components=(_term(SH.SPARQLConstraintComponent),),
            path=_ox_term(path) if isinstance(path, ox.NamedNode) else "",
            message=message,
            focus=_ox_term(bound("this") or focus),
            value=_ox_term(value if value is not None else focus),  # SHACL: the focus node by default
        )


def _solutions(
    store: ox.Store, select: str, this: ox.NamedNode | ox.BlankNode | None = None
) -> ox.QuerySolutions:
    """The solutions of a SELECT, with ``$this`` pre-bound to ``this`` when given."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    if this is not None:
        substitutions[ox.Variable("this")] = this
    result = store.query(select, substitutions=substitutions)
    if not isinstance(result, ox.QuerySolutions):
        raise ValidationError(f"a SPARQL constraint is not a SELECT query: {select.strip()[:60]}")
    return result


def _split_sparql_constraints(shapes: Graph) -> tuple[Graph, list[_SparqlConstraint]]:
    """The shapes without the SPARQL constraints of node shapes, and those constraints, ready to run."""
    core = Graph()
    for triple in shapes:
        core.add(triple)
    constraints = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql), key=lambda so: (str(so[0]), str(so[1]))):
        select = shapes.value(node, SH.select)
        if (shape, SH.path, None) in shapes or select is None:
            continue  # a property shape's constraint ($PATH, value nodes), or not a SELECT: left to pyshacl
        core.remove((shape, SH.sparql, node))
        if _deactivated(shapes, shape) or _deactivated(shapes, node):
            continue
        assert isinstance(shape, (URIRef, BNode))
        message = _message(shapes.objects(node, SH.message)) or _message(shapes.objects(shape, SH.message))
        constraints.append(
            _SparqlConstraint(
                shape=shape,
                node=node,
                select=_prologue(shapes, node) + str(select),
                message=message,
                severity=_local(shapes.value(shape, SH.severity)),
                targets=_target_patterns(shapes, shape),
            )
        )
    return core, constraints


def _deactivated(shapes: Graph, node: Node) -> bool:
    return shapes.value(node, SH.deactivated) == Literal(True)


def _prologue(shapes: Graph, constraint: Node) -> str:
    """The PREFIX lines of the constraint's ``sh:prefixes`` (their ``sh:declare``s), as SHACL prescribes."""
    lines = []
    for owner in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(set(lines)))


def _target_patterns(shapes: Graph, shape: Node) -> tuple[str, ...]:
    patterns = [
        f"?this <{RDF.type}>/<{RDFS.subClassOf}>* <{cls}>" for cls in shapes.objects(shape, SH.targetClass)
    ]
    if (shape, RDF.type, RDFS.Class) in shapes:  # an implicit class target
        patterns.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* <{shape}>")
    patterns += [f"?this <{p}> ?object" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"?subject <{p}> ?this" for p in shapes.objects(shape, SH.targetObjectsOf)]
    patterns += [
        f"VALUES ?this {{ <{n}> }}" for n in shapes.objects(shape, SH.targetNode) if isinstance(n, URIRef)
    ]
    return tuple(sorted(patterns))


# ---- terms ---------------------------------------------------------------------------------------


def _term(node: Node | None) -> str:
    """An rdflib term as N-Triples-like text ("" for none)."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    assert isinstance(node, Literal)
    text = json.dumps(str(node), ensure_ascii=False)
    if node.language:
        return f"{text}@{node.language}"
    if node.datatype is not None and node.datatype != XSD.string:
        return f"{text}^^<{node.datatype}>"
    return text


def _ox_term(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    if node is None:
        return ""
    if isinstance(node, ox.NamedNode):
        return f"<{node.value}>"
    if isinstance(node, ox.BlankNode):
        return f"_:{node.value}"
    if isinstance(node, ox.Literal):
        text = json.dumps(node.value, ensure_ascii=False)
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype.value != str(XSD.string):
            return f"{text}^^<{node.datatype.value}>"
        return text
    return str(node)


def _path(shapes: Graph, path: Node | None) -> str:
    """A result path as text: an IRI, or a SPARQL property path for sequences and the like."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return f"<{path}>"
    if (path, RDF.first, None) in shapes:
        return "/".join(_path(shapes, step) for step in Collection(shapes, path))
    for predicate, operator in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                                (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):  # fmt: skip
        inner = shapes.value(path, predicate)
        if inner is not None:
            return operator.format(_path(shapes, inner))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(shapes, step) for step in Collection(shapes, alternatives)) + ")"
    return _term(path)


_IRI_IN_TEXT = re.compile(r"<([^<>\s]*)>")


def _short(text: str) -> str:
    """Every ``<iri>`` in a term or path shortened with the newskg prefixes where one fits."""

    def one(match: re.Match[str]) -> str:
        iri = match.group(1)
        if iri.startswith(SHAPES_NAMESPACE) and iri != SHAPES_NAMESPACE:
            return f"nkgsh:{iri[len(SHAPES_NAMESPACE) :]}"
        short = shorten(iri)
        return short if short != iri else match.group(0)

    return _IRI_IN_TEXT.sub(one, text)


def _component_name(component: str) -> str:
    """``sh:MinCountConstraintComponent`` -> ``minCount``, the parameter people write in shapes."""
    iri = _bare(component)
    if not iri.startswith(str(SH)):
        return _short(component)  # a constraint component of the shapes' own
    name = iri[len(str(SH)) :].removesuffix("ConstraintComponent")
    return name.lower() if name.isupper() else name[:1].lower() + name[1:]  # SPARQL -> sparql


def _bare(text: str) -> str:
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def _local(node: Node | None) -> str:
    text = str(node or SH.Violation)
    return text.rsplit("#", 1)[-1]


def _plural(word: str, n: int) -> str:
    return word if n == 1 else word + "s"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def validate_file(
    path: str | os.PathLike[str], shapes: str | os.PathLike[str] | None = None
) -> ValidationReport:
    """Validate the Turtle file ``path``; ``ValidationError`` (naming the file) if it cannot be read."""
    shapes_graph = load_shapes(shapes)  # first: a bad shapes file fails before a big graph is read
    try:
        data = load_graph(path)
    except FileNotFoundError:
        raise ValidationError(f"{os.fspath(path)}: no such file") from None
    except ValueError as error:
        raise ValidationError(str(error)) from None
    store = ox.Store()  # Oxigraph's own parser: 5x faster than converting the rdflib graph's terms
    store.bulk_load(path=os.fspath(path), format=ox.RdfFormat.TURTLE)
    return validate_graph(data, shapes_graph, store)


__all__ = [
    "Result",
    "ValidationError",
    "ValidationReport",
    "load_shapes",
    "shapes_path",
    "validate_file",
    "validate_graph",
]
