"""Demo workshops in the interchange format."""
