"""Damage rules: one module a rule, each a small pure function over draft rows."""
