# set/frozenset error messages
s = {1}
def attempt(expr, f):
    try:
        r = f()
        print(expr, "->", repr(r))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

attempt('s.add()', lambda: s.add())
attempt('s.add(1, 2)', lambda: s.add(1, 2))
attempt('s.pop(1)', lambda: s.pop(1))
attempt('s.remove([])', lambda: s.remove([]))
attempt('s.remove(5)', lambda: s.remove(5))
attempt('set().pop()', lambda: set().pop())
attempt('set(1, 2)', lambda: set(1, 2))
attempt('set(a=1)', lambda: set(a=1))
attempt('frozenset(a=1)', lambda: frozenset(a=1))
attempt('frozenset(1, 2)', lambda: frozenset(1, 2))
attempt('s.union(1)', lambda: s.union(1))
attempt('s | [1]', lambda: s | [1])
attempt('s < [1]', lambda: s < [1])
attempt('s.discard([])', lambda: s.discard([]))
attempt('{[]}', lambda: {[]})
attempt('s.issubset(3)', lambda: s.issubset(3))
attempt('hash(s)', lambda: hash(s))
attempt('s.update(1)', lambda: s.update(1))
attempt('s.difference(1)', lambda: s.difference(1))
attempt('s.intersection(1)', lambda: s.intersection(1))
attempt('s.isdisjoint(1)', lambda: s.isdisjoint(1))
attempt('s.symmetric_difference(1)', lambda: s.symmetric_difference(1))
attempt('s.__contains__([])', lambda: s.__contains__([]))
attempt('[] in s', lambda: [] in s)
attempt('{} in s', lambda: {} in s)
attempt('set.add(1, 2)', lambda: set.add(1, 2))
attempt('s.copy(1)', lambda: s.copy(1))
attempt('frozenset().add', lambda: frozenset().add)
attempt('s.clear(2)', lambda: s.clear(2))
attempt('set(5)', lambda: set(5))
attempt('frozenset(None)', lambda: frozenset(None))
attempt('s - 1', lambda: s - 1)
attempt('s ^ ()', lambda: s ^ ())
attempt("s & 'a'", lambda: s & 'a')
attempt('{1, [2]}', lambda: {1, [2]})
attempt('{x for x in [[1]]}', lambda: {x for x in [[1]]})
attempt('s.remove({2})', lambda: s.remove({2}))
attempt('{frozenset([2])}.remove({2})', lambda: {frozenset([2])}.remove({2}))
attempt('s == [1]', lambda: s == [1])
attempt('s != 1', lambda: s != 1)
attempt('set([1]) == frozenset([1])', lambda: set([1]) == frozenset([1]))
try:
    t = {1, 2, 3}
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
t = {1, 2, 3}
for x in t:
    t.discard(x)
    t.add(x)
print(t)
try:
    c = {1}
    c |= [2]
except TypeError as e:
    print(e)
try:
    c = frozenset()
    c.remove(1)
except AttributeError as e:
    print(e)
f = frozenset([1])
f |= {2}
print(f)
{1, 2}.remove(3)
