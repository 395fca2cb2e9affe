"""Hakuapu: answers about Finnish ESF+ funding calls, with citations."""

__version__ = "0.1.0"
