r = range(20)
print(r[::5], r[3:17:4], r[::-7], list(r[-3::-6]))
t = tuple(range(10))
print(t[::3], t[7:2:-2], t[-1:-4:-1], t[::-1][:3])
