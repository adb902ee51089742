"""The words the amounts stage knows: number words, units, counted nouns, victim verbs.

All tables are read-only (``frozenset`` and ``MappingProxyType``); keys are lower case.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import Final

# -- number words ------------------------------------------------------------------------------
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

SMALL_WORDS: Final = MappingProxyType(
    {w: Decimal(i) for i, w in enumerate(_ONES)}
    | {w: Decimal(20 + 10 * i) for i, w in enumerate(_TENS)}
)
TENS_WORDS: Final = frozenset(_TENS)
# words that multiply what comes before them ("two hundred", "1.5 billion", "500 crore")
SCALE_WORDS: Final = MappingProxyType(
    {
        "hundred": Decimal(100),
        "thousand": Decimal(10) ** 3,
        "lakh": Decimal(10) ** 5,
        "lakhs": Decimal(10) ** 5,
        "million": Decimal(10) ** 6,
        "crore": Decimal(10) ** 7,
        "crores": Decimal(10) ** 7,
        "billion": Decimal(10) ** 9,
        "trillion": Decimal(10) ** 12,
        "dozen": Decimal(12),
    }
)
# abbreviated scales, glued ("$1.5bn") or not ("£3 m"); "m" is handled apart (metres!)
SCALE_ABBREVIATIONS: Final = MappingProxyType(
    {
        "k": Decimal(10) ** 3,
        "m": Decimal(10) ** 6,
        "mn": Decimal(10) ** 6,
        "mln": Decimal(10) ** 6,
        "bn": Decimal(10) ** 9,
        "bln": Decimal(10) ** 9,
        "tn": Decimal(10) ** 12,
    }
)
# Vague plurals get conventional values (see the package docstring).
VAGUE_WORDS: Final = MappingProxyType(
    {
        "dozens": Decimal(24),
        "scores": Decimal(40),
        "hundreds": Decimal(200),
        "thousands": Decimal(2000),
        "millions": Decimal(2) * 10**6,
        "billions": Decimal(2) * 10**9,
    }
)
# "tens of thousands", "hundreds of millions": the first word counts these many of the second
VAGUE_MULTIPLES: Final = MappingProxyType(
    {"tens": Decimal(20), "hundreds": Decimal(200), "dozens": Decimal(24)}
)
VAGUE_SCALES: Final = MappingProxyType(
    {"thousands": Decimal(10) ** 3, "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9}
)

# -- approximations kept in the text span, longest first -----------------------------------
MODIFIERS: Final = tuple(
    tuple(m.split())
    for m in sorted(
        [
            "at least", "at most", "more than", "less than", "fewer than", "up to", "as many as",
            "as few as", "an estimated", "no fewer than", "no less than", "no more than",
            "close to", "upwards of", "just over", "well over", "just under", "about", "around",
            "nearly", "almost", "approximately", "roughly", "some", "over", "under",
            "estimated",
        ],
        key=lambda m: -len(m.split()),
    )
)  # fmt: skip

# -- money -------------------------------------------------------------------------------------
CURRENCY_SYMBOLS: Final = MappingProxyType(
    {
        "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
        "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
        "₹": "INR", "rs": "INR", "inr": "INR", "cny": "CNY", "rmb": "CNY", "₽": "RUB",
        "₪": "ILS", "chf": "CHF",
    }
)  # fmt: skip
CURRENCY_WORDS: Final = MappingProxyType(
    {
        "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
        "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
        "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
        "ruble": "RUB", "shekels": "ILS", "shekel": "ILS", "riyals": "SAR", "dirhams": "AED",
        "lira": "TRY", "liras": "TRY", "naira": "NGN", "rand": "ZAR", "won": "KRW",
        "pesos": "MXN", "francs": "CHF", "hryvnias": "UAH", "hryvnia": "UAH",
        "soles": "PEN",
        "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
    }
)  # fmt: skip
# a qualifier before "dollars"/"francs" that changes the currency
CURRENCY_QUALIFIERS: Final = MappingProxyType(
    {
        ("us", "dollars"): "USD", ("u.s.", "dollars"): "USD", ("american", "dollars"): "USD",
        ("canadian", "dollars"): "CAD", ("australian", "dollars"): "AUD",
        ("swiss", "francs"): "CHF", ("cfa", "francs"): "XOF",
    }
)  # fmt: skip

# -- measures ----------------------------------------------------------------------------------
DISTANCE_UNITS: Final = MappingProxyType(
    {
        "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km",
        "kilometres": "km", "mi": "mi", "mile": "mi", "miles": "mi", "m": "m", "meter": "m",
        "meters": "m", "metre": "m", "metres": "m", "ft": "ft", "foot": "ft", "feet": "ft",
        "yards": "yd", "yard": "yd",
    }
)  # fmt: skip
DURATION_UNITS: Final = MappingProxyType(
    {
        f"{u}{s}": f"{u}s"
        for u in ("minute", "hour", "day", "week", "month", "year", "decade")
        for s in ("", "s")
    }
)
PERCENT_WORDS: Final = frozenset({"%", "percent", "per", "pct"})  # "per" only in "per cent"

# -- counted nouns -----------------------------------------------------------------------------
PEOPLE: Final = frozenset(
    (
        "person people civilian soldier troop officer policeman policemen police protester "
        "protestor demonstrator militant fighter rebel insurgent refugee migrant child woman "
        "man student worker journalist reporter prisoner hostage detainee resident villager "
        "pilgrim passenger casualty victim member lawmaker legislator official minister leader "
        "supporter activist settler farmer miner doctor nurse teacher diplomat peacekeeper "
        "guard gunman attacker militiaman suspect inmate other citizen national marine sailor "
        "pilot worshipper worshiper mourner voter asylum-seeker crew schoolgirl schoolboy girl "
        "boy teenager youth infant baby adult minor orphan patient employee staffer tourist "
        "foreigner immigrant evacuee survivor combatant recruit conscript mercenary jihadist "
        "terrorist extremist separatist gendarme trooper paratrooper commando politician "
        "senator delegate envoy medic paramedic firefighter rescuer volunteer priest monk nun "
        "fisherman seafarer"
    ).split()
)
# nouns that only say "people", so the count is of nobody in particular
GENERIC_PEOPLE: Final = frozenset({"person", "people", "persons", "other", "others"})
WEAPONS: Final = MappingProxyType(
    {
        "drone": "drones", "missile": "missiles", "rocket": "rockets", "shell": "shells",
        "bomb": "bombs", "tank": "tanks", "aircraft": "aircraft", "jet": "jets",
        "warplane": "warplanes", "helicopter": "helicopters", "mortar": "mortars",
        "grenade": "grenades", "warship": "warships", "rifle": "rifles", "gun": "guns",
        "howitzer": "howitzers", "interceptor": "interceptors", "mine": "mines",
        "submarine": "submarines", "fighter-jet": "fighter jets", "bomber": "bombers",
    }
)  # fmt: skip
NOT_UNITS: Final = frozenset(
    (
        "january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday "
        "thursday friday saturday sunday times time a.m. p.m. am pm o'clock gmt utc"
    ).split()
)

# -- what happened to the people counted -------------------------------------------------------
# verb lemma -> the label; transitive verbs count their object or passive subject
VICTIM_VERBS: Final = MappingProxyType(
    {
        "kill": "killed", "murder": "killed", "execute": "killed", "massacre": "killed",
        "slay": "killed", "behead": "killed", "injure": "injured", "hurt": "injured",
        "wound": "wounded", "arrest": "arrested", "detain": "detained", "capture": "detained",
        "kidnap": "kidnapped", "abduct": "kidnapped", "displace": "displaced",
        "uproot": "displaced", "evacuate": "evacuated",
    }
)  # fmt: skip
# intransitive verbs: their subject is the people counted
SUBJECT_VERBS: Final = MappingProxyType(
    {
        "die": "killed", "perish": "killed", "flee": "displaced", "protest": "protesters",
        "march": "protesters", "rally": "protesters", "demonstrate": "protesters",
    }
)  # fmt: skip
# "12 dead", "leaving 30 wounded"
VICTIM_ADJECTIVES: Final = MappingProxyType(
    {
        "dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "injured",
        "hurt": "injured", "displaced": "displaced", "detained": "detained",
        "arrested": "arrested", "kidnapped": "kidnapped", "abducted": "kidnapped",
        "evacuated": "evacuated",
    }
)  # fmt: skip
