"""Token labels of the learned layer and the speech records they decode to.

A token's label names every kind of speech it belongs to, so speech inside speech keeps both
(``D|I``: indirect speech inside a quotation). The codes are ``D`` (direct), ``I`` (indirect),
``R`` (reported) and ``C`` (indirect speech going on without a cue of its own, Redewiedergabe's
"indirect freeIndirect", WikiNews' "IndirectFreeIndirect"). A ``^`` before a code marks a new
instance of that kind right after another one (``„Ja.“ „Nein.“``); ``O`` is no speech.

Examples
--------
>>> parse_label("D|^I")
{'D': False, 'I': True}
>>> label_of({"D": False, "I": True})
'D|^I'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from toolkit.model import Document, ReportedSpeech, Span
from toolkit.speech.learned.features import record_code

KIND_OF_CODE = {"D": "direct", "I": "indirect", "R": "reported", "C": "indirect"}
ORDER = "DIRC"
#: Share of tokens a learned and a rule instance must each have in common to be the same.
SNAP = 0.5


def parse_label(label: str) -> dict[str, bool]:
    """Return ``{code: starts a new instance}`` for one label."""
    if label == "O":
        return {}
    return {part.lstrip("^"): part.startswith("^") for part in label.split("|")}


def label_of(codes: dict[str, bool]) -> str:
    """Return the label for ``{code: starts a new instance}`` (``O`` when empty)."""
    if not codes:
        return "O"
    return "|".join(("^" if codes[c] else "") + c for c in ORDER if c in codes)


@dataclass
class _Run:
    code: str
    first: int
    last: int
    rule: set[int] = field(default_factory=set)


def decode(
    document: Document,
    labels: Sequence[str],
    marginals: Sequence[dict[str, float]],
    rules: Sequence[ReportedSpeech],
    snap: bool = True,
) -> list[ReportedSpeech]:
    """Turn token labels into speech records, with cue and speaker from the rule records.

    ``marginals[i]`` gives the probability of each code at token ``i`` (for the confidence).
    Runs of one kind that the same rule instance covers become one instance with ``parts``
    (``Das sei, so Peskow, gefährlich``: the frame in the middle is no speech). With ``snap``,
    an instance that mostly agrees with a rule instance of its kind (each covers at least
    :data:`SNAP` of the other's tokens) is that rule instance: the rules' exact boundaries,
    parts, cue and speaker, with the model's confidence.
    """
    tokens = document.tokens
    owner: list[list[int]] = [[] for _ in tokens]  # rule records covering each token
    starts = [t.start for t in tokens]
    for number, record in enumerate(rules):
        for start, end in record.pieces():
            for i in range(bisect_right(starts, start - 1), bisect_right(starts, end - 1)):
                owner[i].append(number)
    runs: list[_Run] = []
    open_runs: dict[str, _Run] = {}
    for i, label in enumerate(labels):
        if label == "O":  # most tokens: every open run ends here
            open_runs.clear()
            continue
        codes = parse_label(label)
        for code in ORDER:
            run = open_runs.get(code)
            if code not in codes:
                if run is not None:
                    del open_runs[code]
                continue
            if run is None or codes[code]:
                run = _Run(code, i, i)
                runs.append(run)
                open_runs[code] = run
            run.last = i
            run.rule.update(owner[i])
    for run in runs:  # no instance starts with the full stop of the sentence before
        while run.first < run.last and tokens[run.first].pos == "$.":
            run.first += 1
    merged: list[list[_Run]] = []
    for run in runs:
        joined = False
        for group in reversed(merged[-4:]):
            head = group[-1]
            same = head.code == run.code and head.rule & run.rule
            if same and tokens[head.last].sentence == tokens[run.first].sentence:
                shared = head.rule & run.rule
                if any(len(rules[r].parts) > 1 for r in shared):
                    group.append(run)
                    joined = True
                    break
        if not joined:
            merged.append([run])
    records = []
    emitted: set[int] = set()
    covers: dict[int, set[int]] = {}
    for i, numbers in enumerate(owner):
        for number in numbers:
            covers.setdefault(number, set()).add(i)
    for group in merged:
        rule = _agreeing_rule(group, rules, covers) if snap else None
        if rule is None:
            records.append(_record(document, group, marginals, rules))
        elif rule not in emitted:
            emitted.add(rule)
            records.append(_snapped(rules[rule], group[0].code, covers[rule], marginals))
    _speakers_for_continuations(records)
    return sorted(records, key=lambda r: (r.start, -r.end, r.kind))


def _record(
    document: Document,
    group: list[_Run],
    marginals: Sequence[dict[str, float]],
    rules: Sequence[ReportedSpeech],
) -> ReportedSpeech:
    tokens = document.tokens
    code = group[0].code
    kind = KIND_OF_CODE[code]
    pieces = [
        Span(tokens[run.first].start, tokens[run.last].end,
             document.text[tokens[run.first].start : tokens[run.last].end])
        for run in group
    ]  # fmt: skip
    start, end = pieces[0].start, pieces[-1].end
    inside = [i for run in group for i in range(run.first, run.last + 1)]
    confidence = sum(marginals[i].get(code, 0.0) for i in inside) / len(inside)
    candidates = sorted(set().union(*(run.rule for run in group)))
    best = _best_rule(rules, candidates, kind, start, end)
    signals = [f"rule:{record_code(rules[r])}" for r in candidates]
    if code == "C":
        signals.append("continuation")
    base = ReportedSpeech(
        kind=kind,  # type: ignore[arg-type]
        start=start,
        end=end,
        text=document.text[start:end],
        sentence=tokens[group[0].first].sentence,
        medium="speech",
        parts=tuple(pieces) if len(pieces) > 1 else (),
        confidence=round(confidence, 4),
    )
    if best is None:
        return _with(base, signals=tuple(dict.fromkeys(signals)))
    rule = rules[best]
    if code == "C":  # no cue of its own, but the speaker the rules carried on
        return _with(
            base,
            speaker=rule.speaker,
            speaker_mention=rule.speaker_mention,
            signals=tuple(dict.fromkeys(signals)),
        )
    if rule.cue_lemma:
        signals.append(f"cue:{rule.cue_lemma}")
    return _with(
        base,
        cue=rule.cue,
        speaker=rule.speaker,
        speaker_mention=rule.speaker_mention,
        medium=rule.medium,
        cue_parts=rule.cue_parts,
        cue_lemma=rule.cue_lemma,
        signals=tuple(dict.fromkeys(signals)),
    )


def _agreeing_rule(
    group: list[_Run], rules: Sequence[ReportedSpeech], covers: dict[int, set[int]]
) -> int | None:
    code = group[0].code
    inside = {i for run in group for i in range(run.first, run.last + 1)}
    for number in sorted(set().union(*(run.rule for run in group))):
        rule_code = record_code(rules[number])
        if rule_code != code and not {rule_code, code} <= {"I", "C"}:
            continue
        shared = len(inside & covers[number])
        if shared >= SNAP * len(covers[number]) and shared >= SNAP * len(inside):
            return number
    return None


def _snapped(
    rule: ReportedSpeech, code: str, inside: set[int], marginals: Sequence[dict[str, float]]
) -> ReportedSpeech:
    confidence = sum(marginals[i].get(code, 0.0) for i in inside) / len(inside)
    signals = [f"rule:{record_code(rule)}"]
    if rule.cue_lemma:
        signals.append(f"cue:{rule.cue_lemma}")
    if code == "C":
        signals.append("continuation")
    kind = KIND_OF_CODE[code]
    return _with(rule, kind=kind, confidence=round(confidence, 4), signals=tuple(signals))


def _with(record: ReportedSpeech, **changes: object) -> ReportedSpeech:
    return replace(record, **changes)  # type: ignore[arg-type]


def _best_rule(
    rules: Sequence[ReportedSpeech], candidates: list[int], kind: str, start: int, end: int
) -> int | None:
    def overlap(number: int) -> tuple[bool, int]:
        rule = rules[number]
        shared = sum(max(0, min(end, b) - max(start, a)) for a, b in rule.pieces())
        return rule.kind == kind, shared

    return max(candidates, key=overlap) if candidates else None


def _speakers_for_continuations(records: list[ReportedSpeech]) -> None:
    """Give a continuation without a cue the speaker of the speech before it."""
    records.sort(key=lambda r: (r.start, -r.end, r.kind))
    last: ReportedSpeech | None = None
    for number, record in enumerate(records):
        if "continuation" in record.signals and record.speaker is None and last is not None:
            records[number] = _with(
                record, speaker=last.speaker, speaker_mention=last.speaker_mention
            )
        elif record.speaker is not None or record.speaker_mention is not None:
            last = record
