"""extractors.mentions: which spans of a news text name a person, an organization or a product.

Each table row is (text, [(start, end, type)]) and lists every mention of the text, in order: a rule
that finds too much fails its row as surely as one that finds too little. Offsets are into the raw text,
so a name written with the ``?`` artefact or in full-width letters keeps its raw spelling in
``Mention.text`` and its repaired spelling in ``Mention.name``.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from extractors.mentions import find_mentions
from extractors.model import Document, Mention, Region

PER, ORG, PRD = "Person", "Organization", "Product"


def document(raw: str, doc_id: str = "news.txt") -> Document:
    """One article whose whole text is prose to analyse."""
    return Document.from_text(raw, doc_id, "2025-06-12")


def mentions(raw: str) -> list[Mention]:
    found = find_mentions(document(raw))
    for m in found:  # the invariant every table below relies on
        assert raw[m.start : m.end] == m.text
    return found


def spans(raw: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.type) for m in mentions(raw)]


def check(raw: str, expected: list[tuple[int, int, str]]) -> None:
    found = spans(raw)
    assert found == expected, [(raw[s:e], t) for s, e, t in found]


# ---------------------------------------------------------------------------------------------
# Latin-script names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Scale AI创始人Alexandr Wang表示，Meta将发布Llama 4，OpenAI则在准备GPT-5。",
            [(0, 8, ORG), (11, 24, PER), (27, 31, ORG), (34, 41, PRD), (42, 48, ORG), (52, 57, PRD)],
        ),
        ("谷歌曾投资Character.AI。", [(0, 2, ORG), (5, 17, ORG)]),
        ("初创公司Vecta Labs今日宣布完成融资", [(4, 14, ORG)]),
        ("Helix Robotics完成新一轮融资", [(0, 14, ORG)]),
        ("Marcus Lind表示，新资金将用于扩产。", [(0, 11, PER)]),
        ("公司发布了Nova 3模型", [(5, 11, PRD)]),
        ("公司推出了Orion-2", [(5, 12, PRD)]),
        ("苹果发布了iPhone 16", [(0, 2, ORG), (5, 14, PRD)]),
        ("据The Information报道，", [(1, 16, ORG)]),
        ("Zephyr公司宣布裁员", [(0, 8, ORG)]),
        ("Ｍｅｔａ宣布了新计划", [(0, 4, ORG)]),  # full-width letters are matched in the folded view
    ],
)
def test_latin_names(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


def test_a_full_width_name_keeps_its_raw_text_and_gets_its_folded_name() -> None:
    [meta] = mentions("Ｍｅｔａ宣布了新计划")
    assert (meta.text, meta.name) == ("Ｍｅｔａ", "Meta")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI CEO Sam Altman表示，公司将继续扩张。", [(0, 6, ORG), (11, 21, PER)]),
        ("Scale AI CEO Alexandr Wang表示，", [(0, 8, ORG), (13, 26, PER)]),
        ("Kestrel AI的CEO David Miller表示，", [(0, 10, ORG), (15, 27, PER)]),
    ],
)
def test_a_title_between_two_latin_names_separates_them(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------------
# Transliterated names: 亚历山大·王, 萨姆?奥尔特曼, 中文名(English Name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI首席执行官萨姆?奥尔特曼表示", [(0, 6, ORG), (11, 18, PER)]),
        ("Meta首席执行官马克?扎克伯格宣布", [(0, 4, ORG), (9, 16, PER)]),
        ("英国籍科学家大卫·米勒表示", [(6, 11, PER)]),
        ("大卫·米勒和约翰·史密斯出席了发布会", [(0, 5, PER), (6, 12, PER)]),
        ("大卫·米勒曾任职于谷歌", [(0, 5, PER), (9, 11, ORG)]),
        # a Chinese name glossed with its English name: two mentions, one entity (see test_entities)
        ("亚历山大·王(Alexandr Wang)将加入Meta", [(0, 6, PER), (7, 20, PER), (24, 28, ORG)]),
        ("埃里克·施密特(Eric Schmidt)表示", [(0, 7, PER), (8, 20, PER)]),
        ("埃里克?施密特（Eric Schmidt）表示", [(0, 7, PER), (8, 20, PER)]),
    ],
)
def test_transliterated_names(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


def test_a_name_with_the_question_mark_artefact_is_named_with_its_dot() -> None:
    person = next(m for m in mentions("OpenAI首席执行官萨姆?奥尔特曼表示") if m.type == PER)
    assert (person.text, person.name) == ("萨姆?奥尔特曼", "萨姆·奥尔特曼")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("约翰·史密斯加入谷歌", [(0, 6, PER), (8, 10, ORG)]),
        ("大卫·米勒加盟云帆科技有限公司", [(0, 5, PER), (7, 15, ORG)]),
        ("约翰·史密斯毕业于斯坦福大学", [(0, 6, PER), (9, 14, ORG)]),
    ],
)
def test_a_transliterated_name_stops_before_the_verb(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------------
# Media outlets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《华尔街日报》报道，Meta将投资Scale AI。", [(1, 6, ORG), (10, 14, ORG), (17, 25, ORG)]),
        ("据路透社报道，", [(1, 4, ORG)]),
        ("据彭博社报道，", [(1, 4, ORG)]),
        ("据《金融时报》报道", [(2, 6, ORG)]),
        ("彭博社援引知情人士称", [(0, 3, ORG)]),
        ("《纽约时报》的一篇报道称", [(1, 5, ORG)]),
        ("华尔街日报报道称", [(0, 5, ORG)]),
        ("CNBC报道称", [(0, 4, ORG)]),
        ("《三体》是一部科幻小说。", []),  # a book title is no outlet
    ],
)
def test_media_outlets(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)
    assert all(m.kind == "MediaOutlet" for m in mentions(text) if "报" in m.text or "社" in m.text)


# ---------------------------------------------------------------------------------------------
# Chinese organizations: legal forms, brand + industry, government bodies, universities


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("云帆科技有限公司今日宣布", [(0, 8, ORG)], "Company"),
        ("芯瑞半导体有限公司发布公告", [(0, 9, ORG)], "Company"),
        ("芯片厂商摩矽科技宣布完成新一轮融资", [(4, 8, ORG)], "Company"),
        ("知名投资机构高瓴创投领投", [(6, 10, ORG)], "Company"),
        ("国内芯片厂商芯原微电子宣布", [(6, 11, ORG)], "Company"),
        ("美国商务部周二表示", [(0, 5, ORG)], "GovernmentBody"),
        ("美国国防部周一宣布", [(0, 5, ORG)], "GovernmentBody"),
        ("他毕业于清华大学", [(4, 8, ORG)], "University"),
        ("湖南大学教授指出", [(0, 4, ORG)], "University"),
        ("他本科毕业于华中科技大学", [(6, 12, ORG)], "University"),
    ],
)
def test_chinese_organizations(text: str, expected: list[tuple[int, int, str]], kind: str) -> None:
    check(text, expected)
    assert [m.kind for m in mentions(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the registered name of a company is 行政区划 + 字号 + 行业 + 组织形式
        ("深圳云帆科技有限公司今日宣布", [(0, 10, ORG)]),
        ("北京星海智能科技有限公司宣布", [(0, 12, ORG)]),
        ("上海晨曦生物医药有限公司今天宣布", [(0, 12, ORG)]),
    ],
)
def test_a_registered_company_name_is_found_whole(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("韩国公平交易委员会周三表示", [(0, 9, ORG)]), ("荷兰经济事务部宣布", [(0, 7, ORG)])],
)
def test_a_government_body_is_named_by_place_and_function(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------------
# Teams and labs inside an organization


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GenAI团队和“超级智能团队”", [(0, 7, ORG), (9, 15, ORG)]),
        ("Meta AI部门负责人表示", [(0, 9, ORG)]),
        ("OpenAI的Superalignment团队已经解散", [(0, 6, ORG), (7, 23, ORG)]),
        ("这项工作由Seed团队负责", [(5, 11, ORG)]),
        ("Meta的AI研究实验室(FAIR)", [(0, 4, ORG), (5, 12, ORG), (13, 17, ORG)]),
    ],
)
def test_teams(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)
    assert all(m.kind == "Team" for m in mentions(text) if m.text.endswith(("团队", "部门", "实验室")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta计划扩大团队", [(0, 4, ORG)]),
        ("Google宣布重组团队", [(0, 6, ORG)]),
        ("Nvidia扩大研发团队", [(0, 6, ORG)]),
    ],
)
def test_a_clause_ending_in_a_unit_word_is_no_team(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"), [("Meta解散了团队", [(0, 4, ORG)]), ("Google将组建新团队", [(0, 6, ORG)])]
)
def test_a_clause_with_a_function_word_is_no_team(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------------
# Chinese personal names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("董事长张伟表示，公司将继续投入研发。", [(3, 5, PER)]),
        ("总裁李娜表示", [(2, 4, PER)]),
        ("CEO张伟表示", [(3, 5, PER)]),
        ("首席科学家张伟表示", [(5, 7, PER)]),
        ("首席财务官李娜表示", [(5, 7, PER)]),
        ("首席技术官王立群表示", [(5, 8, PER)]),
        ("张晓峰与李文涛共同创立了腾讯", [(0, 3, PER), (4, 7, PER), (12, 14, ORG)]),
        ("百度前副总裁王立群表示", [(0, 2, ORG), (6, 9, PER)]),
    ],
)
def test_chinese_names_next_to_a_title_or_a_verb(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("首席技术官张伟表示", [(5, 7, PER)]),
        ("腾讯前首席技术官张伟表示", [(0, 2, ORG), (8, 10, PER)]),
        ("他此前任职于微软。", [(6, 8, ORG)]),
        ("他毕业于清华。", [(4, 6, ORG)]),
    ],
)
def test_a_surname_character_of_another_word_starts_no_name(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [("前谷歌研究员诺姆·沙泽尔表示", [(1, 3, ORG), (6, 12, PER)])])
def test_a_known_name_after_a_former_marker(text: str, expected: list[tuple[int, int, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("京东方与TCL华星都在扩产。", [(0, 3, ORG), (4, 9, ORG)]),
        ("会议在北京东方君悦大酒店举行。", []),  # 京东方 would start inside 北京
        ("他和京东方签约。", [(2, 5, ORG)]),  # after a particle the segmenter's cut does not matter
    ],
)
def test_a_longer_known_name_does_not_start_inside_a_word(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------------
# What is not a name


@pytest.mark.parametrize(
    "text",
    [
        "商业银行纷纷下调存款利率。",
        "人工智能正在改变各行各业。",
        "多家AI公司的CEO出席了会议。",
        "在这轮AI浪潮中，各家公司加速布局。",  # 浪潮 is a company (浪潮信息) only on word boundaries
        "中国保险公司的数量持续增长",
        "科技公司纷纷裁员",
        "真的吗?好吧，我们再看看。",
        "IPO之后，公司的GPU采购量翻了一番。",
    ],
)
def test_common_words_are_no_mentions(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize("text", ["手机厂商提供芯片", "汽车厂商自研芯片", "多家企业布局机器人"])
def test_a_verb_before_an_industry_word_is_no_brand(text: str) -> None:
    assert spans(text) == []


# ---------------------------------------------------------------------------------------------
# Invariants


def test_mentions_are_in_text_order_and_never_overlap() -> None:
    raw = (
        "据《华尔街日报》报道，Meta首席执行官马克?扎克伯格宣布，公司将向Scale AI投资143亿美元，"
        "Scale AI创始人亚历山大·王(Alexandr Wang)将领导新成立的“超级智能团队”，GenAI团队负责人表示欢迎。"
    )
    found = mentions(raw)
    assert len(found) >= 8
    for before, after in pairwise(found):
        assert before.end <= after.start
    assert all(
        m.type in (PER, ORG, PRD) and m.doc_id == "news.txt" and m.extractor.startswith("mentions.")
        for m in found
    )
    assert all(len(m.name) == len(m.text) for m in found)


def test_mentions_are_found_only_inside_the_analysed_regions() -> None:
    raw = "Meta宣布投资Scale AI。\n来源：https://example.com/OpenAI?ref=Meta"
    doc = Document(
        id="a.txt",
        source="a.txt",
        raw=raw,
        sha256="0" * 64,
        published=None,
        regions=(Region(0, raw.index("\n")),),
    )
    assert [m.text for m in find_mentions(doc)] == ["Meta", "Scale AI"]


def test_a_url_is_never_a_name() -> None:
    raw = "详见https://www.example.com/Scale-AI/Meta页面"
    assert [m for m in mentions(raw) if "example" in raw[m.start - 20 : m.end]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English headline in a footnote link: every word is capitalized, only names count
        ("[Oracle Agrees to Pay Billion for Lumora](https://example.com/a)。", [(1, 7, "Organization")]),
        ("[Alexandr Wang Interview](https://example.com/b)。", [(1, 14, "Person")]),
        # 东部 ends in 部 but is a part of a place, not a ministry
        ("美国东部时间9月17日，美国商务部宣布。", [(12, 17, "Organization")]),
    ],
)
def test_headlines_and_directions_name_nothing_more(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert [(m.start, m.end, m.type) for m in find_mentions(document(text))] == expected


# ---------------------------------------------------------------------------------------------
# Names by their shape, confirmed by context (mentions.person_shape.v1, mentions.translit_plain.v1)


def persons(raw: str) -> list[str]:
    return [m.text for m in mentions(raw) if m.type == PER]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("宣明典居总经理傅军民介绍，公司今年将扩产。", ["傅军民"]),  # a title before, a verb after
        ("负责人李骁已于6月离职。", ["李骁"]),  # not 李骁已: the adverb begins the predicate
        ("本报讯（记者马力）市土地整理储备中心发布公告。", ["马力"]),  # a word (horsepower), but after 记者
        ("吴待秋、冯超然已然归入二三流了。", ["吴待秋", "冯超然"]),  # a list of people
        ("首席科学家韩知远毕业于斯坦福大学。", ["韩知远"]),  # the segmenter cuts it 韩知|远
        ("微软首席执行官纳德拉表示，公司将加大投入。", ["纳德拉"]),  # a transliteration without a dot
        ("英特尔前CEO基辛格离职后加入了一家初创公司。", ["基辛格"]),  # a dictionary word, but after a title
        ("姜山：南美区的比赛阿根廷和巴西都在争夺出线权。", ["姜山"]),  # a speaker's label in a transcript
        ("片中张丽扮演的交际花令人难忘。", ["张丽"]),  # a person's verb after a word boundary
        ("主力前锋琼斯将在10月份复出。", ["琼斯"]),  # two transliteration characters after a title
        ("他对琼斯很满意。", []),  # without one, two are not enough
        ("界面新闻记者 | 周岚 9月23日，公司发布新品。", ["周岚"]),  # a byline: title, bar, name
        ("该研究院的负责人苏蔓去年从微软离职。", ["苏蔓"]),  # a time word opens the predicate
        ("他2016年博士毕业后加入阿里巴巴。", []),  # 毕业后 after 博士 is no name
        ("公司于2020年在特拉维夫创立。", []),  # a transliteration after 在 is a place
        ("深圳钟表行业协会会长李东升告诉记者，行业回暖。", ["李东升"]),  # heads of bodies are titles
        ("文/于建春", ["于建春"]),  # the label of a byline
        ("24岁的女孩陈晶是个在读的大专生。", ["陈晶"]),  # people described before their name
        ("最高人民法院副院长刘家琛强调，打击盗版。", ["刘家琛"]),  # 家 begins given names too
        ("他在张家口表示欢迎。", []),  # but 张家口 is a place
        ("俄罗斯国防部长罗季奥诺夫等出席。", ["罗季奥诺夫"]),  # 季 transliterates (Родионов)
        ("高老板告诉记者，价格涨了。", []),  # a surname and a form of address
        ("我再向大家介绍一下嘉宾。", []),  # 向 is a surname, and a preposition before a pronoun
        ("国际米兰上轮负于赫尔城。", []),  # a tagged name of unusual characters, and no cue: a club
        ("切尔西前锋德罗巴打入一球。", ["德罗巴"]),  # the dictionary's rare place reading yields to 前锋
        ("本场比赛，中场核心莫德里奇伤愈复出。", ["莫德里奇"]),  # what players do: a club is not hurt
        ("首先有请副县长于永斌致辞。", ["于永斌"]),  # what people do in public
        ("大奖是一位名叫钟富贵的人领走的。", ["钟富贵"]),  # a verb that gives a name
        ("24岁的陈晶是个在读的大专生。", ["陈晶"]),  # an age
        ("07级硕士生王欢（化名）告诉我们。", ["王欢"]),  # a note only a person's name takes
        ("盖蒂基金成立之际，莫柔还担任过基金会会长。", ["莫柔"]),  # an adverb, then a person's verb
        ("央视著名主持人李咏因病去世。", ["李咏"]),  # after a title, 因 cannot go on as a given name
        ("德国队主教练勒夫公布了大名单。", ["勒夫"]),  # two transliteration characters after a title
        ("罗斯达尔在声明中称，公司将继续运营。", ["罗斯达尔"]),  # where a person said it
        ("中国人民决心高举邓小平理论伟大旗帜。", ["邓小平"]),  # a doctrine named after a person
        ("凯恩斯主义经济学再度流行。", ["凯恩斯"]),
        ("坚持科学理论指导实践。", []),  # 科学 is a word, not a name
        ("吴仪（女）、王群（蒙古族）出席。", ["吴仪", "王群"]),  # notes only people's names take
        ("（新华社记者郜南摄）", ["郜南"]),  # a photographer's byline: 摄 is no part of the name
        ("俄罗斯总统梅德韦杰夫当天会见了军人。", ["梅德韦杰夫"]),  # not 梅德|韦杰夫, two native names
        ("俄国防部长谢尔久科夫此前曾宣布改革。", ["谢尔久科夫"]),  # 久 transliterates (Сердюков)
        ("被告向章凌女士出具了存单。", ["章凌"]),  # 向 is a preposition here, not the surname
        ("犯罪嫌疑人周清来，男，35岁，湖南人。", ["周清来"]),  # sex and age after a name
        ("本轮由高瓴领投，美团龙珠、联想创投跟投。", []),  # a fund glued to its known owner
        ("EA今日确认，威尔莱特（Will Wright）的新作推迟。", ["威尔莱特", "Will Wright"]),  # the original
    ],
)
def test_names_by_shape_and_context(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one item confirmed by a title spreads to the others of the list, to the end of the clause
        ("通讯员李慧燕、杨光、冯建国、周源", ["李慧燕", "杨光", "冯建国", "周源"]),
        # the first item of a list that opens the sentence
        ("胡亚美、王忠诚、李学勤出席了会议。", ["胡亚美", "王忠诚", "李学勤"]),
        # 等4人 counts people; the item before 和 begins where the words before it end (等到|曹鹏飞)
        ("当天晚上，等到曹鹏飞和蔡朝阳等4人回到益阳。", ["曹鹏飞", "蔡朝阳"]),
        # places and words next to a name in a list are not people
        ("董事长张伟和北京、上海的代表出席。", ["张伟"]),
        # a list with a place in it is a list of places or clubs, not of people
        ("巴黎、桑坦德和斯图加特都在主场迎战对手。", []),
    ],
)
def test_names_listed_with_a_person(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a roll of names without separators, as news prints a committee
        ("委员：李鹏乔石李瑞环彭真（女）", ["李鹏", "乔石", "李瑞环", "彭真"]),
        ("王丙乾王汉斌王光英王维山（蒙古族）", ["王丙乾", "王汉斌", "王光英", "王维山"]),
        # running prose does not cut into names from end to end
        ("高度重视安全生产工作，全面落实各项措施。", []),
        ("金融机构要严格执行国家宏观调控政策。", []),
    ],
)
def test_rolls_of_names(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "他在白领中很受欢迎。",  # an everyday word that begins with a surname
        "记者了解到，作为原告的彩民张女士已撤回了诉讼。",  # a surname with a form of address
        "奖励仪式在秦皇岛金海湾森林公园举行。",  # a place
        "这位彩民应该是个喜欢博冷的人。",  # a measure word after a demonstrative
        "王总表示，公司将加大投入。",
    ],
)
def test_shapes_that_are_no_names(text: str) -> None:
    assert persons(text) == []


def organizations(raw: str) -> list[str]:
    return [m.text for m in mentions(raw) if m.type == ORG]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("交通银行和东亚银行公布了新的利率。", ["交通银行", "东亚银行"]),  # the dictionary's names
        ("收到中国光大银行沈阳分行寄来的信用卡。", ["中国光大银行沈阳分行"]),  # a branch of a bank
        ("大会将完成致公党中央领导集体的新老交替。", ["致公党中央"]),  # an organ of a party
        ("中国共产党第十五次全国代表大会在北京召开。", ["中国共产党第十五次全国代表大会"]),
        ("双方决定联合开发新产品。", []),  # listed as a name, read as a verb
        ("作品被国家图书馆和美术馆收藏。", []),  # buildings the dictionary lists among organizations
        ("他毕业于清华大学电子工程系。", ["清华大学"]),  # a department is not the university's name
    ],
)
def test_dictionary_organizations_and_their_parts(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中国信托业协会发布了报告。", ["中国信托业协会"]),  # a place names an association
        ("河南天荣置业有限公司建设经济适用房。", ["河南天荣置业有限公司"]),  # place, brand, trade, legal form
        ("澳际教育咨询公司表示，留学人数增长。", ["澳际教育咨询公司"]),
        ("一家以色列公司宣布了收购。", []),  # a place alone does not name a company
        ("这家初创公司完成了融资。", []),  # a kind of company
        ("林嘉文现任公司董事长。", []),  # a person's name is no brand before 现任
    ],
)
def test_organizations_before_a_head_noun(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "persons_", "organizations_"),
    [
        ("切沃队vs锡耶纳队两队在西甲联赛中交手。", [], ["切沃队", "锡耶纳队", "西甲联赛"]),  # a match
        ("球队在欧冠中4比0大胜波尔图。", [], ["欧冠", "波尔图"]),
        ("随着纳斯里和宋的复出，球队实力大增。", ["纳斯里"], []),  # a foreign name in a list
        ("中国一贯重视发展同加拿大的友好关系。", [], []),  # a country, not a person
        ("委员会主席费希尔致辞。", ["费希尔"], []),  # 主席|费希尔, not 主|席费希尔
    ],
)
def test_transliterations_players_and_clubs(
    text: str, persons_: list[str], organizations_: list[str]
) -> None:
    assert (persons(text), organizations(text)) == (persons_, organizations_)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美军和俄罗斯海军举行联合演习。", ["美军", "俄罗斯海军"]),
        ("印度空军采购了新型战机。", ["印度空军"]),
        ("他穿着一件海军蓝的外套。", []),  # a colour
        ("中美军事交流继续推进。", []),  # 美军 inside 中美军事
        ("重庆银行公布了年报。", ["重庆银行"]),  # a city names a bank
    ],
)
def test_armed_forces(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


def test_a_latin_title_in_brackets_is_an_outlet_only_when_it_reports() -> None:
    assert "Diablo" not in organizations("他是游戏《Diablo》的设计者。")  # the title of a work
    assert organizations("据《Wired》报道，公司正在裁员。") == ["Wired"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据晚点报道，前百度高管景鲲已离职。", ["晚点", "百度"]),  # whatever stands between 据 and 报道
        ("据36氪报道，该公司完成融资。", ["36氪"]),
        ("据外媒报道，苹果将发布新品。", ["苹果"]),  # a kind of source is no outlet
        ("据彭博社等多家媒体报道，交易已完成。", ["彭博社"]),
    ],
)
def test_outlets_a_report_is_attributed_to(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


def test_a_verb_after_a_name_is_not_its_last_character() -> None:
    assert persons("商汤科技联合创始人徐冰说，公司将加大投入。") == ["徐冰"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("杭州云深处科技有限公司董事长朱秋国介绍，", ["杭州云深处科技有限公司"]),  # a registered name
        ("星海图智能创始人赵行表示，公司已完成融资。", ["星海图智能"]),  # a three-character brand
        ("本轮由海图智能领投。", ["海图智能"]),  # 由 is no part of a brand
    ],
)
def test_company_names_of_business_news(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("科创板上市公司恒拓科技公告称，已完成收购。", ["恒拓科技"]),  # a brand the dictionary lacks
        ("AI视频公司映画科技发布公告称，创始人已离职。", ["映画科技"]),
        ("本轮由高瓴创投领投。", ["高瓴创投"]),  # 由高瓴 is one word to the segmenter, 由|高瓴 to a reader
        ("集团宣布原淘天集团技术负责人卸任。", ["淘天集团"]),  # 原 says "former", it names nothing
        ("北京市人工智能产业投资基金跟投。", ["北京市人工智能产业投资基金"]),  # a city's fund
        ("中东主权基金也在寻找机会。", []),  # a kind of fund from a region
        ("他毕业于复旦大学微电子系。", ["复旦大学"]),  # a field of study, not a company
    ],
)
def test_company_names_found_by_their_context(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他此前任腾讯音乐副总裁。", ["腾讯音乐"]),  # a known company's arm is an organization of its own
        ("李骁已离职，加盟小米汽车。", ["小米汽车"]),
        ("红杉中国投资了这家公司。", ["红杉中国"]),  # 投资 is what the investor does
        ("华为芯片供不应求。", ["华为"]),  # a product of the company, not an arm of it
    ],
)
def test_a_known_company_and_a_business_word_name_its_arm(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，医渡智联创始人兼CEO曹一凡正在开会。", ["医渡智联"]),  # an unlisted brand, then its founder
        ("公司收购了智能客服企业云语互动51%的股权。", ["云语互动"]),  # a category noun, then the name
        ("射频芯片企业锐频微被收购。", ["锐频微"]),
        ("他加盟了机器人公司北极光机器人。", ["北极光机器人"]),  # a dictionary word as brand, with its trade
        ("智能驾驶公司毫末智行创始人张凯表示。", ["毫末智行"]),  # a category noun and a founder around it
        ("该公司创始人表示，融资已完成。", []),
    ],
)
def test_unknown_company_names_confirmed_by_a_category_noun_or_a_founder(
    text: str, expected: list[str]
) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    "text", ["还有做公司保安队长的。", "房地产经纪公司副总裁发言。", "多家企业自主研发芯片。"]
)
def test_everyday_words_after_a_category_noun_are_no_company(text: str) -> None:
    assert [m.text for m in mentions(text) if m.extractor == "mentions.cued_company.v1"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月又开源了具身大模型DomeVLA。", [(11, 18, PRD)]),  # a product word before the name
        ("并同步开源了轻量版Tide-2 Mini。", [(9, 20, PRD)]),  # a versioned name and its tier
    ],
)
def test_latin_products_named_after_their_product_word(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报记者对工、农、中、建、交5家国有银行进行了调查。", ["工", "农", "中", "建", "交"]),
        ("工、中、建、交等银行均未公布细则。", ["工", "中", "建", "交"]),  # initials, not 交等银行
        ("北京农商行可申请优惠。", ["北京农商行"]),  # a local bank after its place
        ("各地政府设立省联社管理信用社。", ["省联社"]),  # the province's union
        ("工行、农行四大行均已表态。", ["工行", "农行", "四大行"]),  # 农行|四大行, no organ 四大
        ("工、农业生产稳步增长。", []),  # no list of banks
    ],
)
def test_banks_by_initials_and_by_place(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("陆慧明推荐：莱切防平，维冈客胜。", ["莱切", "维冈"]),  # betting tips name the sides
        ("球队在欧冠中4比0大胜波尔图。", ["欧冠", "波尔图"]),
    ],
)
def test_clubs_in_betting_tips(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("赛力斯和云帆科技分别出资。", ["赛力斯", "云帆科技"]),  # a list names things of one kind
        ("云帆科技与华为分别出资。", ["云帆科技", "华为"]),
        ("对于此前有消息称美团将参与融资。", ["美团"]),  # 称|美团: a known name after a speech verb
    ],
)
def test_a_company_listed_with_a_known_organization(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("只应由携程国旅公司赔偿损失。", ["携程国旅公司"]),  # a company of a known group
        ("电影交由索尼动画制作公司拍摄。", ["索尼动画制作公司"]),
        ("阿里巴巴收购公司的消息传出。", ["阿里巴巴"]),  # what the company does to a company
        ("记者从深圳市福利彩票发行中心了解到。", ["深圳市福利彩票发行中心"]),  # 发行|中心, one head
    ],
)
def test_companies_of_a_known_group_and_split_heads(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深入学习贯彻十五大精神。", ["十五大"]),  # the Party's congress by its ordinal
        ("党的十一大以后，工作重心转移。", ["十一大"]),  # 十一 needs the Party before it
        ("十一大促销活动开始了。", []),
        ("全国二十五大城市的房价上涨。", []),  # a figure, not an ordinal
    ],
)
def test_party_congresses_by_their_ordinal(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他曾参与AlphaCode的开发。", [(4, 13, PRD)]),  # what one develops is a product
        ("核心产品是一款名为Tern的自主编程智能体。", [(9, 13, PRD)]),
    ],
)
def test_latin_products_named_by_what_is_done_with_them(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发来唁电的组织有：苏丹—中国友好协会。", ["苏丹—中国友好协会"]),  # a society of two countries
    ],
)
def test_a_friendship_society_of_two_countries(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected
