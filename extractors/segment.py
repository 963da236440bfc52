"""Sentences: split each analysable region of a document at sentence-final punctuation."""

from __future__ import annotations

import re

from extractors.model import Document, Sentence
from extractors.text import normalize

# A sentence ends at 。！？!? or a semicolon-free line break; closing quotes and brackets that
# follow the terminator belong to the sentence they close.
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』)）\]]*|\n|$)")
# Markdown and list furniture at the start of a line is not part of the sentence.
_LEADING = re.compile(r"^[\s>#*\-+|]+")
_TRAILING = re.compile(r"\s+$")


def split_sentences(document: Document, view: str | None = None) -> list[Sentence]:
    """Sentences of every region, in text order, trimmed of whitespace and Markdown markers.

    ``view`` is ``normalize(document.raw)`` if the caller has it already.
    """
    sentences: list[Sentence] = []
    # Split the normalized view (same offsets) so that a "?" standing for a lost name dot
    # does not end a sentence.
    view = normalize(document.raw) if view is None else view
    for region in sorted(document.regions):
        text = view[region.start : region.end]
        for match in _SENTENCE.finditer(text):
            start, end = match.start(), match.end()
            piece = text[start:end]
            lead = _LEADING.match(piece)
            if lead:
                start += lead.end()
            trail = _TRAILING.search(text[start:end])
            if trail:
                end = start + trail.start()
            if end > start:
                begin = region.start + start
                stop = region.start + end
                sentences.append(Sentence(document.id, begin, stop, document.raw[begin:stop]))
    return sentences
