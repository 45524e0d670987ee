a, b = {"x": 1, "y": 2}
print(a, b)
(k1, v1), (k2, v2) = {"p": 1, "q": 2}.items()
print(k1, v1, k2, v2)
s1, s2, s3 = sorted({3, 1, 2})
print(s1, s2, s3)
first, *rest = {5: None, 6: None}.keys()
print(first, rest)
