# float() of bytes-like objects: ASCII text as a str would be; CPython's error shows the object.
print(float(b' 1.5 '), float(bytearray(b'2')), float(memoryview(b'3.25')), float(b'-inf'), float(b'1_000.5'))
for x in [b'x', b'\xff', bytearray(b'1e'), b'']:
    try:
        print(float(x))
    except ValueError as e:
        print('ValueError:', e)
float(b'nope')
