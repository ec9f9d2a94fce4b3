"""Each document format, made in the test, read through the door: title, text (boilerplate
absent), date in UTC, source, URL, and its location reopening it."""

from __future__ import annotations

import gzip
import json
import os
from datetime import UTC, datetime

import pytest

from tests.core.ingest.formats import makers

NOV_8_1405 = datetime(2016, 11, 8, 14, 5, tzinfo=UTC)  # Tue, 08 Nov 2016 09:05:00 -0500


def test_a_web_page_gives_its_article_without_the_boilerplate(tmp_path, read_corpus):
    pytest.importorskip("trafilatura")
    (tmp_path / "story.html").write_text(makers.html_page("Council passes the budget"))
    found = read_corpus(tmp_path)
    article = found.articles["Council passes the budget"]
    assert "approved the new budget" in article.body and "bus routes" in article.body
    for marker in makers.BOILERPLATE_MARKERS:
        assert marker not in article.body
    assert "trackingPixel" not in article.body and "font-family" not in article.body
    assert article.date == NOV_8_1405
    assert article.source == "The Daily Example"
    found.check_reopens()


def test_a_page_in_a_declared_legacy_charset(tmp_path, read_corpus):
    pytest.importorskip("trafilatura")
    page = makers.html_page("Бюджет принят", body="Городской совет утвердил новый бюджет. " * 5)
    page = page.replace('charset="utf-8"', 'charset="windows-1251"')
    (tmp_path / "ru.htm").write_bytes(page.encode("cp1251"))
    article = read_corpus(tmp_path).articles["Бюджет принят"]
    assert "Городской совет утвердил" in article.body


def test_rss_and_atom_items_are_articles_with_utc_dates(tmp_path, read_corpus):
    pytest.importorskip("feedparser")
    (tmp_path / "wire.rss").write_text(makers.rss_feed(2))
    (tmp_path / "atom.xml").write_text(makers.atom_feed())
    found = read_corpus(tmp_path)
    first = found.articles["Feed story 1"]
    assert first.body.startswith("Full text of story 1.")  # the content, not the summary
    assert first.date == datetime(2016, 11, 8, 6, 5, tzinfo=UTC)  # 01:05 -0500
    assert first.source.startswith("Example Wire")
    assert first.url == "https://example.org/story/1"
    assert found.articles["Feed story 2"].date == datetime(2016, 11, 8, 7, 5, tzinfo=UTC)
    atom = found.articles["Atom story"]
    assert atom.body.startswith("Only a summary")
    assert atom.date == datetime(2016, 11, 9, 1, 0, tzinfo=UTC)  # 10:00 +09:00
    found.check_reopens()


def test_xml_that_is_not_a_feed_is_skipped_with_a_reason(tmp_path, read_corpus):
    pytest.importorskip("feedparser")
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><settings><a>1</a></settings>')
    (tmp_path / "ok.txt").write_text("A note\n\nSome text.")
    found = read_corpus(tmp_path)
    assert "not a feed" in found.skips[str(tmp_path.resolve() / "config.xml")]


def test_mail_eml_and_mbox(tmp_path, read_corpus):
    (tmp_path / "one.eml").write_bytes(makers.eml_message("Budget figures"))
    (tmp_path / "box.mbox").write_bytes(makers.mbox(3))
    found = read_corpus(tmp_path)
    assert set(found.articles) == {"Budget figures"} | {f"Mailbox message {i}" for i in range(3)}
    one = found.articles["Budget figures"]
    assert one.body.startswith("The city council approved")  # the plain part, not the HTML
    assert "figures.pdf (application/pdf" in one.body  # attachments listed, not opened
    assert "%PDF" not in one.body
    assert one.source == "Ana Clerk <clerk@example.org>"
    assert one.date == NOV_8_1405
    assert "figures.pdf" not in found.articles["Mailbox message 1"].body
    found.check_reopens()


@pytest.mark.parametrize("name", ["site.warc", "site.warc.gz"])
def test_a_crawl_gives_one_article_per_html_response(tmp_path, read_corpus, name):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    makers.warc_file(tmp_path / name)
    found = read_corpus(tmp_path)
    assert set(found.articles) == {"Crawled page 0", "Crawled page 1"}  # not robots.txt
    page = found.articles["Crawled page 1"]
    assert page.url == "https://example.org/crawl/1"
    assert page.date == NOV_8_1405
    assert "COOKIEMARKER" not in page.body and "approved the new budget" in page.body
    found.check_reopens()


def test_a_pdf_text_layer_and_its_information(tmp_path, read_corpus):
    pytest.importorskip("pypdfium2")
    (tmp_path / "report.pdf").write_bytes(makers.pdf_document([makers.BODY, makers.MORE]))
    (tmp_path / "scan.pdf").write_bytes(makers.pdf_document(["", ""], title="Scan"))
    found = read_corpus(tmp_path)
    report = found.articles["Council report"]
    assert "approved the new budget" in report.body and "bus routes" in report.body
    assert report.source == "City Clerk"
    assert report.date == NOV_8_1405
    assert found.skips[str(tmp_path.resolve() / "scan.pdf")].startswith("no text layer")
    found.check_reopens()


def test_a_docx_document(tmp_path, read_corpus):
    pytest.importorskip("docx")
    makers.docx_document(tmp_path / "minutes.docx")
    found = read_corpus(tmp_path)
    minutes = found.articles["Minutes of the meeting"]
    assert minutes.body.startswith("The city council approved")
    assert "Schools | 12 million" in minutes.body
    assert minutes.source == "City Clerk"
    assert minutes.date == NOV_8_1405
    found.check_reopens()


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Бюджет города\n\nГородской совет утвердил новый бюджет на следующий год.", "cp1251"),
        ("Бюджет города\n\nГородской совет утвердил новый бюджет на следующий год.", "koi8-r"),
        ("Προϋπολογισμός\n\nΤο δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό.", "iso-8859-7"),
        ("市の予算\n\n市議会は来年度の新しい予算を承認した。議員たちは長く議論した。", "shift_jis"),
        ("Бюджет города\n\nГородской совет утвердил новый бюджет на следующий год.", "utf-16-le"),
    ],
)
def test_legacy_encoded_text_files_read_as_their_text(tmp_path, read_corpus, text, encoding):
    (tmp_path / "article.txt").write_bytes(text.encode(encoding))
    found = read_corpus(tmp_path)
    title, body = text.split("\n\n")
    assert found.articles[title].body == body
    assert not found.skips


def test_a_newsboat_cache_is_read_without_being_changed(tmp_path, read_corpus):
    cache = tmp_path / "cache.db"
    makers.newsboat_cache(cache)
    before = (cache.read_bytes(), os.stat(cache).st_mtime_ns)
    found = read_corpus(cache)
    assert set(found.articles) == {"Newsboat item 1", "Newsboat item 2"}  # not the deleted one
    item = found.articles["Newsboat item 1"]
    assert item.source == "Example Wire \u2014 Reporter"
    assert item.date == datetime(2016, 11, 8, 15, 5, tzinfo=UTC)
    assert item.url == "https://example.org/nb/1"
    assert item.body.startswith("Newsboat body 1.")
    found.check_reopens()
    assert (cache.read_bytes(), os.stat(cache).st_mtime_ns) == before


def test_a_sidecar_manifest_fills_in_titles_dates_and_sources(tmp_path, read_corpus):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("the text of a note without a headline, long enough.\n")
    (folder / "b.txt").write_text("Own headline\n\nThe text of another note.\n")
    (folder / "manifest.csv").write_text(
        "file,title,date,source,url\n"
        "a.txt,Title from the manifest,2016-11-08T09:05:00-05:00,Archive,https://example.org/a\n"
    )
    found = read_corpus(tmp_path)
    assert set(found.articles) == {"Title from the manifest", "Own headline"}
    a = found.articles["Title from the manifest"]
    assert (a.date, a.source, a.url) == (NOV_8_1405, "Archive", "https://example.org/a")
    assert not found.skips  # the manifest is read, not skipped, and not an article
    found.check_reopens()


def test_a_metadata_jsonl_sidecar_and_a_changed_manifest(tmp_path, read_corpus):
    (tmp_path / "a.txt").write_text("Some text of a note.\n")
    sidecar = tmp_path / "metadata.jsonl"
    sidecar.write_text(json.dumps({"path": "a.txt", "title": "First title"}) + "\n")
    assert "First title" in read_corpus(tmp_path).articles
    sidecar.write_text(json.dumps({"path": "a.txt", "title": "Second title"}) + "\n")
    os.utime(sidecar, ns=(os.stat(sidecar).st_mtime_ns + 10**9,) * 2)
    assert set(read_corpus(tmp_path).articles) == {"Second title"}


def test_compressed_and_tab_separated_dumps(tmp_path, read_corpus):
    csv_gz = gzip.compress(b"title,text,date\nGz row,Row text.,2016-11-08\n")
    (tmp_path / "a.csv.gz").write_bytes(csv_gz)
    (tmp_path / "b.tsv").write_text("title\ttext\tdate\nTab row\tTab text.\t8 Nov 2016 14:05 GMT\n")
    (tmp_path / "c.json.gz").write_bytes(gzip.compress(b'[{"title": "Json gz", "text": "J."}]'))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"Gzipped note\n\nText of a note.\n"))
    found = read_corpus(tmp_path)
    assert set(found.articles) == {"Gz row", "Tab row", "Json gz", "Gzipped note"}
    assert found.articles["Tab row"].date == NOV_8_1405
    assert found.articles["Gzipped note"].body == "Text of a note."
    found.check_reopens()


def test_a_folder_mixing_every_format_lists_every_article_titled_and_dated(tmp_path, read_corpus):
    for module in ("trafilatura", "feedparser", "warcio", "pypdfium2", "docx"):
        pytest.importorskip(module)
    expected = makers.mixed_folder(tmp_path / "mixed")
    found = read_corpus(tmp_path / "mixed")
    assert not found.skips
    assert len(found.articles) == sum(expected.values())
    files = {article.file for article in found.articles.values()}
    assert files == {str((tmp_path / "mixed" / name).resolve()) for name in expected}
    undated = {"Tab row", "Json gz", "Gzipped note", "Бюджет города"}  # their files give none
    for title, article in found.articles.items():
        assert title and article.body
        assert (article.date is None) == (title in undated), title
    found.check_reopens()
