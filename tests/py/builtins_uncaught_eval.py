expr = "10 / (5 - 5)"
print(eval("10 / 5"))
print(eval(expr))
