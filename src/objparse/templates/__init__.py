"""The HTML report's template (package data): objparse.export.report fills it."""
