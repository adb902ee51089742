"""Near-duplicate articles: MinHash LSH (datasketch) over word 5-gram shingles.

Texts are normalised (Unicode NFKC, lower case, every run of non-word characters a single
space) and cut into overlapping 5-word shingles. An LSH index proposes earlier articles whose
estimated Jaccard similarity may exceed the threshold; each candidate is then checked against
its stored signature, and the most similar one (the earliest on a tie) is the canonical copy.
Only canonical articles are indexed, so a chain of small edits does not drift away from the
original.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from .database import Store

SHINGLE_WORDS = 5
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> list[str]:
    """The words of ``text`` after NFKC, lower-casing and dropping punctuation."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).split()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping ``size``-word shingles; a shorter text is one shingle of all its words."""
    words = normalise(text)
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicates:
    """Find articles that are light edits of an article seen before.

    ``add_and_match`` returns the id of the canonical earlier article when the new text is a
    near-duplicate of it (estimated Jaccard similarity of shingles at least ``threshold``,
    allowing for the estimate's sampling error), else indexes the new article and returns None.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError("threshold must be between 0 and 1")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, np.ndarray[Any, np.dtype[np.uint64]]] = {}
        self._order: dict[str, int] = {}
        self._canonical: dict[str, str] = {}
        # two standard errors of the similarity estimate at the threshold
        self._slack = 2.0 * math.sqrt(threshold * (1.0 - threshold) / num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def _minhash(self, text: str) -> Any | None:
        found = shingles(text)
        if not found:
            return None
        m = MinHash(num_perm=self.num_perm)
        m.update_batch(sorted(found))
        return m

    def _index(self, article_id: str, m: Any) -> None:
        self._lsh.insert(article_id, m)
        self._signatures[article_id] = np.asarray(m.hashvalues, dtype=np.uint64)
        self._order[article_id] = len(self._order)

    def _best(self, m: Any) -> str | None:
        values = np.asarray(m.hashvalues, dtype=np.uint64)
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(m):
            key = str(candidate)
            similarity = float(np.mean(self._signatures[key] == values))
            rank = (-similarity, self._order[key], key)
            if similarity >= self.threshold - self._slack and (best is None or rank < best):
                best = rank
        return best[2] if best else None

    def add_and_match(self, article_id: str, text: str) -> str | None:
        """The canonical id of an earlier near-duplicate of ``text``, or None (and then this
        article is indexed as a canonical one). An id seen before gets its earlier answer."""
        if article_id in self._signatures:
            return None
        if article_id in self._canonical:
            return self._canonical[article_id]
        m = self._minhash(text)
        if m is None:
            return None
        match = self._best(m)
        if match is None:
            self._index(article_id, m)
        else:
            self._canonical[article_id] = match
        return match

    def load(self, store: Store) -> None:
        """Index the canonical articles already stored (with their text), in the order they
        were stored, and remember the stored duplicate links."""
        for article_id, canonical_id in store.duplicate_links():
            self._canonical.setdefault(article_id, canonical_id)
        for article_id, text in store.canonical_texts():
            if article_id not in self._signatures:
                m = self._minhash(text)
                if m is not None:
                    self._index(article_id, m)
