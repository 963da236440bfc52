"""Latency and memory of ``newskg query`` on a graph of a million triples: a Turtle file vs a store.

A script, not a test: run it by hand and copy its table into the README (see benchmarks/README.md).

    python benchmarks/bench_query.py                       # build the store (minutes), then measure
    python benchmarks/bench_query.py --store /tmp/kg-1m    # update an existing store, measure again

The graph: the seeds plus the NER sets' sentences (``../shared/data/ner/*.jsonl``, joined into
documents of about 2,000 characters as ``bench_extract.py`` does), the latter ``--copies`` times
over under new document ids (``2-msra-test-00123.txt``…). The sets give about 113k triples; a million
needs more text than they hold, and copying whole articles, run through the whole pipeline (``newskg
build --store``), keeps the graph exactly what newskg makes of such a corpus: every copy its own
document, spans and claims, entities linked across the copies (the same companies and people named
in many articles, as in real news). It is written to a directory outside the repository (research-use
data: nothing made from it may be committed).

Each ``examples/*.rq`` query is timed on both paths, each measurement in a fresh process:

- ``file``: ``run_query(graph.ttl)``, what ``newskg query FILE`` does: parse the Turtle into memory,
  then query (every run parses again, so "warm" only means the file is in the page cache);
- ``store``: ``run_query(DIR)``, what ``newskg query DIR`` does: open the store read-only, query.

"cold" is the first run in a new process, "warm" the median of ``--runs`` more; "RSS" the process'
peak resident set size (``getrusage``); "CLI" the median wall time of ``newskg query … -f Q.rq`` as a
user runs it (interpreter start-up and imports included).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

from bench_extract import NER_DIR, ner_documents  # noqa: E402

from extractors.reader import read_inputs  # noqa: E402
from graph.query import run_query  # noqa: E402
from ontology.namespaces import PREFIXES  # noqa: E402

DEFAULT_STORE = Path("/tmp/newskg-bench-store")
QUERIES = sorted((ROOT / "examples").glob("*.rq"))


def build(store: Path, copies: int, jobs: int) -> None:
    from graph.store import update_store

    seeds = list(read_inputs([str(ROOT / "seeds")]).documents)
    ner = list(ner_documents(NER_DIR))
    documents = seeds + [
        replace(d, id=f"{k}-{d.id}", source=f"{k}-{d.source}") if k > 1 else d
        for k in range(1, copies + 1)
        for d in ner
    ]
    started = time.perf_counter()
    update = update_store(store, documents, jobs=jobs)
    seconds = time.perf_counter() - started
    print(
        f"built {store}: {len(documents):,} articles ({len(seeds)} seeds + {copies} x {len(ner)} from the NER"
        f" sets; {update.extracted:,} extracted, {update.reused:,} reused, {update.refacted:,} read again for"
        f" facts), {len(update.corpus.entities):,} entities, {update.triples:,} triples in {seconds:.0f} s"
        f" (--jobs {jobs}); peak RSS {_rss_mb():,.0f} MB",
        flush=True,
    )


def export_turtle(store: Path, target: Path) -> None:
    import pyoxigraph as ox

    from graph.store import open_store

    started = time.perf_counter()
    open_store(store).dump(
        str(target), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES
    )
    print(f"wrote {target} ({target.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")


def measure(graph: Path, query_file: Path, runs: int) -> dict[str, float]:
    """One process' measurements (run as a child: ``--measure``)."""
    sparql = query_file.read_text(encoding="utf-8")
    times = []
    rows = 0
    for _ in range(runs + 1):
        started = time.perf_counter()
        result = run_query(graph, sparql)
        times.append(time.perf_counter() - started)
        rows = len(result.rows)
    return {"cold": times[0], "warm": statistics.median(times[1:]), "rows": rows, "rss": _rss_mb()}


def cli_seconds(graph: Path, query_file: Path, runs: int) -> float:
    newskg = Path(sys.executable).parent / "newskg"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [str(newskg), "query", str(graph), "-f", str(query_file)], check=True, capture_output=True
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _rss_mb() -> float:
    """Peak resident set size of this process, in MB."""
    status = Path("/proc/self/status")
    if status.is_file():  # Linux: getrusage's figure survives fork and exec, VmHWM is this program's own
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024) / 1e6


def _seconds(value: float) -> str:
    return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store", type=Path, default=DEFAULT_STORE, help=f"store directory ({DEFAULT_STORE})"
    )
    parser.add_argument("--copies", type=int, default=10, help="copies of the NER documents (default 10)")
    parser.add_argument("--runs", type=int, default=5, help="warm runs per measurement (default 5)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for extraction (default 2)")
    parser.add_argument("--measure", nargs=2, type=Path, metavar=("GRAPH", "QUERY"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        graph, query_file = args.measure
        print(json.dumps(measure(graph, query_file, args.runs)))
        return 0

    if not NER_DIR.is_dir():
        parser.error(f"{NER_DIR} is not here: the benchmark corpus is made from it")
    # An existing store is updated: only what it does not hold yet is extracted.
    build(args.store, args.copies, args.jobs)
    turtle = args.store.with_suffix(".ttl")
    export_turtle(args.store, turtle)
    count = run_query(args.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    triples = int(count.value)  # type: ignore[union-attr]
    store_mb = sum(p.stat().st_size for p in args.store.rglob("*") if p.is_file()) / 1e6
    print(
        f"graph: {triples:,} triples (ontology included); Turtle {turtle.stat().st_size / 1e6:,.0f} MB,"
        f" store {store_mb:,.0f} MB on disk"
    )

    header = f"{'query':<16} {'GRAPH':<6} {'rows':>5} {'cold':>9} {'warm':>9} {'RSS peak':>10} {'CLI':>9}"
    print(header)
    for query_file in QUERIES:
        for name, graph in (("file", turtle), ("store", args.store)):
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--runs",
                    str(args.runs),
                    "--measure",
                    str(graph),
                    str(query_file),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(child.stdout)
            cli = cli_seconds(graph, query_file, 3)
            print(
                f"{query_file.name:<16} {name:<6} {figures['rows']:>5} {_seconds(figures['cold']):>9}"
                f" {_seconds(figures['warm']):>9} {figures['rss']:>7,.0f} MB {_seconds(cli):>9}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
