# sizes asked for by Python code that cannot be allocated raise MemoryError
for f in [lambda: bytes(10**15), lambda: bytearray(10**15), lambda: b"ab" * 10**15, lambda: b"a".center(10**15),
          lambda: b"a".zfill(10**15), lambda: (1).to_bytes(10**15),
          lambda: b"a".ljust(10**15), lambda: bytes(2**62)]:
    try:
        print(len(f()))
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
x = bytearray(b"ab")
try:
    x *= 10**15
except MemoryError as e:
    print("MemoryError", e, x)
