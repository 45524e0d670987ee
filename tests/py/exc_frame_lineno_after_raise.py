# f_lineno of frames an exception left (CPython's RERAISE moves the frame's instruction back to
# where the exception was first raised): test_exceptions.PEP626Tests.
def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(None if frame.f_lineno is None else frame.f_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, tuple(lines))

def simple():
    1/0
    pass
def in_except():
    try:
        1/0
    except:
        1/0
        pass
def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass
def in_try():
    try:
        1/0
    finally:
        pass
def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass
def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass
class Noop:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        pass
class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise ValueError
def after_with():
    with Noop():
        1/0
        pass
def exit_fails():
    with ExitFails():
        1/0
def exit_fails_no_exc():
    with ExitFails():
        pass
def nested():
    try:
        try:
            1/0
        except TypeError:
            pass
    finally:
        pass
for f in (simple, in_except, in_named_except, in_try, in_finally_normal, in_finally_except,
          after_with, exit_fails, exit_fails_no_exc, nested):
    lineno_after_raise(f)
