def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
a = 2 ** 200 * 3 ** 50 * 7
b = 2 ** 150 * 3 ** 80 * 11
g = gcd(a, b)
print(g, g == 2 ** 150 * 3 ** 50, a // g, b // g)
def ext(a, b):
    if b == 0:
        return a, 1, 0
    d, x, y = ext(b, a % b)
    return d, y, x - (a // b) * y
d, x, y = ext(10 ** 30 + 7, 10 ** 20 + 3)
print(d, x, y, (10 ** 30 + 7) * x + (10 ** 20 + 3) * y)
