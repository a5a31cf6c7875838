"""The facade: ``analyse(text)`` runs every stage in order and returns a :class:`Document`.

The order is the data flow of the whole toolkit::

    text -> tokens -> sentences -> (later stages, each adding one layer)

Options live in one frozen :class:`~toolkit.config.AnalysisConfig`; keyword arguments of
:func:`analyse` override single fields, so ``analyse(text, max_chars=5_000_000)`` reads naturally.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from toolkit.config import AnalysisConfig
from toolkit.inputs import ensure_text
from toolkit.model import CorpusText, Document
from toolkit.mood import analyse_mood
from toolkit.sentences import sentences_from_tokens
from toolkit.sentiment import add_sentiment
from toolkit.speech import analyse_speech
from toolkit.tagging import tag_document
from toolkit.tokens import tokenise

__all__ = ["STAGES", "AnalysisConfig", "Stage", "analyse", "analyze"]


#: A stage adds one layer to a document. Stages run in this order; each is switched on by the
#: boolean config field of the same name (if there is one).
Stage = Callable[[Document, AnalysisConfig], Document]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("tagging", tag_document),
    ("mood", analyse_mood),
    ("speech", analyse_speech),
    ("sentiment", add_sentiment),
)


def analyse(
    text: str | CorpusText,
    config: AnalysisConfig | None = None,
    *,
    metadata: Mapping[str, Any] | None = None,
    **overrides: Any,
) -> Document:
    """Analyse a German text: tokens, sentences and every later layer, with offsets.

    Parameters
    ----------
    text
        The text as a ``str``, or a :class:`~toolkit.model.CorpusText` from
        :func:`toolkit.load_article` / :func:`toolkit.load_text` (its metadata is kept).
    config
        Options; the defaults suit news text.
    metadata
        Information about the text (source, date, ...) to keep in ``Document.metadata``.
    **overrides
        Single options, e.g. ``max_chars=5_000_000``.

    Returns
    -------
    Document
        The analysed text; ``text[record.start:record.end] == record.text`` for every record.

    Raises
    ------
    InputError
        If the text is empty, not a ``str`` or longer than ``max_chars``.

    Examples
    --------
    >>> doc = analyse("Der Kreml hat die Äußerungen kritisiert. Peskow warnte.")
    >>> len(doc.sentences), len(doc.tokens)
    (2, 10)
    >>> analyse("")
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: The text is empty: there is nothing to analyse. (Der Text ist leer.)
    """
    settings = (config or AnalysisConfig()).replace(**overrides)
    if isinstance(text, CorpusText):
        metadata = {**text.metadata, **(metadata or {})}
        text = text.text
    checked = ensure_text(text, max_chars=settings.max_chars)
    tokens = tokenise(checked)
    document = Document(
        text=checked,
        tokens=tokens,
        sentences=sentences_from_tokens(checked, tokens),
        metadata=metadata or {},
    )
    for name, stage in STAGES:
        if getattr(settings, name, True):
            document = stage(document, settings)
    return document


#: American spelling, for users who expect it.
analyze = analyse
