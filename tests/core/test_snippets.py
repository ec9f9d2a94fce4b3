from tuireader.core.snippets import make_snippet


def test_snippet_centres_on_the_densest_hits():
    text = "intro " * 50 + "the storm and the storm again\nand storm " + "outro " * 50
    hits = [(i, i + 5) for i in range(len(text)) if text.startswith("storm", i)]
    snippet, spans = make_snippet(text, hits, width=80)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in spans] == ["storm"] * 3
    assert "\n" not in snippet


def test_snippet_without_hits_is_the_opening():
    snippet, spans = make_snippet("Short text here.", [])
    assert snippet == "Short text here." and spans == []


def test_snippet_cuts_at_word_boundaries():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    snippet, _ = make_snippet(text, [(31, 35)], width=30)
    words = snippet.strip("…").split()
    assert all(word in text.split() for word in words)
