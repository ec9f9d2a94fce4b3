"""Files in legacy encodings read as the text they hold (not mojibake, not "empty")."""

from __future__ import annotations

import pytest

from tuireader.core.base.encoding import declared_charset, decode_bytes

RUSSIAN = (
    "Городской совет утвердил новый бюджет на следующий год. Депутаты обсуждали расходы на "
    "школы, больницы и дороги почти шесть часов, а затем проголосовали большинством голосов."
)
GREEK = (
    "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό για το επόμενο έτος. Οι σύμβουλοι "
    "συζήτησαν τις δαπάνες για σχολεία, νοσοκομεία και δρόμους για σχεδόν έξι ώρες."
)
JAPANESE = (
    "市議会は来年度の新しい予算を承認した。議員たちは学校や病院、道路への支出について"
    "約六時間にわたって議論し、その後多数決で可決した。市長は結果を歓迎すると述べた。"
)
CZECH = (
    "Městská rada schválila nový rozpočet na příští rok. Zastupitelé diskutovali o výdajích "
    "na školy, nemocnice a silnice téměř šest hodin a poté hlasovali většinou hlasů."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (GREEK, "iso-8859-7"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc-jp"),
        (RUSSIAN, "utf-16-le"),
        (GREEK, "utf-16-be"),
        ("A plain English sentence about the budget vote, " * 3, "utf-16-le"),
    ],
)
def test_legacy_encodings_without_a_bom_are_detected(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_utf8_comes_first_and_boms_decide():
    assert decode_bytes(RUSSIAN.encode("utf-8")) == RUSSIAN
    assert decode_bytes(JAPANESE.encode("utf-8-sig")) == JAPANESE
    assert decode_bytes(GREEK.encode("utf-16")) == GREEK


def test_a_few_accents_in_english_are_windows_1252():
    assert decode_bytes("“Quoted” words in a café".encode("cp1252")) == "“Quoted” words in a café"


def test_the_declared_charset_of_a_page_is_used():
    page = f'<html><head><meta charset="windows-1250"></head><body>{CZECH}</body></html>'
    data = page.encode("cp1250")
    assert declared_charset(data) == "cp1250"
    assert decode_bytes(data, declared="auto") == page
    xml = f'<?xml version="1.0" encoding="KOI8-R"?><rss><title>{RUSSIAN}</title></rss>'
    assert decode_bytes(xml.encode("koi8-r"), declared="auto") == xml
