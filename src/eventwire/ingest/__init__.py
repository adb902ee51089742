"""Input readers: each turns one kind of input into validated :class:`Article` records."""

from .text import article_from_bytes, read_text_file

__all__ = ["article_from_bytes", "read_text_file"]
