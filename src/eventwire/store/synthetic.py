"""Synthetic events generated inside DuckDB, for benchmarks of a large store.

Random dyads among 60 countries, dates over ten years (2015-2024), places scattered within
about 50 km of real cities. Articles arrive in publication order, as a live ingest stores
them, and each event happens up to two weeks before its article. Generation is
deterministic for a seed (hash-based, not ``random()``), and goes through the real schema
and indexes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .database import Store

COUNTRIES = (
    "RUS UKR ISR IRN USA CHN SYR IRQ LBN TUR DEU FRA GBR ITA ESP POL BLR GEO ARM AZE "
    "SAU YEM EGY LBY SDN ETH SOM KEN NGA MLI NER TCD COD ZAF IND PAK AFG BGD MMR THA "
    "VNM PHL IDN JPN KOR PRK TWN AUS BRA ARG COL VEN MEX CUB PER CHL CAN QAT JOR PSE"
).split()
CITIES = (  # name, ISO3, lat, lon
    ("Moscow", "RUS", 55.7558, 37.6173),
    ("Kyiv", "UKR", 50.4501, 30.5234),
    ("Jerusalem", "ISR", 31.7683, 35.2137),
    ("Tehran", "IRN", 35.6892, 51.3890),
    ("Washington", "USA", 38.9072, -77.0369),
    ("Beijing", "CHN", 39.9042, 116.4074),
    ("Damascus", "SYR", 33.5138, 36.2765),
    ("Baghdad", "IRQ", 33.3152, 44.3661),
    ("Beirut", "LBN", 33.8938, 35.5018),
    ("Ankara", "TUR", 39.9334, 32.8597),
    ("Berlin", "DEU", 52.5200, 13.4050),
    ("Paris", "FRA", 48.8566, 2.3522),
    ("Nairobi", "KEN", -1.2921, 36.8219),
    ("Lagos", "NGA", 6.5244, 3.3792),
    ("New Delhi", "IND", 28.6139, 77.2090),
    ("Jakarta", "IDN", -6.2088, 106.8456),
    ("Brasilia", "BRA", -15.7939, -47.8828),
    ("Bogota", "COL", 4.7110, -74.0721),
    ("Mexico City", "MEX", 19.4326, -99.1332),
    ("Tokyo", "JPN", 35.6762, 139.6503),
)
CAMEO = ("010", "020", "036", "042", "043", "057", "061", "112", "130", "163", "173", "190")
PLOVER = {"036": "CONSULT", "042": "CONSULT", "043": "CONSULT", "057": "AGREE",
          "061": "COOPERATE", "112": "ACCUSE", "130": "THREATEN", "163": "SANCTION",
          "173": "COERCE", "190": "ASSAULT"}  # fmt: skip

# DuckDB's hash(a, b, c) of small integers is correlated across c (a country would fix the
# event type): hash one string per field instead
_MACRO = "CREATE OR REPLACE TEMP MACRO h(i, s, f) AS hash(concat_ws(':', i, s, f))"

_EVENTS_SQL = """
INSERT INTO events (id, article_id, sentence, text, trigger_text, trigger_start, trigger_end,
    source_name, source_country, source_code, source_type, source_sectors,
    target_name, target_country, target_code, target_type, target_sectors,
    cameo, cameo_root, cameo_name, quad_class, goldstein, plover_type, status,
    date_value, date_precision, date_basis, event_date,
    place_name, place_country, place_kind, place_lat, place_lon,
    confidence, n_articles, n_sources)
SELECT 'syn-' || (i // 10) || '-0-' || (i % 10), 'syn-' || (i // 10), 0, 'synthetic', 'did',
    0, 3, src, src, src, 'country', []::VARCHAR[], tgt, tgt, tgt, 'country', []::VARCHAR[],
    cam, left(cam, 2), 'synthetic', CASE WHEN cam < '06' THEN 1 WHEN cam < '09' THEN 2
    WHEN cam < '14' THEN 3 ELSE 4 END, 0.0, $plover[list_position($cameo, cam)], 'asserted',
    strftime(day, '%Y-%m-%d'), 'day', 'text', day,
    city[1], city[2], 'city', city[3]::DOUBLE + jlat, city[4]::DOUBLE + jlon, 0.5, 1, 1
FROM (
    SELECT i,
        $countries[1 + (h(i, $seed, 1) % 60)::INTEGER] AS src,
        $countries[1 + (h(i, $seed, 2) % 60)::INTEGER] AS tgt,
        $cameo[1 + (h(i, $seed, 3) % len($cameo))::INTEGER] AS cam,
        DATE '2015-01-01' + ((i // 10) * 3653 // (($n + 9) // 10))::INTEGER
            - (h(i, $seed, 4) % 15)::INTEGER AS day,
        $cities[1 + (h(i, $seed, 5) % len($cities))::INTEGER] AS city,
        ((h(i, $seed, 6) % 1000) / 1000.0 - 0.5) * 0.9 AS jlat,
        ((h(i, $seed, 7) % 1000) / 1000.0 - 0.5) * 0.9 AS jlon
    FROM range($n) t(i)
)
ORDER BY i
"""

_ARTICLES_SQL = """
INSERT INTO articles (id, source, title, published, n_events, coded_at)
SELECT 'syn-' || i, 'synthetic', 'Synthetic article ' || i,
    DATE '2015-01-01' + (i * 3653 // (($n + 9) // 10))::INTEGER, 10, now()::TIMESTAMP
FROM range(($n + 9) // 10) t(i)
"""


def fill_synthetic_events(store: Store, n: int, seed: int = 11) -> None:
    """Add ``n`` synthetic events (ten per synthetic article) to a writable store."""
    con = store._con
    cities = [[name, iso, str(lat), str(lon)] for name, iso, lat, lon in CITIES]
    con.execute(_MACRO)
    con.begin()
    try:
        con.execute(_ARTICLES_SQL, {"n": n})
        con.execute(
            _EVENTS_SQL,
            {"n": n, "seed": seed, "countries": list(COUNTRIES), "cameo": list(CAMEO),
             "cities": cities, "plover": [PLOVER.get(c) for c in CAMEO]},
        )  # fmt: skip
        con.commit()
    except BaseException:
        con.rollback()
        raise
