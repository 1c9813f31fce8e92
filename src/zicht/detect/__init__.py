"""Signal detection: indicators of trafficking found, explained and scored.

The public surface: load the taxonomy, match, score, train, evaluate. Heavy
libraries (scikit-learn, joblib) load only when a model is trained or used.
"""

from zicht.detect.detector import Detector, train
from zicht.detect.matcher import Hit, Matcher
from zicht.detect.model import DetectModel, Example
from zicht.detect.scorer import Analysis, Contribution
from zicht.detect.taxonomy import Indicator, Taxonomy, default_taxonomy, load_taxonomy

__all__ = [
    "Analysis",
    "Contribution",
    "DetectModel",
    "Detector",
    "Example",
    "Hit",
    "Indicator",
    "Matcher",
    "Taxonomy",
    "default_taxonomy",
    "load_taxonomy",
    "train",
]
