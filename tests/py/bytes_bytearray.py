ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65; ba += b"!"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
del ba[1:3]
print(ba, ba.find(b"d"), ba * 2, bytearray(4), bytearray(range(5)), ba.upper(), ba == b"Ade" )
ba.insert(0, 122); ba.reverse(); print(ba, ba.strip(b"z"), ba.hex())
try:
    ba[0] = 300
except ValueError as e:
    print(e)
ba[1:2] = b"XYZ"
print(ba, bytearray(b"a,b").split(b","))
