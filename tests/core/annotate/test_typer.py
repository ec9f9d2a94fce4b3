"""The learned typer and the rules around it: unknown names are typed by what the text says.

All sentences are invented. The typer's weights ship with the package (no download).
"""

from __future__ import annotations

from pathlib import Path

from tuireader.core.annotate.entities import extract_entities, typer
from tuireader.core.annotate.entities.data import train_typer
from tuireader.core.annotate.entities.lexicon import load


def labels(text: str) -> dict[str, str]:
    return {e.text: e.label for e in extract_entities(text)}


def test_the_model_ships_and_scores_every_label() -> None:
    text = "Yesterday Marta Olsen said the vote would be close."
    start = text.index("Marta")
    scores = typer.classify(text, start, start + len("Marta Olsen"), load())
    assert set(scores) == set(typer.LABELS)
    assert max(scores, key=scores.__getitem__) == "PERSON"
    assert typer.MODEL.stat().st_size < 10 * 1024 * 1024


def test_an_unknown_band_is_not_a_person() -> None:
    found = labels("In 1998 he joined the band Glass Otter and toured Europe.")
    assert found.get("Glass Otter") == "ORG"


def test_an_album_or_a_quoted_title_is_misc() -> None:
    assert labels("They recorded the album Paper Lanterns in Oslo.").get("Paper Lanterns") == "MISC"
    found = labels('Their single "Copper Tide" reached number four.')
    assert found.get("Copper Tide") == "MISC"


def test_an_aircraft_model_is_misc_not_a_person() -> None:
    found = labels("The squadron flew the F-86 Sabre until 1953.")
    assert found.get("F-86 Sabre") == "MISC"


def test_a_role_word_before_a_name_is_not_part_of_it() -> None:
    found = labels("Coroner Marta Olsen said the cause was unclear.")
    assert found.get("Marta Olsen") == "PERSON"
    assert "Coroner Marta Olsen" not in found


def test_place_and_event_heads_type_unknown_names() -> None:
    found = labels("Trains stop at Eastmoor Junction since the Kessel Campaign ended.")
    assert found.get("Eastmoor Junction") == "LOC"
    assert found.get("Kessel Campaign") == "MISC"


def test_people_stay_people() -> None:
    found = labels("Jane Otter, a singer from Dunmarrow, said she would return.")
    assert found.get("Jane Otter") == "PERSON"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_training_script_rebuilds_a_model_and_skips_excluded_sentences(
    tmp_path: Path, capsys
) -> None:
    datasets = tmp_path / "datasets" / "data"
    wnut = "\n".join(
        [
            "We\tO\nsaw\tO\nGlass\tB-group\nOtter\tI-group\nin\tO\nOslo\tB-location\n",
            "Marta\tB-person\nOlsen\tI-person\nsang\tO\n",
        ]
    )
    _write(datasets / "WNUT17/CONLL-format/data/train/train.conll", wnut)
    _write(datasets / "BTC/CONLL-format/data/a.conll", "Kessel\tB-ORG\nwins\tO\n")
    gum = tmp_path / "gum"
    conllu = (
        "# text = Marta Olsen left Eastmoor .\n"
        "1\tMarta\tMarta\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-sgl\n"
        "2\tOlsen\tOlsen\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
        "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\tEastmoor\tEastmoor\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-new-sssss-cf2-1-sgl)\n"
        "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    )
    _write(gum / "dep/GUM_bio_invented.conllu", conllu)
    crossner = tmp_path / "crossner"
    music = (
        "Glass\tB-band\nOtter\tI-band\nplayed\tO\nFolk\tB-musicgenre\n\n"
        "Marta\tB-musicalartist\nOlsen\tI-musicalartist\nsang\tO\n"
    )
    _write(crossner / "ner_data/music/train.txt", music)
    exclude = _write(tmp_path / "eval.conll", "Marta B-PER\nOlsen I-PER\nsang O\n")
    out = tmp_path / "typer.json.gz"
    argv = [str(tmp_path / "datasets"), str(gum), str(crossner), "--exclude", str(exclude)]
    assert train_typer.main([*argv, "--out", str(out)]) == 0
    assert out.exists() and out.stat().st_size > 0
    assert "2 excluded sentences dropped" in capsys.readouterr().out


def test_a_numeral_ordinal_opens_an_event_name() -> None:
    found = labels("He fought at the 2nd Battle of Kessel in 1863.")
    assert found.get("2nd Battle of Kessel") == "MISC"


def test_two_people_joined_by_an_ampersand_are_two() -> None:
    found = labels("The show is hosted by Karl Langdon & Harvey Deegan every week.")
    assert found.get("Karl Langdon") == "PERSON"
    assert found.get("Harvey Deegan") == "PERSON"
    assert labels("He works for Procter & Gamble in Ohio.").get("Procter & Gamble") == "ORG"


def test_an_office_alone_names_no_one() -> None:
    assert labels("The trophy came from the Governor General of the colony.") == {}


def test_a_common_word_that_is_also_a_surname_is_a_role_word() -> None:
    found = labels("That, NDP Chief of Staff Marta Olsen explained, is by design.")
    assert found.get("Marta Olsen") == "PERSON"


def test_a_given_name_before_an_unknown_word_may_be_retyped() -> None:
    found = labels("He played guitar in the metal band Velvet Revolver .")
    assert found.get("Velvet Revolver") == "ORG"  # "Velvet" is a given name, "Revolver" no surname
    assert labels("Jane Doe spoke .").get("Jane Doe") == "PERSON"


def test_a_misc_guess_the_model_rates_below_no_name_is_dropped(monkeypatch) -> None:
    from tuireader.core.annotate.entities.mention import MISC, Mention

    text = "They spoke of the Quorvath at length ."
    start = text.index("Quorvath")
    guess = Mention(start, start + 8, MISC, "Quorvath", weak=True, guess=True)
    low = {"PERSON": 0.0, "ORG": 0.0, "LOC": 0.0, "MISC": 1.0, "NONE": 1.5}
    monkeypatch.setattr(typer, "classify", lambda *a: dict(low))
    monkeypatch.setattr(typer, "phrase_by_context", lambda *a: None)
    assert typer.retype([guess], text, load()) == []
    low["MISC"] = 2.5  # MISC beats "no name": the guess stays
    assert [m.text for m in typer.retype([guess], text, load())] == ["Quorvath"]


def test_ascii_word_pattern_finds_what_the_unicode_one_finds_on_ascii_text() -> None:
    for text in ("Mr. Tom O'Dell-Ray, 3.5 U.S. x_y !?", "a\x1cb\x1f c\t\nd .. -e- f."):
        assert typer._WORD_ASCII.findall(text) == typer._WORD.findall(text)
