# bytearray mutation: items, slices, extended slices, in-place operators, methods
a = bytearray(b"0123456789")
a[0] = 65
a[-1] = ord("Z")
a[1:3] = b"xyz"
del a[5]
a[::3] = b"...."
print(a, len(a))
del a[::2]
print(a)
a[2:2] = [33, 34]
a[len(a):] = bytearray(b"END")
print(a)
a += b"+"
a += bytearray(b"!")
a *= 2
print(a, a.pop(), a.pop(0), a)
a.append(10)
a.extend(b"ab")
a.extend([1, 2])
a.extend(range(3))
a.insert(0, 35)
a.insert(-1, 36)
a.insert(100, 37)
a.remove(10)
print(a)
a.reverse()
c = a.copy()
a.clear()
print(a, c, c is not a, a == bytearray(), bytearray(b"ab") == b"ab", bytearray(b"ab") < b"b", b"ab" + bytearray(b"c"))
b = bytearray(b"abc")
b[1:2] = b""
b[0:0] = (120,)
print(b, b * 2, 2 * b, b[1], b[::-1], b[5:], bytearray(b"x") * 0, bytearray(b"x") * -1)
def setitem(key, value):
    b[key] = value
def delitem(key):
    del b[key]
def set_extended(value):
    b[0:3:2] = value
def set_head(value):
    b[0:1] = value
for call in [lambda: setitem(0, 256), lambda: setitem(0, b"x"), lambda: setitem(10, 1),
             lambda: delitem(10), lambda: set_extended(b"xyz"), lambda: set_head(5),
             lambda: set_head("s"), lambda: setitem("k", 1), lambda: b.append(-1),
             lambda: b.append("a"), lambda: b.extend(5), lambda: b.extend("abc"), lambda: b.remove(200),
             lambda: bytearray().pop(), lambda: b.pop(10), lambda: b.insert(0, 999), lambda: hash(b), lambda: b["x"],
             lambda: b[99]]:
    try:
        print(call())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(b)
