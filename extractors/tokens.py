"""The one place jieba is used: a private, lazily built tokenizer with part-of-speech tags.

jieba is wrapped once so that its global state (dictionary, log level, user words) never
leaks between callers, and so that its slow dictionary load happens only when needed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    pos: str


@lru_cache(maxsize=1)
def _tagger() -> Any:
    try:
        import jieba
        import jieba.posseg
    except ImportError as error:  # pragma: no cover - jieba is a declared dependency
        raise ImportError("newskg needs jieba for Chinese word segmentation: pip install jieba") from error
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return jieba.posseg.POSTokenizer(tokenizer)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words of ``text`` with jieba POS tags and offsets shifted by ``offset``.

    HMM stays on: it is what lets jieba propose words (often names) that are not in its
    dictionary, which is most of what a news NER needs from it.
    """
    tokens = []
    position = 0
    for pair in _tagger().cut(text, HMM=True):
        word, pos = pair.word, pair.flag
        start = text.find(word, position)
        if start < 0:  # jieba never rewrites text, but never trust an offset blindly
            continue
        position = start + len(word)
        tokens.append(Token(offset + start, offset + position, word, pos))
    return tokens


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 if never): everyday words are frequent."""
    return int(_tagger().tokenizer.FREQ.get(word) or 0)
