"""Balek Dusun: door-to-door information campaigns of the BP3MI offices."""

__version__ = "0.2.0"
