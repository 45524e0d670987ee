def two(a, b):
    pass
def kwo(*, key):
    pass
class C:
    def m(self, x):
        pass
tests = [lambda: two(), lambda: two(1), lambda: two(1, 2, 3), lambda: kwo(), lambda: kwo(1), lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(), lambda: two(1, 2, b=3), lambda: two(1, c=2)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def many(a, b, c, d=1):
    pass
try:
    many(1)
except TypeError as e:
    print(e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print(e)
