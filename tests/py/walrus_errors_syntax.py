for src in ["(a.b := 1)", "[x := 1 for x in range(3)]", "def f():\n    [i := 0 for i in range(3)]", "(a[0] := 1)", "x := 5", "class C:\n    [(y := 1) for _ in range(1)]"]:
    try:
        compile(src, "<w>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
