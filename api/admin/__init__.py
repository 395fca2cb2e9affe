"""The admin door (README "Admin"): documents, re-ingest, reports, audit log, retention.

``mount(app, services)`` adds ``/api/admin/...`` (bearer token), the ``/admin`` page and the
daily retention purge to an app; ``AdminService`` is what the API, the page and the CLI call.
"""

from api.admin.router import mount
from api.admin.service import AdminError, AdminService, DocMeta

__all__ = ["AdminError", "AdminService", "DocMeta", "mount"]
