try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
assert True, "never"
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(1))
check(-5)
