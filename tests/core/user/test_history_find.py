from tuireader.core.present.find import find_all
from tuireader.core.user.history import SearchHistory


def test_history_persists_without_repeats():
    history = SearchHistory()
    for query in ("putin", "kremlin", "putin", "  ", "sasse"):
        history.add(query)
    assert SearchHistory().entries == ["kremlin", "putin", "sasse"]


def test_corrupt_history_is_kept_aside():
    history = SearchHistory()
    history.path.parent.mkdir(parents=True, exist_ok=True)
    history.path.write_text("{oops")
    again = SearchHistory()
    assert again.entries == [] and "unreadable" in again.warning
    assert history.path.with_name("history.json.corrupt-1").exists()


def test_find_all_is_case_insensitive_and_literal():
    text = "Putin met PUTIN's aide; a.b and axb."
    assert [text[s:e] for s, e in find_all(text, "putin")] == ["Putin", "PUTIN"]
    assert [text[s:e] for s, e in find_all(text, "a.b")] == ["a.b"]
    assert find_all(text, "  ") == ()
