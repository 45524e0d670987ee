nested = []
cur = nested
for _ in range(30000):
    new = []
    cur.append(new)
    cur = new
try:
    repr(nested)
    print("repr ok")
except RecursionError as e:
    print("RecursionError", e)
a = []
b = a
for _ in range(30000):
    b = [b]
c = []
d = c
for _ in range(30000):
    d = [d]
try:
    print(b == d)
except RecursionError as e:
    print("RecursionError", e)
