for args in [("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7), ("bad.py", 1, 2, "abcdefg", 1), ("f", 1, 2, "t"), ("f", 1, 2, "t", 3, 4)]:
    try:
        e = SyntaxError("bad bad", args)
        print("ok", e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    except TypeError as e:
        print("TypeError", e)
for m in (42, (ValueError, 42), (ValueError, "x"), (int, ValueError)):
    try:
        try:
            raise ValueError
        except m:
            pass
    except TypeError as e:
        print("TypeError", e)
try:
    try:
        raise ValueError
    except (KeyError, 42):
        pass
except TypeError as e:
    print("TypeError", e)
except ValueError:
    print("VE")
e = SyntaxError("m", ["f", 1, 2, "t"])
print(e.filename, e.lineno, e.text)
try:
    SyntaxError("m", 5)
except TypeError as x:
    print("TE", x)
