"""parley.InputError: a mistake in a scenario, an override or an argument."""


class InputError(ValueError):
    """A mistake in the input, located like the command line's ``FILE:LINE:COL: error: ...``.

    ``str(e)`` is exactly what ``parley`` prints on stderr (one line per mistake). The first
    mistake is described by ``.file``, ``.line``, ``.column`` (1-based; 0 when the mistake
    concerns the file as a whole), ``.path`` (the dotted scenario path, e.g.
    ``actors.us.power``, or ``""`` when there is none) and ``.message``; every mistake is in
    ``.diagnostics`` as ``(file, line, column, message)`` tuples. Overrides given as
    ``set={...}`` are located as ``--set:K:COL`` (K-th override), design values of
    ``evaluate`` as ``X:ROW:COLUMN``.

        try: parley.load("bad.yaml")
        except parley.InputError as e: print(e.file, e.line, e.column, e.path)
    """

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.diagnostics = [tuple(d) for d in diagnostics]
        first = self.diagnostics[0] if self.diagnostics else ("", 0, 0, message)
        self.file, self.line, self.column, self.message = first
        self.path = _path_of(self.message)


def _path_of(message):
    """The scenario path a message starts with ("actors.us.power: must be ..."), or ""."""
    head, separator, _ = message.partition(": ")
    if separator and head and " " not in head and "'" not in head:
        return head
    return ""
