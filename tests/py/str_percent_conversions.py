# str % args: every conversion, flags, width/precision, '*', mappings.
print("%d %i %u %s %r %a %%" % (42, -7, 3, "s", "r", "é"))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%5.3d" % (42, 42, 42, 42, 42, -42, 7, 7))
print("%x %X %#x %#X %o %#o %08x %-#8x|" % (255, 255, 255, 255, 8, 8, 255, 255))
print("%f %.2f %10.3f %-10.1f| %+.1f %010.2f %.0f %#.0f" % (3.14159, 2.675, -1.5, 1.25, 2.0, -3.14159, 2.5, 2.5))
print("%e %E %.2e %g %G %g %g %.3g %#g %g" % (12345.678, 0.000123, 1e100, 1e-5, 1e-10, 123456789.0, 0.0001, 2.0, 1.0, float("inf")))
print("%s %s %s %.2s %5s %-5s| %r %.3r" % (None, [1, 2], (1,), "abcdef", "ab", "ab", 1.5, "abcdef"))
print("%c%c%c %5c|%-3c|" % (72, "i", 233, "x", 128512))
print("%(name)s is %(age)d, %(name)r %(x)5.1f" % {"name": "Bob", "age": 42, "x": 2.25})
print("%*d|%-*d|%.*f|%*.*f|" % (5, 1, 4, 2, 2, 1.23456, 8, 3, 3.14159), "%*d" % (-4, 7))
print("%d %x %o" % (True, True, False), "%d" % 3.99, "%d" % -3.99, "%i" % 10**20, "%x" % -255, "%.1f" % 10**20)
print("%s" % "single", "%s" % ("tuple",), "%s" % [1], "%s" % {"a": 1}, "" % (), "" % [], "" % {}, "no args" % {})
print("%(a)s %(a)s" % {"a": 1}, "%(a)s" % {"a": 1, "b": 2}, "%(x(y))s" % {"x(y)": 5}, "%ld %hd %Lf" % (1, 2, 3.0))
print("%.3s|%-6.2s|%6s" % ("éèêë", "😀😀😀", "ñ"), "%5.1f%%" % 99.44, "%-+8.2e|" % 12.5, "% .3g" % 0.0001234)
print("%s %s" % (1.0, 1e16), "%r" % 0.1, "%s" % 1e-7, "%.15g" % 0.1, "%.17g" % 0.1, "%g" % 1e16, "%g" % 123456.0)
class Idx(int):
    def __index__(self):
        return 66
print("%c %x %d" % (Idx(), Idx(), Idx()))
for bad in [lambda: "%d" % "x", lambda: "%s %s" % 1, lambda: "%s" % (1, 2), lambda: "%(a)s" % 1, lambda: "%(a)s" % {},
            lambda: "%c" % "ab", lambda: "%c" % 1.5, lambda: "%c" % 0x110000, lambda: "%y" % 1, lambda: "%x" % 1.5,
            lambda: "%*d" % ("a", 1), lambda: "%.*f" % ("x", 1.0), lambda: "%f" % "x", lambda: "%d" % None, lambda: "%d" % [],
            lambda: "%x" % "a", lambda: "%o" % 3.0, lambda: "%s %" % 1, lambda: "%(a" % {"a": 1}, lambda: "%" % (),
            lambda: "%d" % float("inf"), lambda: "%d" % float("nan"), lambda: "%f" % 10**400, lambda: "%(a)s %s" % {"a": 1},
            lambda: "%s" % (), lambda: "" % 1, lambda: "%(a)s" % [1], lambda: "%i" % "3", lambda: "%e" % None, lambda: "%c" % -1]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
