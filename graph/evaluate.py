"""How good is the extraction? Precision, recall and F1 against gold annotations.

This module is the project's definition of quality. Gold files follow ``../shared/gold/SCHEMA.md``
(one JSON file per article). The rules:

**Scope.** Only documents that have a gold file are scored (the gold ``"document"`` field is
``Document.id``). Gold files whose document is not among the inputs are listed and ignored. A predicted
entity counts if it has at least one mention in a scored document; a predicted fact counts if it comes
from a scored document.

**Names** are compared normalized (:func:`normalize_name`): NFKC, casefolded, every whitespace and the
dots that stand between the parts of a transliterated name removed (``?``, ``·``, ``•``, ``・``, ``‧``), so
``马克?扎克伯格`` == ``马克·扎克伯格`` == ``马克 · 扎克伯格``. The ``?`` is folded because it is the usual
artefact of a lost ``·`` (see seed 000).

**Entities** are scored over the whole corpus, once per real entity. Gold entities are merged across gold
files by ``id`` (the union of their names). A predicted :class:`~extractors.model.Entity` *can match* a gold
entity when their types are equal and their normalized name sets intersect; the predicted names are
``Entity.names`` plus the text and repaired name of its mentions in the scored documents. From these
candidate pairs a one-to-one assignment is made: a maximum bipartite matching that, among maximum
matchings, shares the most names (then favours predicted entities with more mentions); it is computed
deterministically. Every other predicted entity that can match an already matched gold entity is a
*duplicate* (two nodes for one real entity): it counts as a false positive and is listed as such.
Precision = matched predicted / predicted, recall = matched gold / gold.

**Facts** are scored per document and summed over the corpus (micro-average). A gold fact's key is
``(document, subject id, relation, object id, amount)``, where the amount (value and currency) is part of
the key for ``investedIn`` and ``valuedAt`` only; ``partnersWith`` and ``competitorOf`` ignore direction. A
predicted :class:`~extractors.model.Fact` gets its key through the entity assignment: a matched entity
stands for its gold entity, a duplicate for the gold entity it duplicates (the fact is what matters
there), and any other entity for itself, a key that cannot match. So a fact about an entity of the wrong
type does not match. Within a document, the distinct predicted keys are compared with the distinct gold
keys (set semantics: saying a thing twice is not rewarded nor punished). A predicted ``investedIn`` or
``valuedAt`` without an amount, in a document where the same pair also has one with an amount, is
subsumed by it and not scored (the same deal told less precisely).

**Qualifiers** are checked on matched facts only: for each gold fact whose key was matched and that has
a ``role``, ``amount``, ``stake``, ``date`` or ``reported_by``, the qualifier is correct when any predicted
fact with the same key has the same value — role compared as a normalized name, amount by its qualifier
(exact/about/over/under; value and currency are already in the key), stake within 1e-9, date as the
exact string (``2024-11``), reported_by through the entity assignment. Counts are correct/total.

:func:`score` is the pure core (corpus and :class:`Gold` in, report out); :func:`evaluate` reads the
gold directory first. ``EvaluationReport.format()`` ends with the three summary lines::

    entities   P 0.912  R 0.870  F1 0.890  (tp 47, fp 5, fn 7, duplicates 1)
    facts      P 0.500  R 0.400  F1 0.444  (tp 10, fp 10, fn 15)
    qualifiers role 3/5  amount 4/4  stake 1/1  date 2/3  reported_by 4/5
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import networkx as nx

from extractors.model import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS, Document, Entity, Fact
from extractors.pipeline import Corpus, extract_corpus
from extractors.text import name_key
from ontology.iris import decimal_lexical

QUALIFIERS = ("role", "amount", "stake", "date", "reported_by")
# Relations whose amount tells two facts apart (143亿 and 140亿 are two claims).
AMOUNT_RELATIONS = frozenset({"investedIn", "valuedAt"})
STAKE_TOLERANCE = 1e-9

# "?" is the usual artefact of a lost "·"; the others are the dots used between the parts of a
# transliterated name. Whitespace varies freely around them ("马克 · 扎克伯格").
_NAME_FOLD = re.compile(r"[?•・‧·\s]+")


def normalize_name(name: str) -> str:
    """The form in which names are compared.

    >>> sorted({normalize_name(n) for n in ("马克?扎克伯格", "马克·扎克伯格", "马克 · 扎克伯格")})
    ['马克扎克伯格']
    >>> normalize_name("Scale  AI")
    'scaleai'

    It is the extractors' own comparison of names, so that scoring and linking never disagree.
    """
    return name_key(name)


class GoldError(Exception):
    """A gold directory or file that cannot be used; the message names it and is one line."""


# ---------------------------------------------------------------------------------------------------------
# Gold


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity, merged over every gold file that lists its ``id``."""

    id: str
    type: str
    names: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class GoldAmount:
    value: Decimal
    currency: str
    qualifier: str = "exact"


@dataclass(frozen=True)
class GoldFact:
    document: str
    subject: str
    relation: str
    object: str | None
    evidence: str = ""
    amount: GoldAmount | None = None
    stake: Decimal | None = None
    role: str | None = None
    date: str | None = None
    reported_by: str | None = None

    def key(self) -> FactKey:
        amount = self.amount if self.relation in AMOUNT_RELATIONS else None
        return _fact_key(
            self.document,
            self.subject,
            self.relation,
            self.object,
            None if amount is None else (decimal_lexical(amount.value), amount.currency.upper()),
        )


@dataclass(frozen=True)
class Gold:
    """Gold annotations: entities merged by id across files (sorted by id), facts in file order."""

    entities: tuple[GoldEntity, ...]
    facts: tuple[GoldFact, ...]
    documents: tuple[str, ...]  # sorted
    source: str = ""  # the directory it was read from, for messages


FactKey = tuple[str, str, str, "str | None", "tuple[str, str] | None"]


def _fact_key(
    document: str, subject: str, relation: str, obj: str | None, amount: tuple[str, str] | None
) -> FactKey:
    if relation in SYMMETRIC_RELATIONS and obj is not None and obj < subject:
        subject, obj = obj, subject
    return (document, subject, relation, obj, amount)


def _to_decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise GoldError(f"{where}: not a number: {value!r}")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise GoldError(f"{where}: not a number: {value!r}") from None


def parse_gold(files: Iterable[tuple[str, Mapping[str, Any]]], source: str = "") -> Gold:
    """Gold from parsed JSON records, each with the name of its file (used in error messages).

    Raises :class:`GoldError` for anything SCHEMA.md does not allow: unknown types or relations,
    facts naming undeclared entities, one id with two types, two files for one document.
    """
    types: dict[str, str] = {}
    names: dict[str, list[str]] = defaultdict(list)
    documents_of: dict[str, list[str]] = defaultdict(list)
    facts: list[GoldFact] = []
    file_of_document: dict[str, str] = {}
    for file_name, record in files:
        if not isinstance(record, Mapping):
            raise GoldError(f"{file_name}: not a gold annotation (expected a JSON object)")
        document = record.get("document")
        if not isinstance(document, str) or not document:
            raise GoldError(f'{file_name}: missing "document" (the file name of the article)')
        if document in file_of_document:
            raise GoldError(f"{file_name}: {document} is already annotated in {file_of_document[document]}")
        file_of_document[document] = file_name
        local: set[str] = set()
        for i, entity in enumerate(_list_field(record, "entities", file_name)):
            where = f"{file_name}: entities[{i}]"
            if not isinstance(entity, Mapping):
                raise GoldError(f"{where}: not an object")
            entity_id, entity_type = entity.get("id"), entity.get("type")
            entity_names = entity.get("names")
            if not isinstance(entity_id, str) or not entity_id:
                raise GoldError(f'{where}: missing "id"')
            if entity_type not in ENTITY_TYPES:
                raise GoldError(f"{where}: type {entity_type!r} is not one of {', '.join(ENTITY_TYPES)}")
            if (
                not isinstance(entity_names, list)
                or not entity_names
                or not all(isinstance(n, str) and n.strip() for n in entity_names)
            ):
                raise GoldError(f'{where}: "names" must be a non-empty list of names')
            if types.setdefault(entity_id, entity_type) != entity_type:
                raise GoldError(f"{where}: {entity_id} is {entity_type} here, {types[entity_id]} elsewhere")
            local.add(entity_id)
            names[entity_id].extend(n for n in entity_names if n not in names[entity_id])
            documents_of[entity_id].append(document)
        for i, fact in enumerate(_list_field(record, "facts", file_name)):
            facts.append(_parse_fact(fact, document, local, f"{file_name}: facts[{i}]"))
    entities = tuple(
        GoldEntity(
            entity_id, types[entity_id], tuple(names[entity_id]), tuple(sorted(documents_of[entity_id]))
        )
        for entity_id in sorted(types)
    )
    return Gold(entities, tuple(facts), tuple(sorted(file_of_document)), source)


def _list_field(record: Mapping[str, Any], name: str, file_name: str) -> list[Any]:
    value = record.get(name, [])
    if not isinstance(value, list):
        raise GoldError(f'{file_name}: "{name}" must be a list')
    return value


def _parse_fact(fact: Any, document: str, declared: set[str], where: str) -> GoldFact:
    if not isinstance(fact, Mapping):
        raise GoldError(f"{where}: not an object")
    relation = fact.get("relation")
    if relation not in RELATIONS:
        raise GoldError(f"{where}: unknown relation {relation!r}")
    subject, obj = fact.get("subject"), fact.get("object")
    for role, entity_id in (("subject", subject), ("object", obj), ("reported_by", fact.get("reported_by"))):
        if entity_id is None and role != "subject":
            continue
        if entity_id not in declared:
            raise GoldError(f"{where}: {role} {entity_id!r} is not an entity of this file")
    if relation != "valuedAt" and obj is None:
        raise GoldError(f'{where}: {relation} needs an "object"')
    amount = None
    if fact.get("amount") is not None:
        raw = fact["amount"]
        if not isinstance(raw, Mapping) or "value" not in raw or not isinstance(raw.get("currency"), str):
            raise GoldError(f'{where}: "amount" needs "value" and "currency"')
        amount = GoldAmount(
            _to_decimal(raw["value"], f"{where}: amount"), raw["currency"], raw.get("qualifier", "exact")
        )
    stake = None if fact.get("stake") is None else _to_decimal(fact["stake"], f"{where}: stake")
    return GoldFact(
        document=document,
        subject=str(subject),  # declared, hence a str
        relation=relation,
        object=obj,
        evidence=str(fact.get("evidence", "")),
        amount=amount,
        stake=stake,
        role=fact.get("role"),
        date=None if fact.get("date") is None else str(fact["date"]),
        reported_by=fact.get("reported_by"),
    )


def load_gold(gold_dir: str | Path) -> Gold:
    """Read every ``*.json`` file of a gold directory (sorted by name).

    Raises :class:`GoldError` naming the directory or the file when they cannot be used.
    """
    directory = Path(gold_dir)
    if not directory.is_dir():
        raise GoldError(f"{gold_dir}: not a directory of gold files")
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this directory")
    records = []
    for path in paths:
        try:
            records.append((str(path), json.loads(path.read_text(encoding="utf-8-sig"))))
        except (OSError, UnicodeDecodeError) as error:
            raise GoldError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}: not valid JSON (line {error.lineno}: {error.msg})") from None
    return parse_gold(records, source=str(gold_dir))


# ---------------------------------------------------------------------------------------------------------
# Report


@dataclass(frozen=True)
class Score:
    """True positives, false positives, false negatives; ``duplicates`` are among the false positives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.duplicates + other.duplicates
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 6),
            "recall": round(self.recall, 6),
            "f1": round(self.f1, 6),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "duplicates": self.duplicates,
        }


@dataclass(frozen=True)
class Where:
    """A place in a document: offsets (when found) and the text there or around it."""

    document: str
    start: int | None = None
    end: int | None = None
    text: str = ""

    def __str__(self) -> str:
        place = self.document if self.start is None else f"{self.document}:{self.start}-{self.end}"
        return f"{place}  「{self.text}」" if self.text else place


@dataclass(frozen=True)
class EntityError:
    """A gold entity nobody matched (``missed``) or a predicted one that matched nothing (``spurious``)."""

    id: str  # gold id (missed) or predicted Entity.key (spurious)
    type: str
    names: tuple[str, ...]
    where: Where | None = None
    extractor: str = ""
    note: str = ""  # "duplicate of gold scale_ai", "gold meta is Organization" …
    duplicate_of: str | None = None


@dataclass(frozen=True)
class FactError:
    """A gold fact not extracted (``missed``) or an extracted one not in gold (``spurious``)."""

    document: str
    statement: str  # "meta investedIn scale_ai (14000000000 USD)"
    where: Where | None = None
    extractor: str = ""


@dataclass(frozen=True)
class QualifierError:
    document: str
    statement: str
    qualifier: str
    expected: str
    found: tuple[str, ...]


@dataclass(frozen=True)
class DocumentScore:
    document: str
    entities: Score
    facts: Score


@dataclass(frozen=True)
class EvaluationReport:
    """Scores of one corpus against gold, with the lists a developer needs to see where extraction fails."""

    entities: Score
    facts: Score
    qualifiers: tuple[tuple[str, int, int], ...]  # (qualifier, correct, total) in QUALIFIERS order
    documents: tuple[DocumentScore, ...]
    matches: tuple[tuple[str, str], ...] = ()  # (gold id, predicted key), sorted
    missed_entities: tuple[EntityError, ...] = ()
    # gold entities matched in the corpus, but not found in one of the documents that has them
    missed_in_documents: tuple[EntityError, ...] = ()
    spurious_entities: tuple[EntityError, ...] = ()
    missed_facts: tuple[FactError, ...] = ()
    spurious_facts: tuple[FactError, ...] = ()
    qualifier_errors: tuple[QualifierError, ...] = ()
    unscored: tuple[str, ...] = ()  # gold documents that were not among the inputs
    gold_source: str = ""

    def format(self, verbose: bool = False) -> str:
        """A readable report; the last three lines are the summary (see the module docstring)."""
        lines: list[str] = []
        if verbose:
            lines += _section("missed entities", [_entity_line(e) for e in self.missed_entities])
            lines += _section(
                "missed in a document (matched elsewhere; not counted above)",
                [_entity_line(e) for e in self.missed_in_documents],
            )
            lines += _section("spurious entities", [_entity_line(e) for e in self.spurious_entities])
            lines += _section("missed facts", [_fact_line(f) for f in self.missed_facts])
            lines += _section("spurious facts", [_fact_line(f) for f in self.spurious_facts])
            lines += _section("wrong qualifiers", [_qualifier_line(q) for q in self.qualifier_errors])
        for document in self.unscored:
            lines.append(f"not scored (not among the inputs): {document}")
        source = f" in {self.gold_source}" if self.gold_source else ""
        plural = "" if len(self.documents) == 1 else "s"
        lines.append(
            f"{len(self.documents)} document{plural} scored against gold{source}: "
            f"{self.entities.tp + self.entities.fn} gold entities, {self.facts.tp + self.facts.fn} gold facts"
        )
        width = max([len("document")] + [len(d.document) for d in self.documents])
        columns = f"{'P':<5}  {'R':<5}  {'F1':<5}  {'tp':>3} {'fp':>3} {'fn':>3}"
        lines.append(f"{'document':<{width}}  entities  {columns}    facts  {columns}")
        for d in self.documents:
            lines.append(
                f"{d.document:<{width}}  {'':8}  {_numbers(d.entities)}    {'':5}  {_numbers(d.facts)}"
            )
        lines.append("")
        lines += self.summary_lines()
        return "\n".join(lines)

    def summary_lines(self) -> list[str]:
        """The three lines every run ends with."""
        e, f = self.entities, self.facts
        return [
            f"entities   {_prf(e)}  (tp {e.tp}, fp {e.fp}, fn {e.fn}, duplicates {e.duplicates})",
            f"facts      {_prf(f)}  (tp {f.tp}, fp {f.fp}, fn {f.fn})",
            "qualifiers "
            + "  ".join(f"{name} {correct}/{total}" for name, correct, total in self.qualifiers),
        ]

    def to_dict(self) -> dict[str, Any]:
        """Everything in the report as plain JSON-able data."""

        def where(w: Where | None) -> dict[str, Any] | None:
            return (
                None
                if w is None
                else {"document": w.document, "start": w.start, "end": w.end, "text": w.text}
            )

        def entity(e: EntityError) -> dict[str, Any]:
            return {
                "id": e.id,
                "type": e.type,
                "names": list(e.names),
                "where": where(e.where),
                "extractor": e.extractor or None,
                "duplicate_of": e.duplicate_of,
                "note": e.note or None,
            }

        def fact(f: FactError) -> dict[str, Any]:
            return {
                "document": f.document,
                "fact": f.statement,
                "where": where(f.where),
                "extractor": f.extractor or None,
            }

        return {
            "gold": self.gold_source or None,
            "entities": self.entities.to_dict(),
            "facts": {k: v for k, v in self.facts.to_dict().items() if k != "duplicates"},
            "qualifiers": {name: {"correct": c, "total": t} for name, c, t in self.qualifiers},
            "documents": [
                {
                    "document": d.document,
                    "entities": d.entities.to_dict(),
                    "facts": {k: v for k, v in d.facts.to_dict().items() if k != "duplicates"},
                }
                for d in self.documents
            ],
            "not_scored": list(self.unscored),
            "matches": {gold_id: key for gold_id, key in self.matches},
            "missed_entities": [entity(e) for e in self.missed_entities],
            "missed_in_documents": [entity(e) for e in self.missed_in_documents],
            "spurious_entities": [entity(e) for e in self.spurious_entities],
            "missed_facts": [fact(f) for f in self.missed_facts],
            "spurious_facts": [fact(f) for f in self.spurious_facts],
            "qualifier_errors": [
                {
                    "document": q.document,
                    "fact": q.statement,
                    "qualifier": q.qualifier,
                    "expected": q.expected,
                    "found": list(q.found),
                }
                for q in self.qualifier_errors
            ],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON (UTF-8 text, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _prf(s: Score) -> str:
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"


def _numbers(s: Score) -> str:
    def ratio(value: float, defined: int) -> str:
        return f"{value:.3f}" if defined else "-    "

    return (
        f"{ratio(s.precision, s.tp + s.fp)}  {ratio(s.recall, s.tp + s.fn)}  {ratio(s.f1, s.tp)}  "
        f"{s.tp:>3} {s.fp:>3} {s.fn:>3}"
    )


def _section(title: str, items: list[str]) -> list[str]:
    return [f"{title} ({len(items)})"] + [f"  {item}" for item in items] + [""] if items else []


def _entity_line(e: EntityError) -> str:
    parts = [f"{e.type:<12}", e.id, " / ".join(e.names)]
    if e.note:
        parts.append(f"[{e.note}]")
    if e.where is not None:
        parts.append(str(e.where))
    if e.extractor:
        parts.append(e.extractor)
    return "  ".join(parts)


def _fact_line(f: FactError) -> str:
    parts = [f.statement, str(f.where) if f.where is not None else f.document]
    if f.extractor:
        parts.append(f.extractor)
    return "  ".join(parts)


def _qualifier_line(q: QualifierError) -> str:
    found = ", ".join(q.found) if q.found else "nothing"
    return f"{q.document}  {q.statement}: {q.qualifier} is {q.expected}, extracted {found}"


# ---------------------------------------------------------------------------------------------------------
# Scoring


def evaluate(corpus: Corpus, gold_dir: str | Path | Gold) -> EvaluationReport:
    """Score ``corpus`` against the gold files in ``gold_dir`` (see the module docstring for the rules).

    ``gold_dir`` may also be a :class:`Gold` already loaded with :func:`load_gold`. Raises
    :class:`GoldError` when the directory cannot be used or none of the corpus documents has a gold
    file (then there is nothing to measure).
    """
    gold = gold_dir if isinstance(gold_dir, Gold) else load_gold(gold_dir)
    ids = {document.id for document in corpus.documents}
    if not ids & set(gold.documents):
        raise GoldError(
            f"{gold.source or 'gold'}: none of the {len(ids)} input documents has a gold file here "
            f"(gold covers {', '.join(gold.documents)})"
        )
    return score(corpus, gold)


def score(corpus: Corpus, gold: Gold) -> EvaluationReport:
    """The pure scoring core: ``corpus`` against ``gold``, no files involved."""
    documents = {d.id: d for d in corpus.documents if d.id in set(gold.documents)}
    scored = sorted(documents)
    unscored = tuple(d for d in gold.documents if d not in documents)
    gold = _restrict(gold, documents)

    predicted = [e for e in corpus.entities if any(m.doc_id in documents for m in e.mentions)]
    assignment = _assign(predicted, gold.entities, documents)
    gold_by_id = {g.id: g for g in gold.entities}

    # -- entities
    missed_entities = tuple(
        _missed_entity(g, documents) for g in gold.entities if g.id not in assignment.gold_to_pred
    )
    spurious_entities = tuple(
        _spurious_entity(e, assignment, gold_by_id, documents)
        for e in predicted
        if e.key not in assignment.pred_to_gold
    )
    matched = len(assignment.gold_to_pred)
    duplicates = sum(1 for e in spurious_entities if e.duplicate_of is not None)
    entity_score = Score(matched, len(predicted) - matched, len(gold.entities) - matched, duplicates)

    # -- facts, per document
    gold_facts_by_doc: dict[str, list[GoldFact]] = defaultdict(list)
    for gf in gold.facts:
        gold_facts_by_doc[gf.document].append(gf)
    pred_facts_by_doc: dict[str, list[Fact]] = defaultdict(list)
    for extraction in corpus.extractions:
        if extraction.document.id in documents:
            pred_facts_by_doc[extraction.document.id].extend(extraction.facts)

    stands_for = assignment.stands_for
    document_scores = []
    fact_score = Score()
    missed_facts: list[FactError] = []
    spurious_facts: list[FactError] = []
    qualifier_counts = {name: [0, 0] for name in QUALIFIERS}
    qualifier_errors: list[QualifierError] = []
    missed_here: list[EntityError] = []
    names = _display_names(predicted, gold.entities)
    for doc_id in scored:
        document = documents[doc_id]
        gold_keys: dict[FactKey, list[GoldFact]] = defaultdict(list)
        for gf in gold_facts_by_doc[doc_id]:
            gold_keys[gf.key()].append(gf)
        pred_keys: dict[FactKey, list[Fact]] = defaultdict(list)
        for fact in sorted(pred_facts_by_doc[doc_id], key=_fact_order):
            pred_keys[_predicted_key(fact, stands_for)].append(fact)
        _drop_subsumed(pred_keys)
        hits = gold_keys.keys() & pred_keys.keys()
        doc_facts = Score(len(hits), len(pred_keys) - len(hits), len(gold_keys) - len(hits))
        fact_score += doc_facts

        for key in sorted(gold_keys.keys() - hits, key=_key_order):
            gf = gold_keys[key][0]
            missed_facts.append(FactError(doc_id, _statement(key, names), _locate(document, gf.evidence)))
        for key in sorted(pred_keys.keys() - hits, key=_key_order):
            pf = pred_keys[key][0]
            spurious_facts.append(
                FactError(
                    doc_id, _statement(key, names), Where(doc_id, pf.start, pf.end, pf.evidence), pf.extractor
                )
            )
        for key in sorted(hits, key=_key_order):
            for gf in gold_keys[key]:
                for name, expected, found, correct in _qualifiers(gf, pred_keys[key], stands_for):
                    qualifier_counts[name][1] += 1
                    if correct:
                        qualifier_counts[name][0] += 1
                    else:
                        qualifier_errors.append(
                            QualifierError(doc_id, _statement(key, names), name, expected, found)
                        )
        doc_entities, elsewhere = _document_entities(doc_id, predicted, gold.entities, assignment)
        document_scores.append(DocumentScore(doc_id, doc_entities, doc_facts))
        for g in elsewhere:
            note = f"found in other documents by {assignment.gold_to_pred[g.id]}, not here"
            missed_here.append(_missed_entity(g, {doc_id: document}, note))

    return EvaluationReport(
        entities=entity_score,
        facts=fact_score,
        qualifiers=tuple((name, c, t) for name, (c, t) in qualifier_counts.items()),
        documents=tuple(document_scores),
        matches=tuple(sorted(assignment.gold_to_pred.items())),
        missed_entities=missed_entities,
        missed_in_documents=tuple(missed_here),
        spurious_entities=spurious_entities,
        missed_facts=tuple(missed_facts),
        spurious_facts=tuple(spurious_facts),
        qualifier_errors=tuple(qualifier_errors),
        unscored=unscored,
        gold_source=gold.source,
    )


def _restrict(gold: Gold, documents: Mapping[str, Document]) -> Gold:
    """Gold limited to the documents being scored: an entity counts if a scored gold file lists it."""
    entities = []
    for g in gold.entities:
        kept = tuple(d for d in g.documents if d in documents)
        if kept:
            entities.append(GoldEntity(g.id, g.type, g.names, kept))
    return Gold(
        tuple(entities),
        tuple(f for f in gold.facts if f.document in documents),
        tuple(d for d in gold.documents if d in documents),
        gold.source,
    )


@dataclass
class _Assignment:
    gold_to_pred: dict[str, str]  # matched pairs
    pred_to_gold: dict[str, str]  # matched pairs, reversed
    duplicate_of: dict[str, str]  # predicted key -> gold id it duplicates

    @property
    def stands_for(self) -> dict[str, str]:
        """Predicted key -> gold id, for mapping facts: matched entities and duplicates."""
        return {**self.duplicate_of, **self.pred_to_gold}


def _predicted_names(entity: Entity, documents: Mapping[str, Document]) -> set[str]:
    names = set(entity.names)
    for mention in entity.mentions:
        if mention.doc_id in documents:
            names.add(mention.text)
            if mention.name:
                names.add(mention.name)
    return {n for n in map(normalize_name, names) if n}


def _assign(
    predicted: Sequence[Entity], gold: Sequence[GoldEntity], documents: Mapping[str, Document]
) -> _Assignment:
    gold_by_name: dict[str, list[GoldEntity]] = defaultdict(list)
    gold_names: dict[str, set[str]] = {}
    for g in gold:
        gold_names[g.id] = {n for n in map(normalize_name, g.names) if n}
        for name in sorted(gold_names[g.id]):
            gold_by_name[name].append(g)

    candidates: dict[str, dict[str, int]] = {}
    mention_counts = {e.key: sum(1 for m in e.mentions if m.doc_id in documents) for e in predicted}
    for e in predicted:
        names = _predicted_names(e, documents)
        shared: dict[str, int] = {}
        for name in sorted(names):
            for g in gold_by_name.get(name, ()):
                if g.type == e.type:
                    shared[g.id] = shared.get(g.id, 0) + 1
        if shared:
            candidates[e.key] = dict(sorted(shared.items()))

    # Maximum-cardinality matching of greatest weight. The weight puts shared names first, mention
    # count second: `scale` exceeds any sum of mention counts, so one more shared name always wins.
    scale = sum(mention_counts.values()) + 1
    bipartite = nx.Graph()
    for key in sorted(candidates):
        for gold_id, count in candidates[key].items():
            bipartite.add_edge(("p", key), ("g", gold_id), weight=count * scale + mention_counts[key])
    gold_to_pred: dict[str, str] = {}
    for a, b in nx.max_weight_matching(bipartite, maxcardinality=True):
        (_, key), (_, gold_id) = (a, b) if a[0] == "p" else (b, a)
        gold_to_pred[gold_id] = key
    pred_to_gold = {key: gold_id for gold_id, key in gold_to_pred.items()}

    duplicate_of = {}
    for key, shared in candidates.items():
        if key not in pred_to_gold:
            # In a maximum matching every neighbour of an unmatched entity is matched: it duplicates
            # the one it shares most names with.
            duplicate_of[key] = min(shared, key=lambda gold_id: (-shared[gold_id], gold_id))
    return _Assignment(gold_to_pred, pred_to_gold, duplicate_of)


def _missed_entity(g: GoldEntity, documents: Mapping[str, Document], note: str = "") -> EntityError:
    where = None
    for doc_id in g.documents:
        if doc_id not in documents:
            continue
        raw = documents[doc_id].raw
        found = [(raw.find(name), name) for name in g.names if name in raw]
        if found:
            start, name = min(found)
            where = Where(doc_id, start, start + len(name), _context(raw, start, start + len(name)))
            break
    if where is None and g.documents:
        where = Where(g.documents[0])
    return EntityError(g.id, g.type, g.names, where, note=note)


def _spurious_entity(
    e: Entity,
    assignment: _Assignment,
    gold_by_id: Mapping[str, GoldEntity],
    documents: Mapping[str, Document],
) -> EntityError:
    mention = min((m for m in e.mentions if m.doc_id in documents), key=lambda m: (m.doc_id, m.start, m.end))
    where = Where(mention.doc_id, mention.start, mention.end, mention.text)
    duplicate = assignment.duplicate_of.get(e.key)
    if duplicate is not None:
        note = f"duplicate of gold {duplicate} (matched by {assignment.gold_to_pred[duplicate]})"
    else:
        names = _predicted_names(e, documents)
        other = sorted(g.id for g in gold_by_id.values() if names & {normalize_name(n) for n in g.names})
        note = (
            "wrong type: gold " + ", ".join(f"{i} is {gold_by_id[i].type}" for i in other)
            if other
            else "not in gold"
        )
    return EntityError(e.key, e.type, e.names, where, mention.extractor, note, duplicate)


def _document_entities(
    doc_id: str, predicted: Sequence[Entity], gold: Sequence[GoldEntity], assignment: _Assignment
) -> tuple[Score, list[GoldEntity]]:
    """Per-document view of the corpus-wide assignment: a pair counts here when both sides are here.

    Also returns the gold entities of this document that were matched, but only in other documents.
    """
    gold_here = [g for g in gold if doc_id in g.documents]
    pred_here = {e.key for e in predicted if any(m.doc_id == doc_id for m in e.mentions)}
    found = [g for g in gold_here if assignment.gold_to_pred.get(g.id) in pred_here]
    elsewhere = [g for g in gold_here if g.id in assignment.gold_to_pred and g not in found]
    duplicates = sum(1 for key in pred_here if key in assignment.duplicate_of)
    tp = len(found)
    return Score(tp, len(pred_here) - tp, len(gold_here) - tp, duplicates), elsewhere


def _drop_subsumed(keys: dict[FactKey, list[Fact]]) -> None:
    """An investment or valuation said without its amount, where the same document also gives the
    amount, is the same fact told less precisely: it is neither a separate hit nor a false one."""
    with_amount = {key[:4] for key in keys if key[4] is not None}
    for key in [k for k in keys if k[4] is None and k[2] in AMOUNT_RELATIONS and k[:4] in with_amount]:
        del keys[key]


def _predicted_key(fact: Fact, stands_for: Mapping[str, str]) -> FactKey:
    def entity(key: str | None) -> str | None:
        # "?" cannot start a gold id (snake_case), so an unmatched entity never meets a gold key.
        return None if key is None else stands_for.get(key, "?" + key)

    amount = None
    if fact.relation in AMOUNT_RELATIONS and fact.amount is not None:
        amount = (decimal_lexical(fact.amount.value), fact.amount.currency.upper())
    return _fact_key(fact.doc_id, entity(fact.subject) or "", fact.relation, entity(fact.object), amount)


def _qualifiers(
    gf: GoldFact, facts: Sequence[Fact], stands_for: Mapping[str, str]
) -> Iterable[tuple[str, str, tuple[str, ...], bool]]:
    """(qualifier, gold value, predicted values, correct) for each qualifier the gold fact has."""
    if gf.role is not None:
        found = _distinct(f.role for f in facts)
        yield "role", gf.role, found, normalize_name(gf.role) in {normalize_name(r) for r in found}
    if gf.amount is not None:
        found = _distinct(f.amount.qualifier for f in facts if f.amount is not None)
        yield "amount", gf.amount.qualifier, found, gf.amount.qualifier in found
    if gf.stake is not None:
        stakes = [f.stake for f in facts if f.stake is not None]
        correct = any(abs(float(s) - float(gf.stake)) <= STAKE_TOLERANCE for s in stakes)
        yield "stake", decimal_lexical(gf.stake), _distinct(decimal_lexical(s) for s in stakes), correct
    if gf.date is not None:
        found = _distinct(f.date.value for f in facts if f.date is not None)
        yield "date", gf.date, found, gf.date in found
    if gf.reported_by is not None:
        outlets = [f.reported_by for f in facts if f.reported_by is not None]
        correct = any(stands_for.get(o) == gf.reported_by for o in outlets)
        yield "reported_by", gf.reported_by, _distinct(stands_for.get(o, o) for o in outlets), correct


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v for v in values if v is not None}))


def _fact_order(fact: Fact) -> tuple:
    return (fact.start, fact.end, fact.relation, fact.subject, fact.object or "", fact.extractor)


def _key_order(key: FactKey) -> tuple:
    document, subject, relation, obj, amount = key
    return (document, relation, subject, obj or "", amount or ("", ""))


def _display_names(predicted: Sequence[Entity], gold: Sequence[GoldEntity]) -> dict[str, str]:
    """How a key's entities are shown: gold ids as they are, unmatched predicted keys as ``?key (name)``."""
    names = {
        "?" + e.key: f"?{e.key} ({e.label_zh or e.label_en or e.names[0]})" for e in predicted if e.names
    }
    names.update({g.id: g.id for g in gold})
    return names


def _statement(key: FactKey, names: Mapping[str, str]) -> str:
    _, subject, relation, obj, amount = key
    text = f"{names.get(subject, subject)} {relation}"
    if obj is not None:
        text += f" {names.get(obj, obj)}"
    if amount is not None:
        text += f" ({amount[0]} {amount[1]})"
    return text


def _locate(document: Document, evidence: str) -> Where:
    start = document.raw.find(evidence) if evidence else -1
    if start < 0:
        return Where(document.id, None, None, evidence)
    return Where(document.id, start, start + len(evidence), evidence)


def _context(raw: str, start: int, end: int, width: int = 12) -> str:
    return " ".join(raw[max(0, start - width) : end + width].split())


# ---------------------------------------------------------------------------------------------------------
# Name finding against NER sets (``newskg evaluate --ner``)
#
# An NER set is JSON Lines, one sentence a line: ``{"id", "text", "entities": [{"start", "end", "text",
# "label", "type"}]}``, code-point offsets, end exclusive, ``type`` Person, Organization or null (a type
# newskg does not extract, such as a place: ignored). Each line is extracted as a document of its own,
# the lines of one file as one corpus, and every Person and Organization mention is compared with the
# gold spans: a true positive has the same start, end and type (exact span match). Products are not
# annotated in these sets and are not scored.

NER_TYPES = ("Person", "Organization")


@dataclass(frozen=True, order=True)
class NerSpan:
    """A typed stretch of one sentence: a gold entity or a predicted mention."""

    sentence: str
    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class NerSentence:
    id: str
    text: str
    gold: tuple[NerSpan, ...]  # Person and Organization only


def read_ner(path: str | Path, limit: int | None = None) -> list[NerSentence]:
    """The sentences of an NER JSON Lines file (the first ``limit`` when given).

    Raises :class:`GoldError` naming the file and line when a line is not a sentence record or a span's
    offsets do not slice to its text.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    sentences: list[NerSentence] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if limit is not None and len(sentences) >= limit:
            break
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise GoldError(f'{where}: expected an object with "id", "text" and "entities"')
        id_ = str(record.get("id", f"{path.name}:{number}"))
        if id_ in seen:
            raise GoldError(f"{where}: sentence id {id_!r} repeats an earlier line")
        seen.add(id_)
        text = record["text"]
        gold = []
        for entity in _list_field(record, "entities", where):
            if not isinstance(entity, dict):
                raise GoldError(f"{where}: an entity must be an object")
            try:
                start, end, type_ = int(entity["start"]), int(entity["end"]), entity.get("type")
            except (TypeError, KeyError, ValueError):
                raise GoldError(f'{where}: an entity needs integer "start" and "end"') from None
            if "text" in entity and text[start:end] != entity["text"]:
                raise GoldError(f"{where}: offsets {start}-{end} do not slice to {entity['text']!r}")
            if type_ in NER_TYPES:
                gold.append(NerSpan(id_, start, end, type_, text[start:end]))
        sentences.append(NerSentence(id_, text, tuple(sorted(set(gold)))))
    return sentences


@dataclass(frozen=True)
class NerReport:
    """Scores of one NER file: per type and overall, with the spans that were wrong."""

    source: str
    sentences: int
    chars: int
    seconds: float  # extraction alone
    jobs: int
    scores: Mapping[str, Score]  # NER_TYPES and "overall"
    missed: tuple[tuple[NerSpan, str], ...]  # gold spans not found, with their sentence's text
    spurious: tuple[tuple[NerSpan, str], ...]

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0

    def format(self, verbose: bool = False) -> str:
        lines = [
            f"{self.source}: {self.sentences:,} sentence{'s' if self.sentences != 1 else ''}, "
            f"{self.chars:,} characters; extraction "
            f"{self.seconds:.1f} s, {self.chars_per_second:,.0f} chars/s ({self.jobs} process"
            f"{'es' if self.jobs > 1 else ''})",
            f"  {'type':<13} {'gold':>7} {'pred':>7} {'tp':>7}  {'P':>5}  {'R':>5}  {'F1':>5}",
        ]
        for type_ in (*NER_TYPES, "overall"):
            s = self.scores[type_]
            lines.append(
                f"  {type_:<13} {s.tp + s.fn:>7,} {s.tp + s.fp:>7,} {s.tp:>7,}  "
                f"{s.precision:.3f}  {s.recall:.3f}  {s.f1:.3f}"
            )
        if verbose:
            for title, spans in (("missed", self.missed), ("spurious", self.spurious)):
                lines += _section(
                    f"{title} spans", [f"{s.type:<12} {s.sentence}  {_in_sentence(t, s)}" for s, t in spans]
                )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        def span(item: tuple[NerSpan, str]) -> dict[str, Any]:
            s, _ = item
            return {"sentence": s.sentence, "start": s.start, "end": s.end, "type": s.type, "text": s.text}

        return {
            "source": self.source,
            "sentences": self.sentences,
            "chars": self.chars,
            "seconds": round(self.seconds, 3),
            "chars_per_second": round(self.chars_per_second),
            "jobs": self.jobs,
            "scores": {t: self.scores[t].to_dict() for t in (*NER_TYPES, "overall")},
            "missed": [span(m) for m in self.missed],
            "spurious": [span(s) for s in self.spurious],
        }


def _in_sentence(text: str, span: NerSpan, width: int = 12) -> str:
    left = text[max(0, span.start - width) : span.start]
    return " ".join(f"{left}[{span.text}]{text[span.end : span.end + width]}".split())


def predicted_spans(corpus: Corpus) -> dict[str, list[NerSpan]]:
    """Every Person and Organization mention of ``corpus``, per document id, in text order."""
    out: dict[str, list[NerSpan]] = {}
    for extraction in corpus.extractions:
        out[extraction.document.id] = sorted(
            NerSpan(m.doc_id, m.start, m.end, m.type, m.text)
            for m in extraction.mentions
            if m.type in NER_TYPES
        )
    return out


def score_ner(
    sentences: Sequence[NerSentence], predicted: Mapping[str, Sequence[NerSpan]]
) -> tuple[dict[str, Score], list[tuple[NerSpan, str]], list[tuple[NerSpan, str]]]:
    """Exact-match scores per type and overall, the missed gold spans and the spurious predictions.

    >>> s = NerSentence("1", "马云创立阿里巴巴", (NerSpan("1", 0, 2, "Person", "马云"),))
    >>> scores, missed, spurious = score_ner([s], {"1": [NerSpan("1", 0, 2, "Person", "马云")]})
    >>> scores["Person"].f1, scores["Organization"].fn, missed, spurious
    (1.0, 0, [], [])
    """
    counts = {t: [0, 0, 0] for t in NER_TYPES}  # tp, fp, fn
    missed: list[tuple[NerSpan, str]] = []
    spurious: list[tuple[NerSpan, str]] = []
    for sentence in sentences:
        gold = set(sentence.gold)
        found = set(predicted.get(sentence.id, ()))
        for span in sorted(found):
            counts[span.type][0 if span in gold else 1] += 1
            if span not in gold:
                spurious.append((span, sentence.text))
        for span in sorted(gold - found):
            counts[span.type][2] += 1
            missed.append((span, sentence.text))
    scores = {t: Score(*counts[t]) for t in NER_TYPES}
    scores["overall"] = sum(scores.values(), Score())
    return scores, missed, spurious


def evaluate_ner(
    path: str | Path, limit: int | None = None, jobs: int = 1, sentences: Sequence[NerSentence] | None = None
) -> NerReport:
    """Extract the sentences of the NER file ``path`` and score the names found (rules above).

    ``sentences`` may be given when the file has been read already.
    """
    sentences = read_ner(path, limit) if sentences is None else sentences
    if not sentences:
        raise GoldError(f"{path}: no sentences to score")
    documents = [Document.from_text(s.text, s.id) for s in sentences]
    extract_corpus(documents[:1])  # load the dictionaries outside the timing: a one-off start-up cost
    started = time.perf_counter()
    corpus = extract_corpus(documents, jobs=jobs)
    seconds = time.perf_counter() - started
    scores, missed, spurious = score_ner(sentences, predicted_spans(corpus))
    return NerReport(
        source=str(path),
        sentences=len(sentences),
        chars=sum(len(s.text) for s in sentences),
        seconds=seconds,
        jobs=jobs,
        scores=scores,
        missed=tuple(missed),
        spurious=tuple(spurious),
    )
