"""The data that flows from text to graph: documents, spans, mentions, entities and facts.

Every type here is a frozen dataclass so that extraction is a pure function of its input.
Offsets are code points into ``Document.raw`` (the decoded text, never rewritten), end
exclusive, so that ``doc.raw[start:end] == text`` holds for every span.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

ENTITY_TYPES = ("Person", "Organization", "Product")

RELATIONS = (
    "founded",
    "worksFor",
    "joined",
    "left",
    "educatedAt",
    "investedIn",
    "acquired",
    "partnersWith",
    "endedPartnershipWith",
    "customerOf",
    "competitorOf",
    "partOf",
    "released",
    "valuedAt",
)
SYMMETRIC_RELATIONS = frozenset({"partnersWith", "competitorOf"})


@dataclass(frozen=True, order=True)
class Region:
    """A part of a document that is prose to analyse (title, summary, body, a citation)."""

    start: int
    end: int
    kind: str = "body"


@dataclass(frozen=True)
class Citation:
    """A footnote reference (``[^1]: …``) of a Markdown article: a source the article cites."""

    key: str
    start: int
    end: int
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Document:
    """One decoded article. ``raw`` is the text exactly as decoded; everything else points into it."""

    id: str
    source: str
    raw: str
    sha256: str
    published: str | None = None  # ISO 8601 date, "YYYY-MM-DD"
    title: str | None = None
    tags: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    citations: tuple[Citation, ...] = ()
    encoding: str = "utf-8"

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    @property
    def month(self) -> int | None:
        """The month of publication, when the date gives one (``本月`` and ``上月`` count from it)."""
        return int(self.published[5:7]) if self.published and len(self.published) >= 7 else None

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str = "text",
        published: str | None = None,
        regions: tuple[Region, ...] | None = None,
    ) -> Document:
        """A document made from a string, all of it prose to analyse (for library use and tests).

        >>> Document.from_text("腾讯宣布投资智谱。", "news.txt").regions
        (Region(start=0, end=9, kind='body'),)
        """
        return cls(
            id=id,
            source=id,
            raw=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            published=published,
            regions=(Region(0, len(text)),) if regions is None else regions,
        )


@dataclass(frozen=True, order=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Mention:
    """A name in the text that refers to a Person, Organization or Product."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    extractor: str
    confidence: float = 1.0
    # the name the mention stands for once repaired (``马克?扎克伯格`` -> ``马克·扎克伯格``)
    name: str = ""
    # finer class the rule saw ("Team", "MediaOutlet" …), and the entity key once resolved
    kind: str = ""
    entity: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Entity:
    """One real-world thing: every name it goes by and every mention of it."""

    key: str
    type: str
    names: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None
    label_zh: str | None = None
    label_en: str | None = None
    kind: str = ""  # finer class: "Team", "MediaOutlet", "GovernmentBody", "University", "AIModel" …


@dataclass(frozen=True, order=True)
class Amount:
    """A sum of money, normalized: ``超过100亿美元`` -> Amount(10000000000, "USD", "over")."""

    value: Decimal
    currency: str
    qualifier: str = "exact"  # exact | about | over | under | range
    upper: Decimal | None = None  # upper bound of a range (``数十亿美元``)
    text: str = field(default="", compare=False)


@dataclass(frozen=True, order=True)
class When:
    """A date with its precision: ``2024-11`` (month), ``2016`` (year), ``2025-01-20`` (day)."""

    value: str
    precision: str  # year | month | day
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class Fact:
    """One statement extracted from one span of one document.

    ``subject``/``object``/``reported_by`` are entity keys. ``valuedAt`` has no object; its
    ``amount`` holds the value.
    """

    doc_id: str
    relation: str
    subject: str
    object: str | None
    start: int
    end: int
    evidence: str
    extractor: str
    confidence: float = 0.7
    amount: Amount | None = None
    stake: Decimal | None = None
    role: str | None = None
    date: When | None = None
    reported_by: str | None = None

    def key(self) -> tuple:
        """What makes two extractions the same claim (evidence aside)."""
        subject, obj = self.subject, self.object
        if self.relation in SYMMETRIC_RELATIONS and obj is not None and obj < subject:
            subject, obj = obj, subject
        return (
            self.doc_id,
            subject,
            self.relation,
            obj,
            self.amount,
            self.stake,
            self.role,
            self.date,
            self.reported_by,
        )
