def f(x):
    if x == 3:
        raise ValueError("three")
    return x * 10
m = map(f, range(6))
out = []
try:
    for v in m:
        out.append(v)
except ValueError as e:
    print("stopped:", e, out)
print(list(m))
