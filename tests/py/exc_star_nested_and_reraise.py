# except*: nested try/except*, raising groups and parts from clauses, loops with finally, tuples, BaseExceptionGroup.
def t(label, body):
    try:
        body()
    except BaseException as e:
        print(label, "->", repr(e))
    else:
        print(label, "-> ok")

def a():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise ExceptionGroup("new", [KeyError(3)])
    except* TypeError as tt:
        raise
t("a", a)

def b():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise KeyError("inner")
    except* KeyError as k:
        print(" caught keys", repr(k))
    except* TypeError as tt:
        print(" caught types", repr(tt))
t("b", b)

def c():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as v:
        try:
            raise v
        except ExceptionGroup as inner:
            print(" inner is v", inner is v)
t("c", c)

def d():
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("loop", [ValueError(i)])
        except* ValueError as v:
            print(" loop caught", repr(v))
        finally:
            print(" finally", i)
t("d", d)

def e():
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as v:
        v.exceptions[0].add_note("touched")
        raise v.exceptions[0]
t("e", e)

def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise v
    except* TypeError as tt:
        raise tt
t("f", f)

def g():
    try:
        raise BaseExceptionGroup("g", [KeyboardInterrupt(), SystemExit(2)])
    except* KeyboardInterrupt:
        print(" kbd")
t("g", g)

def h():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* (ValueError, TypeError) as v:
        print(" tuple", repr(v))
    except* KeyError:
        print(" never")
t("h", h)
