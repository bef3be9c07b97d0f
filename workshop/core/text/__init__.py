"""Text engine shared by the terminal and the PDF: bidi levels, control policy, break rules.

Pure Python and cheap to import (no shaping library); shaping stays with each medium
(`workshop.core.rtl` for the terminal, `workshop.core.export.pdf_text` for the PDF).
"""
