"""An entity backend on a spaCy pipeline (optional: ``pip install 'tuireader[spacy]'``).

spaCy is imported only when a backend is made, so importing this module costs nothing and works
without spaCy installed. spaCy's labels (OntoNotes, or CoNLL's PER/ORG/LOC/MISC as an
EntityRuler may use) are mapped to ours; the others (TIME, PERCENT, CARDINAL, …) are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tuireader.core.annotate.spans import BackendError, Entity

LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
    "DATE": "DATE",
    "MONEY": "MONEY",
}

# Components that named-entity recognition does not need; switched off in a loaded model.
_NOT_NEEDED = ("parser", "lemmatizer")


def map_label(label: str) -> str | None:
    """Our label for a spaCy label, or None when we do not keep that kind of entity."""
    return LABELS.get(label.upper())


class SpacyBackend:
    """Named entities from a spaCy pipeline.

    ``model`` is a package name (``en_core_web_sm``) or a folder, loaded with ``spacy.load``;
    ``nlp`` is a pipeline already built (tests, embedding applications). Raises BackendError with
    a one-line reason when spaCy or the model cannot be loaded.
    """

    def __init__(self, model: str | None = None, *, nlp: Any = None) -> None:
        spacy = _import_spacy()
        if nlp is None:
            if not model:
                raise BackendError("no spaCy model given (entities.model or --model)")
            nlp = _load_model(spacy, model)
            model_id = _model_id(model, nlp)
        else:
            model_id = model or _meta_id(nlp) or "custom"
        self.nlp = nlp
        self.model = model_id
        self.name = f"spacy-{model_id}-{spacy.__version__}"

    def extract(self, text: str) -> list[Entity]:
        entities: list[Entity] = []
        for offset, chunk in _chunks(text, self.nlp.max_length):
            for ent in self.nlp(chunk).ents:
                label = map_label(ent.label_)
                if label is None:
                    continue
                start = offset + ent.start_char
                end = offset + ent.end_char
                # A rule or model may take in surrounding spaces; ours never have them.
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if start < end:
                    entities.append(Entity(start, end, label, text[start:end]))
        return entities


def _import_spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise BackendError(
            "spaCy is not installed (pip install 'tuireader[spacy]')"
            + (f": {exc}" if exc.name and exc.name != "spacy" else "")
        ) from exc
    return spacy


def _load_model(spacy: Any, model: str) -> Any:
    where = str(Path(model).expanduser()) if model.startswith("~") else model
    try:
        nlp = spacy.load(where)
    except Exception as exc:  # spaCy raises OSError, ValueError, ImportError, KeyError, …
        if isinstance(exc, OSError) and "E050" in str(exc) and _looks_like_path(model):
            reason = "no such folder (give the folder of a pipeline saved with nlp.to_disk)"
        elif isinstance(exc, OSError) and "E050" in str(exc):
            reason = (
                "no such package (install it, e.g. "
                f"`python -m spacy download {model}`, or give the folder of a saved pipeline)"
            )
        else:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            reason = first if len(first) <= 200 else first[:199] + "\u2026"
        raise BackendError(f"cannot load spaCy model {model!r}: {reason}") from exc
    if not nlp.pipe_names:
        raise BackendError(f"spaCy model {model!r} is an empty pipeline: it finds no entities")
    unneeded = [name for name in _NOT_NEEDED if name in nlp.pipe_names]
    if unneeded:
        nlp.select_pipes(disable=unneeded)
    return nlp


def _meta_id(nlp: Any) -> str:
    meta = getattr(nlp, "meta", None) or {}
    lang, name = meta.get("lang") or getattr(nlp, "lang", ""), meta.get("name") or ""
    if not name:
        return ""
    model_id = f"{lang}_{name}" if lang and not name.startswith(f"{lang}_") else name
    version = meta.get("version")
    return f"{model_id}@{version}" if version else model_id


def _model_id(model: str, nlp: Any) -> str:
    """The model's name for the backend name: the package name, or the saved pipeline's meta."""
    if _looks_like_path(model):
        return _meta_id(nlp) or Path(model).name
    return model


def _looks_like_path(model: str) -> bool:
    return "/" in model or "\\" in model or model.startswith(("~", ".")) or Path(model).is_dir()


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``limit`` characters, cut at line breaks when possible.

    spaCy refuses texts longer than ``nlp.max_length`` (a million characters by default).
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            if cut <= start:
                cut = text.rfind(" ", start + 1, end)
            if cut > start:
                end = cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces
