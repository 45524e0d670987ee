def make():
    return {name: (lambda n=name: n.upper()) for name in ["a", "b"]}
print({k: v() for k, v in make().items()})
def counter_table(n):
    return [[(lambda r=r, c=c: r * c) for c in range(n)] for r in range(n)]
print([[f() for f in row] for row in counter_table(3)])
total = 0
values = [total := total + v for v in [1, 2, 3, 4]]
print(values, total)
print([[x for x in range(y)] for y in range(4)])
