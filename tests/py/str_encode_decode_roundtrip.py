samples = ["", "ascii", "latin-1 é", "ß€😀", "\x00\x7f\x80\uffff", "日本語テキスト"]
for s in samples:
    for enc in ["utf-8", "utf-16", "utf-32", "utf-16-be"]:
        b = s.encode(enc)
        assert b.decode(enc) == s
    print(repr(s), len(s.encode("utf-8")), len(s.encode("utf-16-le")), s.encode("utf-8").hex()[:24])
