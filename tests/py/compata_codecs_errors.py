import codecs

def repl(exc):
    print("handler got", type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ("<%d>" % len(exc.object[exc.start:exc.end]), exc.end)
    return ("[%s]" % exc.object[exc.start:exc.end].hex(), exc.end)

codecs.register_error("mine", repl)
print(codecs.lookup_error("mine") is repl)
print("aé€b".encode("ascii", "mine"))
print("aé€b".encode("latin-1", "mine"))
print(b"a\xff\xfeb".decode("utf-8", "mine"))
print(b"a\x80b".decode("ascii", "mine"))
print(codecs.encode("x\udc80y", "utf-8", "mine"))
print(codecs.decode(b"\xff", "utf-16-le", "mine"))

def as_bytes(exc):
    return (b"??", exc.end)
codecs.register_error("rawbytes", as_bytes)
print("a\u20acb".encode("ascii", "rawbytes"))

def skip_back(exc):
    return ("", -1)
codecs.register_error("lastonly", skip_back)
print(b"\xffabc".decode("ascii", "lastonly"))

def bad_shape(exc):
    return "nope"
codecs.register_error("badshape", bad_shape)
for data, enc in ((b"\xff", "utf-8"), ("\xff", "ascii")):
    try:
        data.decode(enc, "badshape") if isinstance(data, bytes) else data.encode(enc, "badshape")
    except TypeError as e:
        print("TypeError:", e)

def far(exc):
    return ("", 100)
codecs.register_error("far", far)
try:
    b"\xff".decode("utf-8", "far")
except IndexError as e:
    print("IndexError:", e)

def nonascii(exc):
    return ("\xe9", exc.end)
codecs.register_error("nonascii", nonascii)
try:
    "\u20ac".encode("ascii", "nonascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)

def raises(exc):
    raise ValueError("from handler")
codecs.register_error("raises", raises)
try:
    b"\xff".decode("utf-8", "raises")
except ValueError as e:
    print("ValueError:", e)

try:
    b"\xff".decode("utf-8", "unregistered")
except LookupError as e:
    print("LookupError:", e)

for name in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"):
    h = codecs.lookup_error(name)
    e = UnicodeEncodeError("utf-8", "a\udc80\u20acb", 1, 3, "bad")
    try:
        print(name, h(e))
    except Exception as x:
        print(name, type(x).__name__, x)
    d = UnicodeDecodeError("utf-8", b"a\xed\xa0\x80\xffb", 1, 4, "bad")
    try:
        print(name, h(d))
    except Exception as x:
        print(name, type(x).__name__, x)
try:
    codecs.ignore_errors(ValueError("x"))
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.strict_errors("notexc")
except TypeError as e:
    print("TypeError:", e)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM, codecs.BOM_UTF16, codecs.BOM_UTF32, codecs.BOM_LE, codecs.BOM_BE)
print(codecs.getencoder("utf-16-le")("hi"), codecs.getdecoder("latin-1")(b"\xe9t\xe9"))
print(codecs.getencoder("utf-8").__name__, codecs.getdecoder("ascii").__name__)
try:
    codecs.getencoder("nope")
except LookupError as e:
    print("LookupError:", e)

def search(name):
    if name == "rot_x":
        return codecs.CodecInfo(lambda s, errors="strict": (s[::-1].encode(), len(s)),
                                lambda b, errors="strict": (bytes(b)[::-1].decode(), len(b)), name="rot-x")
    return None
codecs.register(search)
print(codecs.encode("abc", "rot-x"), codecs.decode(b"abc", "ROT X"), codecs.lookup("rot_x").name)
print(repr(codecs.lookup("rot_x")).split(" at ")[0])
codecs.unregister(search)
try:
    codecs.lookup("rot_x")
except LookupError as e:
    print("LookupError:", e)
def bad_search(name):
    return (1, 2)
codecs.register(bad_search)
try:
    codecs.lookup("zzz")
except TypeError as e:
    print("TypeError:", e)
