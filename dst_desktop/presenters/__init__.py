"""Screen logic of the main window, in plain Python (no Qt).

Each part of the window has a presenter and a view ``Protocol``: the presenter decides
what the view shows and what a user action does; the view (in :mod:`dst_desktop.ui`)
only converts between widgets and plain values. Text reaches the user through an
injected :class:`~dst_desktop.presenters.l10n.Localizer`, whose ``translate`` calls
``pyside6-lupdate`` extracts like Qt's own.
"""
