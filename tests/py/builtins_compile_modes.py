c = compile("x + 1", "<s>", "eval")
print(eval(c, {"x": 1}))
c2 = compile("y = 2\nprint('exec mode', y)", "<s>", "exec")
exec(c2, {})
c3 = compile("1 + 2", "<s>", "single")
exec(c3)
try:
    compile("x = ", "<bad>", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset)
try:
    compile("1", "<s>", "nope")
except ValueError as e:
    print(e)
print(c.co_filename, c2.co_name, type(c).__name__)
