class Inventory:
    def __init__(self):
        self.items = {}
    @property
    def total(self):
        return sum(self.price_of(k) for k in self.items)
    def price_of(self, k):
        return self.items[k]["price"]
inv = Inventory()
inv.items = {"a": {"price": 1}, "b": {"cost": 2}}
print(inv.total)
