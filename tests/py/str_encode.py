s = "héllo wörld €"
for enc in ["utf-8", "latin-1", "ascii", "utf-16-le", "utf-32-be"]:
    try:
        print(enc, s.encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print(b"h\xc3\xa9".decode(), b"\xff".decode("latin-1"), b"\xffab".decode("utf-8", "replace"))
try:
    b"\xffab".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
