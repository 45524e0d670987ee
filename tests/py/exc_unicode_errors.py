try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError))
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(e, e.object, e.start, e.end)
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
