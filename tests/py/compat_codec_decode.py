# bytes.decode with every builtin error handler, normal and error paths.
samples = [b'a\xed\xa0\x80b', b'\xff\xfe\x00\xd8\x41\x00', b'a\x80\xffb', b'\xe2\x82', b'ok']
encodings = ['utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']
handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'namereplace',
            'xmlcharrefreplace']
for enc in encodings:
    for err in handlers:
        for data in samples:
            try:
                print(enc, err, data, ascii(data.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(enc, err, data, 'UnicodeDecodeError:', e, '|', e.encoding, e.object, e.start, e.end, e.reason)
            except TypeError as e:
                print(enc, err, data, 'TypeError:', e)
# surrogateescape round trip
raw = b'caf\xe9 \xff\xfe na\xefve'
s = raw.decode('utf-8', 'surrogateescape')
print(ascii(s), len(s), s.encode('utf-8', 'surrogateescape') == raw)
# surrogatepass round trip in each UTF
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be']:
    t = 'x\ud800\udfffy'
    b = t.encode(enc, 'surrogatepass')
    print(enc, b, b.decode(enc, 'surrogatepass') == t)
print(ascii(b'\xed\xb2\x80'.decode('utf-8', 'surrogatepass')), ascii(b'\xed\x9f\xbf'.decode('utf-8', 'surrogatepass')))
try:
    b'\xed\xa0'.decode('utf-8', 'surrogatepass')
except UnicodeDecodeError as e:
    print(e)
print(ascii(str(b'\xff', 'utf-8', 'replace')), ascii(bytearray(b'\xfe').decode('latin-1')))
try:
    b'\xff'.decode('utf-8', 'nope')
except LookupError as e:
    print('LookupError:', e)
b'\x80abc'.decode('ascii')
