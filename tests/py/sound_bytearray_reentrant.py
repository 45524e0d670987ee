# bytearray operations whose argument conversion runs Python code (`__index__`, iteration)
# that mutates the same bytearray: the bytes are never borrowed across that code.


class Idx:
    def __init__(self, ba, value, action):
        self.ba = ba
        self.value = value
        self.action = action

    def __index__(self):
        self.action(self.ba)
        return self.value


def grow(ba):
    ba.extend(b"0123456789" * 10)


def clear(ba):
    ba.clear()


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


# extend from a generator that mutates the target
ba = bytearray(b"abc")


def gen():
    for i in range(3):
        ba.append(ord("x") + i)
        ba[0] = ord("Z")
        yield ord("0") + i


ba.extend(gen())
print("extend gen:", ba)
ba = bytearray(b"abc")


def gen_clear():
    yield 65
    ba.clear()
    yield 66


ba.extend(gen_clear())
print("extend gen clear:", ba)

# slice assignment with __index__ bounds that resize
ba = bytearray(b"abcdef")
ba[Idx(ba, 1, clear) : Idx(ba, 3, grow)] = b"XYZ"
print("slice clear/grow:", len(ba), ba[:8])
ba = bytearray(b"abcdef")
ba[Idx(ba, 2, clear) :] = b"XY"
print("slice after clear:", ba)
ba = bytearray(b"abcdef")
ba[: Idx(ba, 4, clear)] = b""
print("slice delete-by-empty:", ba)
ba = bytearray(b"abcdefgh")
show("extended slice:", lambda: ba.__setitem__(slice(Idx(ba, 0, clear), None, 2), b"1234"))
ba = bytearray(b"abcdefgh")
show("extended slice short:", lambda: ba.__setitem__(slice(Idx(ba, 0, lambda b: b.__delitem__(slice(0, 6))), None, 2), b"1234"))
ba = bytearray(b"abcdefgh")
show("del extended slice:", lambda: (ba.__delitem__(slice(Idx(ba, 1, clear), None, 2)), ba))
ba = bytearray(b"abcdefgh")
del ba[Idx(ba, 1, grow) : 4]
print("del slice grow:", len(ba), ba[:6])

# item assignment / deletion with __index__ that clears
ba = bytearray(b"abc")
show("setitem cleared:", lambda: ba.__setitem__(Idx(ba, 1, clear), 65))
ba = bytearray(b"abc")
show("setitem value clears:", lambda: ba.__setitem__(1, Idx(ba, 65, clear)))
ba = bytearray(b"abc")
show("delitem cleared:", lambda: ba.__delitem__(Idx(ba, 1, clear)))
ba = bytearray(b"abc")
show("getitem cleared:", lambda: ba[Idx(ba, 1, clear)])

# methods whose int arguments mutate the receiver
ba = bytearray(b"abc")
show("append:", lambda: (ba.append(Idx(ba, 68, clear)), ba))
ba = bytearray(b"abc")
show("insert:", lambda: (ba.insert(Idx(ba, 1, grow), Idx(ba, 69, clear)), ba))
ba = bytearray(b"abc")
show("pop:", lambda: ba.pop(Idx(ba, 1, clear)))
ba = bytearray(b"abcb")
show("remove:", lambda: (ba.remove(Idx(ba, 98, clear)), ba))
ba = bytearray(b"abc")
show("extend list of Idx:", lambda: (ba.extend([Idx(ba, 70, grow), Idx(ba, 71, clear)]), ba))
ba = bytearray(b"abc")
show("slice from list of Idx:", lambda: (ba.__setitem__(slice(0, 1), [Idx(ba, 72, clear), Idx(ba, 73, clear)]), ba))
ba = bytearray(b"abc")
show("iadd:", lambda: len(ba.__iadd__(bytearray(Idx(ba, 2, grow)))))
ba = bytearray(b"abc")
show("imul:", lambda: ba.__imul__(Idx(ba, 2, clear)))

# a memoryview pins the size; a callback that tries to resize gets BufferError
ba = bytearray(b"abcdef")
m = memoryview(ba)
try:
    ba[Idx(ba, 0, lambda b: b.append(1)) : 2] = b"zz"
except BufferError as e:
    print("BufferError:", e)
m[0] = ord("Q")
print("view write:", ba)
m.release()
print("done")
