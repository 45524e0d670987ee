print(complex("1"), complex("j"), complex("-j"), complex("1e3+2.5e-1j"), complex(" 3-4J "), complex(1, 2j), complex(1j, 1j))
for bad in ["1+", "j1", "1 + 2j", "", "(1+2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    complex("1", 2)
except TypeError as e:
    print(e)
class C:
    def __complex__(self):
        return 5j
print(complex(C()), hash(complex(1, 0)) == hash(1), hash(2j) == hash(2j))
