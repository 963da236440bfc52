"""How well newskg's mention extraction finds Person and Organization names on public NER sets.

A script, not a test: it reads an NER set where it lies, runs the pipeline over it and compares the
mentions it finds with the gold spans. Research-use data is only read here, never copied anywhere.

    python benchmarks/ner_eval.py                                    # MSRA test split, all sentences
    python benchmarks/ner_eval.py --data ../shared/data/ner/cluener-train.jsonl --limit 3000
    python benchmarks/ner_eval.py --errors 30                        # and sampled errors, with context

Input: JSON Lines, one sentence a line: ``{"id", "text", "entities": [{"start", "end", "text",
"label", "type"}]}`` with code-point offsets (end exclusive) and ``type`` Person, Organization or
null (a type newskg does not extract, e.g. a place). Each line becomes one ``Document``; documents go
through ``extractors.pipeline.extract_corpus`` in batches (entities are linked within a batch, as
they would be in a corpus), and every Person/Organization mention is compared with the gold spans:

* exact: same start, end and type;
* lenient: a prediction is right when it overlaps a gold span of its type, and a gold span is found
  when a prediction of its type overlaps it.

Also printed: where the errors come from (boundary, type, a span gold gives another type such as a
place, nothing at all), precision per extractor, throughput (characters/s of extraction alone) and the
process' peak resident set size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable from a bare checkout, like the tests
    sys.path.insert(0, str(ROOT))

from extractors.model import Document, Region  # noqa: E402
from extractors.pipeline import extract_corpus  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "msra-test.jsonl"
TYPES = ("Person", "Organization")
CONTEXT = 15  # characters shown on each side of an error


@dataclass(frozen=True, order=True)
class Span:
    """A typed stretch of one sentence: a gold entity or a predicted mention."""

    doc: str
    start: int
    end: int
    type: str
    text: str
    extractor: str = ""  # which rule proposed it (predictions only)

    def overlaps(self, other: Span) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


@dataclass
class Sentence:
    id: str
    text: str
    gold: list[Span]  # Person/Organization only
    other: list[Span]  # gold spans of types newskg does not extract (places, titles …)


def read_sentences(path: Path, limit: int | None) -> list[Sentence]:
    """The first ``limit`` lines of an NER JSON Lines file (all when ``limit`` is None)."""
    sentences: list[Sentence] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(sentences) >= limit:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            gold: list[Span] = []
            other: list[Span] = []
            for entity in record["entities"]:
                start, end = entity["start"], entity["end"]
                if text[start:end] != entity["text"]:  # a broken offset would count as an error twice
                    print(
                        f"warning: {record['id']}: offsets do not match {entity['text']!r}", file=sys.stderr
                    )
                    continue
                label = entity["type"] if entity["type"] in TYPES else f"({entity['label']})"
                span = Span(record["id"], start, end, label, entity["text"])
                (gold if entity["type"] in TYPES else other).append(span)
            sentences.append(Sentence(record["id"], text, sorted(gold), sorted(other)))
    return sentences


def to_document(sentence: Sentence, source: str) -> Document:
    """One sentence as a whole-body document, as the reader would make of a one-line article."""
    return Document(
        id=sentence.id,
        source=source,
        raw=sentence.text,
        sha256=hashlib.sha256(sentence.text.encode("utf-8")).hexdigest(),
        regions=(Region(0, len(sentence.text), "body"),),
    )


def batches(items: Sequence[Sentence], size: int) -> Iterator[Sequence[Sentence]]:
    for index in range(0, len(items), size):
        yield items[index : index + size]


def predict(sentences: Sequence[Sentence], source: str, batch: int) -> tuple[dict[str, list[Span]], float]:
    """Person/Organization mentions per sentence id, and the seconds spent in extraction."""
    predicted: dict[str, list[Span]] = {s.id: [] for s in sentences}
    seconds = 0.0
    for chunk in batches(sentences, batch):
        documents = [to_document(s, source) for s in chunk]
        started = time.perf_counter()
        corpus = extract_corpus(documents)
        seconds += time.perf_counter() - started
        for extraction in corpus.extractions:
            spans = predicted[extraction.document.id]
            for m in extraction.mentions:
                if m.type in TYPES:  # products are not annotated in these sets
                    spans.append(Span(m.doc_id, m.start, m.end, m.type, m.text, m.extractor))
        del corpus  # keep memory flat: one batch's annotations at a time
    return {key: sorted(value) for key, value in predicted.items()}, seconds


# ---------------------------------------------------------------------------------------
# Scoring


@dataclass
class Score:
    tp: int = 0  # true positives counted on the predictions' side
    found: int = 0  # gold spans found (equals tp for exact matching)
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (
            f"{name:<14} {self.gold:>7,} {self.predicted:>7,} {self.tp:>7,} "
            f"{self.precision:>7.1%} {self.recall:>7.1%} {self.f1:>7.1%}"
        )


def score(sentences: Sequence[Sentence], predicted: dict[str, list[Span]]) -> tuple[dict, dict]:
    """Exact and lenient scores, keyed by type and "overall"."""
    exact: dict[str, Score] = defaultdict(Score)
    lenient: dict[str, Score] = defaultdict(Score)
    for sentence in sentences:
        gold, preds = sentence.gold, predicted[sentence.id]
        gold_keys = {(g.start, g.end, g.type) for g in gold}
        for type_ in (*TYPES, "overall"):
            g_of = [g for g in gold if type_ in ("overall", g.type)]
            p_of = [p for p in preds if type_ in ("overall", p.type)]
            hits = sum((p.start, p.end, p.type) in gold_keys for p in p_of)
            exact[type_].tp += hits
            exact[type_].found += hits
            lenient[type_].tp += sum(any(p.overlaps(g) and p.type == g.type for g in gold) for p in p_of)
            lenient[type_].found += sum(any(g.overlaps(p) and p.type == g.type for p in preds) for g in g_of)
            for table in (exact, lenient):
                table[type_].gold += len(g_of)
                table[type_].predicted += len(p_of)
    return exact, lenient


def false_negative_cause(gold: Span, preds: Sequence[Span]) -> str:
    """Why a gold span was not found exactly."""
    same = [p for p in preds if p.start == gold.start and p.end == gold.end]
    if same:
        return f"found as {same[0].type}"
    overlapping = [p for p in preds if p.overlaps(gold)]
    if any(p.type == gold.type for p in overlapping):
        return "boundary (same type)"
    if overlapping:
        return "boundary + type"
    return "missed"


def false_positive_cause(pred: Span, sentence: Sentence) -> str:
    """What a wrong prediction is, judged by the gold spans around it."""
    for g in sentence.gold:
        if g.start == pred.start and g.end == pred.end:
            return f"gold says {g.type}"
    if any(g.overlaps(pred) and g.type == pred.type for g in sentence.gold):
        return "boundary (same type)"
    if any(g.overlaps(pred) for g in sentence.gold):
        return "boundary + type"
    if any(o.start == pred.start and o.end == pred.end for o in sentence.other):
        return "gold: non-target type"
    if any(o.overlaps(pred) for o in sentence.other):
        return "overlaps non-target type"
    return "spurious"


def in_context(text: str, span: Span) -> str:
    left = text[max(0, span.start - CONTEXT) : span.start]
    right = text[span.end : span.end + CONTEXT]
    return f"{left}[{text[span.start : span.end]}]{right}".replace("\n", " ")


# ---------------------------------------------------------------------------------------
# Report


def _rss_peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024) / 1e6  # Linux reports KiB, macOS bytes


def report(
    sentences: Sequence[Sentence],
    predicted: dict[str, list[Span]],
    seconds: float,
    errors: int,
    seed: int,
) -> str:
    """The whole printed report: scores, error causes, per-extractor figures, sampled errors."""
    out: list[str] = []
    chars = sum(len(s.text) for s in sentences)
    exact, lenient = score(sentences, predicted)
    header = f"{'':<14} {'gold':>7} {'pred':>7} {'tp':>7} {'P':>7} {'R':>7} {'F1':>7}"
    for title, table in (("exact span + type", exact), ("lenient (overlap, same type)", lenient)):
        out += ["", title, header]
        out += [table[t].row(t) for t in (*TYPES, "overall")]

    by_id = {s.id: s for s in sentences}
    false_negatives: list[tuple[Span, str]] = []
    false_positives: list[tuple[Span, str]] = []
    per_extractor: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        preds = predicted[sentence.id]
        gold_keys = {(g.start, g.end, g.type) for g in sentence.gold}
        pred_keys = {(p.start, p.end, p.type) for p in preds}
        for g in sentence.gold:
            if (g.start, g.end, g.type) not in pred_keys:
                false_negatives.append((g, false_negative_cause(g, preds)))
        for p in preds:
            right = (p.start, p.end, p.type) in gold_keys
            per_extractor[p.extractor]["tp" if right else "fp"] += 1
            if not right:
                false_positives.append((p, false_positive_cause(p, sentence)))

    out += ["", "false negatives by cause (exact)"]
    fn_causes = Counter((g.type, cause) for g, cause in false_negatives)
    for (type_, cause), count in sorted(fn_causes.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {type_:<13} {cause:<24} {count:>6,}")
    out += ["", "false positives by cause (exact)"]
    fp_causes = Counter((p.type, cause) for p, cause in false_positives)
    for (type_, cause), count in sorted(fp_causes.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {type_:<13} {cause:<24} {count:>6,}")
    out += ["", f"{'extractor':<26} {'pred':>7} {'tp':>7} {'fp':>7} {'P':>7}"]
    for name, counts in sorted(per_extractor.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        total = counts["tp"] + counts["fp"]
        out.append(
            f"{name:<26} {total:>7,} {counts['tp']:>7,} {counts['fp']:>7,} {counts['tp'] / total:>7.1%}"
        )

    rate = f"{chars / seconds:,.0f}" if seconds > 0 else "-"
    out += [
        "",
        f"extraction: {seconds:.1f} s, {rate} chars/s; peak RSS {_rss_peak_mb():,.1f} MB",
    ]

    if errors > 0:
        rng = random.Random(seed)
        sample = sorted(rng.sample(false_negatives, min(errors, len(false_negatives))))
        out += ["", f"sampled false negatives ({len(sample)} of {len(false_negatives):,})"]
        for g, cause in sample:
            near = [p for p in predicted[g.doc] if p.overlaps(g)]
            got = "; ".join(f"{p.text}/{p.type}/{p.extractor}" for p in near)
            out.append(
                f"  {g.type:<12} {cause:<22} {in_context(by_id[g.doc].text, g)}"
                + (f"  <- {got}" if got else "")
            )
        sample_fp = sorted(rng.sample(false_positives, min(errors, len(false_positives))))
        by_rule: dict[str, list[tuple[Span, str]]] = defaultdict(list)
        for p, cause in sample_fp:
            by_rule[p.extractor].append((p, cause))
        out += ["", f"sampled false positives ({len(sample_fp)} of {len(false_positives):,}), by extractor"]
        for name in sorted(by_rule):
            out.append(f"  {name}")
            for p, cause in by_rule[name]:
                out.append(f"    {p.type:<12} {cause:<24} {in_context(by_id[p.doc].text, p)}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"NER JSON Lines (default {DEFAULT_DATA})"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="the first N sentences only (default all)")
    parser.add_argument(
        "--batch", type=int, default=500, metavar="N", help="sentences per extract_corpus call"
    )
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N sampled FNs and N FPs")
    parser.add_argument("--seed", type=int, default=0, help="seed of the error sample (default 0)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data} is not a file")
    if args.batch < 1:
        parser.error("--batch must be at least 1")

    sentences = read_sentences(args.data, args.limit)
    if not sentences:
        parser.error("no sentences to evaluate")
    # Warm-up outside the timing: loading jieba and the lexicons is a one-off start-up cost.
    extract_corpus([to_document(sentences[0], args.data.name)])
    predicted, seconds = predict(sentences, args.data.name, args.batch)

    chars = sum(len(s.text) for s in sentences)
    print(f"data: {args.data} — {len(sentences):,} sentences, {chars:,} characters, batches of {args.batch}")
    print(report(sentences, predicted, seconds, args.errors, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
