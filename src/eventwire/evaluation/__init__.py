"""Gold data and the event matching rule (the scorer builds on it)."""
