from zicht.detect.candidates import Candidate, KeyValue, Match, Windows
from zicht.detect.negation import Assessment

def candidates(
    matches: list[Match], values: list[KeyValue], folded: str, windows: Windows
) -> list[Candidate]: ...
def assess(text: str, start: int, end: int) -> Assessment: ...
