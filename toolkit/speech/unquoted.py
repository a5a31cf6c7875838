"""Speech without quotation marks: how its words show whether they are direct or indirect.

Direct speech is not always quoted, above all in older fiction and in dialogue with dashes:
``Ich muss fort, sagte er.`` and ``Er rief: Fritz!``. Without the marks, the words themselves
decide:

- after a colon and a cue, ``dass``/``ob`` or a Konjunktiv I make a paraphrase
  (``erklärte: Die Lage sei ernst``, indirect), anything else is direct (:func:`paraphrase`),
  and so is a first clause in the first or second person (``antwortete: Ich zweifle nicht,
  es sei ...``); the next sentence goes on as direct speech while it speaks to someone
  (``rief: Gott! Wenn das dein Vater wüsste!``, see :mod:`toolkit.speech`);
- before an inverted frame (``..., sagte er``), words in the first or second person, an
  imperative or a question are direct speech (:func:`addresses`,
  :func:`unquoted_before_frame`); indicative words in the third person are left alone
  (``Er liebte sie sehr, sagte er`` reports nothing the reader can tell apart from narration),
  unless a news frame ends the sentence with a named speaker (``Die Lage ist ernst, sagte
  der Minister.``: indirect speech in the indicative, see :mod:`toolkit.speech.frames`).

All positions are indices into the sentence's tokens; ranges are end-exclusive.

Examples
--------
>>> from toolkit import analyse
>>> [(s.kind, s.text) for s in analyse("Ich muss fort, sagte er.").speech]
[('direct', 'Ich muss fort')]
>>> [(s.kind, s.text) for s in analyse("Er erklärte: Die Lage sei ernst.").speech]
[('indirect', 'Die Lage sei ernst.')]
"""

from __future__ import annotations

from toolkit.speech.cues import Cue, segment_end
from toolkit.speech.roles import role_of
from toolkit.speech.view import Range, SentenceView, finite_in

#: First and second person pronouns and possessives (the words of someone speaking).
FIRST_SECOND = frozenset(
    {
        *("ich", "mich", "mir", "wir", "uns", "du", "dich", "dir", "ihr", "euch"),
        *("mein", "meine", "meinen", "meinem", "meiner", "meines"),
        *("unser", "unsere", "unseren", "unserem", "unserer", "unseres"),
        *("dein", "deine", "deinen", "deinem", "deiner", "deines"),
        *("euer", "eure", "euren", "eurem", "eurer"),
    }
)
#: The polite address, capitalised (not at the start of the words, where "Sie" may be "she").
_POLITE = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"})
_SUBORDINATORS = frozenset({"dass", "daß", "ob"})
#: Tags a subject right after an inverted frame's verb may start with ("sagte der Sekretär").
_SUBJECT_STARTS = frozenset({"PPER", "ART", "NE", "NN", "PPOSAT", "PDAT"})
#: Tags that open a subordinate clause: such words are no sentence of their own.
_SUBORDINATE_OPENERS = frozenset({"KOUS", "KON", "PWAV", "PRELS", "KOUI", "APPR"})


def addresses(view: SentenceView, piece: Range, *, marks: bool = True) -> bool:
    """Whether words sound like someone speaking: first or second person, a question, a call.

    ``marks=False`` leaves question and exclamation marks out (they also end narration).

    Examples
    --------
    >>> from toolkit import analyse
    >>> from toolkit.speech.view import SentenceView
    >>> tokens = analyse("Hier ist Euer Pass.", speech=False).sentence_tokens(0)
    >>> addresses(SentenceView(tokens, {}, []), (0, len(tokens)))
    True
    """
    tokens = view.tokens[piece[0] : piece[1]]
    if marks and any(t.text in {"?", "!"} for t in tokens):
        return True
    for k, token in enumerate(tokens):
        if token.text.lower() in FIRST_SECOND or token.pos == "VVIMP":
            return True
        if k > 0 and token.text in _POLITE:
            return True
    return False


def unquoted_before_frame(view: SentenceView, cue: Cue, finite: int, pieces: list[Range]) -> bool:
    """Whether words around an inverted frame (``..., sagte er, ...``) are direct speech.

    The words open the sentence as a main clause, the frame's subject follows its verb at
    once, and the words address someone (:func:`addresses`).
    """
    tokens = view.tokens
    if not cue.v2 or pieces[0][0] != 0 or view.quote_around(cue.token) is not None:
        return False
    if tokens[0].pos in _SUBORDINATE_OPENERS and finite_in(view, *pieces[0]):
        return False  # "Als wir ankamen, bemerkte ich, ..." (not "Vor Jahren, sagte er, ging ich")
    subject = finite + 1 + (finite + 1 < len(tokens) and tokens[finite + 1].pos == "ADV")
    if subject >= len(tokens) or tokens[subject].pos not in _SUBJECT_STARTS:
        return False
    return any(addresses(view, piece) for piece in pieces)


def paraphrase(view: SentenceView, first: int, stop: int) -> bool:
    """Whether unquoted words after a colon are indirect: ``dass``/``ob`` or Konjunktiv I.

    A first clause in the first or second person is direct all the same
    (``antwortete: Ich zweifle nicht, es sei ...``): the speaker's own words.
    """
    if view.tokens[first].text.lower() in _SUBORDINATORS:
        return True
    if addresses(view, (first, segment_end(view.tokens, first))):
        return False
    verbs = [view.verbs.get(i) for i in finite_in(view, first, stop)]
    return any(v is not None and v.mood == "Sub" and v.konjunktiv == "I" for v in verbs)


def speaker_label(view: SentenceView) -> tuple[Range, Range] | None:
    """Return the speaker and the words of a line ``Name: words`` (an interview, a play).

    The label is a role (``Der Sprecher:``, ``Zeuge:``), or a name (``Merkel:``, ``Präs.:``)
    and the words address someone (:func:`addresses`), so a dateline or a heading
    (``Berlin: Die Polizei ...``, ``Fazit: ...``) is no speech.

    Examples
    --------
    >>> from toolkit import analyse
    >>> [(s.kind, s.text, s.speaker) for s in analyse("Merkel: Wir schaffen das.").speech]
    [('direct', 'Wir schaffen das.', 'Merkel')]
    """
    tokens = view.tokens
    start = 0
    while start < len(tokens) and tokens[start].pos == "$(":
        start += 1  # "— Angekl.: ..."
    colon = next(
        (k for k in range(start, min(start + 4, len(tokens))) if tokens[k].text == ":"), None
    )
    if colon is None or colon == start or colon + 2 >= len(tokens):
        return None
    label = tokens[start:colon]
    named = all(t.pos == "NE" or t.pos == "ART" for t in label) and label[-1].pos == "NE"
    role = label[-1].pos == "NN" and role_of(label[-1].text) is not None
    if not (named or role) or not label[0].text[:1].isupper():
        return None
    words = (colon + 1, len(tokens))
    # a name may be a place ("Berlin: Die Polizei ..."), a role noun is a person ("Zeuge: Ja")
    if view.quote_starting(colon + 1) is not None or not (role or addresses(view, words)):
        return None
    if not finite_in(view, *words):
        return None  # a list of names, a table row

    return (start, colon), words
