import sys
print("printed before exit")
try:
    sys.exit(4)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError", e)
sys.stdout.flush()
sys.exit("fatal: the message goes to stderr")
