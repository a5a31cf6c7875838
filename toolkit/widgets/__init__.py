"""Interactive views (ipywidgets) over analysed texts, for the notebooks.

Widgets are classes with their state in traitlets; they hold no language logic themselves
but call the stage modules, :mod:`toolkit.tables`, :mod:`toolkit.plots` and
:mod:`toolkit.render` (the only HTML builder). Each widget records what it showed last
(``result``, ``lines``, ...), so tests can drive it in plain Python without a browser.
"""

from toolkit.widgets.annotation import AgreementView
from toolkit.widgets.base import LABELS, ToolkitWidget, label, register_labels
from toolkit.widgets.concordance import ConcordanceView
from toolkit.widgets.corpus import CorpusTable, CorpusView
from toolkit.widgets.course import ArticleView, ScoresView, SelfCheck
from toolkit.widgets.evaluation import EvaluationView
from toolkit.widgets.exercise import Exercise, ExerciseView
from toolkit.widgets.language import LanguageSwitch
from toolkit.widgets.mood import KonjunktivExercise, MoodExplorer
from toolkit.widgets.sentiment import SentimentExplainer
from toolkit.widgets.speech import SpeechExercise, SpeechHighlighter
from toolkit.widgets.text_picker import TextPicker
from toolkit.widgets.tokens import TokenizerComparison
from toolkit.widgets.view import DocumentView, TableView

__all__ = [
    "LABELS",
    "AgreementView",
    "ArticleView",
    "ConcordanceView",
    "CorpusTable",
    "CorpusView",
    "DocumentView",
    "EvaluationView",
    "Exercise",
    "ExerciseView",
    "KonjunktivExercise",
    "LanguageSwitch",
    "MoodExplorer",
    "ScoresView",
    "SelfCheck",
    "SentimentExplainer",
    "SpeechExercise",
    "SpeechHighlighter",
    "TableView",
    "TextPicker",
    "TokenizerComparison",
    "ToolkitWidget",
    "label",
    "register_labels",
]
