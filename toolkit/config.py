"""The options of :func:`toolkit.analyse`, as one frozen object.

It lives apart from the facade (``pipeline``) so that the stages can name it without
importing the facade: imports run one way, stage -> config, never stage -> pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from toolkit.errors import InputError
from toolkit.inputs import DEFAULT_MAX_CHARS

__all__ = ["AnalysisConfig"]


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """Options for :func:`analyse` (immutable; change them with keyword arguments).

    Parameters
    ----------
    max_chars
        Longest text accepted, in characters.
    tagging
        Part of speech (STTS) and lemma for every token (HanTa).
    mood
        Mood of every finite verb: Konjunktiv I / II, person, indicative counterpart
        (tags the tokens too, even with ``tagging=False``).
    speech
        Reported speech: direct quotes, indirect speech and narrated speech acts, with cue
        and speaker (uses the verb moods when ``mood`` is on).
    sentiment
        Sentiment per sentence, document, voice and speaker, with the words behind it.
    sentiment_backend
        ``default`` (rules over textblob-de's lexicon), ``textblob-de`` (its own analyser,
        for comparison) or ``sentiws:PATH`` (your copy of a SentiWS-format lexicon).
    sentiment_thresholds
        Label thresholds ``(positive, negative)``; ``None`` uses the backend's own.
    speech_model
        ``model`` (default): the rules' instances of reported speech plus those a trained CRF
        finds where no rule instance is (the CRF reads the rules' output as features);
        ``model-only``: the CRF decides every span and kind; ``rules``: the rules alone (GPL
        only). The weights are CC BY-NC-SA 4.0 (non-commercial); without them the rules are
        used, with a warning.

    Examples
    --------
    >>> AnalysisConfig().replace(max_chars=10).max_chars
    10
    """

    max_chars: int = DEFAULT_MAX_CHARS
    tagging: bool = True
    mood: bool = True
    speech: bool = True
    sentiment: bool = True
    sentiment_backend: str = "default"
    sentiment_thresholds: tuple[float, float] | None = None
    speech_model: str = "model"

    def replace(self, **overrides: Any) -> AnalysisConfig:
        """Return a copy with some fields changed; unknown names give a clear error."""
        known = {option.name for option in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise InputError(
                f"Unknown option {unknown[0]!r} for analyse(); known options: "
                f"{', '.join(sorted(known))}."
            )
        if overrides.get("speech_model", "model") not in {"model", "model-only", "rules"}:
            raise InputError(
                f"Unknown speech_model {overrides['speech_model']!r}; choose 'model', "
                "'model-only' or 'rules'. (Unbekanntes Sprachmodell: 'model', 'model-only' "
                "oder 'rules'.)"
            )
        return replace(self, **overrides)
