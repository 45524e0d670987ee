# except* restores the exception being handled afterwards; loops, finally and context of re-raised parts.
def t():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            pass
        raise
try:
    t()
except KeyError as e:
    print("restored", repr(e))

def u():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            raise
try:
    u()
except ExceptionGroup as e:
    print("ctx", repr(e.__context__))

def w():
    for i in range(2):
        try:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        except* ValueError as v:
            print("v", repr(v))
        except* TypeError as t:
            print("t", repr(t))
    return "done"
print(w())
def z():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        pass
    finally:
        print("finally")
    return "after"
print(z())
