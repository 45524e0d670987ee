s = "abc"
for op in [lambda: s.__setitem__(0, "x"), lambda: s.__delitem__(0), lambda: setattr(s, "upper", None), lambda: s.append("d")]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
