# Widths, counts and tab sizes too big to allocate raise MemoryError/OverflowError, never abort.
big = 10**15
for f in [lambda: "a".center(big), lambda: "a".ljust(big, "é"), lambda: "a".rjust(big), lambda: "a".zfill(big),
          lambda: format(1, str(big)), lambda: format("a", str(big)), lambda: format(1.5, str(big)), lambda: format(1, "<" + str(big) + ","),
          lambda: "%" + str(big) + "d" % 1 if False else ("%" + str(big) + "d") % 1, lambda: ("%-" + str(big) + "s") % "x",
          lambda: "%*s" % (big, "x"), lambda: "{:{}}".format(1, big), lambda: "\t\t".expandtabs(big), lambda: "ab" * big,
          lambda: big * "ab", lambda: 2**62 * "ab", lambda: "%.3000000000d" % 1, lambda: format(1.5, ".3000000000f"), lambda: "x".replace("x", "y" * 10**6) == "y" * 10**6]:
    try:
        print(len(f()))
    except Exception as e:
        print(type(e).__name__, repr(e))
print("still running")
