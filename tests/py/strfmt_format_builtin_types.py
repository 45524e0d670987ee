print(format(None, ""), format(True, "^7"), format([1, 2], ""), format((1,), ""), format({"a": 1}, ""), format(b"x", ""), format(range(2), ""), format(1j, ""))
for bad in [(None, "s"), ([1], ">5"), ((1,), "x")]:
    try:
        format(*bad)
    except TypeError as e:
        print(e)
