"""Input readers: each turns one kind of input into validated :class:`Article` records.

:func:`read_inputs` reads any mix of files, folders, URLs and standard input into one stream
of :class:`~eventwire.records.Article` and :class:`~eventwire.records.Skipped` records.
"""

from .options import ReadOptions
from .sources import read_inputs
from .storydate import parse_date
from .text import article_from_bytes, article_id, read_text_file

__all__ = [
    "ReadOptions",
    "article_from_bytes",
    "article_id",
    "parse_date",
    "read_inputs",
    "read_text_file",
]
