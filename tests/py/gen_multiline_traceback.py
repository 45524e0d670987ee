# An exception from a generator consumed through calls that span several lines: the traceback
# prints the multi-line ranges as CPython 3.13 does (first/last lines, carets under anchors).
class Pipeline:
    def run(self, *stages):
        return list(stages[0])
    def total(self, items):
        return sum(items)

def numbers(fail):
    yield 1
    if fail:
        raise ValueError("bad item")
    yield 2

def main():
    p = Pipeline()
    ok = p.run(
        numbers(False),
        "ignored",
    )
    print(ok)
    print(p.total(numbers(
        False)))
    for x in numbers(
        False
    ):
        print(x)
    return [p.total(
        numbers(True),
    )]

main()
