class Idx:
    def __index__(self):
        return 7
class IntLike:
    def __int__(self):
        return 9
class Trunc:
    def __trunc__(self):
        return 3
print(int(IntLike()), [0, 1, 2, 3, 4, 5, 6, 7][Idx()], operator_index if False else "idx", hex(Idx()), range(Idx()))
try:
    int(Trunc())
except TypeError as e:
    print("TypeError", e)
print(int("٣"), int("１２"), int(" 0b_1010 ".strip().replace("_", ""), 0), int("0", 0), int("00", 0))
try:
    int("010", 0)
except ValueError as e:
    print(e)
print(int(1e300) == 10 ** 300, int(-0.9), int("-0"), int.__mro__)
