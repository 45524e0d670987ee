"""The codec registry part of `codecs`, for interpreters without the standard library.

Used only when `import codecs` fails. It keeps CPython's registry semantics:
`register` appends a search function, `lookup` normalises the name (lower case,
spaces to underscores) and returns the first non-None CodecInfo a search function
gives, raising LookupError otherwise; `unregister` removes a search function.
The interpreter's own str.encode/bytes.decode do not consult this registry.
"""

_search_functions = []


class CodecInfo(tuple):
    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None, *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)


def lookup(encoding):
    normalized = encoding.lower().replace(" ", "_")
    for search in _search_functions:
        info = search(normalized)
        if info is not None:
            return info
    raise LookupError("unknown encoding: %s" % encoding)
