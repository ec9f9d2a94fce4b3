from tuireader.core.present.snippets import make_snippet


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


def _densest_window(hits, width, lead=40):
    """The window search written plainly: the first hit-led window holding the most hits."""
    best_start, best_count = hits[0][0] - lead, 0
    for hit_start, _end in hits:
        count = sum(1 for s, e in hits if s >= hit_start and e <= hit_start - lead + width)
        if count > best_count:
            best_start, best_count = hit_start - lead, count
    return best_start


def test_the_window_is_the_one_holding_the_most_hits():
    import random

    from tuireader.core.present.snippets import _best_window

    rng = random.Random(3)
    for _ in range(3000):
        hits, at = [], 0  # words in order, apart: as find_terms gives them
        for _hit in range(rng.randint(1, 12)):
            at += rng.randint(1, 300)
            hits.append((at, at + rng.randint(1, 12)))
            at = hits[-1][1]
        width = rng.choice([20, 80, 160, 400])
        assert _best_window(hits, width) == _densest_window(hits, width)
