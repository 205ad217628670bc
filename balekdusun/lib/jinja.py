"""The one Jinja2 environment of the project, for the hot pages whose HTML Django's template engine renders too
slowly (the dashboard body and its SVG charts, the page frame of every staff page).

House rule: HTML lives in templates. Where a page is hot, its templates are Jinja2 files under
`balekdusun/<app>/jinja2/<app>/` (shipped with the package like `templates/`), rendered by `render()` below from
the app's existing Python entry point, which hands back safe markup to Django templates and views.

- Autoescape is on for every template: each value is escaped (markupsafe) unless it is already safe markup
  (Django's SafeString, or markupsafe's Markup).
- `_`, `gettext` and `ngettext` are Django's own functions, so the words follow the language Django activated for
  the request. Django's makemessages does not read Jinja2 files: every msgid a template uses is also listed with
  `gettext_noop` in the Python module that renders it (checked by `core/tests/test_jinja.py`).
- `localize` is Django's filter of the same name (numbers as the active language writes them: "42,5").
- Compiled templates are kept by the environment (`get_template` compiles a file once per process); they are
  checked for changes on disk only with DEBUG on.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

_PACKAGE = Path(__file__).resolve().parent.parent


def _folders() -> list[str]:
    """Every app's `jinja2/` folder; a template is named with its app first ("reports/figures.html")."""
    return [str(p) for p in sorted(_PACKAGE.glob("*/jinja2")) if p.is_dir()]


def url(name: str, *args) -> str:
    """`url("reports:outreach", pk)`: Django's reverse() with positional arguments."""
    return reverse(name, args=args)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_folders()),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=StrictUndefined,  # a misspelt name fails in tests instead of printing nothing
        auto_reload=bool(settings.DEBUG),
        cache_size=-1,  # never evict a compiled template
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # old style: translations are escaped too
    env.filters["localize"] = localize
    env.globals["url"] = url
    return env


ENV = _environment()


@cache
def template(name: str) -> Template:
    """The compiled template `name`, compiled on first use and kept for the process (a hot page skips even the
    environment's cache lookup). With DEBUG on the environment's own cache (auto_reload) is used, so an edited
    file shows on the next request."""
    if settings.DEBUG:
        return _Reloading(name)
    return ENV.get_template(name)


def render(name: str, **context) -> str:
    """The template `name` rendered with `context`, as safe markup for Django (every value in it was escaped)."""
    return mark_safe(template(name).render(context))


class _Reloading:
    """DEBUG only: a template looked up again on every render (the environment recompiles it when edited)."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def render(self, *args, **kwargs) -> str:
        return ENV.get_template(self.name).render(*args, **kwargs)
