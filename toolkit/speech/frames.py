"""Reporting frames: from a cue to the words it reports (one sentence at a time).

A cue verb reports the clause that follows it (``warnte, dass ...``, ``sagte, er habe ...``,
``forderte, ... zu verhandeln``), a quotation after a colon or before ``, sagte er``, the
clause before it when it comes second (``Das sei gefährlich, sagte Peskow.``), or nothing: then
the clause itself narrates the speech act (``Der Kreml hat ... kritisiert``: ``reported``).
Prepositional cues and speech nouns are in :mod:`toolkit.speech.sources`.

Inside a reporting frame the mood stage's ambiguous forms (``sollte``, 3rd plural ``haben``)
are read as Konjunktiv (:func:`toolkit.mood.possible_konjunktiv`); an indicative ``dass``
clause after a cue is indirect speech all the same.

All positions here are indices into the sentence's tokens; ranges are end-exclusive.
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.model import Token
from toolkit.speech.cues import Cue, cue_verbs, segment_end, segment_start
from toolkit.speech.subjects import (
    FINITE,
    MISREAD_CONJUNCTIONS,
    comma_segment_start,
    is_quote,
    is_relative_clause,
    subject_after,
    subject_of,
)
from toolkit.speech.unquoted import addresses, paraphrase, unquoted_before_frame
from toolkit.speech.view import (
    Frame,
    Range,
    SentenceView,
    content_end,
    finite_after_relatives,
    finite_in,
    finite_of_clause,
    impersonal,
    noun_speaker,
    reads_konjunktiv,
    speaker_of,
)

_SUBORDINATORS = frozenset({"dass", "daß", "ob"})
#: Conjunctions of a reason, reported when in Konjunktiv I (``lehnte ab, weil er krank sei``).
_CAUSAL = frozenset({"da", "weil"})
#: Words that open an indirect question ("fragte, wer ...", "wusste nicht, warum ...");
#: "wie" is left out (mostly a comparison), "wobei"/"womit" are relative adverbs.
_QUESTION_WORDS = frozenset({
    "wer", "wen", "wem", "wessen", "was", "wo", "wann", "warum", "weshalb", "wieso", "weswegen",
    "wohin", "woher", "wozu", "wieviel", "inwiefern", "inwieweit",
})  # fmt: skip
_WHICH = frozenset({"welche", "welcher", "welches", "welchen", "welchem"})
_RELATIVE = frozenset({"PRELS", "PRELAT"})
_DEMONSTRATIVES = frozenset({"dies", "das", "dieses", "dieser", "diese", "solches"})


def verb_frame(view: SentenceView, cue: Cue) -> Frame | None:
    """Find what a verb or noun cue reports; ``None`` if it reports nothing here."""
    tokens = view.tokens
    end = segment_end(tokens, max(cue.token, cue.parts[-1]))  # "teilte X, Sprecher, mit, dass"
    speaker = speaker_of(view, cue) if cue.cue_class == "verb" else noun_speaker(tokens, cue.token)
    frame = None
    if cue.cue_class == "verb":
        frame = _content_before(view, cue)
    around = view.quote_around(cue.token)
    inside = around is None or end < around[1] - 1  # a cue in a quotation reports inside it
    if frame is None and inside and end + 1 < len(tokens):
        frame = _content_after(view, cue, end)
        apposition_end = _apposition_end(view, cue, end) if frame is None else None
        if apposition_end is not None:  # "sagte Li Fei, der Vizechef, die Wahl sei frei"
            frame = _content_after(view, cue, apposition_end)
    if frame is not None and frame.speaker is None:
        frame.speaker = speaker
    return frame


def _apposition_end(view: SentenceView, cue: Cue, end: int) -> int | None:
    """Return the comma after the apposition of a speaker named after the cue verb, if any.

    ``Dabei sagte Li Fei, der stellvertretende Vorsitzende, die Wahl sei frei.``: the words
    reported start after the apposition, not after the name.
    """
    if cue.cue_class != "verb":
        return None
    tokens = view.tokens
    finite = finite_of_clause(view, cue)
    subject = subject_of(tokens, finite)
    if subject is None or subject[0] < finite or subject[1] <= end:
        return None
    stop = subject[1]
    return stop if stop + 1 < len(tokens) and tokens[stop].pos == "$," else None


def _content_after(view: SentenceView, cue: Cue, boundary: int) -> Frame | None:
    tokens = view.tokens
    first = boundary + 1
    quote = view.quote_starting(first)
    if tokens[boundary].text == ":":
        if quote is not None:
            return Frame("direct", [quote], cue, None, quote=quote)
        stop = content_end(view, first)
        if cue.cue_class == "verb" and stop > first and view.quote_around(first) is None:
            if paraphrase(view, first, stop):  # "erklärte: Die Lage sei ernst."
                return Frame("indirect", [(first, stop)], cue, None)
            return Frame("direct", [(first, stop)], cue, None)  # "rief: Fritz Flügger!"
        return None
    if tokens[boundary].pos != "$,":
        return None
    if quote is not None and segment_end(tokens, quote[1]) >= len(tokens) - 1:
        return Frame("direct", [quote], cue, None, quote=quote)
    word = tokens[first].text.lower()
    stop = content_end(view, first)
    if stop <= first:
        return None
    after_noun = tokens[boundary - 1].pos in {"NN", "NE", "PPER", "PIS", "PDS"}
    if (
        word in _SUBORDINATORS
        or word in _QUESTION_WORDS
        or (word in _WHICH and not after_noun)
        or (word == "wie" and _how_question(view, first))
    ):
        return Frame("indirect", [(first, _subordinate_end(view, first, stop))], cue, None)
    if word in _CAUSAL and cue.cue_class == "verb" and _konjunktiv_i_in(view, first):
        # "wies den Vorwurf zurück, da er jeder Grundlage entbehre": the reason is reported
        return Frame("indirect", [(first, _subordinate_end(view, first, stop))], cue, None)
    segment = segment_end(tokens, first)
    finites = finite_in(view, first, segment) or finite_after_relatives(view, segment)
    relative = is_relative_clause(tokens[segment_start(tokens, cue.token) : boundary])
    if tokens[first].pos in FINITE and (relative or _in_adverbial_clause(tokens, cue.token)):
        # "Wenn die Regierung ablehne, werde man klagen", "Der Plan, dem die Minister
        # zugestimmt haben, sei gut": the main clause goes on after the cue's clause
        return None
    if relative:  # "Die Minister, die sagten, es gebe keine Pläne, schweigen nun."
        stop = _subordinate_end(view, first, stop)
    if finites and _main_clause_opening(tokens, first):
        verb = view.verbs.get(finites[0])
        if cue.cue_class == "noun":  # "die Sorge, es sei zu spät" (Konjunktiv I only)
            konjunktiv_i = verb is not None and verb.mood == "Sub" and verb.konjunktiv == "I"
            return Frame("indirect", [(first, stop)], cue, None) if konjunktiv_i else None
        # in dialogue an indicative clause counts too ("Ich glaube, heute bin ich dran")
        if reads_konjunktiv(verb, in_frame=True) or (
            cue.v2 and finites[0] - first <= 3 and view.quote_around(cue.token)
        ):
            return Frame("indirect", [(first, _narration_resumes(view, first, stop))], cue, None)
        return None
    if not finites and cue.medium != "thought" and _is_zu_infinitive(tokens, first, segment):
        segment = _infinitives_end(view, segment)
        end = segment + 1 if segment == len(tokens) - 1 else segment  # the clause, its full stop
        return Frame("indirect", [(first, end)], cue, None)
    return None


def _konjunktiv_i_in(view: SentenceView, first: int) -> bool:
    """Whether the clause opened at ``first`` has a finite verb in Konjunktiv I (``entbehre``)."""
    for position in finite_in(view, first, segment_end(view.tokens, first)):
        verb = view.verbs.get(position)
        if verb is not None and verb.mood == "Sub" and verb.konjunktiv == "I":
            return True
    return False


def _in_adverbial_clause(tokens: Sequence[Token], position: int) -> bool:
    """Whether the word at ``position`` stands in a fronted condition or other adverbial clause.

    ``Wenn die Regierung das ablehne, ...``, ``Falls X zustimmt, ...`` and the verb-first
    ``Sollten sie davon erfahren, ...``: the clause after the comma is the sentence's main
    clause, not what the verb in the condition reports.
    """
    start = segment_start(tokens, position)
    opener = tokens[start]
    if opener.pos == "KOUS" or opener.text.lower() in MISREAD_CONJUNCTIONS | {"falls", "sofern"}:
        return True
    return start == 0 and opener.pos in FINITE


#: Adverbs that open the main clause after a fronted subordinate clause ("..., dann muss").
_RESUMPTIVE = frozenset({"dann", "so", "da", "damit", "deshalb", "darum", "doch"})


def _subordinate_end(view: SentenceView, first: int, stop: int) -> int:
    """Return where a ``dass``/``ob``/w-clause starting at ``first`` ends (``stop`` at most).

    It ends before a comma that is followed by a finite verb, as when the clause with its cue
    was fronted: ``Wenn es wahr ist, was ich hörte, dass er kommt, (dann) muss er gehen``.
    """
    tokens = view.tokens
    for comma in range(first + 1, stop - 1):
        if tokens[comma].text == ":" and tokens[comma - 1].pos.startswith("V"):
            return comma  # "wusste, was geschehen war: der Wagen war umgestürzt"
        if tokens[comma].pos != "$,":
            continue
        following = comma + 1
        if tokens[following].text.lower() in _RESUMPTIVE:
            following += 1
        if following < stop and tokens[following].pos in FINITE:
            return comma
        if _narrated_main_clause(view, comma + 1, stop):
            return comma
    return stop


def _narration_resumes(view: SentenceView, first: int, stop: int) -> int:
    """Return where content in a main clause (``es gebe keine Pläne``) ends.

    That is ``stop``, or a comma after which the sentence narrates again
    (:func:`_narrated_main_clause`).
    """
    for comma in range(first + 1, stop - 1):
        if view.tokens[comma].pos == "$," and _narrated_main_clause(view, comma + 1, stop):
            return comma
    return stop


#: Conjunctions that may join a new main clause to the sentence after a reported clause.
_MAIN_CLAUSE_JOINERS = frozenset({"und", "aber", "doch", "sondern", "denn", "jedoch"})


def _narrated_main_clause(view: SentenceView, joiner: int, stop: int) -> bool:
    """Whether ``tokens[joiner]`` opens a main clause in the indicative after the content.

    ``erklärt, dass sie am Ziel sind, aber in diesem Augenblick atmet er auf``: the verb in
    second place (``atmet``), in the indicative, narrates again; a second ``dass``, a verb at
    the clause's end or a Konjunktiv (``und er habe ...``) still belong to what is reported.
    """
    tokens = view.tokens
    word = tokens[joiner].text.lower()
    if word in _RESUMPTIVE and joiner + 1 < stop and tokens[joiner + 1].pos in FINITE:
        finites = [joiner + 1]  # "..., so ist er schlimm berichtet"
        end = segment_end(tokens, joiner + 2)
    elif tokens[joiner].pos in {"KON", "ADV"} and word in _MAIN_CLAUSE_JOINERS:
        end = segment_end(tokens, joiner + 1)
        finites = finite_in(view, joiner + 1, min(end, joiner + 5))
        if tokens[joiner + 1].pos in {"KOUS", "PWAV", "PWS", "PWAT", "PRELS"}:
            return False
    else:
        return False
    if not finites:
        return False
    finite = finites[0]
    verb = view.verbs.get(finite)
    in_second_place = finite + 1 < min(end, stop) and tokens[finite + 1].pos not in {"$.", "$,"}
    return in_second_place and verb is not None and not reads_konjunktiv(verb, in_frame=True)


def _how_question(view: SentenceView, first: int) -> bool:
    # "fragte, wie es ihr gehe" (a question) but not "Länder, wie Nordkorea" (a comparison)
    tokens = view.tokens
    if first + 1 >= len(tokens) or tokens[first + 1].pos in {"NN", "NE", "ART", "CARD", "ADJA"}:
        return False
    end = segment_end(tokens, first)
    return bool(finite_in(view, first, end)) and tokens[end - 1].pos.startswith("V")


def _main_clause_opening(tokens: Sequence[Token], first: int) -> bool:
    # not a relative or adverbial clause ("bei denen ...", "die ...", "wobei ...", "und ...")
    opener = tokens[first]
    if opener.pos in {"KOUS", "KOKOM", "PRELS", "PRELAT", "KON", "PWAV", "PWS", "PWAT", "KOUI"}:
        return False
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    return not (
        opener.pos in {"APPR", "APPRART"}
        and following is not None
        and following.pos in {"PRELS", "PRELAT", "PWS", "PWAV", "PWAT"}
    )


def _split_clause(view: SentenceView, before: Range, after: Range) -> bool:
    """Whether a frame splits one clause: a verbless start, the verb after the frame.

    ``Vor einigen Jahren, erzählt er, schnitt ich mich`` and ``Das Ganze, sagte er, sei ein
    Irrtum`` report both pieces.
    """
    return not finite_in(view, *before) and view.tokens[after[0]].pos in FINITE


def _infinitives_end(view: SentenceView, end: int) -> int:
    """Return the end of a chain of zu-infinitives that starts before ``end``.

    ``den Befehl, dabei zu helfen, Menschen aus der Gefahrenzone zu bringen``: the second
    infinitive depends on the first and is reported with it.
    """
    tokens = view.tokens
    while end + 1 < len(tokens) and tokens[end].pos == "$,":
        following = segment_end(tokens, end + 1)
        if tokens[end + 1].text.lower() in _CONDITIONS:
            # "angekündigt, den Notstand auszurufen, wenn sich die Lage nicht bessert"
            return segment_end(tokens, _clause_end(view, end + 1))
        if tokens[end + 1].text.lower() in _ADVERBIAL_INFINITIVES or finite_in(
            view, end + 1, following
        ):
            break
        if not _is_zu_infinitive(tokens, end + 1, following):
            break
        end = following
    return end


def _clause_end(view: SentenceView, first: int) -> int:
    """Return the last position of the subordinate clause opened at ``first``."""
    tokens = view.tokens
    end = segment_end(tokens, first)
    # a coordinated second half ("wenn X nicht besser wird und die Lotsen nicht kommen")
    # stays in the same comma segment; a relative clause after a comma belongs to it too
    while end + 1 < len(tokens) and tokens[end].pos == "$," and tokens[end + 1].pos in _RELATIVE:
        end = segment_end(tokens, end + 1)
    return end - 1


#: Conditions that belong to the reported intention or demand they follow.
_CONDITIONS = frozenset({"wenn", "falls", "sofern", "sobald", "solange"})


#: Openers of an infinitive that is an adverbial of the frame, not part of the content.
_ADVERBIAL_INFINITIVES = frozenset({"um", "ohne", "statt", "anstatt"})


def _is_zu_infinitive(tokens: Sequence[Token], start: int, end: int) -> bool:
    if start < end and tokens[start].pos in {"KOUI"}:
        return False  # "um ... zu", "ohne ... zu": purpose, not content
    return any(
        t.pos == "VVIZU" or (t.pos == "PTKZU" and k + 1 < end and tokens[k + 1].pos.endswith("INF"))
        for k, t in enumerate(tokens[start:end], start)
    )


def _content_before(view: SentenceView, cue: Cue) -> Frame | None:
    """Frames that come after (or inside) what they report.

    ``„...“, sagte Peskow.``, ``Das sei gefährlich, sagte Peskow.``, ``Das, so Peskow, sei
    gefährlich.``, ``Wie wir erfuhren, war sie ...``, and ``Dies bestätigte X`` (the sentence
    before is the content).
    """
    tokens = view.tokens
    finite = finite_of_clause(view, cue)
    quoted = _quote_before(view, cue, finite) or _frame_inside_quote(view, cue, finite)
    if quoted is not None:
        return quoted
    start = segment_start(tokens, finite)
    if not any(token.pos in FINITE for token in tokens[start:finite]):
        start = _wie_clause_start(tokens, start)
    opener = tokens[start].text.lower()
    if start != finite and opener not in {"so", "wie"}:
        pronoun = tokens[start]
        verb = view.verbs.get(finite)
        if (
            finite - start == 1
            and pronoun.text.lower() in _DEMONSTRATIVES
            and pronoun.pos in {"PDS", "ART", "PDAT"}
            and _nothing_after(view, cue)
            # "Dieses stelle eine Treueverletzung dar": in Konjunktiv I the sentence is itself
            # reported, not a frame for the one before
            and not (verb is not None and verb.mood == "Sub" and verb.konjunktiv == "I")
        ):
            speaker = subject_after(tokens, finite)  # "Dies bestätigte der Minister"
            return Frame("indirect", [(start, start + 1)], cue, speaker, previous_sentence=True)
        return None
    frame_end = segment_end(tokens, max(finite, cue.token, cue.parts[-1]))
    subject = subject_of(tokens, finite)
    # ", sagte Peskow, der Sprecher des Kremls.": the apposition belongs to the frame
    words_end = max(frame_end, subject[1]) if subject is not None else frame_end
    pieces: list[Range] = []
    before: Range | None = None
    if start >= 2 and tokens[start - 1].pos == "$,":
        content_start = _content_start(view, start - 1)
        if content_start < start - 1:
            before = (content_start, start - 1)
            if _main_clause_opening(tokens, segment_start(tokens, start - 2)):
                pieces.append(before)
    after: Range | None = None
    if words_end + 1 < len(tokens) and tokens[words_end].pos == "$,":
        after = (words_end + 1, content_end(view, words_end + 1))
        if after[1] <= after[0]:
            after = None
    if after is not None and before is not None and _split_clause(view, before, after):
        pieces = [before, after]  # "Vor Jahren, erzählt er, schnitt ich mich ..."
    elif (
        after is not None and (pieces or opener == "wie") and _main_clause_opening(tokens, after[0])
    ):
        pieces.append(after)
    if not pieces:
        return None
    if opener == "wie":  # "wie X sagte": the frame alone marks the report, in any mood
        return Frame("indirect", pieces, cue, None)
    if not _inverted_frame(view, cue, finite, frame_end):
        return None
    verbs = [view.verbs.get(i) for piece in pieces for i in finite_in(view, *piece)]
    # "Ich komme morgen, dachte er.": words in the first or second person before the frame are
    # direct speech without quotation marks (and "komme" after "ich" is no Konjunktiv)
    konjunktiv = any(verb is not None and verb.mood == "Sub" for verb in verbs)
    if not konjunktiv and unquoted_before_frame(view, cue, finite, pieces):
        if after is not None and after not in pieces and addresses(view, after):
            pieces.append(after)  # "Ich glaube es nicht, sagte sie, denn wenn ich ..."
        return Frame("direct", pieces, cue, None)
    if not any(reads_konjunktiv(verb, in_frame=True) for verb in verbs) and not _news_report(
        view, cue, finite, pieces, after
    ):
        return None
    return Frame("indirect", pieces, cue, None)


def _wie_clause_start(tokens: Sequence[Token], start: int) -> int:
    """Return where ``wie`` opens the clause when appositions split it, else ``start``.

    ``Wie der Direktor, Smith Dharmmasaroj, mitteilte, waren ...``, ``..., wie Alan Stern,
    Direktor des Missionsrats, betont``: the verb's comma segment starts after the
    apposition; the clause starts at ``wie``.
    """
    position = start
    for _ in range(2):  # the subject and at most two appositions
        if position < 2 or tokens[position - 1].pos != "$,":
            return start
        before = segment_start(tokens, position - 2)
        if any(token.pos in FINITE for token in tokens[before : position - 1]):
            return start
        if tokens[before].text.lower() == "wie":
            return before
        position = before
    return start


#: Words that cannot open the main clause a frame reports (a subordinate clause, a
#: participle phrase: ``Als sie kam, sagte Marianne``; ``Die Feder eintunkend, rief er``).
_NO_MAIN_CLAUSE = frozenset({"KOUS", "KOKOM", "KOUI", "KON", "PWAV", "PWS", "PRELS", "ADJD"})


def _news_report(
    view: SentenceView, cue: Cue, finite: int, pieces: list[Range], after: Range | None
) -> bool:
    """Whether indicative words before ``, sagte der Minister.`` are his words, reported.

    News reports speech in the indicative too (``Das Beben erreichte eine Stärke von 7,4,
    teilte der USGS mit.``). Such a frame names its speaker with a noun, uses a verb of
    saying or writing, and ends the sentence; the words before it are a main clause with
    its finite verb in its first stretch. In fiction, ``Sie hatte recht, sagte er.`` (a
    pronoun) stays narration, as the Redewiedergabe annotation has it. Measured on the dev
    portions: WikiNews message F1 0.646 -> 0.648, Redewiedergabe indirect 0.612 -> 0.611.
    """
    tokens = view.tokens
    subject = subject_of(tokens, finite)
    if cue.medium == "thought" or subject is None or tokens[subject[0]].pos == "PPER":
        return False
    if after is not None and tokens[after[0]].pos not in {"PRELS", "PRELAT"}:
        return False  # "..., kann man voraussagen, dass ...": the clause after is reported
    if after is None and any(
        not t.pos.startswith("$")
        for t in tokens[segment_end(tokens, max(finite, cue.token, cue.parts[-1])) :]
    ):
        return False  # "..., sagte Marianne: »...«": the frame introduces what follows
    first = pieces[0][0]
    opener = tokens[first]
    if (
        opener.pos in _NO_MAIN_CLAUSE
        or opener.text.lower() in MISREAD_CONJUNCTIONS  # the tagger reads "Als" as APPR
        or not _main_clause_opening(tokens, first)
    ):
        return False
    return bool(finite_in(view, first, min(segment_end(tokens, first), pieces[0][1])))


#: Longest frame after its content (", sagte der Sprecher des Ministeriums am Montag").
_MAX_FRAME = 12


def _inverted_frame(view: SentenceView, cue: Cue, finite: int, frame_end: int) -> bool:
    """Whether ``sagte X`` after a comma is a frame: short, with its subject after the verb.

    ``Wäre ..., hätte er verhandelt`` is an unreal condition, not a frame: the clause before
    opens with its verb (or ``wenn``), and the "frame" verb is a Konjunktiv II itself.
    """
    if frame_end - finite > _MAX_FRAME:
        return False
    tokens = view.tokens
    verb = view.verbs.get(finite)
    if verb is not None and verb.mood == "Sub" and verb.konjunktiv == "II":
        return False
    comma = segment_start(tokens, finite) - 1
    opens_condition = tokens[0].pos in FINITE or tokens[0].text.lower() in {"wenn", "falls"}
    if opens_condition and (comma < 1 or segment_start(tokens, comma - 1) == 0):
        return False  # the condition itself stands before the "frame"
    after_comma = comma > 0 and tokens[comma].pos == "$,"
    if after_comma and is_relative_clause(tokens[comma_segment_start(tokens, comma) : comma]):
        return False  # "In einem Bericht, der ... wurde, fordert Annan": no words before
    if impersonal(tokens, cue, finite):  # ", hieß es."
        return True
    subject = subject_of(view.tokens, finite)
    return subject is not None and subject[0] > finite


def _quote_before(view: SentenceView, cue: Cue, finite: int) -> Frame | None:
    """Attach a frame to the quotation before it (``„...“, sagte Peskow``, ``»...?« fragte sie``).

    ``„...“, so beschrieb ihn X`` is such a frame too: ``so`` points back at the quotation.
    A quotation right after the frame (``»Ja«, sagte er, »ich komme.«``) belongs to it too.
    """
    tokens = view.tokens
    back_pointer = finite >= 2 and tokens[finite - 1].text.lower() == "so"
    for position in (finite, finite - 1, finite - 2):
        if position == finite - 2 and not back_pointer:
            continue
        if position < finite and (position < 1 or tokens[position].pos != "$,"):
            continue
        quote = view.quote_ending(position)
        if quote is None or quote[0] <= cue.token < quote[1]:
            continue
        pieces = [quote]
        end = segment_end(tokens, cue.token)
        if end + 1 < len(tokens) and tokens[end].pos == "$,":
            following = view.quote_starting(end + 1)
            if following is not None:
                pieces.append(following)
        return Frame("direct", pieces, cue, None, quote=quote)
    return None


_DASHES = frozenset({"–", "—", "-"})
#: Subjects of a parenthesis that belongs to the speech itself ("glaube ich", "meint man").
_SPEAKING_SUBJECTS = frozenset({"ich", "du", "Du", "wir", "ihr", "Ihr", "man", "Sie"})


def _frame_inside_quote(view: SentenceView, cue: Cue, finite: int) -> Frame | None:
    """Cut a frame out of the quotation it stands in: ``»Sage mir, fuhr er fort, hast Du ...?«``.

    Older texts often print the frame inside the marks, between commas or dashes
    (``»Jetzt – sprach Matteo – müßte ich ...«``). Its words are no speech: the frame gives the
    quotation its cue and speaker, and ``gap`` (the frame with its commas) is cut out.
    """
    around = view.quote_around(cue.token)
    tokens = view.tokens
    if around is None or cue.token != finite or finite - 1 <= around[0] + 1:
        return None  # the quotation needs words of its own before the frame
    if tokens[finite - 1].text in _DASHES:
        limit = min(around[1] - 1, finite + _MAX_FRAME)
        frame_end = next((k for k in range(finite + 1, limit) if tokens[k].text in _DASHES), None)
    elif tokens[finite - 1].pos == "$,":
        frame_end = segment_end(tokens, finite)
    else:
        return None
    clipped = not is_quote(tokens[around[1] - 1])  # the quotation runs on
    if frame_end is None or not (frame_end < around[1] - 2 or (clipped and frame_end < around[1])):
        return None  # no words of the quotation after the frame
    subject = subject_of(tokens, finite)
    if tokens[frame_end].text == ":" or subject is None:
        return None
    if not _inverted_frame(view, cue, finite, frame_end):
        return None
    speaking = {tokens[subject[0]].text, tokens[finite + 1].text}
    if speaking & _SPEAKING_SUBJECTS or tokens[frame_end].text in {"?", "!"}:
        return None  # "Das ist, glaube ich, wahr", "meinst du?": the speaker's own words
    gap = (finite - 1, min(frame_end + 1, around[1]))
    return Frame("direct", [around], cue, None, quote=around, gap=gap)


def _nothing_after(view: SentenceView, cue: Cue) -> bool:
    end = segment_end(view.tokens, max(cue.token, cue.parts[-1]))
    return end >= len(view.tokens) - 1


def _content_start(view: SentenceView, comma: int) -> int:
    start = 0
    for q_start, q_end in view.quotes:
        if q_end <= comma and q_start < comma:
            start = max(start, q_end)
    for i in range(comma - 1, start - 1, -1):
        if view.tokens[i].text in {":", ";"}:
            return i + 1
    return start


def is_unreal(view: SentenceView, cue: Cue) -> bool:
    """Whether the cue stands in an unreal condition (``Wäre ..., hätte er verhandelt``)."""
    verb = view.verbs.get(finite_of_clause(view, cue))
    tokens = view.tokens
    conditional = tokens[0].pos in FINITE or tokens[0].text.lower() in {"wenn", "falls"}
    return conditional and verb is not None and verb.mood == "Sub" and verb.konjunktiv == "II"


def _speaks(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a relative clause has a cue verb of its own (``einen Hacker, der behauptet``).

    Then it is speech of its own, not part of the narrated act before it.
    """
    verbs = cue_verbs()
    return any(
        token.pos.startswith("VV") and (token.lemma or "").lower() in verbs
        for token in tokens[start:end]
    )


def frames_words_before(view: SentenceView, cue: Cue) -> bool:
    """Whether the cue is an inverted frame after words (``..., sagte der Minister.``).

    Such a frame narrates no speech act of its own, even when the words before it are neither
    quoted nor in Konjunktiv.
    """
    tokens = view.tokens
    finite = finite_of_clause(view, cue)
    start = segment_start(tokens, finite)
    if not cue.v2 or start != finite or start < 2 or tokens[start - 1].pos != "$,":
        return False
    return _inverted_frame(
        view, cue, finite, segment_end(tokens, max(finite, cue.token, cue.parts[-1]))
    )


def reported_frame(view: SentenceView, cue: Cue) -> Frame:
    """Return the clause of a cue that reports nothing else: it narrates a speech act."""
    tokens = view.tokens
    finite = finite_of_clause(view, cue)
    start = segment_start(tokens, min(finite, cue.token))
    while start > 1 and tokens[start - 1].pos == "$,":
        before = segment_start(tokens, start - 2)
        segment = tokens[before : start - 1]
        if any(t.pos in FINITE or t.pos in {"KOUS", "PRELS", "PWAV"} for t in segment):
            break
        start = before
    end = segment_end(tokens, max(finite, cue.token, cue.parts[-1]))
    if (
        end + 1 < len(tokens)
        and tokens[end].pos == "$,"
        and tokens[end + 1].pos in _RELATIVE
        and not _speaks(tokens, end + 1, segment_end(tokens, end + 1))
    ):
        end = segment_end(tokens, end + 1)  # "sprach von Skorpionen, die gefährlich sind"
    around = view.quote_around(cue.token)
    last = around[1] - 2 if around is not None else len(tokens) - 1
    if end < len(tokens) and tokens[end].text in ".!?" and end == last:
        end += 1  # the sentence's (or the quoted sentence's) final mark
    if around is not None:  # "»Ich weiß nicht«": inside the quotation, without its marks
        start, end = max(start, around[0] + 1), min(end, around[1] - 1)
    return Frame("reported", [(start, end)], cue, speaker_of(view, cue))
