"""Text -> annotations for a whole corpus: read, segment, find mentions, resolve entities, find facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from extractors.entities import link_documents, resolve_document
from extractors.mentions import DocumentView, find_mentions
from extractors.model import Document, Entity, Fact, Mention, Sentence
from extractors.relations import RelationExtractor, Slot, salient_company
from extractors.segment import split_sentences


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


def extract_corpus(documents: Sequence[Document], progress: Callable[[int], None] | None = None) -> Corpus:
    """Run every extractor over ``documents`` and resolve entities across them.

    The result depends only on the documents' content and ids, never on their order.
    ``progress(n)`` is called as work is done, ``2 * len(documents)`` steps in all (each document
    is read for names once, then for facts once the entities are known across documents).
    """
    advance = progress or (lambda n: None)
    ordered = sorted(documents, key=lambda d: d.id)
    clusters = []
    for doc in ordered:
        clusters.append(resolve_document(find_mentions(doc, DocumentView(doc)), doc.raw))
        advance(1)
    entities, assignment = link_documents(clusters)
    by_key = {e.key: e for e in entities}
    extractions = []
    for doc, doc_clusters, keys in zip(ordered, clusters, assignment, strict=True):
        slots: dict[tuple[int, int], Slot] = {}
        resolved: list[Mention] = []
        for index, cluster in enumerate(doc_clusters):
            entity = by_key[keys[index]]
            for m in cluster.mentions:
                slots[(m.start, m.end)] = Slot(entity.key, entity.type, entity.kind, m.start, m.end)
                resolved.append(replace(m, type=entity.type, entity=entity.key))
        resolved.sort(key=lambda m: (m.start, m.end))
        sentences = split_sentences(doc)
        extractor = RelationExtractor(doc.id, doc.raw, doc.year, slots, salient_company(list(slots.values())))
        facts = extractor.extract(sentences, resolved)
        extractions.append(Extraction(doc, tuple(sentences), tuple(resolved), tuple(facts)))
        advance(1)
    entities = [
        replace(e, mentions=tuple(m for x in extractions for m in x.mentions if m.entity == e.key))
        for e in entities
    ]
    return Corpus(tuple(extractions), tuple(entities))


def extract_document(document: Document) -> Extraction:
    """Extraction of one document on its own (entities resolved within it only)."""
    return extract_corpus([document]).extractions[0]
