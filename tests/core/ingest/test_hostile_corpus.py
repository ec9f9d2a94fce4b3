"""A generated hostile corpus: every kind of dirty input the reader must survive.

Used by the hostile tests (small sizes) and by ``benchmarks/stress.py`` (real sizes). Every
valid article carries the word ``zebrafish`` and a word of its own (``uniqNNNNx``), so that a
search can prove each one was indexed; every escape sequence, control and bidi override
planted here must never reach the terminal.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.core.ingest import loaders

MARK = "zebrafish"
# What an article may carry that must never reach a terminal raw.
EVIL = (
    "\x1b[31mred\x1b[0m \x1b]0;pwned title\x07 \x1b]52;c;ZXZpbA==\x07 \x1b]8;;http://x\x1b\\"
    "link\x1b]8;;\x1b\\ \x9b2J \x9d0;t\x9c \x07\x08\x7f \u202egnp.exe\u202c \u2066iso\u2069 "
    "[bold]markup[/] [@click=app.quit]click[/] [/oops]"
)
# Bytes and characters that must not appear in terminal output.
FORBIDDEN = ["\x1b", "\x9b", "\x9d", "\x9c", "\x07", "\x08", "\x7f", "\u202e", "\u2066"]


@dataclass
class Hostile:
    root: Path
    valid: list[str] = field(default_factory=list)  # unique words of the articles to be found
    skipped: dict[str, str] = field(default_factory=dict)  # name part -> expected reason part

    def word(self) -> str:
        word = f"uniq{len(self.valid):05d}x"
        self.valid.append(word)
        return word

    def text(self, title: str = "A Story") -> str:
        return f"{title}\n\n{MARK} {self.word()} The minister said on Monday that talks went on.\n"


def make_hostile_corpus(
    root: Path,
    many: int = 300,
    long_line_bytes: int = 200_000,
    huge_bytes: int = 0,
    depth: int = 40,
    seed: int = 5,
) -> Hostile:
    """Write the corpus under ``root`` and return what indexing it must give.

    ``many`` files go into one folder; ``long_line_bytes`` is the size of a one-line article;
    ``huge_bytes`` (0: none) the size of one big article (cut at MAX_ARTICLE_BYTES).
    """
    rng = random.Random(seed)
    h = Hostile(root)
    root.mkdir(parents=True, exist_ok=True)
    enc = root / "encodings"
    enc.mkdir()
    (enc / "utf8.txt").write_text(h.text("Plain UTF-8 “quotes” café"), encoding="utf-8")
    (enc / "latin1.txt").write_bytes(h.text("Latin-1 café crème").encode("latin-1"))
    (enc / "cp1252.txt").write_bytes(h.text("cp1252 “smart” quotes – dash").encode("cp1252"))
    (enc / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + h.text("BOM café").encode())
    (enc / "utf16le_bom.txt").write_bytes(h.text("UTF-16 café").encode("utf-16"))
    (enc / "utf16be_bom.md").write_bytes(codecs.BOM_UTF16_BE + h.text("BE").encode("utf-16-be"))
    (enc / "utf16_nobom.txt").write_bytes(h.text("No BOM at all").encode("utf-16-le"))
    bad = h.text("Mostly UTF-8 naïve résumé").encode() + b"one stray \xff\xfe byte pair\n"
    (enc / "invalid_utf8.txt").write_bytes(bad)
    (enc / "crlf.txt").write_bytes(h.text("CRLF Lines").replace("\n", "\r\n").encode())
    (enc / "lone_cr.txt").write_bytes(h.text("Old Mac Lines").replace("\n", "\r").encode())
    nul = h.text("A NUL Inside") + ("filler words here. " * 40) + "\x00 after the nul.\n"
    (enc / "nul_byte.txt").write_text(nul)

    evil = root / "evil"
    evil.mkdir()
    (evil / "escapes.txt").write_text(f"Title {EVIL}\n\n{MARK} {h.word()} body {EVIL}\n")
    (evil / "no_headline.txt").write_text(f"{EVIL} {MARK} {h.word()} " + "word " * 200)
    try:
        (evil / "name\x1b[31mred\u202e.txt").write_text(h.text("Evil File Name"))
    except OSError:  # pragma: no cover - a file system that refuses the name
        h.valid.pop()

    skip = root / "skip"
    skip.mkdir()
    (skip / "empty.txt").write_bytes(b"")
    (skip / "spaces.txt").write_text("   \n\t\n  \r\n")
    (skip / "png.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000))
    )
    (skip / "random.md").write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    h.skipped.update(
        {"empty.txt": "empty", "spaces.txt": "empty", "png.txt": "binary", "random.md": "binary"}
    )
    try:
        os.mkfifo(skip / "fifo.txt")
        h.skipped["fifo.txt"] = "not a regular file"
    except (OSError, AttributeError):  # pragma: no cover
        pass
    (skip / "devzero.txt").symlink_to("/dev/zero")
    h.skipped["devzero.txt"] = "not a regular file"
    try:
        os.fsencode  # noqa: B018
        bad_name = os.path.join(os.fsencode(skip), b"bad\xffname.txt")
        with open(bad_name, "wb") as handle:
            handle.write(h.text("Undecodable Name").encode())
        h.valid.pop()  # found but skipped: its name cannot be stored
        h.skipped["bad"] = "not valid UTF-8"
    except OSError:  # pragma: no cover
        pass

    big = root / "big"
    big.mkdir()
    line = f"{MARK} {h.word()} " + " ".join(
        rng.choice(("alpha", "beta", "gamma", "delta", "word")) for _ in range(long_line_bytes // 6)
    )
    (big / "long_line.txt").write_text(line[:long_line_bytes])
    word = "x" * min(long_line_bytes, 100_000)
    (big / "long_word.txt").write_text(f"Long Word\n\n{MARK} {h.word()} {word} end\n")
    if huge_bytes:
        with open(big / "huge.txt", "wb") as handle:
            handle.write(h.text("Huge Article").encode())
            chunk = ("The committee met again and talked at length about it. " * 1000).encode()
            written = 0
            while written < huge_bytes:
                handle.write(chunk)
                written += len(chunk)
        if huge_bytes > loaders.MAX_ARTICLE_BYTES:
            h.skipped["huge.txt"] = "cut:"

    deep = root / "deep"
    folder = deep
    for level in range(depth):
        folder = folder / f"d{level}"
    folder.mkdir(parents=True)
    (folder / "bottom.txt").write_text(h.text("Deep Down"))

    loops = root / "loops"
    loops.mkdir()
    (loops / "real.txt").write_text(h.text("Next To A Loop"))
    (loops / "back").symlink_to("..")
    (loops / "self").symlink_to(".")
    (loops / "dangling.txt").symlink_to(loops / "missing.txt")
    h.skipped["loops"] = "symlink loop"
    h.skipped["dangling.txt"] = "cannot stat"

    locked = root / "locked"
    locked.mkdir()
    (locked / "unreadable.txt").write_text(h.text("Unreadable File"))
    os.chmod(locked / "unreadable.txt", 0)
    closed = locked / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(h.text("Inside A Closed Folder"))
    os.chmod(closed, 0)
    if os.geteuid() != 0:  # root reads them anyway: then they count as valid
        h.valid.pop()
        h.valid.pop()
        h.skipped["unreadable.txt"] = "cannot read"
        h.skipped["closed"] = "cannot list"

    dumps = root / "dumps"
    dumps.mkdir()
    lines = [
        json.dumps({"id": "1", "title": "Good One", "text": f"{MARK} {h.word()} fine"}).encode(),
        b'{"title": "broken", "text": ',
        json.dumps(
            {
                "id": "2",
                "title": f"Evil {EVIL}",
                "text": f"{MARK} {h.word()} {EVIL}",
                "source": EVIL,
                "date": EVIL,
                "url": EVIL,
            }
        ).encode(),
        b"[1, 2, 3]",
        b"42",
        b"null",
        json.dumps({"id": "3", "title": "", "text": ""}).encode(),
        b"[" * 50_000 + b"]" * 50_000,
        (
            '{"id": "4", "title": "Surrogate \\ud800 here", "text": "' + f'{MARK} {h.word()}"}}'
        ).encode(),
        b'{"id": "5", "title": "Raw byte \xff here", "text": "'
        + f"{MARK} {h.word()}".encode()
        + b'"}',
        json.dumps(
            {"id": {"nested": [1, 2]}, "headline": "Odd Id", "body": f"{MARK} {h.word()}"}
        ).encode(),
        json.dumps(
            {"id": "6", "title": f"Number Text {MARK} {h.word()}", "text": 12345, "date": 10**20}
        ).encode(),
    ]
    (dumps / "dirty.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    h.skipped["dirty.jsonl"] = "bad JSON line"

    rows = ["id,title,text,source"]
    rows.append(f'1,Good Row,"{MARK} {h.word()} text, with comma",src')
    rows.append("2,Too,Many,Fields,Here")
    rows.append(f'3,Multi Line,"{MARK} {h.word()} first line\nsecond line",src')
    rows.append('4,Bad Quote,"closed"junk,src')
    rows.append(f"5,Evil Row,{MARK} {h.word()} {EVIL.replace(',', ' ')},src")
    rows.append('6,Unclosed,"this quote never closes,src')
    rows.append(f"7,After Unclosed,{MARK} {h.word()} survives,src")
    (dumps / "dirty.csv").write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")

    records = [{"id": str(i), "title": f"Gz {i}", "text": f"{MARK} {h.word()}"} for i in range(60)]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode(), mtime=0)
    # Keep about half of the compressed bytes: the records wholly before the cut survive.
    cut = data[: len(data) // 2]
    (dumps / "truncated.jsonl.gz").write_bytes(cut)
    with gzip.open(dumps / "truncated.jsonl.gz", "rb") as handle:
        got = b""
        try:
            while chunk := handle.read(1):
                got += chunk
        except EOFError:
            pass
    kept = sum(1 for raw in got.split(b"\n")[:-1] if raw.strip())
    del h.valid[len(h.valid) - len(records) + kept :]
    h.skipped["truncated.jsonl.gz"] = "truncated"
    (dumps / "garbage.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    (dumps / "notgzip.jsonl.gz").write_text('{"title": "x", "text": "y"}\n')
    h.skipped["garbage.jsonl.gz"] = "gz"
    h.skipped["notgzip.jsonl.gz"] = "gz"
    good = [{"title": "Array One", "text": f"{MARK} {h.word()}"}]
    (dumps / "broken_array.json").write_text(json.dumps(good)[:-1] + ', {"title": oops}]')
    h.skipped["broken_array.json"] = "Expecting value"
    (dumps / "utf16.jsonl").write_bytes('{"title": "a", "text": "b"}\n'.encode("utf-16"))
    h.skipped["utf16.jsonl"] = "UTF-16"

    _hostile_documents(root / "documents", h)

    crowd = root / "crowd"
    crowd.mkdir()
    for i in range(many):
        (crowd / f"a{i:06d}.txt").write_text(h.text(f"Crowd {i}"))
    return h


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _hostile_documents(root: Path, h: Hostile) -> None:
    """Bad documents of each format: a bad feed item, a broken MIME part, a truncated WARC
    record, an encrypted and a damaged PDF, a damaged DOCX, a database that is not newsboat's:
    each skips only itself (or its own part) with a reason. A format whose extra is missing
    here is skipped whole, with the extra to install."""
    root.mkdir()
    # mail (standard library): a good message, one whose text part has an unknown charset and
    # broken base64 next to a good part, and one that is not a message at all
    good = "Subject: Good mail\nFrom: a@example.org\nDate: Tue, 08 Nov 2016 09:05:00 -0500\n\n"
    good += f"{MARK} {h.word()} the mail body.\n"
    broken = (
        "Subject: Broken part\nFrom: b@example.org\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XX"\n\n--XX\n'
        'Content-Type: text/plain; charset="x-no-such-charset"\n'
        f"Content-Transfer-Encoding: base64\n\n!!not base64!! {MARK} {h.word()}\n--XX\n"
        'Content-Type: application/octet-stream; name="a.bin"\n'
        "Content-Transfer-Encoding: base64\n\n%%%%\n"
    )  # the closing boundary is missing too
    junk = "\x00\x01 not headers at all\n"
    mbox = "".join(f"From x@example.org Tue Nov  8 14:05:00 2016\n{m}\n" for m in (good, broken))
    (root / "hostile.mbox").write_text(mbox + "From x\n" + junk, encoding="utf-8")
    h.skipped["hostile.mbox@"] = "bad message"
    if _has("feedparser"):
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Bad Feed</title>'
            f"<item><title>Good item</title><description>{MARK} {h.word()}</description></item>"
            "<item><title></title><description></description></item>"
            "<item><title>Unclosed <description>broken &bogus; markup"
        )
        (root / "hostile.rss").write_text(feed, encoding="utf-8")
        h.skipped["hostile.rss#1"] = "bad feed item"
    else:  # pragma: no cover - CI installs every extra
        (root / "hostile.rss").write_text("<rss/>")
        h.skipped["hostile.rss"] = "tuireader[feeds]"
    if _has("warcio") and _has("trafilatura"):
        from tests.core.ingest.formats.makers import warc_file

        bodies = [f"{MARK} {h.word()} " + "The crawl kept this page whole. " * 8 for _ in "ab"]
        warc_file(root / "truncated.warc.gz", pages=2, truncate=True, bodies=bodies)
        h.skipped["truncated.warc.gz"] = "truncated"
    else:  # pragma: no cover
        (root / "truncated.warc.gz").write_bytes(b"")
        h.skipped["truncated.warc.gz"] = "tuireader[warc]"
    if _has("pypdfium2"):
        from tests.core.ingest.formats.makers import encrypted_pdf, pdf_document

        (root / "encrypted.pdf").write_bytes(encrypted_pdf())
        h.skipped["encrypted.pdf"] = "encrypted PDF"
        whole = pdf_document(["Some text"])
        (root / "damaged.pdf").write_bytes(whole[:40] + b"\x00garbage" * 50)
        h.skipped["damaged.pdf"] = "damaged or unreadable PDF"
    else:  # pragma: no cover
        (root / "encrypted.pdf").write_bytes(b"%PDF-1.4")
        h.skipped["encrypted.pdf"] = "tuireader[pdf]"
    (root / "damaged.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    h.skipped["damaged.docx"] = "tuireader[office]" if not _has("docx") else "damaged"
    import sqlite3

    other = sqlite3.connect(root / "cache.db")
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    h.skipped["cache.db"] = "not a newsboat cache"


# -- tests -----------------------------------------------------------------------------------

import errno  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

from tuireader import cli  # noqa: E402
from tuireader.core.cache import sync as sync_module  # noqa: E402
from tuireader.core.cache.corpus import Corpus  # noqa: E402
from tuireader.core.cache.sync import sync  # noqa: E402

CUT = 64 * 1024


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The hostile corpus, indexed once for the module (with its own platformdirs)."""
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("hostile-home")
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        mp.setenv(var, str(home / var.lower()))
    mp.setattr(loaders, "MAX_ARTICLE_BYTES", CUT)  # the "200 MB article", scaled down
    h = make_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus", huge_bytes=400_000)
    corpus = Corpus([h.root])
    store, engine = corpus.open_store(), corpus.open_engine()
    report = sync(corpus, store, engine)
    yield h, corpus, store, engine, report, home
    engine.close()
    store.close()
    mp.undo()


def test_every_valid_article_is_indexed_and_found(indexed):
    h, corpus, store, engine, report, _home = indexed
    assert not report.busy and not report.cancelled
    assert store.count() == len(h.valid) == engine.doc_count()
    assert engine.search(MARK, limit=5000).total == len(h.valid)
    assert [w for w in h.valid if engine.search(w).total != 1] == []


def test_every_bad_item_is_skipped_with_its_reason_in_the_store_and_the_log(indexed):
    h, corpus, store, engine, report, home = indexed
    skips = store.skips()
    assert store.skip_count() == len(skips) == len(report.skipped)
    for item, reason in h.skipped.items():
        assert any(item in i and reason in r for i, r in skips), (item, reason, skips)
    log = (home / "xdg_state_home" / "tuireader" / "log" / "tuireader.log").read_text()
    for item in h.skipped:
        assert item in log
    assert "\x1b" not in log and "\udcff" not in log  # escaped: the log is safe to cat


def test_articles_are_clean_and_read_again_capped(indexed):
    h, corpus, store, engine, report, _home = indexed
    rows = store.rows(store.ordered_ids()).values()
    for row in rows:
        article = corpus.read(row)
        assert article.title == row.title
        shown = "".join((row.title, row.source, row.date_text, row.url, article.body))
        assert not [c for c in FORBIDDEN if c in shown], row.key
        assert "\r" not in article.body and "\x00" not in article.body
        assert len(article.body.encode("utf-8", "surrogatepass")) <= CUT + 200
    titles = {row.title for row in rows}
    assert "Latin-1 café crème" in titles and "cp1252 “smart” quotes – dash" in titles
    assert {"UTF-16 café", "BE", "No BOM at all", "BOM café"} <= titles
    assert "Surrogate \ufffd here" in titles and "Raw byte \xff here" in titles
    huge = next(r for r in rows if r.key.endswith("huge.txt"))
    assert "cut here: only the first 64 KB" in corpus.read(huge).body


def test_a_second_sync_changes_nothing(indexed):
    h, corpus, store, engine, report, _home = indexed
    again = sync(corpus, store, engine)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    assert store.count() == len(h.valid)


def _run_cli(args, capsys):
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_no_escape_byte_reaches_search_or_index_output(indexed, capsys):
    h, corpus, store, engine, report, _home = indexed
    root = str(h.root)
    code, out, err = _run_cli(["search", MARK, "--corpus", root, "--limit", "5000"], capsys)
    assert code == 0 and f"{len(h.valid)} of {len(h.valid)} articles match" in out
    assert not [c for c in FORBIDDEN if c in out + err]
    assert "name\\x1b[31mred\\u202e.txt" in out  # the evil file name, made visible
    code, out, err = _run_cli(
        ["search", MARK, "--corpus", root, "--limit", "5000", "--json"], capsys
    )
    assert code == 0 and not [c for c in FORBIDDEN if c in out + err]
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(h.valid)
    assert any("name\x1b[31mred\u202e.txt" in r["path"] for r in records)  # the value is exact
    assert any(
        EVIL.split()[0] in (r["source"] or "") or r["title"].startswith("Evil") for r in records
    )
    code, out, err = _run_cli(["index", root, "--skipped"], capsys)
    assert code == 0 and not [c for c in FORBIDDEN if c in out + err]
    assert f"skipped {len(report.skipped)} items" in err and "reasons logged in" in err
    assert "bad\\xffname.txt" in err


def test_json_dumps_leaves_c1_and_bidi_raw_and_json_safe_escapes_them():
    from tuireader.core.base.text import json_safe

    raw = json.dumps({"t": "\x1b\x07\x9b\x9d\x7f\u202e\u2028"}, ensure_ascii=False)
    assert "\x1b" not in raw and "\x07" not in raw  # json escapes C0...
    assert "\x9b" in raw and "\u202e" in raw  # ...but not C1, DEL or bidi controls
    safe = json_safe(raw)
    assert not [c for c in "\x9b\x9d\x7f\u202e\u2028" if c in safe]
    assert json.loads(safe) == json.loads(raw)


def test_files_vanishing_or_changing_while_indexing(tmp_path, monkeypatch):
    root = tmp_path / "c"
    root.mkdir()
    for name in ("stay", "vanish", "change"):
        (root / f"{name}.txt").write_text(f"{name.title()}\n\n{MARK} word{name}\n")
    real_discover = sync_module.discover

    def discover_then_disturb(paths):
        found = real_discover(paths)
        (root / "vanish.txt").unlink()
        (root / "change.txt").write_text(f"Changed\n\n{MARK} changedword and more text\n")
        return found

    monkeypatch.setattr(sync_module, "discover", discover_then_disturb)
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    report = sync(corpus, store, engine)
    assert any("vanish.txt" in s.path and "cannot read" in s.reason for s in report.skipped)
    assert store.count() == 2 and engine.search("changedword").total == 1
    monkeypatch.setattr(sync_module, "discover", real_discover)
    again = sync(corpus, store, engine)  # the changed file is read again; the gone one forgotten
    assert not any("vanish.txt" in s.path for s in again.skipped)
    assert store.count() == 2 == engine.doc_count()


def test_unreadable_file_and_folder_are_skipped_then_read_once_readable(tmp_path, monkeypatch):
    root = tmp_path / "c"
    (root / "closed").mkdir(parents=True)
    (root / "locked.txt").write_text(f"Locked\n\n{MARK} lockedword\n")
    (root / "closed" / "inside.txt").write_text(f"Inside\n\n{MARK} insideword\n")
    (root / "open.txt").write_text(f"Open\n\n{MARK} openword\n")
    locked = str(root / "locked.txt")
    real_open, real_scandir = open, os.scandir

    def deny_open(path, *args, **kwargs):
        if str(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def deny_scandir(path="."):
        if str(path).endswith("closed"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    # What chmod 000 does for a non-root user (root reads anything: simulated here).
    monkeypatch.setattr(loaders, "open", deny_open, raising=False)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    report = sync(corpus, store, engine)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons["locked.txt"] == "cannot read: Permission denied"
    assert reasons["closed"].startswith("cannot list")
    assert store.count() == 1
    monkeypatch.undo()
    again = sync(corpus, store, engine)  # same mtimes: read because the last try failed
    assert again.added == 2 and not again.skipped and store.count() == 3


@pytest.mark.skipif(os.geteuid() != 0, reason="checks what root sees")
def test_chmod_000_does_not_stop_root(tmp_path):
    root = tmp_path / "c"
    (root / "closed").mkdir(parents=True)
    (root / "closed" / "a.txt").write_text(f"A\n\n{MARK} aword\n")
    os.chmod(root / "closed" / "a.txt", 0)
    os.chmod(root / "closed", 0)
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    assert sync(corpus, store, engine).added == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files")
def test_chmod_000_is_skipped_for_a_user(tmp_path):  # pragma: no cover - CI runs as root
    root = tmp_path / "c"
    (root / "closed").mkdir(parents=True)
    (root / "a.txt").write_text(f"A\n\n{MARK} aword\n")
    os.chmod(root / "a.txt", 0)
    os.chmod(root / "closed", 0)
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    report = sync(corpus, store, engine)
    assert {Path(s.path).name for s in report.skipped} >= {"a.txt", "closed"}


def test_huge_jsonl_line_is_skipped_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "MAX_ARTICLE_BYTES", 1000)
    dump = tmp_path / "d.jsonl"
    big = json.dumps({"title": "Big", "text": "x " * 50_000})  # over 2 x 1000 + 64 KB
    cut = json.dumps({"title": "Cut", "text": "y " * 700})  # under the record limit, over the cap
    dump.write_text("\n".join([big, json.dumps({"title": "After", "text": "z"}), cut]) + "\n")
    items = [i for i, _ in loaders.iter_articles(loaders.SourceFile(str(dump), 1, 1))]
    kinds = [(type(i).__name__, getattr(i, "title", getattr(i, "reason", ""))[:20]) for i in items]
    assert kinds[0] == ("Skipped", "JSON line larger tha")
    assert ("Article", "After") in kinds and ("Article", "Cut") in kinds
    assert any(isinstance(i, loaders.Skipped) and i.reason.startswith("cut:") for i in items)


def test_cut_text_file_does_not_split_a_character(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "MAX_ARTICLE_BYTES", 1001)
    path = tmp_path / "a.txt"
    path.write_text("Title\n\n" + "é" * 2000)  # 2-byte characters, cut at an odd byte
    article = loaders.load_text_file(str(path))
    assert "\ufffd" not in article.body and "Ã" not in article.body
    assert article.body.startswith("é") and "cut here" in article.body


def test_cli_index_exits_2_with_one_line_when_the_cache_cannot_be_written(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("A\n\nbody\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    os.environ["XDG_CACHE_HOME"] = str(blocker / "cache")  # restored by the conftest fixture
    code, out, err = _run_cli(["index", str(tmp_path / "c")], capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("tuireader: cannot write the index in")
    assert "Not a directory" in err


def test_read_only_cache_opens_the_existing_index_read_only(tmp_path, monkeypatch, capsys):
    from tuireader.core.cache import corpus as corpus_module

    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text(f"A\n\n{MARK} alpha\n")
    assert _run_cli(["index", str(root)], capsys)[0] == 0
    (root / "b.txt").write_text(f"B\n\n{MARK} beta\n")
    monkeypatch.setattr(
        corpus_module, "_write_problem", lambda folder: f"cannot write in {folder}: read-only"
    )
    code, out, err = _run_cli(["index", str(root)], capsys)
    assert code == 2 and "read-only" in err
    corpus = Corpus([root])
    store = corpus.open_store()  # what the app does: falls back to reading
    assert corpus.read_only and "without updating it" in corpus.cache_message
    engine = corpus.open_engine()
    report = sync(corpus, store, engine)
    assert report.read_only and store.count() == 1
    assert engine.search(MARK).total == 1
    code, out, err = _run_cli(["search", MARK, "--corpus", str(root)], capsys)
    assert code == 0 and "1 of 1 articles match" in out and "without updating it" in err


def test_unusable_cache_without_an_index_indexes_into_a_temporary_folder(tmp_path, monkeypatch):
    from tuireader.core.cache import corpus as corpus_module

    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text(f"A\n\n{MARK} alpha\n")
    real = corpus_module._write_problem
    monkeypatch.setattr(
        corpus_module,
        "_write_problem",
        lambda folder: "cannot write: full" if "tuireader-" not in str(folder) else real(folder),
    )
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    assert corpus.temporary and "temporary folder" in corpus.cache_message
    assert sync(corpus, store, engine).added == 1 and engine.search(MARK).total == 1


def test_corrupt_or_foreign_index_is_rebuilt(tmp_path, capsys):
    root = tmp_path / "c"
    root.mkdir()
    for i in range(3):
        (root / f"{i}.txt").write_text(f"T{i}\n\n{MARK} w{i}\n")
    assert _run_cli(["index", str(root)], capsys)[0] == 0
    corpus = Corpus([root])
    for toc in corpus.index_dir.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x00garbage" * 10)
    code, out, err = _run_cli(["index", str(root)], capsys)
    assert code == 0 and "3 articles (3 added" in out
    # a foreign folder where the index should be
    for child in corpus.index_dir.iterdir():
        child.unlink()
    (corpus.index_dir / "notes.txt").write_text("someone else's")
    code, out, err = _run_cli(["index", str(root)], capsys)
    assert code == 0 and "3 articles (3 added" in out
    code, out, err = _run_cli(["search", MARK, "--corpus", str(root)], capsys)
    assert "3 of 3 articles match" in out


def test_killed_between_index_and_store_commits_is_repaired(tmp_path, monkeypatch):
    """The index commits first: a kill before the store commits leaves unknown documents."""
    root = tmp_path / "c"
    root.mkdir()
    for i in range(5):
        (root / f"{i}.txt").write_text(f"T{i}\n\n{MARK} w{i}\n")
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()

    class Killed(BaseException):
        pass

    def die(self):  # the store's commit never happens, nor any clean-up
        raise Killed

    monkeypatch.setattr(type(store), "commit", die)
    monkeypatch.setattr(type(store), "rollback", lambda self: self.db.rollback())
    with pytest.raises(Killed):
        sync(corpus, store, engine)
    monkeypatch.undo()
    store.rollback()
    assert corpus.dirty_path.exists() and store.count() == 0 and engine.doc_count() == 5
    (root / "0.txt").unlink()  # and a file went away meanwhile: its document must not linger
    report = sync(corpus, store, engine)
    assert "stale index entries deleted" in report.repaired
    assert store.count() == 4 == engine.doc_count()
    assert engine.search("w0").total == 0 and engine.search(MARK).total == 4
    assert not corpus.dirty_path.exists()


def test_search_while_another_process_indexes_never_fails(tmp_path):
    import subprocess
    import time

    root = tmp_path / "c"
    root.mkdir()
    for i in range(700):
        (root / f"{i:05d}.txt").write_text(f"Story {i}\n\n{MARK} word{i} " + "text " * 60)
    (root / "seed.txt").write_text(f"Seed\n\n{MARK} seed\n")
    env = dict(os.environ)
    # the writer: a separate process indexing (sync lock held) while this one searches
    code = (
        "import sys, tuireader.core.cache.batching as s; s.FIRST_BATCH = 50; s.MAX_BATCH = 100; "
        "from tuireader.cli import main; sys.exit(main(['index', sys.argv[1]]))"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], env=env, stdout=subprocess.PIPE, text=True
    )
    corpus = Corpus([root])
    counts = []
    deadline = time.monotonic() + 60
    try:
        while writer.poll() is None and time.monotonic() < deadline:
            engine = corpus.open_engine()  # opening too must not trip over a commit
            for _ in range(5):
                counts.append(engine.search(MARK, limit=5).total)
            engine.close()
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == 0
    assert len(counts) > 5 and max(counts) <= 701, [c for c in counts if c > 701][:3]
    assert counts == sorted(counts)  # searches saw commits, in order
    engine = corpus.open_engine()
    assert engine.search(MARK, limit=5).total == 701


# -- damaged index and store -------------------------------------------------------------------


def _indexed_folder(tmp_path, capsys, count: int = 40) -> tuple[Path, Corpus]:
    root = tmp_path / "c"
    root.mkdir()
    for i in range(count):
        (root / f"{i:03d}.txt").write_text(f"Story {i}\n\n{MARK} w{i}x " + "filler " * 30)
    assert _run_cli(["index", str(root)], capsys)[0] == 0
    return root, Corpus([root])


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "half":
        path.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    else:  # random bytes over the middle of the file
        rng = random.Random(4)
        for at in range(len(data) // 8, len(data) * 7 // 8):
            data[at] = rng.randrange(256)
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_lost_store_rebuilds_the_index_instead_of_doubling_it(tmp_path, capsys, how):
    import sqlite3

    root, corpus = _indexed_folder(tmp_path, capsys)
    if how == "deleted":
        for path in corpus.cache_dir.glob("articles.sqlite*"):
            path.unlink()
    else:
        db = sqlite3.connect(corpus.store_path)
        db.execute("DELETE FROM articles")
        db.execute("DELETE FROM files")
        db.commit()
        db.close()
    code, out, err = _run_cli(
        ["search", MARK, "--corpus", str(root), "--json", "--limit", "100"], capsys
    )
    assert code == 0, err
    hits = [json.loads(line)["location"] for line in out.splitlines()]
    assert len(hits) == 40 == len(set(hits))
    code, out, err = _run_cli(["search", MARK, "--corpus", str(root)], capsys)
    assert "40 of 40 articles match" in out
    assert Corpus([root]).open_engine().doc_count() == 40


@pytest.mark.parametrize("how", ["header", "pages"])
def test_damaged_store_is_set_aside_and_rebuilt(tmp_path, capsys, how):
    root, corpus = _indexed_folder(tmp_path, capsys, count=400)
    data = bytearray(corpus.store_path.read_bytes())
    if how == "header":
        data[:100] = b"\xff" * 100
    else:  # whole pages in the middle: "database disk image is malformed" when read
        page = int.from_bytes(data[16:18], "big")  # the page size, from SQLite's header
        start, end = len(data) // 3 // page * page, 2 * len(data) // 3 // page * page
        data[start:end] = b"\xa5" * (end - start)
    corpus.store_path.write_bytes(bytes(data))
    code, out, err = _run_cli(["index", str(root)], capsys)
    assert code == 0, err
    assert "400 articles" in out and "articles.sqlite.corrupt-1" in err
    assert (corpus.cache_dir / "articles.sqlite.corrupt-1").exists()
    code, out, err = _run_cli(["search", MARK, "--corpus", str(root)], capsys)
    assert code == 0 and "400 of 400 articles match" in out
    code, out, err = _run_cli(["search", "w123x", "--corpus", str(root), "--json"], capsys)
    assert json.loads(out)["title"] == "Story 123"


def test_store_with_text_that_is_not_utf8_still_lists_and_is_replaced(tmp_path, capsys):
    import sqlite3

    root, corpus = _indexed_folder(tmp_path, capsys)
    db = sqlite3.connect(corpus.store_path)
    db.execute("UPDATE articles SET title = CAST(x'41ff42' AS TEXT) WHERE id = 3")
    db.execute("UPDATE files SET path = CAST(x'2fff' AS TEXT) WHERE rowid = 5")  # read by syncs
    db.commit()
    db.close()
    store, engine = corpus.open_store(), corpus.open_engine()  # what the app does first
    ids = store.ordered_ids()
    rows = store.rows(ids)  # was "Could not decode to UTF-8", the app's crash at launch
    assert len(rows) == 40 and rows[3].title == "A\ufffdB"
    report = sync(corpus, corpus.open_store(), engine)  # the app's sync has its own connection
    assert "articles.sqlite.corrupt-1" in report.repaired
    ids = store.ordered_ids()  # the list is read again: from the new store
    assert store.count() == 40 and not any("\ufffd" in r.title for r in store.rows(ids).values())
