try:
    raise ValueError("x")
except ValueError as err:
    saved = err
try:
    err
except NameError as e:
    print(e)
print(saved)
import sys
def show():
    print(sys.exc_info()[0], sys.exception())
show()
try:
    raise KeyError("q")
except KeyError:
    show()
    try:
        raise TypeError("inner")
    except TypeError:
        show()
    show()
show()
