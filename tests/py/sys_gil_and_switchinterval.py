import sys
print(sys._is_gil_enabled() in (True, False), type(sys.getswitchinterval()).__name__)
old = sys.getswitchinterval()
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(old)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
print(sys.flags.isolated in (0, 1), sys.flags.dont_write_bytecode in (0, 1), type(sys.flags).__name__)
