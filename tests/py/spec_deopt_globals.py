# Global and builtin loads that were specialised, then invalidated.
counter = 0


def read_counter():
    return counter


def use_len(x):
    return len(x)


print([read_counter() for _ in range(3)])
counter = 5
print([read_counter() for _ in range(3)])
print([use_len("abc") for _ in range(3)])


# A global shadows the builtin after specialisation.
def len(x):
    return "shadowed " + str(x)


print(use_len("abc"))
print(use_len("abc"))
del len
print(use_len("abcd"))

# A new global appears between a builtin load and its next execution.
def which():
    return abs(-3)


print([which() for _ in range(3)])
abs = lambda v: "my abs"
print(which())
del abs
print(which())

# The global goes away entirely.
del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
