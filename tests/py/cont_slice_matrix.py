# every slice of a 6-item list, range and tuple: read, assign (same and other sizes), delete
vals = [None, -7, -3, -1, 0, 1, 2, 5, 9]
steps = [None, -3, -2, -1, 1, 2, 4]
lines = []
for start in vals:
    for stop in vals:
        for step in steps:
            s = slice(start, stop, step)
            base = [0, 1, 2, 3, 4, 5]
            got = base[s]
            r = range(10, 16)[s]
            t = (0, 1, 2, 3, 4, 5)[s]
            same = list(r) == [10 + x for x in got] and list(t) == got
            a = base[:]
            a[s] = [x + 100 for x in got]
            b = base[:]
            try:
                b[s] = ["x"]
                bres = b
            except ValueError as e:
                bres = str(e)
            c = base[:]
            del c[s]
            lines.append(str(got) + " " + str(a) + " " + str(bres) + " " + str(c) + " " + str(same) + " " + str(s.indices(6)))
print(len(lines))
for line in lines:
    print(line)
