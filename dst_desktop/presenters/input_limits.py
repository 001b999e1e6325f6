"""How much a form lets the user type: the workflows' own bounds, for the widgets.

Views set their line edits' and spin boxes' limits from here, so that what a widget
accepts is what the workflows accept, without the views importing the services.
"""

from __future__ import annotations

from typing import Final

from dst_desktop.services import reference, validation

#: An identifier of reference data (``setup_occitanie_1``).
MAX_ID_LENGTH: Final = validation.MAX_ID_LENGTH
#: A name, an e-mail address or a phone number.
MAX_NAME_LENGTH: Final = validation.MAX_NAME_LENGTH
#: Free text: notes, a new client's details, a reason.
MAX_TEXT_LENGTH: Final = validation.MAX_TEXT_LENGTH
#: Participants of one session.
MAX_PARTICIPANTS: Final = validation.MAX_PARTICIPANTS
#: The participants one module takes.
MAX_MODULE_CAPACITY: Final = reference.MAX_MODULE_CAPACITY
