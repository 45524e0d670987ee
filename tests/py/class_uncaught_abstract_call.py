class Animal:
    def speak(self):
        raise NotImplementedError(f"{type(self).__name__} must implement speak()")
class Dog(Animal):
    def speak(self):
        return "woof"
class Fish(Animal):
    pass
for a in [Dog(), Fish()]:
    print(a.speak())
