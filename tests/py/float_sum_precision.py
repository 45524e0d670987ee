xs = [0.1] * 10 + [1e100, 1.0, -1e100]
print(sum(xs), sum(sorted(xs)), sum([1e16, 1.0, -1e16]))
acc = 0.0
for i in range(1, 1001):
    acc += 1.0 / i
print(acc, repr(acc))
v = 1.0
for _ in range(60):
    v /= 3
print(v, v * 3 ** 60)
