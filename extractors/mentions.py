"""Mentions: the spans of a document that name a person, an organization or a product.

Each rule below is small, named and versioned, and describes one way Chinese news writes
names: a known name, a Latin name, a transliterated name with a dot, a 《title》 outlet, a
name ending in an organization word, a team inside a company, a citation's author. Rules
propose candidates; ``resolve_overlaps`` keeps one reading of every stretch of text.
Matching happens in the normalized view (``extractors.text``), whose offsets are the raw
text's, so every mention satisfies ``raw[start:end] == text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from extractors.lexicon import alternation, characters, table, translit_chars, words
from extractors.model import Document, Mention
from extractors.text import CJK, NAME_DOT, has_cjk, name_key, normalize
from extractors.tokens import Token, tokenize, word_frequency, word_tag
from ontology.known import KnownEntity, known_entities, lookup

# ---------------------------------------------------------------------------------------
# Shared context


@dataclass
class DocumentView:
    """A document with the derived views every rule needs, each computed once."""

    document: Document
    view: str = field(init=False)

    def __post_init__(self) -> None:
        self.view = normalize(self.document.raw)

    @cached_property
    def analysed(self) -> list[tuple[int, int, str]]:
        """Regions to read, as (start, end, kind)."""
        return [(r.start, r.end, r.kind) for r in sorted(self.document.regions)]

    @cached_property
    def blocked(self) -> list[tuple[int, int]]:
        """Spans no mention may overlap: URLs, Markdown link targets, HTML tags, footnote marks."""
        spans = []
        for match in _BLOCKED.finditer(self.view):
            spans.append(match.span())
        return spans

    @cached_property
    def tokens(self) -> list[Token]:
        tokens: list[Token] = []
        for start, end, _ in self.analysed:
            tokens.extend(tokenize(self.view[start:end], start))
        return tokens

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that begin in ``[start, end)``."""
        i = bisect_left(self._token_starts, start)
        j = bisect_left(self._token_starts, end)
        return self.tokens[i:j]

    @cached_property
    def _boundaries(self) -> tuple[frozenset[int], frozenset[int]]:
        return frozenset(t.start for t in self.tokens), frozenset(t.end for t in self.tokens)

    @property
    def word_starts(self) -> frozenset[int]:
        return self._boundaries[0]

    def on_word_boundaries(self, start: int, end: int) -> bool:
        starts, ends = self._boundaries
        return start in starts and end in ends

    @cached_property
    def _link_titles(self) -> list[tuple[int, int]]:
        return [m.span(1) for m in re.finditer(r"\[([^\]\n]{1,200})\]\(", self.view)]

    def in_link_title(self, start: int, end: int) -> bool:
        """Inside the title of a Markdown link (``[title](url)``)."""
        return any(s <= start and end <= e for s, e in self._link_titles)

    @cached_property
    def _blocked_starts(self) -> list[int]:
        return [s for s, _ in self.blocked]

    def is_blocked(self, start: int, end: int) -> bool:
        # blocked spans are disjoint and in text order: only the one starting last before ``end`` can overlap
        i = bisect_left(self._blocked_starts, end) - 1
        return i >= 0 and self.blocked[i][1] > start

    def inside(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, _ in self.analysed) and not self.is_blocked(start, end)


_BLOCKED = re.compile(r"https?://[^\s)\]）>]+|\]\([^)]*\)|</?[A-Za-z][^>]*>|\[\^\d+\]|www\.[^\s)]+")


def _mention(
    ctx: DocumentView,
    start: int,
    end: int,
    type_: str,
    extractor: str,
    confidence: float,
    kind: str = "",
    name: str | None = None,
) -> Mention:
    text = ctx.document.raw[start:end]
    return Mention(
        doc_id=ctx.document.id,
        start=start,
        end=end,
        text=text,
        type=type_,
        extractor=extractor,
        confidence=confidence,
        name=name if name is not None else ctx.view[start:end],
        kind=kind,
    )


# ---------------------------------------------------------------------------------------
# Vocabulary shared by the rules

LATIN_WORD = (
    r"(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)(?:[.\-'&][A-Za-z0-9]+)*"
)
LATIN_TAIL = (
    r"(?:[0-9]+(?:\.[0-9]+)*[a-z]?|[a-z][0-9]+(?:\.[0-9]+)*|[A-Z][A-Za-z0-9]*(?:[.\-'&][A-Za-z0-9]+)*)"
)
# A run of capitalized words ("Scale AI", "Alexandr Wang", "Llama 4", "GPT-5", "Character.AI").
LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9.\-@/_]){LATIN_WORD}(?: {LATIN_TAIL})*(?![A-Za-z0-9@_])")

# All-capital abbreviations that are not names in news text.
COMMON_ABBREVIATIONS = frozenset(
    """
    AI AGI ASI CEO CTO CFO COO CIO CMO CSO CPO CXO VP SVP EVP IPO M&A GPU CPU TPU NPU API APP APPS
    App SaaS PaaS IaaS LLM LLMs NLP ML RL RLHF SDK OS PC VR AR XR MR EV EVs ETF GDP IT UI UX B2B
    B2C PR HR RD ESG USD RMB CNY HKD EUR GBP JPY IoT AIGC ToB ToC KPI OKR PE VC LP GP ROI ARR MAU
    DAU CAGR H1 H2 Q1 Q2 Q3 Q4 FY YoY QoQ OK TV PDF HTML URL IP ID AGI-level GenAI-era vs PhD MBA
    CBD SOTA FAQ PPT DNA
    """.split()
)
TITLE_ABBREVIATIONS = frozenset("CEO CTO CFO COO CIO CMO CSO CPO CXO VP SVP EVP".split())
COMMON_ENGLISH = frozenset(
    """
    The A An And Or Of In On At To For With By From As Is Are Was Were Be This That These Those It
    Interview Show Podcast Report Reports News Update Blog Video Episode Part Chapter Page Vol No
    Inc
    """.split()
)
PRODUCT_TIERS = frozenset("Turbo Pro Max Ultra Plus Mini Lite Air Flash Nano Preview Beta".split())
EVENT_HEADS = ("大会", "开发者大会", "峰会", "论坛", "发布会", "会议", "展会", "博览会")
TRAILING_NOT_NAME = frozenset(
    {"Interview", "Show", "Podcast", "Report", "News", "Update", "Video", "Episode"}
)


def _product_heads() -> tuple[str, ...]:
    """Nouns that make the name before them a product (模型, 芯片, App …): the unambiguous ones of
    data/product_heads.txt, and 系列, which after a name always means a product line."""
    heads = {head for head, cells in table("product_heads.txt").items() if "ambiguous" not in cells[1:]}
    return tuple(sorted(heads | {"系列"}, key=lambda h: (-len(h), h)))


PRODUCT_HEADS = _product_heads()
# every product word, the ambiguous ones too, for places where the context already says "a product"
_ALL_PRODUCT_HEADS = "|".join(sorted(table("product_heads.txt"), key=lambda h: (-len(h), h)))
UNIT_SUFFIXES = ("实验室", "研究院", "研究所", "事业部", "事业群", "工作室", "团队", "部门", "小组", "中心")
SPEECH_VERBS = (
    "表示",
    "称",
    "说",
    "指出",
    "认为",
    "透露",
    "强调",
    "坦言",
    "介绍",
    "回应",
    "写道",
    "评价",
    "宣布",
    "承认",
)
_ORG_CUES = (
    "公司",
    "集团",
    "银行",
    "基金",
    "资本",
    "科技",
    "旗下",
    "收购",
    "宣布",
    "股价",
    "市值",
    "财报",
    "CEO",
    "首席",
)
REPORT_CUES = ("报道", "报导", "援引", "估计", "消息", "撰文", "发文", "披露", "刊登", "社论")


@lru_cache(maxsize=1)
def roles() -> frozenset[str]:
    return words("roles.txt")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Job titles and honorifics: what may stand right before or after a personal name."""
    return roles() | frozenset(HONORIFICS)


@lru_cache(maxsize=1)
def role_pattern() -> str:
    return alternation(roles())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return words("given_names_en.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return words("surnames.txt")


@lru_cache(maxsize=1)
def org_suffixes() -> dict[str, tuple[str, frozenset[str]]]:
    """Organization head noun -> (finer kind, flags such as "unit" and "ambiguous")."""
    out = {}
    for suffix, cells in table("org_suffixes.txt").items():
        kind = cells[0] if cells and cells[0] != "-" else ""
        flags = frozenset(f.strip() for f in cells[1].split(",")) if len(cells) > 1 else frozenset()
        out[suffix] = (kind, flags)
    return out


# ---------------------------------------------------------------------------------------
# Known entities


@lru_cache(maxsize=1)
def _known_index() -> tuple[re.Pattern[str], dict[str, KnownEntity]]:
    by_name: dict[str, KnownEntity] = {}
    for entity in known_entities():
        for name in (*entity.zh, *entity.en):
            surface = normalize(name)
            if len(name_key(surface)) >= 2:
                by_name.setdefault(surface, entity)
    pattern = re.compile(alternation(frozenset(by_name)))
    return pattern, by_name


def _known_type(name: str) -> str:
    entity = known_by_name(name)
    return entity.type if entity else ""


def known_by_name(name: str) -> KnownEntity | None:
    return lookup(name)


def _latin_boundary(view: str, start: int, end: int) -> bool:
    before = view[start - 1] if start > 0 else " "
    after = view[end] if end < len(view) else " "
    first, last = view[start], view[end - 1]
    if first.isascii() and first.isalnum() and before.isascii() and (before.isalnum() or before in "-_."):
        return False
    return not (last.isascii() and last.isalnum() and after.isascii() and (after.isalnum() or after in "-_"))


class KnownNames:
    """Names from the reference list of well-known entities (ontology/known_entities.json)."""

    name = "mentions.known.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        pattern, by_name = _known_index()
        for start, end, _ in ctx.analysed:
            for match in pattern.finditer(ctx.view, start, end):
                s, e = match.span()
                if not _latin_boundary(ctx.view, s, e) or not ctx.inside(s, e):
                    continue
                entity = by_name[match.group()]
                after_particle = s > 0 and ctx.view[s - 1] in "前原从在与和对向被由据及于称、，,"
                if (
                    e - s <= 2
                    and has_cjk(match.group())
                    and not (ctx.on_word_boundaries(s, e) or after_particle)
                ):
                    continue  # 荣耀 in 王者荣耀, 北大 in 北大荒
                if has_cjk(match.group()[0]) and not after_particle and _starts_inside_word(ctx, s):
                    continue  # 京东方 in 北京东方君悦大酒店
                yield _mention(ctx, s, e, entity.type, self.name, 0.95, kind=entity.kind or "")


def _starts_inside_word(ctx: DocumentView, start: int) -> bool:
    """Does ``start`` fall inside a dictionary word that began before it (北京|东方: 京 is inside 北京)?"""
    if start in ctx.word_starts:
        return False
    tokens = ctx.tokens_between(max(0, start - 4), start)
    word = next((t for t in reversed(tokens) if t.start < start < t.end), None)
    return word is not None and word_frequency(word.text) > 0


# ---------------------------------------------------------------------------------------
# Latin-script names


def _classify_latin(ctx: DocumentView, start: int, end: int, name: str) -> tuple[str, str, float]:
    """Type, kind and confidence of a Latin name from its own shape and its neighbours."""
    view = ctx.view
    after = view[end : end + 6].lstrip()
    before = view[max(0, start - 8) : start]
    parts = name.split(" ")
    if before.endswith(("“", '"', "《")) and after.startswith(("”", '"')):
        after = (
            view[view.find("”", end) + 1 : view.find("”", end) + 6]
            if "”" in view[end : end + 2]
            else after[1:]
        )
    if after.startswith(PRODUCT_HEADS) or re.search(r"[0-9]", parts[-1]) and len(parts) > 1:
        return "Product", "AIModel" if after.startswith(("模型", "大模型")) else "", 0.75
    if before.endswith(PRODUCT_HEADS + ("版",)) and _known_type(name) != "Organization":
        # 具身大模型DomeVLA, 医疗大模型MedGPT-Pro, 轻量版Tide-2 Mini: the product word stands first
        return "Product", "AIModel" if before.endswith("模型") else "", 0.7
    if _known_type(name) == "" and (
        re.search(r"(?:参与|负责|主导|领导)$", before)
        and re.match(r"的(?:开发|研发)", after)
        or re.search(r"(?:名为|名叫|叫做)$", before)
        and re.match(rf"的[^，。,]{{0,8}}?(?:{_ALL_PRODUCT_HEADS})", view[end : end + 12])
    ):
        return "Product", "", 0.65  # 参与AlphaCode的开发, 一款名为Tern的自主编程智能体: what is built
    if len(parts) > 1 and parts[-1] in PRODUCT_TIERS and re.search(r"[0-9]", name):
        return "Product", "", 0.7  # Tide-2 Mini, GPT-4 Turbo: a versioned name and its tier
    if len(parts) > 1 and any(_known_type(p) == "Product" for p in parts):  # Defense Llama, Code Llama
        return "Product", "", 0.7
    if re.fullmatch(r"[A-Za-z]+(?:-[0-9][A-Za-z0-9.]*)", name):  # GPT-5, DeepSeek-R1
        return "Product", "AIModel", 0.7
    if before.endswith("《") and not before.endswith("据《"):
        # 《Diablo》 is a work's title; 《Wired》报道 an outlet's
        closing = view[end : end + 1] == "》"
        follows = view[end + 1 : end + 12] if closing else ""
        if not re.match(r"(?:的?[^，。]{0,6})?(?:" + "|".join(REPORT_CUES) + r"|称|报道|杂志|网站)", follows):
            return "", "", 0.5
    if (
        before.endswith("《")
        or after.startswith(REPORT_CUES)
        or re.match(r"(?:[^，。,]{0,8})(?:报道|报导)", after)
    ):
        return "Organization", "MediaOutlet", 0.8
    if after.startswith(UNIT_SUFFIXES):
        return "Organization", "", 0.7
    if (
        len(parts) >= 2
        and parts[0] in given_names()
        and all(p[:1].isupper() and p.replace("-", "").isalpha() for p in parts)
    ):
        return "Person", "", 0.85
    if len(parts) == 1 and name in given_names():
        return "", "", 0.5  # a first name alone: a person if someone in the text bears it
    if re.search(r"(?:" + role_pattern() + r")\s*$", before) and len(parts) >= 2:
        return "Person", "", 0.7
    if (
        after.startswith(SPEECH_VERBS)
        and len(parts) == 2
        and all(p.isalpha() and p[:1].isupper() for p in parts)
    ):
        return "Person", "", 0.6
    if _left_cue(view, start) == "title" and all(p[:1].isalpha() for p in parts) and _known_type(name) == "":
        return "Person", "", 0.6  # 设计师Ken Rolston, 分析师Dan Ives: a title names a person
    if view.startswith(HONORIFICS + ("夫妇", "毕业于", "出生"), end) and _known_type(name) == "":
        return "Person", "", 0.6
    if len(parts) == 1 and (name in PRODUCT_TIERS or after.startswith(EVENT_HEADS)):
        return "", "", 0.0  # "Turbo" alone; "Create开发者大会" is an event
    if len(parts) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
        return "", "", 0.5  # one capitalized word: a surname alias or a company; entities decide
    if len(parts) == 1 and re.search(r"[0-9]", name) and len(re.sub(r"[^A-Za-z]", "", name)) >= 3:
        # Qwen3, DeepSeek-R2, Qwen3-235B-A22B: a versioned name is a product (a model, a chip, a game)
        return ("Organization", "", 0.6) if after.startswith(_ORG_CUES) else ("Product", "", 0.6)
    if len(parts) == 1 and (re.search(r"[0-9]", name) or re.fullmatch(r"[A-Z]{1,3}|[A-Z][a-z]?[A-Z]", name)):
        # "CS", "3D", "MoE": codes and abbreviations far more often than companies
        return ("Organization", "", 0.6) if after.startswith(_ORG_CUES) else ("", "", 0.0)
    return "Organization", "", 0.6


class LatinNames:
    """Runs of capitalized Latin words: ``Scale AI``, ``Alexandr Wang``, ``Llama 4``, ``GPT-5``."""

    name = "mentions.latin.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for match in LATIN_NAME.finditer(ctx.view, start, end):
                yield from self._split_at_titles(ctx, match.start(), match.end())

    def _split_at_titles(self, ctx: DocumentView, start: int, end: int) -> Iterator[Mention]:
        """ "OpenAI CEO Sam Altman" is two names with a title between them."""
        position = start
        for word in re.finditer(r"\S+", ctx.view[start:end]):
            if word.group() in TITLE_ABBREVIATIONS:
                if word.start() > 0:
                    yield from self._from_run(ctx, position, start + word.start() - 1)
                position = start + word.end() + 1
        if position < end:
            yield from self._from_run(ctx, position, end)

    def _from_run(self, ctx: DocumentView, start: int, end: int) -> Iterator[Mention]:
        words_ = ctx.view[start:end].split(" ")
        if not words_ or not words_[0]:
            return
        # Drop leading articles and trailing common nouns ("Alexandr Wang Interview").
        while (
            words_
            and words_[0] in COMMON_ENGLISH
            and len(words_) > 1
            and words_[0] in {"The", "A", "An"}
            and not self._titled(ctx, start)
        ):
            start += len(words_[0]) + 1
            words_ = words_[1:]
        # Drop trailing words that are not part of the name: common nouns ("… Interview"),
        # titles ("SuperAnnotate CEO") and numbers that measure something ("Scale AI 49%").
        while len(words_) > 1 and (
            words_[-1] in TRAILING_NOT_NAME
            or words_[-1] in TITLE_ABBREVIATIONS
            or words_[-1].isdigit()
            and re.match(r"\s*[%％年月日亿万岁个名家倍]", ctx.view[end : end + 2])
        ):
            end -= len(words_[-1]) + 1
            words_ = words_[:-1]
        if words_[-1] in TRAILING_NOT_NAME and len(words_) == 1:
            return
        name = " ".join(words_)
        if not ctx.inside(start, end) or name in COMMON_ABBREVIATIONS or name in COMMON_ENGLISH:
            return
        if len(name) < 2 or name.isdigit():
            return
        # A run that starts with an abbreviation ("AI Scale"?) keeps it; one that is only
        # abbreviations joined by spaces ("CEO AI") is not a name.
        if all(w in COMMON_ABBREVIATIONS for w in words_):
            return
        type_, kind, confidence = _classify_latin(ctx, start, end, name)
        if ctx.in_link_title(start, end) and type_ != "Person":
            # an English headline capitalizes every word ("Oracle Agrees to Pay"): only people's
            # names are told apart from the other words there; companies are found by the known list
            return
        if confidence > 0:
            yield _mention(ctx, start, end, type_, self.name, confidence, kind=kind)

    @staticmethod
    def _titled(ctx: DocumentView, start: int) -> bool:
        return ctx.view[max(0, start - 1) : start] == "《"


# ---------------------------------------------------------------------------------------
# Transliterated foreign names: 亚历山大·王, 埃隆·马斯克


@lru_cache(maxsize=1)
def _translit_name() -> re.Pattern[str]:
    chars = "".join(sorted(translit_chars()))
    part = f"[{re.escape(chars)}]"
    return re.compile(rf"{part}{{1,6}}(?:{NAME_DOT}{part}{{1,8}}){{1,2}}")


# Verbs that follow a name and begin with a character transliterations also use (加 of 加入).
_VERBS_AFTER_NAMES = (
    "加入",
    "加盟",
    "毕业",
    "表示",
    "指出",
    "认为",
    "透露",
    "出任",
    "担任",
    "创立",
    "创办",
    "离开",
    "离职",
    "卸任",
    "宣布",
    "称",
    "说",
    "曾",
    "将",
    "也",
    "则",
    "和",
    "与",
    "及",
    "在",
    "是",
    "为",
)


def _before_verb(view: str, start: int, end: int) -> int:
    """Give back characters at the end of a name that begin the verb after it (约翰·史密斯|加入)."""
    dot = view.rfind(NAME_DOT, start, end)
    for cut in range(end - 1, max(dot + 1, end - 2) - 1, -1):
        if cut > dot + 1 and view.startswith(_VERBS_AFTER_NAMES, cut):
            return cut
    return end


def _after_title(view: str, start: int, end: int) -> int:
    """Skip characters at the start of a name that complete a title before it (总理|本雅明 …)."""
    dot = view.find(NAME_DOT, start, end)
    for cut in range(start + 1, min(dot, start + 3) if dot > 0 else start):
        left = view[max(0, cut - 4) : cut]
        if any(left.endswith(title) for title in titles()) and dot - cut >= 1:
            return cut
    return start


class TransliteratedNames:
    """Foreign names written in Chinese with a name dot between given name and surname."""

    name = "mentions.translit.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for match in _translit_name().finditer(ctx.view, start, end):
                s, e = match.span()
                s = _after_title(ctx.view, s, e)
                e = _before_verb(ctx.view, s, e)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Person", self.name, 0.85)


# ---------------------------------------------------------------------------------------
# Media outlets: 《华盛顿邮报》, 彭博社, CNBC报道


_OUTLET_ENDINGS = (
    "日报",
    "晚报",
    "时报",
    "邮报",
    "周刊",
    "周报",
    "杂志",
    "新闻",
    "报",
    "社",
    "网",
    "电视台",
    "通讯社",
)


class MediaOutlets:
    """Outlets the article attributes claims to: titles in 《》 that report, and 据X报道."""

    name = "mentions.media.v1"
    _TITLE = re.compile(r"《([^《》\n]{1,30})》")
    _ATTRIBUTED = re.compile(
        rf"据([{CJK}]{{2,6}}?(?:社|报|台|网))(?=等|报道|报导|消息|援引|估计|称|[^，。]{{0,8}}报道)"
    )
    _AGENCY = re.compile(rf"([{CJK}]{{2,5}}社)(?=[^，。]{{0,10}}(?:报道|报导|援引|消息|称))")
    # 据晚点报道, 据36氪报道: whatever stands between 据 and 报道 is the outlet, unless it is a kind of source
    _REPORTED_BY = re.compile(rf"据((?:(?![等和与及的])[{CJK}A-Za-z0-9]){{2,8}}?)(?:报道|报导)")
    _GENERIC_SOURCES = (
        "外媒",
        "媒体",
        "消息人士",
        "知情人士",
        "相关",
        "有关",
        "当地",
        "国外",
        "海外",
        "多家",
        "官方",
    )

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in self._TITLE.finditer(view, start, end):
                s, e = match.span(1)
                title = match.group(1)
                follows = view[match.end() : match.end() + 12]
                is_outlet = (
                    title.endswith(_OUTLET_ENDINGS)
                    or re.match(r"(?:的?[^，。]{0,6})?(?:" + "|".join(REPORT_CUES) + r"|称|报道)", follows)
                    or view[max(0, match.start() - 1) : match.start()] == "据"
                )
                if is_outlet and ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.85, kind="MediaOutlet")
            for match in self._REPORTED_BY.finditer(view, start, end):
                s, e = match.span(1)
                source = view[s:e]
                if (
                    not source.startswith(self._GENERIC_SOURCES)
                    and not source.endswith("媒体")
                    and ctx.inside(s, e)
                ):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.7, kind="MediaOutlet")
            for pattern in (self._ATTRIBUTED, self._AGENCY):
                for match in pattern.finditer(view, start, end):
                    s, e = match.span(1)
                    outlet = match.group(1)
                    lead = re.match(r"(?:另据|根据|据|日电|日讯)", outlet)
                    if lead:
                        s += lead.end()
                    if (
                        ctx.inside(s, e)
                        and e - s >= 2
                        and not ctx.view[s:e].startswith(("中", "该", "这", "社"))
                    ):
                        yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="MediaOutlet")


# ---------------------------------------------------------------------------------------
# Chinese organization names ending in an organization word: 美国国防部, 腾讯云开发者社区

_PROPER_POS = ("ns", "nt", "nz", "nr", "nrt", "nrfg", "eng", "j")
_GENERIC_HEADS = frozenset({"公司", "集团", "企业", "机构", "部门", "团队", "大学", "银行"})


@lru_cache(maxsize=1)
def _suffix_lengths() -> list[int]:
    return sorted({len(s) for s in org_suffixes()}, reverse=True)


def _head_suffix(word: str) -> str | None:
    """The longest organization head noun that ``word`` ends with (股份有限公司 before 公司)."""
    suffixes = org_suffixes()
    return next((word[-n:] for n in _suffix_lengths() if word[-n:] in suffixes), None)


# what follows an industry word to make it a field, not a company's name: 微电子系, 芯片行业
_FIELD_AFTER = frozenset("系业界")


class SuffixOrganizations:
    """A name (a brand, a place, a known name) followed by an organization head noun.

    A company needs a brand of its own (字号): 商业银行 and 中国保险公司 are kinds of company, not
    names. A government body is named by place and function (美国国防部), so a place suffices.
    """

    name = "mentions.org_suffix.v1"
    _STOP = frozenset({"日电", "日讯", "电", "讯", "据", "根据", "另据"})

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        suffixes = org_suffixes()
        tokens = ctx.tokens
        for i, token in enumerate(tokens):
            suffix = _head_suffix(token.text)
            if suffix is None:
                continue
            kind, flags = suffixes[suffix]
            if token.pos.startswith("v"):
                continue  # 签署 ends in 署 but signs nothing into being
            if kind == "GovernmentBody":
                start = _government_name(tokens, i, suffix)
                if start is not None and ctx.inside(start, token.end):
                    yield _mention(ctx, start, token.end, "Organization", self.name, 0.7, kind=kind)
                continue
            # units are found by ``Units``; an ambiguous head (部, 局, 中心) ends ordinary phrases
            # as often as names, so only jieba's own organization words are trusted with one
            if kind == "Team" or "unit" in flags or ("ambiguous" in flags and token.pos != "nt"):
                continue
            j = i
            while j > 0 and tokens[j - 1].end == tokens[j].start and i - j < 4:
                prev = tokens[j - 1]
                if (
                    prev.text in COMMON_ABBREVIATIONS
                    or prev.text in self._STOP
                    or prev.pos in ("nr", "nrfg", "nrt", "m", "t")
                ):
                    break
                if prev.pos in _PROPER_POS or prev.pos in ("n", "nz", "vn") and len(prev.text) >= 2:
                    j -= 1
                    continue
                break
            while j < i and tokens[j].pos not in _PROPER_POS:  # generic nouns on the left are not the name
                j += 1
            parts = tokens[j : i + 1]
            start, end = parts[0].start, token.end
            text = ctx.view[start:end]
            if len(text) <= len(suffix) + 1 or text in _GENERIC_HEADS or not ctx.inside(start, end):
                continue
            if kind == "Company" and ctx.view[end : end + 1] in _FIELD_AFTER:
                continue  # 复旦大学微电子|系, 半导体|行业: a field of study or of trade, not a company
            head_prefix = token.text[: -len(suffix)]
            brands = [t for t in parts[:-1] if t.pos in _PROPER_POS and t.pos != "ns"]
            if head_prefix and (len(parts) == 1 or not brands):
                # the head word carries the name: trust it if it is no everyday word (商业银行 is)
                brands += [token] if _is_brand(head_prefix) else []
            if kind == "Company" and len(parts) == 1 and not text.endswith(LEGAL_FORMS):
                place = _leading_place(text)  # jieba glues countries to companies: 韩国三星电子
                if place and len(text) - place >= len(suffix) + 2:
                    start += place
            if kind == "Company" and brands and not text.endswith(LEGAL_FORMS):
                while parts[0].pos == "ns" and len(parts) > 2:
                    parts = parts[1:]
                start = max(start, parts[0].start)
            places = [t for t in parts[:-1] if t.pos == "ns"]
            government = kind in ("GovernmentBody", "University", "MediaOutlet")
            if not brands and not (government and (places or head_prefix)):
                continue
            yield _mention(ctx, start, end, "Organization", self.name, 0.7, kind=kind)


# Head nouns after which the words before them, if one of them names something, are a name: the
# organizations of general news (companies, banks, associations, state bodies, institutes)
_NAMED_HEADS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "公司",
    "集团",
    "银行",
    "证券",
    "地产",
    "置业",
    "友好协会",
    "协会",
    "学会",
    "联合会",
    "商会",
    "基金会",
    "研究会",
    "促进会",
    "委员会",
    "研究所",
    "研究院",
    "研究中心",
    "管理中心",
    "发行中心",
    "担保中心",
    "交流中心",
    "服务中心",
    "福彩中心",
    "体彩中心",
    "律师事务所",
    "会计师事务所",
    "大学",
    "学院",
    "医院",
    "法院",
    "检察院",
    "人民政府",
    "政府",
    "管理局",
    "总局",
    "交易所",
    "基金",
    "电视台",
    "出版社",
    "杂志社",
    "报社",
    "俱乐部",
)
# the last words of heads the segmenter may cut off from the word before them (管理|中心)
_SPLIT_HEAD_ENDS = frozenset({"中心", "事务所", "公司", "协会"})
_KINDS_OF_FUND = frozenset("主权 对冲 私募 公募 货币 指数 养老 债券 股票 混合 美元 人民币".split())
_NAME_MATERIAL = frozenset(
    {"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "b", "x", "vn", "an", "l", "eng", "s"}
)
_NAMING_POS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "x", "eng"})
_DETERMINERS = ("该", "这", "那", "本", "其", "各", "某", "每", "此")


_COMPANY_HEADS = frozenset(
    {"股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "集团", "银行", "证券"}
)


def _names_something(token: Token) -> bool:
    """Does this word before an organization head name something (a place, a brand, a name), rather
    than say what kind of organization it is (初创, 数据服务, 人工智能)?"""
    text = token.text
    if token.pos == "ns" and (text in places() or word_tag(text) == "ns") and text not in ("加盟",):
        return True  # for a company, _COMPANY_HEADS asks for more than a place
    if text in _GENERIC_BRANDS or text in _KINDS_OF_ORGANIZATION or text in INDUSTRY_WORDS:
        return False
    if token.pos == "eng":
        return text not in COMMON_ABBREVIATIONS and len(text) >= 2
    if re.fullmatch(f"[{CJK}]{{2,}}", text) is None:
        return False
    if text in CATEGORY_NOUNS or text in ("全资", "控股", "明星", "现任", "前任", "原"):
        return False
    if token.pos in ("nt", "nz", "j") or word_frequency(text) < 50 and not token.pos.startswith("v"):
        # an unknown word is a name only if it is not made of everyday words (初创, 现任 are)
        return all(word_frequency(text[n : n + 2]) < 200 for n in range(len(text) - 1))
    return False


def _brand_position(parts: list[Token], n: int) -> bool:
    """A word the segmenter calls a person's name is a brand only where a brand stands: right before
    the industry word or the head noun (河南|天荣|置业有限公司), not before other words (林嘉文|现任|公司)."""
    after = parts[n + 1]
    return after is parts[-1] or after.text in INDUSTRY_WORDS or _head_suffix(after.text) is not None


class HeadedOrganizations:
    """The words before an organization head noun, when one of them names something: a place
    (武汉市住房保障管理中心), a brand (澳际教育咨询公司), a name (河南天荣置业有限公司). Words that
    only say what kind of organization it is (大型连锁房产经纪公司) are no name."""

    name = "mentions.org_head.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        tokens = ctx.tokens
        heads = frozenset(_NAMED_HEADS)
        lengths = sorted({len(h) for h in heads}, reverse=True)  # the longest head first: 有限公司, not 公司
        for i, token in enumerate(tokens):
            head = next((token.text[-n:] for n in lengths if token.text[-n:] in heads), None)
            j = i
            if i > 0 and tokens[i - 1].end == token.start and token.text in _SPLIT_HEAD_ENDS:
                # a head the segmenter cut in two: 住房保障|管理|中心, 福利彩票|发行|中心, 友好|协会
                joined = tokens[i - 1].text + token.text
                split = next((joined[-n:] for n in lengths if joined[-n:] in heads), None)
                if (
                    split is not None
                    and len(split) > len(token.text)
                    and (head is None or len(split) > len(head))
                ):
                    head = split
                    j = i - 1 if len(split) == len(joined) else i  # the walk starts before the whole head
            if head is None:
                continue
            while j > 0 and i - j < 5 and tokens[j - 1].end == tokens[j].start:
                prev = tokens[j - 1]
                cjk = re.fullmatch(f"[{CJK}]+", prev.text) is not None
                material = prev.pos in _NAME_MATERIAL and (cjk or prev.pos == "eng")
                rare = (
                    cjk
                    and len(prev.text) >= 2
                    and word_frequency(prev.text) < 50
                    and not prev.pos.startswith("v")
                    and not set(prev.text) & _FUNCTION_CHARS
                )
                if not (material or rare) or prev.text in _DETERMINERS or token.end - prev.start > 16:
                    break
                j -= 1
            parts = tokens[j : i + 1]
            prefix = ctx.view[parts[0].start : token.end - len(head)]
            if len(prefix) < 2 or prefix in _KINDS_OF_ORGANIZATION or prefix.endswith(("的", "和", "等")):
                continue
            if head == "基金" and len(parts) > 1 and parts[-2].text in _KINDS_OF_FUND:
                continue  # 中东主权基金, 美国对冲基金: a kind of fund from somewhere, not a fund's name
            inner = token.text[: -len(head)]  # 初创|公司, 星展|银行: a name inside the head word
            if inner in _KINDS_OF_ORGANIZATION:
                continue  # 科创板|上市公司, 香港|上市公司: what kind of company, and where it is listed
            naming = [
                t
                for n, t in enumerate(parts[:-1])
                if _names_something(t) and (t.pos not in ("nr", "nrfg", "nrt") or _brand_position(parts, n))
            ]
            if len(inner) >= 2 and (_names_something(Token(0, 0, inner, word_tag(inner) or "x"))):
                naming.append(token)
            if not naming:
                continue
            legal_form = head in ("股份有限公司", "有限责任公司", "有限公司")  # registered: always a name
            if head in _COMPANY_HEADS - {"银行"} and all(t.pos == "ns" for t in naming) and not legal_form:
                continue  # 以色列公司 is a company from Israel, not a name (重庆银行 is a bank's name)
            start = parts[0].start if naming[0].pos == "ns" else naming[0].start
            dash = j >= 2 and tokens[j - 1].text in ("—", "－", "-", "–")
            if dash and naming[0].pos == "ns" and tokens[j - 2].pos == "ns":
                start = tokens[j - 2].start  # 苏丹—中国友好协会: a society of two countries
            if ctx.view[start] in "原前" and word_frequency(ctx.view[start : start + 2]) == 0:
                start += 1  # 原|淘天集团: the former unit's name, not a name with 原 (前海 is a place)
            name = ctx.view[start : token.end]
            if len(name) <= len(head) + 1 or not ctx.inside(start, token.end):
                continue
            if any(known_by_name(name[:n]) for n in range(2, len(name) - len(head) + 1)):
                continue  # 浙江大学计算机学院, 阿里云智能集团: the known name is found on its own
            suffix = _head_suffix(name)
            kind = org_suffixes()[suffix][0] if suffix else ""
            yield _mention(ctx, start, token.end, "Organization", self.name, 0.6, kind=kind)


# Armed forces as news names them: 美军, 俄罗斯海军, 印度空军, 美国海军陆战队, 解放军 (known)
_COUNTRY_SHORT = "美俄德日英法中韩朝印以伊意澳加越泰菲巴土"
_FORCES = re.compile(
    rf"(?:(?P<country>{{countries}})|(?P<short>[{_COUNTRY_SHORT}]))?(?P<arm>海军陆战队|海军|空军|陆军|军)(?![队区官人事医舰机费])"
)


@lru_cache(maxsize=1)
def _forces() -> re.Pattern[str]:
    countries = alternation(
        frozenset(p for p in places() if p.endswith(("国", "斯", "亚", "兰", "本", "度", "西")))
    )
    return re.compile(_FORCES.pattern.replace("{countries}", countries))


class ArmedForces:
    """A country's armed forces or one of its arms: 美军, 俄罗斯海军, 印度空军, 美国海军陆战队."""

    name = "mentions.forces.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for match in _forces().finditer(ctx.view, start, end):
                arm, named = match.group("arm"), match.group("country") or match.group("short")
                if arm == "军" and not named or not named and not ctx.on_word_boundaries(*match.span()):
                    continue  # 军 alone is no force; 海军 inside 海军蓝 is a colour
                s, e = match.span()
                if match.group("short") and s > 0 and ctx.view[s - 1] in _COUNTRY_SHORT + "欧":
                    continue  # 中美军事, 欧美军: two countries' short forms, not one force
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.6, kind="GovernmentBody")


# what stands before an organization word to say what kind of organization it is, not which one
_KINDS_OF_ORGANIZATION = frozenset(
    "商业 投资 开发 政策 政策性 农村 城市 地方 民营 外资 合资 国有 股份制 私人 网络 电子 直销 储蓄 信用"
    " 跨国 上市 中资 外国 国外 国内 各国 大型 中小 小型 金融 保险 证券 信托 基金 咨询 中介 物业 房地产"
    " 科技 互联网".split()
)


# the last character of a place or building the dictionary lists among organization names
_FACILITY_ENDINGS = frozenset("区站馆堂场楼厦园街路桥宫殿城港")


class DictionaryOrganizations:
    """Words the segmenter's dictionary lists as organization names (nt): 交通银行, 新华社, 外交部,
    中共中央, 北京大学. Names every reader knows, often without a head noun a rule could see
    (国务院 has one, 联合国 and 东盟 none); the dictionary is jieba's, public and general."""

    name = "mentions.dictionary_org.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for token in ctx.tokens:
            if token.pos != "nt" or len(token.text) < 2 or word_tag(token.text) != "nt":
                continue
            if token.text in _GENERIC_HEADS or not ctx.inside(token.start, token.end):
                continue
            suffix = _head_suffix(token.text)
            if suffix and token.text[: -len(suffix)] in _KINDS_OF_ORGANIZATION:
                continue  # 商业银行, 投资公司: a kind of organization, not one
            if token.text[-1] in _FACILITY_ENDINGS or token.text.endswith(("中心", "大会堂")):
                continue  # 商务区, 北京站, 美术馆, 国家图书馆: places and buildings, not organizations
            if suffix is None and (token.text.endswith("化") or token.text.startswith(("广大", "国际"))):
                continue  # 国际化, 广大观众, 国际石油
            if word_tag(token.text[-2:]) in ("v", "vn") and suffix is None:
                continue  # 联合开发 is listed as a name, but reads as what it says: a verb
            if any(known_by_name(token.text[:n]) for n in range(2, len(token.text) - 1)):
                continue  # 清华大学电子工程系: the known name, and a unit of it, are other rules' business
            start = token.start
            place = _leading_place(token.text)  # 韩国三星电子: the country is not part of the name
            if place and known_by_name(token.text[place:]) is not None:
                start += place
            kind = org_suffixes()[suffix][0] if suffix else ""
            yield _mention(ctx, start, token.end, "Organization", self.name, 0.6, kind=kind)


# What a known company's name takes to name one of its businesses, each a company of its own in
# the news (京东健康, 小米汽车, 京东物流, 腾讯音乐, 高瓴创投, 软银愿景基金), not a product (华为芯片);
# never a word that is also a verb (红杉中国投资了…, 腾讯控股了…)
_ARM_WORDS = (
    "健康",
    "医疗",
    "物流",
    "金融",
    "科技",
    "资本",
    "创投",
    "愿景基金",
    "基金",
    "汽车",
    "音乐",
    "影业",
    "游戏",
    "证券",
    "保险",
)
_ARM = re.compile(alternation(frozenset(_ARM_WORDS)))
# a known company's name, what it does, and a legal form: a company of its group (携程国旅公司,
# 索尼动画制作公司, 华为技术有限公司), or the company itself (育碧公司)
_SUBSIDIARY = re.compile(rf"(?P<middle>[{CJK}]{{0,6}}?)(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)")


class CompanyArms:
    """A known company's name and a business word: one organization, the company's arm (京东健康 is
    not 京东, 美团 and 美团外卖 differ). Only at a word's end: 华为云南 is no cloud."""

    name = "mentions.company_arm.v1"

    def extend(self, ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
        ends = ctx._boundaries[1]
        for mention in found:
            if mention.extractor != KnownNames.name or mention.type != "Organization":
                continue
            if mention.kind not in ("Company", ""):
                continue
            match = _ARM.match(ctx.view, mention.end)
            if match is None or match.end() not in ends or mention.name.endswith(match.group()):
                match = _SUBSIDIARY.match(ctx.view, mention.end)
                middle = match.group("middle") if match else ""
                if match is None or match.end() not in ends or _UNIT_STOP & set(middle) or "旗下" in middle:
                    continue
                if middle and (_has_verb(middle) or middle in _KINDS_OF_ORGANIZATION):
                    continue  # 腾讯收购公司, 腾讯投资公司: what the company does to a company
            start, end = mention.start, match.end()
            if ctx.inside(start, end):
                yield _mention(ctx, start, end, "Organization", self.name, 0.65, kind="Company")


# China's big state banks by one character each, in a list: 工、农、中、建四大行, 工、中、建、交等银行
_BANK_INITIALS = re.compile(
    r"[工农中建交](?:、[工农中建交]){2,4}"
    r"(?=[0-9一二三四五六七八九]?(?:大|家)?(?:国有)?(?:商业)?(?:银行|行)|等)"
)
# local banks and credit unions named by their place: 北京农商行, 山东省联社, 省联社
_LOCAL_BANK = re.compile(r"(农村商业银行|农商银行|农商行|农信社|信用社|联社)")


class Banks:
    """Banks as Chinese finance news shortens them: the initials of the big state banks in a list
    (工、农、中、建四大行), and local banks and credit unions after their place (北京农商行, 省联社)."""

    name = "mentions.bank.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _BANK_INITIALS.finditer(view, start, end):
                before = view[match.start() - 1 : match.start()]
                if re.match(f"[{CJK}]", before) and before not in _GLUED_BEFORE:
                    continue  # 加工、农业: the first character ends another word
                for n in range(match.start(), match.end(), 2):
                    yield _mention(ctx, n, n + 1, "Organization", self.name, 0.7, kind="Company")
            for match in _LOCAL_BANK.finditer(view, start, end):
                s = self._place_before(ctx, match.start())
                if s is not None and ctx.inside(s, match.end()):
                    yield _mention(ctx, s, match.end(), "Organization", self.name, 0.65, kind="Company")

    @staticmethod
    def _place_before(ctx: DocumentView, end: int) -> int | None:
        """Where the place before a local bank's name begins: a place the segmenter or the place list
        knows, with its 省/市/县; or 省, 市, 县 alone (省联社 is the province's)."""
        view = ctx.view
        level = 1 if view[end - 1 : end] in ("省", "市", "县") else 0
        for token in reversed(ctx.tokens_between(max(0, end - 6), end)):
            if token.end == end and (token.pos == "ns" or token.text in places()):
                return token.start
            if token.end == end - level and (token.pos == "ns" or token.text in places()):
                return token.start
        if level and end - 1 in ctx.word_starts:
            return end - 1
        return None


# The Party's national congresses by their ordinal, as political news names them: 十五大, 党的十五大,
# 中共十四大 (十一 alone is a holiday, so 十一大 needs the Party before it)
_CONGRESS = re.compile(r"(?:二十|十[二三四五六七八九])大(?![学会队家型小量多行类项城洲])")
_CONGRESS_AFTER_PARTY = re.compile(r"(?<=党的|中共)十一大(?![学会队家型小量多行类项])")


class PartyCongresses:
    """A national congress of the Party named by its ordinal alone: 十五大, 党的十五大."""

    name = "mentions.congress.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for pattern in (_CONGRESS, _CONGRESS_AFTER_PARTY):
                for match in pattern.finditer(ctx.view, start, end):
                    s, e = match.span()
                    if re.match(r"[0-9一二三四五六七八九十第]", ctx.view[s - 1 : s] or " "):
                        continue  # 二十五大, 第十五大: a larger figure, not an ordinal congress
                    if ctx.inside(s, e):
                        yield _mention(ctx, s, e, "Organization", self.name, 0.7)


# A part of an organization named after its place: 中国银行广东珠海分行, 新华社香港分社, 西城工商分局
_BRANCH = re.compile(
    rf"(?:[{CJK}]{{0,3}}?(?:省|市|区|县|州)|[{CJK}]{{2,3}}?)?(?:分行|支行|分公司|子公司|分局|分社|分院|分会|营业部)"
)
_BRANCH_STOP = frozenset("的和与及在是了对为从向将也都")


_ORDINAL = "[一二三四五六七八九十百零〇0-9]+"
# What an organization's name continues with to name one of its organs or meetings: 致公党|中央,
# 中国共产党|第十五次全国代表大会, 全国人大|常委会, 中共|十五大
_ORGAN = re.compile(
    rf"(?:第{_ORDINAL}(?:届|次)(?:全国|中央)?(?:代表大会|委员会|中央委员会|全体会议|会议)"
    rf"|(?:十[一二三四五六七八九]?|[一二三四五六七八九])大(?![学会队家型小量多行])"
    r"|中央(?:委员会|政治局|书记处|军事委员会)?"
    r"|常委会|常务委员会|政治局|书记处|主席团)"
)
_ORDINAL_BEFORE = re.compile(rf"第{_ORDINAL}(?:届|次)$")


class Branches:
    """An organization name followed by a branch or an organ of it: 光大银行沈阳分行, 建设银行广东省分行,
    致公党中央, 中国共产党第十五次全国代表大会, 全国人大常委会; and a body named by its ordinal
    (第十五次全国代表大会)."""

    name = "mentions.branch.v1"

    def extend(self, ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
        view = ctx.view
        for mention in found:
            if mention.type != "Organization":
                continue
            start, end = mention.start, mention.end
            ordinal = _ORDINAL_BEFORE.search(view, max(0, start - 8), start)
            if ordinal and mention.name.endswith(("代表大会", "委员会", "会议")):
                start = ordinal.start()
            for pattern in (_BRANCH, _ORGAN):
                match = pattern.match(view, end)
                if match is not None and not _BRANCH_STOP & set(match.group()):
                    end = match.end()
            if (start, end) != (mention.start, mention.end) and ctx.inside(start, end):
                yield _mention(ctx, start, end, "Organization", self.name, 0.65, kind=mention.kind)


# words ending in a state body's head noun that name no body: parts of a place or of a whole
_NOT_BODIES = frozenset(
    "东部 西部 南部 北部 中部 内部 外部 全部 局部 头部 底部 顶部 腹部 部分 大局 格局 布局 当局".split()
)


def _government_name(tokens: list[Token], head: int, suffix: str) -> int | None:
    """Where a state body's name begins: at the place that names it (韩国|公平交易委员会,
    荷兰|经济事务部), or, with no place, where jieba's own organization word begins (外交部)."""
    if tokens[head].text in _NOT_BODIES:
        return None
    j = head
    nominal = ("n", "vn", "a", "an", "nz", "ns", "nt", "j", "b", "l")
    while j > 0 and tokens[j - 1].end == tokens[j].start and head - j < 5 and tokens[j - 1].pos in nominal:
        j -= 1
    for k in range(j, head + 1):
        if tokens[k].pos == "ns":
            return tokens[k].start if k < head or len(tokens[k].text) > len(suffix) else None
    token = tokens[head]
    if token.pos == "nt" and len(token.text) > len(suffix) + 1:
        return token.start
    return None


@lru_cache(maxsize=65536)
def _has_verb(word: str) -> bool:
    return any(t.pos in ("v", "vd", "vi") for t in tokenize(word))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    return frozenset(word for row in words("places.txt") for word in row.split())


def _trailing_place(text: str) -> int:
    """Length of a place name that ends ``text`` (…深圳 -> 2), else 0."""
    return max((len(p) for p in places() if text.endswith(p)), default=0)


def _leading_place(word: str) -> int:
    """Length of a place name that begins ``word`` (韩国三星电子 -> 2), else 0."""
    return max((len(p) for p in places() if word.startswith(p) and len(p) < len(word)), default=0)


# jieba's dictionary counts: a word seen this often is an everyday word, not a brand
_EVERYDAY_FREQUENCY = 200


@lru_cache(maxsize=65536)
def _is_brand(word: str) -> bool:
    """A word is a brand (字号) unless it is an everyday word or a string of them.

    An unknown brand falls apart into single characters (长电 -> 长/电), comes out as a name, or is
    a rare word (灵枢, 星图); an everyday one is frequent in jieba's dictionary (布局, 人形, 商业)
    or a verb (提供).
    """
    if len(word) < 2:
        return False
    if known_by_name(word) is not None:
        return True
    if word_frequency(word) >= _EVERYDAY_FREQUENCY:
        return False
    tags = tokenize(word)
    if len(tags) == 1 and tags[0].pos in ("v", "vd", "vi") and word_frequency(word) > 0:
        return False  # a dictionary verb; a word the dictionary lacks (恒拓, 映画) was only guessed a verb
    everyday = ("n", "vn", "a", "b", "v", "an", "f", "s", "ns", "d", "l", "m", "j")
    return not (len(tags) > 1 and all(len(t.text) >= 2 and t.pos in everyday for t in tags))


# ---------------------------------------------------------------------------------------
# Chinese company names: a brand (字号) and an industry word (云帆科技, 芯瑞半导体, 高瓴创投)

INDUSTRY_WORDS = (
    "微电子",
    "半导体",
    "科技",
    "智能",
    "智算",
    "创投",
    "资本",
    "量化",
    "传感",
    "电子",
    "网络",
    "信息",
    "软件",
    "生物",
    "医药",
    "能源",
    "材料",
    "汽车",
    "机器人",
    "通信",
    "芯片",
    "数据",
    "云计算",
    "传媒",
)
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
CATEGORY_NOUNS = (
    "公司",
    "企业",
    "厂商",
    "初创",
    "创业公司",
    "独角兽",
    "巨头",
    "机构",
    "供应商",
    "制造商",
    "平台",
    "品牌",
    "对手",
    "同行",
)
# after a name, words that only a company's name takes (its founder, its chief executive)
COMPANY_ROLE_CUES = ("创始人", "联合创始人", "CEO", "董事长", "总裁", "首席执行官", "旗下")
COMPANY_CUES = (
    "宣布",
    "完成",
    "发布",
    "推出",
    "表示",
    "创始人",
    "CEO",
    "董事长",
    "总裁",
    "股价",
    "市值",
    "旗下",
    "成立于",
    "获得",
    "正式",
    "与",
    "和",
    "领投",
    "跟投",
    "参投",
    "担任",
    "透露",
    "称",
    "方面",
    "已",
    "于",
    "在",
)
_BRAND_STOP = set(
    "的了和与及是在等将对向从被把为也都就而但其该这那此个家位些一二三两几多各每某新老大小由于以并还自"
)
_GENERIC_BRANDS = frozenset(
    {
        "国产",
        "人工",
        "具身",
        "数据",
        "相关",
        "中国",
        "全球",
        "国内",
        "海外",
        "我国",
        "其他",
        "旗下",
        "信息",
        "网络",
        "智能",
        "电子",
        "科技",
        "高新",
        "前沿",
        "领先",
        "头部",
        "本土",
        "上游",
        "下游",
        "生成",
        "通用",
        "边缘",
        "量子",
        "算力",
        "基础",
        "自动",
        "无人",
        "工业",
        "消费",
        "金融",
    }
)


# one-character words the segmenter glues to the name after them (由高瓴, 被恒拓)
_GLUED_BEFORE = frozenset("由被与和及对向从在将把给为")


class BrandCompanies:
    """A two-character brand and an industry word, confirmed by how the text treats it.

    Chinese company names are 字号 + 行业 (+ 组织形式). The brand is usually unknown to any
    dictionary, so the candidate is kept only when the text confirms it: a legal form after it,
    a category noun before it (芯片厂商X), a company's verb after it (X宣布), or a second use.
    """

    name = "mentions.brand.v1"
    _CANDIDATE = re.compile(
        rf"(?P<brand>[{CJK}]{{2}})(?P<industry>(?:{'|'.join(INDUSTRY_WORDS)})+)(?P<legal>{'|'.join(LEGAL_FORMS)})?"
    )

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        candidates = []
        for start, end, _ in ctx.analysed:
            position = start
            while match := self._CANDIDATE.search(view, position, end):
                position = match.start() + 1
                brand = match.group("brand")
                if brand in _GENERIC_BRANDS or _BRAND_STOP & set(brand) or brand in INDUSTRY_WORDS:
                    continue
                if not _is_brand(brand):
                    continue  # 提供芯片, 布局机器人, 人形机器人: no brand before the industry word
                if match.start() not in ctx.word_starts and view[match.start() - 1] not in _GLUED_BEFORE:
                    continue  # 阿里云|智能集团 has no brand 里云: a brand begins a word (由高瓴 is 由|高瓴)
                candidates.append(match)
        counts = Counter(m.group("brand") + m.group("industry") for m in candidates)
        for match in candidates:
            s, e = match.start(), match.end()
            name = match.group("brand") + match.group("industry")
            before = view[max(0, s - 4) : s]
            after = view[e : e + 4]
            # a category noun or a legal form says "company" outright; a company's verb or a second
            # use only when the brand is no everyday word (人形机器人 is a kind of robot)
            confirmed = (
                match.group("legal")
                or match.group("industry") in ("创投", "资本")  # 高瓴创投, 华兴资本: investors' names
                or before.endswith(CATEGORY_NOUNS)
                or after.startswith(COMPANY_ROLE_CUES + COMPANY_CUES)
                or counts[name] >= 2
                or _listed_with_known_organization(ctx, s, e)
            )
            if _three_character_brand(ctx, s):
                s -= 1  # 星|海图|智能: the brand's first character stands alone as a word
            if match.group("legal"):  # a registered name begins with its place: 深圳云帆科技有限公司
                s -= _trailing_place(view[max(0, s - 3) : s])
            if confirmed and ctx.inside(s, e):
                yield _mention(ctx, s, e, "Organization", self.name, 0.65, kind="Company")


# a category noun that, right before a name, says the name is a company's: 智能客服企业|云语互动
_COMPANY_NOUNS = frozenset(
    {"公司", "企业", "厂商", "服务商", "供应商", "制造商", "初创", "创业公司", "独角兽", "运营商", "开发商"}
)
# what may end a company's name that a category noun introduced: punctuation, a figure, a particle
# or preposition, or a company's verb (云语互动|51%, 锐频微|被)
_NAME_ENDS = frozenset('的和与及、，,。；;：:（(“”"被将已在于对向为从是也都')
_FOUNDER_CUES = ("联合创始人", "创始人", "董事长", "首席执行官", "CEO", "总裁")


def _name_material(token: Token, first: bool) -> bool:
    """Can this word be part of a company name the dictionary does not know? The first word is the
    brand (字号), which must be rare or unknown (医渡, 云语); the words after it may be anything nominal
    (智联, 互动) but no function word."""
    text = token.text
    if re.fullmatch(f"[{CJK}]+", text) is None or set(text) & _FUNCTION_CHARS or set(text) & _BRAND_STOP:
        return False
    if not first and text in INDUSTRY_WORDS:
        return True  # 衡山|智能: the industry word ends the name
    if text in _COMPANY_NOUNS or text in CATEGORY_NOUNS or text in _GENERIC_BRANDS:
        return False
    if not first:
        return text not in titles() and not (token.pos.startswith("v") and word_frequency(text) > 0)
    if len(text) < 2 or token.pos in ("m", "t", "r", "p", "c", "u"):
        return False
    return _is_brand(text) or _place_brand(token)


def _place_brand(token: Token) -> bool:
    """A place-name brand (衡山智能, 泰山体育): a word the segmenter reads as a place that is no
    country, province or city of the place list (北京智能 names no company)."""
    return token.pos == "ns" and len(token.text) >= 2 and token.text not in places()


def _cued_name(tokens: list[Token]) -> bool:
    """Is this run of words a company's name? Its brand is a word no dictionary lists and that is made
    of no everyday words (医渡|智联, 云语|互动; not 保安队长, 副总裁), or any brand before an industry
    word (北极光|机器人, 衡山|智能)."""
    brand = tokens[0].text
    unknown = word_frequency(brand) == 0 and all(
        word_frequency(brand[n : n + 2]) < 50 for n in range(len(brand) - 1)
    )
    return unknown or len(tokens) > 1 and tokens[-1].text in INDUSTRY_WORDS


class CuedCompanies:
    """A company name no dictionary knows, between a category noun and the end of a phrase
    (智能客服企业云语互动51%的股权), or right before its founder's or chief's title
    (，医渡智联创始人兼CEO曹一凡). The first word must be a rare one, a brand; a person's name
    (the segmenter's nr) is no company."""

    name = "mentions.cued_company.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        tokens = ctx.tokens
        view = ctx.view
        for i, token in enumerate(tokens):
            if token.text in _COMPANY_NOUNS and i + 1 < len(tokens):
                span = self._after_category(ctx, i + 1)
            elif token.text.startswith(_FOUNDER_CUES) and i > 0:
                span = self._before_title(ctx, i)
            else:
                continue
            if span is None:
                continue
            s, e = span
            name = view[s:e]
            if known_by_name(name) is not None or _is_person_shaped(name) or not ctx.inside(s, e):
                continue
            yield _mention(ctx, s, e, "Organization", self.name, 0.6, kind="Company")

    @staticmethod
    def _after_category(ctx: DocumentView, first: int) -> tuple[int, int] | None:
        tokens = ctx.tokens
        j = first
        while j < len(tokens) and j - first < 3 and _name_material(tokens[j], j == first):
            if j > first and tokens[j].start != tokens[j - 1].end:
                break
            j += 1
        if j == first:
            return None
        start, end = tokens[first].start, tokens[j - 1].end
        # a category noun before and a founder's title after: both sides say "a company" (毫末智行)
        if not _cued_name(tokens[first:j]) and not ctx.view.startswith(_FOUNDER_CUES, end):
            return None
        after = ctx.view[end : end + 1]
        closed = (
            not after or after in _NAME_ENDS or after.isdigit() or ctx.view.startswith(COMPANY_CUES[:8], end)
        )
        return (start, end) if 3 <= end - start <= 6 and closed else None

    @staticmethod
    def _before_title(ctx: DocumentView, title: int) -> tuple[int, int] | None:
        tokens = ctx.tokens
        j = title
        while j > 0 and title - j < 3 and tokens[j - 1].end == tokens[j].start:
            if not _name_material(tokens[j - 1], first=False):
                break
            j -= 1
        while j < title and not _name_material(tokens[j], first=True):
            j += 1  # the name begins with its brand
        if j == title or not _cued_name(tokens[j:title]):
            return None
        start, end = tokens[j].start, tokens[title - 1].end
        before = ctx.view[start - 1 : start]
        edge = not before or before in _CLAUSE_EDGES or before in _LIST_MARKS or before in _GLUED_BEFORE
        return (start, end) if 3 <= end - start <= 6 and edge else None


def _is_person_shaped(name: str) -> bool:
    """Two or three characters that begin with a surname read as a person's name (曹一凡)."""
    return len(name) <= 3 and (name[:1] in surnames() or name[:2] in surnames())


def _listed_with_known_organization(ctx: DocumentView, start: int, end: int) -> bool:
    """Is the name coordinated with a known organization (赛力斯和阿维塔科技, 阿维塔科技与华为)? A list
    names things of one kind."""
    view = ctx.view
    pattern, by_name = _known_index()
    if view[start - 1 : start] in _LIST_MARKS:
        previous = [t for t in ctx.tokens_between(max(0, start - 12), start - 1) if t.end == start - 1]
        if previous and (entity := by_name.get(previous[-1].text)) and entity.type == "Organization":
            return True
    if view[end : end + 1] in _LIST_MARKS:
        match = pattern.match(view, end + 1)
        return match is not None and by_name[match.group()].type == "Organization"
    return False


def _three_character_brand(ctx: DocumentView, start: int) -> bool:
    """Does the brand that seems to begin at ``start`` begin one character earlier, with a character
    the segmenter left on its own and that is no function word (星|海图智能, not 由|海图智能)?"""
    if start == 0 or not re.match(f"[{CJK}]", ctx.view[start - 1]) or start - 1 not in ctx.word_starts:
        return False
    first = ctx.view[start - 1]
    if first in _BRAND_STOP or first in _FUNCTION_CHARS or first in _NOT_IN_NAMES:
        return False
    before = ctx.view[start - 2 : start - 1]
    return not before or not re.match(f"[{CJK}]", before) or _left_cue(ctx.view, start - 1) == "title"


# ---------------------------------------------------------------------------------------
# Units inside organizations: GenAI团队, Meta AI部门, “超级智能团队”, AI研究实验室

_UNIT_SUFFIX = alternation(frozenset(UNIT_SUFFIXES))
_UNIT_GENERIC = frozenset(
    {
        "内部",
        "核心",
        "整个",
        "独立",
        "管理",
        "研发",
        "技术",
        "产品",
        "销售",
        "运营",
        "两个",
        "这个",
        "该",
        "其",
        "新",
        "原",
        "多个",
        "一个",
        "相关",
        "专业",
        "部分",
    }
)


# characters that never stand inside a unit's name ("DOTA也是一款团队" is a sentence, not a name)
_UNIT_STOP = set("的和与及在也是一款个位家些了将对为从被把就都而但等其该这那则由向以")


@lru_cache(maxsize=1)
def _owned_unit() -> re.Pattern[str]:
    """A known company's name, a short name of its own, and a unit word (华为|诺亚方舟|实验室)."""
    companies = frozenset(
        normalize(name)
        for entity in known_entities()
        if entity.type == "Organization" and entity.kind in ("Company", "")
        for name in (*entity.zh, *entity.en)
        if len(name) >= 2
    )
    return re.compile(
        rf"(?:{alternation(companies)})(?P<middle>[A-Za-z]{{1,12}}|[{CJK}]{{2,8}}?)"
        rf"(?:{alternation(frozenset(UNIT_SUFFIXES) - {'中心'})})"  # 智算中心 is a place, not a team
    )


class Units:
    """Named teams, departments and labs inside an organization."""

    name = "mentions.unit.v1"
    _QUOTED = re.compile(rf"“([^“”\n]{{2,14}}?(?:{_UNIT_SUFFIX}))”")
    _LATIN_LED = re.compile(rf"((?:{LATIN_WORD})(?: {LATIN_TAIL})*(?:[{CJK}]{{0,6}}?)(?:{_UNIT_SUFFIX}))")
    # a gloss of an acronym: FAIR(基础人工智能研究部门)
    _GLOSS = re.compile(rf"(?<=[A-Za-z0-9]\()([{CJK}A-Za-z]{{2,16}}(?:{_UNIT_SUFFIX}))(?=\))")

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _owned_unit().finditer(view, start, end):
                s, e = match.span()
                middle = match.group("middle")
                if (
                    _UNIT_STOP.isdisjoint(middle)
                    and "旗下" not in middle
                    and not _has_verb(middle)
                    and ctx.inside(s, e)
                ):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="Team")
            for match in self._QUOTED.finditer(view, start, end):
                s, e = match.span(1)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.8, kind="Team")
            for match in self._GLOSS.finditer(view, start, end):
                s, e = match.span(1)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="Team")
            for match in self._LATIN_LED.finditer(view, start, end):
                s, e = match.span(1)
                if s > 0 and re.match(r"[A-Za-z0-9]", view[s - 1]):
                    continue
                stem = re.sub(_UNIT_SUFFIX + "$", "", view[s:e])
                cjk_part = re.sub(r"[A-Za-z0-9 .\-]", "", stem)
                if cjk_part in _UNIT_GENERIC or set(cjk_part) & _UNIT_STOP or _has_verb(cjk_part):
                    continue
                # "Scale AI团队" is the company's staff, not a unit with a name of its own.
                if not cjk_part and _names_whole_organization(ctx, stem.strip()):
                    continue
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.7, kind="Team")


def _names_whole_organization(ctx: DocumentView, stem: str) -> bool:
    """Is ``stem`` the name of a whole organization (so ``stem团队`` is just its people)?

    Yes when it is a known organization that is not itself a unit, or when the text also uses it
    on its own, without a unit word after it ("Scale AI" … "Scale AI团队成员").
    """
    entity = known_by_name(stem)
    if entity is not None:
        return entity.type == "Organization" and entity.kind != "Team"
    unit = "|".join(UNIT_SUFFIXES)
    alone = re.compile(rf"(?<![A-Za-z0-9]){re.escape(stem)}(?![A-Za-z0-9]|\s*(?:{unit}))")
    return alone.search(ctx.view) is not None


# ---------------------------------------------------------------------------------------
# Chinese personal names: surname + given name, next to a title or a speech verb

_SPEECH = alternation(frozenset(SPEECH_VERBS))


# What follows a personal name in news: an honorific or title (张伟博士, 李强总理), or a verb
# that only people do (表示, 出任, 毕业于 …).
HONORIFICS = (
    "同志",
    "先生",
    "女士",
    "博士",
    "教授",
    "院士",
    "总统",
    "总理",
    "主席",
    "部长",
    "书记",
    "董事长",
    "总裁",
    "行长",
    "省长",
    "市长",
    "委员长",
    "大使",
    "律师",
    "医生",
    "老师",
    "教练",
    "导演",
)
PERSON_VERBS = SPEECH_VERBS + (
    "出任",
    "担任",
    "接任",
    "加入",
    "加盟",
    "创立",
    "创办",
    "毕业于",
    "辞去",
    "卸任",
    "离职",
    "被任命",
    "当选",
    "获任",
    "曾任",
    "现任",
    "指出",
    "告诉",
    "对记者",
)


_AFTER_NAME = (
    "加盟",
    "加入",
    "出任",
    "担任",
    "领导",
    "负责",
    "表示",
    "认为",
    "指出",
    "透露",
    "称",
    "说",
    "也",
    "已",
    "则",
    "还",
    "将",
    "曾",
    "在",
    "于",
    "对",
    "是",
    "和",
    "与",
    "，",
    ",",
    "。",
    "、",
    "(",
    "（",
)


class TitledPersons:
    """A surname and one or two more characters right after a job title (高级总监孟川加盟)."""

    name = "mentions.person_titled.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        pattern = _titled_name()
        for start, end, _ in ctx.analysed:
            for match in pattern.finditer(view, start, end):
                s = match.start("name")
                for length in (3, 2):  # prefer the longer name when both leave a verb after them
                    e = s + length
                    if length == 3 and _person_after().match(view, e - 1):
                        continue  # 徐冰|说: the third character is the verb
                    if match.group("name")[0] in surnames() and view.startswith(_AFTER_NAME, e):
                        if word_frequency(view[s : s + 2]) >= _EVERYDAY_FREQUENCY:
                            break  # 博士|毕业后: a title, then an everyday word that begins with a surname
                        if ctx.inside(s, e) and _FUNCTION_CHARS.isdisjoint(view[s + 1 : e]):
                            yield _mention(ctx, s, e, "Person", self.name, 0.65)
                        break


_FUNCTION_CHARS = frozenset("的了和与及是在也已将曾于对为则还就都")


@lru_cache(maxsize=1)
def _titled_name() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(titles())})(?P<name>[{CJK}]{{3}})")


class ChinesePersons:
    """Native Chinese names that jieba proposes, confirmed by a surname and the company they keep."""

    name = "mentions.person_zh.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        tokens = ctx.tokens
        role = re.compile(rf"(?:{role_pattern()})$")
        after_cue = re.compile(
            "|".join(map(re.escape, sorted(PERSON_VERBS + HONORIFICS, key=len, reverse=True)))
        )
        for i, token in enumerate(tokens):
            text = token.text
            if token.pos not in ("nr", "nrfg", "nrt") or not 2 <= len(text) <= 4:
                continue
            native = (text[:2] in surnames() and len(text) >= 3) or (
                text[:1] in surnames() and len(text) <= 3
            )
            foreign = all(ch in translit_chars() for ch in text) and len(text) >= 3
            if not (native or foreign) or not ctx.inside(token.start, token.end):
                continue
            located = ctx.view[token.start - 1 : token.start] in _LOCATIVE
            if foreign and located and not ctx.view.startswith(_VIEWPOINT, token.end):
                continue  # 在特拉维夫创立: a place after 在
            if (
                native
                and len(text) == 3
                and (
                    text[2] in _FUNCTION_CHARS
                    or text[2] in _NOT_IN_NAMES
                    or text[2] in "说到称等"
                    or _person_after().match(ctx.view, token.start + 2)
                )
            ):
                # 李骁已于6月离职: jieba took the adverb after a two-character name into it
                token = Token(token.start, token.end - 1, text[:2], token.pos)
                text = text[:2]
            if word_frequency(text[:2]) >= _EVERYDAY_FREQUENCY and word_frequency(text[:2]) > word_frequency(
                text
            ):
                continue  # 毕业后: a surname character that begins an everyday word
            glued = _glued_to_context(ctx.view, token, tokens[i - 1] if i > 0 else None)
            if glued:
                # 官张伟 -> 张伟: keep what is left if it is still a name; 于微软 is no name at all
                rest = text[1:]
                if glued != "title" or len(rest) < 2 or rest[0] not in surnames():
                    continue
                token = Token(token.start + 1, token.end, rest, token.pos)
                text = rest
            before = tokens[i - 1].text if i > 0 else ""
            after = ctx.view[token.end : token.end + 4]
            in_context = bool(role.search(before)) or after_cue.match(after) is not None
            owner = known_by_name(before) if i > 0 and tokens[i - 1].end == token.start else None
            in_list = (
                (ctx.view[token.start - 1 : token.start] == "、" or after[:1] == "、")
                and not _list_of_things(ctx.view, token.start, token.end)
                and not (owner is not None and owner.type == "Organization")  # 美团龙珠: a fund of 美团
            )
            # A surname and two more characters, tagged a name by jieba, is a name far more often
            # than not; a two-character one ("高达") needs a cue.
            if _not_a_name(ctx.view, token.start, text):
                continue
            # uncued, the given name must be of the usual characters, at least in part: 赫尔城, 白金卡 and
            # 龙之谷 are tagged names too
            given_shape = native and sum(ch in given_name_chars() for ch in text[-2:]) >= _TYPICAL_UNCUED
            if in_context or in_list and native or given_shape and len(text) == 3 and not foreign:
                confidence = 0.7 if in_context else 0.55
                yield _mention(ctx, token.start, token.end, "Person", self.name, confidence)


_TYPICAL_UNCUED = 1


def _not_a_name(view: str, start: int, text: str) -> bool:
    """A string the segmenter calls a name that is a surname with a form of address (吕先生, 陈老师),
    a place (秦皇岛, 黄兴路, 古琼寺) or a measure word after a numeral (一位彩民)."""
    if text[1:] in HONORIFICS or text[1:] in PERSON_NOUNS or text[1:2] in ("总", "某", "氏", "姓"):
        return True
    if len(text) >= 3 and text[-1] in _PLACE_ENDINGS:
        return True
    if any(
        (known := known_by_name(text[:n])) is not None and known.type != "Person" for n in range(2, len(text))
    ):
        return True  # 欧冠|中: a known name and the word after it
    return text[0] in "位名个" and view[start - 1 : start] in set("这那一每各几该此某两三四五六七八九十")


def _glued_to_context(view: str, token: Token, previous: Token | None) -> str:
    """What jieba glued into a name, if anything: the end of a title (官张伟: 首席技术官|张伟) or a
    preposition (于微软: 任职于|微软)."""
    first, rest = token.text[0], token.text[1:]
    every, lengths = _titles_by_length()
    if any(view[token.start + 1 - n : token.start + 1] in every for n in lengths if n <= token.start + 1):
        return "title"
    after_verb = previous is not None and previous.pos.startswith("v")
    if first in "于和与向在从对被把给" and (after_verb or known_by_name(rest) is not None):
        return "preposition"
    return ""


# ---------------------------------------------------------------------------------------
# Names by their shape: 姓 + given name, and transliterations without a dot, confirmed by context
#
# The segmenter knows few names: it tags many unknown ones as nothing in particular (李骁/x) or cuts
# them (韩知|远). These rules read characters, not tags: a surname and one or two characters of the
# kind given names are made of (data/given_name_chars.txt), or a run of transliteration characters,
# and keep the candidate only when the words around it are what stands around a person in news: a
# title or a person noun before it (董事长, 记者, 经济学家), a person's verb or an honorific after it
# (表示, 毕业于, 先生), a list of people (A、B、C). Candidates that are everyday words (白领, 黄金)
# or the first part of a place (马家坡, 阮冲村) are rejected.

# Nouns for people that stand right before a name, besides job titles: 歌手周杰伦, 球员梅西
PERSON_NOUNS = (
    "记者",
    "通讯员",
    "主持人",
    "嘉宾",
    "球员",
    "前锋",
    "后卫",
    "门将",
    "中场",
    "选手",
    "冠军",
    "演员",
    "歌手",
    "导演",
    "编剧",
    "制片人",
    "作家",
    "诗人",
    "画家",
    "作者",
    "专家",
    "学者",
    "经济学家",
    "分析人士",
    "律师",
    "法官",
    "警官",
    "民警",
    "医生",
    "网友",
    "市民",
    "村民",
    "居民",
    "患者",
    "老人",
    "男子",
    "女子",
    "女士",
    "先生",
    "同学",
    "老师",
    "校长",
    "班主任",
    "明星",
    "艺人",
    "模特",
    "设计师",
    "领队",
    "主帅",
    "主教练",
    "队长",
    "总统",
    "外长",
    "大使",
    "发言人",
    "创始人",
    "董事长",
    "总经理",
    "负责人",
    # heads of bodies, offices and places
    "会长",
    "秘书长",
    "理事长",
    "理事",
    "厅长",
    "处长",
    "县长",
    "区长",
    "乡长",
    "镇长",
    "村长",
    "厂长",
    "站长",
    "馆长",
    "社长",
    "团长",
    "店主",
    "老板",
    "股东",
    "助理",
    # trades and callings
    "建筑师",
    "摄影师",
    "医师",
    "护士",
    "教师",
    "工人",
    "农民",
    "司机",
    "警察",
    "士兵",
    "战士",
    "职员",
    "收藏家",
    "艺术家",
    "企业家",
    "书法家",
    "作曲家",
    "评论家",
    "策展人",
    "经纪人",
    "代言人",
    "博主",
    "粉丝",
    "彩民",
    "股民",
    "业主",
    "车主",
    "得主",
    # students
    "学生",
    "大学生",
    "研究生",
    "硕士生",
    "博士生",
    "实习生",
    # the parties of a case
    "当事人",
    "嫌疑人",
    "被告人",
    "被告",
    "原告",
    "死者",
    # kin and people described
    "父亲",
    "母亲",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "女孩",
    "男孩",
    "姑娘",
    "小伙",
    "夫人",
    "好友",
    "朋友",
    "同事",
    "邻居",
    "搭档",
    "队友",
    "队员",
    # sport
    "射手",
    "国脚",
    "球星",
    "新援",
    "中卫",
    "边锋",
    "前腰",
    "后腰",
    "主裁",
    "裁判",
    "助教",
    "老将",
    "新秀",
    "运动员",
    "棋手",
    "车手",
    "拳手",
    "玩家",
    "解说员",
    "主播",
    # screen, stage and the arts
    "影星",
    "男星",
    "女星",
    "歌星",
    "影帝",
    "影后",
    "名导",
    "主角",
    "大师",
    "名家",
    "雕塑家",
    # state, army and church
    "防长",
    "议长",
    "总督",
    "国王",
    "女王",
    "王子",
    "公主",
    "将军",
    "上将",
    "中将",
    "少将",
    "上校",
    "元帅",
    "检察官",
    "教皇",
    "主教",
    "牧师",
    # business and technology
    "投资人",
    "创业者",
    "程序员",
)
# After a name: a person's verb, an honorific, or words only people take
_PERSON_AFTER = (
    PERSON_VERBS
    + HONORIFICS
    + (
        "说",
        "等人",
        "夫妇",
        "夫人",
        "本人",
        "的父亲",
        "的母亲",
        "的妻子",
        "的丈夫",
        "的儿子",
        "的女儿",
        "回忆",
        "笑称",
        "坦言",
        "直言",
        "表态",
        "呼吁",
        "建议",
        "提醒",
        "解释",
        "补充",
        "主演",
        "饰演",
        "扮演",
        "开口",
        "执导",
        "出生",
        "生于",
        "获得",
        "荣获",
        "入选",
        "当选",
        # a reporter's byline: 记者李舸摄, 记者胡健发自北京, 记者张伟报道
        "摄",
        "发自",
        "报道",
        # what people say and do in public
        "致辞",
        "讲话",
        "发言",
        "接受采访",
        "接受记者采访",
        "谈到",
        "感叹",
        "感慨",
        "笑着说",
        "否认",
        "出席",
        "会见",
        "会晤",
        "访华",
        "来华",
        "主持",
        "率领",
        "率队",
        # a life's events
        "辞职",
        "退休",
        "去世",
        "逝世",
        "病逝",
        "遇害",
        "被捕",
        "被判",
        "获刑",
        # what players do (a club does not get hurt or score)
        "执教",
        "进球",
        "破门",
        "助攻",
        "首发",
        "复出",
        "受伤",
        "伤愈",
        "缺阵",
        "伤停",
        "停赛",
        "转会",
        "效力于",
        "退役",
    )
)
# The first character after a place name's first part: 马家坡, 阮冲村, 钟鼓楼, 白沙滩
# (only characters that given names rarely end in: 峰, 山, 江 and 海 end many names)
_PLACE_ENDINGS = frozenset("村镇乡县市区省州路街巷坊屯坡岛湾港楼塔寺庙宫殿滩湖")
# Glue before a name in a list or after a preposition; weaker than a title, enough with a verb after
_LIST_MARKS = ("、", "和", "与", "及", "同")


def given_name_chars() -> frozenset[str]:
    return characters("given_name_chars.txt")


@lru_cache(maxsize=1)
def _titles_by_length() -> tuple[frozenset[str], tuple[int, ...]]:
    """Titles and person nouns, and their lengths, to look one up at the end of a stretch."""
    every = titles() | frozenset(PERSON_NOUNS)
    return every, tuple(sorted({len(t) for t in every}))


@lru_cache(maxsize=1)
def _person_after() -> re.Pattern[str]:
    return re.compile(alternation(frozenset(_PERSON_AFTER)))


def _left_cue(view: str, start: int) -> str:
    """What stands before a candidate name: "title" (a title or person noun ends at ``start``),
    "list" (a coordinator: 、 和 与), "edge" (the start of a clause), or ""."""
    every, lengths = _titles_by_length()
    if any(view[start - n : start] in every for n in lengths if n <= start):
        return "title"
    if _BYLINE_LABEL.search(view, max(0, start - 6), start):
        return "title"  # 文/于建春, 作者：夏林杰, 编辑整理何丽丽: the label of a byline
    if _NAMING_BEFORE.search(view, max(0, start - 6), start):
        return "title"  # 24岁的陈晶, 一位名叫钟富贵的人: an age or a naming verb introduces a person
    byline = _BYLINE_GAP.search(view, max(0, start - 4), start)
    if byline and any(
        view[byline.start() - n : byline.start()] in every for n in lengths if n <= byline.start()
    ):
        return "title"  # 界面新闻记者 | 周岚: a byline puts a space or a bar between title and name
    before = view[start - 1 : start]
    if before in _LIST_MARKS:
        return "list"
    if not before or before in _CLAUSE_EDGES:
        return "edge"
    return ""


def _right_cue(view: str, end: int, start: int | None = None) -> str:
    """What follows a candidate name: "verb" (a person's verb or an honorific, or the colon of a
    speaker's label at the start of a line: 姜山：…), "list", "edge" (a clause ends) or "adverb" (the
    predicate begins: 已, 也, 曾 …), or ""."""
    if _person_after().match(view, end) or _PEOPLE_COUNTED.match(view, end):
        return "verb"
    if view.startswith(_DOCTRINES, end) and start is not None and end - start >= 3:
        return "verb"  # 邓小平理论: a doctrine is named after a person
    if _SAID_AT.match(view, end):
        return "verb"  # 罗斯达尔在声明中称, 基恩在接受采访时重申: where and when a person said it
    if _PERSON_NOTE.match(view, end):
        return "verb"  # 王欢（化名）, 吴仪（女）, 张伟（35岁）: a note only a person's name takes
    gloss = _LATIN_GLOSS.match(view, end)
    if gloss and gloss.group(1) in given_names():
        return "verb"  # 罗斯（Daniel Ross）: the original of a foreign person's name, in brackets
    if (
        start is not None
        and view[end : end + 1] in ("：", ":")
        and (start == 0 or view[start - 1] in "\n【[")
    ):
        return "verb"
    after = view[end : end + 1]
    if after == "、" or after in ("和", "与", "及") and not view.startswith(("和平", "与会", "及时"), end):
        return "list"
    if not after or after in _CLAUSE_EDGES:
        return "edge"
    adverb = next((len(w) for w in _ADVERBS if view.startswith(w, end)), 0)
    if adverb or after in _PREDICATE_STARTS:
        # 也表示, 曾担任, 去年离职, 亲自主持: an adverb, then a person's verb
        if after != "在" and _person_after().match(view, end + (adverb or 1)):
            return "verb"
        return "adverb"
    return ""


# The labels of a byline: who wrote, edited or photographed the piece
_BYLINE_LABEL = re.compile(
    r"(?:^|(?<=[\s(（【\[|｜]))(?:文|图|摄|作者|撰文|撰稿|编辑|责编|整理|编辑整理|口述)\s*[/／_：:|｜]?\s*$"
)
# An age, or a verb that gives a name, right before it
_NAMING_BEFORE = re.compile(r"(?:[0-9０-９一二三四五六七八九十]岁的?|名叫|叫做|名为|化名为?|姓名[：:]?)$")
# What a byline puts between the reporter's title and name
_BYLINE_GAP = re.compile(r"[ \u3000]*[|｜/][ \u3000]*$|[ \u3000]+$")
# Time words that open the predicate after its subject: 苏蔓去年从微软离职, 张伟日前表示
_TIME_WORDS = (
    "去年",
    "今年",
    "明年",
    "前年",
    "昨天",
    "昨日",
    "今天",
    "今日",
    "日前",
    "近日",
    "此前",
    "目前",
    "当时",
)
# 在 + an occasion + 中/上/时 + a speech verb: 在声明中称, 在接受采访时表示, 在发布会上说
_SAID = alternation(frozenset((*SPEECH_VERBS, "重申", "写道", "坦言")))
_SAID_AT = re.compile(rf"在[^，。；;,！？!?]{{1,12}}?(?:中|上|时)(?:[，,]\s*)?(?:{_SAID})")
# Notes that only follow a person's name: （化名）, （女）, （35岁）, （女，壮族）, （蒙古族）, ，男，35岁
_PERSON_NOTE = re.compile(
    r"[（(](?:化名|女|男|[0-9０-９]{1,3}岁|[^（()）]{1,4}族)[）)，,、]|[，,](?:男|女)[，,][0-9０-９]{1,3}岁"
)
# The same notes, ending where the next name of a roll begins: （女）王群, （女，壮族）黄菊
_PERSON_NOTE_END = re.compile(r"[（(](?:女|男|[^（()）]{1,4}族|女[，,][^（()）]{1,4}族)[）)]$")
# A name's original in brackets after it: （Daniel Ross）
_LATIN_GLOSS = re.compile(r"[（(]\s*([A-Z][a-z]+)[ .\-·]+[A-Z]")
# Adverbs of more than one character that open a predicate
_ADVERBS = _TIME_WORDS + (
    "已经",
    "曾经",
    "随后",
    "当即",
    "也曾",
    "还曾",
    "早已",
    "一直",
    "再次",
    "亲自",
    "先后",
)
# 等4人, 等三名, 等一行: a list of people closed by a count of them
_PEOPLE_COUNTED = re.compile(r"等[0-9０-９一二两三四五六七八九十几多数]*(?:人|名|位|一行)")
# punctuation at which a clause begins or ends
_CLAUSE_EDGES = frozenset('，,。；;：:！!？?（()）“”"《》【】[] \n')
# characters that begin a predicate right after its subject
_PREDICATE_STARTS = frozenset("已也还则就都曾将又便正在对向把被给于是")
# characters that do not stand in a given name: function words, pronouns, measure words
_NOT_IN_NAMES = frozenset(
    "的了着过们么呢吗吧啊这那哪谁个些每各某本该其此所及与和或但而并且即被把将已也还则就都曾于在是为对向从给让"
    "副叫到"
)
# Prepositions that are surnames too (向, 于, 和 …)
_PREPOSITIONS = frozenset("向于和与对从在被把给跟同")
# How much each cue counts; a three-character native name needs 2, a two-character one a title or a
# verb (many two-character words begin with a surname character).
_CUE_WEIGHT = {"title": 2.0, "verb": 2.0, "list": 1.5, "edge": 0.5, "adverb": 0.5, "": 0.0}


# What a surname alone takes (王总, 李某, 黄先生, 高老板), and pronouns after a preposition that is also a
# surname (向大家, 于我们)
_ADDRESSED = HONORIFICS + ("老板", "主任", "经理", "师傅", "同学", "阿姨", "大爷", "大妈", "记者")
_ADDRESS_WORDS = ("总", "某", "氏", "姓", "大家", "自己", "我们", "他们", "她们", "人们", "你们")


def _everyday_word(word: str, named_by_context: bool = False) -> bool:
    """A word the dictionary knows as something other than a name (黄金, 周年, 于是), or as a name
    too often for one (白领: its tag says name, its frequency says word). When the context all but
    says "a person" (记者马力), only a very frequent word is rejected."""
    tag, frequency = word_tag(word), word_frequency(word)
    if not tag:
        return False
    if named_by_context:
        return frequency >= 2000
    return frequency >= 500 or tag not in ("nr", "nrfg", "nrt") and frequency >= 3


def _crosses_word(ctx: DocumentView, start: int, end: int) -> bool:
    """A dictionary word of two or more characters runs across the candidate's edge."""
    for token in ctx.tokens_between(start - 3, end + 3):
        if len(token.text) < 2 or token.pos in ("nr", "nrfg", "nrt", "x") or not word_frequency(token.text):
            continue  # the segmenter's guesses at unknown words (群因) are no dictionary words
        if token.start == start and token.text.endswith(_DOCTRINES) and token.end - end in (2, 3):
            continue  # 邓小平理论, 毛泽东思想: the dictionary's word is a doctrine named after the person
        if token.start < start < token.end or token.start < end < token.end:
            return True
    return False


# What is named after a person: 邓小平理论, 毛泽东思想, 凯恩斯主义
_DOCTRINES = ("理论", "思想", "主义")


class ShapedPersons:
    """Native names by shape: a surname, one or two given-name characters, and a person's context."""

    name = "mentions.person_shape.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        given = given_name_chars()
        single = surnames()
        for start, end, _ in ctx.analysed:
            for match in _surname_start().finditer(view, start, end - 1):
                s = match.start()
                for surname in (view[s : s + 2], view[s]):
                    if surname not in single or (len(surname) == 2 and s + 3 > end):
                        continue
                    mention = self._best(ctx, s, len(surname), end, given)
                    if mention is not None:
                        yield mention
                        break

    def _best(
        self, ctx: DocumentView, s: int, surname: int, limit: int, given: frozenset[str]
    ) -> Mention | None:
        view = ctx.view
        if s > 0 and view[s - 1] in given and view[s - 1] in surnames() and _left_cue(view, s) == "":
            return None  # inside a longer run of name characters: the name may begin earlier
        if surname == 1 and view[s] in _PREPOSITIONS and view[s + 1 : s + 2] in surnames():
            return None  # 被告向|章凌出具: a preposition that is also a surname, before a name
        if view.startswith(_ADDRESSED, s + surname) or view.startswith(_ADDRESS_WORDS, s + surname):
            return None  # 黄先生, 王总, 李某, 高老板, 向大家: a surname alone with a form of address
        if view[s + surname : s + surname + 1] == "家" and (
            view[s + surname + 1 : s + surname + 2] not in given
            or view.startswith(("家人", "家族"), s + surname)
        ):
            return None  # 李家, 张家口, 王家人: a family or a place; 王家卫, 刘家琛 are names
        left = ""
        for length in (2, 1):
            e = s + surname + length
            chars = view[s + surname : e]
            if e > limit or not all(re.match(f"[{CJK}]", ch) and ch not in _NOT_IN_NAMES for ch in chars):
                continue
            typical = all(ch in given for ch in chars)  # of the kind given names are made of
            left = left or _left_cue(view, s)
            if length == 2 and surname == 2:
                continue  # 欧阳 + two characters is possible but rare; 司马 + 光 is the usual shape
            name = view[s:e]
            if length == 2 and _person_after().match(view, e - 1):
                continue  # 徐冰|说: the last character begins the verb after the name
            if length == 2 and view[e - 1] == view[s] and view.startswith(_ADDRESSED, e):
                continue  # 孙晶|孙女士: the name, then the surname again with a form of address
            right = _right_cue(view, e, s)
            if view[e : e + 1] in _PLACE_ENDINGS and right == "":
                continue
            if (
                length == 1
                and right == ""
                and re.match(f"[{CJK}]", view[e : e + 1])
                and view[e] not in _NOT_IN_NAMES
                and (view[e] in given or left != "title")
            ):
                continue  # 官王立|群因: nothing says the name ends here, and most names have three characters
            weight = _CUE_WEIGHT[left] + _CUE_WEIGHT[right]
            if typical and len(name) == 3 and surname == 1 and not word_tag(name):
                # 姓 + two given-name characters that make no word: the shape of a name; many given
                # names are rare words too (鹏飞, 朝阳), which is weaker evidence
                weight += 1.0 if not word_tag(name[1:]) else 0.5 if word_frequency(name[1:]) < 500 else 0.0
            strong = left == "title" or right == "verb"
            if not typical and not (left == "title" and right != "" or right == "verb" and left != ""):
                continue  # an unusual given name needs the context to say "person" on both sides
            if (
                weight < 2
                or len(name) == 2
                and not (
                    left == "title"
                    or right == "verb"
                    and (_left_boundary(view, s) or ctx.on_word_boundaries(s, e))
                )
            ):
                continue  # 李强 is a name, but so many two-character words begin with a surname
            famous = len(name) == 3 and word_tag(name) == "nr" and right == "verb"  # 邓小平|理论
            if _everyday_word(name, left == "title" and right != "") and not famous:
                continue  # 马力 after 记者 is a name; 白领 after nothing is a word
            if (
                len(name) == 3
                and word_tag(name[:2]) not in ("nr", "nrfg", "nrt")
                and _everyday_word(name[:2])
            ):
                continue  # 博士|毕业后: an everyday word that begins with a surname, and one more character
            if (
                length == 2
                and _everyday_word(view[s + surname : e])
                and left not in ("title", "list")
                and right != "verb"
            ):
                continue
            if _crosses_word(ctx, s, e) or not ctx.inside(s, e):
                continue
            confidence = 0.75 if left == "title" and right == "verb" else 0.65 if strong else 0.55
            return _mention(ctx, s, e, "Person", self.name, confidence)
        return None


class NameRolls:
    """Rolls of names written without separators, as news prints delegations, committees and
    winners (委员：李鹏乔石李瑞环彭真朱镕基 …; 王丙乾王汉斌王光英王维山（蒙古族）).

    A stretch of Chinese characters between punctuation that cuts, from end to end, into four or
    more names of the usual shape (a surname, then one or two given-name characters, no everyday
    word) is such a roll: running prose does not cut that way, since its words do not begin with
    surnames one after another.
    """

    name = "mentions.person_roll.v1"
    _RUN = re.compile(f"[{CJK}]{{4,}}")
    _FEWEST = 4  # names in a roll

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        single = surnames()
        for start, end, _ in ctx.analysed:
            for run in self._RUN.finditer(view, start, end):
                text = run.group()
                if sum(ch in single for ch in text) * 3 < len(text):
                    continue  # too few surname characters for a roll of names
                # a short stretch is a roll when a note on a person stands next to it: 黄菊曹龙浩（朝鲜族）
                noted = bool(
                    _PERSON_NOTE.match(view, run.end())
                    or _PERSON_NOTE_END.search(view, max(0, run.start() - 9), run.start())
                )
                if len(text) < 8 and not noted:
                    continue
                items = self._cut(text)
                if items is None or len(items) < (2 if noted else self._FEWEST):
                    continue
                for s, e in items:
                    if ctx.inside(run.start() + s, run.start() + e):
                        yield _mention(ctx, run.start() + s, run.start() + e, "Person", self.name, 0.6)

    @staticmethod
    def _cut(text: str) -> list[tuple[int, int]] | None:
        """The best cut of ``text`` into names, or None when it does not cut into names whole."""
        given, single = given_name_chars(), surnames()
        n = len(text)
        # score[i]: the score of the best cut of text[i:], whose first name ends at end[i]; the cut is
        # read back once at the end (building it at every position would be quadratic in the line)
        score: list[float | None] = [None] * (n + 1)
        end = [0] * (n + 1)
        score[n] = 0.0
        for i in range(n - 2, -1, -1):
            for surname in (1, 2):
                if text[i : i + surname] not in single:
                    continue
                for length in (2, 1):
                    e = i + surname + length
                    if e > n or surname == 2 and length == 2:
                        continue
                    rest = score[e]
                    if rest is None:
                        continue
                    chars = text[i + surname : e]
                    item = text[i:e]
                    if any(ch in _NOT_IN_NAMES for ch in chars):
                        continue
                    if word_tag(item) not in ("nr", "nrfg") and _everyday_word(item):
                        continue  # a word, unless the dictionary knows it as a name (李鹏)
                    typical = sum(ch in given for ch in chars)
                    candidate = rest + typical - 0.5 * (length - typical) + 0.5 * (length == 2)
                    best = score[i]
                    if best is None or candidate > best:
                        score[i], end[i] = candidate, e
        if score[0] is None:
            return None
        items: list[tuple[int, int]] = []
        i = 0
        while i < n:
            items.append((i, end[i]))
            i = end[i]
        unusual = sum(ch not in given for s, e in items for ch in text[s + 1 : e])
        # most given-name characters of a roll are of the usual kind (朱镕基 has two rare ones)
        return items if unusual * 3 <= sum(e - s - 1 for s, e in items) else None


@lru_cache(maxsize=1)
def _surname_start() -> re.Pattern[str]:
    """A character that begins a surname, followed by another Chinese character."""
    first = "".join(sorted({name[0] for name in surnames()}))
    return re.compile(f"[{re.escape(first)}](?=[{CJK}])")


def _left_boundary(view: str, start: int) -> bool:
    """Nothing a name could be glued to stands before ``start``: punctuation, a title, a space."""
    before = view[start - 1 : start]
    return not before or not re.match(rf"[{CJK}]", before) or _left_cue(view, start) != ""


class TransliteratedPersonsUndotted:
    """Foreign names written without a dot (扎克伯格, 奥尔特曼, 纳德拉), confirmed by context."""

    name = "mentions.translit_plain.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        chars = translit_chars()
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _translit_run(2).finditer(view, start, end):
                s, e = match.span()
                if view[s - 1 : s] == NAME_DOT or view[e : e + 1] == NAME_DOT:
                    continue  # part of a dotted name: mentions.translit.v1 reads it whole
                s = _after_title(view, s, e) if NAME_DOT in view[s:e] else _after_undotted_title(view, s, e)
                while e - s > 2 and view.startswith(_VERBS_AFTER_NAMES, e - 1):
                    e -= 1
                name = view[s:e]
                if len(name) < 2 or not all(ch in chars for ch in name) or _sports_side(view, s, e):
                    continue  # a club in a match report is SportsClubs' business
                if len(name) == 6 and _native_pair(name):
                    continue  # 王光英王维山: two native names one after the other, not one foreign name
                left, right = _left_cue(view, s), _right_cue(view, e, s)
                if "list" in (left, right) and _list_of_things(view, s, e):
                    # 巴黎、桑坦德、斯图加特: listed with a place or a club, it is one too
                    left, right = ("" if left == "list" else left), ("" if right == "list" else right)
                # three or more transliteration characters that are no dictionary word already look
                # like a foreign name; two need a title before them and something after
                weight = _CUE_WEIGHT[left] + _CUE_WEIGHT[right] + (0.5 if len(name) >= 3 else 0.0)
                # 主教练勒夫|公布: after a title, two characters the run cannot go on from are a name too
                closed = right != "" or view[e : e + 1] not in chars
                if len(name) == 2 and not (left == "title" and closed) or weight < 2:
                    continue
                named = left == "title" and right in ("verb", "edge")  # 前CEO基辛格离职: the title says it
                # 前锋德罗巴: the dictionary's rare reading (a place) yields to a title before it
                titled_rare = left == "title" and word_frequency(name) < 20 and name not in places()
                if (
                    _everyday_word(name, named)
                    and word_tag(name) != "nrt"
                    and not titled_rare
                    or view[e : e + 1] in _PLACE_ENDINGS | {"队", "国"}
                ):
                    continue  # 俄罗斯, 加拿大: the dictionary knows them as places
                if name in places() or word_tag(name) == "ns" and not titled_rare or _place_after(view, e):
                    continue
                if view[s - 1 : s] in _LOCATIVE and not view.startswith(_VIEWPOINT, e):
                    continue  # 在特拉维夫创立: a place after 在; 在纳德拉看来 is a person's view
                if any(
                    2 <= len(t.text) < e - s
                    and t.pos not in ("nr", "nrt", "nrfg", "x")
                    and word_frequency(t.text) >= 20
                    for t in ctx.tokens_between(s, e)
                ):
                    continue  # 比赛|阿根廷: everyday words and a place, not one foreign name
                if known_by_name(name) is not None or _crosses_word(ctx, s, e) or not ctx.inside(s, e):
                    continue
                yield _mention(ctx, s, e, "Person", self.name, 0.65 if left and right else 0.6)


# Prepositions before a place (在, 于, 赴) and what turns 在 + a person into a viewpoint (在X看来)
_LOCATIVE = frozenset("在于赴从到至")
_VIEWPOINT = ("看来", "眼中", "眼里", "心中", "心目中", "的")


def _native_pair(text: str) -> bool:
    """Are the six characters two native names of three, of the usual given-name characters?"""
    given = given_name_chars()
    return all(text[i] in surnames() and text[i + 1] in given and text[i + 2] in given for i in (0, 3))


def _item_before(view: str, end: int) -> str:
    """The list item that ends at ``end``: back to the previous list mark or punctuation."""
    start = end
    while start > max(0, end - 8) and view[start - 1] not in _ITEM_ENDS and not _list_mark(view, start - 1):
        start -= 1
    return view[start:end]


def _item_after(view: str, start: int) -> str:
    """The list item that begins at ``start``: up to the next list mark or punctuation."""
    end = start
    while end < min(len(view), start + 8) and view[end] not in _ITEM_ENDS and not _list_mark(view, end):
        end += 1
    return view[start:end]


def _list_of_things(view: str, start: int, end: int) -> bool:
    """Is the name at [start, end) listed (、 和 与 及) with a place or a known organization?"""
    at = start
    items: list[str] = []
    while len(items) < 6 and at >= 2 and _list_mark(view, at - 1):
        items.append(_item_before(view, at - 1))
        at -= len(items[-1]) + 1
        if not items[-1]:
            break
    at = end
    while len(items) < 12 and at < len(view) and _list_mark(view, at):
        items.append(_item_after(view, at + 1))
        at += len(items[-1]) + 1
        if not items[-1]:
            break
    return any(_not_a_person(item) for item in items if item)


def _not_a_person(item: str) -> bool:
    """Is this list item a place or a known organization (so that the list is of such things)?"""
    known = known_by_name(item)
    return known is not None and known.type != "Person" or item in places() or word_tag(item) == "ns"


def _after_undotted_title(view: str, start: int, end: int) -> int:
    """Where a run of transliteration characters begins after the end of a title in it (主|席费希尔)."""
    every, lengths = _titles_by_length()
    for cut in range(start + 1, min(start + 3, end - 1)):
        if any(view[cut - n : cut] in every for n in lengths if n <= cut):
            return cut
    return start


def _place_after(view: str, end: int) -> bool:
    """A word for a kind of place or polity follows (加利福尼亚|州, 南斯拉夫|联盟共和国)."""
    return view.startswith(
        ("州", "省", "市", "联盟", "共和国", "王国", "人民", "方面", "政府", "总统", "首相"), end
    )


# Words around a side in a match report: 切沃队vs锡耶纳队, 4比0大胜波尔图, 做客挑战桑德兰
_MATCH_BEFORE = re.compile(
    r"(?:vs|VS|对阵|逼平|击败|战胜|负于|输给|力克|不敌|大胜|做客|作客|迎战|挑战|客场|主场|看好|力挺)\s*$"
)
# what follows a side in a match report or a betting tip (米兰主场, 罗马客胜, 热那亚防平, 利物浦作胆)
_MATCH_AFTER = re.compile(
    r"\s*(?:队|vs|VS|对阵|主场|客场|主队|客队|逼平|击败|战胜|负于|输给|力克|不敌|大胜|主胜|客胜|防平|作胆|博胆"
    r"|稳胆|让球|受让|坐镇|[0-9]+\s*[:：比]\s*[0-9]+)"
)


def _sports_side(view: str, start: int, end: int) -> bool:
    """Is the name at [start, end) a side in a match report?"""
    return bool(_MATCH_BEFORE.search(view, max(0, start - 6), start) or _MATCH_AFTER.match(view, end))


class SportsClubs:
    """Clubs as match reports name them: a transliteration (and 队) next to vs, a score or a match verb
    (切沃队vs锡耶纳队, 4比0大胜波尔图). A club is an organization; a player is a person."""

    name = "mentions.club.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _translit_run(2).finditer(view, start, end):
                s, e = match.span()
                if not _sports_side(view, s, e) or view[s - 1 : s] == NAME_DOT or view[e : e + 1] == NAME_DOT:
                    continue
                if view[e : e + 1] == "队":
                    e += 1
                elif _everyday_word(view[s:e]) and word_tag(view[s:e]) != "ns":
                    continue
                if ctx.inside(s, e) and not _crosses_word(ctx, s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.6)


@lru_cache(maxsize=2)
def _translit_run(shortest: int = 3) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(sorted(translit_chars())))}]{{{shortest},7}}")


# ---------------------------------------------------------------------------------------
# Citations: ``[^4]: Ryan, Shawn（2025/6/16）。[title](url)。Shawn Ryan Show。``


class CitationSources:
    """The author and the publisher of each footnote reference of a Markdown article."""

    name = "mentions.citation.v1"
    _AUTHOR = re.compile(r"\[\^[^\]]+\]:\s*([^（(。\[]+?)\s*[（(]")
    _PUBLISHER = re.compile(r"\)\s*[。.]\s*([^。\[\]()（）]+?)\s*[。.]")
    _ANONYMOUS = ("作者不详", "佚名", "未知", "匿名", "本站", "unknown", "Unknown", "Anonymous")
    _NOT_ORGANIZATION = ("Show", "Podcast", "播客", "节目", "频道")

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for citation in ctx.document.citations:
            text = ctx.view[citation.start : citation.end]
            author = self._AUTHOR.match(text)
            if author and author.group(1).strip() not in self._ANONYMOUS:
                s = citation.start + author.start(1)
                e = citation.start + author.end(1)
                value = ctx.view[s:e]
                if re.fullmatch(r"[A-Z][A-Za-z\-']+, [A-Z][A-Za-z\-'. ]+", value):
                    yield _mention(ctx, s, e, "Person", self.name, 0.8)
                elif has_cjk(value) and len(value) <= 12:
                    yield _mention(ctx, s, e, "Organization", self.name, 0.7, kind="MediaOutlet")
            publisher = self._PUBLISHER.search(text)
            if publisher:
                value = publisher.group(1).strip()
                if (
                    value
                    and not value.endswith(self._NOT_ORGANIZATION)
                    and not value.startswith(("检索", "访问"))
                ):
                    s = citation.start + publisher.start(1)
                    e = s + len(publisher.group(1).rstrip())
                    yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="MediaOutlet")


# ---------------------------------------------------------------------------------------
# Products named in quotes before a product word: “Behemoth”模型


class QuotedProducts:
    """A quoted name followed by a product head noun."""

    name = "mentions.product.v1"
    _QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,24})[”\"](?=" + "|".join(PRODUCT_HEADS) + ")")

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for match in self._QUOTED.finditer(ctx.view, start, end):
                s, e = match.span(1)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Product", self.name, 0.75)


RULES = (
    KnownNames(),
    LatinNames(),
    TransliteratedNames(),
    MediaOutlets(),
    SuffixOrganizations(),
    DictionaryOrganizations(),
    HeadedOrganizations(),
    ArmedForces(),
    BrandCompanies(),
    CuedCompanies(),
    Banks(),
    PartyCongresses(),
    Units(),
    ChinesePersons(),
    TitledPersons(),
    ShapedPersons(),
    NameRolls(),
    TransliteratedPersonsUndotted(),
    SportsClubs(),
    CitationSources(),
    QuotedProducts(),
)
REPEATED = "mentions.repeat.v1"  # a name found again elsewhere in the text (see ``_repeated``)
COORDINATED = "mentions.person_list.v1"  # a name listed with a person (see ``_coordinated_people``)
# When two readings of the same stretch are equally long, the more specific rule wins.
_PRIORITY = {
    name: rank
    for rank, name in enumerate(
        [
            rule.name
            for rule in (
                CitationSources,
                Units,
                MediaOutlets,
                KnownNames,
                QuotedProducts,
                TransliteratedNames,
                SuffixOrganizations,
                Branches,
                CompanyArms,
                DictionaryOrganizations,
                HeadedOrganizations,
                ArmedForces,
                BrandCompanies,
                CuedCompanies,
                Banks,
                PartyCongresses,
                LatinNames,
                TitledPersons,
                ShapedPersons,
                TransliteratedPersonsUndotted,
                SportsClubs,
                ChinesePersons,
                NameRolls,
            )
        ]
        + [COORDINATED, REPEATED]
    )
}


def resolve_overlaps(candidates: Iterable[Mention]) -> list[Mention]:
    """Keep the longest candidate of every overlapping group (ties: rule priority, then a typed
    reading over an untyped one), in text order."""
    ranked = sorted(
        candidates,
        key=lambda m: (-(m.end - m.start), _PRIORITY.get(m.extractor, 99), not m.type, m.start),
    )
    # the spans kept so far, sorted and disjoint: a candidate overlaps one only if it overlaps a
    # neighbour of where it would be inserted
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Mention] = []
    for mention in ranked:
        i = bisect_left(starts, mention.start)
        if i > 0 and ends[i - 1] > mention.start or i < len(starts) and starts[i] < mention.end:
            continue
        starts.insert(i, mention.start)
        ends.insert(i, mention.end)
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end))


def find_mentions(document: Document, ctx: DocumentView | None = None) -> list[Mention]:
    """All mentions of ``document``, non-overlapping, in text order."""
    ctx = ctx or DocumentView(document)
    # a name has a letter or a digit in it: "……" in 《……》 or "---" names nothing
    candidates = [m for rule in RULES for m in rule.find(ctx) if any(ch.isalnum() for ch in m.name)]
    kept = resolve_overlaps(_adopt_known_types(candidates))
    kept = resolve_overlaps(kept + list(CompanyArms().extend(ctx, kept)))
    kept = resolve_overlaps(kept + list(Branches().extend(ctx, kept)))
    kept = resolve_overlaps(kept + list(_coordinated_people(ctx, kept)))
    return _people_in_lists(ctx, resolve_overlaps(kept + list(_repeated(ctx, kept))))


def _brand_of(mention: Mention) -> str:
    """The short form of a brand + industry company name, the name without its industry word (星衍 for
    星衍机器人, 衡山 for 衡山智能), if it is rare enough, or a place that is no city, to stand alone."""
    if mention.extractor == BrandCompanies.name:
        brand = mention.name[:2]
    elif mention.extractor == CuedCompanies.name:
        industry = next((w for w in INDUSTRY_WORDS if mention.name.endswith(w)), "")
        brand = mention.name[: -len(industry)] if industry else ""
    else:
        return ""
    if len(brand) < 2:
        return ""
    if word_frequency(brand) < _EVERYDAY_FREQUENCY and _is_brand(brand):
        return brand
    return brand if word_tag(brand) == "ns" and brand not in places() else ""


_REPEATABLE = frozenset(
    rule.name
    for rule in (
        ChinesePersons,
        TitledPersons,
        ShapedPersons,
        TransliteratedPersonsUndotted,
        SportsClubs,
        SuffixOrganizations,
        BrandCompanies,
        CuedCompanies,
        TransliteratedNames,
        MediaOutlets,
        Units,
        QuotedProducts,
    )
) | {COORDINATED}


def _repeated(ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
    """Once the text has shown that a string is a name, its other uses are that name too.

    (The rules that need context to trust a Chinese name see it only once or twice; news
    repeats a name many times without the cue.)
    """
    names: dict[str, Mention] = {}
    for mention in found:
        if mention.extractor in _REPEATABLE and has_cjk(mention.name) and len(mention.name) >= 2:
            names.setdefault(mention.name, mention)
        if mention.extractor == TransliteratedNames.name:
            surname = mention.name.rsplit(NAME_DOT, 1)[-1]
            if len(surname) >= 2:
                names.setdefault(surname, replace(mention, name=surname, confidence=0.55))
        brand = _brand_of(mention)
        if brand:  # 星衍机器人 … 星衍: the brand alone, once the text has shown it is one
            names.setdefault(brand, replace(mention, name=brand, confidence=0.55))
    if not names:
        return
    pattern = re.compile(alternation(frozenset(names)))
    for start, end, _ in ctx.analysed:
        for match in pattern.finditer(ctx.view, start, end):
            s, e = match.span()
            if ctx.inside(s, e):
                model = names[match.group()]
                yield replace(
                    model,
                    start=s,
                    end=e,
                    text=ctx.document.raw[s:e],
                    extractor=REPEATED,
                    confidence=min(model.confidence, 0.6),
                    name=ctx.view[s:e],
                )


# What may close a listed name: the next item, the end of the clause, 等(人), or a person's verb
_ITEM_ENDS = frozenset('、，,。；;：:！!？?（()）“”"《》 \n')


def _coordinated_people(ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
    """Names listed with a person are people too: 李慧燕、杨光、冯建国、周源; 曹鹏飞和蔡朝阳等4人.

    Lists of people are how news names delegations, winners and casts; the cue before or after the
    list confirms one or two of its items, and the others have the same shape: a surname and one or
    two more characters, or a run of transliteration characters, bounded by list marks on both sides.
    """
    view = ctx.view
    taken = sorted((m.start, m.end) for m in found)
    people = [m for m in found if m.type == "Person" and has_cjk(m.name)]
    while people:
        person = people.pop()
        if _list_of_things(view, person.start, person.end):
            continue  # 巴黎、桑坦德: a list with a place or a company in it is no list of people
        for s, e in (*_listed_after(view, person.end), *_listed_before(ctx, person.start)):
            if e - s < 2 or not ctx.inside(s, e):
                continue
            i = bisect_left(taken, (s, e))
            if i > 0 and taken[i - 1][1] > s or i < len(taken) and taken[i][0] < e:
                continue  # something else is read there already
            if not _listed_name(ctx, s, e):
                continue
            taken.insert(i, (s, e))
            mention = _mention(ctx, s, e, "Person", COORDINATED, 0.55)
            people.append(mention)
            yield mention
            break


def _list_mark(view: str, at: int) -> int:
    """The length of the list mark at ``at`` (、 和 与 及), or 0."""
    mark = view[at : at + 1]
    if mark == "、" or mark in ("和", "与", "及") and not view.startswith(("和平", "与会", "及时"), at):
        return 1
    return 0


def _listed_after(view: str, end: int) -> Iterator[tuple[int, int]]:
    """The item after a list mark at ``end``, up to the next mark, the end of the clause, 等 or a verb."""
    step = _list_mark(view, end)
    if not step:
        return
    s = end + step
    for e in range(s + 2, min(s + 7, len(view)) + 1):
        if e == len(view) or view[e] in _ITEM_ENDS or view[e] == "等" or _list_mark(view, e):
            yield s, e
            return
        if _person_after().match(view, e):
            yield s, e
            return


def _listed_before(ctx: DocumentView, start: int) -> Iterator[tuple[int, int]]:
    """The item before a list mark that ends at ``start``, from the clause edge, a mark or a title,
    or else the three characters before the mark when the words before them end there."""
    view = ctx.view
    if start < 1 or not _list_mark(view, start - 1):
        return
    e = start - 1
    for s in range(e - 2, max(e - 7, 0) - 1, -1):
        if s == 0 or view[s - 1] in _ITEM_ENDS or _list_mark(view, s - 1) or _left_cue(view, s) == "title":
            yield s, e
            break
    if (
        e >= 4
        and (view[e - 4] in _NOT_IN_NAMES or e - 3 in ctx.word_starts)
        and all(ch in given_name_chars() for ch in view[e - 2 : e])
    ):
        yield e - 3, e  # 选拔出了|李登海、, 等到|曹鹏飞和: the words before the first name end there


def _listed_name(ctx: DocumentView, s: int, e: int) -> bool:
    """Does the list item at [s, e) have the shape of a personal name?"""
    name = ctx.view[s:e]
    if not all(re.match(f"[{CJK}]", ch) and ch not in _NOT_IN_NAMES for ch in name):
        return False
    if known_by_name(name) is not None or _everyday_word(name) or name in places() or word_tag(name) == "ns":
        return False
    if len(name) <= 3 and name[0] in surnames() or len(name) in (3, 4) and name[:2] in surnames():
        return True
    if len(name) >= 3 and all(ch in translit_chars() for ch in name):
        return not _place_after(ctx.view, e) and name[-1] not in _PLACE_ENDINGS
    return False


def _people_in_lists(ctx: DocumentView, mentions: list[Mention]) -> list[Mention]:
    """A two-word Latin name coordinated with a person (``A、Curtis Priem``) is a person too."""
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.extractor != LatinNames.name or mention.type == "Person" or mention.confidence > 0.6:
            continue
        words_ = mention.name.split(" ")
        if not 2 <= len(words_) <= 3 or not all(
            w[:1].isupper() and w.replace("-", "").isalpha() for w in words_
        ):
            continue
        neighbours = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        for other in neighbours:
            between = ctx.view[min(other.end, mention.end) : max(other.start, mention.start)]
            if other.type == "Person" and between.strip() in ("、", "和", "与", "及", ",", "，"):
                out[i] = replace(mention, type="Person", confidence=0.65)
                break
    return out


def _adopt_known_types(candidates: list[Mention]) -> list[Mention]:
    """A candidate whose exact text is a known name takes the known entity's type."""
    out = []
    for mention in candidates:
        known = known_by_name(mention.name) if mention.extractor != KnownNames.name else None
        if known is not None and mention.extractor not in (Units.name, CitationSources.name):
            mention = replace(mention, type=known.type, kind=known.kind or mention.kind)
        out.append(mention)
    return out
