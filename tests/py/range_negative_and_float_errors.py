print(list(range(-3)), list(range(-3, 0)), list(range(5, -5, -3)), range(-3).stop)
for args in [(1.0,), ("5",), (1, 2, 0.5), (None,)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
