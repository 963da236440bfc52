"""Throughput and memory of the newskg pipeline, stage by stage: extract, build the graph, write Turtle.

A script, not a test: run it by hand and copy its table into the README (see benchmarks/README.md).

    python benchmarks/bench_extract.py                 # the NER sets in ../shared/data/ner, if present
    python benchmarks/bench_extract.py seeds/ --limit 1
    python benchmarks/bench_extract.py --no-tracemalloc   # throughput without tracemalloc's overhead

Without INPUTs the corpus is made of the "text" fields of ``../shared/data/ner/*.jsonl`` (short news
sentences), joined into documents of about 2,000 characters, the size of a news article. Those files are
research-use data: they are only read here, never copied into the project.

Per stage it prints the wall time, characters/s and documents/s (extraction), triples/s (graph building
and serialization), the highest Python heap during the stage (tracemalloc; it includes what earlier
stages still hold) and the process' peak resident set size after it (``getrusage``; a high-water mark,
so it never goes down).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

from extractors.model import Document  # noqa: E402
from extractors.pipeline import extract_corpus  # noqa: E402
from extractors.reader import read_article, read_inputs  # noqa: E402
from graph.build import build_graph  # noqa: E402
from graph.export import turtle_bytes  # noqa: E402

NER_DIR = ROOT.parent / "shared" / "data" / "ner"
DOCUMENT_CHARS = 2000
T = TypeVar("T")


def ner_documents(directory: Path, size: int = DOCUMENT_CHARS) -> Iterator[Document]:
    """Documents of about ``size`` characters made of the NER sets' sentences, in file and line order."""
    number = 0
    for path in sorted(directory.glob("*.jsonl")):
        parts: list[str] = []
        length = 0
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"].strip()
                if not text:
                    continue
                parts.append(text)
                length += len(text) + 1
                if length >= size:
                    number += 1
                    yield _document(f"{path.stem}-{number:05d}.txt", parts)
                    parts, length = [], 0
        if parts:
            number += 1
            yield _document(f"{path.stem}-{number:05d}.txt", parts)


def _document(name: str, sentences: Sequence[str]) -> Document:
    # Through the reader, so the documents are exactly what `newskg build` would make of such a file.
    return read_article(name, ("\n".join(sentences) + "\n").encode("utf-8"))


@dataclass
class Stage:
    name: str
    seconds: float
    cpu_seconds: float  # this process' and its finished children's user + system time
    traced_peak: int | None  # bytes
    rss_peak: int  # bytes


def measure(name: str, work: Callable[[], T], stages: list[Stage]) -> T:
    """Run ``work``, record its time and memory as a stage, return its result."""
    if tracemalloc.is_tracing():
        tracemalloc.reset_peak()
    started, cpu_started = time.perf_counter(), _cpu()
    result = work()
    seconds, cpu_seconds = time.perf_counter() - started, _cpu() - cpu_started
    traced = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else None
    stages.append(Stage(name, seconds, cpu_seconds, traced, _rss_peak()))
    return result


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _rss_peak() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB, macOS bytes


def _rate(count: float, seconds: float) -> str:
    if seconds <= 0:
        return "-"
    rate = count / seconds
    return f"{rate:,.0f}" if rate >= 100 else f"{rate:.1f}"


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1e6:,.1f} MB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", help="article files or directories (default: the NER sets)")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N documents")
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="processes for extraction (default 1)"
    )
    parser.add_argument(
        "--no-tracemalloc",
        dest="tracemalloc",
        action="store_false",
        help="do not trace allocations (tracemalloc slows Python code down by about 2x)",
    )
    args = parser.parse_args(argv)

    if args.inputs:
        result = read_inputs(args.inputs)
        for problem in result.problems:
            print(f"skipped {problem}", file=sys.stderr)
        documents: list[Document] = list(result.documents)
        source = ", ".join(args.inputs)
    elif NER_DIR.is_dir():
        documents = list(ner_documents(NER_DIR))
        source = f"{NER_DIR} (text fields joined into ~{DOCUMENT_CHARS:,}-char documents)"
    else:
        parser.error(f"{NER_DIR} is not here: give the articles to measure as INPUTs")
    if args.limit is not None:
        documents = documents[: args.limit]
    if not documents:
        parser.error("no documents to measure")
    chars = sum(len(d.raw) for d in documents)

    # Warm-up outside the measure: loading dictionaries (jieba, lexicons) is a one-off start-up cost.
    extract_corpus(documents[:1])

    if args.tracemalloc:
        tracemalloc.start()
    stages: list[Stage] = []
    corpus = measure("extract", lambda: extract_corpus(documents, jobs=args.jobs), stages)
    graph = measure("build graph", lambda: build_graph(corpus), stages)
    turtle = measure("Turtle", lambda: turtle_bytes(graph), stages)
    tracemalloc.stop()
    triples = len(graph)

    print(f"corpus: {len(documents):,} documents, {chars:,} characters from {source}")
    print(
        f"found:  {len(corpus.entities):,} entities, {len(corpus.facts):,} facts, {triples:,} triples, "
        f"{len(turtle):,} bytes of Turtle"
    )
    header = f"{'stage':<12} {'seconds':>8} {'chars/s':>10} {'docs/s':>8} {'triples/s':>10}"
    print(f"{header} {'traced peak':>12} {'RSS peak':>11} {'CPU s':>7} {'chars/CPU s':>12}")
    for stage in stages:
        per_text = stage.name == "extract"
        print(
            f"{stage.name:<12} {stage.seconds:>8.2f} "
            f"{_rate(chars, stage.seconds) if per_text else '-':>10} "
            f"{_rate(len(documents), stage.seconds) if per_text else '-':>8} "
            f"{'-' if per_text else _rate(triples, stage.seconds):>10} "
            f"{_mb(stage.traced_peak):>12} {_mb(stage.rss_peak):>11} {stage.cpu_seconds:>7.2f} "
            f"{_rate(chars, stage.cpu_seconds) if per_text else '-':>12}"
        )
    total = sum(stage.seconds for stage in stages)
    print(f"{'total':<12} {total:>8.2f} {_rate(chars, total):>10} {_rate(len(documents), total):>8}")
    if args.tracemalloc:
        print("(times include tracemalloc's overhead; --no-tracemalloc for throughput alone)")
    print("(chars/CPU s does not depend on what else the machine runs; wall-clock figures do)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
