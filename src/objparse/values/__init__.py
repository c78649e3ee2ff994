"""Pure value parsers: Italian numbers, cells, targets, citations, acts, area codes. No I/O."""
