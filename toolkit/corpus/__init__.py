"""Corpus work in one sub-package: reading texts, analysing folders, exporting, concordances.

- :mod:`toolkit.corpus.reading`: the bundled article, your ``.txt`` files, evaluation data;
- :mod:`toolkit.corpus.files`: which files of a folder are analysed, with metadata;
- :mod:`toolkit.corpus.batch`: :func:`~toolkit.corpus.batch.analyse_corpus`, a generator
  that streams documents through one or more worker processes;
- :mod:`toolkit.corpus.rows`, :mod:`toolkit.corpus.conll`, :mod:`toolkit.corpus.speakers`
  and :mod:`toolkit.corpus.export`: the output tables, CoNLL-U Plus, the written folder;
- :mod:`toolkit.corpus.concordance`: keyword in context and word frequencies;
- :mod:`toolkit.corpus.plots`: charts with readable German labels (user text escaped);
- :mod:`toolkit.corpus.cli`: ``python -m toolkit corpus INPUT --out DIR``.

Only the light reading functions are imported here, so ``import toolkit`` stays fast.
"""

from toolkit.corpus.reading import (
    ARTICLE_NAME,
    ARTICLE_PATH,
    CORPORA_FOLDER,
    EVAL_DATA_VARIABLE,
    eval_data_path,
    load_article,
    load_corpus,
    load_text,
    read_sidecar,
)

__all__ = [
    "ARTICLE_NAME",
    "ARTICLE_PATH",
    "CORPORA_FOLDER",
    "EVAL_DATA_VARIABLE",
    "eval_data_path",
    "load_article",
    "load_corpus",
    "load_text",
    "read_sidecar",
]
