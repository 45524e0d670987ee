import sys
log = []
def profiler(frame, event, arg):
    if event in ("call", "return"):
        if frame.f_code.co_name in ("outer", "inner"):
            log.append((event, frame.f_code.co_name))
    elif event in ("c_call", "c_return"):
        name = getattr(arg, "__name__", "?")
        if name in ("len", "sorted"):
            log.append((event, name))
def inner(x):
    return len(x)
def outer():
    return inner([1, 2]) + len(sorted([3, 1]))
sys.setprofile(profiler)
outer()
sys.setprofile(None)
for e in log:
    print(e)
print(sys.getprofile())
