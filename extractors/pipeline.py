"""Text -> annotations for a whole corpus: read, segment, find mentions, resolve entities, find facts."""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from extractors.entities import Cluster, link_documents, resolve_document
from extractors.mentions import DocumentView, find_mentions
from extractors.model import Document, Entity, Fact, Mention, Region, Sentence
from extractors.relations import RelationExtractor, Slot, salient_company
from extractors.segment import split_sentences
from extractors.text import normalize


@dataclass(frozen=True)
class Extraction:
    """What one document yields. Entity keys here are already the corpus-wide keys."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Corpus:
    """All documents' extractions with entities resolved across documents (one per real entity)."""

    extractions: tuple[Extraction, ...]  # sorted by document id
    entities: tuple[Entity, ...]  # sorted by key; each holds its mentions from every document

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(x.document for x in self.extractions)

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(f for x in self.extractions for f in x.facts)


class ExtractionCache(Protocol):
    """What earlier runs found, per document (``graph/store.py`` keeps one on disk).

    Both passes over a document are pure functions of their input: the names pass of the document
    alone, the facts pass of the document and the corpus-wide identity of its entities, summed up
    by ``task_digest``. So a cached result is exactly what running the pass again would give.
    """

    def clusters(self, document: Document) -> list[Cluster] | None:
        """The names pass's result for this document, if it is known."""
        ...

    def extraction(self, document: Document, task: str) -> Extraction | None:
        """The facts pass's result for this document and task digest, if it is known."""
        ...

    def keep(self, document: Document, clusters: list[Cluster], task: str, extraction: Extraction) -> None:
        """Remember both passes' results for this document."""
        ...


def extract_corpus(
    documents: Sequence[Document],
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
) -> Corpus:
    """Run every extractor over ``documents`` and resolve entities across them.

    The result depends only on the documents' content and ids, never on their order nor on
    ``jobs``, the number of processes to spread the documents over (each document is read on its
    own; only entity linking needs them all at once). ``progress(n)`` is called as work is done,
    ``2 * len(documents)`` steps in all: each document is read for names once, then for facts once
    the entities are known across documents. With a ``cache``, a pass whose result it holds is not
    run again (entity linking always is: it depends on every document).
    """
    advance = progress or (lambda n: None)
    ordered = sorted(documents, key=lambda d: d.id)
    with _DocumentMap(jobs, len(ordered)) as run:
        known = [cache.clusters(doc) for doc in ordered] if cache else [None] * len(ordered)
        clusters = _run_missing(run, _names_of, ordered, known, advance)
        entities, assignment = link_documents(clusters)
        by_key = {e.key: e for e in entities}
        tasks = [
            (doc, [(cluster.mentions, by_key[keys[i]]) for i, cluster in enumerate(doc_clusters)])
            for doc, doc_clusters, keys in zip(ordered, clusters, assignment, strict=True)
        ]
        digests = [task_digest(task) for task in tasks]
        done = (
            [cache.extraction(doc, digest) for doc, digest in zip(ordered, digests, strict=True)]
            if cache
            else [None] * len(ordered)
        )
        extractions = _run_missing(run, _facts_of, tasks, done, advance)
    if cache:
        for doc, found, digest, extraction in zip(ordered, clusters, digests, extractions, strict=True):
            cache.keep(doc, found, digest, extraction)
    mentions_of: dict[str, list[Mention]] = {}
    for extraction in extractions:
        for mention in extraction.mentions:
            mentions_of.setdefault(mention.entity, []).append(mention)
    entities = [replace(e, mentions=tuple(mentions_of.get(e.key, ()))) for e in entities]
    return Corpus(tuple(extractions), tuple(entities))


def task_digest(task: tuple[Document, list[tuple[list[Mention], Entity]]]) -> str:
    """What the facts pass over a document depends on, as a digest: the document's content, and
    each of its entities' mentions with the corpus-wide key, type and kind (the rest of an
    ``Entity``, its other documents' mentions, is not used by ``_facts_of``).
    """
    document, named = task
    summary = [(tuple(mentions), entity.key, entity.type, entity.kind) for mentions, entity in named]
    text = repr((document.id, document.sha256, summary))  # frozen dataclasses: a faithful, stable repr
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _run_missing(
    run: _DocumentMap,
    function: Callable[[T], R],
    items: Sequence[T],
    known: Sequence[R | None],
    advance: Callable[[int], None],
) -> list[R]:
    """``function`` over the items whose result is not ``known`` yet; the known ones as they are."""
    missing = [i for i, result in enumerate(known) if result is None]
    advance(len(items) - len(missing))
    results = list(known)
    for i, result in zip(missing, run(function, [items[i] for i in missing], advance), strict=True):
        results[i] = result
    return results  # type: ignore[return-value]  # every None has been filled


def _names_of(document: Document) -> list[Cluster]:
    """First pass over one document: its mentions, grouped into the entities it names."""
    return resolve_document(find_mentions(document, DocumentView(document)), document.raw)


def _facts_of(task: tuple[Document, list[tuple[list[Mention], Entity]]]) -> Extraction:
    """Second pass over one document, once its entities have corpus-wide keys: the facts."""
    document, named = task
    slots: dict[tuple[int, int], Slot] = {}
    resolved: list[Mention] = []
    for mentions, entity in named:
        for m in mentions:
            slots[(m.start, m.end)] = Slot(entity.key, entity.type, entity.kind, m.start, m.end)
            resolved.append(replace(m, type=entity.type, entity=entity.key))
    resolved.sort(key=lambda m: (m.start, m.end))
    view = normalize(document.raw)
    sentences = split_sentences(document, view)
    extractor = RelationExtractor(
        document.id,
        document.raw,
        document.year,
        slots,
        salient_company(list(slots.values())),
        view,
        published_month=document.month,
    )
    facts = extractor.extract(sentences, resolved)
    return Extraction(document, tuple(sentences), tuple(resolved), tuple(facts))


T = TypeVar("T")
R = TypeVar("R")


class _DocumentMap:
    """Maps a function over documents, in order: in this process, or in a pool of ``jobs`` processes.

    The pool is started on the first call with enough documents to share out (with a cache, often
    none are left to extract). Workers are forked, so they start with the dictionaries (jieba's,
    the reference list) that this process has already loaded instead of loading them again.
    """

    def __init__(self, jobs: int, size: int) -> None:
        parallel = jobs > 1 and size >= 2 * jobs and "fork" in multiprocessing.get_all_start_methods()
        self.jobs = jobs if parallel else 1
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _DocumentMap:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __call__(
        self, function: Callable[[T], R], items: Sequence[T], advance: Callable[[int], None]
    ) -> list[R]:
        if self.pool is None and self.jobs > 1 and len(items) >= 2 * self.jobs:
            _warm_up()
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        chunk = max(1, len(items) // (self.jobs * 8))
        results = self.pool.map(function, items, chunksize=chunk) if self.pool else map(function, items)
        out = []
        for result in results:
            out.append(result)
            advance(1)
        return out


def _warm_up() -> None:
    """Load the dictionaries once, before the workers are forked."""
    _names_of(Document(id="warm-up", source="", raw="张三表示", sha256="", regions=(Region(0, 4),)))


def extract_document(document: Document) -> Extraction:
    """Extraction of one document on its own (entities resolved within it only)."""
    return extract_corpus([document]).extractions[0]
