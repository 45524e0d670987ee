try:
    try:
        raise ValueError("bad")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("file: config.ini")
        raise
except ValueError as e:
    print(e, e.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
def f():
    e = KeyError("k")
    e.add_note("note one")
    raise e
f()
