# Builtin class methods called often enough to be specialised keep their class argument.
for _ in range(6):
    r = (dict.fromkeys("ab"), float.fromhex("0x1p1"), bytes.fromhex("41"), int.from_bytes(b"\x01\x00", "little"))
print(r)
class D(dict):
    pass
for _ in range(6):
    d = D.fromkeys([1, 2], 0)
print(type(d).__name__, d)
