# Text files' tell()/seek() cookies: for UTF-8, Latin-1 and UTF-16 the cookie is the byte
# position whenever the decoder holds no pending state, also where a multi-byte character
# straddles the reader's chunk boundary (8192 bytes).
import sys, os
base = sys.path[0] + "/compat7_text_tell_tmpdir"
os.mkdir(base)
path = base + "/t.txt"
try:
    for enc in ['utf-8', 'utf-16', 'latin-1', 'utf-32-le']:
        text = ('a' * 8191 + '\u20ac' + 'b\n') if enc != 'latin-1' else ('a' * 8191 + '\xe9b\n')
        text = text + 'h\xe9llo\nw\xf6rld\n' * 3
        with open(path, 'w', encoding=enc) as f:
            f.write(text)
            print(enc, f.tell())
        with open(path, encoding=enc) as f:
            print(' ', len(f.read(8190)), f.tell())
            print(' ', repr(f.read(2)), f.tell())
            cookie = f.tell()
            print(' ', repr(f.readline()), f.tell())
            marks = []
            for line in iter(f.readline, ''):
                marks.append(f.tell())
            print(' ', marks)
            f.seek(cookie)
            print(' ', repr(f.read(3)), f.tell())
            f.seek(marks[0])
            print(' ', repr(f.readline()), f.tell())
            print(' ', f.seek(0, 2) == f.tell(), f.seek(0), repr(f.read(1)), f.tell())
            try:
                f.seek(-1)
            except ValueError as e:
                print(' ValueError:', e)
            try:
                f.seek(0, 3)
            except ValueError as e:
                print(' ValueError:', e)
finally:
    if os.path.exists(path):
        os.remove(path)
    os.rmdir(base)
