"""The ``newskg`` command line: build, extract, query, render, evaluate, export.

Each command parses its arguments, calls one library function and writes the result. Data goes to
stdout (or the file given with ``-o``); messages, the build summary and progress go to stderr, so that
``newskg query … > out.csv`` holds only data.

Exit status: 0 when every input was read and the command succeeded; 1 when an input was skipped
(it is named on stderr, the rest is still processed) or the command failed on a user error (a missing
file, a SPARQL syntax error, a bad gold directory: one line on stderr, naming it); 2 for usage errors.
Files are written atomically (a temporary file in the same directory, then renamed), so an interrupted
run or a failed one leaves the previous outputs as they were, and when no document could be read
nothing is written at all.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from extractors.model import Document, Fact, Mention
from extractors.pipeline import Corpus, extract_corpus
from extractors.reader import read_inputs
from graph.build import build_graph
from graph.diff import DiffError, diff_files
from graph.explain import ExplainError, explain
from graph.export import atomic_write, load_graph, turtle_bytes
from graph.formats import FORMATS, write_export
from graph.formatting import json_number
from graph.push import DEFAULT_TIMEOUT, PushError, push_graph
from graph.query import QueryError, ontology_path, run_query
from graph.store import StoreError, StoreUpdate, is_store, update_store
from graph.subgraph import DEFAULT_MAX_NODES, SubgraphError
from ontology.iris import resolve_base

# graph.render, graph.evaluate and graph.validate (pyvis, numpy, networkx, pyshacl: 0.5 s) are imported
# by the commands that use them, so that `newskg query` on a store answers in a fraction of a second,
# start-up included.

DEFAULT_INPUT = "seeds"
DEFAULT_OUTDIR = "output"
GRAPH_FILE = "graph.ttl"
HTML_FILE = "graph.html"
ONTOLOGY_FILE = "newskg.ttl"
# Below this many documents the whole run takes about a second: a progress bar would only flicker.
PROGRESS_MIN_DOCUMENTS = 5


class UserError(click.ClickException):
    """A problem with the user's input: reported as one ``newskg: …`` line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"newskg: {self.format_message()}", err=True)


def _version() -> str:
    try:
        return metadata.version("newskg")
    except metadata.PackageNotFoundError:  # a bare checkout, not pip-installed
        return "unknown (not installed: pip install -e .)"


JOBS_OPTION = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes to extract with (0: one per CPU). The output does not depend on it.",
)


@click.group(name="newskg", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="newskg", message="%(prog)s %(version)s")
def main() -> None:
    """newskg: Chinese news articles -> an RDF knowledge graph with provenance.

    \b
    Example:
        newskg build                      # seeds/ -> output/graph.ttl, output/graph.html
        newskg query output/graph.ttl "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    Exit status: 0 = all inputs read, 1 = some input skipped or a user error, 2 = usage error.
    """


# ---------------------------------------------------------------------------------------------------------
# build


@main.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--outdir",
    default=DEFAULT_OUTDIR,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to write graph.ttl and graph.html into (created if missing).",
)
@click.option(
    "--base",
    metavar="IRI",
    envvar="NEWSKG_BASE",
    help="Base IRI of the minted entity/document/claim IRIs [default: https://w3id.org/newskg/id/; "
    "env NEWSKG_BASE].",
)
@click.option(
    "--store",
    "store_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Add the articles to the persistent store DIR (created if missing) instead of writing OUTDIR;"
    " unchanged articles are not extracted again. Query it with: newskg query DIR.",
)
@JOBS_OPTION
def build(inputs: tuple[str, ...], outdir: Path, base: str | None, store_dir: Path | None, jobs: int) -> None:
    """Build the knowledge graph of INPUT files and directories (default: seeds/).

    Reads .txt, .md and .jsonl articles (directories are walked), extracts entities and facts, and
    writes OUTDIR/graph.ttl (Turtle) and OUTDIR/graph.html (an offline interactive view). A summary
    goes to stderr. Unreadable files are named and skipped; if none can be read, nothing is written.

    With --store DIR the articles are added to (or, by id, replace those in) the store's articles,
    and the store is updated to the graph of all of them; see "newskg remove --help".

    \b
    Example:
        newskg build                              # seeds/ -> output/
        newskg build news/ extra.md -o out/       # several inputs, another directory
        newskg build news/ --store kg/            # a store; later builds extract only what is new
    """
    started = time.perf_counter()
    outdir_given = click.get_current_context().get_parameter_source("outdir") is not ParameterSource.DEFAULT
    if store_dir is not None and outdir_given:
        raise click.UsageError(
            "--store and -o/--outdir exclude each other: a store build writes the store only"
        )
    requested_base, base = base, _base(base)
    documents, skipped = _read(inputs or (DEFAULT_INPUT,))
    if store_dir is not None:  # without --base, the store keeps the base it was built with
        _update_store(store_dir, documents, (), base if requested_base else None, jobs, skipped, started)
        return
    from graph.render import render_html

    with _Stages(len(documents), ["building the graph", "writing Turtle", "rendering"]) as stage:
        corpus = extract_corpus(documents, stage.advance, _jobs(jobs))
        graph = build_graph(corpus, base)
        stage.done()
        # Both files are made in memory first: a failure cannot leave a new graph.ttl beside an old page.
        turtle = turtle_bytes(graph)
        stage.done()
        page = render_html(graph).encode("utf-8")
        stage.done()
    ttl_path, html_path = outdir / GRAPH_FILE, outdir / HTML_FILE
    _write(ttl_path, turtle)
    _write(html_path, page)
    # The vocabulary travels with the data, so that Protégé or GraphDB get labels and comments too.
    ontology_copy = outdir / ONTOLOGY_FILE
    _write(ontology_copy, ontology_path().read_bytes())
    _echo_summary(
        corpus, len(graph), skipped, [ttl_path, html_path, ontology_copy], time.perf_counter() - started
    )
    _exit_if(skipped)


def _echo_summary(
    corpus: Corpus, triples: int, skipped: int, written: Sequence[Path], seconds: float
) -> None:
    types = Counter(e.type for e in corpus.entities)
    claims = {f.key(): f.relation for f in corpus.facts}  # one claim per distinct statement and source
    relations = Counter(claims.values())
    documents = f"{len(corpus.documents)} documents" + (f" ({skipped} inputs skipped)" if skipped else "")
    click.echo(f"newskg: {documents}", err=True)
    click.echo(f"  entities  {len(corpus.entities):>6}  {_counts(types)}", err=True)
    click.echo(f"  claims    {len(claims):>6}  {_counts(relations)}", err=True)
    click.echo(f"  triples   {triples:>6}", err=True)
    click.echo(f"  wrote {', '.join(str(p) for p in written)} in {seconds:.1f} s", err=True)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(
        f"{name} {n}" for name, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    )


# ---------------------------------------------------------------------------------------------------------
# extract


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON Lines to this file instead of stdout.",
)
@JOBS_OPTION
def extract(inputs: tuple[str, ...], output: Path | None, jobs: int) -> None:
    """Extract mentions and facts from INPUT files as JSON Lines (no RDF).

    One line per mention and per fact, documents in id order, each with its offsets into the
    document's text ("start", "end": code points, end exclusive), so raw[start:end] is the "text"
    of a mention or the "evidence" of a fact.

    \b
    Mention: {"doc", "kind": "mention", "start", "end", "text", "type", "entity", "name",
              "extractor", "confidence"}
    Fact:    {"doc", "kind": "fact", "start", "end", "evidence", "relation", "subject", "object",
              "qualifiers": {"amount", "stake", "role", "date", "reported_by"}, "extractor", "confidence"}

    \b
    Example:
        newskg extract seeds/000_43652604587c5b95.txt | jq -c 'select(.kind == "fact")'
        newskg extract corpus.jsonl -o annotations.jsonl
    """
    documents, skipped = _read(inputs)
    corpus = _extract(documents, jobs)
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in extraction_records(corpus))
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(output, text.encode("utf-8"))
    _exit_if(skipped)


def extraction_records(corpus: Corpus) -> Iterator[dict[str, Any]]:
    """The JSON Lines records of ``newskg extract``: per document, its mentions then its facts."""
    for extraction in corpus.extractions:
        for mention in sorted(extraction.mentions, key=lambda m: (m.start, m.end, m.type, m.text)):
            yield _mention_record(mention)
        for fact in sorted(extraction.facts, key=_fact_order):
            yield _fact_record(fact)


def _mention_record(m: Mention) -> dict[str, Any]:
    return {
        "doc": m.doc_id,
        "kind": "mention",
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
        "entity": m.entity or None,
        "name": m.name or m.text,
        "extractor": m.extractor,
        "confidence": m.confidence,
    }


def _fact_record(f: Fact) -> dict[str, Any]:
    amount = None
    if f.amount is not None:
        amount = {
            "value": json_number(f.amount.value),
            "currency": f.amount.currency,
            "qualifier": f.amount.qualifier,
            "upper": None if f.amount.upper is None else json_number(f.amount.upper),
        }
    return {
        "doc": f.doc_id,
        "kind": "fact",
        "start": f.start,
        "end": f.end,
        "evidence": f.evidence,
        "relation": f.relation,
        "subject": f.subject,
        "object": f.object,
        "qualifiers": {
            "amount": amount,
            "stake": None if f.stake is None else json_number(f.stake),
            "role": f.role,
            "date": None if f.date is None else {"value": f.date.value, "precision": f.date.precision},
            "reported_by": f.reported_by,
        },
        "extractor": f.extractor,
        "confidence": f.confidence,
    }


def _fact_order(f: Fact) -> tuple[Any, ...]:
    return (f.start, f.end, f.relation, f.subject, f.object or "", f.extractor, repr(f.key()))


# ---------------------------------------------------------------------------------------------------------
# query


@main.command()
@click.argument("graph_file", metavar="GRAPH")
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the SPARQL query from this file instead of the argument.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format of SELECT results (CONSTRUCT/DESCRIBE results are Turtle).",
)
def query(graph_file: str, sparql: str | None, query_file: Path | None, fmt: str) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on GRAPH, a file written by build or a
    store directory written by build --store (opened read-only: fast on millions of triples).

    Updates (INSERT, DELETE, LOAD …) and SERVICE are refused: the graph is only read.

    \b
    Example:
        newskg query output/graph.ttl 'SELECT ?who ?org WHERE { ?who nkg:worksFor ?org }'
        newskg query output/graph.ttl -f who-works-where.rq --format csv > people.csv
        newskg query kg/ -f examples/people.rq

    The prefixes nkg: schema: prov: nif: rdf: rdfs: owl: skos: xsd: wd: are predeclared.
    """
    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query either as the SPARQL argument or with -f FILE (one of them)")
    text = _read_text(query_file) if query_file is not None else str(sparql)
    _require_graph(graph_file)
    try:
        result = run_query(graph_file, text)
    except QueryError as error:
        message = str(error)
        # Problems with the graph file already name it; the others are about the query: name that.
        if not message.startswith(str(Path(graph_file))):  # GRAPH: … or, in a store, GRAPH/file: …
            message = f"{query_file if query_file is not None else 'SPARQL'}: {message}"
        raise UserError(message) from None
    output = result.format(fmt)
    click.echo(output, nl=not output.endswith("\n"))


# ---------------------------------------------------------------------------------------------------------
# store: build --store, remove, push


@main.command()
@click.argument("doc_ids", nargs=-1, required=True, metavar="DOC...")
@click.option(
    "--store",
    "store_dir",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The store to remove the articles from (made by newskg build --store).",
)
@JOBS_OPTION
def remove(doc_ids: tuple[str, ...], store_dir: Path, jobs: int) -> None:
    """Remove articles (by id, e.g. 000_43652604587c5b95.txt) and all that only they support from a store.

    Their document nodes, spans, claims and the entities no other article names go; entities other
    articles name stay, with those articles' mentions and claims. The store then holds what a build
    of the remaining articles from scratch gives.

    \b
    Example:
        newskg remove 003_2f044a086ea3d3b8.txt --store kg/
        newskg query kg/ 'SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id }'
    """
    if not is_store(store_dir):
        raise UserError(f"{store_dir}: not a newskg store (made by newskg build --store)")
    _update_store(store_dir, (), doc_ids, None, jobs, 0, time.perf_counter())


def _update_store(
    store_dir: Path,
    documents: Sequence[Document],
    removals: Sequence[str],
    base: str | None,
    jobs: int,
    skipped: int,
    started: float,
) -> None:
    with _Stages(len(documents), []) as stage:
        try:
            update = update_store(store_dir, documents, removals, base, _jobs(jobs), stage.advance)
        except StoreError as error:
            raise UserError(str(error)) from None
    click.echo(f"newskg: store {store_dir}: {_store_counts(update)}", err=True)
    _echo_summary(update.corpus, update.triples, skipped, [store_dir], time.perf_counter() - started)
    _exit_if(skipped)


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def _store_counts(update: StoreUpdate) -> str:
    counts = f"{_articles(update.extracted)} extracted, {update.reused} reused"
    if update.refacted:
        counts += f" ({update.refacted} read again for facts: their entities changed)"
    if update.removed:
        counts += f", {len(update.removed)} removed"
    return counts


@main.command()
@click.argument("graph_file", metavar="GRAPH")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph server).",
)
@click.option(
    "--graph", "graph_iri", metavar="IRI", help="Load into this named graph [default: the default graph]."
)
@click.option(
    "--replace", is_flag=True, help="PUT: the target graph then holds only GRAPH [default: POST, add to it]."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for the server.",
)
@click.option(
    "--user",
    metavar="NAME",
    help="User for HTTP Basic or Digest authentication (password: env NEWSKG_PASSWORD).",
)
def push(
    graph_file: str, endpoint: str, graph_iri: str | None, replace: bool, timeout: float, user: str | None
) -> None:
    """Load GRAPH (a Turtle or N-Triples file, or a store directory) into a SPARQL server.

    Uses the SPARQL 1.1 Graph Store HTTP Protocol, which Oxigraph server, Fuseki, GraphDB and Virtuoso
    speak: POST (or PUT with --replace) to URL?default or URL?graph=IRI.

    \b
    Example:
        newskg push output/graph.ttl --endpoint http://127.0.0.1:7878/store
        newskg push kg/ --endpoint http://localhost:3030/news/data --graph https://example.org/news --replace
    """
    try:
        pushed = push_graph(
            graph_file, endpoint, graph_iri, replace, timeout, user, os.environ.get("NEWSKG_PASSWORD")
        )
    except PushError as error:
        raise UserError(str(error)) from None
    target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    click.echo(
        f"newskg: {pushed.method} {pushed.triples} triples to {target} of {endpoint}: HTTP {pushed.status}",
        err=True,
    )


# ---------------------------------------------------------------------------------------------------------
# render


@main.command()
@click.argument("graph_file", metavar="GRAPH")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the page [default: GRAPH with the suffix .html].",
)
@click.option("--title", default="newskg", show_default=True, help="Title of the page.")
@click.option("--focus", metavar="NAME", help="Draw only the entities around NAME (any name or alias).")
@click.option(
    "--hops",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="With --focus: how many relation steps from NAME to draw.",
)
@click.option("--article", metavar="ID", help="Draw only one article's entities and claims (its id).")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Above this many entities draw the best-connected part and say what is left out (0: draw all).",
)
def render(
    graph_file: str,
    output: Path | None,
    title: str,
    focus: str | None,
    hops: int,
    article: str | None,
    max_nodes: int,
) -> None:
    """Render GRAPH (a Turtle file) as one offline, interactive HTML page.

    The page has a search over every name and alias, filters by type, relation, article and date,
    and a panel with the evidence of each node and edge clicked. --focus and --article draw a part.

    \b
    Example:
        newskg render output/graph.ttl                 # -> output/graph.html
        newskg render output/graph.ttl -o /tmp/kg.html
        newskg render output/graph.ttl --focus 扎克伯格 --hops 2 -o zuckerberg.html
        newskg render output/graph.ttl --article 000_43652604587c5b95.txt -o article.html
    """
    from graph.render import render_html

    _require_file(graph_file)
    target = output if output is not None else Path(graph_file).with_suffix(".html")
    if target.resolve() == Path(graph_file).resolve():
        raise UserError(f"{target}: the page would overwrite the graph; choose another file with -o")
    try:
        graph = load_graph(graph_file)
    except (ValueError, SyntaxError) as error:  # rdflib reports parse errors as either
        raise UserError(f"{graph_file}: not a readable RDF graph: {_one_line(error)}") from None
    try:
        page = render_html(graph, title, focus=focus, hops=hops, article=article, max_nodes=max_nodes)
    except SubgraphError as error:
        raise UserError(f"{graph_file}: {error}") from None
    _write(target, page.encode("utf-8"))
    click.echo(f"newskg: wrote {target}", err=True)


# ---------------------------------------------------------------------------------------------------------
# evaluate


@main.command(name="evaluate")
@click.option(
    "--gold",
    "gold_dir",
    metavar="DIR",
    help="Directory of gold annotation files (*.json, the format of gold/SCHEMA.md).",
)
@click.option(
    "--ner",
    is_flag=True,
    help="The INPUTs are NER sets (JSON Lines of sentences with entity spans): score the names found.",
)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "--limit", type=click.IntRange(min=1), metavar="N", help="With --ner: the first N sentences of each set."
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list missed and spurious entities and facts (or spans)."
)
@click.option("--json", "as_json", is_flag=True, help="Write the whole report as JSON.")
@JOBS_OPTION
def evaluate_command(
    gold_dir: str | None,
    ner: bool,
    inputs: tuple[str, ...],
    limit: int | None,
    verbose: bool,
    as_json: bool,
    jobs: int,
) -> None:
    """Score extraction from INPUT (default: seeds/) against the gold files in DIR, or with --ner the
    names found in NER sets against their spans.

    With --gold: precision, recall and F1 of entities and facts, and the accuracy of fact qualifiers,
    per document and over the corpus; only documents with a gold file are scored. With --ner: each INPUT
    is a JSON Lines file of sentences (the format of ../shared/data/README.md) whose text is extracted;
    Person and Organization spans are scored by exact match (types newskg does not extract are ignored),
    per set and per type, with the extraction's throughput. The rules are in graph/evaluate.py.

    \b
    Example:
        newskg evaluate --gold ../shared/gold seeds
        newskg evaluate --gold ../shared/gold --verbose | less
        newskg evaluate --ner ../shared/data/ner/msra-test.jsonl --limit 500
    """
    from graph.evaluate import GoldError, evaluate, load_gold

    if ner == (gold_dir is not None):
        raise click.UsageError("give either --gold DIR (articles and gold files) or --ner (NER sets)")
    if limit is not None and not ner:
        raise click.UsageError("--limit applies to --ner sets only")
    if ner:
        _evaluate_ner(inputs, limit, verbose, as_json, jobs)
        return
    assert gold_dir is not None
    try:
        gold = load_gold(gold_dir)  # before extracting: a bad directory fails at once
    except GoldError as error:
        raise UserError(str(error)) from None
    documents, skipped = _read(inputs or (DEFAULT_INPUT,))
    corpus = _extract(documents, jobs)
    try:
        report = evaluate(corpus, gold)
    except GoldError as error:
        raise UserError(str(error)) from None
    click.echo(report.to_json() if as_json else report.format(verbose=verbose))
    _exit_if(skipped)


def _evaluate_ner(
    inputs: tuple[str, ...], limit: int | None, verbose: bool, as_json: bool, jobs: int
) -> None:
    """Each NER set scored on its own; a set that cannot be read is named and skipped."""
    from graph.evaluate import GoldError, evaluate_ner

    if not inputs:
        raise click.UsageError("--ner needs at least one NER set (FILE.jsonl)")
    reports, skipped = [], 0
    for path in inputs:
        try:
            reports.append(evaluate_ner(path, limit, _jobs(jobs)))
        except GoldError as error:
            click.echo(f"newskg: {error}", err=True)
            skipped += 1
            continue
        if not as_json:
            click.echo(reports[-1].format(verbose=verbose))
    if as_json and reports:
        click.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    _exit_if(skipped)


# ---------------------------------------------------------------------------------------------------------
# export


@main.command(name="export")
@click.argument("graph_file", metavar="GRAPH")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(sorted(FORMATS)),
    help="What to write (see above).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write (a directory for csv) [default: stdout].",
)
def export_command(graph_file: str, fmt: str, output: Path | None) -> None:
    """Write GRAPH (a Turtle file written by build) in another format, for other tools.

    \b
    RDF, the same triples:
      turtle     Turtle, as build writes it
      ntriples   N-Triples, one triple per line
      trig       TriG, one named graph per article (named by the article's IRI)
      jsonld     JSON-LD, compacted with the nkg: schema: prov: … prefixes
    Property graphs of the entities and the relations between them:
      graphml    GraphML (yEd, Gephi, Cytoscape)
      gexf       GEXF (Gephi)
      csv        node and relationship files for neo4j-admin database import (needs -o DIR)

    The same graph always gives the same bytes; files are replaced atomically.

    \b
    Example:
        newskg export output/graph.ttl --format trig -o graph.trig
        newskg export output/graph.ttl --format gexf > graph.gexf
        newskg export output/graph.ttl --format csv -o neo4j-import/
    """
    chosen = FORMATS[fmt]
    if chosen.is_directory and output is None:
        raise click.UsageError(f"--format {fmt} writes several files: give a directory with -o DIR")
    if output is not None and output.is_dir() and not chosen.is_directory:
        raise UserError(f"{output}: is a directory; --format {fmt} writes one file (give a file name)")
    if output is not None and output.exists() and chosen.is_directory and not output.is_dir():
        raise UserError(f"{output}: not a directory; --format {fmt} writes several files into one")
    _require_file(graph_file)
    try:
        graph = load_graph(graph_file)
    except ValueError as error:
        raise UserError(_one_line(error)) from None
    if output is None:
        assert chosen.serialize is not None  # a directory format needs -o (checked above)
        click.echo(chosen.serialize(graph), nl=False)  # bytes: written as they are
        return
    if output.resolve() == Path(graph_file).resolve():
        raise UserError(f"{output}: the export would overwrite the graph; choose another file with -o")
    try:
        written = write_export(graph, fmt, output)
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror or error}") from None
    if chosen.is_directory:
        click.echo(f"newskg: wrote {', '.join(p.name for p in written)} into {output}", err=True)
    else:
        click.echo(f"newskg: wrote {output}", err=True)


# validate


def _text_or_json(help_text: str) -> Any:
    """The ``--format text|json`` option of validate, explain and diff."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


@main.command()
@click.argument("graph_file", metavar="GRAPH")
@click.option(
    "--shapes",
    "shapes_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SHACL shapes to validate against [default: ontology/shapes.ttl].",
)
@_text_or_json("Report as text (grouped by rule) or as JSON (one record per result).")
def validate(graph_file: str, shapes_file: Path | None, fmt: str) -> None:
    """Check GRAPH (a Turtle file) against the SHACL shapes of the newskg model.

    Prints one line when the graph conforms (exit status 0); otherwise every violation, grouped by
    the rule it breaks and counted, each with its focus node and value (exit status 1).

    \b
    Example:
        newskg validate output/graph.ttl
        newskg validate merged.ttl --shapes my-shapes.ttl --format json
    """
    from graph.validate import ValidationError, validate_file

    _require_file(graph_file)
    started = time.perf_counter()
    try:
        report = validate_file(graph_file, shapes_file)
    except ValidationError as error:
        raise UserError(str(error)) from None
    shapes_name = str(shapes_file) if shapes_file is not None else "ontology/shapes.ttl"
    click.echo(report.to_json() if fmt == "json" else report.format_text(graph_file, shapes_name))
    click.echo(
        f"newskg: validated {report.triples:,} triples in {time.perf_counter() - started:.2f} s", err=True
    )
    _exit_if(not report.conforms)


# ---------------------------------------------------------------------------------------------------------
# explain


@main.command(name="explain")
@click.argument("graph_file", metavar="GRAPH")
@click.argument("target", metavar="NAME-OR-IRI")
@_text_or_json("Text for reading (anchors marked 【…】 in their sentences) or JSON.")
def explain_command(graph_file: str, target: str, fmt: str) -> None:
    """Show every claim about an entity, or one claim, with the evidence behind it.

    NAME-OR-IRI is any name of an entity (label or alternative name, Chinese or Latin; case, width,
    spaces and name dots do not matter), an entity IRI, a Wikidata id (wd:Q…) or a claim IRI. For each
    claim: the statement, its qualifiers (amount, stake, role, date, reporting outlet), confidence,
    extractors, and each evidence span with its article, headline, offsets and sentence. GRAPH is a
    Turtle file or a store (newskg build --store).

    \b
    Example:
        newskg explain output/graph.ttl "Scale AI"
        newskg explain output/graph.ttl 扎克伯格 --format json
    """
    _require_graph(graph_file)
    try:
        explanation = explain(graph_file, target)
    except ExplainError as error:
        raise UserError(str(error)) from None
    click.echo(explanation.to_json() if fmt == "json" else explanation.format_text())


# ---------------------------------------------------------------------------------------------------------
# diff


@main.command(name="diff")
@click.argument("old_file", metavar="OLD")
@click.argument("new_file", metavar="NEW")
@_text_or_json("Text for reading or JSON.")
@click.option(
    "--exit-code", is_flag=True, help="Exit with status 1 when the graphs differ (as git diff --exit-code)."
)
def diff_command(old_file: str, new_file: str, fmt: str, exit_code: bool) -> None:
    """List the entities and facts added and removed from graph OLD to graph NEW.

    Entities are compared by type and name, facts by subject, relation and object names (an amount by
    its value), not by IRI: a renamed IRI is no change. Each fact shows its claims per article; facts in
    both graphs whose claims per article changed are listed too. OLD and NEW are Turtle files or stores
    (newskg build --store).

    \b
    Example:
        newskg build -o before/ && (edit an extractor) && newskg build -o after/
        newskg diff before/graph.ttl after/graph.ttl
    """
    for path in (old_file, new_file):
        _require_graph(path)
    try:
        difference = diff_files(old_file, new_file)
    except DiffError as error:
        raise UserError(str(error)) from None
    output = (
        difference.to_json(old_file, new_file)
        if fmt == "json"
        else difference.format_text(old_file, new_file)
    )
    click.echo(output)
    _exit_if(exit_code and not difference.empty)


# ---------------------------------------------------------------------------------------------------------
# shared steps


def _read(inputs: Sequence[str]) -> tuple[tuple[Document, ...], int]:
    """Documents of ``inputs``; each problem is reported on one line. Fails when nothing was read."""
    result = read_inputs(list(inputs))
    for problem in result.problems:
        click.echo(f"newskg: {problem}", err=True)
    if not result.documents:
        if result.problems:  # already said why, one line per input
            raise click.exceptions.Exit(1)
        raise UserError(f"{', '.join(inputs)}: no articles found (*.txt, *.md, *.jsonl)")
    return result.documents, len(result.problems)


def _extract(documents: Sequence[Document], jobs: int) -> Corpus:
    with _Stages(len(documents), []) as stage:
        return extract_corpus(documents, stage.advance, _jobs(jobs))


def _jobs(jobs: int) -> int:
    return jobs or os.cpu_count() or 1


class _Stages:
    """A progress bar on stderr over a long run: two steps per document (names, then facts), then one
    per later stage. Shown only when there are enough documents; click draws it only on a terminal.
    """

    def __init__(self, documents: int, names: Sequence[str]) -> None:
        self.bar: Any = None
        if documents >= PROGRESS_MIN_DOCUMENTS:
            self.bar = click.progressbar(
                length=2 * documents + len(names),
                label=f"newskg: processing {documents} documents",
                file=sys.stderr,
                show_eta=True,
            )

    def __enter__(self) -> _Stages:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def advance(self, steps: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(steps)

    def done(self) -> None:
        """A stage after extraction is finished."""
        self.advance(1)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _base(base: str | None) -> str:
    try:
        return resolve_base(base)
    except ValueError as error:
        raise UserError(str(error)) from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None


def _require_graph(path: str) -> None:
    """A graph to read: a file, or a store directory."""
    if Path(path).is_dir() and not is_store(path):
        raise UserError(
            f"{path}: a directory, not a graph file or a store (stores are made by newskg build --store)"
        )
    if not Path(path).is_dir():
        _require_file(path)


def _require_file(path: str) -> None:
    if not Path(path).exists():
        raise UserError(f"{path}: no such file")
    if not Path(path).is_file():
        raise UserError(f"{path}: not a file")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _exit_if(skipped: int) -> None:
    if skipped:
        raise click.exceptions.Exit(1)


if __name__ == "__main__":
    main()
