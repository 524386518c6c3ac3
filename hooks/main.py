"""The mkdocs hooks: each event is a method of one pana.build.Build, which carries the build's state
from event to event (hooks/pana/build.py says what each does)."""

from pana.build import Build

_build = Build()
on_startup = _build.on_startup
on_serve = _build.on_serve
on_config = _build.on_config
on_pre_build = _build.on_pre_build
on_nav = _build.on_nav
on_env = _build.on_env
on_build_error = _build.on_build_error
on_page_markdown = _build.on_page_markdown
on_page_content = _build.on_page_content
on_template_context = _build.on_template_context
on_post_template = _build.on_post_template
on_post_page = _build.on_post_page
on_page_context = _build.on_page_context
on_post_build = _build.on_post_build
