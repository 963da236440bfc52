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
    CBD SOTA FAQ PPT DNA toB toC toG BG BU
    ISP MCU SoC DSP FPGA ASIC HBM DRAM NAND SSD OLED AMOLED LTPO LCD CMOS ADAS BMS NFC USB UWB IGBT SiC
    GaN PCB ADC AIoT LiDAR 3D 4G 5G 6G Wh kWh MWh GWh PECVD CVD ALD EUV DUV Chiplet Transformer Agent
    Agents Biotech Pre-IPO GLP-1 PD-1 PD-L1 HER2 mRNA CAR-T
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
UNIT_SUFFIXES = (
    "实验室",
    "研究院",
    "研究所",
    "事业部",
    "事业群组",
    "事业群",
    "业务板块",
    "业务部",
    "工作室",
    "团队",
    "部门",
    "小组",
    "中心",
)
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
                e = _before_role(ctx.view, s, e, by_name)
                entity = by_name[ctx.view[s:e]]
                after_particle = s > 0 and ctx.view[s - 1] in "前原从在与和对向被由据及于称、，,"
                if (
                    e - s <= 2
                    and has_cjk(match.group())
                    and not (ctx.on_word_boundaries(s, e) or after_particle)
                ):
                    continue  # 荣耀 in 王者荣耀, 北大 in 北大荒
                if _inside_other_words(ctx, s, e) and not after_particle:
                    continue  # 京东方 in 北京|东方|华太: it begins and ends inside other words
                if match.group().endswith("银行") and ctx.view[e : e + 1] == "业":
                    continue  # 上海银行业: the banking trade of a place, not the bank of that name
                yield _mention(ctx, s, e, entity.type, self.name, 0.95, kind=entity.kind or "")


def _before_role(view: str, start: int, end: int, by_name: dict[str, KnownEntity]) -> int:
    """Where a known name ends when its longest form runs into a job title: 易观分析|师陈默 is 易观 and
    an analyst (分析师), where 易观分析 is also a name of the firm."""
    for cut in range(end - 1, start + 1, -1):
        if view[start:cut] in by_name and _person_after().match(view, cut) and view[cut:end] != "":
            return cut if not _person_after().match(view, end) else end
    return end


def _inside_other_words(ctx: DocumentView, start: int, end: int) -> bool:
    """Does [start, end) begin inside a word of the dictionary, and end inside a word too or where that
    word ends? The segmenter read the name's characters as parts of other words (北京东方|华太 and
    北京|东方 hold no 京东方; a name it does not know, 任英|伟达, is split anyhow)."""
    before = ctx.tokens_between(max(0, start - 8), start)
    word = before[-1] if before else None
    if word is None or word.end <= start or word_frequency(word.text) == 0 or not has_cjk(word.text):
        return False
    return word.end >= end or end not in ctx._boundaries[1]


# ---------------------------------------------------------------------------------------
# Latin-script names


def _after_known_organization(view: str, start: int) -> bool:
    """Does a known organization's Chinese name end right at ``start``?"""
    for n in range(2, 7):
        before = view[max(0, start - n) : start]
        if len(before) == n and has_cjk(before[0]) and _known_type(before) == "Organization":
            return True
    return False


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
    if _known_type(name) == "" and _after_known_organization(view, start):
        return "Product", "", 0.6  # 英伟达Jetson Thor, 百度Apollo: what a company makes, named after it
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
    if before.endswith(tuple(_COMPANY_NOUNS)) and name not in COMMON_ABBREVIATIONS:
        return "Organization", "Company", 0.7  # 芯片设计公司Graphcore: the category noun says "a company"
    if len(parts) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
        return "", "", 0.5  # one capitalized word: a surname alias or a company; entities decide
    if len(parts) == 1 and _MEASURE.fullmatch(name):
        return "", "", 0.0  # 8GWh, 120kW, 5nm: a figure and its unit
    if len(parts) == 1 and re.search(r"[0-9]", name) and len(re.sub(r"[^A-Za-z]", "", name)) >= 3:
        # Qwen3, DeepSeek-R2, Qwen3-235B-A22B: a versioned name is a product (a model, a chip, a game)
        return ("Organization", "", 0.6) if after.startswith(_ORG_CUES) else ("Product", "", 0.6)
    if len(parts) == 1 and (re.search(r"[0-9]", name) or re.fullmatch(r"[A-Z]{1,3}|[A-Z][a-z]?[A-Z]", name)):
        # "CS", "3D", "MoE": codes and abbreviations far more often than companies
        return ("Organization", "", 0.6) if after.startswith(_ORG_CUES) else ("", "", 0.0)
    return "Organization", "", 0.6


# a figure glued to its unit of measure: 8GWh, 3.5GW, 120kWh, 5nm, 12GB, 587Ah, 5 V
_MEASURE = re.compile(
    r"[0-9][0-9.,]*\s?(?:[kKMGTP]?(?:Wh|W|Hz|B|bps|FLOPS|Ah)|mAh|nm|mm|cm|km|kg|ms|GB|TB|MB|V)"
)


# a product line written with a space before 系列 (Find X10 系列) is named with it; glued to a known
# name (Llama系列, Qwen3-VL系列多模态模型) 系列 is read as the common noun after the name
_SERIES = re.compile(r" 系列")


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
        if len(name) < 2 or name.isdigit() or _MEASURE.fullmatch(name):
            return  # 6nm, 5MWh, 587Ah: a quantity
        # A run that starts with an abbreviation ("AI Scale"?) keeps it; one that is only
        # abbreviations joined by spaces ("CEO AI") is not a name.
        if all(w in COMMON_ABBREVIATIONS for w in words_):
            return
        type_, kind, confidence = _classify_latin(ctx, start, end, name)
        series = _SERIES.match(ctx.view, end)
        if series and type_ in ("", "Product") and ctx.inside(start, series.end()):
            # Find X10 系列, Vega 系列: news names a product line by its name and 系列
            yield _mention(ctx, start, series.end(), "Product", self.name, 0.7, kind=kind)
            return
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


# Characters left out of the transliteration list because they begin everyday words next to names
# (当时, 圣诞, 派出), which a name dot makes safe to read as part of a name: 亚当·斯密, 迭戈·科斯塔,
# 刘易斯·卡罗尔, 圣地亚哥·贝尔纳乌. They may begin a name only where nothing stands before it.
_DOTTED_ONLY = "当迭刘白圣派留可让日别曾方立通申延何平云永关环顺策宽毛成如"
# A name cut by the end of a line after its dot (保罗·), as pages and feeds break long names
_LINE_END_DOT = "·•・‧．"


@lru_cache(maxsize=1)
def _translit_name() -> re.Pattern[str]:
    chars = re.escape("".join(sorted(translit_chars())))
    extra = re.escape(_DOTTED_ONLY)
    first = f"(?:(?<![{CJK}])[{extra}]|[{chars}])[{chars}{extra}]{{0,5}}"
    part = f"[{chars}{extra}]{{1,8}}"
    cut = rf"{first}(?:{NAME_DOT}{part})?[{_LINE_END_DOT}](?=\s*$)"
    return re.compile(rf"{first}(?:{NAME_DOT}{part}){{1,2}}|{cut}", re.MULTILINE)


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
    """Skip characters at the start of a name that complete a title before it (总理|本雅明, 秘书|杰夫 …)."""
    dot = view.find(NAME_DOT, start, end)
    every, lengths = _titles_by_length()
    for cut in range(start + 1, min(dot, start + 3) if dot > 0 else start):
        if any(view[cut - n : cut] in every for n in lengths if n <= cut) and dot - cut >= 1:
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
                e = _before_word(ctx.view, s, _before_verb(ctx.view, s, e))
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Person", self.name, 0.85)


def _before_word(view: str, start: int, end: int) -> int:
    """Give back characters at the end of a name that begin an everyday word running past it
    (西恩·潘|依旧, 史密斯|方面)."""
    dot = view.rfind(NAME_DOT, start, end)
    for cut in range(dot + 2, end):
        if any(word_frequency(view[cut:k]) >= _EVERYDAY_FREQUENCY for k in (end + 1, end + 2)):
            return cut
    return end


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
    _TIME = re.compile(r"今年|去年|前年|本月|上月|日前|近日|此前|早前|[0-9一二三四五六七八九十]{1,4}[年月日]")
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
                when = self._TIME.search(view, s, e)
                if when:
                    e = when.start()  # 据路透社今年9月报道: the outlet, then when it reported
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
                    lead = re.match(r"(?:另据|根据|据|日电|日讯|而|并|但|则)", outlet)
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


# asked of every token by several rules (108,000 calls on 174 articles), for a few thousand words
@lru_cache(maxsize=1 << 16)
def _head_suffix(word: str) -> str | None:
    """The longest organization head noun that ``word`` ends with (股份有限公司 before 公司)."""
    suffixes = org_suffixes()
    return next((word[-n:] for n in _suffix_lengths() if word[-n:] in suffixes), None)


# what follows an industry word to make it a field, not a company's name: 微电子系, 芯片行业
_FIELD_AFTER = frozenset("系业界")


_GROUP_HEADS = frozenset({"集团", "集团公司", "控股集团", "控股"})


def _group_brand(token: Token) -> bool:
    """Is this word, right before 集团, a group's brand (绿城集团, 复星集团)? Two or three characters of
    a word too rare to be everyday (辉煌, 企业 and 旅游 are not), no verb, no place alone."""
    text = token.text
    if not 2 <= len(text) <= 3 or re.fullmatch(f"[{CJK}]+", text) is None or token.pos.startswith("v"):
        return False
    if text[0] in "原前现新老该本其" and word_frequency(text[:2]) == 0:
        return False  # 原|淘天集团: the group's former name begins after 原
    if (
        text in places()
        or text in _KINDS_OF_ORGANIZATION
        or text in INDUSTRY_WORDS
        or text in _GENERIC_BRANDS
    ):
        return False
    return word_frequency(text) < 100 and _is_brand(text)


def _chartered_university(tokens: list[Token], i: int) -> int | None:
    """Where a university named by the state or city that chartered it begins (俄勒冈州|立|大学,
    首尔|国立|大学), which the segmenter cuts apart."""
    if tokens[i].text != "大学" or i < 2 or tokens[i - 1].text not in ("立", "国立", "州立", "市立"):
        return None
    place = tokens[i - 2]
    if place.pos != "ns" or place.end != tokens[i - 1].start or tokens[i - 1].end != tokens[i].start:
        return None
    return place.start if tokens[i - 1].text != "立" or place.text[-1] in "州国市省" else None


def _closes_list_item(view: str, end: int) -> bool:
    """Does a list item or a clause end at ``end`` (、，。和与及 or a closing bracket)?"""
    return (
        end >= len(view) or view[end] in "、，,。；;）)和与及" and not view.startswith(("和平", "与会"), end)
    )


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
            chartered = _chartered_university(tokens, i)
            if chartered is not None and ctx.inside(chartered, token.end):
                yield _mention(ctx, chartered, token.end, "Organization", self.name, 0.7, kind="University")
                continue
            if token.pos.startswith("v") and not (
                token.text == "控股" and _closes_list_item(ctx.view, token.end)
            ):
                continue  # 签署 ends in 署 but signs nothing into being; 元禾控股和… is a holding's name
            if kind == "GovernmentBody":
                if token.text.endswith("总部"):
                    continue  # 巴黎总部: where a company has its head office, no body of state
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
                place_named = prev.text in world_places() or prev.text in places()  # 莫斯科/nr|国立大学
                if (
                    prev.text in COMMON_ABBREVIATIONS
                    or prev.text in self._STOP
                    or prev.text in _LISTING_BOARDS
                    or prev.text.endswith(("公司", "集团"))  # 中金公司|医药分析师: a whole name, then a field
                    or prev.pos in ("nr", "nrfg", "nrt", "m", "t")
                    and not place_named
                    or prev.text in _CLAUSE_VERBS - _NAMING_VERBS  # 正式|加盟(ns)|星桥集团: a hire
                ):
                    break
                if prev.pos in _PROPER_POS or prev.pos in ("n", "nz", "vn") and len(prev.text) >= 2:
                    j -= 1
                    continue
                break
            # 绿城|集团: a rare word right before 集团 is the group's brand, whatever its tag
            group_brand = (
                suffix in _GROUP_HEADS
                and token.text == suffix
                and i > 0
                and tokens[i - 1].end == token.start
                and _group_brand(tokens[i - 1])
            )
            j = min(j, i - 1) if group_brand else j
            while j < i and tokens[j].pos not in _PROPER_POS:  # generic nouns on the left are not the name
                if group_brand and j == i - 1:
                    break
                j += 1
            parts = tokens[j : i + 1]
            start, end = parts[0].start, token.end
            text = ctx.view[start:end]
            if len(text) <= len(suffix) + 1 or text in _GENERIC_HEADS or not ctx.inside(start, end):
                continue
            if token.text[: -len(suffix)] in _KINDS_OF_ORGANIZATION:
                continue  # 深交所创业板上市公司: what kind of company, and where it is listed
            if (
                kind == "Company"
                and ctx.view[end : end + 1] in _FIELD_AFTER
                or ctx.view.startswith("专业", end)
            ):
                continue  # 复旦大学微电子|系, 半导体|行业, 微电子|专业: a field of study or of trade
            head_prefix = token.text[: -len(suffix)]
            brands = [t for t in parts[:-1] if t.pos in _PROPER_POS and t.pos != "ns"]
            brands += [tokens[i - 1]] if group_brand and j <= i - 1 else []
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
            start += _place_before_known(ctx.view[start:end], suffix)
            if ctx.view[start] in _GLUED_BEFORE and word_frequency(ctx.view[start : start + 2]) == 0:
                start += 1  # 调整|由星桥|集团: the segmenter glued the preposition to the name
            place_words = [t for t in parts[:-1] if t.pos == "ns" or t.text in world_places()]
            government = kind in ("GovernmentBody", "University", "MediaOutlet")
            if not brands and not (government and (place_words or head_prefix)):
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
_NAMED_HEAD_SET = frozenset(_NAMED_HEADS)
_NAMED_HEAD_LENGTHS = sorted({len(h) for h in _NAMED_HEADS}, reverse=True)


# asked of every token of every article, for a few thousand distinct words
@lru_cache(maxsize=1 << 16)
def _named_head(word: str) -> str | None:
    """The longest of the named heads that ``word`` ends with: 有限公司, not 公司."""
    return next((word[-n:] for n in _NAMED_HEAD_LENGTHS if word[-n:] in _NAMED_HEAD_SET), None)


# the last words of heads the segmenter may cut off from the word before them (管理|中心)
_SPLIT_HEAD_ENDS = frozenset({"中心", "事务所", "公司", "协会"})
_KINDS_OF_FUND = frozenset("主权 对冲 私募 公募 货币 指数 养老 债券 股票 混合 美元 人民币".split())
_NAME_MATERIAL = frozenset(
    {"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "b", "x", "vn", "an", "l", "eng", "s"}
)
_NAMING_POS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "x", "eng"})
_DETERMINERS = ("该", "这", "那", "本", "其", "各", "某", "每", "此")
# what a company is to another: words before a name (全资子公司|星河智能科技有限公司), never one
_AFFILIATE_WORDS = frozenset({"子公司", "母公司", "分公司", "孙公司", "全资子公司", "控股子公司"})


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


def _place_before_known(name: str, head: str) -> int:
    """The length of a country or city that stands before a known organization's name (美国|高通公司,
    德国|博世集团): the place says where the company is from and is no part of its name."""
    place = _leading_place(name)
    if not place or name.endswith(_REGISTERED):
        return 0  # a registered name begins with its place: 杭州云深处科技有限公司
    rest = name[place:]
    return place if known_by_name(rest) or known_by_name(rest[: -len(head)] if head else rest) else 0


def _registered_name_word(token: Token) -> bool:
    """Can this word stand in a registered company name before its legal form, whatever its tag (未来,
    一号, 星辰)? Not a function word, a determiner or a verb of the clause (成立, 收购)."""
    if token.text in _DETERMINERS or set(token.text) & _FUNCTION_CHARS or set(token.text) & _BRAND_STOP:
        return False
    return token.pos not in ("v", "vd", "vi", "p", "c", "u", "uj", "ul", "r", "d")


def _inner_verb(word: Token, after: Token, before: Token | None) -> bool:
    """Is this verb (or a word the segmenter took for an adverb) part of a registered 字号 (广州途能|充电|
    科技有限公司, 霜翎|互动|娱乐有限公司)? Two characters right before the industry word, after a word of
    the name, not a verb of the clause (收购|科技有限公司)."""
    if word.pos not in ("v", "vd", "vi", "d") or len(word.text) != 2 or word.text in _CLAUSE_VERBS:
        return False
    if after.text not in INDUSTRY_WORDS and after.text not in _SERVICE_WORDS:
        return False
    return before is None or before.end == word.start and before.pos[:1] not in "pcurdvmqtf"


# verbs that take a company as their object, never part of its name
_CLAUSE_VERBS = frozenset(
    "收购 投资 入股 成立 创办 创立 宣布 加入 起诉 签约 签署 联合 携手 并购 增资 控股 持有 控制 "
    "注册 设立 旗下 离开 加盟 出任 担任 任职 就职 供职 合作 选择 参股 认购 领投 跟投".split()
)
# clause verbs that also make names: 北京市人工智能产业|投资|基金, 联合|利华, 合作|社, 国投|创业|控股
_NAMING_VERBS = frozenset({"投资", "控股", "联合", "合作", "创投"})
_SERVICE_WORDS = frozenset({"娱乐", "文化", "服务", "技术"})  # 霜翎|互动|娱乐有限公司


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
        for i, token in enumerate(tokens):
            head = _named_head(token.text)
            j = i
            if i > 0 and tokens[i - 1].end == token.start and token.text in _SPLIT_HEAD_ENDS:
                # a head the segmenter cut in two: 住房保障|管理|中心, 福利彩票|发行|中心, 友好|协会
                joined = tokens[i - 1].text + token.text
                split = _named_head(joined)
                if (
                    split is not None
                    and len(split) > len(token.text)
                    and (head is None or len(split) > len(head))
                ):
                    head = split
                    j = i - 1 if len(split) == len(joined) else i  # the walk starts before the whole head
            if head is None or token.text in _AFFILIATE_WORDS:
                continue  # 光伏组件|子公司 says what it is to its owner, it names no company
            legal_form = head in ("股份有限公司", "有限责任公司", "有限公司")  # registered: always a name
            while j > 0 and i - j < 5 and tokens[j - 1].end == tokens[j].start:
                prev = tokens[j - 1]
                cjk = re.fullmatch(f"[{CJK}]+", prev.text) is not None
                material = prev.pos in _NAME_MATERIAL and (cjk or prev.pos == "eng")
                if legal_form and cjk and not material and _registered_name_word(prev):
                    material = True  # 深圳市极光|未来|智能有限公司: a registered 字号 may be any words
                before = tokens[j - 2] if j > 1 else None
                material = material or legal_form and cjk and _inner_verb(prev, tokens[j], before)
                rare = (
                    cjk
                    and len(prev.text) >= 2
                    and word_frequency(prev.text) < 50
                    and not prev.pos.startswith("v")
                    and not set(prev.text) & _FUNCTION_CHARS
                )
                if not (material or rare) or prev.text in _DETERMINERS + tuple(_AFFILIATE_WORDS):
                    break
                if prev.text in _CLAUSE_VERBS - _NAMING_VERBS or prev.text in titles():
                    break  # 娄楚桐|加盟|公司 (加盟 tagged a place), 副总裁|…公司: a clause, not a name
                if prev.text in _LISTING_BOARDS or not legal_form and prev.text[-1] in _VERB_CHARS:
                    break  # 科创板|芯片设计公司 is a kind of company; 电芯为|公司 is 电芯 + 为
                if token.end - prev.start > 16:
                    break
                j -= 1
            while j < i and _inner_verb(tokens[j], tokens[j + 1], None):
                j += 1  # a name never begins with the verb inside it: 收购|途能|充电…, 充电|科技…
            parts = tokens[j : i + 1]
            prefix = ctx.view[parts[0].start : token.end - len(head)]
            if len(prefix) < 2 or prefix in _KINDS_OF_ORGANIZATION or prefix.endswith(("的", "和", "等")):
                continue
            if head == "基金" and len(parts) > 1 and parts[-2].text in _KINDS_OF_FUND:
                continue  # 中东主权基金, 美国对冲基金: a kind of fund from somewhere, not a fund's name
            inner = token.text[: -len(head)]  # 初创|公司, 星展|银行: a name inside the head word
            if inner in _KINDS_OF_ORGANIZATION:
                continue  # 科创板|上市公司, 香港|上市公司: what kind of company, and where it is listed
            if len(parts) == 1 and head in _FROM_A_PLACE and (inner in world_places() or inner in places()):
                continue  # 美国公司: a company from America
            naming = [
                t
                for n, t in enumerate(parts[:-1])
                if _names_something(t) and (t.pos not in ("nr", "nrfg", "nrt") or _brand_position(parts, n))
            ]
            if len(inner) >= 2 and (_names_something(Token(0, 0, inner, word_tag(inner) or "x"))):
                naming.append(token)
            if legal_form and not naming and len(parts) > 2:
                naming = parts[:1]  # (深圳市|)极光|未来|智能有限公司: a registered name, whatever its words
            if not naming:
                continue
            if head in _COMPANY_HEADS - {"银行"} and all(t.pos == "ns" for t in naming) and not legal_form:
                continue  # 以色列公司 is a company from Israel, not a name (重庆银行 is a bank's name)
            start = parts[0].start if naming[0].pos == "ns" else naming[0].start
            dash = j >= 2 and tokens[j - 1].text in ("—", "－", "-", "–")
            if dash and naming[0].pos == "ns" and tokens[j - 2].pos == "ns":
                start = tokens[j - 2].start  # 苏丹—中国友好协会: a society of two countries
            if ctx.view[start] in "原前" and word_frequency(ctx.view[start : start + 2]) == 0:
                start += 1  # 原|淘天集团: the former unit's name, not a name with 原 (前海 is a place)
            elif ctx.view[start] in _GLUED_BEFORE and word_frequency(ctx.view[start : start + 2]) == 0:
                start += 1  # 由星澜|投资有限公司: the segmenter glued the preposition to the name
            name = ctx.view[start : token.end]
            if len(name) <= len(head) + 1 or not ctx.inside(start, token.end):
                continue
            start += _place_before_known(name, head)
            if legal_form:
                start = _quoted_start(ctx.view, start, token.end)
            name = ctx.view[start : token.end]
            if any(known_by_name(name[:n]) for n in range(2, len(name) - len(head) + 1)) or any(
                _head_suffix(ctx.view[begin : start + n]) and known_by_name(ctx.view[begin : start + n])
                for begin in range(max(0, start - 4), start)
                for n in range(2, len(name) - len(head) + 1)
            ):
                continue  # 浙江大学计算机学院, 卡内基|梅隆大学机器人研究所: the known name is found alone
            suffix = _head_suffix(name)
            kind = org_suffixes()[suffix][0] if suffix else ""
            yield _mention(ctx, start, token.end, "Organization", self.name, 0.6, kind=kind)


def _quoted_start(view: str, start: int, end: int) -> int:
    """Where a registered name in quotes begins: a quoted name is all name, whatever its words
    (合资公司“京盒即时零售科技有限公司”, where 即时 stopped the walk)."""
    if view[end : end + 1] not in '”"」':
        return start
    opening = max(view.rfind(q, max(0, start - 16), start) for q in '“"「')
    between = view[opening + 1 : start]
    return opening + 1 if opening >= 0 and re.fullmatch(f"[{CJK}A-Za-z0-9]*", between) else start


class PlaceBracketedNames:
    """A registered company name with its place in brackets before the legal form, as the register
    writes it when the place does not lead: 和瑞康生物医药（苏州）有限公司, 澜算智能科技（北京）有限公司.
    The name runs back to where a clause, a list or an affiliate word (全资子公司) ends."""

    name = "mentions.registered_name.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _PLACE_BRACKETED.finditer(view, start, end):
                if match.group("place") not in places():
                    continue
                body = match.group("body")
                cut = max((body.rfind(w) + len(w) for w in _BODY_BREAKS if w in body), default=0)
                s = match.start("body") + cut
                while (
                    s < match.start("place") - 1
                    and view[s] in _NOT_IN_NAMES
                    and re.match(f"[{CJK}]", view[s - 1 : s] or "\n")
                ):
                    s += 1  # a word glued before the name; at a clause's start 和 may begin one (和瑞康)
                if match.start("place") - 1 - s >= 4 and ctx.inside(s, match.end()):
                    yield _mention(ctx, s, match.end(), "Organization", self.name, 0.75, kind="Company")


# what ends the words before a registered name: punctuation, an affiliate or category noun, a verb
_BODY_BREAKS = ("公司", "企业", "设立", "成立", "旗下", "的", "与", "由", "将", "向", "对")
_PLACE_BRACKETED = re.compile(
    rf"(?P<body>[{CJK}]{{2,14}}?)[（(](?P<place>[{CJK}]{{2,4}})[）)](?:股份有限公司|有限责任公司|有限公司)"
)


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
# the boards a company is listed on, which say what kind of company it is (科创板芯片设计公司)
_LISTING_BOARDS = frozenset(
    "科创板 创业板 主板 新三板 北交所 深交所 上交所 港股 美股 纳斯达克 纽交所".split()
)
_KINDS_OF_ORGANIZATION = frozenset(
    "商业 投资 开发 政策 政策性 农村 城市 地方 民营 外资 合资 国有 股份制 私人 网络 电子 直销 储蓄 信用"
    " 跨国 上市 中资 外国 国外 国内 各国 大型 中小 小型 金融 保险 证券 信托 基金 咨询 中介 物业 房地产"
    " 科技 互联网".split()
)


# the last character of a place or building the dictionary lists among organization names
_FACILITY_ENDINGS = frozenset("区站馆堂场楼厦园街路桥宫殿城港")


# words that, after a place, say where something is from rather than name it
_FROM_A_PLACE = frozenset({"公司", "企业", "联邦", "总部", "厂商"})


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
            if place and token.text[place:] in _FROM_A_PLACE:
                continue  # 美国公司, 德国联邦: a company or a federation of some country, not a name
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
    "财险",
    "寿险",
    "置地",
    "外卖",
    "优选",
    "买菜",
    "能源",
    "物业",
    "农业",
    "地产",
    "教育",
)
_ARM = re.compile(alternation(frozenset(_ARM_WORDS)))
_LINE_OF_BUSINESS = ("业务", "板块", "领域", "行业", "产业", "市场")
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
            if match is not None and ctx.view.startswith(_LINE_OF_BUSINESS, match.end()):
                continue  # 英伟达汽车业务: the company's automotive business, not a company of its own
            if match is None or match.end() not in ends or mention.name.endswith(match.group()):
                match = _SUBSIDIARY.match(ctx.view, mention.end)
                middle = match.group("middle") if match else ""
                if match is None or match.end() not in ends or _UNIT_STOP & set(middle) or "旗下" in middle:
                    continue
                if middle and (_has_verb(middle) or middle in _KINDS_OF_ORGANIZATION):
                    continue  # 腾讯收购公司, 腾讯投资公司: what the company does to a company
                if middle.endswith("上市") or any(board in middle for board in _LISTING_BOARDS):
                    continue  # 深交所创业板上市公司: a company listed there, not an arm of the exchange
                if match.group().endswith(tuple(_AFFILIATE_WORDS)) or set(middle) & _VERB_CHARS:
                    continue  # 宁德时代已通过全资子公司: what it is to the company, and a clause
            start, end = mention.start, match.end()
            if ctx.inside(start, end):
                yield _mention(ctx, start, end, "Organization", self.name, 0.65, kind="Company")


class NamedUnits:
    """A unit named right after the organization it belongs to, for any organization found, not only
    known ones: glued to it (星图科技|自动驾驶|事业部) or introduced by it (云穹集团旗下的|第七工作室,
    点映的|电商事业部). Only the unit words that end names, never 团队 or 部门 (公司的研发团队)."""

    name = "mentions.named_unit.v1"
    _AFTER = re.compile(
        rf"(?P<owned>旗下的?|的)?(?P<middle>第[一二三四五六七八九十]{{1,3}}|[A-Za-z0-9]{{1,12}}|[{CJK}]{{2,8}}?)"
        rf"(?P<unit>事业群组|事业群|事业部|业务板块|研究院|实验室|工作室)"
    )
    # a university's schools, departments and institutes: 浙江大学|控制科学与工程学院, 复旦大学|计算机系
    # (a department, 系, is left in the university: news gives it as a graduate's major, 北京大学化学系)
    _SCHOOL = re.compile(rf"(?P<middle>[{CJK}]{{2,10}}?)(?P<unit>学院|研究所|研究院|实验室|研究中心)")

    def extend(self, ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
        taken = {(m.start, m.end) for m in found}
        for mention in found:
            if mention.type != "Organization" or mention.kind in ("Team", "MediaOutlet"):
                continue
            if mention.name.endswith("大学"):
                yield from self._school(ctx, mention, taken)
                continue
            match = self._AFTER.match(ctx.view, mention.end)
            if match is None:
                continue
            middle = match.group("middle")
            ordinal = middle.startswith("第")
            if not ordinal and (_UNIT_STOP & set(middle) or not _unit_name(middle, True)):
                continue
            start = match.start("middle") if match.group("owned") else mention.start
            if match.group("owned") and not ordinal and middle in _UNIT_GENERIC:
                continue
            end = match.end()
            if (start, end) not in taken and ctx.on_word_boundaries(start, end) and ctx.inside(start, end):
                yield _mention(ctx, start, end, "Organization", self.name, 0.7, kind="Team")

    def _school(
        self, ctx: DocumentView, university: Mention, taken: set[tuple[int, int]]
    ) -> Iterator[Mention]:
        """A school of the university right after its name: a mention of its own that stands for
        the whole name (控制科学与工程学院 for 浙江大学控制科学与工程学院)."""
        match = self._SCHOOL.match(ctx.view, university.end)
        if match is None:
            return
        start, end = match.span()
        middle = match.group("middle")
        first = tokenize(middle)[0]
        # 控制|科学与工程 is a field; 成立|研究院, 共建|联合实验室 are what is done with the university
        verb = first.pos == "v" and (len(middle) <= 3 or first.text in _BUILDING_VERBS)
        if _SCHOOL_STOP & set(middle) or verb or first.pos in ("p", "c", "d", "r", "m", "t", "f"):
            return  # 清华大学|在…实验室, 复旦大学|一个|实验室
        if (start, end) not in taken and ctx.on_word_boundaries(start, end) and ctx.inside(start, end):
            name = ctx.view[university.start : end]
            yield _mention(ctx, start, end, "Organization", self.name, 0.7, kind="Team", name=name)


_BUILDING_VERBS = frozenset(
    {"成立", "设立", "共建", "组建", "新建", "筹建", "建立", "联合", "合作", "合办", "携手"}
)
# characters a school's name never has, though 与 it may (控制科学与工程学院)
_SCHOOL_STOP = set("的和及在也是一了将对为从被把就都而但等其该这那则由向以，。、")


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
_FUND_PHASE = re.compile(r"[一二三四五六七八九]期(?![间限末初内中货权])")


class Branches:
    """An organization name followed by a branch or an organ of it: 光大银行沈阳分行, 建设银行广东省分行,
    致公党中央, 中国共产党第十五次全国代表大会, 全国人大常委会; a body named by its ordinal
    (第十五次全国代表大会); and a fund's later phase (大基金二期)."""

    name = "mentions.branch.v1"

    def extend(self, ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
        view = ctx.view
        for mention in found:
            if mention.type != "Organization" or mention.kind == "Team":
                continue  # a team has no branches or organs (华为2012实验室|中央研究院 are two units)
            start, end = mention.start, mention.end
            ordinal = _ORDINAL_BEFORE.search(view, max(0, start - 8), start)
            if ordinal and mention.name.endswith(("代表大会", "委员会", "会议")):
                start = ordinal.start()
            for pattern in (_BRANCH, _ORGAN):
                match = pattern.match(view, end)
                if match is not None and match.group() in _AFFILIATE_WORDS:
                    continue  # 宁德时代全资子公司|问鼎投资: what the next name is to the company
                if match is not None and not _BRANCH_STOP & set(match.group()):
                    end = match.end()
            phase = _FUND_PHASE.match(view, end) if mention.name.endswith("基金") else None
            if phase is not None:
                end = phase.end()  # 大基金二期: the fund's second vehicle, a fund of its own
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


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """Places of the world written like foreign personal names (扎伊尔, 奥兰多): the person rules' list."""
    return frozenset(word for row in words("world_places.txt") for word in row.split()) | places()


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
    "储能",
    "数智",
    "智驾",
    "重工",
    "光电",
    "科投",
    "产投",
    "装备",
    "光学",
    "精密",
    "动力",
    "游戏",
    "互娱",
    "茶饮",
    "餐饮",
    "食品",
    "饮品",
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
COMPANY_ROLE_CUES = ("创始人", "联合创始人", "CEO", "董事长", "总裁", "首席执行官", "旗下", "董事会")
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
    # what a supplier or an employer does: 由保隆科技提供, 曾在七星电子工作
    "提供",
    "供应",
    "代工",
    "承担",
    "工作",
    "任职",
)
_BRAND_STOP = set(
    "的了和与及是在等将对向从被把为也都就而但其该这那此个家位些一二三两几多各每某新老大小由于以并还自"
)
_GENERIC_BRANDS = frozenset(
    {
        # kinds of games and of companies, before 游戏 or 公司 (单机游戏, 初创游戏公司)
        "单机",
        "主机",
        "独立",
        "休闲",
        "初创",
        "手机",
        "网页",
        "电竞",
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
        "高阶",
        "低阶",
        "城市",
        "城区",
        "量产",
    }
)


# one-character words the segmenter glues to the name after them (由高瓴, 被恒拓)
_GLUED_BEFORE = frozenset("由被与和及对向从在将把给为")


# what, right before a name, says a company owns it or buys into it: 华为旗下的乾崑智驾, 收购了苏州微纳传感,
# 入股蓝峰储能 (a place may stand between: 收购了|苏州|微纳传感)
@lru_cache(maxsize=1)
def _owner_before() -> re.Pattern[str]:
    owned = r"旗下(?:的)?(?:投资平台|投资机构|子公司|公司|平台)?|(?:收购|并购|入股|控股|参股|投资)了?"
    return re.compile(rf"(?:{owned})(?P<place>{alternation(places())})?$")


# 商 or 厂 after a trade names its vendors (芯片商, 电池厂, 汽车厂商), not a company
_VENDOR = re.compile(r"(?:厂商|[商厂](?!业|用|品|务|城|标|场|界|房|区|长))")


class BrandCompanies:
    """A two-character brand and an industry word, confirmed by how the text treats it.

    Chinese company names are 字号 + 行业 (+ 组织形式). The brand is usually unknown to any
    dictionary, so the candidate is kept only when the text confirms it: a legal form after it,
    a category noun before it (芯片厂商X), a company's verb after it (X宣布), or a second use.
    """

    name = "mentions.brand.v1"
    _CANDIDATE = re.compile(
        rf"(?P<brand>[{CJK}]{{2}})(?P<industry>(?:{'|'.join(INDUSTRY_WORDS)})+|投资)(?P<legal>{'|'.join(LEGAL_FORMS)})?"
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
                if _VENDOR.match(view, match.end()):
                    continue  # 收购车规芯片商锐思半导体: a kind of vendor, whose name comes after
                vendor_before = _VENDOR.match(view, match.start() - 1) is not None  # 芯片|商锐思|半导体
                if (
                    match.start() not in ctx.word_starts
                    and view[match.start() - 1] not in _GLUED_BEFORE
                    and not vendor_before
                ):
                    continue  # 阿里云|智能集团 has no brand 里云: a brand begins a word (由高瓴 is 由|高瓴)
                candidates.append(match)
        counts = Counter(m.group("brand") + m.group("industry") for m in candidates)
        for match in candidates:
            s, e = match.start(), match.end()
            name = match.group("brand") + match.group("industry")
            before = view[max(0, s - 4) : s]
            after = view[e : e + 4]
            owner = _owner_before().search(view, max(0, s - 9), s)
            # a category noun or a legal form says "company" outright; a company's verb or a second
            # use only when the brand is no everyday word (人形机器人 is a kind of robot)
            said = match.group("legal") or before.endswith(CATEGORY_NOUNS) or owner is not None
            if match.group("industry") in ("投资", "芯片"):
                # 投资 is what investors do, and 快充芯片, 凌霄芯片 are chips: only a legal form, a category
                # noun or an owner says "name"
                confirmed = said
            else:
                confirmed = (
                    said
                    or match.group("industry") in ("创投", "资本")  # 高瓴创投, 华兴资本: investors' names
                    or after.startswith(COMPANY_ROLE_CUES + COMPANY_CUES)
                    or after.startswith(_TIME_WORDS)
                    and view.startswith(COMPANY_CUES, e + 2)  # 今日宣布
                    or counts[name] >= 2
                    or _listed_with_known_organization(ctx, s, e)
                )
            if _three_character_brand(ctx, s):
                s -= 1  # 星|海图|智能: the brand's first character stands alone as a word
            if match.group("legal"):  # a registered name begins with its place: 深圳云帆科技有限公司
                s -= _trailing_place(view[max(0, s - 3) : s])
            elif owner is not None and owner.group("place"):
                s = owner.start("place")  # 收购了|苏州微纳传感: the place is part of what was bought
            if confirmed and ctx.inside(s, e):
                yield _mention(ctx, s, e, "Organization", self.name, 0.65, kind="Company")


# a category noun that, right before a name, says the name is a company's: 智能客服企业|云语互动
_COMPANY_NOUNS = frozenset(
    {"公司", "企业", "厂商", "服务商", "供应商", "制造商", "初创", "创业公司", "独角兽", "运营商", "开发商"}
)
# what may end a company's name that a category noun introduced: punctuation, a figure, a particle
# or preposition, or a company's verb (云语互动|51%, 锐频微|被)
_NAME_ENDS = frozenset('的和与及、，,。；;：:（(“”"被将已在于对向为从是也都')
_FOUNDER_CUES = ("联合创始人", "创始人", "董事长", "首席执行官", "CEO", "总裁", "董事会")
_COMPANY_DEEDS = ("完成", "宣布", "获得", "发布", "推出")
_FOUNDING_VERBS = frozenset({"成立", "创立", "创办", "创建"})
_FOUNDING_YEAR = re.compile(r"于\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})年")
_INTRODUCED_AS_COMPANY = re.compile(
    r"(?:国内|全球|中国)?(?:一家|家)[^，。；“”]{0,14}?"
    r"(?:公司|企业|品牌|集团|工作室|厂商|服务商|供应商|制造商|运营商|初创|独角兽)"
)
_TENURE_WORDS = frozenset("现任 前任 时任 曾任 原任 兼任 出任 担任 继任 新任 留任".split())


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
        # 韩屹|现任|董事长, 澄观智能|正式|发布, X|近日: the clause goes on, the name has ended
        ends_name = text in _TENURE_WORDS or text in COMPANY_CUES or text in _TIME_WORDS
        if ends_name or token.pos in ("ad", "p", "c", "u"):
            return False
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
    unknown = word_frequency(brand) < _RARE_WORD and all(
        word_frequency(brand[n : n + 2]) < 50 for n in range(len(brand) - 1)
    )
    return unknown or len(tokens) > 1 and tokens[-1].text in INDUSTRY_WORDS


# a word jieba's dictionary counts fewer times than this is rare enough to be a brand (极佳, 医渡)
_RARE_WORD = 10


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
            introduced = None
            if token.text in _COMPANY_NOUNS and i + 1 < len(tokens):
                named = i + 2 < len(tokens) and tokens[i + 1].text in ("名为", "名叫", "叫做")
                span = self._after_category(ctx, i + 2 if named else i + 1)  # 企业(名为)云栖数据
            elif token.text.startswith(_FOUNDER_CUES) and i > 0:
                span = self._before_title(ctx, i)
            elif token.text in _FOUNDING_VERBS and i > 0 and _FOUNDING_YEAR.match(view, token.end):
                span = self._before_title(ctx, i)  # 禾集便利成立于2019年: only an organization is founded
            elif (
                token.text == "是" and i > 0 and (introduced := _INTRODUCED_AS_COMPANY.match(view, token.end))
            ):
                span = self._before_title(ctx, i)  # 星澜互动是一家游戏公司: introduced as one
            else:
                continue
            if span is None:
                continue
            s, e = span
            name = view[s:e]
            # 华芯微是一家芯片设计公司 says "company" even of a name shaped like a person's; 张伟是一家
            # 公司的CEO does not
            said_company = introduced is not None and not view.startswith("的", introduced.end())
            # 华芯微董事长王建国: a chairman's title between two names makes the first a company
            said_company = said_company or (
                token.text.startswith(_FOUNDER_CUES)
                and (view[token.end : token.end + 1] in surnames() or token.text.startswith("董事会"))
            )  # a person has no board either (李慕白已被华芯微董事会聘任为…)
            if known_by_name(name) is not None or _is_person_shaped(name) and not said_company:
                continue
            if not ctx.inside(s, e):
                continue
            # what says "company" outright outweighs a name's shape wherever else the name stands
            confidence = 0.8 if said_company else 0.6
            yield _mention(ctx, s, e, "Organization", self.name, confidence, kind="Company")

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
        # a category noun before and a founder's title or a company's deed after: both sides say "a
        # company" (毫末智行创始人, 初创企业灵动未来完成融资), if the brand is no everyday word
        both_sides = ctx.view.startswith(_FOUNDER_CUES + _COMPANY_DEEDS, end) and _is_brand(
            tokens[first].text
        )
        if not _cued_name(tokens[first:j]) and not both_sides:
            return None
        after = ctx.view[end : end + 1]
        closed = (
            not after
            or after in _NAME_ENDS
            or after.isdigit()
            or ctx.view.startswith(COMPANY_CUES[:8] + _TIME_WORDS + ("正在",), end)
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
        if ctx.view[end - 1] == "任":
            return None  # 周启明任董事长: a person who serves as chairman, not a company's chairman
        if ctx.view[end - 1] in "副前原":
            end -= 1  # 云栈科技|副|总裁: the title's own first character
        before = ctx.view[start - 1 : start]
        edge = not before or before in _CLAUSE_EDGES or before in _LIST_MARKS or before in _GLUED_BEFORE
        return (start, end) if 3 <= end - start <= 6 and edge else None


# the last word of a Latin company name (Stellarion AI, Aurora Robotics, Hongtu Capital)
_LATIN_COMPANY_WORDS = frozenset(
    """
    AI Robotics Robot Robots Technology Technologies Tech Labs Lab Capital Ventures Partners Group Holdings
    Inc Ltd Corp Semiconductor Semi Systems Networks Intelligence Motors Automotive Autonomy Energy Bio
    Biotech Biotechnology Biotherapeutics Therapeutics Biomedical Interactive Games Studio Studios Media
    Cloud Dynamics Innovations Computing
    Electronics Microelectronics Software Data Mobility Health Medical Investment Investments Fund
    Biosciences Bioscience Biologics Biopharma Pharma Pharmaceutical Pharmaceuticals Medicines
    Sciences Science Diagnostics Oncology Genomics Materials Chemicals Power Battery Batteries Logistics
    Retail Foods Solutions Services Industries Industrial Manufacturing Aerospace Space Photonics Optics
    Quantum Automation Analytics Platforms Entertainment Pictures Financial Finance Securities Insurance
    Holding Company Corporation Limited LLC GmbH AG PLC Enterprises Devices Instruments Silicon Chips
    """.split()
)
# X企, a kind of company (药企, 车企, 国企), which the dictionary does not know as one word
_KINDS_OF_ENTERPRISE = frozenset("药车房险芯国央民外名港台美日韩中")
_GLOSSED = re.compile(rf"[（(]\s*({LATIN_WORD}(?: {LATIN_TAIL})*)\s*[）)]")


class GlossedOrganizations:
    """A Chinese company name glossed with its Latin name in parentheses: 星图互动（Startrek Interactive）,
    鸿途资本(Hongtu Capital). The gloss says "company" (its last word, or a known organization); the
    Chinese name is the words before it that can make a name, from its brand on."""

    name = "mentions.glossed_org.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _GLOSSED.finditer(view, start, end):
                latin = match.group(1)
                if latin.split(" ")[-1] not in _LATIN_COMPANY_WORDS and _known_type(latin) != "Organization":
                    continue
                span = self._name_before(ctx, match.start())
                if span is None:
                    continue
                s, e = span
                if known_by_name(view[s:e]) is None and not _is_person_shaped(view[s:e]) and ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.7, kind="Company")

    @staticmethod
    def _name_before(ctx: DocumentView, end: int) -> tuple[int, int] | None:
        words_ = [t for t in ctx.tokens_between(max(0, end - 12), end) if t.end <= end]
        if not words_ or words_[-1].end != end:
            return None
        j = len(words_)
        glued = False
        while j > 0 and len(words_) - j < 3:
            word = words_[j - 1]
            if j < len(words_) and word.end != words_[j].start:
                break
            if _glued_kind(ctx.view, word.start) and len(word.text) >= 2:
                glued = True  # 药|企和拓|生物, 研发|商曜石|能源: the kind's last character, then the brand
                j -= 1
                break
            # the gloss vouches for a verbal noun in the name (澜沧|投资)
            if not (_name_material(word, first=False) or word.pos == "vn"):
                break
            j -= 1
        while not glued and j < len(words_) and not _name_material(words_[j], first=True):
            j += 1  # the name begins with its brand
        if j == len(words_):
            return None
        s = words_[j].start
        if _glued_kind(ctx.view, s):
            s += 1
        return (s, end) if 2 <= end - s <= 8 else None


# kinds of company that end in the character the segmenter glues to the name after them
_KINDS_ENDING_GLUED = frozenset(
    {
        "研发商",
        "供应商",
        "服务商",
        "制造商",
        "提供商",
        "开发商",
        "运营商",
        "经销商",
        "厂商",
        "生产商",
        "方案商",
        "集成商",
        "设备商",
        "材料商",
        "零售商",
        "代理商",
    }
)


def _glued_kind(view: str, start: int) -> bool:
    """Is the character at ``start`` the end of a kind of company before a name (药|企, 研发|商)?"""
    if view[start : start + 1] == "企":
        return view[start - 1 : start] in _KINDS_OF_ENTERPRISE
    return view[start : start + 1] == "商" and (
        view[start - 2 : start + 1] in _KINDS_ENDING_GLUED
        or view[start - 1 : start + 1] in _KINDS_ENDING_GLUED
    )


def _is_person_shaped(name: str) -> bool:
    """Two or three characters that begin with a surname read as a person's name (曹一凡)."""
    return len(name) <= 3 and (name[:1] in surnames() or name[:2] in surnames())


def _listed_with_known_organization(ctx: DocumentView, start: int, end: int) -> bool:
    """Is the name coordinated with a known organization (赛力斯和阿维塔科技, 阿维塔科技与华为)? A list
    names things of one kind."""
    view = ctx.view
    pattern, by_name = _known_index()
    if view[start - 1 : start] in _LIST_MARKS:
        # the known name right before the mark, however the segmenter cut it (科|伦博|泰、映恩生物)
        ending = [m for m in pattern.finditer(view, max(0, start - 13), start - 1) if m.end() == start - 1]
        if any(by_name[m.group()].type == "Organization" for m in ending):
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


# a company's research arm is named by the company alone (宁德时代研究院, 小米研究院); a centre is a
# unit only when it does research (辉瑞中国研发中心), not a site (智算中心, 数据中心)
_RESEARCH_CENTRES = frozenset({"研发中心", "研究中心", "创新中心"})
_RESEARCH_UNITS = frozenset({"研究院", "研究所"}) | _RESEARCH_CENTRES


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
        rf"(?:{alternation(companies)})(?:(?P<middle>[A-Za-z0-9]{{1,12}}|[{CJK}]{{2,8}}?)"
        rf"(?:{alternation(frozenset(UNIT_SUFFIXES) - {'中心'} | _RESEARCH_CENTRES)})"  # 智算中心 is a place
        rf"|{alternation(_RESEARCH_UNITS)})"
    )


# unit words that end only names (百度智能驾驶事业群), not clauses as 团队 and 部门 do (Meta计划扩大团队)
_FORMAL_UNITS = ("事业群", "事业部", "业务板块", "研究院", "实验室")


@lru_cache(maxsize=4096)
def _unit_name(middle: str, formal: bool) -> bool:
    """Can ``middle`` name a unit between its company's name and the unit word (华为|诺亚方舟|实验室,
    百度|智能驾驶|事业群)? Not when it begins with a verb (腾讯|成立|实验室) or is one word that only
    qualifies (小米|现有|团队); before a formal unit word a noun and a verb are a field (智能驾驶),
    before 团队 or 部门 they are a clause (计划|扩大|团队)."""
    if not has_cjk(middle):
        return True
    parts = tokenize(middle)
    if parts[0].pos in ("v", "vd", "vi", "p", "c", "d"):
        return False  # a verbal noun may lead a name (自动|驾驶, 零售), a verb may not
    if len(parts) == 1 and parts[0].pos in ("b", "ad", "r", "m", "t", "f", "z"):
        return False
    return formal or not _has_verb(middle)


@lru_cache(maxsize=1)
def _product_team() -> re.Pattern[str]:
    """A known product's Chinese name and 团队 or 实验室: the team that makes it (混元团队, 通义实验室)."""
    products = frozenset(
        normalize(name)
        for entity in known_entities()
        if entity.type == "Product"
        for name in entity.zh
        if len(name) >= 2
    )
    return re.compile(rf"(?:{alternation(products)})(?:团队|实验室|项目组)")


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
                middle = match.group("middle") or ""
                if (
                    _UNIT_STOP.isdisjoint(middle)
                    and "旗下" not in middle
                    and _unit_name(middle, view.startswith(_FORMAL_UNITS, match.end("middle")))
                    and ctx.inside(s, e)
                ):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="Team")
            for match in self._QUOTED.finditer(view, start, end):
                s, e = match.span(1)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.8, kind="Team")
            for match in _product_team().finditer(view, start, end):
                s, e = match.span()
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Organization", self.name, 0.75, kind="Team")
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


def _units_apart_from_parents(ctx: DocumentView, found: list[Mention]) -> list[Mention]:
    """A unit named with its organization's name first is two mentions, since the text names both
    (阿里巴巴|通义实验室, 宁德时代|21C创新实验室): the organization, and the unit, which keeps its whole
    name as the name it stands for. A unit whose own part says nothing (百度|研究院, Meta| AI团队)
    stays whole: a bare 研究院 would name every company's. So do known units (微软亚洲研究院, Google
    Brain): their names are names of their own, that news uses without naming the parent."""
    organizations = {
        name_key(m.name) for m in found if m.type == "Organization" and m.kind not in ("Team", "MediaOutlet")
    }
    apart: list[Mention] = []
    for mention in found:
        is_unit = (
            mention.type == "Organization" and mention.kind == "Team" and known_by_name(mention.name) is None
        )
        cut = (
            _parent_cut(mention.name, organizations)
            if is_unit and len(mention.name) == len(mention.text)
            else None
        )
        if cut is None:
            apart.append(mention)
            continue
        length, kind = cut
        apart.append(
            _mention(ctx, mention.start, mention.start + length, "Organization", _PARENT_NAMED, 0.75, kind)
        )
        apart.append(replace(mention, start=mention.start + length, text=mention.text[length:]))
    return apart


_PARENT_NAMED = "mentions.unit_parent.v1"
# what a unit's own part must say more than: 研究院, AI团队, 研发部门 are any company's
_BARE_UNIT = re.compile(rf"(?:AI|[A-Z]?|{alternation(_UNIT_GENERIC)})(?:{_UNIT_SUFFIX}|学院|系)")


def _parent_cut(name: str, organizations: set[str]) -> tuple[int, str] | None:
    """Where the organization's name ends in a unit's name, and its kind: the longest beginning that
    is a known organization (not a unit), an organization the text names, or a university."""
    for length in range(len(name) - 3, 1, -1):
        parent, own = name[:length], name[length:]
        if own[0] in "的之 " or _BARE_UNIT.fullmatch(own) or own in UNIT_SUFFIXES:
            continue
        if parent[-1].isascii() and own[0].isascii():
            continue  # inside a Latin name
        known = known_by_name(parent)
        if known is not None and known.type == "Organization" and known.kind not in ("Team", "MediaOutlet"):
            return length, known.kind or "Company"
        if parent.endswith("大学") and length >= 4:
            return length, "University"
        if name_key(parent) in organizations:
            return length, "Company"
    return None


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
    "本科毕业",
    "本科就读",
    "硕士毕业",
    "博士毕业",
    "就读于",
    "辞去",
    "卸任",
    "离职",
    "被任命",
    "被董事会",
    "被公司董事会",
    "被聘为",
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
# those that end a clause's verb, never a name (和, 与 and 及 do end names: 协和, 中和)
_VERB_CHARS = _FUNCTION_CHARS - frozenset("和与及")


# The state offices by which news names a leader with the surname alone: 江主席, 温总理
_LEADER_TITLES = ("主席", "副主席", "总理", "副总理", "总书记", "委员长")


class SurnameLeaders:
    """A surname alone before a leader's title (陪同江主席访问, 温总理指出): the person is named by
    the surname, as Chinese news names heads of state and government."""

    name = "mentions.person_leader.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        single = surnames()
        pattern = _leader_title()
        for start, end, _ in ctx.analysed:
            for match in pattern.finditer(view, start, end):
                s = match.start()
                if view[s] not in single or view.startswith(("主席团", "主席台"), s + 1):
                    continue
                # the segmenter reads the surname as a name (李|总理) or the whole as one word (江主席);
                # 党|主席 (a party's chairman) is neither
                token = next(iter(ctx.tokens_between(s, s + 1)), None)
                alone = token is not None and token.end == s + 1 and token.pos in ("nr", "nrfg")
                if not (alone or token is not None and token.text.startswith(_LEADER_TITLES, 1)):
                    continue
                if ctx.inside(s, s + 1):
                    yield _mention(ctx, s, s + 1, "Person", self.name, 0.6)


@lru_cache(maxsize=1)
def _leader_title() -> re.Pattern[str]:
    return re.compile(rf"[{CJK}](?={alternation(frozenset(_LEADER_TITLES))})")


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
            if not (native or foreign) or not ctx.inside(token.start, token.end) or text in world_places():
                continue  # 夏威夷: the dictionary tags some places names
            if ctx.view.startswith(INDUSTRY_WORDS, token.end):
                continue  # 商锐思|半导体, 保隆|科技: a company's brand, not a person
            located = ctx.view[token.start - 1 : token.start] in _LOCATIVE
            if foreign and located and not ctx.view.startswith(_VIEWPOINT, token.end):
                continue  # 在特拉维夫创立: a place after 在
            if (
                native
                and len(text) == 3
                and (
                    text[2] in _FUNCTION_CHARS
                    or text[2] in _NOT_IN_NAMES
                    or text[2] in "说到称等均要"
                    or _person_after().match(ctx.view, token.start + 2)
                    or text[2] not in given_name_chars()
                    and (
                        ctx.view[token.start + 3 : token.start + 4] in ("着", "了", "过")
                        or word_frequency(ctx.view[token.start + 2 : token.start + 4]) >= _EVERYDAY_FREQUENCY
                    )
                )
            ):
                # 李骁已于6月离职, 郑浩带着: jieba took the word after a two-character name into it
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
            in_context = (
                bool(role.search(before))
                or after_cue.match(after) is not None
                or _PEOPLE_COUNTED.match(ctx.view, token.end) is not None  # 李鹏等领导: people, listed
            )
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
            if (
                not in_context
                and ctx.view[token.start - 1 : token.start] == "《"
                and not ctx.view.startswith(_WRITINGS, token.end)
            ):
                continue  # 《金瓶梅》, 《轩辕剑外传》: a work's title, which the dictionary tags a name
            if in_context or in_list and native or given_shape and len(text) == 3 and not foreign:
                confidence = 0.7 if in_context else 0.55
                yield _mention(ctx, token.start, token.end, "Person", self.name, confidence)
            elif native and _bare_name(ctx, token):
                end = token.end + _third_character(ctx.view, token.start, token.end)
                yield _mention(ctx, token.start, end, "Person", self.name, 0.5)


def _third_character(view: str, start: int, end: int) -> int:
    """1 when the character after a two-character name ends a three-character one the segmenter
    cut (梁定|邦无疑, 张明|渝的): a given-name character, then where a name's predicate begins."""
    following = view[end : end + 1]
    if following not in given_name_chars() or following in _NOT_IN_NAMES or word_tag(view[start : end + 1]):
        return 0
    if _person_after().match(view, end):
        return 0  # 王强|说
    return 1 if view[end + 1 : end + 2] == "的" or _right_cue(view, end + 1, start) != "" else 0


def _bare_name(ctx: DocumentView, token: Token) -> bool:
    """Is a two-character name the segmenter proposes a name even with no cue (吴京闯警署, 张兰花费了)?

    It is when the segmenter made it up (no dictionary word: 高雄 and 张力 are words), its given name
    is of the usual kind, and the name stands where a clause, a list or a predicate begins or ends on
    at least one side: in the middle of a run of words it is as often a part of a longer word.
    """
    text, view = token.text, ctx.view
    if len(text) != 2 or text[1] not in given_name_chars() or word_frequency(text) or word_tag(text):
        return False
    right = _right_cue(view, token.end, token.start)
    if _left_cue(view, token.start) == "" and (
        right == "" or right == "edge" and view[token.end : token.end + 1] in "\n"
    ):
        return False  # 内部|张力: the end of a heading is no cue; the end of a clause in prose is
    # 蓝峰储能科技有限公司 … “蓝峰储能”: a company's name begins with it somewhere in the text
    return not any(_COMPANY_AFTER.match(view, m.end()) for m in re.finditer(re.escape(text), view))


_COMPANY_AFTER = re.compile(rf"[{CJK}]{{0,8}}?(?:{'|'.join(LEGAL_FORMS)})")


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
    "主力",
    "核心",
    "名将",
    "外援",
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
    "秘书",
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
        # an officer's rank after the name: 希尔顿将军, 麦克阿瑟上将; a governor's office
        "州长",
        "总督",
        "大夫",
        "致词",
        # heads of bodies after the name, as formal news puts them: 曹志秘书长, 傅全有上将
        "秘书长",
        "会长",
        "理事长",
        "司令",
        "司令员",
        "政委",
        "院长",
        "校长",
        "社长",
        "主编",
        "议员",
        "将军",
        "上将",
        "中将",
        "少将",
        # a byline goes on with the next contributor: 记者金叶实习生杜瀚翔, 记者马力通讯员于士瑞
        "实习生",
        "通讯员",
        # a commentator's column: 张路点评, 李敏解读
        "点评",
        "解读",
        "解盘",
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
def _title_lengths_by_last_char() -> dict[str, tuple[int, ...]]:
    """The lengths of the titles and person nouns that end in each character."""
    every, _ = _titles_by_length()
    lengths: dict[str, set[int]] = {}
    for title in every:
        lengths.setdefault(title[-1], set()).add(len(title))
    return {last: tuple(sorted(found)) for last, found in lengths.items()}


def _title_ends_at(view: str, end: int) -> bool:
    """Does a title or person noun end at ``end``? Asked before every candidate name, so only the
    lengths of the titles that end in the character before ``end`` are tried, not all 18."""
    every, _ = _titles_by_length()
    lengths = _title_lengths_by_last_char().get(view[end - 1], ()) if end > 0 else ()
    return any(view[end - n : end] in every for n in lengths if n <= end)


@lru_cache(maxsize=1)
def _person_after() -> re.Pattern[str]:
    # a job title after the name is as good as one before it: 曹志秘书长, 张伟董事长; so is 任 and a
    # title (陈涛任总裁: the name is 陈涛)
    posts = {r for r in roles() if len(r) >= 2}
    after = alternation(frozenset(_PERSON_AFTER) | posts)
    return re.compile(f"(?:{after}|任(?:{alternation(frozenset(posts))}))")


def _left_cue(view: str, start: int) -> str:
    """What stands before a candidate name: "title" (a title or person noun ends at ``start``),
    "list" (a coordinator: 、 和 与), "edge" (the start of a clause), or ""."""
    if _title_ends_at(view, start):
        return "title"
    if _BYLINE_LABEL.search(view, max(0, start - 6), start):
        return "title"  # 文/于建春, 作者：夏林杰, 编辑整理何丽丽: the label of a byline
    if _NAMING_BEFORE.search(view, max(0, start - 6), start):
        return "title"  # 24岁的陈晶, 一位名叫钟富贵的人: an age or a naming verb introduces a person
    byline = _BYLINE_GAP.search(view, max(0, start - 4), start)
    if byline and _title_ends_at(view, byline.start()):
        return "title"  # 界面新闻记者 | 周岚: a byline puts a space or a bar between title and name
    before = view[start - 1 : start]
    if before in _LIST_MARKS:
        return "list"
    if not before or before in _CLAUSE_EDGES:
        return "edge"
    # 。但王平表示, ，而李涛认为: a conjunction that opens the clause whose subject the name is
    if any(
        view.endswith(word, 0, start) and _opens_clause(view, start - len(word))
        for word in _CLAUSE_CONJUNCTIONS
    ):
        return "edge"
    return ""


def _opens_clause(view: str, start: int) -> bool:
    return start == 0 or view[start - 1] in _CLAUSE_EDGES


# Conjunctions and linking adverbs that open a clause, before its subject
_CLAUSE_CONJUNCTIONS = ("而", "但", "但是", "可是", "不过", "然而", "同时", "此外", "另外", "对此", "因此")


def _right_cue(view: str, end: int, start: int | None = None) -> str:
    """What follows a candidate name: "verb" (a person's verb or an honorific, or the colon of a
    speaker's label at the start of a line: 姜山：…), "list", "edge" (a clause ends) or "adverb" (the
    predicate begins: 已, 也, 曾 …), or ""."""
    if _person_after().match(view, end) or _PEOPLE_COUNTED.match(view, end):
        return "verb"
    if view.startswith(_DOCTRINES, end) and start is not None and end - start >= 3:
        return "verb"  # 邓小平理论: a doctrine is named after a person
    if _AUTHORSHIP.match(view, end):
        return "work"  # 夏卡尔的《花束》, 徐则臣的作品: what a person made
    if _SAID_AT.match(view, end):
        return "verb"  # 罗斯达尔在声明中称, 基恩在接受采访时重申: where and when a person said it
    if _PERSON_NOTE.match(view, end):
        return "verb"  # 王欢（化名）, 吴仪（女）, 张伟（35岁）: a note only a person's name takes
    gloss = _LATIN_GLOSS.match(view, end)
    if gloss and _begins_with_given_name(gloss.group(1)):
        return "verb"  # 罗斯（Daniel Ross）, 威尔莱特（willwright）: a foreign person's name in the original
    if start is not None and (start == 0 or view[start - 1] in "\n【["):
        if view[end : end + 1] in ("：", ":"):
            return "verb"  # 姜山：…, a speaker's label
        if _COLUMN.match(view, end):
            return "verb"  # 詹俊足彩推荐：…, 关小刀火线解盘：…: a columnist's name heads the column

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


# A column's title after its author's name at the head of a line: 足彩推荐：, 初盘解读：, 冷门搜索：
_COLUMN = re.compile(rf"[{CJK}A-Za-z0-9]{{0,6}}?(?:推荐|解盘|解读|点评|分析|预测|搜索|观察|述评|专栏)[：:]")
# The labels of a byline: who wrote, edited or photographed the piece
_BYLINE_LABEL = re.compile(
    r"(?:^|(?<=[\s(（【\[|｜]))(?:文|图|摄|作者|撰文|撰稿|编辑|责编|整理|编辑整理|口述)\s*[/／_：:|｜]?\s*$"
)
# An age, a verb that gives a name, or one whose object is a person (任命王立群为…), right before it
_NAMING_BEFORE = re.compile(
    r"(?:[0-9０-９一二三四五六七八九十]岁的?|名叫|叫做|名为|化名为?|姓名[：:]?|任命|聘任|委任|聘请)$"
)
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
# (some feeds lower-case Latin and drop its spaces: （harold pinter）, （bobdylan）)
_LATIN_GLOSS = re.compile(r"[（(]\s*([A-Za-z][a-z]+(?:[ .\-·]+[A-Za-z])?)")


def _begins_with_given_name(gloss: str) -> bool:
    """Does a bracketed Latin gloss begin with an English given name and go on to a surname?"""
    head = re.split(r"[ .\-·]", gloss)[0]
    if head != gloss:
        return head.capitalize() in given_names()
    # one run of letters (bobdylan): a given name, then at least three more letters
    return any(gloss[:n].capitalize() in given_names() for n in range(3, len(gloss) - 2))


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
_PEOPLE_COUNTED = re.compile(
    r"等[0-9０-９一二两三四五六七八九十几多数]*(?:人|名|位|一行|领导|同志|官员|负责人|高管|嘉宾|专家|代表)"
)
# punctuation at which a clause begins or ends
_CLAUSE_EDGES = frozenset('，,。；;：:！!？?（()）“”"《》【】[] \n')
# characters that begin a predicate right after its subject
_PREDICATE_STARTS = frozenset("已也还则就都曾将又便正在对向把被给于是均")
# characters that do not stand in a given name: function words, pronouns, measure words
_NOT_IN_NAMES = frozenset(
    "的了着过们么呢吗吧啊这那哪谁个些每各某本该其此所及与和或但而并且即被把将已也还则就都曾于在是为对向从给让"
    "副叫到等据"
)
# Prepositions that are surnames too (向, 于, 和 …)
_PREPOSITIONS = frozenset("向于和与对从在被把给跟同")
# How much each cue counts; a three-character native name needs 2, a two-character one a title or a
# verb (many two-character words begin with a surname character).
_CUE_WEIGHT = {"title": 2.0, "verb": 2.0, "list": 1.5, "work": 1.5, "edge": 0.5, "adverb": 0.5, "": 0.0}
# A work after its maker's name: 的《…》, 的作品, 的小说 (a company's 《…》 is a product, but a company's
# name has no person's shape)
_AUTHORSHIP = re.compile(r"的?(?:《|(?:作品|小说|画作|油画|诗作|名作|新作|遗作|代表作|自传|回忆录))")


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
# What a title names after a person: 《邓小平文选》, 《鲁迅全集》, 《曾国藩家书》, 《邓小平理论概论》
_WRITINGS = (
    *"文选 选集 文集 全集 诗选 诗集 诗词 家书 书信 日记 年谱 传 自传 评传 画集 语录 回忆录 著作 论".split(),
    *_DOCTRINES,
)


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
                # CEO罗家豪本科毕业于: with a title before and a verb after, 罗家 (a village) is no word here
                and not (typical and left == "title" and right == "verb")
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


class CompoundSurnamePersons:
    """Native names with a two-character surname (复姓): 欧阳靖, 司马立群, 上官婉清, 尉迟舟.

    ``ShapedPersons`` reads names by the cues around a single-character surname, because so many
    words begin with one (王牌, 高管, 张开). A compound surname begins almost no word, so the surname
    itself is the evidence: it and one or two given-name characters are a name wherever the text
    does not go on with more name material. The given name is two characters unless the second
    begins what the text says next (欧阳靖|出任, 尉迟舟|与, 钟离昊|于). The few compound surnames
    that are also words or places (东方, 西门, 百里, 长孙, 闻人, 濮阳 …) still need a title before
    or a person's verb after.
    """

    name = "mentions.person_compound.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _compound_surname().finditer(view, start, end):
                mention = self._name(ctx, match.start(), match.end(), end)
                if mention is not None:
                    yield mention

    def _name(self, ctx: DocumentView, s: int, given_start: int, limit: int) -> Mention | None:
        view = ctx.view
        given = given_name_chars()
        if any(t.start < s < t.end and word_frequency(t.text) for t in ctx.tokens_between(s - 3, s + 1)):
            return None  # 公司|马上: the surname's first character ends a word
        if _left_cue(view, s + 1) == "title":
            return None  # 副署长|孙寿山: the first character ends a title, and a name follows it
        length = 0
        for i in range(given_start, min(given_start + 2, limit)):
            if view[i] not in given or view[i] in _NOT_IN_NAMES or _person_after().match(view, i):
                break
            if length == 1 and word_frequency(view[i : i + 2]) >= _EVERYDAY_FREQUENCY:
                break  # 欧阳靖|正式加盟: the second character begins an everyday word
            length += 1
        if (
            length == 0
            or view.startswith(_ADDRESSED, given_start)
            or view.startswith(_ADDRESS_WORDS, given_start)
        ):
            return None  # 欧阳先生, 司马总: the surname alone with a form of address
        e = given_start + length
        if view[e - 1 : e] in _PLACE_ENDINGS and _right_cue(view, e, s) == "" or view[e : e + 1] == NAME_DOT:
            return None  # 司马义·艾买提 is one name, for the rules of dotted names
        surname = view[s:given_start]
        left, right = _left_cue(view, s), _right_cue(view, e, s)
        cued = left == "title" or right == "verb"
        if surname in _WORDLIKE_SURNAMES and not cued:
            return None  # 东方|航空, 西门|子, 百里|挑一: the surname is also a word
        if not cued and (
            any(
                t.start == s + 1 and t.end > given_start and word_frequency(t.text)
                for t in ctx.tokens_between(s + 1, s + 2)
            )
            or length == 2
            and _everyday_word(view[given_start:e], named_by_context=True)
        ):
            return None  # 上|官方网站, 欧阳|一起: the text reads on as words, and nothing says "person"
        if not ctx.inside(s, e):
            return None
        return _mention(ctx, s, e, "Person", self.name, 0.75 if cued else 0.6)


# Compound surnames that are also everyday words, places or figures of speech
_WORDLIKE_SURNAMES = frozenset(
    ("东方", "西门", "南门", "南宫", "濮阳", "百里", "长孙", "闻人", "轩辕", "独孤", "公羊", "太史", "东郭")
)


@lru_cache(maxsize=1)
def _compound_surname() -> re.Pattern[str]:
    """A two-character surname followed by a Chinese character."""
    return re.compile(f"(?:{alternation(frozenset(n for n in surnames() if len(n) == 2))})(?=[{CJK}])")


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
    _STRAY = 0.75  # the cost of a character that begins no name
    _WORD = 1.5  # the cost of a name that is an everyday word
    _UNUSUAL = 1.0  # the cost of a given-name character of an unusual kind
    _MOST_STRAY = 4  # at most one character in this many is stray

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
        """The names of the best cut of ``text`` into names and stray characters, or None when too
        much of it is no name for it to be a roll.

        A roll also prints names no shape describes (热地, 阿不来提, a title such as 秘书长): such
        characters are stepped over at a cost, so that one of them does not lose the names around it.
        """
        given, single = given_name_chars(), surnames()
        n = len(text)
        titled = [False] * n  # characters of a title (秘书长, 委员): no name runs into one
        for match in _roll_titles().finditer(text):
            titled[match.start() : match.end()] = [True] * (match.end() - match.start())
        # score[i]: the score of the best cut of text[i:], whose first item ends at end[i] (a name when
        # named[i]); the cut is read back once at the end (building it at every position would be
        # quadratic in the line)
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        named = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            score[i], end[i] = score[i + 1] - NameRolls._STRAY, i + 1
            for surname in (1, 2):
                if text[i : i + surname] not in single:
                    continue
                for length in (2, 1):
                    e = i + surname + length
                    if e > n or surname == 2 and length == 2:
                        continue
                    chars = text[i + surname : e]
                    if any(ch in _NOT_IN_NAMES for ch in chars) or any(titled[i:e]):
                        continue
                    typical = sum(ch in given for ch in chars)
                    unusual = length - typical
                    candidate = score[e] + typical - NameRolls._UNUSUAL * unusual + 0.5 * (length == 2)
                    if word_tag(text[i:e]) not in ("nr", "nrfg") and _everyday_word(text[i:e]):
                        continue  # a word (毕业), unless the dictionary knows it as a name (李鹏)
                    if length == 2 and _everyday_word(chars):
                        candidate -= NameRolls._WORD  # 华|秘书: a surname and an everyday word
                    if candidate > score[i]:
                        score[i], end[i], named[i] = candidate, e, True
        items: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if named[i]:
                items.append((i, end[i]))
            i = end[i]
        stray = n - sum(e - s for s, e in items)
        if stray * NameRolls._MOST_STRAY > n:
            return None
        unusual = sum(ch not in given for s, e in items for ch in text[s + 1 : e])
        # most given-name characters of a roll are of the usual kind (朱镕基 has two rare ones)
        return items if unusual * 3 <= sum(e - s - 1 for s, e in items) else None


@lru_cache(maxsize=1)
def japanese_surnames() -> frozenset[str]:
    return frozenset(word for row in words("japanese_surnames.txt") for word in row.split())


@lru_cache(maxsize=1)
def _japanese_surname() -> re.Pattern[str]:
    return re.compile(alternation(japanese_surnames()))


class JapanesePersons:
    """Japanese names: a Japanese family name and one to three given-name characters (社长铃木俊男说,
    导演宫崎骏表示), kept when a title stands before the name or a person's verb after it."""

    name = "mentions.person_ja.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _japanese_surname().finditer(view, start, end):
                s, surname_end = match.span()
                left = _left_cue(view, s)
                if left not in ("title", "edge", "list"):
                    continue  # inside a word: 在山下, 村上村下
                for length in (2, 1, 3):
                    e = surname_end + length
                    given = view[surname_end:e]
                    if (
                        e > end
                        or not re.fullmatch(f"[{CJK}]+", given)
                        or any(ch in _NOT_IN_NAMES for ch in given)
                    ):
                        continue
                    if any(_person_after().match(view, i) for i in range(surname_end + 1, e)):
                        continue  # 宫崎骏|表示: the name ends where the verb begins
                    right = _right_cue(view, e, s)
                    if not (left == "title" and right != "" or right == "verb"):
                        continue
                    if _everyday_word(view[s:e]) or _crosses_word(ctx, s, e) or not ctx.inside(s, e):
                        continue
                    yield _mention(ctx, s, e, "Person", self.name, 0.6)
                    break


@lru_cache(maxsize=1)
def _roll_titles() -> re.Pattern[str]:
    every, _ = _titles_by_length()
    return re.compile(alternation(frozenset(t for t in every if len(t) >= 2)))


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
                weight = (
                    _CUE_WEIGHT[left]
                    + _CUE_WEIGHT[right]
                    + (0.5 if len(name) >= 3 else 0.0)
                    + (0.5 if word_tag(name) == "nrt" else 0.0)
                )
                # 主教练勒夫|公布: after a title, two characters the run cannot go on from are a name too
                closed = right != "" or view[e : e + 1] not in chars
                if len(name) == 2 and not (left == "title" and closed) or weight < 2:
                    continue
                # 前CEO基辛格离职, 前国务卿基辛格、: the title says it
                named = left == "title" and right in ("verb", "edge", "list")
                # 前锋德罗巴: the dictionary's rare reading (a place) yields to a title before it
                titled_rare = left == "title" and word_frequency(name) < 20 and name not in places()
                if (
                    _everyday_word(name, named)
                    and word_tag(name) != "nrt"
                    and not titled_rare
                    or view[e : e + 1] in _PLACE_ENDINGS | {"队", "国"}
                    and not view.startswith(_TITLES_AFTER_PEOPLE, e)
                ):
                    continue  # 俄罗斯, 加拿大: the dictionary knows them as places
                if name in world_places() or _place_after(view, e):
                    continue
                if word_tag(name) == "ns" and not titled_rare:
                    continue
                if view[s - 1 : s] in _LOCATIVE and not view.startswith((*_VIEWPOINT, *HONORIFICS), e):
                    continue  # 在特拉维夫创立: a place after 在; 在纳德拉看来, 在塞迪略总统领导下: a person
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
    # 拉卡拉、汇付天下等竞争对手, 奥林巴斯、富士胶片等日本企业: the list says what its members are
    closing = view.find("等", end, at + 1)
    return any(_not_a_person(item) for item in items if item) or (
        closing != -1 and _ORG_KINDS_AFTER.match(view, closing) is not None
    )


def _not_a_person(item: str) -> bool:
    """Is this list item a place or a known organization (so that the list is of such things)?"""
    known = known_by_name(item)
    return known is not None and known.type != "Person" or item in world_places() or word_tag(item) == "ns"


def _after_undotted_title(view: str, start: int, end: int) -> int:
    """Where a run of transliteration characters begins after the end of a title in it (主|席费希尔)."""
    every, lengths = _titles_by_length()
    for cut in range(start + 1, min(start + 3, end - 1)):
        if any(view[cut - n : cut] in every for n in lengths if n <= cut):
            return cut
    return start


def _place_after(view: str, end: int) -> bool:
    """A word for a kind of place or polity follows (加利福尼亚|州, 南斯拉夫|联盟共和国)."""
    if view.startswith(_TITLES_AFTER_PEOPLE, end):
        return False  # 威尔逊州长: a person's office, not a polity's
    # (总统 and 首相 follow a country, which the dictionary knows, as often as a person: 塞迪略总统)
    return view.startswith(("州", "省", "市", "联盟", "共和国", "王国", "人民", "方面", "政府"), end)


# Offices that begin like a polity's word but follow a person's name
_TITLES_AFTER_PEOPLE = ("州长", "省长", "市长")


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


# product words after which a quoted name is a feature, a version or a design, not a product, or
# that end company names (极曜汽车“换脑”: a quoted word about the company)
_NOT_PRODUCT_HEADS = frozenset({"功能", "版本", "架构", "框架", "工具", "汽车"})


@lru_cache(maxsize=1)
def _named_product() -> re.Pattern[str]:
    """A product word and the quoted name of the product: 大模型“星衍-2”, 人形机器人“穹顶D1”."""
    # 产品 and 助手 say what a name is only before it (核心产品“X”, 运维助手“X”); a quote after a noun is
    # also how news cites words, so the quoted text must look like a name (_product_name_like)
    heads = frozenset(table("product_heads.txt")) - _NOT_PRODUCT_HEADS | {"产品", "助手"}
    return re.compile(rf"(?:{alternation(heads)})[“\"]([^“”\"\n，。,；;！？]{{1,16}})[”\"]")


def _slogan(text: str) -> bool:
    """Three words or more with a verb among them: a phrase, not a product's name (观止, 可灵 are names)."""
    parts = tokenize(text)
    return len(parts) >= 3 and any(t.pos in ("v", "vd", "vi") for t in parts)


class QuotedProducts:
    """A quoted name with a product noun after it (“Behemoth”模型) or before it (推理模型“潮汐-3”,
    智能运维助手“川流Copilot”, 核心产品“栈川观测云”): news quotes a new product's name and says what
    kind of thing it is."""

    name = "mentions.product.v1"
    # the kind of product may stand a few words of description away: “天衢二号”中型液体运载火箭
    _QUOTED = re.compile(
        rf"[“\"]([^“”\"\n]{{1,24}})[”\"](?=(?:(?![的和与及是在将已为被由])[{CJK}]){{0,6}}?(?:"
        + "|".join(PRODUCT_HEADS)
        + "))"
    )

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        for start, end, _ in ctx.analysed:
            for match in self._QUOTED.finditer(ctx.view, start, end):
                s, e = match.span(1)
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Product", self.name, 0.75)
            for match in _named_product().finditer(ctx.view, start, end):
                s, e = match.span(1)
                name = ctx.view[s:e]
                if not _product_name_like(name, after_head=True) or _described(ctx.view, match.start()):
                    continue  # “让机器人走进家庭”, 这款手机“性价比高”: a slogan or a judgement, not a name
                if ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Product", self.name, 0.7)


# a brand and its model code: 曜行S7, 天玑 9600, 星驰X3 Pro; the code has a figure, the brand is a word
# of two to four characters that no dictionary counts as everyday and that names no known company
_MODEL_NAME = re.compile(
    rf"([{CJK}]{{2,4}}) ?((?:[A-Z]{{1,3}}[0-9]{{1,4}}|[0-9]{{3,5}})[A-Za-z]?"
    rf"(?: (?:{'|'.join(sorted(PRODUCT_TIERS))}))?)(?![A-Za-z0-9%])"
)
_MODEL_CUES_AFTER = ("发布", "上市", "系列", "搭载", "交付", "开售", "首发", "亮相", "正式")
_PRODUCT_WORDS = (
    *PRODUCT_HEADS,
    *"纯电 增程 首款 第二款 新款 旗舰 首发 搭载 推出 自研".split(),
)


def _common_word(word: str) -> bool:
    """A word seen often as something other than a name (轿车, 首发); a brand the dictionary tags as a
    name is common only when very frequent (天玑 is nz and rare)."""
    frequency = word_frequency(word)
    return frequency >= 500 if word_tag(word) in _NAMING_POS else frequency >= 50


class ModelNames:
    """A brand glued to its model code, where a product word stands before it or a launch word after it
    (纯电轿车曜行S5, 首发天玑 9600, 曜行S7发布): how news names cars, phones and chips."""

    name = "mentions.model_name.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _MODEL_NAME.finditer(view, max(0, start - 1), end):
                e = match.end()
                # the brand is what follows the last everyday word before the code: 纯电轿车|曜行 (曜|行)
                words_ = [
                    t for t in ctx.tokens_between(match.start(), match.end(1)) if t.start >= match.start()
                ]
                if not words_ or words_[-1].end != match.end(1) or set(words_[-1].text) & _NOT_IN_NAMES:
                    continue  # 调校了|X7: a particle is no brand
                s = words_[-1].start
                for word in reversed(words_[:-1]):
                    if len(word.text) > 1 and _common_word(word.text):
                        break
                    if word.pos.startswith(("v", "u", "p")) or set(word.text) & _NOT_IN_NAMES:
                        break  # 自研|凌霄L1, 调校了|X7: what is done to the model is no part of its name
                    s = word.start
                brand = view[s : match.end(1)]
                if len(brand) < 2 or _common_word(brand):
                    continue
                if match.group(2).isdigit() and word_tag(brand) not in _NAMING_POS:
                    continue  # a bare number names a model only after a brand (天玑 9600, not 尾号6840)
                known = known_by_name(brand)
                if known is not None and (known.type != "Organization" or match.group(2).isdigit()):
                    continue  # 华为2012…: a known company and a figure; 岚图T8, 小米SU7 are its models
                cued = view.startswith(_MODEL_CUES_AFTER, e) or view[max(0, s - 6) : s].endswith(
                    _PRODUCT_WORDS
                )
                if brand in places() or _is_person_shaped(brand) and not cued:
                    continue  # 首发自研凌霄L1: a cued brand glued to a code names a model, 凌 or not
                if cued and ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Product", self.name, 0.65)


# what says that a 《title》 names a game or another work a company makes (not a book, nor a document
# an authority issues: 传记作品《…》, 发布的《…要求》): the word before it
# (开放世界动作冒险游戏《X》, 游戏科学推出的《X》, 其代表作《X》) or after it (《X》开发商, 《X》续作)
_WORK_BEFORE = re.compile(
    r"(?:游戏|手游|端游|网游|代表作|新作|大作|续作|爆款|(?:推出|发行|研发|开发|上线|发售|打造|出品)的)$"
)
_WORK_AFTER = re.compile(r"开发商|发行商|研发商|制作组|制作团队|续作|手游版|国服|上线|发售|公测|销量|玩家")
_TITLE = re.compile(r"《([^《》\n]{1,20})》")


class TitledWorks:
    """A 《title》 that a work word before or after calls a game or a work: 《雾港》开发商,
    推出的《黑神话：悟空》. Titles of outlets (据《财经》报道) have their own rule; a title with no
    such word is left alone."""

    name = "mentions.work_title.v1"

    def find(self, ctx: DocumentView) -> Iterator[Mention]:
        view = ctx.view
        for start, end, _ in ctx.analysed:
            for match in _TITLE.finditer(view, start, end):
                s, e = match.span(1)
                before = _WORK_BEFORE.search(view, max(0, s - 8), s - 1)
                if before is None and not _WORK_AFTER.match(view, e + 1):
                    continue
                if _known_type(view[s:e]) in ("", "Product") and ctx.inside(s, e):
                    yield _mention(ctx, s, e, "Product", self.name, 0.7)


def _product_name_like(name: str, after_head: bool = False) -> bool:
    """Quoted text that can be a product's name, not words cited (“不好用”, “性价比高”, a slogan).
    Right after the word for its kind (感知系统“青苗”, App“途能e充”) a noun is a code name too."""
    coded = re.search(r"[A-Za-z0-9]", name) is not None
    if _FUNCTION_CHARS & set(name) or _known_type(name) not in ("", "Product") or _slogan(name) and not coded:
        return False
    if coded:
        return True
    if re.search(r"[不没未很太最更吗呢吧啊有]", name):
        return False
    return not _everyday_word(name) or after_head and all(t.pos[:1] == "n" for t in tokenize(name))


def _described(view: str, head: int) -> bool:
    """这款手机“性价比高”, 用户评价该系统“稳定可靠”: what a thing already named is said to be."""
    return view[head - 1 : head] in ("这", "该", "此", "其") or bool(
        _JUDGED.search(view, max(0, head - 8), head)
    )


_JUDGED = re.compile(r"(?:这款|这个|这种|评价|认为|觉得|称赞|形容)")


RULES = (
    KnownNames(),
    LatinNames(),
    TransliteratedNames(),
    MediaOutlets(),
    SuffixOrganizations(),
    DictionaryOrganizations(),
    HeadedOrganizations(),
    PlaceBracketedNames(),
    ArmedForces(),
    BrandCompanies(),
    CuedCompanies(),
    GlossedOrganizations(),
    Banks(),
    PartyCongresses(),
    Units(),
    ChinesePersons(),
    TitledPersons(),
    SurnameLeaders(),
    ShapedPersons(),
    CompoundSurnamePersons(),
    JapanesePersons(),
    NameRolls(),
    TransliteratedPersonsUndotted(),
    SportsClubs(),
    CitationSources(),
    QuotedProducts(),
    TitledWorks(),
    ModelNames(),
)
REPEATED = "mentions.repeat.v1"  # a name found again elsewhere in the text (see ``_repeated``)
COORDINATED = "mentions.person_list.v1"  # a name listed with a person (see ``_coordinated_people``)
ORG_LIST = "mentions.org_list.v1"  # a name listed with organizations (see ``_organizations_in_lists``)
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
                TitledWorks,
                ModelNames,
                TransliteratedNames,
                SuffixOrganizations,
                Branches,
                CompanyArms,
                DictionaryOrganizations,
                HeadedOrganizations,
                ArmedForces,
                BrandCompanies,
                CuedCompanies,
                GlossedOrganizations,
                Banks,
                PartyCongresses,
                LatinNames,
                TitledPersons,
                CompoundSurnamePersons,
                SurnameLeaders,
                ShapedPersons,
                JapanesePersons,
                TransliteratedPersonsUndotted,
                SportsClubs,
                ChinesePersons,
                NameRolls,
            )
        ]
        + [COORDINATED, ORG_LIST, REPEATED]
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
    kept = resolve_overlaps(kept + list(NamedUnits().extend(ctx, kept)))
    kept = resolve_overlaps(kept + list(_coordinated_people(ctx, kept)))
    kept = _with_glossed_people(ctx, kept)
    kept = resolve_overlaps(kept + list(_organizations_in_lists(ctx, kept)))
    kept = _people_in_lists(ctx, resolve_overlaps(kept + list(_repeated(ctx, kept))))
    return _units_apart_from_parents(ctx, kept)


def _brand_of(mention: Mention) -> str:
    """The short form of a brand + industry company name, the name without its industry word (星衍 for
    星衍机器人, 衡山 for 衡山智能), if it is rare enough, or a place that is no city, to stand alone."""
    if mention.extractor == BrandCompanies.name:
        brand = mention.name[:2]
    elif mention.extractor in (CuedCompanies.name, GlossedOrganizations.name):
        industry = next((w for w in INDUSTRY_WORDS if mention.name.endswith(w)), "")
        brand = mention.name[: -len(industry)] if industry else ""
    else:
        return ""
    if len(brand) < 2:
        return ""
    if word_frequency(brand) < _EVERYDAY_FREQUENCY and _is_brand(brand):
        return brand
    return brand if word_tag(brand) == "ns" and brand not in places() else ""


# 北京月影星辰科技有限公司（以下简称“月影星辰”）: the short form the article declares it will use
_DECLARED_SHORT = re.compile(
    # after the name's original, if it has one: （Frostquill Games，下称“霜翎互动”）
    r"[（(](?:[A-Za-z][^（）()，,\n]{0,40}[，,]\s*)?"
    r"(?:以下|下文|下)?(?:简称|称)[为：:]?[“\"「]([^”\"」（）()\n]{2,12})[”\"」][）)]"
)
_REGISTERED = ("股份有限公司", "有限责任公司", "有限公司")
_ABBREVIATION = re.compile(rf"[（(]([{CJK}]{{2,8}})[）)]")


def _abbreviates(short: str, full: str) -> bool:
    """Is ``short`` made of characters of ``full`` in their order, as Chinese abbreviations are
    (中国信通院 of 中国信息通信研究院, 上交所 of 上海证券交易所)?"""
    if len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _generic_short_form(short: str) -> bool:
    """A short form that names no one (（以下简称“公司”）, “发行人”, “标的公司”)."""
    return (
        short in _GENERIC_HEADS
        or short in CATEGORY_NOUNS
        or short.endswith(("公司", "集团", "企业", "发行人", "机构"))
        and len(short) <= 4
        or word_frequency(short) >= _EVERYDAY_FREQUENCY
    )


# words that end a registered name but not the name news calls the company by (…信息技术有限公司)
_GENERIC_TRADES = ("信息技术", "信息科技", "网络科技", "网络技术", "数字科技", "科技", "技术", "实业")


def _short_forms(ctx: DocumentView, mention: Mention) -> Iterator[str]:
    """The shorter names an article uses for an organization it names in full: the short form it
    declares (（以下简称“月影星辰”）), and a registered name without its place, its legal form and a
    generic trade word (杭州深度智联信息技术有限公司 -> 深度智联), if what is left is still a name."""
    if mention.type != "Organization" or known_by_name(mention.name) is not None:
        return
    declared = _DECLARED_SHORT.match(ctx.view, mention.end)
    if declared and not _generic_short_form(declared.group(1)):
        yield declared.group(1)
    abbreviation = _ABBREVIATION.match(ctx.view, mention.end)
    if abbreviation and _abbreviates(abbreviation.group(1), mention.name):
        yield abbreviation.group(1)  # 中国信息通信研究院（中国信通院）
    name = mention.name
    if not name.endswith(_REGISTERED) or not has_cjk(name):
        return
    short = name[: -len(next(f for f in _REGISTERED if name.endswith(f)))]
    place = max((len(p) for p in places() if short.startswith(p)), default=0)
    short = short[place:].removeprefix("市").removeprefix("省")
    trade = next((t for t in _GENERIC_TRADES if short.endswith(t)), "")
    if trade and len(short) - len(trade) >= 2:
        short = short[: -len(trade)]
    if (
        len(short) >= 3
        or len(short) == 2
        and _is_brand(short)
        and word_frequency(short) < _EVERYDAY_FREQUENCY
    ):
        yield short


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
        GlossedOrganizations,
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
        for short in _short_forms(ctx, mention):  # 北京月影星辰科技有限公司（以下简称“月影星辰”）
            names.setdefault(short, replace(mention, name=short, confidence=0.55))
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


GLOSSED_PERSON = "mentions.person_gloss.v1"
# a person's name in the original script, in brackets right after the Chinese: 阿特金森（martinatkinson）,
# 保罗·盖蒂（j.paulgetty）, 马蒂亚斯·克莱因（Matthias Klein）
_PERSON_GLOSS = re.compile(r"[（(]\s*([A-Za-z][A-Za-z.'\- ]{1,40}?[A-Za-z])\s*(?=[）)，,、])")


def _glossed_people(ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
    """The original of a person's name glossed after it is that person's name too, whatever its case
    or spacing: news glosses foreign names so (阿特金森（martinatkinson）), and feeds lower-case them."""
    for mention in found:
        if mention.type != "Person" or not has_cjk(mention.name):
            continue
        gloss = _PERSON_GLOSS.match(ctx.view, mention.end)
        if gloss is None or _known_type(gloss.group(1)) not in ("", "Person"):
            continue
        s, e = gloss.span(1)
        if gloss.group(1) not in COMMON_ABBREVIATIONS and ctx.inside(s, e):
            yield _mention(ctx, s, e, "Person", GLOSSED_PERSON, 0.75)


def _with_glossed_people(ctx: DocumentView, found: list[Mention]) -> list[Mention]:
    """``found`` with the glosses of people's names read as names of people, also where the Latin
    rules only guessed another type (佐藤直树（Naoki Sato）, 朴志勋（Park Ji-hoon）)."""
    glosses = {(m.start, m.end): m for m in _glossed_people(ctx, found)}
    guessed = [
        m
        for m in found
        if (m.start, m.end) in glosses and m.extractor == LatinNames.name and m.confidence < 0.8
    ]
    return resolve_overlaps([m for m in found if m not in guessed] + list(glosses.values()))


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
    if known_by_name(name) is not None or _everyday_word(name) or word_tag(name) == "ns":
        return False
    if name in world_places():
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


# ---------------------------------------------------------------------------------------
# Organizations named in a list: 博睿数据、听云等厂商; 高瓴创投、招银国际跟投; 竞争对手为北方华创和拓荆科技

# what a list of organizations is followed by: 等(两家)厂商, or the deal its members made (跟投)
_ORG_KINDS_AFTER = re.compile(
    r"等(?:[0-9一二两三四五六七八九十几多数]+家)?(?:日本|美国|欧美|韩国|德国|欧洲|外资|国际|本土)?"
    r"(?:[国内外海头部主流知名大型中小]{0,4})"
    r"(?:厂商|企业|公司|机构|平台|品牌|车企|药企|券商|银行|基金|巨头|大厂|玩家|供应商|服务商|运营商|制造商|"
    r"开发商|投资方|投资机构|对手|竞争对手|友商|同行)"
    r"|跟投|领投|参投|联合领投|共同领投|超额认购"
)
_DEAL = re.compile(r"(?:联合|共同)?(?:领投|跟投|参投)")
# what a list of organizations is introduced by: 竞争对手包括, 投资方为, 客户包括
_ORG_LIST_OPENER = re.compile(
    r"(?:竞争对手|竞品|对手|投资方|投资人|投资机构|股东|客户|合作伙伴|合作方|供应商|参投方|跟投方)"
    r"(?:还|则|也|将|主要|分别|既)*(?:包括|包含|涵盖|为|是|有)$"
)
# the second half of a list cut in two: 竞争对手既包括A和B，也包括C和D; 既有A、B，也有C
_ORG_LIST_GOES_ON = re.compile(r"(?:也|还|同时)(?:包括|包含|涵盖|有)")
# a list of organizations after a clause that ends in what kind they are: 客户主要为商业卫星公司，包括A和B
_KIND_THEN_LIST = re.compile(r"(?:其中)?(?:包括|比如|例如)")
_KINDS_ENDING_A_CLAUSE = ("公司", "企业", "厂商", "机构", "车企", "药企", "品牌", "平台")
# where a listed company is from, before its name: 日本的东京应化, 国内的南大光电
_ITEM_ORIGIN = re.compile(rf"([{CJK}]{{2,4}}?)的")
# where the first item of a list begins: after the word that introduces it
_FIRST_ITEM_CUE = re.compile(r".*(?:包括|包含|涵盖|为|是|有|由|如|对|向|与|和|及|获|被)")
# where the last item of a list ends: 等, the deal, a predicate
_LAST_ITEM_END = re.compile(r"等|跟投|领投|参投|联合|共同|分别|均|都|也|已|将|在|于|达成|签署|完成")
# pronouns, prepositions, conjunctions, adverbs, particles, numerals, times: no part of a name
_NOT_NAME_POS = frozenset("rpcdumqtf")
_OWNER_IN_ITEM = re.compile(rf"[{CJK}A-Za-z0-9]{{2,10}}?旗下的?")
_LIST_CLAUSE_EDGES = re.compile(r"[，,。；;！!？?：:\n“”\"《》【】]")
_GLOSS_AT_END = re.compile(r"\s*[（(][^（()）]{1,30}[）)]\s*$")
_ITEM_CHARS = re.compile(rf"[{CJK}A-Za-z0-9][{CJK}A-Za-z0-9 &.\-]*[{CJK}A-Za-z0-9]")


_ORIGINS = frozenset({"国内", "国外", "海外", "本土", "境内", "境外", "本地"})


def _list_items(ctx: DocumentView, start: int, end: int, ends: frozenset[int]) -> list[tuple[int, int]]:
    """The raw items of the clause [start, end) split at its list marks (、 always; 和 与 及 when the
    segmenter reads them as words of their own or they follow a name in ``ends``: 民生银行和|民银理财),
    glosses in parentheses dropped."""
    view = ctx.view
    cuts = [start]
    depth = 0
    for at in range(start, end):
        ch = view[at]
        depth += ch in "（(" and 1 or ch in "）)" and -1 or 0
        if depth:
            continue
        if ch == "、" or (
            _list_mark(view, at)
            and at > start
            and (
                at in ends
                or at in ctx.word_starts
                and at + 1 in ctx.word_starts
                or view.endswith(INDUSTRY_WORDS, start, at)  # 南大光电和|彤程新材, cut as 电和彤程
            )
        ):
            cuts += [at, at + 1]
    cuts.append(end)
    items = []
    for s, e in zip(cuts[::2], cuts[1::2], strict=True):
        gloss = _GLOSS_AT_END.search(view, s, e)
        items.append((s, gloss.start() if gloss else e))
    return items


def _organization_item(ctx: DocumentView, s: int, e: int, strong: bool) -> bool:
    """Can the list item at [s, e) be an organization's name: two to twelve characters of name
    material, no place, no everyday word, beginning with a brand? In a list that says "companies"
    (``strong``) a brand is any word short of a very common one (远图|国际)."""
    name = ctx.view[s:e]
    if not 2 <= len(name) <= 12 or not _ITEM_CHARS.fullmatch(name) or not ctx.inside(s, e):
        return False
    if name in places() or name in world_places() or word_tag(name) == "ns" or _everyday_word(name):
        return False
    if name[0] in _DETERMINERS or name[0] in _FUNCTION_CHARS or _is_person_shaped(name) and has_cjk(name):
        return False
    tokens = ctx.tokens_between(s, e)
    if tokens and (tokens[0].start != s or tokens[-1].end != e):
        tokens = tokenize(name)  # the segmenter glued the list mark to it (和民银|理财)
    # in a list that says "companies" only a function word is never part of a name (特|来电, 一|汽)
    not_name = "rpcu" if strong else _NOT_NAME_POS
    if not tokens or any(t.pos[:1] in not_name for t in tokens):
        return False
    # the name begins with its brand: a rare word or one the segmenter reads as a name (博睿|数据)
    if name.endswith(tuple(titles())) or name[-1] in _FACILITY_ENDINGS or name[-1] in _PLACE_ENDINGS:
        return False  # 研究会名誉副会长, 中银大厦: a post or a building, not a body
    brand = tokens[0]
    if strong and len(brand.text) == 1 and len(tokens) > 1:
        return word_frequency(name[:2]) < 500  # 特|来电: a brand the segmenter cut, read whole
    common = word_frequency(brand.text) >= 500 if strong else _everyday_word(brand.text)
    return brand.pos in _NAMING_POS or not common


_COMPANY_ENDINGS = (
    "公司",
    "集团",
    "科技",
    "资本",
    "创投",
    "基金",
    "证券",
    "控股",
    "股份",
    "汽车",
    "医药",
    "生物",
    "智能",
    "电子",
    "半导体",
    "网络",
    "软件",
    "数据",
    "能源",
    "电气",
    "国际",
)


def _company_like(mention: Mention) -> bool:
    """Is the organization a company (its kind, or a company's last word: 高瓴创投, 北方华创科技)? A list
    with a company in it lists companies; one with a ministry or a club in it lists other things."""
    return mention.kind == "Company" or mention.name.endswith(_COMPANY_ENDINGS)


def _organizations_in_lists(ctx: DocumentView, found: list[Mention]) -> Iterator[Mention]:
    """Items listed with an organization, or in a list that says "organizations" (A、B等厂商, A、B跟投,
    竞争对手包括A和B), are organizations too: a list names things of one kind."""
    view = ctx.view
    taken = sorted((m.start, m.end) for m in found)
    companies = {(m.start, m.end) for m in found if m.type == "Organization" and _company_like(m)}
    company_ends = frozenset(e for _, e in companies)
    edges = list(_LIST_CLAUSE_EDGES.finditer(view))
    clauses = zip([0] + [m.end() for m in edges], [m.start() for m in edges] + [len(view)], strict=True)
    list_open = False  # the clause before opened a list of organizations
    for cs, ce in clauses:
        if ce - cs < 4:
            list_open = False
            continue
        items = _list_items(ctx, cs, ce, company_ends)
        first_s, first_e = items[0]
        cue = _FIRST_ITEM_CUE.match(view, first_s, first_e)
        opened = cue is not None and bool(
            _ORG_LIST_OPENER.search(view, max(cs, cue.end() - 12), cue.end())
            or list_open
            and _ORG_LIST_GOES_ON.match(view, cs)
            or view.endswith(_KINDS_ENDING_A_CLAUSE, 0, cs - 1)
            and _KIND_THEN_LIST.match(view, cs)
        )
        list_open = opened
        items[0] = (cue.end(), first_e) if cue else items[0]
        last_s, last_e = items[-1]
        stop = _LAST_ITEM_END.search(view, last_s + 2, last_e)
        closed = stop is not None and _ORG_KINDS_AFTER.match(view, stop.start())
        if stop is None and last_e - last_s > 6:
            items.pop()  # no end of its own: the last item runs into the predicate (空军人数将裁减)
        else:
            items[-1] = (last_s, stop.start() if stop else last_e)
        for n, (s, e) in enumerate(items):
            owner = _OWNER_IN_ITEM.match(view, s, e)
            origin = _ITEM_ORIGIN.match(view, s, e)
            if origin and (origin.group(1) in _ORIGINS or origin.group(1) in world_places()):
                s = origin.end()  # 日本的东京应化: where the company is from is no part of its name
            items[n] = (owner.end(), e) if owner else (s, e)  # 建设银行旗下的建信金科: the unit is listed
        if len(items) == 1 and not (closed and _DEAL.match(view, items[0][1])):
            continue  # one investor alone says "organization" only by its deal: 由安徽投资集团领投
        if not (opened or closed or any(item in companies for item in items)):
            continue
        for s, e in items:
            if not (opened or closed) and any(t.pos == "v" for t in ctx.tokens_between(s, e)):
                continue  # only a list that says "companies" may hold a name with a verb in it
            i = bisect_left(taken, (s, e))
            if i > 0 and taken[i - 1][1] > s or i < len(taken) and taken[i][0] < e:
                continue  # something else is read there already
            if not _organization_item(ctx, s, e, strong=bool(opened or closed)):
                continue
            taken.insert(i, (s, e))
            yield _mention(ctx, s, e, "Organization", ORG_LIST, 0.55)


def _adopt_known_types(candidates: list[Mention]) -> list[Mention]:
    """A candidate whose exact text is a known name takes the known entity's type."""
    out = []
    for mention in candidates:
        known = known_by_name(mention.name) if mention.extractor != KnownNames.name else None
        if known is not None and mention.extractor not in (Units.name, CitationSources.name):
            mention = replace(mention, type=known.type, kind=known.kind or mention.kind)
        out.append(mention)
    return out
