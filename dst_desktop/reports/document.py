"""What every printed document shares: the print job description, the company header,
the style sheet, and escaping of the text users typed.

The HTML targets Qt's ``QTextDocument`` (its rich-text subset of HTML 4 and CSS 2), laid
out on A4 portrait pages by :mod:`dst_desktop.ui.printing`, which also paints the footer
(title, print date, page X of Y) on every page.
"""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from dataclasses import dataclass
from typing import Final

from dst_desktop.domain.names import visible_text
from dst_desktop.reports.i18n import Language, Translate, Wording

#: The logo, as a path under ``resources/``; the HTML's ``<img src>`` names it the same way.
LOGO_RESOURCE: Final = "branding/dst-logo.png"

#: Colours of the printed documents (dark blue of the logo, readable greys).
INK: Final = "#1d2733"
MUTED: Final = "#5b6675"
BRAND: Final = "#1f3a5f"
RULE: Final = "#c5ced8"
SHADE: Final = "#e9eef4"
WARNING_INK: Final = "#8a1c0b"
WARNING_SHADE: Final = "#fde7e1"
# A request waiting for confirmation: calm amber, not the red of a cancellation.
PENDING_INK: Final = "#7a4a00"
PENDING_SHADE: Final = "#fff4da"
OK_INK: Final = "#1e5631"
OK_SHADE: Final = "#e3f1e6"

STYLE_SHEET: Final = f"""
body {{ font-family: 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif;
       font-size: 10pt; color: {INK}; }}
h1 {{ font-size: 17pt; font-weight: bold; color: {BRAND}; margin-top: 0; margin-bottom: 2px; }}
h2 {{ font-size: 11.5pt; font-weight: bold; color: {BRAND}; margin-top: 14px;
      margin-bottom: 4px; }}
p {{ margin-top: 0; margin-bottom: 0; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8.5pt; }}
.company {{ font-size: 15pt; font-weight: bold; color: {BRAND}; }}
.label {{ color: {MUTED}; font-size: 9pt; }}
.value {{ font-size: 10.5pt; }}
.strong {{ font-weight: bold; }}
.code {{ font-family: 'DejaVu Sans Mono', Consolas, 'Courier New', monospace; font-size: 8.5pt; }}
th {{ background-color: {SHADE}; color: {BRAND}; font-size: 8.5pt; font-weight: bold;
      text-align: left; }}
td {{ vertical-align: top; }}
.sheet td {{ font-size: 9pt; }}
"""


@dataclass(frozen=True, slots=True)
class CompanyHeader:
    """Who prints: shown at the top of the first page, beside the logo."""

    name: str = "DST"
    #: A source text, translated when printed.
    tagline: str = "On-site training sessions"


@dataclass(frozen=True, slots=True)
class ReportContext:
    """How to print: language, the moment of printing, the reader's time zone, company.

    ``zone`` None is the computer's own time zone; every timestamp printed (session
    history, the footer's print time) is shown in it.
    """

    wording: Wording
    printed_at: dt.datetime
    company: CompanyHeader = CompanyHeader()
    zone: dt.tzinfo | None = None

    @classmethod
    def create(
        cls,
        language: Language,
        printed_at: dt.datetime,
        translate: Translate | None = None,
        company: CompanyHeader | None = None,
        zone: dt.tzinfo | None = None,
    ) -> ReportContext:
        """A naive ``printed_at`` is UTC, as stored timestamps are."""
        return cls(Wording(language, translate), printed_at, company or CompanyHeader(), zone)

    @property
    def language(self) -> Language:
        return self.wording.language


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """A document ready to lay out and print: everything the Qt printing layer needs."""

    #: Window title of the preview, PDF title metadata.
    title: str
    #: The body, for ``QTextDocument.setHtml``.
    html: str
    #: Left of every page's footer (what the page belongs to).
    footer_title: str
    #: Centre of every page's footer (``Printed 20 Feb 2025, 16:30``).
    printed_text: str
    #: Right of every page's footer, with ``{page}`` and ``{pages}`` placeholders.
    page_template: str
    #: Images the HTML refers to, as paths under ``resources/`` (``<img src>`` names).
    images: tuple[str, ...]
    #: A file name to offer when exporting (``booking-summary-sess_1.pdf``).
    file_name: str
    language: Language

    def page_text(self, page: int, pages: int) -> str:
        """``Page 2 of 5`` / ``Page 2 sur 5``."""
        return self.page_template.format(page=page, pages=pages)


def text(value: str) -> str:
    """Text a user typed, printed literally: ``<b>`` stays ``<b>``, ``&`` stays ``&``, and
    a bidirectional control or an invisible character is printed as a visible mark."""
    return html.escape(visible_text(value), quote=True)


def multiline(value: str) -> str:
    """Escaped text whose line breaks are kept."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(text(line) for line in lines)


def page(title: str, body: str) -> str:
    """A complete HTML page with the shared style sheet."""
    return (
        "<!DOCTYPE html><html><head>"
        '<meta charset="utf-8"/>'
        f"<title>{text(title)}</title>"
        f"<style>{STYLE_SHEET}</style>"
        f"</head><body>{body}</body></html>"
    )


def letterhead(context: ReportContext, title: str, subtitle_html: str) -> str:
    """Logo and company on the left, the document's title on the right, a rule below."""
    company = context.company
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="62" style="vertical-align: middle;">'
        f'<img src="{LOGO_RESOURCE}" width="52" height="52"/></td>'
        '<td style="vertical-align: middle;">'
        f'<p class="company">{text(company.name)}</p>'
        f'<p class="muted">{text(context.wording(company.tagline))}</p></td>'
        '<td align="right" style="vertical-align: middle;">'
        f'<h1 align="right">{text(title)}</h1>'
        f'<p align="right" class="muted">{subtitle_html}</p></td>'
        "</tr></table>"
        f'<hr style="background-color: {RULE}; height: 1px;"/>'
    )


def printed_text(context: ReportContext) -> str:
    moment = context.wording.moment(context.printed_at, context.zone)
    return context.wording("Printed {when}", when=moment)


def page_template(context: ReportContext) -> str:
    """The footer's ``Page {page} of {pages}``, translated, placeholders kept."""
    return context.wording("Page {page} of {pages}")


def name_slug(name: str, longest: int = 40) -> str:
    """A name as a piece of a file name a person reads: ``ACME Sécurité`` → ``acme-securite``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = "".join(ch if ch.isalnum() else "-" for ch in ascii_name.lower())
    return "-".join(part for part in slug.split("-") if part)[:longest].strip("-")


def file_stem(value: str) -> str:
    """A string safe in a file name on every system (ids are ``[A-Za-z0-9_-]`` already)."""
    kept = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in value)
    return kept.strip("-") or "document"
