"""One exception type whose message is the one line a user sees."""


class IngestError(Exception):
    """A file could not be ingested; ``str(err)`` is a clear one-line reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
