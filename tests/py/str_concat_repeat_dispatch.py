# str + and * with reflected operands, identity results (s * 1, "" + s, s[:]) and the sequence messages.
class R:
    def __rmul__(self, o):
        return "rmul:" + o
    def __radd__(self, o):
        return "radd:" + o
class L:
    def __mul__(self, o):
        return NotImplemented
class MyInt(int):
    def __mul__(self, o):
        return NotImplemented
print("ab" * R(), "ab" + R(), "ab" * MyInt(2), MyInt(3) * "x", True * "ab", "" + "x", "x" + "", "-".join(["only"]))
s = "abc"
print(s * 1 is s, "" + s is s, s + "" is s, "-".join([s]) is s, s.strip() is s, s.replace("z", "y") is s, s[:] is s)
for f in [lambda: "a" * 1.5, lambda: 1.5 * "a", lambda: "a" * L(), lambda: L() * "a", lambda: "a" * [], lambda: [] * "a", lambda: "a" + 1,
          lambda: "a" + None, lambda: None + "a", lambda: "a" * None, lambda: "a" + L()]:
    try:
        print(f())
    except TypeError as e:
        print(e)
