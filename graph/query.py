"""SPARQL over newskg Turtle files or a newskg store, read-only, with results as a table, W3C CSV or JSON.

``run_query`` loads the files into a fresh in-memory pyoxigraph store (the files themselves are
only read, so no query can change them), or opens a store directory made by ``newskg build --store``
read-only (``graph/store.py``: no loading, so a query on a million triples takes milliseconds, not
the seconds parsing them would), and evaluates one SPARQL query:

- Only ``SELECT``, ``ASK``, ``CONSTRUCT`` and ``DESCRIBE``; an update (``INSERT``, ``DELETE``,
  ``LOAD``, ``CLEAR``, ``DROP`` …) raises ``QueryError("query is read-only: …")``.
- The ontology (``ontology/newskg.ttl``) is loaded too, into the named graph
  ``<https://w3id.org/newskg/ontology/>``; the default graph is the union of all graphs, so the
  labels and comments of classes and properties can be queried beside the data
  (``SELECT ?label { nkg:investedIn rdfs:label ?label }``), and ``GRAPH nkg: { … }`` selects the
  ontology alone.
- The prefixes of ``ontology.namespaces.PREFIXES`` (``nkg: schema: prov: nif: rdf: rdfs: owl: skos:
  xsd: wd:``) are predeclared; a ``PREFIX`` in the query overrides them.
- A syntax error raises ``QueryError`` with the parser's one-line message (position included).

>>> result = run_query("output/graph.ttl", "SELECT ?p WHERE { ?p a schema:Person }")  # doctest: +SKIP
>>> print(result.format("table"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graph.export import serialize_triples
from graph.formatting import first_line
from ontology.namespaces import ONTOLOGY_IRI, PREFIXES

FORMATS = ("table", "csv", "json")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# What may come before the query form: whitespace, comments, PREFIX and BASE declarations.
_PROLOGUE_ITEM = re.compile(r"\s+|\#[^\r\n]*|(?i:PREFIX)\s*[^\s:<]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>")
_KEYWORD = re.compile(r"[A-Za-z]+")
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class QueryError(Exception):
    """A query that cannot be run: bad syntax, an update, an unreadable graph file. One line."""


@dataclass(frozen=True)
class QueryResult:
    """The outcome of one query: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def format(self, fmt: str = "table") -> str:
        """Render as ``"table"`` (aligned columns), ``"csv"`` or ``"json"`` (W3C SPARQL results formats).

        ASK gives ``true``/``false`` (in JSON the W3C boolean result); CONSTRUCT and DESCRIBE give
        Turtle whatever the format.
        """
        if fmt not in FORMATS:
            raise QueryError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")
        if self.kind == "graph":
            return serialize_triples(sorted(self.triples, key=_triple_sort_key)).decode("utf-8")
        if self.kind == "ask":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": bool(self.boolean)})
            return "true" if self.boolean else "false"
        if fmt == "csv":
            return _csv(self.variables, self.rows)
        if fmt == "json":
            return _json(self.variables, self.rows)
        return _table(self.variables, self.rows)


def ontology_path() -> Path:
    """Where ``ontology/newskg.ttl`` is (inside the installed ``ontology`` package)."""
    return Path(str(resources.files("ontology") / "newskg.ttl"))


def run_query(
    graph_path_or_paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], sparql: str
) -> QueryResult:
    """Evaluate one read-only SPARQL query over Turtle files or one store directory (plus the ontology)."""
    _refuse_updates(sparql)
    _refuse_remote(sparql)
    store = _open(_paths(graph_path_or_paths))
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[v] for v in variables) for solution in result)
            return QueryResult("select", variables=variables, rows=rows)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        return QueryResult("graph", triples=tuple(result))
    except SyntaxError as error:
        raise QueryError(_syntax_message(str(error))) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {first_line(error)}") from None


def _paths(arg: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(arg, (str, os.PathLike)):
        return [Path(arg)]
    paths = [Path(p) for p in arg]
    if not paths:
        raise QueryError("no graph file to query")
    return paths


def _open(paths: Sequence[Path]) -> ox.Store:
    """A store to query: the store directory given, read-only; else the files, loaded into memory."""
    directories = [path for path in paths if path.is_dir()]
    if directories:
        # Imported here: graph.store brings in the extraction pipeline, which file queries do not need.
        from graph.store import StoreError, open_store

        if len(paths) > 1:
            raise QueryError(f"{directories[0]}: a store is queried on its own, not with other graphs")
        try:
            return open_store(directories[0])  # read-only; it holds the ontology already
        except StoreError as error:
            raise QueryError(str(error)) from None
    store = ox.Store()  # in memory: nothing is ever written back to the files
    for path in paths:
        _load(store, path, ox.DefaultGraph())
    _load(store, ontology_path(), ox.NamedNode(ONTOLOGY_IRI))
    return store


def _load(store: ox.Store, path: Path, graph: ox.NamedNode | ox.DefaultGraph) -> None:
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    try:
        store.load(path=path, format=rdf_format, to_graph=graph)
    except SyntaxError as error:
        raise QueryError(f"{path}: not valid {rdf_format.name}: {first_line(error)}") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read: {first_line(error)}") from None


def _refuse_updates(sparql: str) -> None:
    position = 0
    while match := _PROLOGUE_ITEM.match(sparql, position):
        if match.end() == position:
            break
        position = match.end()
    keyword = _KEYWORD.match(sparql, position)
    if keyword and keyword.group().upper() in UPDATE_KEYWORDS:
        raise QueryError(
            f"query is read-only: {keyword.group().upper()} is a SPARQL update;"
            " use SELECT, ASK, CONSTRUCT or DESCRIBE"
        )


_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _refuse_remote(sparql: str) -> None:
    """A query answers from the local graph only: ``SERVICE`` would reach out over the network.

    Only a parser can tell the keyword from the word in a string or a comment, so the query is
    parsed (rdflib's SPARQL grammar) and its syntax tree searched. A query that mentions the word
    but that this parser cannot read is refused rather than guessed at.
    """
    # SPARQL decodes \uXXXX escapes before parsing, so the keyword could hide behind them
    text = _CODEPOINT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    if "service" not in text.casefold():
        return
    refusal = QueryError("SERVICE is not allowed: queries run offline, on the local graph only")
    # Imported only here: the parser and pyparsing take a third of a second to import, every time
    # newskg starts, and most queries never say "service".
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # any parse failure: the word is there and cannot be shown to be harmless
        raise refusal from None
    if "ServiceGraphPattern" in _pattern_names(tree):
        raise refusal


def _pattern_names(node: object) -> Iterator[str]:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _pattern_names(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _pattern_names(value)


def _syntax_message(message: str) -> str:
    line = first_line(message, "unknown error")
    if "Prefix not found" in line:
        # The parser lists every character it could have accepted instead; the cause is more useful.
        position = line.split(": expected", 1)[0]
        return f"{position}: undeclared prefix (declare it with PREFIX; predeclared: {', '.join(PREFIXES)})"
    return line


# ---- formatting ----------------------------------------------------------------------------------


def _term_sort_key(term: Term) -> tuple:
    if isinstance(term, ox.NamedNode):
        return (0, term.value)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.Literal):
        return (2, term.value, term.language or "", term.datatype.value)
    return (3, str(term))


def _triple_sort_key(triple: ox.Triple) -> tuple:
    is_type = triple.predicate.value != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    return (_term_sort_key(triple.subject), is_type, triple.predicate.value, _term_sort_key(triple.object))


def _plain(term: Term | None) -> str:
    """The W3C CSV value of a term: IRI, lexical form, ``_:label``, empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _csv_field(value: str) -> str:
    if any(c in value for c in '",\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    lines = [",".join(_csv_field(v) for v in variables)]
    lines.extend(",".join(_csv_field(_plain(term)) for term in row) for row in rows)
    return "".join(line + "\r\n" for line in lines)


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            value["datatype"] = term.datatype.value
        return value
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    bindings = [
        {name: _json_term(term) for name, term in zip(variables, row, strict=True) if term is not None}
        for row in rows
    ]
    return json.dumps(
        {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2
    )


def shorten(iri: str) -> str:
    """``prefix:local`` for an IRI in one of the newskg prefixes (longest namespace wins), else the IRI.

    >>> shorten("https://schema.org/Person"), shorten("https://example.org/x")
    ('schema:Person', 'https://example.org/x')
    """
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            local = iri[len(namespace) :]
            if local == "" or _PN_LOCAL.fullmatch(local):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def _display(term: Term | None) -> str:
    text = shorten(term.value) if isinstance(term, ox.NamedNode) else _plain(term)
    # One row per line: line breaks and tabs inside a value are shown escaped.
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters count 2.

    >>> display_width("Meta"), display_width("彭博社"), display_width("Ｍ")
    (4, 6, 2)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _table(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    cells = [[_display(term) for term in row] for row in rows]
    widths = [display_width(v) for v in variables]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    out = [line(variables), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


__all__ = ["QueryError", "QueryResult", "run_query", "ontology_path", "shorten", "display_width", "FORMATS"]
