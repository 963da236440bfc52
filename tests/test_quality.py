"""Extraction quality, measured with graph.evaluate against gold annotations.

These are floors against regressions, not targets: a change that drops a score below its floor breaks
the build. The gold sets:

- the two seed articles (seeds/) against ../shared/gold (skipped when it is not beside the checkout);
- tests/fixtures/devset: six articles and their gold, written for this project in the style of Chinese
  business news (funding rounds, executive moves, an acquisition, model releases, chip supply, a
  founder profile); the rules were then improved against it;
- tests/fixtures/heldout: five more, written later by a teammate who had not seen the rules, and
  measured once before any change for them (entities F1 0.812, facts 0.323); since then it has been
  used for development too, so it is no longer unseen;
- tests/fixtures/unseen: four more by another teammate, measured once after all the work above
  (entities F1 0.880, facts 0.475), then after two rounds of general fixes;
- tests/fixtures/fresh: six more (36氪, 新浪科技, 财新, 晚点, 界面 styles and a founder profile), written
  before their author read the relation rules and measured once before any change for them
  (entities F1 0.839, facts 0.455), then after a round of general relation fixes and one of general
  organization-name fixes.
- tests/fixtures/newset: five more (36氪, 财新, 第一财经, 钛媒体, 澎湃 styles), written at the end of
  that work by an annotator who read no code, and measured once (facts F1 0.523); then its misses, with
  those of every other set, were grouped by phrasing and general relation rules written for them, so it
  is no longer unseen either.

Figures when these floors were set (2026-12-01, after the organization- and person-name rounds):
  seeds    entities P 0.982 R 1.000 F1 0.991   facts P 1.000 R 0.943 F1 0.971
  devset   entities P 0.973 R 0.955 F1 0.964   facts P 1.000 R 0.913 F1 0.955
  heldout  entities P 0.950 R 0.919 F1 0.934   facts P 0.892 R 0.771 F1 0.827
  unseen   entities P 0.988 R 0.952 F1 0.970   facts P 0.971 R 0.827 F1 0.893
  fresh    entities P 0.978 R 0.971 F1 0.974   facts P 0.964 R 0.887 F1 0.924
  newset   entities P 0.886 R 0.824 F1 0.854   facts P 0.800 R 0.388 F1 0.523   (unseen: measured once)

After the relation round on all sets' misses (lists, passives, apposition, omitted subjects; 2026-12-01):
  devset   facts P 1.000 R 0.929 F1 0.963
  heldout  facts P 0.907 R 0.822 F1 0.862
  unseen   facts P 0.986 R 0.889 F1 0.935
  fresh    facts P 0.957 R 0.894 F1 0.925
  newset   facts P 0.820 R 0.485 F1 0.610   (entities unchanged: 0.854)
After the organization round of issue 3 (organizations without an industry word, owned and bought
companies, units, short forms, Latin glosses, quoted product names; newset's misses were read for it,
so it is no longer unseen):
  devset   entities P 0.982 R 0.982 F1 0.982   facts P 1.000 R 0.937 F1 0.967
  heldout  entities P 0.943 R 0.927 F1 0.935   facts P 0.885 R 0.780 F1 0.829
  unseen   entities P 0.988 R 0.988 F1 0.988   facts P 0.972 R 0.864 F1 0.915
  fresh    entities P 0.986 R 0.993 F1 0.989   facts P 0.972 R 0.921 F1 0.946
  newset   entities P 0.966 R 0.988 F1 0.977   facts P 0.907 R 0.660 F1 0.764

After the relations round of issue 3 on tunea and tuneb (two sets of six articles written by
annotators who never saw the code, read for their misses; a round's lead keeps the round's sum only
when it is the one investor named, and the older gold sets were changed to that convention):
  devset   entities P 0.982 R 0.982 F1 0.982   facts P 0.992 R 0.945 F1 0.968
  heldout  entities P 0.942 R 0.919 F1 0.931   facts P 0.917 R 0.839 F1 0.876
  unseen   entities P 0.988 R 0.988 F1 0.988   facts P 0.987 R 0.926 F1 0.955
  fresh    entities P 0.986 R 0.993 F1 0.989   facts P 0.959 R 0.934 F1 0.946
  newset   entities P 0.966 R 0.988 F1 0.977   facts P 0.960 R 0.942 F1 0.951
  tunea    entities P 0.854 R 0.778 F1 0.814   facts P 0.868 R 0.520 F1 0.650
  tuneb    entities P 0.861 R 0.802 F1 0.831   facts P 0.833 R 0.491 F1 0.618

With all of it merged, and the entity round on tunea and tuneb (F1, entities / facts):
  seeds 0.991 / 0.971, devset 0.982 / 0.968, heldout 0.931 / 0.876, unseen 0.988 / 0.955,
  fresh 0.989 / 0.946, newset 0.977 / 0.951, tunea 0.886 / 0.688, tuneb 0.881 / 0.647.
- tests/fixtures/newset2: six more (chips, batteries, a drug licence, instant retail, robots, an AI
  startup), written by an annotator who read no code, kept apart from all the work above and measured
  once at its end: entities P 0.909 R 0.854 F1 0.881, facts P 0.830 R 0.442 F1 0.577. (On the code of
  the start of that day: entities 0.774, facts 0.368.) Read for errors the next day, so spent.
- tests/fixtures/newset3 and newset4: six articles each (AI chips, chip equipment, autonomous trucks, a
  drug licence, SaaS, electric cars; language models, phones, chip design, food delivery, batteries,
  robots), by two annotators who read no code, written outside the repository and measured once at the
  end of that day's work: newset3 entities P 0.883 R 0.860 F1 0.871, facts P 0.806 R 0.535 F1 0.643;
  newset4 entities P 0.831 R 0.840 F1 0.835, facts P 0.856 R 0.556 F1 0.674. (On that day's starting
  code: 0.871 / 0.639 and 0.823 / 0.671.)
- tests/fixtures/newset5 and newset6: six each (robots, a drug licence, payments, liquid cooling, EV
  charging, photoresist; games, logistics, short video, rockets, farm drones, endoscopes), by annotators
  who read no code, measured once: 0.860 / 0.611 and 0.803 / 0.512. Read for errors on 2026-12-03, so
  spent: 0.937 / 0.799 and 0.875 / 0.711 after that day's rounds.
- tests/fixtures/newset7 and newset8: six each (an EV battery round, an internet company's reshuffle, a
  chip supply contract, a university robot spin-off, a partnership ended for a rival, an acquisition
  with conflicting prices; a model release, a drug licence, a tea-drink IPO, big-tech hires and a
  firing, a state fund in chip equipment, a game company), by annotators who read no code, measured
  once at the end of 2026-12-03 and not read for errors: newset7 0.860 / 0.600, newset8 0.872 / 0.524,
  both together 0.860 / 0.559 (entities P 0.887 R 0.835; facts P 0.769 R 0.439). On that day's
  starting code: 0.846 / 0.540.

And name finding on the first 1,000 sentences of each public NER set, read where it lies in ../shared
(skipped when it is not there; never copied): MSRA test Person F1 0.927, Organization 0.707; CLUENER
train Person 0.693, Organization 0.590.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pipeline import extract_corpus
from extractors.reader import read_inputs
from graph.evaluate import EvaluationReport, evaluate, evaluate_ner

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"
FRESH = ROOT / "tests" / "fixtures" / "fresh"
NEWSET = ROOT / "tests" / "fixtures" / "newset"
# tuning sets by annotators who never saw the code (entities 0.814 / 0.831 at first sight, 0.862 / 0.860
# after the list, deal, title and model-name rules)
TUNEA = ROOT / "tests" / "fixtures" / "tunea"
TUNEB = ROOT / "tests" / "fixtures" / "tuneb"
NEWSET2 = ROOT / "tests" / "fixtures" / "newset2"
NEWSET3 = ROOT / "tests" / "fixtures" / "newset3"
NEWSET4 = ROOT / "tests" / "fixtures" / "newset4"
NEWSET5 = ROOT / "tests" / "fixtures" / "newset5"
NEWSET6 = ROOT / "tests" / "fixtures" / "newset6"
NEWSET7 = ROOT / "tests" / "fixtures" / "newset7"
NEWSET8 = ROOT / "tests" / "fixtures" / "newset8"


@pytest.fixture(scope="module")
def seeds_report(seeds_dir: Path, gold_dir: Path) -> EvaluationReport:
    read = read_inputs([seeds_dir])
    assert read.problems == ()
    return evaluate(extract_corpus(read.documents), gold_dir)


def gold_set_report(folder: Path) -> EvaluationReport:
    """Extraction of ``folder/articles`` scored against ``folder/gold``."""
    read = read_inputs([folder / "articles"])
    assert read.problems == ()
    return evaluate(extract_corpus(read.documents), folder / "gold")


@pytest.fixture(scope="module")
def devset_report() -> EvaluationReport:
    return gold_set_report(DEVSET)


def test_every_seed_and_devset_article_is_scored(
    seeds_report: EvaluationReport, devset_report: EvaluationReport
) -> None:
    assert len(seeds_report.documents) == 2 and seeds_report.unscored == ()
    assert len(devset_report.documents) == 6 and devset_report.unscored == ()


def test_seed_entities(seeds_report: EvaluationReport) -> None:
    assert seeds_report.entities.f1 >= 0.95, seeds_report.format(verbose=True)  # now 0.991


def test_seed_facts(seeds_report: EvaluationReport) -> None:
    assert seeds_report.facts.f1 >= 0.85, seeds_report.format(verbose=True)  # now 0.971


def test_seed_entities_have_at_most_one_duplicate(seeds_report: EvaluationReport) -> None:
    # The one duplicate: seed 000 calls Meta's new team both 超级智能团队 and AI研究实验室, two names
    # of one team that share no word the extractor could join them on, so it makes two nodes.
    assert seeds_report.entities.duplicates <= 1, [e.names for e in seeds_report.spurious_entities]


def test_devset_entities(devset_report: EvaluationReport) -> None:
    assert devset_report.entities.f1 >= 0.95, devset_report.format(verbose=True)  # now 0.982


def test_devset_facts(devset_report: EvaluationReport) -> None:
    assert devset_report.facts.f1 >= 0.93, devset_report.format(verbose=True)  # now 0.963


def test_devset_entities_have_no_duplicates(devset_report: EvaluationReport) -> None:
    assert devset_report.entities.duplicates == 0, [e.names for e in devset_report.spurious_entities]


def test_amounts_stakes_and_sources_of_matched_facts_are_right(
    seeds_report: EvaluationReport, devset_report: EvaluationReport
) -> None:
    # Qualifiers are checked on matched facts only; these three are all right today on both sets
    # (seeds 7/7, 1/1, 4/4; devset 13/13, 2/2, 10/10). Roles and dates are not yet (devset 12/18, 19/34).
    for report in (seeds_report, devset_report):
        for name, correct, total in report.qualifiers:
            if name in ("amount", "stake", "reported_by"):
                assert correct >= 0.9 * total, report.format(verbose=True)


# The later gold sets: (folder, articles, entity F1 floor, fact F1 floor); figures now in the docstring.
LATER_SETS = [
    (HELDOUT, 5, 0.90, 0.83),
    (UNSEEN, 4, 0.96, 0.90),
    (FRESH, 6, 0.96, 0.89),
    (NEWSET, 5, 0.95, 0.90),
    (TUNEA, 6, 0.93, 0.72),
    (TUNEB, 6, 0.90, 0.68),
    (NEWSET2, 6, 0.92, 0.75),  # measured once unseen: entities 0.881, facts 0.577; since tuned on
    (NEWSET3, 6, 0.92, 0.74),  # measured once unseen: entities 0.871, facts 0.643; tuned on since
    (NEWSET4, 6, 0.89, 0.76),  # measured once unseen: entities 0.835, facts 0.674; tuned on since
    (NEWSET5, 6, 0.92, 0.78),  # measured once unseen: entities 0.860, facts 0.611; tuned on since
    (NEWSET6, 6, 0.85, 0.68),  # measured once unseen: entities 0.803, facts 0.512; tuned on since
    (NEWSET7, 6, 0.84, 0.58),  # unseen: measured once, entities 0.860, facts 0.600; not read for errors
    (NEWSET8, 6, 0.85, 0.50),  # unseen: measured once, entities 0.872, facts 0.524; not read for errors
]


@pytest.mark.parametrize(
    ("folder", "articles", "entity_floor", "fact_floor"),
    LATER_SETS,
    ids=[folder.name for folder, *_ in LATER_SETS],
)
def test_later_gold_sets(folder: Path, articles: int, entity_floor: float, fact_floor: float) -> None:
    report = gold_set_report(folder)
    assert len(report.documents) == articles
    assert report.entities.f1 >= entity_floor, report.format(verbose=True)
    assert report.facts.f1 >= fact_floor, report.format(verbose=True)


NER_SETS = ROOT.parent / "shared" / "data" / "ner"


@pytest.mark.parametrize(
    ("name", "person_floor", "organization_floor"),
    [("msra-test.jsonl", 0.90, 0.66), ("cluener-train.jsonl", 0.66, 0.54)],
)
def test_names_on_public_ner_sets(name: str, person_floor: float, organization_floor: float) -> None:
    path = NER_SETS / name
    if not path.is_file():
        pytest.skip(f"{path} is not beside this checkout")
    report = evaluate_ner(path, limit=1000)
    assert report.scores["Person"].f1 >= person_floor, report.format()
    assert report.scores["Organization"].f1 >= organization_floor, report.format()
