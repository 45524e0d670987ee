# An int subclass on the right that overrides the reflected method goes first.
class SubInt(int):
    def __radd__(self, o): return "radd"
print(1 + SubInt(2))
x = 1
print(x + SubInt(2))
def f(a, b): return a + b
print(f(1, SubInt(2)))
