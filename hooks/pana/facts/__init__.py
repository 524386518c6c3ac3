"""Reading and checking the facts: YAML with line numbers, the schema of every data file, loading and
cross-checking, translation freshness, the editors' JSON Schemas. Imports nothing else of pana."""
