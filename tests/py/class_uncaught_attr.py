class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
    def report(self):
        return f"{self.owner}: {self.balanse}"
acct = Account("ann")
print(acct.owner)
print(acct.report())
