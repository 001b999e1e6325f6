"""DST Desktop: back-office booking of on-site DST training sessions."""

__version__ = "0.1.0"
