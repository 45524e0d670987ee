# An uncaught group whose members carry causes, contexts, notes and their own tracebacks.
def fail(n):
    if n == 1:
        try:
            {}["missing"]
        except KeyError as e:
            raise ValueError("bad value") from e
    if n == 2:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("bad type")
    err = OSError(f"os {n}")
    err.add_note(f"note for {n}")
    err.add_note("second line\nthird line")
    raise err

errors = []
for n in (1, 2, 3):
    try:
        fail(n)
    except Exception as e:
        errors.append(e)

inner = ExceptionGroup("inner", errors[1:])
inner.add_note("inner group note")
raise ExceptionGroup("outer", [errors[0], inner])
