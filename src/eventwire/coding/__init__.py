"""Event coding: ontology tables, the event lexicon, the coder and factuality."""
