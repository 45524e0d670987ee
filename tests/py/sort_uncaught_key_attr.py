class Item:
    def __init__(self, name, price=None):
        self.name = name
        if price is not None:
            self.price = price
items = [Item("a", 3), Item("b", 1), Item("c")]
print([i.name for i in sorted(items[:2], key=lambda i: i.price)])
print([i.name for i in sorted(items, key=lambda i: i.price)])
