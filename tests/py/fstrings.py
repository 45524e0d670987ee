x, y, name = 42, 3.14159, "pyrt"
print(f"{x}", f"{x:5}|", f"{x:<5}|", f"{x:^7}|", f"{x:05}", f"{x:x}", f"{x:#b}", f"{x:,}")
print(f"{y:.2f}", f"{y:10.3f}|", f"{y:e}", f"{name!r}", f"{name:>8}", f"{name!s:*^10}")
print(f"{1234567.891:,.2f}", f"{-5:+}", f"{5:+}", f"{0.25:%}", f"{x=}", f"{x + 1}")
print(format(3.5, ".1f"), format(255, "08b"), format("s", ">3"))
