"""A desktop viewer for chronologies whose every event cites its source."""

__version__ = "0.1.0"
