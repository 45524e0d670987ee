b = b"\x00\x7f\x80\xff"
print(list(b), [hex(x) for x in b], b[0] == 0, b[-1], type(b[0]).__name__, type(b[0:1]).__name__, bytes(reversed(b)))
ba = bytearray(b)
ba[0] += 5
print(ba, sum(ba), max(ba), sorted(ba, reverse=True), 128 in ba, b"\x80" in ba)
