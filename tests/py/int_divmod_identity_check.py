ok = True
for a in range(-50, 51, 7):
    for b in [-7, -3, -1, 1, 3, 7, 2 ** 65, -(2 ** 65)]:
        q, r = divmod(a, b)
        if q * b + r != a or (r and (r < 0) != (b < 0)):
            ok = False
            print("bad", a, b, q, r)
print("divmod identity holds:", ok)
print(divmod(-(2 ** 100), 7), divmod(2 ** 100, -7), divmod(-(2 ** 100), -(2 ** 50)))
