# str(), ascii(), %-formatting and int() with str subclasses, __str__/__repr__ results and lone surrogates.
class Sub(str):
    pass
class WithStr:
    def __init__(self, v): self.v = v
    def __str__(self): return self.v
class WithRepr:
    def __init__(self, v): self.v = v
    def __repr__(self): return self.v
class Shouting(str):
    def __str__(self): return '__str__ overridden'
for r in [str(WithStr(Sub('abc'))), Sub(WithStr('abc')), ascii(WithRepr(Sub('<abc>'))), ascii(WithRepr(Sub('<\U0001f40d>')))]:
    print(type(r).__name__, r)
s = Shouting('xxx')
print('%s' % s, '{}'.format(s), f'{s}', str(s), repr(s))
print(ascii('\xe9\ud800'), ascii(WithRepr('x\udcff')), 'abc'.__getnewargs__(), '\ud800'.__getnewargs__())
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'\xff', 'latin-1'), str(b'\xff', errors='replace'), str(bytearray(b'ok'), 'ascii'))
class RaisingNumber:
    def __int__(self): raise RuntimeError('int')
    def __index__(self): raise RuntimeError('index')
for fmt in ['%d', '%i', '%u', '%x', '%X', '%o']:
    try:
        fmt % RaisingNumber()
    except RuntimeError as e:
        print(fmt, 'RuntimeError:', e)
for call in [lambda: str(b'x', 'utf-8', 'ignore', encoding='ascii'), lambda: str('a', 'b', 'c', 'd'),
             lambda: str(b'x', 1), lambda: str('x', 'utf-8'), lambda: str(1, errors=1), lambda: ascii(WithRepr(b'x'))]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
for text, base in [('123\ud800', 10), ('\udcff', 16), ('\ud800', 99)]:
    try:
        int(text, base)
    except ValueError as e:
        print('ValueError:', e)
int('12\udc80')
