print("consts loading")
PI = 3.14159
from ..square import Square as _Sq
UNIT = _Sq(1).area()
