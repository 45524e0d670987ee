def g():
    yield 1
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.gi_suspended if hasattr(it, "gi_suspended") else "-")
next(it)
print(it.gi_suspended if hasattr(it, "gi_suspended") else "-", it.gi_frame.f_lineno)
list(it)
print(it.gi_frame)
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(e)
