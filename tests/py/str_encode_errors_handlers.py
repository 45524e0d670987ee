s = "aé€😀"
for enc in ["ascii", "latin-1", "utf-16", "utf-8"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e.start, e.end, e.reason)
print(b"a\xe9\x80".decode("utf-8", "backslashreplace"), b"a\xe9".decode("ascii", "ignore"), b"\xed\xa0\x80".decode("utf-8", "replace"))
print("\ud83d".encode("utf-8", "surrogatepass"), "x\ud800".encode("utf-8", "replace"))
