"""Exports: every format re-reads, in an independent parser, to the graph ``newskg build`` wrote.

The graph is the seeds' Turtle as ``newskg build`` writes it. RDF formats must parse back (in rdflib,
pyoxigraph and, where installed, Debian's ``rapper``) to an isomorphic graph; the Turtle must survive
a round trip through an Oxigraph store unchanged (canonical literals); property-graph formats must load
in networkx and the csv module with the entities, relations and claim counts of the RDF.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD

from graph import formats
from graph.cli import main
from graph.export import from_oxigraph, load_graph, turtle_bytes
from graph.formats import FORMATS, UnknownFormat, article_partition, get_format, networkx_graph, write_export
from ontology.namespaces import NIF, NKG, PREFIXES

RDF_FORMATS = ["turtle", "ntriples", "trig", "jsonld"]
OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "jsonld": "json-ld"}
RAPPER_SYNTAX = {"turtle": "turtle", "ntriples": "ntriples", "trig": "trig"}


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    """graph.ttl of ``newskg build`` of seeds/ (run at the repository root, as output/ is made)."""
    out = tmp_path_factory.mktemp("built")
    before = Path.cwd()
    os.chdir(root)
    try:
        result = invoke(["build", "-o", str(out)])
    finally:
        os.chdir(before)
    assert result.exit_code == 0, result.stderr
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graph(built: Path) -> Graph:
    return load_graph(built)


@pytest.fixture(scope="module")
def exported(graph: Graph) -> dict[str, bytes]:
    return {name: fmt.serialize(graph) for name, fmt in FORMATS.items() if fmt.serialize is not None}


def assert_isomorphic(expected: Graph, actual: Graph, what: str) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(
            f"{what} is not the graph:\nmissing:\n{only_expected.serialize(format='nt')[:3000]}\n"
            f"extra:\n{only_actual.serialize(format='nt')[:3000]}"
        )


def oxigraph_triples_of(data: bytes, fmt: ox.RdfFormat) -> Graph:
    """What pyoxigraph reads (every named graph merged into one), as an rdflib graph."""
    result = Graph()
    for quad in ox.parse(data, format=fmt):
        result.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)))
    return result


# ---- the registry ---------------------------------------------------------------------------------------


def test_the_registry_names_every_format_and_refuses_an_unknown_one_listing_the_others() -> None:
    assert sorted(FORMATS) == ["csv", "gexf", "graphml", "jsonld", "ntriples", "trig", "turtle"]
    assert get_format("trig").suffix == ".trig"
    assert get_format("csv").is_directory and not get_format("gexf").is_directory
    with pytest.raises(UnknownFormat, match=r"^unknown format 'rdfxml'; available: csv, gexf, graphml, "):
        get_format("rdfxml")


def test_every_export_is_byte_identical_whatever_the_hash_seed(built: Path, root: Path) -> None:
    # rdflib's graphs iterate in set order, which changes with PYTHONHASHSEED: the bytes must not
    script = (
        "import hashlib, sys\n"
        "from graph.export import load_graph\n"
        "from graph.formats import FORMATS\n"
        "g = load_graph(sys.argv[1])\n"
        "for name, fmt in sorted(FORMATS.items()):\n"
        "    files = fmt.files(g) if fmt.is_directory else {'': fmt.serialize(g)}\n"
        "    for file, data in sorted(files.items()):\n"
        "        print(name, file, hashlib.sha256(data).hexdigest())\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(built)], capture_output=True, text=True, env=env, cwd=root
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(FORMATS) - 1 + 5  # csv is five files


# ---- Turtle: independent parsers and a round trip through Oxigraph ----------------------------------


def test_the_turtle_round_trips_isomorphically_through_an_oxigraph_store(built: Path) -> None:
    data = built.read_bytes()
    reference = Graph().parse(data=data, format="turtle")  # rdflib's own parser, not the one newskg uses
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    dumped = store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    assert_isomorphic(reference, Graph().parse(data=dumped, format="turtle"), "the Oxigraph store's dump")
    assert_isomorphic(reference, oxigraph_triples_of(data, ox.RdfFormat.TURTLE), "what pyoxigraph parses")


_CANONICAL_LEXICAL = {
    str(XSD.integer): re.compile(r"-?(0|[1-9][0-9]*)"),
    str(XSD.decimal): re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?"),
    str(XSD.date): re.compile(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}"),
    str(XSD.gYearMonth): re.compile(r"-?[0-9]{4,}-[0-9]{2}"),
    str(XSD.gYear): re.compile(r"-?[0-9]{4,}"),
    str(XSD.boolean): re.compile(r"true|false"),
}


def non_canonical_literals(data: bytes) -> list[str]:
    """Literals of a Turtle document that are not in canonical form, each as N-Triples text.

    Three independent checks: a language tag with a capital letter (read with rdflib, which keeps tags
    as written); a lexical form of a number or date outside its canonical pattern; a literal an Oxigraph
    store writes back differently (it stores numbers and dates as values, so ``"01"^^xsd:integer``
    comes back as ``"1"``). pyoxigraph's parser keeps lexical forms as written.
    """
    problems = []
    for _, _, value in Graph().parse(data=data, format="turtle"):
        if isinstance(value, Literal) and value.language and value.language != value.language.lower():
            problems.append(f"{value.n3()}: language tag not in lowercase")
    written = {
        t.object for t in ox.parse(data, format=ox.RdfFormat.TURTLE) if isinstance(t.object, ox.Literal)
    }
    for literal in sorted(written, key=str):
        pattern = _CANONICAL_LEXICAL.get(literal.datatype.value)
        if pattern is not None and not pattern.fullmatch(literal.value):
            problems.append(f"{literal}: not the canonical lexical form")
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    kept = {q.object for q in store if isinstance(q.object, ox.Literal)}
    problems.extend(f"{literal}: Oxigraph writes it back as another literal" for literal in written - kept)
    return sorted(set(problems))


def test_the_check_for_non_canonical_literals_finds_them() -> None:
    bad = (
        b"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        b'<http://e/a> <http://e/p> "01"^^xsd:integer, "0.490"^^xsd:decimal, "1E3"^^xsd:decimal,\n'
        b'  "x"@ZH-Hant ;\n'
        b'  <http://e/q> "7"^^xsd:integer, "0.49"^^xsd:decimal, "y"@zh .\n'
    )
    problems = non_canonical_literals(bad)
    assert any('"01"' in p for p in problems) and any('"0.490"' in p for p in problems)
    assert any('"1E3"' in p for p in problems) and any("@ZH-Hant" in p for p in problems)
    assert not any('"7"' in p or '"0.49"^' in p or '"y"@zh' in p for p in problems)


def test_every_literal_of_the_built_turtle_is_canonical(built: Path) -> None:
    assert non_canonical_literals(built.read_bytes()) == []


def test_every_language_tag_in_every_rdf_export_is_lowercase(exported: dict[str, bytes]) -> None:
    for name in RDF_FORMATS:
        tags = set(re.findall(rb'"@([A-Za-z][A-Za-z0-9-]*)', exported[name]))
        tags |= {m.encode() for m in re.findall(r'"@language": "([^"]+)"', exported[name].decode("utf-8"))}
        assert tags and all(tag == tag.lower() for tag in tags), (name, tags)


def _rapper() -> str:
    found = shutil.which("rapper")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("rapper is not installed (Debian raptor2-utils; .ci/run installs it)")
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    return found


@pytest.mark.parametrize("name", sorted(RAPPER_SYNTAX))
def test_rapper_parses_the_export_with_every_triple(
    name: str, exported: dict[str, bytes], graph: Graph, tmp_path: Path
) -> None:
    rapper = _rapper()
    path = tmp_path / f"graph{FORMATS[name].suffix}"
    path.write_bytes(exported[name])
    done = subprocess.run(
        [rapper, "-c", "-i", RAPPER_SYNTAX[name], str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    counted = re.search(r"Parsing returned (\d+) triples", done.stderr)
    assert counted is not None, done.stderr
    expected = (
        len(graph) if name != "trig" else sum(1 for _ in ox.parse(exported[name], format=ox.RdfFormat.TRIG))
    )
    assert int(counted.group(1)) == expected


# ---- every RDF export is the same graph -------------------------------------------------------------


# rdflib 7.6's TriG and JSON-LD parsers use its own deprecated Dataset.default_context and ConjunctiveGraph
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", RDF_FORMATS)
def test_the_rdf_export_reads_back_isomorphic_in_rdflib_and_pyoxigraph(
    name: str, exported: dict[str, bytes], graph: Graph
) -> None:
    data = exported[name]
    if name == "trig":
        dataset = Dataset()
        dataset.parse(data=data, format="trig")
        in_rdflib = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            in_rdflib.add((s, p, o))
    else:
        in_rdflib = Graph().parse(data=data, format=RDFLIB_FORMAT[name])
    assert_isomorphic(graph, in_rdflib, f"{name} read by rdflib")
    assert_isomorphic(graph, oxigraph_triples_of(data, OX_FORMAT[name]), f"{name} read by pyoxigraph")


def test_the_turtle_export_is_what_build_wrote(exported: dict[str, bytes], built: Path, graph: Graph) -> None:
    assert exported["turtle"] == built.read_bytes() == turtle_bytes(graph)


def test_jsonld_is_compacted_with_the_project_prefixes(exported: dict[str, bytes]) -> None:
    document = json.loads(exported["jsonld"])
    assert document["@context"] == PREFIXES
    nodes = document["@graph"]
    assert all("@id" in node for node in nodes)
    assert any("nkg:Claim" in node.get("@type", []) for node in nodes)
    assert any("rdfs:label" in node for node in nodes)


# ---- TriG: one named graph per article --------------------------------------------------------------


def trig_store(data: bytes) -> ox.Store:
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    return store


def dumped(store: ox.Store, name: ox.NamedNode | None = None) -> Graph:
    """The store's triples (of every graph, or of the graph ``name``) as an rdflib graph."""
    data = (
        store.dump(format=ox.RdfFormat.N_QUADS)
        if name is None
        else store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
    )
    assert data is not None
    return oxigraph_triples_of(data, ox.RdfFormat.N_QUADS if name is None else ox.RdfFormat.N_TRIPLES)


def ask(store: ox.Store, query: str) -> bool:
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    return bool(store.query(prologue + query))


def test_trig_has_a_named_graph_per_article_holding_its_claims_spans_and_text(
    exported: dict[str, bytes], graph: Graph
) -> None:
    store = trig_store(exported["trig"])
    articles = {str(a) for a in graph.subjects(RDF.type, SDO.NewsArticle)}
    assert {g.value for g in store.named_graphs()} == articles
    # every claim, span and article text is in the graph of its article, and only there
    assert not ask(store, "ASK { ?c a nkg:Claim . FILTER NOT EXISTS { GRAPH ?g { ?c a nkg:Claim } } }")
    assert not ask(
        store,
        "ASK { GRAPH ?g { ?c prov:wasDerivedFrom ?span } GRAPH ?h { ?span nif:referenceContext ?d } "
        "FILTER(?g != ?d || ?h != ?d) }",
    )
    assert not ask(store, "ASK { GRAPH ?g { ?a nif:isString ?text } FILTER(?g != ?a) }")
    assert not ask(store, "ASK { ?x nif:isString ?text }")  # no article text in the default graph
    # entities live in the default graph, in no article's
    assert ask(store, "ASK { ?e a schema:Person ; rdfs:label ?l }")
    assert not ask(store, "ASK { GRAPH ?g { ?e a schema:Person } }")
    # a direct edge is in the graph of every article whose claim states it
    assert not ask(
        store,
        "ASK { GRAPH ?g { ?c a nkg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } "
        "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }",
    )


def test_dropping_one_articles_graph_removes_what_only_it_says(
    exported: dict[str, bytes], graph: Graph
) -> None:
    store = trig_store(exported["trig"])
    first, second = sorted(g.value for g in store.named_graphs())
    triples_of = {name: set(dumped(store, ox.NamedNode(name))) for name in (first, second)}
    store.update(f"DROP GRAPH <{first}>")
    remaining = dumped(store)
    article = URIRef(first)
    claims_of = {
        c: {
            a
            for span in graph.objects(c, PROV.wasDerivedFrom)
            for a in graph.objects(span, NIF.referenceContext)
        }
        for c in graph.subjects(RDF.type, NKG.Claim)
    }
    assert (article, None, None) not in remaining and (None, NIF.referenceContext, article) not in remaining
    assert set(remaining.subjects(RDF.type, NKG.Claim)) == {
        c for c, a in claims_of.items() if a == {URIRef(second)}
    }
    # a direct edge both articles state stays; one only the first stated is gone
    shared = triples_of[first] & triples_of[second]
    only_first = triples_of[first] - triples_of[second]
    assert any(p == NKG.investedIn for _, p, _ in shared) and only_first
    assert all(t in remaining for t in shared) and not any(t in remaining for t in only_first)
    # the entities stay, whatever article named them
    assert set(graph.subjects(RDF.type, SDO.Person)) == set(remaining.subjects(RDF.type, SDO.Person))


def test_the_partition_covers_the_graph_and_places_every_newskg_triple(graph: Graph) -> None:
    partition = article_partition(graph)
    union = set(partition.default)
    for triples in partition.articles.values():
        union |= set(triples)
    assert union == set(graph)
    default_subjects = {s for s, _, _ in partition.default}
    kinds = Counter(
        "entity" if "/entity/" in str(s) else "agent" if "/agent/" in str(s) else str(s)
        for s in default_subjects
    )
    assert set(kinds) == {"entity", "agent"}  # nothing else falls through to the default graph


# ---- GraphML and GEXF -------------------------------------------------------------------------------


def _comparable(nx_graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = {n: dict(d) for n, d in nx_graph.nodes(data=True)}
    edges = {}
    for u, v, data in nx_graph.edges(data=True):
        data = {k: val for k, val in data.items() if k not in ("id", "weight", "networkx_key")}
        edges[(u, v, data["relation"])] = data
    return nodes, edges


@pytest.mark.parametrize("name,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back_in_networkx_with_every_attribute(
    name: str, reader, exported: dict[str, bytes], graph: Graph, tmp_path: Path
) -> None:
    path = tmp_path / f"graph.{name}"
    path.write_bytes(exported[name])
    back = reader(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert _comparable(back) == _comparable(networkx_graph(graph))


def test_the_networkx_graph_has_every_entity_and_relation_with_its_claim_count(graph: Graph) -> None:
    view = networkx_graph(graph)
    entities = {
        str(e) for t in ("Person", "Organization", "Product") for e in graph.subjects(RDF.type, SDO[t])
    }
    assert entities <= set(view.nodes)
    for _, data in view.nodes(data=True):
        assert all(isinstance(v, (str, int)) and v is not None for v in data.values())
        assert data["type"] in ("Person", "Organization", "Product", "MonetaryAmount") and data["label"]
    claims = Counter(
        (
            str(graph.value(c, RDF.subject)),
            str(graph.value(c, RDF.predicate)),
            str(graph.value(c, RDF.object)),
        )
        for c in graph.subjects(RDF.type, NKG.Claim)
    )
    edges = {(u, str(NKG) + d["relation"], v): d for u, v, d in view.edges(data=True)}
    assert set(edges) == set(claims)  # every direct edge newskg writes has a claim behind it
    for key, data in edges.items():
        assert data["claims"] == claims[key]
        assert data["label_zh"] and data["label_en"] and data["articles"]
    meta = view.nodes["https://w3id.org/newskg/id/entity/person/alexandr-wang"]
    assert meta["label"] == "亚历山大·王" and meta["label_en"] == "Alexandr Wang" and meta["type"] == "Person"


def test_gexf_carries_no_date_and_graphml_no_lxml_dependence(exported: dict[str, bytes]) -> None:
    assert b"lastmodifieddate" not in exported["gexf"]
    assert exported["gexf"].startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<gexf ")
    assert "亚历山大·王".encode() in exported["graphml"]  # UTF-8 text, not character references


# ---- neo4j-admin CSV --------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_neo4j_csv_files_have_the_import_headers_and_consistent_ids(graph: Graph) -> None:
    files = formats.neo4j_csv_files(graph)
    assert sorted(files) == ["amounts.csv", "articles.csv", "entities.csv", "mentions.csv", "relations.csv"]
    headers = {name: data.decode("utf-8").split("\r\n", 1)[0] for name, data in files.items()}
    assert (
        headers["entities.csv"] == "id:ID,name,name_zh,name_en,aliases:string[],wikidata,mentions:int,:LABEL"
    )
    assert headers["relations.csv"].startswith(":START_ID,:END_ID,:TYPE,claims:int,")
    assert headers["mentions.csv"] == ":START_ID,:END_ID,:TYPE,count:int"
    ids = [
        row["id:ID"]
        for name in ("entities.csv", "amounts.csv", "articles.csv")
        for row in read_csv(files[name])
    ]
    assert len(ids) == len(set(ids))
    for name in ("relations.csv", "mentions.csv"):
        for row in read_csv(files[name]):
            assert row[":START_ID"] in ids and row[":END_ID"] in ids
    labels = {row[":LABEL"] for row in read_csv(files["entities.csv"])}
    assert "Entity;Person" in labels and "Entity;Organization;Company" in labels
    relations = read_csv(files["relations.csv"])
    assert {row[":TYPE"] for row in relations} <= set(formats.RELATION_PROPERTIES)
    assert sum(int(row["claims:int"]) for row in relations) == len(set(graph.subjects(RDF.type, NKG.Claim)))


def test_neo4j_csv_quotes_article_text_with_commas_quotes_and_newlines(graph: Graph) -> None:
    tricky = Graph()
    for triple in graph:
        tricky.add(triple)
    article = next(iter(graph.subjects(RDF.type, SDO.NewsArticle)))
    text = 'He said, "yes";\nthen left,\r\nfor good. 他说："好"，然后离开'
    tricky.set((article, NIF.isString, Literal(text)))
    rows = {row["id:ID"]: row for row in read_csv(formats.neo4j_csv_files(tricky)["articles.csv"])}
    assert rows[str(article)]["text"] == text
    assert rows[str(article)][":LABEL"] == "Article"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8")), name=st.text(min_size=1))
def test_any_article_text_and_name_survive_the_neo4j_csv(text: str, name: str) -> None:
    tiny = Graph()
    article, entity = URIRef("https://example.org/doc/a"), URIRef("https://example.org/entity/e")
    tiny.add((article, RDF.type, SDO.NewsArticle))
    tiny.add((article, SDO.identifier, Literal("a.txt")))
    tiny.add((article, NIF.isString, Literal(text)))
    tiny.add((entity, RDF.type, SDO.Person))
    tiny.add((entity, RDFS.label, Literal(name, lang="zh")))
    files = formats.neo4j_csv_files(tiny)
    assert [row["text"] for row in read_csv(files["articles.csv"])] == [text]
    assert [row["name"] for row in read_csv(files["entities.csv"])] == [name]


def test_write_export_writes_the_csv_directory_and_leaves_other_files_and_no_temporary_ones(
    graph: Graph, tmp_path: Path
) -> None:
    target = tmp_path / "neo4j"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    written = write_export(graph, "csv", target)
    assert sorted(p.name for p in written) == sorted(formats.neo4j_csv_files(graph))
    assert sorted(p.name for p in target.iterdir()) == sorted([*formats.neo4j_csv_files(graph), "notes.txt"])
    assert (target / "notes.txt").read_text() == "mine"


def test_a_failed_csv_export_leaves_the_directory_as_it_was(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "neo4j"
    target.mkdir()
    (target / "entities.csv").write_text("old")
    calls = []

    def failing_write(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        Path(path).write_bytes(data)

    monkeypatch.setattr(formats, "atomic_write", failing_write)
    with pytest.raises(OSError):
        write_export(graph, "csv", target)
    assert sorted(p.name for p in target.iterdir()) == ["entities.csv"]  # no staging directory left
    assert (target / "entities.csv").read_text() == "old"


# ---- the command ------------------------------------------------------------------------------------


def test_export_writes_stdout_or_a_file_the_same_bytes(
    built: Path, exported: dict[str, bytes], tmp_path: Path
) -> None:
    result = invoke(["export", str(built), "--format", "trig"])
    assert result.exit_code == 0
    assert result.stdout_bytes == exported["trig"]
    target = tmp_path / "sub" / "graph.gexf"
    result = invoke(["export", str(built), "--format", "gexf", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == exported["gexf"]
    assert result.stderr == f"newskg: wrote {target}\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.gexf"]


def test_export_csv_needs_a_directory(built: Path, tmp_path: Path) -> None:
    result = invoke(["export", str(built), "--format", "csv"])
    assert result.exit_code == 2
    assert "--format csv writes several files: give a directory with -o DIR" in result.stderr
    result = invoke(["export", str(built), "--format", "csv", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "relations.csv").is_file()
    result = invoke(["export", str(built), "--format", "csv", "-o", str(built)])
    assert result.exit_code == 1
    assert result.stderr == f"newskg: {built}: not a directory; --format csv writes several files into one\n"


def test_export_refuses_bad_input_with_one_line(built: Path, tmp_path: Path) -> None:
    result = invoke(["export", str(tmp_path / "missing.ttl"), "--format", "trig"])
    assert (result.exit_code, result.stderr) == (1, f"newskg: {tmp_path / 'missing.ttl'}: no such file\n")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    result = invoke(["export", str(broken), "--format", "gexf", "-o", str(tmp_path / "x.gexf")])
    assert result.exit_code == 1
    assert (
        result.stderr.startswith(f"newskg: {broken}: not valid Turtle: ") and result.stderr.count("\n") == 1
    )
    assert not (tmp_path / "x.gexf").exists()
    result = invoke(["export", str(built), "--format", "gexf", "-o", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"newskg: {tmp_path}: is a directory; --format gexf writes one file (give a file name)\n",
    )
    result = invoke(["export", str(built), "--format", "rdfxml"])
    assert result.exit_code == 2 and "'rdfxml' is not one of 'csv', 'gexf'" in result.stderr
    result = invoke(["export", str(built), "--format", "turtle", "-o", str(built)])
    assert result.exit_code == 1 and "would overwrite the graph" in result.stderr
