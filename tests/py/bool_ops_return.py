print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "never", None or [] or {}, not "", not [0])
def t():
    print("t called")
    return True
def f():
    print("f called")
    return False
print(f() and t())
print(t() or f())
print(t() and f() or t())
