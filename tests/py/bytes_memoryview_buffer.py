# memoryview over bytes and bytearray: views share the buffer and block resizing
base = bytearray(b"abcdefgh")
m = memoryview(base)
half = m[::2]
print(half.tobytes(), half.tolist(), len(half), half.nbytes, half.strides, half.shape, half.contiguous, m.contiguous)
half[1] = ord("C")
m[-1] = 72
m[2:4] = b"XY"
print(base, m.tobytes(), half.tobytes(), bytes(m[1:3]), m[1:3].tolist(), m[::-1].tobytes())
try:
    base.append(0)
except BufferError as e:
    print("BufferError:", e)
try:
    base += b"x"
except BufferError as e:
    print("BufferError:", e)
base[0] = 122
print(m[0], m.obj is base, m.readonly, m.format, m.itemsize, m.ndim, m == base, m == b"zbXYeCgH", m != b"", m.hex(), m.hex(":"))
m.release()
half.release()
base.append(33)
print(base, repr(m)[:16])
with memoryview(b"ctx") as v:
    print(v.tobytes(), v.readonly, hash(v) == hash(b"ctx"), list(v), v[-1], v[:0].tobytes(), v.toreadonly().readonly)
def setitem(view, key, value):
    view[key] = value
def delitem(view, key):
    del view[key]
def set_pair(view, value):
    view[0:2] = value
for call in [lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: v.obj, lambda: v.nbytes,
             lambda: setitem(memoryview(b"ro"), 0, 1), lambda: delitem(memoryview(base), 0),
             lambda: setitem(memoryview(base), 0, b"x"), lambda: setitem(memoryview(base), 0, 300),
             lambda: set_pair(memoryview(base), b"xyz"), lambda: memoryview(b"ab")[5],
             lambda: memoryview(b"ab")["k"], lambda: memoryview("str"), lambda: memoryview(),
             lambda: hash(memoryview(base)), lambda: memoryview(b"a") < memoryview(b"b")]:
    try:
        print(repr(call()))
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(v == v, v == b"ctx", bytes(memoryview(memoryview(b"nest"))[1:]))
