"""extractors.pipeline: the whole extraction, as properties that hold for any text.

Whatever the text — Chinese news, mixed scripts, punctuation soup, Markdown furniture — extraction
never crashes, every sentence, mention and fact points at exactly the raw text it quotes, and the
result depends only on the documents, never on the order they come in or on what ran before.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.model import Document, Region
from extractors.pipeline import Corpus, extract_corpus, extract_document
from extractors.reader import read_inputs

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset" / "articles"

# Characters of Chinese business news, weighted towards CJK, plus what trips parsers up: the ? artefact,
# name dots, full-width forms, quotes and brackets, digits and decimal points, Latin letters, newlines.
CJK_HEAVY = (
    "腾讯百度阿里巴微软谷歌英伟达投资收购了与和的是在创立始人加入离开毕业于大学公司科技有限集团团队部门实验室"
    "估值亿万美元元人民币股权持股年月日今去同前原首席执行官董事长表示称据报道亚历山大王马克扎克伯格约翰史密斯张伟李娜"
    "《》“”（）·•?？!！。，、；：%％ 0123456789.-MetaScaleAIGPTLlamaWang\n"
)
cjk_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(CJK_HEAVY),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8"),
    ),
    max_size=160,
)
# Pieces of news sentences, so that the rules get something to bite on.
PIECES = [
    "腾讯",
    "百度",
    "Meta",
    "Scale AI",
    "亚历山大·王",
    "亚历山大?王",
    "Alexandr Wang",
    "马克?扎克伯格",
    "小扎",
    "张晓峰",
    "约翰·史密斯",
    "云帆科技有限公司",
    "芯片厂商摩矽科技",
    "GenAI团队",
    "“超级智能团队”",
    "清华大学",
    "《华尔街日报》",
    "据路透社报道，",
    "投资了",
    "以143亿美元",
    "收购了",
    "49%的股权",
    "持股11%",
    "与",
    "和",
    "、",
    "的",
    "创始人",
    "CEO",
    "前首席技术官",
    "加入",
    "离开",
    "毕业于",
    "达成战略合作",
    "终止了与",
    "的合作",
    "估值超过100亿美元",
    "发布了",
    "Llama 4",
    "GPT-5",
    "计划推出",
    "而非",
    "当",
    "时",
    "。",
    "，",
    "\n",
    "？",
    "?",
    "(",
    ")",
    "（",
    "）",
    "今年3月",
    "去年",
    "同年11月",
    "2016年",
    "他",
    "其",
    "该公司",
    "由",
    "领投",
    "跟投",
    "完成",
    "B轮融资",
    "竞争对手",
    "旗下",
    "客户包括",
    "https://x.com/a?b=1",
    "[^1]",
    "  ",
    "# ",
    "> ",
]
news_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def document(raw: str, doc_id: str = "doc.txt", regions: tuple[Region, ...] | None = None) -> Document:
    return Document.from_text(raw, doc_id, "2025-06-12", regions)


def assert_anchored(corpus: Corpus) -> None:
    """Every span of the corpus slices the raw text to exactly what it quotes."""
    keys = {e.key for e in corpus.entities}
    for extraction in corpus.extractions:
        raw = extraction.document.raw
        for sentence in extraction.sentences:
            assert raw[sentence.start : sentence.end] == sentence.text
        for mention in extraction.mentions:
            assert raw[mention.start : mention.end] == mention.text
            assert mention.entity in keys
        for fact in extraction.facts:
            assert raw[fact.start : fact.end] == fact.evidence
            assert fact.subject in keys
            assert fact.object is None or fact.object in keys
            assert fact.reported_by is None or fact.reported_by in keys


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cjk_text)
def test_any_text_is_extracted_and_every_span_slices_to_its_anchor(raw: str) -> None:
    assert_anchored(extract_corpus([document(raw)]))


@SETTINGS
@given(news_text, news_text)
def test_news_like_text_is_extracted_and_every_span_slices_to_its_anchor(first: str, second: str) -> None:
    corpus = extract_corpus([document(first, "a.txt"), document(second, "b.txt")])
    assert_anchored(corpus)


@SETTINGS
@given(news_text, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_only_the_analysed_regions_are_read(raw: str, cuts: list[int]) -> None:
    # split the text at some points and analyse every other piece (a title, a body, a citation …)
    points = sorted({0, len(raw), *(c for c in cuts if c < len(raw))})
    regions = tuple(Region(a, b) for a, b in pairwise(points))[::2]
    corpus = extract_corpus([document(raw, regions=regions)])
    assert_anchored(corpus)
    [extraction] = corpus.extractions

    def inside(start: int, end: int) -> bool:
        return any(r.start <= start and end <= r.end for r in regions)

    assert all(inside(s.start, s.end) for s in extraction.sentences)
    assert all(inside(m.start, m.end) for m in extraction.mentions)


@SETTINGS
@given(st.lists(news_text, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_the_order_of_the_documents_changes_nothing(texts: list[str], random: Random) -> None:
    documents = [document(raw, f"{i:02d}.txt") for i, raw in enumerate(texts)]
    shuffled = list(documents)
    random.shuffle(shuffled)
    assert extract_corpus(shuffled) == extract_corpus(documents)


def test_a_malformed_figure_does_not_abort_the_extraction() -> None:
    assert_anchored(extract_corpus([document("腾讯的估值达1.2.3亿美元。")]))


# ---------------------------------------------------------------------------------------------
# Real articles


@pytest.fixture(scope="module")
def articles() -> tuple[Document, ...]:
    read = read_inputs([ROOT / "seeds", DEVSET])
    assert read.problems == ()
    return read.documents


@pytest.fixture(scope="module")
def corpus(articles: tuple[Document, ...]) -> Corpus:
    return extract_corpus(articles)


def test_the_articles_are_anchored_everywhere(corpus: Corpus) -> None:
    assert len(corpus.extractions) == 8
    assert_anchored(corpus)
    assert sum(len(x.facts) for x in corpus.extractions) >= 100


def test_extraction_is_deterministic_and_independent_of_order(
    articles: tuple[Document, ...], corpus: Corpus
) -> None:
    again = extract_corpus(list(reversed(articles)))
    assert again.entities == corpus.entities
    assert again.facts == corpus.facts
    assert again == corpus


def test_the_output_is_sorted(corpus: Corpus) -> None:
    assert [x.document.id for x in corpus.extractions] == sorted(x.document.id for x in corpus.extractions)
    keys = [e.key for e in corpus.entities]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    for extraction in corpus.extractions:
        assert list(extraction.sentences) == sorted(extraction.sentences, key=lambda s: s.start)
        spans = [(m.start, m.end) for m in extraction.mentions]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in pairwise(spans))  # mentions never overlap
        assert [(f.start, f.end) for f in extraction.facts] == sorted(
            (f.start, f.end) for f in extraction.facts
        )


def test_one_document_on_its_own_is_extracted_the_same_way(articles: tuple[Document, ...]) -> None:
    single = extract_document(articles[0])
    assert single == extract_corpus([articles[0]]).extractions[0]
    assert single.document is articles[0]
