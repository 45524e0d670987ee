# The codec registry of `_codecs` (CPython keeps it per interpreter in Python/codecs.c), run in
# the namespace of `_codecs` after its Rust codec functions are there. The search functions
# and the cache live in this module's namespace, which is per interpreter like the module.

# Every public name is exported: `codecs` does `from _codecs import *`.

_search_path = []
_search_cache = {}
_error_registry = {}
_encodings_ready = False


def _normalize(encoding):
    # normalizestring: lower case, spaces and hyphens become underscores.
    return encoding.lower().replace(' ', '_').replace('-', '_')


def register(search_function):
    """Register a codec search function.

Search functions are expected to take one argument, the encoding name in
all lower case letters, and either return None, or a tuple of functions
(encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _ensure_encodings()
    _search_path.append(search_function)


def unregister(search_function):
    """Unregister a codec search function and clear the registry's cache.

If the search function is not registered, do nothing."""
    for i, f in enumerate(_search_path):
        if f is search_function:
            del _search_path[i]
            _search_cache.clear()
            return


def _ensure_encodings():
    # CPython imports the encodings package when the registry is first used; its search
    # function comes first.
    global _encodings_ready
    if not _encodings_ready:
        _encodings_ready = True
        import encodings  # registers its search function


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    _ensure_encodings()
    key = _normalize(encoding)
    found = _search_cache.get(key)
    if found is not None:
        return found
    for search in list(_search_path):
        result = search(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _search_cache[key] = result
        return result
    raise LookupError(f"unknown encoding: {encoding}")


def _with_note(exc, operation, encoding):
    exc.add_note(f"{operation} with {encoding!r} codec failed")


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding.

The default encoding is 'utf-8'.  errors may be given to set a
different error handling scheme.  Default is 'strict' meaning that encoding
errors raise a ValueError.  Other possible values are 'ignore', 'replace'
and 'backslashreplace' as well as any other name registered with
codecs.register_error that can handle ValueErrors."""
    encoder = lookup(encoding)[0]
    try:
        result = encoder(obj, errors)
    except Exception as exc:
        _with_note(exc, "encoding", encoding)
        raise
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding.

Default encoding is 'utf-8'.  errors may be given to set a
different error handling scheme.  Default is 'strict' meaning that encoding
errors raise a ValueError.  Other possible values are 'ignore', 'replace'
and 'backslashreplace' as well as any other name registered with
codecs.register_error that can handle ValueErrors."""
    decoder = lookup(encoding)[1]
    try:
        result = decoder(obj, errors)
    except Exception as exc:
        _with_note(exc, "decoding", encoding)
        raise
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]


def register_error(errors, handler):
    """Register the specified error handler under the name errors.

handler must be a callable object, that will be called with an exception
instance containing information about the location of the encoding/decoding
error and must return a (replacement, new position) tuple."""
    if not isinstance(errors, str):
        raise TypeError(f"register_error() argument 1 must be str, not {type(errors).__name__}")
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_registry[errors] = handler


def lookup_error(name):
    """lookup_error(errors) -> handler

Return the error handler for the specified error handling name or raise a
LookupError, if no handler exists under this name."""
    if not isinstance(name, str):
        raise TypeError(f"lookup_error() argument must be str, not {type(name).__name__}")
    try:
        return _error_registry[name]
    except KeyError:
        raise LookupError(f"unknown error handler name {name!r}") from None


# The builtin error handlers as callables (Python/codecs.c: PyCodec_StrictErrors, ...).

def _wrong_exception(exc):
    return TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if not isinstance(exc, UnicodeError):
        raise _wrong_exception(exc)
    return ('', exc.end)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    raise _wrong_exception(exc)


def _escape(c):
    if c < 0x100:
        return f'\\x{c:02x}'
    if c < 0x10000:
        return f'\\u{c:04x}'
    return f'\\U{c:08x}'


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join(f'\\x{b:02x}' for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_escape(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _wrong_exception(exc)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise _wrong_exception(exc)
    return (''.join(f'&#{ord(c)};' for c in exc.object[exc.start:exc.end]), exc.end)


def namereplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise _wrong_exception(exc)
    out = []
    for c in exc.object[exc.start:exc.end]:
        name = _char_name(ord(c))
        out.append(_escape(ord(c)) if name is None else f'\\N{{{name}}}')
    return (''.join(out), exc.end)


def _utf_width(encoding):
    enc = _normalize(encoding)
    if enc in ('utf_8', 'utf8'):
        return 8, False
    if enc.startswith('utf_16'):
        return 16, enc.endswith('be')
    if enc.startswith('utf_32'):
        return 32, enc.endswith('be')
    return None, False


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        width, big = _utf_width(exc.encoding)
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if width is None or not 0xD800 <= cp <= 0xDFFF:
                raise exc
            if width == 8:
                out += bytes([0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)])
            else:
                out += cp.to_bytes(width // 8, 'big' if big else 'little')
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        width, big = _utf_width(exc.encoding)
        data = exc.object[exc.start:]
        if width == 8 and len(data) >= 3 and data[0] & 0xF0 == 0xE0 \
                and data[1] & 0xC0 == 0x80 and data[2] & 0xC0 == 0x80:
            cp, size = ((data[0] & 0x0F) << 12) | ((data[1] & 0x3F) << 6) | (data[2] & 0x3F), 3
        elif width in (16, 32) and len(data) >= width // 8:
            size = width // 8
            cp = int.from_bytes(data[:size], 'big' if big else 'little')
        else:
            raise exc
        if not 0xD800 <= cp <= 0xDFFF:
            raise exc
        return (chr(cp), exc.start + size)
    raise _wrong_exception(exc)


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end][:4]:
            if b < 128:
                break
            out.append(chr(0xDC00 + b))
        if not out:
            raise exc
        return (''.join(out), exc.start + len(out))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xDC80 <= cp <= 0xDCFF:
                raise exc
            out.append(cp - 0xDC00)
        return (bytes(out), exc.end)
    raise _wrong_exception(exc)


for _name, _handler in (("strict", strict_errors), ("ignore", ignore_errors),
                        ("replace", replace_errors),
                        ("backslashreplace", backslashreplace_errors),
                        ("xmlcharrefreplace", xmlcharrefreplace_errors),
                        ("namereplace", namereplace_errors),
                        ("surrogatepass", surrogatepass_errors),
                        ("surrogateescape", surrogateescape_errors)):
    _error_registry[_name] = _handler
del _name, _handler

