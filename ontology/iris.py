"""The one place that mints IRIs for newskg data: entities, documents, claims, spans, amounts, provenance.

Every IRI is ``{base}{kind}/{segment}/…``: the base is validated once, every path segment is
percent-encoded (UTF-8; only RFC 3986 *unreserved* characters ``A-Z a-z 0-9 - . _ ~`` stay literal),
so an IRI is always valid and ``unquote(segment)`` gives back the slug or key it was made from.
IRIs depend only on their input (``sha1`` of a canonical representation where a digest is needed,
never ``hash()``), so the same corpus gives the same IRIs on every run, in any input order.

The base is, in order: the ``base`` argument, the ``NEWSKG_BASE`` environment variable, then
``ontology.namespaces.DEFAULT_DATA_BASE`` (``https://w3id.org/newskg/id/``).

>>> entity_iri("person/alexandr-wang")
'https://w3id.org/newskg/id/entity/person/alexandr-wang'
>>> span_iri("000_43652604587c5b95.txt", 12, 18, base="https://example.org/kg/")
'https://example.org/kg/span/000-43652604587c5b95-txt/12-18'
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
from decimal import Decimal
from urllib.parse import quote, urlsplit

from ontology.keys import has_cjk, slug
from ontology.namespaces import DEFAULT_DATA_BASE

BASE_ENV = "NEWSKG_BASE"


def resolve_base(base: str | None = None) -> str:
    """The data base IRI: ``base`` if given, else ``$NEWSKG_BASE``, else ``DEFAULT_DATA_BASE``; validated.

    A base must be an absolute ``http``/``https`` IRI with a host, no query, ending in ``/`` or ``#``
    (and a ``#`` only as its last character), because minted IRIs are the base plus a path.
    """
    source = "base"
    if base is None:
        env = os.environ.get(BASE_ENV)
        if env:
            base, source = env, f"${BASE_ENV}"
        else:
            base = DEFAULT_DATA_BASE
    problem = _base_problem(base)
    if problem:
        raise ValueError(
            f"{source} {base!r} is not a usable base IRI: {problem} (example: {DEFAULT_DATA_BASE!r})"
        )
    return base


# characters RFC 3987 never allows in an IRI (spaces, controls, and <>"{}|\^`)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')


@functools.lru_cache(maxsize=64)  # validated once per base, not once per minted IRI
def _base_problem(base: str) -> str | None:
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https"):
        return "it must start with http:// or https://"
    if not parts.netloc:
        return "it has no host"
    if parts.query or "?" in base:
        return "it must not have a query part"
    if not base.endswith(("/", "#")):
        return "it must end with '/' or '#'"
    if "#" in base[:-1]:
        return "'#' may only be its last character"
    bad = _IRI_FORBIDDEN.search(base)
    if bad:
        return f"not a valid IRI (it contains {bad.group()!r})"
    return None


def _segment(text: str) -> str:
    # safe="" keeps only the unreserved characters literal; "/" and everything non-ASCII is encoded.
    return quote(text, safe="")


def _key_path(key: str) -> str:
    """Percent-encode each ``/``-separated segment of a key like ``person/瓦汉·彼得罗西安``."""
    segments = key.split("/")
    if not key or any(not s for s in segments):
        raise ValueError(f"not a valid key {key!r}: expected non-empty segments separated by '/'")
    return "/".join(_segment(s) for s in segments)


def entity_iri(key: str, base: str | None = None) -> str:
    """IRI of an entity from its corpus key (``"person/alexandr-wang"``): ``{base}entity/{key}``."""
    return f"{resolve_base(base)}entity/{_key_path(key)}"


def document_iri(doc_id: str, base: str | None = None) -> str:
    """IRI of a document: ``{base}doc/{slug(doc_id)}``."""
    return f"{resolve_base(base)}doc/{_segment(slug(doc_id))}"


def citation_iri(doc_id: str, key: str, base: str | None = None) -> str:
    """IRI of a source a document cites (footnote ``[^key]``): ``{base}doc/{slug(doc_id)}/cites/{key}``."""
    if not key:
        raise ValueError(f"{doc_id}: a citation needs a non-empty key")
    return f"{document_iri(doc_id, base)}/cites/{_segment(key)}"


def span_iri(doc_id: str, start: int, end: int, base: str | None = None) -> str:
    """IRI of the text ``raw[start:end]`` of a document: ``{base}span/{slug(doc_id)}/{start}-{end}``."""
    if not 0 <= start <= end:
        raise ValueError(f"{doc_id}: not a valid span {start}-{end} (need 0 <= start <= end)")
    return f"{resolve_base(base)}span/{_segment(slug(doc_id))}/{int(start)}-{int(end)}"


def decimal_lexical(value: Decimal | int | str) -> str:
    """Canonical decimal text: normalized, never an exponent, no trailing zeros.

    >>> decimal_lexical(Decimal("1.43E+10")), decimal_lexical(Decimal("0.490")), decimal_lexical(0)
    ('14300000000', '0.49', '0')
    """
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    if number == 0:
        return "0"  # also folds -0 and 0E-8
    return format(number.normalize(), "f")


def amount_iri(
    value: Decimal | int | str,
    currency: str,
    qualifier: str = "exact",
    upper: Decimal | int | str | None = None,
    base: str | None = None,
) -> str:
    """IRI of a sum of money: ``{base}amount/{currency lower}-{value}-{qualifier}[-{upper}]``.

    >>> amount_iri(Decimal("1.43E+10"), "USD", base="https://example.org/")
    'https://example.org/amount/usd-14300000000-exact'
    """
    if not currency or not qualifier:
        raise ValueError(f"an amount needs a currency and a qualifier, got {currency!r}, {qualifier!r}")
    name = f"{currency.lower()}-{decimal_lexical(value)}-{qualifier}"
    if upper is not None:
        name += f"-{decimal_lexical(upper)}"
    return f"{resolve_base(base)}amount/{_segment(name)}"


def canonical_repr(value: object) -> str:
    """A representation of a claim key that depends only on what makes two keys equal.

    Unlike ``repr``, it ignores dataclass fields declared ``compare=False`` (``Amount.text``,
    ``When.text``) and writes numbers canonically, so ``Decimal("0.490")`` and ``Decimal("0.49")``
    (equal keys) give the same text, and so the same claim IRI.
    """
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, Decimal)):
        return f"D({decimal_lexical(value)})"
    if isinstance(value, float):
        return f"D({decimal_lexical(Decimal(repr(value)))})"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(canonical_repr(v) for v in value) + ")"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if f.compare]
        inner = ",".join(f"{f.name}={canonical_repr(getattr(value, f.name))}" for f in fields)
        return f"{type(value).__name__}({inner})"
    raise TypeError(f"cannot make a canonical representation of {type(value).__name__}: {value!r}")


def claim_digest(fact_key: tuple) -> str:
    """First 16 hex digits of the sha1 of the canonical representation of a claim key."""
    return hashlib.sha1(canonical_repr(fact_key).encode("utf-8")).hexdigest()[:16]


def claim_iri(fact_key: tuple, doc_id: str, relation: str, base: str | None = None) -> str:
    """IRI of a claim (one per distinct ``Fact.key()``): ``{base}claim/{slug(doc_id)}/{relation}-{digest}``.

    ``digest`` is ``claim_digest(fact_key)``: 16 hex digits of the sha1 of ``canonical_repr(fact_key)``.
    """
    if not relation:
        raise ValueError(f"{doc_id}: a claim needs a relation")
    name = f"{relation}-{claim_digest(fact_key)}"
    return f"{resolve_base(base)}claim/{_segment(slug(doc_id))}/{_segment(name)}"


def activity_iri(doc_id: str, extractor: str, base: str | None = None) -> str:
    """IRI of one extractor's run over one document: ``{base}activity/{slug(doc_id)}/{extractor}``."""
    if not extractor:
        raise ValueError(f"{doc_id}: an activity needs an extractor name")
    return f"{resolve_base(base)}activity/{_segment(slug(doc_id))}/{_segment(extractor)}"


def agent_iri(extractor: str, base: str | None = None) -> str:
    """IRI of an extractor as a software agent: ``{base}agent/{extractor}`` (``relations.investment.v1``)."""
    if not extractor:
        raise ValueError("an agent needs an extractor name")
    return f"{resolve_base(base)}agent/{_segment(extractor)}"


__all__ = [
    "BASE_ENV",
    "activity_iri",
    "agent_iri",
    "amount_iri",
    "canonical_repr",
    "citation_iri",
    "claim_digest",
    "claim_iri",
    "decimal_lexical",
    "document_iri",
    "entity_iri",
    "has_cjk",
    "resolve_base",
    "slug",
    "span_iri",
]
