# The order finalizers run in when containers release their items (CPython: lists and tuples
# last first, slices as list_ass_slice / list_ass_subscript release them, dicts first first).
class T:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
l = [T(1), T(2), T(3)]
del l
print("--")
l = [T(1), T(2), T(3)]
l[:] = []
print("--")
l = [T(1), T(2), T(3)]
del l[:]
print("--")
d = {1: T(1), 2: T(2)}
d.clear()
print("--")
t = (T(1), T(2))
del t
print("--")
l = [T(i) for i in range(6)]
del l[::2]
print("--")
l[::-1] = [T(7), T(8), T(9)]
print("--")
l[1:3] = [T(10)]
print("--")
l.pop()
print("--")
del l
