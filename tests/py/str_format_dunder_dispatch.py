# str.__format__, object.__format__, user __format__, format() dispatch.
for spec in ["", "s", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "é>6", "^", "0>5"]:
    print(repr(format("héllo", spec)), repr("ab".__format__(spec)))
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
class Q:
    def __str__(self):
        return "q!"
class Bad:
    def __format__(self, spec):
        return 42
print(format(P(), "xyz"), f"{P():abc} {P()}", "{:hi}".format(P()), format(Q()), f"{Q()}", format(None), format([1, 2]))
class MyInt(int):
    pass
class MyStr(str):
    def __str__(self):
        return "custom"
print(format(MyInt(5), "03"), format(MyStr("x")), format(MyStr("x"), ">3"), f"{MyStr('y')}")
for bad in [lambda: format(object(), "x"), lambda: format([], "s"), lambda: format(None, "5"), lambda: format(Q(), "x"),
            lambda: format(Bad()), lambda: format("a", "d"), lambda: format("a", ","), lambda: format("a", "=5"),
            lambda: format("a", "+"), lambda: format("a", " "), lambda: format("a", "#"), lambda: format("a", "z"),
            lambda: "a".__format__(1), lambda: "a".__format__(), lambda: object().__format__(1), lambda: format(MyInt(1), "q"),
            lambda: format("x", "x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
