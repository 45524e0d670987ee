print(True, False, True + True, True * 10, False - 1, True / 1, int(True), float(False), str(True), repr(False))
print(True == 1, False == 0, True is True, isinstance(True, int), hash(True), hash(False), True & False, True | False, True ^ True, ~True, -True)
print(bool("False"), bool(0.0), type(True).__name__, True.real, True.bit_length(), f"{True:d}", f"{False:>6}", f"{True}")
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(e)
print(sum([True, True, False]), sorted([True, False, 0, 1]), max(False, 0), {True: "a", 1: "b"})
