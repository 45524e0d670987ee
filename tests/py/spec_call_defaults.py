# Positional calls filled up from defaults (the frame is entered without a binding pass).


def scale(x, k=2, off=0):
    return x * k + off


print([scale(i) for i in range(4)])
print([scale(i, 10) for i in range(3)], [scale(i, 1, 5) for i in range(3)])
print(scale(1, off=7), scale(x=3))

adders = [lambda x, i=i: x + i for i in range(5)]
print([a(100) for a in adders])


class Greeter:
    def __init__(self, name, punct="!"):
        self.name = name
        self.punct = punct

    def greet(self, greeting="hello", times=1):
        return (greeting + " " + self.name + self.punct) * times


g = Greeter("bob")
print([g.greet() for _ in range(3)], g.greet("hi"), g.greet("yo", 2))
print([Greeter(n).punct for n in "ab"], Greeter("c", "?").greet())

# Another function with other defaults reaches the same call site.
def call(fn, x):
    return fn(x)


print([call(scale, i) for i in range(3)], call(lambda v, w=5: v - w, 1), call(abs, -4))


def need_two(a, b, c=0):
    return a + b + c


for i in range(3):
    need_two(1, 2)
try:
    need_two(1)
except TypeError as e:
    print("TypeError:", e)
try:
    need_two(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
