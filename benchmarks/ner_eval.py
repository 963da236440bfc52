"""How well newskg finds people and organizations: public NER sets and the project's gold articles.

A script, not a test: it reads the NER sets where they lie (research-use data, never copied anywhere),
runs the pipeline over them with the scoring of ``newskg evaluate --ner`` (``graph.evaluate``: exact
span and type, Person and Organization; other types ignored), and scores the gold article sets with the
scoring of ``newskg evaluate --gold``. It prints one table:

    python benchmarks/ner_eval.py                       # every set, whole, one process
    python benchmarks/ner_eval.py --errors 40 --data ../shared/data/ner/cluener-train.jsonl

Each NER set is cut in two halves by line order: rules were tuned looking at errors of the first half
only ("tune"); the second half ("check") was only ever scored. ``--errors N`` (error analysis: causes,
precision per extractor, sampled errors with context) therefore reads the first half only.
Throughput is characters of extraction per second on one process, after a warm-up.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

from extractors.model import Document  # noqa: E402
from extractors.pipeline import extract_corpus  # noqa: E402
from extractors.reader import read_inputs  # noqa: E402
from graph.evaluate import (  # noqa: E402
    NER_TYPES,
    NerSentence,
    NerSpan,
    evaluate,
    predicted_spans,
    read_ner,
    score_ner,
)

NER_DIR = ROOT.parent / "shared" / "data" / "ner"
GOLD_SETS = (
    ("seeds", ROOT / "seeds", ROOT.parent / "shared" / "gold"),
    ("devset", ROOT / "tests/fixtures/devset/articles", ROOT / "tests/fixtures/devset/gold"),
    ("heldout", ROOT / "tests/fixtures/heldout/articles", ROOT / "tests/fixtures/heldout/gold"),
    ("unseen", ROOT / "tests/fixtures/unseen/articles", ROOT / "tests/fixtures/unseen/gold"),
    ("fresh", ROOT / "tests/fixtures/fresh/articles", ROOT / "tests/fixtures/fresh/gold"),
    ("newset", ROOT / "tests/fixtures/newset/articles", ROOT / "tests/fixtures/newset/gold"),
    ("tunea", ROOT / "tests/fixtures/tunea/articles", ROOT / "tests/fixtures/tunea/gold"),
    ("tuneb", ROOT / "tests/fixtures/tuneb/articles", ROOT / "tests/fixtures/tuneb/gold"),
    ("newset2", ROOT / "tests/fixtures/newset2/articles", ROOT / "tests/fixtures/newset2/gold"),
    ("newset3", ROOT / "tests/fixtures/newset3/articles", ROOT / "tests/fixtures/newset3/gold"),
    ("newset4", ROOT / "tests/fixtures/newset4/articles", ROOT / "tests/fixtures/newset4/gold"),
    ("newset5", ROOT / "tests/fixtures/newset5/articles", ROOT / "tests/fixtures/newset5/gold"),
    ("newset6", ROOT / "tests/fixtures/newset6/articles", ROOT / "tests/fixtures/newset6/gold"),
    ("newset7", ROOT / "tests/fixtures/newset7/articles", ROOT / "tests/fixtures/newset7/gold"),
    ("newset8", ROOT / "tests/fixtures/newset8/articles", ROOT / "tests/fixtures/newset8/gold"),
)
CONTEXT = 15  # characters shown on each side of an error


def halves(sentences: Sequence[NerSentence]) -> dict[str, Sequence[NerSentence]]:
    middle = len(sentences) // 2
    return {"tune": sentences[:middle], "check": sentences[middle:], "all": sentences}


def ner_rows(path: Path) -> list[str]:
    """Rows of one NER set: its tuning half, its check half, the whole (extracted once, timed)."""
    sentences = read_ner(path)
    documents = [Document.from_text(s.text, s.id) for s in sentences]
    extract_corpus(documents[:1])  # warm-up: loading the dictionaries is a one-off cost
    started = time.perf_counter()
    corpus = extract_corpus(documents, jobs=1)
    rate = sum(len(s.text) for s in sentences) / (time.perf_counter() - started)
    predicted = predicted_spans(corpus)
    rows = []
    for part, chosen in halves(sentences).items():
        scores, _, _ = score_ner(chosen, predicted)
        cells = [
            f"{100 * scores[t].precision:.1f} / {100 * scores[t].recall:.1f} / **{100 * scores[t].f1:.1f}**"
            for t in (*NER_TYPES, "overall")
        ]
        speed = f"{rate:,.0f}" if part == "all" else ""
        rows.append(f"| {path.stem} {part} ({len(chosen):,}) | " + " | ".join(cells) + f" | {speed} |")
    return rows


def gold_row(name: str, articles: Path, gold: Path) -> str | None:
    if not gold.is_dir():
        return None
    documents = read_inputs([articles]).documents
    extract_corpus(documents[:1])
    started = time.perf_counter()
    corpus = extract_corpus(documents, jobs=1)
    seconds = time.perf_counter() - started
    report = evaluate(corpus, gold)
    e, f = report.entities, report.facts
    chars = sum(len(d.raw) for d in documents)
    return (
        f"| {name} ({len(documents)} articles) | entities {100 * e.precision:.1f} / {100 * e.recall:.1f} / "
        f"**{100 * e.f1:.1f}** | facts {100 * f.precision:.1f} / {100 * f.recall:.1f} / **{100 * f.f1:.1f}** "
        f"| | {chars / seconds:,.0f} |"
    )


def table(ner_files: Sequence[Path]) -> str:
    out = [
        "| set (sentences) | Person P / R / F1 | Organization P / R / F1 | overall P / R / F1 | chars/s |",
        "|---|---|---|---|---|",
    ]
    for path in ner_files:
        out += ner_rows(path)
    for name, articles, gold in GOLD_SETS:
        row = gold_row(name, articles, gold)
        if row:
            out.append(row)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# Error analysis (the tuning half only)


def _in_context(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - CONTEXT) : start]}[{text[start:end]}]{text[end : end + CONTEXT]}".replace(
        "\n", " "
    )


def errors(path: Path, count: int, seed: int) -> str:
    sentences = list(halves(read_ner(path))["tune"])
    by_id = {s.id: s for s in sentences}
    corpus = extract_corpus([Document.from_text(s.text, s.id) for s in sentences])
    predicted: dict[str, list[tuple[NerSpan, str]]] = defaultdict(list)
    for extraction in corpus.extractions:
        for m in extraction.mentions:
            if m.type in NER_TYPES:
                predicted[m.doc_id].append((NerSpan(m.doc_id, m.start, m.end, m.type, m.text), m.extractor))
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[NerSpan, str]] = []
    wrong: list[tuple[NerSpan, str]] = []
    for sentence in sentences:
        gold = set(sentence.gold)
        preds = predicted[sentence.id]
        spans = {p for p, _ in preds}
        for p, rule in preds:
            per_rule[rule]["tp" if p in gold else "fp"] += 1
            if p not in gold:
                overlapping = [g for g in gold if g.start < p.end and p.start < g.end]
                cause = (
                    "boundary"
                    if any(g.type == p.type for g in overlapping)
                    else ("type" if overlapping else "spurious")
                )
                wrong.append((p, f"{rule} {cause}"))
        for g in sorted(gold - spans):
            near = [p for p in spans if p.start < g.end and g.start < p.end]
            misses.append(
                (g, "boundary" if any(p.type == g.type for p in near) else ("type" if near else "missed"))
            )
    out = [
        f"{path.name}, tuning half: {len(sentences):,} sentences",
        "",
        f"{'extractor':<28} {'tp':>6} {'fp':>6}   P",
    ]
    for rule, c in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
        out.append(f"{rule:<28} {c['tp']:>6} {c['fp']:>6}  {c['tp'] / (c['tp'] + c['fp']):.1%}")
    out += [
        "",
        "misses by cause: "
        + ", ".join(f"{t} {c}: {n}" for (t, c), n in Counter((g.type, c) for g, c in misses).most_common()),
    ]
    rng = random.Random(seed)
    out += ["", "sampled misses"]
    for g, cause in sorted(rng.sample(misses, min(count, len(misses)))):
        out.append(f"  {g.type:<12} {cause:<9} {_in_context(by_id[g.sentence].text, g.start, g.end)}")
    out += ["", "sampled false positives"]
    for p, cause in sorted(rng.sample(wrong, min(count, len(wrong))), key=lambda x: (x[1], x[0])):
        out.append(f"  {p.type:<12} {cause:<36} {_in_context(by_id[p.sentence].text, p.start, p.end)}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, action="append", help=f"an NER JSON Lines set (default: {NER_DIR}/*.jsonl)"
    )
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="error analysis with N samples")
    parser.add_argument("--seed", type=int, default=0, help="seed of the error sample (default 0)")
    args = parser.parse_args(argv)
    files = args.data or sorted(NER_DIR.glob("*.jsonl"))
    for path in files:
        if not path.is_file():
            parser.error(f"{path} is not a file")
    if args.errors:
        for path in files:
            print(errors(path, args.errors, args.seed))
        return 0
    print(table(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
