"""`jxlint lsp`: a language server over stdio (needs the `lsp` extra: pygls, lsprotocol).

positions.py and fixes.py do not import pygls, so what they compute is tested
without it; server.py wires them to the protocol.
"""
