"""A persistent newskg store: an Oxigraph database on disk that later builds update incrementally.

A store directory holds::

    newskg-store.json      the manifest: its articles (id -> sha256, cache file), base IRI, data directory
    articles/<digest>.json what extraction found in each article (both passes), keyed by id and sha256
    oxigraph-<n>/          the Oxigraph database the manifest names: the graph, and the ontology in the
                           named graph <https://w3id.org/newskg/ontology/>

The articles of a store are those its manifest lists. ``update_store`` adds or replaces articles and
removes others; afterwards the store holds exactly the graph ``newskg build`` makes of its articles
from scratch. Entity nodes, labels, keys and links across articles depend on every article, so
linking and graph building always run over all of them; what is saved is extraction, the slow part:
an article whose id and sha256 are unchanged is not read for names again, and its facts are not
extracted again unless the identity of its entities changed (see ``ExtractionCache``). The cache is
valid only for the extractor code and data that made it (``extractor_fingerprint``); any change to
them re-extracts everything. When no article, no extractor and not the base IRI changed, the
database is left as it is (the graph is a function of those three).

Interruption safety: the manifest is the single commit point. A new graph is bulk-loaded into a
fresh ``oxigraph-<n+1>``, closed, and only then does the manifest name it (``atomic_write``: a
temporary file, fsync, rename). A crash before that leaves the old manifest naming the old, untouched
database; one after it leaves an orphaned old database, removed by the next update. A database is
never written again once a manifest names it, which also makes opening it read-only while another
process builds safe (Oxigraph does not support a read-only reader beside a writer on one database).
Cache files are self-checking (id, sha256, fingerprint, task digest), so a crash between writing them
and the manifest can only make the next run extract something again. One writer at a time: updates
take an exclusive lock on ``.lock``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import json
import os
import shutil
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extractors.entities import Cluster
from extractors.model import Document, Fact, Mention, Sentence
from extractors.pipeline import Corpus, Extraction, extract_corpus
from graph.build import build_graph
from graph.export import atomic_write, oxigraph_triples
from graph.formatting import first_line
from ontology import iris
from ontology.known import by_id
from ontology.namespaces import ONTOLOGY_IRI

MANIFEST = "newskg-store.json"
ARTICLES = "articles"
DATABASE_PREFIX = "oxigraph-"
LOCK = ".lock"
LIST_ARTICLES = "SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id } ORDER BY ?id"
FORMAT = 1  # of the manifest and the cache files; another number means "rebuild from the articles"


class StoreError(Exception):
    """A store directory that cannot be used or an article it does not hold. One line, naming it."""


@dataclass(frozen=True)
class StoreUpdate:
    """What one update did: the corpus now in the store and how much extraction was saved."""

    corpus: Corpus
    triples: int
    extracted: int  # articles read for names (new, changed, or the cache was stale)
    reused: int  # articles whose names came from the cache
    refacted: int  # reused articles whose facts were extracted again: the identity of their entities changed
    removed: tuple[str, ...]


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a store directory (it has a manifest)."""
    return (Path(path) / MANIFEST).is_file()


def open_store(path: str | os.PathLike[str]) -> ox.Store:
    """The store's Oxigraph database, opened read-only (for queries)."""
    directory = Path(path)
    manifest = _read_manifest(directory)
    if manifest is None:
        raise StoreError(
            f"{directory}: not a newskg store (no {MANIFEST}); make one with newskg build --store {directory}"
        )
    try:
        return ox.Store.read_only(str(directory / manifest["data"]))
    except OSError as error:
        raise StoreError(f"{directory}: cannot open the store's database: {first_line(error)}") from None


def update_store(
    path: str | os.PathLike[str],
    add: Sequence[Document] = (),
    remove: Sequence[str] = (),
    base: str | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> StoreUpdate:
    """Add (or replace, by id) the articles ``add``, drop the articles ``remove``, rebuild the graph.

    ``base`` is the base IRI of the new graph (default: the one the store was built with, else the
    usual default). Creates the store when ``path`` does not exist or is an empty directory. Raises
    ``StoreError`` for a directory that is not a store and for an id the store does not hold.
    """
    directory = Path(path)
    _prepare(directory)
    with _locked(directory):
        manifest = _read_manifest(directory) or {"articles": {}}
        fingerprint = extractor_fingerprint()
        held = dict(manifest["articles"])
        unknown = sorted(set(remove) - set(held))
        if unknown:
            raise StoreError(
                f"{directory}: no article {', '.join(unknown)} in the store; list its articles with:"
                f" newskg query {directory} '{LIST_ARTICLES}'"
            )
        given = {doc.id: doc for doc in add}
        cache = _ArticleCache(directory, fingerprint)
        documents = list(given.values())
        for doc_id, entry in sorted(held.items()):
            if doc_id in remove or doc_id in given:
                continue
            document = cache.load(doc_id, entry)
            if document is None:
                raise StoreError(
                    f"{directory}: the saved extraction of {doc_id} is missing or damaged; give the article"
                    f" again (newskg build FILE --store {directory}) or remove it (newskg remove {doc_id}"
                    f" --store {directory})"
                )
            documents.append(document)
        base = iris.resolve_base(base or manifest.get("base"))
        corpus = extract_corpus(documents, progress, jobs, cache)
        cache.write()
        # The graph is a function of the articles (id, content, source file), the extractors and the base:
        # when none of them changed, the database already holds it.
        unchanged = (
            not remove
            and (manifest.get("fingerprint"), manifest.get("base")) == (fingerprint, base)
            and all(_holds(held.get(doc.id), doc) for doc in given.values())
        )
        if unchanged:
            return _summary(corpus, manifest["triples"], cache, ())
        graph = build_graph(corpus, base)
        number = int(manifest.get("data", f"{DATABASE_PREFIX}0").removeprefix(DATABASE_PREFIX)) + 1
        database = f"{DATABASE_PREFIX}{number}"
        _load_database(directory / database, graph)
        articles = {
            doc.id: {"sha256": doc.sha256, "source": doc.source, "cache": cache.file_name(doc)}
            for doc in corpus.documents
        }
        new_manifest = {
            "format": FORMAT,
            "fingerprint": fingerprint,
            "base": base,
            "data": database,
            "triples": len(graph),
            "articles": articles,
        }
        atomic_write(directory / MANIFEST, _json_bytes(new_manifest))  # the commit point
        _remove_unused(directory, database, {a["cache"] for a in articles.values()})
        return _summary(corpus, len(graph), cache, remove)


def _holds(entry: dict[str, Any] | None, document: Document) -> bool:
    """Whether the manifest's entry is this very article, from this very file."""
    return entry is not None and (entry["sha256"], entry["source"]) == (document.sha256, document.source)


def _summary(corpus: Corpus, triples: int, cache: _ArticleCache, removed: Sequence[str]) -> StoreUpdate:
    return StoreUpdate(
        corpus=corpus,
        triples=triples,
        extracted=cache.names_extracted,
        reused=len(corpus.documents) - cache.names_extracted,
        refacted=cache.facts_extracted - cache.names_extracted,
        removed=tuple(sorted(removed)),
    )


def extractor_fingerprint() -> str:
    """A digest of everything extraction depends on: the code and data of ``extractors`` and ``ontology``."""
    digest = hashlib.sha256()
    for package in ("extractors", "ontology"):
        for name, data in sorted(_package_files(resources.files(package), package)):
            digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _package_files(folder: Any, prefix: str) -> Iterator[tuple[str, bytes]]:
    for entry in folder.iterdir():
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _package_files(entry, name)
        elif entry.name.endswith((".py", ".txt", ".json")):
            yield name, entry.read_bytes()


# ---- the directory ---------------------------------------------------------------------------------


def _prepare(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise StoreError(f"{directory}: not a directory")
    if directory.is_dir() and not is_store(directory) and not all(map(_store_part, directory.iterdir())):
        raise StoreError(f"{directory}: not a newskg store and not empty; give a new or an empty directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / ARTICLES).mkdir(exist_ok=True)
    except OSError as error:
        raise StoreError(f"{directory}: cannot create the store: {error.strerror or error}") from None


def _store_part(entry: Path) -> bool:
    """Whether a directory entry is something a store update makes (a first one that crashed leaves them)."""
    name = entry.name
    return name in (LOCK, ARTICLES) or name.startswith((DATABASE_PREFIX, f".{MANIFEST}."))


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    with open(directory / LOCK, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{directory}: another newskg process is updating this store") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_manifest(directory: Path) -> dict[str, Any] | None:
    path = directory / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{path}: unreadable store manifest: {first_line(error)}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(f"{path}: a store of another newskg version; build it again in a new directory")
    return manifest


def _load_database(target: Path, graph: Any) -> None:
    """Bulk-load the graph and the ontology into a new database directory (see the module docstring)."""
    from graph.query import ontology_path  # graph.query opens stores through this module

    if target.exists():  # left over by an update that crashed before its manifest was written
        shutil.rmtree(target)
    store = ox.Store(str(target))
    default = ox.DefaultGraph()
    quads = (
        ox.Quad(t.subject, t.predicate, t.object, default) for t in oxigraph_triples(graph, ordered=False)
    )
    store.bulk_extend(quads)
    store.bulk_load(path=ontology_path(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))
    store.flush()
    del store  # closes the database before the manifest names it


def _remove_unused(directory: Path, database: str, cache_files: set[str]) -> None:
    for entry in directory.iterdir():
        if entry.name.startswith(DATABASE_PREFIX) and entry.name != database:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in (directory / ARTICLES).iterdir():
        if f"{ARTICLES}/{entry.name}" not in cache_files:
            with contextlib.suppress(OSError):
                entry.unlink()


# ---- the extraction cache --------------------------------------------------------------------------


class _ArticleCache:
    """Both passes' results per article, one JSON file each; an ``ExtractionCache`` for the pipeline."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any] | None] = {}  # cache file -> its content, None if unusable
        self.changed: dict[str, dict[str, Any]] = {}  # cache file -> new content
        self.names_extracted = 0
        self.facts_extracted = 0

    def file_name(self, document: Document) -> str:
        key = hashlib.sha256(f"{document.id}\0{document.sha256}".encode()).hexdigest()[:32]
        return f"{ARTICLES}/{key}.json"

    def load(self, doc_id: str, entry: dict[str, Any]) -> Document | None:
        """The document of an article the store holds (its cached results are remembered)."""
        content = self._read(entry["cache"])
        try:
            document = _decode(Document, content["document"]) if content else None
        except (ValueError, KeyError, TypeError):
            return None
        if document is None or document.id != doc_id or document.sha256 != entry["sha256"]:
            return None
        return document

    def _read(self, name: str) -> dict[str, Any] | None:
        if name not in self.entries:
            try:
                content = json.loads((self.directory / name).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                content = None
            self.entries[name] = content if isinstance(content, dict) and "document" in content else None
        return self.entries[name]

    def _valid(self, document: Document) -> dict[str, Any] | None:
        """The cache file's content if it was made from this very article by this very extractor code."""
        content = self._read(self.file_name(document))
        if content is None or content.get("fingerprint") != self.fingerprint:
            return None
        saved = content["document"]
        return content if (saved.get("id"), saved.get("sha256")) == (document.id, document.sha256) else None

    def clusters(self, document: Document) -> list[Cluster] | None:
        content = self._valid(document)
        if content is None:
            self.names_extracted += 1
            return None
        return [_decode_cluster(c) for c in content["clusters"]]

    def extraction(self, document: Document, task: str) -> Extraction | None:
        content = self._valid(document)
        if content is None or content.get("task") != task:
            self.facts_extracted += 1
            return None
        return Extraction(
            document=document,
            sentences=tuple(_decode(Sentence, s) for s in content["sentences"]),
            mentions=tuple(_decode(Mention, m) for m in content["mentions"]),
            facts=tuple(_decode(Fact, f) for f in content["facts"]),
        )

    def keep(self, document: Document, clusters: list[Cluster], task: str, extraction: Extraction) -> None:
        content = {
            "fingerprint": self.fingerprint,
            "document": _encode(document),
            "clusters": [_encode_cluster(c) for c in clusters],
            "task": task,
            "sentences": _encode(extraction.sentences),
            "mentions": _encode(extraction.mentions),
            "facts": _encode(extraction.facts),
        }
        name = self.file_name(document)
        if self._read(name) != content:
            self.changed[name] = self.entries[name] = content

    def write(self) -> None:
        for name, content in sorted(self.changed.items()):
            atomic_write(self.directory / name, _json_bytes(content))
        self.changed.clear()


# ---- JSON of the extractors' dataclasses ------------------------------------------------------------


def _encode(value: Any) -> Any:
    """Plain JSON data of a (nested) frozen dataclass; decimals as strings, to stay exact."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(kind: Any, data: Any) -> Any:
    """The inverse of ``_encode``, guided by the type hints of the dataclass fields."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _decode(inner, data)
    if origin in (tuple, list):
        (item, *_) = typing.get_args(kind)
        return origin(_decode(item, v) for v in data)
    if kind is Decimal:
        return Decimal(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _field_types(kind)
        return kind(**{name: _decode(hints[name], value) for name, value in data.items()})
    if kind in (int, float, str, bool) and not isinstance(data, kind):
        raise TypeError(f"expected {kind.__name__}, got {data!r}")
    return data


@functools.cache
def _field_types(kind: type) -> dict[str, Any]:
    # typing.get_type_hints evaluates the annotations' strings each time: once per class, not per value
    return typing.get_type_hints(kind)


def _encode_cluster(cluster: Cluster) -> dict[str, Any]:
    return {
        "mentions": _encode(cluster.mentions),
        "type": cluster.type,
        "kind": cluster.kind,
        "known": cluster.known.id if cluster.known else None,
    }


def _decode_cluster(data: dict[str, Any]) -> Cluster:
    known = by_id(data["known"]) if data["known"] else None
    if data["known"] and known is None:
        raise ValueError(f"unknown reference entity {data['known']!r}")  # cannot happen: fingerprinted
    return Cluster([_decode(Mention, m) for m in data["mentions"]], data["type"], data["kind"], known)


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


__all__ = [
    "StoreError",
    "StoreUpdate",
    "extractor_fingerprint",
    "is_store",
    "open_store",
    "update_store",
]
