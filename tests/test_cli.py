"""The command line: what each command writes where, its messages and its exit status.

Exit status: 0 = all inputs read, 1 = an input skipped or a user error (one line on stderr naming it),
2 = usage error.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from extractors.reader import read_inputs
from graph.cli import main

SEED_000 = "000_43652604587c5b95.txt"
SEED_003 = "003_2f044a086ea3d3b8.txt"
PERSONS = "SELECT ?p WHERE { ?p a schema:Person } ORDER BY ?p"


def invoke(args: Sequence[str]) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


def leftovers(directory: Path) -> list[str]:
    """Temporary files an interrupted or failed write would leave behind (atomic writes leave none)."""
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, root: Path) -> tuple[Path, Result]:
    """``newskg build -o OUT`` run at the repository root (so sources read ``seeds/…``, as in output/)."""
    out = tmp_path_factory.mktemp("built")
    with working_directory(root):
        result = invoke(["build", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out, result


@pytest.fixture
def seeds_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    """A working directory holding a byte-identical copy of seeds/ (and nothing else)."""
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    return tmp_path


# ------------------------------------------------------------------------------------------------
# help and version


@pytest.mark.parametrize(
    "command",
    [[], ["build"], ["extract"], ["query"], ["render"], ["evaluate"], ["export"], ["remove"], ["push"]],
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = invoke([*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: newskg")
    assert "Example:" in result.stdout
    assert "newskg " in result.stdout.split("Example:")[1]


def test_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("newskg ")


def test_unknown_command_and_missing_arguments_are_usage_errors() -> None:
    assert invoke(["frobnicate"]).exit_code == 2
    assert invoke(["extract"]).exit_code == 2  # INPUT is required
    assert invoke(["evaluate", "seeds"]).exit_code == 2  # --gold is required
    assert invoke(["query", "output/graph.ttl", "--format", "xml", "ASK {}"]).exit_code == 2


# ------------------------------------------------------------------------------------------------
# build


def test_build_writes_the_graph_and_the_page_and_a_summary_on_stderr(built: tuple[Path, Result]) -> None:
    out, result = built
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "newskg.ttl"]
    assert (out / "graph.ttl").read_bytes().startswith(b"@prefix ")
    assert b"<html" in (out / "graph.html").read_bytes()[:500].lower()
    assert result.stdout == ""  # nothing but data goes to stdout, and build writes no data there
    lines = stderr_lines(result)
    assert lines[0] == "newskg: 2 documents"
    assert lines[1].startswith("  entities ") and "Person" in lines[1] and "Organization" in lines[1]
    assert lines[2].startswith("  claims ")
    assert lines[3].startswith("  triples ") and int(lines[3].split()[1]) > 100
    assert lines[4].startswith(f"  wrote {out / 'graph.ttl'}, {out / 'graph.html'}, {out / 'newskg.ttl'} in ")
    assert lines[4].endswith(" s") and len(lines) == 5


def test_output_in_the_repository_is_up_to_date(built: tuple[Path, Result], root: Path) -> None:
    out, _ = built
    for name in ("graph.ttl", "graph.html"):
        committed = root / "output" / name
        assert committed.exists(), f"output/{name} is missing: run `newskg build` at the repository root"
        assert committed.read_bytes() == (out / name).read_bytes(), (
            f"output/{name} is out of date (seeds/ or the code changed): run `newskg build` in the repository"
        )


def test_build_is_byte_identical_across_runs_and_input_orders(
    seeds_copy: Path, built: tuple[Path, Result]
) -> None:
    expected = (built[0] / "graph.ttl").read_bytes()
    with working_directory(seeds_copy):
        assert invoke(["build"]).exit_code == 0  # the defaults: seeds/ -> output/
        first = (seeds_copy / "output" / "graph.ttl").read_bytes()
        result = invoke(["build", f"seeds/{SEED_003}", f"seeds/{SEED_000}", "-o", "reversed"])
        assert result.exit_code == 0
    assert first == expected
    assert (seeds_copy / "reversed" / "graph.ttl").read_bytes() == expected
    assert (seeds_copy / "reversed" / "graph.html").read_bytes() == (built[0] / "graph.html").read_bytes()


def test_build_output_does_not_depend_on_the_number_of_processes(tmp_path: Path, seeds_dir: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(4):  # enough documents for the work to be spread over two processes
        for seed in (SEED_000, SEED_003):
            shutil.copy(seeds_dir / seed, corpus / f"{copy}-{seed}")
    outputs = []
    for jobs in ("1", "2"):
        result = invoke(["build", str(corpus), "-o", str(tmp_path / f"jobs{jobs}"), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / f"jobs{jobs}" / "graph.ttl").read_bytes())
    assert outputs[0] == outputs[1]


BAD_INPUTS = {
    # name -> (how to make it, the message naming it)
    "bad/empty.txt": (lambda p: p.write_bytes(b""), "empty file"),
    "bad/binary.txt": (
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8),
        "binary file, not text",
    ),
    "bad/undecodable.txt": (
        lambda p: p.write_bytes(b"\x80\xff\x80\xff not text \xff\x80" * 4),
        "not UTF-8, GB18030 or Big5 text (is it binary?)",
    ),
    "bad/front-matter.md": (
        lambda p: p.write_text("---\ntitle: [unclosed\n---\n正文。\n", encoding="utf-8"),
        "malformed front matter: ",
    ),
    "bad/no-articles": (
        lambda p: (p.mkdir(), (p / "notes.csv").write_text("a,b\n")),
        "no articles in this directory (looked for *.txt, *.md, *.markdown, *.jsonl; "
        "hidden files are skipped)",
    ),
    "bad/missing.txt": (lambda p: None, "no such file or directory (check the path)"),
}


@pytest.fixture
def bad_inputs(seeds_copy: Path) -> Path:
    (seeds_copy / "bad").mkdir()
    for name, (make, _) in BAD_INPUTS.items():
        make(seeds_copy / name)
    return seeds_copy


def assert_one_line_per_bad_input(result: Result, names: Sequence[str]) -> None:
    problems = [line for line in stderr_lines(result) if line.startswith("newskg: bad/")]
    assert len(problems) == len(names), result.stderr
    for line, name in zip(problems, sorted(names), strict=True):
        assert line.startswith(f"newskg: {name}: {BAD_INPUTS[name][1]}"), line


def test_build_names_each_unreadable_input_builds_the_rest_and_exits_1(bad_inputs: Path) -> None:
    with working_directory(bad_inputs):
        result = invoke(["build", "seeds", *BAD_INPUTS])
    assert result.exit_code == 1
    assert_one_line_per_bad_input(result, list(BAD_INPUTS))
    assert "newskg: 2 documents (6 inputs skipped)" in stderr_lines(result)
    out = bad_inputs / "output"
    assert sorted(p.name for p in out.iterdir()) == [
        "graph.html",
        "graph.ttl",
        "newskg.ttl",
    ]  # no temporary files


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_when_nothing_can_be_read_nothing_is_written(bad_inputs: Path, name: str) -> None:
    with working_directory(bad_inputs):
        result = invoke(["build", name])
    assert result.exit_code == 1
    assert_one_line_per_bad_input(result, [name])
    assert len(stderr_lines(result)) == 1
    assert not (bad_inputs / "output").exists()


def test_an_interrupted_build_leaves_the_previous_outputs_intact(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with working_directory(seeds_copy):
        assert invoke(["build"]).exit_code == 0
        out = seeds_copy / "output"
        before = {p.name: p.read_bytes() for p in out.iterdir()}

        def interrupted(*args: object, **kwargs: object) -> str:
            raise KeyboardInterrupt

        monkeypatch.setattr("graph.render.render_html", interrupted)  # build imports it when it runs
        result = invoke(["build", f"seeds/{SEED_000}"])
    assert result.exit_code == 1  # click: "Aborted!"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert leftovers(out) == []


def test_a_bad_base_iri_is_one_line(seeds_copy: Path) -> None:
    with working_directory(seeds_copy):
        result = invoke(["build", "--base", "ftp://example.org/"])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "newskg: base 'ftp://example.org/' is not a usable base IRI: it must start with http:// or https:// "
        "(example: 'https://w3id.org/newskg/id/')"
    ]
    assert not (seeds_copy / "output").exists()


def test_the_base_iri_can_come_from_the_environment(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSKG_BASE", "https://example.org/kg/")
    with working_directory(seeds_copy):
        assert invoke(["build", f"seeds/{SEED_000}"]).exit_code == 0
    turtle = (seeds_copy / "output" / "graph.ttl").read_text(encoding="utf-8")
    assert "<https://example.org/kg/entity/" in turtle
    assert "https://w3id.org/newskg/id/" not in turtle


# ------------------------------------------------------------------------------------------------
# extract


def test_extract_writes_json_lines_whose_offsets_slice_the_text(root: Path) -> None:
    with working_directory(root):
        result = invoke(["extract", "seeds"])
        raws = {d.id: d.raw for d in read_inputs(["seeds"]).documents}
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = {r["kind"] for r in records}
    assert kinds == {"mention", "fact"}
    assert {r["doc"] for r in records} == {SEED_000, SEED_003}
    for r in records:
        piece = raws[r["doc"]][r["start"] : r["end"]]
        assert piece == (r["text"] if r["kind"] == "mention" else r["evidence"]), r
    mention = next(r for r in records if r["kind"] == "mention")
    assert list(mention) == [
        "doc", "kind", "start", "end", "text", "type", "entity", "name", "extractor", "confidence"
    ]  # fmt: skip
    fact = next(r for r in records if r["kind"] == "fact")
    assert list(fact) == [
        "doc", "kind", "start", "end", "evidence", "relation", "subject", "object", "qualifiers",
        "extractor", "confidence",
    ]  # fmt: skip
    assert list(fact["qualifiers"]) == ["amount", "stake", "role", "date", "reported_by"]
    assert "\\u" not in result.stdout  # Chinese stays readable
    entity_keys = {r["entity"] for r in records if r["kind"] == "mention"}
    assert {r["subject"] for r in records if r["kind"] == "fact"} <= entity_keys


def test_extract_reads_a_jsonl_corpus_and_writes_to_a_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "n1", "text": "据彭博社报道，Meta以143亿美元投资Scale AI。"},
        {"id": "n2", "text": "谷歌宣布终止与Scale AI的合作。"},
    ]
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "annotations.jsonl"
    result = invoke(["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {"n1", "n2"}
    texts = {x["id"]: x["text"] for x in lines}
    for r in records:
        assert texts[r["doc"]][r["start"] : r["end"]] == r.get("text", r.get("evidence"))
    assert any(r["kind"] == "mention" and r["text"] == "Scale AI" for r in records)
    assert leftovers(tmp_path) == []


def test_long_runs_report_progress_on_stderr(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(f'{{"id": "n{i}", "text": "谷歌投资了Meta。"}}\n' for i in range(6)), encoding="utf-8"
    )
    result = invoke(["extract", str(corpus)])
    assert result.exit_code == 0
    # not a terminal: click prints the progress bar's label once, and the data stays clean
    assert stderr_lines(result)[0] == "newskg: processing 6 documents"
    assert all(json.loads(line) for line in result.stdout.splitlines())


def test_extract_skips_unreadable_inputs_with_one_line_each(bad_inputs: Path) -> None:
    with working_directory(bad_inputs):
        result = invoke(["extract", f"seeds/{SEED_003}", "bad/empty.txt", "bad/missing.txt"])
    assert result.exit_code == 1
    assert_one_line_per_bad_input(result, ["bad/empty.txt", "bad/missing.txt"])
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {SEED_003}


def test_extract_with_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (tmp_path / "empty.txt").write_bytes(b"")
    with working_directory(tmp_path):
        result = invoke(["extract", "empty.txt", "-o", "out.jsonl"])
    assert result.exit_code == 1
    assert stderr_lines(result) == ["newskg: empty.txt: empty file"]
    assert not out.exists()


# ------------------------------------------------------------------------------------------------
# query


@pytest.fixture(scope="module")
def graph_file(built: tuple[Path, Result]) -> Path:
    return built[0] / "graph.ttl"


def test_query_prints_a_table(graph_file: Path) -> None:
    result = invoke(["query", str(graph_file), PERSONS])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split() == ["p"]
    assert any("person/" in line for line in result.stdout.splitlines())
    assert result.stderr == ""


def test_query_csv_and_json_hold_the_same_rows(graph_file: Path) -> None:
    as_csv = invoke(["query", str(graph_file), PERSONS, "--format", "csv"])
    as_json = invoke(["query", str(graph_file), PERSONS, "--format", "json"])
    assert as_csv.exit_code == as_json.exit_code == 0
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["p"]
    bindings = json.loads(as_json.stdout)["results"]["bindings"]
    assert [row[0] for row in rows[1:]] == [b["p"]["value"] for b in bindings]
    assert len(bindings) >= 5


def test_query_from_a_file(graph_file: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "count.rq"
    query_file.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:worksFor ?o }\n", encoding="utf-8")
    result = invoke(["query", str(graph_file), "-f", str(query_file), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "n"
    assert int(result.stdout.splitlines()[1]) >= 1


def test_query_ask(graph_file: Path) -> None:
    result = invoke(["query", str(graph_file), "ASK { ?s a schema:NewsArticle }"])
    assert (result.exit_code, result.stdout) == (0, "true\n")


def test_a_sparql_syntax_error_is_one_line(graph_file: Path, tmp_path: Path) -> None:
    result = invoke(["query", str(graph_file), "SELECT ?x WHERE { ?x"])
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith("newskg: SPARQL: ")
    assert result.stdout == ""
    query_file = tmp_path / "broken.rq"
    query_file.write_text("SELEKT ?x WHERE { ?x ?p ?o }", encoding="utf-8")
    result = invoke(["query", str(graph_file), "-f", str(query_file)])
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith(f"newskg: {query_file}: ")


def test_a_sparql_update_is_refused(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    result = invoke(["query", str(graph_file), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "newskg: SPARQL: query is read-only: DELETE is a SPARQL update; "
        "use SELECT, ASK, CONSTRUCT or DESCRIBE"
    ]
    assert graph_file.read_bytes() == before


def test_query_on_a_missing_graph_or_query_file_is_one_line(tmp_path: Path, graph_file: Path) -> None:
    result = invoke(["query", str(tmp_path / "nope.ttl"), PERSONS])
    assert (result.exit_code, stderr_lines(result)) == (1, [f"newskg: {tmp_path / 'nope.ttl'}: no such file"])
    result = invoke(["query", str(graph_file), "-f", str(tmp_path / "nope.rq")])
    assert (result.exit_code, stderr_lines(result)) == (1, [f"newskg: {tmp_path / 'nope.rq'}: no such file"])


def test_query_needs_exactly_one_of_sparql_and_file(graph_file: Path, tmp_path: Path) -> None:
    assert invoke(["query", str(graph_file)]).exit_code == 2
    (tmp_path / "q.rq").write_text(PERSONS, encoding="utf-8")
    assert invoke(["query", str(graph_file), PERSONS, "-f", str(tmp_path / "q.rq")]).exit_code == 2


def test_query_on_a_file_that_is_not_turtle_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    result = invoke(["query", str(broken), PERSONS])
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith(f"newskg: {broken}: not valid ")


# ------------------------------------------------------------------------------------------------
# render


def test_render_writes_the_same_page_as_build(built: tuple[Path, Result], tmp_path: Path) -> None:
    out, _ = built
    target = tmp_path / "page.html"
    result = invoke(["render", str(out / "graph.ttl"), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result) == [f"newskg: wrote {target}"]
    assert target.read_bytes() == (out / "graph.html").read_bytes()


def test_render_writes_beside_the_graph_by_default(built: tuple[Path, Result], tmp_path: Path) -> None:
    shutil.copy(built[0] / "graph.ttl", tmp_path / "kg.ttl")
    assert invoke(["render", str(tmp_path / "kg.ttl")]).exit_code == 0
    assert (tmp_path / "kg.html").exists()
    assert leftovers(tmp_path) == []


def test_render_errors_are_one_line(tmp_path: Path) -> None:
    result = invoke(["render", str(tmp_path / "nope.ttl")])
    assert (result.exit_code, stderr_lines(result)) == (1, [f"newskg: {tmp_path / 'nope.ttl'}: no such file"])
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    result = invoke(["render", str(broken)])
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith(f"newskg: {broken}: not a readable RDF graph: ")
    assert not (tmp_path / "broken.html").exists()


def test_render_help_names_the_part_options() -> None:
    result = invoke(["render", "--help"])
    for option in ("--focus NAME", "--hops", "--article ID", "--max-nodes"):
        assert option in result.stdout
    assert "--focus 扎克伯格 --hops 2" in result.stdout


def test_render_focus_and_article_draw_a_part(built: tuple[Path, Result], tmp_path: Path) -> None:
    graph = str(built[0] / "graph.ttl")
    focus, article = tmp_path / "focus.html", tmp_path / "article.html"
    result = invoke(["render", graph, "--focus", "Zuckerberg", "--hops", "1", "-o", str(focus)])
    assert result.exit_code == 0, result.stderr
    assert "「Zuckerberg」1 步之内的" in focus.read_text(encoding="utf-8")
    result = invoke(["render", graph, "--article", "003_2f044a086ea3d3b8.txt", "-o", str(article)])
    assert result.exit_code == 0, result.stderr
    assert "文章 003_2f044a086ea3d3b8.txt 中的" in article.read_text(encoding="utf-8")
    assert len(article.read_bytes()) < len((built[0] / "graph.html").read_bytes())


def test_render_an_unknown_name_or_article_is_one_line(built: tuple[Path, Result], tmp_path: Path) -> None:
    graph = str(built[0] / "graph.ttl")
    result = invoke(["render", graph, "--focus", "Scael AI", "-o", str(tmp_path / "x.html")])
    assert (result.exit_code, stderr_lines(result)) == (
        1,
        [f"newskg: {graph}: no entity is named 'Scael AI'; did you mean: Scale AI, Mistral AI?"],
    )
    result = invoke(["render", graph, "--article", "nope.txt", "-o", str(tmp_path / "x.html")])
    assert (result.exit_code, stderr_lines(result)) == (
        1,
        [f"newskg: {graph}: no article 'nope.txt'; articles: {SEED_000}, 003_2f044a086ea3d3b8.txt"],
    )
    assert leftovers(tmp_path) == [] and not (tmp_path / "x.html").exists()
    assert invoke(["render", graph, "--hops", "-1"]).exit_code == 2


# ------------------------------------------------------------------------------------------------
# evaluate


def test_evaluate_ends_with_the_summary_lines(root: Path, gold_dir: Path) -> None:
    with working_directory(root):
        result = invoke(["evaluate", "--gold", str(gold_dir), "seeds"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-3].startswith("entities   P ") and "duplicates" in lines[-3]
    assert lines[-2].startswith("facts      P ")
    assert lines[-1].startswith("qualifiers role ")
    assert any(line.startswith(SEED_000) for line in lines)
    assert any(line.startswith(SEED_003) for line in lines)


def test_evaluate_json_and_verbose(root: Path, gold_dir: Path) -> None:
    with working_directory(root):
        as_json = invoke(["evaluate", "--gold", str(gold_dir), "--json"])  # default input: seeds/
        verbose = invoke(["evaluate", "--gold", str(gold_dir), "--verbose", "seeds"])
    report = json.loads(as_json.stdout)
    assert [d["document"] for d in report["documents"]] == [SEED_000, SEED_003]
    assert set(report["entities"]) >= {"precision", "recall", "f1", "tp", "fp", "fn", "duplicates"}
    assert verbose.exit_code == 0
    assert "missed entities" in verbose.stdout or report["entities"]["fn"] == 0
    # the summary does not depend on the presentation
    assert verbose.stdout.splitlines()[-3].endswith(f"duplicates {report['entities']['duplicates']})")


def test_evaluate_with_a_bad_gold_directory_is_one_line(tmp_path: Path, root: Path) -> None:
    with working_directory(root):
        result = invoke(["evaluate", "--gold", str(tmp_path / "nope"), "seeds"])
    assert (result.exit_code, stderr_lines(result)) == (
        1,
        [f"newskg: {tmp_path / 'nope'}: not a directory of gold files"],
    )
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with working_directory(root):
        result = invoke(["evaluate", "--gold", str(tmp_path), "seeds"])
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith(f"newskg: {tmp_path / 'broken.json'}: not valid JSON")


def test_evaluate_without_any_gold_document_is_one_line(tmp_path: Path, gold_dir: Path) -> None:
    (tmp_path / "other.txt").write_text("谷歌宣布终止与Scale AI的合作。", encoding="utf-8")
    with working_directory(tmp_path):
        result = invoke(["evaluate", "--gold", str(gold_dir), "other.txt"])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"newskg: {gold_dir}: none of the 1 input documents has a gold file here "
        f"(gold covers {SEED_000}, {SEED_003})"
    ]


# ------------------------------------------------------------------------------------------------
# store: build --store, remove, query DIR


def test_build_store_then_remove_then_query_the_store(seeds_copy: Path, root: Path) -> None:
    store = seeds_copy / "kg"
    with working_directory(seeds_copy):
        first = invoke(["build", f"seeds/{SEED_000}", "--store", "kg"])
        second = invoke(["build", "--store", "kg"])  # seeds/: one new article, one known
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stdout == second.stdout == ""
    assert stderr_lines(first)[0] == "newskg: store kg: 1 article extracted, 0 reused"
    assert stderr_lines(second)[:2] == [
        "newskg: store kg: 1 article extracted, 1 reused",
        "newskg: 2 documents",
    ]
    assert stderr_lines(second)[-1].startswith("  wrote kg in ")
    assert not (seeds_copy / "output").exists()  # a store build writes the store only

    people = invoke(["query", str(store), "-f", str(root / "examples" / "people.rq")])
    on_file = invoke(
        ["query", str(root / "output" / "graph.ttl"), "-f", str(root / "examples" / "people.rq")]
    )
    assert people.exit_code == 0 and people.stdout == on_file.stdout

    removed = invoke(["remove", SEED_003, "--store", str(store)])
    assert removed.exit_code == 0
    assert stderr_lines(removed)[:2] == [
        f"newskg: store {store}: 0 articles extracted, 1 reused, 1 removed",
        "newskg: 1 documents",
    ]
    ids = invoke(
        [
            "query",
            str(store),
            "--format",
            "csv",
            "SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id }",
        ]
    )
    assert ids.stdout.split() == ["id", SEED_000]


def test_remove_errors_are_one_line(tmp_path: Path, seeds_copy: Path) -> None:
    with working_directory(seeds_copy):
        assert invoke(["build", f"seeds/{SEED_000}", "--store", "kg"]).exit_code == 0
        unknown = invoke(["remove", "nope.txt", "--store", "kg"])
    assert unknown.exit_code == 1
    [line] = stderr_lines(unknown)
    assert line.startswith(
        "newskg: kg: no article nope.txt in the store; list its articles with: newskg query kg '"
    )
    not_a_store = invoke(["remove", SEED_000, "--store", str(tmp_path / "nothing")])
    assert (not_a_store.exit_code, stderr_lines(not_a_store)) == (
        1,
        [f"newskg: {tmp_path / 'nothing'}: not a newskg store (made by newskg build --store)"],
    )
    assert not (tmp_path / "nothing").exists()
    assert invoke(["remove", "--store", "kg"]).exit_code == 2  # DOC is required


def test_build_store_and_outdir_exclude_each_other(seeds_copy: Path) -> None:
    with working_directory(seeds_copy):
        result = invoke(["build", "--store", "kg", "-o", "out"])
    assert result.exit_code == 2 and "--store and -o/--outdir exclude each other" in result.stderr
    assert not (seeds_copy / "kg").exists() and not (seeds_copy / "out").exists()


def test_build_store_into_a_directory_that_is_not_a_store_is_refused(seeds_copy: Path) -> None:
    with working_directory(seeds_copy):
        result = invoke(["build", "--store", "seeds"])
    assert result.exit_code == 1
    assert (
        stderr_lines(result)[-1]
        == "newskg: seeds: not a newskg store and not empty; give a new or an empty directory"
    )


def test_query_on_a_directory_that_is_not_a_store_is_one_line(tmp_path: Path) -> None:
    result = invoke(["query", str(tmp_path), "ASK {}"])
    expected = (
        f"newskg: {tmp_path}: a directory, not a graph file or a store (stores are made by newskg build"
    )
    expected += " --store)"
    assert (result.exit_code, stderr_lines(result)) == (1, [expected])


def test_a_store_keeps_its_base_iri_unless_another_is_given(seeds_copy: Path) -> None:
    ask = "ASK {{ ?d schema:identifier '{doc}' . FILTER(STRSTARTS(STR(?d), '{base}')) }}"
    with working_directory(seeds_copy):
        assert (
            invoke(
                ["build", f"seeds/{SEED_000}", "--store", "kg", "--base", "https://example.org/kg/"]
            ).exit_code
            == 0
        )
        assert invoke(["build", f"seeds/{SEED_003}", "--store", "kg"]).exit_code == 0
        for doc in (SEED_000, SEED_003):
            assert (
                invoke(["query", "kg", ask.format(doc=doc, base="https://example.org/kg/")]).stdout
                == "true\n"
            )


def test_evaluate_ner_scores_each_set_and_names_a_bad_one(tmp_path: Path) -> None:
    text = "外交部发言人毛宁表示，中方欢迎此事。"
    record = {
        "id": "s1",
        "text": text,
        "entities": [
            {"start": 0, "end": 3, "text": "外交部", "label": "ORG", "type": "Organization"},
            {"start": 6, "end": 8, "text": "毛宁", "label": "PER", "type": "Person"},
        ],
    }
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = invoke(["evaluate", "--ner", str(tmp_path / "nope.jsonl"), str(good), "--limit", "1", "-j", "1"])
    assert result.exit_code == 1  # a set was skipped; the other is still scored
    assert stderr_lines(result) == [f"newskg: {tmp_path / 'nope.jsonl'}: no such file"]
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{good}: 1 sentence, 18 characters; extraction ")
    assert lines[2].split()[:2] == ["Person", "1"] and lines[3].split()[:2] == ["Organization", "1"]
    as_json = invoke(["evaluate", "--ner", str(good), "--json"])
    assert as_json.exit_code == 0
    [report] = json.loads(as_json.stdout)
    assert report["scores"]["overall"]["tp"] + report["scores"]["overall"]["fn"] == 2


def test_evaluate_takes_either_gold_or_ner(tmp_path: Path) -> None:
    for args in (
        ["--gold", str(tmp_path), "--ner", "x.jsonl"],
        ["--ner"],
        ["--gold", str(tmp_path), "--limit", "3"],
    ):
        result = invoke(["evaluate", *args])
        assert result.exit_code == 2, args


def test_explain_and_diff_read_a_store_too(seeds_copy: Path, root: Path) -> None:
    with working_directory(seeds_copy):
        assert invoke(["build", "--store", "kg"]).exit_code == 0
        explained = invoke(["explain", "kg", "Scale AI"])
        same = invoke(["diff", str(root / "output" / "graph.ttl"), "kg", "--exit-code"])
    assert explained.exit_code == 0 and "Meta investedIn Scale AI" in explained.stdout
    assert same.exit_code == 0, same.stdout


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc/self/mem")
def test_a_graph_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    """/proc/self/mem exists and opens, but reading it fails (EIO): no traceback, the file named."""
    for command in (["export", "/proc/self/mem", "--format", "trig"], ["validate", "/proc/self/mem"]):
        result = invoke(command)
        assert result.exit_code == 1, command
        [line] = stderr_lines(result)
        assert line.startswith("newskg: /proc/self/mem: cannot read: "), line
