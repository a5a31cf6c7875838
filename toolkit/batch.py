"""Old import path of :mod:`toolkit.corpus.batch`, kept so that earlier scripts still run."""

from toolkit.corpus.batch import *  # noqa: F403
from toolkit.corpus.batch import __all__  # noqa: F401
