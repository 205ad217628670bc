"""The API token of a request, with its user and the user's office, in one query compiled once.

Every request of the field app and of scripts starts here, so its cost is paid on every sync. Django's ORM
compiles the same `select_related` query on each call (about 0.4 ms, more than PostgreSQL spends answering it);
here the compiled SQL, the row converters and the model populators are kept per database alias, and each call
only runs the SQL (a prepared statement on PostgreSQL, `lib/rawsql.py`) and builds the instances the way Django's own model iterator does (converters applied,
`from_db`, the related instances cached on their parents).
"""

from functools import lru_cache

from django.db import router
from django.db.models.query import get_related_populators

from balekdusun.core.models import ApiToken
from balekdusun.lib.rawsql import fetch_all


class _Compiled:
    def __init__(self, using: str):
        query = ApiToken.objects.using(using).select_related("user", "user__office").filter(key_hash="").query
        compiler = query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        if list(params) != [""]:  # the key hash must be the statement's only parameter
            raise RuntimeError(f"unexpected parameters in the token look-up: {params!r}")
        self.using = using
        self.compiler = compiler
        self.converters = compiler.get_converters([s[0] for s in compiler.select])
        info = compiler.klass_info
        fields = info["select_fields"]
        self.span = (fields[0], fields[-1] + 1)
        self.init_list = [s[0].target.attname for s in compiler.select[self.span[0]:self.span[1]]]
        self.populators = get_related_populators(info, compiler.select, using)


@lru_cache(maxsize=8)
def _compiled(using: str) -> _Compiled:
    return _Compiled(using)


def lookup(key_hash: str) -> ApiToken | None:
    """The token with this key hash, its `user` and the user's `office` loaded; None when there is none. Read
    from the database the routers choose for the token, as `ApiToken.objects.get` would."""
    using = router.db_for_read(ApiToken)
    c = _compiled(using)
    rows = fetch_all(c.sql, [key_hash], using=using)  # prepared on PostgreSQL (lib/rawsql.py)
    if not rows:
        return None
    if c.converters:
        rows = list(c.compiler.apply_converters(rows, c.converters))
    row = rows[0]
    token = ApiToken.from_db(using, c.init_list, row[c.span[0]:c.span[1]])
    for populator in c.populators:
        populator.populate(row, token)
    return token
