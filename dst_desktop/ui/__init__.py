"""The Qt widgets of DST Desktop: thin views that show what presenters say and forward
what the user does. Nothing here decides a booking question."""
