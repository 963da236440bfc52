"""The reader: files and directories in, Documents (or one clear problem per unreadable input) out."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.model import Document
from extractors.reader import ReadProblem, decode_text, iso_date, read_inputs

SEED_000 = "000_43652604587c5b95.txt"
SEED_003 = "003_2f044a086ea3d3b8.txt"

SIMPLIFIED = "脸书创始人扎克伯格宣布投资数据标注公司，交易金额高达143亿美元。"
TRADITIONAL = "臉書創辦人祖克柏宣布投資數據標註公司，交易金額高達143億美元。"


def assert_spans_slice(doc: Document) -> None:
    """Every region and citation lies inside raw, is trimmed, and citations slice to their text."""
    for region in doc.regions:
        assert 0 <= region.start < region.end <= len(doc.raw), region
        text = doc.raw[region.start : region.end]
        assert text == text.strip(), region
    for citation in doc.citations:
        assert doc.raw[citation.start : citation.end] == citation.text
        assert any(
            (r.start, r.end, r.kind) == (citation.start, citation.end, "citation") for r in doc.regions
        )
    assert list(doc.regions) == sorted(doc.regions)
    ordered = sorted(doc.regions)
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert before.end <= after.start, (before, after)


def region_texts(doc: Document, kind: str) -> list[str]:
    return [doc.raw[r.start : r.end] for r in doc.regions if r.kind == kind]


def write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --------------------------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    result = read_inputs([seeds_dir])
    assert result.problems == ()
    return {doc.id: doc for doc in result.documents}


@pytest.mark.parametrize(
    ("doc_id", "published", "title_prefix", "n_citations"),
    [
        (SEED_000, "2025-06-12", None, 0),
        (SEED_003, "2025-06-16", "Meta的豪赌", 4),
    ],
)
def test_seed_metadata(seeds, seeds_dir, doc_id, published, title_prefix, n_citations):
    doc = seeds[doc_id]
    data = (seeds_dir / doc_id).read_bytes()
    assert doc.published == published
    assert doc.title is None if title_prefix is None else doc.title.startswith(title_prefix)
    assert len(doc.citations) == n_citations
    assert doc.encoding == "utf-8"
    assert doc.raw == data.decode("utf-8")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == (seeds_dir / doc_id).as_posix()
    assert_spans_slice(doc)


def test_seeds_are_sorted_by_id(seeds_dir):
    assert [doc.id for doc in read_inputs([seeds_dir]).documents] == [SEED_000, SEED_003]


def test_source_keeps_the_relative_path_the_user_gave(root, monkeypatch):
    monkeypatch.chdir(root)
    for spelling in ("seeds", "seeds/", "./seeds"):
        sources = [doc.source for doc in read_inputs([spelling]).documents]
        assert sources == [f"seeds/{SEED_000}", f"seeds/{SEED_003}"]
    assert [doc.source for doc in read_inputs([f"seeds/{SEED_000}"]).documents] == [f"seeds/{SEED_000}"]


def test_txt_header_line_gives_the_date_and_is_not_a_region(seeds):
    doc = seeds[SEED_000]
    assert doc.raw.startswith("发布时间: 2025/6/12 16:44:34 | 20 次阅读\n")
    (body,) = region_texts(doc, "body")
    assert body.startswith("据彭博社等多家媒体报道")
    assert body.endswith("全面较量。")
    assert "发布时间" not in body
    assert [r.kind for r in doc.regions] == ["body"]


def test_markdown_front_matter_title_summary_tags(seeds):
    doc = seeds[SEED_003]
    assert region_texts(doc, "title") == [doc.title]
    (summary,) = region_texts(doc, "summary")
    assert summary.startswith("Meta以143亿美元巨额投资数据标注公司Scale AI")
    assert "Scale AI" in doc.tags
    assert doc.tags[:3] == ("AI竞赛", "Meta", "Scale AI")


def test_markdown_body_stops_before_the_references(seeds):
    doc = seeds[SEED_003]
    (body,) = region_texts(doc, "body")
    assert body.startswith("> 在AI军备竞赛白热化之际")
    assert body.endswith("才刚刚打响。")
    assert "[^1]: 新智元" not in body
    assert "## References" not in body
    assert "title:" not in body
    for region in doc.regions:
        assert "## References" not in doc.raw[region.start : region.end]


@pytest.mark.parametrize(
    ("key", "text_prefix", "url"),
    [
        ("1", "新智元（2025/6/16）", "https://cloud.tencent.com/developer/article/2531582"),
        ("2", "作者不详（2025/6/16）", "https://m.thepaper.cn/newsDetail_forward_30984702"),
        (
            "3",
            "作者不详（2025/6/16）。[Meta betting",
            "https://www.theinformation.com/articles/meta-betting-nearly-15-billion-alexandr-wang?rc=epv9gi",
        ),
        ("4", "Ryan, Shawn", "https://www.youtube.com/watch?v=xxxxxxxxxx"),
    ],
)
def test_seed_citations(seeds, key, text_prefix, url):
    citations = {c.key: c for c in seeds[SEED_003].citations}
    assert list(citations) == ["1", "2", "3", "4"]
    citation = citations[key]
    assert citation.text.startswith(text_prefix)
    assert citation.url == url
    assert "[^" not in citation.text


# --------------------------------------------------------------------------------------------
# Decoding

ENCODINGS = [
    # (what, bytes, encoding, raw)
    ("UTF-8", SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
    ("UTF-8 with BOM", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
    ("GB18030", SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
    ("GB18030 traditional", TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL),
    ("Big5", TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    ("Big5, two characters", "臉書".encode("big5"), "big5", "臉書"),
    ("GB18030, two characters", "脸书".encode("gb18030"), "gb18030", "脸书"),
]


@pytest.mark.parametrize(("newline"), ["\n", "\r\n", "\r"])
@pytest.mark.parametrize(("what", "data", "encoding", "raw"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_and_line_ends_give_the_same_lf_raw(tmp_path, what, data, encoding, raw, newline):
    text = data.decode(encoding)
    lines = f"第一行{newline}{text}{newline}{newline}最后一行{newline}"
    data = lines.encode(encoding.replace("utf-8-sig", "utf-8"))
    if encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + data
    write(tmp_path, "article.txt", data)
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.raw == f"第一行\n{raw}\n\n最后一行\n"
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert region_texts(doc, "body") == [f"第一行\n{raw}\n\n最后一行"]


def test_decode_text_only_normalizes_line_ends():
    text = "  全角　空格 ﬁ e\u0301 \u2028 tab\t\n"
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")
    assert decode_text(b"a\r\n\r\nb\rc") == ("a\n\nb\nc", "utf-8")


# --------------------------------------------------------------------------------------------
# Publication dates


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("发布时间: 2025/6/12 16:44:34 | 20 次阅读", "2025-06-12"),
        ("发布时间：2025-06-12", "2025-06-12"),
        ("发布时间：2025年6月12日 08:00", "2025-06-12"),
        ("发布日期: 2025.6.12", "2025-06-12"),
        ("发布时间: 2025/2/30", None),  # no such day: no date, but still a header
        ("发布时间: 不详", None),
    ],
)
def test_txt_header_line(tmp_path, header, published):
    write(tmp_path, "a.txt", f"{header}\n正文第一句。\n")
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.published == published
    assert region_texts(doc, "body") == ["正文第一句。"]


def test_a_txt_without_header_is_all_body(tmp_path):
    write(tmp_path, "a.txt", "\n\n据报道，发布时间: 2025/6/12 的消息。\n")
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.published is None
    assert region_texts(doc, "body") == ["据报道，发布时间: 2025/6/12 的消息。"]


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("date: 2025-06-16T12:30:04+08:00", "2025-06-16"),
        ("date: 2025-06-16T02:30:04+08:00", "2025-06-16"),  # the local date, not UTC's 06-15
        ("date: 2025-06-16", "2025-06-16"),
        ("date: '2025/6/16 10:00'", "2025-06-16"),
        ("date: !!timestamp 2025-06-16T23:30:00-05:00", "2025-06-16"),
        ("date: 2025-13-01", None),
        ("date: soon", None),
        ("draft: true", None),
    ],
)
def test_front_matter_date(tmp_path, date_line, published):
    write(tmp_path, "a.md", f"---\n{date_line}\n---\n正文。\n")
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.published == published


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2025-06-16", "2025-06-16"), ("2025年6月1日", "2025-06-01"), ("2025/6/31", None), (20250616, None)],
)
def test_iso_date(value, iso):
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("tags_yaml", "tags"),
    [
        ("tags:\n  - Meta\n  - Scale AI\n  - Meta", ("Meta", "Scale AI")),
        ("tags: Meta, Scale AI，数据标注", ("Meta", "Scale AI", "数据标注")),
        ("tags: [2025, AI]", ("2025", "AI")),
        ("tags:", ()),
        ("title: x", ()),
    ],
)
def test_front_matter_tags(tmp_path, tags_yaml, tags):
    write(tmp_path, "a.md", f"---\n{tags_yaml}\n---\n正文。\n")
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.tags == tags


def test_title_and_summary_regions_only_when_verbatim_in_the_front_matter(tmp_path):
    front = (
        "---\n"
        'title: "He said \\"hi\\" 标题"\n'  # escaped in YAML: the value is not in the raw text
        "summary: 摘要里有He said 与 hi 标题\n"
        "---\n"
        "正文。\n"
    )
    write(tmp_path, "a.md", front)
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.title == 'He said "hi" 标题'
    assert region_texts(doc, "title") == []
    assert region_texts(doc, "summary") == ["摘要里有He said 与 hi 标题"]
    assert region_texts(doc, "body") == ["正文。"]


def test_front_matter_in_a_txt_file_is_read_too(tmp_path):
    write(tmp_path, "a.txt", "---\ntitle: 标题\n---\n正文。\n")
    (doc,) = read_inputs([tmp_path]).documents
    assert doc.title == "标题"
    assert region_texts(doc, "title") == ["标题"]


# --------------------------------------------------------------------------------------------
# Footnotes


@pytest.mark.parametrize(
    ("markdown", "bodies", "citations"),
    [
        (
            "正文一。[^a]\n\n## 参考资料\n\n[^a]: 来源甲 https://a.example/x。\n",
            ["正文一。[^a]"],
            [("a", "来源甲 https://a.example/x。", "https://a.example/x")],
        ),
        (
            "正文。\n参考文献\n[^1]: [维基](https://zh.wikipedia.org/wiki/Foo_(bar)) 2025\n",
            ["正文。"],
            [
                (
                    "1",
                    "[维基](https://zh.wikipedia.org/wiki/Foo_(bar)) 2025",
                    "https://zh.wikipedia.org/wiki/Foo_(bar)",
                )
            ],
        ),
        (
            "第一段。\n\n[^1]: 无链接的来源\n    第二行续写\n\n第二段。\n",
            ["第一段。", "第二段。"],
            [("1", "无链接的来源\n    第二行续写", None)],
        ),
        (
            "## 背景\n正文。\n[^1]: 甲\n[^1]: 重复的定义被忽略\n[^2]:\n",
            ["## 背景\n正文。"],
            [("1", "甲", None)],
        ),
    ],
)
def test_footnotes_become_citations_and_leave_the_body(tmp_path, markdown, bodies, citations):
    write(tmp_path, "a.md", markdown)
    (doc,) = read_inputs([tmp_path]).documents
    assert region_texts(doc, "body") == bodies
    assert [(c.key, c.text, c.url) for c in doc.citations] == citations
    assert_spans_slice(doc)


# --------------------------------------------------------------------------------------------
# Problems: one clear line per unreadable input, and the rest is still read

UNREADABLE = [
    # (file name, bytes, message)
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \r\n\t\n\xe3\x80\x80\n", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ("controls.txt", bytes(range(1, 9)) * 20 + b"abc", "binary file, not text"),
    (
        "latin1.txt",
        "naïve résumé, Straße".encode("latin-1"),
        "not UTF-8, GB18030 or Big5 text (is it binary?)",
    ),
    (
        "sjis.txt",
        "日本語のテキストです。東京都".encode("shift_jis"),
        "not UTF-8, GB18030 or Big5 text (is it binary?)",
    ),
    ("utf16.txt", "正文".encode("utf-16"), "UTF-16 text is not supported (save the file as UTF-8)"),
    ("unclosed.md", "---\ntitle: 标题\n正文。\n".encode(), "malformed front matter: no closing '---' line"),
    ("bad-yaml.md", "---\ntitle: [未闭合\n---\n正文。\n".encode(), "malformed front matter: "),
    (
        "list.md",
        "---\n- a\n- b\n---\n正文。\n".encode(),
        "malformed front matter: expected 'key: value' lines, got a list",
    ),
    (
        "bad-key.txt",
        "---\ntitle: a: b\n---\n正文。\n".encode(),
        "malformed front matter: mapping values are not allowed here (line 2)",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_an_unreadable_file_is_one_problem_and_the_rest_is_read(tmp_path, name, data, message):
    write(tmp_path, "good.txt", "好的文章。")
    write(tmp_path, name, data)
    result = read_inputs([tmp_path])
    assert [doc.id for doc in result.documents] == ["good.txt"]
    (problem,) = result.problems
    assert problem.path == (tmp_path / name).as_posix()
    assert problem.message.startswith(message)
    assert str(problem).startswith(f"{tmp_path.as_posix()}/{name}: {message}")
    assert "\n" not in str(problem)


def test_missing_path_and_empty_directory_are_problems(tmp_path):
    write(tmp_path, "good.txt", "好的文章。")
    (tmp_path / "empty").mkdir()
    write(tmp_path, "notes/readme.rst", "not an article")
    write(tmp_path, "notes/.hidden.txt", "hidden")
    missing = tmp_path / "missing.txt"
    result = read_inputs([tmp_path / "good.txt", missing, tmp_path / "empty", tmp_path / "notes"])
    assert [doc.id for doc in result.documents] == ["good.txt"]
    assert [(p.path, p.message.split(" (")[0]) for p in result.problems] == [
        ((tmp_path / "empty").as_posix(), "no articles in this directory"),
        (missing.as_posix(), "no such file or directory"),
        ((tmp_path / "notes").as_posix(), "no articles in this directory"),
    ]
    assert "*.txt, *.md, *.markdown, *.jsonl" in result.problems[0].message


def test_a_file_that_is_not_an_article_is_a_problem(tmp_path):
    pdf = write(tmp_path, "paper.pdf", b"%PDF-1.4")
    result = read_inputs([pdf])
    assert result.documents == ()
    assert [str(p) for p in result.problems] == [
        f"{pdf.as_posix()}: not an article file ('.pdf'); expected *.txt, *.md, *.markdown, *.jsonl"
    ]


def test_read_problem_reads_as_one_line():
    assert str(ReadProblem("seeds/x.txt", "empty file")) == "seeds/x.txt: empty file"


# --------------------------------------------------------------------------------------------
# Directories, order, duplicates


def test_directories_are_walked_recursively_sorted_and_hidden_files_skipped(tmp_path):
    write(tmp_path, "b/z.md", "乙。")
    write(tmp_path, "a/y.TXT", "甲。")
    write(tmp_path, "a/deeper/x.markdown", "丙。")
    write(tmp_path, ".git/ignored.txt", "隐藏目录。")
    write(tmp_path, "a/.draft.txt", "隐藏文件。")
    write(tmp_path, "a/notes.docx", b"PK\x03\x04")
    result = read_inputs([tmp_path])
    assert result.problems == ()
    assert [(doc.id, doc.source) for doc in result.documents] == [
        ("a/deeper/x.markdown", (tmp_path / "a/deeper/x.markdown").as_posix()),
        ("a/y.TXT", (tmp_path / "a/y.TXT").as_posix()),
        ("b/z.md", (tmp_path / "b/z.md").as_posix()),
    ]


def test_files_of_one_name_in_different_folders_are_two_articles(tmp_path):
    write(tmp_path, "2025/report.txt", "第一篇。")
    write(tmp_path, "2026/report.txt", "第二篇。")
    result = read_inputs([tmp_path])
    assert [(doc.id, doc.raw) for doc in result.documents] == [
        ("2025/report.txt", "第一篇。"),
        ("2026/report.txt", "第二篇。"),
    ]
    assert result.problems == ()


def test_a_file_given_itself_and_in_its_folder_gets_one_id_whatever_the_order(tmp_path):
    path = write(tmp_path, "2025/a.txt", "正文。")
    for paths in ([tmp_path, path], [path, tmp_path]):
        assert [doc.id for doc in read_inputs(paths).documents] == ["2025/a.txt"]


def test_duplicate_ids_keep_the_first_in_path_order(tmp_path):
    write(tmp_path, "a/same.txt", "第一篇。")
    write(tmp_path, "b/same.txt", "第二篇。")
    for paths in ([tmp_path / "a", tmp_path / "b"], [tmp_path / "b", tmp_path / "a"]):
        result = read_inputs(paths)
        (doc,) = result.documents
        assert doc.raw == "第一篇。"
        (problem,) = result.problems
        assert problem.path == (tmp_path / "b/same.txt").as_posix()
        assert problem.message.startswith("duplicate document id 'same.txt' (already read from ")


def test_ids_that_would_share_an_iri_are_reported_not_merged(tmp_path):
    write(tmp_path, "a-b.txt", "第一篇。")
    write(tmp_path, "a_b.txt", "第二篇。")
    result = read_inputs([tmp_path])
    assert [doc.raw for doc in result.documents] == ["第一篇。"]
    (problem,) = result.problems
    assert problem.path == (tmp_path / "a_b.txt").as_posix()
    assert problem.message.startswith(
        "document id 'a_b.txt' names the same IRI as 'a-b.txt' (already read from "
    )


def test_an_id_without_letters_or_digits_is_a_problem_not_a_crash(tmp_path):
    corpus = write(tmp_path, "c.jsonl", '{"id": "---", "text": "正文。"}\n{"id": "ok", "text": "正文。"}\n')
    result = read_inputs([corpus])
    assert [doc.id for doc in result.documents] == ["ok"]
    assert [str(p) for p in result.problems] == [
        f"{corpus.as_posix()}:1: document id '---' has no letters or digits to name it by"
    ]


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", "正文。")
    result = read_inputs([tmp_path, path, str(path)])
    assert [doc.id for doc in result.documents] == ["a.txt"]
    assert result.problems == ()


def test_result_does_not_depend_on_input_order(seeds_dir, tmp_path):
    write(tmp_path, "x.jsonl", '{"id": "j1", "text": "正文。"}\nnot json\n')
    write(tmp_path, "empty.txt", "")
    inputs = [seeds_dir, tmp_path, tmp_path / "missing"]
    assert read_inputs(inputs) == read_inputs(list(reversed(inputs)))


def test_a_single_path_string_is_one_input(seeds_dir):
    assert read_inputs(str(seeds_dir)) == read_inputs([seeds_dir])


# --------------------------------------------------------------------------------------------
# JSON Lines corpora


def test_jsonl_records_are_documents_and_bad_lines_are_problems(tmp_path):
    lines = [
        {"id": "n2", "text": "第二篇\r\n正文。", "date": "2025-06-16T09:00:00+08:00"},
        {"id": 1, "text": "第一篇正文。", "published": "2025/6/12", "title": "标题", "tags": ["Meta"]},
        "not json",
        {"text": "没有 id"},
        {"id": "x"},
        ["a", "list"],
        {"id": "y", "text": "  "},
        {"id": True, "text": "布尔 id"},
        "",
        {"id": "n2", "text": "重复的 id"},
    ]
    content = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    corpus = write(tmp_path, "corpus.jsonl", content + "\n")
    result = read_inputs([corpus])
    c = corpus.as_posix()
    assert [(doc.id, doc.source, doc.raw, doc.published) for doc in result.documents] == [
        ("1", f"{c}#1", "第一篇正文。", "2025-06-12"),
        ("n2", f"{c}#n2", "第二篇\n正文。", "2025-06-16"),
    ]
    first = result.documents[0]
    assert (first.title, first.tags, first.encoding) == ("标题", ("Meta",), "utf-8")
    assert region_texts(first, "body") == ["第一篇正文。"]
    assert first.sha256 == hashlib.sha256(content.split("\n")[1].encode("utf-8")).hexdigest()
    assert [(p.path, p.message.split(" (")[0]) for p in result.problems] == [
        (f"{c}:3", "not JSON"),
        (f"{c}:4", '"id" missing from the record'),
        (f"{c}:5", '"text" missing from the record'),
        (f"{c}:6", 'expected a JSON object with "id" and "text", got list'),
        (f"{c}:7", '"text" is empty'),
        (f"{c}:8", '"id" must be a non-empty string or an integer'),
        (f"{c}:10", "duplicate document id 'n2'"),
    ]


def test_jsonl_in_gb18030(tmp_path):
    corpus = write(
        tmp_path, "c.jsonl", json.dumps({"id": "a", "text": SIMPLIFIED}, ensure_ascii=False).encode("gb18030")
    )
    (doc,) = read_inputs([corpus]).documents
    assert (doc.raw, doc.encoding) == (SIMPLIFIED, "gb18030")


def test_a_corrupt_line_costs_that_line_not_the_corpus(tmp_path):
    good = [json.dumps({"id": f"d{n}", "text": f"第{n}篇。"}, ensure_ascii=False).encode() for n in (1, 2)]
    corrupt = b'{"id": "bad", "text": "\xff\xfe\x80 broken"}'
    corpus = write(tmp_path, "c.jsonl", b"\n".join([good[0], corrupt, good[1]]) + b"\n")
    result = read_inputs([corpus])
    assert [(doc.id, doc.raw, doc.encoding) for doc in result.documents] == [
        ("d1", "第1篇。", "utf-8"),
        ("d2", "第2篇。", "utf-8"),
    ]
    assert [p.path for p in result.problems] == [f"{corpus.as_posix()}:2"]
    assert "not UTF-8" in result.problems[0].message


def test_an_empty_jsonl_file_is_one_problem(tmp_path):
    corpus = write(tmp_path, "c.jsonl", "\n\n")
    assert [str(p) for p in read_inputs([corpus]).problems] == [f"{corpus.as_posix()}: empty file"]


# --------------------------------------------------------------------------------------------
# Properties

_FRONT_MATTER_START = re.compile(r"---[ \t]*(\n|$)")
# Everything but surrogates (not encodable) and the C0 controls that mark a file as binary.
_TEXT_CHARS = st.characters(
    exclude_categories=["Cs"], exclude_characters="".join(map(chr, [*range(0, 9), *range(14, 32), 127]))
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(_TEXT_CHARS))
def test_any_utf8_text_reads_back_as_itself_with_lf_line_ends(tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / "property.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = read_inputs([path])
    if not expected.strip():
        assert [p.message for p in result.problems] == ["empty file"]
    elif _FRONT_MATTER_START.match(expected):
        assert len(result.documents) + len(result.problems) == 1  # front matter, well-formed or not
    else:
        assert result.problems == ()
        (doc,) = result.documents
        assert doc.raw == expected
        assert doc.encoding == ("utf-8-sig" if text.startswith("\ufeff") else "utf-8")
        assert_spans_slice(doc)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300))
def test_any_bytes_give_one_document_or_one_problem(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "property.md"
    path.write_bytes(data)
    result = read_inputs([path])
    assert len(result.documents) + len(result.problems) == 1
    for doc in result.documents:
        assert_spans_slice(doc)
    for problem in result.problems:
        assert problem.path == path.as_posix()


MARKDOWN_LINES = st.sampled_from(
    [
        "",
        "正文一句。",
        "  缩进的续行",
        "[^1]: 来源 [链接](https://a.example/p)",
        "[^2]:",
        "   [^x]: 第三种",
        "## References",
        "参考文献",
        "---",
        "> 引用",
        "**加粗** 的 [^1] 引用",
        "\u3000",
    ]
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(MARKDOWN_LINES, max_size=12), newline=st.sampled_from(["\n", "\r\n"]))
def test_body_and_citation_regions_never_overlap_and_always_slice(tmp_path_factory, lines, newline):
    path = tmp_path_factory.getbasetemp() / "property-footnotes.md"
    path.write_bytes(("正文开头。" + newline + newline.join(lines)).encode("utf-8"))
    (doc,) = read_inputs([path]).documents
    assert_spans_slice(doc)
    for body in region_texts(doc, "body"):
        assert not re.search(r"^ {0,3}\[\^[^\]\s]+\]:", body, re.MULTILINE)
    assert {c.key for c in doc.citations} <= {"1", "2", "x"}
