"""Text -> annotations for a whole corpus: read, segment, find mentions, resolve entities, find facts."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar

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


def extract_corpus(
    documents: Sequence[Document], progress: Callable[[int], None] | None = None, jobs: int = 1
) -> Corpus:
    """Run every extractor over ``documents`` and resolve entities across them.

    The result depends only on the documents' content and ids, never on their order nor on
    ``jobs``, the number of processes to spread the documents over (each document is read on its
    own; only entity linking needs them all at once). ``progress(n)`` is called as work is done,
    ``2 * len(documents)`` steps in all: each document is read for names once, then for facts once
    the entities are known across documents.
    """
    advance = progress or (lambda n: None)
    ordered = sorted(documents, key=lambda d: d.id)
    with _DocumentMap(jobs, len(ordered)) as run:
        clusters = run(_names_of, ordered, advance)
        entities, assignment = link_documents(clusters)
        by_key = {e.key: e for e in entities}
        tasks = [
            (doc, [(cluster.mentions, by_key[keys[i]]) for i, cluster in enumerate(doc_clusters)])
            for doc, doc_clusters, keys in zip(ordered, clusters, assignment, strict=True)
        ]
        extractions = run(_facts_of, tasks, advance)
    mentions_of: dict[str, list[Mention]] = {}
    for extraction in extractions:
        for mention in extraction.mentions:
            mentions_of.setdefault(mention.entity, []).append(mention)
    entities = [replace(e, mentions=tuple(mentions_of.get(e.key, ()))) for e in entities]
    return Corpus(tuple(extractions), tuple(entities))


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
        document.id, document.raw, document.year, slots, salient_company(list(slots.values())), view
    )
    facts = extractor.extract(sentences, resolved)
    return Extraction(document, tuple(sentences), tuple(resolved), tuple(facts))


T = TypeVar("T")
R = TypeVar("R")


class _DocumentMap:
    """Maps a function over documents, in order: in this process, or in a pool of ``jobs`` processes.

    Workers are forked, so they start with the dictionaries (jieba's, the reference list) that this
    process has already loaded instead of loading them again.
    """

    def __init__(self, jobs: int, size: int) -> None:
        parallel = jobs > 1 and size >= 2 * jobs and "fork" in multiprocessing.get_all_start_methods()
        self.jobs = jobs if parallel else 1
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _DocumentMap:
        if self.jobs > 1:
            _warm_up()
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __call__(
        self, function: Callable[[T], R], items: Sequence[T], advance: Callable[[int], None]
    ) -> list[R]:
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
