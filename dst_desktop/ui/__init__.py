"""Qt widgets, item models, dialogs and printing devices: thin views over the presenters."""
