"""The tour as a video: ``fulian-viewer export --video`` (needs the ``video`` extra, PyAV)."""
