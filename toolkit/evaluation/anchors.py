"""Reference numbers of existing tools, as measured for the project (EVALUATION.md).

Each row names the stage, the system, the subset and the measure; ``source`` says where the
number comes from, because most anchors were measured on held-out test portions that are not
in the shared data, and our own runs are on dev.
"""

from __future__ import annotations

from typing import Any

_EVAL = "EVALUATION.md (held-out test)"

ANCHORS: list[dict[str, Any]] = [
    # Tokens and sentences, UD German-GSD
    {
        "stage": "tokens",
        "system": "SoMaJo 2.5",
        "subset": "news",
        "measure": "token F1 (hyph)",
        "F1": 0.997,
        "source": _EVAL,
    },
    {
        "stage": "tokens",
        "system": "spaCy blank('de')",
        "subset": "all",
        "measure": "token F1 (hyph)",
        "F1": 0.997,
        "source": _EVAL,
    },
    {
        "stage": "tokens",
        "system": "NLTK NLTKWordTokenizer",
        "subset": "all",
        "measure": "token F1 (hyph)",
        "F1": 0.998,
        "source": _EVAL,
    },
    {
        "stage": "tokens",
        "system": "SoMaJo 2.5",
        "subset": "news",
        "measure": "sentence F1",
        "F1": 0.995,
        "source": _EVAL,
    },
]
