"""How long ``newskg validate`` takes, and how long pyshacl alone would take with the same shapes.

A script, not a test: run it by hand and copy its table into the README (section "newskg validate").

    python benchmarks/bench_validate.py output/graph.ttl              # a graph newskg wrote
    python benchmarks/bench_validate.py --limit 292                   # built from the NER sets, in memory
    python benchmarks/bench_validate.py output/graph.ttl --pyshacl    # and pyshacl alone, for comparison

Without a GRAPH the graph is built, in memory and never written, from the first ``--limit`` documents
that ``bench_extract.py`` makes of ``../shared/data/ner`` (research-use data, only read in place).
Per stage it prints wall and CPU seconds: pyshacl's core constraints, the SPARQL constraints in
Oxigraph (including loading the store), the whole of ``validate_graph``, and with ``--pyshacl``
pyshacl's ``validate`` on all the shapes (it re-parses each SPARQL constraint for every focus node,
which is why ``newskg validate`` does not use it for those).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyoxigraph as ox  # noqa: E402
import pyshacl  # noqa: E402
from bench_extract import NER_DIR, _mb, _rss_peak, ner_documents  # noqa: E402

from extractors.pipeline import extract_corpus  # noqa: E402
from graph import validate  # noqa: E402
from graph.build import build_graph  # noqa: E402
from graph.export import load_graph, oxigraph_triples  # noqa: E402

T = TypeVar("T")


def timed(name: str, work: Callable[[], T], rows: list[tuple[str, float, float]]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    rows.append((name, time.perf_counter() - wall, time.process_time() - cpu))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", help="a Turtle file (default: a graph built from the NER sets)")
    parser.add_argument("--limit", type=int, default=292, metavar="N", help="NER documents to build from")
    parser.add_argument("--pyshacl", action="store_true", help="also time pyshacl alone on all the shapes")
    args = parser.parse_args(argv)

    if args.graph:
        data = load_graph(args.graph)
        source = args.graph
    elif NER_DIR.is_dir():
        documents = list(itertools.islice(ner_documents(NER_DIR), args.limit))
        data = build_graph(extract_corpus(documents))
        source = f"{len(documents)} documents made from {NER_DIR}"
    else:
        parser.error(f"{NER_DIR} is not here: give a GRAPH to validate")
    shapes = validate.load_shapes()
    core, constraints = validate._split_sparql_constraints(shapes)

    rows: list[tuple[str, float, float]] = []
    timed("pyshacl, core constraints", lambda: list(validate._core_results(data, core)), rows)

    def sparql() -> None:
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in oxigraph_triples(data))
        for constraint in constraints:
            list(constraint.evaluate(store))

    timed("Oxigraph, SPARQL constraints", sparql, rows)
    report = timed("validate_graph, all", lambda: validate.validate_graph(data, shapes), rows)
    if args.pyshacl:
        timed(
            "pyshacl alone, all", lambda: pyshacl.validate(data, shacl_graph=shapes, inference="none"), rows
        )

    print(f"graph: {len(data):,} triples from {source}; conforms: {report.conforms}")
    print(f"{'stage':<30} {'wall s':>8} {'CPU s':>8}")
    for name, wall, cpu in rows:
        print(f"{name:<30} {wall:>8.2f} {cpu:>8.2f}")
    print(f"RSS peak {_mb(_rss_peak())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
