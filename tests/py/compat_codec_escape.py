# The unicode_escape and raw_unicode_escape codecs: decoding with each handler, encoding.
samples = [b'a\\tb\\n\\x41\\u20ac\\U0001f600\\N{EURO SIGN}\\101\\\'\\"\\\\\\\nz', b'\\', b'ab\\x4', b'\\u12', b'\\U11111111', b'\\N{foo}xx', b'\\N{', b'\\Nab', b'\\N{}', b'caf\xe9']
for enc in ['unicode-escape', 'raw-unicode-escape', 'unicode_escape']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace']:
        for d in samples:
            try:
                print(enc, err, d, ascii(d.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(enc, err, d, 'UnicodeDecodeError:', e, e.start, e.end, getattr(e, '__notes__', None))
for enc in ['unicode-escape', 'raw-unicode-escape']:
    print(enc, 'a\\\'"\t\n\r\x00\x7f\xe9\u20ac\ud800\U0001f600'.encode(enc))
x = '\U00100000'
print(x.encode("raw-unicode-escape").decode("raw-unicode-escape") == x)
b'\\x4'.decode('unicode_escape')
