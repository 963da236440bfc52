"""SHACL validation: what newskg builds conforms to ontology/shapes.ttl, and each kind of defect is
reported with its rule, focus node, path and value."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SH, XSD
from rdflib.term import Node

from extractors.model import Document
from extractors.pipeline import extract_corpus
from extractors.reader import read_inputs
from graph.build import build_graph
from graph.cli import main
from graph.export import load_graph, turtle_bytes
from graph.validate import Result, ValidationError, load_shapes, validate_file, validate_graph
from ontology.namespaces import NIF, NKG

ROOT = Path(__file__).resolve().parent.parent
SHAPES = "https://w3id.org/newskg/ontology/shapes/"
NEWS = (
    "据彭博社报道，Meta宣布向Scale AI投资143亿美元，获得该公司49%的股权。"
    "Scale AI创始人亚历山大·王(Alexandr Wang)将加入Meta，负责新成立的超级智能团队。"
    "OpenAI去年发布了GPT-4o。"
)


@pytest.fixture(scope="module")
def seeds_graph() -> Graph:
    return load_graph(ROOT / "output" / "graph.ttl")  # test_cli keeps it equal to a fresh build


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    document = Document.from_text(NEWS, "news.txt", published="2025-06-12")
    return build_graph(extract_corpus([document]))


def fresh(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def first(graph: Graph, cls: URIRef) -> URIRef:
    node = min(graph.subjects(RDF.type, cls), key=str)
    assert isinstance(node, URIRef)
    return node


# ---- what newskg builds conforms ----------------------------------------------------------------


def test_the_seeds_build_conforms(seeds_graph: Graph) -> None:
    report = validate_graph(seeds_graph)
    assert report.results == ()
    assert report.conforms and report.triples == len(seeds_graph) > 3000


def test_builds_of_the_fixture_articles_conform(root: Path) -> None:
    # Markdown with front matter and footnotes: headlines, keywords and cited sources are checked too
    documents = read_inputs([str(root / "tests" / "fixtures" / "heldout" / "articles")]).documents
    graph = build_graph(extract_corpus(documents))
    assert any(graph.subjects(RDF.type, URIRef("https://schema.org/CreativeWork")))
    report = validate_graph(graph)
    assert report.conforms, report.format_text("heldout", "shapes")


def test_the_small_graph_conforms_and_has_every_kind_of_node(small_graph: Graph) -> None:
    for cls in (NKG.Claim, NKG.EvidenceSpan, NIF.Sentence, URIRef("https://schema.org/MonetaryAmount")):
        assert any(small_graph.subjects(RDF.type, cls)), cls
    assert validate_graph(small_graph).results == ()


# ---- each defect, reported by rule, node, path and value -----------------------------------------


def drop_label(g: Graph) -> tuple[URIRef, str]:
    entity = first(g, URIRef("https://schema.org/Organization"))
    g.remove((entity, RDFS.label, None))
    return entity, ""


def span_begin_after_end(g: Graph) -> tuple[URIRef, str]:
    span = first(g, NKG.EvidenceSpan)
    begin = int(str(g.value(span, NIF.endIndex))) + 3
    g.set((span, NIF.beginIndex, Literal(begin)))
    return span, f'"{begin}"^^<{XSD.integer}>'


def claim_without_evidence(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, NKG.Claim)
    g.remove((claim, PROV.wasDerivedFrom, None))
    return claim, ""


def unknown_predicate(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, NKG.Claim)
    g.set((claim, RDF.predicate, URIRef(str(NKG) + "ownedBy")))
    return claim, f"<{NKG}ownedBy>"


def confidence_as_a_string(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, NKG.Claim)
    g.set((claim, NKG.confidence, Literal("0.9")))
    return claim, '"0.9"'


def offset_as_a_string(g: Graph) -> tuple[URIRef, str]:
    span = first(g, NKG.EvidenceSpan)
    end = str(g.value(span, NIF.endIndex))
    g.set((span, NIF.endIndex, Literal(end)))
    return span, f'"{end}"'


def wrong_anchor(g: Graph) -> tuple[URIRef, str]:
    span = first(g, NKG.EvidenceSpan)
    g.set((span, NIF.anchorOf, Literal("错")))
    return span, '"错"'


def misspelt_property(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, NKG.Claim)
    g.add((claim, URIRef(str(NKG) + "confidense"), Literal("0.9")))
    return claim, '"0.9"'


def edge_without_claim(g: Graph) -> tuple[URIRef, str]:
    person = first(g, URIRef("https://schema.org/Person"))
    organization = first(g, URIRef("https://schema.org/Organization"))
    g.add((person, NKG.left, organization))
    return person, f"<{organization}>"


def person_acquires(g: Graph) -> tuple[URIRef, str]:
    person = first(g, URIRef("https://schema.org/Person"))
    claim = first(g, NKG.Claim)
    g.set((claim, RDF.subject, person))
    g.set((claim, RDF.predicate, NKG.acquired))
    target = g.value(claim, RDF.object)
    assert target is not None
    g.add((person, NKG.acquired, target))
    return person, ""


def two_schema_types(g: Graph) -> tuple[URIRef, str]:
    entity = first(g, URIRef("https://schema.org/Person"))
    g.add((entity, RDF.type, URIRef("https://schema.org/Organization")))
    return entity, ""


def bad_sha256(g: Graph) -> tuple[URIRef, str]:
    document = first(g, URIRef("https://schema.org/NewsArticle"))
    g.set((document, NKG.sha256, Literal("abc")))
    return document, '"abc"'


def date_precision_mismatch(g: Graph) -> tuple[URIRef, str]:
    claim = first(g, NKG.Claim)
    g.set((claim, NKG.date, Literal("2025", datatype=XSD.gYear)))
    g.set((claim, NKG.datePrecision, Literal("day")))
    return claim, '"day"'


DEFECTS: list[tuple[Callable[[Graph], tuple[URIRef, str]], str, str, str, str]] = [
    # break the graph this way -> shape, path, component, words of the message
    (drop_label, "EntityShape", str(RDFS.label), "minCount", "an entity has an rdfs:label"),
    (span_begin_after_end, "SpanShape", str(NIF.beginIndex), "lessThan", "less than its nif:endIndex"),
    (
        claim_without_evidence,
        "ClaimShape",
        str(PROV.wasDerivedFrom),
        "minCount",
        "at least one evidence span",
    ),
    (unknown_predicate, "ClaimShape", str(RDF.predicate), "in", "one of the 14 relations"),
    (confidence_as_a_string, "ClaimShape", str(NKG.confidence), "datatype", "an xsd:decimal between 0 and 1"),
    (offset_as_a_string, "SpanShape", str(NIF.endIndex), "datatype", "a non-negative xsd:integer"),
    (wrong_anchor, "SpanShape", str(NIF.anchorOf), "sparql", "exactly the article's text"),
    (misspelt_property, "ClaimShape", str(NKG) + "confidense", "closed", ""),
    (edge_without_claim, "EntityShape", str(NKG.left), "sparql", "backed by a claim"),
    (person_acquires, "OrganizationRelationShape", "", "class", "is a schema:Organization"),
    (two_schema_types, "EntityTypeShape", "", "xone", "exactly one of schema:Person"),
    (bad_sha256, "DocumentShape", str(NKG.sha256), "pattern", "64 lowercase hexadecimal digits"),
    (date_precision_mismatch, "ClaimShape", str(NKG.datePrecision), "sparql", "the precision is the date's"),
]


@pytest.mark.parametrize(
    ("breaks", "shape", "path", "component", "words"), DEFECTS, ids=[defect[0].__name__ for defect in DEFECTS]
)
def test_each_defect_is_reported_with_its_rule_node_path_and_value(
    small_graph: Graph,
    breaks: Callable[[Graph], tuple[URIRef, str]],
    shape: str,
    path: str,
    component: str,
    words: str,
) -> None:
    graph = fresh(small_graph)
    focus, value = breaks(graph)
    report = validate_graph(graph)
    assert not report.conforms
    matching = [
        r
        for r in report.results
        if r.shape == f"<{SHAPES}{shape}>"
        and r.focus == f"<{focus}>"
        and r.path == (f"<{path}>" if path else "")
    ]
    assert matching, report.format_text("broken", "shapes")
    result = matching[0]
    assert result.severity == "Violation"
    assert f"<{SH}{component[:1].upper()}{component[1:]}ConstraintComponent>" in result.components or (
        component == "sparql" and f"<{SH}SPARQLConstraintComponent>" in result.components
    )
    assert words in result.message
    if value:
        assert result.value == value
    # and the text report names it all on two lines
    text = report.format_text("broken.ttl", "ontology/shapes.ttl")
    assert text.startswith("broken.ttl: does not conform to ontology/shapes.ttl: ")
    assert f"nkgsh:{shape}" in text and result.message in text
    node_lines = [line for line in text.splitlines() if line.startswith(f"    <{focus}>")]
    assert any(component in line.rsplit("[", 1)[1] for line in node_lines)


def test_the_same_defects_give_the_results_pyshacl_alone_gives(small_graph: Graph) -> None:
    """Oxigraph runs the SPARQL constraints for speed; the results are those of a plain SHACL engine."""
    graph = fresh(small_graph)
    for breaks, *_ in DEFECTS:
        # A string offset makes the anchor's SPARQL test a type error: no result in Oxigraph (as SPARQL
        # says), one in rdflib. The datatype constraint reports that offset either way.
        if breaks is not offset_as_a_string:
            breaks(graph)
    ours = {(r.focus, r.path, r.value, c) for r in validate_graph(graph).results for c in r.components}
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), inference="none")
    assert not conforms and isinstance(report, Graph)
    theirs = set()
    for result in report.objects(None, SH.result):

        def term(p: URIRef, result: Node = result) -> str:
            node = report.value(result, p)
            if node is None:
                return ""
            if isinstance(node, Literal):
                text = json.dumps(str(node), ensure_ascii=False)
                return text + (
                    f"^^<{node.datatype}>" if node.datatype and node.datatype != XSD.string else ""
                )
            return f"<{node}>"

        component = term(SH.sourceConstraintComponent)
        value = term(SH.value)
        theirs.add((term(SH.focusNode), term(SH.resultPath), value, component))
    assert len(ours) > 10
    assert ours == theirs


def test_results_are_sorted_and_grouped_by_rule(small_graph: Graph) -> None:
    graph = fresh(small_graph)
    for claim in graph.subjects(RDF.type, NKG.Claim):
        graph.remove((claim, PROV.wasDerivedFrom, None))
    report = validate_graph(graph)
    assert list(report.results) == sorted(report.results, key=Result.sort_key)
    (rule, members), *rest = [g for g in report.groups() if "evidence span" in g[0].message]
    assert not rest and len(members) == sum(1 for _ in graph.subjects(RDF.type, NKG.Claim)) > 1
    text = report.format_text("g", "s")
    assert f"Violation  nkgsh:ClaimShape  prov:wasDerivedFrom  ({len(members)})" in text


def test_the_json_report_has_one_record_per_result(small_graph: Graph) -> None:
    graph = fresh(small_graph)
    span_begin_after_end(graph)
    records = json.loads(validate_graph(graph).to_json())
    assert records["conforms"] is False and records["triples"] == len(graph)
    assert {r["shape"] for r in records["results"]} == {SHAPES + "SpanShape"}
    assert {"severity", "shape", "path", "focus", "value", "message", "components"} == set(
        records["results"][0]
    )


def test_a_warning_does_not_fail_the_graph(small_graph: Graph) -> None:
    shapes = load_shapes()
    sha256_rule = next(
        p
        for p in shapes.objects(URIRef(SHAPES + "DocumentShape"), SH.property)
        if (p, SH.path, NKG.sha256) in shapes
    )
    shapes.add((sha256_rule, SH.severity, SH.Warning))
    graph = fresh(small_graph)
    bad_sha256(graph)
    report = validate_graph(graph, shapes)
    assert report.conforms and [r.severity for r in report.results] == ["Warning"]


def test_a_bad_shapes_file_is_one_error(tmp_path: Path) -> None:
    broken = tmp_path / "shapes.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . sh:x sh:y", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"shapes\.ttl: not valid Turtle"):
        load_shapes(broken)
    with pytest.raises(ValidationError, match=r"nope\.ttl: no such file"):
        load_shapes(tmp_path / "nope.ttl")


# ---- the command ---------------------------------------------------------------------------------


def test_validate_says_conforms_in_one_line_and_exits_0(root: Path, seeds_graph: Graph) -> None:
    path = root / "output" / "graph.ttl"
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: conforms to ontology/shapes.ttl ({len(seeds_graph):,} triples)\n"
    assert result.stderr.startswith("newskg: validated ")


def test_validate_lists_violations_and_exits_1(small_graph: Graph, tmp_path: Path) -> None:
    graph = fresh(small_graph)
    focus, _ = claim_without_evidence(graph)
    path = tmp_path / "broken.ttl"
    path.write_bytes(turtle_bytes(graph))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"{path}: does not conform to ontology/shapes.ttl: 1 violation of 1 rule ({len(graph):,} triples)"
    )
    assert lines[2] == "Violation  nkgsh:ClaimShape  prov:wasDerivedFrom  (1)"
    assert lines[3].strip().startswith("a claim is derived from at least one evidence span")
    assert lines[4] == f"    <{focus}>  [minCount]"
    as_json = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["results"][0]["focus"] == str(focus)


def test_validate_with_other_shapes(small_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_bytes(turtle_bytes(small_graph))
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass schema:Person ;"
        " sh:property [ sh:path schema:birthDate ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(path), "--shapes", str(shapes)])
    assert result.exit_code == 1
    assert "Violation  <urn:s>  schema:birthDate  (" in result.stdout


def test_validate_errors_are_one_line(tmp_path: Path, root: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert (result.exit_code, result.stderr) == (1, f"newskg: {tmp_path / 'nope.ttl'}: no such file\n")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1 and result.stderr.startswith(f"newskg: {broken}: not valid Turtle")
    result = CliRunner().invoke(
        main, ["validate", str(root / "output" / "graph.ttl"), "--shapes", str(tmp_path / "none.ttl")]
    )
    assert (result.exit_code, result.stderr) == (1, f"newskg: {tmp_path / 'none.ttl'}: no such file\n")
    assert CliRunner().invoke(main, ["validate"]).exit_code == 2


def test_validate_file_reads_turtle(root: Path) -> None:
    assert validate_file(root / "output" / "graph.ttl").conforms


def test_validate_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "newskg validate output/graph.ttl" in result.output
