# every codec and handler over pseudo-random byte strings; a matrix of % conversions
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed >> 8
pool = [0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90]
for i in range(400):
    n = rnd() % 7
    bs = bytes([pool[rnd() % len(pool)] for _ in range(n)])
    out = [repr(bs)]
    for enc in ["utf-8", "ascii", "latin-1", "utf-16-le", "utf-16-be", "utf-32-le"]:
        for errors in ["strict", "replace", "ignore", "backslashreplace"]:
            try:
                out.append(repr(bs.decode(enc, errors)))
            except UnicodeDecodeError as e:
                out.append(f"E({e.start},{e.end},{e.reason})")
    print(" ".join(out))
for fmt in [b"%s", b"%5s", b"%-5s|", b"%.2s", b"%r", b"%a", b"%c", b"%d", b"%5.1f", b"%x", b"%#o", b"%%", b"%(a)s"]:
    for arg in [b"xyz", 65, 3.7, "s\xe9", bytearray(b"q"), {b"a": b"A"}, (1, 2)]:
        try:
            print(fmt, repr(fmt % arg))
        except Exception as e:
            print(fmt, type(e).__name__, e)
