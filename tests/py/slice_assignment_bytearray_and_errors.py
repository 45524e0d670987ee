ba = bytearray(b"0123456789")
ba[2:5] = b"ab"
ba[::3] = b"XYZ"
print(ba)
try:
    ba[::2] = b"x"
except ValueError as e:
    print(e)
del ba[1::2]
print(ba)
t = (0, 1, 2)
try:
    t[0:1] = (5,)
except TypeError as e:
    print(e)
