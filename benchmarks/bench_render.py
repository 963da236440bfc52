"""How fast the HTML page is made and how soon it can be used in a real browser, for a big graph.

A script, not a test (tests/test_render.py keeps the bounds): run it by hand and copy its table into
the README.

    python benchmarks/bench_render.py                    # 5,000 entities, 6,000 claims
    python benchmarks/bench_render.py --nodes 20000 --edges 24000 --runs 5

It makes a synthetic graph shaped like a news corpus (a few hubs, many small clusters, loners; every
edge with a claim and an evidence sentence in one of 60 dated articles), renders the default page
(the best-connected 1,000 entities) and the whole page (``max_nodes=0``), then opens each in headless
Chromium (``/usr/bin/chromium``, no network) and measures, per run, the seconds from navigation until
the network is drawn (the page's first ``afterDrawing``), until a search has listed its hit, and
the seconds one type filter takes. Medians of ``--runs`` runs are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

import rdflib  # noqa: E402
from rdflib import Literal, Namespace  # noqa: E402
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD  # noqa: E402

from graph.render import DEFAULT_MAX_NODES, ENTITY_TYPES, write_html  # noqa: E402
from ontology.namespaces import NIF, NKG  # noqa: E402

BASE = Namespace("https://w3id.org/newskg/id/")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
RELATIONS = (NKG.investedIn, NKG.worksFor, NKG.partnersWith, NKG.released)


def synthetic_graph(n_nodes: int, n_edges: int, n_articles: int = 60, seed: int = 7) -> rdflib.Graph:
    """Entities ``实体<i>`` (alias ``Entity <i>``) of the three types; edges drawn with a preference for
    low ids (the hubs) as subjects; one claim per edge, its evidence a sentence of a dated article."""
    rng = random.Random(seed)
    g = rdflib.Graph()
    iris = [BASE[f"entity/e/{i:05d}"] for i in range(n_nodes)]
    for i, iri in enumerate(iris):
        g.add((iri, RDF.type, ENTITY_TYPES[i % 3].iri))
        g.add((iri, RDFS.label, Literal(f"实体{i}", lang="zh")))
        g.add((iri, SKOS.altLabel, Literal(f"Entity {i}", lang="en")))
        g.add((iri, NKG.mentionCount, Literal(1 + i % 17, datatype=XSD.integer)))
    docs = [BASE[f"doc/synthetic-{d:03d}"] for d in range(n_articles)]
    for d, doc in enumerate(docs):
        g.add((doc, RDF.type, SDO.NewsArticle))
        g.add((doc, SDO.identifier, Literal(f"synthetic_{d:03d}.txt")))
        g.add((doc, SDO.headline, Literal(f"第{d}篇报道")))
        g.add((doc, SDO.datePublished, Literal(f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}", datatype=XSD.date)))
    for number in range(n_edges):
        s = iris[int(rng.paretovariate(1.2)) % n_nodes] if rng.random() < 0.3 else rng.choice(iris)
        o = rng.choice(iris[: int(n_nodes * 0.8)])
        relation = rng.choice(RELATIONS)
        sentence = f"{s.rsplit('/', 1)[-1]} 与 {o.rsplit('/', 1)[-1]} 的第{number}件事。"
        span, sentence_node = BASE[f"span/synthetic/{number}"], BASE[f"span/synthetic/{number}/s"]
        doc = rng.choice(docs)
        for node, text in ((span, sentence[:6]), (sentence_node, sentence)):
            g.add((node, NIF.beginIndex, Literal(0, datatype=XSD.integer)))
            g.add((node, NIF.anchorOf, Literal(text)))
            g.add((node, NIF.referenceContext, doc))
        g.add((span, NIF.sentence, sentence_node))
        g.add((span, NIF.taIdentRef, s))
        claim = BASE[f"claim/synthetic/{number}"]
        g.add((s, relation, o))
        for predicate, value in (
            (RDF.type, NKG.Claim),
            (RDF.subject, s),
            (RDF.predicate, relation),
            (RDF.object, o),
            (PROV.wasDerivedFrom, span),
            (NKG.confidence, Literal("0.7", datatype=XSD.decimal)),
        ):
            g.add((claim, predicate, value))
    return g


def browser_timings(browser, path: Path, query: str) -> tuple[float, float, float]:
    """Seconds to drawn, to a listed search hit (both from navigation) and for one type filter."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    url = path.as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    drawn = time.perf_counter() - started
    page.fill("#search", query)
    page.locator("#search-results button").first.wait_for()
    searched = time.perf_counter() - started
    started = time.perf_counter()
    page.locator("input.type-filter[value=Person]").uncheck()
    page.evaluate("new Promise(resolve => { network.once('afterDrawing', resolve); network.redraw(); })")
    filtered = time.perf_counter() - started
    page.close()
    return drawn, searched, filtered


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3, help="browser runs per page (the median is printed)")
    args = parser.parse_args(argv)

    graph = synthetic_graph(args.nodes, args.edges)
    print(f"{args.nodes:,} entities, {args.edges:,} claims, {len(graph):,} triples", flush=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        columns = ("nodes", "MB", "render s", "drawn s", "search s", "filter s")
        print(f"{'page':<18} " + " ".join(f"{c:>9}" for c in columns))
        for name, max_nodes in ((f"default (≤{DEFAULT_MAX_NODES:,})", DEFAULT_MAX_NODES), ("whole", 0)):
            started = time.perf_counter()
            path = write_html(graph, Path(tmp) / "page.html", max_nodes=max_nodes)
            rendered = time.perf_counter() - started
            shown = min(args.nodes, max_nodes) if max_nodes else args.nodes
            runs = [browser_timings(browser, path, "Entity 1") for _ in range(args.runs)]
            drawn, searched, filtered = (statistics.median(column) for column in zip(*runs, strict=True))
            megabytes = path.stat().st_size / 1e6
            seconds = (f"{t:.2f}" for t in (rendered, drawn, searched, filtered))
            figures = (f"{shown:,}", f"{megabytes:.1f}", *seconds)
            print(f"{name:<18} " + " ".join(f"{f:>9}" for f in figures), flush=True)
        browser.close()


if __name__ == "__main__":
    main()
