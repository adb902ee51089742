"""Bad input gets a named error with its reason (issue 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import (
    BinaryInput,
    EmptyInput,
    EncodingInput,
    InputTooLarge,
    MissingInput,
    NotEnglish,
)
from eventwire.ingest.text import article_from_bytes, article_id, read_text_file

pytestmark = pytest.mark.issue(2)
LIMIT = 2_000_000
ENGLISH = b"The army said on Monday that rebels had attacked a base near the border town."
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen, "
    "nachdem Soldaten in der Nacht die Grenze überschritten und mehrere Dörfer besetzt "
    "hatten. Der Außenminister sagte, man werde nicht zögern, weitere Maßnahmen zu "
    "ergreifen, falls die Truppen nicht sofort abgezogen würden."
).encode()


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInput, "empty"),
        (b"   \n\t ", EmptyInput, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary"),
        ("Caf\xe9 owners protested in Paris".encode("latin-1"), EncodingInput, "UTF-8"),
        (GERMAN, NotEnglish, "English"),
        (b"x" * (LIMIT + 1), InputTooLarge, "too large"),
    ],
)
def test_bad_bytes_raise_named_errors(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as info:
        article_from_bytes(data, source="in.txt", max_bytes=LIMIT, min_english=0.12)
    message = str(info.value)
    assert message.startswith("in.txt: ")
    assert words in message
    assert "\n" not in message


def test_good_text_becomes_an_article() -> None:
    art = article_from_bytes(ENGLISH, source="a.txt", max_bytes=LIMIT, min_english=0.12)
    assert art.text == ENGLISH.decode()
    assert art.id == article_id(ENGLISH.decode())


def test_id_ignores_whitespace_but_not_words() -> None:
    assert article_id("Rebels  attacked\nthe base.") == article_id("Rebels attacked the base.")
    assert article_id("Rebels attacked the base.") != article_id("Police attacked the base.")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(MissingInput, match="no such file"):
        read_text_file(tmp_path / "nope.txt", max_bytes=LIMIT, min_english=0.1)
    with pytest.raises(MissingInput, match="directory"):
        read_text_file(tmp_path, max_bytes=LIMIT, min_english=0.1)


def test_large_file_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(ENGLISH * (5_000_000 // len(ENGLISH) + 1))
    with pytest.raises(InputTooLarge, match="limit"):
        read_text_file(big, max_bytes=LIMIT, min_english=0.1)
