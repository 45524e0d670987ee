for v in [0, 1, -1, 0.0, 0.1, "", " ", [], [[]], (), (0,), {}, {0: 0}, set(), None, True, False, 0j, range(0), range(1), b"", b"\x00"]:
    print(repr(v), bool(v), "yes" if v else "no", not v)
print(0 or "" or [] or "last", 1 and 2 and 3, 0 and 1 / 0, 1 or 1 / 0, None or 0, [] and [1])
