s = "0123456789ABCDEF"
for start, stop, step in [(None, None, 2), (1, None, 3), (None, None, -3), (14, 2, -4), (-1, -8, -2), (3, 3, 1), (10, 2, 1), (None, 5, -1)]:
    print(start, stop, step, s[start:stop:step])
u = "αβγδεζηθ"
print(u[::2], u[::-1], u[2:-2], u[-3:], u[1:7:2])
