print(1 in [1, 2], 3 in (1, 2), "a" in "cat", "ca" in "cat", 1 in {1: 2}, 2 in {1: 2}, 1 in {1}, 5 in range(10), 10 in range(10))
class Cont:
    def __contains__(self, x):
        print("contains", x)
        return x == 42
print(42 in Cont(), 1 not in Cont())
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 9 in IterOnly())
try:
    1 in 5
except TypeError as e:
    print(e)
try:
    1 in "abc"
except TypeError as e:
    print(e)
nan = float("nan")
print(nan in [nan], nan == nan)
