# Text files with an encoding and an error handler: reading, writing, tell and seek.
import sys, os, io
base = sys.path[0] + "/compat_textio_encoding_tmpdir"
os.mkdir(base)
path = base + "/t.txt"
try:
    for enc in ['utf-8', 'latin-1', 'ascii', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-8-sig', 'UTF8']:
        text = 'plain\ncaf\xe9\n' if enc != 'ascii' else 'plain\ncafe\n'
        with open(path, 'w', encoding=enc) as f:
            print(enc, f.encoding, f.errors, f.write(text), f.tell(), repr(f))
        with open(path, 'rb') as f:
            print(' bytes', f.read())
        with open(path, encoding=enc) as f:
            first = f.readline()
            print(' read', repr(first), f.tell(), repr(f.read()), f.tell())
            f.seek(0)
            print(' again', repr(f.read(3)), repr(f.readline()), f.readlines())
    # a second write appends without a second byte order mark
    with open(path, 'w', encoding='utf-16') as f:
        f.write('a')
    with open(path, 'a', encoding='utf-16') as f:
        f.write('b')
        print('append tell', f.tell())
    with open(path, 'rb') as f:
        print('utf-16 appended', f.read())
    # errors= on write and read
    with open(path, 'w', encoding='ascii', errors='replace') as f:
        f.write('na\xefve \u20ac\n')
    with open(path, 'w+', encoding='latin-1', errors='xmlcharrefreplace') as f:
        f.write('x\u20acy\n')
        f.seek(0)
        print('xmlcharref', repr(f.read()))
    with open(path, 'wb') as f:
        f.write(b'ok \xff\xfe end\n')
    for errors in ['replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        with open(path, encoding='utf-8', errors=errors) as f:
            print(errors, ascii(f.read()), f.errors)
    with open(path, encoding='latin-1') as f:
        print('latin-1', ascii(f.read()))
    try:
        with open(path) as f:
            f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
    with open(path, 'w', encoding='ascii') as f:
        try:
            f.write('caf\xe9')
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
        f.write('fine')
    with open(path) as f:
        print('after error', repr(f.read()))
    try:
        open(path, 'w', encoding='no-such-encoding')
    except LookupError as e:
        print('LookupError:', e)
    try:
        open(path, encoding=8)
    except TypeError as e:
        print('TypeError:', e)
    for kw in [{'encoding': 'utf-8'}, {'errors': 'strict'}, {'newline': ''}]:
        try:
            open(path, 'rb', **kw)
        except ValueError as e:
            print('ValueError:', e)
    with open(path, 'w', encoding='utf-8') as f:
        try:
            f.write('\ud800')
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
        f.write('\udcff'.encode('utf-8', 'surrogateescape').decode('latin-1'))
    with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write(b'raw \xff'.decode('utf-8', 'surrogateescape'))
    with open(path, 'rb') as f:
        print('surrogateescape write', f.read())
finally:
    if os.path.exists(path):
        os.remove(path)
    os.rmdir(base)
