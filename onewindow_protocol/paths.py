"""The central server's endpoints a counter (and the online booking service) calls, declared
once: the server's routes (``central_server.api``) and the callers' requests
(``clerk_app.sync``, the credit and licence checks, the province load generator) both take them
from here (docs/sync-protocol.md)."""

from __future__ import annotations

ENROL = "/v1/enrol"
TOKEN = "/v1/token"  # noqa: S105 - an endpoint, not a secret
HELLO = "/v1/hello"
OPERATIONS = "/v1/operations"
CHANGES = "/v1/changes"
UPLOADS = "/v1/uploads"
UPLOAD = "/v1/uploads/{upload_id}"
CATALOGUE = "/v1/catalogue"
CALENDARS = "/v1/calendars"
APPOINTMENTS = "/v1/appointments"
NOTIFICATIONS_STATUS = "/v1/notifications/status"
CREDIT_LOOKUP = "/v1/credit/lookup"
LICENCES_LOOKUP = "/v1/licences/lookup"
LICENCES_VERIFY = "/v1/licences/verify"
LICENCE_COPY = "/v1/licences/{licence_id}/copy"
BOOKINGS = "/v1/backoffice/appointments"  # the online booking service's (back-office token)
