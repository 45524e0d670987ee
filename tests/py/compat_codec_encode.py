# str.encode with every builtin error handler, normal and error paths.
text = 'a\ud800\udcff\xe9\u20acb'
encodings = ['utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']
handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
            'surrogateescape', 'surrogatepass']
for enc in encodings:
    for err in handlers:
        try:
            print(enc, err, text.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e, '|', e.encoding, repr(e.object), e.start, e.end, e.reason)
# surrogateescape smuggles bytes back
print('\udc80\udcff'.encode('utf-8', 'surrogateescape'), 'x\udce9'.encode('latin-1', 'surrogateescape'))
print('\udc80'.encode('ascii', 'surrogateescape'))
try:
    'ok\udc7f'.encode('utf-8', 'surrogateescape')
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
# namereplace with named and unnamed characters
print('\x00\xe9\u20ac\U0001f600\ue000'.encode('ascii', 'namereplace'))
print('\u20ac'.encode(errors='xmlcharrefreplace'), 'é'.encode('ascii', errors='backslashreplace'))
print('no surrogates'.encode('utf-16-be'), ''.encode('utf-16'), ''.encode('utf-32'))
print('\U0001f600'.encode('utf-16-le'), '\U0001f600'.encode('utf-32-be'))
for bad in ['bogus', 'STRICT']:
    try:
        'é'.encode('ascii', bad)
    except LookupError as e:
        print('LookupError:', e)
print('abc'.encode('ascii', 'bogus'))  # the handler is looked up only on an error
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
print(bytes('\ud800x', 'utf-8', 'surrogatepass'), bytes('\udcff', 'latin-1', 'surrogateescape'))
'\ud800'.encode()
