# sys.hash_info, and the numeric hashes it describes.
import sys
print(sys.hash_info)
h = sys.hash_info
print(h.width, h.modulus == 2 ** 61 - 1, h.algorithm, len(h), h[2], type(h).__name__)
print(hash(float('inf')) == h.inf, hash(float('-inf')) == -h.inf, hash(2 ** 61 - 1), hash(2 ** 61), hash(1j) == h.imag)
print(hash(float(sys.float_info.max)) == hash(int(sys.float_info.max)))
