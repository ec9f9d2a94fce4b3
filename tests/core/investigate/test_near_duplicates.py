"""How much text two articles share: wire copies are near-duplicates, stories on the same topic
written afresh are not."""

from tuireader.core.investigate import near_duplicates
from tuireader.core.investigate.near_duplicates import (
    SKETCH_SIZE,
    is_near_duplicate,
    shared_share,
    shared_text,
    shingles,
    text_sketch,
    words,
)

WIRE = (
    "The Federal Reserve raised its benchmark interest rate by a quarter of a percentage point "
    "on Wednesday, citing a strengthening labour market and inflation edging toward its goal. "
    "Fed Chair Janet Yellen told reporters the economy had made considerable progress and "
    "that further gradual increases would likely be warranted over the coming year. "
    "Markets had widely expected the move after weeks of signals from policymakers, and stocks "
    "rose modestly in afternoon trading as investors digested the statement. "
    "The decision was unanimous, the central bank said in a statement released at the end of "
    "its two-day meeting in Washington."
)

# The same wire story as a newspaper ran it: its own dateline and first paragraph, a changed
# word, different punctuation and case, and the last paragraph cut.
COPY = (
    "WASHINGTON (The Daily Courier) — Borrowers will pay more from today. "
    "The federal reserve raised its benchmark interest rate by a quarter of a percentage point "
    "on Wednesday; citing a strengthening labour market and inflation edging toward its target. "
    "Fed Chair Janet Yellen told reporters the economy had made considerable progress and "
    "that further gradual increases would likely be warranted over the coming year. "
    "Markets had widely expected the move after weeks of signals from policymakers, and stocks "
    "rose modestly in afternoon trading as investors digested the statement."
)

# The same story written afresh: the same names and topic words, other sentences.
OTHER = (
    "Janet Yellen and the Federal Reserve lifted the interest rate again, a move markets had "
    "priced in. Policymakers pointed to the labour market and to inflation. Investors in "
    "Washington shrugged, stocks rose, and economists expect gradual increases in the coming "
    "year as the central bank watches the economy and the benchmark rate."
)


def test_identical_texts_share_everything():
    assert shared_text(WIRE, WIRE) == 1.0
    assert is_near_duplicate(shared_text(WIRE, WIRE))


def test_a_wire_copy_with_a_new_first_paragraph_and_dateline_is_a_near_duplicate():
    share = shared_text(WIRE, COPY)
    assert 0.7 < share < 1.0
    assert is_near_duplicate(share)
    assert shared_text(COPY, WIRE) == share  # the same either way round


def test_a_story_on_the_same_topic_written_afresh_is_not():
    share = shared_text(WIRE, OTHER)
    assert share < 0.1
    assert not is_near_duplicate(share)


def test_case_accents_and_punctuation_do_not_hide_a_copy():
    text = "Le président a déclaré mardi que la réforme des retraites serait votée cet automne."
    edited = "LE PRESIDENT a declare, mardi, que la reforme des retraites serait votee cet automne"
    assert words(text) == words(edited)
    assert shared_text(text, edited) == 1.0


def test_empty_and_short_texts_share_nothing_and_short_lines_do_not_count_as_copies():
    assert shingles("") == frozenset()
    assert shingles("only four words here") == frozenset()
    assert shared_text("", WIRE) == 0.0
    assert shared_text("", "") == 0.0
    assert shared_text("only four words here", "only four words here") == 0.0
    line = "Fed Chair Janet Yellen told reporters the economy"  # 4 runs of 5 words, all in WIRE
    assert 0 < shared_text(line, WIRE) < 0.5
    assert shared_share(frozenset(), frozenset({1})) == 0.0


def test_a_sketch_is_the_lowest_run_hashes_and_words_hash_alike_after_the_cache_is_cleared():
    runs = shingles(WIRE)
    assert text_sketch(WIRE) == tuple(sorted(runs)[:SKETCH_SIZE])
    line = "the lantern keeper rang the harbour bell twice"
    short = shingles(line)
    assert len(short) < SKETCH_SIZE and text_sketch(line) == tuple(sorted(short))
    assert text_sketch("") == ()
    near_duplicates._word_numbers.clear()
    assert shingles(WIRE) == runs  # words new to the cache get the same numbers
    assert shingles(WIRE) == runs  # and so do words it knows


def test_words_drop_accents_and_keep_other_non_ascii_letters() -> None:
    assert words("Jonsbý said “Quillón’s café” — Ærø") == [
        "jonsby",
        "said",
        "quillon",
        "s",
        "cafe",
        "ærø",
    ]


def test_text_sketch_is_the_sketch_of_the_texts_runs() -> None:
    repeated = "Quillon boats sail. " * 6  # three words again and again: three distinct runs
    longer = repeated + "Jonsby said the Harbor Trust would pay for the new quay at Quillon."
    for text in (repeated, longer, WIRE, "too short to run", ""):
        assert text_sketch(text) == tuple(sorted(shingles(text))[:SKETCH_SIZE])
    assert len(text_sketch(repeated)) < SKETCH_SIZE  # its runs repeat: fewer distinct ones
