"""Facts: the business events a sentence states between the entities it names.

Every sentence is turned into a *frame*: its text with each entity mention replaced by one
placeholder character for its type (person ``P``, organization ``O``, product ``R``; a
media outlet the sentence cites as its source becomes ``M`` and takes part in no event).
Pronouns that point back to an entity (其, 该公司, 他, 他们 …) become placeholders too.
Relation rules are regular expressions over frames, written in the vocabulary of Chinese
business news (``{O}…投资…{O}``, ``{O}的?(联合)?创始人{P}``); each rule is named and
versioned, and its name goes into the provenance of every fact it finds.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from extractors.mentions import known_by_name, role_pattern
from extractors.model import Amount, Fact, Mention, Sentence, When
from extractors.quantities import parse_amounts, parse_dates, parse_stake
from extractors.text import name_key, normalize

PERSON, ORG, PRODUCT, OUTLET = "\ue001", "\ue002", "\ue003", "\ue004"
_SENTINEL = {"Person": PERSON, "Organization": ORG, "Product": PRODUCT}
ANY = PERSON + ORG + PRODUCT + OUTLET


@dataclass(frozen=True)
class Slot:
    """An entity's place in a frame."""

    entity: str  # entity key
    type: str
    kind: str
    start: int  # raw offsets of the mention (or pronoun) it stands for
    end: int


# "X旗下的Y": X only says whose Y is; "X旗下的子公司" still names X as the party
_OWNER_ONLY = re.compile(r"旗下(?:的)?(?!子公司|公司|部门|业务|品牌|企业|机构|团队|实验室)")


@dataclass
class Frame:
    sentence: Sentence
    text: str  # the masked sentence
    raw_start: list[int]  # frame index -> raw offset where that character begins
    raw_end: list[int]
    slots: dict[int, Slot]

    def slots_in(self, start: int, end: int, keep_owners: bool = False) -> list[Slot]:
        """The entities of a stretch, less owners named only to place what follows (X旗下的Y)."""
        inside = [i for i in range(start, end) if i in self.slots]
        owners = set() if keep_owners else {i for i in inside if _OWNER_ONLY.match(self.text, i + 1)}
        return [self.slots[i] for i in inside if i not in owners]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_start[start], self.raw_end[end - 1]


@dataclass
class Discourse:
    """What the text has been about so far: for pronouns and for omitted arguments."""

    published_year: int | None
    salient_company: str | None
    last_person: Slot | None = None
    last_unit: Slot | None = None  # the team or lab named last, for 该研究院, 该团队
    previous_topic: Slot | None = None
    year: int | None = None
    paragraph_facts: list[Fact] = field(default_factory=list)
    raiser: str | None = None  # the company whose funding round the text is telling
    people: list[Slot] = field(default_factory=list)  # persons in the order the text last named them
    published_month: int | None = None


# ---------------------------------------------------------------------------------------
# Regex vocabulary for frames

_GAP = rf"[^，。；！？,;!?{ANY}]"  # a stretch of one clause that names no entity
_LIST_SEP = r"(?:[、和与及跟]|以及)"


_OWNED = rf"{ORG}(?:旗下(?:的)?{ORG})?"
_UNFOUND = rf"(?:、[^，。；、,;:：{ANY}]{{2,8}}?)"  # a list member named with no entity found for it
# a name's gloss the frame keeps apart: "深创投(下称“深创投”)", "礼来亚洲基金(LAV)"
_ALIAS = rf"(?:[(（](?:下称|以下简称|简称|下同)?[“\"「]?{ORG}?[^()（）{ANY}]{{0,16}}?[”\"」]?[)）])?"


def _expand(pattern: str) -> re.Pattern[str]:
    vocab = {
        "P": PERSON,
        "O": ORG,
        "OW": _OWNED,  # an organization, or a unit named with its owner (国家电网旗下的南瑞集团)
        "R": PRODUCT,
        "PL": rf"{PERSON}(?:\({PERSON}\))?(?:{_LIST_SEP}{PERSON}(?:\({PERSON}\))?)*",
        # organizations in a list; "阿里巴巴旗下的通义实验室" is one member (the owner is dropped later)
        # a member the text names with no entity found for it ("A、美的集团和B") does not end the list
        "OL": rf"{_OWNED}{_ALIAS}(?:{_UNFOUND}*?{_LIST_SEP}(?:{_GAP}{{0,6}}的|{_BACKER})?{_OWNED}{_ALIAS})*"
        # nor one that closes it ("A、美的集团和三一重工已成为其客户")
        rf"(?:{_UNFOUND}*?(?:{_LIST_SEP}|、)[^，。；、,;:：{ANY}]{{2,6}}?(?=等|已|均|都|也|成为|共同|分别))?",
        "RL": rf"{PRODUCT}(?:(?:{_LIST_SEP}|[，,](?:以及|及|和|还有))[^，。；,;{ANY}]{{0,16}}?{PRODUCT})*",
        # rivals named with what they make: "字节跳动推出的扣子、OpenAI的ChatGPT等产品"
        "RIV": rf"{_OWNED}(?:(?:推出|旗下|开发)?的{PRODUCT})?"
        rf"(?:{_LIST_SEP}{_OWNED}(?:(?:推出|旗下|开发)?的{PRODUCT})?)*",
        # people in a list, each with a description ("前百度研究员A与斯坦福大学博士B")
        "DPL": rf"{PERSON}(?:\({PERSON}\))?"
        rf"(?:{_LIST_SEP}(?:前|原)?(?:{ORG}(?:的)?)?{_GAP}{{0,8}}?{PERSON}(?:\({PERSON}\))?)*",
        "G": _GAP,
        "S": rf"[^。！？!?{PERSON}]",
        # the titles of the list, and any 首席X官 (首席AI官, 首席ESG官)
        "ROLE": f"(?:{role_pattern()}|首席[A-Za-z]{{1,4}}官|首席[\u4e00-\u9fff]{{2,3}}?官)",
        "ALIAS": _ALIAS,
        "SEP": _LIST_SEP,
        "ANY": ANY,
        "NOT": r"(?<!而非)(?<!并非)(?<!不是)(?<!没有)(?<!未)(?<!不)",
    }
    return re.compile(pattern.format(**vocab))


@dataclass(frozen=True)
class Rule:
    name: str
    relation: str
    pattern: str
    confidence: float
    subject_types: tuple[str, ...] = ("Organization",)
    object_types: tuple[str, ...] = ("Organization",)
    # the subject missing from the match is the sentence's topic organization
    topic_subject: bool = False
    # the object missing from the match is the sentence's topic ("曾为A、B提供服务": supplier)
    topic_object: bool = False
    # the object missing from the match is the company the whole text is about ("王的加盟")
    salient_object: bool = False
    # with no company named before the match, the topic is the company the whole text is about, not
    # the last one named ("…2016年加入大疆。联合创始人兼CTO孟庆瑶…" is about the text's company)
    salient_topic: bool = False
    # the person missing from the match is the one the text is telling about: the first named in the
    # sentence, else the last one named before ("黄仁勋1963年生于台南。…，至今仍担任英伟达CEO")
    person_topic: bool = False
    # the company is the one the text last told a founding of ("另一位联合创始人X": another founder of it)
    founders_company: bool = False
    # the kinds the object must be of, when the type is not enough (a school, not any organization)
    object_kinds: tuple[str, ...] = ()
    # "A与B签订了采购合同" says not who buys: the company the text was just talking about supplies
    # ("Lumora的最大客户是xAI。xAI与Lumora签订了芯片采购合同")
    topic_supplies: bool = False
    # a round's followers get no sum: the sum of a round is the leads' (参与了X的5亿元B轮融资)
    no_amount: bool = False
    # a stake held says nothing of a sum paid: the stake only ("华为持有引望80%的股份")
    stake_only: bool = False

    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = _expand(pattern)
    return _CACHE[pattern]


@lru_cache(maxsize=1)
def _rule_patterns() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Every rule with its compiled pattern, looked up once: the rules run on every clause."""
    return tuple((rule, rule.compiled()) for rule in RULES)


_FOUNDER_ROLES = frozenset({"创始人", "联合创始人", "创办人", "联合创办人", "创始人之一"})
# words that make what follows a plan, a wish or a rumour rather than something done
_PLAN_WORDS = """
    计划 准备 打算 拟 将 即将 有望 预计 原计划 考虑 正准备
    或将 可能 传闻 据传 洽谈 谈判 有意 意欲 寻求 洽购 筹划 筹备
""".split()
_PLANNED = "(?:" + "|".join(_PLAN_WORDS) + ")"
_INVEST = r"(?:战略投资|投资|注资|入股|押注)"
_ROUND_LEAD = r"(?:联合领投|共同领投|领投|牵头|独家投资)"
# how a list of investors introduces one of its members: "A、B和老股东C跟投", "股东包括A和早期投资方B"
_BACKER = (
    r"(?:老股东|原股东|原有股东|现有股东|早期股东|老投资方|老投资人|早期投资方|早期投资人|早期投资者"
    r"|产业资本|产业方|战略投资方|财务投资方)"
)
_ROUND_FOLLOW = r"(?:跟投|参投|参与(?:了)?(?:本轮|此轮|该轮)?(?:投资|融资)?|继续加注|追加投资|加注)"

RULES: tuple[Rule, ...] = (
    # founded -------------------------------------------------------------------------
    Rule(
        "relations.founded.title.v1",
        "founded",
        r"(?P<o>{O})(?:的)?{G}{{0,6}}?(?:联合)?(?:创始人|创办人|创立者|缔造者)(?:之一)?(?:[兼、]{G}{{0,12}}?)?(?P<s>{P})",
        0.85,
        ("Person",),
    ),
    Rule(
        "relations.founded.verb.v1",
        "founded",
        r"(?P<s>{P}){S}{{0,30}}?(?:联合|共同|亲手)?(?:创立|创办|创建|创设)了?(?:{G}{{0,16}}的)?"
        r"(?:初创公司|初创企业|创业公司|公司|企业)?(?P<o>{O})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.founded.passive.v1",
        "founded",
        r"(?P<o>{O}){G}{{0,8}}?由(?P<s>{PL}){G}{{0,6}}?(?:联合|共同)?(?:创立|创办|创建|成立)",
        0.8,
        ("Person",),
    ),
    Rule(
        "relations.founded.passive_long.v1",
        "founded",
        r"(?P<o>{O}){G}{{0,20}}?由{S}{{0,20}}?(?P<s>{DPL})(?:\({P}\))?{G}{{0,14}}?(?:联合|共同)?(?:创立|创办|创建|成立)(?!的)",
        0.75,
        ("Person",),
    ),
    Rule(
        # "X成立于2021年，(总部位于深圳，)由前百度研究员A与B共同创立": the founding told after the date
        "relations.founded.established_by.v1",
        "founded",
        r"(?P<o>{O})(?:成立于|创立于|创办于|诞生于){G}{{0,12}}?[，,](?:{G}{{0,12}}?[，,])?\s*(?:由|是由)"
        r"{S}{{0,20}}?(?P<s>{DPL}){G}{{0,10}}?(?:联合|共同)?(?:创立|创办|创建|成立|发起)",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.founded.cofounders.v1",
        "founded",
        r"(?P<s>(?:{P}[^。；;{ANY}]{{0,14}}?)?(?:与|和|同){PL}|{DPL})(?:等人)?(?:共同|一起|联合)(?:创立|创办|创建)了?(?P<o>{O})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.founded.later.v1",
        "founded",
        r"(?P<o>{O})[^。{P}]{{0,24}}?[，,]\s*(?:其)?(?:联合)?创始人(?:兼(?P<role>{ROLE}))?(?:为|是)?"
        r"(?:(?:前|原)?{O}?{G}{{0,10}}?)?(?P<s>{PL})",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.works_for.founder_title.v1",
        "worksFor",
        r"(?P<o>{O})[^。{P}]{{0,24}}?[，,]\s*(?:其)?(?:联合)?创始人兼(?P<role>{ROLE})(?:为|是)?(?P<s>{P})",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.founded.title_topic.v1",
        "founded",
        r"(?:^|[，,、；;：:])(?:联合)?创始人(?:兼|、)(?P<role>{ROLE})(?P<s>{P})",
        0.6,
        ("Person",),
        topic_subject=True,
        salient_topic=True,
    ),
    Rule(
        "relations.works_for.founder_topic.v1",
        "worksFor",
        r"(?:^|[，,、；;：:])(?:联合)?创始人(?:兼|、)(?P<role>{ROLE})(?P<s>{P})",
        0.6,
        ("Person",),
        topic_subject=True,
        salient_topic=True,
    ),
    Rule(
        # "另一位联合创始人林蔚毕业于清华大学": a founder named by the title alone, of the company in view
        "relations.founded.title_alone.v1",
        "founded",
        r"(?:^|[，,；;：:])(?P<other>另一位|另一名|另外一位|两位|几位)?(?:联合)?(?:创始人|创办人)(?:之一)?"
        r"(?:[、兼](?P<role>{ROLE}))?(?P<s>{PL})",
        0.6,
        ("Person",),
        topic_subject=True,
        founders_company=True,
    ),
    Rule(
        "relations.founded.copula.v1",
        "founded",
        r"(?P<s>{P}){G}{{0,6}}?(?:是|为|作为)(?P<o>{O})(?:的)?(?:联合)?(?:创始人|创办人)",
        0.85,
        ("Person",),
    ),
    # careers told with the person omitted: the clause goes on about the person named before
    Rule(
        "relations.works_for.omitted_subject.v1",
        "worksFor",
        r"(?:^|[，,；;])\s*(?:目前|现|现在|至今|如今|同时|还|也|并|则)?(?:仍|仍然|依然|则|已)?(?<!曾)(?:担任|出任|兼任|任)"
        r"(?P<o>{O})(?:的)?(?:部门|团队|事业部|事业群)?(?P<role>{ROLE})(?:兼(?P<role2>{ROLE}))?(?!{G}{{0,6}}?(?:的|{P}))",
        0.6,
        ("Person",),
        person_topic=True,
    ),
    Rule(
        "relations.left.omitted_subject.v1",
        "left",
        r"(?:^|[，,；;])\s*(?:此前|之前|早年|早先|曾经|曾)(?:还|也)?(?:曾)?"
        r"(?:(?:任|担任|出任|是|为)(?P<o>{O})(?:的)?(?P<role>[^，。；的{ANY}]{{0,8}}?(?:{ROLE}|专家))|(?:任职于|就职于|供职于)(?P<o2>{O}))"
        r"(?!{G}{{0,10}}?(?:的|{ANY}))",
        0.6,
        ("Person",),
        person_topic=True,
    ),
    Rule(
        "relations.educated_at.omitted_subject.v1",
        "educatedAt",
        r"(?:^|[，,；;])\s*(?:本科|硕士|博士|研究生|早年|后)?(?:毕业于|就读于|肄业于|求学于)(?P<o>{O})(?!{G}{{0,8}}?(?:的|{P}))",
        0.65,
        ("Person",),
        person_topic=True,
    ),
    Rule(
        "relations.joined.omitted_subject.v1",
        "joined",
        r"(?:^|[，,；;])\s*(?:(?:于|在)?[0-9]{{2,4}}年(?:[0-9]{{1,2}}月)?(?:[0-9]{{1,2}}日)?(?:底|初|中|末|前后)?)?"
        r"(?:随后|之后|此后|后来|后|又|再|便|就|即|还|也|已|则|同年|次年|当年|毕业后|回国后)*"
        r"(?:正式)?(?:加入|加盟|入职)(?:了)?(?P<o>{O})"
        r"(?![的{ANY}]|{G}{{0,4}}?{P})(?:[，,]?\s*(?:并|随后)?(?:出任|担任)(?P<role>{ROLE}))?",
        0.6,
        ("Person",),
        person_topic=True,
    ),
    # released ------------------------------------------------------------------------
    Rule(
        "relations.release.v1",
        "released",
        r"(?P<s>{O})(?P<plan>{G}{{0,10}}?)(?:正式|首次|重磅|悄然)?(?:推出|发布|上线|开源了|发表|公布|亮相|上市)(?:了)?{G}{{0,16}}?(?:{R}(?:系列)?(?:新)?(?:模型|大模型)?)?(?P<o>{RL})",
        0.75,
        ("Organization",),
        ("Product",),
    ),
    Rule(
        "relations.release.passive.v1",
        "released",
        r"(?P<o>{R}){G}{{0,8}}?由(?P<s>{O})(?P<plan>{G}{{0,6}}?)(?:推出|发布|开发并推出|开源)",
        0.75,
        ("Organization",),
        ("Product",),
    ),
    Rule(
        "relations.release.attributive.v1",
        "released",
        r"(?P<s>{O})(?P<plan>{G}{{0,12}}?)(?:推出|发布|开源|上线|研发|自研)的{G}{{0,8}}?(?P<o>{R})",
        0.7,
        ("Organization",),
        ("Product",),
    ),
    Rule(
        "relations.release.owned_product.v1",
        "released",
        r"(?P<s>{O})(?:的)?(?:旗舰|首款|新一代|最新|新款|核心)?[^，。；！？,;!?：:{ANY}]{{0,10}}?(?P<o>{R})(?!的)"
        r"(?P<plan>{G}{{0,12}}?)(?:正式|首次)?(?:发布|上线|推出|亮相|开源)(?!{G}{{0,4}}的)",
        0.65,
        ("Organization",),
        ("Product",),
    ),
    Rule(
        "relations.release.its_product.v1",
        "released",
        r"(?P<s>{O})的(?:核心|首款|第一款|主要|旗舰|主打|明星|最新)?(?:产品|模型|应用)(?:之一)?(?:是|为|包括|有)"
        r"(?:[^，。；,;{ANY}]{{0,16}}?)(?P<o>{RL})",
        0.7,
        ("Organization",),
        ("Product",),
    ),
    Rule(
        "relations.release.later_clause.v1",
        "released",
        r"(?:[，,；;]|并)\s*(?:并|还|又|也|随后|同时|此后)?(?:同步|同时|相继|先后|再)?(?P<plan>{G}{{0,4}}?)(?:正式)?(?:推出|发布|上线|开源)了?{G}{{0,16}}?(?:{O})?(?P<o>{RL})",
        0.6,
        ("Organization",),
        ("Product",),
        topic_subject=True,
    ),
    Rule(
        "relations.release.product_first.v1",
        "released",
        r"(?:^|[，,；;])(?P<o>{R})(?P<plan>{G}{{0,12}}?)(?<!的)(?:正式)?(?:发布|上线|推出|亮相|开源)(?!{G}{{0,4}}的)",
        0.6,
        ("Organization",),
        ("Product",),
        topic_subject=True,
    ),
    # worksFor ------------------------------------------------------------------------
    Rule(
        "relations.works_for.title.v1",
        "worksFor",
        r"(?<!前)(?P<o>{O})\s*(?:的)?(?<!前)(?:另一位|另一名|新任|现任)?(?:(?:联合)?创始人[兼、])?(?P<role>(?:董事会|董事局)?{ROLE})(?:兼(?P<role2>{ROLE})|、(?:(?:前|原)?{O}(?:的)?)?{G}{{0,10}}?{ROLE})?\s*(?P<s>{P})",
        0.85,
        ("Person",),
    ),
    Rule(
        "relations.works_for.second_title.v1",
        "worksFor",
        r"(?<=、)(?P<o>{O})(?:的)?(?P<role>{ROLE})\s*(?P<s>{P})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.works_for.title_field.v1",
        "worksFor",
        r"(?<![前原])(?P<o>{O})(?P<role>(?:(?!与|和|同|向|对|从|在|被|将|把|给|投资|收购|合作|前|原|曾|旗下|宣布|表示|任命|中心|部|事业群|研究院|实验室|团队|分公司|工作室)[^，。；、的了来聘招挖请称说{ANY}\s]){{2,8}}?"
        r"(?:负责人|总经理|总监|总裁|主管|首席科学家|科学家|研究员|工程师|架构师))"
        r"(?:、(?:{O}(?:的)?)?{G}{{0,10}}?{ROLE})?(?P<s>{P})",
        0.65,
        ("Person",),
    ),
    Rule(
        "relations.works_for.copula.v1",
        "worksFor",
        r"(?P<s>{P}){G}{{0,4}}?(?<!曾)(?:现任|担任|出任|(?<!曾)任|是|为|至今仍担任|仍担任)(?P<o>{O})(?:的)?(?:部门|团队|事业部|事业群)?(?P<role>{ROLE})"
        r"(?:兼(?P<role2>{ROLE}))?",
        0.8,
        ("Person",),
    ),
    Rule(
        "relations.works_for.company_title.v1",
        "worksFor",
        # "接替X出任CTO的是Y": X is the one replaced, not the one who takes the post
        r"(?<!接替)(?<!接任)(?<!继任)(?P<s>{P}){G}{{0,4}}?(?<!曾)(?<!不再)(?:现任|担任|出任|接任|转任|改任)(?P<role>{ROLE})(?:兼(?P<role2>{ROLE}))?",
        0.6,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        # "孙建国已辞去公司总裁职务", "联合创始人赵一鸣不再担任CEO": a post left at the company in view
        "relations.left.post_topic.v1",
        "left",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,8}}?(?:辞去|卸任|不再担任|不再出任)(?:公司)?(?P<role>{ROLE})(?:及{G}{{0,6}}?)?"
        r"(?:职务|职位|一职)?(?!{G}{{0,4}}?{O})",
        0.65,
        ("Person",),
        topic_subject=True,
        salient_topic=True,  # 公司 is the company the text is about, not the last one named
    ),
    Rule(
        # "由邝翊帆和温筠共同创立，邝翊帆任CEO，温筠任CTO": the post each holds at the company in view
        "relations.works_for.post_held_topic.v1",
        "worksFor",
        r"(?:^|[，,；;])(?P<s>{P})(?:现|则|目前|分别)?(?:任|担任|出任)(?:公司)?(?P<role>{ROLE})(?=$|[，,。；;、]|兼)",
        0.65,
        ("Person",),
        topic_subject=True,
        salient_topic=True,
    ),
    Rule(
        # "公司董事会同时聘任安德烈·科瓦连科为新任CTO": the board of the company in view appoints
        "relations.works_for.board_appoints_topic.v1",
        "worksFor",
        r"(?:公司)?董事会{G}{{0,4}}?(?:聘任|任命|聘请|委任)(?P<s>{P})(?:\({P}\))?(?:为|担任|出任)(?:公司)?(?:新任)?"
        r"(?P<role>{ROLE})",
        0.7,
        ("Person",),
        topic_subject=True,
        salient_topic=True,
    ),
    Rule(
        # "X卸任CTO，转任首席科学家": a post left for another at the same company
        "relations.works_for.moved_post.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,12}}?(?:卸任|辞去|不再担任)(?:{G}{{0,10}}?)[，,]\s*(?:并|将|则|随后)?(?:转任|改任|转为)(?P<role>{ROLE})",
        0.6,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        # the person named in an earlier clause takes the post in a later one
        # ("周景明毕业于清华大学，目前担任公司CEO", "他于2024年3月加入微软并出任微软AI首席执行官")
        "relations.works_for.later_clause.v1",
        "worksFor",
        r"(?<![与和同、])(?P<s>{P})[^。！？{P}]{{0,40}}?(?:[，,；;]|并|后)\s*(?:目前|现|现在|如今|随后|此后|同时|至今)?(?:已|则|仍|仍然)?"
        r"(?<!曾)(?:担任|出任|转任|改任)(?P<o>{O})(?:的)?(?:部门|团队|事业部|事业群)?(?P<role>{ROLE})(?:兼(?P<role2>{ROLE}))?",
        0.65,
        ("Person",),
    ),
    Rule(
        "relations.works_for.appointed.v1",
        "worksFor",
        r"(?P<o>{O})[^。！？!?；;{P}]{{0,30}}?任命(?:了)?[^，。；{P}]{{0,16}}?(?P<s>{P})(?:\({P}\))?(?:为|担任|出任)"
        r"(?:公司)?(?:新任)?(?P<role>{ROLE})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.works_for.joined_as.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?(?P<plan>{G}{{0,10}}?)(?:正式)?(?:加入|加盟|入职)(?:了)?(?P<o>{O})[，,]?\s*(?:并|随后|后)?"
        r"(?:(?:出任|担任)(?P<role>{ROLE})|(?P<duty>负责[^，。；,;{P}]{{1,16}}?(?=[，。；,;]|$)))",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.works_for.capacity.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,6}}?以(?P<o>{O})(?:的)?(?P<role>{ROLE})(?:的)?身份",
        0.7,
        ("Person",),
    ),
    Rule(
        # "X仍将以顾问身份留在公司": staying on in another capacity
        "relations.works_for.stays_as.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?{S}{{0,24}}?以(?P<role>{ROLE})(?:的)?身份(?:继续)?留在(?P<o>{O})",
        0.65,
        ("Person",),
    ),
    Rule(
        "relations.works_for.apposition.v1",
        "worksFor",
        r"(?P<s>{P})[,，(（]\s*(?P<o>{O})(?:的)?(?P<role>{ROLE})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.works_for.possessive.v1",
        "worksFor",
        r"(?P<o>{O})的(?P<s>{P})(?![的和与])"
        r"(?=(?:\({P}\))?(?:[或和、及]{O}的{P}(?:\({P}\))?)*等{G}{{0,10}}?(?P<role>{ROLE}))?",
        0.55,
        ("Person",),
    ),
    Rule(
        "relations.works_for.lead.v1",
        "worksFor",
        r"(?:由|交由|交给)(?:{G}{{0,6}}?)(?P<s>{PL})(?:共同|一起|联合)?(?:(?P<role>负责{G}{{1,12}}?(?=[，。；,;而]|$))|领导|执掌|掌管|牵头|主管)",
        0.65,
        ("Person",),
        topic_subject=True,
    ),
    # joined --------------------------------------------------------------------------
    Rule(
        "relations.joined.verb.v1",
        "joined",
        r"(?P<s>{PL}){S}{{0,40}}?(?<!说服)(?<!劝)(?<!的)(?:正式)?(?:加入|加盟|入职|投奔|转投|跳槽至|跳槽到|回归|随团队并入|(?<!{O})(?<!{O}将)(?<!{O}已)(?<!{O}整体)并入)了?(?:{G}{{0,6}}?)"
        # "加盟马斯克旗下的xAI": the owner only places the company joined
        r"(?:{P}旗下(?:的)?)?(?P<o>{O})"
        r"(?:[，,]?\s*(?:并|随后)?(?:出任|担任)(?P<role>{ROLE}))?",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.joined.hire.v1",
        "joined",
        r"(?P<o>{O})(?P<plan>[^。！？!?；;{P}]{{0,30}}?)(?:聘请|聘用|招募了|招揽|挖来|吸纳|延揽|任命|请来|引入了|迎来)(?:了)?(?:其)?(?:[^，。；{P}]{{0,16}}?)(?P<s>{PL})(?![^。，]{{0,12}}在内)"
        r"(?:\({P}\))?(?:[，,]?(?:为|担任|出任)(?:公司)?(?:新任)?(?P<role>{ROLE}))?",
        0.7,
        ("Person",),
    ),
    Rule(
        # "X宣布离开英伟达，随后被理想汽车聘为首席科学家": a hire told from the person's side
        "relations.joined.hired_by.v1",
        "joined",
        r"(?P<s>{P})(?:\({P}\))?[^。！？!?{P}]{{0,40}}?被(?P<o>{O})(?:董事会)?(?:正式)?(?:聘为|聘请为|聘任为|聘请担任|延揽为|招募为|挖去担任)"
        # the post may name its field first ("聘为临床开发副总裁")
        r"(?:公司)?(?:新任)?(?P<role>{G}{{0,6}}?{ROLE})",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.works_for.appointed_by.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,12}}?被(?P<o>{O})(?:董事会)?(?:正式)?(?:任命为|委任为|提拔为|擢升为|推选为|选举为)"
        r"(?:公司)?(?:新任)?(?P<role>{ROLE})",
        0.75,
        ("Person",),
    ),
    Rule(
        # "极曜目前的智驾团队由今年7月加入的首席技术官苏景行领导": who joined the sentence's company
        "relations.joined.attributive.v1",
        "joined",
        r"(?:新|刚|刚刚|{G}{{0,8}}?)加入的(?P<role>{ROLE})\s*(?P<s>{P})",
        0.6,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        "relations.works_for.joined_attributive.v1",
        "worksFor",
        r"(?:新|刚|刚刚|{G}{{0,8}}?)加入的(?P<role>{ROLE})\s*(?P<s>{P})",
        0.6,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        "relations.joined.arrival.v1",
        "joined",
        r"(?P<s>{P})(?:\({P}\))?的(?:加盟|加入|入职|到来)",
        0.55,
        ("Person",),
        salient_object=True,
    ),
    Rule(
        "relations.joined.recruit.v1",
        "joined",
        r"(?P<o>{O}){S}{{0,40}}?将{S}{{0,20}}?(?P<s>{P}){G}{{0,12}}?(?:招至麾下|收入麾下|招入|纳入麾下|招致麾下)",
        0.75,
        ("Person",),
    ),
    Rule(
        # bylines: "界面新闻记者 | 宗雨桐", "【财新网】(记者 戴思源)"
        "relations.works_for.byline.v1",
        "worksFor",
        r"(?P<o>{O})[】\]]?[(（]?(?P<role>(?:特约|实习|首席|资深)?(?:记者|编辑|撰稿人|通讯员|评论员))[|｜丨/:：]?(?P<s>{P})",
        0.7,
        ("Person",),
    ),
    Rule(
        # "陈薇被任命为首席财务官": appointed by the company in view
        "relations.works_for.appointed_topic.v1",
        "worksFor",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,6}}?被(?:公司)?(?:董事会)?(?:正式)?(?:任命为|委任为|提拔为|擢升为|推选为|选举为|聘为|聘任为)"
        r"(?:公司)?(?:新任)?(?P<role>{ROLE})",
        0.65,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        # "董事长由招商银行首席信息官司马立群兼任", "总经理一职则由外部人选欧阳文韬出任"
        "relations.works_for.post_filled_by.v1",
        "worksFor",
        r"(?P<o>{O})(?:的)?(?P<role>{ROLE})(?:\([^()]{{1,8}}\))?(?:一职)?(?:则|将)?由"
        r"(?:{O}(?:的)?{ROLE}|{G}{{0,8}}?)(?P<s>{P})(?:\({P}\))?(?:出任|担任|兼任|接任)",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.works_for.post_filled_by_topic.v1",
        "worksFor",
        r"(?:^|[，,；;])(?:公司)?(?P<role>{ROLE})(?:\([^()]{{1,8}}\))?(?:一职)?(?:则|将)?由"
        r"(?:{O}(?:的)?{ROLE}|{G}{{0,8}}?)(?P<s>{P})(?:\({P}\))?(?:出任|担任|兼任|接任)",
        0.6,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        # "刚刚加盟OPPO的邝嘉铭"
        "relations.joined.attributive_named.v1",
        "joined",
        r"(?:新|刚|刚刚|近期|日前|今年)?(?:加盟|加入)(?P<o>{O})的{G}{{0,8}}?(?P<s>{P})",
        0.65,
        ("Person",),
    ),
    Rule(
        # "兰普勒和拉克鲁瓦则来自Meta", "A出身字节跳动": where someone comes from is what they left
        "relations.left.comes_from.v1",
        "left",
        r"(?P<s>{PL})(?:\({P}\))?(?:则|均|都|也|此前)?(?:来自|出身于|出身自|出身)(?P<o>{OL})(?![的{ANY}])",
        0.6,
        ("Person",),
    ),
    Rule(
        "relations.left.comes_from_omitted.v1",
        "left",
        r"(?:^|[，,；;])\s*(?:则|均|都|也|此前)?(?:出身于|出身自|出身)(?P<o>{O})(?![的{ANY}])",
        0.55,
        ("Person",),
        person_topic=True,
    ),
    # left ----------------------------------------------------------------------------
    Rule(
        "relations.left.former.v1",
        "left",
        r"(?P<o>{O})(?:的)?(?:前|原)(?:任)?{G}{{0,8}}?(?P<role>{ROLE})\s*(?P<s>{P})",
        0.8,
        ("Person",),
    ),
    Rule(
        "relations.left.former_topic.v1",
        "left",
        r"(?:^|[，,；;])(?:其|公司)?(?:前|原)(?:任)?(?P<role>{ROLE})\s*(?P<s>{P})(?:{G}{{0,12}}?)(?:离职|卸任|辞职|辞去|离开|转任|退休|将转任|改任)",
        0.7,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        "relations.left.former_copula.v1",
        "left",
        r"(?P<s>{P}){G}{{0,6}}?(?:则是|是|为)(?P<o>{O})的?(?:前|原)(?:任)?(?P<role>{G}{{0,6}}?(?:{ROLE}|专家))",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.left.earlier.v1",
        "left",
        r"(?P<s>{P})[^。！？!?{P}]{{0,40}}?(?:此前|之前|早年|曾经|曾先后|先后|曾)(?:还|也)?(?:曾)?(?:在|于|任职于|就职于|供职于)(?P<o>{OL})"
        r"(?:(?:担任|任)(?P<role>{G}{{0,8}}?{ROLE})|担任|负责|从事|任|工作)",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.left.earlier_post.v1",
        "left",
        r"(?P<s>{P})[^。！？!?{P}]{{0,40}}?(?:此前|之前|早年|曾经|曾)(?:还|也)?(?:曾)?(?:任|担任|出任)(?P<o>{O})(?:的)?"
        r"(?P<role>{G}{{0,8}}?(?:{ROLE}|专家))",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.left.former_before.v1",
        "left",
        r"(?:前|原)(?:任)?(?P<o>{O})(?:的)?(?P<role>{G}{{0,8}}?(?:{ROLE}|专家))(?:、{G}{{0,10}}?)?\s*(?P<s>{PL})",
        0.75,
        ("Person",),
    ),
    Rule(
        # "曾任AMD高级副总裁的英国工程师詹姆斯·霍尔": a past post as an attribute of the person
        "relations.left.once_attributive.v1",
        "left",
        r"曾(?:经)?(?:任|担任|出任)(?P<o>{O})(?:的)?(?P<role>{G}{{0,8}}?{ROLE})的{G}{{0,10}}?(?P<s>{P})",
        0.7,
        ("Person",),
    ),
    Rule(
        # "智谱AI从谷歌DeepMind挖来了研究科学家韩牧之": where a hire comes from is what the person left
        "relations.left.poached.v1",
        "left",
        r"从(?P<o>{O})(?:挖来|挖角|招来|请来|引进|跳槽)(?:了)?(?:(?P<role>{G}{{0,8}}?{ROLE})|{G}{{0,12}}?)(?P<s>{P})",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.left.once.v1",
        "left",
        r"(?P<s>{P}){G}{{0,8}}?曾(?:经)?(?:任|担任|出任|在|就职于|供职于|任职于)(?P<o>{O})(?:的)?{G}{{0,4}}?(?P<role>{ROLE})?",
        0.7,
        ("Person",),
    ),
    Rule(
        # "X在腾讯工作了八年，去年年底离职": years at a company, then leaving it
        "relations.left.worked_then_left.v1",
        "left",
        r"(?P<s>{P})(?:\({P}\))?{G}{{0,6}}?在(?P<o>{O})(?:工作|任职|就职|供职)(?:了)?{G}{{0,8}}?[，,]?\s*{G}{{0,10}}?(?:离职|辞职|离开)",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.left.from.v1",
        "left",
        r"(?P<s>{P}){S}{{0,20}}?从(?P<o>{O})(?:离职|辞职|离开|退休|出走)",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.left.verb.v1",
        "left",
        r"(?P<s>{P}){S}{{0,40}}?(?:卸任|辞去|辞任|离开|离职|退出|辞职|告别|离任)(?:了)?"
        r"(?:(?!后|之后|加入|加盟|入职|投奔|转投|并){G}){{0,14}}?(?P<o>{O})(?:的)?\s*(?P<role>{ROLE})?",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.left.title_then_leaves.v1",
        "left",
        r"(?<![前原])(?P<o>{O})(?:的)?(?:(?:联合)?创始人[兼、])?(?![前原])(?P<role>{G}{{0,8}}?{ROLE})\s*(?P<s>{P})(?:\({P}\))?"
        r"{G}{{0,12}}?(?:离职|辞职|卸任|离开|退休|出走|辞去{G}{{0,6}}?(?:职务|职位|一职))(?!{G}{{0,6}}?{O})",
        0.75,
        ("Person",),
    ),
    Rule(
        # "X被微软董事会罢免", "X被董事会解除首席执行官职务" (the board of the company in view)
        "relations.left.board.v1",
        "left",
        r"(?P<s>{P}){G}{{0,12}}?被(?P<o>{O})(?:的)?董事会(?:正式)?(?:罢免|免职|解雇|开除|解除(?P<role>{ROLE})?(?:职务|职位|一职)?)",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.left.board_topic.v1",
        "left",
        r"(?P<s>{P}){G}{{0,12}}?被(?:公司)?董事会(?:正式)?(?:罢免|免职|解雇|开除|解除(?P<role>{ROLE})?(?:职务|职位|一职)?)",
        0.65,
        ("Person",),
        topic_subject=True,
    ),
    Rule(
        "relations.left.fired.v1",
        "left",
        r"(?P<s>{P}){G}{{0,8}}?被(?P<o>{O})(?:解雇|开除|辞退|罢免|免职|解职)",
        0.8,
        ("Person",),
    ),
    # educatedAt ----------------------------------------------------------------------
    Rule(
        "relations.educated_at.v1",
        "educatedAt",
        r"(?P<s>{P}){S}{{0,20}}?(?:毕业于|就读于|求学于|考入|肄业于|就读)(?P<o>{O})",
        0.8,
        ("Person",),
    ),
    Rule(
        "relations.educated_at.degree_title.v1",
        "educatedAt",
        r"(?<![前从在于])(?P<o>{O})(?:的)?{G}{{0,6}}?(?:博士|硕士|本科生|博士生|研究生|校友|毕业生|MBA)(?:毕业生)?\s*(?P<s>{P})",
        0.65,
        ("Person",),
        object_kinds=("University",),  # "腾讯博士李文涛" names no school
    ),
    Rule(
        # "王立群是浙江大学计算机方向博士": a degree from a school, said of the person
        "relations.educated_at.copula.v1",
        "educatedAt",
        r"(?P<s>{P}){G}{{0,4}}?(?:是|为|系)(?P<o>{O})(?:的)?{G}{{0,8}}?(?:博士|硕士|本科生|博士生|研究生|校友|毕业生)(?!后)",
        0.7,
        ("Person",),
        object_kinds=("University",),
    ),
    Rule(
        "relations.educated_at.degree.v1",
        "educatedAt",
        r"(?P<s>{P}){S}{{0,24}}?(?:获得|取得|拿到|获)(?:了)?(?P<o>{O}){G}{{0,14}}?(?:学位|学士|硕士|博士|MBA)",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.educated_at.abroad.v1",
        "educatedAt",
        r"(?P<s>{P}){S}{{0,24}}?(?:赴|前往|进入|就读|考入|保送){G}{{0,4}}?(?P<o>{O})(?:交换|留学|深造|攻读|学习|读书|求学|就读)",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.educated_at.at.v1",
        "educatedAt",
        r"(?P<s>{P}){S}{{0,24}}?在(?P<o>{O})(?:获得|取得|攻读|完成)(?:了)?{G}{{0,14}}?(?:学位|学士|硕士|博士|学业)",
        0.75,
        ("Person",),
    ),
    Rule(
        "relations.educated_at.graduated.v1",
        "educatedAt",
        r"(?P<s>{P}){G}{{0,6}}?在(?P<o>{O})(?:毕业|就读|读书|求学|读完)",
        0.7,
        ("Person",),
    ),
    Rule(
        "relations.educated_at.from.v1",
        "educatedAt",
        r"(?P<s>{P}){S}{{0,20}}?从(?P<o>{O})(?:博士|硕士|本科|研究生)?(?:辍学|退学|毕业|肄业)",
        0.8,
        ("Person",),
    ),
    # investedIn ----------------------------------------------------------------------
    Rule(
        "relations.investment.verb.v1",
        "investedIn",
        r"(?P<s>{OL})(?P<plan>{G}{{0,20}}?){NOT}"
        + _INVEST
        # "旗下投资平台X" names an investing arm, not an investment in X
        + r"(?!平台|机构|部门|基金|公司|主体|人|方|者|部|团队|子公司)"
        + r"(?:了)?{G}{{0,8}}?(?P<o>{OL})(?!的?{G}{{0,4}}(?:公司)?(?:人才|员工|团队))",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        "relations.investment.toward.v1",
        "investedIn",
        r"(?P<s>{O}){S}{{0,20}}?(?:向|对){G}{{0,16}}?(?P<o>{O}){G}{{0,24}}?" + _INVEST,
        0.8,
        ("Organization", "Person"),
    ),
    Rule(
        "relations.investment.deal.v1",
        "investedIn",
        r"(?P<s>{O}){G}{{0,20}}?投资协议{S}{{0,12}}?(?:换取|获得|取得|收购)(?P<o>{O})",
        0.8,
        ("Organization", "Person"),
    ),
    Rule(
        "relations.investment.received.v1",
        "investedIn",
        r"(?P<o>{O}){G}{{0,10}}?(?:获得|获)(?:了)?(?P<s>[{O}{P}](?:{SEP}[{O}{P}])*)(?:等)?(?:的)?{G}{{0,16}}?(?:投资|注资)",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        # "红杉中国领投了Vecta Labs的B轮融资"
        "relations.investment.led_round.v1",
        "investedIn",
        r"(?P<s>{OL})(?P<plan>{G}{{0,6}}?)(?:领投|主导|独家投资)(?:了)?(?P<o>{O})(?:的)?{G}{{0,12}}?(?:融资|投资)",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        "relations.investment.joined_round.v1",
        "investedIn",
        r"(?P<s>{OL})(?P<plan>{G}{{0,6}}?)(?:参投|跟投|参与)(?:了)?(?P<o>{O})(?:的)?{G}{{0,12}}?(?:融资|投资)",
        0.7,
        ("Organization", "Person"),
        no_amount=True,
    ),
    Rule(
        "relations.investment.stake.v1",
        "investedIn",
        r"(?P<s>{O}){G}{{0,6}}?入股(?P<o>{O})(?:[，,]\s*持股)?{G}{{0,6}}?[0-9.]+\s*[%％]",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        # a stake held says nothing of a sum paid: the sentence's sum is another deal's
        "relations.investment.holds.v1",
        "investedIn",
        # ("IDG资本和红杉中国分别持有柚见约8.6%和6.2%的股份": each holds a stake)
        r"(?P<s>{OL})(?:分别|各自|各)?{G}{{0,6}}?(?:持有|持股)(?P<o>{O}){G}{{0,6}}?[0-9.]+\s*[%％]",
        0.75,
        ("Organization", "Person"),
        stake_only=True,
    ),
    Rule(
        "relations.investment.stake_purchase.v1",
        "investedIn",
        r"(?P<s>{OL}){G}{{0,20}}?(?:收购|购买|买入|认购|受让|增持)(?:了)?(?:{G}{{0,8}}?(?:企业|公司|厂商|平台))?"
        r"(?P<o>{O})(?:{G}{{0,4}}?)[0-9.]+\s*[%％]",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        # "宁德时代出资12亿元，取得衡川20%的股权": money paid for a stake
        "relations.investment.paid_for_stake.v1",
        "investedIn",
        r"(?P<s>{O}){G}{{0,16}}?(?:出资|投入|注资|斥资){G}{{0,12}}?[，,]?\s*(?:以)?(?:取得|获得|换取|持有)(?P<o>{O})"
        r"{G}{{0,4}}?[0-9.]+\s*[%％]",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        # "A以5000万美元认购B新发行的股份"
        "relations.investment.subscribes.v1",
        "investedIn",
        r"(?P<s>{O}){G}{{0,8}}?以{G}{{0,12}}?认购(?:了)?(?P<o>{O})(?:新发行|增发|发行)?的{G}{{0,4}}?(?:股份|股权|股票|新股)",
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        # "估值达150亿元，其中大基金二期单独出资8亿元": one investor's part of the round in view
        "relations.investment.part_of_round.v1",
        "investedIn",
        r"(?:^|[，,；;])其中(?P<s>{O}){G}{{0,6}}?(?:单独|独家)?(?:出资|投资|投入|认购)(?:了)?(?:约|近|超过|逾)?[0-9]",
        0.65,
        ("Organization", "Person"),
        topic_object=True,
    ),
    Rule(
        # "本轮融资中，红杉中国与问鼎投资各出资约4亿元", "国投创业出资8亿元，交易完成后持股约6.5%":
        # what each investor put into the company in view (not a joint venture they set up)
        "relations.investment.put_in_topic.v1",
        "investedIn",
        r"(?:^|[，,；;：:])(?:其中|本轮(?:融资)?中|此次|本次|此轮)?[，,]?(?:(?P<s>{O})|(?P<s2>{OL})各)"
        r"(?:单独|独家)?(?:出资|投资|投入|注资)(?:了)?(?:约|近|超过|逾)?[0-9]"
        r"(?![^，。；]*?(?:设立|成立|组建|共建|合资|收购|建设))",
        0.65,
        ("Organization", "Person"),
        topic_object=True,
        salient_topic=True,
    ),
    Rule(
        # "高瓴资本、淡马锡和腾讯共同认购了约7500万美元的发售股份": the sum is theirs together
        "relations.investment.subscribed_together.v1",
        "investedIn",
        r"(?:^|[，,；;：:])(?P<s>{OL})(?:共同|合计|联合|一同)(?:认购|出资|投资)(?:了)?{G}{{0,16}}?(?:股份|股票|新股|融资|份额)",
        0.65,
        ("Organization", "Person"),
        topic_object=True,
        salient_topic=True,
        no_amount=True,
    ),
    Rule(
        # "公司曾获礼来亚洲基金、君联资本等机构投资": investors of the company in view
        "relations.investment.received_topic.v1",
        "investedIn",
        r"(?:^|[，,；;])(?:公司|该公司|其)?(?:此前|曾|已|先后|还|也)*(?:获得|获)(?:了)?"
        r"(?P<s>[{O}{P}](?:{SEP}[{O}{P}])*)(?:等)?(?:的)?{G}{{0,6}}?(?:投资|注资|入股)(?!人|方|机构|者)",
        0.65,
        ("Organization", "Person"),
        topic_object=True,
        salient_topic=True,
        no_amount=True,
    ),
    Rule(
        # "阿里巴巴对月之暗面、MiniMax的投资": each one listed received it
        "relations.investment.toward_list.v1",
        "investedIn",
        r"(?P<s>{O})(?:对|向)(?P<o>{OL})(?:等{G}{{0,6}}?)?的{G}{{0,6}}?(?:战略投资|投资|注资)(?!人|方|机构|者|部|平台)",
        0.7,
        ("Organization", "Person"),
    ),
    Rule(
        # "并称腾讯投资本轮完成后持股比例约为8%": the stake it holds in the company in view
        "relations.investment.holds_topic.v1",
        "investedIn",
        r"(?P<s>{O}){G}{{0,10}}?(?:持股比例|持股|持有股份)(?:将)?(?:约为|约|达到|达|升至|为){{0,2}}[0-9.]+\s*[%％]",
        0.6,
        ("Organization", "Person"),
        topic_object=True,
        stake_only=True,
    ),
    Rule(
        "relations.investment.backers.v1",
        "investedIn",
        r"(?P<o>{O})(?:的)?{G}{{0,6}}?(?<!竞争)(?:股东|投资方|投资人|投资者|投资机构|出资方)(?:名单)?(?:则|还|也|主要|目前)?"
        r"(?:包括|有|涵盖|囊括|是|为)(?:{G}{{0,10}}?[，,、]\s*(?:以及|还有|和))?(?P<s>{OL})",
        0.75,
        ("Organization", "Person"),
        no_amount=True,
    ),
    Rule(
        # "腾讯和红杉中国都是京东的股东"
        "relations.investment.is_backer.v1",
        "investedIn",
        r"(?P<s>{OL}){G}{{0,4}}?(?:都是|均为|均是|是|为|成为)(?P<o>{O})的{G}{{0,6}}?(?<!竞争)(?:股东|投资方|投资人|投资者|出资方)",
        0.75,
        ("Organization", "Person"),
        no_amount=True,
    ),
    Rule(
        "relations.investment.backers_topic.v1",
        "investedIn",
        r"(?:^|[，,；;：:])(?:目前|此外|同时|公司)?[，,]?{G}{{0,6}}?(?<!竞争)(?:股东|投资方|投资人|投资机构|出资方)(?:名单)?(?:则|还|也|主要)?"
        r"(?:包括|涵盖|囊括)(?:{G}{{0,10}}?[，,、]\s*(?:以及|还有|和))?(?P<s>{OL})",
        0.65,
        ("Organization", "Person"),
        topic_object=True,
        no_amount=True,
    ),
    Rule(
        # "转让方包括创始人郑启航以及早期投资方深创投": an investor named by what it is
        "relations.investment.backer_named.v1",
        "investedIn",
        r"(?:(?P<o>{O})(?:的)?|(?:^|[，,；;：:、和及]))(?:早期|天使轮|老|原|现有|主要|最大|第一大|A轮|B轮)?"
        # (a round's investors are the round's: "老股东C继续加注" is read with the round)
        r"(?:投资方|投资人|投资机构|出资方|股东)(?P<s>{O})"
        r"(?!(?:{SEP}{O})*{G}{{0,4}}?(?:旗下|的|领投|跟投|参投|继续|追加|加注|参与))",
        0.6,
        ("Organization", "Person"),
        topic_object=True,
        no_amount=True,
    ),
    Rule(
        # "公司实际控制人岑国栋": a controller holds the company's shares
        "relations.investment.controller.v1",
        "investedIn",
        r"(?:(?P<o>{O})(?:的)?|(?:^|[，,；;：:、和及]))(?:实际控制人|实控人|控股股东)(?:为|是)?(?P<s>{P})",
        0.6,
        ("Organization", "Person"),
        topic_object=True,
        no_amount=True,
    ),
    Rule(
        "relations.investment.vehicle.v1",
        "investedIn",
        r"通过(?:其|旗下)(?:的)?{G}{{0,8}}?(?P<s>{O})(?:向|对)(?P<o>{O}){G}{{0,24}}?" + _INVEST,
        0.75,
        ("Organization", "Person"),
    ),
    Rule(
        "relations.part_of.vehicle.v1",
        "partOf",
        r"(?P<o>{O}){G}{{0,6}}?通过(?:其|旗下)(?:的)?(?:投资平台|投资机构|投资公司|子公司|基金|产业基金|投资部门|全资子公司){G}{{0,4}}?(?P<s>{O})",
        0.7,
    ),
    Rule(
        "relations.investment.via.v1",
        "investedIn",
        r"(?:通过|借助)入股(?P<o>{O}){S}{{0,20}}?[，,](?P<s>{O})",
        0.7,
        ("Organization", "Person"),
    ),
    # acquired ------------------------------------------------------------------------
    Rule(
        "relations.acquisition.v1",
        "acquired",
        r"(?<!当)(?P<s>{O})(?P<plan>{G}{{0,12}}?){NOT}(?<!而非直接)(?<!并非直接)(?:全资)?(?:收购|并购|买下|吞并|收归)(?:了)?(?:[^，。；,;的{ANY}]{{0,8}}?)(?P<o>{O})(?!{G}{{0,4}}[0-9.]+\s*[%％])(?!{G}{{0,4}}时)",
        0.75,
    ),
    Rule(
        # "…，在今年初全资收购了德国灵巧手公司Feinhand": the company in view buys
        "relations.acquisition.topic.v1",
        "acquired",
        r"(?:^|[，,；;])(?:并|还|也|此前|随后|此外|同时)?(?:于|在)?{G}{{0,8}}?{NOT}(?:全资)?(?:收购|并购|买下)(?:了)?"
        r"(?:[^，。；,;的{ANY}]{{0,8}}?(?:公司|厂商|企业|工作室|平台|品牌|开发商))?(?P<o>{O})(?!{G}{{0,4}}[0-9.]+\s*[%％])",
        0.65,
        topic_subject=True,
    ),
    Rule(
        "relations.acquisition.completed.v1",
        "acquired",
        r"(?P<s>{O})(?P<plan>[^。；;{ANY}]{{0,16}}?){NOT}(?:完成|宣布完成|已完成)(?:了)?对{G}{{0,16}}?(?P<o>{O})(?:的)?(?:全资|整体|全面)?(?:收购|并购)",
        0.8,
    ),
    Rule(
        # "英伟达将Run:ai收入囊中" (将 marks the object here, not the future)
        "relations.acquisition.taken_in.v1",
        "acquired",
        r"(?P<s>{O})(?P<plan>{G}{{0,10}}?){NOT}(?:成功|正式)?将{G}{{0,8}}?(?P<o>{O}){G}{{0,8}}?(?:收入囊中|纳入麾下|收归旗下|收入麾下)",
        0.75,
    ),
    Rule(
        # "软银将Arm出售给英伟达": the buyer acquired it (a share sold is an investment, not this)
        "relations.acquisition.sold_to.v1",
        "acquired",
        r"将(?:其|旗下)?(?:{G}{{0,10}}?)?(?P<o>{O})(?![^，。{ANY}]{{0,12}}(?<![0-9.])(?!100\s*[%％])[0-9.]+\s*[%％])"
        r"(?P<plan>{G}{{0,8}}?)(?:整体)?(?:出售|卖|转让)给(?:了)?(?P<s>{O})",
        0.7,
    ),
    Rule(
        "relations.acquisition.passive.v1",
        "acquired",
        r"(?P<o>{O}){G}{{0,6}}?被(?P<s>{O}){G}{{0,12}}?(?:全资)?(?:收购|并购|吞并|收入囊中|买下)",
        0.8,
    ),
    # partnersWith --------------------------------------------------------------------
    Rule(
        "relations.partnership.v1",
        "partnersWith",
        r"(?P<s>{O}){G}{{0,24}}?(?<!终止)(?<!结束)(?<!停止)(?<!中止)(?<!终止了)(?<!结束了)(?<!停止了)(?<!中止了)(?:与|和|同|跟)(?P<o>{OL})(?!{G}{{0,10}}?(?:终止|结束|中止|停止|解除)){G}{{0,10}}?(?:达成|建立|签署|签订|开展|展开|宣布)?{G}{{0,6}}?(?:战略)?(?:合作|联合开发|共同开发|结盟|联手|携手|许可协议|授权协议|合资协议|合资合同)(?!关系的)"
        r"(?!{G}{{0,10}}?(?:终止|结束|中止|告终|破裂))",
        0.7,
    ),
    Rule(
        "relations.partnership.topic.v1",
        "partnersWith",
        r"(?:^|[，,；;])(?:并|还|也|同时|此后|随后|转而|进而|继而|又)?(?:于{G}{{0,10}}?)?(?:与|和|同)(?:{G}{{0,6}}?公司)?(?P<o>{OL}){G}{{0,6}}?"
        r"(?:合作|联合开发|共同开发|联手|携手|(?:达成|签署|签订){G}{{0,4}}?(?:许可协议|授权协议))",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "目前公司转向与火山引擎合作": the company in view turns to a new partner
        "relations.partnership.turns_to.v1",
        "partnersWith",
        r"(?:^|[，,；;])(?:目前|如今|此后|随后|现)?(?:公司|其|该公司)?(?:转向|改为|改由|改而)(?:与|和|同)(?P<o>{OL}){G}{{0,6}}?"
        r"(?:合作|联手|携手)",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "阿斯利康此前从诚益生物引进了ECC5004": a licence taken in binds the two
        "relations.partnership.licensed_in.v1",
        "partnersWith",
        r"(?P<s>{O}){G}{{0,16}}?{NOT}从(?P<o>{O}){G}{{0,4}}?(?:引进|引入|授权引进|获得{G}{{0,6}}?(?:授权|许可))"
        r"(?!{G}{{0,10}}?(?:人才|高管|团队|专家|研究员|工程师|骨干))",  # people hired are no licence
        0.65,
    ),
    Rule(
        "relations.partnership.joint_body.v1",
        "partnersWith",
        r"(?P<s>{O})(?P<plan>{G}{{0,12}}?)(?:与|和|同|联合)(?P<o>{OL}){G}{{0,6}}?"
        r"(?:共建|合建|共同建立|联合建立|共同成立|联合成立|合资成立|共同组建|联合组建|共同设立|联合设立)",
        0.7,
    ),
    Rule(
        # headlines and leads: "驰远智驾牵手比亚迪", "腾讯联手京东"
        "relations.partnership.verb_object.v1",
        "partnersWith",
        r"(?P<s>{O})(?P<plan>{G}{{0,6}}?)(?:正式|宣布)?(?:牵手|携手|联手|结盟)(?P<o>{OL})",
        0.7,
    ),
    Rule(
        # "小米的合作伙伴包括徕卡和高通"
        "relations.partnership.partners_listed.v1",
        "partnersWith",
        r"(?P<s>{O})(?:的)?{G}{{0,8}}?(?:合作伙伴|合作方)(?:之一)?(?:则|还|也|主要)?(?:包括|有|是|为)(?P<o>{OL})",
        0.7,
    ),
    Rule(
        "relations.partnership.with.v1",
        "partnersWith",
        r"(?P<s>{O})(?:与|和|同)(?P<o>{O})(?:宣布|正式)?(?:达成|建立)?(?:战略)?(?:合作|结盟|联手)",
        0.75,
    ),
    # endedPartnershipWith ------------------------------------------------------------
    Rule(
        "relations.partnership_end.v1",
        "endedPartnershipWith",
        r"(?P<s>{O}){G}{{0,14}}?(?:终止|结束|中止|停止|暂停|切断|叫停|取消)(?:了)?(?:与|和|同){G}{{0,6}}?(?P<o>{O})(?:之间)?(?:的)?{G}{{0,14}}?(?:合作|关系|合同|协议|业务|往来|项目)",
        0.8,
    ),
    Rule(
        # "公司去年9月终止了与广汽埃安的联合开发项目": the company in view ends it
        "relations.partnership_end.topic.v1",
        "endedPartnershipWith",
        r"(?:^|[，,；;])(?:公司|其|该公司)?{G}{{0,12}}?(?:终止|结束|中止|解除)(?:了)?(?:与|和|同)(?P<o>{O})(?:之间)?(?:的)?"
        r"{G}{{0,14}}?(?:合作|合同|协议|项目)",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "A已停止使用B旗下C的云服务": a customer that stops buying ends the relationship
        "relations.partnership_end.stops_using.v1",
        "endedPartnershipWith",
        r"(?P<s>{O}){G}{{0,8}}?(?:停止使用|不再使用|停用|弃用|终止使用|停止采购|不再采购)(?P<o>{OL})(?:的|提供的)?"
        r"{G}{{0,10}}?(?:服务|云服务|产品|芯片|方案|平台|技术|系统|模型)",
        0.7,
    ),
    Rule(
        # "A此前与B在智慧城市项目上的合作已于9月终止"
        "relations.partnership_end.ended.v1",
        "endedPartnershipWith",
        r"(?P<s>{O}){G}{{0,8}}?(?:与|和|同)(?P<o>{O})(?:之间)?{G}{{0,16}}?的?(?:合作(?:关系|项目)?|合资项目|联合开发项目|合作开发项目)"
        r"{G}{{0,10}}?(?:终止|结束|中止|告终|破裂)",
        0.75,
    ),
    Rule(
        "relations.partnership_end.split.v1",
        "endedPartnershipWith",
        # "与合作多年的末端配送服务商丰驿科技分道扬镳": the partner may be described before its name
        r"(?P<s>{O}){G}{{0,8}}?(?:与|和|对)(?:{G}{{0,14}}?(?:公司|企业|商|伙伴|平台))?(?P<o>{O})(?:的)?{G}{{0,6}}?"
        r"(?:决裂|分道扬镳|断绝关系|切割)",
        0.7,
    ),
    Rule(
        # "新机延续与哈苏的合作"
        "relations.partnership.continued.v1",
        "partnersWith",
        r"(?:延续|继续|深化|加深|扩大|拓展|加强|巩固)(?:了)?(?:与|和|同)(?P<o>{OL})(?:之间)?的{G}{{0,8}}?合作",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "《雾港》的海外发行由发行商Lumen Arc负责"
        "relations.partnership.handled_by.v1",
        "partnersWith",
        r"(?:^|[，,；;的])(?:海外|国内|全球|国际|日本|北美)?(?:发行|代理|分销|联运)(?:工作|业务)?(?:则|将|均)?由{G}{{0,16}}?(?P<o>{O})"
        r"(?:负责|承担|代理)",
        0.6,
        topic_subject=True,
    ),
    Rule(
        # "曜行汽车已于去年底与驭图智能终止了合作"
        "relations.partnership_end.with_first.v1",
        "endedPartnershipWith",
        r"(?P<s>{O}){G}{{0,14}}?(?:与|和|同)(?P<o>{O}){ALIAS}(?:之间)?{G}{{0,6}}?(?:终止|结束|中止|解除)(?:了)?{G}{{0,14}}?"
        r"(?:合作|合同|协议|关系)",
        0.75,
    ),
    Rule(
        "relations.partnership_end.with_first_topic.v1",
        "endedPartnershipWith",
        r"(?:^|[，,；;])(?:公司|其)?{G}{{0,10}}?(?:与|和|同)(?P<o>{O}){ALIAS}(?:之间)?{G}{{0,6}}?(?:终止|结束|中止|解除)(?:了)?{G}{{0,14}}?"
        r"(?:合作|合同|协议|关系)",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "保荐机构为中信证券": the adviser of the company in view
        "relations.customer.adviser_named.v1",
        "customerOf",
        r"(?:^|[，,；;])(?:本次|本轮|此次)?(?:发行|上市|IPO|交易)?(?:的)?(?:独家|联席)?"
        r"(?:保荐机构|保荐人|财务顾问|法律顾问|主承销商|承销商|审计机构)(?:为|是)(?P<o>{OL})",
        0.65,
        topic_subject=True,
    ),
    # customerOf (subject = customer, object = supplier) -------------------------------
    Rule(
        "relations.customer.provide.v1",
        "customerOf",
        r"(?:^|(?P<o>{O}))[^。！？!?]{{0,40}}?(?:为|向)(?:包括)?(?P<s>{OL})(?:等{G}{{0,8}}?|在内的{G}{{0,14}}?)?提供{G}{{0,16}}?(?:服务|产品|数据|技术|解决方案|支持|算力|芯片)",
        0.7,
        topic_object=True,
    ),
    Rule(
        "relations.customer.list.v1",
        "customerOf",
        r"(?P<o>{O})(?:的)?{G}{{0,14}}?(?:客户|用户|买家)(?:之一)?(?:则|还|也|主要)?(?:[，,]\s*其中)?"
        # "客户主要为商业卫星公司，包括A和B": the kind of customer, then who they are
        r"(?:包括|有|涵盖|囊括|覆盖|名单包括|是|为)(?:{G}{{0,14}}?[，,、]\s*(?:以及|还有|和|(?:其中)?包括)|[^，。；{O}]{{1,10}}?的)?"
        r"(?P<s>{OL})",
        0.8,
    ),
    Rule(
        # "企业端客户则包括A和B": the supplier is the company the sentence (or text) is about
        "relations.customer.list_topic.v1",
        "customerOf",
        r"(?:^|[，,；;：:])(?:目前|此外|同时)?[，,]?{G}{{0,6}}?(?<!竞争)(?<!合作)(?:客户|用户|买家)(?:则|还|也|主要|将|预计将)?"
        r"(?:包括|有|涵盖|囊括|覆盖)(?:{G}{{0,14}}?[，,、]\s*(?:以及|还有|和))?(?P<s>{OL})",
        0.65,
        topic_object=True,
    ),
    Rule(
        "relations.customer.copula.v1",
        "customerOf",
        r"(?P<s>{OL}){G}{{0,6}}?(?:都是|均为|是|为|成为)(?P<o>{O})(?:的)?(?:{G}{{0,12}}?的)?{G}{{0,6}}?(?<!竞争)(?:客户|用户|买家)",
        0.8,
    ),
    Rule(
        "relations.customer.supplier.v1",
        "customerOf",
        r"(?P<o>{O}){G}{{0,8}}?(?:是|为|成为)(?P<s>{OL})(?:等{G}{{0,6}}?)?的{G}{{0,6}}?(?:供应商|代工厂|服务商|供货商)",
        0.75,
    ),
    Rule(
        "relations.customer.supplier_topic.v1",
        "customerOf",
        r"[，,；;]\s*(?:也|还|同时|目前|已)?(?:是|为|成为)(?P<s>{OL})(?:等{G}{{0,6}}?)?的{G}{{0,6}}?(?:供应商|代工厂|服务商|供货商)",
        0.65,
        topic_object=True,
    ),
    Rule(
        "relations.customer.adviser.v1",
        "customerOf",
        r"(?P<o>{O}){G}{{0,4}}?(?:担任|出任|作为|是|为)(?P<s>{O})(?:的)?{G}{{0,6}}?"
        r"(?:财务顾问|法律顾问|承销商|保荐机构|保荐人|审计机构|独家顾问)",
        0.7,
    ),
    Rule(
        "relations.customer.adviser_topic.v1",
        "customerOf",
        r"(?P<o>{O}){G}{{0,4}}?(?:担任|出任|作为)(?:本轮|本次|此次|该轮|此轮|这次|这笔|该笔)?(?:融资|交易|收购|发行)?(?:的)?"
        r"(?:独家|联合|首席)?(?:财务顾问|法律顾问|承销商|保荐机构|保荐人|顾问)",
        0.65,
        topic_subject=True,
    ),
    Rule(
        # "蓝峰储能的储能系统长期采用宁德时代的电芯": who uses another company's goods buys them
        "relations.customer.uses_goods.v1",
        "customerOf",
        r"(?P<s>{O})(?:的{G}{{0,8}}?)?(?P<plan>{G}{{0,6}}?){NOT}(?:采用|使用|选用|搭载|标配|配备|首发|采购|购买|接入|部署)(?:了)?(?P<o>{O})"
        r"(?:的|提供的|供应的|生产的)(?:{G}{{0,10}}?)(?:芯片|电芯|电池|模组|传感器|激光雷达|计算平台|云服务|算力|模型|大模型|产品|服务|方案|解决方案|技术|系统|平台|设备|零部件|屏幕|面板)",
        0.65,
    ),
    Rule(
        # "比亚迪的供应商包括宁德时代和欣旺达"
        "relations.customer.suppliers_listed.v1",
        "customerOf",
        r"(?P<s>{O})(?:的)?{G}{{0,8}}?(?:供应商|代工厂|代工商|供货商)(?:之一)?(?:则|还|也|主要)?(?:包括|有|是|为)(?P<o>{OL})",
        0.75,
    ),
    Rule(
        # "宁德时代为宝马、奔驰供货"
        "relations.customer.supplies.v1",
        "customerOf",
        r"(?P<o>{O})(?P<plan>{G}{{0,10}}?){NOT}(?:为|向)(?P<s>{OL})(?:等{G}{{0,6}}?)?(?:供货|供应{G}{{0,8}}|批量供货|独家供货|代工)",
        0.7,
    ),
    Rule(
        # "其快充芯片已进入小米、OPPO等手机厂商的供应链": a supplier enters its customers' supply chain
        "relations.customer.supply_chain.v1",
        "customerOf",
        r"(?:^|[，,；;]|(?P<o>{O}))(?:{G}{{0,12}}?)(?<!未)(?<!没有)(?:进入|打入|切入|导入)了?(?P<s>{OL})(?:等{G}{{0,8}}?)?的?"
        r"(?:{G}{{0,4}}?)(?:供应链|供应体系|采购体系|量产产线|产线)",
        0.65,
        topic_object=True,
    ),
    Rule(
        # "瑞衡医疗的首批产品已被北京协和医院和华西医院采购": what a company makes, bought by its customers
        "relations.customer.bought_by.v1",
        "customerOf",
        r"(?:^|[，,；;]|(?P<o>{O}))(?:的)?(?:{G}{{0,12}}?)(?:已|已经|也|还|均|陆续|先后)?被(?P<s>{OL})(?:等{G}{{0,8}}?)?"
        r"(?:{G}{{0,4}}?)(?:批量)?(?:采购|采用|选用|订购|购买|部署)",
        0.65,
        topic_object=True,
    ),
    Rule(
        "relations.customer.made_by.v1",
        "customerOf",
        r"(?P<s>{O})的{G}{{0,12}}?由(?P<o>{O})(?:负责|独家)?(?:代工|生产|制造|供应|提供|交付)",
        0.75,
    ),
    Rule(
        "relations.customer.made_for_topic.v1",
        "customerOf",
        r"(?:^|[，,；;])(?:{R}|{G}{{0,8}}?)(?:则|也|均)?(?:(?:改由|转由|交由|交给|由)(?P<o>{O})(?:负责|独家)?(?:代工|生产|制造|封装|封测|供应|供货|提供)"
        r"|(?:交由|交给)(?P<o2>{O})(?:负责)?完成)",
        0.6,
        topic_subject=True,
    ),
    Rule(
        "relations.customer.order_won.v1",
        "customerOf",
        r"(?<!除)(?P<o>{O}){S}{{0,20}}?(?:拿下|获得|斩获|赢得|收到)(?:了)?(?P<s>{O})(?:{G}{{0,6}}?的)?{G}{{0,10}}?(?:订单|合同|大单|定点)",
        0.75,
    ),
    Rule(
        "relations.customer.tender.v1",
        "customerOf",
        r"(?P<o>{O}){G}{{0,6}}?(?:先后|相继|成功)?(?:中标|拿下|承接)(?:了)?(?P<s>{OL})",
        0.7,
    ),
    Rule(
        "relations.customer.delivered.v1",
        "customerOf",
        # what is sold is goods, not a company or a share of one ("软银将Arm出售给英伟达")
        # ("将英伟达的第一台超级计算机交付给了OpenAI" is goods: 将 then the company's 的)
        r"(?P<o>{O})(?:(?<=将{O})(?=的)|(?<!将{O}))(?:(?!将{O}(?!的)|股权|股份){S}){{0,30}}?"
        r"(?:交付给|供应给|卖给|出售给|供货给)(?:了)?(?P<s>{OL})",
        0.7,
    ),
    Rule(
        "relations.customer.contract_topic.v1",
        "customerOf",
        r"(?:^|[，,；;])(?:并|还|也|同时)?(?:{G}{{0,6}}?)(?:与|和|同)(?P<s>{OW})签(?:署|订|下)(?:了)?{G}{{0,28}}?(?:合同|订单|采购{G}{{0,4}}协议|大单)",
        0.65,
        topic_object=True,
    ),
    Rule(
        "relations.customer.contract.v1",
        "customerOf",
        r"(?P<o>{O}){G}{{0,10}}?(?:与|和|同)(?P<s>{OW})签(?:署|订|下)(?:了)?{G}{{0,28}}?(?:合同|订单|采购{G}{{0,4}}协议|大单)",
        0.7,
        topic_supplies=True,
    ),
    Rule(
        # "比亚迪已向灵枢下单500台": who orders from a company buys from it
        "relations.customer.ordered_from.v1",
        "customerOf",
        r"(?P<s>{O}){G}{{0,8}}?向(?P<o>{O})(?:下单|下达{G}{{0,8}}?订单|追加{G}{{0,8}}?订单)",
        0.7,
    ),
    Rule(
        "relations.customer.order.v1",
        "customerOf",
        r"(?P<s>{O}){S}{{0,20}}?(?<!停止)(?<!不再)(?<!终止)(?:支付给|付给|采购|订购|购买)(?:了)?(?P<o>{O})的{G}{{0,16}}?(?:订单|服务|产品|芯片|费用|数据)",
        0.65,
    ),
    # partOf ----------------------------------------------------------------------------
    Rule(
        "relations.part_of.subsidiary.v1",
        "partOf",
        r"(?P<o>{O})(?:旗下|下属|内部)(?:的)?{G}{{0,8}}?(?P<s>{O})",
        0.75,
    ),
    Rule(
        "relations.part_of.copula.v1",
        "partOf",
        r"(?P<s>{O}){G}{{0,4}}?(?:是|为|成为|隶属于|属于)(?P<o>{O})(?:旗下|下属)?(?:的)?{G}{{0,8}}?(?:子公司|部门|实验室|团队|事业部|业务部门|业务|品牌|平台)",
        0.75,
    ),
    Rule(
        # "抖音的母公司字节跳动", "京东物流的控股股东京东集团"
        "relations.part_of.parent_named.v1",
        "partOf",
        r"(?P<s>{O})(?:的)?(?:母公司|控股股东|控股公司|控股集团|上级公司)(?:是|为)?(?P<o>{O})",
        0.75,
    ),
    Rule(
        # "阿里巴巴的全资子公司饿了么"
        "relations.part_of.subsidiary_named.v1",
        "partOf",
        r"(?P<o>{O})的(?:全资|控股|独资)?(?:子公司|孙公司|分公司)(?P<s>{O})",
        0.75,
    ),
    Rule(
        "relations.part_of.merged_into.v1",
        "partOf",
        r"(?P<s>{O})[^。；;！？{ANY}]{{0,16}}?被(?:整体)?(?:并入|纳入|划入|归入|整合进|整合到|合并到|合并进)(?P<o>{O})",
        0.7,
    ),
    Rule(
        # "2021年一加并入OPPO"
        "relations.part_of.merged.v1",
        "partOf",
        r"(?P<s>{O}){G}{{0,8}}?(?:正式|整体|已)?(?<!被)并入(?:了)?(?P<o>{O})",
        0.7,
    ),
    Rule(
        # "旗下芯片设计子公司哲库": the company in view's subsidiary
        "relations.part_of.subsidiary_topic.v1",
        "partOf",
        r"(?:^|[，,；;])(?:其|公司)?旗下(?:的)?{G}{{0,8}}?(?:子公司|孙公司)(?P<s>{O})",
        0.6,
        topic_object=True,
    ),
    # competitorOf --------------------------------------------------------------------
    Rule(
        "relations.competitor.list.v1",
        "competitorOf",
        r"(?:落后于|领先于|超越|对标|击败|打败|追赶|挑战)(?P<o>{OL})(?:等)?(?:{G}{{0,4}})?竞争对手",
        0.75,
        topic_subject=True,
    ),
    Rule(
        "relations.competitor.rivalry_named.v1",
        "competitorOf",
        # (not the last of a list a company faces: "面临A、B和C的激烈竞争" are rivals of the company)
        r"(?<!、)(?<!面临)(?<!面对)(?<!直面)(?<!来自)(?P<s>{O}){G}{{0,4}}?(?:与|和|同)(?P<o>{OL})(?:等{G}{{0,6}}?)?"
        r"(?:之间)?(?:(?!合作|联合|携手|联手|共同){G}){{0,12}}?(?:的)?(?:较量|竞争(?!力)|角逐|抗衡|对抗|争夺|比拼|竞赛)",
        0.7,
    ),
    Rule(
        # "医联和京东健康都是医渡智联的直接竞争对手"
        "relations.competitor.copula.v1",
        "competitorOf",
        # "优必选是灵枢机器人在国内最直接的竞争对手之一": where they compete may stand between
        r"(?P<s>{OL}){G}{{0,8}}?(?:都是|均为|均是|是|为|成为|被视为|被看作|被认为是)(?P<o>{O})(?:在{G}{{1,12}}?)?(?:的)?{G}{{0,6}}?"
        r"(?:竞争对手|对手|竞品)",
        0.75,
    ),
    Rule(
        # "也都将抖音、快手视为主要竞争对手": the rivals the company in view counts as its own
        "relations.competitor.regarded.v1",
        "competitorOf",
        r"(?:将|把)(?P<o>{OL})(?:等{G}{{0,6}}?)?(?:视为|视作|看作|当作|列为)(?:{G}{{0,6}}?)(?:竞争对手|对手|劲敌)",
        0.7,
        topic_subject=True,
    ),
    Rule(
        "relations.competitor.faces.v1",
        "competitorOf",
        r"(?P<s>{O}){G}{{0,10}}?(?:面对|面临|迎战|直面|遭遇)(?:着|的是)?(?:来自)?(?P<o>{RIV})(?:等|在内的)?{G}{{0,12}}?"
        r"(?:对手|竞争者|竞品|竞争|挑战|厂商|玩家|巨头|同行|先行者|劲敌)",
        0.7,
    ),
    Rule(
        # "…，在国内市场面临阿里云、华为云和火山引擎的激烈竞争": the company the sentence is about
        "relations.competitor.faces_topic.v1",
        "competitorOf",
        r"(?<!{O})(?:[，,]|^)(?:[^，,。{ANY}]{{0,8}})(?:面对|面临|迎战|直面)(?:着|的是)?(?:来自)?(?P<o>{RIV})(?:等|在内的)?"
        r"{G}{{0,8}}?(?:对手|竞争者|竞争|挑战|劲敌)",
        0.65,
        topic_subject=True,
    ),
    Rule(
        "relations.competitor.rivalry.v1",
        "competitorOf",
        r"(?<!{O})(?:与|和|同)(?P<o>{OL})(?:等{G}{{0,6}}?)?"
        r"(?:的{G}{{0,6}}?|在{G}{{0,12}}?(?:上|中|领域|方面|市场)的?|{G}{{0,14}}?(?:展开|进行|正面|直接|激烈))?(?:的)?"
        r"(?:较量|竞争(?!力|对手)|角逐|抗衡|对抗|争夺|比拼|竞赛|交锋)",
        0.7,
        topic_subject=True,
    ),
    Rule(
        # "与月之暗面、智谱、MiniMax等竞争对手相比，星衍智能…": the rivals, then the company compared
        "relations.competitor.compared.v1",
        "competitorOf",
        r"(?:与|和|同|相较于|相比于)(?P<o>{OL})(?:等)?(?:{G}{{0,6}}?)(?:竞争对手|对手|竞品)(?:相比|相较)?[，,]\s*(?P<s>{O})",
        0.75,
    ),
    Rule(
        "relations.competitor.named.v1",
        "competitorOf",
        r"(?P<s>{O}){G}{{0,12}}?(?:的)?(?:主要|最大的?|直接|老)?(?:竞争对手|竞品|对手)(?:则|还|也|仍然|依然|仍|一直)?(?:是|为|包括|有)?(?P<o>{OL})",
        0.8,
    ),
)


# ---------------------------------------------------------------------------------------
# Frames


def _plain(ch: str) -> str:
    """Article text never passes for a placeholder (U+E001–E004 are private-use characters)."""
    return "\ufffd" if ch in ANY else ch


def build_frame(sentence: Sentence, view: str, slots: Sequence[tuple[int, int, Slot]]) -> Frame:
    """Mask ``slots`` (raw start, raw end, slot) in the sentence; keep the offset maps.

    A name glossed in parentheses by another name of the same entity (``极岸智能(JiAn AI)``) is one
    placeholder, so that rules see one party where the text names one. Spaces are left out: Chinese
    text sets them around Latin words and numbers (``OPPO 创始人兼 CEO 陈明永``, ``2021 年``) where
    the rules, written for the words, expect none.
    """
    text: list[str] = []
    raw_start: list[int] = []
    raw_end: list[int] = []
    frame_slots: dict[int, Slot] = {}
    position = sentence.start
    previous: Slot | None = None
    for start, end, slot in sorted(slots, key=lambda s: s[0]):
        if start < position or end > sentence.end:
            continue
        gloss = view[position:start] in ("(", "（") and view[end : end + 1] in (")", "）")
        if previous is not None and gloss and previous.entity == slot.entity and text and text[-1] in ANY:
            raw_end[-1] = end + 1  # the first name's placeholder now spans "(gloss)" too
            position = end + 1
            continue
        if previous is not None and _unit_after_parent(previous, slot, position, start) and text[-1] == ORG:
            # 阿里巴巴|通义实验室: one party, the unit, named in full; its parent is found in its name
            slot = replace(slot, start=previous.start)
            frame_slots[len(text) - 1] = slot
            raw_end[-1] = end
            previous = slot
            position = end
            continue
        previous = slot
        _copy_text(view, position, start, text, raw_start, raw_end)
        frame_slots[len(text)] = slot
        text.append(OUTLET if slot.kind == "outlet-cited" else _SENTINEL.get(slot.type, ORG))
        raw_start.append(start)
        raw_end.append(end)
        position = end
    _copy_text(view, position, sentence.end, text, raw_start, raw_end)
    return Frame(sentence, "".join(text), raw_start, raw_end, frame_slots)


def _unit_after_parent(parent: Slot, unit: Slot, parent_end: int, unit_start: int) -> bool:
    """Is ``unit`` a team named right after the organization it belongs to (字节跳动|Seed团队)?"""
    return (
        parent_end == unit_start
        and unit.kind == "Team"
        and parent.type == unit.type == "Organization"
        and parent.kind not in ("Team", "MediaOutlet", "outlet-cited")
    )


_SPACES = frozenset(" \t\u3000\u00a0")


def _copy_text(
    view: str, start: int, end: int, text: list[str], raw_start: list[int], raw_end: list[int]
) -> None:
    for i in range(start, end):
        if view[i] in _SPACES:
            continue
        text.append(_plain(view[i]))
        raw_start.append(i)
        raw_end.append(i + 1)


_ATTRIBUTION = [
    re.compile(rf"据(?P<m>{ORG})(?:{_GAP}{{0,12}}?)(?:报道|报导|消息|估计|援引|披露|称|统计|数据)"),
    re.compile(
        rf"(?:^|[，,。；]|[，,。；]?[《「“])(?P<m>{ORG})[》」”]?(?:[^，。{ANY}]{{0,10}}?)(?:报道|报导|援引|披露|消息)(?:称|指出|说|显示)?"
    ),
    re.compile(rf"(?P<m>{ORG})[》」”]?的(?:一篇|最新)?(?:报道|文章|消息)(?:则|也|还)?(?:称|指出|显示)"),
]


# "《金融时报》称，…": only an outlet's 称 attributes a report; a company that 称 speaks for itself.
_OUTLET_SAYS = re.compile(
    rf"(?:^|[，,。；]|而|但|不过)[《「“]?(?P<m>{ORG})[》」”]?(?:也|则|还|此前|早前|随后)?(?:称|表示|指出|写道)[，,:：]"
)


def _cited_outlets(frame: Frame) -> list[int]:
    """Frame indices of organizations the sentence gives as its source (据CNBC报道 …)."""
    found = [
        m.start("m")
        for m in _OUTLET_SAYS.finditer(frame.text)
        if frame.slots[m.start("m")].kind == "MediaOutlet"
    ]
    for pattern in _ATTRIBUTION:
        for match in pattern.finditer(frame.text):
            index = match.start("m")
            slot = frame.slots.get(index)
            if slot is not None and slot.type == "Organization" and slot.kind not in ("Team",):
                found.append(index)
    return sorted(set(found))


# ---------------------------------------------------------------------------------------
# The document pass

# what a unit's name ends with after its parent's name: 百度|智能云, 微软|亚洲研究院
_UNIT_ENDINGS = r"(?:云|研究院|实验室|事业部|事业群|部门|团队|研究所)$"
_OUTLET_KINDS = ("MediaOutlet", "outlet-cited")
# organizations that are no party to a company's events: outlets, teams, universities, state bodies
# a seller's category noun right before a party: 国产GPU厂商|摩矽科技
_SELLER_BEFORE = re.compile(r"[^\s，。]商$")
_NOT_PARTIES = ("MediaOutlet", "outlet-cited", "Team", "University", "GovernmentBody")


# 其 and 他 also begin ordinary words (其他, 其中, 尤其, 他人 …): those are not pronouns.
_PRONOUNS = re.compile(
    r"该公司|这家公司|该企业|这家企业|此公司|该机构|他们|她们"
    # "这家总部位于杭州的人工智能公司": a described company is the one the text is about
    r"|该(?:研究院|实验室|团队|部门|事业部|事业群)"
    # "X公司CEO某某表示，“我们最主要的对手是…”": the company of the one who speaks
    r"|(?<=[“「])我们(?=的|最|公司)"
    r"|这家[^，。；！？,;!?]{1,16}?的[^，。；！？,;!?的]{0,8}?(?:公司|企业)"
    # "这位出生于台湾的企业家": a described person is the one the text is about
    r"|这位[^，。；！？,;!?]{0,12}?(?:企业家|创业者|创始人|工程师|科学家|研究员|高管|负责人|掌门人|老将)"
    r"|(?<![尤极与])其(?![他它中实余次后间])|(?<![其吉利])他(?![人国乡们])|她(?!们)"
    # "它的主要竞争对手是A": a thing, so a company, never a person
    r"|(?<![其])它(?=的)"
    r"|(?<=加入|加盟|离开|现任|担任|出任|转任|改任|卸任|创办|创立|留在)公司"
    r"|(?<=加入了|加盟了|离开了|留在了)公司"
    r"|公司(?=(?:[0-9]{4}年(?:[0-9]{1,2}月)?)?[^，。的]{0,3}(?:完成|宣布|发布|推出|表示|获得|收购|首席|董事|总裁|CEO|CTO|COO|CFO|创始人|联合创始人|高管|自身|客户|还|也|已|将|在|与|称|透露|介绍|表示))"
    r"|(?<=[，,。；;])公司(?=全资|以[0-9约近超逾]|先后|相继|投资|并购|入股)"
)


# what only a company has: "其旗舰芯片", "其客户", "其估值"
_COMPANY_ATTRIBUTE = (
    r"(?:旗舰|首款|新一代|最新|核心|主力)?[^，。]{0,4}?"
    r"(?:产品|模型|大模型|芯片|平台|客户|股东|估值|融资|业务|子公司|投资方|投资人|供应商|竞争对手|营收)"
)


# what follows an organization that invests in a round rather than raises it: "A领投", "A、B和C跟投"
_INVESTOR_IN_ROUND = re.compile(
    rf"(?:{_LIST_SEP}(?:{_BACKER}|[^，。；、{ANY}]{{0,4}})?[{ORG}{PERSON}])*(?:等)?(?:机构)?(?:继续|也|亦)?"
    rf"(?:{_ROUND_LEAD}|{_ROUND_FOLLOW}|追加|(?:共同|合计|联合|各|分别)?(?:认购|出资))"
)


_UNIT_WORDS = ("研究院", "实验室", "团队", "部门", "事业部", "事业群")


# what follows an organization that is another's client or backer, not the company the text is about:
# "招商银行、中国平安等成首批客户", "A和B均为其股东"
_CLIENT_OR_BACKER = re.compile(
    rf"(?:{_LIST_SEP}[{ORG}])*(?:等)?(?:机构|企业|公司)?(?:已|均|都|也|则)?(?:成为|成|是|为)(?:其|{ORG})?(?:的)?"
    rf"(?:首批|主要|重要|付费|核心|大|第一大|早期)?(?:客户|用户|买家|股东|投资方|投资人)"
)


_TITLE = re.compile(f"(?:{role_pattern()}|首席[^，。；{ANY}]{{1,4}}?官)")


# how much a fact's confidence keeps for each argument resolved from a pronoun
_POINTED_DISCOUNT = 0.85


class RelationExtractor:
    """Finds facts sentence by sentence, carrying what the text is about from one to the next."""

    def __init__(
        self,
        doc_id: str,
        raw: str,
        published_year: int | None,
        entity_of: dict[tuple[int, int], Slot],
        salient_company: str | None,
        view: str | None = None,
        published_month: int | None = None,
    ) -> None:
        self.doc_id = doc_id
        self.raw = raw
        self.view = normalize(raw) if view is None else view
        self.entity_of = entity_of
        self.discourse = Discourse(published_year, salient_company, published_month=published_month)
        # names of the whole organizations in this text, to find the parent a unit is named after
        self.organization_names = {
            name_key(self.view[s.start : s.end]): s.entity
            for s in sorted(entity_of.values(), key=lambda s: (s.start, s.end))
            if s.type == "Organization" and s.kind not in ("Team", "MediaOutlet")
        }
        self.unit_parents: dict[str, str] = {}
        self.product_makers: dict[str, str] = {}  # product -> the organization that released it
        self.founded: list[Fact] = []  # the foundings told so far, in text order
        # the company each person was last told to hold or leave a post at: whom "接替X" succeeds
        self.post_of: dict[str, str] = {}
        # (lead, raiser) of rounds told with other investors: a headline naming the lead alone
        # ("X完成12亿元B轮融资，A领投") tells the same round, whose sum is no one investor's
        self.shared_leads: set[tuple[str, str]] = set()

    # -- pronouns -----------------------------------------------------------------------
    def _resolve_pronouns(
        self, sentence: Sentence, slots: list[tuple[int, int, Slot]]
    ) -> list[tuple[int, int, Slot]]:
        taken = [(s, e) for s, e, _ in slots]
        resolved = []
        for match in _PRONOUNS.finditer(self.view, sentence.start, sentence.end):
            s, e = match.span()
            if any(a < e and s < b for a, b in taken):
                continue
            word = match.group()
            after_career_verb = re.search(
                r"(?:加入|加盟|离开|现任|担任|出任|转任|改任|卸任|创办|创立|留在)了?$", self.view[s - 3 : s]
            )
            if word == "公司" and not (
                s == sentence.start or self.view[s - 1] in "，,。；;：:、" or after_career_verb
            ):
                continue  # "科技公司完成…" is a kind of company, not a pointer to one
            before = [slot for a, _, slot in slots if a < s]
            target: Slot | None = None
            if word == "我们":
                speakers = [x for x in before if x.type == "Organization" and x.kind not in _NOT_PARTIES]
                target = speakers[0] if speakers else None
            elif word.startswith("该") and word[1:] in _UNIT_WORDS:
                units = [x for x in before if x.type == "Organization" and x.kind == "Team"]
                target = units[-1] if units else self.discourse.last_unit
            elif word in ("他", "她") or word.startswith("这位"):
                people = [x for x in before if x.type == "Person"]
                target = people[-1] if people else self.discourse.last_person
            elif word in ("其", "它"):
                # the possessor is named in an earlier clause ("Meta投资了Scale AI，并吸纳其创始人");
                # one in the same clause is the subject doing something to it ("A和B成为其客户")
                clause_start = max(self.view.rfind(c, sentence.start, s) for c in "，,；;：:") + 1
                # 它 is a thing: a company, never a person
                company_word = re.match(_COMPANY_ATTRIBUTE, self.view[e : e + 8]) or word == "它"
                candidates = [
                    x
                    for x in before
                    if x.type in (("Organization",) if company_word else ("Person", "Organization"))
                    and not (
                        company_word
                        and re.search(r"(?:前|原|曾在|曾任|从)$", self.view[x.start - 2 : x.start])
                    )
                    and x.kind not in ("outlet-cited", "MediaOutlet")
                    # "其投资方", "其客户": a school or a ministry has none
                    and not (company_word and x.kind in ("University", "GovernmentBody"))
                    and (x.end <= clause_start or clause_start <= sentence.start)
                ]
                target = candidates[-1] if candidates else self.discourse.previous_topic
            elif word == "公司":
                # "Mistral AI首席执行官门施宣布，公司已与英伟达达成合作": the company this sentence named
                named = [
                    x
                    for a, _, x in slots
                    if a < s
                    and x.type == "Organization"
                    and x.kind not in ("MediaOutlet", "outlet-cited", "Team", "University", "GovernmentBody")
                    and not re.match(r"(?:等)?(?:领投|跟投|参投)", self.view[x.end : x.end + 3])
                ]
                fallback = self.discourse.previous_topic or self._salient_slot(s, e)
                # "岑国栋仍将担任公司董事长": a post at 公司 is at the company the text is about, not at
                # the buyer the sentence named first
                salient = self._salient_slot(s, e) if after_career_verb else None
                target = salient or (named[0] if named else fallback)
            else:  # 该公司, 他们 …
                # a company, not the school or the ministry the sentence also names
                companies = [x for x in before if x.type == "Organization" and x.kind not in _NOT_PARTIES]
                target = companies[0] if companies else self.discourse.previous_topic
            if target is not None:
                resolved.append((s, e, Slot(target.entity, target.type, target.kind, s, e)))
        return resolved

    def _supplies(self, customers: list[Slot], suppliers: list[Slot], purchase: bool = False) -> bool:
        """Whether the text has told the first party to be the supplier of the second: a customer
        fact between them in the paragraph, else, for a purchase contract, the party named first
        buys ("长江存储与华岳装备签订了…采购合同", "魅川科技已与京东方签署采购协议"), else the company the
        text was just talking about supplies."""
        if len(customers) != 1 or len(suppliers) != 1:
            return False
        a, b = customers[0].entity, suppliers[0].entity
        for fact in reversed(self.discourse.paragraph_facts):
            if fact.relation == "customerOf" and {fact.subject, fact.object} == {a, b}:
                return fact.object == a
        if purchase:
            return True
        topic = self.discourse.previous_topic
        return topic is not None and topic.entity == a

    def _salient_slot(self, start: int, end: int) -> Slot | None:
        key = self.discourse.salient_company
        return Slot(key, "Organization", "Company", start, end) if key else None

    # -- main -----------------------------------------------------------------------------
    def extract(self, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Fact]:
        facts: list[Fact] = []
        by_sentence: dict[int, list[tuple[int, int, Slot]]] = {i: [] for i in range(len(sentences))}
        cursor = 0
        ordered = sorted(mentions, key=lambda m: m.start)
        for index, sentence in enumerate(sentences):
            while cursor < len(ordered) and ordered[cursor].start < sentence.start:
                cursor += 1
            j = cursor
            while j < len(ordered) and ordered[j].end <= sentence.end:
                m = ordered[j]
                slot = self.entity_of.get((m.start, m.end))
                if slot is not None:
                    by_sentence[index].append((m.start, m.end, slot))
                j += 1
        previous_end = 0
        for index, sentence in enumerate(sentences):
            if "\n" in self.raw[previous_end : sentence.start]:
                self.discourse.paragraph_facts = []
                self.discourse.year = None  # "同年", "3月5日" refer back within a paragraph only
            previous_end = sentence.end
            slots = by_sentence[index]
            slots = slots + self._resolve_pronouns(sentence, slots)
            frame = build_frame(sentence, self.view, slots)
            outlets = _cited_outlets(frame)
            if outlets:
                for i in outlets:
                    old = frame.slots[i]
                    frame.slots[i] = Slot(old.entity, old.type, "outlet-cited", old.start, old.end)
                frame.text = "".join(OUTLET if i in outlets else ch for i, ch in enumerate(frame.text))
            reporters = [(i, frame.slots[i].entity) for i in outlets]
            dates = self._dates(sentence)
            found = list(self._facts(frame, dates, reporters))
            found += self._valuations(frame, dates, reporters)
            found += self._competitors_named_later(frame, reporters)
            deals = [f for f in found if f.relation == "investedIn" and f.object]
            if deals:  # "腾讯向极岸智能投资约5亿美元…其余份额由红杉中国跟投": the company in the deal raises
                self.discourse.raiser = deals[-1].object
            # a further figure for the deal before, read before this sentence's round names its followers
            # ("腾讯此轮实际出资为4.2亿美元，…，其余份额由红杉中国跟投")
            found += self._investment_follow_up(frame, found, dates, reporters)
            self._raiser(frame)  # remember who is raising money, for the sentences that follow
            found += self._funding_round(frame, dates, reporters)
            found += self._units(frame)
            found += self._people_together(frame, dates)
            found += self._units_named_after_parent(frame)
            found += self._successors(frame, found, dates)
            found += self._joint_releases(frame, found, dates)
            found += self._both_parties(frame, found, dates)
            found += self._product_buyers(frame, dates)
            found = self._ended_cooperation(frame, found, dates)
            found = _without_posts_left(found)
            self.founded += sorted((f for f in found if f.relation == "founded"), key=lambda f: f.start)
            for fact in sorted(found, key=lambda f: f.start):
                if fact.relation in ("worksFor", "left") and fact.role and fact.object:
                    self.post_of[fact.subject] = fact.object
            self.product_makers.update(
                {f.object: f.subject for f in found if f.relation == "released" and f.object}
            )
            facts.extend(found)
            self.discourse.paragraph_facts.extend(found)
            self._update_discourse(frame, found)
        return _unique([self._without_round_sum(f) for f in facts])

    def _without_round_sum(self, fact: Fact) -> Fact:
        shared = (fact.subject, fact.object) in self.shared_leads
        if fact.extractor == "relations.investment.round.v1" and fact.amount is not None and shared:
            return dataclasses.replace(fact, amount=None)
        return fact

    def _update_discourse(self, frame: Frame, found: list[Fact]) -> None:
        left_here = {f.object for f in found if f.relation == "left"}
        people = [s for _, s in sorted(frame.slots.items()) if s.type == "Person"]
        # the person a later 他 means: not one governed by a preposition ("师从丹尼尔·罗斯", "与A会面")
        subjects = [
            s
            for i, s in sorted(frame.slots.items())
            if s.type == "Person"
            and not re.search(rf"(?:与|和|同|跟|向|对|师从|接替|替代|取代|{PERSON}、)$", frame.text[:i])
        ]
        if subjects or people:
            self.discourse.last_person = (subjects or people)[-1]
        units = [s for _, s in sorted(frame.slots.items()) if s.type == "Organization" and s.kind == "Team"]
        if units:
            self.discourse.last_unit = units[-1]
        for person in people:
            recent = [p for p in self.discourse.people if p.entity != person.entity]
            self.discourse.people = [*recent, person][-5:]
        companies = [
            (i, s)
            for i, s in sorted(frame.slots.items())
            if s.type == "Organization"
            and s.kind not in ("MediaOutlet", "outlet-cited", "Team", "University", "GovernmentBody")
            # a company someone worked at before is not what the text goes on about ("此前在OpenAI负责…")
            and not re.search(rf"(?:前|原|曾|从)[^，。；{ANY}]{{0,2}}$", frame.text[max(0, i - 4) : i])
            # nor is the one a part is made or supplied by ("屏幕由京东方独家供应"): the buyer still is
            and frame.text[max(0, i - 1) : i] != "由"
            and s.entity not in left_here
            and not _INVESTOR_IN_ROUND.match(frame.text, i + 1)  # an investor
            and not _CLIENT_OR_BACKER.match(frame.text, i + 1)
            and not re.search(
                r"(?:投资方|投资人|投资机构|出资方|股东|财务顾问)$", frame.text[max(0, i - 4) : i]
            )
        ]
        if companies:
            # the company the sentence is about: one that a person founded, joined or works for
            # ("林嘉文与前百度研究员陈思远联合创办了Vecta AI" is about Vecta AI), else the first named
            about = [
                s
                for _, s in companies
                if any(
                    f.object == s.entity and f.relation in ("founded", "joined", "worksFor") for f in found
                )
            ]
            raising = [s for _, s in companies if s.entity == self.discourse.raiser]
            self.discourse.previous_topic = (about or raising or [companies[0][1]])[0]

    def _dates(self, sentence: Sentence) -> list[tuple[int, int, When]]:
        found = parse_dates(
            self.view[sentence.start : sentence.end],
            self.discourse.published_year,
            self.discourse.year,
            self.discourse.published_month,
        )
        for item in found:
            if item.explicit_year is not None:
                self.discourse.year = item.explicit_year
        return [(sentence.start + f.start, sentence.start + f.end, f.when) for f in found]

    def _topic(
        self, frame: Frame, before: int | None = None, salient: bool = False, teams: bool = False
    ) -> Slot | None:
        """The organization a clause is about; ``teams``: a team may be it ("Seed团队…8月又推出R")."""
        end = len(frame.text) if before is None else before
        clause = max(frame.text.rfind(c, 0, end) for c in "；;") + 1
        # "……加入小米集团；智谱AI则从谷歌DeepMind挖来了韩牧之，由他领导……": the clause's company
        indices = sorted(frame.slots)
        order = [i for i in indices if i >= clause] + [i for i in indices if i < clause]
        for index in order:
            if before is not None and index >= before:
                continue
            slot = frame.slots[index]
            # "新机延续与哈苏的合作，屏幕则由京东方供应": one governed by 与 is not what the clause is about
            set_aside = frame.text[max(0, index - 2) : index].endswith(("除", "除了", "与", "同", "跟")) or (
                _INVESTOR_IN_ROUND.match(frame.text, index + 1)
            )
            if slot.kind in ("University", "GovernmentBody"):
                continue
            not_about = _OUTLET_KINDS if teams else (*_OUTLET_KINDS, "Team")
            if slot.type == "Organization" and slot.kind not in not_about and not set_aside:
                return slot
        if salient and self.discourse.salient_company:
            return self._salient_slot(frame.sentence.start, frame.sentence.start)
        return self.discourse.previous_topic

    def _person_topic(self, frame: Frame, before: int) -> Slot | None:
        """The person a clause with no subject is about: the sentence's first, else the text's last."""
        # "与A、B共同创立", "师从C": a person governed by a preposition is no subject
        people = [
            slot
            for index, slot in sorted(frame.slots.items())
            if index < before
            and slot.type == "Person"
            and not re.search(rf"(?:与|和|同|跟|向|对|师从|接替|替代|取代|{PERSON}、)$", frame.text[:index])
        ]
        if people:
            return people[0]
        # a title before the clause introduces someone the names pass did not find ("前X副总裁欧阳靖正式
        # 加盟，出任公司总裁"): the person the text named before is then no safe guess
        if re.search(_TITLE, frame.text[:before]):
            return None
        return self.discourse.last_person

    def _is_pronoun(self, slot: Slot) -> bool:
        """Whether the slot's text is a pronoun, read in place (some are known by what precedes them)."""
        match = _PRONOUNS.match(self.view, slot.start) if slot.end > slot.start else None
        return match is not None and match.end() == slot.end

    def _make(
        self,
        frame: Frame,
        rule_name: str,
        relation: str,
        subject: Slot,
        obj: Slot | None,
        span: tuple[int, int],
        confidence: float,
        reporter: str | None,
        dates: list[tuple[int, int, When]],
        role: str | None = None,
        amount: Amount | None = None,
        stake: Decimal | None = None,
    ) -> Fact | None:
        if obj is not None and subject.entity == obj.entity:
            return None
        start, end = span
        when = _date_for(dates, start, end, frame)
        # an argument the sentence only points to (该公司, 其, 他) was resolved, not read: less sure
        pointed = sum(1 for slot in (subject, obj) if slot is not None and self._is_pronoun(slot))
        return Fact(
            doc_id=self.doc_id,
            relation=relation,
            subject=subject.entity,
            object=obj.entity if obj else None,
            start=start,
            end=end,
            evidence=self.raw[start:end],
            extractor=rule_name,
            confidence=round(confidence * _POINTED_DISCOUNT**pointed, 3),
            amount=amount,
            stake=stake,
            role=role,
            date=when,
            reported_by=reporter,
        )

    def _facts(
        self, frame: Frame, dates: list[tuple[int, int, When]], reporters: list[tuple[int, str]]
    ) -> Iterator[Fact]:
        told_here: list[Fact] = []
        for rule, pattern in _rule_patterns():
            # most rules match no frame at all: one search says so for less than setting up finditer
            if pattern.search(frame.text) is None:
                continue
            for match in pattern.finditer(frame.text):
                groups = match.groupdict()
                if groups.get("plan") and re.search(_PLANNED, groups["plan"]):
                    continue  # planned, not done: "原计划在4月推出…", "正准备发布…"
                owned = rule.relation == "partOf"  # "X旗下的Y" is exactly what partOf rules read
                named_s = "s" if groups.get("s") is not None else "s2"  # a rule's second way of naming it
                subjects = frame.slots_in(*match.span(named_s), owned) if groups.get(named_s) else []
                named_as = "o" if groups.get("o") is not None else "o2"  # a rule's second way of naming it
                objects = (
                    frame.slots_in(*match.span(named_as), owned) if groups.get(named_as) is not None else []
                )
                if rule.topic_subject:
                    topic = self._topic(frame, match.start(), rule.salient_topic, rule.relation == "released")
                    if topic is None:
                        continue
                    if rule.relation in ("worksFor", "left", "joined", "founded"):
                        objects = [topic]
                    else:
                        subjects = [topic]
                if rule.founders_company:
                    # a founding told earlier in the same sentence counts ("由X创办；另一位联合创始人Y…")
                    founded = [f.object for f in (*self.founded, *told_here) if f.object]
                    if founded:
                        objects = [Slot(founded[-1], "Organization", "Company", 0, 0)]
                    elif groups.get("other"):
                        continue  # "another founder" of a founding the text did not tell: no guess
                if rule.person_topic and not subjects:
                    person = self._person_topic(frame, match.start())
                    subjects = [person] if person else []
                if rule.topic_object and not objects:
                    topic = self._topic(frame, match.start(named_s), rule.salient_topic)
                    objects = [topic] if topic else []
                if rule.salient_object and not objects:
                    # a company named before it in the sentence ("Perplexity首席执行官…表示，卡特的加入")
                    named = [
                        slot
                        for index, slot in sorted(frame.slots.items())
                        if index < match.start()
                        and slot.type == "Organization"
                        and slot.kind not in _NOT_PARTIES
                    ]
                    salient = named[0] if named else self._salient_slot(*frame.raw_span(*match.span()))
                    objects = [salient] if salient else []
                if not subjects or not objects:
                    continue
                duty = self.raw[slice(*frame.raw_span(*match.span("duty")))] if groups.get("duty") else None
                role = _clean_role(groups.get("role") or duty)
                if groups.get("role2"):  # "董事长兼首席执行官" holds both posts
                    second = _clean_role(groups["role2"])
                    role = second if role in _FOUNDER_ROLES or not role else f"{role}兼{second}"
                if role in _FOUNDER_ROLES:
                    if rule.relation == "worksFor":
                        continue  # "创始人X" is a founding, told by the founded rules
                    role = None
                if rule.relation == "founded":
                    role = None
                span = frame.raw_span(*match.span())
                amount, stake = None, None
                if rule.relation == "investedIn" and not rule.no_amount:
                    amount, stake = self._deal_terms(frame, match.start(), match.end())
                    amount = None if rule.stake_only else amount
                reporter = _reporter_for(reporters, match.start())
                # a purchase contract's first party buys, unless the text calls it a seller
                # ("GPU厂商摩矽科技…与字节跳动签署了…采购合同")
                purchase = "采购" in match.group() and not _SELLER_BEFORE.search(frame.text, 0, match.start())
                if rule.topic_supplies and self._supplies(subjects, objects, purchase):
                    subjects, objects = objects, subjects
                for s in subjects:
                    for o in objects:
                        if not _types_fit(rule, s, o):
                            continue
                        fact = self._make(
                            frame,
                            rule.name,
                            rule.relation,
                            s,
                            o,
                            span,
                            rule.confidence,
                            reporter,
                            dates,
                            role=role,
                            amount=amount,
                            stake=stake,
                        )
                        if fact is not None:
                            if fact.relation == "founded":
                                told_here.append(fact)
                            yield fact
                            school = self._university_of(o) if fact.relation == "educatedAt" else None
                            if school is not None and fact is not None:
                                yield replace(fact, object=school.entity)  # 浙江大学|计算机学院: both

    def _deal_terms(self, frame: Frame, start: int, end: int) -> tuple[Amount | None, Decimal | None]:
        """The amount and stake of an investment stated in the same sentence."""
        text = self.view[frame.sentence.start : frame.sentence.end]
        raw_start, raw_end = frame.raw_span(start, end)
        anchor, anchor_end = raw_start - frame.sentence.start, raw_end - frame.sentence.start
        clause_start = max(text.rfind(c, 0, anchor) for c in "；;") + 1
        stops = [i for i in (text.find(c, anchor_end) for c in "；;") if i >= 0]
        clause_end = min(stops) if stops else len(text)
        amounts = [
            a
            for a in parse_amounts(text)
            if clause_start <= a.start < clause_end
            and not re.search(r"估值", text[max(0, a.start - 10) : a.start])
        ]
        best = None
        if amounts:
            # the sum nearest to the deal, preferring one inside it
            best = min(amounts, key=lambda f: abs(f.start - anchor)).amount
        return best, parse_stake(text)

    # -- relations that need more than one pattern ------------------------------------
    def _valuations(
        self, frame: Frame, dates: list[tuple[int, int, When]], reporters: list[tuple[int, str]]
    ) -> list[Fact]:
        facts = []
        for cue in re.finditer(r"估值", frame.text):
            reporter = _reporter_for(reporters, cue.start())
            subject = None
            before = [
                i
                for i in frame.slots
                if i < cue.start()
                and frame.slots[i].type == "Organization"
                and frame.slots[i].kind not in ("outlet-cited", "MediaOutlet")
            ]
            if before:
                subject = frame.slots[before[-1]]
            after = re.match(rf"{_GAP}{{0,20}}?的(?P<o>{ORG})", frame.text[cue.end() :])
            if after:
                subject = frame.slots[cue.end() + after.start("o")]
            elif re.search(r"(?:投后|投前|本轮|此轮|融资后)$", frame.text[: cue.start()]) or (
                re.search(r"融资", frame.text) and not re.search(rf"{ORG}(?:的)?$", frame.text[: cue.start()])
            ):
                subject = self._raiser(frame) or subject  # a round's valuation is the raising company's
            if subject is None:
                continue
            prior = re.search(rf"以([^，。；{ANY}]{{1,16}}?)的?(?:投后|投前)?$", frame.text[: cue.start()])
            if prior:
                figures = parse_amounts(prior.group(1))
                if figures:
                    raw_a = frame.raw_start[prior.start()]
                    begin = frame.raw_start[before[-1]] if before else raw_a
                    fact = self._make(
                        frame,
                        "relations.valuation.at.v1",
                        "valuedAt",
                        subject,
                        None,
                        (min(begin, raw_a), frame.raw_end[cue.end() - 1]),
                        0.75,
                        reporter,
                        dates,
                        amount=figures[0].amount,
                    )
                    if fact:
                        facts.append(fact)
                    continue
            stop = re.search(r"[。；;！？]", frame.text[cue.end() :])
            clause_end = cue.end() + (stop.start() if stop else len(frame.text) - cue.end())
            raw_a = frame.raw_start[cue.start()]
            raw_b = frame.raw_end[clause_end - 1] if clause_end > cue.end() else frame.raw_end[cue.end() - 1]
            text = self.view[raw_a:raw_b]
            for found in parse_amounts(text):
                if re.search(r"或(?!者)|有望|可能|或许|预计将", text[: found.start]) or re.search(
                    _PLANNED + r"[^。]{0,16}融资", frame.text[: cue.start()]
                ):
                    continue
                if re.search(r"(?:出资|投资|投入|注资|认购)[^，,]*$", text[: found.start]):
                    continue  # "估值150亿元，其中A出资8亿元": a sum paid, not what the company is worth
                # "估值从140亿美元跃升至280亿美元" states two valuations; stop at the next clause's topic
                begin = frame.raw_start[before[-1]] if before else raw_a
                fact = self._make(
                    frame,
                    "relations.valuation.v1",
                    "valuedAt",
                    subject,
                    None,
                    (min(begin, raw_a), raw_a + found.end),
                    0.8,
                    reporter,
                    dates,
                    amount=found.amount,
                )
                if fact:
                    facts.append(fact)
        return facts

    def _competitors_named_later(self, frame: Frame, reporters: list[tuple[int, str]]) -> list[Fact]:
        """``A的竞争对手…比如B、C`` and ``竞争对手B`` with the rival named elsewhere in the sentence."""
        facts = []
        for cue in re.finditer(r"竞争对手(?:们)?", frame.text):
            reporter = _reporter_for(reporters, cue.start())
            owner_index = None
            m = re.search(rf"({ORG})(?:的)?(?:{_GAP}{{0,4}})?$", frame.text[: cue.start()])
            if m:
                owner_index = m.start(1)
            rest = frame.text[cue.end() :]
            rivals: list[int] = []
            direct = re.match(rf"\s*(?:{_GAP}{{0,2}})({ORG})(?:旗下(?:的)?({ORG}))?", rest)
            if direct:
                rivals.append(cue.end() + direct.start(2 if direct.group(2) else 1))
            for intro in re.finditer(r"比如|例如|譬如|包括|像是|诸如|既有|也有|还有", rest):
                lst = re.match(
                    rf"{_GAP}{{0,8}}?({_OWNED}(?:{_LIST_SEP}(?:{_GAP}{{0,6}}的)?{_OWNED})*)",
                    rest[intro.end() :],
                )
                if lst:
                    base = cue.end() + intro.end() + lst.start(1)
                    rivals += [
                        base + k
                        for k, ch in enumerate(lst.group(1))
                        if ch == ORG and not lst.group(1).startswith("旗下", k + 1)
                    ]
            if not rivals:
                continue
            if owner_index is None:
                others = [
                    i
                    for i in frame.slots
                    if frame.slots[i].type == "Organization"
                    and i not in rivals
                    and frame.slots[i].kind not in ("outlet-cited", "MediaOutlet", "Team")
                ]
                if not others:
                    continue
                owner_index = others[0]
            owner = frame.slots[owner_index]
            for r in sorted(set(rivals)):
                rival = frame.slots[r]
                span = frame.raw_span(min(owner_index, cue.start()), max(r, owner_index) + 1)
                fact = self._make(
                    frame,
                    "relations.competitor.rivals.v1",
                    "competitorOf",
                    rival,
                    owner,
                    span,
                    0.7,
                    reporter,
                    [],
                )
                owned = frame.text.startswith("旗下", r - 2) or frame.text.startswith("旗下的", r - 3)
                if fact and rival.kind != "MediaOutlet" and (rival.kind != "Team" or owned):
                    facts.append(fact)
        return facts

    def _raiser(self, frame: Frame) -> Slot | None:
        """The company a funding sentence is about: the one that 完成/获得 the round, else the topic."""
        raised = re.search(
            rf"({ORG}){_GAP}{{0,30}}?(?:完成|获得|宣布完成|宣布获得|迎来|启动|进行)(?:了)?[^。]{{0,30}}?(?:融资|募资)",
            frame.text,
        )
        if raised:
            slot = frame.slots[raised.start(1)]
            self.discourse.raiser = slot.entity
            return slot
        # "今年6月刚完成由A领投的B轮融资": the company raising money is the one the text is about
        if re.search(r"(?:完成|获得)(?:了)?[^。]{0,30}?(?:融资|募资)", frame.text):
            topic = self._topic(frame)
            if topic is not None:
                self.discourse.raiser = topic.entity
                return topic
        # "本轮由A领投": the round of the company an earlier sentence said was raising money
        told = re.search(
            rf"(?:^|[，,；;：:])(?:[^{ANY}]{{0,12}})(?:本轮|此轮|该轮|这轮|由|轮融资中|轮融资里|轮投资中)",
            frame.text,
        )
        # "腾讯、红杉中国参投。": a sentence that only names more investors goes on with the round before
        followers_only = re.match(
            rf"(?:[{ORG}](?:{_LIST_SEP}|{_ALIAS}|{_BACKER})*)+(?:等)?(?:机构)?(?:同轮|也|亦|均)?{_ROUND_FOLLOW}",
            frame.text,
        )
        if (told or followers_only) and self.discourse.raiser:
            return Slot(
                self.discourse.raiser, "Organization", "Company", frame.sentence.start, frame.sentence.start
            )
        # "去年的C轮融资中，A领投": a round told in passing is the round of the company in view
        if told and re.search(r"轮(?:融资|投资)(?:中|里)$", told.group()):
            topic = self._topic(frame)
            if topic is not None:
                self.discourse.raiser = topic.entity
                return topic
        return None

    def _funding_round(
        self, frame: Frame, dates: list[tuple[int, int, When]], reporters: list[tuple[int, str]]
    ) -> list[Fact]:
        """``X完成N亿美元融资，由A领投，B、C跟投``: each investor invested in X.

        The round's sum is no single investor's money when the round names several: a lead gets it only
        when it is the round's one named investor (``由A领投``, ``A独家投资``); followers never do.
        """
        if not re.search(_ROUND_LEAD + "|" + _ROUND_FOLLOW, frame.text):
            return []
        raiser = self._raiser(frame)
        if raiser is None:
            return []
        facts = []
        text = self.view[frame.sentence.start : frame.sentence.end]
        amounts = [
            a for a in parse_amounts(text) if not re.search(r"估值", text[max(0, a.start - 8) : a.start])
        ]
        party = rf"[{ORG}{PERSON}](?:旗下(?:的)?{ORG})?"
        rounds: list[tuple[re.Match[str], bool, list[Slot], int]] = []  # match, lead?, investors, clause
        for cue, is_lead in ((_ROUND_LEAD, True), (_ROUND_FOLLOW, False)):
            for match in re.finditer(
                # a name the list goes on with that is no entity here ("高瓴创投、北京市某基金跟投")
                # does not hide the investors named before it
                # and a member introduced by what it is ("A、B和老股东C跟投", "A及上海B参投") is one of them
                rf"({party}(?:{_LIST_SEP}(?:{_BACKER}|[^，。；、{ANY}]{{0,4}}?)?{party})*)(?:{_LIST_SEP}[^，。；、{ANY}]{{2,16}}?)*"
                rf"(?:等)?(?:机构|投资方|股东)?{_GAP}{{0,4}}?(?:{cue})",
                frame.text,
            ):
                if re.match(r"(?:洽谈|谈判|商谈|讨论)", frame.text[match.end() :]) or re.search(
                    r"(?:正在|正)(?:进行|筹划|筹备|洽谈|商谈|寻求)[^。]{0,10}?融资",
                    frame.text[: match.start()],
                ):
                    continue  # "正在进行新一轮融资，红杉中国参与洽谈": talks, not a deal
                # "OpenAI旗下的OpenAI Startup Fund跟投": the fund invests, not its parent
                investors = [
                    frame.slots[i]
                    for i in range(*match.span(1))
                    if i in frame.slots
                    and not frame.text.startswith("旗下", i + 1)
                    and frame.slots[i].entity != raiser.entity
                    and frame.slots[i].kind not in ("MediaOutlet", "outlet-cited")
                ]
                clause_index = len(re.findall(r"[；;]", frame.text[: match.start()]))
                rounds.append((match, is_lead, investors, clause_index))
        for match, is_lead, investors, clause_index in rounds:
            # the investors named in the same round (two rounds in one sentence are told by clause)
            named = {x.entity for _, _, xs, at in rounds if at == clause_index for x in xs}
            span = frame.raw_span(match.start(1), match.end())
            # the lead's sum is the one of its clause ("…；去年8月的A轮则由高瓴创投独家投资，金额为2亿元")
            a, b = span[0] - frame.sentence.start, span[1] - frame.sentence.start
            clause = (
                max(text.rfind(c, 0, a) for c in "；;") + 1,
                min(text.find(c, b) % (len(text) + 1) for c in "；;"),
            )
            own = [x for x in amounts if clause[0] <= x.start < clause[1]] or amounts
            sole = len(named) == 1 or match.group().endswith("独家投资")
            amount = own[0].amount if is_lead and sole and own else None
            if is_lead and not sole:
                self.shared_leads.update((x.entity, raiser.entity) for x in investors)
            # the round is told from the raiser on when the clause names it first: the evidence
            # (and the date it carries) is "曜芯今年5月完成了由A领投的C轮融资，B、C等参投"
            told_from = [
                frame.raw_start[i]
                for i, slot in frame.slots.items()
                if slot.entity == raiser.entity
                and i < match.start(1)
                and clause[0] <= frame.raw_start[i] - frame.sentence.start
            ]
            if told_from:
                span = (min(told_from), span[1])
            for investor in investors:
                fact = self._make(
                    frame,
                    "relations.investment.round.v1",
                    "investedIn",
                    investor,
                    raiser,
                    span,
                    0.75,
                    _reporter_for(reporters, match.start()),
                    dates,
                    amount=amount,
                    stake=parse_stake(text) if is_lead else None,
                )
                if fact:
                    facts.append(fact)
        return facts

    def _investment_follow_up(
        self,
        frame: Frame,
        found: list[Fact],
        dates: list[tuple[int, int, When]],
        reporters: list[tuple[int, str]],
    ) -> list[Fact]:
        """A sentence that only gives another figure for a deal already described.

        (``彭博社报道称,投资金额可能超过100亿美元``: the parties are those of the deal before.)
        """
        if any(f.relation == "investedIn" for f in found):
            return []
        previous = [f for f in self.discourse.paragraph_facts if f.relation == "investedIn"]
        if not previous:
            return []
        text = self.view[frame.sentence.start : frame.sentence.end]
        if not re.search(
            r"投资金额|交易金额|投资额|交易额|交易价格|收购价|支付|出资|的投资|融资规模|融资总额|融资额|本轮融资|该轮融资",
            text,
        ):
            return []
        amounts = parse_amounts(text)
        if not amounts:
            return []
        with_amount = [f for f in previous if f.amount is not None]
        deal = (with_amount or previous)[-1]
        facts = []
        for item in amounts:
            if re.search(r"估值", text[max(0, item.start - 12) : item.start]):
                continue  # "投后估值超过80亿元" values the company; it is not what was paid
            a = frame.sentence.start + item.start
            index = _frame_index(frame, a)
            reporter = _reporter_for(reporters, index)
            clause = [i for i, entity in reporters if i <= index]
            start = frame.raw_start[clause[-1]] if clause else a
            subject = deal.subject
            payments = list(
                re.finditer(
                    rf"({ORG})(?:{_GAP}{{0,6}}?)(?:将|会|已)?(?:支付|出资|投入)", frame.text[: index + 1]
                )
            )
            if payments:
                subject = frame.slots[payments[-1].start(1)].entity
            payer = Slot(subject, "Organization", "", a, a)
            target = Slot(deal.object or "", "Organization", "", a, a)
            span = (min(start, a), frame.sentence.start + item.end)
            fact = self._make(
                frame,
                "relations.investment.follow_up.v1",
                "investedIn",
                payer,
                target,
                span,
                0.6,
                reporter,
                dates,
                amount=item.amount,
                stake=parse_stake(text),
            )
            if fact is not None and deal.object is not None:
                facts.append(fact)
        return facts

    def _successors(self, frame: Frame, found: list[Fact], dates: list[tuple[int, int, When]]) -> list[Fact]:
        """``A原首席技术官X辞职，由Y接任`` / ``接替她的是前…Z``: the successor holds the post left."""
        pattern = (
            rf"由[^，。；{PERSON}]{{0,14}}?(?P<a>{PERSON})(?:\({PERSON}\))?(?:接任|接替|继任|接棒)"
            # "接替X出任首席技术官的是Y", "接任CTO的是Y": the post may be named in the clause itself
            rf"|(?:接任|接替|继任)(?P<replaced>{PERSON}|其)?(?:(?:出任|担任)?(?P<role>{_TITLE.pattern}))?(?:职务|职位|一职)?"
            rf"的(?:是|为|人选是|人选为)(?P<described>[^。{PERSON}]{{0,16}}?)(?P<b>{PERSON})"
        )
        facts = []
        for match in re.finditer(pattern, frame.text):
            index = match.start("a") if match.group("a") else match.start("b")
            left = [
                f
                for f in (*self.discourse.paragraph_facts, *found)
                if f.relation == "left" and f.role and f.object and f.subject != frame.slots[index].entity
            ]
            role = match.group("role")
            company: Slot | None
            if role:
                # a post the clause names itself is at the company of the one replaced, else the one in view
                replaced = frame.slots.get(match.start("replaced")) if match.group("replaced") else None
                held = self.post_of.get(replaced.entity) if replaced else None
                if replaced and held:
                    company = Slot(held, "Organization", "Company", replaced.start, replaced.end)
                else:
                    company = self._topic(frame, match.start())
            elif left:
                post = left[-1]
                company = Slot(post.object or "", "Organization", "Company", post.start, post.end)
                role = post.role
            else:
                continue
            if company is None:
                continue
            # "接任CTO的是特斯拉前高级工程师Y": a post named for one brought in from elsewhere is a hire
            # ("接替她的是前…Y", naming no post, keeps the post left: worksFor)
            outsider = match.group("role") and re.search(r"前|原|来自", match.group("described") or "")
            fact = self._make(
                frame,
                "relations.joined.successor.v1" if outsider else "relations.works_for.successor.v1",
                "joined" if outsider else "worksFor",
                frame.slots[index],
                company,
                frame.raw_span(*match.span()),
                0.6,
                None,
                dates,
                role=role,
            )
            if fact:
                facts.append(fact)
        return facts

    def _joint_releases(
        self, frame: Frame, found: list[Fact], dates: list[tuple[int, int, When]]
    ) -> list[Fact]:
        """``A与B达成合作，双方联合发布了R``: both partners released R."""
        facts = []
        partners = [f for f in found if f.relation == "partnersWith" and f.object]
        pattern = (
            rf"双方(?P<plan>{_GAP}{{0,6}}?)(?:联合|共同)(?:发布|推出|开源|上线)(?:了)?"
            rf"{_GAP}{{0,16}}?(?P<o>{PRODUCT})"
        )
        for match in re.finditer(pattern, frame.text):
            if not partners or re.search(_PLANNED, match.group("plan")):
                continue
            deal = partners[-1]
            product = frame.slots[match.start("o")]
            for party in (deal.subject, deal.object or ""):
                maker = Slot(party, "Organization", "Company", deal.start, deal.end)
                fact = self._make(
                    frame,
                    "relations.release.joint.v1",
                    "released",
                    maker,
                    product,
                    (deal.start, frame.raw_span(*match.span())[1]),
                    0.6,
                    None,
                    dates,
                )
                if fact:
                    facts.append(fact)
        return facts

    def _both_parties(
        self, frame: Frame, found: list[Fact], dates: list[tuple[int, int, When]]
    ) -> list[Fact]:
        """``字节跳动早已是摩矽科技的最大客户之一。去年底，双方还共同成立了联合实验室``: the two
        organizations of the paragraph's last two-party fact work together."""
        pattern = (
            rf"(?:双方|两家公司|两家企业|二者)(?P<plan>{_GAP}{{0,12}}?)(?:(?:共同|联合|一起)(?:成立|组建|建立|设立|打造|开发|研发|推出)"
            rf"|(?:一直|始终|长期)?(?:保持着?|开展了?|建立了?|达成了?|展开了?|深化了?)(?:长期|稳定|密切|深度|紧密|战略)*(?:的)?合作)"
        )
        match = re.search(pattern, frame.text)
        if not match or re.search(_PLANNED, match.group("plan")):
            return []
        pairs = [
            f
            for f in (*self.discourse.paragraph_facts, *found)
            if f.relation in ("customerOf", "partnersWith", "investedIn") and f.object
        ]
        if not pairs:
            return []
        deal = pairs[-1]
        a, b = _parties(deal)
        fact = self._make(
            frame,
            "relations.partnership.both_parties.v1",
            "partnersWith",
            a,
            b,
            frame.raw_span(*match.span()),
            0.6,
            None,
            dates,
        )
        return [fact] if fact else []

    def _ended_cooperation(
        self, frame: Frame, found: list[Fact], dates: list[tuple[int, int, When]]
    ) -> list[Fact]:
        """``A与B曾有合作，但该合作已于去年结束``, ``双方长达两年的合作就此结束``: the cooperation the text
        just told of (this sentence's, else the paragraph's last two-party fact) has ended."""
        pattern = (
            rf"(?:该|这一|这项|此项|双方|两家公司)(?:{_GAP}{{0,10}}?的)?合作(?:关系)?{_GAP}{{0,10}}?"
            rf"(?<!未)(?<!没有)(?<!不会)(?:终止|结束|中止|告终|破裂|画上句号)"
        )
        match = re.search(pattern, frame.text)
        if not match:
            return found
        told_at = frame.raw_span(*match.span())[0]
        pairs = [
            f
            for f in (*self.discourse.paragraph_facts, *sorted(found, key=lambda f: f.start))
            if f.relation in ("partnersWith", "customerOf", "endedPartnershipWith")
            and f.object
            and f.start < told_at
        ]
        if not pairs:
            return found
        deal = pairs[-1]
        a, b = _parties(deal)
        ended = self._make(
            frame,
            "relations.partnership_end.told_before.v1",
            "endedPartnershipWith",
            a,
            b,
            frame.raw_span(*match.span()),
            0.65,
            None,
            dates,
        )
        # the partnership this sentence told is the one that ended, not a current one
        kept = [f for f in found if f is not deal or f.relation == "endedPartnershipWith"]
        return [*kept, ended] if ended else kept

    def _product_buyers(self, frame: Frame, dates: list[tuple[int, int, When]]) -> list[Fact]:
        """``字节跳动和快手均已采购T3芯片``, ``X1已在比亚迪、顺丰的仓库中完成部署``: who buys or deploys a
        product is a customer of the company that made it."""
        facts = []
        buyers = (
            rf"(?P<s>{ORG}(?:{_LIST_SEP}{ORG})*)(?P<plan>{_GAP}{{0,8}}?)(?<!未)(?<!没有)(?<!不)"
            rf"(?:采购|购买|订购|部署|采用|选用|批量采购|接入|引入)(?:了)?{_GAP}{{0,6}}?(?P<o>{PRODUCT})"
        )
        deployed = (
            rf"(?P<o>{PRODUCT})(?P<plan>{_GAP}{{0,6}}?)(?:在|进入)(?P<s>{ORG}(?:{_LIST_SEP}{ORG})*)(?:的)?"
            rf"{_GAP}{{0,14}}?(?:完成|实现)?(?:部署|落地|投用|商用|交付)"
        )
        # "D1目前的客户包括比亚迪和顺丰": a product's customers are its maker's
        listed = (
            rf"(?P<o>{PRODUCT})(?P<plan>{_GAP}{{0,4}}?)的?(?:主要|首批)?(?:客户|用户)(?:则|还|也|主要)?(?:包括|有|涵盖|是)"
            rf"(?P<s>{ORG}(?:{_LIST_SEP}{ORG})*)"
        )
        matches = [
            *re.finditer(buyers, frame.text),
            *re.finditer(deployed, frame.text),
            *re.finditer(listed, frame.text),
        ]
        for match in matches:
            if re.search(_PLANNED, match.group("plan")):
                continue
            maker = self.product_makers.get(frame.slots[match.start("o")].entity)
            if maker is None:
                continue
            supplier = Slot(maker, "Organization", "Company", 0, 0)
            for buyer in frame.slots_in(*match.span("s")):
                fact = self._make(
                    frame,
                    "relations.customer.buys_product.v1",
                    "customerOf",
                    buyer,
                    supplier,
                    frame.raw_span(*match.span()),
                    0.6,
                    None,
                    dates,
                )
                if fact:
                    facts.append(fact)
        return facts

    def _people_together(self, frame: Frame, dates: list[tuple[int, int, When]]) -> list[Fact]:
        """``两人均毕业于X``: the last two people the text named (三人: three) both did it."""
        facts = []
        pattern = (
            rf"(?P<n>两|二|三)(?:人|位)(?:均|都|皆|同样)?"
            rf"(?:毕业于|曾就读于|就读于|曾任职于|曾供职于)(?P<o>{ORG})"
        )
        for match in re.finditer(pattern, frame.text):
            count = 3 if match.group("n") == "三" else 2
            people = self.discourse.people[-count:]
            if len(people) < count:
                continue
            relation = "educatedAt" if "读" in match.group() or "毕业" in match.group() else "left"
            school = frame.slots[match.start("o")]
            for person in people:
                fact = self._make(
                    frame,
                    "relations.people_together.v1",
                    relation,
                    person,
                    school,
                    frame.raw_span(*match.span()),
                    0.6,
                    None,
                    dates,
                )
                if fact:
                    facts.append(fact)
        return facts

    def _units(self, frame: Frame) -> list[Fact]:
        """Every team or lab is part of an organization, told once per document: the one its
        name starts with (``Meta AI部门``), else the one it is introduced with (``Meta新成立的
        AI研究实验室``, ``Meta内部…生成式AI团队``), else the organization the text is about."""
        facts = []
        for index, slot in sorted(frame.slots.items()):
            if slot.kind != "Team" or slot.type != "Organization" or slot.entity in self.unit_parents:
                continue
            parent = self._named_parent(slot)
            if parent is None:
                owner = re.search(rf"({ORG})(?:{_GAP}{{0,10}}|内部[^。{ANY}]{{0,12}})$", frame.text[:index])
                if owner and frame.slots[owner.start(1)].kind not in ("Team", "outlet-cited", "MediaOutlet"):
                    parent = frame.slots[owner.start(1)]
            if parent is None and self._named_after_absent_organization(slot):
                continue
            if parent is None:
                parent = self._topic(frame)
            if parent is None and self.discourse.salient_company:
                parent = Slot(self.discourse.salient_company, "Organization", "Company", slot.start, slot.end)
            if parent is None or parent.entity == slot.entity:
                continue
            self.unit_parents[slot.entity] = parent.entity
            near = parent.start < slot.start and slot.start - parent.start < 40
            start = parent.start if near else slot.start
            fact = self._make(
                frame, "relations.part_of.unit.v1", "partOf", slot, parent, (start, slot.end), 0.65, None, []
            )
            if fact:
                facts.append(fact)
        return facts

    def _named_after_absent_organization(self, unit: Slot) -> bool:
        """Does the unit's name begin with an organization's name the text never uses alone (a known
        one, or one with a head noun: 华南农业大学|精准农业航空实验室)?"""
        name = self.view[unit.start : unit.end]
        return _PARENT_HEAD.match(name) is not None or any(
            (known := known_by_name(name[:length])) is not None and known.type == "Organization"
            for length in range(len(name) - 1, 1, -1)
        )

    def _units_named_after_parent(self, frame: Frame) -> list[Fact]:
        """``百度智能云``, ``腾讯云``: a company named as a unit of another the text names is part of it."""
        facts = []
        for slot in frame.slots.values():
            if slot.type != "Organization" or slot.kind in ("Team", "MediaOutlet", "outlet-cited"):
                continue
            if slot.entity in self.unit_parents:
                continue
            name = self.view[slot.start : slot.end]
            parent = self._named_parent(slot)
            if parent is None or not re.search(_UNIT_ENDINGS, name[parent.end - parent.start :]):
                continue
            self.unit_parents[slot.entity] = parent.entity
            fact = self._make(
                frame,
                "relations.part_of.named.v1",
                "partOf",
                slot,
                parent,
                (slot.start, slot.end),
                0.7,
                None,
                [],
            )
            if fact:
                facts.append(fact)
        return facts

    def _university_of(self, unit: Slot) -> Slot | None:
        """The university a school is named after (浙江大学|计算机学院): who studied at the school
        studied at the university."""
        parent = self._named_parent(unit) if unit.kind == "Team" else None
        name = self.view[parent.start : parent.end] if parent else ""
        known = known_by_name(name)
        return parent if name.endswith("大学") or known is not None and known.kind == "University" else None

    def _named_parent(self, unit: Slot) -> Slot | None:
        """The organization a unit's own name begins with: ``Meta AI部门`` -> Meta."""
        name = self.view[unit.start : unit.end]
        for length in range(len(name) - 1, 1, -1):
            entity = self.organization_names.get(name_key(name[:length]))
            if entity is not None and entity != unit.entity:
                return Slot(entity, "Organization", "Company", unit.start, unit.start + length)
        return None


# the head noun of an organization that a unit's name may begin with
_PARENT_HEAD = re.compile(r".{2,12}?(?:大学|集团|公司|医院|银行|科学院)(?=.{2,})")


def _without_posts_left(found: list[Fact]) -> list[Fact]:
    """Drop a sentence's worksFor whose post the same sentence says was left (same role or none)."""
    left = {(f.subject, f.object): f.role for f in found if f.relation == "left"}
    return [
        f
        for f in found
        if not (
            f.relation == "worksFor"
            and (f.subject, f.object) in left
            and left[(f.subject, f.object)] in (None, f.role)
        )
    ]


def _frame_index(frame: Frame, raw_offset: int) -> int:
    """The frame position of a raw offset inside the sentence."""
    for index, start in enumerate(frame.raw_start):
        if start >= raw_offset:
            return index
    return len(frame.raw_start) - 1


def _parties(deal: Fact) -> tuple[Slot, Slot]:
    """The two companies of a deal already told, as the arguments of a fact about that deal."""
    return (
        Slot(deal.subject, "Organization", "Company", deal.start, deal.end),
        Slot(deal.object or "", "Organization", "Company", deal.start, deal.end),
    )


def _reporter_for(reporters: list[tuple[int, str]], index: int) -> str | None:
    """The outlet a statement at ``index`` is attributed to: the last one cited before it, else the first."""
    if not reporters:
        return None
    before = [entity for i, entity in reporters if i <= index]
    return before[-1] if before else reporters[0][1]


def _types_fit(rule: Rule, subject: Slot, obj: Slot) -> bool:
    if subject.type not in rule.subject_types or obj.type not in rule.object_types:
        return False
    if rule.object_kinds and obj.kind not in rule.object_kinds:
        return False
    # an outlet reports events; it is not a party to business ones
    return not (rule.relation != "worksFor" and "MediaOutlet" in (subject.kind, obj.kind))


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    return role.strip().rstrip("，,。；;而")


def _date_for(dates: list[tuple[int, int, When]], start: int, end: int, frame: Frame) -> When | None:
    """A date inside the evidence, or a date standing alone at the head of its sentence (``2024年3月,…``)
    or of the clause the evidence is in (``【财新网】10月20日晚间，…``, ``…；去年8月的A轮则由A领投``)."""
    inside = [w for s, e, w in dates if start <= s and e <= end]
    if inside:
        return inside[-1]
    heads = [(s, e, w) for s, e, w in dates if e <= start]
    if not heads:
        return None
    s, e, w = heads[-1]
    if s - frame.sentence.start <= 2:
        return w
    # alone at the head of the clause: nothing but a few words before it, no party ("英伟达成立于1993年，"
    # dates a founding, not what the clause goes on to say)
    at, evidence_at = _frame_index(frame, s), _frame_index(frame, start)
    clause = max(frame.text.rfind(c, 0, at) for c in "；;") + 1
    before = frame.text[clause:at]
    # 【财新网】 is a dateline; "OpenAI去年10月完成了融资" dates what its subject did
    parties = [i for i in range(clause, at) if i in frame.slots and frame.slots[i].kind not in _OUTLET_KINDS]
    subject_first = len(parties) == 1 and at - parties[0] <= 3
    alone = len(before) <= 12 and (not parties or subject_first) and not re.search(r"[，,。]", before)
    return w if alone and not re.search(r"[；;]", frame.text[at:evidence_at]) else None


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple] = set()
    out = []
    for fact in sorted(
        facts, key=lambda f: (f.start, f.end, f.relation, f.subject, f.object or "", f.extractor)
    ):
        key = (fact.key(), fact.start, fact.end)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def salient_company(slots: Sequence[Slot]) -> str | None:
    """The company a text is most about: the one it names most often."""
    counts = Counter(
        s.entity for s in slots if s.type == "Organization" and s.kind not in ("MediaOutlet", "Team")
    )
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
