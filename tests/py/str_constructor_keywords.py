# str() with object/encoding/errors keywords and its argument errors; str(s) is s.
class WithStr:
    def __str__(self):
        return "custom"
class BadStr:
    def __str__(self):
        return 42
s = "text"
print(str(object=5), repr(str()), repr(str(encoding="utf-8")), repr(str(errors="strict")), str([1, "a"]), str(WithStr()))
print(str(s) is s, str(object=s) is s, type(str(True)).__name__, str(None), str(1.5), str(-0.0), str(10**20))
for f in [lambda: str(x=1), lambda: str(1, 2, 3, 4), lambda: str(5, "utf-8"), lambda: str(object=1, encoding="x"),
          lambda: str(1, object=2), lambda: str(BadStr()), lambda: str(1, errors="strict")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
