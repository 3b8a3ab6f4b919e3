"""Qt views: widgets that show the model, each given the model it shows."""
