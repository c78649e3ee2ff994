"""Modules generated from others once, so that no process builds them at start-up: the grammar's
LALR parser (sheet_parser, from grammar/sheet.lark, by Lark's standalone tool) and the JSON
writers of the model's records (json_writers). Regenerate with `python -m objparse.generate`; a
test fails while one is out of date."""
