"""SoMaJo as an NLTK tokenizer, for code written against NLTK's ``TokenizerI``.

Kept apart from :mod:`toolkit.tokens` because NLTK takes about two seconds to import: the
pipeline, the command line and every corpus worker start without it.
"""

from __future__ import annotations

from collections.abc import Iterator

from nltk.tokenize.api import TokenizerI

from toolkit.tokens import tokenise

__all__ = ["GermanTokenizer"]


class GermanTokenizer(TokenizerI):
    """SoMaJo as an NLTK tokenizer: ``tokenize`` and ``span_tokenize`` like any NLTK tokenizer.

    Examples
    --------
    >>> tokenizer = GermanTokenizer()
    >>> tokenizer.tokenize("Das gilt z. B. für Lehrer:innen.")
    ['Das', 'gilt', 'z.', 'B.', 'für', 'Lehrer:innen', '.']
    >>> list(tokenizer.span_tokenize("Na gut."))
    [(0, 2), (3, 6), (6, 7)]
    """

    def tokenize(self, s: str) -> list[str]:
        """Return the tokens of ``s`` as strings."""
        return [token.text for token in tokenise(s)]

    def span_tokenize(self, s: str) -> Iterator[tuple[int, int]]:
        """Yield the ``(start, end)`` offsets of the tokens of ``s``."""
        for token in tokenise(s):
            yield token.start, token.end
