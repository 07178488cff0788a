"""The Qt-free model: partial dates, events and sources, the store, and the loader that validates them.

Nothing below this package imports Qt (ruff's banned-api rule enforces it), so it loads and is tested
without a display.
"""
