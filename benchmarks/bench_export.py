"""Size and speed of every ``newskg export`` format on one graph.

A script, not a test: run it by hand and copy its table into the README (section "Export").

    python benchmarks/bench_export.py output/graph.ttl     # a graph newskg build wrote
    python benchmarks/bench_export.py                      # the graph of bench_extract.py's default corpus

Without GRAPH the graph is built in memory from the documents ``bench_extract.py`` makes of the NER
sets' sentences (research-use data, read in place; the graph is never written into the project).
Per format it prints the bytes written (all files, for csv), the seconds from the loaded rdflib graph
to the bytes, triples/s, and the process' peak resident set size after it (a high-water mark).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

from bench_extract import NER_DIR, Stage, _mb, _rate, measure, ner_documents  # noqa: E402

from extractors.pipeline import extract_corpus  # noqa: E402
from graph.build import build_graph  # noqa: E402
from graph.export import load_graph  # noqa: E402
from graph.formats import FORMATS, ExportFormat  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", help="a Turtle file (default: build the NER-set corpus graph)")
    parser.add_argument(
        "--jobs", type=int, default=2, metavar="N", help="processes to extract with (default 2)"
    )
    args = parser.parse_args(argv)

    stages: list[Stage] = []
    if args.graph:
        graph = measure("load Turtle", lambda: load_graph(args.graph), stages)
        source = args.graph
    elif NER_DIR.is_dir():
        documents = list(ner_documents(NER_DIR))
        corpus = extract_corpus(documents, jobs=args.jobs)
        graph = measure("build graph", lambda: build_graph(corpus), stages)
        source = f"{len(documents)} documents of {NER_DIR}"
    else:
        parser.error(f"{NER_DIR} is not here: give a Turtle file")
    triples = len(graph)
    print(f"graph: {source}: {triples:,} triples")
    print(f"{'format':<12}{'bytes':>14}{'seconds':>10}{'triples/s':>12}{'RSS peak':>12}")
    for stage in stages:
        print(
            f"{stage.name:<12}{'':>14}{stage.seconds:>10.2f}{_rate(triples, stage.seconds):>12}"
            f"{_mb(stage.rss_peak):>12}"
        )
    for name, fmt in FORMATS.items():

        def export(fmt: ExportFormat = fmt) -> int:
            if fmt.files is not None:
                return sum(len(data) for data in fmt.files(graph).values())
            assert fmt.serialize is not None
            return len(fmt.serialize(graph))

        size = measure(name, export, stages)
        stage = stages[-1]
        print(
            f"{name:<12}{size:>14,}{stage.seconds:>10.2f}{_rate(triples, stage.seconds):>12}"
            f"{_mb(stage.rss_peak):>12}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
