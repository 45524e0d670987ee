for fill in ["", "*", "0", " ", "é"]:
    for align in ["<", ">", "^", "="]:
        spec = f"{fill}{align}10"
        try:
            print(repr(spec), format(42, spec), format(-4.5, spec), format("txt", spec) if align != "=" else "-")
        except ValueError as e:
            print(repr(spec), "ValueError", e)
