"""Printouts: the checklists' PDFs and their cache. Imports pana.pages and pana.facts."""
