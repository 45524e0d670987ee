# exec(code, closure=...), input() at EOF, function attributes (__closure__, __defaults__, __kwdefaults__, writable __name__/__qualname__/__doc__, __module__)
def outer():
    x = 5
    def inner():
        print("inner sees", x)
        return x
    return inner
f = outer()
g = {}
exec(f.__code__, g, closure=f.__closure__)
print('ok')
for c in [None, (), (1,), f.__closure__ * 2]:
    try: exec(f.__code__, {}, closure=c); print('fine', c)
    except Exception as e: print(type(e).__name__, e)
try: exec('x', {}, closure=f.__closure__)
except Exception as e: print(type(e).__name__, e)
try: input('prompt> ')
except EOFError as e: print('EOF', e)
def deco(fn):
    def wrapper(*a):
        return fn(*a)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = "wrapped"
    wrapper.__qualname__ = "W." + fn.__name__
    return wrapper
@deco
def hello(a, b=2, *, c=3):
    return a + b + c
print(hello.__name__, hello.__doc__, hello.__qualname__, hello(1))
print(hello.__defaults__, hello.__kwdefaults__, hello.__module__, hello.__globals__ is globals())
def h(a, b=2, *, c=3): return (a, b, c)
h.__defaults__ = (20,)
h.__kwdefaults__ = {"c": 30}
print(h(1), h.__defaults__, h.__kwdefaults__)
try:
    h.__name__ = 5
except TypeError as e:
    print(e)
try:
    h.__defaults__ = [1]
except TypeError as e:
    print(e)
print(len(outer().__closure__), type(outer().__closure__[0]).__name__)
