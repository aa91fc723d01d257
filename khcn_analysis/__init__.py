"""khcn_analysis: the library behind the Lai Châu S&T planning workbook.

Data flows one way: raw (``data/raw``) -> validated -> processed (``data/processed``)
-> projected -> reported (``reports``). Each module holds one concept of that flow.
"""

__version__ = "0.1.0"
