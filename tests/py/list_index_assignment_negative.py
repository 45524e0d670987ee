a = [0] * 5
a[-1] = "last"
a[-5] = "first"
print(a)
try:
    a[-6] = 1
except IndexError as e:
    print(e)
try:
    a[5] = 1
except IndexError as e:
    print(e)
a[1:-1] = []
print(a)
