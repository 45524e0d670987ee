def inner():
    try:
        while True:
            try:
                v = yield
                print("inner got", v)
            except KeyError as e:
                print("inner handled", repr(e))
    finally:
        print("inner closing")
def outer():
    yield from inner()
o = outer()
next(o)
o.send(1)
o.throw(KeyError("k"))
o.send(2)
o.close()
print("outer closed", o.gi_frame)
