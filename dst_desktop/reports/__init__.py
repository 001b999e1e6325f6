"""Booking summary and day sheet, rendered to HTML from plain data (no Qt)."""
