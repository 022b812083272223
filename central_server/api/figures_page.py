"""The back-office page of the province's figures: server-rendered HTML, read-only.

A provincial officer signs in once with a back-office token (``central-server
backoffice-token``): the form posts it, the server checks it and keeps it in an HttpOnly,
SameSite=Strict cookie scoped to ``/backoffice``, and the page reads the figures with it. The
page only reads (GET); the login and logout forms are the only POSTs, and they change nothing
but that cookie. Every value is escaped; the page loads no script and no outside resource
(its Content-Security-Policy says so).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from central_server.api.deps import Svc
from central_server.figures_export import COLUMNS, KEY_HEADING, TOTAL, cell_text, key_text, title
from central_server.services.auth import TokenKind, authenticate
from central_server.services.errors import Refused
from central_server.services.figures import province_figures
from central_server.services.ratings import today
from onewindow_protocol.wire.figures import FigureRow, Per, ProvinceFigures
from onewindow_protocol.wire.ratings import GroupBy

router = APIRouter(prefix="/backoffice", include_in_schema=False)

COOKIE = "ow_backoffice"
PAGE = "/backoffice/figures"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}
STYLE = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; }
td { text-align: right; } td.key { text-align: left; }
th small { display: block; color: #666; font-weight: normal; }
tr.total { font-weight: bold; background: #f3f3f3; }
.error { color: #a00; }
"""
BY_TEXT = {GroupBy.HALL: "按大厅", GroupBy.DEPARTMENT: "按部门", GroupBy.ITEM: "按事项"}
PER_TEXT = {Per.MONTH: "按月", Per.DAY: "按日"}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _document(heading: str, body: str, status: int = 200) -> HTMLResponse:
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_e(heading)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{_e(heading)}</h1>{body}</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=HEADERS)


def _login(message: str | None = None, status: int = 401) -> HTMLResponse:
    error = f'<p class="error" id="login-error">{_e(message)}</p>' if message else ""
    form = (
        f'{error}<form method="post" action="/backoffice/login">'
        "<label>后台令牌 <small>back-office token</small> "
        '<input type="password" name="token" id="token" autocomplete="off" required></label> '
        '<button type="submit" id="sign-in">登录 Sign in</button></form>'
    )
    return _document("政务服务指标 · 登录", form, status)


def _options(selected: str, texts: dict[GroupBy, str] | dict[Per, str]) -> str:
    return "".join(
        f'<option value="{_e(k.value)}"{" selected" if k.value == selected else ""}>{_e(t)}'
        "</option>"
        for k, t in texts.items()
    )


def _form(first: dt.date, last: dt.date, by: GroupBy, per: Per) -> str:
    return (
        f'<form method="get" action="{PAGE}" id="range">'
        f'<label>自 <small>from</small> <input type="date" name="from" value="{first}"></label> '
        f'<label>至 <small>to</small> <input type="date" name="to" value="{last}"></label> '
        f'<select name="by" id="by">{_options(by.value, BY_TEXT)}</select> '
        f'<select name="per" id="per">{_options(per.value, PER_TEXT)}</select> '
        '<button type="submit" id="show">查询 Show</button></form>'
        '<form method="post" action="/backoffice/logout"><button type="submit">退出 Sign out'
        "</button></form>"
    )


def _cells(row: FigureRow) -> str:
    return "".join(f'<td data-m="{c.field}">{_e(cell_text(row, c))}</td>' for c in COLUMNS)


def _table(table_id: str, figures: ProvinceFigures, rows: list[FigureRow], periods: bool) -> str:
    zh, en = KEY_HEADING[figures.by]
    head = "".join(f"<th>{_e(c.zh)}<small>{_e(c.en)}</small></th>" for c in COLUMNS)
    lead = "<th>期间<small>period</small></th>" if periods else ""
    body = []
    for row in rows:
        period = f'<td class="key">{_e(row.period)}</td>' if periods else ""
        key = "" if row.key is None else row.key
        body.append(
            f'<tr data-key="{_e(key)}" data-period="{_e(row.period or "")}">{period}'
            f'<td class="key">{_e(key_text(row))}</td>{_cells(row)}</tr>'
        )
    if not periods:
        body.append(
            f'<tr class="total" data-key="*"><td class="key">{TOTAL}</td>{_cells(figures.total)}'
            "</tr>"
        )
    return (
        f'<table id="{table_id}"><thead><tr>{lead}<th>{_e(zh)}<small>{_e(en)}</small></th>'
        f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _trend(figures: ProvinceFigures) -> str:
    rows = "".join(
        f'<tr data-month="{_e(m.month)}"><td class="key">{_e(m.month)}</td>'
        f"<td>{_e(m.catalogue_release or '—')}</td><td>{m.items}</td><td>{m.items_once}</td>"
        f"<td>{'—' if m.once_share is None else f'{m.once_share * 100:.1f}%'}</td></tr>"
        for m in figures.once_mode_trend
    )
    return (
        '<table id="trend"><thead><tr><th>月份<small>month</small></th>'
        "<th>目录版本<small>catalogue release</small></th><th>事项数<small>items</small></th>"
        "<th>最多跑一次事项数<small>in once-mode</small></th><th>占比<small>share</small></th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    svc: Svc,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    by: GroupBy = GroupBy.HALL,
    per: Per = Per.MONTH,
) -> HTMLResponse:
    try:
        authenticate(svc.ctx, request.cookies.get(COOKIE), TokenKind.BACKOFFICE)
    except Refused:
        return _login()
    last = date_to or today(svc.ctx)
    first = date_from or last.replace(day=1)
    form = _form(first, last, by, per)
    try:
        figures = province_figures(svc.ctx, first, last, by, per)
    except Refused as exc:
        return _document("政务服务指标", f'{form}<p class="error">{_e(exc.message)}</p>', 422)
    body = (
        f"{form}<h2>{_e(title(figures))}</h2>"
        f"<p>时区 time zone: {_e(figures.timezone)}；口径见 docs/figures.md</p>"
        f"{_table('groups', figures, figures.groups, periods=False)}"
        f"<h2>{'逐日' if per is Per.DAY else '逐月'} <small>per period</small></h2>"
        f"{_table('periods', figures, figures.rows, periods=True)}"
        f"<h2>最多跑一次事项占比趋势 <small>once-mode share, 12 months</small></h2>"
        f"{_trend(figures)}"
    )
    return _document("政务服务指标", body)


@router.post("/login")
async def login(request: Request, svc: Svc) -> Response:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0].strip()
    try:
        authenticate(svc.ctx, token, TokenKind.BACKOFFICE)
    except Refused:
        return _login("令牌无效或已过期 (invalid or expired token)")
    reply = RedirectResponse(PAGE, status_code=303, headers=HEADERS)
    reply.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/backoffice",
    )
    return reply


@router.post("/logout")
def logout() -> Response:
    reply = RedirectResponse(PAGE, status_code=303, headers=HEADERS)
    reply.delete_cookie(COOKIE, path="/backoffice")
    return reply
