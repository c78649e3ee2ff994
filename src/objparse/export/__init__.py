"""Exporters: they read the model only, never parse."""
