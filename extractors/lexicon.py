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
    """A regex alternation matching the longest item first."""
    return "|".join(re.escape(item) for item in sorted(items, key=lambda s: (-len(s), s)))
