import sys
try:
    sys.exit(None)
except SystemExit as e:
    print("code", e.code, e.args)
try:
    sys.exit(0)
except SystemExit as e:
    print("code", e.code)
sys.exit()
