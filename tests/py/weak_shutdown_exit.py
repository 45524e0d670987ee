# __del__ of globals still runs when the script ends with sys.exit or an uncaught exception.
import sys


class C:
    def __del__(self):
        print("del at exit")


keep = C()
print("exiting")
sys.exit(3)
