import csv
import json
import os
from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.ingest.loaders import (
    CorpusError,
    Skipped,
    SourceFile,
    check_paths,
    discover,
    iter_articles,
    read_article,
)


def source(path: Path) -> SourceFile:
    st = path.stat()
    return SourceFile(str(path), st.st_size, st.st_mtime_ns)


def articles(path: Path) -> list[Article | Skipped]:
    return [item for item, _done in iter_articles(source(path))]


def test_discover_walks_folders_recursively_and_names_other_files(news_folder):
    files, skipped = discover(check_paths([news_folder]))
    names = [Path(f.path).name for f in files]
    assert names == ["budget.md", "hack.txt", "noheadline.txt"]
    odt = str(news_folder.resolve() / "notes.odt")
    assert skipped == [Skipped(odt, "not an article file (cannot read .odt files)")]


def test_discover_survives_symlink_loops(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Title\n\nBody.")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    files, skipped = discover([tmp_path])
    assert [Path(f.path).name for f in files] == ["x.txt"]
    assert any("symlink loop" in s.reason for s in skipped)


def test_text_article_with_headline(news_folder):
    (article,) = articles(news_folder / "2016" / "oct" / "hack.txt")
    assert article.title == "Kremlin Denies Hacking Claims"
    assert article.body.startswith("Moscow rejected")
    assert article.has_headline
    assert article.locator == WHOLE_FILE


def test_markdown_heading_becomes_title(news_folder):
    (article,) = articles(news_folder / "2016" / "budget.md")
    assert article.title == "Senate Passes Budget"


def test_text_article_without_headline_gets_title_from_first_sentence(news_folder):
    (article,) = articles(news_folder / "noheadline.txt")
    assert not article.has_headline
    assert article.title.startswith("The storm that hit the coast overnight")
    assert article.title.endswith("…")
    assert article.body.startswith("The storm")


def test_sample_corpus_titles(sample_corpus):
    files, _ = discover([sample_corpus])
    titles = [articles(Path(f.path))[0].title for f in files]
    assert titles[0] == "U.S. Officially Accuses Russian Government Of Perpetrating DNC Email Hack"
    assert titles[1].startswith("The United States government has officially accused Russia")


def test_cp1252_and_utf16_files_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes("Caf\xe9 News\n\n“Smart” quotes.".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Über News\n\nText.".encode("utf-16"))
    assert articles(tmp_path / "a.txt")[0].title == "Café News"
    assert articles(tmp_path / "b.txt")[0].title == "Über News"
    assert articles(tmp_path / "a.txt")[0].body == "“Smart” quotes."


def test_binary_and_empty_files_are_refused(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("   \n")
    with pytest.raises(ValueError, match="binary"):
        articles(tmp_path / "bin.txt")
    with pytest.raises(ValueError, match="empty"):
        articles(tmp_path / "empty.txt")


RECORDS = [
    {
        "id": "r1",
        "title": "First Story",
        "text": "Body one.",
        "date": "Nov. 8, 2016",
        "source": "Wire",
        "url": "http://example.com/1",
    },
    {
        "id": "r2",
        "headline": "Second Story",
        "body": "Body two.",
        "publication": "Paper",
        "date": "26-FEB-1987 15:01:01.79",
    },
    {"content": "An untitled record whose first sentence becomes its title. More text."},
    {"id": "r4", "title": "Odd Date", "text": "Body four.", "date": "sometime in spring"},
]


def check_records(path: Path) -> None:
    items = articles(path)
    assert [a.title for a in items][:2] == ["First Story", "Second Story"]
    first, second, third, fourth = items
    assert first.source == "Wire" and first.url == "http://example.com/1"
    assert first.date.year == 2016 and second.date.year == 1987
    assert second.source == "Paper" and second.body == "Body two."
    assert third.title == "An untitled record whose first sentence becomes its title."
    assert fourth.date is None and fourth.date_text == "sometime in spring"
    assert len({a.key for a in items}) == 4
    # every record can be read back on its own, by its locator
    for item in items:
        again = read_article(item.file, item.locator, item.key)
        assert (again.title, again.body) == (item.title, item.body)


def test_jsonl(tmp_path):
    check_records(write_jsonl(tmp_path / "d.jsonl", RECORDS))


def test_jsonl_gz(tmp_path):
    check_records(write_jsonl(tmp_path / "d.jsonl.gz", RECORDS, compress=True))


def test_json_array(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps(RECORDS, ensure_ascii=False, indent=2), encoding="utf-8")
    check_records(path)


def test_csv_with_multiline_fields(tmp_path):
    path = tmp_path / "d.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle,
            [
                "id",
                "title",
                "text",
                "date",
                "source",
                "url",
                "headline",
                "body",
                "publication",
                "content",
            ],
        )
        writer.writeheader()
        for record in RECORDS:
            writer.writerow(record)
    check_records(path)
    path2 = tmp_path / "m.csv"
    path2.write_text('title,text\n"Multi","line one\nline two"\n"Next","x"\n', encoding="utf-8")
    items = articles(path2)
    assert items[0].body == "line one\nline two"
    assert read_article(items[1].file, items[1].locator).title == "Next"


def test_bad_json_line_skips_only_itself(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"title": "A", "text": "a"}\n{not json\n{"title": "B", "text": "b"}\n')
    items = articles(path)
    assert [getattr(i, "title", None) for i in items] == ["A", None, "B"]
    assert isinstance(items[1], Skipped) and "bad JSON" in items[1].reason


def test_record_without_text_is_skipped(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x"}, {"title": "T", "text": "t"}])
    items = articles(path)
    assert isinstance(items[0], Skipped)
    assert items[1].title == "T"


def test_records_without_id_get_distinct_keys(tmp_path):
    same = {"title": "Same", "text": "Same text."}
    items = articles(write_jsonl(tmp_path / "d.jsonl", [same, same]))
    assert len({a.key for a in items}) == 2


def test_check_paths_errors(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        check_paths([tmp_path / "missing"])
    (tmp_path / "x.odt").write_text("x")
    with pytest.raises(CorpusError, match="not an article file"):
        check_paths([tmp_path / "x.odt"])


def test_a_bom_in_any_header_cell_gives_the_same_article_indexed_and_opened(tmp_path):
    """A header cell other than the first starting with U+FEFF (cells pasted from other files):
    the article the index gets and the one the reader opens have the same title and text."""
    path = tmp_path / "d.csv"
    header = "id,\ufefftitle,\ufefftext\n"
    path.write_text(header + "a1,Harbour cranes,Cranes moved.\n", encoding="utf-8")
    (source,), skipped = discover([path])
    assert not skipped
    ((indexed, _size),) = list(iter_articles(source))
    opened = read_article(indexed.file, indexed.locator, indexed.key)
    assert indexed.title == opened.title == "Harbour cranes"
    assert indexed.body == opened.body == "Cranes moved."
