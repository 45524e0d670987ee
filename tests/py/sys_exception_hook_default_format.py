import sys
print(sys.excepthook is sys.__excepthook__)
def hook(t, v, tb):
    print("custom hook:", t.__name__, v, file=sys.stderr)
sys.excepthook = hook
raise ValueError("handled by custom excepthook")
