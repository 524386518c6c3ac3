"""The preview under `make serve`: a failed build shown in the browser, and rebuilding only the pages
that changed. Imports pana.site."""
