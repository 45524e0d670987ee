def f(a):
    x = a * 2
    return sorted(locals().items())
for i in range(100):
    r = f(i)
print(r)
def g():
    return [dir(), vars().get('y', 0)]
for i in range(100):
    r = g()
print(r)
class A:
    def m(self): return 1
class B(A):
    def m(self): return super().m() + 1
for i in range(100):
    r = B().m()
print(r, len(globals()) > 3)
