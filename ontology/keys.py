"""Readable keys for names: the slug every IRI path segment and entity key is made of.

Pure Python (no rdflib), so that the extractors, which mint entity keys, and ``ontology.iris``,
which turns keys into IRIs, share one definition.
"""

from __future__ import annotations

import re
import unicodedata

# Letters of the scripts that make a name "Chinese" (Han, kana, hangul, bopomofo); punctuation such as
# 《》 or · does not count, so "《The Information》" is still an English name.
_CJK = re.compile(
    "[\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f\U00030000-\U000323af]"
)
_NON_ALNUM_RUN = re.compile(r"[\W_]+")
# whitespace, path separators and control characters: a slug is one segment of a key or a path
_SEPARATOR_RUN = re.compile(r"[\s/\\\x00-\x1f\x7f]+")


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a Chinese (or other CJK) letter.

    >>> has_cjk("Scale AI公司"), has_cjk("Scale AI"), has_cjk("《The Information》")
    (True, False, False)
    """
    return _CJK.search(text) is not None


def slug(text: str) -> str:
    """A readable, normalized key segment for a name or a document id.

    A name without CJK letters is lowercased and every run of non-alphanumerics becomes ``-``;
    a Chinese name is kept as written after NFKC folding, with ``?`` (a lost ``·``, see seed 000)
    turned back into ``·`` and runs of whitespace, ``/`` or ``\\`` into ``-``.

    >>> slug("Alexandr Wang"), slug("Llama 4"), slug("000_43652604587c5b95.txt")
    ('alexandr-wang', 'llama-4', '000-43652604587c5b95-txt')
    >>> slug("瓦汉?彼得罗西安")
    '瓦汉·彼得罗西安'
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if has_cjk(folded):
        result = _SEPARATOR_RUN.sub("-", folded.replace("?", "·")).strip("-")
    else:
        result = _NON_ALNUM_RUN.sub("-", folded.lower()).strip("-")
    if not result:
        raise ValueError(f"cannot make a slug of {text!r}: it has no letters or digits")
    return result
