"""German news text analysis for teaching and research, in Jupyter.

The one-call entry point is :func:`analyse`; every stage can also be used on its own
(``toolkit.tokens.tokenise``, ``toolkit.sentences.split_sentences``, ...).

Examples
--------
>>> import toolkit
>>> doc = toolkit.analyse(toolkit.load_article())
>>> len(doc.sentences)
15
>>> doc.sentences[3].text[:36]
'Peskow vermutet, dass Stoltenbergs A'
"""

from toolkit.corpus import load_article, load_corpus, load_text
from toolkit.errors import (
    CorpusError,
    EvaluationDataError,
    InputError,
    ResourceError,
    ToolkitError,
)
from toolkit.model import (
    CorpusText,
    Document,
    DocumentSentiment,
    ReportedSpeech,
    Sentence,
    SentenceSentiment,
    SentimentGroup,
    Skipped,
    Span,
    Token,
    VerbMood,
    WordAssessment,
)
from toolkit.pipeline import AnalysisConfig, analyse, analyze

__version__ = "0.1.0"

__all__ = [
    "AnalysisConfig",
    "CorpusError",
    "CorpusText",
    "Document",
    "DocumentSentiment",
    "EvaluationDataError",
    "InputError",
    "ReportedSpeech",
    "ResourceError",
    "Sentence",
    "SentenceSentiment",
    "SentimentGroup",
    "Skipped",
    "Span",
    "Token",
    "ToolkitError",
    "VerbMood",
    "WordAssessment",
    "__version__",
    "analyse",
    "analyze",
    "load_article",
    "load_corpus",
    "load_text",
]
