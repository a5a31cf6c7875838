"""A faster HanTa: same model, same results, less repeated work.

HanTa's ``HanoverTagger`` spends most of its time on per-word work: the morphological
analysis of a word (``analyze_forward``), the lemma search for a word and its tag
(``analyze_viterbi``), and inside both, millions of calls to ``lp_m_t`` (the log
probability of a word segment as a morpheme of some class). This subclass changes only
*how often* that work is done, never the arithmetic:

- results per word, per ``(word, tag)`` and per tagger call are memoised (they depend on
  the word only, so the second ``sagte`` costs nothing); a word's analysis and its lemma per
  tag are also kept on disk for the next process (:mod:`toolkit.tagging.disk_memo`);
- within one word, ``lp_m_t`` is computed once per ``(segment, class)`` instead of once per
  state that reaches the segment;
- the sentence Viterbi looks only at the tags the word can have, not at all successors.

``tests/test_tagging.py`` checks that tags and lemmas equal plain HanTa's on the article, and
``bench/bench_mood.py`` measures the speed.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from importlib import metadata
from operator import itemgetter
from pathlib import Path
from typing import Any

import HanTa.HanoverTagger
from HanTa.HanoverTagger import EMPTY, END, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

from toolkit.memo import WORD_MEMO_SIZE, WordMemo
from toolkit.tagging.disk_memo import tagger_memo

_LOWER_BOUND = -1e6
#: Length of the padded table of morpheme-length log probs (longer segments use the last).
_PADDED = 64
#: Longest word that gets a morphological analysis. The analysis tries every segment of a
#: word, so its cost grows with the square of the length (a 1,000-letter "word" took 10 s, a
#: 2,000-letter one 28 s). Longer tokens (hashes, base64, a text without spaces) are opaque:
#: their class comes from their shape (:meth:`FastHanoverTagger._opaque_tag`), their lemma is
#: the token itself. German compounds stay below this
#: (``Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz``: 63 letters).
MAX_WORD_CHARS = 64
#: A number written with digits (``2024``, ``3,5``, ``-12.000``): a cardinal, without
#: analysis. Each new number took about 1.5 ms, so a column of 15,000 numbers took 22 s.
_NUMBER = re.compile(r"[-+−]?\d+(?:[.,]\d+)*")


def _hanta_version() -> str:
    try:
        return metadata.version("HanTa")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed without metadata
        return "unknown"


def _source_digest() -> str:
    """Return a digest of this module: analyses stored by other code are never read back."""
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]


class FastHanoverTagger(HanoverTagger):  # type: ignore[misc]
    """HanTa's tagger with memoised per-word analyses and a leaner inner loop."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        # the analyses of earlier processes, and a place for this one's (toolkit.tagging.
        # disk_memo): the model file is HanTa's own unless a path is given
        model = Path(filename)
        if not model.exists():
            model = Path(HanTa.HanoverTagger.__file__).parent / filename
        self.disk = tagger_memo(model, f"HanTa {_hanta_version()} {_source_digest()}")
        # tuples, not lists (HanTa only iterates): the garbage collector stops tracking them
        self.cache = {word: tuple(tags) for word, tags in self.cache.items()}
        # per word form, bounded: a corpus brings new forms without end (see toolkit.memo)
        self._forward = WordMemo()
        self._word_tags = WordMemo()
        self._lemmas = WordMemo()
        self._follow: dict[Any, Any] = {}
        self._guesses: dict[int, tuple[float, Any, Any]] = {}
        self._tag_order: dict[Any, dict[int, int]] = {}
        # per previous state and tag set: several per word form
        self._candidates = WordMemo(4 * WORD_MEMO_SIZE)
        self._longest_suffix: dict[str, int] = {}
        self._all_morphemes: frozenset[str] | None = None

    def memos(self) -> tuple[dict[Any, Any], ...]:
        """Return the memos (for benchmarks that want to start cold)."""
        return self._forward, self._word_tags, self._lemmas, self._candidates

    def _guess(self, segment: str, tag: int, wlen: int) -> float:
        """Return ``lp_m_t(segment, tag, wlen, strict=False)`` for a guessable class.

        Only called for segments that no class knows, so the known-morpheme lookup and the
        class checks of ``lp_m_t`` are skipped; the arithmetic is HanTa's, in its order.
        """
        mlen = len(segment)
        if not (wlen < 4 or mlen > 2):
            return -math.inf
        tables = self._guesses.get(tag)
        base, lengths, suffixes = tables if tables is not None else self._guess_tables(tag)
        # the longest known suffix of at most 4 letters, shorter than the segment, else ""
        lp_suf = suffixes.get(segment[-4:]) if mlen > 4 else None
        if lp_suf is None and mlen > 3:
            lp_suf = suffixes.get(segment[-3:])
        if lp_suf is None and mlen > 2:
            lp_suf = suffixes.get(segment[-2:])
        if lp_suf is None and mlen > 1:
            lp_suf = suffixes.get(segment[-1:])
        if lp_suf is None:
            lp_suf = suffixes[""]
        lp = base + lengths[mlen if mlen < _PADDED else _PADDED - 1] + lp_suf
        if wlen == mlen:
            lp -= 4.6  # HanTa: penalise the whole word as one unknown morpheme
        return lp

    def _guess_tables(self, tag: int) -> tuple[float, Any, Any]:
        """Return the guess tables of a class; the length table padded (HanTa caps at 24)."""
        found = self._guesses.get(tag)
        if found is None:
            lengths = self.LP_len_t[tag]
            padded = [lengths[min(length, 24)] for length in range(_PADDED)]
            found = self._guesses[tag] = (
                self.Int_t + self.LP_hapax_t[tag],
                padded,
                self.LP_s_t[tag],
            )
        return found

    # --- memoised entry points ------------------------------------------------------------

    def analyze_forward(self, word: str) -> Any:
        """Return HanTa's ``(class, log prob)`` pairs for a word (memoised, as a tuple)."""
        if len(word) > MAX_WORD_CHARS:
            return ((self._opaque_tag(word), 0.0),)
        if _NUMBER.fullmatch(word):  # a number: its analysis costs as much as a word's
            return ((int(self.tag2int["CARD"]), 0.0),)
        found = self._forward.get(word)
        if found is None:
            found = self._forward.fill(word, lambda: self._stored_forward(word))
        return found

    def _stored_forward(self, word: str) -> tuple[tuple[int, float], ...]:
        """Return the forward analysis from the disk memo, or work it out and store it."""
        stored = self.disk.get("forward", word)
        if stored is not None:
            return tuple((int(tag), float(lp)) for tag, lp in json.loads(stored))
        # plain floats (HanTa mixes in numpy's): the same numbers whether read or worked out
        found = tuple((int(tag), float(lp)) for tag, lp in self._analyze_forward(word))
        self.disk.put("forward", word, json.dumps(found))
        return found

    def _opaque_tag(self, word: str) -> int:
        """Return the class of a word too long to analyse, from its shape alone.

        Letters: a noun (a long compound); digits and separators: a number (``CARD``);
        anything else (a hash, base64, a text without spaces): ``XY``, a non-word.
        """
        if word.isalpha():
            return int(self.tag2int["NN"])
        if all(character.isdigit() or character in ".,:/-" for character in word):
            return int(self.tag2int["CARD"])
        return int(self.tag2int["XY"])

    def _tag_word(
        self, word: str, cutoff: int = 5, casesensitive: bool = True, conditional: bool = False
    ) -> Any:
        key = (word, cutoff, casesensitive, conditional)
        found = self._word_tags.get(key)
        if found is None:
            tag_word = super()._tag_word
            found = self._word_tags.fill(
                key, lambda: tuple(tag_word(word, cutoff, casesensitive, conditional))
            )
        return found

    def _analyze(self, word: str, pos: int, taglevel: int = 1) -> Any:
        if taglevel == 1 and (
            len(word) > MAX_WORD_CHARS or (_NUMBER.fullmatch(word) and self.int2tag[pos] == "CARD")
        ):
            return word, self.int2tag[pos]  # opaque: the token is its own lemma
        key = (word.lower(), pos, taglevel)
        found = self._lemmas.get(key)
        if found is None:
            found = self._lemmas.fill(key, lambda: self._stored_lemma(word, pos, taglevel))
        return found

    def _stored_lemma(self, word: str, pos: int, taglevel: int) -> Any:
        """Return ``(lemma, tag)`` from the disk memo, or work it out (and store it)."""
        if taglevel != 1:  # morpheme lists: not stored
            return super()._analyze(word, pos, taglevel)
        key = f"{pos}|{word.lower()}"
        stored = self.disk.get("lemma", key)
        if stored is not None:
            return tuple(json.loads(stored))
        found = super()._analyze(word, pos, taglevel)
        if isinstance(found, tuple) and all(isinstance(part, str) for part in found):
            self.disk.put("lemma", key, json.dumps(found, ensure_ascii=False))
        return found

    def makelemma(self, stem_morphemes: list[str], pos: str) -> str:
        """Return the lemma from its stem morphemes (HanTa's, with the suffix length cached)."""
        mainpostag = pos.split("(")[0]
        lemma = "".join(stem_morphemes)
        suffix = ""
        lemmasuffices = self.lemmasuffixtable.get(mainpostag, [])
        if len(lemmasuffices) > 0:
            longest = self._longest_suffix.get(mainpostag)
            if longest is None:
                longest = self._longest_suffix[mainpostag] = max(len(e) for e in lemmasuffices)
            if len(lemma) + 1 < longest:
                longest = len(lemma)
            for i in range(longest + 1, 0, -1):
                ending = ("#" + lemma)[-i:]
                if ending in lemmasuffices:
                    suffix = lemmasuffices[ending]
                    break
        if self.tag2int.get(pos, 0) in self.capitalizedlemmata:
            lemma = lemma[0].upper() + lemma[1:]
        return lemma + suffix

    # --- HanTa's algorithms, with lp_m_t computed once per (segment, class) ----------------

    def _followups(self, state: Any, strict: bool, targetpos: int | None = None) -> Any:
        """Return the successor classes of ``state``, as ``(every, guess_only)``.

        ``every`` lists ``(class, transition log prob, morpheme table, guessable)``;
        ``guess_only`` lists ``(class, transition log prob, None, True)`` for the classes that
        may guess a segment no class knows (for the others ``lp_m_t`` is ``-inf``), in the
        same order.
        """
        key = (state, strict, targetpos)
        found = self._follow.get(key)
        if found is None:
            reachable = (
                self.reachability.get(targetpos, frozenset()) if targetpos is not None else None
            )
            every = [
                (
                    tag,
                    lpt,
                    self.LP_m_t[tag],
                    not strict and tag in self.LP_hapax_t and tag in self.LP_s_t,
                )
                for tag, lpt in self.LP_trans_nonfinal.get(state, [])
                if reachable is None or tag in reachable
            ]
            guess_only = [
                (tag, lpt, None, True) for tag, lpt, _known, guessable in every if guessable
            ]
            found = self._follow[key] = (every, guess_only)
        return found

    @property
    def _known_morphemes(self) -> frozenset[str]:
        if self._all_morphemes is None:
            self._all_morphemes = frozenset().union(*(table for table in self.LP_m_t.values()))
        return self._all_morphemes

    def _segments(self, word: str, start: int) -> list[tuple[int, str, bool, bool]]:
        """Return ``(end, segment, known, guessable)`` for the segments from ``start`` on.

        A guess is ``-inf`` for a segment of 1-2 letters in a word of 4 or more (HanTa's
        ``lp_m_t``), so a segment that no class knows is left out then.
        """
        known_morphemes = self._known_morphemes
        wlen = len(word)
        found = []
        for end in range(start + 1, wlen + 1):
            segment = word[start:end]
            is_known = segment in known_morphemes
            can_guess = wlen < 4 or end - start > 2
            if is_known or can_guess:
                found.append((end, segment, is_known, can_guess))
        return found

    def _morpheme_table(
        self,
        word: str,
        strict: bool,
        targetpos: int | None,
        backpointer: list[dict[Any, Any]] | None,
    ) -> list[dict[Any, float]]:
        """Fill HanTa's table of best log probs per (position, class pair) over the morphemes.

        Shared by the forward analysis (tags) and the Viterbi analysis (lemma, for
        ``targetpos``, which also records ``backpointer``); ``table[-1]`` is left for the
        caller's final transitions.
        """
        wlen = len(word)
        guess = self._guess
        follow = self._follow
        table: list[dict[Any, float]] = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        for i in range(wlen + 1):
            row = table[i]
            if not row:
                continue
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
            segments = self._segments(word, i)
            guesses: dict[tuple[int, int], float] = {}  # (end, class) -> lp_m_t of a guess
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                found = follow.get((state, strict, targetpos))
                every, guess_only = found or self._followups(state, strict, targetpos)
                previous = state[1]
                for j, segment, is_known, can_guess in segments:
                    target = table[j]
                    for tag1, lpt, known, guessable in every if is_known else guess_only:
                        lpm = known.get(segment) if is_known else None
                        if lpm is None:
                            if not (guessable and can_guess):
                                continue  # lp_m_t would give -inf
                            lpm = guesses.get((j, tag1))
                            if lpm is None:
                                lpm = guesses[(j, tag1)] = guess(segment, tag1, wlen)
                        lp1 = lp + lpt + lpm
                        if lp1 > _LOWER_BOUND:
                            newstate = (previous, tag1)
                            if newstate not in target or lp1 > target[newstate]:
                                target[newstate] = lp1
                                if backpointer is not None:
                                    backpointer[j][newstate] = (state, i)
        return table

    def _analyze_forward(self, word: str) -> list[tuple[int, float]]:
        table = self._morpheme_table(word, self.strict, None, None)
        for state, lp in table[-2].items():
            for tag1, lpt in self.LP_trans_final.get(state, []):
                lp1 = lp + lpt
                if lp1 > _LOWER_BOUND:
                    newstate = (state[1], tag1)
                    if newstate not in table[-1] or lp1 > table[-1][newstate]:
                        table[-1][newstate] = lp1
        results: dict[int, float] = {}
        for state, lp in table[-1].items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = sorted(results.items(), key=itemgetter(1), reverse=True)
        return result_list or [(UNKNOWN, 0)]

    def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        """Return the best morpheme path of ``word`` for a known class (HanTa's algorithm)."""
        wlen = len(word)
        table: list[dict[Any, float]] = []
        backpointer: list[dict[Any, Any]] = []
        for localstrict in (True, False):
            backpointer = [{} for _ in range(wlen + 2)]
            table = self._morpheme_table(word, localstrict, targetpos, backpointer)
            for state, lp in table[-2].items():
                for tag1, lpt in self.LP_trans_final.get(state, []):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > _LOWER_BOUND:
                            newstate = (state[1], tag1)
                            if newstate not in table[-1] or lp1 > table[-1][newstate]:
                                table[-1][newstate] = lp1
                                backpointer[-1][newstate] = (state, wlen)
                        break
            if table[-1]:
                break  # a second pass without the strict morpheme list only if the first failed
        pmax = -math.inf
        beststate = (EMPTY, EMPTY)
        for state, lp in table[-1].items():
            if lp > pmax:
                pmax = lp
                beststate = state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
        else:
            states = [(beststate, i)]
            state = beststate
            while i > 0:
                state, i = backpointer[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], i) for (state, i) in states[::-1]]

    def _order(self, state: Any) -> dict[int, int]:
        """Return the position of each successor tag of ``state`` in the model's table."""
        found = self._tag_order.get(state)
        if found is None:
            found = self._tag_order[state] = {
                tag: position for position, tag in enumerate(self.LP_trans_word[state])
            }
        return found

    def _ordered_candidates(self, state: Any, word_tags: tuple[int, ...]) -> tuple[Any, ...]:
        """Return ``(tag, transition log prob)`` for the word's tags that may follow ``state``.

        In the order of the model's transition table (HanTa's iteration order), memoised per
        state and tag set.
        """
        return self._candidates.fill((state, word_tags), lambda: self._order_tags(state, word_tags))

    def _order_tags(self, state: Any, word_tags: tuple[int, ...]) -> tuple[Any, ...]:
        lp_t = self.LP_trans_word[state]
        tags = sorted((tag for tag in word_tags if tag in lp_t), key=self._order(state).__getitem__)
        return tuple((tag, lp_t[tag]) for tag in tags)

    def tag_sent_viterbi(self, sent: list[str], casesensitive: bool = True) -> list[int]:
        """Return the best tag sequence of a sentence (HanTa's algorithm)."""
        table: list[dict[Any, float]] = []
        backpointer: list[dict[Any, Any]] = []
        for i, w in enumerate(sent):
            cs = casesensitive if i > 0 else False
            wprobs = dict(self._tag_word(w, cutoff=5, casesensitive=cs, conditional=True))
            if len(wprobs) == 1 and UNKNOWN in wprobs:
                wprobs = {}
            word_tags = tuple(wprobs)
            row: dict[Any, float] = {}
            pointers: dict[Any, Any] = {}
            backpointer.append(pointers)
            prevrow = table[i - 1] if i > 0 else {(EMPTY, START): 0.0}
            rowbound = (
                sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else _LOWER_BOUND
            )
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                if wprobs:  # only the word's possible tags, in the model's order
                    candidates = self._candidates.get((state, word_tags))
                    if candidates is None:
                        candidates = self._ordered_candidates(state, word_tags)
                else:  # an unknown word may have any tag
                    candidates = self.LP_trans_word[state].items()
                for c, lp_tc in candidates:
                    if c == END:
                        continue
                    lp = lp0 + lp_tc + wprobs.get(c, 0)
                    if lp > _LOWER_BOUND:
                        newstate = (state[1], c)
                        if newstate not in row or lp > row[newstate]:
                            row[newstate] = lp
                            pointers[newstate] = state
            table.append(row)
        finalstate = (END, EMPTY)
        row = {}
        backpointer.append({})
        for state, lp0 in table[-1].items():
            lp = lp0 + self.LP_trans_word[state].get(END, -math.inf)
            if lp > row.get(finalstate, -math.inf):
                row[finalstate] = lp
                backpointer[-1][finalstate] = state
        table.append(row)
        tags = []
        state = finalstate
        for i in range(len(backpointer) - 1, 0, -1):
            state = backpointer[i][state]
            tags.append(state[1])
        return tags[::-1]
