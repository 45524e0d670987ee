# A `global x` in a function hides an enclosing function's `x` from the functions nested in it
# (test_scope.testScopeOfGlobalStmt): they read the module's `x`, and no cell is made for it.
x = 7


def f1():
    x = 1

    def g():
        global x

        def i():
            def h():
                return x

            return h()

        return i()

    return g()


print("I", f1(), x)


def f2():
    x = 1

    def g():
        x = 2

        def i():
            def h():
                return x

            return h()

        return i()

    return g()


print("II", f2(), x)


def f3():
    x = 1

    def g():
        global x
        x = 2

        def i():
            def h():
                return x

            return h()

        return i()

    return g()


print("III", f3(), x)


def f4():
    x = 3

    def g():
        global x
        x = 4

        def i():
            return [x for _ in range(2)], (lambda: x)()

        return i()

    return g(), x


print("IV", f4(), x)


def f5():
    x = 5

    def g():
        global x

        def i():
            nonlocal_ok = x
            return nonlocal_ok

        return i

    return g()


fn = f5()
print("V", fn(), fn.__code__.co_freevars, f5.__code__.co_cellvars)

x = 12


class Global:
    global x
    x = 13

    def set(self, val):
        x = val

    def get(self):
        return x


g = Global()
print("class", g.get(), x)
g.set(15)
print("class", g.get(), x)


try:
    exec(compile("def outer():\n    y = 1\n    def mid():\n        global y\n        def inner():\n            nonlocal y\n            return y\n        return inner()\n    return mid()\n", "<s>", "exec"))
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
