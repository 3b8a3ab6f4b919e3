"""Qt-free model: the report's data, its validation, formatting and navigation state."""
