x = 1.0
eps = 1.0
while 1.0 + eps / 2 > 1.0:
    eps /= 2
print(eps, eps == 2.220446049250313e-16, 1.0 + eps, 1.0 + eps / 2)
tiny = 5e-324
print(tiny, tiny / 2, tiny * 2, -tiny, tiny > 0)
big = 1.7976931348623157e308
print(big * 1.0000000000000002, big + 1e292, big + 1e291)
