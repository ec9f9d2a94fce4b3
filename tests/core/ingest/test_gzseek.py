import gzip
import json

from tuireader.core.ingest import gzseek


def test_lines_are_read_from_any_offset_through_snapshots(tmp_path, monkeypatch):
    monkeypatch.setattr(gzseek, "SPAN", 1000)  # many snapshots on a small file
    monkeypatch.setattr(gzseek, "_CHUNK", 256)
    monkeypatch.setattr(gzseek, "_indexes", {})
    lines = [
        json.dumps({"id": i, "text": f"record {i} " + "x" * (i % 50)}) + "\n" for i in range(400)
    ]
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.writelines(lines[:200])
    with gzip.open(path, "at") as handle:  # a second gzip member
        handle.writelines(lines[200:])
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line.encode())
    for i in (0, 1, 57, 199, 200, 201, 399):
        assert gzseek.read_line_at(str(path), offsets[i], 10_000).decode() == lines[i]
    assert len(gzseek._indexes[next(iter(gzseek._indexes))].snapshots) > 10


def test_a_long_line_is_cut_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(gzseek, "_indexes", {})
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write("y" * 500_000 + "\n")
    assert len(gzseek.read_line_at(str(path), 0, 1000)) == 1000
