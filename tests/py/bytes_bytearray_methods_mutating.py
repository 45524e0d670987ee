ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba.remove(ord("o"))
print(ba, ba.count(b"l"), ba.index(b"w"))
ba.clear(); print(ba, len(ba))
ba = bytearray(b"abc"); ba *= 3; print(ba)
ba[::2] = b"XXXXX"; print(ba)
del ba[::3]; print(ba)
c = ba.copy(); c.append(33); print(ba, c)
try:
    ba.remove(200)
except ValueError as e:
    print(e)
try:
    bytearray(b"x").pop(5)
except IndexError as e:
    print(e)
print(bytearray(b"a b").split(), bytearray(b"ab").join([b"1", b"2"]), type(bytearray(b"ab").join([b"1"])).__name__)
