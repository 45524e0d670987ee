import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit
except Exception:
    print("not reached")
except BaseException as e:
    print("BaseException", type(e).__name__)
print("end")
