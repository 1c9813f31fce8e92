"""Multiple systems estimation of the number of victims nobody registered.

Log-linear Poisson models over the overlaps between organisations' lists (Silverman
2014 for the UK Home Office; Chan, Silverman and Vincent's SparseMSE; van der Heijden
et al. for the Netherlands), chosen stepwise by AIC or BIC, with a bootstrap interval.
"""

from zicht.figures.mse.captures import (
    CaptureTable,
    from_combinations,
    parse_captures,
    read_captures,
    read_stratified_captures,
)
from zicht.figures.mse.estimate import Estimate, estimate, estimate_by_stratum
from zicht.figures.mse.select import NoFiniteEstimate, select_model

__all__ = [
    "CaptureTable",
    "Estimate",
    "NoFiniteEstimate",
    "estimate",
    "estimate_by_stratum",
    "from_combinations",
    "parse_captures",
    "read_captures",
    "read_stratified_captures",
    "select_model",
]
