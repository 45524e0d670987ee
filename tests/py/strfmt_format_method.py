print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{name}-{n:03d}".format(name="k", n=7))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "m"), "{:,}".format(1234567.891), "{:.2%}".format(0.4567))
print("{0[1]} {0[key]}".format({1: "one", "key": "kv"}), "{0.real} {0.imag}".format(3 + 4j), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{{literal}}".format(), "{:#b} {:#o} {:#x}".format(5, 8, 255))
print("{:=+8d}|{:=8.2f}".format(42, -3.5), "{:08.3f}".format(-3.14159), "{:n}".format(1234))
for bad in ["{", "}", "{0} {}", "{:d}", "{x}", "{1}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
