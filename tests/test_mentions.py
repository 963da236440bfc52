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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # characters left out of the transliteration list are part of a name once a dot joins them
        ("不过相信索尼为了帮亚当·桑德勒死守", ["亚当·桑德勒"]),
        ("迭戈·米利托重归之后，完全是另一支球队。", ["迭戈·米利托"]),
        ("刘易斯·卡洛尔的《爱丽丝梦游仙境》", ["刘易斯·卡洛尔"]),
        # the title before the name is a person noun (秘书), not part of the name
        ("五角大楼新闻秘书杰夫·莫雷尔说。", ["杰夫·莫雷尔"]),
        # the name gives back the start of an everyday word that runs past it (潘|依旧)
        ("演员出身容易换来后门，西恩·潘依旧名落孙山。", ["西恩·潘"]),
        ("约翰·史密斯方面表示不予置评。", ["约翰·史密斯"]),
        # a name cut by the end of the line after its dot
        ("里面收藏了保罗·", ["保罗·"]),
        ("历届首席执行官为哈罗德•", ["哈罗德•"]),
    ],
)
def test_dotted_names_at_their_edges(text: str, expected: list[str]) -> None:
    assert [m.text for m in mentions(text) if m.type == PER] == expected


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
        # a two-character name the segmenter makes up, where a clause begins or its predicate does
        ("2019年，韩梅在老家开了一家小店。", ["韩梅"]),
        ("事后，冯涛也没有再提起这件事。", ["冯涛"]),
        ("那天下午，郑浩带着孩子去了公园。", ["郑浩"]),  # not 郑浩带: 带着 is the verb
        ("警方调查后，唐颖被带走。", ["唐颖"]),
        ("这个问题最后交给了周浩。", ["周浩"]),  # where the clause ends in prose
        ("据知情人士透露，张明渝的举报已非首次。", ["张明渝"]),  # the segmenter cuts it 张明|渝
        ("后卫奥耶、中场格雷拉和邓恩均因伤缺席。", ["奥耶", "格雷拉", "邓恩"]),  # 均 begins the predicate
        ("书架上摆着《邓小平文选》。", ["邓小平"]),  # a person's writings
        ("（新华社记者兰明远摄）", ["兰明远"]),  # 兰 is a surname
        ("大会委托郑志秘书长负责筹备。", ["郑志"]),  # a job title after the name
        ("看着陈立新大夫周围的妇女们，他笑了。", ["陈立新"]),
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
        ("美国前国务卿基辛格、前防长佩里等出席了晚宴。", ["基辛格", "佩里"]),  # a title, then a list
        ("鲍林先生，威尔逊州长和夫人出席了宴会。", ["鲍林", "威尔逊"]),  # 州长 is an office, not a state
        ("墨西哥人民在塞迪略总统的领导下渡过了危机。", ["塞迪略"]),  # 在 before a person's office
        ("他的油画与夏卡尔的《花束》一同展出。", ["夏卡尔"]),  # the maker of a work
        ("专场推出了孙文博的新作。", ["孙文博"]),
        ("本报记者商志刚实习生杜明远报道", ["商志刚", "杜明远"]),  # a byline goes on
        # a foreign name's original in brackets, lower-cased and run together as some feeds write it
        ("拍卖公司表示，鲍伯狄伦（bobdylan）的手稿将上拍。", ["鲍伯狄伦", "bobdylan"]),
        ("主裁判阿特金森（martinatkinson）判罚点球。", ["阿特金森", "martinatkinson"]),  # the original, too
        ("球队核心皮萨罗伤愈复出。", ["皮萨罗"]),  # 核心: a team's key player
        ("孟立新足彩推荐：主队稳胜", ["孟立新"]),  # a columnist's name heads the column
        ("被告向章凌女士出具了存单。", ["章凌"]),  # 向 is a preposition here, not the surname
        ("犯罪嫌疑人周清来，男，35岁，湖南人。", ["周清来"]),  # sex and age after a name
        ("本轮由高瓴领投，美团龙珠、联想创投跟投。", []),  # a fund glued to its known owner
        ("EA今日确认，威尔莱特（Will Wright）的新作推迟。", ["威尔莱特", "Will Wright"]),  # the original
        # a guessed company type gives way to the gloss of a person's name
        ("首席技术官小林正树（Masaki Kobayashi）此前在东芝工作。", ["小林正树", "Masaki Kobayashi"]),
        # a conjunction opening the clause, then a two-character name and a speech verb
        ("销量回落了。但宋岩表示，下半年会好转。", ["宋岩"]),
        ("房价仍在上涨，而钱坤认为这只是暂时的。", ["钱坤"]),
        ("产能不足。同时高明显然不愿扩产。", []),  # no person's verb after it
        ("在钱坤等领导的陪同下，代表团参观了工厂。", ["钱坤"]),  # people listed, closed by 等领导
        ("副市长邵军等专家出席了论证会。", ["邵军"]),  # not 邵军等: 等 is never a given name
        ("展会上有手机、芯片等产品。", []),
    ],
)
def test_names_by_shape_and_context(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新任首席财务官上官慧敏在发布会上回答了提问。", ["上官慧敏"]),  # 复姓 + two given-name characters
        ("该基金由诸葛明远于2019年发起设立。", ["诸葛明远"]),  # after a preposition, before a date
        ("皇甫峥出任集团副总裁。", ["皇甫峥"]),  # one character: 出任 begins what the text says next
        ("据悉，公孙宁已加盟这家机器人公司。", ["公孙宁"]),  # an adverb opens the predicate
        ("夏侯岚与另一位合伙人共同出资。", ["夏侯岚"]),  # 与 cannot go on as a given name
        ("申屠恺毕业于复旦大学。", ["申屠恺", "复旦大学"]),  # a character seldom seen outside names
        ("欧阳靖正式加盟公司。", ["欧阳靖"]),  # 正式 is a word: 正 is no given name here
        ("陈薇（Vivian Chen）被任命为首席财务官。", ["陈薇", "Vivian Chen"]),  # a Latin given name
        ("经销商欧阳先生介绍，销量回升。", []),  # the surname alone with a form of address
        ("公司马上启动了新一轮招聘。", []),  # 公司|马上: 司马 across two words
        ("请登录该公司上官方网站查询。", []),  # 上|官方: the text reads on as words
        ("东方航空与西门子签署协议。", ["东方航空", "西门子"]),  # surnames that are words need a cue...
        ("东方甄选创始人东方明远表示，将扩大自营。", ["东方明远"]),  # ...which a title and a verb give
        ("常务副市长孙海涛主持会议。", ["孙海涛"]),  # 市长|孙: the first character ends a title
    ],
)
def test_names_with_a_compound_surname(text: str, expected: list[str]) -> None:
    assert [m.text for m in mentions(text) if m.type in (PER, "Organization")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公司推出了基于自研大模型的智能运维助手“川流Copilot”。", ["川流Copilot"]),  # a kind, then the name
        ("其核心产品“栈川观测云”以SaaS形式交付。", ["栈川观测云"]),
        ("平台“闲鱼”上线了新功能。", ["闲鱼"]),
        ("“灵犀”大模型今天开源。", ["灵犀"]),  # the name, then the kind
        ("“天枢三号”中型液体运载火箭完成首飞。", ["天枢三号"]),  # the kind after a description
        ("公司推出了作物监测系统“禾苗”。", ["禾苗"]),  # right after its kind, a noun is a code name
        ("公司推出新版App“云帆e行”。", ["云帆e行"]),  # letters in it: a name, whatever its words
        ("他主导了推荐算法“观澜”的研发。", ["观澜"]),
        ("这一计划“落地生根”。", []),
        ("这款产品“不好用”。", []),  # words cited, not a name
        ("用户评价这款手机“性价比高”。", []),  # what a thing already named is said to be
        ("该系统“稳定可靠”。", []),
    ],
)
def test_quoted_product_names(text: str, expected: list[str]) -> None:
    assert [m.text for m in mentions(text) if m.type == "Product"] == expected


def test_a_compound_surname_leaves_a_dotted_name_to_the_dotted_rules() -> None:
    assert "司马义" not in [m.text for m in mentions("陈俊生、司马义·艾买提出席会议。")]


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
        # a name no shape describes, or a title, in the roll is stepped over, not a reason to drop the roll
        ("主席团成员：周建华李明远扎西次仁吴国栋孙立群", ["周建华", "李明远", "吴国栋", "孙立群"]),
        ("常务委员：郑永刚许文华秘书长高明辉冯立新", ["郑永刚", "许文华", "高明辉", "冯立新"]),
        # running prose does not cut into names from end to end
        ("高度重视安全生产工作，全面落实各项措施。", []),
        ("金融机构要严格执行国家宏观调控政策。", []),
    ],
)
def test_rolls_of_names(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("陪同江主席访问的有国务委员吴仪。", ["江", "吴仪"]),  # a leader named by the surname and the office
        ("温总理在会上指出，要稳定就业。", ["温"]),
        ("李总理会见了代表团。", ["李"]),
        ("党主席和国家主席出席了会议。", []),  # a party's chairman: 党 is a surname, but not here
        ("委员会主席团成员在主席台就座。", []),
    ],
)
def test_leaders_named_by_surname_and_office(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Japanese family name and its given name, with a title before or a person's verb after it
        ("铃木一朗表示，他将继续留在球队。", ["铃木一朗"]),
        ("社长佐藤健一郎说，公司将扩大在华投资。", ["佐藤健一郎"]),
        ("日本首相安倍晋三出席了会议。", ["安倍晋三"]),
        # the same family names as Chinese words, with no such context
        ("在山下发现了一处遗址。", []),
        ("小林里有很多鸟。", []),
    ],
)
def test_japanese_names(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "他在白领中很受欢迎。",  # an everyday word that begins with a surname
        "记者了解到，作为原告的彩民张女士已撤回了诉讼。",  # a surname with a form of address
        "奖励仪式在秦皇岛金海湾森林公园举行。",  # a place
        "这位彩民应该是个喜欢博冷的人。",  # a measure word after a demonstrative
        "王总表示，公司将加大投入。",
        "他最爱读《金瓶梅》和《轩辕剑外传》。",  # works' titles the dictionary tags names
        "腾讯财经分析：市场回暖",  # a column headed by an outlet
        "游客可以参观夏威夷环礁水族馆、夏威夷海洋剧院。",  # places of the world the dictionary tags names
        "球队冬训去了马尔代夫、迪拜。",
        "数据主权之争与内部张力\n",  # the end of a heading is no cue for a name the segmenter made up
        "公司已与蓝峰储能科技有限公司签约，“蓝峰储能”随后发布公告。",  # a company's name begins with it
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
        ("据悉，禾集便利成立于2019年，总部位于杭州。", ["禾集便利"]),  # only an organization is founded
        ("该公司成立于2019年。", []),
        ("张伟说，星澜互动是国内一家游戏公司。", ["星澜互动"]),  # introduced as a company
        ("王小明是一家公司的CEO。", []),  # a person is no company, whatever follows
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


# ---------------------------------------------------------------------------------------------
# Organizations of business news without an organization word: owned, bought, units, phases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("腾讯旗下的星河智驾也在竞标。", ["腾讯", "星河智驾"]),  # owned: 旗下(的) before the name
        ("去年，公司收购了杭州云杉储能。", ["杭州云杉储能"]),  # bought: the place is part of what was bought
        ("宁德时代入股启珩数智，持股20%。", ["宁德时代", "启珩数智"]),
        ("比亚迪的高阶智驾系统已量产。", ["比亚迪"]),  # 高阶 is how good, no brand
        ("星河设立全资子公司星河智能科技有限公司。", ["星河智能科技有限公司"]),  # 子公司 is no part of it
        ("将旗下子公司杭州云川储能科技有限公司出售", ["杭州云川储能科技有限公司"]),
        ("公司拟出售旗下储能子公司。", []),  # what it is to its owner, no name
    ],
)
def test_companies_named_as_owned_or_bought(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "阿里巴巴自动驾驶实验室负责人离职。",
            ["阿里巴巴", "自动驾驶实验室"],
        ),  # a field (noun + verb) names a lab; the company is named too
        ("京东零售事业群宣布调整架构。", ["京东", "零售事业群"]),
        ("该工厂并入比亚迪海外业务板块。", ["比亚迪", "海外业务板块"]),
        ("腾讯现有团队不变。", ["腾讯"]),  # 现有 qualifies the team, it names none
        ("谷歌计划组建团队。", ["谷歌"]),  # a clause that ends in 团队
        ("小米研究院发布报告。", ["小米研究院"]),  # a research arm needs no name of its own
        ("回国前他任强生中国研发中心主任。", ["强生", "中国研发中心"]),  # a centre that does research
        ("百度数据中心落地山西。", ["百度"]),  # a site, not a unit
    ],
)
def test_units_named_inside_a_known_company(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他曾任英伟达汽车业务负责人。", ["英伟达"]),  # the company's automotive business, no company
        ("王磊现任董事长兼CEO。", []),  # a tenure before a title names no company
        ("招标由国家集成电路产业投资基金三期领投。", ["国家集成电路产业投资基金三期"]),  # a fund's phase
        ("基金二期间的收益", []),
        ("华润置地拿下一块地。", ["华润置地"]),
        ("北京东方华太公司成立。", ["北京东方华太公司"]),  # 京东方 is no name across 北京东方|华太
        ("10月末，上海银行业贷款增长。", []),  # the banking trade of a city
    ],
)
def test_organization_boundaries(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据悉，云舟互动（Cloudboat Interactive）已递交招股书。", ["云舟互动", "Cloudboat Interactive"]),
        ("本轮由澜沧投资（Lancang Ventures）领投。", ["澜沧投资", "Lancang Ventures"]),
        # any English word a company's name ends with; the article then calls it by its brand alone
        (
            "苏州创新药企启元生物（Qiyuan Biosciences）宣布，启元已完成新一轮融资。",
            ["启元生物", "Qiyuan Biosciences", "启元"],  # not 企启元生物: the 企 is 药企's
        ),
        ("上海药企鹿鸣生物（Luming Biosciences）宣布。", ["鹿鸣生物", "Luming Biosciences"]),
        # the segmenter glues the last character of the kind to the brand: 药|企和拓, 研发|商曜石
        ("港股创新药企和拓生物（HeTop Biotherapeutics）公告称。", ["和拓生物", "HeTop Biotherapeutics"]),
        ("固态电池研发商曜石能源（Obsidian Energy）完成融资。", ["曜石能源", "Obsidian Energy"]),
        ("游戏公司弦月互娱否认了传闻。", ["弦月互娱"]),  # 互娱, tagged a verb, ends game companies' names
        ("材料企业锐川材料（Ruichuan Materials）获得订单。", ["锐川材料", "Ruichuan Materials"]),
        ("首席执行官马丁·科尔（Martin Cole）表示。", []),  # a person's gloss says nothing of a company
        ("英国芯片设计公司Tessera被收购。", ["Tessera"]),  # a category noun types a one-word Latin name
        ("公司将专注于toB业务。", []),
    ],
)
def test_companies_glossed_in_latin(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a registered name, whatever words its 字号 is made of, and the short forms the article uses
        (
            "上海青禾未来智能有限公司（以下简称“青禾未来”）成立于2022年。青禾未来已获两轮融资。",
            ["上海青禾未来智能有限公司", "青禾未来", "青禾未来"],
        ),
        (
            "公司收购了成都远帆信息技术有限公司。远帆将并入集团。",
            ["成都远帆信息技术有限公司", "远帆"],
        ),
    ],
)
def test_registered_names_and_their_short_forms(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("机器人初创企业灵巧未来完成数亿元融资。", ["灵巧未来"]),  # a category noun before, a deed after
        ("极简视界CEO黄立表示，新品将于明年推出。", ["极简视界"]),  # a rare brand before its chief's title
        ("推理模型初创公司澄远智能正式发布了新模型。", ["澄远智能"]),  # 正式 begins the predicate
    ],
)
def test_company_names_between_a_category_noun_and_a_deed(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("宏远集团董事长表示不会降价。", ["宏远集团"]),  # a rare word before 集团 is the group's brand
        ("辉煌集团的未来", []),  # an everyday word is none
        ("该集团表示，旅游集团不在此列。", []),
    ],
)
def test_a_group_named_by_a_rare_word(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "他曾就职于美国高通公司和德国博世集团。",
            ["高通公司", "博世集团"],
        ),  # where it is from, not its name
        ("杭州云深处科技有限公司成立于2017年。", ["杭州云深处科技有限公司"]),  # a registered name keeps it
        ("机器人公司星枢动力近日完成融资。", ["星枢动力"]),  # a time word ends the name
    ],
)
def test_a_place_or_a_time_word_beside_a_company_name(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


def test_a_latin_name_right_after_a_known_company_is_its_product() -> None:
    found = [(m.text, m.type) for m in mentions("车企普遍采用英伟达Drive Atlas平台。")]
    assert found == [("英伟达", ORG), ("Drive Atlas", PRD)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation in brackets is made of the full name's characters, in order
        (
            "中国汽车技术研究中心（中国汽研）发布报告。中国汽研表示。",
            ["中国汽车技术研究中心", "中国汽研", "中国汽研"],
        ),
        (
            "寒武纪科技股份有限公司（以下简称“公司”）发布公告。",
            ["寒武纪科技股份有限公司"],
        ),  # 公司 names no one
        ("本轮还有苏州禾川控股和腾讯参与。", ["禾川控股", "腾讯"]),  # 控股 ends a holding's name in a list
        ("腾讯控股了这家公司。", ["腾讯控股"]),
        ("华为2012实验室中央研究院首席科学家表示。", ["华为", "2012实验室", "中央研究院"]),
    ],
)
def test_abbreviations_and_holdings(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("她毕业于俄亥俄州立大学。", ["俄亥俄州立大学"]),  # the segmenter cuts 州|立|大学 apart
        ("腾讯由混元团队负责研发，阿里则交给通义实验室。", ["腾讯", "混元团队", "阿里", "通义实验室"]),
    ],
)
def test_universities_by_charter_and_teams_by_their_product(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "公司发布了面向金融业的行业大模型“青岚-2”。",
            [(17, 21, PRD)],
        ),  # a product word, then the quoted name
        ("公司推出编程智能体应用“码力”，面向程序员。", [(12, 14, PRD)]),
        ("平台“让机器人走进家庭”是公司的愿景。", []),  # a slogan is no name
        ("极曜汽车“换脑”：终止与百度的合作", [(12, 14, ORG)]),  # 汽车 ends a company's name: no product
    ],
)
def test_products_named_in_quotes_after_a_product_word(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美团外卖和饿了么的竞争进入新阶段。", ["美团外卖", "饿了么"]),  # a known company's business, its own
        ("临港集团旗下的临港科投参与了投资。", ["临港集团", "临港科投"]),  # a state investor's platform
    ],
)
def test_business_arms_and_investment_platforms(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公司通过旗下投资平台鼎岳投资向对方注资。", ["鼎岳投资"]),  # an owner's platform
        ("本轮由星澜投资有限公司领投。", ["星澜投资有限公司"]),  # 由 glued to the name is no part of it
        ("红杉投资了这家公司。", ["红杉"]),  # 投资 is what the investor does
    ],
)
def test_investment_platforms_named_by_their_owner(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


def test_a_company_introduced_by_name() -> None:
    assert organizations("这家总部位于杭州的企业名为星澜数据，由前工程师创办。") == ["星澜数据"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "公司由周启明与陈涛共同创立，陈涛任总裁。",
            ["周启明", "陈涛", "陈涛"],
        ),  # 任 + a title ends the name
        ("创始人兼CEO罗家豪本科毕业于浙江大学。", ["罗家豪"]),  # 本科毕业于 follows a person
        ("公司首席科学官王立新已于5月卸任。", ["王立新"]),  # every 首席X官 is a title
        ("魅川科技宣布，许楠被公司董事会任命为CEO。", ["许楠"]),  # appointed by the board
    ],
)
def test_people_framed_by_posts_and_careers(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据知衡科技透露，知衡科技已完成融资。", ["知衡科技", "知衡科技"]),  # 据 begins no name
        ("而彭博社的报道则称，交易已完成。", ["彭博社"]),
        ("据路透社今年9月报道，交易已完成。", ["路透社"]),  # the outlet, then when it reported
        ("这是该基金今年入股的第四家科创板芯片设计公司。", []),  # where it is listed: a kind of company
        ("深交所创业板上市公司恒川储能今日公告。", ["深交所", "恒川储能"]),
        ("成立合资公司“京盒即时零售科技有限公司”。", ["京盒即时零售科技有限公司"]),  # quoted: all name
        # a verb inside the registered 字号 is part of it, one before it is the clause's
        ("杭州星图充电技术有限公司成立于2019年。", ["杭州星图充电技术有限公司"]),
        ("深圳云帆出行科技有限公司宣布完成融资。", ["深圳云帆出行科技有限公司"]),
        ("宁德时代收购杭州星图科技有限公司。", ["宁德时代", "杭州星图科技有限公司"]),
        ("公司宣布，原星图航天副总裁张立新加盟公司并出任总裁。", []),  # a hire, no 加盟公司
        ("中金公司医药分析师谭泓认为，行业回暖。", ["中金公司"]),  # the analyst's field is no part of it
        ("云栈科技副总裁兼CFO濮阳楠表示满意。", ["云栈科技"]),  # 副 begins the title
        ("同样从大厂分拆的鲸歌游戏获得了融资。", ["鲸歌游戏"]),  # a brand and 游戏
        ("这是一款单机游戏，由一家初创游戏公司开发。", []),  # kinds of games and companies
        # the register's place in brackets before the legal form, and the short form it introduces
        (
            "和瑞康生物医药（苏州）有限公司（以下简称“和瑞康”）宣布，和瑞康已完成融资。",
            ["和瑞康生物医药（苏州）有限公司", "和瑞康", "和瑞康"],
        ),
        ("公司还设立了全资子公司澜算智能科技（北京）有限公司。", ["澜算智能科技（北京）有限公司"]),
        ("整车的空气悬架则由保隆科技提供。", ["保隆科技"]),  # a supplier's verb confirms the brand
        ("他曾在七星电子工作多年。", ["七星电子"]),  # so does an employer's
        ("他毕业于莫斯科国立大学。", ["莫斯科国立大学"]),  # a place the segmenter tagged a name
        ("其核心电芯为公司自研。", []),  # 电芯为 + 公司: a verb, not a name
        ("易观分析师陈默表示，市场仍在增长。", ["易观"]),  # 易观 and an analyst, not 易观分析
        ("华芯微是一家芯片设计公司。", ["华芯微"]),  # introduced as a company, though 华 is a surname
        ("华芯微董事长王建国表示，公司将扩产。", ["华芯微"]),  # a chairman's title between two names
        ("恒川储能董事会秘书刘婉清表示。", ["恒川储能"]),  # a board is a company's
        ("周启明本科毕业于复旦大学微电子专业。", ["复旦大学"]),  # a field of study after the school
        ("宁德时代已通过全资子公司问鼎投资入股。", ["宁德时代", "问鼎投资"]),  # what it is to the company
        ("宁德时代全资子公司问鼎投资宣布。", ["宁德时代", "问鼎投资"]),
        ("这家美国公司在巴黎总部宣布了新计划。", []),  # where a company is from, where its office is
    ],
)
def test_organizations_as_news_frames_them(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit introduced by the company it belongs to, whatever rule found the company
        ("云帆网络科技有限公司旗下的第三工作室负责这款游戏。", ["云帆网络科技有限公司", "第三工作室"]),
        ("云帆网络科技有限公司的自动驾驶事业部今年扩招。", ["云帆网络科技有限公司", "自动驾驶事业部"]),
        ("云帆网络科技有限公司的研发团队今年扩招。", ["云帆网络科技有限公司"]),  # 团队: its staff
        ("他毕业于华南理工大学计算机学院。", ["华南理工大学", "计算机学院"]),  # a school of it
        ("他毕业于北京大学化学系。", ["北京大学"]),  # a department: the graduate's major
        ("腾讯与浙江大学共建联合实验室。", ["腾讯", "浙江大学"]),  # what is done with it
    ],
)
def test_units_named_after_the_organization_they_belong_to(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该机采用台积电6nm工艺，电池容量5MWh，搭载自研ISP芯片。", []),  # quantities and parts
        ("公司完成Pre-IPO轮融资，其GLP-1药物采用Chiplet技术。", []),  # terms of the trade
        ("首发自研凌霄L1芯片。", ["凌霄L1"]),  # 自研 is what was done, not the brand
        ("双方联合调校了X7的色彩风格。", []),  # 调校了 is no brand of a model
    ],
)
def test_products_and_what_is_no_product(text: str, expected: list[str]) -> None:
    assert [m.text for m in mentions(text) if m.type == "Product"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这次调整由星桥集团董事长程牧之推动。", ["星桥集团"]),  # jieba glues 由 to the brand
        ("他已正式加盟星桥集团，出任首席科学家。", ["星桥集团"]),  # 加盟, tagged a place, is a hire
    ],
)
def test_no_group_name_begins_with_the_words_before_it(text: str, expected: list[str]) -> None:
    assert organizations(text) == expected
