"""One router per resource; each only translates HTTP to the answering and index modules."""
