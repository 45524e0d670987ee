# Unpacking, list(), tuple() and star-expansion iterate a list or tuple subclass through its
# own __iter__ (only exact lists and tuples are copied directly).
class U(list):
    def __iter__(self):
        return iter(['x', 'y'])

class T(tuple):
    def __iter__(self):
        return iter(('p', 'q'))

a, b = U([1, 2])
print(a, b)
print(list(U([1, 2])), [*U([1, 2])], tuple(U([1, 2])))
c, *d = T((1, 2, 3))
print(c, d)
print(list(T((1, 2, 3))), [*T((1, 2, 3))], tuple(T((1, 2, 3))))
class Plain(list):
    pass
e, f = Plain([5, 6])
print(e, f, list(Plain([7, 8])), [*Plain([9])])
print(sorted(U([3, 1])), sorted(set(U([1]))), dict.fromkeys(T((1,))))
