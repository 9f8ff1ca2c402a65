"""Smart City Index rankings: cities, thematic areas, editions and entries (see issue 7)."""
