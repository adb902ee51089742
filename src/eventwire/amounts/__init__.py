"""Amounts: numbers with units, GDELT-style, and the events they belong to.

:func:`find_amounts` reads every number-with-unit in a parsed ``Doc``;
:func:`amounts_for` picks those that belong to one event's trigger word.

Each :class:`~eventwire.records.Amount` has ``text`` (the words, with approximations such as
"at least", "more than", "about" or "between" kept), character offsets with
``doc.text[start:end] == text``, ``value`` (a float), ``unit`` and ``counts``:

=================================  ===========================  ==========================
written                            unit                         counts
=================================  ===========================  ==========================
"$1.5 billion", "50 million        ISO code: "USD", "EUR",      "money"
euros", "£3m", "Rs 500 crore"      "GBP", "JPY", "INR" ...
"60 km", "5-kilometer", "37        "km", "mi", "m", "ft",       "distance"
miles", "200 metres"               "nmi" (as written, never     ("area" for "square
                                   converted)                   kilometres", unit "km2")
"for 60 days", "30-day",           "days", "months", "years",   "duration"
"three-month", "two years"         "weeks", "hours" ...
"5%", "5 percent"                  "%"                          None
"12 people were killed",           "people"                     what happened to them:
"killing four people", "12 dead"                                "killed", "injured",
                                                                "wounded", "arrested",
                                                                "detained", "kidnapped",
                                                                "displaced", "evacuated",
                                                                "protesters"; else what
                                                                they are: "soldiers",
                                                                "police officers",
                                                                "refugees"; None for
                                                                plain "people"
"60 drones and 25 missiles"        the plural noun: "drones"    "weapons"
"three ships"                      the plural noun: "ships"     None
=================================  ===========================  ==========================

What happened to people comes from the verb governing the noun (passive subject or object of
kill, injure, wound, arrest, detain, kidnap, displace, evacuate ...; subject of die, flee,
protest, march), from a participle after it ("dozens injured", "12 people killed in the
attack") or from an adjective ("12 dead", "30 wounded soldiers"). Dying counts as "killed",
fleeing as "displaced".

Numbers may be digits ("1,200", "1.5", "3m", "1.5bn"), words ("four", "twenty-five", "two
hundred and fifty", "a hundred", "two dozen") or both ("2 million"). Vague plurals take
conventional values: dozens = 24, scores = 40, hundreds = 200, thousands = 2,000, millions =
2,000,000, tens of thousands = 20,000, hundreds of thousands = 200,000. A range ("10 to 15
people", "10-15", "between 10 and 15", "two or three") takes its lower bound, with the scale
of the upper one ("10 to 15 million" is 10 million).

Not amounts: years and dates ("in 2012", "October 16", "the 2012 elections"), times ("3
p.m."), ordinals ("the first visit"), ages ("a 41-year-old", "41 years old"), points in time
("two years ago"), numbers in names ("Resolution 2334", "F-16") and bare numbers that count
nothing a verb or noun names.
"""

from .clause import amounts_for, clause_tokens
from .find import find_amounts

__all__ = ["amounts_for", "clause_tokens", "find_amounts"]
