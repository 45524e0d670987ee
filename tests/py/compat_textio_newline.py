# open(newline=...): universal newlines, no translation, and each fixed ending.
import sys, os
base = sys.path[0] + "/compat_textio_newline_tmpdir"
os.mkdir(base)
path = base + "/t.txt"
try:
    with open(path, 'wb') as f:
        f.write(b'one\r\ntwo\rthree\nfour\r\n\rfive')
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(path, newline=nl) as f:
            print(repr(nl), 'newlines', repr(f.newlines))
            print('  lines', f.readlines(), repr(f.newlines))
        with open(path, newline=nl) as f:
            print('  read(5)', repr(f.read(5)), repr(f.readline()))
            print('  readline(2)', repr(f.readline(2)), repr(f.readline(100)))
            print('  iter', [line for line in f])
        with open(path, newline=nl) as f:
            print('  read', repr(f.read()))
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(path, 'w', newline=nl) as f:
            print(repr(nl), 'write', f.write('a\nb\r\nc\r'), f.tell())
        with open(path, 'rb') as f:
            print('  bytes', f.read())
    with open(path, 'wb') as f:
        f.write(b'lf\n')
    with open(path) as f:
        f.read()
        print('only lf', repr(f.newlines))
    with open(path, 'wb') as f:
        f.write(b'no ending')
    with open(path) as f:
        print('none', repr(f.newlines), repr(f.readline()), repr(f.readline()), f.newlines)
    for bad in ['x', '\n\n', 5]:
        try:
            open(path, newline=bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ':', e)
finally:
    if os.path.exists(path):
        os.remove(path)
    os.rmdir(base)
