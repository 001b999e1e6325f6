"""File formats of exported data: CSV, XLSX and iCalendar, written from plain rows.

Pure functions, like :mod:`dst_desktop.reports`: they know nothing of the database, the
services or Qt. A :class:`~dst_desktop.exports.table.Table` (typed cells) becomes CSV or
XLSX bytes; calendar entries become an ``.ics`` file; :func:`~dst_desktop.exports.files.
write_output` puts bytes on disk atomically, replacing an existing file only when asked.
"""
