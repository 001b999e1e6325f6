"""Screen logic: what each part of the window shows and what a user action does (no Qt)."""
