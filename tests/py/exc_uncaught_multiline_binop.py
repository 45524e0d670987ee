# Multi-line failing ranges: lines around the anchors, "...<N lines>..." for the rest.
def compute(*args):
    return sum(args)

def lookup():
    data = {"a": 1}
    value = data[
        compute(
            1,
            2,
            3,
            4,
        )
    ]
    return value

def add():
    return (1 +
            2 +
            "three")

class Box:
    def __init__(self):
        self.items = []

def first():
    名前 = Box()
    return 名前.items[
        0]

def run(fn):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)

run(lookup)
run(add)
run(first)
add()
