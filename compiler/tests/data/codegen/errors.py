#### return_module
return 1
#### return_class
class C:
    return
#### break_module
break
#### break_in_function_no_loop
def f():
    break
#### continue_module
continue
#### continue_in_class_in_loop
for x in y:
    class C:
        continue
#### break_in_function_in_loop
for x in y:
    def f():
        break
#### yield_module
yield 1
#### yield_class
class C:
    x = yield
#### yield_from_module
yield from x
#### yield_from_async
async def f():
    yield from x
#### return_value_async_generator
async def f():
    yield 1
    return 2
#### async_for_sync_function
def f():
    async for x in y:
        pass
#### async_with_sync_function
def f():
    async with x:
        pass
#### async_for_module
async for x in y:
    pass
#### star_unpack_too_many
a, *b, c, *d = e
#### star_unpack_many_before
x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32, x33, x34, x35, x36, x37, x38, x39, x40, x41, x42, x43, x44, x45, x46, x47, x48, x49, x50, x51, x52, x53, x54, x55, x56, x57, x58, x59, x60, x61, x62, x63, x64, x65, x66, x67, x68, x69, x70, x71, x72, x73, x74, x75, x76, x77, x78, x79, x80, x81, x82, x83, x84, x85, x86, x87, x88, x89, x90, x91, x92, x93, x94, x95, x96, x97, x98, x99, x100, x101, x102, x103, x104, x105, x106, x107, x108, x109, x110, x111, x112, x113, x114, x115, x116, x117, x118, x119, x120, x121, x122, x123, x124, x125, x126, x127, x128, x129, x130, x131, x132, x133, x134, x135, x136, x137, x138, x139, x140, x141, x142, x143, x144, x145, x146, x147, x148, x149, x150, x151, x152, x153, x154, x155, x156, x157, x158, x159, x160, x161, x162, x163, x164, x165, x166, x167, x168, x169, x170, x171, x172, x173, x174, x175, x176, x177, x178, x179, x180, x181, x182, x183, x184, x185, x186, x187, x188, x189, x190, x191, x192, x193, x194, x195, x196, x197, x198, x199, x200, x201, x202, x203, x204, x205, x206, x207, x208, x209, x210, x211, x212, x213, x214, x215, x216, x217, x218, x219, x220, x221, x222, x223, x224, x225, x226, x227, x228, x229, x230, x231, x232, x233, x234, x235, x236, x237, x238, x239, x240, x241, x242, x243, x244, x245, x246, x247, x248, x249, x250, x251, x252, x253, x254, x255, x256, *rest = y
#### default_except_not_last
try:
    pass
except:
    pass
except E:
    pass
#### match_duplicate_capture
match x:
    case [a, a]:
        pass
#### match_capture_unreachable
match x:
    case y:
        pass
    case 1:
        pass
#### match_wildcard_unreachable
match x:
    case _:
        pass
    case 1:
        pass
#### match_or_different_names
match x:
    case [a] | [b]:
        pass
#### match_or_capture_unreachable
match x:
    case a | 1:
        pass
#### match_multiple_stars
match x:
    case [*a, *b]:
        pass
#### match_duplicate_mapping_key
match x:
    case {"a": 1, "a": 2}:
        pass
#### match_repeated_class_attr
match x:
    case C(a=1, a=2):
        pass
#### match_or_duplicate_with_outer
match x:
    case [a, (a | a)]:
        pass
#### late_future_import
x = 1
from __future__ import annotations
#### except_star_break
for x in y:
    try:
        pass
    except* E:
        break
#### except_star_return
def f():
    try:
        pass
    except* E:
        return 1
#### except_star_continue
for x in y:
    try:
        pass
    except* E:
        continue
#### debug_assign_global
def f():
    global __debug__
    __debug__ = 1
#### debug_import_as
import x as __debug__
#### debug_match_capture
match x:
    case __debug__:
        pass
#### debug_keyword_pattern
match x:
    case C(__debug__=1):
        pass
#### too_many_nested_blocks
for a0 in x:
 for a1 in x:
  for a2 in x:
   for a3 in x:
    for a4 in x:
     for a5 in x:
      for a6 in x:
       for a7 in x:
        for a8 in x:
         for a9 in x:
          for a10 in x:
           for a11 in x:
            for a12 in x:
             for a13 in x:
              for a14 in x:
               for a15 in x:
                for a16 in x:
                 for a17 in x:
                  for a18 in x:
                   for a19 in x:
                    for a20 in x:
                     for a21 in x:
                      pass
#### await_in_class_comprehension
async def f():
    class C:
        x = [await y for y in z]
#### async_comprehension_in_sync_nested
def f():
    return [[x async for x in y] for y in z]
#### nonlocal_in_class_unbound
def f():
    class C:
        nonlocal x
#### lambda_yield_ok_then_return
x = lambda: (yield)
return x
