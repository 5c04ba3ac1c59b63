"""storyline: news pages in, a sourced record of who did what to whom out.

The library comes first; the CLI, the API and the Spark job are thin adapters.
Importing this package imports nothing heavy.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
