# printf-style formatting of bytes and bytearray
print(b"%d|%5d|%-5d|%05d|%+d" % (42, 42, 42, 42, 42), b"%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print(b"%s and %b" % (b"bytes", bytearray(b"array")), b"%r %a" % ("str", "\xe9"), b"%c%c%c" % (72, b"i", 33))
print(b"%.2f %e %g %10.3f|" % (3.14159, 1234.5, 0.0001, 2.5), b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, b"100%%" % ())
print(bytearray(b"%s-%s") % (b"a", b"b"), b"%s" % memoryview(b"mv"), b"%5s|%-5s|" % (b"ab", b"cd"), b"%.1s" % b"xyz")
class B:
    def __bytes__(self):
        return b"dunder"
print(b"[%s]" % B(), b"%i" % 3.9, b"%d" % True)
for call in [lambda: b"%s" % "text", lambda: b"%d" % b"x", lambda: b"%c" % 256, lambda: b"%c" % "a", lambda: b"%s %s" % b"x",
             lambda: b"%s" % (b"a", b"b"), lambda: b"%y" % 1, lambda: b"%(k)s" % {"k": 1}, lambda: b"%" % ()]:
    try:
        print(call())
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
