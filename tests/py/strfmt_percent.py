print("%d %i %5d %-5d| %05d %+d % d" % (1, 2, 3, 4, 5, 6, 7))
print("%x %X %#x %#o %o %e %E %f %F %g %G" % (255, 255, 255, 8, 8, 1234.5, 0.00012, 1.5, 2.5, 1e-7, 1e20))
print("%s %r %a %c %c %%" % ("s", "r", "é", 65, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%.3s" % "abcdef", "%*d" % (6, 42), "%-*.*f|" % (10, 2, 3.14159))
print("%5.1f%%" % 99.44, "%.0f" % 0.5, "%.0f" % 1.5, "%10.4e" % 12345.678)
for bad in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(a)s", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
