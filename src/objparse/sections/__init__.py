"""One module a part of the sheet: each turns the rows the grammar gave it into model records."""
