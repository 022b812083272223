"""Names vulture calls unused that are in fact reached by a framework (``make lint``).

Each entry says who uses it. A name that is really unused does not go here: it is deleted.
Vulture matches by name, so ``_.name`` keeps every definition called ``name``.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# bench/: phases name their target as "module:function" strings (bench/__main__.py imports them).
_.floor_calls
_.one_pc
_.engine_calls
_.engine_issue
_.floor_issue
_.engine_status
_.floor_status

# installer/onewindow.spec: PyInstaller reads the spec's COLLECT object by running the file.
_.coll
# installer/disttest.py: the marker's second field (the process's own age), parsed into the
# startup record beside the outside timing; no report prints it yet.
_.inside_s

# uvicorn: the factory named in "central_server.app:create_app"; the server's stop flag.
_.create_app
_.should_exit

# SQLAlchemy mapped columns: written by the services, read by SQL (reports, exports, audits).
_.enrolled_ms
_.token_hash
_.stored_ms
_.applied_ms
_.taken_at_ms
_.rated_at_ms
_.closed_at_ms
_.opened_ms
_.closed_ms
_.consented_ms  # when the applicant agreed to texts about the case (kept with the phone)
_.turn_near_ms  # when the counter asked for the ticket's turn-near message
_.device_user_id
_.changed_by
_.agent_authorisation
_.removed_by
_.acknowledged_by
# The psycopg/sqlite3 DB-API connection attribute SQLAlchemy's connect hook sets.
_.isolation_level
# Used in a string cast (cast("CursorResult[Any]", ...)), which vulture does not read.
_.CursorResult

# pydantic models: fields of the wire protocol (docs/sync-protocol.md), serialised by pydantic,
# and model_config, which pydantic reads.
_.model_config
_.token_type
_.expires_in
_.protocol_versions
_.server_time
_.catalogue_release
_.access_token_expires_at
_.updated_at
_.started_at
_.number_ascii
_.verification_code
_.requested_by
_.media_type
_.receipt_no
_.notice_no
_.commitment_signed
_.recipient_id_number
_.created_at
_.original_status
_.applied_at
_.situation_id
_.material_id
_.list_updated_at
_.added_at
_.checked_in_at  # the appointment operations' counter clock: informational, like created_at
_.marked_at
_.queued_at  # notify.turn_near: the counter's clock, informational
_.opted_in_cases  # notifications' status reply: the asked cases with an opt-in on record
_.cancelled_at
# settings.py keys read from the hall's config file (issue 17 part 2 rewrites that module).
_.decision_seal
_.deferral_measure
_.pickup_wording
# printing.documents.HallBranding: a [hall] setting (clerk_app/settings.py) that no paper prints
# yet (papers are in Chinese only); the settings rewrite of issue 17 part 2 decides its fate.
_.agency_name_en

# Enum members: values read from stored rows, wire payloads and ID numbers (by value, not name).
_.USCC
_.RESIDENCE_PERMIT
_.E_LICENCE
_.NOT_APPLICABLE
_.QR
_.ESTABLISHMENT
_.FOREIGN_AFFAIRS
_.JUSTICE
_.CULTURE
_.CIVIL_AFFAIRS
_.TOURISM
_.RELIGION
_.TRADE_UNION
_.MILITARY
_.AGRICULTURE
# A field of the supervisor's window rows (clerk_app.queue.oversight), filled by the queue and
# shown by no column yet; the queue rewrite of issue 17 part 1 owns that module.
_.current_state
# The documented quiet zone callers leave around a Code 128 (printing.codes docstring).
_.CODE128_QUIET_MODULES
# reportlab reads this attribute of the subset font object when it writes the PDF.
_.makeToUnicodeCMap

# Qt: virtual overrides Qt calls, and column numbers unpacked from range() beside the used ones.
_.supportedDropActions
_.mimeTypes
_.paintEvent
_.tabletEvent  # ui.signature.pad: a pen tablet's input
_.mousePressEvent
_.mouseMoveEvent
_.mouseReleaseEvent
_.keyPressEvent
_.hitButton  # ui.applicant.rating: a reason tick-box ticks anywhere on its row
_.STATE
_.UPDATED
_.DEMO_VALUES
_.ONCE
_.W_WINDOW
_.W_CLERK
_.W_SERVED
_.S_AVERAGE
_.S_WINDOWS
# Qt: a dialog or helper object kept on its owner so it lives as long as the window
# (tests open it through this attribute).
_.password_dialog
_.lookup_dialog
_.preview_dialog
_._sync_bar

# pytest: module-level marks, fixtures requested for their effect only, a fake keyring method
# the keyring library calls, and a field of the test proxy's request record.
_.pytestmark
_.cli_env
_.as_clerk
_.delete_password
_.body_len

# The catalogue file's fields (onewindow_protocol.catalogue.models, docs/catalogue-format.md):
# read and written by pydantic and mapped to the catalogue rows' columns of the same names by
# clerk_app.catalogue.rows (reflection), shown in `catalog show`; and the models' serializer.
_.applicant_kinds
_.fee_note
_.result_name_zh
_.result_name_en
_.amount_fen
_.paper_size
_.e_licence_name_zh
_.e_licence_name_en
_.check_method
_.blank_form
_._as_written

# http.server's request handler methods, called by name (the tests' local RFC 3161 server).
_.do_POST
_.log_message

# Who recorded a case's payment (clerk_app.db.fees_models.CasePayment): kept with the money for
# the hall's accounts, written by the intake and results services, read by no screen yet.
_.recorded_by

# ``central-server serve --workers N``: uvicorn imports the app factory by name in each worker
# (central_server.app.APP_FACTORY); the health reply's field is read by proxies and tests.
_.app_from_environment
_.worker
# The province's figures (onewindow_protocol.wire.figures): wire fields the page, the
# spreadsheet and the PDF read by name (central_server.figures_export.COLUMNS).
_.items_networked
_.networked_share

# selenium's ChromeOptions: the browser binary the driver starts (Debian's chromium).
_.binary_location

# tests/conftest.py: pytest calls its hooks by name.
_.pytest_collection_modifyitems
_.pytest_configure
