for src in ["def f():\n    nonlocal x\n", "nonlocal x\n", "def f():\n    x = 1\n    global x\n", "def f(a):\n    global a\n"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(repr(src.splitlines()[-1].strip()), "->", e.msg)
