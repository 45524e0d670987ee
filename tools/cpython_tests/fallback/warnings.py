"""A small `warnings` for interpreters without the standard library (used only when `import warnings` fails).

It keeps CPython's model: a list of filters (action, message-prefix, category) searched
first to last, `warn()` applies the first match ("error" raises, "ignore" drops,
anything else shows the warning), `showwarning` prints to stderr or, inside
`catch_warnings(record=True)`, appends a WarningMessage to the recording list.
Warnings raised by the interpreter itself do not pass through this module.
"""

import sys

filters = []
_default_action = "default"


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return "{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" % (
            self.message,
            self._category_name,
            self.filename,
            self.lineno,
            self.line,
        )


def formatwarning(message, category, filename, lineno, line=None):
    return "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)


def _show_to_stderr(message, category, filename, lineno, file=None, line=None):
    stream = file if file is not None else sys.stderr
    stream.write(formatwarning(message, category, filename, lineno, line))


showwarning = _show_to_stderr


def simplefilter(action, category=Warning, lineno=0, append=False):
    entry = (action, None, category, None, lineno)
    _add_filter(entry, append)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    entry = (action, message or None, category, module or None, lineno)
    _add_filter(entry, append)


def _add_filter(entry, append):
    if entry in filters:
        filters.remove(entry)
    if append:
        filters.append(entry)
    else:
        filters.insert(0, entry)


def resetwarnings():
    filters[:] = []


def _action_for(message, category):
    text = str(message)
    for action, msg, cat, module, lineno in filters:
        if msg is not None and not text.lower().startswith(msg.lower()):
            continue
        if issubclass(category, cat):
            return action
    return _default_action


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not isinstance(message, Warning):
        message = category(message)
    action = _action_for(message, category)
    if action == "error":
        raise message
    if action == "ignore":
        return
    showwarning(message, category, "sys", 1)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    else:
        message = category(message)
    action = _action_for(message, category)
    if action == "error":
        raise message
    if action == "ignore":
        return
    showwarning(message, category, filename, lineno)


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        global showwarning
        self._saved_filters = filters[:]
        self._saved_showwarning = showwarning
        if self._action is not None:
            simplefilter(self._action, self._category)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))

            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._saved_filters
        showwarning = self._saved_showwarning
        return False
