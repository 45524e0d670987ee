"""String formatting: f-strings with format specs, % formatting, str.format, repr of floats."""
N = 100_000


def run(n):
    total = 0
    lines = []
    for i in range(n):
        x = i * 1.25
        s = f"{i:6d}|{x:10.3f}|{i:#x}|{'row':>5}{i % 7:02d}"
        t = "%5d %-8s %.2e" % (i, "v" + str(i % 10), x)
        u = "{0}:{1:>4}".format(i % 13, i % 101)
        total += len(s) + len(t) + len(u)
        if i % 997 == 0:
            lines.append(f"{x!r} {i:,} {x:.1%}")
    return total, len("\n".join(lines))


print("checksum", run(N))
