# CALL_LIST_APPEND: `lst.append(x)` on lists and list subclasses, its result used or dropped,
# and misses: another receiver type, an overriding subclass, a rebound `append`, bad calls.


class MyList(list):
    pass


class Deque:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.insert(0, x)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


class Loud(list):
    def append(self, x):
        super().append(("loud", x))


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target


print(fill([], 70)[-3:])
print(type(fill(MyList(), 70)).__name__, fill(MyList(), 70)[-2:])
print(fill(Loud(), 70)[-2:])
print(list(fill(Deque(), 70))[-2:])


def used(lst, n):
    out = []
    for i in range(n):
        r = lst.append(i)
        out.append(r)
    return out[-2:], len(lst)


print(used([], 70))


# Mixed receivers at one site.
def mixed(objs):
    for o in objs:
        o.append(1)
    return [len(o) if not isinstance(o, set) else o for o in objs[:3]]


print(mixed([[], MyList(), Deque()] * 30))


# A list whose items run code when dropped.
class Noisy:
    log = []

    def __init__(self, k):
        self.k = k

    def __del__(self):
        Noisy.log.append(self.k)


def noisy(n):
    box = []
    for i in range(n):
        box.append(Noisy(i))
    del box
    return len(Noisy.log)


print(noisy(70))


# Unbound `list.append` calls (no receiver on the stack) and errors.
def unbound(n):
    lst = []
    for i in range(n):
        list.append(lst, i)
    return len(lst)


print(unbound(70))


def errors(n):
    lst = []
    msgs = set()
    for i in range(n):
        try:
            if i == n - 1:
                lst.append()
            elif i == n - 2:
                lst.append(1, 2)
            elif i == n - 3:
                lst.append(x=1)
            else:
                lst.append(i)
        except TypeError as e:
            msgs.add(str(e))
    return len(lst), sorted(msgs)


print(errors(70))


# The list grows while being iterated elsewhere; `append` on itself.
def self_append(n):
    lst = [0]
    for i in range(n):
        lst.append(lst)
    return len(lst), lst[-1] is lst


print(self_append(70))


# A rebound `append` in the class body after specialisation.
class Grow(list):
    pass


def grow(g, n):
    for i in range(n):
        g.append(i)
    return g[-1]


g = Grow()
print(grow(g, 70))
Grow.append = lambda self, x: list.append(self, -x)
print(grow(g, 3))
