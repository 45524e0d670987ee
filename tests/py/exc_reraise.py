def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise
try:
    f()
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    raise
except RuntimeError as e:
    print(e)
e = ValueError("stored")
try:
    raise e
except ValueError as caught:
    print(caught is e)
try:
    raise ValueError
except ValueError as v:
    print(repr(v), v.args)
try:
    raise 5
except TypeError as t:
    print(t)
try:
    raise ValueError from 5
except TypeError as t:
    print(t)
