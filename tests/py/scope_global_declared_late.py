counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def create():
    global created
    created = "new global"
create()
print(created)
def read_then_assign():
    try:
        print(counter)
    except UnboundLocalError as e:
        print(e)
    counter = 5
read_then_assign()
def del_local():
    v = 1
    del v
    try:
        v
    except UnboundLocalError as e:
        print(e)
del_local()
