"""Reading texts: the bundled article, your own ``.txt`` files, and the evaluation data path.

The article lives in the project's top-level ``corpora/`` folder, which is installed as the
package data ``toolkit.corpora``; so :func:`load_article` works in a checkout, after
``pip install .`` and on Binder.

The shared evaluation data (UD, Redewiedergabe, WikiNews, sentiment sets) is never shipped:
its licenses forbid it. :func:`eval_data_path` finds it through an explicit path or the
``TOOLKIT_EVAL_DATA`` environment variable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from toolkit.errors import CorpusError, EvaluationDataError
from toolkit.inputs import read_text_file
from toolkit.model import CorpusText


def _corpora_folder() -> Path:
    # A wheel installs corpora/ as toolkit/corpora (see pyproject.toml); a checkout or an
    # editable install has it beside the package.
    package = Path(__file__).resolve().parent.parent
    installed = package / "corpora"
    return installed if installed.is_dir() else package.parent / "corpora"


CORPORA_FOLDER = _corpora_folder()
ARTICLE_NAME = "kreml_kritisiert_stoltenberg_2024-09"
ARTICLE_PATH = CORPORA_FOLDER / f"{ARTICLE_NAME}.txt"
EVAL_DATA_VARIABLE = "TOOLKIT_EVAL_DATA"


def load_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> CorpusText:
    """Load one ``.txt`` file, with metadata from a ``.json`` file of the same name.

    Parameters
    ----------
    path
        The text file.
    encoding
        ``"utf-8"`` (default), ``"auto"`` (detected) or a codec name such as ``"cp1252"``.

    Raises
    ------
    CorpusError
        If the file is missing or unreadable, or the metadata file is no JSON object.
    InputError
        If the file is not text in the encoding.

    Examples
    --------
    >>> text = load_text(ARTICLE_PATH)
    >>> text.name, text.metadata["language"]
    ('kreml_kritisiert_stoltenberg_2024-09', 'de')
    """
    file = Path(path)
    text = read_text_file(file, encoding)
    return CorpusText(name=file.stem, text=text, metadata=read_sidecar(file), path=str(file))


def read_sidecar(file: Path) -> dict[str, object]:
    """Return the metadata in ``NAME.json`` beside ``NAME.txt`` (``{}`` if there is none).

    Raises
    ------
    CorpusError
        If the file is unreadable, not JSON, or not one JSON object (German and English).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.json").write_text("[1, 2]", encoding="utf-8")
    >>> read_sidecar(folder / "m.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.CorpusError: The metadata file ...m.json must hold one JSON object ...
    """
    metadata_file = file.with_suffix(".json")
    if not metadata_file.is_file():
        return {}
    try:
        metadata = json.loads(metadata_file.read_text(encoding="utf-8-sig"))
    except (ValueError, OSError) as error:
        raise CorpusError(
            f"The metadata file {metadata_file} is not valid JSON: {error} "
            f"(Die Metadatendatei ist kein gültiges JSON.)"
        ) from error
    if not isinstance(metadata, dict):
        raise CorpusError(
            f"The metadata file {metadata_file} must hold one JSON object "
            f'like {{"date": "2024-09-12"}}, not {type(metadata).__name__}. '
            f"(Die Metadatendatei muss ein JSON-Objekt enthalten.)"
        )
    return metadata


def load_article() -> CorpusText:
    """Load the bundled news article on the Kremlin's reaction to Stoltenberg (Sept. 2024).

    Examples
    --------
    >>> article = load_article()
    >>> article.text[:47]
    'Der Kreml hat die jüngsten Äußerungen von Nato-'
    >>> article.metadata["genre"], article.metadata["date"]
    ('news', '2024-09')
    """
    return load_text(ARTICLE_PATH)


def load_corpus(folder: str | os.PathLike[str], pattern: str = "*.txt") -> list[CorpusText]:
    """Load every ``.txt`` file of a folder (sorted by name).

    Raises
    ------
    CorpusError
        If the folder does not exist or holds no matching file.

    Examples
    --------
    >>> [text.name for text in load_corpus(ARTICLE_PATH.parent)]
    ['kreml_kritisiert_stoltenberg_2024-09']
    """
    directory = Path(folder)
    if not directory.is_dir():
        raise CorpusError(f"Folder not found: {directory}")
    files = sorted(path for path in directory.glob(pattern) if path.is_file())
    if not files:
        raise CorpusError(f"No {pattern} files in {directory}.")
    return [load_text(path) for path in files]


def eval_data_path(path: str | os.PathLike[str] | None = None, subfolder: str = "") -> Path:
    """Find the shared evaluation data: ``path``, else ``$TOOLKIT_EVAL_DATA``.

    Parameters
    ----------
    path
        The data folder (the one holding ``ud/``, ``redewiedergabe/``, ...).
    subfolder
        A folder inside it that must exist, e.g. ``"ud/UD_German-GSD"``.

    Raises
    ------
    EvaluationDataError
        If neither is given or the folder does not exist.
    """
    root = path if path is not None else os.environ.get(EVAL_DATA_VARIABLE)
    if not root:
        raise EvaluationDataError(
            f"No evaluation data: pass its folder as a path or set {EVAL_DATA_VARIABLE} "
            "(e.g. export TOOLKIT_EVAL_DATA=../shared/data)."
        )
    folder = Path(root) / subfolder
    if not folder.is_dir():
        raise EvaluationDataError(f"Evaluation data folder not found: {folder}")
    return folder
