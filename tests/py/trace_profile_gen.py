import sys

events = []

def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, frame.f_code.co_name, arg.__name__))
    elif event == "return":
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    else:
        events.append((event, frame.f_code.co_name, frame.f_lineno))

def gen():
    yield 1
    yield 2

def fails():
    return [].pop()

def main():
    out = [x * 2 for x in gen()]
    try:
        fails()
    except IndexError:
        out.append(len(out))
    d = {}
    d.setdefault("k", 1)
    return out

sys.setprofile(prof)
r = main()
sys.setprofile(None)
for e in events:
    print(e)
print(r)
