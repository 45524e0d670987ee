data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
buf = iter(["a", "b", ""])
while (chunk := next(buf)):
    print("chunk", chunk)
def f():
    if (v := 10) > 5:
        return v
print(f())
print((z := 5), z)
vals = {k: (s := k * 2) for k in range(3)}
print(vals, s)
