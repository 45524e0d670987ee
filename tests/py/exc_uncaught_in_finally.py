def f():
    try:
        return 1 / 0
    finally:
        print("finally before propagation")
f()
