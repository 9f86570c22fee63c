"""Hard-wrapped text where the script or the language decides: a range of figures broken after
its en dash, which pdftotext leaves at the line's end; Russian compounds with a word the
language joins with a hyphen (``государства-члены``, the UN's "Member States"), which Russian
has no compound lexicon for; Chinese footnote markers and numbers, where no space stands
between words, and the spaces LibreOffice sets between Chinese and other characters."""

from __future__ import annotations

from pathlib import Path

import pytest

import resodiff
from resodiff.ingest.hyphens import joins_compound, keeps_hyphen
from resodiff.ingest.plain_markers import raise_plain_markers, restore_markers
from resodiff.languages import language
from resodiff.typography import normalize_typography

from .conftest import OIC, needs_corpus

HEADER = "United Nations A/RES/1/2\n\nGeneral Assembly\n\n1/2. A title\n\nThe General Assembly,\n\n"
_LINES = [
    "Recalling its resolutions on cooperation between the two organizations, in particular those",
    "on operational activities, on peace and security, on sustainable development and on questions",
    "of disarmament and of development adopted at the conference held in a capital from 1–",
    "3 November 2016, and the plan of action on the empowerment of women adopted there,",
    "Noting that the two organizations held high-level meetings on questions of disarmament,",
    "of sustainable development and of cooperation between their secretariats every other year,",
    "1. Decides to remain seized of the matter.",
]


def test_a_range_of_figures_broken_after_its_en_dash_joins_without_a_space() -> None:
    resolution = resodiff.read_text(HEADER + "\n".join(_LINES) + "\n")
    assert len(resolution.preamble) == 2
    assert "from 1–3 November 2016," in resolution.preamble[0].text


@pytest.mark.parametrize(
    ("left", "tail", "kept"),
    [
        ("государствам", "членам", True),  # a word Russian joins with a hyphen, in any case
        ("государства", "участники", True),
        ("сотрудни", "чества", False),  # the typesetter's
    ],
)
def test_a_russian_line_end_hyphen_stays_before_a_word_the_language_joins(left: str, tail: str, kept: bool) -> None:
    russian = language("rus")
    assert keeps_hyphen(left, tail, chained=False, vocabulary=set(), hyphenated=set(), lang=russian) is kept


def test_a_russian_compound_that_pdftotext_joined_gets_its_hyphen_back() -> None:
    found = joins_compound("государств", "членов", vocabulary={"государств"}, hyphenated=set(), lang=language("rus"))
    assert found


# -- Chinese -------------------------------------------------------------------------------------


def test_a_chinese_marker_and_its_footnote_need_no_space() -> None:
    lines = ["邀请伊斯兰会议组织1以观察员身份参加，", "", "1伊斯兰会议组织更名为伊斯兰合作组织。"]
    assert raise_plain_markers(lines, 0, lambda index: False) == [
        "邀请伊斯兰会议组织¹以观察员身份参加，",
        "",
        "¹伊斯兰会议组织更名为伊斯兰合作组织。",
    ]


def test_a_chinese_marker_set_apart_by_libreoffice_is_raised_but_not_a_dates_number() -> None:
    lines = [
        "邀请伊斯兰会议组织 1 以观察员身份参加， 2 其中于 2016 年 6 月通过、 3 保护，",
        "1   甲。",
        "2   乙。",
        "3   丙。",
        "2/6",
        "注意到，",
    ]
    # the space before a marker goes, the one after it is typography's (as in Latin text)
    assert restore_markers(lines, 0, lambda index: index == 4)[0] == (
        "邀请伊斯兰会议组织¹ 以观察员身份参加，² 其中于 2016 年 6 月通过、³ 保护，"
    )


def test_a_chinese_line_opening_with_a_dates_number_set_apart_is_no_footnote() -> None:
    # LibreOffice sets a space between figures and Chinese (``2 日``); the page's number stands
    # between the column of footnote numbers and their texts, so that a line in the body that
    # opens with a day's number was the nearest footnote on the marker's page
    lines = [
        "欢迎该组织的报告 1 和会议的宣言2 及其后续文件，会议于 2020 年 3 月 1 日至",
        "2 日在某地举行，",
        "1",
        "2",
        "1/3",
        "",
        "甲。",
        "乙。",
    ]
    out = restore_markers(lines, 0, lambda index: index == 4)
    assert out[1] == "2 日在某地举行，"
    assert out[6:] == ["¹ 甲。", "² 乙。"]


@pytest.mark.parametrize(
    ("spaced", "glued"),
    [
        ("协调与合作 ，并为", "协调与合作,并为"),  # a full-width comma LibreOffice set at a line's end
        ("经济、文化 、人道主义", "经济、文化、人道主义"),
        ("讲习班 (民主)", "讲习班(民主)"),
        ("阿卜杜拉 ·本", "阿卜杜拉·本"),
        ("组织[^1] 以观察员", "组织[^1]以观察员"),
    ],
)
def test_a_space_between_chinese_and_punctuation_is_typography(spaced: str, glued: str) -> None:
    assert normalize_typography(spaced) == normalize_typography(glued) == glued


def test_a_space_after_a_full_stop_before_chinese_stays() -> None:
    assert normalize_typography("79/9. 联合国与伊斯兰合作组织的合作") == "79/9. 联合国与伊斯兰合作组织的合作"


_CHINESE = [
    "回顾其 1982 年 10 月 22 日第 37/4 号、1983 年 10 月 28 日第 38/4 号、"
    "1984 年 11 月 8 日第 39/7 号、1985 年 10 月 2",
    "5 日第 40/4 号、1986 年 10 月 16 日第 41/3 号、1987 年 10 月 15 日第 42/4 号、"
    "1988 年 10 月 17 日第 43/2 号、第 72",
    "/241 号、1989 年 10 月 18 日第 44/8 号、1990 年 10 月 25 日第 45/9 号、1991 年 10 月 28 日第 46/13 号决议，",
    "又回顾其 1975 年 10 月 10 日第 3369(XXX)号决议决定，邀请伊斯兰会议组织以观察员身份参加大会及其附属机",
    "关的会议和工作，并欢迎伊斯兰合作组织通过与联合国协调并充分尊重《联合国宪章》努力加强该组织的作用，",
    "1. 决定继续处理此案。",
]


def test_a_number_or_a_symbol_broken_between_its_figures_in_chinese_joins_without_a_space() -> None:
    resolution = resodiff.read_text("联合国 A/RES/1/2\n\n大会\n\n1/2. 标题\n\n大会，\n\n" + "\n".join(_CHINESE) + "\n")
    assert len(resolution.preamble) == 2
    text = normalize_typography(resolution.preamble[0].text)
    assert "10月25日第40/4号" in text and "第72/241号" in text


# -- the OIC series in six languages --------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("layout", ["pdftotext", "pdftotext-layout"])
@pytest.mark.parametrize("path", sorted(OIC.glob("*.xml")), ids=lambda path: path.stem)
def test_the_oic_series_in_hard_wrapped_text_diffs_as_identical(path: Path, layout: str) -> None:
    from resodiff.diff import diff_resolutions
    from resodiff.ingest import read_collection

    from .converters import LAYOUTS

    [official] = read_collection(path)
    report = diff_resolutions(official, resodiff.read_text(LAYOUTS[layout](official, 0)))
    assert report.verdict == "identical"


def test_a_chinese_line_opening_with_and_continues_the_paragraph_before() -> None:
    # "并" (and) joins two clauses of one paragraph, which the line wrap may put first on a line
    # after a full one that ends with a comma; it opens no paragraph of the language
    lines = list(_CHINESE)
    lines[3] = (
        "又回顾其 1975 年 10 月 10 日第 3369(XXX)号决议决定，邀请伊斯兰会议组织以观察员身份参加大会及其附属机关的会，"
    )
    lines[4] = "并欢迎伊斯兰合作组织通过与联合国协调并充分尊重《联合国宪章》努力加强该组织的作用，"
    resolution = resodiff.read_text("联合国 A/RES/1/2\n\n大会\n\n1/2. 标题\n\n大会，\n\n" + "\n".join(lines) + "\n")
    assert len(resolution.preamble) == 2
    assert "的会，并欢迎" in normalize_typography(resolution.preamble[1].text).replace(",", "，")


def test_a_chinese_paragraphs_first_line_short_of_one_character_goes_on() -> None:
    # the first line of a numbered paragraph is narrower by the number's box than its characters
    # tell; a character that seems to have fitted by a little is no paragraph's end
    first = "1. 决定在大会第七十九届会议临时议程题为“联合国同各区域组织及其他组织的合作”的项目下列入题"
    lines = [*_CHINESE[:5], first, "为“联合国同伊斯兰合作组织的合作”的分项。"]
    resolution = resodiff.read_text("联合国 A/RES/1/2\n\n大会\n\n1/2. 标题\n\n大会，\n\n" + "\n".join(lines) + "\n")
    assert len(resolution.operative) == 1


def test_the_rest_of_a_chinese_line_that_a_marker_cut_goes_back_after_the_marker() -> None:
    from resodiff.ingest.cut_lines import rejoined_cut_lines

    after_the_next = "又回顾其决议决定，邀请伊斯兰会议组织1\n加大会及其附属机关的会议和工作，\n\n以观察员身份参\n\n欢迎"
    assert rejoined_cut_lines(after_the_next) == (
        "又回顾其决议决定，邀请伊斯兰会议组织1以观察员身份参\n加大会及其附属机关的会议和工作，\n\n欢迎"
    )
    next_one = "是审查和评估在国际和平与安全、科学技术、贸易与发展、落实可持续发展目标、5\n保护和协助难\n民、人权，"
    assert rejoined_cut_lines(next_one) == (
        "是审查和评估在国际和平与安全、科学技术、贸易与发展、落实可持续发展目标、5保护和协助难\n民、人权，"
    )
    # a year at a line's end, the next line as long: no cut
    year = "注意到二〇二二年举行的会议于2022\n年通过了行动纲领和其他文件，\n注意到"
    assert rejoined_cut_lines(year) == year


def test_a_numbered_chinese_paragraphs_last_line_written_first_goes_last() -> None:
    from resodiff.ingest.cut_lines import rejoined_cut_lines

    first = "满意地注意到伊斯兰合作组织积极参加联合国的工作，以实现《联合国宪章》所载宗"
    written = f"2. 敦促；\n\n3.\n旨和原则；\n\n{first}\n\n4. 申明"
    # the blank line that followed the last line comes after it, before the one that ended it
    assert rejoined_cut_lines(written) == f"2. 敦促；\n\n3.\n{first}\n旨和原则；\n\n\n4. 申明"


def test_chinese_last_lines_written_before_their_paragraphs_go_back_after_them() -> None:
    # LibreOffice → pdftotext: the short last lines of two paragraphs, each then a blank line,
    # before the first line of the one and the number of the other; each goes after the
    # unfinished line (about full, ending no clause) that the next paragraph's number follows
    full = "强调各会员国应当继续在教育、卫生、农业和可持续发展等共同关心的领域开展切实有效的"
    lines = [
        "联合国 A/RES/1/2",
        "",
        "大会",
        "",
        "1/2. 标题",
        "",
        "大会，",
        "",
        "注意到各会员国在教育、卫生、农业和可持续发展等共同关心的领域开展了广泛而有效的合作，",
        "并确认两组织之间的合作对于促进国际和平与安全、经济和社会发展以及人权具有重要意义，",
        "又注意到两组织定期举行高级别会议，审查双方在各个优先领域开展合作的进展情况和成果，",
        "并欢迎双方秘书处之间加强协调，以便在共同关心的问题上采取更加一致和有效的行动，",
        "深信加强两组织之间的合作有助于实现《联合国宪章》的宗旨和原则，并有助于推动各国人民",
        "之间的相互了解和友好关系，促进经济、社会、文化和人道主义领域的国际合作，以及在全球",
        "范围内消除贫困和饥饿、促进教育和卫生、保护环境和应对气候变化等方面取得切实的进展，",
        "回顾其以往关于两组织之间合作的各项决议，并注意到秘书长就此提交的各份报告所载的建议，",
        "合作，",
        "",
        "交流；",
        "",
        f"又{full}",
        "1.",
        "",
        "决定继续处理此案；",
        "",
        "2.",
        "",
        f"请{full}",
        "",
        "3. 鼓励两组织继续在共同关心的领域加强合作，包括在教育、卫生、农业和可持续发展等领域，",
        "并请秘书长与该组织秘书长协商，探讨进一步加强两组织秘书处之间的协调和信息交流的方式，",
        "以便在共同关心的问题上采取更加一致和有效的行动；",
        "4. 请秘书长向大会下届会议提交报告，说明本决议的执行情况，包括两组织之间合作的进展情况",
        "和成果，以及为加强两组织之间的合作而采取的各项措施，并就进一步加强合作提出建议；",
        "5. 决定将题为“联合国与该组织之间的合作”的分项列入下届会议临时议程，并请各会员国和",
        "两组织秘书处就此项目提出意见和建议。",
        "",
    ]
    resolution = resodiff.read_text("\n".join(lines))
    assert [normalize_typography(p.text)[-4:] for p in resolution.preamble] == [
        "要意义,",
        "的行动,",
        "的进展,",
        "的建议,",
        "的合作,",
    ]
    assert [normalize_typography(p.text)[-4:] for p in resolution.operative] == [
        "理此案;",
        "的交流;",
        "的行动;",
        "出建议;",
        "和建议。",
    ]
