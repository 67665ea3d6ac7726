"""Version of the guideline reading: STECR Werkwijzer April 2022, plus this engine's revision."""

GUIDELINE_VERSION = "2022.04-1"
