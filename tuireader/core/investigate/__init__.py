"""Investigating a corpus as a whole: who is in it, who said what, who appears with whom, when.

Pure logic over compact per-article rows (entity and speaker name ids with mention counts)
that the annotation pass keeps in the metadata store; the door (``core.library``) reads the
rows and hands them here. Nothing here touches a terminal, the index or the store.
"""
