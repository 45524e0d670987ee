"""Standard "encodings" Package

    Standard Python encoding modules are stored in this package
    directory.

    pyrt: the builtin codecs only (utf-8, utf-8-sig, ascii, latin-1, utf-16 and utf-32 with or
    without -le/-be, unicode-escape, raw-unicode-escape), each described as CPython's module
    encodings.NAME describes it; the search function is registered with the codec registry
    when this module is imported, as CPython's is.
"""

import codecs
import sys
import _codecs

_cache = {}
_unknown = '--unknown--'


def normalize_encoding(encoding):

    """ Normalize an encoding name.

        Normalization works as follows: all non-alphanumeric
        characters except the dot used for Python package names are
        collapsed and replaced with a single underscore, e.g. '  -;#'
        becomes '_'. Leading and trailing underscores are removed.

        Note that encoding names should be ASCII only.

    """
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")

    chars = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if punct and chars:
                chars.append('_')
            if c.isascii():
                chars.append(c)
            punct = False
        else:
            punct = True
    return ''.join(chars)


# The name each codec's CodecInfo carries.
_NAMES = {
    'utf_8': 'utf-8', 'utf_8_sig': 'utf-8-sig', 'ascii': 'ascii', 'latin_1': 'iso8859-1',
    'utf_16': 'utf-16', 'utf_16_le': 'utf-16-le', 'utf_16_be': 'utf-16-be',
    'utf_32': 'utf-32', 'utf_32_le': 'utf-32-le', 'utf_32_be': 'utf-32-be',
    'unicode_escape': 'unicode-escape', 'raw_unicode_escape': 'raw-unicode-escape',
}

# The codecs whose decoder takes `final` (incremental decoders buffer an incomplete end).
_BUFFERED = {'utf_8', 'utf_16_le', 'utf_16_be', 'utf_32_le', 'utf_32_be',
             'unicode_escape', 'raw_unicode_escape'}


def _plain_entry(modname):
    # encodings.utf_8, encodings.latin_1, ...: the _codecs functions, and classes over them.
    encoder = getattr(_codecs, modname + '_encode')
    raw_decoder = getattr(_codecs, modname + '_decode')

    if modname in _BUFFERED and modname not in ('unicode_escape', 'raw_unicode_escape'):
        def decode(input, errors='strict'):
            return raw_decoder(input, errors, True)
    else:
        decode = raw_decoder

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encoder(input, self.errors)[0]

    if modname in _BUFFERED:
        class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
            _buffer_decode = raw_decoder
    else:
        class IncrementalDecoder(codecs.IncrementalDecoder):
            def decode(self, input, final=False):
                return raw_decoder(input, self.errors)[0]

    class StreamWriter(codecs.StreamWriter):
        encode = encoder

    class StreamReader(codecs.StreamReader):
        decode = raw_decoder

    return encoder, decode, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader


def _utf_8_sig_entry():
    # encodings.utf_8_sig: UTF-8 after a byte order mark.
    def encode(input, errors='strict'):
        return (codecs.BOM_UTF8 + codecs.utf_8_encode(input, errors)[0], len(input))

    def decode(input, errors='strict'):
        prefix = 0
        if input[:3] == codecs.BOM_UTF8:
            input = input[3:]
            prefix = 3
        (output, consumed) = codecs.utf_8_decode(input, errors, True)
        return (output, consumed + prefix)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.first = 1

        def encode(self, input, final=False):
            if self.first:
                self.first = 0
                return codecs.BOM_UTF8 + codecs.utf_8_encode(input, self.errors)[0]
            else:
                return codecs.utf_8_encode(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.first = 1

        def getstate(self):
            return self.first

        def setstate(self, state):
            self.first = state

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.first = 1

        def _buffer_decode(self, input, errors, final):
            if self.first:
                if len(input) < 3:
                    if codecs.BOM_UTF8.startswith(input):
                        # not enough data to decide if this really is a BOM
                        # => try again on the next call
                        return ("", 0)
                    else:
                        self.first = 0
                else:
                    self.first = 0
                    if input[:3] == codecs.BOM_UTF8:
                        (output, consumed) = codecs.utf_8_decode(input[3:], errors, final)
                        return (output, consumed + 3)
            return codecs.utf_8_decode(input, errors, final)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.first = 1

        def getstate(self):
            state = codecs.BufferedIncrementalDecoder.getstate(self)
            return (state[0], self.first)

        def setstate(self, state):
            codecs.BufferedIncrementalDecoder.setstate(self, state)
            self.first = state[1]

    sig_encode, sig_decode = encode, decode

    class StreamWriter(codecs.StreamWriter):
        encode = sig_encode

    class StreamReader(codecs.StreamReader):
        def decode(self, input, errors='strict'):
            return sig_decode(input, errors)

    return encode, decode, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader


def _marked_entry(width):
    # encodings.utf_16 / encodings.utf_32: a byte order mark first, then the native order.
    marked_encode = getattr(_codecs, f'utf_{width}_encode')
    marked_decode = getattr(_codecs, f'utf_{width}_decode')
    le_encode = getattr(_codecs, f'utf_{width}_le_encode')
    be_encode = getattr(_codecs, f'utf_{width}_be_encode')
    le_decode = getattr(_codecs, f'utf_{width}_le_decode')
    be_decode = getattr(_codecs, f'utf_{width}_be_decode')
    unit = width // 8
    le_bom = codecs.BOM_UTF16_LE if width == 16 else codecs.BOM_UTF32_LE
    be_bom = codecs.BOM_UTF16_BE if width == 16 else codecs.BOM_UTF32_BE

    def decode(input, errors='strict'):
        return marked_decode(input, errors, True)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None

        def encode(self, input, final=False):
            if self.encoder is None:
                result = marked_encode(input, self.errors)[0]
                self.encoder = le_encode if sys.byteorder == 'little' else be_encode
                return result
            return self.encoder(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.encoder = None

        def getstate(self):
            return (2 if self.encoder is None else 0)

        def setstate(self, state):
            if state:
                self.encoder = None
            else:
                self.encoder = le_encode if sys.byteorder == 'little' else be_encode

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.decoder = None

        def _buffer_decode(self, input, errors, final):
            if self.decoder is None:
                # utf_N_ex_decode(input, errors, 0, final): the mark decides the order.
                if input[:unit] == le_bom:
                    self.decoder = le_decode
                elif input[:unit] == be_bom:
                    self.decoder = be_decode
                elif len(input) >= unit:
                    raise UnicodeDecodeError(f"utf-{width}", input, 0, unit,
                                             "Stream does not start with BOM")
                else:
                    return ("", 0)
                (output, consumed) = self.decoder(input[unit:], errors, final)
                return (output, consumed + unit)
            return self.decoder(input, self.errors, final)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.decoder = None

    class StreamWriter(codecs.StreamWriter):
        encode = marked_encode

    class StreamReader(codecs.StreamReader):
        decode = marked_decode

    return marked_encode, decode, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader


def _entry(modname):
    if modname == 'utf_8_sig':
        parts = _utf_8_sig_entry()
    elif modname in ('utf_16', 'utf_32'):
        parts = _marked_entry(int(modname[4:]))
    else:
        parts = _plain_entry(modname)
    encode, decode, incenc, incdec, writer, reader = parts
    for cls in (incenc, incdec, writer, reader):
        cls.__module__ = 'encodings.' + modname
        cls.__qualname__ = cls.__name__
    return codecs.CodecInfo(
        name=_NAMES[modname],
        encode=encode,
        decode=decode,
        incrementalencoder=incenc,
        incrementaldecoder=incdec,
        streamwriter=writer,
        streamreader=reader,
    )


def search_function(encoding):

    # Cache lookup
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry

    modname = _codecs._builtin_codec(normalize_encoding(encoding))
    entry = None if modname is None else _entry(modname)

    # Cache the codec registry entry
    _cache[encoding] = entry
    return entry


# Register the search_function in the Python codec registry
codecs.register(search_function)
