"""Pana's build logic: loading and checking facts, phrasing them, rendering pages.

Nothing here imports mkdocs, so every module can be tested without building a site.
"""
