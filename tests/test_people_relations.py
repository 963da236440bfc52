"""extractors.relations: how Chinese business news tells who takes a post, read on sentences written
for these tests (other people and companies than the gold sets')."""

from __future__ import annotations

from extractors.model import Document
from extractors.pipeline import extract_corpus


def relations(text: str) -> set[tuple[str, str, str | None, str | None]]:
    corpus = extract_corpus([Document.from_text(text, "doc", "2026-03-01")])
    names = {e.key: min((m.start, m.text) for m in e.mentions)[1] for e in corpus.entities if e.mentions}
    [extraction] = corpus.extractions
    return {
        (f.relation, names[f.subject], names.get(f.object) if f.object else None, f.role)
        for f in extraction.facts
    }


def test_successor_named_with_the_post_takes_it_at_the_company_of_the_one_replaced() -> None:
    found = relations(
        "理想汽车首席技术官张晓峰已于本月初离职。据36氪报道，张晓峰离开后将加盟腾讯混元团队。\n\n"
        "接替张晓峰出任首席技术官的是王立群。"
    )
    assert ("worksFor", "王立群", "理想汽车", "首席技术官") in found
    # the one replaced takes no post by being named before 出任
    assert not any(f[0] == "worksFor" and f[1] == "张晓峰" for f in found)


def test_successor_named_with_the_post_at_the_company_in_view() -> None:
    found = relations("理想汽车近日调整了管理层，接替张晓峰出任首席技术官的是王立群。")
    assert ("worksFor", "王立群", "理想汽车", "首席技术官") in found
    assert not any(f[1] == "张晓峰" and f[0] in ("worksFor", "joined") for f in found)


def test_successor_brought_in_from_elsewhere_joins() -> None:
    found = relations("理想汽车近日调整了管理层，接任CTO的是前百度高级工程师周明远（Mark Zhou）。")
    assert ("joined", "周明远", "理想汽车", "CTO") in found
    assert ("left", "周明远", "百度", "高级工程师") in found


def test_post_left_for_another_at_the_same_company() -> None:
    found = relations("京东首席技术官张晓峰卸任CTO，转任首席科学家。")
    assert ("left", "张晓峰", "京东", "首席技术官") in found
    assert ("worksFor", "张晓峰", "京东", "首席科学家") in found


def test_joining_a_company_placed_by_its_owner() -> None:
    found = relations("王立群曾在百度工作，她已加盟马云旗下的蚂蚁集团。")
    assert ("joined", "王立群", "蚂蚁集团", None) in found
    assert not any(f[0] == "joined" and f[2] == "马云" for f in found)


def test_years_at_a_company_then_leaving_it() -> None:
    assert ("left", "李文涛", "腾讯", None) in relations("李文涛在腾讯工作了八年，去年年底离职。")
    # leaving something else after years there is no leaving the company
    found = relations("李文涛在腾讯工作期间主导了多个项目，后来离开游戏行业。")
    assert ("left", "李文涛", "腾讯", None) not in found


def test_staying_on_in_another_capacity_at_公司() -> None:
    found = relations("京东首席运营官张晓峰因个人原因卸任，但仍将以顾问身份留在公司。")
    assert ("left", "张晓峰", "京东", "首席运营官") in found
    assert ("worksFor", "张晓峰", "京东", "顾问") in found


def test_leaving_了_公司_points_to_the_company_in_view() -> None:
    assert ("left", "王立群", "京东", None) in relations("京东的早期员工、工程师王立群则离开了公司。")


def test_hired_to_a_post_named_with_its_field() -> None:
    found = relations("王立群今年9月辞去职务，随后被京东聘为临床开发副总裁。")
    assert ("joined", "王立群", "京东", "临床开发副总裁") in found


def test_a_degree_from_a_school_said_of_the_person() -> None:
    found = relations("另一位联合创始人王立群是浙江大学计算机方向博士，此前一直担任公司CTO。")
    assert ("educatedAt", "王立群", "浙江大学", None) in found
    # a company is no school
    found = relations("王立群是腾讯的资深研究员，也是公司的博士后导师。")
    assert not any(f[0] == "educatedAt" for f in found)
