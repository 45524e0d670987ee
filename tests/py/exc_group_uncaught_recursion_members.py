# Members of an uncaught group whose tracebacks repeat a line: "[Previous line repeated N more times]".
def down(n):
    if n == 0:
        raise RecursionError("bottom")
    down(n - 1)

errs = []
for k in (2, 8):
    try:
        down(k)
    except RecursionError as e:
        errs.append(e)
raise ExceptionGroup("recursive", errs)
