r = range(100)
print(r[::-1][:3], r[10:50:7], r[-5:], r[::-10], r[200:], r[5:1:-1], list(r[90::3]), range(10, 0, -2)[1:3])
print(len(range(-5, 5, -1)), len(range(5, -5, -1)), range(3)[-1], list(range(0, -3, -1)))
