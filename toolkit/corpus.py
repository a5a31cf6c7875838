"""Corpus access: the bundled article, your own ``.txt`` files, and the evaluation data path.

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
    package = Path(__file__).resolve().parent
    installed = package / "corpora"
    return installed if installed.is_dir() else package.parent / "corpora"


CORPORA_FOLDER = _corpora_folder()
ARTICLE_NAME = "kreml_kritisiert_stoltenberg_2024-09"
ARTICLE_PATH = CORPORA_FOLDER / f"{ARTICLE_NAME}.txt"
EVAL_DATA_VARIABLE = "TOOLKIT_EVAL_DATA"


def load_text(path: str | os.PathLike[str]) -> CorpusText:
    """Load one UTF-8 ``.txt`` file, with metadata from a ``.json`` file of the same name.

    Raises
    ------
    CorpusError
        If the file is missing or unreadable.
    InputError
        If the file is not UTF-8 text.

    Examples
    --------
    >>> text = load_text(ARTICLE_PATH)
    >>> text.name, text.metadata["language"]
    ('kreml_kritisiert_stoltenberg_2024-09', 'de')
    """
    file = Path(path)
    text = read_text_file(file)
    metadata_file = file.with_suffix(".json")
    metadata = {}
    if metadata_file.is_file():
        try:
            metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
        except (ValueError, OSError) as error:
            raise CorpusError(
                f"The metadata file {metadata_file} is not valid JSON: {error}"
            ) from error
    return CorpusText(name=file.stem, text=text, metadata=metadata, path=str(file))


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
