"""Bilingual method text, interface catalogues and demo workshops (package data)."""
