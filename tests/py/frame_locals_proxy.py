import sys

def f(a, b=2):
    c = a + b
    loc = sys._getframe().f_locals
    print(type(loc).__name__, sorted(loc.keys()), loc['a'], loc['c'], len(loc))
    print('a' in loc, 'zz' in loc, loc.get('zz', 'dflt'), loc.get('b'))
    loc['c'] = 100
    print("c is now", c)
    try:
        loc['nope']
    except KeyError as e:
        print("KeyError", e)
    d = loc.copy()
    print(type(d).__name__, sorted(d.items()) == sorted(loc.items()))
    return sys._getframe()

fr = f(1)
print(sorted(fr.f_locals.keys()), fr.f_locals['c'])

def closure():
    x = 1
    def g():
        return x
    loc = sys._getframe().f_locals
    loc['x'] = 5
    return g(), loc['x']
print(closure())

def gen():
    y = 10
    yield sys._getframe()
    y = 20
    yield y

g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
fr = next(g)
print(fr is g.gi_frame, fr.f_lineno, fr.f_locals['y'], g.gi_frame.f_back)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals['y'])
list(g)
print(g.gi_frame)

def running():
    return gg.gi_frame.f_code.co_name, gg.gi_frame.f_back.f_code.co_name
def gen2():
    yield running()
gg = gen2()
print(next(gg))
