"""Right-to-left lines as ``pdftotext`` writes them (embedding marks, left-to-right stretches as
printed, with poppler's own choice of the neutrals that go with them), Arabic presentation forms
and vowel signs set apart on a line: put back in reading order before the text reader reads
the lines. The examples are poppler 24's output for lines of PDFs that LibreOffice and
WeasyPrint printed, the words made up."""

from __future__ import annotations

import re

import pytest

import resodiff
from resodiff.ingest.bidi import logical_text
from resodiff.model import plain_text
from resodiff.typography import normalize_typography

LRE, RLE, PDF = "\u202a", "\u202b", "\u202c"


def rtl(*pieces: str) -> str:
    """A right-to-left line: plain strings are Arabic in reading order, a one-element tuple a
    left-to-right stretch as printed."""
    return RLE + "".join(piece if isinstance(piece, str) else LRE + piece[0] + PDF for piece in pieces) + PDF


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # the space after a figure is printed on its left: pdftotext puts it first
        (rtl("كتب ", (" 37/4",), "بتاريخ ", (" 22",), "سطر"), "كتب 37/4 بتاريخ 22 سطر"),
        # the comma after a year, the end of the line
        (rtl("سنة ", (" ،1982",), "و"), "سنة 1982، و"),
        # a hyphen before figures goes with them in poppler's classes, printed on their right
        (rtl("رقم ", ("( 3369",), "د", (" )30-",), "كتب"), "رقم 3369 (د-30) كتب"),
        # a symbol in brackets after figures: two runs, the brackets mirrored between them
        (rtl("رقم ", (" ،)A/66/53( 53",), "باب"), "رقم 53 (A/66/53)، باب"),
        # a raised marker in brackets after a year
        (rtl("شهر ", (" ،)3(2016",), "وكذلك"), "شهر 2016(3)، وكذلك"),
        # a slash between two words, with and without the source's space after it
        (rtl("الأول", ("/",), "الآخر"), "الأول/الآخر"),
        (rtl("الأول", (" /",), "الآخر"), "الأول/ الآخر"),
        # figures that open the line follow no Arabic letter: a hyphen joins them (the job number)
        (rtl((")A( 24-21657",)), "24-21657 (A)"),
        # after an Arabic letter, two spaced years are two runs
        (rtl("شهر ", (" 31 - 2013",), "شهر"), "شهر 2013 - 31 شهر"),
        # a Latin symbol with figures and separators is one run
        (rtl("[كلمة (", ("])A/79/L.9/Rev.1",)), "[كلمة (A/79/L.9/Rev.1)]"),
        # a paragraph's hanging number
        (rtl((" - 7",), "تشير"), "7 - تشير"),
        # a hanging paragraph number, whose space the indent took
        (rtl(("-1",)), "1 -"),
        # a vowel sign written before its letter, and the space after the letter where it was alone
        (rtl("قد ُأ حرز"), "قد أُحرز"),
        (rtl("أن ُيعقد"), "أن يُعقد"),
        # a line of the page's own direction alone is in reading order already
        (rtl("إن الجمعية العامة،"), "إن الجمعية العامة،"),
        # -layout: several such lines on one, spread apart, read from the right (a hanging
        # number), without the spaces that placed them
        ("  " + rtl(("A/RES/1/2",)) + "      " + rtl("الأمم"), "الأمم      A/RES/1/2"),
        (rtl("تحيط علما؛") + "    " + rtl(("-1",)), "1 -    تحيط علما؛"),
        # a right-to-left run in a left-to-right line: its neutrals were written first
        (f"see {RLE}، كلمة{PDF}and", "see كلمة ،and"),
    ],
)
def test_a_pdftotext_line_reads_in_reading_order(line: str, read: str) -> None:
    assert logical_text(line) == read


def test_presentation_forms_fold_to_their_letters() -> None:
    # lam-alef and the final, medial and initial shapes of a word
    assert logical_text("\ufefb \ufee3\ufeae\ufea3\ufe92\ufe8e") == "لا مرحبا"


def test_a_line_of_vowel_signs_alone_goes_but_a_page_end_stays() -> None:
    assert logical_text("كلمة\n\u064e\nأخرى\n") == "كلمة\nأخرى\n"
    assert logical_text("كلمة\n\u064e\fأخرى") == "كلمة\n\fأخرى"


@pytest.mark.parametrize("text", ["plain English, 37/4 (A/66/53).\n", "كلمة 37/4\n", "中文，2024年。\n"])
def test_text_without_embeddings_is_left_alone(text: str) -> None:
    assert logical_text(text) is text


ARABIC = """الأمم المتحدة A/RES/1/2

الجمعية العامة

1/2. عنوان تجريبي للقرار

إن الجمعية العامة،

إذ تشير إلى قراراتها 37/4 المؤرخ 22 تشرين الأول/أكتوبر 1982، و 38/4 المؤرخ 28 تشرين الأول/ أكتوبر 1983،

وإذ تلاحظ الفصل 53، والقرار 3369 (د-30)،

1 - تطلب إلى الأمانة أن تقدم تقريرا في عام 2026؛

2 - تقرر أن تنظر في المسألة في دورتها الحادية والثمانين.
"""
#: figures, and the neutrals after them up to an Arabic letter
_STRETCH = re.compile(r"(\d+(?:/\d+)*)([\s،.()-]*)(?=[\u0600-\u06ff]|$)")


def pdftotext_form(text: str) -> str:
    """``text`` as pdftotext writes a right-to-left page of it, for the simple stretches of
    :data:`ARABIC`: each line embedded, each left-to-right stretch printed with the neutrals
    after it on its left."""
    lines = []
    for line in text.split("\n"):
        if line and "A/RES" not in line:
            line = _STRETCH.sub(lambda m: LRE + m.group(2)[::-1] + m.group(1) + PDF, line)
            line = RLE + line + PDF
        lines.append(line)
    return "\n".join(lines)


def test_an_arabic_resolution_in_pdftotext_form_reads_as_its_plain_text() -> None:
    plain = resodiff.read_text(ARABIC)
    embedded = pdftotext_form(ARABIC)
    assert LRE in embedded
    back = resodiff.read_text(embedded)
    assert [normalize_typography(p.text) for p in back.all_paragraphs()] == [
        normalize_typography(p.text) for p in plain.all_paragraphs()
    ]
    assert len(plain.preamble) == 2 and len(plain.operative) == 2
    assert "3369 (د-30)" in plain_text(back.preamble[1].content)


def test_a_space_after_a_slash_between_words_is_typography_in_every_script() -> None:
    # DGACM writes both forms, and a line break after the slash leaves no trace of which
    assert normalize_typography("في 6 كانون الأول/ ديسمبر 2017") == "في 6 كانون الأول/ديسمبر 2017"
    assert normalize_typography("El Niño/ Southern Oscillation") == "El Niño/Southern Oscillation"
    assert normalize_typography("and/ or, see A/ 79") == "and/or, see A/79"
    # not where the slash stands between a word and punctuation or a space
    assert normalize_typography("https:// www, A /B, 2024/ (b)") == "https:// www, A /B, 2024/ (b)"


def test_a_hanging_number_written_after_its_paragraphs_first_line_goes_before_it() -> None:
    # WeasyPrint sets the number as a box of its own in the right margin: pdftotext writes it
    # after the paragraph's first line
    lines = [rtl("أولى؛"), rtl("تحث الأمم المتحدة على"), rtl(("-2",)), rtl("التعاون؛"), rtl("ثالثة")]
    assert logical_text("\n".join(lines)).split("\n") == ["أولى؛", "2 -", "تحث الأمم المتحدة على", "التعاون؛", "ثالثة"]
    # after a line that ends no paragraph, the number stays where it is
    lines[0] = rtl("أولى")
    assert logical_text("\n".join(lines)).split("\n")[1:3] == ["تحث الأمم المتحدة على", "2 -"]


# -- words that LibreOffice's glyphs cut in pdftotext (invented text) ----------------------------


def test_a_lam_alef_cut_at_a_lines_end_goes_back_on_its_word() -> None:
    # the alef alone ends the line, the lam (and the rest of the printed line) on a line of its own
    cut = "\n".join([rtl("وقررت الجمعية عم ا"), rtl("ل"), rtl("بقرارها السابق،")])
    assert logical_text(cut) == "وقررت الجمعية عملا\nبقرارها السابق،"
    before = "\n".join([rtl("ل سيما النامية،"), rtl("وتدعو الدول، و ا")])
    assert logical_text(before) == "وتدعو الدول، ولا سيما النامية،"
    # after a word that general text uses far more often alone, ``لا`` is a word of its own
    assert logical_text("\n".join([rtl("وأكدت أن ا"), rtl("ل تمييز")])) == "وأكدت أن لا تمييز\n"
    # both halves on one line
    assert logical_text(rtl("تدعو الدول، و ا ل سيما النامية")) == "تدعو الدول، ولا سيما النامية"


def test_a_word_cut_after_a_letter_with_a_vowel_sign_is_joined_again() -> None:
    # the sign on a line of its own: the next line holds the cut, a letter alone or two pieces
    # of which the first is no word
    assert logical_text("\n".join([rtl("تدابير"), rtl("\u0651"), rtl("المقد م من الدول")])) == (
        "تدابير\nالمقدم من الدول"
    )
    assert logical_text("\n".join([rtl("\u064e"), rtl("البيانات المستخ دمة في التقرير")])) == (
        "البيانات المستخدمة في التقرير"
    )
    # no cut there: the line as it is
    assert logical_text("\n".join([rtl("\u064e"), rtl("وتسجيله لدى الأمانة")])) == "وتسجيله لدى الأمانة"
    # the sign kept, the rest of the word set apart after it
    assert logical_text(rtl("أن يعي\u0651 ن مبعوثا")) == "أن يعي\u0651ن مبعوثا"
    # ``و`` alone is written on the next word, never the end of the one before
    assert logical_text(rtl("أن يعي\u0651 و مبعوثا")) == "أن يعي\u0651 و مبعوثا"


def test_the_name_of_god_drawn_as_a_ligature_and_an_opening_quote_set_apart() -> None:
    assert logical_text(rtl("مركز عبد اهلل للحوار")) == "مركز عبد الله للحوار"
    assert logical_text(rtl("حلقة بعنوان \u201d حلقة عمل\u201c في")) == "حلقة بعنوان \u201dحلقة عمل\u201c في"


_BODY = [
    "وإذ تشير إلى قراراتها السابقة بشأن التعاون بين المنظمتين في مجالات السلام والأمن والتنمية",
    "المستدامة وحقوق الإنسان والشؤون الإنسانية، وإذ تؤكد أهمية تعزيز هذا التعاون في المستقبل،",
    "وإذ ترحب بالاجتماعات الدورية بين أمانتي المنظمتين لاستعراض التقدم المحرز في تنفيذ البرامج",
    "المشتركة وتحديد مجالات جديدة للتعاون في ميادين التعليم والصحة والزراعة والبيئة والثقافة،",
]


def test_an_arabic_last_line_written_before_its_paragraph_goes_back_after_it() -> None:
    # as in Chinese: a short line that ends a clause after a finished one, then a blank line, and
    # later a full line that ends none before a blank line: the one is the other's end
    from resodiff.ingest.cut_lines import rejoined_cut_lines

    first = "وإذ تلاحظ تزايد التعاون بين المنظمتين في مجالات التعليم والصحة والزراعة والتنمية في مجال"
    # a footnote at the page's foot, short and finished after a finished line, is none
    note = ["", "5 () انظر الوثيقة.", "", "24-00000"]
    lines = [*_BODY, "والحوار،", "", first, "", *_BODY, *note]
    assert rejoined_cut_lines("\n".join(lines)).split("\n") == [*_BODY, first, "والحوار،", "", "", *_BODY, *note]


def test_an_arabic_lines_start_written_after_its_rest_where_a_vowel_sign_cut_it() -> None:
    # the sign on a line of its own, the rest of the printed line (cut after the signed letter),
    # then its start, then the next line
    rest = "المقد م من الدول الأعضاء في المنظمة، الذي أهابت فيه الجمعية بالدول أن تتخذ التدابير"
    lines = [
        *_BODY[:2],
        "وإذ تشير إلى قرارها المتعلق بمكافحة التعصب الديني والتمييز القائم على أساس الدين أو",
        "\u0651",
    ]
    lines += [rest, "المعتقد،", "اللازمة لمكافحة التعصب والتمييز والتحريض على العنف ضد الأشخاص بسبب دينهم أو معتقدهم،"]
    read = logical_text("\n".join(rtl(line) for line in lines)).split("\n")
    assert read[3:] == [
        "المعتقد، المقدم من الدول الأعضاء في المنظمة، الذي أهابت فيه الجمعية بالدول أن تتخذ التدابير",
        lines[-1],
    ]


def test_a_damma_that_a_character_map_reads_with_an_alef_goes_on_its_word() -> None:
    # WeasyPrint maps the damma's glyph to the cluster it first drew it in (``أُ``): where the word
    # with the alef is none of general text and the word without it is, the alef goes
    assert normalize_typography(logical_text(rtl("من المقرر أن \u064f\u0623يعقد الاجتماع"))) == (
        "من المقرر أن يعقد الاجتماع"
    )
    # a word that opens with a damma over an alef stays (``أُعيد``)
    assert normalize_typography(logical_text(rtl("وقد \u064f\u0623عيد النظر"))) == "وقد أعيد النظر"


def test_a_hanging_numbers_run_written_after_the_rest_of_its_line_opens_it() -> None:
    line = "  " + RLE + "بها في ميدان التعاون" + PDF + " " + RLE + LRE + " - 27" + PDF + "ترحب بزيادة الأنشطة" + PDF
    assert logical_text(line).strip() == "27 - ترحب بزيادة الأنشطة بها في ميدان التعاون"
