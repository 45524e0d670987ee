# range and slice with huge bounds, steps and shifts: no overflow, CPython's results
for f in [lambda: range(-2**120, 2**120), lambda: range(10**20)[::2**80], lambda: slice(None, None, -2**200).indices(10), lambda: slice(-2**200, 2**200).indices(10), lambda: 2**200 in range(10), lambda: range(0, 2**90, 3)[::2**90], lambda: (1 << 2**50), lambda: len(range(-2**99, 2**99)), lambda: range(2**99)[-1]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
