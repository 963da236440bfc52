"""Entities: which mentions name the same real thing, within a document and across documents.

Within a document, mentions join when they have the same name, when one glosses the other in
parentheses (``亚历山大·王(Alexandr Wang)``), when one is a part of a person's full name that
no other person in the text shares (``王`` … ``亚历山大·王``, ``Al-Dahle`` … ``Ahmad Al-Dahle``),
when both are the same known entity (``小扎`` / ``扎克伯格``), or when two team names differ only
in the unit word (``GenAI团队`` / ``GenAI部门``). Across documents, entities join on a known id
or on a shared full name — never on a short form alone, so two people surnamed 王 in two
articles stay two people.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extractors.lexicon import words
from extractors.model import Entity, Mention
from extractors.text import NAME_DOT, has_cjk, name_key
from ontology.keys import slug
from ontology.known import KnownEntity, lookup

UNIT_WORDS = ("实验室", "研究院", "研究所", "事业部", "事业群", "工作室", "团队", "部门", "小组", "中心")


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "集团",
    "公司",
    " Inc.",
    " Inc",
    " Ltd.",
    " Ltd",
    " Corp.",
    " Corporation",
    " LLC",
    " Co., Ltd.",
)


def identity_key(name: str) -> str:
    """The key two names of one organization share: the name without its legal form."""
    return name_key(_without_legal_form(name))


def _known(name: str) -> KnownEntity | None:
    """The reference entity a name stands for, its legal form aside (腾讯集团 is 腾讯)."""
    found = lookup(name)
    if found is None:
        bare = _without_legal_form(name)
        found = lookup(bare) if bare != name else None
    return found


def _without_legal_form(name: str) -> str:
    for form in LEGAL_FORMS:
        if name.endswith(form) and len(name) > len(form) + 1:
            return name[: -len(form)]
    return name


def name_parts(name: str) -> list[str]:
    """The parts of a personal name.

    >>> name_parts("亚历山大·王"), name_parts("Ahmad Al-Dahle")
    (['亚历山大', '王'], ['Ahmad', 'Al-Dahle'])
    """
    return [p for p in re.split(rf"[{NAME_DOT}\s]+", name) if p]


def unit_stem(name: str) -> str | None:
    for word in sorted(UNIT_WORDS, key=len, reverse=True):
        if name.endswith(word) and len(name) > len(word):
            return name_key(name[: -len(word)])
    return None


@dataclass
class Cluster:
    """Mentions of one entity inside one document (work in progress)."""

    mentions: list[Mention]
    type: str
    kind: str
    known: KnownEntity | None

    def names(self) -> list[str]:
        forms = set()
        for mention in self.mentions:
            forms.add(mention.text)
            forms.add(mention.name or mention.text)
        return sorted(forms)

    def full_names(self) -> list[str]:
        """Names that identify the entity on their own (not a bare surname or first name, nor a
        unit's name without its company's: 自动驾驶实验室 for 阿里巴巴自动驾驶实验室)."""
        partial = {m.text for m in self.mentions if m.name != m.text and m.name.endswith(m.text)}
        names = [
            n
            for n in self.names()
            if (self.type != "Person" or len(name_parts(n)) > 1 or has_cjk(n) and len(n) >= 4)
            and n not in partial
        ]
        return names or self.names()


# between a name and its gloss or declared short form: 深度求索（DeepSeek）, …公司（以下简称“X”）
_GLOSS_OPENING = re.compile(r"[(（](?:(?:以下|下文|下)?(?:简称|称)[为：:]?[“\"「])?")
# the gloss ends the parentheses, or a declared short form follows it: （Frostquill Games，下称“霜翎互动”）
_GLOSS_CLOSING = re.compile(r"[”\"」]?[)）]|[，,]\s*(?:以下|下文|下)?(?:简称|称)")


def _parenthetical_pairs(mentions: Sequence[Mention], raw: str) -> Iterable[tuple[int, int]]:
    """Index pairs (a, b) where mention b stands in parentheses right after mention a, alone or as the
    short form the article declares for it."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        between = raw[a.end : b.start]
        if between[:1] in '”"」' and raw[a.start - 1 : a.start] in '“"「':
            between = between[1:]  # a quoted name and its gloss: 模型“衡山-4”（Hengshan-4）
        if _GLOSS_OPENING.fullmatch(between) and _GLOSS_CLOSING.match(raw, b.end):
            quoted = between[-1:] in '“"「'
            if quoted == (raw[b.end : b.end + 1] in '”"」'):
                yield i, i + 1


def resolve_document(mentions: Sequence[Mention], raw: str) -> list[Cluster]:
    """Group one document's mentions into entities and settle each entity's type."""
    mentions = list(mentions)
    n = len(mentions)
    uf = UnionFind(n)
    known: list[KnownEntity | None] = [_known(m.name or m.text) for m in mentions]

    # 1. same name (a legal form aside: 华芯微电子股份有限公司 = 华芯微电子), same known entity
    first_by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        reference = known[i]
        ident = ("known", reference.id) if reference else ("name", identity_key(m.name or m.text))
        if ident in first_by_key:
            uf.union(first_by_key[ident], i)
        else:
            first_by_key[ident] = i

    # 2. a gloss in parentheses: 中文名(English Name), FAIR(基础人工智能研究部门). When the two sides
    # were typed differently by rules that only guessed, the pair is no evidence of one entity.
    for a, b in _parenthetical_pairs(mentions, raw):
        guessed = {mentions[a].type, mentions[b].type} - {""}
        if len(guessed) > 1 and max(mentions[a].confidence, mentions[b].confidence) < 0.8:
            continue
        uf.union(a, b)

    # 2b. a registered name is the short name with its place before it: 深圳芯瑞半导体有限公司 = 芯瑞半导体
    organizations = {
        identity_key(m.name or m.text): i for i, m in enumerate(mentions) if m.type == "Organization"
    }
    for i, m in enumerate(mentions):
        if m.type != "Organization" or known[i] is not None:
            continue
        full = identity_key(m.name or m.text)
        for cut in (2, 3):
            short = organizations.get(full[cut:])
            if short is not None and len(full) - cut >= 3 and short != i and has_cjk(full[:cut]):
                uf.union(short, i)
                break

    # 3. teams whose names differ only in the unit word, and a team named without it
    first_by_stem: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.kind == "Team":
            stem = unit_stem(m.name or m.text)
            if stem:
                if stem in first_by_stem:
                    uf.union(first_by_stem[stem], i)
                else:
                    first_by_stem[stem] = i
    for i, m in enumerate(mentions):
        same = first_by_stem.get(name_key(m.name or m.text))
        reference = known[i]
        team_like = m.kind == "Team" or reference is None or reference.kind == "Team"
        if same is not None and m.type in ("Organization", "") and team_like:
            uf.union(same, i)

    clusters = _collect(mentions, uf, known)

    # 4. short forms of personal names: a part of exactly one person's full name
    part_owner: dict[str, set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        if cluster.type != "Person":
            continue
        for full in cluster.full_names():
            parts = name_parts(full)
            if len(parts) > 1:
                for part in parts:
                    part_owner[name_key(part)].add(index)
    # ... and of organization names: "Helix" for "Helix Robotics" when no other name starts so
    first_word_owner: dict[str, set[int]] = defaultdict(set)
    surname_owner: dict[str, set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        for full in cluster.names():
            if cluster.type == "Organization" and cluster.known is None and " " in full and not has_cjk(full):
                first_word_owner[name_key(full.split(" ")[0])].add(index)
            if cluster.type == "Person" and has_cjk(full) and NAME_DOT not in full and 2 <= len(full) <= 3:
                surname_owner[full[0]].add(index)
    merged: dict[int, int] = {}
    ambiguous: set[int] = set()
    for index, cluster in enumerate(clusters):
        names = {name_key(n) for n in cluster.names()}
        if len(names) != 1 or cluster.known is not None:
            continue
        key = next(iter(names))
        owners = part_owner.get(key, set()) - {index}
        if len(owners) == 1 and (cluster.type in ("Person", "") or cluster.mentions[0].confidence <= 0.6):
            merged[index] = next(iter(owners))
            continue
        if len(owners) > 1 and cluster.type in ("Person", ""):
            ambiguous.add(index)  # "Wang" when two Wangs are named: one of them, but which is unclear
        owners = first_word_owner.get(key, set()) - {index}
        if len(owners) == 1 and cluster.type in ("Organization", "") and " " not in cluster.names()[0]:
            merged[index] = next(iter(owners))
            continue
        # 星衍 for 星衍机器人: a Chinese name that begins exactly one longer company name
        if cluster.type == "Organization" and has_cjk(key) and len(key) >= 2:
            owners = {
                i
                for i, other in enumerate(clusters)
                if i != index
                and other.type == "Organization"
                and other.known is None
                and other.kind != "Team"  # 浙江大学控制科学与工程学院 is a unit of 浙江大学, not its name
                and any(_begins_with(identity_key(n), key) for n in other.names())
            }
            if len(owners) == 1:
                merged[index] = next(iter(owners))
                continue
        # T3 for 曜芯T3, H2 for 极光H2: a product's model code stands for the one product it ends
        if cluster.type == "Product" and not has_cjk(key) and len(key) >= 2:
            owners = {
                i
                for i, other in enumerate(clusters)
                if i != index
                and other.type == "Product"
                and any(
                    name_key(n).endswith(key) and has_cjk(name_key(n)[: -len(key)]) for n in other.names()
                )
            }
            if len(owners) == 1:
                merged[index] = next(iter(owners))
                continue
        # 刘博士, 王总, 李先生: a surname and a title stand for the one person of that surname
        title = re.fullmatch(r"(.)(?:先生|女士|博士|教授|总|董|老师|院士)", cluster.names()[0])
        if title and cluster.type == "Person":
            owners = surname_owner.get(title.group(1), set()) - {index}
            if len(owners) == 1:
                merged[index] = next(iter(owners))
    for index, owner in merged.items():
        clusters[owner].mentions.extend(clusters[index].mentions)
    clusters = [c for i, c in enumerate(clusters) if i not in merged and i not in ambiguous]

    # 5. whatever is still untyped: a lone first name that no one bears is dropped; a
    # capitalized word is most often a company in business news.
    settled = []
    for cluster in clusters:
        if not cluster.type:
            if all(n in words("given_names_en.txt") for n in cluster.names()):
                continue
            cluster.type = "Organization"
        settled.append(cluster)
    for cluster in settled:
        cluster.mentions.sort(key=lambda m: (m.start, m.end))
    return sorted(settled, key=lambda c: (c.mentions[0].start, c.mentions[0].end))


def _begins_with(full: str, short: str) -> bool:
    """Does the longer name ``full`` begin with ``short``, or with two or three characters of a place
    and then ``short`` (杭州深度智联信息技术 and 深度智联; see 2b above)?"""
    if len(full) <= len(short):
        return False
    return full.startswith(short) or any(
        full.startswith(short, cut) and has_cjk(full[:cut]) and len(full) - cut > len(short) for cut in (2, 3)
    )


def _collect(mentions: list[Mention], uf: UnionFind, known: list[KnownEntity | None]) -> list[Cluster]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    clusters = []
    for members in groups.values():
        group = [mentions[i] for i in members]
        known_entity = next((known[i] for i in members if known[i] is not None), None)
        votes: dict[str, float] = defaultdict(float)
        kinds: dict[str, float] = defaultdict(float)
        for m in group:
            if m.type:
                votes[m.type] += m.confidence
            if m.kind:
                kinds[m.kind] += m.confidence
        if known_entity is not None:
            type_, kind = known_entity.type, known_entity.kind or ""
        else:
            type_ = max(sorted(votes), key=lambda t: votes[t]) if votes else ""
            kind = max(sorted(kinds), key=lambda k: kinds[k]) if kinds else ""
        clusters.append(Cluster(group, type_, kind, known_entity))
    return clusters


# ---------------------------------------------------------------------------------------
# Across documents


def _labels(cluster_names: Iterable[str], known: KnownEntity | None) -> tuple[str | None, str | None]:
    """The preferred name in each language: the fullest name the texts use, or the reference list's.

    The reference list's Chinese name is taken only when the texts write the entity in Chinese at all:
    an article that only says "Meta" should not be drawn as 脸书.
    """
    names = sorted(set(cluster_names))
    zh = [n.replace("?", NAME_DOT) for n in names if has_cjk(n)]
    en = [n for n in names if not has_cjk(n)]
    label_zh = max(zh, key=lambda n: (len(n), n)) if zh else None
    label_en = max(en, key=lambda n: (len(n.split()), len(n), n)) if en else None
    if known and known.zh and zh:
        label_zh = known.zh[0]
    if known and known.en:
        label_en = known.en[0]
    return label_zh, label_en


def _key_slug(name: str) -> str:
    """The readable part of an entity key; a name with no letter or digit gets a digest instead."""
    try:
        return slug(name)
    except ValueError:
        return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def link_documents(per_document: Sequence[Sequence[Cluster]]) -> tuple[list[Entity], list[dict[int, str]]]:
    """Merge the documents' clusters into corpus entities.

    Returns the entities (sorted by key) and, for each document, cluster index -> entity key.
    """
    flat: list[tuple[int, int, Cluster]] = [
        (d, c, cl) for d, clusters in enumerate(per_document) for c, cl in enumerate(clusters)
    ]
    uf = UnionFind(len(flat))
    seen: dict[tuple[str, str], int] = {}
    for index, (_, _, cluster) in enumerate(flat):
        idents = [("known", cluster.known.id)] if cluster.known else []
        idents += [(cluster.type, name_key(n)) for n in cluster.full_names()]
        for ident in idents:
            if ident in seen:
                uf.union(seen[ident], index)
            else:
                seen[ident] = index
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(flat)):
        groups[uf.find(index)].append(index)

    entities: list[Entity] = []
    assignment: list[dict[int, str]] = [dict() for _ in per_document]
    used_keys: set[str] = set()
    for members in sorted(groups.values()):
        clusters = [flat[i][2] for i in members]
        known = next((c.known for c in clusters if c.known), None)
        votes: Counter[str] = Counter()
        for c in clusters:
            votes[c.type] += len(c.mentions)
        type_ = known.type if known else max(sorted(votes), key=lambda t: votes[t])
        kind = known.kind if known and known.kind else next((c.kind for c in clusters if c.kind), "")
        names = sorted({n for c in clusters for n in c.names()})
        # labels come from the repaired names (马修·罗斯克, not the raw 马修？罗斯克)
        repaired = {m.name or m.text for c in clusters for m in c.mentions}
        full = sorted(n for c in clusters for n in c.full_names() if n in repaired) or sorted(repaired)
        label_zh, label_en = _labels(full, known)
        base = f"{type_.lower()}/{_key_slug(label_en or label_zh or names[0])}"
        key = base
        counter = 2
        while key in used_keys:
            key = f"{base}-{counter}"
            counter += 1
        used_keys.add(key)
        mentions = tuple(
            sorted((m for c in clusters for m in c.mentions), key=lambda m: (m.doc_id, m.start, m.end))
        )
        all_names = set(names)
        if label_zh:
            all_names.add(label_zh)
        if label_en:
            all_names.add(label_en)
        entities.append(
            Entity(
                key=key,
                type=type_,
                names=tuple(sorted(all_names)),
                mentions=tuple(replace(m, type=type_) for m in mentions),
                wikidata=known.wikidata if known else None,
                label_zh=label_zh,
                label_en=label_en,
                kind=kind or "",
            )
        )
        for i in members:
            doc, cluster_index, _ = flat[i]
            assignment[doc][cluster_index] = key
    entities.sort(key=lambda e: e.key)
    return entities, assignment
