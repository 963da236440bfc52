"""``newskg evaluate --ner``: names found in NER sets scored against their spans (graph/evaluate.py).

The sets here are written by hand for the tests; the public research sets are never copied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import GoldError, NerSentence, NerSpan, evaluate_ner, read_ner, score_ner


def write_set(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def entity(text: str, name: str, label: str, type_: str | None) -> dict:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "text": name, "label": label, "type": type_}


SENTENCES = [
    (
        "s1",
        "阿里巴巴集团董事局主席蔡崇信表示，公司将继续投资。",
        [("阿里巴巴集团", "ORG", "Organization"), ("蔡崇信", "PER", "Person")],
    ),
    ("s2", "他昨天在北京会见了记者。", [("北京", "LOC", None)]),
    (
        "s3",
        "据新华社报道，外交部发言人毛宁回答了提问。",
        [("新华社", "ORG", "Organization"), ("外交部", "ORG", "Organization"), ("毛宁", "PER", "Person")],
    ),
]


@pytest.fixture
def ner_set(tmp_path: Path) -> Path:
    records = [
        {"id": id_, "text": text, "entities": [entity(text, n, label, t) for n, label, t in spans]}
        for id_, text, spans in SENTENCES
    ]
    return write_set(tmp_path / "hand.jsonl", records)


def span(sentence: str, start: int, end: int, type_: str) -> NerSpan:
    return NerSpan(sentence, start, end, type_, "")


def test_reading_keeps_person_and_organization_spans_and_ignores_other_types(ner_set: Path) -> None:
    sentences = read_ner(ner_set)
    assert [s.id for s in sentences] == ["s1", "s2", "s3"]
    assert [(g.text, g.type) for g in sentences[0].gold] == [
        ("阿里巴巴集团", "Organization"),
        ("蔡崇信", "Person"),
    ]
    assert sentences[1].gold == ()  # 北京 is a place: not scored
    assert [s.id for s in read_ner(ner_set, limit=2)] == ["s1", "s2"]


def test_exact_span_and_type_only() -> None:
    gold = (NerSpan("x", 0, 2, "Person", "马云"), NerSpan("x", 5, 11, "Organization", "阿里巴巴集团"))
    sentence = NerSentence("x", "马云创立了阿里巴巴集团。", gold)
    predicted = {
        "x": [
            NerSpan("x", 0, 2, "Person", "马云"),  # right
            NerSpan("x", 5, 9, "Organization", "阿里巴巴"),  # a boundary error: one fp and one fn
        ]
    }
    scores, missed, spurious = score_ner([sentence], predicted)
    assert (scores["Person"].tp, scores["Person"].fp, scores["Person"].fn) == (1, 0, 0)
    assert (scores["Organization"].tp, scores["Organization"].fp, scores["Organization"].fn) == (0, 1, 1)
    assert (scores["overall"].tp, scores["overall"].fp, scores["overall"].fn) == (1, 1, 1)
    assert scores["overall"].precision == scores["overall"].recall == 0.5
    assert [s.text for s, _ in missed] == ["阿里巴巴集团"] and [s.text for s, _ in spurious] == ["阿里巴巴"]


def test_a_wrong_type_is_a_false_positive_and_a_miss() -> None:
    sentence = NerSentence("x", "谷歌发布了新模型。", (NerSpan("x", 0, 2, "Organization", "谷歌"),))
    scores, _, _ = score_ner([sentence], {"x": [NerSpan("x", 0, 2, "Person", "谷歌")]})
    assert (scores["Person"].fp, scores["Organization"].fn, scores["overall"].tp) == (1, 1, 0)


def test_the_pipeline_is_scored_on_the_text_of_the_file(ner_set: Path) -> None:
    report = evaluate_ner(ner_set)
    assert (report.sentences, report.chars) == (3, sum(len(t) for _, t, _ in SENTENCES))
    overall = report.scores["overall"]
    assert overall.tp + overall.fn == 5  # the place is not counted
    assert overall.tp >= 4  # these are plain cases: 外交部, 新华社, 蔡崇信 after a title, 毛宁 after 发言人
    assert report.chars_per_second > 0
    lines = report.format(verbose=True).splitlines()
    assert lines[0].startswith(f"{ner_set}: 3 sentences, ")
    assert [line.split()[0] for line in lines[2:5]] == ["Person", "Organization", "overall"]
    assert report.to_dict()["scores"]["overall"]["tp"] == overall.tp


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{", "not valid JSON"),
        ('["text"]', 'expected an object with "id", "text" and "entities"'),
        ('{"id": "a", "text": "马云", "entities": {}}', '"entities" must be a list'),
        (
            '{"id": "a", "text": "马云", "entities": [{"start": 0, "end": 2, "text": "马化"}]}',
            "do not slice to",
        ),
        ('{"id": "a", "text": "马云", "entities": [{"start": "x"}]}', 'integer "start" and "end"'),
    ],
)
def test_a_bad_line_is_named_with_its_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "好", "entities": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=message) as caught:
        read_ner(path)
    assert str(caught.value).startswith(f"{path}:2: ")


def test_repeated_ids_and_missing_files_are_errors(tmp_path: Path) -> None:
    record = '{"id": "a", "text": "好", "entities": []}\n'
    path = tmp_path / "twice.jsonl"
    path.write_text(record * 2, encoding="utf-8")
    with pytest.raises(GoldError, match=r"twice.jsonl:2: sentence id 'a' repeats"):
        read_ner(path)
    with pytest.raises(GoldError, match="no such file"):
        read_ner(tmp_path / "nope.jsonl")
