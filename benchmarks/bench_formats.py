"""How fast the document formats are read, and what the encoding detector costs.

    python benchmarks/bench_formats.py [--pages 300] [--pdfs 30] [--words 500] [--extras]
                                       [--workdir DIR]

In this process (one core): HTML pages/s (trafilatura on generated news pages with
navigation, cookie banner, share bar, scripts and styles around ~``--words`` words), PDF
pages/s (pypdfium2's text layer of generated 10-page PDFs), and decoding a 5 KB file: UTF-8
(the fast path) and cp1251, KOI8-R, Shift-JIS (through charset-normalizer), in ms per file.
Times are the CPU time of this process (time.process_time), so that a machine busy with
other work does not count against a reader: pages per CPU-second is pages/s per core.
Targets: HTML >= 100 pages/s per core, PDF >= 20 pages/s per core, detection <= 1 ms per
5 KB legacy file and next to nothing on UTF-8.

``--extras``: the install size of each format extra: a fresh virtual environment per extra,
``pip install`` of tuireader with it, and the size of site-packages over that of the base
install (slow: a few minutes; uses the pip configuration of the machine).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import benchlib  # noqa: E402
from mixed_formats import page_of, pdf_of, records  # noqa: E402

EXTRAS = ("html", "feeds", "pdf", "office", "warc", "all")


def bench_html(pages: list[str]) -> float:
    from tuireader.core.ingest.formats.html import article_from_html

    article_from_html(pages[0], key="k", file="f", locator=-1)  # imports, first-call caches
    started = time.process_time()
    for page in pages:
        article_from_html(page, key="k", file="f", locator=-1)
    return len(pages) / (time.process_time() - started)


def bench_pdf(files: list[Path]) -> tuple[float, int]:
    """Pages/s of reading whole PDFs into articles (text layer, information, reflow)."""
    from tuireader.core.ingest.formats.pdf import read_pages, reopen

    count = sum(len(read_pages(str(path))[0]) for path in files)
    started = time.process_time()
    for path in files:
        reopen(str(path), -1, str(path))
    return count / (time.process_time() - started), count


def bench_decode(text: str, encoding: str, repeat: int) -> float:
    from tuireader.core.base.encoding import decode_bytes

    data = text.encode(encoding)
    assert decode_bytes(data) == text, encoding
    started = time.process_time()
    for _ in range(repeat):
        decode_bytes(data)
    return (time.process_time() - started) / repeat * 1000


def five_kb(sentence: str, encoding: str) -> str:
    text = ""
    while len((text + sentence).encode(encoding)) <= 5000:
        text += sentence
    return text


def extras_sizes(work: Path) -> list[list[str]]:
    """MB each extra adds to site-packages over the base install."""

    def site_bytes(spec: str) -> int:
        venv = work / f"venv-{spec.strip('.[]') or 'base'}"
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "-q", "--no-compile"]
        subprocess.run(pip + [f"{ROOT}{spec}"], check=True, stdout=subprocess.DEVNULL)
        site = next((venv / "lib").glob("python3*/site-packages"))
        size = benchlib.dir_bytes(site)
        shutil.rmtree(venv, ignore_errors=True)
        return size

    base = site_bytes("")
    rows = [["base", f"{base / 1e6:,.1f}", "-"]]
    for extra in EXTRAS:
        size = site_bytes(f"[{extra}]")
        rows.append([extra, f"{size / 1e6:,.1f}", f"{(size - base) / 1e6:,.1f}"])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="HTML pages")
    parser.add_argument("--pdfs", type=int, default=30, help="PDF files (10 pages each)")
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--extras", action="store_true", help="measure the extras' sizes")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tuireader-bench-formats-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        dump = work / "articles.jsonl"
        benchlib.make_corpus(max(args.pages, args.pdfs), dump, args.words, 1, "jsonl")
        found = records(dump)
        pages = [page_of(r) for r in found[: args.pages]]
        pdfs = []
        for i, record in enumerate(found[: args.pdfs]):
            long = dict(record, text=" ".join([record["text"]] * 10))
            path = work / f"{i:04d}.pdf"
            path.write_bytes(pdf_of(long, page_words=len(record["text"].split())))
            pdfs.append(path)
        html_rate = bench_html(pages)
        pdf_rate, pdf_pages = bench_pdf(pdfs)
        russian = "Городской совет утвердил новый бюджет на следующий год после долгих споров. "
        japanese = "市議会は来年度の新しい予算を承認した。議員たちは長く議論した。"
        ok_html, ok_pdf = benchlib.verdict(html_rate >= 100), benchlib.verdict(pdf_rate >= 20)
        rows = [
            [f"HTML pages/CPU-s ({len(pages)} pages)", f"{html_rate:,.0f}", "≥ 100", ok_html],
            [f"PDF pages/CPU-s ({pdf_pages} pages)", f"{pdf_rate:,.0f}", "≥ 20", ok_pdf],
        ]
        for label, text, encoding in (
            ("UTF-8 (fast path)", five_kb(russian, "utf-8"), "utf-8"),
            ("cp1251", five_kb(russian, "cp1251"), "cp1251"),
            ("KOI8-R", five_kb(russian, "koi8-r"), "koi8-r"),
            ("Shift-JIS", five_kb(japanese, "shift_jis"), "shift_jis"),
        ):
            ms = bench_decode(text, encoding, 2000 if encoding == "utf-8" else 100)
            ok = benchlib.verdict(ms <= 1)
            rows.append([f"decode 5 KB {label}, CPU ms", f"{ms:.3f}", "≤ 1", ok])
        print(f"Reading document formats, {benchlib.cpu_count()} CPUs")
        print(benchlib.table(["measure", "value", "target", "ok"], rows))
        if args.extras:
            print()
            print("Install size of each extra (site-packages, MB)")
            print(benchlib.table(["extra", "site-packages MB", "over base MB"], extras_sizes(work)))
        print(json.dumps({"html_pages_s": round(html_rate), "pdf_pages_s": round(pdf_rate)}))
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
