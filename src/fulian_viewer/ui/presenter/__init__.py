"""The presenter console: the speaker's view of the deck on a second screen."""
