from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.core.base.text import (
    clean_line,
    clean_text,
    decode_bytes,
    fold,
    levenshtein_within,
    looks_binary,
    shorten,
    split_headline,
    title_from_text,
)


def test_clean_text_removes_escape_sequences_and_controls():
    dirty = "Hello \x1b[31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07world\x00\x07 \u202egnp.exe"
    assert clean_text(dirty) == "Hello red world gnp.exe"


def test_clean_text_normalises_newlines_and_keeps_tabs():
    assert clean_text("a\r\nb\rc\td") == "a\nb\nc\td"


def test_clean_line_flattens_whitespace():
    assert clean_line("  Big\n  News \t Today ") == "Big News Today"


def test_decode_bytes_handles_boms_and_legacy_encodings():
    assert decode_bytes("café".encode("utf-8-sig")) == "café"
    assert decode_bytes("café".encode("utf-16")) == "café"
    assert decode_bytes("“quoted” café".encode("cp1252")) == "“quoted” café"
    assert decode_bytes(b"plain") == "plain"


def test_looks_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary("Ordinary text, with “quotes”.".encode())
    assert not looks_binary("text".encode("utf-16"))


def test_split_headline_takes_short_first_line_followed_by_blank():
    headline, body = split_headline("Big News\n\nThe body starts here.\nMore.")
    assert headline == "Big News"
    assert body == "The body starts here.\nMore."


def test_split_headline_refuses_a_first_paragraph():
    text = "The government said on Monday that it would act.\nA second line follows."
    assert split_headline(text) == (None, text)


def test_split_headline_strips_markdown_heading():
    assert split_headline("## A Title\n\nBody")[0] == "A Title"


def test_title_from_text_uses_first_sentence_cut_at_word_boundary():
    text = (
        "The United States government has officially accused Russia of being behind the "
        "recent wave of hacking attacks, in a bid to interfere with the elections. Next."
    )
    title = title_from_text(text)
    assert title.startswith("The United States government has officially accused Russia")
    assert title.endswith("…")
    assert len(title) <= 90
    assert not title[:-1].endswith(" ")
    # cut at a word boundary: the word before the ellipsis is whole
    assert title[:-1].split()[-1] in text.split()


def test_title_from_short_sentence_is_whole():
    assert title_from_text("Floods close roads. Then more.") == "Floods close roads."


def test_shorten():
    assert shorten("short", 10) == "short"
    assert shorten("one two three four", 10) == "one two…"


def test_levenshtein_within_counts_insertions_deletions_and_substitutions():
    assert levenshtein_within("minister", "minister", 0)
    assert levenshtein_within("minister", "ministre", 2)
    assert not levenshtein_within("minister", "ministre", 1)
    assert levenshtein_within("colour", "color", 1)
    assert levenshtein_within("govt", "govern", 3)
    assert not levenshtein_within("govt", "govern", 2)
    assert levenshtein_within("", "ab", 2)
    assert not levenshtein_within("kitten", "sitting", 2)
    assert levenshtein_within("kitten", "sitting", 3)


_MIXED = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "Q",
            " ",
            "\t",
            "\n",
            "\r",
            "\x00",
            "\x08",
            "\x0b",
            "\x1b",
            "\x1f",
            "\x7f",
            "\x85",
            "\x9b",
            "é",
            "\u202e",
            "\ufeff",
            "\ud800",
            "É",
        ]
    ),
    max_size=10,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a loaded machine
@given(_MIXED)
def test_the_quick_check_of_clean_text_agrees_with_its_pattern(text):
    from tuireader.core.base import text as module

    assert module._clean_already(text) == (module._NEEDS_CLEANING_RE.search(text) is None)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a loaded machine
@given(_MIXED)
def test_fold_of_ascii_is_its_decomposed_case_fold(text):
    from unicodedata import combining, normalize

    expected = "".join(c for c in normalize("NFKD", text.casefold()) if not combining(c))
    assert fold(text) == expected
