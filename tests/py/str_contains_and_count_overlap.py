s = "aaaa"
print(s.count("aa"), s.find("aa", 1), "aa" in s, s.replace("aa", "b"), s.split("aa"), "abababa".count("aba"), "abababa".rfind("aba"))
print("𝔘𝔫𝔦𝔠𝔬𝔡𝔢".count("𝔫"), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"[2], len("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢".upper())
