# UnicodeEncodeError / UnicodeDecodeError objects: constructor arguments, attributes and str().
e = UnicodeEncodeError('ascii', 'a\xe9\u20ac', 1, 3, 'ordinal not in range(128)')
print(e, '|', e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
e = UnicodeEncodeError('utf-8', '\ud800', 0, 1, 'surrogates not allowed')
print(e)
e = UnicodeEncodeError('x', '\U0001f600', 0, 1, 'why')
print(e)
d = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(d, '|', d.encoding, d.object, d.start, d.end, d.reason)
d = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'bad')
print(d)
d.start = 1
d.reason = 'changed'
print(d, d.args)
print(isinstance(d, UnicodeError), isinstance(d, ValueError), UnicodeDecodeError.__mro__[1].__name__)
try:
    '\udcff'.encode('utf-8')
except UnicodeError as err:
    print(type(err).__name__, err.object == '\udcff', err.start, err.end)
try:
    b'abc\xff'.decode('ascii')
except ValueError as err:
    print(type(err).__name__, err.object, err.start, err.end, err.reason)
def f():
    return 'x\ud800'.encode('utf-16-be')
f()
