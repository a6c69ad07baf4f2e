"""Lumen's safety layer: the crisis screen, crisis resources and the concern addendum."""

from safety.resources import (
    CrisisResources,
    Line,
    concern_addendum,
    crisis_message,
    helper_message,
    resources_for,
)
from safety.review import OutputReview, review_output
from safety.screen import screen
from safety.screening import Category, Evidence, Level, Screening

__all__ = [
    "Category",
    "CrisisResources",
    "Evidence",
    "Level",
    "Line",
    "OutputReview",
    "Screening",
    "concern_addendum",
    "crisis_message",
    "helper_message",
    "resources_for",
    "review_output",
    "screen",
]
