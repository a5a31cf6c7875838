"""Historical spelling, read as modern spelling (1840-1919 German, as in Redewiedergabe).

Only the forms that matter for mood and speech are rewritten: ``daß`` -> ``dass``, ``ß`` after
a short vowel in the forms of ``müssen``, ``wissen``, ``lassen`` (``müßte``, ``wüßte``,
``läßt``), ``sey`` -> ``sei``, ``th`` -> ``t`` in native words (``thun``, ``Thür``,
``Theil``), ``-niß`` -> ``-nis``. Case is kept. The rewrite is a pure function of the word, so
offsets never move: the text stays as written, only the features read the modern form.

Examples
--------
>>> [modern_spelling(w) for w in ["daß", "Daß", "müßte", "sey", "seyen", "thun", "Thür"]]
['dass', 'Dass', 'müsste', 'sei', 'seien', 'tun', 'Tür']
>>> modern_spelling("Fuß"), modern_spelling("Theater"), modern_spelling("Ereigniß")
('Fuß', 'Theater', 'Ereignis')
"""

from __future__ import annotations

import re

from toolkit.memo import word_memo

_WORDS = {
    "daß": "dass",
    "sey": "sei",
    "seyn": "sein",
    "seyd": "seid",
    "seyen": "seien",
    "seyest": "seiest",
    "seyst": "seist",
    "thun": "tun",
    "thut": "tut",
    "thue": "tue",
    "thät": "tät",
    "thäte": "täte",
    "thaten": "taten",
    "that": "tat",
    "thür": "tür",
    "thüre": "türe",
    "thüren": "türen",
    "thor": "tor",
    "thal": "tal",
    "theil": "teil",
    "theile": "teile",
    "theilen": "teilen",
    "theilte": "teilte",
    "theilt": "teilt",
    "mitgetheilt": "mitgeteilt",
    "mittheilen": "mitteilen",
    "mittheilung": "mitteilung",
    "urtheil": "urteil",
    "thräne": "träne",
    "thränen": "tränen",
    "thier": "tier",
    "thiere": "tiere",
    "noth": "not",
    "muth": "mut",
    "rath": "rat",
    "gewiß": "gewiss",
    "bißchen": "bisschen",
}
#: ß after a short vowel before t / te / en in the forms of these verbs becomes ss.
_SHORT_SZ = re.compile(r"^(ge)?(mu|mü|wu|wü|la|lä|fa|fä|pa|pä|i|mi|ri|bi)ß(t|te|ten|test|tet)?$")


@word_memo()
def modern_spelling(word: str) -> str:
    """Return the modern spelling of a historical word form (the word itself if none)."""
    lower = word.lower()
    modern = _WORDS.get(lower)
    if modern is None:
        if "ß" in lower and _SHORT_SZ.match(lower):
            modern = lower.replace("ß", "ss")
        elif lower.endswith("niß"):
            modern = lower[:-1] + "s"
        else:
            return word
    if word[:1].isupper():
        return modern[:1].upper() + modern[1:]
    return modern
