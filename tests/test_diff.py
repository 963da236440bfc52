"""newskg diff: entities and facts added and removed between two graphs, compared by name."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.pipeline import extract_corpus
from extractors.reader import read_inputs
from graph.build import build_graph
from graph.cli import main
from graph.diff import DiffError, EntityName, FactName, diff_files
from graph.export import turtle_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "devset" / "articles" / "dev01_funding_round.txt"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds' graph, and the graph of the seeds plus one more article."""
    directory = tmp_path_factory.mktemp("builds")
    paths = []
    for name, inputs in (("seeds", [ROOT / "seeds"]), ("more", [ROOT / "seeds", FIXTURE])):
        documents = read_inputs([str(p) for p in inputs]).documents
        path = directory / f"{name}.ttl"
        path.write_bytes(turtle_bytes(build_graph(extract_corpus(documents))))
        paths.append(path)
    return paths[0], paths[1]


def test_one_more_article_adds_its_entities_and_facts_and_removes_nothing(builds: tuple[Path, Path]) -> None:
    seeds, more = builds
    difference = diff_files(seeds, more)
    assert difference.entities_added and difference.facts_added
    assert not difference.entities_removed and not difference.facts_removed
    fixture_text = FIXTURE.read_text(encoding="utf-8")
    for entity in difference.entities_added:
        assert entity.type in ("Person", "Organization", "Product")
    assert any(e.label in fixture_text for e in difference.entities_added)
    for fact, claims in difference.facts_added:
        assert set(claims) == {FIXTURE.name} and sum(claims.values()) >= 1, fact
    # and the other way round, the same lists swapped
    back = diff_files(more, seeds)
    assert back.entities_removed == difference.entities_added and back.facts_removed == difference.facts_added
    assert not back.entities_added and not back.facts_added


def test_a_graph_does_not_differ_from_itself(builds: tuple[Path, Path]) -> None:
    difference = diff_files(builds[0], builds[0])
    assert difference.empty
    assert difference.format_text("a", "b") == "--- a\n+++ b\nentities +0 -0, facts +0 -0, support changed 0"


GRAPH = """
@prefix schema: <https://schema.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix nkg: <https://w3id.org/newskg/ontology/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
<urn:x:doc/a> schema:identifier "a.txt" .
<urn:x:doc/b> schema:identifier "b.txt" .
<urn:x:span/a> nif:referenceContext <urn:x:doc/a> .
<urn:x:span/b> nif:referenceContext <urn:x:doc/b> .
<urn:x:TENCENT> a schema:Organization ; rdfs:label "腾讯"@zh , "Tencent"@en .
<urn:x:zhipu> a schema:Organization ; rdfs:label "智谱"@zh .
<urn:x:alibaba> a schema:Organization ; rdfs:label "阿里巴巴"@zh .
<urn:x:amount> a schema:MonetaryAmount ; schema:value 3000000000.0 ; schema:currency "CNY" ;
    nkg:amountQualifier "about" .
<urn:x:c1> a nkg:Claim ; rdf:subject <urn:x:TENCENT> ; rdf:predicate nkg:investedIn ;
    rdf:object <urn:x:zhipu> ;
    prov:wasDerivedFrom <urn:x:span/a> .
<urn:x:c2> a nkg:Claim ; rdf:subject <urn:x:zhipu> ; rdf:predicate nkg:valuedAt ;
    rdf:object <urn:x:amount> ;
    prov:wasDerivedFrom <urn:x:span/a> .
<urn:x:c3> a nkg:Claim ; rdf:subject SYMMETRIC_SUBJECT ; rdf:predicate nkg:competitorOf ;
    rdf:object SYMMETRIC_OBJECT ; prov:wasDerivedFrom <urn:x:span/a> .
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def base() -> str:
    return GRAPH.replace("SYMMETRIC_SUBJECT", "<urn:x:TENCENT>").replace(
        "SYMMETRIC_OBJECT", "<urn:x:alibaba>"
    )


def test_a_renamed_iri_and_a_flipped_symmetric_fact_are_no_change(tmp_path: Path) -> None:
    old = write(tmp_path, "old.ttl", base())
    renamed = base().replace("<urn:x:TENCENT>", "<urn:x:tencent-2>")
    flipped = renamed.replace(
        "rdf:subject <urn:x:tencent-2> ; rdf:predicate nkg:competitorOf ;\n    rdf:object <urn:x:alibaba>",
        "rdf:subject <urn:x:alibaba> ; rdf:predicate nkg:competitorOf ;\n    rdf:object <urn:x:tencent-2>",
    )
    assert flipped != renamed
    assert diff_files(old, write(tmp_path, "new.ttl", flipped)).empty


def test_a_new_label_an_other_amount_and_more_support_are_changes(tmp_path: Path) -> None:
    old = write(tmp_path, "old.ttl", base())
    text = (
        base()
        .replace('"智谱"@zh', '"智谱AI"@zh')
        .replace("schema:value 3000000000.0", "schema:value 4000000000.0")
        .replace("rdf:object <urn:x:zhipu> ;\n    prov:wasDerivedFrom <urn:x:span/a>",
                 "rdf:object <urn:x:zhipu> ;\n    prov:wasDerivedFrom <urn:x:span/a>, <urn:x:span/b>")
    )  # fmt: skip
    text += "<urn:x:c4> a nkg:Claim ; rdf:subject <urn:x:alibaba> ; rdf:predicate nkg:competitorOf ;"
    text += " rdf:object <urn:x:TENCENT> ; prov:wasDerivedFrom <urn:x:span/b> .\n"
    difference = diff_files(old, write(tmp_path, "new.ttl", text))
    assert difference.entities_added == (EntityName("Organization", "智谱AI"),)
    assert difference.entities_removed == (EntityName("Organization", "智谱"),)
    assert [f for f, _ in difference.facts_removed] == [  # sorted by name (code points)
        FactName("智谱", "valuedAt", "3000000000 CNY (about)"),
        FactName("腾讯", "investedIn", "智谱"),
    ]
    assert difference.facts_added == (
        (FactName("智谱AI", "valuedAt", "4000000000 CNY (about)"), Counter({"a.txt": 1})),
        (FactName("腾讯", "investedIn", "智谱AI"), Counter({"a.txt": 1, "b.txt": 1})),
    )
    (change,) = difference.support_changed
    assert (change.old, change.new) == (Counter({"a.txt": 1}), Counter({"a.txt": 1, "b.txt": 1}))
    text_report = difference.format_text("old.ttl", "new.ttl")
    assert "+ 腾讯 investedIn 智谱AI  (a.txt: 1, b.txt: 1)" in text_report
    assert "- Organization  智谱" in text_report
    assert f"~ {change.fact.text()}  (a.txt: 1 -> a.txt: 1, b.txt: 1)" in text_report
    data = json.loads(difference.to_json("old.ttl", "new.ttl"))
    assert data["entities"]["added"] == [{"type": "Organization", "label": "智谱AI"}]
    assert data["facts"]["support_changed"][0]["new_claims"] == {"a.txt": 1, "b.txt": 1}


def test_diff_command(builds: tuple[Path, Path]) -> None:
    seeds, more = builds
    result = CliRunner().invoke(main, ["diff", str(seeds), str(more)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {seeds}", f"+++ {more}"]
    assert lines[2].startswith("entities +") and " -0, facts +" in lines[2]
    assert "facts added (" in result.stdout and "facts removed" not in result.stdout
    assert CliRunner().invoke(main, ["diff", str(seeds), str(more), "--exit-code"]).exit_code == 1
    assert CliRunner().invoke(main, ["diff", str(seeds), str(seeds), "--exit-code"]).exit_code == 0
    as_json = json.loads(CliRunner().invoke(main, ["diff", str(seeds), str(more), "--format", "json"]).stdout)
    assert as_json["old"] == str(seeds) and as_json["facts"]["removed"] == []
    # the same input, the same bytes
    assert CliRunner().invoke(main, ["diff", str(seeds), str(more)]).stdout == result.stdout


def test_diff_errors_are_one_line(tmp_path: Path, builds: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["diff", str(builds[0]), str(tmp_path / "nope.ttl")])
    assert (result.exit_code, result.stderr) == (1, f"newskg: {tmp_path / 'nope.ttl'}: no such file\n")
    broken = write(tmp_path, "broken.ttl", "<a> <b> .")
    result = CliRunner().invoke(main, ["diff", str(broken), str(builds[0])])
    assert result.exit_code == 1 and result.stderr.startswith(f"newskg: {broken}: not valid Turtle")
    with pytest.raises(DiffError):
        diff_files(broken, builds[0])
    assert CliRunner().invoke(main, ["diff", str(builds[0])]).exit_code == 2


def test_diff_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0 and "newskg diff before/graph.ttl after/graph.ttl" in result.output
