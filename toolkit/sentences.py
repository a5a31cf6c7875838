"""Tokens -> sentences with character offsets.

SoMaJo decides the boundaries while it tokenises (every token carries its sentence number);
this module turns the numbered tokens into :class:`~toolkit.model.Sentence` records whose
``text`` is the exact stretch of the original text from the first to the last token.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from toolkit.model import Sentence, Token
from toolkit.tokens import tokenise


def sentences_from_tokens(text: str, tokens: Sequence[Token]) -> tuple[Sentence, ...]:
    """Group numbered tokens into sentences.

    Parameters
    ----------
    text
        The text the tokens point into.
    tokens
        Tokens in text order, numbered by sentence (as :func:`toolkit.tokens.tokenise`
        returns them).

    Examples
    --------
    >>> text = "Danach werde der Norweger gehen. Er kommt am 1. Oktober."
    >>> [s.text for s in sentences_from_tokens(text, tokenise(text))]
    ['Danach werde der Norweger gehen.', 'Er kommt am 1. Oktober.']
    """
    sentences = []
    for index, (_, group) in enumerate(groupby(tokens, key=lambda token: token.sentence)):
        members = list(group)
        first, last = members[0], members[-1]
        sentences.append(
            Sentence(
                index=index,
                start=first.start,
                end=last.end,
                text=text[first.start : last.end],
                first_token=first.index,
                last_token=last.index,
            )
        )
    return tuple(sentences)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a text into sentences (tokenising it on the way).

    Examples
    --------
    >>> [s.text for s in split_sentences("Ca. 3,5 Mio. Euro fehlen. Das sagt § 3 Abs. 2.")]
    ['Ca. 3,5 Mio. Euro fehlen.', 'Das sagt § 3 Abs. 2.']
    """
    return sentences_from_tokens(text, tokenise(text))
