"""Score tokens and sentence boundaries on UD German-GSD dev, beside the anchors.

Usage: python bench/eval_tokens.py [DATA_FOLDER] [--limit N]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)
"""

import sys

from _common import run_evaluation

if __name__ == "__main__":
    sys.exit(run_evaluation("tokens", __doc__))
