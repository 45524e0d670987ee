class Money:
    def __init__(self, v):
        self.v = v
total = Money(1)
total = total + Money(2)
