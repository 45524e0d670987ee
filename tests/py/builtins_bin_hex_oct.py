for v in [0, 1, -1, 255, -256, 2 ** 70, -(2 ** 65)]:
    print(bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 42
print(bin(I()), hex(I()), oct(I()))
try:
    hex(1.5)
except TypeError as e:
    print(e)
