data = [(1, ("a", [10, 20])), (2, ("b", [30, 40]))]
for n, (letter, [first, second]) in data:
    print(n, letter, first + second)
(a, b), (c, *d) = "xy", range(4)
print(a, b, c, d)
x = [0, 0, 0]
x[0], x[2] = "first", "last"
print(x)
class O:
    pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
d = {}
d["k"], d["j"] = divmod(17, 5)
print(d)
