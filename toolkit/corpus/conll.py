"""One analysed document -> CoNLL-U Plus text (the ten UD columns plus speech columns).

The file starts with a ``# global.columns`` line, so tools such as the ``conllu`` package
read the three extra columns by name:

- ``TOOLKIT:SPEECH``: the speech kind as BIO (``B-indirect``, ``I-indirect``, ``O``);
- ``TOOLKIT:CUE``: the cue's dictionary form on the cue's words (``warnen``), else ``_``;
- ``TOOLKIT:SPEAKER``: the resolved speaker on every word of the speech, else ``_``.

UPOS comes from the STTS tag, FEATS from the verb's mood (``Mood``, ``Tense`` for the
Konjunktiv: I = Pres, II = Past as in UD German, ``Person``, ``Number``, ``VerbForm``).
HEAD, DEPREL and DEPS stay ``_`` (no parser). MISC keeps ``SpaceAfter=No`` and the token's
character offsets in the document (``TokenRange=start:end``).

Examples
--------
>>> from toolkit import analyse
>>> text = to_conllu("meldung", analyse("Peskow sagte, das sei gefährlich."))
>>> line = text.splitlines()[8].split(chr(9))  # after four comment lines: token 5
>>> line[1:6]
['sei', 'sein', 'AUX', 'VAFIN', 'Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin']
>>> line[9:]
['TokenRange=18:21', 'I-indirect', '_', 'Peskow']
"""

from __future__ import annotations

from bisect import bisect_left

from toolkit.model import Document

__all__ = ["COLUMNS", "STTS_TO_UPOS", "to_conllu"]

COLUMNS = ["ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"]
COLUMNS += ["TOOLKIT:SPEECH", "TOOLKIT:CUE", "TOOLKIT:SPEAKER"]

#: STTS -> Universal POS, as in the UD German treebanks.
STTS_TO_UPOS = {
    "ADJA": "ADJ",
    "ADJD": "ADJ",
    "ADV": "ADV",
    "APPR": "ADP",
    "APPRART": "ADP",
    "APPO": "ADP",
    "APZR": "ADP",
    "ART": "DET",
    "CARD": "NUM",
    "FM": "X",
    "ITJ": "INTJ",
    "KOUI": "SCONJ",
    "KOUS": "SCONJ",
    "KON": "CCONJ",
    "KOKOM": "CCONJ",
    "NN": "NOUN",
    "NE": "PROPN",
    "NNE": "PROPN",
    "PDS": "PRON",
    "PDAT": "DET",
    "PIS": "PRON",
    "PIAT": "DET",
    "PIDAT": "DET",
    "PPER": "PRON",
    "PPOSS": "PRON",
    "PPOSAT": "DET",
    "PRELS": "PRON",
    "PRELAT": "DET",
    "PRF": "PRON",
    "PWS": "PRON",
    "PWAT": "DET",
    "PWAV": "ADV",
    "PAV": "ADV",
    "PROAV": "ADV",
    "PTKZU": "PART",
    "PTKNEG": "PART",
    "PTKVZ": "ADP",
    "PTKANT": "PART",
    "PTKA": "PART",
    "TRUNC": "X",
    "VVFIN": "VERB",
    "VVIMP": "VERB",
    "VVINF": "VERB",
    "VVIZU": "VERB",
    "VVPP": "VERB",
    "VAFIN": "AUX",
    "VAIMP": "AUX",
    "VAINF": "AUX",
    "VAPP": "AUX",
    "VMFIN": "AUX",
    "VMINF": "AUX",
    "VMPP": "AUX",
    "XY": "X",
    "$,": "PUNCT",
    "$.": "PUNCT",
    "$(": "PUNCT",
}


#: Characters that delimit CoNLL-U lines or columns; inside a value they become spaces.
_DELIMITERS = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


def _field(value: str | None) -> str:
    """Return a column value: never empty, never a tab or line break."""
    return value.translate(_DELIMITERS) if value else "_"


def _feats(document: Document) -> dict[int, str]:
    feats = {}
    for verb in document.verbs:
        found = {"Mood": verb.mood, "VerbForm": "Fin"}
        if verb.konjunktiv:
            found["Tense"] = "Pres" if verb.konjunktiv == "I" else "Past"
        if verb.person:
            found["Person"] = str(verb.person)
        if verb.number:
            found["Number"] = "Sing" if verb.number == "Sg" else "Plur"
        feats[verb.token] = "|".join(f"{key}={found[key]}" for key in sorted(found))
    return feats


def _speech_columns(document: Document) -> tuple[list[str], list[str], list[str]]:
    """BIO kind, cue and speaker per token, in one pass over the instances (linear)."""
    count = len(document.tokens)
    kind, cue, speaker = ["O"] * count, ["_"] * count, ["_"] * count
    starts = [token.start for token in document.tokens]
    for instance in sorted(document.speech, key=lambda found: found.start):
        first = True
        for start, end in instance.pieces():
            index = bisect_left(starts, start)
            while index < count and document.tokens[index].end <= end:
                if kind[index] == "O":  # an overlapping later instance keeps the first
                    kind[index] = f"{'B' if first else 'I'}-{instance.kind}"
                    speaker[index] = _field(instance.speaker)
                first = False
                index += 1
        cue_lemma = _field(instance.cue_lemma or (instance.cue.text if instance.cue else None))
        for part in instance.cue_parts or ((instance.cue,) if instance.cue else ()):
            index = bisect_left(starts, part.start)
            while index < count and document.tokens[index].end <= part.end:
                cue[index] = cue_lemma
                index += 1
    return kind, cue, speaker


def to_conllu(name: str, document: Document) -> str:
    """Return the document as CoNLL-U Plus, one block per sentence (IDs from 1).

    The number of token lines equals the number of tokens (and of rows in ``tokens.csv``).
    """
    feats = _feats(document)
    kind, cue, speaker = _speech_columns(document)
    lines = [f"# global.columns = {' '.join(COLUMNS)}", f"# newdoc id = {_field(name)}"]
    for sentence in document.sentences:
        lines.append(f"# sent_id = {_field(name)}/{sentence.index + 1}")
        lines.append(f"# text = {' '.join(sentence.text.split())}")
        for number, index in enumerate(sentence.token_indices, start=1):
            token = document.tokens[index]
            misc = f"TokenRange={token.start}:{token.end}"
            if not token.space_after:
                misc = f"SpaceAfter=No|{misc}"
            upos = STTS_TO_UPOS.get(token.pos or "", "X") if token.pos else "_"
            columns = [
                str(number),
                _field(token.text),
                _field(token.lemma),
                upos,
                _field(token.pos),
                feats.get(index, "_"),
                "_",
                "_",
                "_",
                misc,
                kind[index],
                cue[index],
                speaker[index],
            ]
            lines.append("\t".join(columns))
        lines.append("")
    return "\n".join(lines) + "\n"
