# The write paths that take an object's critical section in free-threaded interpreters, run
# hot enough to be specialised: list item stores, instance-value stores, stores into a
# materialised __dict__ (hinted), deletes, __dict__ replacement, and their errors.

class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

def store_items(lst, n):
    for i in range(n):
        lst[i % len(lst)] = i
    return lst

print(store_items([0, 0, 0], 20))
try:
    store_items([], 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
lst = [1, 2]
try:
    for i in range(20):
        lst[i] = i
except IndexError as e:
    print("IndexError", e, lst)

def bump(objs):
    for o in objs:
        o.x = o.x + 1
    return [o.x for o in objs]

ps = [P(i) for i in range(5)]
for _ in range(10):
    bump(ps)
print(bump(ps))

# A materialised dict: the stores go to it (STORE_ATTR_WITH_HINT after specialisation).
q = P(1)
d = q.__dict__
for i in range(20):
    q.x = i
print(d, q.x)
q.z = 3
print(list(d))

# Deletes, then a miss.
r = P(7)
del r.y
print(vars(r))
try:
    del r.y
except AttributeError as e:
    print("AttributeError", e)

# Replacing and deleting __dict__.
s = P(2)
s.__dict__ = {"w": 9}
print(s.w, hasattr(s, "x"))
try:
    s.__dict__ = [1]
except TypeError as e:
    print("TypeError", e)
del s.__dict__
print(vars(s))
s.v = 1
print(vars(s))

# Dict value replacement in a loop, keys version after a change of the key set.
g = {"a": 0, "b": 0}
for i in range(30):
    g["a"] = i
g["c"] = 1
del g["b"]
print(g)
