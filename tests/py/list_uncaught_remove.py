inventory = ["apple", "pear"]
inventory.remove("pear")
print(inventory)
inventory.remove("banana")
