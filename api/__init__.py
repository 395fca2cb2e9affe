"""The web door: a FastAPI service (JSON, server-sent events) and the embeddable chat widget."""
