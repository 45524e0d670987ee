def a():
    b()
def b():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
