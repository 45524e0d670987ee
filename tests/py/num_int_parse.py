# int(str, base) and the int <-> str digit limit
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s, b in [("10", 2), ("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("z", 36), ("Z", 36),
             ("1_000", 10), ("0_0", 0), ("00", 0), ("0x_f", 16), (" -12 ", 10), ("\t+7\n", 0), ("٣", 10), ("0B1", 0), ("10", 0)]:
    print(repr(s), b, int(s, b))
for s, b in [("x", 10), ("", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("09", 0), ("0x", 16), ("12", 2), ("0b2", 0), ("1.5", 10), ("- 1", 10), ("0x1", 10), ("1 2", 10)]:
    check(lambda: int(s, b))
check(lambda: int("1", 1))
check(lambda: int("1", 37))
check(lambda: int("1", -1))
check(lambda: int(1, 2))
check(lambda: int("10", base=2.0))
print(int("10", base=8))
check(lambda: int("x" * 300))
big = "1" * 4300
print(len(str(int(big))))
check(lambda: int("1" * 4301))
check(lambda: str(10**4300))
check(lambda: repr(10**5000))
print(int("1" * 5000, 16) > 0, int("f" * 5000, 16) % 1000)
check(lambda: float("1e5000"))
print(float("1.5"))
