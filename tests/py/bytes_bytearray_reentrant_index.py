# __index__ code that resizes the bytearray being indexed: no stale index is used
ba = bytearray(b"0123456789")
class Shrink:
    def __index__(self):
        ba.clear()
        return 8
try:
    ba[2:Shrink()] = b"xy"
    print(ba)
except Exception as e:
    print(type(e).__name__, e)
ba = bytearray(b"0123456789")
try:
    ba[Shrink()] = 1
except Exception as e:
    print(type(e).__name__, e)
ba = bytearray(b"0123456789")
try:
    print(ba.pop(Shrink()))
except Exception as e:
    print(type(e).__name__, e)
ba = bytearray(b"0123456789")
try:
    del ba[1:Shrink():2]
    print(ba)
except Exception as e:
    print(type(e).__name__, e)
ba = bytearray(b"0123456789")
try:
    del ba[Shrink()]
except Exception as e:
    print(type(e).__name__, e)
class Two:
    def __index__(self):
        return 2
data = bytearray(b"abcdef")
data[Two()] = 90
print(data, data[Two()], b"xyz"[Two()], b"ab" * Two(), data.pop(Two()), data, memoryview(b"qrs")[Two()], bytes(Two()))
