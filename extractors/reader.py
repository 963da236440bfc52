"""Files -> Documents: find the articles, decode their bytes, and mark what is prose to analyse.

Three formats are read:

- ``.txt`` with an optional first line ``发布时间: 2025/6/12 16:44:34 | 20 次阅读`` (the publication date);
- ``.md`` / ``.markdown`` (and any ``.txt`` whose first line is ``---``) with YAML front matter
  (``title``, ``date``, ``tags``, ``summary``) and footnote definitions ``[^1]: …`` as cited sources;
- ``.jsonl`` corpora, one ``{"id": …, "text": …}`` object per line.

A file that cannot be read becomes one :class:`ReadProblem` naming it; the rest are still read.

Offsets everywhere are code points into ``Document.raw``: the decoded text with its line ends
normalized to ``\\n`` and nothing else changed. That normalization happens once, here, as part of
decoding; afterwards the raw text is never rewritten, and every region and citation satisfies
``raw[start:end] == text``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from extractors.model import Citation, Document, Region
from ontology.keys import slug

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
_ARTICLE_GLOBS = ", ".join("*" + suffix for suffix in ARTICLE_SUFFIXES)


@dataclass(frozen=True, order=True)
class ReadProblem:
    """Why one input (a file, a directory, a line of a ``.jsonl`` file) was not read."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class ReadResult:
    """Everything read from the inputs: documents sorted by id, and the problems met on the way."""

    documents: tuple[Document, ...]
    problems: tuple[ReadProblem, ...]


class UnreadableText(ValueError):
    """Bytes or text that cannot become a Document; the message says why (without the file name)."""


# ---------------------------------------------------------------------------------------------
# Reading inputs


def read_inputs(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str]) -> ReadResult:
    """Read every article in ``paths`` (files, or directories walked recursively).

    Directories yield their ``*.txt``, ``*.md``, ``*.markdown`` and ``*.jsonl`` files, hidden files
    and directories skipped. An article's id is its path inside the directory given (``2025/a.txt``),
    or its file name when the file itself is given. Files are read in sorted path order, so when two
    documents share an id the first in that order is kept and the second reported. The result does
    not depend on the order of ``paths``.

    >>> result = read_inputs(["seeds"])  # doctest: +SKIP
    >>> [doc.id for doc in result.documents]  # doctest: +SKIP
    ['000_43652604587c5b95.txt', '003_2f044a086ea3d3b8.txt']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files, problems = _collect_files(paths)

    documents: dict[str, Document] = {}
    for source, path, document_id in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(((source, 0), ReadProblem(source, f"cannot read: {_reason(error)}")))
            continue
        if path.suffix.lower() == ".jsonl":
            records, record_problems = _read_jsonl(source, data)
            problems.extend(((source, lineno), problem) for lineno, problem in record_problems)
        else:
            try:
                records = [(0, read_article(source, data, document_id))]
            except UnreadableText as error:
                problems.append(((source, 0), ReadProblem(source, str(error))))
                continue
        for lineno, document in records:
            where = f"{source}:{lineno}" if lineno else source
            try:
                # Documents are told apart in the graph by the slug of their id (their IRIs), so two
                # ids with one slug (a-b.txt, a_b.txt, A-B.txt) would merge two articles into one.
                key = slug(document.id)
            except ValueError:
                message = f"document id {document.id!r} has no letters or digits to name it by"
                problems.append(((source, lineno), ReadProblem(where, message)))
                continue
            first = documents.get(key)
            if first is not None:
                if first.id == document.id:
                    clash = f"duplicate document id {document.id!r}"
                else:
                    clash = f"document id {document.id!r} names the same IRI as {first.id!r}"
                message = f"{clash} (already read from {first.source}); rename one of them"
                problems.append(((source, lineno), ReadProblem(where, message)))
                continue
            documents[key] = document

    return ReadResult(
        documents=tuple(sorted(documents.values(), key=lambda document: document.id)),
        # dict.fromkeys: a missing path given twice is reported once.
        problems=tuple(dict.fromkeys(problem for _, problem in sorted(problems, key=lambda item: item[0]))),
    )


def _collect_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[tuple[str, Path, str]], list[tuple[tuple[str, int], ReadProblem]]]:
    """The article files named by ``paths`` as (source, path, document id), sorted by source, each once."""
    found: list[tuple[str, Path, str]] = []
    problems: list[tuple[tuple[str, int], ReadProblem]] = []

    def report(where: str, message: str) -> None:
        problems.append(((where, 0), ReadProblem(where, message)))

    for given in paths:
        path = Path(given)
        # The source keeps the user's spelling (relative stays relative), in posix form so that
        # the graph says the same thing on every platform.
        source = path.as_posix()
        if path.is_dir():
            problems_before = len(problems)
            articles = _walk(path, report)
            # An unreadable directory has been reported already; "no articles" would repeat it.
            if not articles and len(problems) == problems_before:
                report(
                    source,
                    f"no articles in this directory (looked for {_ARTICLE_GLOBS}; hidden files are skipped)",
                )
            found.extend(articles)
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append((source, path, path.name))
            else:
                kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
                report(source, f"not an article file ({kind}); expected {_ARTICLE_GLOBS}")
        elif os.path.lexists(path) and not path.exists():
            report(source, "broken symbolic link (its target does not exist)")
        elif path.exists():
            report(source, "not a regular file or directory")
        else:
            report(source, "no such file or directory (check the path)")

    files: list[tuple[str, Path, str]] = []
    seen: set[str] = set()
    # The same file named twice (as itself and inside its directory) is read once, and sorting by
    # id too makes which of its ids it keeps independent of the order of the inputs.
    for source, path, document_id in sorted(found, key=lambda item: (item[0], item[2])):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append((source, path, document_id))
    return files, problems


def _walk(directory: Path, report: Callable[[str, str], None]) -> list[tuple[str, Path, str]]:
    """Article files under ``directory``, recursively, skipping hidden files and directories, with
    their paths inside it as document ids: ``2025/a.txt`` and ``2026/a.txt`` are two articles."""

    def on_error(error: OSError) -> None:
        where = Path(error.filename).as_posix() if error.filename else directory.as_posix()
        report(where, f"cannot read directory: {_reason(error)}")

    articles = []
    for folder, dirnames, filenames in os.walk(directory, onerror=on_error):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(folder) / name
            if path.is_file():
                articles.append((path.as_posix(), path, path.relative_to(directory).as_posix()))
    return articles


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# ---------------------------------------------------------------------------------------------
# Decoding

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that do not occur in text: C0 controls other than tab, line feed, vertical tab, form feed,
# carriage return and escape (ANSI colour codes), and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# Share of control bytes above which a file without NUL bytes still counts as binary.
_MAX_CONTROL_SHARE = 0.3
# Below this plausibility (see _plausibility) a strict decoding is taken for mojibake: e.g.
# Windows-1252 quotes or Shift-JIS bytes that happen to form valid GB18030 pairs.
_MIN_PLAUSIBILITY = 0.3


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode article bytes to ``(raw, encoding)``: UTF-8 (BOM stripped), else GB18030 or Big5.

    Line ends (CRLF, CR) become LF; nothing else changes. Raises :class:`UnreadableText` for
    empty, binary and undecodable input.

    >>> decode_text("臉書創辦人\\r\\n".encode("big5"))
    ('臉書創辦人\\n', 'big5')
    """
    text, encoding = _decode(data)
    raw = normalize_newlines(text)
    if not raw.strip():
        raise UnreadableText("empty file")
    return raw, encoding


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR -> LF. The only change made to decoded text; offsets are into its result.

    >>> normalize_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str]:
    """Decoded text (line ends untouched, BOM removed) and the codec that decoded it."""
    if not data.strip():
        raise UnreadableText("empty file")
    if data.startswith(_UTF16_BOMS):
        raise UnreadableText("UTF-16 text is not supported (save the file as UTF-8)")
    if b"\x00" in data or len(data.translate(None, _CONTROL_BYTES)) < (1 - _MAX_CONTROL_SHARE) * len(data):
        raise UnreadableText("binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM followed by something else: let the legacy encodings have a go
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass

    # Not UTF-8: a Chinese legacy encoding. GB18030 (a superset of GB2312 and GBK) and Big5 use
    # overlapping byte ranges, so text in one often decodes without error in the other, as
    # nonsense. Both are decoded strictly, and the one whose result looks like Chinese wins.
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text, encoding), encoding, text.removeprefix("\ufeff")))
    if candidates:
        # A text without letters (only symbols and punctuation) gives no evidence either way: it
        # ranks as just plausible enough. max() keeps the first of equal scores: GB18030, the
        # more common encoding of Chinese news.
        score, encoding, text = max(
            candidates, key=lambda candidate: _MIN_PLAUSIBILITY if candidate[0] is None else candidate[0]
        )
        if score is None or score >= _MIN_PLAUSIBILITY:
            return text, encoding
    raise UnreadableText("not UTF-8, GB18030 or Big5 text (is it binary?)")


def _plausibility(text: str, encoding: str) -> float | None:
    """Share of the non-ASCII letters of ``text`` that are common characters of ``encoding``.

    Each encoding orders its characters by frequency: GB2312 level 1 (bytes B0A1–D7F9) holds the
    3,755 most common simplified characters, Big5 A440–C67E the 5,401 most common traditional
    ones. Real Chinese text in the right encoding is ~99% made of them. Decoded in the wrong
    encoding, the same bytes land mostly elsewhere: Big5 lead bytes A4–AF and trail bytes 40–7E
    are outside GB2312 level 1 altogether, and GB2312 text read as Big5 spreads over Big5's
    rarer characters, symbols and unassigned rows (which make strict decoding fail). Counting
    among all non-ASCII *letters* (not only ideographs) also catches mojibake that decodes to
    kana, Cyrillic or Greek. None when there is no such letter at all (nothing to judge by).
    """
    common = _common_characters(encoding)
    letters = hits = 0
    # The first 100,000 characters are ample evidence and keep large corpora fast.
    for char in text[:100_000]:
        if char >= "\x80" and unicodedata.category(char).startswith("L"):
            letters += 1
            hits += char in common
    return hits / letters if letters else None


@cache
def _common_characters(encoding: str) -> frozenset[str]:
    if encoding == "gb18030":
        # GB2312 level 1; GB18030 encodes these characters with the same bytes.
        codes = [(lead, trail) for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)]
    else:
        trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        codes = [
            (lead, trail)
            for lead in range(0xA4, 0xC7)
            for trail in trails
            if 0xA440 <= lead << 8 | trail <= 0xC67E
        ]
    characters = set()
    for lead, trail in codes:
        try:
            characters.add(bytes((lead, trail)).decode(encoding))
        except UnicodeDecodeError:
            continue  # an unassigned code point (the tail of GB2312 row 55)
    return frozenset(characters)


# ---------------------------------------------------------------------------------------------
# Articles (.txt, .md)

# `发布时间: 2025/6/12 16:44:34 | 20 次阅读`, `发布时间：2025-06-12`, `发布日期：2025年6月12日`
_PUBLISHED_HEADER = re.compile(r"[ \t\u3000]*发布(?:时间|日期)[ \t\u3000]*[:：]([^\n]*)")
_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*(?:\n|\Z)")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FOOTNOTE = re.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]*")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t][^\n]*)?")
_REFERENCES_TITLE = re.compile(
    r"[ \t]*(?:\*\*)?(?:参考资料|参考文献|参考来源|引用来源|资料来源|引用|注释|脚注|"
    r"references?|sources?|notes?|footnotes?|bibliography|citations?)(?:\*\*)?[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)
# The first Markdown link target `[text](url)`, allowing one level of parentheses inside the URL
# (Wikipedia's `Foo_(bar)`); else a bare URL.
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))+)>?")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"'，。；、）」]+")


def read_article(source: str, data: bytes, document_id: str | None = None) -> Document:
    """One ``.txt``/``.md`` article from its bytes; ``source`` is the path as the user named it.

    The document id defaults to the file name. Raises :class:`UnreadableText` when the bytes are
    not text or the front matter is malformed.
    """
    raw, encoding = decode_text(data)
    document_id = document_id or PurePosixPath(source).name
    sha256 = hashlib.sha256(data).hexdigest()
    if _FRONT_MATTER_OPEN.match(raw):
        return _read_front_matter_article(document_id, source, raw, sha256, encoding)

    published = None
    body_start = 0
    header = _PUBLISHED_HEADER.match(raw)
    if header:
        # The header line is metadata, not prose: the body starts on the next line.
        published = iso_date(header.group(1))
        body_start = min(header.end() + 1, len(raw))
    regions, citations = _body(raw, body_start)
    return Document(
        id=document_id,
        source=source,
        raw=raw,
        sha256=sha256,
        published=published,
        regions=tuple(sorted(regions)),
        citations=citations,
        encoding=encoding,
    )


def _read_front_matter_article(
    document_id: str, source: str, raw: str, sha256: str, encoding: str
) -> Document:
    opening = _FRONT_MATTER_OPEN.match(raw)
    assert opening is not None
    closing = _FRONT_MATTER_CLOSE.search(raw, opening.end())
    if closing is None:
        raise UnreadableText("malformed front matter: no closing '---' line (add one after the metadata)")
    yaml_start, yaml_end = opening.end(), closing.start()
    meta = _load_front_matter(raw[yaml_start:yaml_end])

    regions: list[Region] = []
    title = _text_value(meta.get("title"))
    for key, kind in (("title", "title"), ("summary", "summary"), ("description", "summary")):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            span = _value_span(raw, yaml_start, yaml_end, key, value.strip())
            if span is not None and not any(region.kind == kind for region in regions):
                regions.append(Region(span[0], span[1], kind))

    published = None
    for key in ("date", "published", "pubDate"):
        published = iso_date(meta.get(key))
        if published:
            break

    body, citations = _body(raw, min(closing.end() + 1, len(raw)))
    return Document(
        id=document_id,
        source=source,
        raw=raw,
        sha256=sha256,
        published=published,
        title=title,
        tags=_tags(meta.get("tags")),
        regions=tuple(sorted(regions + body)),
        citations=citations,
        encoding=encoding,
    )


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as written.

    PyYAML turns ``2025-06-16T02:30:04+08:00`` into a datetime, and older versions into naive
    UTC (2025-06-15). Keeping the string lets the date be taken as the author wrote it, in
    their local time.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_front_matter(text: str) -> dict[str, Any]:
    try:
        meta = yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        reason = error.problem or error.context or "invalid YAML"
        if error.problem_mark is not None:
            # The YAML starts on the file's second line, after the opening `---`.
            reason += f" (line {error.problem_mark.line + 2})"
        raise UnreadableText(f"malformed front matter: {reason}") from error
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise UnreadableText(f"malformed front matter: {str(error).splitlines()[0]}") from error
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise UnreadableText(f"malformed front matter: expected 'key: value' lines, got a {_yaml_kind(meta)}")
    return {str(key): value for key, value in meta.items()}


def _yaml_kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


def _value_span(raw: str, yaml_start: int, yaml_end: int, key: str, value: str) -> tuple[int, int] | None:
    """Where ``value`` stands verbatim under ``key:`` in the front matter, if it does.

    Only within the key's own entry (up to the next top-level key), so that a value that was
    escaped or folded in YAML is not found by accident in another field.
    """
    entry = re.compile(rf"^{re.escape(key)}[ \t]*:", re.MULTILINE).search(raw, yaml_start, yaml_end)
    if entry is None:
        return None
    next_key = re.compile(r"^[^\s#\-][^\n:]*:", re.MULTILINE).search(raw, entry.end(), yaml_end)
    start = raw.find(value, entry.end(), next_key.start() if next_key else yaml_end)
    return (start, start + len(value)) if start >= 0 else None


def _text_value(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _tags(value: Any) -> tuple[str, ...]:
    """Front matter tags, as a YAML list or a comma-separated string, in order, each once."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else re.split(r"[,，、]", str(value))
    tags = [text for item in items if (text := _text_value(item))]
    return tuple(dict.fromkeys(tags))


def iso_date(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when ``value`` holds no valid date.

    A datetime keeps the calendar date it was written with (its own time zone).

    >>> iso_date("2025-06-16T02:30:04+08:00"), iso_date("2025年6月12日"), iso_date("2025/6/31")
    ('2025-06-16', '2025-06-12', None)
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _body(raw: str, start: int) -> tuple[list[Region], tuple[Citation, ...]]:
    """Body regions and footnote citations of ``raw[start:]``.

    Footnote definitions (``[^1]: text``, with indented continuation lines) become citations,
    each also a ``citation`` region. They and a references heading just before them
    (``## References``, ``参考文献`` …) are cut out of the body, so body regions are prose only.
    """
    lines = []  # (start, end) of each line, without its "\n"
    position = start
    while True:
        newline = raw.find("\n", position)
        if newline < 0:
            lines.append((position, len(raw)))
            break
        lines.append((position, newline))
        position = newline + 1

    excluded = [False] * len(lines)
    citations: dict[str, Citation] = {}
    index = 0
    while index < len(lines):
        line_start, line_end = lines[index]
        footnote = _FOOTNOTE.match(raw, line_start, line_end)
        if footnote is None:
            index += 1
            continue
        last = index
        while last + 1 < len(lines):
            next_start, next_end = lines[last + 1]
            if (
                raw[next_start:next_end].strip()
                and raw[next_start] in " \t"
                and not _FOOTNOTE.match(raw, next_start, next_end)
            ):
                last += 1
            else:
                break
        for covered in range(index, last + 1):
            excluded[covered] = True
        text_start, text_end = _strip(raw, footnote.end(), lines[last][1])
        key = footnote.group(1)
        # Markdown uses the first definition of a key; later ones are dropped.
        if text_end > text_start and key not in citations:
            text = raw[text_start:text_end]
            citations[key] = Citation(key, text_start, text_end, text, _first_url(text))
        _exclude_references_heading(raw, lines, excluded, index)
        index = last + 1

    regions = [Region(c.start, c.end, "citation") for c in citations.values()]
    first_body_line: int | None = None  # start of the current run of body lines
    for index in range(len(lines) + 1):
        if index < len(lines) and not excluded[index]:
            if first_body_line is None:
                first_body_line = index
        elif first_body_line is not None:
            body_start, body_end = _strip(raw, lines[first_body_line][0], lines[index - 1][1])
            if body_end > body_start:
                regions.append(Region(body_start, body_end, "body"))
            first_body_line = None
    return regions, tuple(sorted(citations.values(), key=lambda c: c.start))


def _exclude_references_heading(
    raw: str, lines: list[tuple[int, int]], excluded: list[bool], footnote_index: int
) -> None:
    """Mark the heading introducing a block of footnotes, if the line before it (blanks aside) is one."""
    index = footnote_index - 1
    while index >= 0 and not raw[lines[index][0] : lines[index][1]].strip():
        index -= 1
    if index < 0 or excluded[index]:
        return
    line_start, line_end = lines[index]
    if _HEADING.fullmatch(raw, line_start, line_end) or _REFERENCES_TITLE.fullmatch(
        raw, line_start, line_end
    ):
        excluded[index] = True


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed to exclude surrounding whitespace."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _first_url(text: str) -> str | None:
    link = _LINK_TARGET.search(text)
    if link:
        return link.group(1)
    bare = _BARE_URL.search(text)
    return bare.group() if bare else None


# ---------------------------------------------------------------------------------------------
# JSON Lines corpora


def _read_jsonl(source: str, data: bytes) -> tuple[list[tuple[int, Document]], list[tuple[int, ReadProblem]]]:
    """Documents of a ``.jsonl`` corpus with their line numbers, and the lines that failed.

    The file is decoded as a whole when it can be (its encoding is then one fact about it); when it
    cannot, because a few lines are corrupt, each line is decoded on its own, so that one bad line
    costs that line and not the corpus.
    """
    encoding: str | None
    try:
        _, encoding = _decode(data)
    except UnreadableText as error:
        if not str(error).startswith("not UTF-8"):  # empty, binary or UTF-16: nothing to save
            return [], [(0, ReadProblem(source, str(error)))]
        encoding = None

    documents: list[tuple[int, Document]] = []
    problems: list[tuple[int, ReadProblem]] = []
    # Splitting the bytes at b"\n" is safe in all three encodings: no multi-byte sequence of
    # UTF-8, GB18030 or Big5 contains the byte 0x0A.
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]  # the BOM belongs to the file, not the record
        if not line.strip():
            continue
        try:
            if encoding is None:
                text, line_encoding = _decode(line)
            else:
                text, line_encoding = line.decode(_CODECS.get(encoding, encoding)), encoding
            if not text.strip():
                continue
            document = _jsonl_document(
                source, text.removeprefix("\ufeff"), hashlib.sha256(line).hexdigest(), line_encoding
            )
        except UnreadableText as error:
            problems.append((lineno, ReadProblem(f"{source}:{lineno}", str(error))))
            continue
        documents.append((lineno, document))
    return documents, problems


_CODECS = {"utf-8-sig": "utf-8"}  # the BOM is taken off the first line before it is decoded


def _jsonl_document(source: str, line: str, sha256: str, encoding: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise UnreadableText(
            f"not JSON ({error.msg} at column {error.colno}); each line must be one JSON object"
        ) from error
    if not isinstance(record, dict):
        raise UnreadableText(f'expected a JSON object with "id" and "text", got {type(record).__name__}')
    missing = [key for key in ("id", "text") if key not in record]
    if missing:
        raise UnreadableText(" and ".join(f'"{key}"' for key in missing) + " missing from the record")
    record_id = record["id"]
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int)) or not str(record_id).strip():
        raise UnreadableText('"id" must be a non-empty string or an integer')
    text = record["text"]
    if not isinstance(text, str):
        raise UnreadableText(f'"text" must be a string, got {type(text).__name__}')
    if not text.strip():
        raise UnreadableText('"text" is empty')

    document_id = str(record_id)
    raw = normalize_newlines(text)
    regions, citations = _body(raw, 0)
    return Document(
        id=document_id,
        source=f"{source}#{document_id}",
        raw=raw,
        sha256=sha256,
        published=iso_date(record.get("published")) or iso_date(record.get("date")),
        title=_text_value(record.get("title")) if isinstance(record.get("title"), str) else None,
        tags=_tags(record.get("tags")),
        regions=tuple(sorted(regions)),
        citations=citations,
        encoding=encoding,
    )
