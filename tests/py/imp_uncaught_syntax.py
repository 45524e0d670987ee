import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_syntax_bad
