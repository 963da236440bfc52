"""A normalized view of raw text that keeps every offset.

Extractors match against ``normalize(raw)``, which has exactly the same length as ``raw``:
each character is replaced by at most one character, so an offset found in the view is an
offset into the raw text. Repairs made here:

- full-width ASCII and other NFKC single-character folds (``（`` -> ``(``, ``Ａ`` -> ``A``);
- the dots of transliterated names (``•`` ``・`` ``‧`` ``．`` between CJK) -> ``·``;
- a ``?`` or ``.`` glued between two transliteration characters, left where a ``·`` was lost
  in a bad re-encoding (``马克?扎克伯格``), -> ``·``. A genuine question ends in a particle
  (吗, 呢, 吧 …) or is followed by a word that is no transliteration, so ``真的吗?好`` and
  ``是特斯拉?答案是`` keep their question marks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.lexicon import translit_chars
from ontology.keys import has_cjk

NAME_DOT = "·"
_DOT_LIKE = "•・‧．·"
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DOT_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}])[?.{_DOT_LIKE}](?=[{CJK}])")


class _Folds(dict[int, str]):
    """The ``str.translate`` table of the view: each character's NFKC fold where that is one character,
    else the character itself; filled in as characters are met (a few thousand distinct ones in a
    corpus). Translating is twice as fast as joining the folds of the characters one by one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        self[code] = folded if len(folded) == 1 else ch
        return self[code]


_FOLDS = _Folds()


def _repair_dot(match: re.Match[str]) -> str:
    if match.group() not in "?.":
        return NAME_DOT
    # "?" or "." between two characters of a transliteration is a lost name dot
    before, after = match.string[match.start() - 1], match.string[match.end()]
    if before in translit_chars() and after in translit_chars():
        return NAME_DOT
    return match.group()


def normalize(raw: str) -> str:
    """Return the same-length normalized view of ``raw``.

    >>> normalize("马克?扎克伯格（Mark）")
    '马克·扎克伯格(Mark)'
    """
    # NFKC would turn "·" into "·" already; "？" folds to "?" and is then repaired like "?".
    view = raw.translate(_FOLDS)
    view = _DOT_BETWEEN_CJK.sub(_repair_dot, view)
    assert len(view) == len(raw)
    return view


_NOT_IN_KEYS = re.compile(rf"[\s?？{_DOT_LIKE}·]")


# extraction compares the same few thousand names over and over (67,000 calls for 7,600 names in 174
# articles); the bound only keeps a long run's memory in check
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form two names are compared in: NFKC, casefolded, no spaces, every name dot removed.

    >>> name_key("马克?扎克伯格") == name_key("马克 · 扎克伯格")
    True
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    return _NOT_IN_KEYS.sub("", text)


__all__ = ["CJK", "NAME_DOT", "has_cjk", "name_key", "normalize"]
