"""Direct quotations: where they are and who speaks them.

Quotation marks may be straight or curly, a quotation may cross sentence breaks, and a
quotation that runs over several paragraphs follows the press convention: the paragraph ends
without a closing mark and the next one opens with a new opening mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp.syntax import subject_of
from ..records import Problem

OPEN = "“«„"
CLOSE = "”»"
STRAIGHT = '"'
MIN_WORDS = 1  # even one quoted word ("unacceptable") is a quotation when someone says it
SPEECH = frozenset(
    "say tell add state declare insist note explain write tweet warn announce claim stress "
    "argue conclude continue ask reply respond remark acknowledge admit comment told".split()
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks


def find_quotes(text: str) -> tuple[list[QuoteSpan], list[Problem]]:
    """Quotation spans in ``text`` and a problem for each unbalanced mark."""
    spans: list[QuoteSpan] = []
    problems: list[Problem] = []
    start: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and start is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPEN or text[j] == STRAIGHT):
                i = j + 1  # the quotation goes on in the next paragraph
                continue
            problems.append(Problem("W101", f"unbalanced quotation mark at offset {start - 1}"))
            _add(spans, text, start, i)
            start = None
        elif ch in OPEN and start is None:
            start = i + 1
        elif ch in CLOSE and start is not None:
            _add(spans, text, start, i)
            start = None
        elif ch == STRAIGHT:
            if start is None:
                start = i + 1
            else:
                _add(spans, text, start, i)
                start = None
        elif ch in CLOSE:
            problems.append(
                Problem("W101", f"closing quotation mark without opening at offset {i}")
            )
        i += 1
    if start is not None:
        problems.append(Problem("W101", f"unbalanced quotation mark at offset {start - 1}"))
        _add(spans, text, start, n)
    return spans, problems


def _add(spans: list[QuoteSpan], text: str, start: int, end: int) -> None:
    inner = text[start:end]
    if len(inner.split()) >= MIN_WORDS:
        spans.append(QuoteSpan(start, end))


def inside(spans: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    for q in spans:
        if q.start <= offset < q.end:
            return q
    return None


def speaker_tokens(doc: Doc, spans: list[QuoteSpan]) -> list[Token | None]:
    """For each quotation, the head token of its speaker (subject of the speech verb next to
    it), or the speaker of the quotation just before it in the same or previous paragraph."""
    result: list[Token | None] = []
    prev: Token | None = None
    prev_end = -1
    text = doc.text
    for q in spans:
        speaker = None
        for sent in _sentences(doc, q):
            speaker = _speech_subject(sent, spans, q)
            if speaker is not None:
                break
        if speaker is None and prev is not None and _close(text, prev_end, q.start):
            speaker = prev
        result.append(speaker)
        prev, prev_end = speaker, q.end
    return result


def _sentences(doc: Doc, q: QuoteSpan) -> list[Span]:
    """The sentences around a quotation, the one where it ends first ('"...," she said.'),
    then the one where it starts ('She said: "...'), then any other it spans."""
    near = [s for s in doc.sents if s.start_char < q.end + 2 and s.end_char > q.start - 1]
    return sorted(
        near,
        key=lambda s: (
            not s.start_char <= q.end <= s.end_char + 1,
            not s.start_char <= q.start <= s.end_char,
        ),
    )


def _speech_subject(sent: Span, spans: list[QuoteSpan], q: QuoteSpan) -> Token | None:
    """The subject of the speech verb nearest to the quotation in ``sent``."""
    verbs = sorted(sent, key=lambda t: min(abs(t.idx - q.end), abs(t.idx - q.start)))
    for tok in verbs:
        if tok.pos_ != "VERB" or tok.lemma_ not in SPEECH or inside(spans, tok.idx) is not None:
            continue
        if tok.lemma_ == "continue" and any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
            continue
        subject = subject_of(tok)  # "X called on ... and said"
        if subject is not None and inside(spans, subject.idx) is None:
            return subject
    return None


def _close(text: str, prev_end: int, start: int) -> bool:
    """Two quotations belong together: same paragraph, or adjacent paragraphs."""
    return text.count("\n", prev_end, start) <= 2  # a blank line between paragraphs
