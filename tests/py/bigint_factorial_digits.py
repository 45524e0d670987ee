def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(500)
s = str(f)
print(len(s), s[:30], s[-30:].rstrip("0") or "zeros", s.count("0"), sum(map(int, s)))
print(f % (10 ** 9 + 7), f // fact(498) == 500 * 499, f.bit_length())
