# repr of every byte value and a matrix of split/strip/pad/search calls with bounds
data = bytes(range(256))
print(repr(data))
print(repr(bytearray(data)))
print(data.hex(), data.upper() == bytes([c - 32 if 97 <= c <= 122 else c for c in data]))
for q in [b"'", b'"', b"'\"", b"\\'", b"a'b\"c"]:
    print(repr(q), repr(bytearray(q)))
seeds = [b"", b"a", b"  a  b ", b"x,y,,z,", b"\r\n\n\r", b"AbC dEf gh1", b"\t\tx\ty", b"ab" * 5]
seps = [None, b",", b"ab", b" ", b"\n"]
for s in seeds:
    for sep in seps:
        for m in [-1, 0, 1, 2]:
            print(s.split(sep, m), s.rsplit(sep, m))
    print(s.splitlines(), s.splitlines(True), s.strip(), s.title(), s.capitalize(), s.swapcase(), s.expandtabs(3))
    for w in [0, 3, 8, 11]:
        print(s.center(w), s.ljust(w, b"*"), s.rjust(w), s.zfill(w))
    for sub in [b"", b"a", b"ab", b"x", 32]:
        for st in [None, -3, 0, 2, 100]:
            for en in [None, -1, 3, 100]:
                print(s.find(sub, st, en), s.rfind(sub, st, en), s.count(sub, st, en), end=" ")
        print()
