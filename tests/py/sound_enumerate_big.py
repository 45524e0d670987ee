# enumerate past the word-sized counter: the start is converted to an exact int (an int
# subclass's `__add__` is never called), and the counter cell is not borrowed while it steps.


class I(int):
    def __add__(self, o):
        print("I.__add__ called")
        if int(self) % 3 == 0:
            print("reentrant", next(e))
        return I(int(self) + o)


e = enumerate("abcdefgh", start=I(2**70))
print([(i - 2**70, type(i).__name__, x) for i, x in e])
e = enumerate("abc", start=2**63 - 2)
print([(i, x) for i, x in e])
e = enumerate("abc", start=I(5))
print([(i, type(i).__name__, x) for i, x in e])


class Idx:
    def __index__(self):
        return 2**64


print(list(enumerate("xy", Idx())))
try:
    enumerate("xy", 1.5)
except TypeError as e:
    print("TypeError:", e)
