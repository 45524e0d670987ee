class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError as e:
    print("RecursionError:", e)
class InitLoop:
    def __init__(self):
        InitLoop()
try:
    InitLoop()
except RecursionError as e:
    print("RecursionError:", e)
print("still alive")
