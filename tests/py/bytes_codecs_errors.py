# bytes.decode / str.encode with the builtin codecs and error handlers
data = b"ok \xc3\xa9 \xff\xfe end \xe2\x82"
for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        print(errors, repr(data.decode("utf-8", errors)))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e, e.start, e.end, e.reason, e.encoding)
for enc in ["ascii", "latin-1", "utf-16-le", "utf-32-be", "UTF8", "Latin1", "us-ascii"]:
    try:
        print(enc, repr(b"A\xe9\x00\x00".decode(enc)))
    except UnicodeDecodeError as e:
        print(enc, "UnicodeDecodeError:", e)
text = "naïve café €5 😀"
for enc in ["utf-8", "latin-1", "ascii", "utf-16", "utf-16-be", "utf-32-le"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, errors, text.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.start, e.end, repr(e.object))
for bad in [b"\x80", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"a\xf0\x9f\x98"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e)
for bad, enc in [(b"a", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xdc", "utf-16-le"), (b"\x00\x00\x11\x00", "utf-32-le")]:
    try:
        bad.decode(enc)
    except UnicodeDecodeError as e:
        print(e)
print("x".encode(), "x".encode(encoding="utf-16-be"), b"\xff\xfea\x00".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00b".decode("utf-32"))
for call in [lambda: b"a".decode("nope"), lambda: "a".encode("rot13x"), lambda: b"\xff".decode("utf-8", "bogus"),
             lambda: "\xe9".encode("ascii", "bogus"), lambda: b"a".decode(1), lambda: "a".encode(errors=2),
             lambda: b"a".decode("utf-8", "bogus")]:
    try:
        print(repr(call()))
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
print(ord(b"A"), ord(bytearray(b"\xff")), bytes("é", "latin-1"), bytearray("€", "utf-8"), bytes("ab", encoding="utf-16-le"))
try:
    ord(b"ab")
except TypeError as e:
    print(e)
# utf-8-sig: the mark is written, skipped when read, and error positions follow it
print("a".encode("utf-8-sig"), b"\xef\xbb\xbfa".decode("utf-8-sig"), b"a".decode("utf_8_sig"), b"\xef\xbb\xbf".decode("utf-8-sig"))
try: b"\xef\xbb\xbfa\xff".decode("utf-8-sig")
except UnicodeDecodeError as e: print(e, e.args)
try: b"a\xff".decode("utf-8-sig")
except UnicodeDecodeError as e: print(e, e.args)
print(b"\xef\xbb\xbfa\xff".decode("utf-8-sig", "replace"))
