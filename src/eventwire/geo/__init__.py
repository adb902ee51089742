"""Places: the offline gazetteer and the geoparser."""
