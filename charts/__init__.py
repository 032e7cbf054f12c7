"""Pure builders that turn analysis results into tables, altair charts and folium maps."""
