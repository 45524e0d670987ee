# complex(): numbers, strings, complex arguments, __complex__, keywords and errors
class C:
    def __complex__(self):
        return 2 - 1j
class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 1.5
print(complex(), complex(1), complex(1.5), complex(True), complex(2, 3), complex(2.5, -1), complex(1j), complex(1j, 1j), complex(1, 2j))
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(real=1, imag=2), complex(imag=3), complex(real=4j))
print(complex("1"), complex("-1.5"), complex("2j"), complex("-j"), complex("+J"), complex("1+2j"), complex("1e2-3.5e-1j"), complex(" ( 3+4j ) "))
print(complex("inf"), complex("-infj"), complex("nan+nanj"), complex("1_000+2_0j"), complex("\t5j\n"), complex(10**20), complex(-0.0, -0.0))
c = complex(1, 2)
print(complex(c) is c, type(complex(c)).__name__, repr(complex(0, 0)), repr(complex(-0.0, 0)), repr(complex(0, -0.0)), repr(complex(1e16, 1e-5)))
for arg in [[1], None, "1+", "1 + 2j", "j1", "", "()", "(1", "1)", "1jj", "1e", "--1", "1__0"]:
    try:
        print(complex(arg))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for call in [lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex(1, [2]), lambda: complex(1, 2, 3),
             lambda: complex(x=1), lambda: complex(Bad()), lambda: complex(10**400), lambda: complex("1", imag=2)]:
    try:
        print(call())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(format(1 + 2j), format(1 + 2j, "<12"), format(-1.5 - 0.25j, ".1e"), f"{3j:>8.2f}|", f"{complex(1, 1):g}", str(1j), repr(2j))
