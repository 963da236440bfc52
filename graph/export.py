"""Graph -> bytes on disk, deterministically and fast; and Turtle back into a graph.

``turtle_bytes`` hands the triples to pyoxigraph's Turtle serializer in a fixed order (subjects by
IRI; within a subject ``rdf:type`` first, then by predicate and object), so the same graph always
gives the same bytes, in time linear in its size (rdflib's own Turtle writer is super-linear).
``atomic_write`` never leaves a half-written file: readers see the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from ontology.namespaces import PREFIXES

_XSD_STRING = str(XSD.string)
_RDF_LANG_STRING = str(RDF.langString)
_RDF_TYPE = str(RDF.type)


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key that compares digit runs as numbers (``span/…/32-64`` before ``span/…/144-178``).

    The text itself is the last element, so distinct strings never tie ("01" vs "1").
    """
    parts = _DIGITS.split(text)
    return (tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), text)


def _term_sort_key(term: Node) -> tuple:
    if isinstance(term, URIRef):
        return (0, natural_key(str(term)))
    if isinstance(term, BNode):
        return (1, natural_key(str(term)))
    if isinstance(term, Literal):
        return (2, (), str(term), term.language or "", str(term.datatype or ""))
    raise TypeError(f"not an RDF term: {term!r}")


def sorted_triples(graph: Graph | Iterable[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """The graph's (or any collection of triples') triples in output order.

    Subjects by IRI (digit runs compared as numbers); within a subject ``rdf:type`` first, then by
    predicate and object, so a node reads as "what it is, then what it has".
    """
    by_subject: dict[Node, list[tuple[Node, Node]]] = {}
    for s, p, o in graph:
        by_subject.setdefault(s, []).append((p, o))
    ordered: list[tuple[Node, Node, Node]] = []
    for subject in sorted(by_subject, key=_term_sort_key):
        pairs = by_subject[subject]
        pairs.sort(key=lambda po: (str(po[0]) != _RDF_TYPE, str(po[0]), _term_sort_key(po[1])))
        ordered.extend((subject, p, o) for p, o in pairs)
    return ordered


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (IRIs validated here: a bad IRI fails at once)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term for a pyoxigraph term (lexical forms kept exactly as they are)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not a pyoxigraph term: {term!r}")


def term_converter() -> Callable[[Node], ox.NamedNode | ox.BlankNode | ox.Literal]:
    """``to_oxigraph`` with a memory: predicates, types and entity IRIs recur on every other line of a
    graph, so each term is converted once."""
    cache: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def convert(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        converted = cache.get(term)
        if converted is None:
            converted = cache[term] = to_oxigraph(term)
        return converted

    return convert


def oxigraph_triples(graph: Graph, ordered: bool = True) -> Iterator[ox.Triple]:
    """The graph's triples as pyoxigraph triples, in ``sorted_triples`` order (else in rdflib's order:
    loading into a database needs no order, and sorting a million triples takes half a minute).
    """
    convert = term_converter()
    for s, p, o in sorted_triples(graph) if ordered else graph:
        yield ox.Triple(convert(s), convert(p), convert(o))  # type: ignore[arg-type]


def serialize_triples(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle of pyoxigraph triples, in the order given, with the newskg prefixes."""
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert data is not None  # no output given: pyoxigraph returns the bytes
    return data


def turtle_bytes(graph: Graph) -> bytes:
    """Deterministic Turtle (UTF-8) of a graph: the same triples always give the same bytes."""
    return serialize_triples(oxigraph_triples(graph))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a temporary file beside it, fsync, then ``os.replace``.

    On any error the temporary file is removed and an existing file at ``path`` is left untouched.
    A new file gets the usual permissions (0o666 less the umask); a replaced one keeps its mode.
    """
    target = Path(path)
    directory = target.parent
    for _ in range(100):
        temp = directory / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:  # another writer picked the same name: try another
            continue
    else:
        raise FileExistsError(f"{target}: could not create a temporary file beside it")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, os.stat(target).st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), hence best effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_turtle(graph: Graph, path: str | os.PathLike[str]) -> None:
    """Write the graph as deterministic Turtle to ``path``, atomically."""
    atomic_write(path, turtle_bytes(graph))


def load_graph(path: str | os.PathLike[str]) -> Graph:
    """Load a Turtle file into an rdflib graph.

    Parsed by pyoxigraph and converted term by term: on 200k triples 2.4 s, against 4.5 s for
    rdflib with oxrdflib's ``ox-turtle`` parser and 7.2 s for rdflib's own. A file that is not
    Turtle, or one that cannot be read, raises ``ValueError`` naming it; a missing one
    ``FileNotFoundError``.
    """
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    cache: dict[object, Node] = {}

    def convert(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        converted = cache.get(term)
        if converted is None:
            converted = cache[term] = from_oxigraph(term)
        return converted

    add = graph.add
    try:
        for triple in ox.parse(path=os.fspath(path), format=ox.RdfFormat.TURTLE):
            add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    except SyntaxError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
        raise ValueError(f"{os.fspath(path)}: not valid Turtle: {first_line}") from None
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise ValueError(f"{os.fspath(path)}: cannot read: {error.strerror or error}") from None
    return graph


__all__ = [
    "atomic_write",
    "from_oxigraph",
    "load_graph",
    "oxigraph_triples",
    "term_converter",
    "serialize_triples",
    "sorted_triples",
    "to_oxigraph",
    "turtle_bytes",
    "write_turtle",
]
