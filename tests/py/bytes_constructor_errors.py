print(bytes(), bytes(0), bytes(b"x"), bytes("abc", "ascii"), bytes([1, 2]), bytes(bytearray(b"q")), bytes(range(3)), bytes(memoryview(b"m")))
for args in [("abc",), (-1,), ([1, -1],), (1.5,), (["a"],), ("x", "nope")]:
    try:
        bytes(*args)
    except (TypeError, ValueError, LookupError) as e:
        print(args, type(e).__name__, e)
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()))
