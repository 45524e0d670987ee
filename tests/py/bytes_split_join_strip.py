# split/rsplit/splitlines/partition/strip/join on bytes and bytearray
print(b"  a b\tc\n d  ".split(), b"  a b  c  ".split(None, 1), b"  a b  c  ".rsplit(None, 1), b"a,b,,c".split(b","))
print(b"a,b,,c".split(b",", 2), b"a,b,,c".rsplit(b",", 2), b"".split(), b"".split(b","), b"abc".split(b"abc"), b"   ".split())
print(b"a\nb\r\nc\rd\n".splitlines(), b"a\nb\r\nc\rd\n".splitlines(True), b"x\x0by\x0cz".splitlines(), b"".splitlines())
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kvw".partition(b"="), b"kvw".rpartition(b"="))
print(bytearray(b"a-b").partition(b"-"), bytearray(b"a-b").split(b"-"), type(bytearray(b"a b").split()[0]).__name__)
print(b"\t x \n".strip(), b"xxhixx".strip(b"x"), b"xyhiyx".lstrip(b"xy"), b"xyhiyx".rstrip(bytearray(b"xy")), b"  a ".lstrip(), b"  a ".rstrip(None))
print(b",".join([b"a", bytearray(b"b"), memoryview(b"c")]), bytearray(b"-").join([b"x", b"y"]), b"".join([]), b"ab".join((b"1", b"2", b"3")))
print(b"pre-body".removeprefix(b"pre-"), b"body.txt".removesuffix(b".txt"), b"abc".removeprefix(b"x"), bytearray(b"abc").removesuffix(b"c"))
print(b"a b".split(maxsplit=0), b"a b c".split(b" ", maxsplit=1), b"a b c".rsplit(sep=b" ", maxsplit=1))
for call in [lambda: b"a".split(b""), lambda: b"a".split("x"), lambda: b"a".partition(b""), lambda: b"a".partition("a"),
             lambda: b"-".join([b"a", "b"]), lambda: b"-".join([1]), lambda: b"a".strip("a"), lambda: b"a".split(1, 2, 3),
             lambda: b"a".split(x=1), lambda: b"a".removeprefix("a")]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
