"""ontology.iris: every IRI newskg mints is valid, readable after decoding, and the same on every run."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.model import Amount, When
from ontology import iris
from ontology.namespaces import DEFAULT_DATA_BASE

BASE = DEFAULT_DATA_BASE
ROOT = Path(__file__).resolve().parent.parent

# ---- the IRIs of SPEC "Entity keys and IRIs", exactly ---------------------------------------------

SPEC_EXAMPLES = [
    (iris.entity_iri("person/alexandr-wang"), "https://w3id.org/newskg/id/entity/person/alexandr-wang"),
    (iris.entity_iri("organization/scale-ai"), "https://w3id.org/newskg/id/entity/organization/scale-ai"),
    (iris.entity_iri("product/llama-4"), "https://w3id.org/newskg/id/entity/product/llama-4"),
    (
        iris.entity_iri("person/瓦汉·彼得罗西安"),
        "https://w3id.org/newskg/id/entity/person/%E7%93%A6%E6%B1%89%C2%B7%E5%BD%BC%E5%BE%97%E7%BD%97%E8%A5%BF%E5%AE%89",
    ),
    (
        iris.document_iri("000_43652604587c5b95.txt"),
        "https://w3id.org/newskg/id/doc/000-43652604587c5b95-txt",
    ),
    (
        iris.span_iri("000_43652604587c5b95.txt", 12, 18),
        "https://w3id.org/newskg/id/span/000-43652604587c5b95-txt/12-18",
    ),
    (
        iris.amount_iri(Decimal("1.43E+10"), "USD", "exact"),
        "https://w3id.org/newskg/id/amount/usd-14300000000-exact",
    ),
    (
        iris.amount_iri(Decimal("2000000000"), "USD", "range", Decimal("9E+9")),
        "https://w3id.org/newskg/id/amount/usd-2000000000-range-9000000000",
    ),
    (
        iris.activity_iri("000_43652604587c5b95.txt", "relations.investment.v1"),
        "https://w3id.org/newskg/id/activity/000-43652604587c5b95-txt/relations.investment.v1",
    ),
    (iris.agent_iri("relations.investment.v1"), "https://w3id.org/newskg/id/agent/relations.investment.v1"),
    (iris.citation_iri("a.md", "1"), "https://w3id.org/newskg/id/doc/a-md/cites/1"),
    (iris.citation_iri("a.md", "注释 2"), "https://w3id.org/newskg/id/doc/a-md/cites/%E6%B3%A8%E9%87%8A%202"),
]


@pytest.mark.parametrize(("minted", "expected"), SPEC_EXAMPLES)
def test_minted_iris_follow_the_spec(minted: str, expected: str) -> None:
    assert minted == expected
    ox.NamedNode(minted)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alexandr Wang", "alexandr-wang"),
        ("Scale AI", "scale-ai"),
        ("Llama 4", "llama-4"),
        ("  Ahmad Al-Dahle ", "ahmad-al-dahle"),
        ("ＯｐｅｎＡＩ", "openai"),  # full-width folded by NFKC
        ("Character.AI", "character-ai"),
        ("瓦汉?彼得罗西安", "瓦汉·彼得罗西安"),  # "?" for a lost "·" (seed 000)
        ("瓦汉？彼得罗西安", "瓦汉·彼得罗西安"),
        ("超级 智能实验室", "超级-智能实验室"),
        ("Meta/超级智能实验室", "Meta-超级智能实验室"),  # a slug is one segment: no "/"
        ("000_43652604587c5b95.txt", "000-43652604587c5b95-txt"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert iris.slug(name) == expected


@pytest.mark.parametrize("empty", ["", "   ", "!!!", "·"])
def test_slug_of_nothing_is_an_error(empty: str) -> None:
    with pytest.raises(ValueError, match="cannot make a slug"):
        iris.slug(empty)


# ---- base ----------------------------------------------------------------------------------------


def test_base_comes_from_argument_then_environment_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSKG_BASE", raising=False)
    assert iris.resolve_base() == DEFAULT_DATA_BASE
    monkeypatch.setenv("NEWSKG_BASE", "https://example.org/kg/")
    assert iris.entity_iri("person/x") == "https://example.org/kg/entity/person/x"
    assert (
        iris.entity_iri("person/x", base="http://localhost:8080/id#")
        == "http://localhost:8080/id#entity/person/x"
    )


@pytest.mark.parametrize(
    ("base", "problem"),
    [
        ("w3id.org/newskg/id/", "must start with http:// or https://"),
        ("ftp://example.org/", "must start with http:// or https://"),
        ("urn:newskg:", "must start with http:// or https://"),
        ("https:///id/", "has no host"),
        ("https://example.org/id", "must end with '/' or '#'"),
        ("https://example.org/id?x=1/", "must not have a query part"),
        ("https://example.org/a#b/", "'#' may only be its last character"),
        ("https://exa mple.org/", "not a valid IRI"),
    ],
)
def test_unusable_bases_are_refused_clearly(base: str, problem: str) -> None:
    with pytest.raises(ValueError, match="is not a usable base IRI") as error:
        iris.entity_iri("person/x", base=base)
    assert problem in str(error.value)


def test_a_bad_environment_base_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_BASE", "newskg")
    with pytest.raises(ValueError, match=r"\$NEWSKG_BASE 'newskg' is not a usable base IRI"):
        iris.document_iri("a.txt")


@pytest.mark.parametrize("key", ["", "person/", "/x", "person//x"])
def test_malformed_entity_keys_are_refused(key: str) -> None:
    with pytest.raises(ValueError, match="not a valid key"):
        iris.entity_iri(key)


# ---- claims --------------------------------------------------------------------------------------

KEY = (
    "000_43652604587c5b95.txt",
    "organization/meta",
    "investedIn",
    "organization/scale-ai",
    Amount(Decimal("14300000000"), "USD", "exact", text="143亿美元"),
    Decimal("0.49"),
    None,
    When("2025-06", "month", text="2025年6月"),
    "organization/cnbc",
)


def test_claim_iri_is_pinned_so_it_never_changes_between_versions() -> None:
    assert iris.canonical_repr(KEY) == (
        "('000_43652604587c5b95.txt','organization/meta','investedIn','organization/scale-ai',"
        "Amount(value=D(14300000000),currency='USD',qualifier='exact',upper=None),D(0.49),None,"
        "When(value='2025-06',precision='month'),'organization/cnbc')"
    )
    assert iris.claim_iri(KEY, KEY[0], "investedIn") == (
        "https://w3id.org/newskg/id/claim/000-43652604587c5b95-txt/investedIn-" + iris.claim_digest(KEY)
    )
    assert iris.claim_digest(KEY) == "f3f6a2f2f5376981"


def test_equal_keys_give_the_same_claim_iri_whatever_their_surface_text() -> None:
    same = (
        *KEY[:4],
        Amount(Decimal("1.43E+10"), "USD", "exact", text="一百四十三亿美元"),
        Decimal("0.490"),
        None,
        When("2025-06", "month", text="去年6月"),
        KEY[8],
    )
    assert same == KEY
    assert iris.claim_iri(same, KEY[0], "investedIn") == iris.claim_iri(KEY, KEY[0], "investedIn")
    other = (*KEY[:5], Decimal("0.5"), *KEY[6:])
    assert iris.claim_iri(other, KEY[0], "investedIn") != iris.claim_iri(KEY, KEY[0], "investedIn")


def test_claim_iris_are_the_same_in_another_process() -> None:
    # hash() of str is salted per process; the digest must not depend on it
    code = (
        "from decimal import Decimal; from ontology import iris;"
        "key = ('d.txt', 'person/李明', 'worksFor', 'organization/x', None, Decimal('0.5'), 'CEO', None,"
        " None);"
        "print(iris.claim_iri(key, 'd.txt', 'worksFor'))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


# ---- properties ----------------------------------------------------------------------------------

# slug needs a letter or digit after NFKC folding (U+FE70, a letter, folds to a space and a mark)
names = st.text(min_size=1, max_size=30).filter(
    lambda s: any(c.isalnum() for c in unicodedata.normalize("NFKC", s))
)
keys = st.lists(names.map(iris.slug), min_size=2, max_size=2).map("/".join)
offsets = st.tuples(st.integers(0, 10**7), st.integers(0, 10**7)).map(sorted)
bases = st.sampled_from([DEFAULT_DATA_BASE, "https://example.org/kg/", "http://localhost:7878/x#"])


def last_segments(iri: str, base: str, n: int) -> list[str]:
    assert iri.startswith(base)
    return [unquote(s) for s in iri[len(base) :].split("/")[-n:]]


@given(name=names, base=bases)
def test_slugs_make_valid_iris_that_decode_back_to_the_slug(name: str, base: str) -> None:
    slug = iris.slug(name)
    iri = iris.document_iri(name, base)
    ox.NamedNode(iri)
    assert last_segments(iri, base, 1) == [slug]
    assert iri == iris.document_iri(name, base)
    assert all(c.isascii() and not c.isspace() for c in iri)


@given(key=keys, base=bases)
def test_entity_iris_are_valid_and_decode_back_to_the_key(key: str, base: str) -> None:
    iri = iris.entity_iri(key, base)
    ox.NamedNode(iri)
    assert "/".join(last_segments(iri, base, 2)) == key
    assert iri == iris.entity_iri(key, base)


@given(doc=names, span=offsets, extractor=names, base=bases)
def test_span_activity_agent_citation_iris_are_valid_and_decode_back(
    doc: str, span: list[int], extractor: str, base: str
) -> None:
    start, end = span
    for iri in (
        iris.span_iri(doc, start, end, base),
        iris.activity_iri(doc, extractor, base),
        iris.agent_iri(extractor, base),
        iris.citation_iri(doc, extractor, base),
    ):
        ox.NamedNode(iri)
    assert last_segments(iris.span_iri(doc, start, end, base), base, 2) == [iris.slug(doc), f"{start}-{end}"]
    assert last_segments(iris.activity_iri(doc, extractor, base), base, 2) == [iris.slug(doc), extractor]
    assert last_segments(iris.agent_iri(extractor, base), base, 1) == [extractor]
    assert last_segments(iris.citation_iri(doc, extractor, base), base, 1) == [extractor]


@given(
    value=st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=0, max_value=10**13),
    currency=st.sampled_from(["USD", "CNY", "EUR"]),
    qualifier=st.sampled_from(["exact", "about", "over", "under"]),
    doc=names,
    relation=st.sampled_from(["investedIn", "valuedAt"]),
)
def test_amount_and_claim_iris_are_valid_deterministic_and_canonical(
    value: Decimal, currency: str, qualifier: str, doc: str, relation: str
) -> None:
    iri = iris.amount_iri(value, currency, qualifier)
    ox.NamedNode(iri)
    text = iris.decimal_lexical(value)
    assert "E" not in text and Decimal(text) == value
    assert iri == iris.amount_iri(Decimal(text), currency, qualifier)  # same number, same node
    key = (doc, "organization/a", relation, None, Amount(value, currency, qualifier), None, None, None, None)
    claim = iris.claim_iri(key, doc, relation)
    ox.NamedNode(claim)
    assert claim == iris.claim_iri(key, doc, relation)
