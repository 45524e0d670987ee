b = bytearray(b"abcdefgh")
m = memoryview(b)
print(m[0], m[-1], m[2:5].tobytes(), bytes(m[::2]), len(m), m.format, m.itemsize, m.ndim, m.shape, m.strides)
m[1:3] = b"XY"
print(b, m.tobytes(), m.hex(), list(m[:3]))
sub = m[4:]
sub[0] = ord("!")
print(b, sub.tobytes(), m == b, m == b"no")
r = memoryview(b"readonly")
try:
    r[0] = 1
except TypeError as e:
    print(e)
m.release()
try:
    m[0]
except ValueError as e:
    print(e)
with memoryview(b"ctx") as mv:
    print(mv.tobytes())
