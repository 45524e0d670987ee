import codecs

dec = codecs.getincrementaldecoder("utf-8")()
data = "h\xe9\u20ac\U0001f600!".encode("utf-8")
print([dec.decode(data[i:i + 1]) for i in range(len(data))], dec.decode(b"", final=True))
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe2\x82")), dec.getstate())
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
dec.reset()
print(dec.getstate(), dec.decode(b"ok"))
dec = codecs.getincrementaldecoder("utf-8")("replace")
print(repr(dec.decode(b"a\xffb\xe2")), repr(dec.decode(b"\x28", final=True)))
enc = codecs.getincrementalencoder("utf-8")()
print(enc.encode("h\xe9"), enc.encode("\u20ac", final=True))
for name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig", "latin-1", "ascii"):
    e = codecs.getincrementalencoder(name)()
    first = "ab" if name == "ascii" else "a\xe9"
    second = "x" if name in ("latin-1", "ascii") else "\U0001f600"
    chunks = [e.encode(first), e.encode(second, final=True)]
    d = codecs.getincrementaldecoder(name)()
    joined = b"".join(chunks)
    out = [d.decode(joined[i:i + 1]) for i in range(len(joined))]
    print(name, chunks, out, repr(d.decode(b"", final=True)))
d = codecs.getincrementaldecoder("utf-16")()
try:
    d.decode(b"ab")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(list(codecs.iterdecode([b"\xc3", b"\xa9", b"x"], "utf-8")), list(codecs.iterencode(["a", "\xe9"], "utf-16-le")))
print(codecs.utf_8_decode(b"ab\xe2\x82", None, False), codecs.utf_8_decode(b"ab\xe2\x82", "replace", True))
print(codecs.utf_16_le_decode(b"a\x00b"), codecs.utf_16_be_decode(b"\xd8\x3d", "strict", False), codecs.utf_32_decode(b"\xff\xfe\x00\x00a\x00\x00\x00b"))
print(codecs.latin_1_encode("\xe9x"), codecs.ascii_decode(b"abc"), codecs.utf_16_encode("a"), codecs.utf_32_be_encode("a"))
try:
    codecs.utf_8_encode(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.latin_1_decode("x")
except TypeError as e:
    print("TypeError:", e)
print(codecs.lookup("utf-8").incrementaldecoder.__module__, codecs.lookup("utf-16").incrementalencoder.__name__)
print(codecs.encode("\u20ac", "unicode_escape"), codecs.decode(b"\\u20ac\\n", "unicode-escape"), codecs.decode(b"\xe9\\u20ac", "raw_unicode_escape"))
