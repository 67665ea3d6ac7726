"""Werkvrede: workplace-conflict handling along the STECR Werkwijzer."""
