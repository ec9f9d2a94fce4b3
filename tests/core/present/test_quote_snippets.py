"""A speaker:/quote: search's snippet: the quotation its clauses match, the speaker's and the
quoted words that match highlighted (the same folding as the engines' fields)."""

from __future__ import annotations

from tuireader.core.present.quote_snippets import (
    Quotation,
    best_quotation,
    quote_clauses,
    quote_snippet,
)

QUOTES = [
    Quotation("Tomas Hollerby", "the ferry will sail at dawn"),
    Quotation("Ana Brévin-Lusk", "we counted the gulls twice"),
    Quotation("", "nobody signed the petition"),
    Quotation("Ana Brévin-Lusk", "the harbour walls are crumbling"),
]


def _picked(query: str):
    clauses = quote_clauses(query)
    assert clauses is not None
    best = best_quotation(clauses, QUOTES)
    return None if best is None else best[0]


def test_no_speaker_or_quote_clause_keeps_the_plain_snippet():
    assert quote_clauses("ferry dawn") is None
    assert quote_clauses("person:hollerby") is None
    assert quote_clauses("NOT speaker:hollerby ferry") is None
    assert quote_clauses('speaker:"unclosed') is None  # a query error: plain snippets


def test_a_speaker_word_or_phrase_picks_that_speakers_first_quotation_folded():
    assert _picked("speaker:hollerby") == QUOTES[0]
    assert _picked('speaker:"tomas hollerby"') == QUOTES[0]
    assert _picked("speaker:brevin") == QUOTES[1]  # accents folded, case ignored
    assert _picked("speaker:BRÉVIN-lusk") == QUOTES[1]
    assert _picked('speaker:"hollerby tomas"') is None  # a phrase keeps its order
    assert _picked("speaker:holler*") == QUOTES[0]
    assert _picked("speaker:hollerbi~") == QUOTES[0]
    assert _picked("speaker:nobody") is None  # an unnamed quotation is nobody's
    clauses = quote_clauses('speaker:"the harbour trust"')
    trust = Quotation("Harbour Trust", "the fees stay")  # stored without its "the"
    assert best_quotation(clauses, [trust])[0] == trust


def test_quote_words_pick_the_quotation_holding_them_stems_aside():
    assert _picked("speaker:brevin quote:harbour") == QUOTES[3]
    assert _picked("quote:crumble") == QUOTES[3]
    assert _picked("quote:petitions") == QUOTES[2]
    assert _picked("speaker:hollerby quote:gulls") == QUOTES[0]  # the speaker's, then
    assert _picked("quote:zeppelin") is None


def test_the_snippet_is_the_speaker_and_quotation_with_the_matched_words_highlighted():
    clauses = quote_clauses("speaker:lusk quote:walls")
    snippet, spans = quote_snippet(*best_quotation(clauses, QUOTES))
    assert snippet == "Ana Brévin-Lusk: the harbour walls are crumbling"
    assert [snippet[s:e] for s, e in spans] == ["Lusk", "walls"]


def test_a_long_quotation_is_cut_around_its_matched_words():
    long = Quotation("Tomas Hollerby", " ".join(["pebble"] * 60 + ["lanterns"] + ["pebble"] * 60))
    clauses = quote_clauses("speaker:hollerby quote:lantern")
    snippet, spans = quote_snippet(*best_quotation(clauses, [long]))
    assert snippet.startswith("Tomas Hollerby: …") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in spans] == ["Hollerby", "lanterns"]
    # no quote words: the quotation's start
    snippet, _spans = quote_snippet(*best_quotation(quote_clauses("speaker:tomas"), [long]))
    assert snippet.startswith("Tomas Hollerby: pebble pebble")
