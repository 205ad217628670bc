"""Searches for a person (a name, a phone number) never travel in a URL.

A URL lands in access logs, proxies and the browser's history. A search form over people is therefore sent by
POST; the view keeps the text in the user's session under a random key and redirects to ``?s=<key>``, so the
result page can still be reloaded, paginated and linked to its exports, but the address only holds a key that
means nothing outside that session (it cannot be reversed into the text, and expires with the session).
"""

import secrets

from django.http import QueryDict

SESSION_KEY = "lookups"
PARAM = "s"
KEEP = 20  # searches remembered per session


def remember(request, text: str) -> str:
    """Keep `text` in the session; returns the key that stands for it in URLs."""
    text = (text or "").strip()
    if not text:
        return ""
    stored = dict(request.session.get(SESSION_KEY) or {})
    for key, value in stored.items():
        if value == text:
            return key
    key = secrets.token_urlsafe(9)
    stored[key] = text
    request.session[SESSION_KEY] = dict(list(stored.items())[-KEEP:])
    return key


def recall(request, key: str | None = None) -> str:
    """The text behind `key` (default: the request's ?s=), or "" when unknown or expired."""
    key = request.GET.get(PARAM, "") if key is None else key
    if not key or not hasattr(request, "session"):
        return ""
    return str((request.session.get(SESSION_KEY) or {}).get(key, ""))


def query_with(request, field: str, *, source: QueryDict | None = None) -> str:
    """The query string of `source` (default: the POST) with `field`'s text replaced by its key, for a redirect."""
    source = request.POST if source is None else source
    params = source.copy()
    text = params.pop(field, [""])[-1]
    params.pop("csrfmiddlewaretoken", None)
    params.pop(PARAM, None)
    key = remember(request, text)
    if key:
        params[PARAM] = key
    return params.urlencode()


def with_text(request, field: str) -> QueryDict:
    """The GET parameters with `field` filled from the remembered search (for a filter form)."""
    params = request.GET.copy()
    params.pop(field, None)
    text = recall(request)
    if text:
        params[field] = text
    return params
