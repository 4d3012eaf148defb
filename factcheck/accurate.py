"""placeholder"""
import numpy as np
from .types import LABELS, Attribution
def explain(inputs, proba):
    return [Attribution(scores={lab: float(p) for lab, p in zip(LABELS, row)}) for row in proba]
