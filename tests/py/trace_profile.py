import sys

events = []

def prof(frame, event, arg):
    name = getattr(arg, '__name__', None) if event.startswith('c_') else None
    events.append((event, frame.f_code.co_name, name))

def helper(xs):
    xs.append(len(xs))
    return sorted(xs)

def main():
    helper([3, 1])
    try:
        int("zz")
    except ValueError:
        pass
    return abs(-2)

sys.setprofile(prof)
main()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
