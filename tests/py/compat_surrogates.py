# Lone surrogates are code points of a str, as in CPython 3.13.
s = '\ud800'
print(len(s), repr(s), ord(s), ascii(s))
print(repr(chr(0xd800)), repr(chr(0xdfff)), chr(0xdc80) == '\udc80')
pair = '\ud83d\ude00'
print(len(pair), repr(pair), pair == '\U0001f600', [hex(ord(c)) for c in pair])
print(repr(pair[0]), repr(pair[1]), repr(pair[::-1]), repr(pair[1:]), repr(pair * 2))
mixed = 'a\udc80b\u20ac\U0001f600\ud800'
print(len(mixed), repr(mixed), [repr(c) for c in mixed])
print(repr(mixed[1:4]), repr(mixed[-1]), repr(mixed[::2]))
print(repr('x' + s), repr(s + 'y'), repr(''.join(['<', s, '>'])), repr('-'.join([s, s])))
print(repr(f'[{s}]'), repr(f'{s!r}'))
# Comparisons, hashing, containers
print(s == '\ud800', s != '\ud801', s == '\ufffd', s < '\ud801', s > '\ud7ff', '\ue000' > s)
print('\U00010000' > '\udfff', sorted(['\ue000', '\udc00', 'z', '\U00010000']))
print(hash(s) == hash(chr(0xd800)), hash('a' + s) == hash('a\ud800'))
d = {s: 'high', '\udc80': 'low', '\ufffd': 'replacement'}
print(d['\ud800'], d[chr(0xdc80)], d['\ufffd'], len(d))
print(s in {'\ud800'}, '\ufffd' in {'\ud800'}, s in 'ab\ud800c', len(set([s, chr(0xd800)])))
print(list(map(ord, 'a\ud800')), [hex(ord(c)) for c in reversed('\ud800\udc00')])
print(s.isprintable(), repr(str(s)), repr(s[:]), s is s[:])
try:
    ord('\ud800\udc00')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
print('\ud800' in 'a\ufffd', '\ufffd' in 'a\ud800', '\ud800' in 'a\ud800b', 'b' in 'a\ud800b', 'a\ud800' in 'xa\ud800')
try:
    x = '\ud800' * (10 ** 15)
except MemoryError:
    print('MemoryError')
print(len('a\ud800' * 3), repr('a\ud800' * 2))
