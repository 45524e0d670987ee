# max_group_width (15) and max_group_depth (10) when printing an uncaught group.
wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
raise ExceptionGroup("limits", [wide, deep, ExceptionGroup("one more", [TypeError("x")])])
