"""Countries for actors the text names without one: "police detained 27 people", "protesters
blocked highways across southern Peru", "Prime Minister X said".

Such actors belong to the country where the event happens (its place), else the dateline's
country, else (for state organs and titled persons only) the country the story is mostly about.
An event that still names no one the data can identify (no country, no name) is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import actor_code
from ..records import Actor, Event

STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
PUBLIC = frozenset({"CVL", "LAB", "EDU", "MED", "REL", "OPP", "PTY", "AGR", "BUS", "JRN", "REF"})


def localise(event: Event, dateline: str | None, main: str | None) -> Event | None:
    """The event with its nationless domestic actors placed; None if nobody is identified."""
    here = event.place.country if event.place is not None else None
    source = _place(event.source, here, dateline, main)
    target = _place(event.target, here, dateline, main)
    if not _identified(source) and not _identified(target):
        return None  # "gunmen attacked a convoy": nobody the data can name
    if source is event.source and target is event.target:
        return event
    return replace(event, source=source, target=target)


def _place(
    actor: Actor | None, here: str | None, dateline: str | None, main: str | None
) -> Actor | None:
    if actor is None or actor.country is not None or actor.type not in ("agent", "person"):
        return actor
    sectors = set(actor.sectors)
    if actor.type == "person" and not actor.role:
        return actor
    country = None
    if sectors & (STATE | PUBLIC) or actor.role:
        country = here or dateline
    if country is None and (sectors & STATE or actor.role):
        country = main
    if country is None:
        return actor
    if actor.code not in (None, actor_code(None, actor.sectors)):
        return replace(actor, country=country)
    return replace(actor, country=country, code=actor_code(country, actor.sectors))


def _identified(actor: Actor | None) -> bool:
    return actor is not None and (actor.country is not None or actor.name is not None)
