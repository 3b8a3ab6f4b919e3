"""Input controllers: each turns one kind of input into the deck's actions."""
