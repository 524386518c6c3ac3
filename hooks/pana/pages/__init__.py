"""Making pages: each language's words for the facts (deadline phrases, dates, the calculator's plan,
charts, checklists) and the Jinja rendering of every page. Imports only pana.facts (and pana.cache)."""
