"""graph.store: a persistent store that later builds update, and from which articles can be removed.

The promise tested throughout: whatever sequence of builds and removals made a store, it holds
exactly the triples a from-scratch build of its articles gives. The two seed articles share entities
(Meta, Scale AI, Alexandr Wang …) and each names some the other does not, so adding and removing one
of them changes entity nodes, labels, mention counts and links of the other.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractors.model import Document
from extractors.pipeline import extract_corpus
from extractors.reader import read_inputs
from graph import store as store_module
from graph.build import build_graph
from graph.export import oxigraph_triples
from graph.query import QueryError, run_query
from graph.store import (
    MANIFEST,
    StoreError,
    is_store,
    open_store,
    update_store,
)
from ontology import iris
from ontology.namespaces import NIF, ONTOLOGY_IRI

SEED_000 = "000_43652604587c5b95.txt"
SEED_003 = "003_2f044a086ea3d3b8.txt"
BASE = "https://w3id.org/newskg/id/"
META = f"{BASE}entity/organization/meta"
SCALE_AI = f"{BASE}entity/organization/scale-ai"

Triple = tuple[str, str, str]  # in N-Triples form: <iri>, "literal"@lang


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    return {doc.id: doc for doc in read_inputs([str(seeds_dir)]).documents}


@pytest.fixture(scope="module")
def fresh(seeds: dict[str, Document]) -> dict[tuple[str, ...], set[Triple]]:
    """The triples of a from-scratch build of each set of seed articles."""
    return {
        ids: fresh_triples([seeds[i] for i in ids])
        for ids in [(SEED_000,), (SEED_003,), (SEED_000, SEED_003)]
    }


def fresh_triples(documents: Sequence[Document]) -> set[Triple]:
    graph = build_graph(extract_corpus(documents), BASE)
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in oxigraph_triples(graph)}


def stored_triples(directory: Path) -> set[Triple]:
    """The store's graph (its default graph: the ontology lives in a named graph of its own)."""
    store = open_store(directory)
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }


def test_builds_one_after_the_other_give_the_graph_of_a_build_from_scratch(
    tmp_path: Path, seeds: dict[str, Document], fresh: dict[tuple[str, ...], set[Triple]]
) -> None:
    first = update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    assert (first.extracted, first.reused) == (1, 0)
    assert stored_triples(tmp_path / "kg") == fresh[(SEED_000,)]
    second = update_store(tmp_path / "kg", [seeds[SEED_003]], base=BASE)
    assert (second.extracted, second.reused) == (1, 1)
    assert stored_triples(tmp_path / "kg") == fresh[(SEED_000, SEED_003)]
    assert second.triples == len(fresh[(SEED_000, SEED_003)])


def test_unchanged_articles_are_not_extracted_again(tmp_path: Path, seeds: dict[str, Document]) -> None:
    update_store(tmp_path / "kg", list(seeds.values()), base=BASE)
    before = stored_triples(tmp_path / "kg")
    database = json.loads((tmp_path / "kg" / MANIFEST).read_text(encoding="utf-8"))["data"]
    again = update_store(tmp_path / "kg", list(seeds.values()), base=BASE)
    assert (again.extracted, again.reused, again.refacted) == (0, 2, 0)
    assert stored_triples(tmp_path / "kg") == before and again.triples == len(before)
    # nothing changed, so the database is not even loaded again
    assert json.loads((tmp_path / "kg" / MANIFEST).read_text(encoding="utf-8"))["data"] == database


def test_removing_an_article_removes_what_only_it_supported_and_nothing_else(
    tmp_path: Path, seeds: dict[str, Document], fresh: dict[tuple[str, ...], set[Triple]]
) -> None:
    directory = tmp_path / "kg"
    update_store(directory, list(seeds.values()), base=BASE)
    gone = iris.document_iri(SEED_003, BASE)
    kept = iris.document_iri(SEED_000, BASE)
    mentioned_in = "SELECT ?e ?d {{ ?m nif:taIdentRef ?e ; nif:referenceContext ?d }}"
    documents_of: dict[str, set[str]] = {}
    for entity, document in run_query(directory, mentioned_in.format()).rows:
        documents_of.setdefault(entity.value, set()).add(document.value)  # type: ignore[union-attr]
    exclusive = {e for e, docs in documents_of.items() if docs == {gone}}
    shared = {e for e, docs in documents_of.items() if docs == {gone, kept}}
    assert exclusive and META in shared

    removed = update_store(directory, remove=[SEED_003])
    assert removed.removed == (SEED_003,) and (removed.extracted, removed.reused) == (0, 1)
    remaining = stored_triples(directory)
    assert remaining == fresh[(SEED_000,)]

    # the removed article's document node, spans, claims and extraction activities are gone
    assert not any(f"<{gone}>" in (s, o) or s.startswith(f"<{gone}/") for s, _, o in remaining)
    assert not any(f"/{iris.slug(SEED_003)}/" in s for s, _, _ in remaining)
    assert any(f"<{kept}>" == s for s, _, _ in remaining)
    # entities only it named are gone; the shared ones stay, with only the other article's mentions and claims
    assert not any(s[1:-1] in exclusive or o[1:-1] in exclusive for s, _, o in remaining)
    subjects = {s[1:-1] for s, _, _ in remaining}
    assert {META, SCALE_AI} <= shared & subjects
    assert ask_documents(
        directory, f"SELECT DISTINCT ?d {{ ?m nif:taIdentRef <{META}> ; nif:referenceContext ?d }}"
    ) == {kept}
    claims_of_meta = (
        f"SELECT DISTINCT ?d {{ ?c rdf:subject <{META}> ; prov:wasDerivedFrom/nif:referenceContext ?d }}"
    )
    assert ask_documents(directory, claims_of_meta) == {kept}


def ask_documents(directory: Path, sparql: str) -> set[str]:
    return {row[0].value for row in run_query(directory, sparql).rows}  # type: ignore[union-attr]


def test_a_changed_article_is_extracted_again_and_replaces_the_old_one(
    tmp_path: Path, seeds: dict[str, Document]
) -> None:
    directory = tmp_path / "kg"
    update_store(directory, list(seeds.values()), base=BASE)
    old = seeds[SEED_003]
    cut = old.raw.rindex("谷歌")  # the article without its last mention of Google
    changed = read_inputs_from(tmp_path, SEED_003, old.raw[:cut] + "\n")
    update = update_store(directory, [changed], base=BASE)
    assert (update.extracted, update.reused) == (1, 1)
    assert stored_triples(directory) == fresh_triples([seeds[SEED_000], changed])


def read_inputs_from(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / "input" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (document,) = read_inputs([str(path)]).documents
    return document


def test_a_change_of_the_extractors_code_or_data_re_extracts_everything(
    tmp_path: Path, seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    update_store(tmp_path / "kg", list(seeds.values()), base=BASE)
    monkeypatch.setattr(store_module, "extractor_fingerprint", lambda: "another version of the rules")
    update = update_store(tmp_path / "kg", [], base=BASE)  # the articles come from the store itself
    assert (update.extracted, update.reused) == (2, 0)
    assert len(update.corpus.documents) == 2


def test_the_fingerprint_covers_the_rules_and_the_reference_list() -> None:
    fingerprint = store_module.extractor_fingerprint()
    assert len(fingerprint) == 64 and fingerprint == store_module.extractor_fingerprint()
    names = {
        name
        for package in ("extractors", "ontology")
        for name, _ in store_module._package_files(__import__("importlib").resources.files(package), package)
    }
    assert {
        "extractors/relations.py",
        "extractors/data/surnames.txt",
        "ontology/known_entities.json",
    } <= names


def test_the_same_articles_give_byte_identical_stores_metadata(
    tmp_path: Path, seeds: dict[str, Document]
) -> None:
    update_store(tmp_path / "a", list(seeds.values()), base=BASE)
    update_store(tmp_path / "b", [seeds[SEED_003]], base=BASE)
    update_store(tmp_path / "b", [seeds[SEED_000]], base=BASE)
    manifest_a = json.loads((tmp_path / "a" / MANIFEST).read_text(encoding="utf-8"))
    manifest_b = json.loads((tmp_path / "b" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest_a["articles"] == manifest_b["articles"]
    for entry in manifest_a["articles"].values():
        assert (tmp_path / "a" / entry["cache"]).read_bytes() == (
            tmp_path / "b" / entry["cache"]
        ).read_bytes()


def test_a_crash_while_loading_leaves_the_previous_graph_and_the_next_update_cleans_up(
    tmp_path: Path, seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "kg"
    update_store(directory, [seeds[SEED_000]], base=BASE)
    before = stored_triples(directory)
    load = store_module._load_database

    def crash(target: Path, graph: object) -> None:
        load(target, graph)  # the new database is complete on disk …
        raise KeyboardInterrupt  # … but the process dies before the manifest names it

    monkeypatch.setattr(store_module, "_load_database", crash)
    with pytest.raises(KeyboardInterrupt):
        update_store(directory, [seeds[SEED_003]], base=BASE)
    assert stored_triples(directory) == before
    assert json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["articles"].keys() == {SEED_000}
    monkeypatch.undo()
    update_store(directory, [seeds[SEED_003]], base=BASE)
    assert sorted(p.name for p in directory.iterdir() if p.name.startswith("oxigraph-")) == ["oxigraph-2"]
    assert len(list((directory / "articles").iterdir())) == 2


def test_the_ontology_is_in_the_store_and_queries_see_it(tmp_path: Path, seeds: dict[str, Document]) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    labels = run_query(tmp_path / "kg", 'SELECT ?l { nkg:investedIn rdfs:label ?l FILTER(lang(?l) = "en") }')
    assert labels.rows and open_store(tmp_path / "kg").contains_named_graph(ox.NamedNode(ONTOLOGY_IRI))


@pytest.mark.parametrize(
    "query", sorted((Path(__file__).parent.parent / "examples").glob("*.rq")), ids=lambda p: p.name
)
def test_the_readme_queries_answer_the_same_on_the_store_and_on_the_turtle_file(
    tmp_path: Path, root: Path, query: Path, seeds: dict[str, Document]
) -> None:
    update_store(tmp_path / "kg", list(seeds.values()))
    sparql = query.read_text(encoding="utf-8")
    on_store = run_query(tmp_path / "kg", sparql).format("csv")
    assert on_store == run_query(root / "output" / "graph.ttl", sparql).format("csv")
    assert on_store.count("\n") > 2


def test_queries_on_a_store_are_read_only(tmp_path: Path, seeds: dict[str, Document]) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    with pytest.raises(QueryError, match="read-only"):
        run_query(tmp_path / "kg", "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        run_query(tmp_path / "kg", "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(RuntimeError, match="only possible on read-write"):  # the database is opened read-only
        open_store(tmp_path / "kg").add(
            ox.Quad(ox.NamedNode(META), ox.NamedNode(str(NIF.anchorOf)), ox.Literal("x"))
        )


def test_an_unknown_article_is_one_error_saying_how_to_list_them(
    tmp_path: Path, seeds: dict[str, Document]
) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    with pytest.raises(StoreError) as error:
        update_store(tmp_path / "kg", remove=["nope.txt"])
    message = str(error.value)
    assert message.startswith(f"{tmp_path / 'kg'}: no article nope.txt in the store; list its articles with:")
    assert "newskg query" in message and "\n" not in message
    listed = run_query(tmp_path / "kg", store_module.LIST_ARTICLES)
    assert [row[0].value for row in listed.rows] == [SEED_000]  # type: ignore[union-attr]


def test_a_directory_that_is_not_a_store_is_not_touched(tmp_path: Path, seeds: dict[str, Document]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a newskg store and not empty"):
        update_store(tmp_path, [seeds[SEED_000]])
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"] and not is_store(tmp_path)
    with pytest.raises(StoreError, match=r"not a newskg store \(no newskg-store.json\)"):
        open_store(tmp_path)


def test_one_writer_at_a_time(tmp_path: Path, seeds: dict[str, Document]) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    with open(tmp_path / "kg" / ".lock", "a+b") as other_writer:
        fcntl.flock(other_writer, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another newskg process is updating this store"):
            update_store(tmp_path / "kg", [seeds[SEED_003]], base=BASE)


def test_removing_every_article_leaves_an_empty_graph(tmp_path: Path, seeds: dict[str, Document]) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    update = update_store(tmp_path / "kg", remove=[SEED_000])
    assert update.triples == 0 and stored_triples(tmp_path / "kg") == set()


def test_a_renamed_source_file_is_updated_without_extracting_again(
    tmp_path: Path, seeds: dict[str, Document]
) -> None:
    update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    moved = dataclasses.replace(seeds[SEED_000], source=f"archive/{SEED_000}")
    update = update_store(tmp_path / "kg", [moved], base=BASE)
    assert (update.extracted, update.reused) == (0, 1)
    assert stored_triples(tmp_path / "kg") == fresh_triples([moved])


def test_a_damaged_cache_file_is_one_error_saying_how_to_repair(
    tmp_path: Path, seeds: dict[str, Document]
) -> None:
    directory = tmp_path / "kg"
    update_store(directory, list(seeds.values()), base=BASE)
    entry = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["articles"][SEED_003]
    (directory / entry["cache"]).write_text("{", encoding="utf-8")
    with pytest.raises(
        StoreError, match=f"saved extraction of {SEED_003} is missing or damaged; give the article"
    ):
        update_store(directory, [], base=BASE)
    repaired = update_store(directory, [seeds[SEED_003]], base=BASE)  # given again: read from the file
    assert (repaired.extracted, repaired.reused) == (1, 1)
    assert stored_triples(directory) == fresh_triples(list(seeds.values()))


def test_a_first_build_that_crashed_can_be_run_again(
    tmp_path: Path, seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(target: Path, graph: object) -> None:
        target.mkdir()
        (target / "half-written").write_bytes(b"")
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module, "_load_database", crash)
    with pytest.raises(KeyboardInterrupt):
        update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    assert not is_store(tmp_path / "kg")
    monkeypatch.undo()
    update = update_store(tmp_path / "kg", [seeds[SEED_000]], base=BASE)
    assert update.reused == 1  # the crashed run's extraction was saved before the crash
    assert stored_triples(tmp_path / "kg") == fresh_triples([seeds[SEED_000]])
