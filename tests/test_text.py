"""extractors.text: the normalized view every rule matches against, and the key names are compared by.

The view has exactly the length of the raw text (so an offset found in it is an offset into the raw
text); it folds full-width forms, unifies the dots of transliterated names and puts back a ``·`` where a
bad re-encoding left a ``?`` inside a foreign name — but never turns a real question mark into a dot.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.text import NAME_DOT, has_cjk, name_key, normalize

# Text that looks like Chinese business news: CJK-heavy, with Latin names, digits, the characters the
# view repairs (?, ？ and every dot-like mark) and full-width forms.
NEWS_CHARS = (
    "马克扎克伯格亚历山大王阿瑟门施斯拉特克里达勒吗呢吧好真的是投资收购公司科技有限集团团队表示称据报道"
    "亿万美元元年月日今去同前原首席执行官董事长的了与和在"
    "MetaScaleAIGPTLlama0123456789 .-"
    "?？·•・‧．･（）()《》“”，。！、；：%％ＡＢＣ１２３\n"
)
news_text = st.text(
    alphabet=st.one_of(st.sampled_from(NEWS_CHARS), st.characters(codec="utf-8")),
    max_size=80,
)

# ---------------------------------------------------------------------------------------------
# normalize: what the view looks like


@pytest.mark.parametrize(
    ("raw", "view"),
    [
        # the ? artefact of a lost name dot, between transliteration characters
        ("马克?扎克伯格", "马克·扎克伯格"),
        ("马克？扎克伯格", "马克·扎克伯格"),  # full-width ？ is folded, then repaired the same way
        ("Meta首席执行官马克?扎克伯格表示", "Meta首席执行官马克·扎克伯格表示"),
        ("亚历山大?王(Alexandr Wang)", "亚历山大·王(Alexandr Wang)"),
        ("Mistral的阿瑟?门施", "Mistral的阿瑟·门施"),
        # every dot-like mark between two CJK characters is the name dot
        ("马克•扎克伯格", "马克·扎克伯格"),
        ("马克・扎克伯格", "马克·扎克伯格"),
        ("马克‧扎克伯格", "马克·扎克伯格"),
        ("马克･扎克伯格", "马克·扎克伯格"),  # half-width katakana dot, folded to ・ first
        ("马克·扎克伯格", "马克·扎克伯格"),
        # a genuine question ends in a particle, which is never a transliteration character
        ("真的吗?好", "真的吗?好"),
        ("真的吗？好", "真的吗?好"),  # folded to ASCII, but still a question mark
        ("为什么?因为成本太高", "为什么?因为成本太高"),
        ("这是什么?它是一款芯片", "这是什么?它是一款芯片"),
        ("你会去吧?会的", "你会去吧?会的"),
        # a ? that is not glued between two CJK characters is left alone
        ("扎克伯格?", "扎克伯格?"),
        ("?扎克伯格", "?扎克伯格"),
        ("Meta?Scale", "Meta?Scale"),
        ("https://x.com/watch?v=1", "https://x.com/watch?v=1"),
        ("Ａ•Ｂ", "A•B"),  # a dot between Latin letters is no name dot
        # full-width ASCII folds to ASCII, one character for one character
        ("（Ａ１２３％）", "(A123%)"),
        ("Ｓｃａｌｅ　ＡＩ", "Scale AI"),
        ("持股１１％", "持股11%"),
        # folds that would change the length are not made
        ("ﬁ㈱", "ﬁ㈱"),
        ("", ""),
    ],
)
def test_the_view_repairs_and_folds_character_for_character(raw: str, view: str) -> None:
    assert normalize(raw) == view
    assert len(normalize(raw)) == len(raw)


def test_a_full_width_stop_between_cjk_is_a_name_dot() -> None:
    assert normalize("马克．扎克伯格") == "马克·扎克伯格"


@pytest.mark.parametrize(
    "raw",
    [
        "他最终会选择苹果还是特斯拉?答案是两者都不",
        "新总部设在哪里?我们还不知道",
    ],
)
def test_a_question_ending_in_a_transliteration_character_keeps_its_question_mark(raw: str) -> None:
    assert normalize(raw) == raw


def test_the_view_never_moves_an_offset() -> None:
    raw = "据《华尔街日报》报道，Ｍｅｔａ向Scale AI投资143亿美元，马克?扎克伯格表示满意。"
    view = normalize(raw)
    start = raw.index("马克")
    assert view[start : start + 7] == "马克·扎克伯格"
    assert view[raw.index("Ｍ") : raw.index("Ｍ") + 4] == "Meta"


# ---------------------------------------------------------------------------------------------
# normalize: properties


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


@settings(max_examples=300)
@given(news_text)
def test_the_view_has_the_length_of_the_raw_text_and_changes_only_what_it_may(raw: str) -> None:
    view = normalize(raw)
    assert len(view) == len(raw)
    for original, seen in zip(raw, view, strict=True):
        # each character is either its one-character NFKC fold or, for a ? or a dot (. included), the name dot
        assert seen == _fold(original) or seen == NAME_DOT and _fold(original) in "?.•・‧·"


@settings(max_examples=300)
@given(news_text)
def test_normalizing_twice_changes_nothing(raw: str) -> None:
    assert normalize(normalize(raw)) == normalize(raw)


# ---------------------------------------------------------------------------------------------
# name_key and has_cjk


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("马克?扎克伯格", "马克·扎克伯格"),
        ("马克?扎克伯格", "马克 · 扎克伯格"),
        ("马克•扎克伯格", "马克・扎克伯格"),
        ("亚历山大？王", "亚历山大·王"),
        ("Scale AI", "scale ai"),
        ("Scale AI", "ScaleAI"),
        ("Ｓｃａｌｅ ＡＩ", "Scale AI"),
        ("Alexandr Wang", "ALEXANDR  WANG"),
    ],
)
def test_name_key_compares_names_without_case_spaces_or_name_dots(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Scale AI", "Scale"),
        ("亚历山大·王", "王"),
        ("GPT-5", "GPT-4"),
        ("Al-Dahle", "AlDahle"),  # a hyphen is part of the name, not a dot
    ],
)
def test_name_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Scale AI公司", True), ("Scale AI", False), ("·", False), ("《The Information》", False), ("豈", True)],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected
