def ratio(a, b):
    return a // b
def main():
    total = 0
    for i in range(3, -1, -1):
        total += ratio(10, i)
        print("step", i, total)
main()
