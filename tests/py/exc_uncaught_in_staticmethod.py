class Math:
    @staticmethod
    def safe_div(a, b):
        return a / b
    @classmethod
    def ratio(cls, a, b):
        return cls.safe_div(a, b)
print(Math.ratio(1, 2))
print(Math.ratio(1, 0))
