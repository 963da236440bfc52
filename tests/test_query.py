"""graph.query: read-only SPARQL over a built graph file, answered as a table, W3C CSV or W3C JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_build import BASE, RAW_1, find, sample_corpus

from graph.build import build_graph
from graph.export import write_turtle
from graph.query import QueryError, QueryResult, display_width, run_query, shorten
from ontology import iris

WHO_WORKS_WHERE = """
SELECT ?name ?organization ?role ?since WHERE {
  ?person a schema:Person .
  OPTIONAL { ?person rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?person rdfs:label ?zh FILTER(LANG(?zh) = "zh") }
  BIND(COALESCE(?en, ?zh) AS ?name)
  OPTIONAL {
    ?claim rdf:subject ?person ; rdf:predicate nkg:worksFor ; rdf:object ?org ; nkg:role ?role .
    OPTIONAL { ?claim nkg:date ?since }
    ?org rdfs:label ?organization FILTER(LANG(?organization) = "en")
  }
} ORDER BY ?name
"""

INVESTMENTS = """
SELECT ?investor ?target ?value ?currency ?stake ?date ?reporter WHERE {
  ?claim rdf:predicate nkg:investedIn ; rdf:subject ?i ; rdf:object ?t ; nkg:amount ?amount .
  ?amount schema:value ?value ; schema:currency ?currency .
  OPTIONAL { ?claim nkg:stake ?stake }
  OPTIONAL { ?claim nkg:date ?date }
  OPTIONAL { ?claim nkg:reportedBy/rdfs:label ?reporter FILTER(LANG(?reporter) = "zh") }
  ?i rdfs:label ?investor . ?t rdfs:label ?target .
} ORDER BY DESC(?value)
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_turtle(build_graph(sample_corpus(), BASE), path)
    return path


def test_every_person_and_where_they_work_with_role(graph_file: Path) -> None:
    result = run_query(graph_file, WHO_WORKS_WHERE)
    assert result.variables == ("name", "organization", "role", "since")
    rows = [[term.value if term is not None else None for term in row] for row in result.rows]
    assert rows == [
        ["Alexandr Wang", None, None, None],
        ["Jason Droege", "Scale AI", "临时首席执行官", "2025-06"],
        ["李明", None, None, None],
    ]


def test_table_aligns_columns_counting_chinese_characters_as_two(graph_file: Path) -> None:
    table = run_query(graph_file, WHO_WORKS_WHERE).format("table")
    assert table == (
        "name           organization  role            since\n"
        "-------------  ------------  --------------  -------\n"
        "Alexandr Wang\n"
        "Jason Droege   Scale AI      临时首席执行官  2025-06\n"
        "李明"
    )
    lines = table.split("\n")
    role_column = display_width(lines[0][: lines[0].index("role")])
    assert display_width(lines[3][: lines[3].index("临时")]) == role_column


def test_every_investment_with_amount_stake_date_and_reporter(graph_file: Path) -> None:
    result = run_query(graph_file, INVESTMENTS)
    assert result.format("csv") == (
        "investor,target,value,currency,stake,date,reporter\r\n"
        "Meta,Scale AI,14300000000,USD,0.49,,彭博社\r\n"
        "Meta,Scale AI,14000000000,USD,,2025-06,CNBC\r\n"
    ).replace("CNBC\r\n", "\r\n")  # CNBC has no @zh label, so the OPTIONAL stays unbound


def test_csv_is_exactly_what_oxigraph_writes_for_the_same_query(graph_file: Path) -> None:
    store = ox.Store()
    store.load(path=graph_file, format=ox.RdfFormat.TURTLE)
    from ontology.namespaces import PREFIXES

    for query in (INVESTMENTS, WHO_WORKS_WHERE):
        expected = store.query(query, prefixes=PREFIXES).serialize(format=ox.QueryResultsFormat.CSV)
        assert run_query(graph_file, query).format("csv").encode("utf-8") == expected
        expected_json = store.query(query, prefixes=PREFIXES).serialize(format=ox.QueryResultsFormat.JSON)
        assert json.loads(run_query(graph_file, query).format("json")) == json.loads(expected_json)


def test_csv_quotes_commas_quotes_and_line_breaks() -> None:
    result = QueryResult(
        "select",
        variables=("s", "text"),
        rows=(
            (ox.NamedNode("https://example.org/a"), ox.Literal('他说："是的,\n好"')),
            (ox.BlankNode("b0"), None),
        ),
    )
    assert result.format("csv") == 's,text\r\nhttps://example.org/a,"他说：""是的,\n好"""\r\n_:b0,\r\n'


def test_json_is_w3c_sparql_results_json(graph_file: Path) -> None:
    result = run_query(
        graph_file,
        """SELECT ?claim ?stake ?amount ?reporter WHERE {
             ?claim nkg:stake ?stake ; nkg:amount ?amount ; nkg:reportedBy ?r .
             ?r rdfs:label ?reporter
           } ORDER BY ?reporter""",
    )
    (claim,) = {row[0].value for row in result.rows}
    assert json.loads(result.format("json")) == {
        "head": {"vars": ["claim", "stake", "amount", "reporter"]},
        "results": {
            "bindings": [
                {
                    "claim": {"type": "uri", "value": claim},
                    "stake": {
                        "type": "literal",
                        "value": "0.49",
                        "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
                    },
                    "amount": {"type": "uri", "value": BASE + "amount/usd-14300000000-exact"},
                    "reporter": {"type": "literal", "value": label, "xml:lang": lang},
                }
                for label, lang in (("Bloomberg", "en"), ("彭博社", "zh"))
            ]
        },
    }
    assert "彭博社" in result.format("json")  # not \\u-escaped


def test_the_evidence_sentence_of_a_fact(graph_file: Path) -> None:
    result = run_query(
        graph_file,
        """SELECT ?evidence ?begin ?end ?sentence WHERE {
             ?claim rdf:predicate nkg:founded ; prov:wasDerivedFrom ?span .
             ?span nif:anchorOf ?evidence ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                   nif:sentence/nif:anchorOf ?sentence .
           }""",
    )
    begin, end = find(RAW_1, "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立")
    assert [[t.value for t in row] for row in result.rows] == [
        [
            "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立",
            str(begin),
            str(end),
            "Scale AI由亚历山大?王(Alexandr Wang)于2016年创立，估值约为290亿美元。",
        ]
    ]


def test_every_span_slices_its_documents_text_to_its_anchor(graph_file: Path) -> None:
    counts = run_query(
        graph_file,
        """SELECT (COUNT(?span) AS ?spans)
                  (SUM(IF(SUBSTR(?text, ?b + 1, ?e - ?b) = ?anchor, 1, 0)) AS ?exact)
           WHERE { ?span nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ;
                         nif:referenceContext ?d .
                   ?d nif:isString ?text }""",
    )
    ((spans, exact),) = counts.rows
    assert int(spans.value) > 20
    assert exact.value == spans.value


def test_ask_and_construct(graph_file: Path) -> None:
    assert run_query(graph_file, "ASK { ?x nkg:investedIn ?y }").format("table") == "true"
    assert run_query(graph_file, "ASK { ?x nkg:acquired ?y }").format("csv") == "false"
    assert json.loads(run_query(graph_file, "ASK { ?x a nkg:Claim }").format("json")) == {
        "head": {},
        "boolean": True,
    }
    turtle = run_query(
        graph_file, "CONSTRUCT { ?a nkg:investedIn ?b } WHERE { ?a nkg:investedIn ?b }"
    ).format("table")
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    assert [(t.subject.value, t.object.value) for t in triples] == [
        (BASE + "entity/organization/meta", BASE + "entity/organization/scale-ai")
    ]
    assert "nkg:investedIn" in turtle


def test_the_ontology_is_queryable_beside_the_data(graph_file: Path) -> None:
    result = run_query(
        graph_file,
        """SELECT ?relation ?zh WHERE {
             ?claim rdf:predicate ?relation . ?relation rdfs:label ?zh FILTER(LANG(?zh) = "zh")
           } GROUP BY ?relation ?zh ORDER BY ?relation""",
    )
    assert [(shorten(r.value), zh.value) for r, zh in result.rows] == [
        ("nkg:founded", "创立"),
        ("nkg:investedIn", "投资"),
        ("nkg:partnersWith", "合作"),
        ("nkg:released", "发布"),
        ("nkg:valuedAt", "估值"),
        ("nkg:worksFor", "任职于"),
    ]
    only_ontology = run_query(graph_file, "ASK { GRAPH nkg: { ?p a owl:ObjectProperty } }")
    assert only_ontology.boolean is True
    assert run_query(graph_file, "ASK { GRAPH nkg: { ?c a nkg:Claim } }").boolean is False


def test_table_shortens_iris_with_the_usual_prefixes_which_a_query_may_override(graph_file: Path) -> None:
    table = run_query(graph_file, "SELECT DISTINCT ?type WHERE { ?x a ?type } ORDER BY ?type").format("table")
    assert "schema:NewsArticle" in table and "nkg:Claim" in table and "prov:SoftwareAgent" in table
    overridden = run_query(graph_file, "PREFIX schema: <http://schema.org/> ASK { ?x a schema:Person }")
    assert overridden.boolean is False


def test_several_graph_files_are_queried_together(graph_file: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    person = iris.entity_iri("person/李明", BASE)
    extra.write_text(f'<{person}> <https://schema.org/jobTitle> "分析师"@zh .\n', encoding="utf-8")
    result = run_query(
        [graph_file, extra], "SELECT ?name ?job WHERE { ?p schema:jobTitle ?job ; rdfs:label ?name }"
    )
    assert [(n.value, j.value) for n, j in result.rows] == [("李明", "分析师")]


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }",
        "delete where { ?s ?p ?o }",
        "PREFIX ex: <https://example.org/#>\n# a comment: INSERT\nINSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
        "BASE <https://example.org/> DELETE DATA { <a> <b> <c> }",
        "LOAD <https://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH nkg:",
        "CREATE GRAPH <https://example.org/g>",
        "  WITH <https://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "COPY DEFAULT TO <https://example.org/g>",
    ],
)
def test_updates_are_refused_and_the_file_is_untouched(graph_file: Path, update: str) -> None:
    before = (graph_file.read_bytes(), graph_file.stat().st_mtime_ns)
    with pytest.raises(QueryError, match=r"^query is read-only: [A-Z]+ is a SPARQL update; use SELECT, ASK"):
        run_query(graph_file, update)
    assert (graph_file.read_bytes(), graph_file.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?x WHERE { ?x a }", r"^error at 1:25: expected one of "),
        ("SELECT ?x WHERE {\n  ?x nkg:role ?r \n", r"^error at 3:1: expected "),
        (
            "SELECT ?x WHERE { ?x a foo:Bar }",
            r"^error at 1:\d+: undeclared prefix \(declare it with PREFIX; predeclared: nkg, ",
        ),
        ("SELEKT ?x WHERE { ?x ?p ?o }", r"^error at 1:\d+: expected "),
    ],
)
def test_syntax_errors_are_one_line(graph_file: Path, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as error:
        run_query(graph_file, query)
    assert "\n" not in str(error.value)
    assert error.value.__cause__ is None and error.value.__suppress_context__


def test_unreadable_inputs_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ttl"
    with pytest.raises(QueryError, match=r"nowhere\.ttl: no such file$"):
        run_query(missing, "ASK {}")
    with pytest.raises(QueryError, match=r": not a newskg store \(no newskg-store.json\); make one with "):
        run_query(tmp_path, "ASK {}")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"broken\.ttl: not valid Turtle: ") as error:
        run_query(broken, "ASK {}")
    assert "\n" not in str(error.value)


def test_unknown_format_lists_the_available_ones(graph_file: Path) -> None:
    with pytest.raises(QueryError, match="unknown format 'xml'; available: table, csv, json"):
        run_query(graph_file, "SELECT * { ?s ?p ?o } LIMIT 1").format("xml")


def test_table_keeps_one_row_per_line_and_shows_blank_nodes_and_unbound_cells() -> None:
    result = QueryResult(
        "select",
        variables=("a", "b"),
        rows=(
            (ox.Literal("第一行\n第二行"), None),
            (ox.BlankNode("n1"), ox.NamedNode("https://schema.org/Person")),
        ),
    )
    assert result.format("table") == (
        "a               b\n--------------  -------------\n第一行\\n第二行\n_:n1            schema:Person"
    )


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        # an escaped "#" in a prefixed name is no comment, and must not hide what follows
        r"PREFIX ex: <http://x/> SELECT * { OPTIONAL { ?s ex:a\# ?o } "
        r"SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
        "SELECT * WHERE { ?s ?p ?o FILTER(1<2)SERVICE?e{?a ?b ?c}FILTER(2>1) }",
        r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",  # codepoint escapes
    ],
)
def test_service_is_refused_so_a_query_never_reaches_the_network(graph_file: Path, query: str) -> None:
    with pytest.raises(QueryError, match=r"^SERVICE is not allowed: queries run offline"):
        run_query(graph_file, query)


def test_the_word_service_inside_a_string_or_comment_is_just_text(graph_file: Path) -> None:
    result = run_query(graph_file, 'SELECT ?s WHERE { ?s rdfs:label "SERVICE desk" } # no SERVICE here')
    assert result.rows == ()
