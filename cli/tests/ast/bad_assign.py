import os

def f(a, b):
    if a = b:
        return a
