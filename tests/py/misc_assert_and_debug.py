print(__debug__)
try:
    assert 0 < -1, ("tuple", "message")
except AssertionError as e:
    print(e.args)
x = [1]
assert x, "non-empty passes"
try:
    assert not x
except AssertionError as e:
    print("empty message:", repr(e), e.args)
