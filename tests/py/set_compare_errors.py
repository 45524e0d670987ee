try:
    {1} < [1]
except TypeError as e:
    print(e)
try:
    {1} | [2]
except TypeError as e:
    print(e)
print({1}.union([2]), {1} == [1], {1} == frozenset({1}), frozenset() == set())
try:
    {1}.add([2])
except TypeError as e:
    print(e)
try:
    frozenset([{1}])
except TypeError as e:
    print(e)
