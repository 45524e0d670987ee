import io
s = io.StringIO('ab\ncd')
print(repr(s.read(1)), s.tell(), s.readline(), s.readlines(), s.getvalue())
s = io.StringIO()
print(s.write('hello'), s.tell(), s.getvalue()); s.seek(1); s.write('E'); print(s.getvalue()); s.seek(10); s.write('x'); print(repr(s.getvalue()))
s = io.StringIO('a\r\nb'); print(repr(s.read()))
s = io.StringIO(newline=None); s.write('a\r\nb'); print(repr(s.getvalue()))
print(io.StringIO('x').closed)
s.close()
try: s.getvalue()
except ValueError as e: print(e)
print(io.open is open, io.SEEK_END)
import sys
buf = io.StringIO()
print("to buffer", 1, file=buf)
old, sys.stdout = sys.stdout, buf
print("captured")
sys.stdout = old
print(repr(buf.getvalue()), [line for line in io.StringIO("x\ny\n")])
with io.StringIO("w") as w:
    print(w.read())
print(w.closed)
try:
    io.StringIO().seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError", e)
try:
    open(sys.argv[0]).write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
