"""factcheck: cross-source fact-consistency checking for newsrooms."""

__version__ = "0.1.0"
