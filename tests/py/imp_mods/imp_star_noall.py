import sys as _sys
visible = "visible"
_invisible = "invisible"
def helper():
    return "helper"
