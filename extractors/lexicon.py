"""The word lists the rules read (``extractors/data/*.txt``), loaded once.

Each list is plain text, one item per line (``#`` starts a comment), so that a linguist can
review and extend it without reading code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        content = line.split("#", 1)[0].strip()  # "#" starts a comment, on a line of its own or after an item
        if content:
            rows.append(content)
    return rows


@cache
def words(name: str) -> frozenset[str]:
    """The first column of every line of a list."""
    return frozenset(row.split("\t")[0].strip() for row in _lines(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """First column -> the other tab-separated columns."""
    rows = {}
    for row in _lines(name):
        cells = [cell.strip() for cell in row.split("\t")]
        rows[cells[0]] = tuple(cells[1:])
    return rows


@cache
def characters(name: str) -> frozenset[str]:
    """Every character of a list written as characters, several a line (translit_chars.txt)."""
    return frozenset(ch for row in _lines(name) for ch in row if not ch.isspace())


def translit_chars() -> frozenset[str]:
    """Characters Chinese uses to transliterate foreign names (阿, 克, 斯 …)."""
    return characters("translit_chars.txt")


def alternation(items: frozenset[str] | list[str]) -> str:
    """A regex alternation matching the longest item first.

    Written as a trie (``阿里(?:巴巴(?:集团)?|云)``), not as a flat list of items: Python's regex engine
    tries a flat alternation item by item at every position of the text, which on the ~5,000 known
    names costs more than all the other rules together; the trie reads each character once. At every
    node the longer continuations are tried before the item ending there, so the match (and what a
    surrounding pattern backtracks into) is the same as with the items sorted longest first.

    >>> alternation(["阿里", "阿里云", "阿里巴巴"])
    '阿里(?:云|巴巴)?'
    >>> re.match(alternation(["ab", "abcd"]), "abce").group()
    'ab'
    """
    trie: dict[str, dict] = {}
    for item in items:
        if item:
            node = trie
            for ch in item:
                node = node.setdefault(ch, {})
            node[""] = {}  # an item ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    """The regex of a trie node: its branches in character order, then the empty end (as ``?``)."""
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        run = re.escape(ch)
        while len(child) == 1 and "" not in child:  # a chain of single characters needs no group
            ((ch, child),) = child.items()
            run += re.escape(ch)
        branches.append(run + _trie_regex(child) if child else run)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "|".join(branches)
    if "" in node:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body if len(branches) == 1 else f"(?:{body})"
