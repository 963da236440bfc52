"""newskg explain: the claims about an entity with their evidence — the provenance SPARQL's answer."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import PROV, RDFS

from graph.cli import main
from graph.explain import Evidence, ExplainError, explain
from graph.query import run_query

ROOT = Path(__file__).resolve().parent.parent
GRAPH = ROOT / "output" / "graph.ttl"
ID = "https://w3id.org/newskg/id/"
SCALE_AI = ID + "entity/organization/scale-ai"
ZUCKERBERG = ID + "entity/person/mark-zuckerberg"

# The provenance query of the README, for every claim about one entity, written independently.
PROVENANCE = """
SELECT ?claim ?subject ?predicate ?object ?confidence ?extractor ?article ?begin ?end ?anchor WHERE {
  ?claim a nkg:Claim ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
         nkg:confidence ?confidence ; prov:wasDerivedFrom ?span ;
         prov:wasGeneratedBy/prov:wasAssociatedWith/rdfs:label ?extractor .
  FILTER(?subject = <ENTITY> || ?object = <ENTITY>)
  ?span nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
        nif:referenceContext/schema:identifier ?article .
}
"""


def provenance_rows(entity: str) -> set[tuple]:
    def lexical(term: object) -> str:
        assert isinstance(term, (ox.NamedNode, ox.Literal))
        return term.value

    rows = set()
    for row in run_query(GRAPH, PROVENANCE.replace("ENTITY", entity)).rows:
        c, s, p, o, confidence, x, a, b, e, anchor = map(lexical, row)
        rows.add((c, s, p.rsplit("/", 1)[-1], o, Decimal(confidence), x, a, int(b), int(e), anchor))
    return rows


def explained_rows(target: str) -> set[tuple]:
    (topic,) = explain(GRAPH, target).topics
    rows = set()
    for claim in topic.claims:
        obj = claim.object.iri if claim.object is not None else None
        for extractor in claim.extractors:
            for e in claim.evidence:
                rows.add((claim.iri, claim.subject.iri, claim.relation, obj, claim.confidence, extractor,
                          e.article, e.begin, e.end, e.anchor))  # fmt: skip
    return rows


@pytest.mark.parametrize("entity", [SCALE_AI, ZUCKERBERG, ID + "entity/organization/meta"])
def test_explain_gives_the_rows_of_the_provenance_query(entity: str) -> None:
    expected = provenance_rows(entity)
    assert expected
    got = explained_rows(entity)
    # valuedAt points to an amount, not an entity: compare its object by IRI in the query's rows
    assert {row[:3] + row[4:] for row in got} == {row[:3] + row[4:] for row in expected}
    assert {row[3] for row in got if row[3] is not None} <= {row[3] for row in expected}


@pytest.mark.parametrize("name", ["Scale AI", "scale ai", "SCALE　AI", "ScaleAI", SCALE_AI, f"<{SCALE_AI}>"])
def test_any_name_or_iri_of_an_entity_finds_it(name: str) -> None:
    (topic,) = explain(GRAPH, name).topics
    assert topic.iri == SCALE_AI and topic.label == "Scale AI"


@pytest.mark.parametrize(
    "name", ["扎克伯格", "马克·扎克伯格", "马克?扎克伯格", "马克 · 扎克伯格", "mark zuckerberg"]
)
def test_chinese_latin_and_repaired_names_find_the_same_person(name: str) -> None:
    (topic,) = explain(GRAPH, name).topics
    assert topic.iri == ZUCKERBERG
    assert topic.label == "马克·扎克伯格"  # the @zh label, as on the HTML page
    assert {"Mark Zuckerberg", "扎克伯格"} <= set(topic.names)


def test_a_wikidata_id_finds_the_entity_linked_to_it() -> None:
    (topic,) = explain(GRAPH, "wd:Q380").topics
    assert topic.iri == ID + "entity/organization/meta"


def test_a_claim_iri_explains_that_claim_alone() -> None:
    (topic,) = explain(GRAPH, "Scale AI").topics
    claim = topic.claims[0]
    (only,) = explain(GRAPH, claim.iri).topics
    assert only.claims == (claim,) and only.label == ""


def test_qualifiers_confidence_extractor_and_outlet_are_shown() -> None:
    (topic,) = explain(GRAPH, "Scale AI").topics
    by_outlet = {
        c.reported_by.label: c
        for c in topic.claims
        if c.relation == "investedIn" and c.reported_by is not None
    }
    cnbc = by_outlet["CNBC"]
    assert cnbc.subject.label == "Meta" and cnbc.object is not None and cnbc.object.label == "Scale AI"
    assert cnbc.amount is not None and (cnbc.amount.value, cnbc.amount.currency) == (
        Decimal(14000000000),
        "USD",
    )
    assert cnbc.stake == Decimal("0.49")
    text = "\n".join(cnbc.format_text())
    assert text.startswith(
        "Meta investedIn Scale AI\n  amount 14000000000 USD (exact) · stake 0.49 · reported by CNBC\n"
    )
    assert f"  confidence {cnbc.confidence} · extractor relations.investment." in text
    evidence = cnbc.evidence[0]
    assert f"{evidence.article} {evidence.begin}–{evidence.end}" in text and "【" in text
    valuation = next(c for c in topic.claims if c.relation == "valuedAt")
    assert valuation.object is None and valuation.amount is not None
    assert valuation.statement().startswith("Scale AI valuedAt ") and valuation.statement().endswith(
        " USD (exact)"
    )


def test_an_outlet_lists_the_claims_it_reported() -> None:
    reported = {
        row[0].value
        for row in run_query(
            GRAPH, f"SELECT ?c WHERE {{ ?c nkg:reportedBy <{ID}entity/organization/cnbc> }}"
        ).rows
    }
    (topic,) = explain(GRAPH, "CNBC").topics
    assert reported and {c.iri for c in topic.claims} == reported
    assert all(c.reported_by is not None and c.reported_by.label == "CNBC" for c in topic.claims)
    assert explain(GRAPH, "CNBC").format_text().splitlines()[1] == f"{len(reported)} claims reported by it"


def test_every_span_is_marked_in_its_sentence() -> None:
    source = (ROOT / "seeds" / "000_43652604587c5b95.txt").read_text(encoding="utf-8")
    (topic,) = explain(GRAPH, "Scale AI").topics
    for claim in topic.claims:
        for e in claim.evidence:
            if e.article == "000_43652604587c5b95.txt":
                assert source[e.begin : e.end] == e.anchor
            assert f"【{e.anchor}】" in e.marked()
            if e.sentence is not None and e.sentence_begin is not None:
                assert e.marked().replace("【", "").replace("】", "") == e.sentence


def test_marking_an_anchor() -> None:
    evidence = Evidence("a.txt", None, 14, 16, "投资", "腾讯宣布投资智谱。", 10)
    assert evidence.marked() == "腾讯宣布【投资】智谱。"
    assert evidence.marked("[", "]") == "腾讯宣布[投资]智谱。"
    assert Evidence("a.txt", None, 3, 5, "智谱", None, None).marked() == "【智谱】"


HOMONYMS = """
@prefix schema: <https://schema.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/entity/person/wang-1> a schema:Person ; rdfs:label "王伟"@zh ; skos:altLabel "王总"@zh .
<https://example.org/entity/person/wang-2> a schema:Person ; rdfs:label "王强"@zh ; skos:altLabel "王总"@zh .
"""


def test_a_name_of_two_entities_lists_both(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(HOMONYMS, encoding="utf-8")
    explanation = explain(path, "王总")
    assert [t.label for t in explanation.topics] == ["王伟", "王强"]
    assert explanation.format_text().startswith(
        "王总 names 2 entities:\n  王伟  <https://example.org/entity/person/wang-1>\n"
        "  王强  <https://example.org/entity/person/wang-2>\n\n王伟  <https://example.org/entity/person/wang-1>"
    )


def test_an_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(
        ExplainError, match=r"^Scale A: no entity of this name in .*graph\.ttl; close matches: Scale AI"
    ):
        explain(GRAPH, "Scale A")
    with pytest.raises(ExplainError, match=r"^nkg:Claim: neither an entity nor a claim of "):
        explain(GRAPH, "nkg:Claim")


def test_explain_command_text_and_json() -> None:
    result = CliRunner().invoke(main, ["explain", str(GRAPH), "Scale AI"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Scale AI  <{SCALE_AI}>\n")
    as_json = CliRunner().invoke(main, ["explain", str(GRAPH), "Scale AI", "--format", "json"])
    data = json.loads(as_json.stdout)
    (topic,) = data["topics"]
    assert topic["iri"] == SCALE_AI and len(topic["claims"]) == len(
        explain(GRAPH, "Scale AI").topics[0].claims
    )
    first = topic["claims"][0]
    assert {
        "claim",
        "subject",
        "relation",
        "object",
        "amount",
        "confidence",
        "extractors",
        "evidence",
    } <= set(first)
    assert {"article", "headline", "begin", "end", "anchor", "sentence"} <= set(first["evidence"][0])


def test_explain_errors_are_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["explain", str(GRAPH), "Nobody Atall"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("newskg: Nobody Atall: no entity of this name in ")
    result = CliRunner().invoke(main, ["explain", str(tmp_path / "none.ttl"), "x"])
    assert (result.exit_code, result.stderr) == (1, f"newskg: {tmp_path / 'none.ttl'}: no such file\n")
    assert CliRunner().invoke(main, ["explain", str(GRAPH)]).exit_code == 2


def test_explain_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["explain", "--help"])
    assert result.exit_code == 0 and 'newskg explain output/graph.ttl "Scale AI"' in result.output


def test_a_claim_whose_extractor_has_no_label_is_still_explained(tmp_path: Path) -> None:
    """A graph edited by hand may lose its agents' labels: explain shows the claims all the same."""
    graph = rdflib.Graph().parse(GRAPH)
    for agent in set(graph.objects(None, PROV.wasAssociatedWith)):
        graph.remove((agent, RDFS.label, None))
    edited = tmp_path / "no-agent-labels.ttl"
    graph.serialize(edited, format="turtle")
    (full,) = explain(GRAPH, "Scale AI").topics
    (bare,) = explain(edited, "Scale AI").topics
    assert [c.iri for c in bare.claims] == [c.iri for c in full.claims]
    assert all(c.extractors == () for c in bare.claims)
