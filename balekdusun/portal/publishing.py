"""How public pages are served: a server-side page cache, cache headers, and the CSRF token of the language switch.

A public page is the same for every visitor except the CSRF token of its language-switch form. Templates print
TOKEN_MARKER in its place; the rendered page is cached with the marker and the visitor's own token is put in on
the way out. Because of that token the browser may keep the page (Cache-Control: private) but shared caches
must not.
"""

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_cache_control

from balekdusun.portal import conf
from balekdusun.portal.services import content_version

TOKEN_MARKER = "__portal_csrf_token__"
_MARKER_BYTES = TOKEN_MARKER.encode()


def _with_token(request, response):
    if _MARKER_BYTES in response.content:
        response.content = response.content.replace(_MARKER_BYTES, get_token(request).encode())
    return response


def public_page(server_cache: bool = True, params: tuple[str, ...] = ()):
    """Decorator for public GET pages.

    The server cache keeps only pages whose query parameters are among `params` (filters, page numbers), so
    random query strings cannot fill the cache; `server_cache=False` for free-text searches.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = view(request, *args, **kwargs)
                return private_page(_with_token(request, response))
            key = None
            if server_cache and len(request.get_full_path()) < 300 and set(request.GET) <= set(params):
                key = (f"portal:page:{content_version()}:{translation.get_language()}:"
                       f"{request.get_full_path()}")
                hit = cache.get(key)
                if hit is not None:
                    status, content_type, body = hit
                    response = HttpResponse(body, status=status, content_type=content_type)
                    return _headers(_with_token(request, response))
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if key is not None and response.status_code in (200, 404) and not response.cookies:
                cache.set(key, (response.status_code, response["Content-Type"], response.content),
                          conf.PAGE_CACHE_SECONDS)
            return _headers(_with_token(request, response))

        wrapper.portal_public = True
        return wrapper

    return decorator


def _headers(response):
    if response.status_code in (200, 404):
        patch_cache_control(response, private=True, max_age=conf.BROWSER_CACHE_SECONDS)
    return response


def private_page(response):
    """Forms, results and anything tied to one visitor: never stored anywhere."""
    patch_cache_control(response, no_store=True, private=True, max_age=0)
    return response


def no_store(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        return private_page(_with_token(request, response))

    return wrapper
