handlers = {}
for name in ["a", "b", "c"]:
    handlers[name] = lambda: name
print({k: v() for k, v in handlers.items()})
def bind(n):
    return lambda: n
fixed = {name: bind(name) for name in "xyz"}
print({k: v() for k, v in fixed.items()})
gens = [(lambda: j) for j in range(3)]
print([g() for g in gens])
def outer():
    fs = []
    for k in range(3):
        def f(k=k):
            return k * 10
        fs.append(f)
    k = 99
    return [f() for f in fs]
print(outer())
i = 0
while i < 3:
    def w():
        return i
    i += 1
print(w())
