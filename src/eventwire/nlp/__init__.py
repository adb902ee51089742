"""spaCy loading and text preparation."""

from .load import load_model
from .prepare import Prepared, prepare

__all__ = ["Prepared", "load_model", "prepare"]
