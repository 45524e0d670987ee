class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "StrOnly!"
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], f"{b}", f"{b!r}", r, [r], str(r), StrOnly(), "%s %r" % (b, b))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
print(repr(StrOnly()).startswith("<__main__.StrOnly object at"))
