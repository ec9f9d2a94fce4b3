from tuireader.core.base.wording import counted


def test_counts_read_as_words_plural_unless_one() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2345, "article") == "2,345 articles"
    assert counted(1, "match", "matches") == "1 match"
    assert counted(3, "match", "matches") == "3 matches"
