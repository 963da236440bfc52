"""The reference list of well-known entities (``known_entities.json``) and lookup by name.

The list is plain data shipped inside the package; this module loads it once, checks it, and
answers "which known entity is called this?" for any spelling news uses:

>>> lookup("马克?扎克伯格").id
'mark_zuckerberg'
>>> lookup("Meta Platforms").wikidata
'Q380'
>>> lookup("no such company") is None
True

It needs nothing outside the standard library (no rdflib), so ``extractors`` may import it;
it never imports ``extractors`` (data flows one way).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "ENTITY_TYPES",
    "KINDS_BY_TYPE",
    "KnownEntity",
    "KnownEntityError",
    "by_id",
    "known_entities",
    "lookup",
    "name_index",
    "normalize_name",
    "parse_known_entities",
]

DATA_FILE = "known_entities.json"

# Repeated here rather than imported from extractors.model: ontology must not depend on extractors.
ENTITY_TYPES = ("Organization", "Person", "Product")
# The finer classes each type may carry (nkg:Company, nkg:MediaOutlet … in newskg.ttl).
KINDS_BY_TYPE: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "Organization": frozenset({"Company", "GovernmentBody", "MediaOutlet", "Team", "University"}),
        "Person": frozenset(),
        "Product": frozenset({"AIModel"}),
    }
)

_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ENTITY_KEYS = frozenset({"id", "type", "kind", "zh", "en", "wikidata"})
_TOP_KEYS = frozenset({"about", "entities"})

# Everything that stands for the interpunct "·" of transliterated names: the bullet, katakana and
# hyphenation points that input methods produce, and "?" because a "·" lost in a bad re-encoding
# comes out as "?" (seen in real articles: "马克?扎克伯格"). Runs after NFKC, which has already
# turned full-width "？" into "?" and half-width "･" into "・".
_TO_INTERPUNCT = str.maketrans(dict.fromkeys("?•・‧∙⋅", "·"))
# Hyphens are dropped, not kept: news writes "GPT-4o", "GPT 4o" and "GPT4o" for the same model.
_DROPPED = frozenset("-\u2010\u2011\u2012\u2013")
# Book-title marks around a name (《华尔街日报》) are punctuation, not part of the name.
_TITLE_MARKS = "《》〈〉"


class KnownEntityError(ValueError):
    """The known-entity list is malformed; the message names the file, the entry and the problem."""


@dataclass(frozen=True)
class KnownEntity:
    """One well-known person, organization or product and every name news uses for it.

    ``zh`` and ``en`` list the Chinese and the Latin-script names, main name first;
    ``kind`` is a finer class ("Company", "MediaOutlet", "GovernmentBody", "University",
    "Team", "AIModel") or "" when there is none.
    """

    id: str
    type: str
    kind: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """All names, Chinese first, each in its listed order."""
        return self.zh + self.en

    @property
    def label_zh(self) -> str | None:
        """The main Chinese name, if the entity has one."""
        return self.zh[0] if self.zh else None

    @property
    def label_en(self) -> str | None:
        """The main English (Latin-script) name, if the entity has one."""
        return self.en[0] if self.en else None


# extraction compares the same few thousand names over and over (62,000 calls for 8,000 names in 174
# articles); the bound only keeps a long run's memory in check
@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The form names are compared in: NFKC, casefolded, no whitespace or hyphens, one interpunct.

    >>> normalize_name("马克?扎克伯格") == normalize_name("马克・扎克伯格") == "马克·扎克伯格"
    True
    >>> normalize_name(" Meta  Platforms ")
    'metaplatforms'
    >>> normalize_name("《华尔街日报》"), normalize_name("GPT-4o")
    ('华尔街日报', 'gpt4o')
    """
    text = unicodedata.normalize("NFKC", name).casefold().translate(_TO_INTERPUNCT)
    text = "".join(ch for ch in text if not ch.isspace() and ch not in _DROPPED)
    return text.strip(_TITLE_MARKS)


def parse_known_entities(data: object, source: str = DATA_FILE) -> tuple[KnownEntity, ...]:
    """Check decoded ``known_entities.json`` content and turn it into entities, in file order.

    Raises ``KnownEntityError`` naming ``source`` and the entry for: a missing or unknown field, an id
    that is not snake_case or not unique, an unknown type or kind, a name that is empty, misplaced
    (a Latin name under ``zh`` …) or shared with another entry once normalized, or a malformed or
    repeated Wikidata id.
    """
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise KnownEntityError(f'{source}: expected an object with an "entities" list')
    extra = sorted(set(data) - _TOP_KEYS)
    if extra:
        raise KnownEntityError(f"{source}: unknown top-level field(s) {', '.join(extra)}")

    entities: list[KnownEntity] = []
    ids: set[str] = set()
    owner_of_name: dict[str, str] = {}
    owner_of_qid: dict[str, str] = {}
    for position, record in enumerate(data["entities"]):
        entity = _parse_entity(record, f"{source}: entity #{position}")
        where = f"{source}: entity {entity.id!r}"
        if entity.id in ids:
            raise KnownEntityError(f"{where}: duplicate id")
        ids.add(entity.id)
        for name in entity.names:
            key = normalize_name(name)
            owner = owner_of_name.setdefault(key, entity.id)
            if owner != entity.id:
                raise KnownEntityError(
                    f"{where}: name {name!r} (normalized {key!r}) is already a name of {owner!r}"
                )
        if entity.wikidata is not None:
            owner = owner_of_qid.setdefault(entity.wikidata, entity.id)
            if owner != entity.id:
                raise KnownEntityError(f"{where}: wikidata {entity.wikidata} is already used by {owner!r}")
        entities.append(entity)
    return tuple(entities)


def _parse_entity(record: object, where: str) -> KnownEntity:
    """Check one entry; ``where`` locates it in error messages until its id is known."""
    if not isinstance(record, dict):
        raise KnownEntityError(f"{where}: expected an object, got {type(record).__name__}")
    entity_id = record.get("id")
    if not isinstance(entity_id, str) or not _ID.match(entity_id):
        raise KnownEntityError(f"{where}: id {entity_id!r} is not snake_case (a-z, 0-9, _)")
    where = f"{where.rsplit(': ', 1)[0]}: entity {entity_id!r}"
    unknown = sorted(set(record) - _ENTITY_KEYS)
    if unknown:
        raise KnownEntityError(
            f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_ENTITY_KEYS))}"
        )

    entity_type = record.get("type")
    if entity_type not in ENTITY_TYPES:
        raise KnownEntityError(
            f"{where}: unknown type {entity_type!r}; expected one of {', '.join(ENTITY_TYPES)}"
        )
    kind = record.get("kind", "")
    allowed = KINDS_BY_TYPE[entity_type]
    if kind and kind not in allowed:
        choices = ", ".join(sorted(allowed)) or "none"
        raise KnownEntityError(f"{where}: kind {kind!r} does not fit type {entity_type} (allowed: {choices})")

    zh = _names(record, "zh", where)
    en = _names(record, "en", where)
    for name in zh:
        if not _HAN.search(name):
            raise KnownEntityError(f"{where}: zh name {name!r} has no Chinese character; list it under en")
    for name in en:
        if _HAN.search(name):
            raise KnownEntityError(f"{where}: en name {name!r} has Chinese characters; list it under zh")
    if not zh and not en:
        raise KnownEntityError(f"{where}: has no names")
    seen: dict[str, str] = {}
    for name in zh + en:
        first = seen.setdefault(normalize_name(name), name)
        if first != name:
            raise KnownEntityError(f"{where}: names {first!r} and {name!r} are the same once normalized")

    wikidata = record.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _QID.match(wikidata)):
        raise KnownEntityError(f"{where}: wikidata {wikidata!r} is not a Q-id like 'Q95'")
    return KnownEntity(entity_id, entity_type, kind, zh, en, wikidata)


def _names(record: dict[str, object], field: str, where: str) -> tuple[str, ...]:
    """The ``zh`` or ``en`` list of an entry, each name a non-empty string without outer spaces."""
    names = record.get(field)
    if not isinstance(names, list):
        raise KnownEntityError(f"{where}: {field} must be a list of names")
    for name in names:
        if not isinstance(name, str) or not normalize_name(name) or name != name.strip():
            raise KnownEntityError(f"{where}: bad {field} name {name!r} (empty or with outer spaces)")
    return tuple(names)


@cache
def known_entities() -> tuple[KnownEntity, ...]:
    """Every known entity, in file order (sorted by id), loaded from the package once and checked."""
    text = resources.files(__package__ or "ontology").joinpath(DATA_FILE).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise KnownEntityError(f"{DATA_FILE}: not valid JSON ({error})") from error
    return parse_known_entities(data, DATA_FILE)


@cache
def name_index() -> Mapping[str, KnownEntity]:
    """Read-only map from every normalized name to its entity (for gazetteer matching)."""
    return MappingProxyType({normalize_name(n): e for e in known_entities() for n in e.names})


@cache
def _ids() -> Mapping[str, KnownEntity]:
    return MappingProxyType({entity.id: entity for entity in known_entities()})


def lookup(name: str) -> KnownEntity | None:
    """The known entity called ``name`` in any listed spelling (compared normalized), else None."""
    return name_index().get(normalize_name(name))


def by_id(entity_id: str) -> KnownEntity | None:
    """The known entity with this id, else None."""
    return _ids().get(entity_id)
