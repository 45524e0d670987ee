for width in range(3, 9):
    print(f"[{'ab':^{width}}] [{'abc':^{width}}] [{'ab'.center(width)}] [{'abc'.center(width, '*')}]")
