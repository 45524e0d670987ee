# Printing a lone surrogate: stdout's UTF-8 codec refuses it (CPython's error and traceback);
# stderr escapes it (backslashreplace).
import sys
print('before', 'a\udc80b'.encode('utf-8', 'surrogateescape'))
print('to stderr:', '\ud800', file=sys.stderr)
sys.stderr.write('direct \udcff\n')
try:
    sys.stdout.write('x\ud800')
except UnicodeEncodeError as e:
    print('write failed:', e)
sys.stdout.flush()
print('ok', 'then', '\ud800', 'never')
