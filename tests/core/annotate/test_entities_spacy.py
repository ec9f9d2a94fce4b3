"""The spaCy entity backend, its loading with fallback, and the [entities] config.

No model is downloaded: a blank English pipeline with an EntityRuler stands in for one, and is
saved to disk to be loaded by path like a real model. The tests that need spaCy skip without it
(it comes with the dev extra); the fallback and config tests run either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tuireader.core.annotate import pipeline as annotate_module
from tuireader.core.annotate.pipeline import EmbeddedBackend, annotate, load_backend
from tuireader.core.annotate.spacy_backend import LABELS, SpacyBackend, map_label
from tuireader.core.annotate.spans import ENTITY_LABELS
from tuireader.core.user.config import Config, ConfigError, load_config

PATTERNS = [
    {"label": "PERSON", "pattern": "Dmitry Peskov"},
    {"label": "PER", "pattern": "Zo\u00eb \u00c5ngstr\u00f6m"},
    {"label": "ORG", "pattern": "Kremlin"},
    {"label": "GPE", "pattern": "Moscow"},
    {"label": "LOC", "pattern": "Siberia"},
    {"label": "FAC", "pattern": "Red Square"},
    {"label": "NORP", "pattern": "Russian"},
    {"label": "EVENT", "pattern": "Olympics"},
    {"label": "LAW", "pattern": "Magnitsky Act"},
    {"label": "MISC", "pattern": "Guccifer"},
    {"label": "DATE", "pattern": "Friday"},
    {"label": "MONEY", "pattern": [{"TEXT": "$"}, {"LIKE_NUM": True}]},
    {"label": "CARDINAL", "pattern": "three"},
    {"label": "PERCENT", "pattern": "40%"},
    {"label": "TIME", "pattern": "noon"},
]

TEXT = (
    "\U0001f600 Zo\u00eb \u00c5ngstr\u00f6m met three Russian officials in Moscow on Friday "
    'at noon near Red Square. "It is rubbish," said Dmitry Peskov, the Kremlin\'s man, of the '
    "$5 million Magnitsky Act and the Olympics, Siberia and Guccifer; 40% agreed."
)


def need_spacy():
    return pytest.importorskip("spacy", reason="spaCy is not installed (the dev extra has it)")


def ruler_pipeline():
    nlp = need_spacy().blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


@pytest.fixture
def nlp():
    return ruler_pipeline()


@pytest.fixture
def saved_model(tmp_path: Path) -> Path:
    path = tmp_path / "ruler_model"
    ruler_pipeline().to_disk(path)
    return path


def test_labels_are_mapped_and_others_dropped(nlp) -> None:
    found = {(e.text, e.label) for e in SpacyBackend(nlp=nlp).extract(TEXT)}
    assert found == {
        ("Zo\u00eb \u00c5ngstr\u00f6m", "PERSON"),
        ("Dmitry Peskov", "PERSON"),
        ("Kremlin", "ORG"),
        ("Moscow", "LOC"),
        ("Siberia", "LOC"),
        ("Red Square", "LOC"),
        ("Russian", "MISC"),
        ("Olympics", "MISC"),
        ("Magnitsky Act", "MISC"),
        ("Guccifer", "MISC"),
        ("Friday", "DATE"),
        ("$5", "MONEY"),
    }


def test_offsets_are_code_points_into_the_text(nlp) -> None:
    entities = SpacyBackend(nlp=nlp).extract(TEXT)
    assert entities
    last_end = -1
    for entity in entities:
        assert TEXT[entity.start : entity.end] == entity.text
        assert entity.label in ENTITY_LABELS
        assert entity.start >= last_end
        last_end = entity.end
    first = entities[0]
    assert (first.start, first.end) == (2, 14)  # the emoji before it is one code point


def test_long_texts_are_cut_under_max_length(nlp) -> None:
    nlp.max_length = 200
    paragraph = "Dmitry Peskov spoke in Moscow on Friday about the Kremlin.\n"
    text = paragraph * 40 + "x" * 150 + " Siberia " + "y" * 150
    entities = SpacyBackend(nlp=nlp).extract(text)
    assert len([e for e in entities if e.text == "Dmitry Peskov"]) == 40
    assert any(e.text == "Siberia" for e in entities)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text


def test_backend_name_and_annotate(nlp) -> None:
    backend = SpacyBackend("en_core_web_sm", nlp=nlp)
    assert backend.name == f"spacy-en_core_web_sm-{need_spacy().__version__}"
    assert SpacyBackend(nlp=nlp).name.startswith("spacy-en_")
    result = annotate(TEXT, backend)
    assert {e.label for e in result.entities} >= {"PERSON", "ORG", "LOC"}
    [quote] = result.quotes
    assert quote.text == '"It is rubbish,"'
    assert quote.speaker_name == "Dmitry Peskov"


def test_map_label_covers_conll_and_ontonotes() -> None:
    assert map_label("per") == "PERSON"
    assert map_label("WORK_OF_ART") == map_label("PRODUCT") == map_label("LANGUAGE") == "MISC"
    assert map_label("CARDINAL") is None and map_label("ORDINAL") is None
    assert set(LABELS.values()) <= set(ENTITY_LABELS)


def test_spacy_is_imported_only_when_a_backend_is_made() -> None:
    import subprocess

    code = (
        "import sys, tuireader.core.annotate.spacy_backend, tuireader.core.annotate.pipeline as a\n"
        "a.load_backend(None)\n"
        "assert 'spacy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- load_backend -----------------------------------------------------------------------------


def test_load_backend_defaults_to_embedded() -> None:
    backend, warning = load_backend(Config())
    assert isinstance(backend, EmbeddedBackend) and warning is None
    assert load_backend(None)[1] is None


def test_load_backend_loads_a_saved_pipeline(saved_model: Path) -> None:
    backend, warning = load_backend(
        Config(entities_backend="spacy", entities_model=str(saved_model))
    )
    assert warning is None
    assert isinstance(backend, SpacyBackend)
    assert backend.name.startswith("spacy-en_pipeline") and backend.name.endswith(
        need_spacy().__version__
    )
    assert ("Moscow", "LOC") in {(e.text, e.label) for e in backend.extract(TEXT)}


def test_missing_model_falls_back_with_one_message() -> None:
    need_spacy()
    backend, warning = load_backend(
        Config(entities_backend="spacy", entities_model="no_such_model_xyz")
    )
    assert isinstance(backend, EmbeddedBackend)
    assert warning is not None and "\n" not in warning
    assert "no_such_model_xyz" in warning and "embedded" in warning


def test_missing_folder_falls_back(tmp_path: Path) -> None:
    need_spacy()
    model = str(tmp_path / "nope")
    backend, warning = load_backend(Config(entities_backend="spacy", entities_model=model))
    assert isinstance(backend, EmbeddedBackend)
    assert "no such folder" in warning and "download" not in warning


def test_empty_pipeline_falls_back(tmp_path: Path) -> None:
    need_spacy().blank("en").to_disk(tmp_path / "blank")
    backend, warning = load_backend(
        Config(entities_backend="spacy", entities_model=str(tmp_path / "blank"))
    )
    assert isinstance(backend, EmbeddedBackend) and "empty pipeline" in warning


def test_spacy_not_installed_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # makes `import spacy` fail
    backend, warning = load_backend(Config(entities_backend="spacy"))
    assert isinstance(backend, EmbeddedBackend)
    assert warning.startswith("spaCy is not installed") and "tuireader[spacy]" in warning


def test_unexpected_errors_do_not_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(need_spacy(), "load", broken)
    backend, warning = load_backend(Config(entities_backend="spacy", entities_model="m"))
    assert isinstance(backend, EmbeddedBackend)
    assert "boom" in warning and "\n" not in warning

    import tuireader.core.annotate.spacy_backend as module

    monkeypatch.setattr(module, "SpacyBackend", broken)
    backend, warning = load_backend(Config(entities_backend="spacy", entities_model="m"))
    assert isinstance(backend, EmbeddedBackend) and "RuntimeError: boom" in warning


def test_unknown_backend_kind_falls_back() -> None:
    config = Config()
    config.entities_backend = "stanza"
    backend, warning = load_backend(config)
    assert isinstance(backend, EmbeddedBackend) and "stanza" in warning
    assert annotate_module.load_backend is load_backend


# -- [entities] in the config ----------------------------------------------------------------


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_defaults(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, '[corpus]\ndefault = "~/news"\n'))
    assert (config.entities_backend, config.entities_model) == ("embedded", "en_core_web_sm")
    assert load_config(tmp_path / "missing.toml").entities_backend == "embedded"


def test_config_entities_table(tmp_path: Path) -> None:
    path = write_config(
        tmp_path,
        '[corpus]\ndefault = "x"\n\n[entities]\nbackend = "spacy"\nmodel = " /opt/models/x "\n',
    )
    config = load_config(path)
    assert (config.entities_backend, config.entities_model) == ("spacy", "/opt/models/x")


def test_config_dotted_keys(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, 'entities.backend = "spacy"\n'))
    assert config.entities_backend == "spacy"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[corpus]\nmodel = 1\n[entities]\nbackend = "stanza"\n', 4, "entities.backend"),
        ('[corpus]\nmodel = 1\n[entities]\nbackend = "spacy"\nmodel = 3\n', 5, "entities.model"),
        ('[entities]\nbackend = "spacy"\nmodel = ""\n', 3, "entities.model"),
        ('[entities]\nbackend = "spacy"\nmodle = "x"\n', 3, "entities.modle"),
        ('title = "x"\nentities = "spacy"\n', 2, "[entities] must be a table"),
        ("x = 1\nentities.backend = 1\n", 2, "entities.backend"),
    ],
)
def test_config_errors_name_file_line_and_key(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"{path}, line {line}: ")
    assert words in message
