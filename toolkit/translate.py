"""The one translation table: every word a person reads in German and English.

Widgets, tables shown to people (:func:`toolkit.tables.for_people`) and charts
(:mod:`toolkit.plots`) take their labels, column headers, values and messages from
:data:`LABELS`, so the language switch covers all of them. Numbers are written the German or
the English way (:func:`number`), a missing value as "–", and sentence and token numbers
count from 1 (records keep their 0-based ``index``).

Examples
--------
>>> tr("col_sentence", "de"), tr("col_sentence", "en")
('Satz', 'sentence')
>>> value("syncretic", "de"), value("Sub", "de"), value("reported", "de")
('gleich dem Indikativ (Kontext entscheidet)', 'Konjunktiv', 'erzählt')
>>> number(2218, "de"), number(2218, "en"), number(0.6667, "de"), number(None)
('2.218', '2,218', '0,667', '–')
>>> choice("indirekt / indirect", "en")
'indirect'
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from numbers import Number

from toolkit.render import heading

#: A missing value, as people read it.
MISSING = "–"
#: The minus sign people read (U+2212, as in print and in matplotlib's charts), not the
#: hyphen a program writes; exports keep the hyphen.
MINUS = "\u2212"

#: Every visible word in German and English, by key. Widget modules add their own labels with
#: :func:`register_labels`; column headers are ``col_<column>``, values ``val_<value>``.
LABELS: dict[str, dict[str, str]] = {
    "text": {"de": "Text", "en": "Text"},
    "tokenizers": {"de": "Tokenisierer", "en": "Tokenizers"},
    "tokens": {"de": "Tokens", "en": "tokens"},
    "differs": {
        "de": "Gelb hinterlegt: anders als bei SoMaJo.",
        "en": "Yellow: different from SoMaJo.",
    },
    "word": {"de": "Suchwort", "en": "Search word"},
    "context": {"de": "Kontext", "en": "Context"},
    "match_by": {"de": "Suche nach", "en": "Match by"},
    "form": {"de": "Wortform", "en": "word form"},
    "lemma": {"de": "Grundform", "en": "lemma"},
    "hits": {"de": "Treffer", "en": "hits"},
    "hit": {"de": "Treffer", "en": "hit"},
    "no_hits": {"de": "Keine Treffer.", "en": "No hits."},
    "empty_text": {"de": "Bitte einen Text eingeben.", "en": "Please enter a text."},
    "more_rows": {
        "de": "… und {n} weitere Zeilen (von {total}).",
        "en": "… and {n} more rows (of {total}).",
    },
    # -- column headers ------------------------------------------------------------------
    "col_sentence": {"de": "Satz", "en": "sentence"},
    "col_token": {"de": "Token", "en": "token"},
    "col_start": {"de": "Anfang", "en": "start"},
    "col_end": {"de": "Ende", "en": "end"},
    "col_text": {"de": "Text", "en": "text"},
    "col_kind": {"de": "Art", "en": "kind"},
    "col_lemma": {"de": "Grundform", "en": "lemma"},
    "col_pos": {"de": "Wortart (STTS)", "en": "part of speech (STTS)"},
    "col_tokens": {"de": "Tokens", "en": "tokens"},
    "col_mood": {"de": "Modus", "en": "mood"},
    "col_konjunktiv": {"de": "Konjunktiv", "en": "subjunctive"},
    "col_person": {"de": "Person", "en": "person"},
    "col_number": {"de": "Numerus", "en": "number"},
    "col_indicative": {"de": "Indikativ", "en": "indicative"},
    "col_ambiguity": {"de": "Mehrdeutigkeit", "en": "ambiguity"},
    "col_infinitive": {"de": "Infinitiv (würde)", "en": "infinitive (würde)"},
    "col_explanation_de": {"de": "Erklärung", "en": "explanation (German)"},
    "col_explanation_en": {"de": "Erklärung (englisch)", "en": "explanation"},
    "col_explanation": {"de": "Erklärung", "en": "explanation"},
    "col_resolved_by": {"de": "entschieden durch", "en": "resolved by"},
    "col_polarity": {"de": "Polarität", "en": "polarity"},
    "col_subjectivity": {"de": "Subjektivität", "en": "subjectivity"},
    "col_label": {"de": "Einordnung", "en": "label"},
    "col_words": {"de": "Wörter", "en": "words"},
    "col_word": {"de": "Wort", "en": "word"},
    "col_lexicon_entry": {"de": "Lexikoneintrag", "en": "lexicon entry"},
    "col_lexicon_value": {"de": "Lexikonwert", "en": "lexicon value"},
    "col_modifiers": {"de": "Regeln", "en": "rules applied"},
    "col_adjusted_value": {"de": "Wert danach", "en": "adjusted value"},
    "col_contribution": {"de": "Beitrag", "en": "contribution"},
    "col_voice": {"de": "Stimme", "en": "voice"},
    "col_speaker": {"de": "Sprecher", "en": "speaker"},
    "col_group": {"de": "Gruppe", "en": "group"},
    "col_name": {"de": "Name", "en": "name"},
    "col_total": {"de": "Summe", "en": "total"},
    "col_passages": {"de": "Passagen", "en": "passages"},
    "col_positive": {"de": "positiv", "en": "positive"},
    "col_negative": {"de": "negativ", "en": "negative"},
    "col_cue": {"de": "Redeeinleitung", "en": "cue"},
    "col_cue_lemma": {"de": "Grundform der Einleitung", "en": "cue lemma"},
    "col_speaker_mention": {"de": "im Text genannt als", "en": "mentioned as"},
    "col_kind_rules": {"de": "Art (Regeln)", "en": "kind (rules)"},
    "col_speaker_rules": {"de": "Sprecher (Regeln)", "en": "speaker (rules)"},
    "col_kind_model": {"de": "Art (Modell)", "en": "kind (model)"},
    "col_speaker_model": {"de": "Sprecher (Modell)", "en": "speaker (model)"},
    "col_confidence": {"de": "Sicherheit des Modells", "en": "model confidence"},
    "col_medium": {"de": "Medium", "en": "medium"},
    "col_instances": {"de": "Anzahl", "en": "instances"},
    "col_direct": {"de": "direkt", "en": "direct"},
    "col_indirect": {"de": "indirekt", "en": "indirect"},
    "col_reported": {"de": "erzählt", "en": "reported"},
    "col_cues": {"de": "Redeeinleitungen", "en": "cues"},
    "col_mentions": {"de": "im Text genannt als", "en": "mentioned as"},
    "col_tokens_per_sentence": {"de": "Tokens pro Satz", "en": "tokens per sentence"},
    "col_sentences": {"de": "Sätze", "en": "sentences"},
    "col_characters": {"de": "Zeichen", "en": "characters"},
    "col_frequency": {"de": "Häufigkeit", "en": "frequency"},
    "col_coder": {"de": "Person", "en": "coder"},
    "col_observed": {"de": "beobachtet", "en": "observed"},
    "col_kappa": {"de": "Kappa", "en": "kappa"},
    "col_pi": {"de": "Pi", "en": "pi"},
    "col_alpha": {"de": "Alpha", "en": "alpha"},
    "col_precision": {"de": "Precision", "en": "precision"},
    "col_recall": {"de": "Recall", "en": "recall"},
    "col_f1": {"de": "F1", "en": "F1"},
    "col_support": {"de": "Anzahl", "en": "support"},
    "col_measure": {"de": "Maß", "en": "measure"},
    "col_meaning": {"de": "Bedeutung", "en": "meaning"},
    # per_label: sentences the reference gave a label; the others' labels, pooled over all
    # of them (so "of which as the reference" can exceed the reference's sentences)
    "col_reference": {"de": "Sätze (Referenz)", "en": "sentences (reference)"},
    "col_others": {"de": "Urteile der anderen", "en": "others' labels"},
    "col_agree": {"de": "davon wie die Referenz", "en": "of which as the reference"},
    "col_system": {"de": "System", "en": "system"},
    "col_subset": {"de": "Teil", "en": "subset"},
    "col_source": {"de": "Quelle", "en": "source"},
    "col_data": {"de": "Daten", "en": "data"},
    "col_tool": {"de": "Werkzeug", "en": "tool"},
    "col_value": {"de": "Wert", "en": "value"},
    # -- values ----------------------------------------------------------------------------
    "val_Ind": {"de": "Indikativ", "en": "indicative"},
    # the reference system of the token evaluation (toolkit.evaluation.tokens)
    "val_SoMaJo 2.5 called directly": {
        "de": "SoMaJo 2.5, direkt aufgerufen",
        "en": "SoMaJo 2.5 called directly",
    },
    "val_Sub": {"de": "Konjunktiv", "en": "subjunctive"},
    "val_Imp": {"de": "Imperativ", "en": "imperative"},
    "val_Sg": {"de": "Singular", "en": "singular"},
    "val_Pl": {"de": "Plural", "en": "plural"},
    "val_unambiguous": {"de": "eindeutig", "en": "unambiguous"},
    "val_other_person": {"de": "gleich einer anderen Person", "en": "same as another person"},
    "val_syncretic": {
        "de": "gleich dem Indikativ (Kontext entscheidet)",
        "en": "same as the indicative (context decides)",
    },
    "val_direct": {"de": "direkt", "en": "direct"},
    "val_indirect": {"de": "indirekt", "en": "indirect"},
    "val_reported": {"de": "erzählt", "en": "reported"},
    "val_positive": {"de": "positiv", "en": "positive"},
    "val_negative": {"de": "negativ", "en": "negative"},
    "val_neutral": {"de": "neutral", "en": "neutral"},
    "val_narrator": {"de": "Erzähler", "en": "narrator"},
    # the voice a sentiment word is spoken in (voice_text): the explainer, its chart and the
    # word table name it alike
    "voice_narrator": {"de": "Erzähler", "en": "narrator"},
    "voice_direct": {"de": "direkte Rede", "en": "direct speech"},
    "voice_indirect": {"de": "indirekte Rede", "en": "indirect speech"},
    "voice_reported": {"de": "erzählte Rede", "en": "reported speech"},
    "val_voice": {"de": "Stimme", "en": "voice"},
    "val_speaker": {"de": "Sprecher", "en": "speaker"},
    "val_speech": {"de": "gesprochen", "en": "speech"},
    "val_thought": {"de": "gedacht", "en": "thought"},
    "val_writing": {"de": "geschrieben", "en": "writing"},
    "val_regular": {"de": "Wort", "en": "word"},
    "val_symbol": {"de": "Satzzeichen", "en": "punctuation"},
    "val_number": {"de": "Zahl", "en": "number"},
    "val_ordinal": {"de": "Ordinalzahl", "en": "ordinal"},
    "val_abbreviation": {"de": "Abkürzung", "en": "abbreviation"},
    "val_date": {"de": "Datum", "en": "date"},
    "val_time": {"de": "Uhrzeit", "en": "time"},
    "val_URL": {"de": "Internetadresse", "en": "URL"},
    "val_email_address": {"de": "E-Mail-Adresse", "en": "e-mail address"},
    "val_hashtag": {"de": "Hashtag", "en": "hashtag"},
    "val_mention": {"de": "Erwähnung", "en": "mention"},
    "val_emoticon": {"de": "Emoticon", "en": "emoticon"},
    "val_(unbekannt)": {"de": "(unbekannt)", "en": "(unknown)"},
    "val_True": {"de": "ja", "en": "yes"},
    "val_all": {"de": "alle", "en": "all"},
    "val_news": {"de": "Nachrichten", "en": "news"},
    "val_dev": {"de": "Entwicklungsteil", "en": "dev"},
    "val_test": {"de": "Testteil", "en": "test"},
    "val_dev TIGER-aligned": {
        "de": "Entwicklungsteil, an TIGER angeglichen",
        "en": "dev TIGER-aligned",
    },
    "val_dev, gold fits form": {
        "de": "Entwicklungsteil, Gold passt zur Form",
        "en": "dev, gold fits form",
    },
    "val_token F1 (hyph)": {
        "de": "Token-F1 (Bindestriche vereinheitlicht)",
        "en": "token F1 (hyphens normalised)",
    },
    "val_token F1 (raw)": {"de": "Token-F1 (roh)", "en": "token F1 (raw)"},
    "val_sentence F1": {"de": "Satz-F1", "en": "sentence F1"},
    "val_sentence F1 (raw)": {"de": "Satz-F1 (roh)", "en": "sentence F1 (raw)"},
    "val_sentence F1 (TIGER quotes as „“)": {
        "de": "Satz-F1 (TIGER-Anführungszeichen als „“)",
        "en": "sentence F1 (TIGER quotes as „“)",
    },
    "val_token direct": {"de": "Token direkt", "en": "token direct"},
    "val_token indirect": {"de": "Token indirekt", "en": "token indirect"},
    "val_token reported": {"de": "Token erzählt", "en": "token reported"},
    "val_message": {"de": "Wiedergabe als Ganzes", "en": "message"},
    # -- names of systems, subsets and sources in the evaluation tables (notebook 07) ----
    "val_finite verb": {"de": "finite Verben", "en": "finite verb"},
    "val_EVALUATION.md (dev)": {
        "de": "EVALUATION.md (Entwicklungsteil)",
        "en": "EVALUATION.md (dev)",
    },
    "val_EVALUATION.md (held-out test)": {
        "de": "EVALUATION.md (zurückgehaltener Testteil)",
        "en": "EVALUATION.md (held-out test)",
    },
    "val_HanTa + ablaut + 3sg rule": {
        "de": "HanTa + ablaut + Regel 3. Person Singular",
        "en": "HanTa + ablaut + 3sg rule",
    },
    "val_form-based ceiling (true person)": {
        "de": "Obergrenze jeder Formenmethode (wahre Person)",
        "en": "form-based ceiling (true person)",
    },
    "val_mood + speech context": {"de": "Modus + Redekontext", "en": "mood + speech context"},
    "val_toolkit mood": {"de": "Toolkit, Modus", "en": "toolkit mood"},
    "val_verb-table lookup": {"de": "Nachschlagen in einer Verbtabelle", "en": "verb-table lookup"},
    "val_macro-F1, default thresholds": {
        "de": "Makro-F1, Standardschwellen",
        "en": "macro-F1, default thresholds",
    },
    "val_macro-F1, thresholds tuned on dev": {
        "de": "Makro-F1, Schwellen am Entwicklungsteil abgestimmt",
        "en": "macro-F1, thresholds tuned on dev",
    },
    "val_news (GerNTSA)": {"de": "Nachrichten (GerNTSA)", "en": "news (GerNTSA)"},
    "val_GerVADER (test)": {"de": "GerVADER (Testteil)", "en": "GerVADER (test)"},
    "val_SentiWS + negation (test)": {
        "de": "SentiWS + Negation (Testteil)",
        "en": "SentiWS + negation (test)",
    },
    "val_best published lexicon (test)": {
        "de": "bestes veröffentlichtes Lexikon (Testteil)",
        "en": "best published lexicon (test)",
    },
    "val_target (dev)": {"de": "Ziel (Entwicklungsteil)", "en": "target (dev)"},
    "val_textblob-de (test)": {"de": "textblob-de (Testteil)", "en": "textblob-de (test)"},
    "val_EVALUATION.md (0.34-0.38; news 0.45)": {
        "de": "EVALUATION.md (0,34–0,38; Nachrichten 0,45)",
        "en": "EVALUATION.md (0.34-0.38; news 0.45)",
    },
    "val_EVALUATION.md (0.479 on test)": {
        "de": "EVALUATION.md (0,479 im Testteil)",
        "en": "EVALUATION.md (0.479 on test)",
    },
    "val_EVALUATION.md (other split)": {
        "de": "EVALUATION.md (andere Aufteilung)",
        "en": "EVALUATION.md (other split)",
    },
    "val_Redewiedergabe all": {"de": "Redewiedergabe, alle", "en": "Redewiedergabe, all"},
    "val_Redewiedergabe fiction": {
        "de": "Redewiedergabe, Erzähltexte",
        "en": "Redewiedergabe, fiction",
    },
    "val_Redewiedergabe non-fiction": {
        "de": "Redewiedergabe, Sachtexte",
        "en": "Redewiedergabe, non-fiction",
    },
    "val_Redewiedergabe news": {"de": "Redewiedergabe, Nachrichten", "en": "Redewiedergabe, news"},
    "val_Konjunktiv-I word list": {"de": "Konjunktiv-I-Wortliste", "en": "Konjunktiv-I word list"},
    "val_LLpro fine-tuned GBERT": {
        "de": "LLpro, feinabgestimmtes GBERT",
        "en": "LLpro fine-tuned GBERT",
    },
    "val_QUiTE rule-based": {"de": "QUiTE, regelbasiert", "en": "QUiTE rule-based"},
    "val_fine-tuned German BERT": {
        "de": "feinabgestimmtes deutsches BERT",
        "en": "fine-tuned German BERT",
    },
    "val_quotation marks alone": {"de": "nur Anführungszeichen", "en": "quotation marks alone"},
    "val_rules + ML (2013)": {"de": "Regeln + ML (2013)", "en": "rules + ML (2013)"},
    "val_target of the learned layer": {
        "de": "Ziel der gelernten Schicht",
        "en": "target of the learned layer",
    },
    "val_target of this toolkit": {"de": "Ziel dieses Toolkits", "en": "target of this toolkit"},
    "val_regexp [.!?] + capital": {
        "de": "regulärer Ausdruck [.!?] + Großbuchstabe",
        "en": "regexp [.!?] + capital",
    },
    "val_regexp \\w+|[^\\w\\s]": {
        "de": "regulärer Ausdruck \\w+|[^\\w\\s]",
        "en": "regexp \\w+|[^\\w\\s]",
    },
    # -- recorded evaluation rows shown in the notebooks (toolkit/data/scores.json) -------
    "val_token any": {"de": "Token, jede Art", "en": "token, any kind"},
    "val_token indirect + continuations": {
        "de": "Token indirekt + Fortsetzungen",
        "en": "token indirect + continuations",
    },
    "val_token indirect + continuations, lenient gold": {
        "de": "Token indirekt + Fortsetzungen, großzügiger Gold-Standard",
        "en": "token indirect + continuations, lenient gold",
    },
    "val_message, reported left out": {
        "de": "Wiedergabe als Ganzes, ohne erzählte Rede",
        "en": "message, reported left out",
    },
    "val_speaker exact match": {"de": "Sprecher genau getroffen", "en": "speaker exact match"},
    "val_speaker partial match": {
        "de": "Sprecher teilweise getroffen",
        "en": "speaker partial match",
    },
    "val_toolkit, speech_model=rules": {"de": "Toolkit: Regeln", "en": "toolkit: rules"},
    "val_toolkit, speech_model=model": {
        "de": "Toolkit: Regeln + Modell (Standard)",
        "en": "toolkit: rules + model (default)",
    },
    "val_toolkit, speech_model=model-only": {
        "de": "Toolkit: nur Modell",
        "en": "toolkit: model only",
    },
    "val_Redewiedergabe dev all": {
        "de": "Redewiedergabe, Entwicklungsteil, alle",
        "en": "Redewiedergabe dev, all",
    },
    "val_Redewiedergabe dev fiction": {
        "de": "Redewiedergabe, Entwicklungsteil, Erzähltexte",
        "en": "Redewiedergabe dev, fiction",
    },
    "val_Redewiedergabe dev non-fiction": {
        "de": "Redewiedergabe, Entwicklungsteil, Sachtexte",
        "en": "Redewiedergabe dev, non-fiction",
    },
    "val_Redewiedergabe dev news": {
        "de": "Redewiedergabe, Entwicklungsteil, Zeitungstexte",
        "en": "Redewiedergabe dev, news",
    },
    "val_WikiNews dev": {"de": "WikiNews, Entwicklungsteil", "en": "WikiNews dev"},
    "val_KI": {"de": "Konjunktiv I", "en": "subjunctive I"},
    "val_KII": {"de": "Konjunktiv II", "en": "subjunctive II"},
    "val_macro-F1 (user path)": {
        "de": "Makro-F1 (wie das Toolkit Texte bewertet)",
        "en": "macro-F1 (as the toolkit scores texts)",
    },
    "val_news (GerNTSA) dev": {
        "de": "Nachrichten (GerNTSA), Entwicklungsteil",
        "en": "news (GerNTSA) dev",
    },
    "val_PotTS dev": {"de": "PotTS (Tweets), Entwicklungsteil", "en": "PotTS (tweets) dev"},
    "val_SB10k dev": {"de": "SB10k (Tweets), Entwicklungsteil", "en": "SB10k (tweets) dev"},
    "val_GermEval dev": {"de": "GermEval 2017, Entwicklungsteil", "en": "GermEval 2017 dev"},
    "val_toolkit rules": {"de": "Toolkit: Lexikonregeln", "en": "toolkit: lexicon rules"},
    "val_toolkit learned": {"de": "Toolkit: gelerntes Modell", "en": "toolkit: learned model"},
    # an encoding: charset detection names a Latin-1 file cp1252, which holds every Latin-1
    # letter (exports keep the codec name)
    "val_cp1252": {
        "de": "cp1252 (Windows, enthält Latin-1)",
        "en": "cp1252 (Windows, holds Latin-1)",
    },
    "val_textblob-de (user path)": {
        "de": "textblob-de (Satz für Satz, wie das Toolkit)",
        "en": "textblob-de (sentence by sentence, as the toolkit)",
    },
    "val_textblob-de analyser (whole text)": {
        "de": "textblob-de (ganzer Text auf einmal)",
        "en": "textblob-de analyser (whole text)",
    },
    "val_macro-F1": {"de": "Makro-F1", "en": "macro-F1"},
    "val_kappa": {"de": "Kappa (Cohen)", "en": "kappa (Cohen)"},
    "val_multi_kappa": {
        "de": "Multi-Kappa (Davies & Fleiss)",
        "en": "multi-kappa (Davies & Fleiss)",
    },
    "val_alpha": {"de": "Alpha (Krippendorff)", "en": "alpha (Krippendorff)"},
    "val_pi": {"de": "Pi (Scott)", "en": "pi (Scott)"},
    "val_observed": {"de": "Beobachtete Übereinstimmung", "en": "observed agreement"},
    "val_False": {"de": "nein", "en": "no"},
    # the other rows of toolkit/data/scores.json (the evaluation notebook shows them all)
    "val_toolkit": {"de": "Toolkit", "en": "toolkit"},
    "val_toolkit (SoMaJo de_CMC)": {
        "de": "Toolkit (SoMaJo de_CMC)",
        "en": "toolkit (SoMaJo de_CMC)",
    },
    "val_NLTK NLTKWordTokenizer": {"de": "NLTK NLTKWordTokenizer", "en": "NLTK NLTKWordTokenizer"},
    "val_textblob-de PatternTokenizer": {
        "de": "textblob-de PatternTokenizer",
        "en": "textblob-de PatternTokenizer",
    },
    "val_toolkit mood + speech context": {
        "de": "Toolkit: Modus + Redekontext",
        "en": "toolkit: mood + speech context",
    },
    "val_toolkit mood without the dropped-ich rule (ablation)": {
        "de": "Toolkit: Modus ohne die Regel für ausgelassenes „ich“ (Ablation)",
        "en": "toolkit: mood without the dropped-ich rule (ablation)",
    },
    "val_toolkit rules + SentiWS (benchmark only)": {
        "de": "Toolkit: Regeln + SentiWS (nur zum Vergleich)",
        "en": "toolkit: rules + SentiWS (benchmark only)",
    },
    "val_Redewiedergabe": {"de": "Redewiedergabe", "en": "Redewiedergabe"},
    "val_CPU time 4.0 MB / 0.5 MB text": {
        "de": "CPU-Zeit 4,0 MB / 0,5 MB Text",
        "en": "CPU time 4.0 MB / 0.5 MB text",
    },
    "val_speech stage CPU 4.0 MB / 0.5 MB text": {
        "de": "CPU-Zeit der Redewiedergabe 4,0 MB / 0,5 MB Text",
        "en": "speech stage CPU 4.0 MB / 0.5 MB text",
    },
    "val_first pass CPU / raw SoMaJo CPU (WikiNews dev)": {
        "de": "erster Durchlauf: CPU-Zeit / reines SoMaJo (WikiNews, Entwicklungsteil)",
        "en": "first pass CPU / raw SoMaJo CPU (WikiNews dev)",
    },
    "val_first pass CPU, tagger analyses on disk from an earlier run / raw SoMaJo": {
        "de": "erster Durchlauf, Tagger-Analysen eines früheren Laufs auf der Platte: CPU-Zeit "
        "/ reines SoMaJo",
        "en": "first pass CPU, tagger analyses on disk from an earlier run / raw SoMaJo",
    },
    "val_first pass tokens per CPU second (WikiNews dev)": {
        "de": "erster Durchlauf: Tokens je CPU-Sekunde (WikiNews, Entwicklungsteil)",
        "en": "first pass tokens per CPU second (WikiNews dev)",
    },
    "val_load average during the worker run (2 cores)": {
        "de": "Systemlast beim Lauf mit zwei Prozessen (2 Kerne)",
        "en": "load average during the worker run (2 cores)",
    },
    "val_peak memory 5.1x corpus / 1x corpus": {
        "de": "Spitzenspeicher 5,1-faches / einfaches Korpus",
        "en": "peak memory 5.1x corpus / 1x corpus",
    },
    "val_wall time 1 worker / 2 workers (150 articles)": {
        "de": "Laufzeit 1 Prozess / 2 Prozesse (150 Artikel)",
        "en": "wall time 1 worker / 2 workers (150 articles)",
    },
    "val_analyse 100k": {
        "de": "analyse() auf 100.000 Zeichen",
        "en": "analyse() on 100,000 characters",
    },
    "val_slowest 100k input": {
        "de": "langsamste Eingabe mit 100.000 Zeichen",
        "en": "slowest input of 100,000 characters",
    },
    "val_campaign": {"de": "Kampagne ungewöhnlicher Eingaben", "en": "campaign of odd inputs"},
}


def register_labels(labels: dict[str, dict[str, str]]) -> None:
    """Add a module's own labels (``{key: {"de": ..., "en": ...}}``) to :data:`LABELS`.

    Raises ``ValueError`` if a key is already taken with different wording, so two modules
    never silently fight over one label.
    """
    for key, wording in labels.items():
        if LABELS.get(key, wording) != wording:
            raise ValueError(f"label {key!r} is already registered as {LABELS[key]}")
        LABELS[key] = wording


def tr(key: str, language: str = "de") -> str:
    """Return the label ``key`` in ``language`` (``de`` or ``en``; German if unknown)."""
    entry = LABELS[key]
    return entry.get(language, entry["de"])


def header(column: object, language: str = "de") -> str:
    """Return a column header for people: translated if known, else the name as it is."""
    key = f"col_{column}"
    return tr(key, language) if key in LABELS else str(column)


def number(found: object, language: str = "de", digits: int = 3, fixed: bool = False) -> str:
    """Write a number for people: ``2.218`` / ``2,218``, ``0,667`` / ``0.667``, ``–`` if missing.

    Floats keep up to ``digits`` decimals (trailing zeros dropped, at least one kept); with
    ``fixed``, exactly ``digits`` (a column of scores: ``0,970`` under ``0,875``).

    Examples
    --------
    >>> number(0.97), number(0.97, fixed=True), number(1, "en", fixed=True)
    ('0,97', '0,970', '1.000')
    """
    if found is None or (isinstance(found, float) and math.isnan(found)):
        return MISSING
    if isinstance(found, bool) or not isinstance(found, Number):
        return str(found)
    if fixed:
        text = f"{float(found):,.{digits}f}"
    elif float(found).is_integer() and not isinstance(found, float):
        text = f"{int(found):,}"
    else:
        text = f"{float(found):,.{digits}f}".rstrip("0")
        text = text + "0" if text.endswith(".") else text
    return minus_signs(separators(text, language))


_GERMAN_SEPARATORS = str.maketrans({",": ".", ".": ","})


def separators(text: str, language: str = "de") -> str:
    """Write a number Python formatted (``1,234.5``) with the language's separators.

    Examples
    --------
    >>> separators("12,500.75"), separators("12,500.75", "en")
    ('12.500,75', '12,500.75')
    """
    return text if language == "en" else text.translate(_GERMAN_SEPARATORS)


#: Sentiment scores and how many decimals people read them with, wherever they are shown
#: (tables, the explainer): a word's lexicon value ``−0,70``, its contribution ``−0,167``.
SCORE_DECIMALS = {
    "lexicon_value": 2,
    "adjusted_value": 2,
    "contribution": 3,
    "polarity": 3,
    "total": 3,
}


def signed_number(found: float | None, language: str = "de", digits: int = 3) -> str:
    """Write a score with its sign and ``digits`` decimals (``+0,70``, ``−0,167``, ``0,000``).

    Examples
    --------
    >>> signed_number(0.7, digits=2), signed_number(-0.1667), signed_number(0.0, "en")
    ('+0,70', '−0,167', '0.000')
    """
    if found is None or (isinstance(found, float) and math.isnan(found)):
        return MISSING
    shown = round(found, digits)
    text = number(found if shown else 0.0, language, digits, fixed=True)  # no "−0,000"
    return f"+{text}" if shown > 0 else text


def minus_signs(text: str) -> str:
    """Write the minus of every negative number in a text as people read it (``−0,8``).

    Examples
    --------
    >>> minus_signs("-0,25"), minus_signs("×-0.8 bis -1"), minus_signs("Nord-Süd, 3-4")
    ('−0,25', '×−0.8 bis −1', 'Nord-Süd, 3-4')
    """
    return re.sub(r"(?<![\w.,])-(?=\d)", MINUS, text)


def same_decimals(texts: Sequence[str | None], language: str = "de") -> list[str | None]:
    """Write a column's numbers with as many decimals as the longest: ``0,100`` under ``0,287``.

    ``texts`` are numbers as written for people (:func:`number`), ``None`` where one is
    missing; a column of them then reads as one scale.

    Examples
    --------
    >>> same_decimals(["0,1", "0,287", None, "−1,0", "2"])
    ['0,100', '0,287', None, '−1,000', '2,000']
    >>> same_decimals(["1,234.5", "3"], "en"), same_decimals(["12", "3"])
    (['1,234.5', '3.0'], ['12', '3'])
    """
    mark = "." if language == "en" else ","
    written = [text for text in texts if text is not None]
    places = max((len(text.partition(mark)[2]) for text in written), default=0)
    if not places:
        return list(texts)
    padded: list[str | None] = []
    for text in texts:
        if text is None:
            padded.append(None)
            continue
        whole, _, decimals = text.partition(mark)
        padded.append(f"{whole}{mark}{decimals.ljust(places, '0')}")
    return padded


_MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def date_text(iso: str, language: str = "de") -> str:
    """Write an ISO date for people: ``4. Dezember 2026`` / ``4 December 2026``.

    Anything that is no ISO date stays as it is (``–`` for nothing).

    Examples
    --------
    >>> date_text("2026-12-04"), date_text("2026-12-04", "en"), date_text("bald")
    ('4. Dezember 2026', '4 December 2026', 'bald')
    """
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso.strip()) if iso else None
    if found is None:
        return iso or MISSING
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return iso
    months = _MONTHS["en" if language == "en" else "de"]
    separator = " " if language == "en" else ". "
    return f"{day}{separator}{months[month - 1]} {year}"


def value(found: object, language: str = "de") -> str:
    """Return a cell value for people: a known code translated, a number formatted, ``–``.

    Text that is no known code stays as it is (it may be the analysed text).
    """
    if found is None:
        return MISSING
    if isinstance(found, Number) and not isinstance(found, bool):
        return number(found, language)
    text = str(found)
    key = f"val_{text}"
    if key in LABELS:
        return tr(key, language)
    return text if text else MISSING


def voice_text(voice: object, language: str = "de") -> str:
    """Name the voice of a sentiment word: ``direkte Rede``, ``Erzähler`` (``–`` if none).

    Examples
    --------
    >>> voice_text("direct"), voice_text("reported", "en"), voice_text(None)
    ('direkte Rede', 'reported speech', '–')
    """
    key = f"voice_{voice}"
    return tr(key, language) if key in LABELS else value(voice, language)


def voice_label(voice: object, language: str = "de") -> str:
    """Name a voice as a label standing alone (a chart's bar, a group's row): with a capital.

    Examples
    --------
    >>> voice_label("direct"), voice_label("narrator", "en")
    ('Direkte Rede', 'Narrator')
    """
    return heading(voice_text(voice, language))


#: Columns whose text carries numbers of the toolkit's own (applied rules: ``zutiefst ×1.8``);
#: they are written the German way in German. Other text is shown as written.
NOTE_COLUMNS = frozenset({"modifiers"})


def decimals_in_text(text: str, language: str = "de") -> str:
    """Write the numbers in a note as people read them: ``×1.8`` -> ``×1,8``, ``−0,8``.

    Examples
    --------
    >>> decimals_in_text("Negation 'nicht' ×-0.8"), decimals_in_text("sehr ×1.5", "en")
    ("Negation 'nicht' ×−0,8", 'sehr ×1.5')
    """
    text = minus_signs(text)
    return text if language == "en" else re.sub(r"(\d)\.(\d)", r"\1,\2", text)


def choice(text: str, language: str = "de") -> str:
    """Show one side of a bilingual exercise choice such as ``"kurz / short"``."""
    if text.count(" / ") == 1:
        german, english = text.split(" / ")
        return english if language == "en" else german
    return value(text, language) if text else text


#: German wording of the errors people meet in the widgets: (pattern of the English message,
#: German template with the pattern's groups). The English view shows the message as raised.
ERRORS: tuple[tuple[str, str], ...] = (
    (
        r"^(?P<src>.+) looks like a binary file",
        "{src} ist offenbar keine Textdatei (sie enthält NUL-Bytes).",
    ),
    (
        r"^(?P<src>.+) is not UTF-8 text \(byte (?P<byte>0x..) at position (?P<pos>\d+)\)",
        "{src} ist kein UTF-8-Text (Byte {byte} an Position {pos}). Speichern Sie die Datei als "
        "UTF-8, z. B. im Editor mit „Speichern unter … > Kodierung: UTF-8“.",
    ),
    (r"^The text is empty", "Der Text ist leer: Es gibt nichts zu analysieren."),
    (
        r"^The text contains NUL characters",
        "Der Text enthält NUL-Zeichen; vermutlich ist es eine Binärdatei, kein Text.",
    ),
    (
        r"^The text contains a lone surrogate \((?P<code>U\+[0-9A-F]+) at offset (?P<at>\d+)\)",
        "Der Text enthält ein einzelnes Surrogat ({code} an Offset {at}), also kein Zeichen: Er "
        "wurde vermutlich mit errors='surrogateescape' gelesen. Lesen Sie ihn in seiner "
        "richtigen Kodierung, z. B. mit toolkit.load_text(pfad), das sie erkennt.",
    ),
    (
        r"^The text has (?P<n>[\d,]+) characters; the limit for one text is (?P<limit>[\d,]+)",
        "Der Text hat {n} Zeichen; die Grenze für einen Text ist {limit}. Teilen Sie ihn in "
        "mehrere .txt-Dateien auf.",
    ),
    (r"^File not found: (?P<path>.+)", "Datei nicht gefunden: {path}"),
    (r"^Folder not found: (?P<path>.+)", "Ordner nicht gefunden: {path}"),
    (r"^No (?P<pattern>\S+) files in (?P<path>.+?)\.?$", "Keine {pattern}-Dateien in {path}."),
    (
        r"^No evaluation data",
        "Keine Gold-Daten gefunden: Tragen Sie ihren Ordner ein oder setzen "
        "Sie TOOLKIT_EVAL_DATA (z. B. export TOOLKIT_EVAL_DATA=../shared/data).",
    ),
    (
        r"^Evaluation data folder not found: (?P<path>.+)",
        "Ordner der Gold-Daten nicht gefunden: {path}",
    ),
    (
        r"^These answers belong to another exercise",
        "Diese Antworten gehören zu einer anderen Übung (andere Tokens oder Sätze).",
    ),
    (
        r"^The JSON",
        "Die Datei ist keine vollständige Übung; nehmen Sie eine Datei, die "
        "„Speichern“ geschrieben hat.",
    ),
    (
        r"^Cannot read (?P<path>.+?) as a UTF-8 JSON file",
        "{path} lässt sich nicht als UTF-8-JSON-Datei lesen.",
    ),
)


def error_text(error: BaseException | str, language: str = "de") -> str:
    """Return an error message in ``language`` (German wording for the errors people meet).

    Examples
    --------
    >>> error_text("notes.txt is not UTF-8 text (byte 0xe4 at position 3). Save it as UTF-8.")
    'notes.txt ist kein UTF-8-Text (Byte 0xe4 an Position 3). Speichern Sie die Datei als UTF-8, z. B. im Editor mit „Speichern unter … > Kodierung: UTF-8“.'
    >>> error_text("Folder not found: korpus", "en")
    'Folder not found: korpus'
    """  # noqa: E501
    text = str(error)
    both = _bilingual(text)
    if both is not None:  # "English ... (Deutsch ...)" or "Deutsch ... (English ...)"
        return both[1] if language == "en" else both[0]
    if language == "en":
        return text
    for pattern, german in ERRORS:
        found = re.match(pattern, text)
        if found:
            groups = {
                key: part.replace(",", ".") if key in ("n", "limit") else part
                for key, part in found.groupdict().items()
            }
            return german.format(**groups)
    return f"Fehler: {text}"


_GERMAN_HINT = re.compile(r"[äöüßÄÖÜ]|\b(?:nicht|keine?|Der|Die|Das|ist|wurde|Datei)\b")


def _bilingual(text: str) -> tuple[str, str] | None:
    """Split ``"one language (the other)"`` into (German, English), else ``None``."""
    found = re.match(r"^(?P<front>.+?)\s*\((?P<back>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$", text, re.S)
    if not found:
        return None
    front, back = found.group("front").strip(), found.group("back").strip()
    front_german, back_german = bool(_GERMAN_HINT.search(front)), bool(_GERMAN_HINT.search(back))
    if back_german and not front_german:
        return back, front
    if front_german and not back_german:
        return front, back
    return None


__all__ = [
    "ERRORS",
    "LABELS",
    "MISSING",
    "NOTE_COLUMNS",
    "choice",
    "decimals_in_text",
    "error_text",
    "header",
    "number",
    "register_labels",
    "separators",
    "tr",
    "value",
    "voice_text",
]
