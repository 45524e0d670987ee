def parse(line):
    try:
        return int(line)
    except ValueError as e:
        e.add_note(f"while parsing {line!r}")
        raise
def load(lines):
    out = []
    for i, line in enumerate(lines):
        try:
            out.append(parse(line))
        except ValueError as e:
            e.add_note(f"at line {i + 1}")
            raise RuntimeError("load failed") from e
    return out
print(load(["1", "2"]))
load(["3", "x"])
