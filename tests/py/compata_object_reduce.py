import copyreg

class P:
    pass

p = P()
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (P,), r[2:])
p.x = 1
print(p.__reduce_ex__(4)[2], p.__getstate__())
print(P().__getstate__())
r = p.__reduce_ex__(0)
print(r[0] is copyreg._reconstructor, r[1] == (P, object, None), r[2])
r = p.__reduce__()
print(r[0] is copyreg._reconstructor, r[2])
print(P().__reduce_ex__(1)[0].__name__, len(P().__reduce_ex__(1)))

class S:
    __slots__ = ("a", "b", "__c")
    def __init__(self):
        self.a = 1
        self.__c = 3

s = S()
print(s.__getstate__())
print(s.__reduce_ex__(2)[2])
print(S.__slotnames__)
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print("TypeError:", e)

class SD(S):
    pass

sd = SD()
sd.z = 5
print(sd.__getstate__())

class N:
    def __init__(self, a, b):
        self.a = a
    def __getnewargs__(self):
        return (self.a, 2)

n = N(1, 2)
r = n.__reduce_ex__(2)
print(r[0].__name__, r[1][1:], r[2])

class NE:
    def __getnewargs_ex__(self):
        return ((1,), {"k": 2})

r = NE().__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1][1:], r[2])

class Bad1:
    def __getnewargs__(self):
        return [1]

class Bad2:
    def __getnewargs_ex__(self):
        return (1, 2, 3)

class Bad3:
    def __getnewargs_ex__(self):
        return ([1], {})

class Bad4:
    def __getnewargs_ex__(self):
        return ((), [])

class Bad5:
    def __getnewargs_ex__(self):
        return 5

for c in (Bad1, Bad2, Bad3, Bad4, Bad5):
    try:
        c().__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

class R:
    def __reduce__(self):
        return (R, ())

print(R().__reduce_ex__(2), R().__reduce_ex__(0))

class GS:
    def __getstate__(self):
        return {"custom": 1}

print(GS().__reduce_ex__(2)[2], GS().__reduce_ex__(0)[2])

class L(list):
    pass

r = L([1, 2]).__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is L, r[2], list(r[3]), r[4])

class D(dict):
    pass

d = D(a=1)
d.attr = 2
r = d.__reduce_ex__(2)
print(r[2], r[3], list(r[4]))

def gen():
    yield 1

for o in (gen(), (lambda: 0), copyreg):
    try:
        o.__reduce_ex__(2)
    except TypeError as e:
        print("TypeError:", e)

print(object().__reduce_ex__(2)[1:])
try:
    object().__reduce_ex__(0)
except TypeError as e:
    print("TypeError:", e)

try:
    object.__reduce_ex__(p)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__getstate__(p, 1)
except TypeError as e:
    print("TypeError:", e)

class SN:
    __slotnames__ = 5
try:
    SN().__reduce_ex__(2)
except TypeError as e:
    print("TypeError:", e)

print(copyreg._slotnames(S), copyreg.dispatch_table[complex](1+2j))
copyreg.add_extension("m", "n", 200)
print(copyreg._extension_registry[("m", "n")])
copyreg.remove_extension("m", "n", 200)
try:
    copyreg.add_extension("m", "n", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    copyreg.pickle(int, 5)
except TypeError as e:
    print("TypeError:", e)
print(copyreg.__all__)
for o in (1, 1.5, (1, 2), 's', b'x', 1j, [1], {'a': 1}, True, None, object(), 5 .__class__):
    try:
        r = o.__reduce_ex__(2)
        print(type(o).__name__, r[0].__name__ if hasattr(r[0], '__name__') else r[0], r[1:3] if not isinstance(r, str) else r)
    except Exception as e:
        print(type(o).__name__, type(e).__name__, e)
class I(int): pass
class T(tuple): pass
class F(float): pass
for o in (I(3), T((1,)), F(2.5)):
    try:
        r = o.__reduce_ex__(2)
        print(type(o).__name__, r[1:3])
    except Exception as e:
        print(type(o).__name__, type(e).__name__, e)
class C:
    def __init__(self): self.a = [1]
c = C()
for bad in (1.5, "x", None):
    try:
        P().__reduce_ex__(bad)
    except TypeError as e:
        print("TypeError:", e)
print(P().__reduce_ex__(True)[0].__name__, P().__reduce_ex__(-1)[0].__name__)
print(object.__reduce__ is not None, P.__getstate__ is object.__getstate__)
