# Text file modes, attributes, tell/seek/truncate and CPython's errors.
import sys, os, io
base = sys.path[0] + "/compat_textio_modes_tmpdir"
os.mkdir(base)
path = base + "/t.txt"
name = os.path.basename(path)
try:
    with open(path, 'w') as f:
        print(f.name == path, f.mode, f.encoding, f.errors, f.newlines, f.closed, f.line_buffering)
        print(type(f.buffer).__name__, f.buffer is f.buffer, f.readable(), f.writable(), f.seekable())
        print(f.write('first line\nsecond line\n'), f.write(''), f.tell())
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print('UnsupportedOperation:', e)
    print(f.closed)
    for op in [lambda: f.write('x'), lambda: f.read(), lambda: f.tell(), lambda: f.seek(0), lambda: next(f),
               lambda: f.readline(), lambda: f.flush(), lambda: f.readable(), lambda: f.fileno()]:
        try:
            op()
        except ValueError as e:
            print('ValueError:', e)
    with open(path) as f:
        try:
            f.write('x')
        except io.UnsupportedOperation as e:
            print('UnsupportedOperation:', e, isinstance(e, OSError))
        try:
            f.truncate()
        except io.UnsupportedOperation as e:
            print('UnsupportedOperation:', e)
        start = f.tell()
        line = f.readline()
        mark = f.tell()
        print(repr(line), start, mark, repr(f.read(6)))
        f.seek(mark)
        print('back to mark', repr(f.readline()), f.tell())
        print('cur', f.seek(0, 1), 'end', f.seek(0, 2), repr(f.read()))
        for args in [(-1,), (1, 1), (1, 2), (0, 3)]:
            try:
                f.seek(*args)
            except (ValueError, io.UnsupportedOperation) as e:
                print(type(e).__name__ + ':', e)
        f.seek(0)
        for line in f:
            try:
                f.tell()
            except OSError as e:
                print('OSError:', e)
                break
        print('after loop', repr(f.readline()))
        f.seek(0)
        for line in f:
            pass
        print('tell after full loop', f.tell())
    with open(path, 'r+') as f:
        print('r+', repr(f.readline()))
        f.seek(0, 2)
        f.write('third\n')
        print(f.truncate(5), f.tell())
        f.seek(0)
        print(repr(f.read()))
    with open(path, 'w+') as f:
        f.write('abcdef')
        f.seek(0)
        print('w+', repr(f.read(2)), f.tell(), f.truncate(), repr(f.read()))
        f.seek(0)
        print(repr(f.read()))
    with open(path, 'a') as f:
        print('a', f.tell(), f.write('gh'), f.tell())
    with open(path, 'a+') as f:
        f.seek(0)
        print('a+', repr(f.read()))
    try:
        open(path, 'x')
    except FileExistsError as e:
        print('FileExistsError:', e.errno, e.strerror, e.filename == path)
    os.remove(path)
    with open(path, 'x') as f:
        f.write('created\n')
    with open(path, 'rt') as f:
        print('rt', f.mode, f.readlines())
    try:
        open(base + '/missing.txt')
    except FileNotFoundError as e:
        print('FileNotFoundError:', e.errno, e.strerror, os.path.basename(e.filename))
    try:
        open(base)
    except IsADirectoryError as e:
        print('IsADirectoryError:', e.errno, e.strerror)
    for mode in ['rw', 'rU', 'wx', 'tb', 'rr', 'z', '+']:
        try:
            open(path, mode)
        except ValueError as e:
            print('ValueError:', e)
    f = open(path)
    f.close()
    f.close()
    print('closed twice', f.closed)
    with open(path, 'w') as f:
        f.writelines(['a\n', 'b\n'])
        try:
            f.write(b'bytes')
        except TypeError as e:
            print('TypeError:', e)
        try:
            f.writelines(['ok', 3])
        except TypeError as e:
            print('TypeError:', e)
    with open(path) as f:
        print(f.readlines(1), f.readlines())
finally:
    if os.path.exists(path):
        os.remove(path)
    os.rmdir(base)
open(base + '/gone.txt')
