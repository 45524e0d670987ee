# UnicodeDecodeError / UnicodeEncodeError: args, repr, str from the fields, assigned fields
for f in [lambda: b"\xff".decode(), lambda: "\xe9\xe9".encode("ascii"), lambda: b"\xe2\x82".decode(),
          lambda: "\u20ac".encode("latin-1"), lambda: "a\U0001f600".encode("ascii"), lambda: b"ab\x80".decode("ascii")]:
    try:
        f()
    except UnicodeError as e:
        print(repr(e), e.args, str(e), e.encoding, repr(e.object), e.start, e.end, e.reason)
        e.start = 5
        e.reason = "changed"
        print(e, e.args, e.start)
e = UnicodeDecodeError("x-codec", b"ab", 0, 2, "why")
print(e, repr(e), e.object, isinstance(e, ValueError), isinstance(e, UnicodeError))
e = UnicodeEncodeError("enc", "\u1234z", 0, 1, "because")
print(e, repr(e))
try:
    raise UnicodeDecodeError("utf-8", b"\xc3(", 0, 1, "invalid continuation byte")
except ValueError as err:
    print(type(err).__name__, err)
b"ok \xfe".decode()
