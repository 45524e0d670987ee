print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(2 ** 100)))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, "", None]), any([0, "x"]), all(x > 0 for x in range(1, 4)))
class A:
    def __abs__(self):
        return "custom abs"
print(abs(A()))
try:
    abs("s")
except TypeError as e:
    print(e)
